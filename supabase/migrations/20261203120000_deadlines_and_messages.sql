-- Deadlines, reminders and 催办, and the messages they send (workflows/README.md, "Deadlines").
--
-- A version may give a state a deadline (public.workflow_deadlines, written by its compiled
-- migration): so long after the state is entered, or the last day a fact names (the filing
-- window's end). Entering the state plans its timers (public.workflow_timers): one before the
-- deadline (remind_before), one at it; once overdue, again every repeat_every, with the
-- escalation roles told, or an event the system fires (auto-return, auto-close). Leaving the
-- state cancels what is still planned. Time is the database's: private.run_due_timers() acts on
-- what is due, in one transaction per run, so a timer and what it did commit together and a
-- timer is never acted on twice. On hosted Supabase pg_cron runs it every minute (below); the
-- local stack runs the same function every minute and on start (stack/index.ts).
--
-- Everything a timer or a 催办 does is a row of the log (actor null, roles {system}, for the
-- timers) and messages to the people concerned: those who hold a role that may act in the
-- instance's state, in its scope. public.workflow_messages is each user's 消息中心; an outside
-- sender (an Edge Function that e-mails or texts) drains it with the service role and sets
-- sent_at. Events of the engine's own in the log: urge, deadline_soon, overdue.

-- ---------------------------------------------------------------------------------------------
-- Declarations: a state's deadline, per workflow version
-- ---------------------------------------------------------------------------------------------
create table public.workflow_deadlines (
  workflow text not null,
  version int not null,
  state text not null,
  -- the deadline: so long after entering the state, or the end (China time) of the day at a path of the facts
  due_after interval,
  due_fact text[],
  remind_before interval,
  repeat_every interval,
  -- who is reminded and urged: by default (the compiler's) the roles that may act in the state
  remind_roles text[] not null check (cardinality(remind_roles) > 0),
  escalate_roles text[] not null default '{}',
  fire_event text,
  -- 催办 at most once per
  urge_every interval not null default '4 hours',
  primary key (workflow, version, state),
  foreign key (workflow, version) references public.workflow_definitions,
  check ((due_after is null) <> (due_fact is null)),
  check (due_after is null or due_after > interval '0'),
  check (remind_before is null or remind_before > interval '0'),
  check (repeat_every is null or repeat_every >= interval '1 hour')
);

-- The timers of each state entered; done_at once acted on, cancelled_at when the state was left
-- before. deadline_at is the deadline the timer serves (due_at is when it acts next: a repeating
-- one, kind 'repeat', moves on each time instead of being done).
create table public.workflow_timers (
  id bigint generated always as identity primary key,
  instance_id bigint not null references public.workflow_instances on delete restrict,
  state text not null,
  entered_event_id bigint not null references public.workflow_events on delete restrict,
  kind text not null check (kind in ('before', 'due', 'repeat')),
  deadline_at timestamptz not null,
  due_at timestamptz not null,
  done_at timestamptz,
  cancelled_at timestamptz,
  created_at timestamptz not null default clock_timestamp(),
  unique (entered_event_id, kind, due_at)
);
create index workflow_timers_pending_idx on public.workflow_timers (due_at, id) where done_at is null and cancelled_at is null;
create index workflow_timers_instance_idx on public.workflow_timers (instance_id) where done_at is null and cancelled_at is null;

create table public.workflow_messages (
  id bigint generated always as identity primary key,
  -- one foreign key only, to the instance (the 消息中心 reads it with its message): a scheduler
  -- run writes these by the hundred thousand, and each check costs as much as the row; log rows
  -- and timers are never deleted, and a deleted account's messages are read by no one (the
  -- policy reads by recipient)
  recipient_id uuid not null,
  kind text not null check (kind in ('deadline_soon', 'overdue', 'escalated', 'urged')),
  instance_id bigint not null references public.workflow_instances on delete restrict,
  -- the log row it reports (the urge, the reminder) and the timer that sent it
  event_id bigint not null,
  timer_id bigint,
  -- who sent it (催办); null: the system
  sender_id uuid,
  state text not null,
  deadline_at timestamptz,
  comment text,
  created_at timestamptz not null default clock_timestamp(),
  read_at timestamptz,
  -- set by an outside sender once it has passed the message on (e-mail, SMS)
  sent_at timestamptz
);
create index workflow_messages_recipient_idx on public.workflow_messages (recipient_id, id desc);
create index workflow_messages_unread_idx on public.workflow_messages (recipient_id) where read_at is null;

alter table public.workflow_deadlines enable row level security;
alter table public.workflow_timers enable row level security;
alter table public.workflow_messages enable row level security;
revoke all on public.workflow_deadlines, public.workflow_timers, public.workflow_messages from anon, authenticated, service_role;
grant select on public.workflow_deadlines, public.workflow_timers, public.workflow_messages to authenticated, service_role;
-- Read or unread is the recipient's to set; what was sent, the outside sender's.
grant update (read_at) on public.workflow_messages to authenticated;
grant update (sent_at) on public.workflow_messages to service_role;

create policy workflow_deadlines_select on public.workflow_deadlines for select to authenticated using (true);
-- A timer is seen with its instance (the instance's own policy decides).
create policy workflow_timers_select on public.workflow_timers for select to authenticated
using (exists (select 1 from public.workflow_instances i where i.id = instance_id));
-- My messages, while I still see what they are about.
create policy workflow_messages_select on public.workflow_messages for select to authenticated
using (recipient_id = (select auth.uid()) and exists (select 1 from public.workflow_instances i where i.id = instance_id));
create policy workflow_messages_update on public.workflow_messages for update to authenticated
using (recipient_id = (select auth.uid())) with check (recipient_id = (select auth.uid()));

-- ---------------------------------------------------------------------------------------------
-- fire_event, and the same for the system (a deadline's event): one body, private.wf_fire.
-- The system takes the transition whatever its roles (the plugin named the event for it); its
-- guards still decide, and the log row has no actor and the roles {system}.
-- ---------------------------------------------------------------------------------------------
create function private.wf_fire(
  p_instance_id bigint,
  p_event text,
  p_expected_revision int,
  p_payload jsonb,
  p_system boolean
) returns public.workflow_instances
language plpgsql security definer
set search_path = ''
as $$
declare
  v_instance public.workflow_instances;
  v_roles text[];
  v_event_type public.workflow_event_types;
  v_candidate public.workflow_transitions;
  v_chosen public.workflow_transitions;
  v_any_candidate boolean := false;
  v_role_candidate boolean := false;
  v_failed text;
  v_first_failed text;
  v_error jsonb;
  v_input jsonb;
  v_payload jsonb := coalesce(p_payload, '{}');
  v_to text;
  v_final boolean;
  v_event_id bigint;
  v_action text;
  v_facts jsonb := '{}';
begin
  -- The lock serialises fires on one instance; the loser of a race then sees a new revision.
  select * into v_instance from public.workflow_instances where id = p_instance_id for update;
  v_roles := case when p_system then array['system'] when v_instance is null then '{}'
                  else private.roles_in_scope(v_instance.street_id, v_instance.community_id) end;
  if v_instance is null or (not p_system and not private.sees_scope(v_instance.street_id, v_instance.community_id)) then
    perform private.wf_raise('WF007', 'instance not found', jsonb_build_object('instance', p_instance_id));
  end if;

  select * into v_event_type from public.workflow_event_types
  where workflow = v_instance.workflow and version = v_instance.version and event = p_event;
  if v_event_type is null then
    perform private.wf_raise('WF001', 'unknown event', jsonb_build_object('event', p_event, 'workflow', v_instance.workflow));
  end if;
  if p_expected_revision is distinct from v_instance.revision then
    perform private.wf_raise('WF005', 'someone acted on this first; reload and try again',
      jsonb_build_object('expected', p_expected_revision, 'current', v_instance.revision, 'state', v_instance.state));
  end if;

  -- XState's order: transitions of the deepest state first, then document order.
  for v_candidate in
    select t.* from public.workflow_transitions t
    join unnest(private.wf_state_ancestors(v_instance.state)) with ordinality a(state, n) on a.state = t.from_state
    where t.workflow = v_instance.workflow and t.version = v_instance.version and t.event = p_event
    order by a.n, t.priority
  loop
    v_any_candidate := true;
    if not p_system and not v_candidate.roles && v_roles then continue; end if;
    if not v_role_candidate then
      -- Checked once a transition the caller's role may take exists, before any guard reads it.
      v_error := private.wf_json_error(v_event_type.payload_schema, v_payload);
      if v_error is not null then
        perform private.wf_raise('WF006', 'invalid payload', v_error || jsonb_build_object('what', 'payload', 'event', p_event));
      end if;
      v_facts := private.wf_facts(v_instance);
      v_input := jsonb_build_object('form', v_instance.form, 'payload', v_payload, 'roles', to_jsonb(v_roles), 'facts', v_facts);
    end if;
    v_role_candidate := true;
    v_failed := private.wf_failed_guard(v_instance.workflow, v_instance.version, v_candidate.guard, v_input);
    if v_failed is null then
      v_chosen := v_candidate;
      exit;
    end if;
    v_first_failed := coalesce(v_first_failed, v_failed);
  end loop;

  if not v_any_candidate then
    perform private.wf_raise('WF002', 'this action is not available in the current state',
      jsonb_build_object('event', p_event, 'state', v_instance.state));
  elsif not v_role_candidate then
    perform private.wf_raise('WF003', 'your role may not take this action',
      jsonb_build_object('event', p_event, 'yours', v_roles,
        'roles', (select to_jsonb(array_agg(distinct r)) from public.workflow_transitions t, unnest(t.roles) r
                  where t.workflow = v_instance.workflow and t.version = v_instance.version and t.event = p_event
                    and t.from_state = any (private.wf_state_ancestors(v_instance.state)))));
  elsif v_chosen is null then
    perform private.wf_raise('WF004', 'a condition of this action is not met: ' || v_first_failed,
      jsonb_build_object('event', p_event, 'guard', v_first_failed, 'state', v_instance.state, 'facts', v_facts));
  end if;

  v_to := coalesce(v_chosen.to_state, v_instance.state);
  select coalesce((s->>'final')::boolean, false) into v_final
  from public.workflow_definitions d, jsonb_array_elements(d.states) s
  where d.workflow = v_instance.workflow and d.version = v_instance.version and s->>'path' = v_to;

  update public.workflow_instances
  set state = v_to, revision = revision + 1, done = coalesce(v_final, false), updated_at = now()
  where id = p_instance_id
  returning * into v_instance;
  insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, comment, actor_id, actor_roles, street_id, community_id)
  values (v_instance.id, v_instance.workflow, v_instance.version, p_event, v_chosen.from_state, v_to, v_payload,
          nullif(v_payload->>'comment', ''), case when p_system then null else (select auth.uid()) end, v_roles, v_instance.street_id, v_instance.community_id)
  returning id into v_event_id;

  foreach v_action in array v_chosen.actions loop
    if v_action = 'log' then
      null; -- the event is in the log already
    elsif v_action = 'snapshotForm' then
      insert into public.workflow_snapshots (instance_id, event_id, form, street_id, community_id)
      values (v_instance.id, v_event_id, v_instance.form, v_instance.street_id, v_instance.community_id);
    else
      execute format('select workflow_plugins.%I($1, $2, $3)', v_instance.workflow || '_v' || v_instance.version || '__' || v_action)
        using v_instance.id, v_event_id, v_payload;
    end if;
  end loop;
  return v_instance;
end;
$$;


create or replace function public.fire_event(
  p_instance_id bigint,
  p_event text,
  p_expected_revision int,
  p_payload jsonb default '{}'
) returns public.workflow_instances
language sql security definer
set search_path = ''
as $$
  select private.wf_fire(p_instance_id, p_event, p_expected_revision, p_payload, false)
$$;

-- ---------------------------------------------------------------------------------------------
-- Who is concerned, and when a deadline is
-- ---------------------------------------------------------------------------------------------

-- The people concerned with the instance in its state: members (not disabled), where the
-- instance lives, holding a role its deadline reminds or, without one, a role of a transition out
-- of the state or its ancestors.
create function private.wf_handlers(p_instance public.workflow_instances) returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select distinct m.user_id
  from public.memberships m
  join public.profiles p on p.id = m.user_id and not p.disabled
  where m.role::text in (
      select unnest(coalesce(
        (select d.remind_roles from public.workflow_deadlines d
         where d.workflow = p_instance.workflow and d.version = p_instance.version and d.state = p_instance.state),
        (select array_agg(r) from public.workflow_transitions t, unnest(t.roles) r
         where t.workflow = p_instance.workflow and t.version = p_instance.version
           and t.from_state = any (private.wf_state_ancestors(p_instance.state))))))
    and ((m.community_id is null and m.street_id = p_instance.street_id)
      or (m.community_id is not null and m.community_id = p_instance.community_id))
$$;

-- A state's deadline for an instance that entered it at p_entered_at; null when the fact it
-- reads is missing.
create function private.wf_deadline_at(p_instance public.workflow_instances, p_deadline public.workflow_deadlines, p_entered_at timestamptz)
returns timestamptz
language plpgsql stable
set search_path = ''
as $$
declare
  v_day text;
begin
  if p_deadline.due_after is not null then
    return p_entered_at + p_deadline.due_after;
  end if;
  v_day := private.wf_facts(p_instance) #>> p_deadline.due_fact;
  if v_day is null or v_day !~ '^\d{4}-\d{2}-\d{2}$' then
    return null;
  end if;
  -- the end of that day in China
  return ((v_day::date + 1)::timestamp) at time zone 'Asia/Shanghai';
end;
$$;

-- Plans the timers of the state an instance has just entered (its log row p_event_id).
create function private.wf_plan_timers(p_instance_id bigint, p_state text, p_event_id bigint, p_entered_at timestamptz) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  v_instance public.workflow_instances;
  v_deadline public.workflow_deadlines;
  v_at timestamptz;
begin
  select * into v_instance from public.workflow_instances where id = p_instance_id;
  select * into v_deadline from public.workflow_deadlines
  where workflow = v_instance.workflow and version = v_instance.version and state = p_state;
  if v_deadline is null or v_instance.done then
    return;
  end if;
  v_at := private.wf_deadline_at(v_instance, v_deadline, p_entered_at);
  if v_at is null then
    return;
  end if;
  insert into public.workflow_timers (instance_id, state, entered_event_id, kind, deadline_at, due_at)
  values (p_instance_id, p_state, p_event_id, 'due', v_at, v_at);
  if v_deadline.remind_before is not null and v_at - v_deadline.remind_before > p_entered_at then
    insert into public.workflow_timers (instance_id, state, entered_event_id, kind, deadline_at, due_at)
    values (p_instance_id, p_state, p_event_id, 'before', v_at, v_at - v_deadline.remind_before);
  end if;
end;
$$;

-- A log row that moves the instance to another state (or starts it) cancels what the old state
-- still had planned and plans the new state's. The engine's own rows (urge, reminders) and a
-- transition that stays in its state change nothing.
create function private.workflow_events_plan_timers() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.workflow_timers set cancelled_at = now()
  where instance_id = new.instance_id and done_at is null and cancelled_at is null;
  perform private.wf_plan_timers(new.instance_id, new.to_state, new.id, new.created_at);
  return null;
end;
$$;
create trigger workflow_events_plan_timers
after insert on public.workflow_events
for each row when (new.from_state is distinct from new.to_state)
execute function private.workflow_events_plan_timers();

-- ---------------------------------------------------------------------------------------------
-- The scheduler's run
-- ---------------------------------------------------------------------------------------------

-- Acts on every timer that is due (at most p_limit, oldest first) and returns how many. Timers
-- another run holds are skipped, not waited for. A deadline from the facts is asked again
-- first: moved (the window extended), its timers are planned anew instead. The rest is done for
-- all the due timers at once (one statement each for the timers, the log, the messages and the
-- repeats), the people told worked out once per scope and roles, not per timer.
create function private.run_due_timers(p_limit int default 200000) returns int
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
    fire_event text, event_id bigint
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
  -- The log: what the system did, once per timer.
  analyze pg_temp.wf_due;
  insert into public.workflow_events (id, instance_id, workflow, version, event, from_state, to_state, payload, actor_id, actor_roles, street_id, community_id)
  overriding system value
  select w.event_id, w.instance_id, w.workflow, w.version, case w.kind when 'before' then 'deadline_soon' else 'overdue' end, w.state, w.state,
         jsonb_build_object('timer', w.timer_id, 'deadline', w.deadline_at), null, '{system}', w.street_id, w.community_id
  from pg_temp.wf_due w
  order by w.event_id;

  -- Who is told, once per scope and roles: the roles the deadline reminds; once overdue, the
  -- escalation roles too (those not reminded already).
  insert into public.workflow_messages (recipient_id, kind, instance_id, event_id, timer_id, state, deadline_at)
  select r.user_id, case when r.escalated then 'escalated' when w.kind = 'before' then 'deadline_soon' else 'overdue' end,
         w.instance_id, w.event_id, w.timer_id, w.state, w.deadline_at
  from pg_temp.wf_due w
  join (
    select g.street_id, g.community_key, g.remind_roles, g.escalate_roles, m.user_id,
           bool_and(not m.role::text = any (g.remind_roles)) as escalated
    from (select distinct street_id, coalesce(community_id, 0) as community_key, remind_roles, escalate_roles from pg_temp.wf_due) g
    join public.memberships m on (m.role::text = any (g.remind_roles) or m.role::text = any (g.escalate_roles))
      and ((m.community_id is null and m.street_id = g.street_id) or (m.community_id is not null and m.community_id = g.community_key))
    join public.profiles p on p.id = m.user_id and not p.disabled
    group by g.street_id, g.community_key, g.remind_roles, g.escalate_roles, m.user_id
  ) r on r.street_id = w.street_id and r.community_key = coalesce(w.community_id, 0)
     and r.remind_roles = w.remind_roles and r.escalate_roles = w.escalate_roles
  where not (r.escalated and w.kind = 'before');

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

-- ---------------------------------------------------------------------------------------------
-- 催办: a reminder to those who may act now, from someone upstream
-- ---------------------------------------------------------------------------------------------

-- Upstream: the caller has acted on the instance before (its log), or holds a street-wide role
-- where it lives. At most once per the state's urge_every (4 hours unless its deadline says),
-- by anyone. Returns how many people were told. WF013: too soon.
create function public.urge_workflow(p_instance_id bigint, p_comment text default null) returns int
language plpgsql security definer
set search_path = ''
as $$
declare
  v_instance public.workflow_instances;
  v_roles text[];
  v_every interval;
  v_last timestamptz;
  v_event_id bigint;
  v_comment text := nullif(btrim(coalesce(p_comment, '')), '');
  v_count int;
begin
  select * into v_instance from public.workflow_instances where id = p_instance_id for update;
  if v_instance is null or not private.sees_scope(v_instance.street_id, v_instance.community_id) then
    perform private.wf_raise('WF007', 'instance not found', jsonb_build_object('instance', p_instance_id));
  end if;
  if v_instance.done then
    perform private.wf_raise('WF002', 'nothing to urge: the instance is closed', jsonb_build_object('event', 'urge', 'state', v_instance.state));
  end if;
  if char_length(v_comment) > 200 then
    perform private.wf_raise('WF006', 'invalid payload', jsonb_build_object('what', 'payload', 'event', 'urge', 'path', 'comment', 'rule', 'maxLength', 'limit', 200));
  end if;
  v_roles := private.roles_in_scope(v_instance.street_id, v_instance.community_id);
  if not (
    exists (select 1 from public.workflow_events e where e.instance_id = p_instance_id and e.actor_id = (select auth.uid()))
    or exists (select 1 from public.memberships m join public.profiles p on p.id = m.user_id and not p.disabled
               where m.user_id = (select auth.uid()) and m.community_id is null and m.street_id = v_instance.street_id)
  ) then
    perform private.wf_raise('WF003', 'only someone upstream may urge', jsonb_build_object('event', 'urge', 'yours', v_roles));
  end if;
  select coalesce((select d.urge_every from public.workflow_deadlines d
                   where d.workflow = v_instance.workflow and d.version = v_instance.version and d.state = v_instance.state), interval '4 hours')
    into v_every;
  select max(e.created_at) into v_last from public.workflow_events e
  where e.instance_id = p_instance_id and e.event = 'urge' and e.to_state = v_instance.state
    and e.id > (select max(x.id) from public.workflow_events x where x.instance_id = p_instance_id and x.from_state is distinct from x.to_state);
  if v_last is not null and v_last + v_every > now() then
    perform private.wf_raise('WF013', 'urged already', jsonb_build_object('event', 'urge', 'last', v_last, 'next', v_last + v_every));
  end if;

  insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, comment, actor_id, actor_roles, street_id, community_id)
  values (v_instance.id, v_instance.workflow, v_instance.version, 'urge', v_instance.state, v_instance.state,
          case when v_comment is null then '{}'::jsonb else jsonb_build_object('comment', v_comment) end, v_comment,
          (select auth.uid()), v_roles, v_instance.street_id, v_instance.community_id)
  returning id into v_event_id;
  insert into public.workflow_messages (recipient_id, kind, instance_id, event_id, sender_id, state, deadline_at, comment)
  select h, 'urged', v_instance.id, v_event_id, (select auth.uid()), v_instance.state,
         (select min(t.deadline_at) from public.workflow_timers t where t.instance_id = v_instance.id and t.done_at is null and t.cancelled_at is null),
         v_comment
  from private.wf_handlers(v_instance) h
  where h <> (select auth.uid());
  get diagnostics v_count = row_count;
  return v_count;
end;
$$;

revoke all on function private.wf_fire(bigint, text, int, jsonb, boolean), private.wf_handlers(public.workflow_instances),
  private.wf_deadline_at(public.workflow_instances, public.workflow_deadlines, timestamptz),
  private.wf_plan_timers(bigint, text, bigint, timestamptz), private.workflow_events_plan_timers(), private.run_due_timers(int)
  from public, anon, authenticated;
revoke all on function public.urge_workflow(bigint, text) from public, anon;
grant execute on function public.urge_workflow(bigint, text) to authenticated;

-- Hosted Supabase: pg_cron runs the scheduler every minute (Supabase's cron guide). The local
-- stack has no pg_cron and runs the same function itself.
do $$
begin
  if exists (select 1 from pg_available_extensions where name = 'pg_cron') then
    create extension if not exists pg_cron;
    perform cron.schedule('run-due-timers', '* * * * *', 'select private.run_due_timers()');
  end if;
end;
$$;
