// 网格化治理: grids in levels and micro-grids (units of the kinds declared here) with their staff,
// the households of each micro-grid (sql/001_grids.sql: read by the grid's own staff, their
// community and street; the phone by the grid's staff only; every change logged), and the closed
// loop of what a grid finds (民情事件, machine.ts): reported, triaged by the community, handled at
// a level with a deadline per step and urgency, consulted on by the street's departments (会签),
// and visited back. Assembled here from its parts, as the application's folder is.
import { lazy } from 'react';
import { z } from 'zod';
import { pluginText } from '../../src/workflow/machine.ts';
import { definePlugin, defineVersion } from '../../src/workflow/types.ts';
import { examples } from './examples.ts';
import { draftSchema, formCheck, payloads } from './form.ts';
import { guards } from './guards.ts';
import { GRID_STAFF, machine } from './machine.ts';
import { messages } from './messages.ts';
import { pages } from './pages.tsx';

export { URGENCIES, completeSchema, draftSchema, type GridEventForm, type Urgency } from './form.ts';
export type { GridEvent, GridMachine } from './machine.ts';

const event = (name: string, payload: z.ZodObject, tone?: 'primary' | 'danger') => ({ label: `workflows.grid_governance.events.${name}`, payload, ...(tone ? { tone } : {}) });
// Each step has the street's days for it by the event's urgency (facts.sql), counted from the
// day it was entered: its handlers are reminded the day before and every day once it is
// overdue, when the level above is told.
type Step = 'triage' | 'grid_handling' | 'community_handling' | 'street_dispatch' | 'office_handling' | 'consulting' | 'visit';
const step = (state: Step, escalateTo: ('street_office' | 'community_worker')[]) =>
  ({ due: { daysFact: `days.${state}` }, remindBefore: '1 days', repeatEvery: '24 hours', ...(escalateTo.length ? { escalateTo } : {}) }) as const;

const v1 = defineVersion({
  version: 1,
  machine,
  events: {
    report: event('report', payloads.none, 'primary'),
    discard: event('discard', payloads.optionalComment, 'danger'),
    handle_in_grid: event('handle_in_grid', payloads.optionalComment, 'primary'),
    assign_community: event('assign_community', payloads.optionalComment),
    escalate: event('escalate', payloads.optionalComment),
    send_back: event('send_back', payloads.comment, 'danger'),
    close_invalid: event('close_invalid', payloads.comment, 'danger'),
    resolve: event('resolve', payloads.resolve, 'primary'),
    refer: event('refer', payloads.comment, 'danger'),
    dispatch: event('dispatch', payloads.optionalComment, 'primary'),
    return_to_community: event('return_to_community', payloads.comment, 'danger'),
    consult: event('consult', payloads.comment),
    agree: event('agree', payloads.optionalComment, 'primary'),
    disagree: event('disagree', payloads.comment, 'danger'),
    return_to_street: event('return_to_street', payloads.comment, 'danger'),
    visit_satisfied: event('visit_satisfied', payloads.satisfied, 'primary'),
    visit_unsatisfied: event('visit_unsatisfied', payloads.comment, 'danger'),
  },
  form: draftSchema,
  formEditable: { states: ['draft'], roles: GRID_STAFF },
  sql: ['001_grids.sql'],
  // The community names the worker who handles it, the street office the department's handler,
  // the handler the departments that consult; several consulting all agree (会签).
  assign: {
    community_handling: { roles: ['community_worker'] },
    office_handling: { roles: ['office_handler'] },
    consulting: { roles: ['office_handler'], multiple: true },
  },
  countersign: { consulting: { rule: 'all', approve: ['agree'], reject: ['disagree'] } },
  deadlines: {
    triage: step('triage', ['street_office']),
    grid_handling: step('grid_handling', ['community_worker']),
    community_handling: step('community_handling', ['street_office']),
    street_dispatch: step('street_dispatch', []),
    office_handling: step('office_handling', ['street_office']),
    consulting: step('consulting', ['street_office']),
    visit: step('visit', ['community_worker']),
  },
});

// Version 2: the same machine, once a grid's staff reach their own grid only (reach below): the
// events of other grids in the community are not theirs to read or act on; and the monthly
// 考核 of grids, workers and departments from the log (sql/003_assessment.sql).
const v2 = defineVersion({ ...v1, version: 2, sql: ['002_subtree_reach.sql', '003_assessment.sql'] });

// Version 3: the same machine, with the street's dashboard (治理态势) and the ledger of events it
// drills down to (sql/004_dashboard.sql).
const v3 = defineVersion({ ...v1, version: 3, sql: ['004_dashboard.sql'] });

// Version 4: the same machine; the ledger and dashboard find a grid's events by their subject
// (sql/005_ledger_by_subject.sql).
const v4 = defineVersion({ ...v1, version: 4, sql: ['005_ledger_by_subject.sql'] });

// Version 5: the same machine; photos as evidence, under the event and the step they were taken
// at, in a Storage bucket of its own (sql/006_event_photos.sql).
const v5 = defineVersion({ ...v1, version: 5, sql: ['006_event_photos.sql'] });

// Version 6: the same machine; the grids and their staff imported as rosters, as the households
// are (sql/007_roster_import.sql).
const v6 = defineVersion({ ...v1, version: 6, sql: ['007_roster_import.sql'] });

// Version 7: the same machine; the ledger's total counted once the caller's scope is known to
// cover it, and the dashboard planned for its arguments (sql/008_scope_checked_once.sql).
const v7 = defineVersion({ ...v1, version: 7, sql: ['008_scope_checked_once.sql'] });

const facts = {
  get sql() {
    return pluginText(import.meta.url, 'facts.sql');
  },
};

export const gridGovernancePlugin = definePlugin({
  name: 'grid_governance',
  label: 'workflows.grid_governance.name',
  declares: {
    unitKinds: {
      // A grid's staff reach what lies under their grid (its micro-grids, households and
      // events), not the rest of the community.
      grid: { label: '网格', parents: ['community', 'street', 'grid'], reach: 'subtree', reachSince: 2 },
      micro_grid: { label: '微网格', parents: ['grid', 'community'], reach: 'subtree', reachSince: 2 },
      street_department: { label: '街道部门', parents: ['street'] },
    },
    roles: {
      grid_leader: { label: '网格长', heldIn: ['grid'] },
      grid_worker: { label: '网格员', heldIn: ['grid', 'micro_grid'] },
      micro_grid_worker: { label: '微网格员', heldIn: ['micro_grid'] },
      community_worker: { label: '社区工作者', heldIn: ['community'] },
      office_handler: { label: '部门经办人', heldIn: ['street_department'] },
    },
    tables: {
      grid_lists: { scope: 'street', writeRoles: ['street_office'], writeColumns: ['list', 'label', 'position'], example: { list: 'household_tag', label: '矩阵示例标签' }, since: 1 },
      grid_deadline_rules: { scope: 'street', writeRoles: ['street_office'], writeColumns: ['state', 'urgency', 'days'], example: { state: 'visit', urgency: 'normal', days: 3 }, since: 1 },
      grid_assessment_weights: { scope: 'street', writeRoles: ['street_office'], writeColumns: ['on_time', 'satisfaction', 'found'], example: { on_time: 50, satisfaction: 40, found: 10 }, since: 2 },
      // (written by publish_grid_assessment only)
      grid_assessment_results: {
        scope: 'street', writeRoles: [], writeColumns: [], since: 2,
        example: { month: '2026-01-01', subject_kind: 'grid', subject_id: '0', subject_name: '矩阵示例网格' },
      },
    },
  },
  subjectKinds: ['micro_grid', 'grid'],
  startRoles: [...GRID_STAFF, 'community_worker'],
  versions: [v1, v2, v3, v4, v5, v6, v7],
  guards,
  actions: {},
  facts,
  formCheck,
  pages,
  // The event's form in its panel: the street's categories, the grid's households (form-view.tsx).
  views: { form: lazy(() => import('./form-view.tsx')) },
  menu: { group: 'governance', order: 10 },
  stateLabels: {
    draft: 'workflows.grid_governance.states.draft',
    triage: 'workflows.grid_governance.states.triage',
    grid_handling: 'workflows.grid_governance.states.grid_handling',
    community_handling: 'workflows.grid_governance.states.community_handling',
    street_dispatch: 'workflows.grid_governance.states.street_dispatch',
    office_handling: 'workflows.grid_governance.states.office_handling',
    consulting: 'workflows.grid_governance.states.consulting',
    visit: 'workflows.grid_governance.states.visit',
    closed: 'workflows.grid_governance.states.closed',
    discarded: 'workflows.grid_governance.states.discarded',
  },
  examples,
  messages,
});
