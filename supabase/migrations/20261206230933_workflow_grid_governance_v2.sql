-- Workflow "grid_governance", version 2, generated from its plugin by `npm run workflows:compile`.
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

-- grid_governance/sql/002_subtree_reach.sql
-- A grid's staff reach their own grid only (the kinds' reach is 'subtree' from this version):
-- the core's sees_scope no longer counts their memberships for the community, so the roster
-- import finds a community by name when the caller sees it or works in one of its grids.
-- Redefined from its running definition with that one test widened, in both places it is asked.
do $$
declare
  v_def text := pg_get_functiondef('public.grid_import_households(bigint, jsonb)'::regprocedure);
  v_new text := regexp_replace(v_def, 'private\.sees_scope\((\w+)\.street_id, \1\.id\)',
                               '(private.sees_scope(\1.street_id, \1.id) or \1.id = any (private.subtree_ancestor_ids()))', 'g');
begin
  if (select count(*) from regexp_matches(v_new, 'subtree_ancestor_ids', 'g')) <> 2 then
    raise exception 'grid_import_households: expected the community test in two places';
  end if;
  execute v_new;
end;
$$;

-- grid_governance/sql/003_assessment.sql
-- 考核: each month, per grid, grid worker and department, what the event log says — events found
-- (reported), handled (办结), handled on time (before the step's deadline), average days from the
-- report to 办结, and the residents' satisfaction at 回访 — and a score from the street's weights,
-- ranked within each kind. The street office publishes a month once it is over; the published
-- rows are what everyone reads from then on, frozen (the weights and the log may change later).

-- The street's weights of the score; the latest row holds, else 50 / 40 / 10. Declared (street
-- scope, written by the street office).
create table public.grid_assessment_weights (
  id bigint generated by default as identity primary key,
  unit_id bigint not null references public.units (id) on delete cascade,
  street_id bigint not null references public.units (id) on delete cascade,
  community_id bigint references public.units (id) on delete cascade,
  on_time int not null constraint grid_assessment_weights_on_time_check check (on_time between 0 and 100),
  satisfaction int not null constraint grid_assessment_weights_satisfaction_check check (satisfaction between 0 and 100),
  found int not null constraint grid_assessment_weights_found_check check (found between 0 and 100),
  constraint grid_assessment_weights_sum_check check (on_time + satisfaction + found > 0)
);
comment on table public.grid_assessment_weights is '网格考核的计分权重（按时办结率、满意率、发现量）';
create index grid_assessment_weights_street_idx on public.grid_assessment_weights (street_id, id desc);
create index grid_assessment_weights_community_id_idx on public.grid_assessment_weights (community_id) where community_id is not null;

-- A published month: one row per grid, worker and department, as the month's figures stood.
-- Declared with no write role: publish_grid_assessment writes it, nothing else does.
create table public.grid_assessment_results (
  id bigint generated by default as identity primary key,
  unit_id bigint not null references public.units (id) on delete cascade,
  street_id bigint not null references public.units (id) on delete cascade,
  community_id bigint references public.units (id) on delete cascade,
  month date not null constraint grid_assessment_results_month_check check (extract(day from month) = 1),
  subject_kind text not null constraint grid_assessment_results_kind_check check (subject_kind in ('grid', 'worker', 'office')),
  subject_id text not null,
  subject_name text not null,
  parent_name text not null default '',
  found int not null default 0,
  handled int not null default 0,
  on_time int not null default 0,
  avg_days numeric(6, 1),
  satisfied int not null default 0,
  basically int not null default 0,
  unsatisfied int not null default 0,
  score numeric(5, 1),
  rank int,
  weights jsonb not null default '{}',
  published_at timestamptz not null default now(),
  published_by uuid default auth.uid(),
  -- (a grid's row is held by the grid, a department's by the department, a worker's by the street)
  constraint grid_assessment_results_subject_key unique (unit_id, month, subject_kind, subject_id)
);
create index grid_assessment_results_street_month_idx on public.grid_assessment_results (street_id, month);
comment on table public.grid_assessment_results is '网格考核：已发布的月度结果（发布后不再改变）';
create index grid_assessment_results_community_id_idx on public.grid_assessment_results (community_id) where community_id is not null;

-- The month's slice of the log is found by street and time.
create index grid_events_street_created_idx on public.workflow_events (street_id, created_at)
  where workflow = 'grid_governance' and event in ('report', 'resolve', 'visit_satisfied', 'visit_unsatisfied');

-- Whether an 办结 came before the deadline of the stay it ended (the due timer the engine planned
-- when the case entered that state; a stay with no deadline is on time).
create function private.grid_in_time(p_instance_id bigint, p_event_id bigint, p_from_state text, p_at timestamptz) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select coalesce(p_at <= (
    select t.deadline_at from public.workflow_timers t
    where t.kind = 'due' and t.entered_event_id = (
      select x.id from public.workflow_events x
      where x.instance_id = p_instance_id and x.id < p_event_id and x.to_state = p_from_state
      order by x.id desc limit 1)
    order by t.due_at limit 1), true)
$$;

-- The month's figures as the log has them now. p_month: its first day (China time).
create function private.grid_assessment_live(p_street_id bigint, p_month date)
returns setof public.grid_assessment_results
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_from timestamptz := p_month::timestamp at time zone 'Asia/Shanghai';
  v_to timestamptz := (p_month + interval '1 month')::timestamp at time zone 'Asia/Shanghai';
  v_weights jsonb;
begin
  select coalesce(
    (select jsonb_build_object('on_time', w.on_time, 'satisfaction', w.satisfaction, 'found', w.found)
     from public.grid_assessment_weights w where w.street_id = p_street_id order by w.id desc limit 1),
    '{"on_time": 50, "satisfaction": 40, "found": 10}') into v_weights;

  return query
  with ev as (
    select e.id, e.instance_id, e.event, e.from_state, e.payload, e.actor_id, e.created_at, i.unit_path
    from public.workflow_events e
    join public.workflow_instances i on i.id = e.instance_id
    where e.street_id = p_street_id and e.workflow = 'grid_governance'
      and e.event in ('report', 'resolve', 'visit_satisfied', 'visit_unsatisfied')
      and e.created_at >= v_from and e.created_at < v_to
  ),
  -- 办结: on time unless the stay's deadline had passed; the days since the case was first
  -- reported; the department of whoever did it.
  resolved as (
    select ev.*,
      private.grid_in_time(ev.instance_id, ev.id, ev.from_state, ev.created_at) as in_time,
      extract(epoch from ev.created_at - (
        select min(r.created_at) from public.workflow_events r where r.instance_id = ev.instance_id and r.event = 'report')) / 86400.0 as days,
      (select m.unit_id from public.memberships m join public.units u on u.id = m.unit_id
       where m.user_id = ev.actor_id and u.kind::text = 'street_department' and u.street_id = p_street_id
       order by m.unit_id limit 1) as office_id
    from ev where ev.event = 'resolve'
  ),
  -- 回访: the resident's word, and who had handled what they judged (the 办结 before it).
  visits as (
    select ev.*,
      case when ev.event = 'visit_unsatisfied' then 'unsatisfied' else coalesce(ev.payload->>'satisfaction', 'satisfied') end as verdict,
      (select m.unit_id from public.workflow_events r
       join public.memberships m on m.user_id = r.actor_id
       join public.units u on u.id = m.unit_id and u.kind::text = 'street_department' and u.street_id = p_street_id
       where r.instance_id = ev.instance_id and r.event = 'resolve' and r.id < ev.id
       order by r.id desc, m.unit_id limit 1) as office_id
    from ev where ev.event in ('visit_satisfied', 'visit_unsatisfied')
  ),
  facts as (
    -- (one row per case and subject: a grid for each grid on its path, a worker for the actor, a
    -- department for the handler's)
    select 'grid'::text as kind, p.unit_id::text as subject, ev.event, null::boolean as in_time, null::float8 as days, null::text as verdict
    from ev cross join unnest(ev.unit_path) p (unit_id) where ev.event = 'report'
    union all
    select 'grid', p.unit_id::text, 'resolve', r.in_time, r.days, null from resolved r cross join unnest(r.unit_path) p (unit_id)
    union all
    select 'grid', p.unit_id::text, 'visit', null, null, v.verdict from visits v cross join unnest(v.unit_path) p (unit_id)
    union all
    select 'worker', ev.actor_id::text, ev.event, null, null, null from ev where ev.event = 'report' and ev.actor_id is not null
    union all
    select 'worker', r.actor_id::text, 'resolve', r.in_time, r.days, null from resolved r where r.actor_id is not null and r.office_id is null
    union all
    select 'worker', v.actor_id::text, 'visit', null, null, v.verdict from visits v where v.actor_id is not null
    union all
    select 'office', r.office_id::text, 'resolve', r.in_time, r.days, null from resolved r where r.office_id is not null
    union all
    select 'office', v.office_id::text, 'visit', null, null, v.verdict from visits v where v.office_id is not null
  ),
  -- Who is assessed: every grid and department of the street, and every member holding a grid
  -- role in it (with their grids' names), whether or not the month has anything of theirs.
  subjects as (
    select 'grid'::text as kind, u.id::text as subject, u.name as name, coalesce(p.name, '') as parent_name, u.street_id, u.community_id, u.id as unit_id
    from public.units u left join public.units p on p.id = u.parent_id
    where u.street_id = p_street_id and u.kind::text = 'grid'
    union all
    select 'office', u.id::text, u.name, '', u.street_id, null, u.id
    from public.units u where u.street_id = p_street_id and u.kind::text = 'street_department'
    union all
    select 'worker', m.user_id::text, coalesce(nullif(pr.full_name, ''), split_part(pr.email, '@', 1)),
           string_agg(distinct u.name, '、' order by u.name), p_street_id, null, p_street_id
    from public.memberships m
    join public.units u on u.id = m.unit_id and u.street_id = p_street_id
    join public.profiles pr on pr.id = m.user_id
    where m.role::text in ('grid_leader', 'grid_worker', 'micro_grid_worker')
    group by m.user_id, pr.full_name, pr.email
  ),
  figures as (
    select s.kind, s.subject, s.name, s.parent_name, s.street_id, s.community_id, s.unit_id,
      count(*) filter (where f.event = 'report')::int as found,
      count(*) filter (where f.event = 'resolve')::int as handled,
      count(*) filter (where f.event = 'resolve' and f.in_time)::int as on_time,
      round(avg(f.days)::numeric, 1) as avg_days,
      count(*) filter (where f.verdict = 'satisfied')::int as satisfied,
      count(*) filter (where f.verdict = 'basically_satisfied')::int as basically,
      count(*) filter (where f.verdict = 'unsatisfied')::int as unsatisfied
    from subjects s left join facts f on f.kind = s.kind and f.subject = s.subject
    group by s.kind, s.subject, s.name, s.parent_name, s.street_id, s.community_id, s.unit_id
  ),
  -- Each rate counts where it has cases: 按时办结率, 满意率 (满意 and 基本满意), and what was found
  -- beside the most any of the kind found. A department finds nothing: its found has no weight.
  rated as (
    select g.*,
      case when g.handled > 0 then g.on_time::float8 / g.handled end as on_time_rate,
      case when g.satisfied + g.basically + g.unsatisfied > 0
           then (g.satisfied + g.basically)::float8 / (g.satisfied + g.basically + g.unsatisfied) end as satisfaction_rate,
      case when g.kind <> 'office' and max(g.found) over (partition by g.kind) > 0
           then g.found::float8 / max(g.found) over (partition by g.kind) end as found_rate
    from figures g
  ),
  scored as (
    select r.*,
      round((100 * (coalesce((v_weights->>'on_time')::float8 * r.on_time_rate, 0)
                  + coalesce((v_weights->>'satisfaction')::float8 * r.satisfaction_rate, 0)
                  + coalesce((v_weights->>'found')::float8 * r.found_rate, 0))
             / nullif((case when r.on_time_rate is null then 0 else (v_weights->>'on_time')::float8 end)
                    + (case when r.satisfaction_rate is null then 0 else (v_weights->>'satisfaction')::float8 end)
                    + (case when r.found_rate is null then 0 else (v_weights->>'found')::float8 end), 0))::numeric, 1) as score
    from rated r
  )
  select null::bigint, s.unit_id, s.street_id, s.community_id, p_month, s.kind, s.subject, s.name, s.parent_name,
    s.found, s.handled, s.on_time, s.avg_days::numeric(6, 1), s.satisfied, s.basically, s.unsatisfied, s.score::numeric(5, 1),
    case when s.score is not null then (rank() over (partition by s.kind, s.score is null order by s.score desc))::int end,
    v_weights, null::timestamptz, null::uuid
  from scored s
  order by s.kind, s.score desc nulls last, s.name;
end;
$$;

-- A month's assessment: the published rows once the street office has published it (every member
-- of the street reads those); until then the figures as they stand, for those who read all of the
-- street's events (its office and departments, its district). Anyone else: nothing.
create function public.grid_assessment(p_street_id bigint, p_month date)
returns setof public.grid_assessment_results
language plpgsql stable security definer
set search_path = ''
as $$
begin
  p_month := date_trunc('month', p_month)::date;
  if p_street_id = any (private.member_street_ids()) and exists (
    select 1 from public.grid_assessment_results r where r.street_id = p_street_id and r.month = p_month
  ) then
    return query select r.* from public.grid_assessment_results r
      where r.street_id = p_street_id and r.month = p_month
      order by r.subject_kind, r.score desc nulls last, r.subject_name;
  elsif p_street_id = any (private.grid_street_ids()) then
    return query select * from private.grid_assessment_live(p_street_id, p_month);
  end if;
end;
$$;

-- The months a street has published, newest first (for the month picker's marks).
create function public.grid_assessment_published(p_street_id bigint)
returns table (month date, published_at timestamptz)
language sql stable security definer
set search_path = ''
as $$
  select r.month, min(r.published_at)
  from public.grid_assessment_results r
  where r.street_id = p_street_id and p_street_id = any (private.member_street_ids())
  group by r.month
  order by r.month desc
$$;

-- The street office publishes a month once it is over; a published month never changes.
create function public.publish_grid_assessment(p_street_id bigint, p_month date) returns int
language plpgsql security definer
set search_path = ''
as $$
declare
  v_count int;
begin
  p_month := date_trunc('month', p_month)::date;
  if not (p_street_id = any (private.office_street_ids())) then
    raise exception 'new row violates row-level security policy for table "grid_assessment_results"' using errcode = '42501';
  end if;
  if p_month >= date_trunc('month', (now() at time zone 'Asia/Shanghai'))::date then
    raise exception '该月尚未结束，不能发布考核结果' using errcode = '23514', hint = 'month';
  end if;
  -- (one publisher at a time per street)
  perform pg_advisory_xact_lock(hashtext('grid_assessment'), p_street_id::int);
  if exists (select 1 from public.grid_assessment_results r where r.street_id = p_street_id and r.month = p_month) then
    raise exception '该月考核结果已发布，不能再改' using errcode = '23505', hint = 'month';
  end if;
  insert into public.grid_assessment_results (unit_id, month, subject_kind, subject_id, subject_name, parent_name,
    found, handled, on_time, avg_days, satisfied, basically, unsatisfied, score, rank, weights, published_at, published_by)
  select l.unit_id, l.month, l.subject_kind, l.subject_id, l.subject_name, l.parent_name,
    l.found, l.handled, l.on_time, l.avg_days, l.satisfied, l.basically, l.unsatisfied, l.score, l.rank, l.weights, now(), (select auth.uid())
  from private.grid_assessment_live(p_street_id, p_month) l;
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

-- The street's months, for the chart: events found and handled, and the on-time and
-- satisfaction rates (in percent), for those who read the street's events.
create function public.grid_assessment_trend(p_street_id bigint, p_months int default 12)
returns table (month date, found int, handled int, on_time_rate numeric, satisfaction_rate numeric)
language sql stable security definer
set search_path = ''
as $$
  with months as (
    select (date_trunc('month', (now() at time zone 'Asia/Shanghai')) - make_interval(months => g))::date as month
    from generate_series(0, least(greatest(p_months, 1), 36) - 1) g
    where p_street_id = any (private.grid_street_ids())
  ),
  ev as (
    select (date_trunc('month', e.created_at at time zone 'Asia/Shanghai'))::date as month, e.event,
      case when e.event = 'resolve' then private.grid_in_time(e.instance_id, e.id, e.from_state, e.created_at) end as in_time,
      case when e.event = 'visit_unsatisfied' then false when e.event = 'visit_satisfied' then true end as content
    from public.workflow_events e
    where e.street_id = p_street_id and e.workflow = 'grid_governance'
      and e.event in ('report', 'resolve', 'visit_satisfied', 'visit_unsatisfied')
      and e.created_at >= (select min(m.month) from months m)::timestamp at time zone 'Asia/Shanghai'
  )
  select m.month,
    (count(*) filter (where ev.event = 'report'))::int,
    (count(*) filter (where ev.event = 'resolve'))::int,
    round(100.0 * count(*) filter (where ev.in_time) / nullif(count(*) filter (where ev.event = 'resolve'), 0), 1),
    round(100.0 * count(*) filter (where ev.content) / nullif(count(ev.content), 0), 1)
  from months m left join ev on ev.month = m.month
  group by m.month
  order by m.month
$$;

revoke all on function private.grid_in_time(bigint, bigint, text, timestamptz), private.grid_assessment_live(bigint, date) from public, anon, authenticated;
revoke all on function public.grid_assessment(bigint, date), public.grid_assessment_published(bigint),
  public.publish_grid_assessment(bigint, date), public.grid_assessment_trend(bigint, int) from public, anon;
grant execute on function public.grid_assessment(bigint, date), public.grid_assessment_published(bigint),
  public.publish_grid_assessment(bigint, date), public.grid_assessment_trend(bigint, int) to authenticated;

insert into private.plugin_tables (table_name, plugin, scope, write_roles, write_columns) values ('grid_assessment_weights', 'grid_governance', 'street', array['street_office']::text[], array['on_time', 'satisfaction', 'found']::text[]);
select private.install_plugin_table('grid_assessment_weights');

insert into private.plugin_tables (table_name, plugin, scope, write_roles, write_columns) values ('grid_assessment_results', 'grid_governance', 'street', array[]::text[], array[]::text[]);
select private.install_plugin_table('grid_assessment_results');

create function workflow_plugins."grid_governance_v2__reportComplete"(input jsonb, params jsonb) returns boolean
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

create function workflow_plugins."grid_governance_v2__facts"(instance_id bigint) returns jsonb
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

create function workflow_plugins."grid_governance_v2__form_check"(form jsonb, subject_unit_id bigint) returns jsonb
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
values ('grid_governance', 2, 'draft', '[{"path":"draft","final":false},{"path":"triage","final":false},{"path":"grid_handling","final":false},{"path":"community_handling","final":false},{"path":"street_dispatch","final":false},{"path":"office_handling","final":false},{"path":"consulting","final":false},{"path":"visit","final":false},{"path":"closed","final":true},{"path":"discarded","final":true}]'::jsonb, array['grid_leader', 'grid_worker', 'micro_grid_worker', 'community_worker']::text[], array['micro_grid', 'grid']::text[], '{"type":"object","properties":{"category":{"type":"string","minLength":1,"maxLength":20},"description":{"type":"string","minLength":5,"maxLength":2000},"location":{"type":"string","minLength":2,"maxLength":200},"household_id":{"type":"integer","exclusiveMinimum":0,"maximum":9007199254740991},"urgency":{"type":"string","enum":["normal","urgent","critical"]}},"additionalProperties":false}'::jsonb, array['draft']::text[], array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], true, true);

insert into public.workflow_event_types (workflow, version, event, payload_schema) values
  ('grid_governance', 2, 'report', '{"type":"object","properties":{},"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'discard', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'handle_in_grid', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'assign_community', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'escalate', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'send_back', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'close_invalid', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'resolve', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'refer', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'dispatch', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'return_to_community', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'consult', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'agree', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'disagree', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'return_to_street', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'visit_satisfied', '{"type":"object","properties":{"satisfaction":{"type":"string","enum":["satisfied","basically_satisfied"]},"comment":{"type":"string","maxLength":500}},"required":["satisfaction"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 2, 'visit_unsatisfied', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb);

insert into public.workflow_transitions (workflow, version, from_state, event, to_state, roles, guard, actions, depth, priority) values
  ('grid_governance', 2, 'draft', 'report', 'triage', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], '{"guard":"reportComplete"}'::jsonb, array['snapshotForm']::text[], 1, 0),
  ('grid_governance', 2, 'draft', 'discard', 'discarded', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'triage', 'handle_in_grid', 'grid_handling', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'triage', 'assign_community', 'community_handling', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'triage', 'escalate', 'street_dispatch', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'triage', 'send_back', 'draft', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'triage', 'close_invalid', 'discarded', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'grid_handling', 'resolve', 'visit', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'grid_handling', 'refer', 'triage', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'community_handling', 'resolve', 'visit', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'community_handling', 'refer', 'triage', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'community_handling', 'escalate', 'street_dispatch', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'street_dispatch', 'dispatch', 'office_handling', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'street_dispatch', 'return_to_community', 'triage', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'office_handling', 'resolve', 'visit', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'office_handling', 'consult', 'consulting', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'office_handling', 'return_to_street', 'street_dispatch', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'consulting', 'agree', 'office_handling', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'consulting', 'disagree', 'office_handling', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'visit', 'visit_satisfied', 'closed', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 2, 'visit', 'visit_unsatisfied', 'triage', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0);

insert into public.workflow_deadlines (workflow, version, state, due_after, due_fact, remind_before, repeat_every, remind_roles, escalate_roles, fire_event, urge_every) values
  ('grid_governance', 2, 'triage', null, array['days', 'triage']::text[], '1 days'::interval, '24 hours'::interval, array['community_worker']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 2, 'grid_handling', null, array['days', 'grid_handling']::text[], '1 days'::interval, '24 hours'::interval, array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], array['community_worker']::text[], null, '4 hours'::interval),
  ('grid_governance', 2, 'community_handling', null, array['days', 'community_handling']::text[], '1 days'::interval, '24 hours'::interval, array['community_worker']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 2, 'street_dispatch', null, array['days', 'street_dispatch']::text[], '1 days'::interval, '24 hours'::interval, array['street_office']::text[], array[]::text[], null, '4 hours'::interval),
  ('grid_governance', 2, 'office_handling', null, array['days', 'office_handling']::text[], '1 days'::interval, '24 hours'::interval, array['office_handler']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 2, 'consulting', null, array['days', 'consulting']::text[], '1 days'::interval, '24 hours'::interval, array['office_handler']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 2, 'visit', null, array['days', 'visit']::text[], '1 days'::interval, '24 hours'::interval, array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], array['community_worker']::text[], null, '4 hours'::interval);

insert into public.workflow_state_options (workflow, version, state, assign_roles, assign_multiple, assign_required, return_to_any) values
  ('grid_governance', 2, 'community_handling', array['community_worker']::text[], false, false, false),
  ('grid_governance', 2, 'office_handling', array['office_handler']::text[], false, false, false),
  ('grid_governance', 2, 'consulting', array['office_handler']::text[], true, false, false);

insert into public.workflow_countersign_rules (workflow, version, state, rule, share, approve_events, reject_events, reject_by, add_signers) values
  ('grid_governance', 2, 'consulting', 'all', null, array['agree']::text[], array['disagree']::text[], 'anyone', true);
