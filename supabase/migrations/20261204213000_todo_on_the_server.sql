-- 我的待办 answered by the database, a page at a time: which running instances wait for the
-- caller, in the order the list shows them, with how many there are. The admin used to read every
-- running instance of its scope (a thousand rows a request) and pick in the browser; with 10,000
-- assigned to one reviewer that was ten requests and seconds.
--
-- An instance waits for the caller when a transition leaves its state (or an ancestor of it) for
-- a role the caller holds where it lives — whether a guard holds it back today is the admin's to
-- show, as before — and, when the step names its handlers, the caller is one of them (owner, or a
-- delegate answering one). When it entered its state is kept on the row (entered_at), so ordering
-- by how long something has waited reads no log.

alter table public.workflow_instances add column entered_at timestamptz;

-- When it entered its state: the latest logged move into it from another state (the state
-- before a row is the row before's to_state; a start has none), else its creation.
update public.workflow_instances i
set entered_at = coalesce(
  (select max(e.created_at) from (
     select x.created_at, x.to_state, lag(x.to_state) over (order by x.id) as before
     from public.workflow_events x where x.instance_id = i.id) e
   where e.to_state = i.state and e.before is distinct from e.to_state),
  i.created_at);
alter table public.workflow_instances
  -- (until the start's log row, a moment later)
  alter column entered_at set default clock_timestamp(),
  alter column entered_at set not null;

-- The log keeps it: a logged move into another state (the engine updates the instance, then
-- logs) restarts the wait; what keeps the state (a note, a 催办, a vote, a 转交, a migration to the
-- state's namesake) does not. Demo data and anything else that writes the log with its own
-- times, in order, get the same.
--
-- A move already ended the old state's handlers and replanned its timers, each in a trigger of
-- its own that read the state before again; one trigger now does the three, reading it once.
create function private.workflow_events_moved() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  -- (a targetless transition of an ancestor logs the ancestor as from_state, and stays)
  if private.wf_state_before(new.instance_id, new.id) is not distinct from new.to_state then
    return null;
  end if;
  update public.workflow_assignments set ended_at = now(), ended_event_id = new.id
  where instance_id = new.instance_id and ended_at is null;
  update public.workflow_timers set cancelled_at = now()
  where instance_id = new.instance_id and done_at is null and cancelled_at is null;
  perform private.wf_plan_timers(new.instance_id, new.to_state, new.id, new.created_at);
  update public.workflow_instances set entered_at = new.created_at
  where id = new.instance_id and state = new.to_state;
  return null;
end;
$$;
drop trigger workflow_events_end_assignments on public.workflow_events;
drop trigger workflow_events_plan_timers on public.workflow_events;
drop function private.workflow_events_end_assignments(), private.workflow_events_plan_timers();
create trigger workflow_events_moved
after insert on public.workflow_events
for each row when (new.from_state is distinct from new.to_state)
execute function private.workflow_events_moved();

-- Running instances by scope and state, as 我的待办 looks for them.
create index workflow_instances_street_running_idx on public.workflow_instances (street_id, workflow, version, state) include (id, entered_at) where not done;
create index workflow_instances_community_running_idx on public.workflow_instances (community_id, workflow, version, state) include (id, entered_at) where not done;

-- The deadline of each listed instance's state, read per instance (the planned, sent or not).
create index workflow_timers_instance_state_idx on public.workflow_timers (instance_id, state) include (deadline_at) where cancelled_at is null;

-- The page of 我的待办: p_order 'waited' (what is assigned to me first, then what has waited
-- longest) or 'deadline' (the nearest timer deadline first, then the longest waiting). `total` is
-- the count of every waiting instance, on each row.
-- Security definer, so the policies are not re-checked row by row over thousands of instances
-- (they cost more than the rest): it lists only instances where the caller holds a role — a
-- street role of their street, a community role of their community — which are exactly rows
-- the instances' own policy lets the caller read (private.scope_unit_ids holds those units), and
-- reads the caller's own assignments and the listed instances' timers and subjects only.
create function public.workflow_todo(p_workflows text[], p_order text default 'waited', p_offset int default 0, p_limit int default 50)
returns table (
  id bigint, workflow text, version int, state text, form jsonb, revision int, street_id bigint, community_id bigint,
  subject text, entered_at timestamptz, mine text, deadline_at timestamptz, total bigint
)
language sql stable security definer
set search_path = ''
as $$
  with my_roles as (
    select m.street_id, m.community_id, m.role::text as role
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    where m.user_id = (select auth.uid())
  ),
  -- Where the caller's roles can act: each atomic state of each version that a transition of
  -- one of them leaves (from the state or an ancestor), with the scope the role holds there.
  actionable as (
    select distinct d.workflow, d.version, s.path as state, r.street_id, r.community_id
    from public.workflow_definitions d
    cross join lateral (select x->>'path' as path from jsonb_array_elements(d.states) x) s
    join public.workflow_transitions t
      on t.workflow = d.workflow and t.version = d.version
     and (s.path = t.from_state or s.path like t.from_state || '.%')
    join my_roles r on r.role = any (t.roles)
    where d.workflow = any (p_workflows)
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
      where x.community_id is null
      union all
      select i.id, i.state, i.entered_at
      from actionable x
      join public.workflow_instances i
        on i.community_id = x.community_id and i.workflow = x.workflow and i.version = x.version and i.state = x.state and not i.done
      where x.community_id is not null
        -- (not again when a street role of the caller already lists it)
        and not exists (
          select 1 from actionable y
          where y.community_id is null and y.street_id = i.street_id
            and y.workflow = i.workflow and y.version = i.version and y.state = i.state)
    ) w
    left join assigned m on m.instance_id = w.id
  ),
  mine_or_open as (
    select w.*, count(*) over () as total
    from waiting w
    where w.mine is not null
      or not exists (select 1 from public.workflow_assignments o
                     where o.instance_id = w.id and o.ended_at is null and o.kind = 'owner')
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
  select i.id, i.workflow, i.version, i.state, i.form, i.revision, i.street_id, i.community_id,
    u.name, p.entered_at, p.mine, p.deadline_at, p.total
  from page p
  join public.workflow_instances i on i.id = p.id
  left join public.units u on u.id = i.subject_unit_id
  order by
    case when p_order = 'deadline' then null else p.mine is null end,
    case when p_order = 'deadline' then p.deadline_at end nulls last,
    p.entered_at, p.id;
$$;

revoke all on function private.workflow_events_moved() from public, anon, authenticated;
revoke all on function public.workflow_todo(text[], text, int, int) from public, anon;
grant execute on function public.workflow_todo(text[], text, int, int) to authenticated;
