-- The scoring rounds as steps of a community's application (section 四): each step the
-- application workflow takes for a round (self-check, pre-acceptance, yearly and full acceptance,
-- re-evaluation) records here which round it completed and the unit's totals at that moment, by
-- the plugin's recordRound action inside fire_event. Once per round and application; the grade
-- itself always comes from the scores (unit_grades).
create table public.application_rounds (
  instance_id bigint not null references public.workflow_instances on delete restrict,
  round_id bigint not null references public.score_rounds on delete restrict,
  event_id bigint not null references public.workflow_events on delete restrict,
  -- the filer's self total (the self-check), the reviewers' mean total (every round)
  self_total numeric(6, 1),
  reviewer_total numeric(6, 2),
  created_at timestamptz not null default now(),
  primary key (instance_id, round_id)
);
create index application_rounds_round_idx on public.application_rounds (round_id);

alter table public.application_rounds enable row level security;
revoke all on public.application_rounds from anon, authenticated;
grant select on public.application_rounds to authenticated;
grant select, insert, update, delete on public.application_rounds to service_role;
-- Whoever sees the application sees its rounds (workflow_instances' own policy decides).
create policy application_rounds_select on public.application_rounds for select to authenticated
using (instance_id in (select i.id from public.workflow_instances i));
