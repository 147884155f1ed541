-- The fire path, cheaper: what fire_event runs for every event, measured one function at a time
-- (track_functions, notes as a street office, each its own transaction as PostgREST sends them):
-- the two scope checks per event each called three helpers, the state's ancestors were a
-- generate_series and an aggregate per call, whether the step is someone else's was four queries
-- — and the helpers written in SQL were parsed and planned again in every transaction
-- (PostgreSQL 17 keeps a SQL function's plan for one transaction only; PL/pgSQL keeps its
-- statements' plans for the session). Same answers: the hot helpers are PL/pgSQL, one query each.

-- The read policies' rule for a row of (street, community) — its street or community among the
-- caller's memberships' units, a street-level row of a street the caller belongs to, a street
-- of the caller's district — in one query.
create or replace function private.sees_scope(p_street_id bigint, p_community_id bigint) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    where m.user_id = (select auth.uid())
      and (coalesce(m.community_id, m.street_id) in (p_street_id, p_community_id)
        or (p_community_id is null and m.street_id = p_street_id)
        or (m.role::text = 'district_office'
            and exists (select 1 from public.units s where s.id = p_street_id and s.kind = 'street' and s.district_id = m.unit_id)))
  );
end;
$$;

-- Ancestors of a dotted state path, deepest first: a.b.c, a.b, a.
create or replace function private.wf_state_ancestors(p_state text) returns text[]
language plpgsql immutable
set search_path = ''
as $$
declare
  v_parts text[] := string_to_array(p_state, '.');
  v_result text[] := '{}';
begin
  if p_state is null then
    return null;
  end if;
  for n in reverse cardinality(v_parts) .. 1 loop
    v_result := v_result || array_to_string(v_parts[1:n], '.');
  end loop;
  return v_result;
end;
$$;

-- Why the step is not the caller's, in one read of its handlers: null (no named handlers, or
-- the caller is one), 'delegate' (delegated to the caller: it answers its owner), 'assigned'.
create or replace function private.wf_assignee_refusal(p_instance_id bigint) returns text
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (
    select case
      when bool_or(a.kind = 'owner' and a.user_id = (select auth.uid())) then null
      when bool_or(a.kind = 'delegate' and a.user_id = (select auth.uid())) then 'delegate'
      when bool_or(a.kind = 'owner') then 'assigned'
    end
    from public.workflow_assignments a
    where a.instance_id = p_instance_id and a.ended_at is null
  );
end;
$$;

-- The state's 会签 rule, if it has one; the state before a log row (what a move left).
create or replace function private.wf_countersign_rule(p_instance public.workflow_instances) returns public.workflow_countersign_rules
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_rule public.workflow_countersign_rules;
begin
  select r.* into v_rule from public.workflow_countersign_rules r
  where r.workflow = p_instance.workflow and r.version = p_instance.version and r.state = p_instance.state;
  return v_rule;
end;
$$;

create or replace function private.wf_state_before(p_instance_id bigint, p_event_id bigint) returns text
language plpgsql stable
set search_path = ''
as $$
begin
  return (
    select e.to_state from public.workflow_events e
    where e.instance_id = p_instance_id and e.id < p_event_id
    order by e.id desc limit 1
  );
end;
$$;

-- A vote only where the state has a 会签 rule: the rule is looked up first (most states have
-- none), the scope checked only then (wf_fire checks it for every other event).
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
  if v_instance.id is not null and not v_instance.done then
    v_rule := private.wf_countersign_rule(v_instance);
    if v_rule.workflow is not null and p_event = any (v_rule.approve_events || v_rule.reject_events)
       and private.sees_scope(v_instance.street_id, v_instance.community_id)
       and private.wf_signer_count(v_instance) > 1 then
      -- Locked and read again: a vote decides on what the others have voted by now.
      select * into v_instance from public.workflow_instances where id = p_instance_id for update;
      return private.wf_sign(v_instance, v_rule, p_event, p_expected_revision, p_payload, p_assignees, p_cc);
    end if;
  end if;
  return private.wf_fire(p_instance_id, p_event, p_expected_revision, p_payload, false, p_assignees, p_cc);
end;
$$;

