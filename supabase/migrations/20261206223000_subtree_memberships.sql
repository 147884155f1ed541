-- Memberships that reach down their unit's tree, not across its community or street.
--
-- Until now a membership held in a unit below a community (a grid a plugin declares) reached the
-- whole community, as if held in the community: a grid worker read every grid's events and could
-- act on them. A unit kind may now declare that its memberships reach its subtree only
-- (private.unit_kinds.reach = 'subtree'; a plugin says `reach: 'subtree'`): the staff of a grid
-- read and act on what lies under their grid, plus the units above it, and nothing else of the
-- community. Memberships of the other kinds reach what they did.
--
-- 1. Where each unit and each workflow instance lies: `unit_path`, the unit and its ancestors,
--    the top first, kept by triggers (an instance's is its subject unit's).
-- 2. The scope helpers (private.scope_unit_ids, street_scope_ids, role_scope_ids) leave those
--    memberships out; private.subtree_unit_ids() lists them, and the policies of units and of the
--    workflow rows let them read what lies under them.
-- 3. The engine's checks of "the caller's roles where this lives" (roles_in_scope) and "the
--    caller sees this" (sees_scope) take the row's path as well. Every function that asked them
--    about an instance or a unit by (street, community) is redefined here from its running
--    definition, with the path added to the call, so their text in the older migrations shows the
--    call without it; the two-argument forms remain and reach no subtree membership (a function
--    that asks without a path is refused for grid staff, never widened). The same for the
--    "this membership reaches the instance" test in wf_eligible, wf_handlers, wf_copy and
--    workflow_members, and for 我的待办 (workflow_todo).

alter table private.unit_kinds add column reach text not null default 'scope'
  constraint unit_kinds_reach_check check (reach in ('scope', 'subtree'));
comment on column private.unit_kinds.reach is
  'scope: a membership held here reaches its community (or street); subtree: only what lies under the unit';

-- ---------------------------------------------------------------------------------------------
-- 1. Paths
-- ---------------------------------------------------------------------------------------------
alter table public.units add column unit_path bigint[] not null default '{}';
comment on column public.units.unit_path is '本单位及其上级单位（自上而下），由触发器维护';

-- (a derived column filled in: no unit was edited, so none gets a new updated_at)
alter table public.units disable trigger units_touch;
with recursive tree (id, unit_path) as (
  select u.id, array[u.id] from public.units u where u.parent_id is null
  union all
  select c.id, t.unit_path || c.id from public.units c join tree t on c.parent_id = t.id
)
update public.units u set unit_path = t.unit_path from tree t where t.id = u.id;
alter table public.units enable trigger units_touch;
create index units_unit_path_idx on public.units using gin (unit_path);

-- Derived from the parent, never taken from the client. SECURITY DEFINER: the parent is read
-- whatever the caller may see (the scope trigger refuses a parent outside it).
create function private.units_path() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  new.unit_path := coalesce((select p.unit_path from public.units p where p.id = new.parent_id), '{}') || new.id;
  return new;
end;
$$;
create trigger units_path before insert or update of parent_id, unit_path on public.units
for each row execute function private.units_path();

alter table public.workflow_instances add column unit_path bigint[] not null default '{}';
comment on column public.workflow_instances.unit_path is '主体单位的 unit_path，由触发器维护';
update public.workflow_instances i set unit_path = u.unit_path from public.units u where u.id = i.subject_unit_id;
create index workflow_instances_unit_path_idx on public.workflow_instances using gin (unit_path);

create function private.workflow_instances_path() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  new.unit_path := coalesce((select u.unit_path from public.units u where u.id = new.subject_unit_id), '{}');
  return new;
end;
$$;
create trigger workflow_instances_path before insert or update of subject_unit_id, unit_path on public.workflow_instances
for each row execute function private.workflow_instances_path();

-- A moved unit takes what lies under it and its workflows along. (When its street or community
-- changed, units_cascade_scope already touched its children, which recomputes their paths.)
create function private.units_cascade_path() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if (new.street_id, new.community_id) is not distinct from (old.street_id, old.community_id) then
    update public.units set parent_id = parent_id where parent_id = new.id;
  end if;
  update public.workflow_instances set unit_path = new.unit_path where subject_unit_id = new.id;
  return null;
end;
$$;
create trigger units_cascade_path after update of parent_id on public.units
for each row when (old.unit_path is distinct from new.unit_path)
execute function private.units_cascade_path();

-- ---------------------------------------------------------------------------------------------
-- 2. Who reaches what
-- ---------------------------------------------------------------------------------------------

-- Whether a membership held in this unit reaches only what lies under it.
create function private.reaches_subtree(p_unit_id bigint) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.units u join private.unit_kinds k on k.kind = u.kind::text
    where u.id = p_unit_id and k.reach = 'subtree')
$$;

-- Whether a membership reaches a row that lives at (street, community) with this unit path.
create function private.member_reaches(p_member public.memberships, p_street_id bigint, p_community_id bigint, p_unit_path bigint[])
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select case
    when private.reaches_subtree(p_member.unit_id) then p_member.unit_id = any (p_unit_path)
    else (p_member.community_id is null and p_member.street_id = p_street_id)
      or (p_member.community_id is not null and p_member.community_id = p_community_id)
  end
$$;

-- The units where the caller holds a membership that reaches their subtree.
create function private.subtree_unit_ids() returns bigint[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(distinct m.unit_id), '{}')
  from public.memberships m
  join public.profiles p on p.id = m.user_id and not p.disabled
  where m.user_id = (select auth.uid()) and private.reaches_subtree(m.unit_id)
$$;

-- Those units and the units above them: the caller reads their names.
create function private.subtree_ancestor_ids() returns bigint[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(distinct a), '{}')
  from public.units u cross join unnest(u.unit_path) a
  where u.id = any (private.subtree_unit_ids())
$$;

create or replace function private.scope_unit_ids() returns bigint[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(distinct coalesce(m.community_id, m.street_id)), '{}')
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    where m.user_id = (select auth.uid()) and not private.reaches_subtree(m.unit_id)
  ) || private.district_street_ids();
end
$$;

create or replace function private.street_scope_ids() returns bigint[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(distinct m.street_id), '{}')
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    where m.user_id = (select auth.uid()) and m.community_id is null and not private.reaches_subtree(m.unit_id)
  ) || private.district_street_ids();
end
$$;

create or replace function private.role_scope_ids(p_roles text[]) returns bigint[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(distinct coalesce(m.community_id, m.street_id)), '{}')
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    where m.user_id = (select auth.uid()) and m.role::text = any (p_roles) and not private.reaches_subtree(m.unit_id)
  );
end
$$;

-- The caller's roles where a row of (street, community, path) lives.
create function private.roles_in_scope(p_street_id bigint, p_community_id bigint, p_unit_path bigint[]) returns text[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(distinct m.role::text), '{}')
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    where m.user_id = (select auth.uid()) and private.member_reaches(m, p_street_id, p_community_id, p_unit_path)
  );
end;
$$;

create or replace function private.roles_in_scope(p_street_id bigint, p_community_id bigint) returns text[]
language sql stable security definer
set search_path = ''
as $$
  select private.roles_in_scope(p_street_id, p_community_id, '{}')
$$;

-- Whether the caller reads a row of (street, community, path): as before, or a membership that
-- reaches the subtree the row lies in.
create function private.sees_scope(p_street_id bigint, p_community_id bigint, p_unit_path bigint[]) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    where m.user_id = (select auth.uid())
      and (case when private.reaches_subtree(m.unit_id) then m.unit_id = any (p_unit_path)
                else coalesce(m.community_id, m.street_id) in (p_street_id, p_community_id) end
        or (p_community_id is null and m.street_id = p_street_id)
        or (m.role::text = 'district_office'
            and exists (select 1 from public.units s where s.id = p_street_id and s.kind = 'street' and s.district_id = m.unit_id)))
  );
end;
$$;

create or replace function private.sees_scope(p_street_id bigint, p_community_id bigint) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select private.sees_scope(p_street_id, p_community_id, '{}')
$$;

revoke all on function private.reaches_subtree(bigint), private.member_reaches(public.memberships, bigint, bigint, bigint[]),
  private.subtree_unit_ids(), private.subtree_ancestor_ids(), private.roles_in_scope(bigint, bigint, bigint[]),
  private.sees_scope(bigint, bigint, bigint[]), private.units_path(), private.workflow_instances_path(),
  private.units_cascade_path() from public, anon, authenticated;
-- (the policies call these as the caller)
grant execute on function private.subtree_unit_ids(), private.subtree_ancestor_ids() to authenticated;

-- ---------------------------------------------------------------------------------------------
-- Policies: a subtree membership reads the units under it and above it, and the workflow rows
-- of what lies under it.
-- ---------------------------------------------------------------------------------------------
drop policy units_select on public.units;
create policy units_select on public.units for select to authenticated
using (
  street_id = any ((select private.scope_unit_ids())::bigint[])
  or community_id = any ((select private.scope_unit_ids())::bigint[])
  or (kind = 'street' and id = any ((select private.member_street_ids())::bigint[]))
  or unit_path && (select private.subtree_unit_ids())
  or id = any ((select private.subtree_ancestor_ids())::bigint[])
);

drop policy workflow_instances_select on public.workflow_instances;
create policy workflow_instances_select on public.workflow_instances for select to authenticated
using (
  street_id = any ((select private.scope_unit_ids())::bigint[])
  or community_id = any ((select private.scope_unit_ids())::bigint[])
  or (community_id is null and street_id = any ((select private.member_street_ids())::bigint[]))
  or unit_path && (select private.subtree_unit_ids())
);

-- The log and the snapshots carry their instance's street and community, not its path: a
-- subtree membership reads them through the instances it reads (asked only when it has one).
drop policy workflow_events_select on public.workflow_events;
create policy workflow_events_select on public.workflow_events for select to authenticated
using (
  street_id = any ((select private.scope_unit_ids())::bigint[])
  or community_id = any ((select private.scope_unit_ids())::bigint[])
  or (community_id is null and street_id = any ((select private.member_street_ids())::bigint[]))
  or ((select cardinality(private.subtree_unit_ids())) > 0
      and instance_id in (select i.id from public.workflow_instances i where i.unit_path && (select private.subtree_unit_ids())))
);

drop policy workflow_snapshots_select on public.workflow_snapshots;
create policy workflow_snapshots_select on public.workflow_snapshots for select to authenticated
using (
  street_id = any ((select private.scope_unit_ids())::bigint[])
  or community_id = any ((select private.scope_unit_ids())::bigint[])
  or ((select cardinality(private.subtree_unit_ids())) > 0
      and instance_id in (select i.id from public.workflow_instances i where i.unit_path && (select private.subtree_unit_ids())))
);

-- ---------------------------------------------------------------------------------------------
-- 3. The engine asks with the path
-- ---------------------------------------------------------------------------------------------
do $$
declare
  v_fn record;
  v_def text;
  v_new text;
  v_calls constant text := '(private\.(?:sees_scope|roles_in_scope))\((\w+)\.street_id, \2\.community_id\)';
  v_member constant text :=
    '\(m\.community_id is null and m\.street_id = (\w+)\.street_id\)\s+or\s+\(m\.community_id is not null and m\.community_id = \1\.community_id\)';
  v_rewritten int := 0;
begin
  for v_fn in
    select p.oid, p.oid::regprocedure::text as name, p.proname
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ('public', 'private') and p.prokind = 'f'
      and (p.prosrc ~ v_calls or p.proname in ('wf_eligible', 'wf_handlers', 'wf_copy', 'workflow_members'))
  loop
    v_def := pg_get_functiondef(v_fn.oid);
    v_new := regexp_replace(v_def, v_calls, '\1(\2.street_id, \2.community_id, \2.unit_path)', 'g');
    -- (the instance these four test members against is a row with a path)
    if v_fn.proname in ('wf_eligible', 'wf_handlers', 'wf_copy', 'workflow_members') then
      v_new := regexp_replace(v_new, v_member, 'private.member_reaches(m, \1.street_id, \1.community_id, \1.unit_path)', 'g');
    end if;
    if v_new = v_def then
      raise exception 'subtree memberships: nothing to rewrite in %', v_fn.name;
    end if;
    execute v_new;
    v_rewritten := v_rewritten + 1;
  end loop;
  if v_rewritten < 20 then
    raise exception 'subtree memberships: only % functions rewritten', v_rewritten;
  end if;
  if exists (select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
             where n.nspname in ('public', 'private')
               and (p.prosrc ~ v_calls or (p.proname in ('wf_eligible', 'wf_handlers', 'wf_copy', 'workflow_members') and p.prosrc ~ v_member))) then
    raise exception 'subtree memberships: a call without the path is left';
  end if;
end;
$$;

-- 我的待办: a role held where it reaches a subtree lists what lies under it only. (As
-- 20261204230000_todo_plan_kept.sql, with each place the caller acts carrying the subtrees its
-- roles there are held in, or none when one of them reaches the whole scope.)
create or replace function public.workflow_todo(p_workflows text[], p_order text default 'waited', p_offset int default 0, p_limit int default 50)
returns table (
  id bigint, workflow text, version int, state text, form jsonb, revision int, street_id bigint, community_id bigint,
  subject text, entered_at timestamptz, mine text, deadline_at timestamptz, total bigint
)
language plpgsql stable security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  with my_roles as (
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
end;
$$;
