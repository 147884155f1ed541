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
