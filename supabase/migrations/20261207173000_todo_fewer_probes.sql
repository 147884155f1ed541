-- 我的待办 with fewer lookups per row: a reviewer with 10,000 steps assigned (and 10,000 of a
-- colleague's in the same states) waited 64 ms for the first page (issue 14's bar: 50 ms). The
-- caller's memberships are read once, not once per transition they are joined to (each asked
-- whether its unit reaches a subtree only), and whether someone else owns a waiting step is asked
-- of the open owners hashed once, not by an index probe per step. The body is
-- 20261207144705_todo_with_path.sql's otherwise.
create or replace function public.workflow_todo(p_workflows text[], p_order text default 'waited', p_offset int default 0, p_limit int default 50)
returns table (
  id bigint, workflow text, version int, state text, form jsonb, revision int, street_id bigint, community_id bigint, unit_path bigint[],
  subject text, entered_at timestamptz, mine text, deadline_at timestamptz, total bigint
)
language plpgsql stable security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  with my_roles as materialized (
    select m.street_id, m.community_id, m.role::text as role,
           case when private.reaches_subtree(m.unit_id) then m.unit_id end as subtree
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    where m.user_id = (select auth.uid())
  ),
  -- Where the caller's roles can act: each atomic state of each version that a transition of
  -- one of them leaves (from the state or an ancestor), with the scope the role holds there
  -- (subtrees: null when the whole scope).
  actionable as (
    select d.workflow, d.version, s.path as state, r.street_id, r.community_id,
           case when bool_or(r.subtree is null) then null else array_agg(distinct r.subtree) end as subtrees
    from public.workflow_definitions d
    cross join lateral (select x->>'path' as path from jsonb_array_elements(d.states) x) s
    join public.workflow_transitions t
      on t.workflow = d.workflow and t.version = d.version
     and (s.path = t.from_state or s.path like t.from_state || '.%')
    join my_roles r on r.role = any (t.roles)
    where d.workflow = any (p_workflows)
    group by d.workflow, d.version, s.path, r.street_id, r.community_id
  ),
  -- (materialized: read once by the caller's index, then matched by hash)
  assigned as materialized (
    select a.instance_id, a.kind from public.workflow_assignments a
    where a.user_id = (select auth.uid()) and a.ended_at is null
  ),
  -- The running instances in those states and scopes, found through the indexes below.
  waiting as (
    select w.id, w.state, w.entered_at, m.kind as mine
    from (
      select i.id, i.state, i.entered_at
      from actionable x
      join public.workflow_instances i
        on i.street_id = x.street_id and i.workflow = x.workflow and i.version = x.version and i.state = x.state and not i.done
      where x.community_id is null and (x.subtrees is null or i.unit_path && x.subtrees)
      union all
      select i.id, i.state, i.entered_at
      from actionable x
      join public.workflow_instances i
        on i.community_id = x.community_id and i.workflow = x.workflow and i.version = x.version and i.state = x.state and not i.done
      where x.community_id is not null and (x.subtrees is null or i.unit_path && x.subtrees)
        -- (not again when a street role of the caller already lists it)
        and not exists (
          select 1 from actionable y
          where y.community_id is null and y.street_id = i.street_id
            and y.workflow = i.workflow and y.version = i.version and y.state = i.state
            and (y.subtrees is null or i.unit_path && y.subtrees))
    ) w
    left join assigned m on m.instance_id = w.id
  ),
  -- (a step waiting is the caller's, or no one's: the open owners hashed once, not an index
  -- probe per step; an assignment always names its instance)
  mine_or_open as (
    select w.*, count(*) over () as total
    from waiting w
    where w.mine is not null
      or w.id not in (select o.instance_id from public.workflow_assignments o where o.ended_at is null and o.kind = 'owner')
  ),
  timed as (
    select w.*,
      (select min(t.deadline_at) from public.workflow_timers t
       where t.instance_id = w.id and t.state = w.state and t.cancelled_at is null) as deadline_at
    from mine_or_open w
  ),
  page as (
    select * from timed w
    order by
      case when p_order = 'deadline' then null else w.mine is null end,
      case when p_order = 'deadline' then w.deadline_at end nulls last,
      w.entered_at, w.id
    offset greatest(p_offset, 0) limit least(greatest(p_limit, 0), 1000)
  )
  select i.id, i.workflow, i.version, i.state, i.form, i.revision, i.street_id, i.community_id, i.unit_path,
    u.name, p.entered_at, p.mine, p.deadline_at, p.total
  from page p
  join public.workflow_instances i on i.id = p.id
  left join public.units u on u.id = i.subject_unit_id
  order by
    case when p_order = 'deadline' then null else p.mine is null end,
    case when p_order = 'deadline' then p.deadline_at end nulls last,
    p.entered_at, p.id;
end;
$$;

