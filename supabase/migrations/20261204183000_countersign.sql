-- 会签 / 或签 / 投票 and 加签 (workflows/README.md, "Countersigning").
--
-- A version may say of a state with named handlers that they decide together: all of them
-- (会签), any one (或签) or a share (投票, e.g. two thirds). In such a state an approving or
-- returning event a handler sends is their vote: a log row (`countersign`, in the state; its
-- payload the event, the decision and the event's payload; its comment the vote's), checked first as the transition itself would be
-- (role, handler, payload, guards, the next step's pick). When the votes meet the rule, the
-- deciding vote's event moves the instance as any event does; a return by any signer returns it
-- at once unless the rule says returns are counted too. A signer who voted is done (their row of
-- workflow_assignments ends with the vote); the others still have it in 我的待办. A signer may
-- add one (加签, `add_signer`: a log row, an assignment, a message). Countersigning needs two
-- signers: one named handler decides alone, and a state whose entry named none is the roles'.
--
-- fire_event keeps its signature and routes a vote here, so 批量办理 (fire_event_batch) votes too.

create table public.workflow_countersign_rules (
  workflow text not null,
  version int not null,
  state text not null,
  -- all: every signer approves; any: one does; share: at least ceil(share × signers)
  rule text not null check (rule in ('all', 'any', 'share')),
  share numeric check ((rule = 'share') = (share is not null) and (share is null or (share > 0 and share <= 1))),
  approve_events text[] not null check (cardinality(approve_events) > 0),
  reject_events text[] not null default '{}',
  -- anyone: one return returns it; rule: a return decides only once the rule can no longer be met
  reject_by text not null default 'anyone' check (reject_by in ('anyone', 'rule')),
  add_signers boolean not null default true,
  primary key (workflow, version, state),
  -- signers are the state's named handlers
  foreign key (workflow, version, state) references public.workflow_state_options,
  check (not (approve_events && reject_events))
);
alter table public.workflow_countersign_rules enable row level security;
revoke all on public.workflow_countersign_rules from anon, authenticated, service_role;
grant select on public.workflow_countersign_rules to authenticated, service_role;
create policy workflow_countersign_rules_select on public.workflow_countersign_rules for select to authenticated using (true);

-- ---------------------------------------------------------------------------------------------
-- The votes of the instance's current stay in its state
-- ---------------------------------------------------------------------------------------------

-- The log row that brought the instance into its state this time (the state before it differs).
create function private.wf_entered(p_instance public.workflow_instances) returns bigint
language sql stable security definer
set search_path = ''
as $$
  select e.id from public.workflow_events e
  where e.instance_id = p_instance.id and e.to_state = p_instance.state
    and private.wf_state_before(e.instance_id, e.id) is distinct from e.to_state
  order by e.id desc limit 1
$$;

-- Where the votes stand: every signer (voted, or a handler still to vote) with their decision.
-- needed: approvals the rule asks of so many signers.
create function private.wf_tally(p_instance public.workflow_instances, p_rule public.workflow_countersign_rules)
returns table (signers int, approvals int, rejections int, pending int, needed int)
language sql stable security definer
set search_path = ''
as $$
  with votes as (
    select distinct on (e.actor_id) e.actor_id, e.payload->>'decision' as decision
    from public.workflow_events e
    where e.instance_id = p_instance.id and e.event = 'countersign' and e.id > coalesce(private.wf_entered(p_instance), 0)
    order by e.actor_id, e.id desc
  ), open as (
    select a.user_id from public.workflow_assignments a
    where a.instance_id = p_instance.id and a.ended_at is null and a.kind = 'owner'
      and a.user_id not in (select actor_id from votes)
  ), counts as (
    select (select count(*) from votes)::int + (select count(*) from open)::int as signers,
           (select count(*) from votes where decision = 'approve')::int as approvals,
           (select count(*) from votes where decision = 'reject')::int as rejections,
           (select count(*) from open)::int as pending
  )
  select c.signers, c.approvals, c.rejections, c.pending,
         greatest(1, case p_rule.rule when 'all' then c.signers when 'any' then 1
                                      else ceil(p_rule.share * c.signers - 1e-9)::int end)
  from counts c
$$;

-- The rule of the instance's state, when it has one.
create function private.wf_countersign_rule(p_instance public.workflow_instances) returns public.workflow_countersign_rules
language sql stable security definer
set search_path = ''
as $$
  select r.* from public.workflow_countersign_rules r
  where r.workflow = p_instance.workflow and r.version = p_instance.version and r.state = p_instance.state
$$;

-- How many sign this stay: the handlers still to vote and those who voted. One alone decides as
-- any handler does (no vote of its own in the log); none: the roles act.
create function private.wf_signer_count(p_instance public.workflow_instances) returns int
language sql stable security definer
set search_path = ''
as $$
  select (select count(*) from public.workflow_assignments a where a.instance_id = p_instance.id and a.ended_at is null and a.kind = 'owner')::int
       + (select count(distinct e.actor_id) from public.workflow_events e
          where e.instance_id = p_instance.id and e.event = 'countersign' and e.id > coalesce(private.wf_entered(p_instance), 0))::int
$$;

-- A vote (see the head of this file). Returns the instance, moved when the vote decided.
create function private.wf_sign(
  p_instance public.workflow_instances,
  p_rule public.workflow_countersign_rules,
  p_event text,
  p_expected_revision int,
  p_payload jsonb,
  p_assignees uuid[],
  p_cc uuid[]
) returns public.workflow_instances
language plpgsql security definer
set search_path = ''
as $$
declare
  v_instance public.workflow_instances;
  v_decision text := case when p_event = any (p_rule.approve_events) then 'approve' else 'reject' end;
  v_payload jsonb := coalesce(p_payload, '{}');
  v_tally record;
  v_event_id bigint;
begin
  if exists (select 1 from public.workflow_events e where e.instance_id = p_instance.id and e.event = 'countersign'
             and e.actor_id = (select auth.uid()) and e.id > coalesce(private.wf_entered(p_instance), 0)) then
    perform private.wf_raise('WF014', 'you have signed this step',
      jsonb_build_object('event', p_event, 'state', p_instance.state, 'reason', 'signed'));
  end if;
  -- The vote is checked as its transition would be, and the trial undone: every refusal of
  -- fire_event (revision, role, handler, payload, guards, picks) refuses the vote.
  begin
    perform private.wf_fire(p_instance.id, p_event, p_expected_revision, v_payload, false, p_assignees, p_cc);
    raise exception using errcode = 'WF999';
  exception when sqlstate 'WF999' then
    null;
  end;

  insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, comment, actor_id, actor_roles, street_id, community_id)
  values (p_instance.id, p_instance.workflow, p_instance.version, 'countersign', p_instance.state, p_instance.state,
          jsonb_build_object('event', p_event, 'decision', v_decision, 'payload', v_payload), nullif(v_payload->>'comment', ''),
          (select auth.uid()), private.roles_in_scope(p_instance.street_id, p_instance.community_id), p_instance.street_id, p_instance.community_id)
  returning id into v_event_id;
  update public.workflow_instances set revision = revision + 1, updated_at = now() where id = p_instance.id returning * into v_instance;

  select * into v_tally from private.wf_tally(v_instance, p_rule);
  if (v_decision = 'approve' and v_tally.approvals >= v_tally.needed)
     or (v_decision = 'reject' and (p_rule.reject_by = 'anyone' or v_tally.approvals + v_tally.pending < v_tally.needed)) then
    -- Decided: the voter's event moves it (leaving the state ends every signer's row).
    return private.wf_fire(v_instance.id, p_event, v_instance.revision, v_payload, false, p_assignees, p_cc);
  end if;
  -- Not yet: the voter is done with it, and so is whoever they delegated to.
  update public.workflow_assignments set ended_at = now(), ended_event_id = v_event_id
  where instance_id = v_instance.id and ended_at is null
    and (user_id = (select auth.uid()) or delegated_by = (select auth.uid()));
  return v_instance;
end;
$$;

create or replace function public.fire_event(
  p_instance_id bigint,
  p_event text,
  p_expected_revision int,
  p_payload jsonb default '{}',
  p_assignees uuid[] default null,
  p_cc uuid[] default null
) returns public.workflow_instances
language plpgsql security definer
set search_path = ''
as $$
declare
  v_instance public.workflow_instances;
  v_rule public.workflow_countersign_rules;
begin
  select * into v_instance from public.workflow_instances where id = p_instance_id;
  if v_instance.id is not null and not v_instance.done and private.sees_scope(v_instance.street_id, v_instance.community_id) then
    v_rule := private.wf_countersign_rule(v_instance);
    if v_rule.workflow is not null and p_event = any (v_rule.approve_events || v_rule.reject_events)
       and private.wf_signer_count(v_instance) > 1 then
      -- Locked and read again: a vote decides on what the others have voted by now.
      select * into v_instance from public.workflow_instances where id = p_instance_id for update;
      return private.wf_sign(v_instance, v_rule, p_event, p_expected_revision, p_payload, p_assignees, p_cc);
    end if;
  end if;
  return private.wf_fire(p_instance_id, p_event, p_expected_revision, p_payload, false, p_assignees, p_cc);
end;
$$;

-- 加签 by a signer who has not voted yet: another member who may handle the step signs too.
create function public.add_signer(p_instance_id bigint, p_to uuid, p_comment text) returns public.workflow_instances
language plpgsql security definer
set search_path = ''
as $$
declare
  v_instance public.workflow_instances := private.wf_lock_open(p_instance_id, 'add_signer');
  v_rule public.workflow_countersign_rules := private.wf_countersign_rule(v_instance);
  v_option public.workflow_state_options;
  v_comment text;
  v_event_id bigint;
  v_entered bigint := coalesce(private.wf_entered(v_instance), 0);
begin
  if v_rule.workflow is null or not v_rule.add_signers then
    perform private.wf_raise('WF002', 'this step takes no added signers', jsonb_build_object('event', 'add_signer', 'state', v_instance.state));
  end if;
  if not exists (select 1 from public.workflow_assignments a where a.instance_id = p_instance_id and a.ended_at is null
                 and a.kind = 'owner' and a.user_id = (select auth.uid())) then
    perform private.wf_raise('WF014', 'only a signer who has not signed may add one',
      jsonb_build_object('event', 'add_signer', 'state', v_instance.state, 'reason', 'assigned'));
  end if;
  v_comment := private.wf_comment(p_comment, 'add_signer');
  select * into v_option from public.workflow_state_options
  where workflow = v_instance.workflow and version = v_instance.version and state = v_instance.state;
  if p_to is null or not private.wf_eligible(v_instance, p_to, v_option.assign_roles)
     or exists (select 1 from public.workflow_assignments a where a.instance_id = p_instance_id and a.ended_at is null and a.user_id = p_to)
     or exists (select 1 from public.workflow_events e where e.instance_id = p_instance_id and e.event = 'countersign'
                and e.actor_id = p_to and e.id > v_entered) then
    perform private.wf_raise('WF006', 'not someone who may sign this step',
      jsonb_build_object('what', 'payload', 'event', 'add_signer', 'path', 'to', 'rule', 'eligible'));
  end if;
  insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, comment, actor_id, actor_roles, street_id, community_id)
  values (v_instance.id, v_instance.workflow, v_instance.version, 'add_signer', v_instance.state, v_instance.state,
          jsonb_build_object('to', p_to, 'comment', v_comment), v_comment, (select auth.uid()),
          private.roles_in_scope(v_instance.street_id, v_instance.community_id), v_instance.street_id, v_instance.community_id)
  returning id into v_event_id;
  insert into public.workflow_assignments (instance_id, state, user_id, kind, event_id)
  values (p_instance_id, v_instance.state, p_to, 'owner', v_event_id);
  insert into public.workflow_messages (recipient_id, kind, instance_id, event_id, sender_id, state, comment)
  values (p_to, 'assigned', p_instance_id, v_event_id, (select auth.uid()), v_instance.state, v_comment);
  update public.workflow_instances set revision = revision + 1, updated_at = now() where id = p_instance_id returning * into v_instance;
  return v_instance;
end;
$$;

-- What the panel shows: the rule, the counts, and each signer of this stay with their vote.
create function public.workflow_countersign(p_instance_id bigint) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_instance public.workflow_instances;
  v_rule public.workflow_countersign_rules;
  v_tally record;
  v_entered bigint;
begin
  select * into v_instance from public.workflow_instances where id = p_instance_id;
  if v_instance.id is null or not private.sees_scope(v_instance.street_id, v_instance.community_id) or v_instance.done then
    return null;
  end if;
  v_rule := private.wf_countersign_rule(v_instance);
  if v_rule.workflow is null or private.wf_signer_count(v_instance) = 0 then
    return null;
  end if;
  v_entered := coalesce(private.wf_entered(v_instance), 0);
  select * into v_tally from private.wf_tally(v_instance, v_rule);
  return jsonb_build_object(
    'rule', v_rule.rule, 'share', v_rule.share, 'reject_by', v_rule.reject_by, 'add_signers', v_rule.add_signers,
    'signers', v_tally.signers, 'approvals', v_tally.approvals, 'rejections', v_tally.rejections,
    'pending', v_tally.pending, 'needed', v_tally.needed,
    'votes', coalesce((
      select jsonb_agg(jsonb_build_object('user_id', s.user_id, 'name', coalesce(nullif(p.full_name, ''), split_part(p.email, '@', 1)),
                                          'decision', s.decision, 'event', s.event, 'comment', s.comment, 'payload', s.payload, 'at', s.at)
                       order by s.at nulls last, p.full_name)
      from (
        select distinct on (e.actor_id) e.actor_id as user_id, e.payload->>'decision' as decision, e.payload->>'event' as event,
               e.comment, e.payload->'payload' as payload, e.created_at as at
        from public.workflow_events e
        where e.instance_id = v_instance.id and e.event = 'countersign' and e.id > v_entered
        order by e.actor_id, e.id desc
      ) s join public.profiles p on p.id = s.user_id), '[]')
      || coalesce((
      select jsonb_agg(jsonb_build_object('user_id', a.user_id, 'name', coalesce(nullif(p.full_name, ''), split_part(p.email, '@', 1)),
                                          'decision', null, 'event', null, 'comment', null, 'payload', null, 'at', null) order by p.full_name)
      from public.workflow_assignments a join public.profiles p on p.id = a.user_id
      where a.instance_id = v_instance.id and a.ended_at is null and a.kind = 'owner'), '[]'));
end;
$$;

revoke all on function private.wf_entered(public.workflow_instances), private.wf_tally(public.workflow_instances, public.workflow_countersign_rules),
  private.wf_countersign_rule(public.workflow_instances), private.wf_signer_count(public.workflow_instances),
  private.wf_sign(public.workflow_instances, public.workflow_countersign_rules, text, int, jsonb, uuid[], uuid[])
  from public, anon, authenticated;
revoke all on function public.add_signer(bigint, uuid, text), public.workflow_countersign(bigint) from public, anon;
grant execute on function public.add_signer(bigint, uuid, text), public.workflow_countersign(bigint) to authenticated;
