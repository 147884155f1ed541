// 民情事件: the closed loop of what a grid finds (信息采集 → 分流指派 → 分级处置 → 会商研判 → 回访).
// A grid's staff record it and report it; the community triages it: handled in the grid, by a
// community worker it names, or escalated to the street, whose office hands it to one of its
// departments' handlers; a handler may ask other departments to agree a plan (会商研判, 会签);
// once handled, the grid's staff visit the resident back: 满意 / 基本满意 closes it, 不满意
// sends it back to the community to triage again. Every transition names who may send it.
import { and, setup } from 'xstate';
import type { MemberRole } from '../../src/access/roles.ts';
import { workflowActions, workflowGuards } from '../../src/workflow/machine.ts';
import type { StateMeta, WorkflowContext, WorkflowEvent } from '../../src/workflow/types.ts';
import { guards } from './guards.ts';

// The roles this plugin declares (index.ts), for the type check (src/access/roles.ts).
declare module '../../src/access/roles.ts' {
  interface PluginRoles {
    grid_leader: true;
    grid_worker: true;
    micro_grid_worker: true;
    community_worker: true;
    office_handler: true;
  }
}

export type GridEvent =
  | 'report' | 'discard'
  | 'handle_in_grid' | 'assign_community' | 'escalate' | 'send_back' | 'close_invalid'
  | 'resolve' | 'refer'
  | 'dispatch' | 'return_to_community'
  | 'consult' | 'agree' | 'disagree' | 'return_to_street'
  | 'visit_satisfied' | 'visit_unsatisfied';

const role = (...roles: MemberRole[]) => ({ type: 'hasRole' as const, params: { roles } });
export const GRID_STAFF: MemberRole[] = ['grid_leader', 'grid_worker', 'micro_grid_worker'];
const gridStaff = role(...GRID_STAFF);
const community = role('community_worker');
const office = role('street_office');
const handler = role('office_handler');

export const machine = setup({
  types: {} as { context: WorkflowContext; events: WorkflowEvent<GridEvent>; input: WorkflowContext },
  guards: workflowGuards(guards),
  actions: workflowActions({}),
}).createMachine({
  id: 'grid_governance',
  context: ({ input }) => ({ form: input?.form ?? {}, facts: input?.facts ?? {} }),
  initial: 'draft',
  states: {
    // 信息采集: the grid's staff write down what they found.
    draft: {
      on: {
        report: { guard: and([gridStaff, 'reportComplete']), target: 'triage', actions: ['snapshotForm'] },
        discard: { guard: gridStaff, target: 'discarded' },
      },
    },
    // 分流指派, by the community.
    triage: {
      meta: { tone: 'pending' } satisfies StateMeta,
      on: {
        handle_in_grid: { guard: community, target: 'grid_handling' },
        assign_community: { guard: community, target: 'community_handling' },
        escalate: { guard: community, target: 'street_dispatch' },
        send_back: { guard: community, target: 'draft' },
        close_invalid: { guard: community, target: 'discarded' },
      },
    },
    grid_handling: {
      meta: { tone: 'active' } satisfies StateMeta,
      on: {
        resolve: { guard: gridStaff, target: 'visit' },
        refer: { guard: gridStaff, target: 'triage' },
      },
    },
    community_handling: {
      meta: { tone: 'active' } satisfies StateMeta,
      on: {
        resolve: { guard: community, target: 'visit' },
        refer: { guard: community, target: 'triage' },
        escalate: { guard: community, target: 'street_dispatch' },
      },
    },
    // The street office hands it to a department's handler, or sends it back to the community.
    street_dispatch: {
      meta: { tone: 'pending' } satisfies StateMeta,
      on: {
        dispatch: { guard: office, target: 'office_handling' },
        return_to_community: { guard: office, target: 'triage' },
      },
    },
    office_handling: {
      meta: { tone: 'active' } satisfies StateMeta,
      on: {
        resolve: { guard: handler, target: 'visit' },
        consult: { guard: handler, target: 'consulting' },
        return_to_street: { guard: handler, target: 'street_dispatch' },
      },
    },
    // 会商研判: the departments named agree a plan (会签); then the handler carries it out.
    consulting: {
      meta: { tone: 'active' } satisfies StateMeta,
      on: {
        agree: { guard: handler, target: 'office_handling' },
        disagree: { guard: handler, target: 'office_handling' },
      },
    },
    // 回访: the grid's staff ask the resident.
    visit: {
      meta: { tone: 'pending' } satisfies StateMeta,
      on: {
        visit_satisfied: { guard: gridStaff, target: 'closed' },
        visit_unsatisfied: { guard: gridStaff, target: 'triage' },
      },
    },
    closed: { type: 'final', meta: { tone: 'done' } satisfies StateMeta },
    discarded: { type: 'final', meta: { tone: 'closed' } satisfies StateMeta },
  },
});

export type GridMachine = typeof machine;
