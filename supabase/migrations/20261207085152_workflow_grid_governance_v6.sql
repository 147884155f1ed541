-- Workflow "grid_governance", version 6, generated from its plugin by `npm run workflows:compile`.
-- Do not edit: a published version never changes; change the machine under a new version.

alter type public.unit_kind add value if not exists 'grid';
alter type public.unit_kind add value if not exists 'micro_grid';
alter type public.unit_kind add value if not exists 'street_department';
alter type public.member_role add value if not exists 'grid_leader';
alter type public.member_role add value if not exists 'grid_worker';
alter type public.member_role add value if not exists 'micro_grid_worker';
alter type public.member_role add value if not exists 'community_worker';
alter type public.member_role add value if not exists 'office_handler';
insert into private.unit_kinds (kind, plugin, label, level, parent_kinds) values ('grid', 'grid_governance', '网格', 'below', array['community', 'street', 'grid']::text[])
  on conflict (kind) do update set plugin = excluded.plugin, label = excluded.label, level = excluded.level, parent_kinds = excluded.parent_kinds;
update private.unit_kinds set reach = 'subtree' where kind = 'grid';
insert into private.unit_kinds (kind, plugin, label, level, parent_kinds) values ('micro_grid', 'grid_governance', '微网格', 'below', array['grid', 'community']::text[])
  on conflict (kind) do update set plugin = excluded.plugin, label = excluded.label, level = excluded.level, parent_kinds = excluded.parent_kinds;
update private.unit_kinds set reach = 'subtree' where kind = 'micro_grid';
insert into private.unit_kinds (kind, plugin, label, level, parent_kinds) values ('street_department', 'grid_governance', '街道部门', 'below', array['street']::text[])
  on conflict (kind) do update set plugin = excluded.plugin, label = excluded.label, level = excluded.level, parent_kinds = excluded.parent_kinds;
insert into private.member_roles (role, plugin, label, unit_kinds, writes) values ('grid_leader', 'grid_governance', '网格长', array['grid']::text[], false)
  on conflict (role) do update set plugin = excluded.plugin, label = excluded.label, unit_kinds = excluded.unit_kinds, writes = excluded.writes;
insert into private.member_roles (role, plugin, label, unit_kinds, writes) values ('grid_worker', 'grid_governance', '网格员', array['grid', 'micro_grid']::text[], false)
  on conflict (role) do update set plugin = excluded.plugin, label = excluded.label, unit_kinds = excluded.unit_kinds, writes = excluded.writes;
insert into private.member_roles (role, plugin, label, unit_kinds, writes) values ('micro_grid_worker', 'grid_governance', '微网格员', array['micro_grid']::text[], false)
  on conflict (role) do update set plugin = excluded.plugin, label = excluded.label, unit_kinds = excluded.unit_kinds, writes = excluded.writes;
insert into private.member_roles (role, plugin, label, unit_kinds, writes) values ('community_worker', 'grid_governance', '社区工作者', array['community']::text[], false)
  on conflict (role) do update set plugin = excluded.plugin, label = excluded.label, unit_kinds = excluded.unit_kinds, writes = excluded.writes;
insert into private.member_roles (role, plugin, label, unit_kinds, writes) values ('office_handler', 'grid_governance', '部门经办人', array['street_department']::text[], false)
  on conflict (role) do update set plugin = excluded.plugin, label = excluded.label, unit_kinds = excluded.unit_kinds, writes = excluded.writes;

-- grid_governance/sql/007_roster_import.sql
-- The grids and their staff as rosters (导入网格, 导入网格人员), as the households are: the browser
-- checks the file first, then one call, one transaction; the database checks every row again as
-- the caller may write it (the street office: units and invitations are its to make) and, when
-- any is refused, writes nothing and names the rows in the error's detail as
-- [{ row, column, message }]. Names are the natural keys: what is there already is left as it is,
-- so the same file imported twice changes nothing.
--
-- Both are SECURITY INVOKER: a unit is found by name only among those the caller reads, and is
-- made (units_insert) or a person invited (invite_member) only as the caller may.

-- The unit a roster names: the community by its name in the street (none: the street itself),
-- then, when a grid is named, the one grid or micro-grid of that name in it. Null when there is
-- none or more than one; `p_kinds` the kinds the grid may be.
create function private.grid_roster_unit(p_street_id bigint, p_community text, p_grid text, p_kinds text[])
returns bigint
language plpgsql stable
set search_path = ''
as $$
declare
  v_community bigint;
  v_unit bigint;
begin
  if coalesce(p_community, '') = '' then
    select u.id into v_community from public.units u where u.id = p_street_id and u.kind::text = 'street';
  else
    select case when count(*) = 1 then min(u.id) end into v_community from public.units u
    where u.street_id = p_street_id and u.kind::text = 'community' and u.name = p_community;
  end if;
  if v_community is null or coalesce(p_grid, '') = '' then
    return v_community;
  end if;
  select case when count(*) = 1 then min(u.id) end into v_unit from public.units u
  where u.street_id = p_street_id and u.kind::text = any (p_kinds) and u.name = p_grid
    and u.unit_path @> array[v_community]
    -- (a street-level grid is not any community's)
    and (v_community <> p_street_id or u.community_id is null);
  return v_unit;
end;
$$;

create function public.grid_import_grids(p_street_id bigint, p_rows jsonb)
returns jsonb
language plpgsql security invoker
set search_path = ''
as $$
declare
  v_row jsonb;
  v_errors jsonb := '[]';
  v_top bigint;
  v_parent bigint;
  v_same public.units;
  v_inserted int := 0;
  v_unchanged int := 0;
  v_message text;
  v_state text;
begin
  if jsonb_typeof(p_rows) is distinct from 'array' or jsonb_array_length(p_rows) > 20000 then
    raise exception '一次最多导入 20000 行' using errcode = '22023', hint = 'p_rows';
  end if;
  -- In the file's order: a grid named as a parent may be made a few rows above.
  for v_row in select value from jsonb_array_elements(p_rows) loop
    begin
      if v_row->>'kind' not in ('grid', 'micro_grid') then
        v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', 'level', 'message', '层级须是网格或微网格');
        continue;
      end if;
      v_top := private.grid_roster_unit(p_street_id, v_row->>'community', null, null);
      if v_top is null then
        v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', 'community', 'message', '本街道没有这个社区，或你无权查看');
        continue;
      end if;
      if coalesce(v_row->>'parent', '') = '' then
        v_parent := v_top;
      else
        v_parent := private.grid_roster_unit(p_street_id, v_row->>'community', v_row->>'parent', array['grid']);
        if v_parent is null then
          v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', 'parent', 'message', '没有这个上级网格（或有重名）');
          continue;
        end if;
      end if;
      select * into v_same from public.units u
      where u.parent_id = v_parent and u.name = v_row->>'name' and u.kind::text in ('grid', 'micro_grid');
      if v_same.id is not null then
        if v_same.kind::text <> v_row->>'kind' then
          v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', 'level', 'message',
            case when v_same.kind::text = 'grid' then '同一上级下已有同名的网格' else '同一上级下已有同名的微网格' end);
        else
          v_unchanged := v_unchanged + 1;
        end if;
        continue;
      end if;
      insert into public.units (kind, name, parent_id) values ((v_row->>'kind')::public.unit_kind, v_row->>'name', v_parent);
      v_inserted := v_inserted + 1;
    exception when others then
      get stacked diagnostics v_message = message_text, v_state = returned_sqlstate;
      v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', case when v_state = '42501' then 'community' else 'name' end,
        'message', case when v_state = '42501' then '你无权在本街道建立网格' when v_state like '22%' then '名称不符合要求' else v_message end);
    end;
  end loop;
  if jsonb_array_length(v_errors) > 0 then
    raise exception '有 % 行不能导入，未写入任何数据', jsonb_array_length(v_errors) using errcode = '22023', detail = v_errors::text;
  end if;
  return jsonb_build_object('inserted', v_inserted, 'unchanged', v_unchanged);
end;
$$;

-- Each person is invited to their role in their unit with the office's initial password, as the
-- office's own invitation does (invite_member: the account is made when the address has none, and
-- the role is theirs once they accept). Someone who holds the role there already, or is invited to
-- it and has not answered, is left as they are.
create function public.grid_import_staff(p_street_id bigint, p_rows jsonb, p_password text)
returns jsonb
language plpgsql security invoker
set search_path = ''
as $$
declare
  v_row jsonb;
  v_errors jsonb := '[]';
  v_top bigint;
  v_unit bigint;
  v_invited int := 0;
  v_unchanged int := 0;
  v_message text;
  v_state text;
  v_hint text;
begin
  if jsonb_typeof(p_rows) is distinct from 'array' or jsonb_array_length(p_rows) > 5000 then
    raise exception '一次最多导入 5000 人' using errcode = '22023', hint = 'p_rows';
  end if;
  if length(coalesce(p_password, '')) < 8 then
    raise exception '初始密码至少 8 位' using errcode = '22023', hint = 'password';
  end if;
  for v_row in select value from jsonb_array_elements(p_rows) loop
    begin
      v_top := private.grid_roster_unit(p_street_id, v_row->>'community', null, null);
      if v_top is null then
        v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', 'community', 'message', '本街道没有这个社区，或你无权查看');
        continue;
      end if;
      if coalesce(v_row->>'grid', '') = '' then
        if v_top = p_street_id then
          v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', 'grid', 'message', '请填写社区或网格');
          continue;
        end if;
        v_unit := v_top;
      else
        v_unit := private.grid_roster_unit(p_street_id, v_row->>'community', v_row->>'grid', array['grid', 'micro_grid']);
        if v_unit is null then
          v_errors := v_errors || jsonb_build_object('row', v_row->'row', 'column', 'grid', 'message', '没有这个网格或微网格（或有重名）');
          continue;
        end if;
      end if;
      -- (the street's office reads its street's memberships and invitations)
      if exists (select 1 from public.memberships m join public.profiles p on p.id = m.user_id
                 where m.unit_id = v_unit and m.role::text = v_row->>'role' and lower(p.email) = lower(v_row->>'email'))
         or exists (select 1 from public.member_invitations i
                    where i.unit_id = v_unit and i.role::text = v_row->>'role' and lower(i.email) = lower(v_row->>'email') and i.status = 'pending') then
        v_unchanged := v_unchanged + 1;
        continue;
      end if;
      perform public.invite_member(v_row->>'email', v_row->>'full_name', p_password, v_unit, (v_row->>'role')::public.member_role);
      v_invited := v_invited + 1;
    exception when others then
      get stacked diagnostics v_message = message_text, v_state = returned_sqlstate, v_hint = pg_exception_hint;
      v_errors := v_errors || jsonb_build_object('row', v_row->'row',
        'column', case v_hint when 'email' then 'email' when 'full_name' then 'full_name' when 'role' then 'role' when 'unit_id' then 'role'
                              else case when v_state = '22P02' then 'role' end end,
        'message', case when v_state = '22P02' then '没有这个角色' else v_message end);
    end;
  end loop;
  if jsonb_array_length(v_errors) > 0 then
    raise exception '有 % 行不能导入，未写入任何数据', jsonb_array_length(v_errors) using errcode = '22023', detail = v_errors::text;
  end if;
  return jsonb_build_object('invited', v_invited, 'unchanged', v_unchanged);
end;
$$;

revoke all on function private.grid_roster_unit(bigint, text, text, text[]) from public, anon;
grant execute on function private.grid_roster_unit(bigint, text, text, text[]) to authenticated, service_role;
revoke all on function public.grid_import_grids(bigint, jsonb), public.grid_import_staff(bigint, jsonb, text) from public, anon;
grant execute on function public.grid_import_grids(bigint, jsonb), public.grid_import_staff(bigint, jsonb, text) to authenticated;

create function workflow_plugins."grid_governance_v6__reportComplete"(input jsonb, params jsonb) returns boolean
language sql stable
set search_path = ''
as $body$
select coalesce(
            jsonb_typeof(input->'form'->'category') = 'string' and length(input->'form'->>'category') between 1 and 20
            and jsonb_typeof(input->'form'->'description') = 'string' and length(input->'form'->>'description') between 5 and 2000
            and jsonb_typeof(input->'form'->'location') = 'string' and length(input->'form'->>'location') between 2 and 200
            and input->'form'->>'urgency' in ('normal', 'urgent', 'critical')
            and (not input->'form' ? 'household_id'
              or jsonb_typeof(input->'form'->'household_id') = 'number' and (input->'form'->>'household_id') ~ '^[1-9][0-9]{0,17}$'), false)
$body$;

create function workflow_plugins."grid_governance_v6__facts"(instance_id bigint) returns jsonb
language plpgsql stable
set search_path = ''
as $body$
declare
  v_street bigint;
  v_urgency text;
  v_days jsonb;
begin
  select i.street_id, coalesce(i.form->>'urgency', 'normal') into v_street, v_urgency
  from public.workflow_instances i where i.id = $1;
  -- Each step's days for the case's urgency: the street's latest rule, else the default.
  select jsonb_object_agg(d.state, coalesce(
           (select r.days from public.grid_deadline_rules r
            where r.street_id = v_street and r.state = d.state and r.urgency = v_urgency
            order by r.id desc limit 1),
           case v_urgency when 'normal' then d.normal when 'urgent' then d.urgent else d.critical end))
    into v_days
  from (values
    ('triage', 1, 0, 0),
    ('grid_handling', 3, 1, 0),
    ('community_handling', 5, 2, 1),
    ('street_dispatch', 1, 0, 0),
    ('office_handling', 10, 5, 2),
    ('consulting', 3, 2, 1),
    ('visit', 3, 3, 2)
  ) d (state, normal, urgent, critical);
  return jsonb_build_object('urgency', v_urgency, 'days', v_days);
end;
$body$;

create function workflow_plugins."grid_governance_v6__form_check"(form jsonb, subject_unit_id bigint) returns jsonb
language plpgsql stable
set search_path = ''
as $body$
begin
  if jsonb_typeof(form->'category') = 'string' and not exists (
    select 1 from public.grid_lists l join public.units u on u.id = subject_unit_id
    where l.street_id = u.street_id and l.list = 'event_category' and l.label = form->>'category'
  ) then
    return jsonb_build_object('path', 'category', 'rule', 'categoryListed');
  end if;
  if jsonb_typeof(form->'household_id') = 'number' and not exists (
    select 1 from public.grid_households h
    where h.id = (form->>'household_id')::bigint and subject_unit_id = any (h.grid_path)
  ) then
    return jsonb_build_object('path', 'household_id', 'rule', 'householdInGrid');
  end if;
  return null;
end;
$body$;

insert into public.workflow_definitions (workflow, version, initial_state, states, start_roles, subject_kinds, form_schema, form_editable_states, form_editor_roles, has_facts, has_form_check)
values ('grid_governance', 6, 'draft', '[{"path":"draft","final":false},{"path":"triage","final":false},{"path":"grid_handling","final":false},{"path":"community_handling","final":false},{"path":"street_dispatch","final":false},{"path":"office_handling","final":false},{"path":"consulting","final":false},{"path":"visit","final":false},{"path":"closed","final":true},{"path":"discarded","final":true}]'::jsonb, array['grid_leader', 'grid_worker', 'micro_grid_worker', 'community_worker']::text[], array['micro_grid', 'grid']::text[], '{"type":"object","properties":{"category":{"type":"string","minLength":1,"maxLength":20},"description":{"type":"string","minLength":5,"maxLength":2000},"location":{"type":"string","minLength":2,"maxLength":200},"household_id":{"type":"integer","exclusiveMinimum":0,"maximum":9007199254740991},"urgency":{"type":"string","enum":["normal","urgent","critical"]}},"additionalProperties":false}'::jsonb, array['draft']::text[], array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], true, true);

insert into public.workflow_event_types (workflow, version, event, payload_schema) values
  ('grid_governance', 6, 'report', '{"type":"object","properties":{},"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'discard', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'handle_in_grid', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'assign_community', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'escalate', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'send_back', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'close_invalid', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'resolve', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'refer', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'dispatch', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'return_to_community', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'consult', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'agree', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'disagree', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'return_to_street', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'visit_satisfied', '{"type":"object","properties":{"satisfaction":{"type":"string","enum":["satisfied","basically_satisfied"]},"comment":{"type":"string","maxLength":500}},"required":["satisfaction"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 6, 'visit_unsatisfied', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb);

insert into public.workflow_transitions (workflow, version, from_state, event, to_state, roles, guard, actions, depth, priority) values
  ('grid_governance', 6, 'draft', 'report', 'triage', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], '{"guard":"reportComplete"}'::jsonb, array['snapshotForm']::text[], 1, 0),
  ('grid_governance', 6, 'draft', 'discard', 'discarded', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'triage', 'handle_in_grid', 'grid_handling', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'triage', 'assign_community', 'community_handling', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'triage', 'escalate', 'street_dispatch', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'triage', 'send_back', 'draft', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'triage', 'close_invalid', 'discarded', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'grid_handling', 'resolve', 'visit', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'grid_handling', 'refer', 'triage', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'community_handling', 'resolve', 'visit', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'community_handling', 'refer', 'triage', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'community_handling', 'escalate', 'street_dispatch', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'street_dispatch', 'dispatch', 'office_handling', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'street_dispatch', 'return_to_community', 'triage', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'office_handling', 'resolve', 'visit', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'office_handling', 'consult', 'consulting', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'office_handling', 'return_to_street', 'street_dispatch', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'consulting', 'agree', 'office_handling', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'consulting', 'disagree', 'office_handling', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'visit', 'visit_satisfied', 'closed', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 6, 'visit', 'visit_unsatisfied', 'triage', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0);

insert into public.workflow_deadlines (workflow, version, state, due_after, due_fact, remind_before, repeat_every, remind_roles, escalate_roles, fire_event, urge_every) values
  ('grid_governance', 6, 'triage', null, array['days', 'triage']::text[], '1 days'::interval, '24 hours'::interval, array['community_worker']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 6, 'grid_handling', null, array['days', 'grid_handling']::text[], '1 days'::interval, '24 hours'::interval, array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], array['community_worker']::text[], null, '4 hours'::interval),
  ('grid_governance', 6, 'community_handling', null, array['days', 'community_handling']::text[], '1 days'::interval, '24 hours'::interval, array['community_worker']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 6, 'street_dispatch', null, array['days', 'street_dispatch']::text[], '1 days'::interval, '24 hours'::interval, array['street_office']::text[], array[]::text[], null, '4 hours'::interval),
  ('grid_governance', 6, 'office_handling', null, array['days', 'office_handling']::text[], '1 days'::interval, '24 hours'::interval, array['office_handler']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 6, 'consulting', null, array['days', 'consulting']::text[], '1 days'::interval, '24 hours'::interval, array['office_handler']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 6, 'visit', null, array['days', 'visit']::text[], '1 days'::interval, '24 hours'::interval, array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], array['community_worker']::text[], null, '4 hours'::interval);

insert into public.workflow_state_options (workflow, version, state, assign_roles, assign_multiple, assign_required, return_to_any) values
  ('grid_governance', 6, 'community_handling', array['community_worker']::text[], false, false, false),
  ('grid_governance', 6, 'office_handling', array['office_handler']::text[], false, false, false),
  ('grid_governance', 6, 'consulting', array['office_handler']::text[], true, false, false);

insert into public.workflow_countersign_rules (workflow, version, state, rule, share, approve_events, reject_events, reject_by, add_signers) values
  ('grid_governance', 6, 'consulting', 'all', null, array['agree']::text[], array['disagree']::text[], 'anyone', true);
