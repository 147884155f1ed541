-- Workflow "grid_governance", version 7, generated from its plugin by `npm run workflows:compile`.
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

-- grid_governance/sql/008_scope_checked_once.sql
-- The ledger and the dashboard at the issue's scale (bench/governance.ts), where they missed
-- their bars: the ledger tested the policies on every one of a community's 20,000 events to count
-- them (1.4–1.6 × service_role), and the dashboard, a SQL function planned with its arguments
-- unknown, joined 2,030 grids to their counts in a nested loop (2 million comparisons, 300 ms)
-- and asked each open event's deadline in a call of its own.

-- Whether the caller reads every event a filter of the screens can match, asked once: the street
-- or the community is one of the caller's scopes, or the grid lies under one of the caller's
-- subtree memberships (an event's path holds its grid's, so the policies let every event under
-- it through). Then reading as the owner reads what the policies would let through.
create function private.grid_scope_covers(p_street_id bigint, p_community_id bigint, p_unit_id bigint) returns boolean
language sql stable security definer
set search_path = ''
as $$
  -- (private.scope_unit_ids and subtree_unit_ids in one statement over the caller's memberships:
  -- a scope membership reaches its community, or its street when it has none; a subtree one the
  -- units under it — the policies' reading, a third of the time of asking both)
  select exists (
    select 1
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    join public.units mu on mu.id = m.unit_id
    join private.unit_kinds k on k.kind = mu.kind::text
    where m.user_id = (select auth.uid())
      and case when k.reach = 'subtree'
        then p_unit_id is not null and exists (select 1 from public.units u where u.id = p_unit_id and m.unit_id = any (u.unit_path))
        else coalesce(m.community_id, m.street_id) in (p_street_id, p_community_id) end)
    or p_street_id = any (private.district_street_ids())
$$;

-- The ledger's filters as a condition on public.workflow_instances i, with the arguments as
-- $1 … $10 in grid_events' order (only the filters given are in it, so each statement is planned
-- for its own shape). Text built from fixed pieces only: no argument is ever spliced in.
create function private.grid_events_filter(
  p_community_id bigint, p_unit_id bigint, p_state text, p_category text, p_urgency text,
  p_open boolean, p_overdue boolean, p_from date, p_to date
) returns text
language sql immutable
set search_path = ''
as $$
  select concat_ws(' and ',
    'i.workflow = ''grid_governance'' and i.street_id = $1',
    case when p_community_id is not null then 'i.community_id = $2' end,
    case when p_unit_id is not null then 'i.subject_unit_id = any (private.grid_units_under($3))' end,
    case when p_state is not null then 'i.state = $4' end,
    case when p_category is not null then 'i.form->>''category'' = $5' end,
    case when p_urgency is not null then 'i.form->>''urgency'' = $6' end,
    case when p_open is not null then 'i.done = not $7' end,
    case when p_overdue then 'not i.done and private.grid_overdue(i.id, i.state)' end,
    case when p_overdue = false then 'not (not i.done and private.grid_overdue(i.id, i.state))' end,
    case when p_from is not null then 'i.created_at >= ($9::timestamp at time zone ''Asia/Shanghai'')' end,
    case when p_to is not null then 'i.created_at < ($10::timestamp at time zone ''Asia/Shanghai'')' end)
$$;

-- The counts read from the index alone: the ledger's total of a community and of a grid names
-- the street too, and the grid's the community.
drop index public.grid_instances_community_idx;
create index grid_instances_community_idx on public.workflow_instances (community_id, id desc) include (street_id, done)
  where workflow = 'grid_governance';
create index grid_instances_subject_idx on public.workflow_instances (subject_unit_id) include (street_id, community_id, done)
  where workflow = 'grid_governance';

-- The ledger's page for a condition made by private.grid_events_filter, with the total of what
-- it matches as $13: one text, run as the caller or as the owner.
create function private.grid_events_page_sql(p_where text) returns text
language sql immutable
set search_path = ''
as $$
  select format($q$
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
    $q$, p_where)
$$;

-- The ledger read as the owner when the caller's scope covers its filters (nothing otherwise):
-- the policies would let every row through, and testing them row by row cost the community's
-- ledger half as much again as service_role's. The units it names (the event's grid and
-- community) lie in the same scope, or above the caller's grid, and are read by the caller too.
create function private.grid_events_as_owner(
  p_street_id bigint, p_community_id bigint, p_unit_id bigint, p_state text, p_category text, p_urgency text,
  p_open boolean, p_overdue boolean, p_from date, p_to date, p_offset int, p_limit int
)
returns table (
  id bigint, version int, state text, done boolean, subject_unit_id bigint, subject_name text, community_name text,
  category text, urgency text, location text, description text,
  created_at timestamptz, entered_at timestamptz, deadline_at timestamptz, overdue boolean, total bigint
)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_where constant text := private.grid_events_filter(p_community_id, p_unit_id, p_state, p_category, p_urgency, p_open, p_overdue, p_from, p_to);
  v_total bigint;
begin
  if not private.grid_scope_covers(p_street_id, p_community_id, p_unit_id) then
    return;
  end if;
  execute 'select count(*) from public.workflow_instances i where ' || v_where
    into v_total
    using p_street_id, p_community_id, p_unit_id, p_state, p_category, p_urgency, p_open, p_overdue, p_from, p_to;
  return query execute private.grid_events_page_sql(v_where)
    using p_street_id, p_community_id, p_unit_id, p_state, p_category, p_urgency, p_open, p_overdue, p_from, p_to,
      greatest(p_offset, 0), least(greatest(p_limit, 1), 200), v_total;
end;
$$;

-- One page of the events, filtered as the ledger's filters say, each with the total of what the
-- filters match (in every row) — as 005 has it, read as the owner when the caller's scope covers
-- the filters (the screens pass the caller's own), and as the caller otherwise.
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
  v_where constant text := private.grid_events_filter(p_community_id, p_unit_id, p_state, p_category, p_urgency, p_open, p_overdue, p_from, p_to);
  v_total bigint;
begin
  -- (nothing when the caller's scope does not cover the filters — or when the page is empty,
  -- which the caller's own reading then finds again)
  return query select * from private.grid_events_as_owner(p_street_id, p_community_id, p_unit_id, p_state, p_category, p_urgency,
    p_open, p_overdue, p_from, p_to, p_offset, p_limit);
  if found then
    return;
  end if;
  execute 'select count(*) from public.workflow_instances i where ' || v_where
    into v_total
    using p_street_id, p_community_id, p_unit_id, p_state, p_category, p_urgency, p_open, p_overdue, p_from, p_to;
  return query execute private.grid_events_page_sql(v_where)
    using p_street_id, p_community_id, p_unit_id, p_state, p_category, p_urgency, p_open, p_overdue, p_from, p_to,
      greatest(p_offset, 0), least(greatest(p_limit, 1), 200), v_total;
end;
$$;

-- Which of the given events (ids, and the step each is at) are past their step's deadline, in
-- one statement (read as the owner, as private.grid_overdue is: it is asked only of events the
-- caller has read already).
create function private.grid_overdue_among(p_ids bigint[], p_states text[]) returns table (instance_id bigint)
language sql stable security definer
set search_path = ''
rows 2000
as $$
  select e.id
  from unnest(p_ids, p_states) e (id, state)
  where exists (
    select 1 from public.workflow_timers t
    where t.instance_id = e.id and t.state = e.state and t.cancelled_at is null and t.deadline_at < now())
$$;

-- The step log's moves the dashboard counts, read from the index alone (with what the policy
-- asks of a row: its street, community and instance).
drop index public.grid_events_street_created_idx;
create index grid_events_street_created_idx on public.workflow_events (street_id, created_at) include (event, community_id, instance_id)
  where workflow = 'grid_governance' and event in ('report', 'resolve', 'visit_satisfied', 'visit_unsatisfied');

-- The dashboard of a scope, as 005 has it, but planned for the arguments it is called with (the
-- statement is executed with them, not planned blind), the deadlines read in one statement, each
-- grid's counts looked up by its id rather than joined, and built as json (the caller only reads
-- it; 2,000 grids as jsonb took twice as long).
drop function public.grid_dashboard(bigint, bigint, bigint);
create function public.grid_dashboard(p_street_id bigint, p_community_id bigint default null, p_unit_id bigint default null)
returns json
language plpgsql stable
set search_path = ''
as $$
declare
  v_board json;
begin
  execute $q$
  with under as materialized (select case when $3::bigint is not null then private.grid_units_under($3) end as ids),
  open_rows as materialized (
    select i.id, i.state, i.subject_unit_id, i.unit_path, coalesce(nullif(i.form->>'category', ''), '') as category
    from public.workflow_instances i
    where i.workflow = 'grid_governance' and i.street_id = $1 and not i.done and i.state <> 'draft'
      and ($2::bigint is null or i.community_id = $2)
      and ($3::bigint is null or i.subject_unit_id = any ((select ids from under)::bigint[]))
  ),
  open_events as materialized (
    select o.*, x.instance_id is not null as overdue
    from open_rows o
    left join (
      select x.instance_id
      from (select array_agg(id) as ids, array_agg(state) as states from open_rows) a
      cross join private.grid_overdue_among(a.ids, a.states) x
    ) x on x.instance_id = o.id
  ),
  bounds as (
    select (date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai') as this_month,
      ((date_trunc('month', now() at time zone 'Asia/Shanghai') - interval '1 month') at time zone 'Asia/Shanghai') as last_month
  ),
  moves as materialized (
    select e.event, e.created_at >= b.this_month as this_month
    from public.workflow_events e
    cross join bounds b
    where e.street_id = $1 and e.workflow = 'grid_governance'
      and e.event in ('report', 'resolve', 'visit_satisfied', 'visit_unsatisfied')
      and e.created_at >= b.last_month
      and ($2::bigint is null or e.community_id = $2)
      and ($3::bigint is null or exists (
        select 1 from public.workflow_instances i where i.id = e.instance_id and i.subject_unit_id = any ((select ids from under)::bigint[])))
  ),
  -- (each event counts in its grid and every unit above it: each path met is unnested once)
  per_subject as (
    select unit_path, count(*) as open, count(*) filter (where overdue) as overdue from open_events group by unit_path
  ),
  per_unit as (
    select coalesce(jsonb_object_agg(p.unit_id::text, jsonb_build_array(p.open, p.overdue)), '{}') as counts
    from (
      select a.unit_id, sum(s.open) as open, sum(s.overdue) as overdue
      from per_subject s cross join unnest(s.unit_path) a (unit_id)
      group by a.unit_id
    ) p
  ),
  units as materialized (
    select u.id, u.parent_id, u.name, u.kind::text as kind, (select counts from per_unit) -> u.id::text as counts
    from public.units u
    where u.street_id = $1 and u.kind::text in ('community', 'grid', 'micro_grid')
      and ($2::bigint is null or u.community_id = $2)
      and ($3::bigint is null or u.id = any ((select ids from under)::bigint[]))
  )
  select json_build_object(
    'open', (select count(*) from open_events),
    'overdue', (select count(*) from open_events where overdue),
    'by_state', coalesce((
      select json_agg(json_build_object('state', s.state, 'open', s.open, 'overdue', s.overdue) order by s.open desc, s.state)
      from (select state, count(*) as open, count(*) filter (where overdue) as overdue from open_events group by state) s), '[]'::json),
    'by_category', coalesce((
      select json_agg(json_build_object('category', c.category, 'open', c.open, 'overdue', c.overdue) order by c.open desc, c.category)
      from (select category, count(*) as open, count(*) filter (where overdue) as overdue from open_events group by category) c), '[]'::json),
    'by_unit', coalesce((
      select json_agg(json_build_object('unit_id', u.id, 'parent_id', u.parent_id, 'name', u.name, 'kind', u.kind,
        'open', coalesce((u.counts -> 0)::int, 0), 'overdue', coalesce((u.counts -> 1)::int, 0)) order by u.id)
      from units u), '[]'::json),
    'months', (
      select json_build_object(
        'reported', count(*) filter (where event = 'report' and this_month),
        'reported_last', count(*) filter (where event = 'report' and not this_month),
        'resolved', count(*) filter (where event = 'resolve' and this_month),
        'resolved_last', count(*) filter (where event = 'resolve' and not this_month),
        'closed', count(*) filter (where event = 'visit_satisfied' and this_month),
        'closed_last', count(*) filter (where event = 'visit_satisfied' and not this_month),
        'reopened', count(*) filter (where event = 'visit_unsatisfied' and this_month),
        'reopened_last', count(*) filter (where event = 'visit_unsatisfied' and not this_month))
      from moves)
  )
  $q$
  into v_board
  using p_street_id, p_community_id, p_unit_id;
  return v_board;
end;
$$;

revoke all on function private.grid_scope_covers(bigint, bigint, bigint), private.grid_events_as_owner(bigint, bigint, bigint, text, text, text, boolean, boolean, date, date, int, int), private.grid_events_page_sql(text),
  private.grid_overdue_among(bigint[], text[]), private.grid_events_filter(bigint, bigint, text, text, text, boolean, boolean, date, date) from public, anon;
grant execute on function private.grid_scope_covers(bigint, bigint, bigint), private.grid_events_as_owner(bigint, bigint, bigint, text, text, text, boolean, boolean, date, date, int, int), private.grid_events_page_sql(text),
  private.grid_overdue_among(bigint[], text[]), private.grid_events_filter(bigint, bigint, text, text, text, boolean, boolean, date, date) to authenticated, service_role;
-- (made again, so granted again)
revoke all on function public.grid_dashboard(bigint, bigint, bigint) from public, anon;
grant execute on function public.grid_dashboard(bigint, bigint, bigint) to authenticated;

create function workflow_plugins."grid_governance_v7__reportComplete"(input jsonb, params jsonb) returns boolean
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

create function workflow_plugins."grid_governance_v7__facts"(instance_id bigint) returns jsonb
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

create function workflow_plugins."grid_governance_v7__form_check"(form jsonb, subject_unit_id bigint) returns jsonb
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
values ('grid_governance', 7, 'draft', '[{"path":"draft","final":false},{"path":"triage","final":false},{"path":"grid_handling","final":false},{"path":"community_handling","final":false},{"path":"street_dispatch","final":false},{"path":"office_handling","final":false},{"path":"consulting","final":false},{"path":"visit","final":false},{"path":"closed","final":true},{"path":"discarded","final":true}]'::jsonb, array['grid_leader', 'grid_worker', 'micro_grid_worker', 'community_worker']::text[], array['micro_grid', 'grid']::text[], '{"type":"object","properties":{"category":{"type":"string","minLength":1,"maxLength":20},"description":{"type":"string","minLength":5,"maxLength":2000},"location":{"type":"string","minLength":2,"maxLength":200},"household_id":{"type":"integer","exclusiveMinimum":0,"maximum":9007199254740991},"urgency":{"type":"string","enum":["normal","urgent","critical"]}},"additionalProperties":false}'::jsonb, array['draft']::text[], array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], true, true);

insert into public.workflow_event_types (workflow, version, event, payload_schema) values
  ('grid_governance', 7, 'report', '{"type":"object","properties":{},"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'discard', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'handle_in_grid', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'assign_community', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'escalate', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'send_back', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'close_invalid', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'resolve', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'refer', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'dispatch', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'return_to_community', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'consult', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'agree', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'disagree', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'return_to_street', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'visit_satisfied', '{"type":"object","properties":{"satisfaction":{"type":"string","enum":["satisfied","basically_satisfied"]},"comment":{"type":"string","maxLength":500}},"required":["satisfaction"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 7, 'visit_unsatisfied', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb);

insert into public.workflow_transitions (workflow, version, from_state, event, to_state, roles, guard, actions, depth, priority) values
  ('grid_governance', 7, 'draft', 'report', 'triage', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], '{"guard":"reportComplete"}'::jsonb, array['snapshotForm']::text[], 1, 0),
  ('grid_governance', 7, 'draft', 'discard', 'discarded', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'triage', 'handle_in_grid', 'grid_handling', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'triage', 'assign_community', 'community_handling', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'triage', 'escalate', 'street_dispatch', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'triage', 'send_back', 'draft', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'triage', 'close_invalid', 'discarded', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'grid_handling', 'resolve', 'visit', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'grid_handling', 'refer', 'triage', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'community_handling', 'resolve', 'visit', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'community_handling', 'refer', 'triage', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'community_handling', 'escalate', 'street_dispatch', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'street_dispatch', 'dispatch', 'office_handling', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'street_dispatch', 'return_to_community', 'triage', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'office_handling', 'resolve', 'visit', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'office_handling', 'consult', 'consulting', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'office_handling', 'return_to_street', 'street_dispatch', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'consulting', 'agree', 'office_handling', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'consulting', 'disagree', 'office_handling', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'visit', 'visit_satisfied', 'closed', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 7, 'visit', 'visit_unsatisfied', 'triage', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0);

insert into public.workflow_deadlines (workflow, version, state, due_after, due_fact, remind_before, repeat_every, remind_roles, escalate_roles, fire_event, urge_every) values
  ('grid_governance', 7, 'triage', null, array['days', 'triage']::text[], '1 days'::interval, '24 hours'::interval, array['community_worker']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 7, 'grid_handling', null, array['days', 'grid_handling']::text[], '1 days'::interval, '24 hours'::interval, array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], array['community_worker']::text[], null, '4 hours'::interval),
  ('grid_governance', 7, 'community_handling', null, array['days', 'community_handling']::text[], '1 days'::interval, '24 hours'::interval, array['community_worker']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 7, 'street_dispatch', null, array['days', 'street_dispatch']::text[], '1 days'::interval, '24 hours'::interval, array['street_office']::text[], array[]::text[], null, '4 hours'::interval),
  ('grid_governance', 7, 'office_handling', null, array['days', 'office_handling']::text[], '1 days'::interval, '24 hours'::interval, array['office_handler']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 7, 'consulting', null, array['days', 'consulting']::text[], '1 days'::interval, '24 hours'::interval, array['office_handler']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 7, 'visit', null, array['days', 'visit']::text[], '1 days'::interval, '24 hours'::interval, array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], array['community_worker']::text[], null, '4 hours'::interval);

insert into public.workflow_state_options (workflow, version, state, assign_roles, assign_multiple, assign_required, return_to_any) values
  ('grid_governance', 7, 'community_handling', array['community_worker']::text[], false, false, false),
  ('grid_governance', 7, 'office_handling', array['office_handler']::text[], false, false, false),
  ('grid_governance', 7, 'consulting', array['office_handler']::text[], true, false, false);

insert into public.workflow_countersign_rules (workflow, version, state, rule, share, approve_events, reject_events, reject_by, add_signers) values
  ('grid_governance', 7, 'consulting', 'all', null, array['agree']::text[], array['disagree']::text[], 'anyone', true);
