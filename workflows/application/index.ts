// A community's 申报表 (attachment 4 of the campaign plan): the filer drafts it (saved as they
// type), submits it while the campaign's filing window is open, a reviewer opens it and returns
// it with what to fix or approves it with the street's opinion (街道意见). Then the scoring rounds
// of section 四, each a step taken in its campaign phase once the round is scored: the self-check
// (自查) in planning, picked as a pilot and pre-accepted (预验收) in the pilot, the yearly
// acceptance (年度验收) in the full rollout, the full acceptance (全面验收), and each year's
// re-evaluation (复评) in the long-term review. The grade follows from the scores, never from
// the step: the step records that the unit's round is done, with its totals at that moment.
//
// The plugin is assembled here from its parts, as the XState examples split a machine:
// machine.ts (the states and transitions), form.ts (the zod schemas and their SQL twins),
// guards.ts and actions.ts (TypeScript and SQL), facts.sql (what the guards read, computed by the
// database), messages.ts and examples.ts. definePlugin() checks every name against the machine.
import { lazy } from 'react';
import { z } from 'zod';
import { pluginText } from '../../src/workflow/machine.ts';
import { definePlugin, defineVersion } from '../../src/workflow/types.ts';
import { actions } from './actions.ts';
import { examples } from './examples.ts';
import { comment, draftSchema, formCheck, opinion } from './form.ts';
import { guards } from './guards.ts';
import { machine } from './machine.ts';
import { messages } from './messages.ts';
import { pages } from './pages.tsx';

export { CREATION_TYPES, completeSchema, draftSchema, type ApplicationForm } from './form.ts';
export { ROUND_PHASE } from './guards.ts';
export type { ApplicationEvent, ApplicationMachine } from './machine.ts';

const v1 = defineVersion({
  version: 1,
  machine,
  events: {
    submit: { label: 'workflows.application.events.submit', payload: z.strictObject({}), tone: 'primary' },
    withdraw: { label: 'workflows.application.events.withdraw', payload: z.strictObject({}) },
    open: { label: 'workflows.application.events.open', payload: z.strictObject({}), tone: 'primary' },
    return: { label: 'workflows.application.events.return', payload: z.strictObject({ comment }), tone: 'danger' },
    approve: { label: 'workflows.application.events.approve', payload: opinion, tone: 'primary' },
    resubmit: { label: 'workflows.application.events.resubmit', payload: z.strictObject({}), tone: 'primary' },
    self_check: { label: 'workflows.application.events.self_check', payload: z.strictObject({}), tone: 'primary' },
    pick_pilot: { label: 'workflows.application.events.pick_pilot', payload: z.strictObject({}), tone: 'primary' },
    pre_accept: { label: 'workflows.application.events.pre_accept', payload: opinion, tone: 'primary' },
    accept_yearly: { label: 'workflows.application.events.accept_yearly', payload: opinion, tone: 'primary' },
    accept_full: { label: 'workflows.application.events.accept_full', payload: opinion, tone: 'primary' },
    reevaluate: { label: 'workflows.application.events.reevaluate', payload: opinion, tone: 'primary' },
  },
  form: draftSchema,
  formEditable: { states: ['draft', 'returned'], roles: ['community_filer'] },
});

// Version 2: the same machine, with deadlines. A draft or a returned 申报表 is due on the filing
// window's last day, and its filers are reminded three days before; an application waits at most
// three days to be opened and ten in review, then the reviewers are reminded every day and the
// street office is told.
const v2 = defineVersion({
  ...v1,
  version: 2,
  deadlines: {
    draft: { due: { lastDayFact: 'campaign.filing_closes_on' }, remindBefore: '3 days' },
    returned: { due: { lastDayFact: 'campaign.filing_closes_on' }, remindBefore: '3 days' },
    submitted: { due: { after: '3 days' }, remind: ['reviewer', 'street_office'], repeatEvery: '24 hours', escalateTo: ['street_office'] },
    in_review: { due: { after: '10 days' }, remindBefore: '3 days', repeatEvery: '24 hours', escalateTo: ['street_office'] },
  },
});

// Version 3: the reviewer who opens an application may name the reviewers of the review; two or
// more 会签 it: each approves or returns with their opinion, it is approved when all of them
// have approved, and one return returns it. One named (or none) reviews as before.
const v3 = defineVersion({
  ...v2,
  version: 3,
  assign: { in_review: { roles: ['reviewer'], multiple: true } },
  countersign: { in_review: { rule: 'all', approve: ['approve'], reject: ['return'] } },
});

// The facts: the street's latest campaign (its phase, the workflow's state, and filing window);
// today in China, so the browser judges the window by the server's day, not its own clock; and
// per round kind, the campaign's open round with how far this unit is scored in it. Read from
// facts.sql when the compiler asks (Node), never by the browser.
const facts = {
  get sql() {
    return pluginText(import.meta.url, 'facts.sql');
  },
};

export const applicationPlugin = definePlugin({
  name: 'application',
  label: 'workflows.application.name',
  subjectKinds: ['community'],
  startRoles: ['community_filer', 'street_office'],
  versions: [v1, v2, v3],
  guards,
  actions,
  facts,
  formCheck,
  views: {
    form: lazy(() => import('./form-view.tsx')),
    print: lazy(() => import('./print-view.tsx')),
  },
  // 申报与审核: the applications first, then 申报情况 (pages.tsx).
  pages,
  menu: { group: 'apply', order: 10 },
  stateLabels: {
    draft: 'workflows.application.states.draft',
    submitted: 'workflows.application.states.submitted',
    in_review: 'workflows.application.states.in_review',
    returned: 'workflows.application.states.returned',
    approved: 'workflows.application.states.approved',
    self_checked: 'workflows.application.states.self_checked',
    pilot: 'workflows.application.states.pilot',
    pre_accepted: 'workflows.application.states.pre_accepted',
    yearly_accepted: 'workflows.application.states.yearly_accepted',
    accepted: 'workflows.application.states.accepted',
    reevaluated: 'workflows.application.states.reevaluated',
  },
  examples,
  messages,
});
