// A plugin's names are checked by tsc against its machine: each `@ts-expect-error` below is a
// misspelt state, event or guard that `npm run typecheck` must refuse (the directive itself is an
// error once the mistake is no longer one, so this file fails when the checking goes away). The
// tests at the bottom check at run time that the real plugins are what their types say.
import { and, setup } from 'xstate';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { MemberRole } from '../../src/access/roles.ts';
import { compileWorkflow } from '../../src/workflow/compile.ts';
import { workflowActions, workflowGuards } from '../../src/workflow/machine.ts';
import {
  defineVersion,
  definePlugin,
  type AtomicState,
  type EventName,
  type GuardDef,
  type GuardName,
  type PluginAtomicState,
  type PluginEvent,
  type PluginExamples,
  type PluginMessages,
  type PluginState,
  type StatePath,
  type WorkflowContext,
  type WorkflowEvent,
  type WorkflowPlugin,
} from '../../src/workflow/types.ts';
import { applicationPlugin } from '../../workflows/application/index.ts';
import { campaignPlugin } from '../../workflows/campaign/index.ts';
import { WORKFLOWS } from '../../workflows/registry.ts';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';

// A machine of two top-level states, one compound with two children, two events and one guard.
const guards = {
  ready: { label: 'workflows.probe.guards.ready', check: () => true, sql: 'select true', samples: [{ input: {} }] } satisfies GuardDef,
};
const reviewer = { type: 'hasRole' as const, params: { roles: ['reviewer'] as MemberRole[] } };
const machine = setup({
  types: {} as { context: WorkflowContext; events: WorkflowEvent<'send' | 'close'>; input: WorkflowContext },
  guards: workflowGuards(guards),
  actions: workflowActions({}),
}).createMachine({
  id: 'probe',
  context: ({ input }) => ({ form: input?.form ?? {}, facts: input?.facts ?? {} }),
  initial: 'open',
  states: {
    open: {
      initial: 'waiting',
      states: {
        waiting: { on: { send: { guard: and([reviewer, 'ready']), target: 'sent' } } },
        sent: { on: { close: { guard: reviewer, target: '#probe.closed' } } },
      },
    },
    closed: { type: 'final' },
  },
});
type M = typeof machine;

const payload = z.strictObject({});
const events = { send: { label: 'workflows.probe.events.send', payload }, close: { label: 'workflows.probe.events.close', payload } };
const version = defineVersion({ version: 1, machine, events, form: z.strictObject({}), formEditable: { states: ['open.waiting'], roles: ['reviewer'] } });

const messages = {
  name: '探针',
  states: { open: '进行中', waiting: '待发送', sent: '已发送', closed: '已关闭' },
  events: { send: '发送', close: '关闭' },
  guards: { ready: '尚未就绪' },
};
const plugin = {
  name: 'probe',
  label: 'workflows.probe.name',
  subjectKinds: ['community'],
  startRoles: ['reviewer'] as MemberRole[],
  versions: [version],
  guards,
  actions: {},
  stateLabels: {
    open: 'workflows.probe.states.open',
    'open.waiting': 'workflows.probe.states.waiting',
    'open.sent': 'workflows.probe.states.sent',
    closed: 'workflows.probe.states.closed',
  } as const,
  examples: { forms: [{}], payloads: { send: [{}] } },
  messages: { 'zh-CN': messages, en: messages },
};
const probe = definePlugin(plugin);

describe('plugin types', () => {
  it('read the names off the machine', () => {
    expectTypeOf<StatePath<M>>().toEqualTypeOf<'open' | 'open.waiting' | 'open.sent' | 'closed'>();
    expectTypeOf<AtomicState<M>>().toEqualTypeOf<'open.waiting' | 'open.sent' | 'closed'>();
    expectTypeOf<EventName<M>>().toEqualTypeOf<'send' | 'close'>();
    expectTypeOf<GuardName<M>>().toEqualTypeOf<'ready'>();
    expectTypeOf<PluginState<typeof probe>>().toEqualTypeOf<StatePath<M>>();
    expectTypeOf<PluginAtomicState<typeof probe>>().toEqualTypeOf<AtomicState<M>>();
    expectTypeOf<PluginEvent<typeof probe>>().toEqualTypeOf<EventName<M>>();
    // The erased contract the engine and the admin use reads as it did untyped.
    expectTypeOf<PluginState<WorkflowPlugin>>().toEqualTypeOf<string>();
    expectTypeOf<PluginEvent<WorkflowPlugin>>().toEqualTypeOf<string>();
    expectTypeOf(probe).toExtend<WorkflowPlugin>();
    expect(compileWorkflow(probe).map((v) => v.states.map((s) => s.path))).toEqual([['open.waiting', 'open.sent', 'closed']]);
  });

  it('refuse a misspelt state label, state message, event, guard and state', () => {
    // @ts-expect-error a state label for a state the machine does not have
    definePlugin({ ...plugin, stateLabels: { ...plugin.stateLabels, 'open.snet': 'workflows.probe.states.sent' } });
    // @ts-expect-error a state left without a label
    definePlugin({ ...plugin, stateLabels: { open: 'workflows.probe.states.open', 'open.waiting': 'workflows.probe.states.waiting', closed: 'workflows.probe.states.closed' } });
    // @ts-expect-error a label key naming no state
    definePlugin({ ...plugin, stateLabels: { ...plugin.stateLabels, closed: 'workflows.probe.states.clsoed' } });

    // @ts-expect-error a misspelt state in the messages
    ({ 'zh-CN': { ...messages, states: { open: '进行中', waiting: '待发送', sent: '已发送', colsed: '已关闭' } }, en: messages }) satisfies PluginMessages<M>;
    // @ts-expect-error a misspelt event in the messages
    ({ 'zh-CN': { ...messages, events: { send: '发送', clsoe: '关闭' } }, en: messages }) satisfies PluginMessages<M>;
    // @ts-expect-error a misspelt guard in the messages
    ({ 'zh-CN': messages, en: { ...messages, guards: { raedy: 'not ready' } } }) satisfies PluginMessages<M>;
    // @ts-expect-error a confirmation for an event the machine does not have
    ({ 'zh-CN': { ...messages, confirm: { sned: '确定发送？' } }, en: messages }) satisfies PluginMessages<M>;

    // @ts-expect-error a misspelt event in the version's events record
    defineVersion({ ...version, events: { send: events.send, clsoe: events.close } });
    // @ts-expect-error an event of the machine left out of the events record
    defineVersion({ ...version, events: { send: events.send } });
    // @ts-expect-error the form editable in a state the machine does not have
    defineVersion({ ...version, formEditable: { states: ['open.waitng'], roles: ['reviewer'] } });
    // @ts-expect-error the form editable in a compound state (an instance stands only in atomic ones)
    defineVersion({ ...version, formEditable: { states: ['open'], roles: ['reviewer'] } });

    // @ts-expect-error example payloads of an event the machine does not have
    ({ forms: [{}], payloads: { sned: [{}] } }) satisfies PluginExamples<M>;
    // @ts-expect-error a world starting in a state the machine does not have
    ({ forms: [{}], payloads: {}, worlds: [{ name: 'x', setup: async () => ({}), starts: ['open.snet'] }] }) satisfies PluginExamples<M>;

    // @ts-expect-error the plugin's guards must hold every guard the machine names
    definePlugin({ ...plugin, guards: { raedy: guards.ready } });

    // A list's column or a view naming a state or event: typed by the plugin.
    const column: PluginAtomicState<typeof probe>[] = ['open.waiting', 'closed'];
    // @ts-expect-error a state the plugin does not have
    const misspelt: PluginAtomicState<typeof probe>[] = ['open.wating'];
    // @ts-expect-error an event the plugin does not have
    const event: PluginEvent<typeof probe> = 'sned';
    expect([column, misspelt, event]).toHaveLength(3);
  });

  it('refuse a misspelt guard or event inside the machine (XState setup() typing)', () => {
    setup({
      types: {} as { context: WorkflowContext; events: WorkflowEvent<'send'>; input: WorkflowContext },
      guards: workflowGuards(guards),
      actions: workflowActions({}),
    }).createMachine({
      id: 'typos',
      initial: 'a',
      states: {
        a: {
          on: {
            // @ts-expect-error a guard setup() does not name
            send: { guard: and([reviewer, 'raedy']), target: 'b' },
          },
        },
        b: {
          on: {
            // @ts-expect-error an event setup() does not declare
            sned: { guard: reviewer, target: 'a' },
          },
        },
      },
    });
  });
});

describe('the real plugins are what their types say', () => {
  it('label every state the compiler finds, by its own name in both languages', () => {
    for (const plugin of [...WORKFLOWS, samplePlugin]) {
      const compiled = compileWorkflow(plugin);
      const paths = new Set(compiled.flatMap((v) => [...v.states.map((s) => s.path), ...v.compounds.map((c) => c.path)]));
      expect(Object.keys(plugin.stateLabels).sort(), plugin.name).toEqual([...paths].sort());
      for (const [path, key] of Object.entries(plugin.stateLabels)) expect(key, path).toBe(`workflows.${plugin.name}.states.${path.split('.').at(-1)}`);
      for (const messages of Object.values(plugin.messages)) {
        const { states, events, guards } = messages as { states: object; events: object; guards: object };
        expect(Object.keys(states).sort(), plugin.name).toEqual([...new Set([...paths].map((p) => p.split('.').at(-1)!))].sort());
        expect(Object.keys(events).sort(), plugin.name).toEqual([...new Set(plugin.versions.flatMap((v) => Object.keys(v.events)))].sort());
        expect(Object.keys(guards).sort(), plugin.name).toEqual(Object.keys(plugin.guards).sort());
      }
    }
  });

  it('export the names their pages and views use', () => {
    expectTypeOf<PluginAtomicState<typeof applicationPlugin>>().toExtend<string>();
    expectTypeOf<'approved'>().toExtend<PluginAtomicState<typeof applicationPlugin>>();
    expectTypeOf<'pick_pilot'>().toExtend<PluginEvent<typeof applicationPlugin>>();
    expectTypeOf<'longterm'>().toExtend<PluginState<typeof campaignPlugin>>();
    expectTypeOf<'review.waiting'>().toExtend<PluginAtomicState<typeof samplePlugin>>();
  });
});
