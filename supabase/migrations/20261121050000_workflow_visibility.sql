-- What a caller may see and what they may do are two questions: a community's filer sees its
-- street's own workflows (the campaign) but holds no role in them. The engine's functions now
-- answer "not found" only for what the caller cannot see, as the read policies decide, and
-- "not your role" for what they can see but not act on.

-- The read policies' rule for a row of (street, community), as one function.
create function private.sees_scope(p_street_id bigint, p_community_id bigint) returns boolean
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return p_street_id = any (private.scope_unit_ids())
    or p_community_id = any (private.scope_unit_ids())
    or (p_community_id is null and p_street_id = any (private.member_street_ids()));
end;
$$;
revoke all on function private.sees_scope(bigint, bigint) from public, anon, authenticated;

create or replace function public.start_workflow(p_workflow text, p_subject_unit_id bigint, p_form jsonb default '{}')
returns public.workflow_instances
language plpgsql security definer
set search_path = ''
as $$
declare
  v_def public.workflow_definitions;
  v_unit public.units;
  v_roles text[];
  v_error jsonb;
  v_instance public.workflow_instances;
begin
  select * into v_def from public.workflow_definitions where workflow = p_workflow order by version desc limit 1;
  if v_def is null then
    perform private.wf_raise('WF007', 'unknown workflow', jsonb_build_object('workflow', p_workflow));
  end if;
  select * into v_unit from public.units where id = p_subject_unit_id;
  v_roles := case when v_unit is null then '{}' else private.roles_in_scope(v_unit.street_id, v_unit.community_id) end;
  if v_unit is null or not private.sees_scope(v_unit.street_id, v_unit.community_id) then
    perform private.wf_raise('WF007', 'unit not found', jsonb_build_object('unit', p_subject_unit_id));
  end if;
  if not v_roles && v_def.start_roles then
    perform private.wf_raise('WF003', 'your role may not start this workflow',
      jsonb_build_object('workflow', p_workflow, 'roles', v_def.start_roles, 'yours', v_roles));
  end if;
  if not v_unit.kind::text = any (v_def.subject_kinds) then
    perform private.wf_raise('WF008', 'this workflow is not for this kind of unit',
      jsonb_build_object('workflow', p_workflow, 'kind', v_unit.kind, 'kinds', v_def.subject_kinds));
  end if;
  v_error := coalesce(private.wf_json_error(v_def.form_schema, coalesce(p_form, '{}')),
                      private.wf_form_error(v_def, coalesce(p_form, '{}'), v_unit.id));
  if v_error is not null then
    perform private.wf_raise('WF006', 'invalid form', v_error || jsonb_build_object('what', 'form'));
  end if;

  insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form, form_saved_at, done, created_by)
  values (v_def.workflow, v_def.version, v_def.initial_state, v_unit.id, v_unit.street_id, v_unit.community_id,
          coalesce(p_form, '{}'), now(), false, (select auth.uid()))
  returning * into v_instance;
  insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_id, actor_roles, street_id, community_id)
  values (v_instance.id, v_instance.workflow, v_instance.version, 'start', null, v_instance.state, (select auth.uid()), v_roles,
          v_instance.street_id, v_instance.community_id);
  return v_instance;
end;
$$;

create or replace function public.save_workflow_form(p_instance_id bigint, p_form jsonb, p_expected_form_revision int default null)
returns public.workflow_instances
language plpgsql security definer
set search_path = ''
as $$
declare
  v_instance public.workflow_instances;
  v_def public.workflow_definitions;
  v_roles text[];
  v_error jsonb;
begin
  select * into v_instance from public.workflow_instances where id = p_instance_id for update;
  v_roles := case when v_instance is null then '{}' else private.roles_in_scope(v_instance.street_id, v_instance.community_id) end;
  if v_instance is null or not private.sees_scope(v_instance.street_id, v_instance.community_id) then
    perform private.wf_raise('WF007', 'instance not found', jsonb_build_object('instance', p_instance_id));
  end if;
  select * into v_def from public.workflow_definitions where workflow = v_instance.workflow and version = v_instance.version;
  if not v_roles && v_def.form_editor_roles then
    perform private.wf_raise('WF003', 'your role may not edit this form', jsonb_build_object('roles', v_def.form_editor_roles, 'yours', v_roles));
  end if;
  if not v_instance.state = any (v_def.form_editable_states) then
    perform private.wf_raise('WF009', 'the form cannot be edited in this state',
      jsonb_build_object('state', v_instance.state, 'states', v_def.form_editable_states));
  end if;
  if p_expected_form_revision is not null and p_expected_form_revision <> v_instance.form_revision then
    perform private.wf_raise('WF011', 'the form was saved elsewhere since you loaded it',
      jsonb_build_object('expected', p_expected_form_revision, 'current', v_instance.form_revision, 'saved_at', v_instance.form_saved_at));
  end if;
  v_error := coalesce(private.wf_json_error(v_def.form_schema, coalesce(p_form, 'null')),
                      private.wf_form_error(v_def, p_form, v_instance.subject_unit_id));
  if v_error is not null then
    perform private.wf_raise('WF006', 'invalid form', v_error || jsonb_build_object('what', 'form'));
  end if;
  update public.workflow_instances
  set form = p_form, form_saved_at = now(), form_revision = form_revision + 1, updated_at = now()
  where id = p_instance_id returning * into v_instance;
  return v_instance;
end;
$$;

create or replace function public.fire_event(
  p_instance_id bigint,
  p_event text,
  p_expected_revision int,
  p_payload jsonb default '{}'
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
  v_roles := case when v_instance is null then '{}' else private.roles_in_scope(v_instance.street_id, v_instance.community_id) end;
  if v_instance is null or not private.sees_scope(v_instance.street_id, v_instance.community_id) then
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
    if not v_candidate.roles && v_roles then continue; end if;
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
          nullif(v_payload->>'comment', ''), (select auth.uid()), v_roles, v_instance.street_id, v_instance.community_id)
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

create or replace function public.workflow_facts(p_instance_id bigint) returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_instance public.workflow_instances;
begin
  select * into v_instance from public.workflow_instances where id = p_instance_id;
  if v_instance is null or not private.sees_scope(v_instance.street_id, v_instance.community_id) then
    perform private.wf_raise('WF007', 'instance not found', jsonb_build_object('instance', p_instance_id));
  end if;
  return private.wf_facts(v_instance);
end;
$$;
