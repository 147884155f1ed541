// The campaign (全域提升行动) of a street, phase by phase: 规划部署 → 示范推进 → 全面推进 →
// 全面验收 → 长效提升. The street office advances it, and may reopen the phase before with a
// reason. Its state is the phase every other workflow's guards read (see application's facts).
import { setup } from 'xstate';
import { z } from 'zod';
import type { MemberRole } from '../../src/access/roles.ts';
import { workflowActions, workflowGuards } from '../../src/workflow/machine.ts';
import type { WorkflowContext, WorkflowEvent, WorkflowPlugin, WorkflowVersion } from '../../src/workflow/types.ts';

export const PHASES = ['plan', 'pilot', 'rollout', 'acceptance', 'longterm'] as const;

const office = { type: 'hasRole' as const, params: { roles: ['street_office'] as MemberRole[] } };

const machine = setup({
  types: {} as { context: WorkflowContext; events: WorkflowEvent; input: WorkflowContext },
  guards: workflowGuards({}),
  actions: workflowActions({}),
}).createMachine({
  id: 'campaign',
  context: ({ input }) => ({ form: input?.form ?? {}, facts: input?.facts ?? {} }),
  initial: 'plan',
  states: {
    plan: { on: { advance: { guard: office, target: 'pilot' } } },
    pilot: { on: { advance: { guard: office, target: 'rollout' }, reopen: { guard: office, target: 'plan' } } },
    rollout: { on: { advance: { guard: office, target: 'acceptance' }, reopen: { guard: office, target: 'pilot' } } },
    acceptance: { on: { advance: { guard: office, target: 'longterm' }, reopen: { guard: office, target: 'rollout' } } },
    longterm: { on: { reopen: { guard: office, target: 'acceptance' } } },
  },
});

const reason = z.string().min(2).max(500);
const v1: WorkflowVersion = {
  version: 1,
  machine,
  events: {
    advance: { label: 'workflows.campaign.events.advance', payload: z.strictObject({ comment: z.string().max(500).optional() }), tone: 'primary' },
    reopen: { label: 'workflows.campaign.events.reopen', payload: z.strictObject({ comment: reason }), tone: 'danger' },
  },
  form: z.strictObject({}),
  formEditable: { states: [], roles: [] },
};

export const campaignPlugin: WorkflowPlugin = {
  name: 'campaign',
  label: 'workflows.campaign.name',
  subjectKinds: ['street'],
  startRoles: ['street_office'],
  versions: [v1],
  guards: {},
  actions: {},
  stateLabels: Object.fromEntries(PHASES.map((p) => [p, `workflows.campaign.states.${p}`])),
  examples: {
    forms: [{}],
    payloads: { advance: [{}, { comment: '按计划进入下一阶段' }], reopen: [{ comment: '补充申报' }, { comment: '' }] },
  },
  messages: {
    'zh-CN': {
      name: '全域提升行动',
      states: { plan: '规划部署阶段', pilot: '示范推进阶段', rollout: '全面推进阶段', acceptance: '全面验收阶段', longterm: '长效提升阶段' },
      events: { advance: '进入下一阶段', reopen: '退回上一阶段' },
      guards: {},
      fields: { comment: '说明' },
    },
    en: {
      name: 'Campaign',
      states: { plan: 'Plan', pilot: 'Pilot', rollout: 'Full rollout', acceptance: 'Acceptance', longterm: 'Long-term review' },
      events: { advance: 'Advance to the next phase', reopen: 'Reopen the previous phase' },
      guards: {},
      fields: { comment: 'Reason' },
    },
  },
};
