-- Workflow "grid_governance", version 5, generated from its plugin by `npm run workflows:compile`.
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

-- grid_governance/sql/006_event_photos.sql
-- Photos as evidence of an event (现场照片): what the grid worker saw when reporting it, what the
-- handler shows when it is done. A private Storage bucket whose objects live under the event and
-- the step they were taken at, `<instance id>/<state>/<file>`, e.g. `1234/draft/1733.jpg`.
-- RLS on storage.objects, evaluated by Supabase Storage as the caller:
-- - read: whoever reads the event (the instances' own policy, asked as the caller);
-- - add: whoever may act on the event at its current step, into that step's folder only — the
--   named handlers where the step has them — while the event is open;
-- - remove: one's own photo, while its step lasts; what a step has moved on from stays.
-- No one overwrites a photo (no update policy): a new one is a new name.

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('grid-photos', 'grid-photos', false, 10 * 1024 * 1024, array['image/png', 'image/jpeg', 'image/webp'])
on conflict (id) do update
  set public = excluded.public,
      file_size_limit = excluded.file_size_limit,
      allowed_mime_types = excluded.allowed_mime_types;

-- The event a photo's name is under: its first folder, when that is an id; null otherwise
-- (which no policy matches).
create function private.grid_photo_instance(p_name text) returns bigint
language plpgsql immutable
set search_path = ''
as $$
declare
  v_folder text := (storage.foldername(p_name))[1];
begin
  if v_folder ~ '^[1-9][0-9]{0,17}$' then
    return v_folder::bigint;
  end if;
  return null;
end;
$$;

-- Whether the caller may add a photo of this name now: `<event>/<its current step>/<file>`, the
-- event open, and the caller one who may send an event there (a role of theirs where the event
-- lies, and one of its named handlers when the step has them). Read as the owner, but only of an
-- event the caller reaches (roles_in_scope is empty elsewhere), and it answers only yes or no.
create function private.grid_photo_may_add(p_name text) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.workflow_instances i
    where i.id = private.grid_photo_instance(p_name)
      and i.workflow = 'grid_governance' and not i.done
      and cardinality(storage.foldername(p_name)) = 2
      and (storage.foldername(p_name))[2] = i.state
      and exists (
        select 1 from public.workflow_transitions t
        where t.workflow = i.workflow and t.version = i.version and t.from_state = i.state
          and t.roles && private.roles_in_scope(i.street_id, i.community_id, i.unit_path))
      and (not exists (select 1 from public.workflow_assignments a where a.instance_id = i.id and a.ended_at is null)
           or exists (select 1 from public.workflow_assignments a
                      where a.instance_id = i.id and a.ended_at is null and a.user_id = (select auth.uid()))))
$$;

revoke all on function private.grid_photo_instance(text), private.grid_photo_may_add(text) from public, anon;
grant execute on function private.grid_photo_instance(text), private.grid_photo_may_add(text) to authenticated, service_role;

create policy grid_photos_select on storage.objects for select to authenticated
using (
  bucket_id = 'grid-photos'
  and exists (select 1 from public.workflow_instances i where i.id = private.grid_photo_instance(name) and i.workflow = 'grid_governance')
);
create policy grid_photos_insert on storage.objects for insert to authenticated
with check (bucket_id = 'grid-photos' and private.grid_photo_may_add(name));
create policy grid_photos_delete on storage.objects for delete to authenticated
using (bucket_id = 'grid-photos' and owner_id = (select auth.uid())::text and private.grid_photo_may_add(name));

create function workflow_plugins."grid_governance_v5__reportComplete"(input jsonb, params jsonb) returns boolean
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

create function workflow_plugins."grid_governance_v5__facts"(instance_id bigint) returns jsonb
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

create function workflow_plugins."grid_governance_v5__form_check"(form jsonb, subject_unit_id bigint) returns jsonb
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
values ('grid_governance', 5, 'draft', '[{"path":"draft","final":false},{"path":"triage","final":false},{"path":"grid_handling","final":false},{"path":"community_handling","final":false},{"path":"street_dispatch","final":false},{"path":"office_handling","final":false},{"path":"consulting","final":false},{"path":"visit","final":false},{"path":"closed","final":true},{"path":"discarded","final":true}]'::jsonb, array['grid_leader', 'grid_worker', 'micro_grid_worker', 'community_worker']::text[], array['micro_grid', 'grid']::text[], '{"type":"object","properties":{"category":{"type":"string","minLength":1,"maxLength":20},"description":{"type":"string","minLength":5,"maxLength":2000},"location":{"type":"string","minLength":2,"maxLength":200},"household_id":{"type":"integer","exclusiveMinimum":0,"maximum":9007199254740991},"urgency":{"type":"string","enum":["normal","urgent","critical"]}},"additionalProperties":false}'::jsonb, array['draft']::text[], array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], true, true);

insert into public.workflow_event_types (workflow, version, event, payload_schema) values
  ('grid_governance', 5, 'report', '{"type":"object","properties":{},"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'discard', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'handle_in_grid', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'assign_community', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'escalate', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'send_back', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'close_invalid', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'resolve', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'refer', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'dispatch', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'return_to_community', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'consult', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'agree', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'disagree', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'return_to_street', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'visit_satisfied', '{"type":"object","properties":{"satisfaction":{"type":"string","enum":["satisfied","basically_satisfied"]},"comment":{"type":"string","maxLength":500}},"required":["satisfaction"],"additionalProperties":false}'::jsonb),
  ('grid_governance', 5, 'visit_unsatisfied', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb);

insert into public.workflow_transitions (workflow, version, from_state, event, to_state, roles, guard, actions, depth, priority) values
  ('grid_governance', 5, 'draft', 'report', 'triage', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], '{"guard":"reportComplete"}'::jsonb, array['snapshotForm']::text[], 1, 0),
  ('grid_governance', 5, 'draft', 'discard', 'discarded', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'triage', 'handle_in_grid', 'grid_handling', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'triage', 'assign_community', 'community_handling', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'triage', 'escalate', 'street_dispatch', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'triage', 'send_back', 'draft', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'triage', 'close_invalid', 'discarded', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'grid_handling', 'resolve', 'visit', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'grid_handling', 'refer', 'triage', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'community_handling', 'resolve', 'visit', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'community_handling', 'refer', 'triage', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'community_handling', 'escalate', 'street_dispatch', array['community_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'street_dispatch', 'dispatch', 'office_handling', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'street_dispatch', 'return_to_community', 'triage', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'office_handling', 'resolve', 'visit', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'office_handling', 'consult', 'consulting', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'office_handling', 'return_to_street', 'street_dispatch', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'consulting', 'agree', 'office_handling', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'consulting', 'disagree', 'office_handling', array['office_handler']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'visit', 'visit_satisfied', 'closed', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0),
  ('grid_governance', 5, 'visit', 'visit_unsatisfied', 'triage', array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], null, array[]::text[], 1, 0);

insert into public.workflow_deadlines (workflow, version, state, due_after, due_fact, remind_before, repeat_every, remind_roles, escalate_roles, fire_event, urge_every) values
  ('grid_governance', 5, 'triage', null, array['days', 'triage']::text[], '1 days'::interval, '24 hours'::interval, array['community_worker']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 5, 'grid_handling', null, array['days', 'grid_handling']::text[], '1 days'::interval, '24 hours'::interval, array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], array['community_worker']::text[], null, '4 hours'::interval),
  ('grid_governance', 5, 'community_handling', null, array['days', 'community_handling']::text[], '1 days'::interval, '24 hours'::interval, array['community_worker']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 5, 'street_dispatch', null, array['days', 'street_dispatch']::text[], '1 days'::interval, '24 hours'::interval, array['street_office']::text[], array[]::text[], null, '4 hours'::interval),
  ('grid_governance', 5, 'office_handling', null, array['days', 'office_handling']::text[], '1 days'::interval, '24 hours'::interval, array['office_handler']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 5, 'consulting', null, array['days', 'consulting']::text[], '1 days'::interval, '24 hours'::interval, array['office_handler']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('grid_governance', 5, 'visit', null, array['days', 'visit']::text[], '1 days'::interval, '24 hours'::interval, array['grid_leader', 'grid_worker', 'micro_grid_worker']::text[], array['community_worker']::text[], null, '4 hours'::interval);

insert into public.workflow_state_options (workflow, version, state, assign_roles, assign_multiple, assign_required, return_to_any) values
  ('grid_governance', 5, 'community_handling', array['community_worker']::text[], false, false, false),
  ('grid_governance', 5, 'office_handling', array['office_handler']::text[], false, false, false),
  ('grid_governance', 5, 'consulting', array['office_handler']::text[], true, false, false);

insert into public.workflow_countersign_rules (workflow, version, state, rule, share, approve_events, reject_events, reject_by, add_signers) values
  ('grid_governance', 5, 'consulting', 'all', null, array['agree']::text[], array['disagree']::text[], 'anyone', true);
