// Migrating running instances to a later version (migrate_workflow_instances), against the real
// database, for every plugin and every pair of its versions: the dry run reports each instance
// and changes nothing; only a street office runs it, and only on its street's; what would stop an
// instance (a state the new version lacks, a form its schema refuses, a named handler who may not
// handle the new state) keeps it where it is; a migrated one keeps its log, gains one row, keeps
// its handlers and follows the new version's deadline.
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { compileVersion } from '../../src/workflow/compile.ts';
import type { WorkflowPlugin } from '../../src/workflow/types.ts';
import { WORKFLOWS } from '../../workflows/registry.ts';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';
import { createUser, signedIn, superuser } from '../support/clients.ts';
import { heldUnit, subjectIn, type WorldPlace } from '../support/declarations.ts';

const PASSWORD = 'migration-pass-123';
const run = `${process.pid}${Date.now().toString(36)}`;
const db: pg.Client = await superuser();
const query = async <T,>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];
const add = async (kind: string, name: string, parent: number | null) =>
  (await query<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [kind, `${name}-${run}`, parent]))[0]!.id;

const district = await add('district', '迁移区', null);
const street = await add('street', '迁移街道', district);
const community = await add('community', '迁移社区', street);
const otherStreet = await add('street', '迁移另一街道', district);
const member = async (name: string, unit: number, role: string) => {
  const id = await createUser(db, `${name}.${run}@migration.local`, PASSWORD, name);
  await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [id, unit, role]);
  return { id, client: await signedIn(`${name}.${run}@migration.local`, PASSWORD) };
};
const office = await member('office', street, 'street_office');
const otherOffice = await member('otheroffice', otherStreet, 'street_office');
const reviewer = await member('reviewer', street, 'reviewer');
const filer = await member('filer', community, 'community_filer');

afterAll(async () => {
  await db?.end();
});

// Where a plugin's instances live here: the community or the street, or, for a plugin whose
// instances are about units of kinds it declares (a micro-grid), in its first world's units.
const places = new Map<string, Promise<WorldPlace>>();
function placeOf(plugin: WorkflowPlugin): Promise<WorldPlace> {
  if (!places.has(plugin.name)) {
    places.set(plugin.name, (async () => {
      const at = { district, street, community };
      const world = plugin.examples.worlds?.[0];
      const aboutOwnKinds = !plugin.subjectKinds.some((k) => k === 'community' || k === 'street');
      const row = aboutOwnKinds && world ? await world.setup((sql, params = []) => query(sql, params), at) : undefined;
      return { ...at, row };
    })());
  }
  return places.get(plugin.name)!;
}

/** An instance of the version standing in the state (entered by a log row, so its timers are planned). */
async function standing(plugin: WorkflowPlugin, version: number, state: string, form: Record<string, unknown> = {}) {
  const subject = subjectIn(plugin, await placeOf(plugin));
  const [row] = await query<{ id: number }>(
    `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form)
     select $1, $2, $3, u.id, u.street_id, u.community_id, $4 from public.units u where u.id = $5 returning id::int`,
    [plugin.name, version, state, form, subject],
  );
  await db.query(
    `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_roles, street_id, community_id)
     select i.id, i.workflow, i.version, 'enter', null, i.state, '{}', i.street_id, i.community_id from public.workflow_instances i where i.id = $1`,
    [row!.id],
  );
  return row!.id;
}
const migrate = (client: SupabaseClient, plugin: WorkflowPlugin, from: number, to: number, ids: number[], dryRun: boolean, states: Record<string, string> = {}) =>
  client.rpc('migrate_workflow_instances', { p_workflow: plugin.name, p_from_version: from, p_to_version: to, p_states: states, p_instance_ids: ids, p_dry_run: dryRun });
type Result = { instance_id: number; from_state: string; to_state: string | null; migrated: boolean; problems: { kind: string }[] };
const instance = async (id: number) =>
  (await query<{ version: number; state: string; revision: number }>('select version, state, revision from public.workflow_instances where id = $1', [id]))[0]!;
const logOf = async (id: number) => query<{ id: number; event: string; payload: Record<string, unknown> }>('select id::int, event, payload from public.workflow_events where instance_id = $1 order by id', [id]);

const PAIRS = [samplePlugin, ...WORKFLOWS].flatMap((plugin) =>
  plugin.versions.slice(1).map((to, i) => ({ plugin, from: compileVersion(plugin, plugin.versions[i]!), to: compileVersion(plugin, to) })),
);

describe('the pairs', () => {
  it('every plugin with two versions or more has its pairs replayed', () => {
    expect(PAIRS.some((p) => p.plugin.name === 'application' && p.to.version === 3)).toBe(true);
  });
});

for (const { plugin, from, to } of PAIRS) {
  const running = from.states.filter((s) => !s.final && to.states.some((t) => t.path === s.path)).map((s) => s.path);

  describe(`${plugin.name} v${from.version} → v${to.version}`, () => {
    it('a dry run reports every running instance of the street and changes nothing; only its street office may run it', async () => {
      const ids = await Promise.all(running.map((state) => standing(plugin, from.version, state)));
      const before = await Promise.all(ids.map(logOf));
      const { data, error } = await migrate(office.client, plugin, from.version, to.version, ids, true);
      expect(error).toBeNull();
      expect((data as Result[]).map((r) => [r.instance_id, r.from_state, r.to_state, r.migrated, r.problems])).toEqual(ids.map((id, i) => [id, running[i], running[i], false, []]));
      expect(await Promise.all(ids.map(logOf))).toEqual(before);
      for (const id of ids) expect((await instance(id)).version).toBe(from.version);

      expect((await migrate(reviewer.client, plugin, from.version, to.version, ids, false)).error?.code).toBe('WF003');
      expect((await migrate(filer.client, plugin, from.version, to.version, ids, false)).error?.code).toBe('WF003');
      // Another street's office: not one of them, not even that they exist.
      expect((await migrate(otherOffice.client, plugin, from.version, to.version, ids, false)).data).toEqual([]);
      expect((await migrate(office.client, plugin, to.version, from.version, ids, true)).error?.code).toBe('WF006');
      for (const id of ids) expect((await instance(id)).version).toBe(from.version);
    });

    it('migrates: the log kept and one row more, the deadline of the new version, the revision moved', async () => {
      const ids = await Promise.all(running.map((state) => standing(plugin, from.version, state)));
      const before = await Promise.all(ids.map(logOf));
      const { data, error } = await migrate(office.client, plugin, from.version, to.version, ids, false);
      expect(error).toBeNull();
      expect((data as Result[]).every((r) => r.migrated)).toBe(true);
      for (const [i, id] of ids.entries()) {
        expect(await instance(id)).toEqual({ version: to.version, state: running[i], revision: 1 });
        const log = await logOf(id);
        expect(log.slice(0, -1)).toEqual(before[i]);
        expect(log.at(-1)).toMatchObject({
          event: 'migrate',
          payload: { from_version: from.version, to_version: to.version, from_state: running[i], to_state: running[i] },
        });
        // A deadline a span after entering: one open due timer when the new version declares one, none when not.
        const declared = to.deadlines.find((d) => d.state === running[i]);
        if (!declared || declared.dueAfter) {
          const [open] = await query<{ n: number }>(`select count(*)::int as n from public.workflow_timers where instance_id = $1 and kind = 'due' and done_at is null and cancelled_at is null`, [id]);
          expect(open!.n, running[i]).toBe(declared ? 1 : 0);
        }
      }
      // Once migrated, not again from the old version.
      expect((await migrate(office.client, plugin, from.version, to.version, ids, true)).data).toEqual([]);
    });

    it('what would stop one keeps it where it is: a state the new version lacks, a form its schema refuses', async () => {
      const state = running[0]!;
      const elsewhere = await standing(plugin, from.version, state);
      const badForm = await standing(plugin, from.version, state, { not_a_field: 1 });
      const good = await standing(plugin, from.version, state);
      const mapped = await migrate(office.client, plugin, from.version, to.version, [elsewhere], false, { [state]: 'no_such_state' });
      expect((mapped.data as Result[])[0]).toMatchObject({ migrated: false, problems: [{ kind: 'state' }] });
      const { data } = await migrate(office.client, plugin, from.version, to.version, [badForm, good], false);
      expect((data as Result[]).map((r) => [r.instance_id, r.migrated, r.problems.map((p) => p.kind)])).toEqual([[badForm, false, ['form']], [good, true, []]]);
      expect((await instance(elsewhere)).version).toBe(from.version);
      expect((await instance(badForm)).version).toBe(from.version);
    });

    if (running.length > 1) {
      it(`a plan that maps ${running[1]} to ${running[0]}: it moves there, logged so, with the new state's timers`, async () => {
        const id = await standing(plugin, from.version, running[1]!);
        const { data } = await migrate(office.client, plugin, from.version, to.version, [id], false, { [running[1]!]: running[0]! });
        expect((data as Result[])[0]).toMatchObject({ from_state: running[1], to_state: running[0], migrated: true });
        expect(await instance(id)).toMatchObject({ version: to.version, state: running[0] });
        expect((await logOf(id)).at(-1)).toMatchObject({ event: 'migrate', payload: { from_state: running[1], to_state: running[0] } });
        const states = await query<{ state: string }>('select distinct state from public.workflow_timers where instance_id = $1 and done_at is null and cancelled_at is null', [id]);
        expect(states.every((t) => t.state === running[0])).toBe(true);
      });
    }

    const assigned = to.stateOptions.find((o) => o.assignRoles && running.includes(o.state));
    if (assigned) {
      it(`${assigned.state}: a handler who may handle it in the new version stays; one who may not stops it`, async () => {
        const keeps = await standing(plugin, from.version, assigned.state);
        const stops = await standing(plugin, from.version, assigned.state);
        // (someone holding a role that may handle it, where the role is held; the filer may not)
        const role = assigned.assignRoles![0]!;
        const holder = role === 'reviewer' ? reviewer.id : role === 'street_office' ? office.id
          : (await member(`holder-${plugin.name}-v${from.version}v${to.version}`, heldUnit(role, await placeOf(plugin))!, role)).id;
        for (const [id, user] of [[keeps, holder], [stops, filer.id]] as const) {
          await db.query(`insert into public.workflow_assignments (instance_id, state, user_id, kind, event_id)
            select $1, $2, $3, 'owner', max(id) from public.workflow_events where instance_id = $1`, [id, assigned.state, user]);
        }
        const { data } = await migrate(office.client, plugin, from.version, to.version, [keeps, stops], false);
        expect((data as Result[]).map((r) => [r.migrated, r.problems.map((p) => p.kind)])).toEqual([[true, []], [false, ['handler']]]);
        const [kept] = await query<{ user_id: string }>('select user_id from public.workflow_assignments where instance_id = $1 and ended_at is null', [keeps]);
        expect(kept!.user_id).toBe(holder);
      });
    }
  });
}
