// Named handlers (指派, 转交, 委派, 改派), 抄送, 退回到任意节点 and batch actions, against the real
// database as each role. For every plugin, version and declaration (workflow_state_options,
// workflow_cc_rules): the sender picks who handles the state entered; a pick outside the
// declared roles or the scope is refused; only the handler acts; a handover, a delegation and
// its answer are log rows with their comment and messages; copies reach the roles declared and
// the people named; a return goes to any step passed and comes straight back.
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { MemberRole } from '../../src/access/roles.ts';
import { compileVersion, type CompiledCountersign, type CompiledTransition, type CompiledVersion } from '../../src/workflow/compile.ts';
import { failedGuard, stateAncestors } from '../../src/workflow/machine.ts';
import { exampleForms, type WorkflowPlugin, type WorkflowVersion } from '../../src/workflow/types.ts';
import { WORKFLOWS } from '../../workflows/registry.ts';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';
import { createUser, signedIn, superuser } from '../support/clients.ts';
import { ALL_ROLES, heldUnit, rolesOf, subjectIn } from '../support/declarations.ts';

const PASSWORD = 'handlers-pass-123';
const run = `${process.pid}${Date.now().toString(36)}`;
const PLUGINS: WorkflowPlugin[] = [samplePlugin, ...WORKFLOWS];
const db: pg.Client = await superuser();
const query = async <T,>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];
const add = async (kind: string, name: string, parent: number | null) =>
  (await query<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [kind, `${name}-${run}`, parent]))[0]!.id;

// One street per plugin (its first example world set up there), two communities; one user per
// role and a second ("other") user per role, street-wide roles on the street, filers on the
// first community; a filer of the second community, who sees nothing of the first's.
interface Place { street: number; c1: number; c2: number; row?: Record<string, unknown> }
const district = await add('district', '办理人区', null);
const as = {} as Record<MemberRole, SupabaseClient>;
const userOf = {} as Record<MemberRole, string>;
const otherAs = {} as Record<MemberRole, SupabaseClient>;
const otherOf = {} as Record<MemberRole, string>;
// a third per role, to sign (会签) beside the two
const thirdAs = {} as Record<MemberRole, SupabaseClient>;
const thirdOf = {} as Record<MemberRole, string>;
for (const role of ALL_ROLES) {
  userOf[role] = await createUser(db, `${role}.${run}@handlers.local`, PASSWORD, `${role} 一`);
  as[role] = await signedIn(`${role}.${run}@handlers.local`, PASSWORD);
  otherOf[role] = await createUser(db, `${role}.other.${run}@handlers.local`, PASSWORD, `${role} 二`);
  otherAs[role] = await signedIn(`${role}.other.${run}@handlers.local`, PASSWORD);
  thirdOf[role] = await createUser(db, `${role}.third.${run}@handlers.local`, PASSWORD, `${role} 三`);
  thirdAs[role] = await signedIn(`${role}.third.${run}@handlers.local`, PASSWORD);
}
const outsiderId = await createUser(db, `outsider.${run}@handlers.local`, PASSWORD, '外社区填报员');
const outsider = await signedIn(`outsider.${run}@handlers.local`, PASSWORD);
const places = new Map<string, Place>();
// The example forms of each plugin, made from what its first world's setup returned.
const formsOf = new Map<string, Record<string, unknown>[]>();
for (const plugin of PLUGINS) {
  const street = await add('street', `办理街道-${plugin.name}`, district);
  const place = { street, c1: await add('community', `办理一社区-${plugin.name}`, street), c2: await add('community', `办理二社区-${plugin.name}`, street) };
  await db.query(`insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'community_filer')`, [outsiderId, place.c2]);
  const world = plugin.examples.worlds?.[0];
  const row = world ? await world.setup(async (sql, params = []) => (await db.query(sql, params)).rows, { street, community: place.c1 }) : {};
  // The core's roles and the plugin's own, where the tests hold them (a plugin's in its world's units).
  for (const role of rolesOf(plugin)) {
    const held = heldUnit(role, { district, street, community: place.c1, row });
    if (held === null) continue;
    for (const user of [userOf[role], otherOf[role], thirdOf[role]]) {
      await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3) on conflict do nothing', [user, held, role]);
    }
  }
  formsOf.set(plugin.name, exampleForms(plugin.examples.forms, row));
  places.set(plugin.name, { ...place, row });
}

afterAll(async () => {
  await db?.end();
});

/** An instance standing in the state, after the log rows that took it through `passed` (the start first). */
async function standing(plugin: WorkflowPlugin, version: number, state: string, form: Record<string, unknown>, passed: string[] = []) {
  const place = places.get(plugin.name)!;
  const subject = subjectIn(plugin, { district, street: place.street, community: place.c1, row: place.row });
  const [row] = await query<{ id: number }>(
    `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form)
     select $1, $2, $3, u.id, u.street_id, u.community_id, $4 from public.units u where u.id = $5 returning id::int`,
    [plugin.name, version, state, form, subject],
  );
  let from: string | null = null;
  for (const to of [...passed, state]) {
    await db.query(
      `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_roles, street_id, community_id)
       select i.id, i.workflow, i.version, 'enter', $2, $3, '{}', i.street_id, i.community_id from public.workflow_instances i where i.id = $1`,
      [row!.id, from, to],
    );
    from = to;
  }
  return row!.id;
}
const instance = async (id: number) =>
  (await query<{ state: string; revision: number }>('select state, revision from public.workflow_instances where id = $1', [id]))[0]!;
const facts = async (id: number) => (await query<{ facts: Record<string, unknown> }>('select private.wf_facts(i) as facts from public.workflow_instances i where i.id = $1', [id]))[0]!.facts;
const handlers = async (id: number) =>
  (await query<{ user_id: string; kind: string }>('select user_id, kind from public.workflow_assignments where instance_id = $1 and ended_at is null order by kind, user_id', [id]));
const messagesOf = async (client: SupabaseClient, id: number) => {
  const { data, error } = await client.from('workflow_messages').select('kind, comment').eq('instance_id', id).order('id');
  if (error) throw new Error(error.message);
  return data;
};
const detail = (error: { details?: string } | null) => JSON.parse(error?.details ?? '{}') as Record<string, unknown>;
const fire = (client: SupabaseClient, id: number, event: string, revision: number, payload: Record<string, unknown>, extra: { p_assignees?: string[]; p_cc?: string[] } = {}) =>
  client.rpc('fire_event', { p_instance_id: id, p_event: event, p_expected_revision: revision, p_payload: payload, ...extra });

/** A transition the sender's role (one of `roles`, if given) may take into (or with) what the test needs, with an atomic state to stand in, a payload and a form its guards pass. */
function takeable(plugin: WorkflowPlugin, version: WorkflowVersion, compiled: CompiledVersion, match: (t: CompiledTransition) => boolean, world: Record<string, unknown>, roles?: MemberRole[]) {
  for (const t of compiled.transitions.filter(match)) {
    const from = compiled.states.find((s) => !s.final && (s.path === t.from || s.path.startsWith(`${t.from}.`)))?.path;
    if (!from) continue;
    for (const role of t.roles.filter((r) => !roles || roles.includes(r))) {
      for (const payload of (plugin.examples.payloads[t.event] ?? [{}]).filter((p) => version.events[t.event]!.payload.safeParse(p).success)) {
        for (const form of formsOf.get(plugin.name)!) {
          // the first candidate for this role must be this transition (XState's order)
          const first = compiled.transitions
            .filter((c) => c.event === t.event && stateAncestors(from).includes(c.from) && c.roles.includes(role))
            .sort((a, b) => b.depth - a.depth || a.priority - b.priority)
            .find((c) => failedGuard(c.guard, { form, payload, roles: [role], facts: world }, plugin.guards) === null);
          if (first === t) return { t, from, role, payload, form };
        }
      }
    }
  }
  return null;
}

const DECLARED = PLUGINS.flatMap((plugin) =>
  plugin.versions.map((version) => ({ plugin, version, compiled: compileVersion(plugin, version) })),
);
const ASSIGNED = DECLARED.flatMap((d) => d.compiled.stateOptions.filter((o) => o.assignRoles).map((option) => ({ ...d, option })));
const RETURNS = DECLARED.flatMap((d) => d.compiled.stateOptions.filter((o) => o.returnToAny).map((option) => ({ ...d, option })));
const COPIES = DECLARED.flatMap((d) => d.compiled.cc.map((rule) => ({ ...d, rule })));
const COUNTERSIGNS = DECLARED.flatMap((d) => d.compiled.countersign.map((rule) => ({ ...d, rule, option: d.compiled.stateOptions.find((o) => o.state === rule.state)! })));

describe('the declarations', () => {
  it('the sample declares each: named handlers, a return to any step, a copy with people named', () => {
    expect(ASSIGNED.some((a) => a.plugin === samplePlugin)).toBe(true);
    expect(RETURNS.some((a) => a.plugin === samplePlugin)).toBe(true);
    expect(COPIES.some((a) => a.plugin === samplePlugin && a.rule.pick)).toBe(true);
  });
  it('the application declares 会签 of its review', () => {
    expect(COUNTERSIGNS.some((c) => c.plugin.name === 'application' && c.rule.state === 'in_review' && c.rule.rule === 'all')).toBe(true);
  });
});

for (const { plugin, version, compiled, option } of ASSIGNED) {
  describe(`${plugin.name} v${version.version} ${option.state}: named handlers`, () => {
    const handlerRole = option.assignRoles![0]!;
    const into = (world: Record<string, unknown>) => takeable(plugin, version, compiled, (t) => t.to === option.state && !stateAncestors(option.state).includes(t.from), world);

    it('the sender picks from the declared roles where it lives; a wrong pick is refused and changes nothing', async () => {
      const probe = await standing(plugin, version.version, compiled.initial, {});
      const way = into(await facts(probe));
      expect(way, 'a transition into the state the examples can take').not.toBeNull();
      const id = await standing(plugin, version.version, way!.from, way!.form);
      const sender = as[way!.role];
      const refusals: [string[], string][] = [
        [[outsiderId], 'assignees[0]'],
        ...rolesOf(plugin).filter((r) => !option.assignRoles!.includes(r)).map((r): [string[], string] => [[userOf[r]], 'assignees[0]']),
      ];
      if (!option.assignMultiple) refusals.push([[userOf[handlerRole], otherOf[handlerRole]], 'assignees']);
      for (const [picked, path] of refusals) {
        const { error } = await fire(sender, id, way!.t.event, 0, way!.payload, { p_assignees: picked });
        expect(error?.code, JSON.stringify(picked)).toBe('WF006');
        expect(detail(error).path).toBe(path);
      }
      expect(await instance(id)).toMatchObject({ state: way!.from, revision: 0 });

      const { error } = await fire(sender, id, way!.t.event, 0, way!.payload, { p_assignees: [otherOf[handlerRole]] });
      expect(error).toBeNull();
      expect(await handlers(id)).toEqual([{ user_id: otherOf[handlerRole], kind: 'owner' }]);
      expect((await messagesOf(otherAs[handlerRole], id)).map((m) => m.kind)).toEqual(['assigned']);
      // The people concerned now (reminders, 催办): the handler only.
      expect((await query<{ h: string }>('select private.wf_handlers(i) as h from public.workflow_instances i where i.id = $1', [id])).map((r) => r.h)).toEqual([otherOf[handlerRole]]);
    });

    it('a required pick: without one the step is refused, naming the field', async () => {
      const probe = await standing(plugin, version.version, compiled.initial, {});
      const way = into(await facts(probe))!;
      const id = await standing(plugin, version.version, way.from, way.form);
      await db.query('update public.workflow_state_options set assign_required = true where workflow = $1 and version = $2 and state = $3', [plugin.name, version.version, option.state]);
      try {
        const { error } = await fire(as[way.role], id, way.t.event, 0, way.payload);
        expect(error?.code).toBe('WF006');
        expect(detail(error)).toMatchObject({ path: 'assignees', rule: 'required' });
      } finally {
        await db.query('update public.workflow_state_options set assign_required = $4 where workflow = $1 and version = $2 and state = $3', [plugin.name, version.version, option.state, option.assignRequired]);
      }
      expect(await instance(id)).toMatchObject({ state: way.from, revision: 0 });
    });

    it('only the handler acts; 转交 hands it over, 委派 lends it and the answer brings it back, the office 改派; each logged with its comment', async () => {
      const id = await standing(plugin, version.version, option.state, {}, [compiled.initial]);
      await db.query(
        `insert into public.workflow_assignments (instance_id, state, user_id, kind, event_id)
         select $1, $2, $3, 'owner', max(id) from public.workflow_events where instance_id = $1`,
        [id, option.state, userOf[handlerRole]],
      );
      const out = compiled.transitions.find((t) => stateAncestors(option.state).includes(t.from) && t.roles.includes(handlerRole))!;
      // Someone else with the role: refused before any guard, whatever the payload.
      const refused = await fire(otherAs[handlerRole], id, out.event, 0, {});
      expect(refused.error?.code).toBe('WF014');
      expect(detail(refused.error)).toMatchObject({ reason: 'assigned' });

      // 转交: a comment is required; the other takes it, and the first is no longer its handler.
      const noComment = await as[handlerRole].rpc('transfer_workflow', { p_instance_id: id, p_to: otherOf[handlerRole], p_comment: ' ' });
      expect(noComment.error?.code).toBe('WF006');
      expect(detail(noComment.error)).toMatchObject({ path: 'comment', rule: 'required' });
      const outside = await as[handlerRole].rpc('transfer_workflow', { p_instance_id: id, p_to: outsiderId, p_comment: '请协助办理' });
      expect(outside.error?.code).toBe('WF006');
      const stranger = await outsider.rpc('transfer_workflow', { p_instance_id: id, p_to: outsiderId, p_comment: '请协助办理' });
      expect(stranger.error?.code).toBe('WF007');
      const handed = await as[handlerRole].rpc('transfer_workflow', { p_instance_id: id, p_to: otherOf[handlerRole], p_comment: '我出差，请代办' });
      expect(handed.error).toBeNull();
      expect(await handlers(id)).toEqual([{ user_id: otherOf[handlerRole], kind: 'owner' }]);
      expect(await messagesOf(otherAs[handlerRole], id)).toEqual([{ kind: 'assigned', comment: '我出差，请代办' }]);
      expect((await fire(as[handlerRole], id, out.event, (await instance(id)).revision, {})).error?.code).toBe('WF014');

      // 委派 to the first: a delegate answers, acts on nothing else; the answer goes back.
      const lent = await otherAs[handlerRole].rpc('delegate_workflow', { p_instance_id: id, p_to: userOf[handlerRole], p_comment: '请先核实材料' });
      expect(lent.error).toBeNull();
      expect(await handlers(id)).toEqual([{ user_id: userOf[handlerRole], kind: 'delegate' }, { user_id: otherOf[handlerRole], kind: 'owner' }]);
      const asDelegate = await fire(as[handlerRole], id, out.event, (await instance(id)).revision, {});
      expect(asDelegate.error?.code).toBe('WF014');
      expect(detail(asDelegate.error)).toMatchObject({ reason: 'delegate' });
      expect((await otherAs[handlerRole].rpc('delegate_workflow', { p_instance_id: id, p_to: userOf[handlerRole], p_comment: '再委派' })).error?.code).toBe('WF002');
      const answered = await as[handlerRole].rpc('finish_delegation', { p_instance_id: id, p_comment: '材料已核实，无误' });
      expect(answered.error).toBeNull();
      expect(await handlers(id)).toEqual([{ user_id: otherOf[handlerRole], kind: 'owner' }]);
      expect((await messagesOf(otherAs[handlerRole], id)).map((m) => m.kind)).toEqual(['assigned', 'delegation_done']);

      // 改派 by the street office where it lives; no one else who is not the handler.
      expect((await as.reviewer.rpc('transfer_workflow', { p_instance_id: id, p_to: userOf[handlerRole], p_comment: '改派' })).error?.code).toBe('WF014');
      const office = await as.street_office.rpc('transfer_workflow', { p_instance_id: id, p_to: userOf[handlerRole], p_comment: '改由一号办理' });
      expect(office.error).toBeNull();
      expect(await handlers(id)).toEqual([{ user_id: userOf[handlerRole], kind: 'owner' }]);

      const log = await query<{ event: string; comment: string; to: string; actor_id: string }>(
        `select event, comment, payload->>'to' as to, actor_id from public.workflow_events where instance_id = $1 and event in ('transfer', 'delegate', 'delegate_done') order by id`, [id],
      );
      expect(log).toEqual([
        { event: 'transfer', comment: '我出差，请代办', to: otherOf[handlerRole], actor_id: userOf[handlerRole] },
        { event: 'delegate', comment: '请先核实材料', to: userOf[handlerRole], actor_id: otherOf[handlerRole] },
        { event: 'delegate_done', comment: '材料已核实，无误', to: otherOf[handlerRole], actor_id: userOf[handlerRole] },
        { event: 'transfer', comment: '改由一号办理', to: userOf[handlerRole], actor_id: userOf.street_office },
      ]);
      expect((await instance(id)).state, 'none of them moves the instance').toBe(option.state);
    });

    it('leaving the state ends its handlers; coming back gives it to whoever had it last', async () => {
      const id = await standing(plugin, version.version, option.state, {}, [compiled.initial]);
      const [entered] = await query<{ id: number }>('select max(id)::int as id from public.workflow_events where instance_id = $1', [id]);
      await db.query(`insert into public.workflow_assignments (instance_id, state, user_id, kind, event_id) values ($1, $2, $3, 'owner', $4)`, [id, option.state, otherOf[handlerRole], entered!.id]);
      // the handler leaves the state (a log row by them), then it comes back by the engine's own row
      await db.query(
        `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_id, actor_roles, street_id, community_id)
         select i.id, i.workflow, i.version, 'leave', i.state, $2, $3, '{}', i.street_id, i.community_id from public.workflow_instances i where i.id = $1`,
        [id, compiled.initial, otherOf[handlerRole]],
      );
      expect(await handlers(id)).toEqual([]);
      await db.query('update public.workflow_instances set state = $2 where id = $1', [id, option.state]);
      await db.query(
        `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_roles, street_id, community_id)
         select i.id, i.workflow, i.version, 'back', $2, i.state, '{}', i.street_id, i.community_id from public.workflow_instances i where i.id = $1`,
        [id, compiled.initial],
      );
      const [back] = await query<{ id: number }>('select max(id)::int as id from public.workflow_events where instance_id = $1', [id]);
      await db.query('select private.wf_assign(i, $2, $3, null, true) from public.workflow_instances i where i.id = $1', [id, 'back', back!.id]);
      expect(await handlers(id)).toEqual([{ user_id: otherOf[handlerRole], kind: 'owner' }]);
    });
  });
}

for (const { plugin, version, compiled, rule } of COPIES) {
  describe(`${plugin.name} v${version.version} ${rule.event}: 抄送`, () => {
    it('copies the declared roles where it lives and the people named; never the sender, never someone elsewhere', async () => {
      const probe = await standing(plugin, version.version, compiled.initial, {});
      const way = takeable(plugin, version, compiled, (t) => t.event === rule.event, await facts(probe));
      expect(way, 'a transition of the event the examples can take').not.toBeNull();
      const id = await standing(plugin, version.version, way!.from, way!.form);
      const named = rolesOf(plugin).find((r) => r !== way!.role && r !== 'district_office' && !rule.roles.includes(r))!;
      if (rule.pick) {
        const elsewhere = await fire(as[way!.role], id, rule.event, 0, way!.payload, { p_cc: [outsiderId] });
        expect(elsewhere.error?.code).toBe('WF006');
        expect(detail(elsewhere.error)).toMatchObject({ path: 'cc[0]', rule: 'eligible' });
      }
      const { error } = await fire(as[way!.role], id, rule.event, 0, way!.payload, rule.pick ? { p_cc: [userOf[named]] } : {});
      expect(error).toBeNull();
      for (const role of rolesOf(plugin)) {
        const copied = role !== way!.role && role !== 'district_office' && (rule.roles.includes(role) || (rule.pick && role === named));
        expect((await messagesOf(as[role], id)).filter((m) => m.kind === 'cc').length, role).toBe(copied ? 1 : 0);
      }
      expect(await messagesOf(outsider, id)).toEqual([]);
    });
  });
}

// An event no rule copies refuses people named to copy.
describe('抄送 where no rule lets the sender name people', () => {
  it('is refused, naming the field', async () => {
    const v3 = samplePlugin.versions.at(-1)!;
    const id = await standing(samplePlugin, v3.version, 'draft', { title: '抄送', items: ['一'] });
    const { error } = await fire(as.community_filer, id, 'submit', 0, {}, { p_cc: [userOf.reviewer] });
    expect(error?.code).toBe('WF006');
    expect(detail(error)).toMatchObject({ path: 'cc', rule: 'noCc' });
    expect(await instance(id)).toMatchObject({ state: 'draft', revision: 0 });
  });
});

for (const { plugin, version, compiled, option } of RETURNS) {
  describe(`${plugin.name} v${version.version} ${option.state}: 退回到任意节点`, () => {
    const actors = [...new Set(compiled.transitions.filter((t) => stateAncestors(option.state).includes(t.from)).flatMap((t) => t.roles))];
    const passed = [compiled.initial, ...compiled.states.map((s) => s.path).filter((s) => s !== compiled.initial && s !== option.state && !compiled.states.find((x) => x.path === s)?.final).slice(0, 1)];

    it('to any step it passed, with a comment, by whoever acts there; back to where it was returned from in one step', async () => {
      const form = formsOf.get(plugin.name)![0] ?? {};
      const id = await standing(plugin, version.version, option.state, form, passed);
      const { data: targets } = await as[actors[0]!].rpc('workflow_return_targets', { p_instance_id: id });
      expect(targets).toEqual(passed);
      expect((await outsider.rpc('workflow_return_targets', { p_instance_id: id })).data).toEqual([]);

      const outsiders = rolesOf(plugin).filter((r) => !actors.includes(r) && r !== 'district_office');
      for (const role of outsiders) {
        expect((await as[role].rpc('return_workflow', { p_instance_id: id, p_to_state: compiled.initial, p_expected_revision: 0, p_comment: '退回重填' })).error?.code, role).toBe('WF003');
      }
      const notPassed = compiled.states.find((s) => !s.final && ![...passed, option.state].includes(s.path));
      if (notPassed) {
        const wrong = await as[actors[0]!].rpc('return_workflow', { p_instance_id: id, p_to_state: notPassed.path, p_expected_revision: 0, p_comment: '退回' });
        expect(wrong.error?.code).toBe('WF006');
        expect(detail(wrong.error)).toMatchObject({ path: 'to_state', rule: 'passed' });
      }
      expect((await as[actors[0]!].rpc('return_workflow', { p_instance_id: id, p_to_state: compiled.initial, p_expected_revision: 0, p_comment: '' })).error?.code).toBe('WF006');
      expect((await as[actors[0]!].rpc('return_workflow', { p_instance_id: id, p_to_state: compiled.initial, p_expected_revision: 5, p_comment: '退回重填' })).error?.code).toBe('WF005');
      expect(await instance(id)).toMatchObject({ state: option.state, revision: 0 });

      const back = await as[actors[0]!].rpc('return_workflow', { p_instance_id: id, p_to_state: compiled.initial, p_expected_revision: 0, p_comment: '材料不全，退回重填' });
      expect(back.error).toBeNull();
      expect(await instance(id)).toMatchObject({ state: compiled.initial, revision: 1 });
      const initialActors = [...new Set(compiled.transitions.filter((t) => stateAncestors(compiled.initial).includes(t.from)).flatMap((t) => t.roles))];
      for (const role of initialActors.filter((r) => r !== actors[0] && r !== 'district_office')) {
        expect((await messagesOf(as[role], id)).map((m) => m.kind), role).toContain('returned');
      }

      // Straight back, when a way on from here would be allowed now (its guards on the form).
      const world = await facts(id);
      const resumer = initialActors.find((r) => r !== 'district_office')!;
      const wayOn = compiled.transitions.some((t) => stateAncestors(compiled.initial).includes(t.from) && t.roles.includes(resumer) && t.to && t.to !== compiled.initial
        && failedGuard(t.guard, { form, payload: {}, roles: [resumer], facts: world }, plugin.guards) === null);
      const resumed = await as[resumer].rpc('resume_workflow', { p_instance_id: id, p_expected_revision: 1, p_comment: '已补齐' });
      if (wayOn) {
        expect(resumed.error).toBeNull();
        expect(await instance(id)).toMatchObject({ state: option.state, revision: 2 });
        expect((await as[resumer].rpc('resume_workflow', { p_instance_id: id, p_expected_revision: 2 })).error?.code, 'only right after a return').toBe('WF002');
      } else expect(resumed.error?.code).toBe('WF004');
      const log = await query<{ event: string; from_state: string; to_state: string; comment: string }>(
        `select event, from_state, to_state, comment from public.workflow_events where instance_id = $1 and event in ('return_to_step', 'resume_at_step') order by id`, [id],
      );
      expect(log).toEqual([
        { event: 'return_to_step', from_state: option.state, to_state: compiled.initial, comment: '材料不全，退回重填' },
        ...(wayOn ? [{ event: 'resume_at_step', from_state: compiled.initial, to_state: option.state, comment: '已补齐' }] : []),
      ]);
    });
  });
}

/** The model of a countersign rule: whether the vote just cast decides, with the votes so far. */
function decides(rule: CompiledCountersign, approvals: number, rejections: number, pending: number, vote: 'approve' | 'reject') {
  const signers = approvals + rejections + pending;
  const needed = Math.max(1, rule.rule === 'all' ? signers : rule.rule === 'any' ? 1 : Math.ceil(rule.share! * signers - 1e-9));
  return vote === 'approve' ? approvals >= needed : rule.rejectBy === 'anyone' || approvals + pending < needed;
}

for (const { plugin, version, compiled, rule, option } of COUNTERSIGNS) {
  describe(`${plugin.name} v${version.version} ${rule.state}: 会签 (${rule.rule}${rule.share ? ` ≥ ${Math.round(rule.share * 100)}%` : ''})`, () => {
    const signerRoles = option.assignRoles!;
    const way = async (events: string[]) => {
      const probe = await standing(plugin, version.version, compiled.initial, {});
      return takeable(plugin, version, compiled, (t) => events.includes(t.event) && t.to !== null && stateAncestors(rule.state).includes(t.from), await facts(probe), signerRoles);
    };
    /** An instance in the state, these signers named at its entry. */
    const signedBy = async (form: Record<string, unknown>, users: string[]) => {
      const id = await standing(plugin, version.version, rule.state, form, [compiled.initial]);
      for (const user of users) {
        await db.query(
          `insert into public.workflow_assignments (instance_id, state, user_id, kind, event_id)
           select $1, $2, $3, 'owner', max(id) from public.workflow_events where instance_id = $1`, [id, rule.state, user]);
      }
      return id;
    };
    const votes = async (id: number) =>
      query<{ actor_id: string; decision: string; event: string; comment: string | null }>(
        `select actor_id, payload->>'decision' as decision, payload->>'event' as event, comment from public.workflow_events
         where instance_id = $1 and event = 'countersign' order by id`, [id]);
    const status = async (client: SupabaseClient, id: number) => (await client.rpc('workflow_countersign', { p_instance_id: id })).data as
      { approvals: number; rejections: number; pending: number; needed: number; signers: number; votes: { user_id: string; decision: string | null }[] } | null;

    it('each signer\'s approval is a log row with its comment; it moves once the rule is met; 加签 by a signer; others refused', async () => {
      const approve = await way(rule.approve);
      expect(approve, 'an approving transition a signer can take').not.toBeNull();
      const role = approve!.role;
      const id = await signedBy(approve!.form, [userOf[role], otherOf[role]]);
      const signers = [as[role], otherAs[role], thirdAs[role]];
      const signerIds = [userOf[role], otherOf[role], thirdOf[role]];
      // Not a signer (yet): refused before anything is logged.
      const early = await fire(thirdAs[role], id, approve!.t.event, 0, approve!.payload);
      expect(early.error?.code).toBe('WF014');
      expect(await status(outsider, id)).toBeNull();

      if (rule.addSigners) {
        expect((await outsider.rpc('add_signer', { p_instance_id: id, p_to: thirdOf[role], p_comment: '请一并会签' })).error?.code).toBe('WF007');
        expect((await as[role].rpc('add_signer', { p_instance_id: id, p_to: outsiderId, p_comment: '请一并会签' })).error?.code).toBe('WF006');
        expect((await thirdAs[role].rpc('add_signer', { p_instance_id: id, p_to: thirdOf[role], p_comment: '我也来' })).error?.code).toBe('WF014');
        const added = await as[role].rpc('add_signer', { p_instance_id: id, p_to: thirdOf[role], p_comment: '请一并会签' });
        expect(added.error).toBeNull();
        expect((await messagesOf(thirdAs[role], id)).map((m) => m.kind)).toEqual(['assigned']);
        const [row] = await query<{ comment: string; to: string }>(`select comment, payload->>'to' as to from public.workflow_events where instance_id = $1 and event = 'add_signer'`, [id]);
        expect(row).toEqual({ comment: '请一并会签', to: thirdOf[role] });
      } else {
        expect((await as[role].rpc('add_signer', { p_instance_id: id, p_to: thirdOf[role], p_comment: '请一并会签' })).error?.code).toBe('WF002');
        await db.query(`insert into public.workflow_assignments (instance_id, state, user_id, kind, event_id)
          select $1, $2, $3, 'owner', max(id) from public.workflow_events where instance_id = $1`, [id, rule.state, thirdOf[role]]);
      }
      expect((await handlers(id)).length).toBe(3);
      expect(await status(as[role], id)).toMatchObject({ signers: 3, approvals: 0, pending: 3 });

      for (let i = 0; i < 3; i++) {
        const { revision } = await instance(id);
        const { error } = await fire(signers[i]!, id, approve!.t.event, revision, approve!.payload);
        expect(error, `signer ${i + 1}`).toBeNull();
        const moved = decides(rule, i + 1, 0, 2 - i, 'approve');
        const cast = await votes(id);
        expect(cast.at(-1)).toEqual({ actor_id: signerIds[i], decision: 'approve', event: approve!.t.event, comment: (approve!.payload.comment as string | undefined) ?? null });
        expect(cast.length).toBe(i + 1);
        if (moved) {
          expect((await instance(id)).state, `decided by signer ${i + 1}`).toBe(approve!.t.to);
          const [last] = await query<{ event: string; actor_id: string }>('select event, actor_id from public.workflow_events where instance_id = $1 order by id desc limit 1', [id]);
          expect(last).toEqual({ event: approve!.t.event, actor_id: signerIds[i] });
          expect(await status(as[role], id)).toBeNull();
          return;
        }
        expect((await instance(id)).state).toBe(rule.state);
        expect(await status(as[role], id)).toMatchObject({ approvals: i + 1, pending: 2 - i });
        expect((await handlers(id)).map((h) => h.user_id)).not.toContain(signerIds[i]);
        const again = await fire(signers[i]!, id, approve!.t.event, (await instance(id)).revision, approve!.payload);
        expect(again.error?.code).toBe('WF014');
        expect(detail(again.error)).toMatchObject({ reason: 'signed' });
      }
      throw new Error('three approvals met no rule');
    });

    it('a return: decided at once by anyone, or counted, as the rule says', async () => {
      if (!rule.reject.length) return;
      const back = await way(rule.reject);
      expect(back, 'a returning transition a signer can take').not.toBeNull();
      const role = back!.role;
      const id = await signedBy(back!.form, [userOf[role], otherOf[role], thirdOf[role]]);
      const signers = [as[role], otherAs[role], thirdAs[role]];
      for (let i = 0; i < 3; i++) {
        const { error } = await fire(signers[i]!, id, back!.t.event, (await instance(id)).revision, back!.payload);
        expect(error, `signer ${i + 1}`).toBeNull();
        if (decides(rule, 0, i + 1, 2 - i, 'reject')) {
          expect((await instance(id)).state).toBe(back!.t.to);
          expect((await votes(id)).map((v) => v.decision)).toEqual(Array(i + 1).fill('reject'));
          expect(await handlers(id)).toEqual([]);
          return;
        }
        expect((await instance(id)).state).toBe(rule.state);
      }
      throw new Error('three returns met no rule');
    });

    it('one named handler decides alone, with no vote of its own', async () => {
      const approve = (await way(rule.approve))!;
      const id = await signedBy(approve.form, [userOf[approve.role]]);
      expect((await fire(as[approve.role], id, approve.t.event, 0, approve.payload)).error).toBeNull();
      expect((await instance(id)).state).toBe(approve.t.to);
      expect(await votes(id)).toEqual([]);
    });
  });
}

describe('batch actions', () => {
  it('one event on several instances: each its own transition and log row; a stale one is reported by id and the others go on', async () => {
    const v3 = samplePlugin.versions.at(-1)!;
    const form = { title: '批量', items: ['一'] };
    const ids = [
      await standing(samplePlugin, v3.version, 'review.waiting', form, ['draft']),
      await standing(samplePlugin, v3.version, 'review.waiting', form, ['draft']),
      await standing(samplePlugin, v3.version, 'review.waiting', form, ['draft']),
    ];
    const { data, error } = await as.reviewer.rpc('fire_event_batch', {
      p_event: 'open',
      p_items: [{ id: ids[0], revision: 0 }, { id: ids[1], revision: 7 }, { id: ids[2], revision: 0 }],
      p_payload: {},
    });
    expect(error).toBeNull();
    expect((data as { instance_id: number; ok: boolean; code: string | null }[]).map((r) => [r.instance_id, r.ok, r.code])).toEqual([
      [ids[0], true, null], [ids[1], false, 'WF005'], [ids[2], true, null],
    ]);
    expect((await Promise.all(ids.map(instance))).map((r) => r.state)).toEqual(['review.opened', 'review.waiting', 'review.opened']);
    const opened = await query<{ n: number }>(`select count(*)::int as n from public.workflow_events where instance_id = any ($1) and event = 'open'`, [ids]);
    expect(opened[0]!.n).toBe(2);
    // Another community's filer: nothing to see, each refused as not found.
    const { data: theirs } = await outsider.rpc('fire_event_batch', { p_event: 'open', p_items: [{ id: ids[1], revision: 0 }], p_payload: {} });
    expect((theirs as { code: string }[]).map((r) => r.code)).toEqual(['WF007']);
  });
});

describe('who may be picked', () => {
  it('the members where it lives, with their roles, for those who see it; nothing for others', async () => {
    const id = await standing(samplePlugin, samplePlugin.versions.at(-1)!.version, 'review.opened', {}, ['draft']);
    const { data } = await as.reviewer.rpc('workflow_members', { p_instance_id: id });
    const ids = (data as { user_id: string; roles: string[] }[]).map((m) => m.user_id);
    expect(ids).toContain(otherOf.reviewer);
    expect(ids).toContain(userOf.community_filer);
    expect(ids).not.toContain(outsiderId);
    expect((await outsider.rpc('workflow_members', { p_instance_id: id })).data).toEqual([]);
  });
});
