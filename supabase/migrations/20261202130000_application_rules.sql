-- Rules a new user ran into (the first-week issue):
--
-- 1. One 申报表 per community and campaign. The engine gets start rules: a workflow may name a
--    function (subject unit id) -> text that says why a start is refused, or null. The engine
--    names no workflow; the application plugin registers its rule below, in its own section.
--    start_workflow asks it (WF012, the rule's words) and so does the start dialog, through
--    workflow_start_refusals, so the screen does not offer what would be refused.
-- 2. A street office cannot remove its own membership.

-- ---------------------------------------------------------------------------------------------
-- The engine: start rules
-- ---------------------------------------------------------------------------------------------
create table private.workflow_start_rules (
  workflow text primary key,
  -- (p_subject_unit_id bigint) returns text: null when a start may go ahead, else why not (Chinese)
  refusal regproc not null
);
revoke all on table private.workflow_start_rules from public, anon, authenticated;

-- Why the workflow may not be started for the unit now, or null.
create function private.wf_start_refusal(p_workflow text, p_subject_unit_id bigint) returns text
language plpgsql stable
set search_path = ''
as $$
declare
  v_rule regproc;
  v_refusal text;
begin
  select r.refusal into v_rule from private.workflow_start_rules r where r.workflow = p_workflow;
  if v_rule is null then
    return null;
  end if;
  execute format('select %s($1)', v_rule) into v_refusal using p_subject_unit_id;
  return v_refusal;
end;
$$;

-- start_workflow, as before, with the start rule asked before the form is checked.
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
  v_refusal text;
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
  -- The workflow's start rule, if it has one (one 申报表 per community and campaign, say). Starts
  -- of one workflow for one unit take turns, so the rule sees what a concurrent start made.
  perform pg_advisory_xact_lock(hashtextextended('start_workflow:' || v_def.workflow || ':' || v_unit.id, 0));
  v_refusal := private.wf_start_refusal(v_def.workflow, v_unit.id);
  if v_refusal is not null then
    perform private.wf_raise('WF012', v_refusal, jsonb_build_object('workflow', p_workflow, 'unit', v_unit.id, 'reason', v_refusal));
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

-- The units the caller may start the workflow for (its subject kinds, in the caller's scope, for
-- a role that may start it), each with why a start would be refused now, or null: the start
-- dialog offers only those it may start.
create function public.workflow_start_refusals(p_workflow text)
returns table (subject_unit_id bigint, refusal text)
language sql stable security definer
set search_path = ''
as $$
  with def as (
    select d.workflow, d.start_roles, d.subject_kinds from public.workflow_definitions d
    where d.workflow = p_workflow order by d.version desc limit 1)
  select u.id, private.wf_start_refusal(def.workflow, u.id)
  from def
  join public.units u on u.kind::text = any (def.subject_kinds)
  where private.sees_scope(u.street_id, u.community_id)
    and private.roles_in_scope(u.street_id, u.community_id) && def.start_roles
  order by u.id
$$;

revoke all on function private.wf_start_refusal(text, bigint) from public, anon, authenticated;
revoke all on function public.workflow_start_refusals(text) from public, anon;
grant execute on function public.workflow_start_refusals(text) to authenticated;

-- ---------------------------------------------------------------------------------------------
-- The application plugin: one 申报表 per community and campaign
-- ---------------------------------------------------------------------------------------------
-- An application belongs to its street's campaign as its facts find it (the latest). A campaign
-- begins with its workflow instance; an application started since then is this campaign's, and
-- a community has at most one. A street without a campaign: at most one at all.
create function private.application_start_refusal(p_subject_unit_id bigint) returns text
language sql stable
set search_path = ''
as $$
  select u.name || '已发起本次行动的申报，不能重复发起'
  from public.units u
  left join lateral (
    select coalesce(ci.created_at, c.created_at) as began
    from public.campaigns c left join public.workflow_instances ci on ci.id = c.instance_id
    where c.street_id = u.street_id
    order by c.start_year desc, c.id desc
    limit 1
  ) c on true
  where u.id = p_subject_unit_id
    and exists (
      select 1 from public.workflow_instances a
      where a.workflow = 'application' and a.subject_unit_id = u.id
        and (c.began is null or a.created_at >= c.began))
$$;
revoke all on function private.application_start_refusal(bigint) from public, anon, authenticated;

insert into private.workflow_start_rules (workflow, refusal) values ('application', 'private.application_start_refusal');

-- ---------------------------------------------------------------------------------------------
-- Memberships: not one's own
-- ---------------------------------------------------------------------------------------------
-- set_user_disabled already refuses one's own account; the delete policy let the office delete
-- the membership that makes it the office. Row-level security decides first which rows a caller
-- may delete at all (an out-of-scope id is answered as a missing one, as before); of those, one's
-- own is refused here, in Chinese.
create function private.memberships_not_own() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if private.api_caller() and old.user_id = (select auth.uid()) then
    raise exception '不能删除自己的成员身份，请由本街道的其他党建办成员操作' using errcode = '42501', hint = 'user_id';
  end if;
  return old;
end;
$$;

create trigger memberships_not_own before delete on public.memberships
for each row execute function private.memberships_not_own();

revoke all on function private.memberships_not_own() from public, anon, authenticated;
