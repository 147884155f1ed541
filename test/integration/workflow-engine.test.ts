// The workflow engine against the real database, through supabase-js as each role. For every
// plugin (the test-only sample and every registered workflow), every version and every example
// form: paths from xstate/graph are replayed and the database must follow the machine step by
// step; then, in every state reached, every (event, role, payload) the machine refuses is sent
// and the database must refuse it too, with the error that names why.
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { getNextSnapshot, type AnyMachineSnapshot } from 'xstate';
import { getShortestPaths, getSimplePaths, type StatePath } from 'xstate/graph';
import type { MemberRole } from '../../src/access/roles.ts';
import { compileVersion, type CompiledTransition } from '../../src/workflow/compile.ts';
import { failedGuard, snapshotAt, stateAncestors } from '../../src/workflow/machine.ts';
import { functionPrefix } from '../../src/workflow/sql.ts';
import { exampleForms, type ExampleWorld, type WorkflowEvent, type WorkflowPlugin, type WorkflowVersion } from '../../src/workflow/types.ts';
import { WORKFLOWS } from '../../workflows/registry.ts';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';
import { createUser, serviceClient, signedIn, superuser } from '../support/clients.ts';
import { ALL_ROLES, heldUnit, rolesOf, subjectIn } from '../support/declarations.ts';

const PASSWORD = 'engine-pass-123';
const run = `${process.pid}${Date.now().toString(36)}`;
const PLUGINS: WorkflowPlugin[] = [samplePlugin, ...WORKFLOWS];

const db: pg.Client = await superuser();
// Path replays start many instances of one subject: the workflows' start rules (one 申报表 per
// community and campaign, tested with their plugin) are set aside while this file runs and put
// back after it; the test of start rules below brings its own.
const START_RULES = (await db.query<{ workflow: string; refusal: string }>('select workflow, refusal::text as refusal from private.workflow_start_rules')).rows;
await db.query('delete from private.workflow_start_rules');
const unit: Record<'district' | 'street' | 'c1' | 'c2' | 'compound', number> = { district: 0, street: 0, c1: 0, c2: 0, compound: 0 };
// One user per role: street-wide roles on the street, the filer on community c1.
const as: Record<MemberRole, SupabaseClient> = {} as never;
let filerC2: SupabaseClient;

const query = async <T,>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];

// The world is made before the tests are collected (top-level await): the paths are generated
// from the machines with the facts the database computes for an instance in this world.
const add = async (kind: string, name: string, parent: number | null) =>
  (await query<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [kind, `${name}-${run}`, parent]))[0]!.id;
// The streets sit under a district, where the district office holds its role.
unit.district = await add('district', '引擎区', null);
unit.street = await add('street', '引擎街道', unit.district);
unit.c1 = await add('community', '引擎一社区', unit.street);
unit.c2 = await add('community', '引擎二社区', unit.street);
unit.compound = await add('compound', '引擎小区', unit.c1);
// (a plugin's own roles are held in its worlds' units, below)
const userOf = {} as Record<MemberRole, string>;
for (const role of ALL_ROLES) {
  const email = `${role}.${run}@engine.local`;
  userOf[role] = await createUser(db, email, PASSWORD, role);
  const held = heldUnit(role, { district: unit.district, street: unit.street, community: unit.c1 });
  if (held !== null) await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [userOf[role], held, role]);
  as[role] = await signedIn(email, PASSWORD);
}
const other = await createUser(db, `filer2.${run}@engine.local`, PASSWORD, 'filer c2');
await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [other, unit.c2, 'community_filer']);
filerC2 = await signedIn(`filer2.${run}@engine.local`, PASSWORD);

// Each plugin's worlds (its campaign in each phase, say), the first on the street above and the
// others on a street and community of their own, where the same users hold the same roles.
interface World {
  name: string;
  street: number;
  community: number;
  /** What the world's setup returned: the example forms are made from it. */
  row: Record<string, unknown>;
  /** The states instances start in; the machine's initial state when null. */
  starts: string[] | null;
}
const exampleQuery = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as Record<string, unknown>[];
async function worldUnits(name: string): Promise<{ street: number; community: number }> {
  const street = await add('street', `引擎街道-${name}`, unit.district);
  const community = await add('community', `引擎一社区-${name}`, street);
  for (const role of ALL_ROLES.filter((r) => r !== 'district_office')) {
    const held = heldUnit(role, { district: unit.district, street, community });
    if (held !== null) await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [userOf[role], held, role]);
  }
  return { street, community };
}
const WORLDS = new Map<string, World[]>();
for (const plugin of PLUGINS) {
  const worlds: World[] = [];
  for (const [i, def] of (plugin.examples.worlds ?? [{ name: 'default', setup: async () => ({}) } as ExampleWorld]).entries()) {
    const at = i === 0 ? { street: unit.street, community: unit.c1 } : await worldUnits(`${plugin.name}-${def.name}`);
    const row = await def.setup(exampleQuery, at);
    // The plugin's roles held in the units its world made (a grid, say).
    for (const role of Object.keys(plugin.declares?.roles ?? {}) as MemberRole[]) {
      const held = heldUnit(role, { district: unit.district, ...at, row });
      if (held !== null && held !== at.community && held !== at.street) {
        await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3) on conflict do nothing', [userOf[role], held, role]);
      }
    }
    worlds.push({ name: def.name, ...at, row, starts: def.starts ?? null });
  }
  WORLDS.set(plugin.name, worlds);
}
const firstWorld = (plugin: WorkflowPlugin) => WORLDS.get(plugin.name)![0]!;
const formsOf = (plugin: WorkflowPlugin, world = firstWorld(plugin)) => exampleForms(plugin.examples.forms, world.row);
const invalidFormsOf = (plugin: WorkflowPlugin) => exampleForms(plugin.examples.invalidForms, firstWorld(plugin).row);

afterAll(async () => {
  for (const rule of START_RULES) {
    await db.query('insert into private.workflow_start_rules (workflow, refusal) values ($1, $2::regproc) on conflict (workflow) do nothing', [rule.workflow, rule.refusal]);
  }
  await db?.end();
});

/** XState's state value as the database stores it: the dotted path of the atomic state. */
function dotted(value: AnyMachineSnapshot['value']): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0]!;
  return `${key}.${dotted(child as AnyMachineSnapshot['value'])}`;
}

/** The world's unit an instance of the plugin is about: the community, or else the street. */
const subjectFor = (plugin: WorkflowPlugin, world = firstWorld(plugin)) => subjectIn(plugin, { district: unit.district, ...world });
/** Who starts the instances the paths replay: the street office where it may, else the first role that may. */
const starterOf = (plugin: WorkflowPlugin): MemberRole => (plugin.startRoles.includes('street_office') ? 'street_office' : plugin.startRoles[0]!);

/** A path's events after the machine's own init step. */
const stepsOf = <P extends { steps: { event: { type: string } }[] }>(path: P) => path.steps.filter((s) => s.event.type !== 'xstate.init') as P['steps'];

/**
 * An instance of a version with the form, as start_workflow makes one; or standing in a later
 * state, as an earlier phase (or an older version's migration) left it.
 */
async function startInstance(plugin: WorkflowPlugin, version: number, form: Record<string, unknown>, subject = subjectFor(plugin), state?: string): Promise<number> {
  const latest = plugin.versions.at(-1)!.version;
  const compiled = compileVersion(plugin, plugin.versions.find((v) => v.version === version)!);
  if (version === latest && (state ?? compiled.initial) === compiled.initial) {
    const { data, error } = await as[starterOf(plugin)].rpc('start_workflow', { p_workflow: plugin.name, p_subject_unit_id: subject, p_form: form });
    if (error) throw new Error(`start_workflow: ${error.message}`);
    return (data as { id: number }).id;
  }
  const [row] = await query<{ id: number }>(
    `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form)
     select $1, $2, $3, u.id, u.street_id, u.community_id, $4 from public.units u where u.id = $5 returning id::int`,
    [plugin.name, version, state ?? compiled.initial, form, subject],
  );
  return row!.id;
}

async function instanceRow(id: number) {
  const [row] = await query<{ state: string; revision: number; done: boolean; form: Record<string, unknown> }>(
    'select state, revision, done, form from public.workflow_instances where id = $1', [id],
  );
  return row!;
}
/** What the plugin's facts function says of the instance, as the browser gets it. */
async function factsOf(id: number): Promise<Record<string, unknown>> {
  const { data, error } = await as.street_office.rpc('workflow_facts', { p_instance_id: id });
  if (error) throw new Error(`workflow_facts: ${error.message}`);
  return data as Record<string, unknown>;
}
const logCount = async (id: number) => (await query<{ n: number }>('select count(*)::int as n from public.workflow_events where instance_id = $1', [id]))[0]!.n;

async function fire(role: MemberRole, id: number, event: string, revision: number, payload: Record<string, unknown> = {}) {
  return as[role].rpc('fire_event', { p_instance_id: id, p_event: event, p_expected_revision: revision, p_payload: payload });
}

/** Every event the admin could send: each event type, as each role, with each valid example payload. */
function eventVariants(plugin: WorkflowPlugin, version: WorkflowVersion): WorkflowEvent[] {
  const events: WorkflowEvent[] = [];
  for (const [type, def] of Object.entries(version.events)) {
    const payloads = (plugin.examples.payloads[type] ?? [{}]).filter((p) => def.payload.safeParse(p).success);
    for (const role of rolesOf(plugin)) for (const payload of payloads) events.push({ type, payload, actor: { roles: [role] } });
  }
  return events;
}

/** The compiled transition an event takes in a state: the first candidate the role and guards let through. */
function transitionTaken(
  plugin: WorkflowPlugin,
  transitions: CompiledTransition[],
  state: string,
  form: Record<string, unknown>,
  facts: Record<string, unknown>,
  event: WorkflowEvent,
): CompiledTransition | undefined {
  const ancestors = stateAncestors(state);
  const input = { form, payload: event.payload ?? {}, roles: event.actor.roles, facts };
  return transitions
    .filter((t) => t.event === event.type && ancestors.includes(t.from) && t.roles.some((r) => event.actor.roles.includes(r)))
    .sort((a, b) => b.depth - a.depth || a.priority - b.priority)
    .find((t) => failedGuard(t.guard, input, plugin.guards) === null);
}

/** The refusal the database must give, from the compiled rows: the engine's view of the machine. */
function expectedRefusal(
  plugin: WorkflowPlugin,
  transitions: CompiledTransition[],
  state: string,
  form: Record<string, unknown>,
  facts: Record<string, unknown>,
  event: WorkflowEvent,
): string | null {
  const ancestors = stateAncestors(state);
  const candidates = transitions
    .filter((t) => t.event === event.type && ancestors.includes(t.from))
    .sort((a, b) => b.depth - a.depth || a.priority - b.priority);
  if (!candidates.length) return 'WF002';
  const mine = candidates.filter((t) => t.roles.some((r) => event.actor.roles.includes(r)));
  if (!mine.length) return 'WF003';
  const input = { form, payload: event.payload ?? {}, roles: event.actor.roles, facts };
  return mine.some((t) => failedGuard(t.guard, input, plugin.guards) === null) ? null : 'WF004';
}

// The facts an instance of each version and example form has in each world, from a probe.
const PROBED_FACTS = new Map<string, Record<string, unknown>>();
for (const plugin of PLUGINS) {
  for (const world of WORLDS.get(plugin.name)!) {
    for (const version of plugin.versions) {
      for (const [i, form] of formsOf(plugin, world).entries()) {
        PROBED_FACTS.set(`${plugin.name}@${version.version}#${i}/${world.name}`, await factsOf(await startInstance(plugin, version.version, form, subjectFor(plugin, world))));
      }
    }
  }
}

type Path = StatePath<AnyMachineSnapshot, WorkflowEvent> & { start: string };

for (const plugin of PLUGINS) {
  describe(`workflow ${plugin.name}`, () => {
    for (const version of plugin.versions) {
      const compiled = compileVersion(plugin, version);
      const events = eventVariants(plugin, version);

      // The compiled transitions the replayed paths take, over every world and example form.
      const taken = new Set<CompiledTransition>();
      const cases = WORLDS.get(plugin.name)!.flatMap((world) =>
        formsOf(plugin, world).map((form, i) => [`${world.name} world, example form ${i}`, world, form, PROBED_FACTS.get(`${plugin.name}@${version.version}#${i}/${world.name}`)!] as const),
      );
      describe.each(cases)(`v${version.version}, %s`, (_name, world, form, facts) => {
        const starts = world.starts ?? [compiled.initial];
        const options = (start: string) => ({
          input: { form, facts },
          events,
          fromState: start === compiled.initial ? undefined : snapshotAt(version.machine, start, form, facts),
          serializeState: (s: AnyMachineSnapshot) => dotted(s.value),
          serializeEvent: (e: WorkflowEvent) => JSON.stringify(e),
        });
        // From each start: the shortest path to every state (the shortest over all starts kept),
        // and the simple paths.
        const shortestByState = new Map<string, Path>();
        const simple: Path[] = [];
        const targetsUnique: boolean[] = [];
        for (const start of starts) {
          const fromHere = getShortestPaths(version.machine, options(start)).map((p) => ({ ...p, start }));
          targetsUnique.push(new Set(fromHere.map((p) => dotted(p.state.value))).size === fromHere.length);
          for (const path of fromHere) {
            const target = dotted(path.state.value);
            const best = shortestByState.get(target);
            if (!best || stepsOf(path).length < stepsOf(best).length) shortestByState.set(target, path);
          }
          simple.push(...getSimplePaths(version.machine, options(start)).map((p) => ({ ...p, start })));
        }
        const shortest = [...shortestByState.values()];
        // Simple paths, picked greedily until every transition the machine can take is taken.
        const edgeKey = (from: string, e: WorkflowEvent, to: string) => `${from} --${e.type}/${e.actor.roles[0]}--> ${to}`;
        const edgesOf = (path: Path) => {
          let from = path.start;
          return stepsOf(path).map((step) => {
            const to = dotted(step.state.value);
            const key = edgeKey(from, step.event, to);
            from = to;
            return key;
          });
        };
        const allEdges = new Set(simple.flatMap(edgesOf));
        const covering: Path[] = [];
        const covered = new Set<string>();
        for (const path of [...simple].sort((a, b) => stepsOf(b).length - stepsOf(a).length)) {
          if (edgesOf(path).some((e) => !covered.has(e))) {
            covering.push(path);
            edgesOf(path).forEach((e) => covered.add(e));
          }
        }

        // Simple paths never return to a state they passed (a reopen, a return to draft, a
        // yearly round): each edge still missing is taken at the end of the shortest path to its
        // source, so an action that changes the facts (a round recorded) acts last.
        for (const path of shortest) {
          const snapshot = path.state;
          for (const event of events) {
            if (!snapshot.can(event)) continue;
            const next = getNextSnapshot(version.machine, snapshot, event);
            const key = edgeKey(dotted(snapshot.value), event, dotted(next.value));
            if (covered.has(key)) continue;
            covered.add(key);
            allEdges.add(key);
            covering.push({ ...path, state: next, steps: [...path.steps, { event, state: next }] });
          }
        }

        for (const path of covering) {
          let from = path.start;
          for (const step of stepsOf(path)) {
            taken.add(transitionTaken(plugin, compiled.transitions, from, form, facts, step.event)!);
            from = dotted(step.state.value);
          }
        }

        it('the paths reach every state reachable with this form and take every edge the machine offers', () => {
          expect(covered).toEqual(allEdges);
          expect(targetsUnique.every(Boolean)).toBe(true);
        });

        it.each([...shortest, ...covering].map((p) => [`${p.start}: ${stepsOf(p).map((s) => `${s.event.type}/${s.event.actor.roles[0]}`).join(' → ') || '(start)'}`, p] as const))(
          'path %s: the database follows the machine, and refuses what it refuses on the way',
          async (_name, path) => {
            const id = await startInstance(plugin, version.version, form, subjectFor(plugin, world), path.start);
            let state = path.start;
            let revision = 0;
            const startLog = await logCount(id);
            expect(await instanceRow(id)).toMatchObject({ state, revision, done: false });

            for (const step of stepsOf(path)) {
              const role = step.event.actor.roles[0]!;
              expect(await factsOf(id), 'the facts the path was planned with still hold').toEqual(facts);
              const { error } = await fire(role, id, step.event.type, revision, step.event.payload);
              expect(error, `${state} --${step.event.type}/${role}-->`).toBeNull();
              state = dotted(step.state.value);
              revision += 1;
              const row = await instanceRow(id);
              expect(row, `after ${step.event.type}`).toMatchObject({ state, revision, done: step.state.status === 'done' });
            }
            expect(await logCount(id)).toBe(startLog + stepsOf(path).length);

            // In the state reached: everything the machine refuses is refused, and changes nothing.
            const snapshot = snapshotAt(version.machine, state, form, facts);
            const tries: WorkflowEvent[] = [...events, { type: 'no_such_event', payload: {}, actor: { roles: ['street_office'] } }];
            for (const event of tries) {
              if (event.type !== 'no_such_event' && snapshot.can(event)) continue;
              const expected = event.type === 'no_such_event' ? 'WF001' : expectedRefusal(plugin, compiled.transitions, state, form, facts, event);
              expect(expected, `machine refuses ${event.type}/${event.actor.roles[0]} in ${state}; the compiled rows must too`).not.toBeNull();
              const { error } = await fire(event.actor.roles[0]!, id, event.type, revision, event.payload);
              expect(error?.code, `${event.type}/${event.actor.roles[0]} ${JSON.stringify(event.payload)} in ${state}`).toBe(expected);
            }
            expect(await instanceRow(id)).toMatchObject({ state, revision });
            expect(await logCount(id)).toBe(startLog + stepsOf(path).length);
          },
        );
      });

      it(`v${version.version}: the paths, over the example forms, take every transition the machine compiles to`, () => {
        const missed = compiled.transitions.filter((t) => !taken.has(t)).map((t) => `${t.from} --${t.event}--> ${t.to ?? '(stays)'}`);
        expect(missed).toEqual([]);
      });
    }

    it('each guard says the same in TypeScript and in SQL, on its samples and on mangled copies of them', async () => {
      const latest = plugin.versions.at(-1)!.version;
      for (const [name, guard] of Object.entries(plugin.guards)) {
        const outcomes = new Set<boolean>();
        const inputs = guard.samples.flatMap((sample) => {
          const base = { form: {}, payload: {}, roles: [], facts: {}, ...sample.input };
          // The same input with each field of form and payload replaced by other JSON types.
          const mangled = (['form', 'payload'] as const).flatMap((part) =>
            Object.keys(base[part]).flatMap((field) =>
              [null, 0, 1000, '', 'x', [], ['a'], {}, true].map((value) => ({ ...base, [part]: { ...base[part], [field]: value } })),
            ),
          );
          return [base, ...mangled].map((input) => ({ input, params: sample.params ?? {} }));
        });
        for (const { input, params } of inputs) {
          const ts = guard.check(input as never, params as never);
          const [row] = await query<{ ok: boolean }>(`select workflow_plugins."${functionPrefix(plugin.name, latest)}${name}"($1, $2) as ok`, [input, params]);
          expect(row!.ok, `${name}(${JSON.stringify(input)}, ${JSON.stringify(params)})`).toBe(ts);
          outcomes.add(ts);
        }
        expect(outcomes, `${name}'s samples must include a passing and a failing case`).toEqual(new Set([true, false]));
      }
    });

    it('the form: zod and the database (JSON Schema and the plugin\'s form check) accept and refuse the same forms', async () => {
      const forms = [...formsOf(plugin), ...invalidFormsOf(plugin)];
      expect(formsOf(plugin).length).toBeGreaterThan(0);
      for (const version of plugin.versions) {
        const verdicts = new Set<boolean>();
        for (const form of forms) {
          const zodOk = version.form.safeParse(form).success;
          const [row] = await query<{ error: unknown }>(
            `select coalesce(private.wf_json_error(d.form_schema, $3::jsonb), private.wf_form_error(d, $3::jsonb, $4)) as error
               from public.workflow_definitions d where d.workflow = $1 and d.version = $2`,
            [plugin.name, version.version, JSON.stringify(form), subjectFor(plugin)],
          );
          expect(row!.error === null, `${plugin.name}@${version.version} ${JSON.stringify(form).slice(0, 120)} → ${JSON.stringify(row!.error)}`).toBe(zodOk);
          verdicts.add(zodOk);
        }
        if (invalidFormsOf(plugin).length) expect(verdicts).toEqual(new Set([true, false]));
      }
    });

    it('each payload schema: zod and the database accept and refuse the same payloads', async () => {
      for (const version of plugin.versions) {
        const compiled = compileVersion(plugin, version);
        for (const { event, payloadSchema } of compiled.events) {
          const examples = plugin.examples.payloads[event] ?? [{}];
          const malformed = [null, [], 'x', 1, { unknown_column: 1 }, ...examples.flatMap((p) =>
            Object.keys(p).flatMap((k) => [null, 1.5, -1, 'x'.repeat(10_000), ["' or 1=1 --"], {}].map((v) => ({ ...p, [k]: v }))),
          )];
          let accepted = 0;
          for (const payload of [...examples, ...malformed]) {
            const zodOk = version.events[event]!.payload.safeParse(payload).success;
            const [row] = await query<{ error: unknown }>('select private.wf_json_error($1::jsonb, $2::jsonb) as error', [payloadSchema, JSON.stringify(payload)]);
            expect(row!.error === null, `${plugin.name}@${version.version} ${event} ${JSON.stringify(payload).slice(0, 80)}`).toBe(zodOk);
            if (zodOk) accepted += 1;
          }
          expect(accepted, `${event} has a valid example`).toBeGreaterThan(0);
        }
      }
    });
  });
}

describe('the engine on the sample workflow', () => {
  const complete = { title: '老旧小区改造', items: ['加装电梯'] };
  // (the version start_workflow starts today)
  const LATEST = samplePlugin.versions.at(-1)!.version;

  it('two clients firing on one instance at once: one wins, the other is told someone acted first', async () => {
    const id = await startInstance(samplePlugin, LATEST, complete);
    const before = await logCount(id);
    const results = await Promise.all([fire('community_filer', id, 'cancel', 0), fire('street_office', id, 'cancel', 0)]);
    expect(results.filter((r) => r.error === null)).toHaveLength(1);
    expect(results.map((r) => r.error?.code ?? 'ok').sort()).toEqual(['WF005', 'ok']);
    expect(await logCount(id)).toBe(before + 1);
    expect(await instanceRow(id)).toMatchObject({ state: 'cancelled', revision: 1 });
  });

  it('a refused payload names the field and the rule, and changes nothing', async () => {
    const id = await startInstance(samplePlugin, LATEST, complete);
    await fire('community_filer', id, 'submit', 0);
    await fire('reviewer', id, 'open', 1);
    const { error } = await fire('reviewer', id, 'approve', 2, { score: 101 });
    expect(error?.code).toBe('WF006');
    expect(JSON.parse(error!.details)).toMatchObject({ what: 'payload', path: 'score', rule: 'maximum', limit: 100 });
    const unknown = await fire('reviewer', id, 'approve', 2, { score: 95, sql: "'; drop table units; --" });
    expect(unknown.error?.code).toBe('WF006');
    expect(JSON.parse(unknown.error!.details)).toMatchObject({ path: 'sql', rule: 'unknown' });
    const low = await fire('reviewer', id, 'approve', 2, { score: 60 });
    expect(low.error?.code).toBe('WF004');
    expect(JSON.parse(low.error!.details)).toMatchObject({ guard: 'scoreAtLeast' });
    expect(await instanceRow(id)).toMatchObject({ state: 'review.opened', revision: 2 });
  });

  it('submit keeps a snapshot of the form that later edits do not change; actions run in the transaction', async () => {
    const id = await startInstance(samplePlugin, LATEST, complete);
    expect((await fire('community_filer', id, 'submit', 0)).error).toBeNull();
    expect((await fire('reviewer', id, 'return', 1, { comment: '请补充照片' })).error).toBeNull();
    const edited = await as.community_filer.rpc('save_workflow_form', { p_instance_id: id, p_form: { title: '改后的标题', items: ['加装电梯', '增设充电桩'] } });
    expect(edited.error).toBeNull();
    const { data: snapshots } = await as.community_filer.from('workflow_snapshots').select('form, event_id').eq('instance_id', id);
    expect(snapshots).toHaveLength(1);
    expect(snapshots![0]!.form).toEqual(complete);
    // countReturn ran with the return, in its transaction; the saved form replaced it since.
    const { data: log } = await as.community_filer.from('workflow_events').select('event, from_state, to_state, comment').eq('instance_id', id).order('id');
    expect(log).toEqual([
      { event: 'start', from_state: null, to_state: 'draft', comment: null },
      { event: 'submit', from_state: 'draft', to_state: 'review.waiting', comment: null },
      { event: 'return', from_state: 'review', to_state: 'draft', comment: '请补充照片' },
    ]);
  });

  it('the form saves only in its editable states, by its editors, and only what its schema allows', async () => {
    const id = await startInstance(samplePlugin, LATEST, {});
    const bad = await as.community_filer.rpc('save_workflow_form', { p_instance_id: id, p_form: { title: 5 } });
    expect(bad.error?.code).toBe('WF006');
    expect(JSON.parse(bad.error!.details)).toMatchObject({ what: 'form', path: 'title', rule: 'type' });
    expect((await as.reviewer.rpc('save_workflow_form', { p_instance_id: id, p_form: complete })).error?.code).toBe('WF003');
    expect((await filerC2.rpc('save_workflow_form', { p_instance_id: id, p_form: complete })).error?.code).toBe('WF007');
    expect((await as.community_filer.rpc('save_workflow_form', { p_instance_id: id, p_form: complete })).error).toBeNull();
    await fire('community_filer', id, 'submit', 0);
    const locked = await as.community_filer.rpc('save_workflow_form', { p_instance_id: id, p_form: { title: '提交后再改' } });
    expect(locked.error?.code).toBe('WF009');
    expect((await instanceRow(id)).form).toEqual(complete);
  });

  it('an instance keeps the version it started on: v1 has no reopen, v2 does', async () => {
    const v1 = await startInstance(samplePlugin, 1, complete);
    const v2 = await startInstance(samplePlugin, 2, complete);
    expect(await query('select version from public.workflow_instances where id = any($1) order by id', [[v1, v2]])).toEqual([{ version: 1 }, { version: 2 }]);
    for (const id of [v1, v2]) expect((await fire('street_office', id, 'cancel', 0)).error).toBeNull();
    expect(await instanceRow(v1)).toMatchObject({ state: 'cancelled', done: true });
    expect(await instanceRow(v2)).toMatchObject({ state: 'cancelled', done: false });
    expect((await fire('street_office', v1, 'reopen', 1, { comment: '误撤销' })).error?.code).toBe('WF001');
    expect((await fire('street_office', v2, 'reopen', 1, { comment: '误撤销' })).error).toBeNull();
    expect(await instanceRow(v2)).toMatchObject({ state: 'draft', revision: 2 });
  });

  it('start_workflow: new instances start on the latest version, for the kinds and roles the plugin names', async () => {
    const { data, error } = await as.community_filer.rpc('start_workflow', { p_workflow: 'sample', p_subject_unit_id: unit.compound, p_form: {} });
    expect(error).toBeNull();
    expect(data).toMatchObject({ version: LATEST, state: 'draft', revision: 0, street_id: unit.street, community_id: unit.c1 });
    expect((await as.reviewer.rpc('start_workflow', { p_workflow: 'sample', p_subject_unit_id: unit.c1 })).error?.code).toBe('WF003');
    expect((await filerC2.rpc('start_workflow', { p_workflow: 'sample', p_subject_unit_id: unit.c1 })).error?.code).toBe('WF007');
    expect((await as.street_office.rpc('start_workflow', { p_workflow: 'no_such', p_subject_unit_id: unit.c1 })).error?.code).toBe('WF007');
    expect((await as.community_filer.rpc('start_workflow', { p_workflow: 'sample', p_subject_unit_id: unit.c1, p_form: { items: 'x' } })).error?.code).toBe('WF006');
  });

  it("a workflow's start rule refuses a start in its own words (WF012); the start dialog learns it first", async () => {
    await db.query(`create function private.engine_test_refusal(p_unit bigint) returns text language sql stable set search_path = ''
                    as $$ select '测试规则：此单位不能发起' where p_unit = ${unit.c2} $$`);
    await db.query('grant execute on function private.engine_test_refusal(bigint) to postgres');
    await db.query("insert into private.workflow_start_rules (workflow, refusal) values ('sample', 'private.engine_test_refusal')");
    try {
      const before = (await query<{ n: number }>('select count(*)::int as n from public.workflow_instances where subject_unit_id = $1', [unit.c2]))[0]!.n;
      const refused = await as.street_office.rpc('start_workflow', { p_workflow: 'sample', p_subject_unit_id: unit.c2, p_form: {} });
      expect(refused.error?.code).toBe('WF012');
      expect(refused.error?.message).toBe('测试规则：此单位不能发起');
      expect(JSON.parse(refused.error!.details)).toMatchObject({ workflow: 'sample', unit: unit.c2, reason: '测试规则：此单位不能发起' });
      expect((await query<{ n: number }>('select count(*)::int as n from public.workflow_instances where subject_unit_id = $1', [unit.c2]))[0]!.n).toBe(before);
      expect((await as.street_office.rpc('start_workflow', { p_workflow: 'sample', p_subject_unit_id: unit.c1, p_form: {} })).error).toBeNull();
      // What the caller may start it for, each with why not: the office its street's units, the filer its community's.
      const office = await as.street_office.rpc('workflow_start_refusals', { p_workflow: 'sample' });
      expect(office.error).toBeNull();
      expect(office.data).toEqual(expect.arrayContaining([
        { subject_unit_id: unit.c1, refusal: null },
        { subject_unit_id: unit.c2, refusal: '测试规则：此单位不能发起' },
      ]));
      const filer = await as.community_filer.rpc('workflow_start_refusals', { p_workflow: 'sample' });
      expect((filer.data as { subject_unit_id: number }[]).map((r) => r.subject_unit_id)).not.toContain(unit.c2);
      expect((await as.reviewer.rpc('workflow_start_refusals', { p_workflow: 'sample' })).data).toEqual([]); // not a starting role
    } finally {
      await db.query("delete from private.workflow_start_rules where workflow = 'sample'");
      await db.query('drop function private.engine_test_refusal(bigint)');
    }
  });

  it('a unit moved to another community takes its workflows, their log and snapshots along', async () => {
    const [compound] = await query<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', ['compound', `搬迁小区-${run}`, unit.c1]);
    const id = await startInstance(samplePlugin, LATEST, complete, compound!.id);
    await fire('community_filer', id, 'submit', 0);
    const sees = async (c: SupabaseClient) => ({
      instances: (await c.from('workflow_instances').select('id').eq('id', id)).data!.length,
      events: (await c.from('workflow_events').select('id').eq('instance_id', id)).data!.length,
      snapshots: (await c.from('workflow_snapshots').select('id').eq('instance_id', id)).data!.length,
    });
    expect(await sees(as.community_filer)).toEqual({ instances: 1, events: 2, snapshots: 1 });
    expect(await sees(filerC2)).toEqual({ instances: 0, events: 0, snapshots: 0 });
    // The office moves it, through the API, as the unit screens do.
    const moved = await as.street_office.from('units').update({ parent_id: unit.c2 }).eq('id', compound!.id).select('id');
    expect(moved.error).toBeNull();
    expect(moved.data).toHaveLength(1);
    expect(await sees(as.community_filer)).toEqual({ instances: 0, events: 0, snapshots: 0 });
    expect(await sees(filerC2)).toEqual({ instances: 1, events: 2, snapshots: 1 });
    // Their log is unchanged otherwise.
    expect(await query('select event from public.workflow_events where instance_id = $1 order by id', [id])).toEqual([{ event: 'start' }, { event: 'submit' }]);
  });

  it('the log is append-only: no update, delete or truncate, for the API\'s roles or the table owner', async () => {
    const id = await startInstance(samplePlugin, LATEST, complete);
    expect((await fire('community_filer', id, 'submit', 0)).error).toBeNull(); // a snapshot to try too
    for (const client of [serviceClient(), as.street_office]) {
      expect((await client.from('workflow_events').update({ comment: 'forged' }).eq('instance_id', id)).error?.code).toBe('42501');
      expect((await client.from('workflow_events').delete().eq('instance_id', id)).error?.code).toBe('42501');
      expect((await client.from('workflow_instances').update({ state: 'excellent' }).eq('id', id)).error?.code).toBe('42501');
    }
    for (const sql of [
      'update public.workflow_events set comment = \'forged\' where instance_id = $1',
      'delete from public.workflow_events where instance_id = $1',
      'update public.workflow_snapshots set form = \'{}\' where instance_id = $1',
    ]) {
      await expect(db.query(sql, [id]), sql).rejects.toMatchObject({ code: 'WF010' });
    }
    await expect(db.query('truncate public.workflow_events cascade')).rejects.toMatchObject({ code: 'WF010' });
    expect(await logCount(id)).toBe(2);
  });
});

describe("the application's scoring rounds", () => {
  const application = WORKFLOWS.find((p) => p.name === 'application')!;
  const world = (name: string) => WORLDS.get('application')!.find((w) => w.name === name)!;
  const form = () => formsOf(application, world('plan'))[0]!;
  const rounds = async (id: number) =>
    query<{ kind: string; self_total: string | null; reviewer_total: string | null }>(
      `select r.kind::text, ar.self_total::text, ar.reviewer_total::text from public.application_rounds ar
       join public.score_rounds r on r.id = ar.round_id where ar.instance_id = $1 order by r.kind`, [id]);

  it('the self-check records the self total; a round is taken once, and only when scored', async () => {
    const plan = world('plan');
    const id = await startInstance(application, 1, form(), plan.community, 'approved');
    expect((await fire('community_filer', id, 'self_check', 0)).error).toBeNull();
    // Two sub-items self-scored 42 each.
    expect(await rounds(id)).toEqual([{ kind: 'self_check', self_total: '84.0', reviewer_total: null }]);
    expect(((await factsOf(id)).rounds as Record<string, { recorded: boolean }>).self_check!.recorded).toBe(true);

    // The other community has not self-scored: its filer is told the round is not scored yet.
    const unscored = await startInstance(application, 1, form(), unit.c2, 'approved');
    const { error } = await filerC2.rpc('fire_event', { p_instance_id: unscored, p_event: 'self_check', p_expected_revision: 0, p_payload: {} });
    expect(error?.code).toBe('WF004');
    expect(JSON.parse(error!.details)).toMatchObject({ guard: 'roundScored', state: 'approved' });
    expect(await rounds(unscored)).toEqual([]);
  });

  it("a yearly acceptance records the reviewers' mean; the same year's round cannot be recorded twice", async () => {
    const rollout = world('rollout');
    const id = await startInstance(application, 1, form(), rollout.community, 'yearly_accepted');
    expect((await fire('reviewer', id, 'accept_yearly', 0, { opinion: '年度验收评分完成' })).error).toBeNull();
    expect(await rounds(id)).toEqual([{ kind: 'yearly_acceptance', self_total: null, reviewer_total: '84.00' }]);
    const again = await fire('reviewer', id, 'accept_yearly', 1, { opinion: '再次验收' });
    expect(again.error?.code).toBe('WF004');
    expect(JSON.parse(again.error!.details)).toMatchObject({ guard: 'roundOpen' });
    expect(await instanceRow(id)).toMatchObject({ state: 'yearly_accepted', revision: 1 });
    // Out of its phase: the full acceptance is refused in the rollout, whoever asks.
    expect((await fire('street_office', id, 'accept_full', 1, { opinion: '全面验收' })).error?.code).toBe('WF004');
  });
});
