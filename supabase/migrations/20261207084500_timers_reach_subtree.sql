-- The scheduler's reminders reach a grid's own staff, not every grid's.
--
-- run_due_timers told each role of a deadline by (street, community): a membership held in a
-- unit whose kind reaches its subtree only (a grid's, private.unit_kinds.reach) was taken as the
-- community's, so the staff of one grid were reminded of, and escalated, the overdue events of
-- every other grid of the community — told that an instance they may not read exists. Now such a
-- membership is told of an instance only when its unit lies on the instance's path (as
-- private.member_reaches says everywhere else); the others are matched as before, once per scope.
-- Redefined from its running definition (20261203160000_assignees_cc_returns.sql) with only the
-- two recipient queries changed.

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
  -- not reminded already). Memberships that reach their scope are matched once per scope and
  -- roles; those that reach a subtree only, per instance, when their unit is on its path.
  insert into public.workflow_messages (recipient_id, kind, instance_id, event_id, timer_id, state, deadline_at)
  select r.user_id, case when r.escalated then 'escalated' when w.kind = 'before' then 'deadline_soon' else 'overdue' end,
         w.instance_id, w.event_id, w.timer_id, w.state, w.deadline_at
  from pg_temp.wf_due w
  join (
    select x.timer_id, x.user_id, bool_and(x.escalated) as escalated
    from (
      select w.timer_id, s.user_id, s.escalated
      from pg_temp.wf_due w
      join (
        select g.street_id, g.community_key, g.remind_roles, g.escalate_roles, m.user_id,
               bool_and(not m.role::text = any (g.remind_roles)) as escalated
        from (select distinct street_id, coalesce(community_id, 0) as community_key, remind_roles, escalate_roles from pg_temp.wf_due where not assigned) g
        join public.memberships m on (m.role::text = any (g.remind_roles) or m.role::text = any (g.escalate_roles))
          and ((m.community_id is null and m.street_id = g.street_id) or (m.community_id is not null and m.community_id = g.community_key))
          and not private.reaches_subtree(m.unit_id)
        join public.profiles p on p.id = m.user_id and not p.disabled
        group by g.street_id, g.community_key, g.remind_roles, g.escalate_roles, m.user_id
      ) s on s.street_id = w.street_id and s.community_key = coalesce(w.community_id, 0)
         and s.remind_roles = w.remind_roles and s.escalate_roles = w.escalate_roles
      where not w.assigned
      union all
      select w.timer_id, m.user_id, not m.role::text = any (w.remind_roles)
      from pg_temp.wf_due w
      join public.workflow_instances i on i.id = w.instance_id
      join public.memberships m on m.unit_id = any (i.unit_path)
        and (m.role::text = any (w.remind_roles) or m.role::text = any (w.escalate_roles))
        and private.reaches_subtree(m.unit_id)
      join public.profiles p on p.id = m.user_id and not p.disabled
      where not w.assigned
    ) x
    group by x.timer_id, x.user_id
  ) r on r.timer_id = w.timer_id
  where not (r.escalated and w.kind = 'before');
  -- Named handlers; once overdue, the escalation roles (not the handlers themselves).
  insert into public.workflow_messages (recipient_id, kind, instance_id, event_id, timer_id, state, deadline_at)
  select a.user_id, case when w.kind = 'before' then 'deadline_soon' else 'overdue' end, w.instance_id, w.event_id, w.timer_id, w.state, w.deadline_at
  from pg_temp.wf_due w
  join public.workflow_assignments a on a.instance_id = w.instance_id and a.ended_at is null
  where w.assigned
  union all
  select distinct m.user_id, 'escalated', w.instance_id, w.event_id, w.timer_id, w.state, w.deadline_at
  from pg_temp.wf_due w
  join public.workflow_instances i on i.id = w.instance_id
  join public.memberships m on m.role::text = any (w.escalate_roles)
    and ((m.community_id is null and m.street_id = w.street_id) or (m.community_id is not null and m.community_id = w.community_id))
    and private.member_reaches(m, w.street_id, w.community_id, i.unit_path)
  join public.profiles p on p.id = m.user_id and not p.disabled
  where w.assigned and w.kind <> 'before'
    and not exists (select 1 from public.workflow_assignments a where a.instance_id = w.instance_id and a.ended_at is null and a.user_id = m.user_id);

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
