// 我的待办 as the database answers it (workflow_todo), against a model of the rule written from
// the compiled machines: for every plugin, version and atomic state, an instance stands there in
// a street of this file's own; for every state that names its handlers, one more handled by the
// user, one by another user of the role, one delegated by that other to the user. Each role's
// user (and a second one, and a filer of another community) gets exactly the instances a
// transition of their roles leaves, the named handlers' only where handlers are named, in the
// order the page shows (mine first, then the longest wait; or the nearest deadline), with the
// total and the pages consistent; nothing finished, nothing of another street.
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { MemberRole } from '../../src/access/roles.ts';
import { compileVersion } from '../../src/workflow/compile.ts';
import { stateAncestors } from '../../src/workflow/machine.ts';
import type { WorkflowPlugin } from '../../src/workflow/types.ts';
import { WORKFLOWS } from '../../workflows/registry.ts';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';
import { anonClient, createUser, signedIn, superuser } from '../support/clients.ts';
import { ALL_ROLES, heldUnit, subjectIn } from '../support/declarations.ts';

const PASSWORD = 'todo-pass-123';
const run = `${process.pid}${Date.now().toString(36)}`;
const PLUGINS: WorkflowPlugin[] = [samplePlugin, ...WORKFLOWS];
const NAMES = PLUGINS.map((p) => p.name);
const db: pg.Client = await superuser();
const query = async <T,>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];
const add = async (kind: string, name: string, parent: number | null) =>
  (await query<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [kind, `${name}-${run}`, parent]))[0]!.id;

const district = await add('district', '待办区', null);
const street = await add('street', '待办街道', district);
const c1 = await add('community', '待办一社区', street);
const c2 = await add('community', '待办二社区', street);
// An instance of another street, which none of this file's users may see.
const otherStreet = await add('street', '待办外街道', district);

// The first world of each plugin that declares unit kinds, around the street and c1: the units
// its own roles are held in. (Other worlds make instances of their own, a campaign's say, which
// this file's model does not stand.)
const worldRows = new Map<string, Record<string, unknown>>();
for (const plugin of PLUGINS) {
  const world = Object.keys(plugin.declares?.unitKinds ?? {}).length ? plugin.examples.worlds?.[0] : undefined;
  worldRows.set(plugin.name, world ? await world.setup(async (sql, params = []) => (await db.query(sql, params)).rows, { street, community: c1 }) : {});
}
const rowOfRole = (role: string) => worldRows.get(PLUGINS.find((p) => role in (p.declares?.roles ?? {}))?.name ?? '') ?? {};

interface User { key: string; id: string; client: SupabaseClient; roles: { role: MemberRole; street: number | null; community: number | null }[] }
const users: User[] = [];
for (const role of ALL_ROLES) {
  const held = heldUnit(role, { district, street, community: c1, row: rowOfRole(role) });
  if (held === null) continue;
  for (const n of ['one', 'two']) {
    const email = `${role}.${n}.${run}@todo.local`;
    const id = await createUser(db, email, PASSWORD, `${role} ${n}`);
    await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [id, held, role]);
    const [m] = await query<{ street_id: number | null; community_id: number | null }>(
      'select street_id::int, community_id::int from public.memberships where user_id = $1', [id],
    );
    users.push({ key: `${role}.${n}`, id, client: await signedIn(email, PASSWORD), roles: [{ role, street: m!.street_id, community: m!.community_id }] });
  }
}
{
  const email = `outsider.${run}@todo.local`;
  const id = await createUser(db, email, PASSWORD, '二社区填报员');
  await db.query("insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'community_filer')", [id, c2]);
  users.push({ key: 'outsider', id, client: await signedIn(email, PASSWORD), roles: [{ role: 'community_filer', street, community: c2 }] });
}
const user = (key: string) => users.find((u) => u.key === key)!;

afterAll(async () => {
  await db?.end();
});

interface Placed { id: number; plugin: WorkflowPlugin; version: number; state: string; street: number; community: number | null; done: boolean; handlers: { user: string; kind: 'owner' | 'delegate' }[] }
const placed: Placed[] = [];
let minutesAgo = 10_000;

/** An instance standing in the state, entered as a logged move enters it (an earlier one each time), with these handlers. */
async function stand(plugin: WorkflowPlugin, version: number, state: string, done: boolean, handlers: Placed['handlers'] = [], at = street) {
  const subject = at !== street ? at : subjectIn(plugin, { district, street, community: c1, row: worldRows.get(plugin.name) });
  const [row] = await query<{ id: number; street_id: number; community_id: number | null }>(
    `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, done)
     select $1, $2, $3, u.id, u.street_id, u.community_id, $5 from public.units u where u.id = $4 returning id::int, street_id::int, community_id::int`,
    [plugin.name, version, state, subject, done],
  );
  const [event] = await query<{ id: number }>(
    `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_roles, street_id, community_id, created_at)
     select i.id, i.workflow, i.version, 'enter', null, i.state, '{}', i.street_id, i.community_id, now() - make_interval(mins => $2)
     from public.workflow_instances i where i.id = $1 returning id::int`,
    [row!.id, (minutesAgo -= 7)],
  );
  for (const h of handlers) {
    await db.query(
      `insert into public.workflow_assignments (instance_id, state, user_id, kind, delegated_by, event_id) values ($1, $2, $3, $4, $5, $6)`,
      [row!.id, state, h.user, h.kind, h.kind === 'delegate' ? handlers.find((o) => o.kind === 'owner')!.user : null, event!.id],
    );
  }
  placed.push({ id: row!.id, plugin, version, state, street: row!.street_id, community: row!.community_id, done, handlers });
}

for (const plugin of PLUGINS) {
  for (const version of plugin.versions) {
    const compiled = compileVersion(plugin, version);
    for (const { path, final } of compiled.states) {
      await stand(plugin, version.version, path, final);
      const options = compiled.stateOptions.find((o) => o.state === path && o.assignRoles);
      if (!options || final) continue;
      const role = options.assignRoles![0]!;
      await stand(plugin, version.version, path, false, [{ user: user(`${role}.one`).id, kind: 'owner' }]);
      await stand(plugin, version.version, path, false, [{ user: user(`${role}.two`).id, kind: 'owner' }]);
      await stand(plugin, version.version, path, false, [{ user: user(`${role}.two`).id, kind: 'owner' }, { user: user(`${role}.one`).id, kind: 'delegate' }]);
    }
    const open = compiled.states.find((s) => !s.final)!.path;
    await stand(plugin, version.version, open, false, [], otherStreet);
  }
}
const deadlines = new Map(
  (await query<{ instance_id: number; deadline: string }>(
    `select t.instance_id::int, min(t.deadline_at)::text as deadline from public.workflow_timers t
     join public.workflow_instances i on i.id = t.instance_id and i.state = t.state
     where t.cancelled_at is null group by t.instance_id`,
  )).map((r) => [r.instance_id, new Date(r.deadline).getTime()]),
);
const entered = new Map(
  (await query<{ id: number; entered_at: string }>('select id::int, entered_at::text from public.workflow_instances where id = any($1)', [placed.map((p) => p.id)]))
    .map((r) => [r.id, new Date(r.entered_at).getTime()]),
);

/** What waits for the user, by the rule, in the page's order. */
function expected(u: User, order: 'waited' | 'deadline') {
  const rows = placed.flatMap((p) => {
    if (p.done) return [];
    const roles = u.roles
      .filter((m) => (m.community === null ? m.street === p.street : m.community === p.community))
      .map((m) => m.role);
    const compiled = compileVersion(p.plugin, p.plugin.versions.find((v) => v.version === p.version)!);
    const ancestors = stateAncestors(p.state);
    if (!compiled.transitions.some((t) => ancestors.includes(t.from) && t.roles.some((r) => roles.includes(r)))) return [];
    const mine = p.handlers.find((h) => h.user === u.id)?.kind ?? null;
    if (!mine && p.handlers.some((h) => h.kind === 'owner')) return [];
    return [{ id: p.id, mine, entered: entered.get(p.id)!, deadline: deadlines.get(p.id) ?? null }];
  });
  return rows.sort((a, b) =>
    order === 'waited'
      ? Number(a.mine === null) - Number(b.mine === null) || a.entered - b.entered || a.id - b.id
      : (a.deadline ?? Infinity) - (b.deadline ?? Infinity) || a.entered - b.entered || a.id - b.id,
  );
}

const todo = async (u: User, order: 'waited' | 'deadline', offset = 0, limit = 1000) => {
  const { data, error } = await u.client.rpc('workflow_todo', { p_workflows: NAMES, p_order: order, p_offset: offset, p_limit: limit });
  if (error) throw new Error(error.message);
  return data as { id: number; workflow: string; version: number; state: string; street_id: number; subject: string; entered_at: string; mine: string | null; total: number }[];
};

describe('我的待办 (workflow_todo)', () => {
  it('the file stands instances in every state of every version, handled and not', () => {
    expect(placed.filter((p) => p.handlers.length).length).toBeGreaterThan(0);
    expect(placed.filter((p) => p.done).length).toBeGreaterThan(0);
  });

  for (const order of ['waited', 'deadline'] as const) {
    it(`each user gets what the rule gives them, in the ${order} order, with the total`, async () => {
      let someone = 0;
      for (const u of users) {
        const want = expected(u, order);
        const got = await todo(u, order);
        expect(got.map((r) => r.id), `${u.key}`).toEqual(want.map((r) => r.id));
        expect(got.map((r) => r.mine), `${u.key}`).toEqual(want.map((r) => r.mine));
        for (const r of got) expect(r.total, u.key).toBe(want.length);
        if (want.length) someone++;
      }
      // (the rule lists something for several roles, and not everything for anyone)
      expect(someone).toBeGreaterThan(2);
      for (const u of users) expect(expected(u, order).length).toBeLessThan(placed.length);
    });
  }

  it('pages are slices of the whole, and each row carries what the list shows', async () => {
    const u = user('reviewer.one');
    const all = await todo(u, 'waited');
    expect(all.length).toBeGreaterThan(6);
    const page = await todo(u, 'waited', 3, 4);
    expect(page.map((r) => r.id)).toEqual(all.slice(3, 7).map((r) => r.id));
    expect(page[0]!.total).toBe(all.length);
    const p = placed.find((x) => x.id === page[0]!.id)!;
    expect(page[0]).toMatchObject({ workflow: p.plugin.name, version: p.version, state: p.state, street_id: p.street });
    expect(page[0]!.subject).toMatch(/待办/);
    expect(new Date(page[0]!.entered_at).getTime()).toBe(entered.get(p.id));
    // past the end: nothing; a limit is capped, never negative
    expect(await todo(u, 'waited', all.length, 10)).toEqual([]);
    expect(await todo(u, 'waited', 0, -5)).toEqual([]);
  });

  it('a move into another state restarts the wait; a row that keeps the state does not', async () => {
    const p = placed.find((x) => !x.done && !x.handlers.length && x.plugin.name === 'sample')!;
    const before = entered.get(p.id)!;
    await db.query(
      `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_roles, street_id, community_id)
       select id, workflow, version, 'urge', state, state, '{}', street_id, community_id from public.workflow_instances where id = $1`, [p.id],
    );
    const [kept] = await query<{ entered_at: string }>('select entered_at::text from public.workflow_instances where id = $1', [p.id]);
    expect(new Date(kept!.entered_at).getTime()).toBe(before);
    const other = placed.find((x) => x.plugin.name === 'sample' && x.version === p.version && x.state !== p.state && !x.done)!.state;
    await db.query('update public.workflow_instances set state = $2 where id = $1', [p.id, other]);
    await db.query(
      `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_roles, street_id, community_id)
       select id, workflow, version, 'enter', $2, state, '{}', street_id, community_id from public.workflow_instances where id = $1`, [p.id, p.state],
    );
    const [moved] = await query<{ entered_at: string }>('select entered_at::text from public.workflow_instances where id = $1', [p.id]);
    expect(new Date(moved!.entered_at).getTime()).toBeGreaterThan(before);
    // (put back as the other tests read it)
    await db.query('update public.workflow_instances set state = $2, entered_at = to_timestamp($3 / 1000.0) where id = $1', [p.id, p.state, before]);
  });

  it('anon may not ask', async () => {
    const { error } = await anonClient().rpc('workflow_todo', { p_workflows: NAMES });
    expect(error?.code).toBe('42501');
  });
});
