// The application's machine: from the draft through the review to approval, then one step per
// scoring round in its phase. Every transition names who may send it (hasRole); its guards are
// in guards.ts, its action in actions.ts, and the events it accepts are declared in setup()'s
// types, so a misspelt event or guard here fails the type check. Each state's meta says its tone
// (the colour its tag has on every list; the draft's is inferred) and marks the return off the
// main path the panel's steps show.
import { and, setup } from 'xstate';
import type { MemberRole } from '../../src/access/roles.ts';
import { workflowActions, workflowGuards } from '../../src/workflow/machine.ts';
import type { StateMeta, WorkflowContext, WorkflowEvent } from '../../src/workflow/types.ts';
import { actions } from './actions.ts';
import { guards, type RoundKind } from './guards.ts';

/** The events the machine accepts; each has a label and a payload schema in the version (index.ts). */
export type ApplicationEvent =
  | 'submit' | 'withdraw' | 'open' | 'return' | 'approve' | 'resubmit'
  | 'self_check' | 'pick_pilot' | 'pre_accept' | 'accept_yearly' | 'accept_full' | 'reevaluate';

const role = (...roles: MemberRole[]) => ({ type: 'hasRole' as const, params: { roles } });
const filer = role('community_filer');
const reviewer = role('reviewer', 'street_office');
const office = role('street_office');

/** A round is completed for the unit in its phase, once it is scored (by the filer, or the reviewers). */
const roundReady = (kind: RoundKind, by: 'self' | 'reviewer') =>
  [{ type: 'roundOpen' as const, params: { kind } }, { type: 'roundScored' as const, params: { kind, by } }] as const;

export const machine = setup({
  types: {} as { context: WorkflowContext; events: WorkflowEvent<ApplicationEvent>; input: WorkflowContext },
  guards: workflowGuards(guards),
  actions: workflowActions(actions),
}).createMachine({
  id: 'application',
  context: ({ input }) => ({ form: input?.form ?? {}, facts: input?.facts ?? {} }),
  initial: 'draft',
  states: {
    draft: { on: { submit: { guard: and([filer, 'formComplete', 'filingOpen']), target: 'submitted', actions: ['snapshotForm'] } } },
    // Submitted and not yet opened: the filer may still take it back.
    submitted: { meta: { tone: 'pending' } satisfies StateMeta, on: { withdraw: { guard: filer, target: 'draft' }, open: { guard: reviewer, target: 'in_review' } } },
    in_review: { meta: { tone: 'active' } satisfies StateMeta, on: { return: { guard: reviewer, target: 'returned' }, approve: { guard: reviewer, target: 'approved' } } },
    returned: { meta: { tone: 'returned' } satisfies StateMeta, on: { resubmit: { guard: and([filer, 'formComplete', 'filingOpen']), target: 'submitted', actions: ['snapshotForm'] } } },
    // The filer hands in the self-check once they have self-scored every sub-item.
    approved: {
      meta: { tone: 'done' } satisfies StateMeta,
      on: {
        self_check: {
          guard: and([filer, ...roundReady('self_check', 'self')]),
          target: 'self_checked',
          actions: ['recordRound'],
        },
      },
    },
    // The office picks the pilots (试点) in the pilot phase; the others wait for the rollout.
    self_checked: {
      meta: { tone: 'done' } satisfies StateMeta,
      on: {
        pick_pilot: { guard: and([office, { type: 'phaseIs', params: { phase: 'pilot' } }]), target: 'pilot' },
        accept_yearly: { guard: and([reviewer, ...roundReady('yearly_acceptance', 'reviewer')]), target: 'yearly_accepted', actions: ['recordRound'] },
        accept_full: { guard: and([reviewer, ...roundReady('full_acceptance', 'reviewer')]), target: 'accepted', actions: ['recordRound'] },
      },
    },
    pilot: {
      meta: { tone: 'active' } satisfies StateMeta,
      on: {
        pre_accept: { guard: and([reviewer, ...roundReady('pre_acceptance', 'reviewer')]), target: 'pre_accepted', actions: ['recordRound'] },
        accept_yearly: { guard: and([reviewer, ...roundReady('yearly_acceptance', 'reviewer')]), target: 'yearly_accepted', actions: ['recordRound'] },
      },
    },
    pre_accepted: {
      meta: { tone: 'done' } satisfies StateMeta,
      on: {
        accept_yearly: { guard: and([reviewer, ...roundReady('yearly_acceptance', 'reviewer')]), target: 'yearly_accepted', actions: ['recordRound'] },
        accept_full: { guard: and([reviewer, ...roundReady('full_acceptance', 'reviewer')]), target: 'accepted', actions: ['recordRound'] },
      },
    },
    // Accepted again each year of the rollout, until the full acceptance.
    yearly_accepted: {
      meta: { tone: 'done' } satisfies StateMeta,
      on: {
        accept_yearly: { guard: and([reviewer, ...roundReady('yearly_acceptance', 'reviewer')]), actions: ['recordRound'] },
        accept_full: { guard: and([reviewer, ...roundReady('full_acceptance', 'reviewer')]), target: 'accepted', actions: ['recordRound'] },
      },
    },
    accepted: { meta: { tone: 'done' } satisfies StateMeta, on: { reevaluate: { guard: and([reviewer, ...roundReady('re_evaluation', 'reviewer')]), target: 'reevaluated', actions: ['recordRound'] } } },
    // Re-evaluated each year of the long-term review.
    reevaluated: { meta: { tone: 'done' } satisfies StateMeta, on: { reevaluate: { guard: and([reviewer, ...roundReady('re_evaluation', 'reviewer')]), actions: ['recordRound'] } } },
  },
});

export type ApplicationMachine = typeof machine;
