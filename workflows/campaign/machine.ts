// The campaign's machine: its five phases in order; the street office advances it, and may
// reopen the phase before. Its events are declared in setup()'s types, so the plugin's names are
// checked against it. Every phase is under way (its tone, meta), the first too; the long-term
// review comes once the campaign is accepted.
import { setup } from 'xstate';
import type { MemberRole } from '../../src/access/roles.ts';
import { workflowActions, workflowGuards } from '../../src/workflow/machine.ts';
import type { AtomicState, StateMeta, WorkflowContext, WorkflowEvent } from '../../src/workflow/types.ts';

const office = { type: 'hasRole' as const, params: { roles: ['street_office'] as MemberRole[] } };

export const machine = setup({
  types: {} as { context: WorkflowContext; events: WorkflowEvent<'advance' | 'reopen'>; input: WorkflowContext },
  guards: workflowGuards({}),
  actions: workflowActions({}),
}).createMachine({
  id: 'campaign',
  context: ({ input }) => ({ form: input?.form ?? {}, facts: input?.facts ?? {} }),
  initial: 'plan',
  states: {
    plan: { meta: { tone: 'active' } satisfies StateMeta, on: { advance: { guard: office, target: 'pilot' } } },
    pilot: { meta: { tone: 'active' } satisfies StateMeta, on: { advance: { guard: office, target: 'rollout' }, reopen: { guard: office, target: 'plan' } } },
    rollout: { meta: { tone: 'active' } satisfies StateMeta, on: { advance: { guard: office, target: 'acceptance' }, reopen: { guard: office, target: 'pilot' } } },
    acceptance: { meta: { tone: 'active' } satisfies StateMeta, on: { advance: { guard: office, target: 'longterm' }, reopen: { guard: office, target: 'rollout' } } },
    longterm: { meta: { tone: 'done' } satisfies StateMeta, on: { reopen: { guard: office, target: 'acceptance' } } },
  },
});

export type CampaignMachine = typeof machine;

/** The phases in order: the machine's states, which every other workflow's guards read as the campaign's phase. */
export const PHASES = ['plan', 'pilot', 'rollout', 'acceptance', 'longterm'] as const satisfies readonly AtomicState<CampaignMachine>[];
