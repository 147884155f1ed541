-- The workflow engine: machine definitions compiled from workflows/*/ (one migration per
-- workflow version, written by `npm run workflows:compile`), running instances, the append-only
-- event log, and the one function that fires an event. No client writes an instance directly.
--
-- Facts: what a guard needs to know beyond the form, the payload and the roles (the campaign's
-- phase and filing window, say). A plugin's facts function computes them from the instance;
-- fire_event passes them to the guards as input->'facts', and workflow_facts() hands the same
-- JSON to the browser, so the machine there decides on the same facts.
-- Form checks: rules across fields of the form that JSON Schema cannot say (people ≥ households,
-- compounds among the community's own), as (form, subject unit) → { path, rule } or null.
-- What a caller may see and what they may do are two questions: a community's filer sees its
-- street's own workflows (the campaign) but holds no role in them; the functions answer "not
-- found" only for what the caller cannot see, and "not your role" for what they cannot do.

-- Guards and actions of each workflow version, compiled from the plugins. Not exposed.
create schema if not exists workflow_plugins;
revoke all on schema workflow_plugins from public;

-- ---------------------------------------------------------------------------------------------
-- Definitions: one row per workflow version, its transitions and its events. Written only by
-- migrations; every signed-in user may read them (the admin draws the machine from them too).
-- ---------------------------------------------------------------------------------------------
create table public.workflow_definitions (
  workflow text not null check (workflow ~ '^[a-z][a-z0-9_]*$'),
  version int not null check (version > 0),
  initial_state text not null,
  -- atomic states: [{ "path": "review.open", "final": false }]
  states jsonb not null,
  start_roles text[] not null,
  subject_kinds text[] not null,
  form_schema jsonb not null,
  form_editable_states text[] not null,
  form_editor_roles text[] not null,
  -- the version has a facts function / a form check function (workflow_plugins.<wf>_v<n>__...)
  has_facts boolean not null default false,
  has_form_check boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (workflow, version)
);

create table public.workflow_transitions (
  workflow text not null,
  version int not null,
  from_state text not null,
  event text not null,
  -- null: a targetless transition, the state stays
  to_state text,
  roles text[] not null check (cardinality(roles) > 0),
  -- { "guard": name, "params": {...} } | { "and": [...] } | { "or": [...] } | { "not": ... }
  guard jsonb,
  actions text[] not null default '{}',
  depth int not null,
  priority int not null,
  primary key (workflow, version, from_state, event, priority),
  foreign key (workflow, version) references public.workflow_definitions
);

create table public.workflow_event_types (
  workflow text not null,
  version int not null,
  event text not null,
  payload_schema jsonb not null,
  primary key (workflow, version, event),
  foreign key (workflow, version) references public.workflow_definitions
);

-- ---------------------------------------------------------------------------------------------
-- Instances, the event log and form snapshots
-- ---------------------------------------------------------------------------------------------
create table public.workflow_instances (
  id bigint generated always as identity primary key,
  workflow text not null,
  version int not null,
  state text not null,
  subject_unit_id bigint not null references public.units on delete restrict,
  street_id bigint not null,
  community_id bigint,
  form jsonb not null default '{}' check (jsonb_typeof(form) = 'object'),
  form_saved_at timestamptz,
  -- the form's own revision: a tab that loaded an older one cannot overwrite a newer draft
  form_revision int not null default 0,
  -- optimistic lock: the revision the sender saw must be the one it fires on
  revision int not null default 0,
  done boolean not null default false,
  created_by uuid references auth.users on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (workflow, version) references public.workflow_definitions
);
create index workflow_instances_street_id_id_idx on public.workflow_instances (street_id, id);
create index workflow_instances_community_id_id_idx on public.workflow_instances (community_id, id);
create index workflow_instances_subject_idx on public.workflow_instances (subject_unit_id, workflow);

create table public.workflow_events (
  id bigint generated always as identity primary key,
  instance_id bigint not null references public.workflow_instances on delete restrict,
  workflow text not null,
  version int not null,
  event text not null,
  -- null on the row that records the start
  from_state text,
  to_state text not null,
  payload jsonb not null default '{}',
  comment text,
  actor_id uuid,
  actor_roles text[] not null default '{}',
  street_id bigint not null,
  community_id bigint,
  created_at timestamptz not null default clock_timestamp()
);
create index workflow_events_instance_idx on public.workflow_events (instance_id, id);
create index workflow_events_street_id_id_idx on public.workflow_events (street_id, id);
create index workflow_events_community_id_id_idx on public.workflow_events (community_id, id);

create table public.workflow_snapshots (
  id bigint generated always as identity primary key,
  instance_id bigint not null references public.workflow_instances on delete restrict,
  event_id bigint not null references public.workflow_events on delete restrict,
  form jsonb not null,
  street_id bigint not null,
  community_id bigint,
  created_at timestamptz not null default clock_timestamp()
);
create index workflow_snapshots_instance_idx on public.workflow_snapshots (instance_id, id);

-- The log and the snapshots are append-only for everyone, the table owner included. The one
-- update allowed is the scope following a moved unit, from the units trigger below.
create function private.workflow_append_only() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE' and pg_trigger_depth() > 1
     and (to_jsonb(new) - 'street_id' - 'community_id') = (to_jsonb(old) - 'street_id' - 'community_id') then
    return new;
  end if;
  raise exception '% is append-only: % refused', tg_table_name, lower(tg_op)
    using errcode = 'WF010', hint = 'the workflow log keeps every event; nothing in it changes';
end;
$$;
create trigger workflow_events_append_only before update or delete on public.workflow_events
for each row execute function private.workflow_append_only();
create trigger workflow_events_no_truncate before truncate on public.workflow_events
for each statement execute function private.workflow_append_only();
create trigger workflow_snapshots_append_only before update or delete on public.workflow_snapshots
for each row execute function private.workflow_append_only();
create trigger workflow_snapshots_no_truncate before truncate on public.workflow_snapshots
for each statement execute function private.workflow_append_only();

-- A moved unit takes its workflows, their log and snapshots into its new scope.
-- SECURITY DEFINER: the office moving a unit has no write on workflow rows, and needs none.
create function private.units_cascade_workflow_scope() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update public.workflow_instances set street_id = new.street_id, community_id = new.community_id
  where subject_unit_id = new.id;
  update public.workflow_events e set street_id = new.street_id, community_id = new.community_id
  from public.workflow_instances i where i.subject_unit_id = new.id and e.instance_id = i.id;
  update public.workflow_snapshots s set street_id = new.street_id, community_id = new.community_id
  from public.workflow_instances i where i.subject_unit_id = new.id and s.instance_id = i.id;
  return null;
end;
$$;
-- Not `update of street_id, community_id`: those change through units' before-trigger, which a
-- column-list trigger does not see.
create trigger units_cascade_workflow_scope
after update on public.units
for each row when (old.street_id is distinct from new.street_id or old.community_id is distinct from new.community_id)
execute function private.units_cascade_workflow_scope();

-- ---------------------------------------------------------------------------------------------
-- Privileges and policies: read by scope, like the units; written only by the functions below.
-- ---------------------------------------------------------------------------------------------
alter table public.workflow_definitions enable row level security;
alter table public.workflow_transitions enable row level security;
alter table public.workflow_event_types enable row level security;
alter table public.workflow_instances enable row level security;
alter table public.workflow_events enable row level security;
alter table public.workflow_snapshots enable row level security;

-- Explicit revokes too: a Supabase project's default privileges grant service_role everything.
revoke all on public.workflow_definitions, public.workflow_transitions, public.workflow_event_types,
  public.workflow_instances, public.workflow_events, public.workflow_snapshots
  from anon, authenticated, service_role;
grant select on public.workflow_definitions, public.workflow_transitions, public.workflow_event_types,
  public.workflow_instances, public.workflow_events, public.workflow_snapshots
  to authenticated, service_role;

create policy workflow_definitions_select on public.workflow_definitions for select to authenticated using (true);
create policy workflow_transitions_select on public.workflow_transitions for select to authenticated using (true);
create policy workflow_event_types_select on public.workflow_event_types for select to authenticated using (true);
create policy workflow_instances_select on public.workflow_instances for select to authenticated
using (
  street_id = any ((select private.scope_unit_ids())::bigint[])
  or community_id = any ((select private.scope_unit_ids())::bigint[])
  -- a street's own workflows (the campaign) are read by its communities too
  or (community_id is null and street_id = any ((select private.member_street_ids())::bigint[]))
);
create policy workflow_events_select on public.workflow_events for select to authenticated
using (
  street_id = any ((select private.scope_unit_ids())::bigint[])
  or community_id = any ((select private.scope_unit_ids())::bigint[])
  -- a street's own workflows (the campaign) are read by its communities too
  or (community_id is null and street_id = any ((select private.member_street_ids())::bigint[]))
);
create policy workflow_snapshots_select on public.workflow_snapshots for select to authenticated
using (
  street_id = any ((select private.scope_unit_ids())::bigint[])
  or community_id = any ((select private.scope_unit_ids())::bigint[])
);

-- ---------------------------------------------------------------------------------------------
-- Engine internals
-- ---------------------------------------------------------------------------------------------

-- The caller's roles where a row of (street, community) lives: street-wide roles of the street,
-- community roles of the community. Empty: the caller cannot see it.
create function private.roles_in_scope(p_street_id bigint, p_community_id bigint) returns text[]
language plpgsql stable security definer
set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(distinct m.role::text), '{}')
    from public.memberships m
    join public.profiles p on p.id = m.user_id and not p.disabled
    where m.user_id = (select auth.uid())
      and ((m.community_id is null and m.street_id = p_street_id)
        or (m.community_id is not null and m.community_id = p_community_id))
  );
end;
$$;

-- The first thing wrong with a JSON value against the JSON Schema subset the compiler emits
-- (src/workflow/compile.ts), as { path, rule, limit }; null when it conforms.
create function private.wf_json_error(p_schema jsonb, p_value jsonb, p_path text default '') returns jsonb
language plpgsql immutable
set search_path = ''
as $$
declare
  v_type text := jsonb_typeof(p_value);
  v_types jsonb := p_schema->'type';
  v_key text;
  v_sub jsonb;
  v_error jsonb;
  v_len int;
  v_num numeric;
  v_ok boolean;
begin
  if p_schema ? 'anyOf' then
    for v_sub in select * from jsonb_array_elements(p_schema->'anyOf') loop
      if private.wf_json_error(v_sub, p_value, p_path) is null then return null; end if;
    end loop;
    return jsonb_build_object('path', p_path, 'rule', 'anyOf');
  end if;
  if v_types is not null then
    if jsonb_typeof(v_types) = 'string' then v_types := jsonb_build_array(v_types); end if;
    v_ok := v_types ? v_type
      or (v_type = 'number' and v_types ? 'integer' and p_value::text::numeric = trunc(p_value::text::numeric));
    if not v_ok then
      return jsonb_build_object('path', p_path, 'rule', 'type', 'limit', p_schema->'type');
    end if;
  end if;
  if p_schema ? 'const' and p_value <> p_schema->'const' then
    return jsonb_build_object('path', p_path, 'rule', 'const', 'limit', p_schema->'const');
  end if;
  if p_schema ? 'enum' and not exists (select 1 from jsonb_array_elements(p_schema->'enum') e where e = p_value) then
    return jsonb_build_object('path', p_path, 'rule', 'enum', 'limit', p_schema->'enum');
  end if;
  if v_type = 'string' then
    v_len := char_length(p_value #>> '{}');
    if (p_schema->>'minLength')::int > v_len then return jsonb_build_object('path', p_path, 'rule', 'minLength', 'limit', p_schema->'minLength'); end if;
    if (p_schema->>'maxLength')::int < v_len then return jsonb_build_object('path', p_path, 'rule', 'maxLength', 'limit', p_schema->'maxLength'); end if;
    if p_schema ? 'pattern' and not ((p_value #>> '{}') ~ (p_schema->>'pattern')) then
      return jsonb_build_object('path', p_path, 'rule', 'pattern', 'limit', p_schema->'pattern');
    end if;
  elsif v_type = 'number' then
    v_num := (p_value #>> '{}')::numeric;
    if (p_schema->>'minimum')::numeric > v_num then return jsonb_build_object('path', p_path, 'rule', 'minimum', 'limit', p_schema->'minimum'); end if;
    if (p_schema->>'maximum')::numeric < v_num then return jsonb_build_object('path', p_path, 'rule', 'maximum', 'limit', p_schema->'maximum'); end if;
    if (p_schema->>'exclusiveMinimum')::numeric >= v_num then return jsonb_build_object('path', p_path, 'rule', 'exclusiveMinimum', 'limit', p_schema->'exclusiveMinimum'); end if;
    if (p_schema->>'exclusiveMaximum')::numeric <= v_num then return jsonb_build_object('path', p_path, 'rule', 'exclusiveMaximum', 'limit', p_schema->'exclusiveMaximum'); end if;
  elsif v_type = 'array' then
    v_len := jsonb_array_length(p_value);
    if (p_schema->>'minItems')::int > v_len then return jsonb_build_object('path', p_path, 'rule', 'minItems', 'limit', p_schema->'minItems'); end if;
    if (p_schema->>'maxItems')::int < v_len then return jsonb_build_object('path', p_path, 'rule', 'maxItems', 'limit', p_schema->'maxItems'); end if;
    if p_schema ? 'items' then
      for v_len in 0 .. jsonb_array_length(p_value) - 1 loop
        v_error := private.wf_json_error(p_schema->'items', p_value->v_len, p_path || '[' || v_len || ']');
        if v_error is not null then return v_error; end if;
      end loop;
    end if;
  elsif v_type = 'object' then
    for v_key in select jsonb_array_elements_text(coalesce(p_schema->'required', '[]')) loop
      if not p_value ? v_key then
        return jsonb_build_object('path', ltrim(p_path || '.' || v_key, '.'), 'rule', 'required');
      end if;
    end loop;
    for v_key, v_sub in select * from jsonb_each(p_value) loop
      if p_schema->'properties' ? v_key then
        v_error := private.wf_json_error(p_schema->'properties'->v_key, v_sub, ltrim(p_path || '.' || v_key, '.'));
      elsif p_schema->'additionalProperties' = 'false'::jsonb then
        v_error := jsonb_build_object('path', ltrim(p_path || '.' || v_key, '.'), 'rule', 'unknown');
      elsif jsonb_typeof(p_schema->'additionalProperties') = 'object' then
        v_error := private.wf_json_error(p_schema->'additionalProperties', v_sub, ltrim(p_path || '.' || v_key, '.'));
      end if;
      if v_error is not null then return v_error; end if;
    end loop;
  end if;
  return null;
end;
$$;

-- The first guard of an expression that refuses, as its name (prefixed "not " under not());
-- null when the expression holds. Each named guard is the workflow version's SQL function.
create function private.wf_failed_guard(p_workflow text, p_version int, p_expr jsonb, p_input jsonb) returns text
language plpgsql stable
set search_path = ''
as $$
declare
  v_sub jsonb;
  v_failed text;
  v_ok boolean;
begin
  if p_expr is null then return null; end if;
  if p_expr ? 'and' then
    for v_sub in select * from jsonb_array_elements(p_expr->'and') loop
      v_failed := private.wf_failed_guard(p_workflow, p_version, v_sub, p_input);
      if v_failed is not null then return v_failed; end if;
    end loop;
    return null;
  elsif p_expr ? 'or' then
    for v_sub in select * from jsonb_array_elements(p_expr->'or') loop
      v_failed := private.wf_failed_guard(p_workflow, p_version, v_sub, p_input);
      if v_failed is null then return null; end if;
    end loop;
    return v_failed;
  elsif p_expr ? 'not' then
    v_failed := private.wf_failed_guard(p_workflow, p_version, p_expr->'not', p_input);
    return case when v_failed is null then 'not ' || private.wf_guard_names(p_expr->'not') end;
  end if;
  execute format('select workflow_plugins.%I($1, $2)', p_workflow || '_v' || p_version || '__' || (p_expr->>'guard'))
    into v_ok using p_input, coalesce(p_expr->'params', '{}');
  return case when v_ok then null else p_expr->>'guard' end;
end;
$$;

create function private.wf_guard_names(p_expr jsonb) returns text
language sql immutable
set search_path = ''
as $$
  select case
    when p_expr ? 'guard' then p_expr->>'guard'
    when p_expr ? 'not' then 'not ' || private.wf_guard_names(p_expr->'not')
    else (select string_agg(private.wf_guard_names(e), case when p_expr ? 'and' then ' and ' else ' or ' end)
          from jsonb_array_elements(coalesce(p_expr->'and', p_expr->'or')) e)
  end
$$;

-- Ancestors of a dotted state path, deepest first: a.b.c, a.b, a.
create function private.wf_state_ancestors(p_state text) returns text[]
language sql immutable
set search_path = ''
as $$
  select array_agg(array_to_string(parts[1:n], '.') order by n desc)
  from (select string_to_array(p_state, '.') as parts) s, generate_series(1, cardinality(s.parts)) n
$$;

create function private.wf_raise(p_code text, p_message text, p_detail jsonb) returns void
language plpgsql
set search_path = ''
as $$
begin
  raise exception '%', p_message using errcode = p_code, detail = p_detail::text;
end;
$$;

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

-- The plugin's facts of an instance ('{}' when it has none).
create function private.wf_facts(p_instance public.workflow_instances) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_facts jsonb;
begin
  if not (select d.has_facts from public.workflow_definitions d where d.workflow = p_instance.workflow and d.version = p_instance.version) then
    return '{}';
  end if;
  execute format('select workflow_plugins.%I($1)', p_instance.workflow || '_v' || p_instance.version || '__facts')
    into v_facts using p_instance.id;
  return coalesce(v_facts, '{}');
end;
$$;

-- The plugin's check of a form across its fields, as { path, rule } or null.
create function private.wf_form_error(p_def public.workflow_definitions, p_form jsonb, p_subject_unit_id bigint) returns jsonb
language plpgsql stable
set search_path = ''
as $$
declare
  v_error jsonb;
begin
  if not p_def.has_form_check then return null; end if;
  execute format('select workflow_plugins.%I($1, $2)', p_def.workflow || '_v' || p_def.version || '__form_check')
    into v_error using p_form, p_subject_unit_id;
  return v_error;
end;
$$;

-- ---------------------------------------------------------------------------------------------
-- The API: start a workflow, save its form, fire an event. SECURITY DEFINER: they are the only
-- writers, and check the caller's scope and role themselves.
--   WF001 unknown event        WF002 not allowed in this state    WF003 not your role
--   WF004 guard failed         WF005 stale revision               WF006 invalid payload or form
--   WF007 not found (or not visible to you)                       WF008 cannot start here
--   WF009 form not editable now                                    WF011 form saved elsewhere since loaded
-- Each error's detail is JSON the admin turns into a Chinese sentence.
-- ---------------------------------------------------------------------------------------------
create function public.start_workflow(p_workflow text, p_subject_unit_id bigint, p_form jsonb default '{}')
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

-- Saves the form in the states and by the roles the plugin allows. Drafts are partial: the form
-- schema's rules hold for every field present, and the plugin's form check. Last write wins on
-- the form, unless the writer names the form revision it loaded and that is no longer current.
create function public.save_workflow_form(p_instance_id bigint, p_form jsonb, p_expected_form_revision int default null)
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

create function public.fire_event(
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

-- The facts of an instance the caller can see, for the machine in the browser.
create function public.workflow_facts(p_instance_id bigint) returns jsonb
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

-- The facts of many instances at once, for the work lists: one row per instance the caller can
-- see (those it cannot are left out, as a select would leave them out).
create function public.workflow_facts_of(p_instance_ids bigint[])
returns table (instance_id bigint, facts jsonb)
language sql stable security definer
set search_path = ''
as $$
  select i.id, private.wf_facts(i)
  from public.workflow_instances i
  where i.id = any (p_instance_ids) and private.sees_scope(i.street_id, i.community_id)
$$;

revoke all on function public.start_workflow(text, bigint, jsonb), public.save_workflow_form(bigint, jsonb, int),
  public.fire_event(bigint, text, int, jsonb), public.workflow_facts(bigint), public.workflow_facts_of(bigint[]) from public, anon;
grant execute on function public.start_workflow(text, bigint, jsonb), public.save_workflow_form(bigint, jsonb, int),
  public.fire_event(bigint, text, int, jsonb), public.workflow_facts(bigint), public.workflow_facts_of(bigint[]) to authenticated;

revoke all on function private.roles_in_scope(bigint, bigint), private.wf_json_error(jsonb, jsonb, text),
  private.wf_failed_guard(text, int, jsonb, jsonb), private.wf_guard_names(jsonb), private.wf_state_ancestors(text),
  private.wf_raise(text, text, jsonb), private.workflow_append_only(), private.units_cascade_workflow_scope(),
  private.sees_scope(bigint, bigint), private.wf_facts(public.workflow_instances),
  private.wf_form_error(public.workflow_definitions, jsonb, bigint)
  from public, anon, authenticated;
