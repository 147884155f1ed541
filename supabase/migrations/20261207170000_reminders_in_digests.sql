-- Reminders come in digests: one message per recipient, kind, workflow and state in a scheduler
-- run, not one per instance.
--
-- A run over a street whose 100,000 steps fell due at once wrote a message per instance for each
-- of the three people told: 300,000 rows, most of the run's time (issue 14's bar: the whole run
-- in 5 s), and a 消息中心 that no reviewer could read through. Now a message about one instance
-- still points to it (instance_id, its log row and timer); a message about several lists them
-- (instance_ids, with the workflow, since there is no one instance to read it from) and its
-- earliest deadline. The 消息中心 opens a digest's list; an outside sender passes one text on
-- ("N 件…已超期") instead of N.
--
-- A message is readable by its recipient while at least one instance it names is (as before,
-- for the one it pointed to).

alter table public.workflow_messages
  alter column instance_id drop not null,
  alter column event_id drop not null,
  add column workflow text,
  add column instance_ids bigint[],
  -- (how many it is about, for the 消息中心's line, which does not read the list)
  add column instance_count int generated always as (coalesce(cardinality(instance_ids), 1)) stored,
  add constraint workflow_messages_one_or_digest check (
    case when instance_ids is null then instance_id is not null and event_id is not null
         else instance_id is null and event_id is null and timer_id is null and workflow is not null and cardinality(instance_ids) >= 2 end);

-- (a list of ids compresses poorly and is written once: stored as it is)
alter table public.workflow_messages alter column instance_ids set storage external;

drop policy workflow_messages_select on public.workflow_messages;
create policy workflow_messages_select on public.workflow_messages for select to authenticated
using (recipient_id = (select auth.uid())
       and exists (select 1 from public.workflow_instances i where i.id = any (coalesce(instance_ids, array[instance_id]))));

-- The instances a message lists, a page at a time, as its recipient may read them (invoker: the
-- policies of both tables decide), each as it stands now, with how many that is in all.
create function public.workflow_message_instances(p_message_id bigint, p_limit int default 20, p_offset int default 0)
returns table (id bigint, workflow text, state text, done boolean, subject_name text, total bigint)
language sql stable security invoker
set search_path = ''
as $$
  select i.id, i.workflow, i.state, i.done, u.name, count(*) over ()
  from public.workflow_messages m
  join public.workflow_instances i on i.id = any (coalesce(m.instance_ids, array[m.instance_id]))
  left join public.units u on u.id = i.subject_unit_id
  where m.id = p_message_id
  order by i.id
  limit least(greatest(p_limit, 1), 100) offset greatest(p_offset, 0);
$$;
revoke all on function public.workflow_message_instances(bigint, int, int) from public, anon;
grant execute on function public.workflow_message_instances(bigint, int, int) to authenticated;

-- The engine's own log rows (reminders, the system's events) have no actor, and 已办 reads rows
-- by their actor only: the index that serves it leaves them out, one index fewer to write for each.
drop index public.workflow_events_actor_idx;
create index workflow_events_actor_idx on public.workflow_events (actor_id, created_at, id) include (workflow, street_id, community_id)
  where actor_id is not null;

-- Lists of instances joined into one.
create aggregate private.id_array_cat(bigint[]) (sfunc = pg_catalog.array_cat, stype = bigint[]);

-- Redefined from its running definition (20261207084500_timers_reach_subtree.sql) with only the
-- messages changed: the recipients are found as before, then grouped.
create or replace function private.run_due_timers(p_limit int default 200000) returns int
language plpgsql security definer
set search_path = ''
as $$
declare
  v_timer record;
  v_at timestamptz;
  v_fire record;
  v_instance public.workflow_instances;
  v_count int;
begin
  create temporary table if not exists wf_due (
    timer_id bigint primary key, instance_id bigint not null, kind text not null, state text not null,
    entered_event_id bigint not null, deadline_at timestamptz not null, due_at timestamptz not null,
    workflow text not null, version int not null, street_id bigint not null, community_id bigint,
    fact_based boolean not null, repeat_every interval, remind_roles text[] not null, escalate_roles text[] not null,
    fire_event text, event_id bigint, assigned boolean not null default false
  ) on commit drop;
  truncate pg_temp.wf_due;
  -- (each with the id of its log row taken now, for the messages that refer to it)
  insert into pg_temp.wf_due (timer_id, instance_id, kind, state, entered_event_id, deadline_at, due_at, workflow, version,
                              street_id, community_id, fact_based, repeat_every, remind_roles, escalate_roles, fire_event, event_id)
  select t.id, t.instance_id, t.kind, t.state, t.entered_event_id, t.deadline_at, t.due_at, i.workflow, i.version,
         i.street_id, i.community_id, d.due_fact is not null, d.repeat_every, d.remind_roles, d.escalate_roles, d.fire_event,
         nextval(pg_get_serial_sequence('public.workflow_events', 'id'))
  from (
    select * from public.workflow_timers
    where done_at is null and cancelled_at is null and due_at <= now()
    order by due_at, id
    limit p_limit
    for update skip locked
  ) t
  join public.workflow_instances i on i.id = t.instance_id
  join public.workflow_deadlines d on d.workflow = i.workflow and d.version = i.version and d.state = t.state;
  get diagnostics v_count = row_count;
  if v_count = 0 then
    return 0;
  end if;

  -- (once per state entered: its timers share the deadline)
  for v_timer in
    select distinct on (w.entered_event_id) w.*, d as deadline from pg_temp.wf_due w
    join public.workflow_deadlines d on d.workflow = w.workflow and d.version = w.version and d.state = w.state
    where w.fact_based and w.kind <> 'repeat'
    order by w.entered_event_id, w.timer_id
  loop
    select * into v_instance from public.workflow_instances where id = v_timer.instance_id;
    v_at := private.wf_deadline_at(v_instance, v_timer.deadline, now());
    if v_at is distinct from v_timer.deadline_at then
      update public.workflow_timers set cancelled_at = now()
      where entered_event_id = v_timer.entered_event_id and done_at is null and cancelled_at is null;
      delete from pg_temp.wf_due where entered_event_id = v_timer.entered_event_id;
      if v_at is not null then
        insert into public.workflow_timers (instance_id, state, entered_event_id, kind, deadline_at, due_at)
        select v_timer.instance_id, v_timer.state, v_timer.entered_event_id, k.kind, v_at, k.due_at
        from (values ('due', v_at), ('before', v_at - (v_timer.deadline).remind_before)) k(kind, due_at)
        where k.due_at is not null and (k.kind = 'due' or k.due_at > now())
        on conflict do nothing;
      end if;
    end if;
  end loop;

  -- Each timer acted on once: done, or, overdue again every repeat_every while the state lasts,
  -- moved to the next such time still to come (a stack that was down does not send the
  -- reminders it missed one after another).
  update public.workflow_timers t
  set done_at = case when w.kind <> 'before' and w.repeat_every is not null and w.fire_event is null then null else now() end,
      kind = case when w.kind <> 'before' and w.repeat_every is not null and w.fire_event is null then 'repeat' else t.kind end,
      due_at = case when w.kind <> 'before' and w.repeat_every is not null and w.fire_event is null
                    then w.due_at + w.repeat_every * (floor(extract(epoch from now() - w.due_at) / extract(epoch from w.repeat_every)) + 1)
                    else t.due_at end
  from pg_temp.wf_due w where t.id = w.timer_id;
  get diagnostics v_count = row_count;
  -- Steps with named handlers: they are told, not the roles.
  update pg_temp.wf_due w set assigned = true
  where exists (select 1 from public.workflow_assignments a where a.instance_id = w.instance_id and a.ended_at is null);
  -- The log: what the system did, once per timer.
  analyze pg_temp.wf_due;
  insert into public.workflow_events (id, instance_id, workflow, version, event, from_state, to_state, payload, actor_id, actor_roles, street_id, community_id)
  overriding system value
  select w.event_id, w.instance_id, w.workflow, w.version, case w.kind when 'before' then 'deadline_soon' else 'overdue' end, w.state, w.state,
         jsonb_build_object('timer', w.timer_id, 'deadline', w.deadline_at), null, '{system}', w.street_id, w.community_id
  from pg_temp.wf_due w
  order by w.event_id;

  -- Who is told: the roles the deadline reminds; once overdue, the escalation roles too (those
  -- not reminded already). Steps with named handlers: they are told, not the roles, and once
  -- overdue the escalation roles (not the handlers themselves). Each recipient gets one message
  -- per kind, workflow and state: about one instance, it points to it; about several, it lists
  -- them.
  --
  -- Memberships that reach their scope are matched once per scope and roles, and each such
  -- recipient is given the scope's instances as one list: the run no longer pairs every instance
  -- with every recipient. Memberships that reach a subtree only (a grid's) are matched per
  -- instance, when their unit is on its path; a recipient who holds one is worked out per
  -- instance altogether, so each instance is told to them once, under one kind.
  insert into public.workflow_messages (recipient_id, kind, workflow, instance_id, event_id, timer_id, instance_ids, state, deadline_at)
  with scope_told as (
    select g.street_id, g.community_key, g.remind_roles, g.escalate_roles, m.user_id,
           bool_and(not m.role::text = any (g.remind_roles)) as escalated
    from (select distinct street_id, coalesce(community_id, 0) as community_key, remind_roles, escalate_roles from pg_temp.wf_due where not assigned) g
    join public.memberships m on (m.role::text = any (g.remind_roles) or m.role::text = any (g.escalate_roles))
      and ((m.community_id is null and m.street_id = g.street_id) or (m.community_id is not null and m.community_id = g.community_key))
      and not private.reaches_subtree(m.unit_id)
    join public.profiles p on p.id = m.user_id and not p.disabled
    group by g.street_id, g.community_key, g.remind_roles, g.escalate_roles, m.user_id
  ), subtree_told as (
    -- (from the few such memberships to the instances under their units)
    select w.timer_id, m.user_id, not m.role::text = any (w.remind_roles) as escalated
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    join public.workflow_instances i on i.unit_path @> array[m.unit_id]
    join pg_temp.wf_due w on w.instance_id = i.id and not w.assigned
      and (m.role::text = any (w.remind_roles) or m.role::text = any (w.escalate_roles))
    where private.reaches_subtree(m.unit_id)
  ), per_instance as (
    select r.user_id, case when r.escalated then 'escalated' when w.kind = 'before' then 'deadline_soon' else 'overdue' end as kind,
           w.workflow, w.state, w.instance_id, w.event_id, w.timer_id, w.deadline_at
    from (
      select x.timer_id, x.user_id, bool_and(x.escalated) as escalated
      from (
        select w.timer_id, s.user_id, s.escalated
        from pg_temp.wf_due w
        join scope_told s on s.street_id = w.street_id and s.community_key = coalesce(w.community_id, 0)
          and s.remind_roles = w.remind_roles and s.escalate_roles = w.escalate_roles
        where not w.assigned and exists (select 1 from subtree_told t where t.user_id = s.user_id)
        union all
        select t.timer_id, t.user_id, t.escalated from subtree_told t
      ) x
      group by x.timer_id, x.user_id
    ) r
    join pg_temp.wf_due w on w.timer_id = r.timer_id
    where not (r.escalated and w.kind = 'before')
    union all
    select a.user_id, case when w.kind = 'before' then 'deadline_soon' else 'overdue' end,
           w.workflow, w.state, w.instance_id, w.event_id, w.timer_id, w.deadline_at
    from pg_temp.wf_due w
    join public.workflow_assignments a on a.instance_id = w.instance_id and a.ended_at is null
    where w.assigned
    union all
    select distinct m.user_id, 'escalated', w.workflow, w.state, w.instance_id, w.event_id, w.timer_id, w.deadline_at
    from pg_temp.wf_due w
    join public.workflow_instances i on i.id = w.instance_id
    join public.memberships m on m.role::text = any (w.escalate_roles)
      and ((m.community_id is null and m.street_id = w.street_id) or (m.community_id is not null and m.community_id = w.community_id))
      and private.member_reaches(m, w.street_id, w.community_id, i.unit_path)
    join public.profiles p on p.id = m.user_id and not p.disabled
    where w.assigned and w.kind <> 'before'
      and not exists (select 1 from public.workflow_assignments a where a.instance_id = w.instance_id and a.ended_at is null and a.user_id = m.user_id)
  ), scope_lists as materialized (
    -- (each scope's instances listed once, whoever is told of them; an instance has one timer
    -- due per kind in a run: its state's 'before', or its 'due' that became 'repeat')
    select w.street_id, coalesce(w.community_id, 0) as community_key, w.remind_roles, w.escalate_roles, w.workflow, w.state,
           w.kind = 'before' as soon, array_agg(w.instance_id) as ids, count(*) as n,
           min(w.event_id) as event_id, min(w.timer_id) as timer_id, min(w.deadline_at) as deadline_at
    from pg_temp.wf_due w
    where not w.assigned
    group by 1, 2, 3, 4, 5, 6, 7
  ), lists as (
    select p.user_id, p.kind, p.workflow, p.state, array_agg(distinct p.instance_id) as ids, count(distinct p.instance_id) as n,
           min(p.event_id) as event_id, min(p.timer_id) as timer_id, min(p.deadline_at) as deadline_at
    from per_instance p
    group by p.user_id, p.kind, p.workflow, p.state
    union all
    select s.user_id, case when s.escalated then 'escalated' when c.soon then 'deadline_soon' else 'overdue' end,
           c.workflow, c.state, c.ids, c.n, c.event_id, c.timer_id, c.deadline_at
    from scope_told s
    join scope_lists c on c.street_id = s.street_id and c.community_key = s.community_key
       and c.remind_roles = s.remind_roles and c.escalate_roles = s.escalate_roles
    where not (s.escalated and c.soon)
      and not exists (select 1 from subtree_told t where t.user_id = s.user_id)
  )
  -- (a recipient told by several scopes gets their lists as one; the scopes' instances are apart)
  select l.user_id, l.kind, l.workflow,
         case when sum(l.n) = 1 then min(l.ids[1]) end,
         case when sum(l.n) = 1 then min(l.event_id) end,
         case when sum(l.n) = 1 then min(l.timer_id) end,
         case when sum(l.n) > 1 then private.id_array_cat(l.ids) end,
         l.state, min(l.deadline_at)
  from lists l
  group by l.user_id, l.kind, l.workflow, l.state;

  -- The events the deadlines fire, each on its own: one a guard refuses stays where it is (its
  -- overdue messages went out) and the others go on.
  for v_fire in select w.instance_id, w.fire_event from pg_temp.wf_due w where w.kind = 'due' and w.fire_event is not null order by w.timer_id loop
    begin
      perform private.wf_fire(v_fire.instance_id, v_fire.fire_event,
        (select revision from public.workflow_instances where id = v_fire.instance_id), '{}'::jsonb, true);
    exception when others then
      raise warning 'run_due_timers: % on instance % was refused: %', v_fire.fire_event, v_fire.instance_id, sqlerrm;
    end;
  end loop;
  return v_count;
end;
$$;
