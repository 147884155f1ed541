// The compiler: what it makes of the sample machine, what it refuses (each with a message that
// names the workflow, version and state), and the check that committed migrations are current.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, setup, type AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileWorkflow, type CompiledVersion } from '../../src/workflow/compile.ts';
import { workflowActions, workflowGuards } from '../../src/workflow/machine.ts';
import type { WorkflowContext, WorkflowEvent, WorkflowPlugin } from '../../src/workflow/types.ts';
import { MIGRATIONS_DIR, planMigrations } from '../../workflows/compile.ts';
import { WORKFLOWS } from '../../workflows/registry.ts';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';

const guards = {
  ok: { label: 'x', check: () => true, sql: 'select true', samples: [] },
};
const base = setup({
  types: {} as { context: WorkflowContext; events: WorkflowEvent; input: WorkflowContext },
  guards: workflowGuards(guards),
  actions: workflowActions({}),
});
// Configs here are deliberately outside what the compiler accepts, so not typed as valid ones.
const machineOf = (config: object) => base.createMachine(config as never);
const role = { type: 'hasRole' as const, params: { roles: ['reviewer' as const] } };

/** A one-version plugin around a machine config, with a payload schema per event it names. */
function pluginOf(machine: ReturnType<typeof machineOf>, events: string[] = ['go']): WorkflowPlugin {
  return {
    ...samplePlugin,
    name: 'probe',
    guards,
    actions: {},
    versions: [{
      version: 1,
      machine: machine as unknown as AnyStateMachine,
      events: Object.fromEntries(events.map((e) => [e, { label: e, payload: z.strictObject({}) }])),
      form: z.strictObject({}),
      formEditable: { states: [], roles: [] },
    }],
  };
}
const compile = (machine: ReturnType<typeof machineOf>, events?: string[]) => () => compileWorkflow(pluginOf(machine, events));

describe('compiling the sample workflow', () => {
  const [v1, v2] = compileWorkflow(samplePlugin) as [CompiledVersion, CompiledVersion];

  it('gives each transition its source, atomic target, roles, remaining guard and selection order', () => {
    expect(v2.initial).toBe('draft');
    expect(v2.transitions).toContainEqual({
      from: 'draft', event: 'submit', to: 'review.waiting', roles: ['community_filer'], guard: { guard: 'formComplete' }, actions: ['snapshotForm'], depth: 1, priority: 0,
    });
    const approve = v2.transitions.filter((t) => t.event === 'approve');
    expect(approve.map((t) => [t.to, t.priority, t.guard])).toEqual([
      ['excellent', 0, { guard: 'scoreAtLeast', params: { min: 90 } }],
      ['passed', 1, { guard: 'scoreAtLeast', params: { min: 75 } }],
    ]);
    // return is answered by review.opened (depth 2) before review (depth 1).
    expect(v2.transitions.filter((t) => t.event === 'return').map((t) => [t.from, t.depth, t.roles])).toEqual([
      ['review', 1, ['reviewer']],
      ['review.opened', 2, ['street_office']],
    ]);
    expect(v2.transitions.find((t) => t.event === 'note')).toMatchObject({ to: null, actions: ['log'] });
  });

  it('marks top-level final states, and versions differ only where the machines do', () => {
    expect(v1.states.filter((s) => s.final).map((s) => s.path)).toEqual(['excellent', 'passed', 'cancelled']);
    expect(v2.states.filter((s) => s.final).map((s) => s.path)).toEqual(['excellent', 'passed']);
    expect(v2.transitions.filter((t) => !v1.transitions.some((u) => JSON.stringify(u) === JSON.stringify(t))).map((t) => t.event)).toEqual(['reopen']);
  });

  it('compiles payloads to the JSON Schema the database checks', () => {
    expect(v2.events.find((e) => e.event === 'approve')!.payloadSchema).toEqual({
      type: 'object',
      properties: { score: { type: 'integer', minimum: 0, maximum: 100 }, comment: { type: 'string', minLength: 2, maxLength: 500 } },
      required: ['score'],
      additionalProperties: false,
    });
  });
});

describe('what the compiler refuses, and says why', () => {
  it.each([
    ['parallel states', machineOf({ type: 'parallel', states: { a: {}, b: {} } }), [], /probe@1: parallel states/],
    ['an inline guard', machineOf({ initial: 'a', states: { a: { on: { go: { guard: () => true, target: 'b' } } }, b: {} } }), ['go'], /state "a": an inline guard function/],
    ['an always transition', machineOf({ initial: 'a', states: { a: { always: 'b' }, b: {} } }), [], /state "a": `always`/],
    ['an after transition', machineOf({ initial: 'a', states: { a: { after: { 1000: 'b' } }, b: {} } }), [], /state "a": `after`/],
    ['a history state', machineOf({ initial: 'a', states: { a: { initial: 'x', states: { x: {}, h: { type: 'history' } } } } }), [], /state "a.h": history states/],
    ['an event without hasRole', machineOf({ initial: 'a', states: { a: { on: { go: { guard: 'ok', target: 'b' } } }, b: {} } }), ['go'], /event "go" needs a hasRole guard/],
    ['hasRole without roles', machineOf({ initial: 'a', states: { a: { on: { go: { guard: { type: 'hasRole', params: { roles: [] } }, target: 'b' } } }, b: {} } }), ['go'], /non-empty list/],
    ['a wildcard event', machineOf({ initial: 'a', states: { a: { on: { '*': { guard: role, target: 'b' } } }, b: {} } }), ['*'], /wildcard/],
    ['an event with no payload schema', machineOf({ initial: 'a', states: { a: { on: { go: { guard: role, target: 'b' } } }, b: {} } }), [], /event "go" has no entry/],
    ['a transition that does nothing', machineOf({ initial: 'a', states: { a: { on: { go: { guard: role } } } } }), ['go'], /does nothing in XState/],
    ['an inline action', machineOf({ initial: 'a', states: { a: { on: { go: { guard: role, target: 'b', actions: () => {} } } }, b: {} } }), ['go'], /inline action/],
    ['entry actions', machineOf({ initial: 'a', states: { a: { entry: 'log' } } }), [], /entry and exit actions/],
    ['a guard combining hasRole later', machineOf({ initial: 'a', states: { a: { on: { go: { guard: and(['ok', role]), target: 'b' } } }, b: {} } }), ['go'], /needs a hasRole guard/],
  ])('%s', (_name, machine, events, message) => {
    expect(compile(machine as never, events as string[])).toThrow(message);
  });

  it('a non-strict object schema', () => {
    const plugin = pluginOf(machineOf({ initial: 'a', states: { a: { on: { go: { guard: role, target: 'b' } } }, b: {} } }));
    plugin.versions[0]!.events.go!.payload = z.object({ note: z.string() });
    expect(() => compileWorkflow(plugin)).toThrow(/event "go" payload: use z.strictObject/);
  });
});

describe('workflow migrations (npm run workflows:compile)', () => {
  it('every registered workflow version has its committed migration, unchanged', () => {
    const stale = planMigrations(WORKFLOWS, MIGRATIONS_DIR).filter((m) => m.status !== 'up to date');
    expect(stale.map((m) => `${m.workflow} v${m.version}: ${m.status}`)).toEqual([]);
  });

  it('finds a missing migration, writes it after the last one, and finds an edited one', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qt-migrations-'));
    writeFileSync(path.join(dir, '20991231000000_later.sql'), '');
    const planned = planMigrations([samplePlugin], dir, new Date('2026-11-21T00:00:00Z'));
    const versions = samplePlugin.versions.map((v) => v.version);
    expect(planned.map((m) => [m.file, m.status])).toEqual(versions.map((v, i) => [`2099123100000${i + 1}_workflow_sample_v${v}.sql`, 'missing']));
    for (const m of planned) writeFileSync(path.join(dir, m.file), m.sql);
    expect(planMigrations([samplePlugin], dir).map((m) => m.status)).toEqual(versions.map(() => 'up to date'));
    const v1 = path.join(dir, planned[0]!.file);
    writeFileSync(v1, readFileSync(v1, 'utf8').replace("'reviewer'", "'viewer'"));
    expect(planMigrations([samplePlugin], dir).map((m) => m.status)).toEqual(versions.map((_, i) => (i === 0 ? 'changed' : 'up to date')));
  });
});
