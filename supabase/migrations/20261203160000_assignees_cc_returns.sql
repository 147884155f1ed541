-- Named handlers (指派, 转交, 委派), carbon copies (抄送), return to any step passed (退回到任意节点)
-- and batch actions (workflows/README.md, "Handlers, copies and returns").
--
-- A version may say, per state, who may be picked to handle it (public.workflow_state_options:
-- the roles, one or several, whether a pick is required) and whether it can be returned to any
-- step the instance has passed; per event, whom it copies (public.workflow_cc_rules: roles
-- always, and whether the sender may name people). The sender of an event picks the handlers of
-- the state it enters (fire_event's p_assignees); from then on only they act in that state, the
-- deadlines remind them, 催办 goes to them. A handler hands over (转交: the new one takes it) or
-- delegates (委派: the delegate answers with an opinion and it comes back); the street office
-- may reassign (改派). Each is a log row with its comment and a message to whom it concerns.
--
-- Engine events of the log added here: transfer, delegate, delegate_done (in the state), and
-- return_to_step, resume_at_step (moving). Messages: assigned, delegated, delegation_done, cc,
-- returned.

-- ---------------------------------------------------------------------------------------------
-- Declarations
-- ---------------------------------------------------------------------------------------------
create table public.workflow_state_options (
  workflow text not null,
  version int not null,
  state text not null,
  -- who may be picked to handle the state; null: no named handlers, the roles act
  assign_roles text[] check (assign_roles is null or cardinality(assign_roles) > 0),
  assign_multiple boolean not null default false,
  assign_required boolean not null default false,
  -- 退回到任意节点 offered in this state
  return_to_any boolean not null default false,
  primary key (workflow, version, state),
  foreign key (workflow, version) references public.workflow_definitions
);

create table public.workflow_cc_rules (
  workflow text not null,
  version int not null,
  event text not null,
  -- copied every time, where the instance lives
  roles text[] not null default '{}',
  -- the sender may name people too
  pick boolean not null default false,
  primary key (workflow, version, event),
  foreign key (workflow, version) references public.workflow_definitions
);

-- Who handles an instance's state now (ended_at null) and who did before. An owner acts; a
-- delegate (委派) answers its owner (delegated_by) and acts on nothing else. A row ends when the
-- state is left, or at the 转交 / 委派 answer that ends it.
create table public.workflow_assignments (
  id bigint generated always as identity primary key,
  instance_id bigint not null references public.workflow_instances on delete restrict,
  state text not null,
  user_id uuid not null,
  kind text not null check (kind in ('owner', 'delegate')),
  delegated_by uuid,
  -- the log row that made it (a transition, a 转交, a 委派) and the one that ended it
  event_id bigint not null references public.workflow_events on delete restrict,
  ended_event_id bigint references public.workflow_events on delete restrict,
  created_at timestamptz not null default clock_timestamp(),
  ended_at timestamptz,
  check ((kind = 'delegate') = (delegated_by is not null)),
  check ((ended_at is null) = (ended_event_id is null))
);
create unique index workflow_assignments_active_idx on public.workflow_assignments (instance_id, user_id) where ended_at is null;
create index workflow_assignments_user_idx on public.workflow_assignments (user_id, instance_id) where ended_at is null;
create index workflow_assignments_event_idx on public.workflow_assignments (event_id);

alter table public.workflow_state_options enable row level security;
alter table public.workflow_cc_rules enable row level security;
alter table public.workflow_assignments enable row level security;
revoke all on public.workflow_state_options, public.workflow_cc_rules, public.workflow_assignments from anon, authenticated, service_role;
grant select on public.workflow_state_options, public.workflow_cc_rules, public.workflow_assignments to authenticated, service_role;
create policy workflow_state_options_select on public.workflow_state_options for select to authenticated using (true);
create policy workflow_cc_rules_select on public.workflow_cc_rules for select to authenticated using (true);
-- Seen with the instance (its own policy decides).
create policy workflow_assignments_select on public.workflow_assignments for select to authenticated
using (exists (select 1 from public.workflow_instances i where i.id = instance_id));

alter table public.workflow_messages drop constraint workflow_messages_kind_check;
alter table public.workflow_messages add constraint workflow_messages_kind_check
  check (kind in ('deadline_soon', 'overdue', 'escalated', 'urged', 'assigned', 'delegated', 'delegation_done', 'cc', 'returned'));

-- ---------------------------------------------------------------------------------------------
-- Who may handle, and who handles now
-- ---------------------------------------------------------------------------------------------

-- A member (not disabled) where the instance lives holding one of the roles.
create function private.wf_eligible(p_instance public.workflow_instances, p_user uuid, p_roles text[]) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    where m.user_id = p_user and m.role::text = any (p_roles)
      and ((m.community_id is null and m.street_id = p_instance.street_id)
        or (m.community_id is not null and m.community_id = p_instance.community_id)))
$$;

-- Why the caller may not act in the instance's state though their role may: null when they may.
-- 'assigned': it has named handlers and the caller is not one; 'delegate': the caller holds it
-- only as a delegate, to answer.
create function private.wf_assignee_refusal(p_instance_id bigint) returns text
language sql stable security definer
set search_path = ''
as $$
  select case
    when not exists (select 1 from public.workflow_assignments a where a.instance_id = p_instance_id and a.ended_at is null) then null
    when exists (select 1 from public.workflow_assignments a where a.instance_id = p_instance_id and a.ended_at is null
                 and a.kind = 'owner' and a.user_id = (select auth.uid())) then null
    when exists (select 1 from public.workflow_assignments a where a.instance_id = p_instance_id and a.ended_at is null
                 and a.kind = 'delegate' and a.user_id = (select auth.uid())) then 'delegate'
    when not exists (select 1 from public.workflow_assignments a where a.instance_id = p_instance_id and a.ended_at is null and a.kind = 'owner') then null
    else 'assigned'
  end
$$;

create function private.wf_refuse_unassigned(p_instance public.workflow_instances, p_event text) returns void
language plpgsql stable
set search_path = ''
as $$
declare
  v_reason text := private.wf_assignee_refusal(p_instance.id);
begin
  if v_reason is not null then
    perform private.wf_raise('WF014', 'this step is assigned to someone else',
      jsonb_build_object('event', p_event, 'state', p_instance.state, 'reason', v_reason));
  end if;
end;
$$;

-- The people concerned with the instance in its state: its named handlers when it has any;
-- else the members where it lives holding a role its deadline reminds or, without one, a role
-- of a transition out of the state or its ancestors.
create or replace function private.wf_handlers(p_instance public.workflow_instances) returns setof uuid
language sql stable security definer
set search_path = ''
as $$
  select a.user_id from public.workflow_assignments a
  where a.instance_id = p_instance.id and a.ended_at is null
  union
  select m.user_id
  from public.memberships m
  join public.profiles p on p.id = m.user_id and not p.disabled
  where not exists (select 1 from public.workflow_assignments a where a.instance_id = p_instance.id and a.ended_at is null)
    and m.role::text in (
      select unnest(coalesce(
        (select d.remind_roles from public.workflow_deadlines d
         where d.workflow = p_instance.workflow and d.version = p_instance.version and d.state = p_instance.state),
        (select array_agg(r) from public.workflow_transitions t, unnest(t.roles) r
         where t.workflow = p_instance.workflow and t.version = p_instance.version
           and t.from_state = any (private.wf_state_ancestors(p_instance.state))))))
    and ((m.community_id is null and m.street_id = p_instance.street_id)
      or (m.community_id is not null and m.community_id = p_instance.community_id))
$$;

-- Names the handlers of the state an instance has just entered (its log row p_event_id) and
-- tells them. Without a pick: whoever last handled the state before (a return goes back to
-- them) while they still may; else none (the roles act) unless the state requires a pick and
-- p_lenient is false (the sender must pick). Refusals are WF006 on `assignees`. Each is told
-- (p_message_kind: assigned, or returned for a return).
create function private.wf_assign(p_instance public.workflow_instances, p_event text, p_event_id bigint, p_assignees uuid[], p_lenient boolean,
                                  p_message_kind text default 'assigned')
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  v_option public.workflow_state_options;
  v_picked uuid[];
  v_previous uuid;
  v_index int;
begin
  select * into v_option from public.workflow_state_options
  where workflow = p_instance.workflow and version = p_instance.version and state = p_instance.state;
  select array_agg(distinct u) into v_picked from unnest(coalesce(p_assignees, '{}')) u where u is not null;
  if v_option.assign_roles is null then
    if v_picked is not null then
      perform private.wf_raise('WF006', 'this step takes no handlers',
        jsonb_build_object('what', 'payload', 'event', p_event, 'path', 'assignees', 'rule', 'noAssignees'));
    end if;
    return;
  end if;
  if v_picked is null then
    select e.actor_id into v_previous from public.workflow_events e
    where e.instance_id = p_instance.id and e.id < p_event_id and e.from_state = p_instance.state
      and e.to_state is distinct from e.from_state and e.actor_id is not null
    order by e.id desc limit 1;
    if v_previous is not null and private.wf_eligible(p_instance, v_previous, v_option.assign_roles) then
      v_picked := array[v_previous];
    elsif v_option.assign_required and not p_lenient then
      perform private.wf_raise('WF006', 'pick who handles the next step',
        jsonb_build_object('what', 'payload', 'event', p_event, 'path', 'assignees', 'rule', 'required'));
    else
      return;
    end if;
  end if;
  if not v_option.assign_multiple and cardinality(v_picked) > 1 then
    perform private.wf_raise('WF006', 'one handler only',
      jsonb_build_object('what', 'payload', 'event', p_event, 'path', 'assignees', 'rule', 'maxItems', 'limit', 1));
  end if;
  for v_index in 1 .. cardinality(v_picked) loop
    if not private.wf_eligible(p_instance, v_picked[v_index], v_option.assign_roles) then
      perform private.wf_raise('WF006', 'not someone who may handle this step',
        jsonb_build_object('what', 'payload', 'event', p_event, 'path', 'assignees[' || (v_index - 1) || ']', 'rule', 'eligible'));
    end if;
  end loop;
  insert into public.workflow_assignments (instance_id, state, user_id, kind, event_id)
  select p_instance.id, p_instance.state, u, 'owner', p_event_id from unnest(v_picked) u;
  insert into public.workflow_messages (recipient_id, kind, instance_id, event_id, sender_id, state, comment)
  select u, p_message_kind, p_instance.id, p_event_id, (select auth.uid()), p_instance.state,
         (select e.comment from public.workflow_events e where e.id = p_event_id)
  from unnest(v_picked) u
  where u is distinct from (select auth.uid());
end;
$$;

-- Copies of an event (抄送): the roles its rule copies where the instance lives, and the people
-- the sender named (when the rule lets them), each a member there; not the sender. Refusals are
-- WF006 on `cc`.
create function private.wf_copy(p_instance public.workflow_instances, p_event text, p_event_id bigint, p_cc uuid[])
returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  v_rule public.workflow_cc_rules;
  v_named uuid[];
  v_index int;
begin
  select * into v_rule from public.workflow_cc_rules
  where workflow = p_instance.workflow and version = p_instance.version and event = p_event;
  select array_agg(distinct u) into v_named from unnest(coalesce(p_cc, '{}')) u where u is not null;
  if v_named is not null and not coalesce(v_rule.pick, false) then
    perform private.wf_raise('WF006', 'this action copies no one you name',
      jsonb_build_object('what', 'payload', 'event', p_event, 'path', 'cc', 'rule', 'noCc'));
  end if;
  for v_index in 1 .. coalesce(cardinality(v_named), 0) loop
    if not exists (select 1 from public.memberships m join public.profiles p on p.id = m.user_id and not p.disabled
                   where m.user_id = v_named[v_index]
                     and ((m.community_id is null and m.street_id = p_instance.street_id)
                       or (m.community_id is not null and m.community_id = p_instance.community_id))) then
      perform private.wf_raise('WF006', 'not someone here',
        jsonb_build_object('what', 'payload', 'event', p_event, 'path', 'cc[' || (v_index - 1) || ']', 'rule', 'eligible'));
    end if;
  end loop;
  if v_rule is null then
    return;
  end if;
  insert into public.workflow_messages (recipient_id, kind, instance_id, event_id, sender_id, state, comment)
  select u, 'cc', p_instance.id, p_event_id, (select auth.uid()), p_instance.state,
         (select e.comment from public.workflow_events e where e.id = p_event_id)
  from (
    select m.user_id as u from public.memberships m join public.profiles p on p.id = m.user_id and not p.disabled
    where m.role::text = any (v_rule.roles)
      and ((m.community_id is null and m.street_id = p_instance.street_id)
        or (m.community_id is not null and m.community_id = p_instance.community_id))
    union
    select unnest(coalesce(v_named, '{}'))
  ) r
  where u is distinct from (select auth.uid());
end;
$$;

-- The state an instance was in before a log row: the row before it says (every row records
-- the state it leaves the instance in). A transition of an ancestor state that has no target
-- (a note in a compound state) logs the ancestor as from_state, though the instance stays.
create function private.wf_state_before(p_instance_id bigint, p_event_id bigint) returns text
language sql stable
set search_path = ''
as $$
  select e.to_state from public.workflow_events e
  where e.instance_id = p_instance_id and e.id < p_event_id
  order by e.id desc limit 1
$$;

-- Leaving a state ends its handlers' rows (the log row that moved it ends them).
create function private.workflow_events_end_assignments() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if private.wf_state_before(new.instance_id, new.id) is not distinct from new.to_state then
    return null;
  end if;
  update public.workflow_assignments set ended_at = now(), ended_event_id = new.id
  where instance_id = new.instance_id and ended_at is null;
  return null;
end;
$$;
-- The timers likewise: a targetless transition of an ancestor keeps the state's timers.
create or replace function private.workflow_events_plan_timers() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if private.wf_state_before(new.instance_id, new.id) is not distinct from new.to_state then
    return null;
  end if;
  update public.workflow_timers set cancelled_at = now()
  where instance_id = new.instance_id and done_at is null and cancelled_at is null;
  perform private.wf_plan_timers(new.instance_id, new.to_state, new.id, new.created_at);
  return null;
end;
$$;

create trigger workflow_events_end_assignments
after insert on public.workflow_events
for each row when (new.from_state is distinct from new.to_state)
execute function private.workflow_events_end_assignments();

-- ---------------------------------------------------------------------------------------------
-- fire_event with handlers and copies
-- ---------------------------------------------------------------------------------------------
create function private.wf_fire(
  p_instance_id bigint,
  p_event text,
  p_expected_revision int,
  p_payload jsonb,
  p_system boolean,
  p_assignees uuid[],
  p_cc uuid[]
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
  v_from text;
begin
  -- The lock serialises fires on one instance; the loser of a race then sees a new revision.
  select * into v_instance from public.workflow_instances where id = p_instance_id for update;
  v_roles := case when p_system then array['system'] when v_instance is null then '{}'
                  else private.roles_in_scope(v_instance.street_id, v_instance.community_id) end;
  if v_instance is null or (not p_system and not private.sees_scope(v_instance.street_id, v_instance.community_id)) then
    perform private.wf_raise('WF007', 'instance not found', jsonb_build_object('instance', p_instance_id));
  end if;
  v_from := v_instance.state;

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
      -- A step with named handlers is theirs (the system's deadlines act on it regardless).
      if not p_system then
        perform private.wf_refuse_unassigned(v_instance, p_event);
      end if;
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

  -- The next step's handlers, when it moved (a step kept keeps its handlers); then the copies.
  if v_to is distinct from v_from and not v_final then
    perform private.wf_assign(v_instance, p_event, v_event_id, p_assignees, p_system);
  elsif cardinality(p_assignees) > 0 then
    perform private.wf_raise('WF006', 'this action picks no handlers',
      jsonb_build_object('what', 'payload', 'event', p_event, 'path', 'assignees', 'rule', 'noAssignees'));
  end if;
  perform private.wf_copy(v_instance, p_event, v_event_id, p_cc);

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

-- The scheduler's call (run_due_timers) keeps its five arguments.
create or replace function private.wf_fire(
  p_instance_id bigint,
  p_event text,
  p_expected_revision int,
  p_payload jsonb,
  p_system boolean
) returns public.workflow_instances
language sql security definer
set search_path = ''
as $$
  select private.wf_fire(p_instance_id, p_event, p_expected_revision, p_payload, p_system, null, null)
$$;

drop function public.fire_event(bigint, text, int, jsonb);
create function public.fire_event(
  p_instance_id bigint,
  p_event text,
  p_expected_revision int,
  p_payload jsonb default '{}',
  p_assignees uuid[] default null,
  p_cc uuid[] default null
) returns public.workflow_instances
language sql security definer
set search_path = ''
as $$
  select private.wf_fire(p_instance_id, p_event, p_expected_revision, p_payload, false, p_assignees, p_cc)
$$;

-- ---------------------------------------------------------------------------------------------
-- 转交, 委派, 改派
-- ---------------------------------------------------------------------------------------------

create function private.wf_comment(p_comment text, p_event text) returns text
language plpgsql immutable
set search_path = ''
as $$
declare
  v_comment text := btrim(coalesce(p_comment, ''));
begin
  if char_length(v_comment) < 2 then
    perform private.wf_raise('WF006', 'a comment is required',
      jsonb_build_object('what', 'payload', 'event', p_event, 'path', 'comment', 'rule', case when v_comment = '' then 'required' else 'minLength' end, 'limit', 2));
  elsif char_length(v_comment) > 500 then
    perform private.wf_raise('WF006', 'the comment is too long',
      jsonb_build_object('what', 'payload', 'event', p_event, 'path', 'comment', 'rule', 'maxLength', 'limit', 500));
  end if;
  return v_comment;
end;
$$;

-- The instance, locked, if the caller sees it and it is open; else WF007 / WF002.
create function private.wf_lock_open(p_instance_id bigint, p_event text) returns public.workflow_instances
language plpgsql security definer
set search_path = ''
as $$
declare
  v_instance public.workflow_instances;
begin
  select * into v_instance from public.workflow_instances where id = p_instance_id for update;
  if v_instance is null or not private.sees_scope(v_instance.street_id, v_instance.community_id) then
    perform private.wf_raise('WF007', 'instance not found', jsonb_build_object('instance', p_instance_id));
  end if;
  if v_instance.done then
    perform private.wf_raise('WF002', 'the instance is closed', jsonb_build_object('event', p_event, 'state', v_instance.state));
  end if;
  return v_instance;
end;
$$;

-- 转交 by a handler (the new one takes it in their place), or 改派 by the street office where it
-- lives (the new one replaces every handler). Returns the instance.
create function public.transfer_workflow(p_instance_id bigint, p_to uuid, p_comment text) returns public.workflow_instances
language plpgsql security definer
set search_path = ''
as $$
declare
  v_instance public.workflow_instances := private.wf_lock_open(p_instance_id, 'transfer');
  v_option public.workflow_state_options;
  v_comment text;
  v_owner boolean;
  v_event_id bigint;
  v_roles text[] := private.roles_in_scope(v_instance.street_id, v_instance.community_id);
begin
  v_owner := exists (select 1 from public.workflow_assignments a where a.instance_id = p_instance_id and a.ended_at is null
                     and a.kind = 'owner' and a.user_id = (select auth.uid()));
  if not v_owner and not exists (select 1 from public.workflow_assignments a where a.instance_id = p_instance_id and a.ended_at is null and a.kind = 'owner') then
    perform private.wf_raise('WF002', 'this step has no named handlers', jsonb_build_object('event', 'transfer', 'state', v_instance.state));
  end if;
  if not v_owner and not exists (select 1 from public.memberships m join public.profiles p on p.id = m.user_id and not p.disabled
                                 where m.user_id = (select auth.uid()) and m.role = 'street_office'
                                   and m.community_id is null and m.street_id = v_instance.street_id) then
    perform private.wf_raise('WF014', 'only its handler or the street office may hand it over',
      jsonb_build_object('event', 'transfer', 'state', v_instance.state, 'reason', 'assigned'));
  end if;
  v_comment := private.wf_comment(p_comment, 'transfer');
  select * into v_option from public.workflow_state_options
  where workflow = v_instance.workflow and version = v_instance.version and state = v_instance.state;
  if p_to is null or p_to = (select auth.uid()) or not private.wf_eligible(v_instance, p_to, v_option.assign_roles)
     or exists (select 1 from public.workflow_assignments a where a.instance_id = p_instance_id and a.ended_at is null and a.kind = 'owner' and a.user_id = p_to) then
    perform private.wf_raise('WF006', 'not someone who may take this step',
      jsonb_build_object('what', 'payload', 'event', 'transfer', 'path', 'to', 'rule', 'eligible'));
  end if;
  insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, comment, actor_id, actor_roles, street_id, community_id)
  values (v_instance.id, v_instance.workflow, v_instance.version, 'transfer', v_instance.state, v_instance.state,
          jsonb_build_object('to', p_to, 'comment', v_comment), v_comment, (select auth.uid()), v_roles, v_instance.street_id, v_instance.community_id)
  returning id into v_event_id;
  -- The handler's own row (and what they delegated) ends; the office's 改派 ends every row.
  update public.workflow_assignments set ended_at = now(), ended_event_id = v_event_id
  where instance_id = p_instance_id and ended_at is null
    and (not v_owner or user_id = (select auth.uid()) or delegated_by = (select auth.uid()));
  insert into public.workflow_assignments (instance_id, state, user_id, kind, event_id)
  values (p_instance_id, v_instance.state, p_to, 'owner', v_event_id);
  insert into public.workflow_messages (recipient_id, kind, instance_id, event_id, sender_id, state, comment)
  values (p_to, 'assigned', p_instance_id, v_event_id, (select auth.uid()), v_instance.state, v_comment);
  update public.workflow_instances set revision = revision + 1, updated_at = now() where id = p_instance_id returning * into v_instance;
  return v_instance;
end;
$$;

-- 委派 by a handler: the delegate answers with an opinion (finish_delegation) and it comes back;
-- the handler still decides. One delegation at a time.
create function public.delegate_workflow(p_instance_id bigint, p_to uuid, p_comment text) returns public.workflow_instances
language plpgsql security definer
set search_path = ''
as $$
declare
  v_instance public.workflow_instances := private.wf_lock_open(p_instance_id, 'delegate');
  v_option public.workflow_state_options;
  v_comment text;
  v_event_id bigint;
begin
  if not exists (select 1 from public.workflow_assignments a where a.instance_id = p_instance_id and a.ended_at is null and a.kind = 'owner') then
    perform private.wf_raise('WF002', 'this step has no named handlers', jsonb_build_object('event', 'delegate', 'state', v_instance.state));
  end if;
  if not exists (select 1 from public.workflow_assignments a where a.instance_id = p_instance_id and a.ended_at is null
                 and a.kind = 'owner' and a.user_id = (select auth.uid())) then
    perform private.wf_raise('WF014', 'only its handler may delegate it',
      jsonb_build_object('event', 'delegate', 'state', v_instance.state, 'reason', 'assigned'));
  end if;
  if exists (select 1 from public.workflow_assignments a where a.instance_id = p_instance_id and a.ended_at is null
             and a.delegated_by = (select auth.uid())) then
    perform private.wf_raise('WF002', 'delegated already', jsonb_build_object('event', 'delegate', 'state', v_instance.state));
  end if;
  v_comment := private.wf_comment(p_comment, 'delegate');
  select * into v_option from public.workflow_state_options
  where workflow = v_instance.workflow and version = v_instance.version and state = v_instance.state;
  if p_to is null or p_to = (select auth.uid()) or not private.wf_eligible(v_instance, p_to, v_option.assign_roles)
     or exists (select 1 from public.workflow_assignments a where a.instance_id = p_instance_id and a.ended_at is null and a.user_id = p_to) then
    perform private.wf_raise('WF006', 'not someone who may take this step',
      jsonb_build_object('what', 'payload', 'event', 'delegate', 'path', 'to', 'rule', 'eligible'));
  end if;
  insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, comment, actor_id, actor_roles, street_id, community_id)
  values (v_instance.id, v_instance.workflow, v_instance.version, 'delegate', v_instance.state, v_instance.state,
          jsonb_build_object('to', p_to, 'comment', v_comment), v_comment, (select auth.uid()),
          private.roles_in_scope(v_instance.street_id, v_instance.community_id), v_instance.street_id, v_instance.community_id)
  returning id into v_event_id;
  insert into public.workflow_assignments (instance_id, state, user_id, kind, delegated_by, event_id)
  values (p_instance_id, v_instance.state, p_to, 'delegate', (select auth.uid()), v_event_id);
  insert into public.workflow_messages (recipient_id, kind, instance_id, event_id, sender_id, state, comment)
  values (p_to, 'delegated', p_instance_id, v_event_id, (select auth.uid()), v_instance.state, v_comment);
  update public.workflow_instances set revision = revision + 1, updated_at = now() where id = p_instance_id returning * into v_instance;
  return v_instance;
end;
$$;

-- The delegate's answer: its opinion goes back to whoever delegated it.
create function public.finish_delegation(p_instance_id bigint, p_comment text) returns public.workflow_instances
language plpgsql security definer
set search_path = ''
as $$
declare
  v_instance public.workflow_instances := private.wf_lock_open(p_instance_id, 'delegate_done');
  v_row public.workflow_assignments;
  v_comment text;
  v_event_id bigint;
begin
  select * into v_row from public.workflow_assignments a
  where a.instance_id = p_instance_id and a.ended_at is null and a.kind = 'delegate' and a.user_id = (select auth.uid());
  if v_row is null then
    perform private.wf_raise('WF002', 'nothing delegated to you here', jsonb_build_object('event', 'delegate_done', 'state', v_instance.state));
  end if;
  v_comment := private.wf_comment(p_comment, 'delegate_done');
  insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, comment, actor_id, actor_roles, street_id, community_id)
  values (v_instance.id, v_instance.workflow, v_instance.version, 'delegate_done', v_instance.state, v_instance.state,
          jsonb_build_object('to', v_row.delegated_by, 'comment', v_comment), v_comment, (select auth.uid()),
          private.roles_in_scope(v_instance.street_id, v_instance.community_id), v_instance.street_id, v_instance.community_id)
  returning id into v_event_id;
  update public.workflow_assignments set ended_at = now(), ended_event_id = v_event_id where id = v_row.id;
  insert into public.workflow_messages (recipient_id, kind, instance_id, event_id, sender_id, state, comment)
  values (v_row.delegated_by, 'delegation_done', p_instance_id, v_event_id, (select auth.uid()), v_instance.state, v_comment);
  update public.workflow_instances set revision = revision + 1, updated_at = now() where id = p_instance_id returning * into v_instance;
  return v_instance;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- 退回到任意节点, and back to the step that returned it
-- ---------------------------------------------------------------------------------------------

-- Whether the caller may act in the instance's state: a role of a transition out of it (or an
-- ancestor), and, when it has named handlers, one of them. WF003 / WF014.
create function private.wf_refuse_non_handler(p_instance public.workflow_instances, p_event text, p_roles text[]) returns void
language plpgsql stable security definer
set search_path = ''
as $$
begin
  if not exists (select 1 from public.workflow_transitions t
                 where t.workflow = p_instance.workflow and t.version = p_instance.version
                   and t.from_state = any (private.wf_state_ancestors(p_instance.state)) and t.roles && p_roles) then
    perform private.wf_raise('WF003', 'your role may not act in this step', jsonb_build_object('event', p_event, 'yours', p_roles));
  end if;
  perform private.wf_refuse_unassigned(p_instance, p_event);
end;
$$;

-- Moves an instance by the engine (a return, a resumption): the state, the log row, the copy
-- of the form when asked; the triggers plan the new state's timers and end the old handlers.
create function private.wf_jump(p_instance public.workflow_instances, p_event text, p_to text, p_payload jsonb, p_roles text[], p_snapshot boolean)
returns bigint
language plpgsql security definer
set search_path = ''
as $$
declare
  v_event_id bigint;
begin
  update public.workflow_instances set state = p_to, revision = revision + 1, done = false, updated_at = now() where id = p_instance.id;
  insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, comment, actor_id, actor_roles, street_id, community_id)
  values (p_instance.id, p_instance.workflow, p_instance.version, p_event, p_instance.state, p_to, p_payload,
          nullif(p_payload->>'comment', ''), (select auth.uid()), p_roles, p_instance.street_id, p_instance.community_id)
  returning id into v_event_id;
  if p_snapshot then
    insert into public.workflow_snapshots (instance_id, event_id, form, street_id, community_id)
    values (p_instance.id, v_event_id, p_instance.form, p_instance.street_id, p_instance.community_id);
  end if;
  return v_event_id;
end;
$$;

-- The steps an instance may be returned to from where it stands: atomic states it entered
-- before (in the order first entered), not the current one, not final.
create function public.workflow_return_targets(p_instance_id bigint) returns text[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(s.state order by s.first_id), '{}')
  from (
    select e.to_state as state, min(e.id) as first_id
    from public.workflow_events e
    join public.workflow_instances i on i.id = e.instance_id
    where e.instance_id = p_instance_id and e.to_state <> i.state
      and (e.from_state is null or e.from_state is distinct from e.to_state)
      and private.sees_scope(i.street_id, i.community_id)
      and not exists (select 1 from public.workflow_definitions d, jsonb_array_elements(d.states) st
                      where d.workflow = i.workflow and d.version = i.version and st->>'path' = e.to_state
                        and coalesce((st->>'final')::boolean, false))
    group by e.to_state
  ) s
$$;

-- 退回 from a state whose version offers it to any step the instance has passed, with the
-- comment; the step's last handler has it again (when the state names handlers).
create function public.return_workflow(p_instance_id bigint, p_to_state text, p_expected_revision int, p_comment text)
returns public.workflow_instances
language plpgsql security definer
set search_path = ''
as $$
declare
  v_instance public.workflow_instances := private.wf_lock_open(p_instance_id, 'return_to_step');
  v_roles text[] := private.roles_in_scope(v_instance.street_id, v_instance.community_id);
  v_comment text;
  v_event_id bigint;
begin
  if not coalesce((select o.return_to_any from public.workflow_state_options o
                   where o.workflow = v_instance.workflow and o.version = v_instance.version and o.state = v_instance.state), false) then
    perform private.wf_raise('WF002', 'no return to any step here', jsonb_build_object('event', 'return_to_step', 'state', v_instance.state));
  end if;
  if p_expected_revision is distinct from v_instance.revision then
    perform private.wf_raise('WF005', 'someone acted on this first; reload and try again',
      jsonb_build_object('expected', p_expected_revision, 'current', v_instance.revision, 'state', v_instance.state));
  end if;
  perform private.wf_refuse_non_handler(v_instance, 'return_to_step', v_roles);
  v_comment := private.wf_comment(p_comment, 'return_to_step');
  if p_to_state is null or not p_to_state = any (public.workflow_return_targets(p_instance_id)) then
    perform private.wf_raise('WF006', 'not a step it has passed',
      jsonb_build_object('what', 'payload', 'event', 'return_to_step', 'path', 'to_state', 'rule', 'passed'));
  end if;
  v_event_id := private.wf_jump(v_instance, 'return_to_step', p_to_state, jsonb_build_object('comment', v_comment), v_roles, false);
  select * into v_instance from public.workflow_instances where id = p_instance_id;
  perform private.wf_assign(v_instance, 'return_to_step', v_event_id, null, true, 'returned');
  -- (no named handler there: those the step's roles concern)
  if not exists (select 1 from public.workflow_assignments a where a.instance_id = p_instance_id and a.ended_at is null) then
    insert into public.workflow_messages (recipient_id, kind, instance_id, event_id, sender_id, state, comment)
    select h, 'returned', p_instance_id, v_event_id, (select auth.uid()), v_instance.state, v_comment
    from private.wf_handlers(v_instance) h
    where h <> (select auth.uid());
  end if;
  return v_instance;
end;
$$;

-- After a return to any step, straight back to the step that returned it (提交至退回节点), by
-- whoever may act where it was returned to, when a way on from here would be allowed now (a
-- transition of theirs whose guards pass); the form is kept as the transition would keep it.
-- The step's handler is who returned it.
create function public.resume_workflow(p_instance_id bigint, p_expected_revision int, p_comment text default null)
returns public.workflow_instances
language plpgsql security definer
set search_path = ''
as $$
declare
  v_instance public.workflow_instances := private.wf_lock_open(p_instance_id, 'resume_at_step');
  v_roles text[] := private.roles_in_scope(v_instance.street_id, v_instance.community_id);
  v_return public.workflow_events;
  v_candidate public.workflow_transitions;
  v_passing public.workflow_transitions;
  v_failed text;
  v_first_failed text;
  v_input jsonb;
  v_comment text := nullif(btrim(coalesce(p_comment, '')), '');
  v_event_id bigint;
begin
  select * into v_return from public.workflow_events e
  where e.instance_id = p_instance_id and e.from_state is distinct from e.to_state
  order by e.id desc limit 1;
  if v_return.event is distinct from 'return_to_step' or v_return.to_state is distinct from v_instance.state then
    perform private.wf_raise('WF002', 'it was not returned here', jsonb_build_object('event', 'resume_at_step', 'state', v_instance.state));
  end if;
  if p_expected_revision is distinct from v_instance.revision then
    perform private.wf_raise('WF005', 'someone acted on this first; reload and try again',
      jsonb_build_object('expected', p_expected_revision, 'current', v_instance.revision, 'state', v_instance.state));
  end if;
  perform private.wf_refuse_non_handler(v_instance, 'resume_at_step', v_roles);
  if char_length(v_comment) > 500 then
    perform private.wf_raise('WF006', 'the comment is too long',
      jsonb_build_object('what', 'payload', 'event', 'resume_at_step', 'path', 'comment', 'rule', 'maxLength', 'limit', 500));
  end if;
  v_input := jsonb_build_object('form', v_instance.form, 'payload', '{}'::jsonb, 'roles', to_jsonb(v_roles), 'facts', private.wf_facts(v_instance));
  for v_candidate in
    select t.* from public.workflow_transitions t
    join unnest(private.wf_state_ancestors(v_instance.state)) with ordinality a(state, n) on a.state = t.from_state
    where t.workflow = v_instance.workflow and t.version = v_instance.version and t.roles && v_roles
      and t.to_state is not null and t.to_state <> v_instance.state
    order by a.n, t.priority
  loop
    v_failed := private.wf_failed_guard(v_instance.workflow, v_instance.version, v_candidate.guard, v_input);
    if v_failed is null then
      v_passing := v_candidate;
      exit;
    end if;
    v_first_failed := coalesce(v_first_failed, v_failed);
  end loop;
  if v_passing is null then
    perform private.wf_raise('WF004', 'a condition of going on is not met: ' || coalesce(v_first_failed, ''),
      jsonb_build_object('event', 'resume_at_step', 'guard', v_first_failed, 'state', v_instance.state));
  end if;
  v_event_id := private.wf_jump(v_instance, 'resume_at_step', v_return.from_state,
    case when v_comment is null then '{}'::jsonb else jsonb_build_object('comment', v_comment) end, v_roles,
    'snapshotForm' = any (v_passing.actions));
  select * into v_instance from public.workflow_instances where id = p_instance_id;
  -- (its handler: whoever last left the step, who returned it, while they still may)
  perform private.wf_assign(v_instance, 'resume_at_step', v_event_id, null, true);
  return v_instance;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Batch actions: one event on several instances, each its own transition; a refused one is
-- reported and the others go on.
-- ---------------------------------------------------------------------------------------------
create function public.fire_event_batch(p_event text, p_items jsonb, p_payload jsonb default '{}')
returns table (instance_id bigint, ok boolean, code text, message text, details text)
language plpgsql
set search_path = ''
as $$
declare
  v_item jsonb;
begin
  if jsonb_typeof(p_items) is distinct from 'array' or jsonb_array_length(p_items) > 200 then
    perform private.wf_raise('WF006', 'at most 200 items at once',
      jsonb_build_object('what', 'payload', 'event', p_event, 'path', 'items', 'rule', 'maxItems', 'limit', 200));
  end if;
  for v_item in select * from jsonb_array_elements(p_items) loop
    instance_id := (v_item->>'id')::bigint;
    begin
      perform public.fire_event(instance_id, p_event, (v_item->>'revision')::int, p_payload);
      ok := true; code := null; message := null; details := null;
    exception when others then
      get stacked diagnostics code = returned_sqlstate, message = message_text, details = pg_exception_detail;
      ok := false;
    end;
    return next;
  end loop;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- Who may be picked: the members where an instance lives, with their roles there, for those who
-- see it (names and roles only).
-- ---------------------------------------------------------------------------------------------
create function public.workflow_members(p_instance_id bigint)
returns table (user_id uuid, full_name text, roles text[])
language sql stable security definer
set search_path = ''
as $$
  select m.user_id, coalesce(nullif(p.full_name, ''), split_part(p.email, '@', 1)), array_agg(distinct m.role::text order by m.role::text)
  from public.workflow_instances i
  join public.memberships m on (m.community_id is null and m.street_id = i.street_id) or (m.community_id is not null and m.community_id = i.community_id)
  join public.profiles p on p.id = m.user_id and not p.disabled
  where i.id = p_instance_id and private.sees_scope(i.street_id, i.community_id)
  group by m.user_id, p.full_name, p.email
  order by 2
$$;

-- ---------------------------------------------------------------------------------------------
-- The scheduler tells named handlers instead of the roles
-- ---------------------------------------------------------------------------------------------
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

  -- Who is told, once per scope and roles: the roles the deadline reminds; once overdue, the
  -- escalation roles too (those not reminded already).
  insert into public.workflow_messages (recipient_id, kind, instance_id, event_id, timer_id, state, deadline_at)
  select r.user_id, case when r.escalated then 'escalated' when w.kind = 'before' then 'deadline_soon' else 'overdue' end,
         w.instance_id, w.event_id, w.timer_id, w.state, w.deadline_at
  from pg_temp.wf_due w
  join (
    select g.street_id, g.community_key, g.remind_roles, g.escalate_roles, m.user_id,
           bool_and(not m.role::text = any (g.remind_roles)) as escalated
    from (select distinct street_id, coalesce(community_id, 0) as community_key, remind_roles, escalate_roles from pg_temp.wf_due where not assigned) g
    join public.memberships m on (m.role::text = any (g.remind_roles) or m.role::text = any (g.escalate_roles))
      and ((m.community_id is null and m.street_id = g.street_id) or (m.community_id is not null and m.community_id = g.community_key))
    join public.profiles p on p.id = m.user_id and not p.disabled
    group by g.street_id, g.community_key, g.remind_roles, g.escalate_roles, m.user_id
  ) r on r.street_id = w.street_id and r.community_key = coalesce(w.community_id, 0)
     and r.remind_roles = w.remind_roles and r.escalate_roles = w.escalate_roles
  where not w.assigned and not (r.escalated and w.kind = 'before');
  -- Named handlers; once overdue, the escalation roles (not the handlers themselves).
  insert into public.workflow_messages (recipient_id, kind, instance_id, event_id, timer_id, state, deadline_at)
  select a.user_id, case when w.kind = 'before' then 'deadline_soon' else 'overdue' end, w.instance_id, w.event_id, w.timer_id, w.state, w.deadline_at
  from pg_temp.wf_due w
  join public.workflow_assignments a on a.instance_id = w.instance_id and a.ended_at is null
  where w.assigned
  union all
  select distinct m.user_id, 'escalated', w.instance_id, w.event_id, w.timer_id, w.state, w.deadline_at
  from pg_temp.wf_due w
  join public.memberships m on m.role::text = any (w.escalate_roles)
    and ((m.community_id is null and m.street_id = w.street_id) or (m.community_id is not null and m.community_id = w.community_id))
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

revoke all on function private.wf_eligible(public.workflow_instances, uuid, text[]), private.wf_assignee_refusal(bigint),
  private.wf_refuse_unassigned(public.workflow_instances, text), private.wf_assign(public.workflow_instances, text, bigint, uuid[], boolean, text),
  private.wf_copy(public.workflow_instances, text, bigint, uuid[]), private.workflow_events_end_assignments(),
  private.wf_fire(bigint, text, int, jsonb, boolean, uuid[], uuid[]), private.wf_comment(text, text), private.wf_lock_open(bigint, text), private.wf_state_before(bigint, bigint),
  private.wf_refuse_non_handler(public.workflow_instances, text, text[]),
  private.wf_jump(public.workflow_instances, text, text, jsonb, text[], boolean)
  from public, anon, authenticated;
revoke all on function public.fire_event(bigint, text, int, jsonb, uuid[], uuid[]), public.transfer_workflow(bigint, uuid, text),
  public.delegate_workflow(bigint, uuid, text), public.finish_delegation(bigint, text), public.workflow_return_targets(bigint),
  public.return_workflow(bigint, text, int, text), public.resume_workflow(bigint, int, text), public.fire_event_batch(text, jsonb, jsonb),
  public.workflow_members(bigint)
  from public, anon;
grant execute on function public.fire_event(bigint, text, int, jsonb, uuid[], uuid[]), public.transfer_workflow(bigint, uuid, text),
  public.delegate_workflow(bigint, uuid, text), public.finish_delegation(bigint, text), public.workflow_return_targets(bigint),
  public.return_workflow(bigint, text, int, text), public.resume_workflow(bigint, int, text), public.fire_event_batch(text, jsonb, jsonb),
  public.workflow_members(bigint)
  to authenticated;
