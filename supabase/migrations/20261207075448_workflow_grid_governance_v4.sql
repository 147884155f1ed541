-- Workflow "grid_governance", version 4, generated from its plugin by `npm run workflows:compile`.
-- Do not edit: a published version never changes; change the machine under a new version.

alter type public.unit_kind add value if not exists 'grid';
alter type public.unit_kind add value if not exists 'micro_grid';
alter type public.unit_kind add value if not exists 'street_department';
alter type public.member_role add value if not exists 'grid_leader';
alter type public.member_role add value if not exists 'grid_worker';
alter type public.member_role add value if not exists 'micro_grid_worker';
alter type public.member_role add value if not exists 'community_worker';
alter type public.member_role add value if not exists 'office_handler';
insert into private.unit_kinds (kind, plugin, label, level, parent_kinds) values ('grid', 'grid_governance', '网格', 'below', array['community', 'street', 'grid']::text[])
  on conflict (kind) do update set plugin = excluded.plugin, label = excluded.label, level = excluded.level, parent_kinds = excluded.parent_kinds;
update private.unit_kinds set reach = 'subtree' where kind = 'grid';
insert into private.unit_kinds (kind, plugin, label, level, parent_kinds) values ('micro_grid', 'grid_governance', '微网格', 'below', array['grid', 'community']::text[])
  on conflict (kind) do update set plugin = excluded.plugin, label = excluded.label, level = excluded.level, parent_kinds = excluded.parent_kinds;
update private.unit_kinds set reach = 'subtree' where kind = 'micro_grid';
insert into private.unit_kinds (kind, plugin, label, level, parent_kinds) values ('street_department', 'grid_governance', '街道部门', 'below', array['street']::text[])
  on conflict (kind) do update set plugin = excluded.plugin, label = excluded.label, level = excluded.level, parent_kinds = excluded.parent_kinds;
insert into private.member_roles (role, plugin, label, unit_kinds, writes) values ('grid_leader', 'grid_governance', '网格长', array['grid']::text[], false)
  on conflict (role) do update set plugin = excluded.plugin, label = excluded.label, unit_kinds = excluded.unit_kinds, writes = excluded.writes;
insert into private.member_roles (role, plugin, label, unit_kinds, writes) values ('grid_worker', 'grid_governance', '网格员', array['grid', 'micro_grid']::text[], false)
  on conflict (role) do update set plugin = excluded.plugin, label = excluded.label, unit_kinds = excluded.unit_kinds, writes = excluded.writes;
insert into private.member_roles (role, plugin, label, unit_kinds, writes) values ('micro_grid_worker', 'grid_governance', '微网格员', array['micro_grid']::text[], false)
  on conflict (role) do update set plugin = excluded.plugin, label = excluded.label, unit_kinds = excluded.unit_kinds, writes = excluded.writes;
insert into private.member_roles (role, plugin, label, unit_kinds, writes) values ('community_worker', 'grid_governance', '社区工作者', array['community']::text[], false)
  on conflict (role) do update set plugin = excluded.plugin, label = excluded.label, unit_kinds = excluded.unit_kinds, writes = excluded.writes;
insert into private.member_roles (role, plugin, label, unit_kinds, writes) values ('office_handler', 'grid_governance', '部门经办人', array['street_department']::text[], false)
  on conflict (role) do update set plugin = excluded.plugin, label = excluded.label, unit_kinds = excluded.unit_kinds, writes = excluded.writes;

-- grid_governance/sql/005_ledger_by_subject.sql
-- The ledger and the dashboard, measured at the issue's scale (bench/governance.ts): a grid's
-- events are found by their subject among the units under the grid, not by the path — the path's
-- containment (@>) is not leakproof, so under the policies its index could not be used and a grid
-- worker's ledger read the whole community's (33.9 ms, 2.56 × service_role). And the ledger no
-- longer names the reporter: a profile is read as its policy allows, and a community's staff do
-- not read their grid workers' (the log shows roles, not names, for the same reason).

-- The units under a grid (itself, its grids and micro-grids): an event lies under the grid when
-- its subject is one of them. The screens filter on the subject, not on the path: the path's
-- containment (@>) is not leakproof, so under the policies its index could not be used.
create function private.grid_units_under(p_unit_id bigint) returns bigint[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(u.id), '{}') from public.units u where u.unit_path @> array[p_unit_id]
$$;

-- Whether an open event is past its step's deadline: read as the owner (it is asked only of
-- events the caller has read already), so the timers' own policy is not checked again per event.
create or replace function private.grid_overdue(p_instance_id bigint, p_state text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.workflow_timers t
    where t.instance_id = p_instance_id and t.state = p_state and t.cancelled_at is null
      and t.deadline_at < now())
$$;

-- (its row type changes: created_by_name goes)
drop function public.grid_events(bigint, bigint, bigint, text, text, text, boolean, boolean, date, date, int, int);

-- One page of the events, filtered as the ledger's filters say, each with the total of what the
-- filters match (in every row). p_unit_id: a grid or micro-grid (its events and those below it);
-- p_open: not yet closed or discarded; p_from / p_to: reported on or after / before (China time).
create or replace function public.grid_events(
  p_street_id bigint,
  p_community_id bigint default null,
  p_unit_id bigint default null,
  p_state text default null,
  p_category text default null,
  p_urgency text default null,
  p_open boolean default null,
  p_overdue boolean default null,
  p_from date default null,
  p_to date default null,
  p_offset int default 0,
  p_limit int default 50
)
returns table (
  id bigint, version int, state text, done boolean, subject_unit_id bigint, subject_name text, community_name text,
  category text, urgency text, location text, description text,
  created_at timestamptz, entered_at timestamptz, deadline_at timestamptz, overdue boolean, total bigint
)
language plpgsql stable
set search_path = ''
as $$
declare
  v_where text := 'i.workflow = ''grid_governance'' and i.street_id = $1';
  v_total bigint;
begin
  -- (only the filters given are in the statement, so each call is planned for its own shape)
  if p_community_id is not null then v_where := v_where || ' and i.community_id = $2'; end if;
  if p_unit_id is not null then v_where := v_where || ' and i.subject_unit_id = any (private.grid_units_under($3))'; end if;
  if p_state is not null then v_where := v_where || ' and i.state = $4'; end if;
  if p_category is not null then v_where := v_where || ' and i.form->>''category'' = $5'; end if;
  if p_urgency is not null then v_where := v_where || ' and i.form->>''urgency'' = $6'; end if;
  if p_open is not null then v_where := v_where || ' and i.done = not $7'; end if;
  if p_overdue then v_where := v_where || ' and not i.done and private.grid_overdue(i.id, i.state)'; end if;
  if p_overdue = false then v_where := v_where || ' and not (not i.done and private.grid_overdue(i.id, i.state))'; end if;
  if p_from is not null then v_where := v_where || ' and i.created_at >= ($9::timestamp at time zone ''Asia/Shanghai'')'; end if;
  if p_to is not null then v_where := v_where || ' and i.created_at < ($10::timestamp at time zone ''Asia/Shanghai'')'; end if;

  execute 'select count(*) from public.workflow_instances i where ' || v_where
    into v_total
    using p_street_id, p_community_id, p_unit_id, p_state, p_category, p_urgency, p_open, p_overdue, p_from, p_to;

  return query execute format(
    $q$
    with page as (
      select i.id, i.version, i.state, i.done, i.subject_unit_id, i.community_id, i.form, i.created_at, i.entered_at
      from public.workflow_instances i
      where %s
      order by i.id desc
      offset $11 limit $12
    )
    select p.id, p.version, p.state, p.done, p.subject_unit_id, s.name, c.name,
      p.form->>'category', p.form->>'urgency', p.form->>'location', left(p.form->>'description', 120),
      p.created_at, p.entered_at, d.deadline_at, (not p.done and coalesce(d.deadline_at < now(), false)), $13::bigint
    from page p
    left join public.units s on s.id = p.subject_unit_id
    left join public.units c on c.id = p.community_id
    left join lateral (
      select t.deadline_at from public.workflow_timers t
      where t.instance_id = p.id and t.state = p.state and t.cancelled_at is null and not p.done
      order by t.id desc limit 1
    ) d on true
    order by p.id desc
    $q$, v_where)
    using p_street_id, p_community_id, p_unit_id, p_state, p_category, p_urgency, p_open, p_overdue, p_from, p_to,
      greatest(p_offset, 0), least(greatest(p_limit, 1), 200), v_total;
end;
$$;

-- The dashboard of a scope (the street; or a community, or a grid, with the same rule as the
-- ledger): what is open by step, by category and by grid (every grid and micro-grid the caller
-- reads, with what is open in it and under it), what is overdue, and this month beside last
-- (reported, 办结, closed after a satisfied 回访, reopened by an unsatisfied one).
create or replace function public.grid_dashboard(p_street_id bigint, p_community_id bigint default null, p_unit_id bigint default null)
returns jsonb
language sql stable
set search_path = ''
as $$
  with under as (select case when p_unit_id is not null then private.grid_units_under(p_unit_id) end as ids),
  open_events as (
    select i.id, i.state, i.unit_path, coalesce(nullif(i.form->>'category', ''), '') as category,
      private.grid_overdue(i.id, i.state) as overdue
    from public.workflow_instances i
    where i.workflow = 'grid_governance' and i.street_id = p_street_id and not i.done and i.state <> 'draft'
      and (p_community_id is null or i.community_id = p_community_id)
      and (p_unit_id is null or i.subject_unit_id = any ((select ids from under)::bigint[]))
  ),
  bounds as (
    select (date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as this_month,
      ((date_trunc('month', now() at time zone 'Asia/Shanghai') - interval '1 month') at time zone 'Asia/Shanghai') as last_month
  ),
  moves as (
    select e.event, e.created_at >= b.this_month as this_month
    from public.workflow_events e
    cross join bounds b
    where e.street_id = p_street_id and e.workflow = 'grid_governance'
      and e.event in ('report', 'resolve', 'visit_satisfied', 'visit_unsatisfied')
      and e.created_at >= b.last_month
      and (p_community_id is null or e.community_id = p_community_id)
      and (p_unit_id is null or exists (
        select 1 from public.workflow_instances i where i.id = e.instance_id and i.subject_unit_id = any ((select ids from under)::bigint[])))
  ),
  units as (
    select u.id, u.parent_id, u.name, u.kind::text as kind
    from public.units u
    where u.street_id = p_street_id and u.kind::text in ('community', 'grid', 'micro_grid')
      and (p_community_id is null or u.community_id = p_community_id)
      and (p_unit_id is null or u.id = any ((select ids from under)::bigint[]))
  ),
  per_unit as (
    select p.unit_id, count(*) as open, count(*) filter (where o.overdue) as overdue
    from open_events o cross join unnest(o.unit_path) p (unit_id)
    group by p.unit_id
  )
  select jsonb_build_object(
    'open', (select count(*) from open_events),
    'overdue', (select count(*) from open_events where overdue),
    'by_state', coalesce((
      select jsonb_agg(jsonb_build_object('state', s.state, 'open', s.open, 'overdue', s.overdue) order by s.open desc, s.state)
      from (select state, count(*) as open, count(*) filter (where overdue) as overdue from open_events group by state) s), '[]'),
    'by_category', coalesce((
      select jsonb_agg(jsonb_build_object('category', c.category, 'open', c.open, 'overdue', c.overdue) order by c.open desc, c.category)
      from (select category, count(*) as open, count(*) filter (where overdue) as overdue from open_events group by category) c), '[]'),
    'by_unit', coalesce((
      select jsonb_agg(jsonb_build_object('unit_id', u.id, 'parent_id', u.parent_id, 'name', u.name, 'kind', u.kind,
        'open', coalesce(p.open, 0), 'overdue', coalesce(p.overdue, 0)) order by u.id)
      from units u left join per_unit p on p.unit_id = u.id), '[]'),
    'months', jsonb_build_object(
      'reported', (select count(*) filter (where event = 'report' and this_month) from moves),
      'reported_last', (select count(*) filter (where event = 'report' and not this_month) from moves),
      'resolved', (select count(*) filter (where event = 'resolve' and this_month) from moves),
      'resolved_last', (select count(*) filter (where event = 'resolve' and not this_month) from moves),
      'closed', (select count(*) filter (where event = 'visit_satisfied' and this_month) from moves),
      'closed_last', (select count(*) filter (where event = 'visit_satisfied' and not this_month) from moves),
      'reopened', (select count(*) filter (where event = 'visit_unsatisfied' and this_month) from moves),
      'reopened_last', (select count(*) filter (where event = 'visit_unsatisfied' and not this_month) from moves))
  )
$$;

revoke all on function private.grid_units_under(bigint) from public, anon;
-- (service_role calls the screens' functions too, as the API's own administrator)
grant execute on function private.grid_units_under(bigint), private.grid_overdue(bigint, text) to authenticated, service_role;
revoke all on function public.grid_events(bigint, bigint, bigint, text, text, text, boolean, boolean, date, date, int, int) from public, anon;
grant execute on function public.grid_events(bigint, bigint, bigint, text, text, text, boolean, boolean, date, date, int, int) to authenticated;

create function workflow_plugins."grid_governance_v4__reportComplete"(input jsonb, params jsonb) returns boolean
language sql stable
set search_path = ''
as $body$
select coalesce(
            jsonb_typeof(input->'form'->'category') = 'string' and length(input->'form'->>'category') between 1 and 20
            and jsonb_typeof(input->'form'->'description') = 'string' and length(input->'form'->>'description') between 5 and 2000
            and jsonb_typeof(input->'form'->'location') = 'string' and length(input->'form'->>'location') between 2 and 200
            and input->'form'->>'urgency' in ('normal', 'urgent', 'critical')
            and (not input->'form' ? 'household_id'
              or jsonb_typeof(input->'form'->'household_id') = 'number' and (input->'form'->>'household_id') ~ '^[1-9][0-9]{0,17}$'), false)
$body$;

create function workflow_plugins."grid_governance_v4__facts"(instance_id bigint) returns jsonb
language plpgsql stable
set search_path = ''
as $body$
declare
  v_street bigint;
  v_urgency text;
  v_days jsonb;
begin
  select i.street_id, coalesce(i.form->>'urgency', 'normal') into v_street, v_urgency
  from public.workflow_instances i where i.id = $1;
  -- Each step's days for the case's urgency: the street's latest rule, else the default.
  select jsonb_object_agg(d.state, coalesce(
           (select r.days from public.grid_deadline_rules r
            where r.street_id = v_street and r.state = d.state and r.urgency = v_urgency
            order by r.id desc limit 1),
           case v_urgency when 'normal' then d.normal when 'urgent' then d.urgent else d.critical end))
    into v_days
  from (values
    ('triage', 1, 0, 0),
    ('grid_handling', 3, 1, 0),
    ('community_handling', 5, 2, 1),
    ('street_dispatch', 1, 0, 0),
    ('office_handling', 10, 5, 2),
    ('consulting', 3, 2, 1),
    ('visit', 3, 3, 2)
  ) d (state, normal, urgent, critical);
  return jsonb_build_object('urgency', v_urgency, 'days', v_days);
end;
$body$;

create function workflow_plugins."grid_governance_v4__form_check"(form jsonb, subject_unit_id bigint) returns jsonb
language plpgsql stable
set search_path = ''
as $body$
begin
  if jsonb_typeof(form->'category') = 'string' and not exists (
    select 1 from public.grid_lists l join public.units u on u.id = subject_unit_id
    where l.street_id = u.street_id and l.list = 'event_category' and l.label = form->>'category'
  ) then
    return jsonb_build_object('path', 'category', 'rule', 'categoryListed');
  end if;
  if jsonb_typeof(form->'household_id') = 'number' and not exists (
    select 1 from public.grid_households h
    where h.id = (form->>'household_id')::bigint and subject_unit_id = any (h.grid_path)
  ) then
    return jsonb_build_object('path', 'household_id', 'rule', 'householdInGrid');
  end if;
  return null;
end;
$body$;

insert into public.workflow_definitions (workflow, version, initial_state, states, start_roles, subject_kinds, form_schema, form_editable_states, form_editor_roles, has_facts, has_form_check)
values ('grid_governance', 4, 'draft', '[{"path":"draft","final":false},{"path":"triage","final":false},{"path":"grid_handling","final":false},{"path":"community_handling","final":false},{"path":"street_dispatch","final":false},{"path":"office_handling","final":false},{"path":"consulting","final":false},{"path":"visit","final":false},{"path":"closed","final":true},{"path":"discarded","final":true}]'::jsonb, array['grid_leader', 'grid_worker', 'micro_grid_worker', 'community_worker']::text[], array['micro_grid', 'grid']::text[], '{"type":"object","properties":{"category":{"type":"string","minLength":1,"maxLength":20},"description":{"type":"string","minLength":5,"maxLength":2000},"location":{"type":"string","minLength":2,"maxLength":200},"household_id":{"type":"integer","exclusiveMinimum":0,"maximum":9007199254740991},"urgency":{"type":"string","enum":["normal","urgent","critical"]}},"additionalProperties":false}'::jsonb, array['draft']::text[], array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], true, true);

insert into public.workflow_event_types (workflow, version, event, payload_schema) values
  ('grid_governance', 4, 'report', '{"type":"object","properties":{},"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'discard', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'handle_in_grid', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'assign_community', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'escalate', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'send_back', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'close_invalid', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'resolve', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'refer', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'dispatch', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'return_to_community', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'consult', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'agree', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'disagree', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'return_to_street', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'visit_satisfied', '{"type":"object","properties":{"satisfaction":{"type":"string","enum":["satisfied","basically_satisfied"]},"comment":{"type":"string","maxLength":500}},"required":["satisfaction"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 4, 'visit_unsatisfied', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb);

insert into public.workflow_transitions (workflow, version, from_state, event, to_state, roles, guard, actions, depth, priority) values
  ('grid_governance', 4, 'draft', 'report', 'triage', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], '{"guard":"reportComplete"}'::jsonb, array['snapshotForm']::text[], 1, 0),
  ('grid_governance', 4, 'draft', 'discard', 'discarded', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'triage', 'handle_in_grid', 'grid_handling', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'triage', 'assign_community', 'community_handling', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'triage', 'escalate', 'street_dispatch', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'triage', 'send_back', 'draft', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'triage', 'close_invalid', 'discarded', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'grid_handling', 'resolve', 'visit', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'grid_handling', 'refer', 'triage', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'community_handling', 'resolve', 'visit', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'community_handling', 'refer', 'triage', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'community_handling', 'escalate', 'street_dispatch', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'street_dispatch', 'dispatch', 'office_handling', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'street_dispatch', 'return_to_community', 'triage', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'office_handling', 'resolve', 'visit', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'office_handling', 'consult', 'consulting', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'office_handling', 'return_to_street', 'street_dispatch', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'consulting', 'agree', 'office_handling', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'consulting', 'disagree', 'office_handling', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'visit', 'visit_satisfied', 'closed', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 4, 'visit', 'visit_unsatisfied', 'triage', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0);

insert into public.workflow_deadlines (workflow, version, state, due_after, due_fact, remind_before, repeat_every, remind_roles, escalate_roles, fire_event, urge_every) values
  ('grid_governance', 4, 'triage', null, array['days', 'triage']::text[], '1 days'::interval, '24 hours'::interval, array['community_worker']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 4, 'grid_handling', null, array['days', 'grid_handling']::text[], '1 days'::interval, '24 hours'::interval, array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], array['community_worker']::text[], null, '4 hours'::interval),
  ('grid_governance', 4, 'community_handling', null, array['days', 'community_handling']::text[], '1 days'::interval, '24 hours'::interval, array['community_worker']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 4, 'street_dispatch', null, array['days', 'street_dispatch']::text[], '1 days'::interval, '24 hours'::interval, array['street_office']::text[], array[]::text[], null, '4 hours'::interval),
  ('grid_governance', 4, 'office_handling', null, array['days', 'office_handling']::text[], '1 days'::interval, '24 hours'::interval, array['office_handler']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 4, 'consulting', null, array['days', 'consulting']::text[], '1 days'::interval, '24 hours'::interval, array['office_handler']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 4, 'visit', null, array['days', 'visit']::text[], '1 days'::interval, '24 hours'::interval, array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], array['community_worker']::text[], null, '4 hours'::interval);

insert into public.workflow_state_options (workflow, version, state, assign_roles, assign_multiple, assign_required, return_to_any) values
  ('grid_governance', 4, 'community_handling', array['community_worker']::text[], false, false, false),
  ('grid_governance', 4, 'office_handling', array['office_handler']::text[], false, false, false),
  ('grid_governance', 4, 'consulting', array['office_handler']::text[], true, false, false);

insert into public.workflow_countersign_rules (workflow, version, state, rule, share, approve_events, reject_events, reject_by, add_signers) values
  ('grid_governance', 4, 'consulting', 'all', null, array['agree']::text[], array['disagree']::text[], 'anyone', true);
