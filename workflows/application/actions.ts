// The application's action: what a round step records, in SQL, inside the transition.
import type { ActionDef } from '../../src/workflow/types.ts';
import type { RoundKind } from './guards.ts';
import type { ApplicationEvent } from './machine.ts';

/** The event that completes each round for the application. */
const ROUND_EVENT = {
  self_check: 'self_check',
  pre_accept: 'pre_acceptance',
  accept_yearly: 'yearly_acceptance',
  accept_full: 'full_acceptance',
  reevaluate: 're_evaluation',
} as const satisfies Partial<Record<ApplicationEvent, RoundKind>>;

// A round step records the round it completes and the unit's totals at that moment (the self
// total for the self-check, the reviewers' mean for the others); once per round and application.
export const actions = {
  recordRound: {
    sql: `declare
  v_kind text; -- a round_kind; text, as the type is created by a later migration
  v_unit bigint;
  v_round_id bigint;
begin
  select case e.event ${Object.entries(ROUND_EVENT).map(([event, kind]) => `when '${event}' then '${kind}'`).join(' ')} end into v_kind from public.workflow_events e where e.id = $2;
  select a.subject_unit_id into v_unit from public.workflow_instances a where a.id = $1;
  select r.id into v_round_id
  from public.workflow_instances a
  join public.campaigns c on c.street_id = a.street_id
  join public.score_rounds r on r.campaign_id = c.id and r.kind = v_kind::public.round_kind and r.published_at is null
  where a.id = $1
  order by c.start_year desc, c.id desc, r.year desc, r.id desc
  limit 1;
  insert into public.application_rounds (instance_id, round_id, event_id, self_total, reviewer_total)
  values ($1, v_round_id, $2,
    (select round(sum(x.mean), 1) from (
       select avg(e.score) as mean from public.score_entries e
       where e.round_id = v_round_id and e.unit_id = v_unit and e.scorer_role = 'self' group by e.subitem_id) x),
    (select t.total from public.unit_totals t where t.round_id = v_round_id and t.unit_id = v_unit));
end;`,
  },
} satisfies Record<string, ActionDef>;
