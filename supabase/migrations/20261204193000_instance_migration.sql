-- Migrating running instances to a later version of their workflow (Camunda's model): a plan
-- maps each state of the old version to one of the new (by default the state of the same name);
-- a dry run reports, per instance, what would stop it — a state the plan does not map, a form
-- the new version's schema or form check refuses, a named handler who may not handle the new
-- state — and changes nothing; the run migrates those with nothing to report and reports the
-- rest. The street office runs it for the instances of its street, all or those it picks.
--
-- A migrated instance keeps its whole log and gets one row more (`migrate`: from and to version
-- and state, by whom); its handlers stay when they may handle the new state; its timers follow
-- the new version's deadline from when it entered the state (a reminder already sent is not
-- sent again). Instances not migrated stay on their version, as before.

-- What stops one instance from moving to the version at the state, as a list of
-- { kind: 'unmapped' | 'state' | 'form' | 'handler', ... }; empty when nothing does.
create function private.wf_migration_problems(p_instance public.workflow_instances, p_to public.workflow_definitions, p_to_state text)
returns jsonb
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_problems jsonb := '[]';
  v_error jsonb;
  v_roles text[];
  v_handler record;
begin
  if p_to_state is null then
    return jsonb_build_array(jsonb_build_object('kind', 'unmapped', 'state', p_instance.state));
  end if;
  if not exists (select 1 from jsonb_array_elements(p_to.states) s where s->>'path' = p_to_state) then
    return jsonb_build_array(jsonb_build_object('kind', 'state', 'state', p_to_state));
  end if;
  v_error := coalesce(private.wf_json_error(p_to.form_schema, p_instance.form),
                      private.wf_form_error(p_to, p_instance.form, p_instance.subject_unit_id));
  if v_error is not null then
    v_problems := v_problems || jsonb_build_array(jsonb_build_object('kind', 'form', 'path', v_error->>'path', 'rule', v_error->>'rule', 'limit', v_error->'limit'));
  end if;
  select o.assign_roles into v_roles from public.workflow_state_options o
  where o.workflow = p_to.workflow and o.version = p_to.version and o.state = p_to_state;
  if v_roles is not null then
    for v_handler in
      select a.user_id, coalesce(nullif(p.full_name, ''), split_part(p.email, '@', 1)) as name
      from public.workflow_assignments a join public.profiles p on p.id = a.user_id
      where a.instance_id = p_instance.id and a.ended_at is null and a.kind = 'owner'
        and not private.wf_eligible(p_instance, a.user_id, v_roles)
    loop
      v_problems := v_problems || jsonb_build_array(jsonb_build_object('kind', 'handler', 'user_id', v_handler.user_id, 'name', v_handler.name));
    end loop;
  end if;
  return v_problems;
end;
$$;

-- Moves one instance (locked, checked) to the version at the state; returns the log row.
create function private.wf_migrate(p_instance public.workflow_instances, p_to public.workflow_definitions, p_to_state text)
returns bigint
language plpgsql security definer
set search_path = ''
as $$
declare
  v_from_version int := p_instance.version;
  v_from_state text := p_instance.state;
  v_entered bigint := private.wf_entered(p_instance);
  v_entered_at timestamptz;
  v_handlers uuid[];
  v_roles text[];
  v_final boolean;
  v_event_id bigint;
  v_same_deadline boolean;
begin
  select coalesce((s->>'final')::boolean, false) into v_final from jsonb_array_elements(p_to.states) s where s->>'path' = p_to_state;
  select created_at into v_entered_at from public.workflow_events where id = v_entered;
  select array_agg(a.user_id order by a.id) into v_handlers from public.workflow_assignments a
  where a.instance_id = p_instance.id and a.ended_at is null and a.kind = 'owner';
  select o.assign_roles into v_roles from public.workflow_state_options o
  where o.workflow = p_to.workflow and o.version = p_to.version and o.state = p_to_state;
  -- The two versions' deadlines of the state, alike: its timers stay as they are.
  select not exists (
    (select due_after, due_fact, remind_before, repeat_every, remind_roles, escalate_roles, fire_event, urge_every from public.workflow_deadlines
     where workflow = p_instance.workflow and version = v_from_version and state = v_from_state)
    except
    (select due_after, due_fact, remind_before, repeat_every, remind_roles, escalate_roles, fire_event, urge_every from public.workflow_deadlines
     where workflow = p_to.workflow and version = p_to.version and state = p_to_state))
    and not exists (
    (select due_after, due_fact, remind_before, repeat_every, remind_roles, escalate_roles, fire_event, urge_every from public.workflow_deadlines
     where workflow = p_to.workflow and version = p_to.version and state = p_to_state)
    except
    (select due_after, due_fact, remind_before, repeat_every, remind_roles, escalate_roles, fire_event, urge_every from public.workflow_deadlines
     where workflow = p_instance.workflow and version = v_from_version and state = v_from_state))
  into v_same_deadline;

  update public.workflow_instances
  set version = p_to.version, state = p_to_state, done = coalesce(v_final, false), revision = revision + 1, updated_at = now()
  where id = p_instance.id;
  -- (a move to another state: the triggers end its handlers and plan its timers)
  insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, comment, actor_id, actor_roles, street_id, community_id)
  values (p_instance.id, p_instance.workflow, p_to.version, 'migrate', v_from_state, p_to_state,
          jsonb_build_object('from_version', v_from_version, 'to_version', p_to.version, 'from_state', v_from_state, 'to_state', p_to_state),
          null, (select auth.uid()), private.roles_in_scope(p_instance.street_id, p_instance.community_id), p_instance.street_id, p_instance.community_id)
  returning id into v_event_id;

  if v_from_state = p_to_state then
    if v_roles is null then
      update public.workflow_assignments set ended_at = now(), ended_event_id = v_event_id
      where instance_id = p_instance.id and ended_at is null;
    end if;
    if not v_same_deadline then
      -- The new deadline, from when the state was entered; what was told already is not told again.
      update public.workflow_timers set cancelled_at = now()
      where instance_id = p_instance.id and done_at is null and cancelled_at is null;
      perform private.wf_plan_timers(p_instance.id, p_to_state, v_event_id, coalesce(v_entered_at, now()));
      update public.workflow_timers t set done_at = now()
      where t.instance_id = p_instance.id and t.entered_event_id = v_event_id and t.due_at <= now()
        and exists (select 1 from public.workflow_timers d where d.instance_id = p_instance.id and d.entered_event_id = v_entered
                    and d.kind = t.kind and d.done_at is not null);
    end if;
  elsif v_roles is not null and v_handlers is not null and not coalesce(v_final, false) then
    insert into public.workflow_assignments (instance_id, state, user_id, kind, event_id)
    select p_instance.id, p_to_state, u, 'owner', v_event_id from unnest(v_handlers) u;
  end if;
  return v_event_id;
end;
$$;

-- The plan's dry run (p_dry_run) or its run, for the caller's street's running instances of the
-- workflow on p_from_version (those of p_instance_ids only, when given): each with the state it
-- would go to and what stops it. p_states maps old states to new ({"review": "review.waiting"});
-- a state it leaves out keeps its name when the new version has it.
create function public.migrate_workflow_instances(
  p_workflow text,
  p_from_version int,
  p_to_version int,
  p_states jsonb default '{}',
  p_instance_ids bigint[] default null,
  p_dry_run boolean default true
) returns table (instance_id bigint, subject text, from_state text, to_state text, migrated boolean, problems jsonb)
language plpgsql security definer
set search_path = ''
as $$
declare
  v_to public.workflow_definitions;
  v_instance public.workflow_instances;
  v_row record;
begin
  if not exists (select 1 from public.memberships m join public.profiles p on p.id = m.user_id and not p.disabled
                 where m.user_id = (select auth.uid()) and m.role = 'street_office' and m.community_id is null) then
    perform private.wf_raise('WF003', 'only a street office migrates instances', jsonb_build_object('event', 'migrate'));
  end if;
  select * into v_to from public.workflow_definitions where workflow = p_workflow and version = p_to_version;
  if v_to is null or p_to_version <= p_from_version
     or not exists (select 1 from public.workflow_definitions where workflow = p_workflow and version = p_from_version) then
    perform private.wf_raise('WF006', 'migrate to a later version of the same workflow',
      jsonb_build_object('what', 'payload', 'event', 'migrate', 'path', 'to_version', 'rule', 'laterVersion'));
  end if;
  if jsonb_typeof(coalesce(p_states, '{}')) is distinct from 'object' then
    perform private.wf_raise('WF006', 'the plan maps states to states',
      jsonb_build_object('what', 'payload', 'event', 'migrate', 'path', 'states', 'rule', 'type'));
  end if;

  for v_row in
    select i.id, u.name as subject
    from public.workflow_instances i
    join public.units u on u.id = i.subject_unit_id
    where i.workflow = p_workflow and i.version = p_from_version and not i.done
      and (p_instance_ids is null or i.id = any (p_instance_ids))
      and exists (select 1 from public.memberships m join public.profiles p on p.id = m.user_id and not p.disabled
                  where m.user_id = (select auth.uid()) and m.role = 'street_office' and m.community_id is null and m.street_id = i.street_id)
    order by i.id
  loop
    select * into v_instance from public.workflow_instances where id = v_row.id for update;
    instance_id := v_instance.id;
    subject := v_row.subject;
    from_state := v_instance.state;
    to_state := coalesce(p_states->>v_instance.state,
                         (select s->>'path' from jsonb_array_elements(v_to.states) s where s->>'path' = v_instance.state));
    problems := private.wf_migration_problems(v_instance, v_to, to_state);
    migrated := false;
    if not p_dry_run and jsonb_array_length(problems) = 0 and v_instance.version = p_from_version then
      perform private.wf_migrate(v_instance, v_to, to_state);
      migrated := true;
    end if;
    return next;
  end loop;
end;
$$;

revoke all on function private.wf_migration_problems(public.workflow_instances, public.workflow_definitions, text),
  private.wf_migrate(public.workflow_instances, public.workflow_definitions, text)
  from public, anon, authenticated;
revoke all on function public.migrate_workflow_instances(text, int, int, jsonb, bigint[], boolean) from public, anon;
grant execute on function public.migrate_workflow_instances(text, int, int, jsonb, bigint[], boolean) to authenticated;
