// The campaign (全域提升行动) of a street, phase by phase: 规划部署 → 示范推进 → 全面推进 →
// 全面验收 → 长效提升. The street office advances it, and may reopen the phase before with a
// reason. Its state is the phase every other workflow's guards read (see application's facts).
// The machine is in machine.ts and the words in messages.ts; definePlugin() checks the names.
import { lazy } from 'react';
import { z } from 'zod';
import { definePlugin, defineVersion } from '../../src/workflow/types.ts';
import { machine } from './machine.ts';
import { messages } from './messages.ts';
import { pages } from './pages.tsx';

export { PHASES, type CampaignMachine } from './machine.ts';

const reason = z.string().min(2).max(500);
const v1 = defineVersion({
  version: 1,
  machine,
  events: {
    advance: { label: 'workflows.campaign.events.advance', payload: z.strictObject({ comment: z.string().max(500).optional() }), tone: 'primary' },
    reopen: { label: 'workflows.campaign.events.reopen', payload: z.strictObject({ comment: reason }), tone: 'danger' },
  },
  form: z.strictObject({}),
  formEditable: { states: [], roles: [] },
});
// Version 2: the same machine, with the 择优推选 list (sql/001_acceptance_recommendations.sql) in
// its migration; running campaigns stay on version 1, new ones start on 2.
const v2 = defineVersion({ ...v1, version: 2, sql: ['001_acceptance_recommendations.sql'] });

export const campaignPlugin = definePlugin({
  name: 'campaign',
  label: 'workflows.campaign.name',
  subjectKinds: ['street'],
  startRoles: ['street_office'],
  versions: [v1, v2],
  guards: {},
  actions: {},
  views: { form: lazy(() => import('./form-view.tsx')) },
  // 任务与目标: the campaign itself first, then its targets and key tasks (pages.tsx).
  pages,
  menu: { group: 'tasks', order: 10 },
  stateLabels: {
    plan: 'workflows.campaign.states.plan',
    pilot: 'workflows.campaign.states.pilot',
    rollout: 'workflows.campaign.states.rollout',
    acceptance: 'workflows.campaign.states.acceptance',
    longterm: 'workflows.campaign.states.longterm',
  },
  examples: {
    forms: [{}],
    payloads: { advance: [{}, { comment: '按计划进入下一阶段' }], reopen: [{ comment: '补充申报' }, { comment: '' }] },
  },
  messages,
});
