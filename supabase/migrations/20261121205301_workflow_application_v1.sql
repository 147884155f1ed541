-- Workflow "application", version 1, generated from its plugin by `npm run workflows:compile`.
-- Do not edit: a published version never changes; change the machine under a new version.

create function workflow_plugins."application_v1__formComplete"(input jsonb, params jsonb) returns boolean
language sql stable
set search_path = ''
as $body$
select case
      when private.wf_json_error('{"type":"object","properties":{"registered_households":{"type":"integer","minimum":0,"maximum":10000000},"registered_people":{"type":"integer","minimum":0,"maximum":10000000},"resident_households":{"type":"integer","minimum":0,"maximum":10000000},"resident_people":{"type":"integer","minimum":0,"maximum":10000000},"compound_ids":{"maxItems":500,"type":"array","items":{"type":"integer","exclusiveMinimum":0,"maximum":9007199254740991}},"creation_type":{"type":"string","enum":["demonstration","standard"]},"demo_compound_ids":{"maxItems":500,"type":"array","items":{"type":"integer","exclusiveMinimum":0,"maximum":9007199254740991}},"social_org_count":{"type":"integer","minimum":0,"maximum":10000000},"measures":{"type":"string","minLength":1,"maxLength":2000},"brand_name":{"type":"string","minLength":1,"maxLength":100},"brand_goal":{"type":"string","minLength":1,"maxLength":1000},"milestones":{"minItems":1,"maxItems":20,"type":"array","items":{"type":"object","properties":{"content":{"type":"string","minLength":1,"maxLength":200},"due_on":{"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}$"}},"required":["content","due_on"],"additionalProperties":false}}},"required":["registered_households","registered_people","resident_households","resident_people","compound_ids","creation_type","demo_compound_ids","social_org_count","measures","brand_name","brand_goal","milestones"],"additionalProperties":false}'::jsonb, input->'form') is not null then false
      else (case
    when jsonb_typeof((input->'form')->'registered_people') = 'number' and jsonb_typeof((input->'form')->'registered_households') = 'number'
         and ((input->'form')->>'registered_people')::numeric < ((input->'form')->>'registered_households')::numeric
      then jsonb_build_object('path', 'registered_people', 'rule', 'peopleAtLeastHouseholds')
    when jsonb_typeof((input->'form')->'resident_people') = 'number' and jsonb_typeof((input->'form')->'resident_households') = 'number'
         and ((input->'form')->>'resident_people')::numeric < ((input->'form')->>'resident_households')::numeric
      then jsonb_build_object('path', 'resident_people', 'rule', 'peopleAtLeastHouseholds')
    when jsonb_typeof((input->'form')->'demo_compound_ids') = 'array' and exists (
           select 1 from jsonb_array_elements((input->'form')->'demo_compound_ids') d
           where not coalesce((input->'form')->'compound_ids', '[]'::jsonb) @> jsonb_build_array(d))
      then jsonb_build_object('path', 'demo_compound_ids', 'rule', 'demoAmongCompounds')
  end) is null
    end
$body$;

create function workflow_plugins."application_v1__filingOpen"(input jsonb, params jsonb) returns boolean
language sql stable
set search_path = ''
as $body$
select coalesce(
      input->'facts'->'campaign'->>'phase' = 'plan'
      and input->'facts'->>'today' >= input->'facts'->'campaign'->>'filing_opens_on'
      and input->'facts'->>'today' <= input->'facts'->'campaign'->>'filing_closes_on', false)
$body$;

create function workflow_plugins."application_v1__facts"(instance_id bigint) returns jsonb
language plpgsql stable
set search_path = ''
as $body$
declare
  v_facts jsonb;
begin
  select jsonb_build_object(
           'id', c.id, 'name', c.name, 'phase', ci.state,
           'filing_opens_on', c.filing_opens_on, 'filing_closes_on', c.filing_closes_on)
    into v_facts
  from public.workflow_instances a
  join public.campaigns c on c.street_id = a.street_id
  join public.workflow_instances ci on ci.id = c.instance_id
  where a.id = $1 -- the instance (campaigns has an instance_id column of its own)
  order by c.start_year desc, c.id desc
  limit 1;
  return jsonb_build_object('campaign', v_facts, 'today', to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM-DD'));
end;
$body$;

create function workflow_plugins."application_v1__form_check"(form jsonb, subject_unit_id bigint) returns jsonb
language plpgsql stable
set search_path = ''
as $body$
declare
  v_error jsonb;
begin
  v_error := case
    when jsonb_typeof(form->'registered_people') = 'number' and jsonb_typeof(form->'registered_households') = 'number'
         and (form->>'registered_people')::numeric < (form->>'registered_households')::numeric
      then jsonb_build_object('path', 'registered_people', 'rule', 'peopleAtLeastHouseholds')
    when jsonb_typeof(form->'resident_people') = 'number' and jsonb_typeof(form->'resident_households') = 'number'
         and (form->>'resident_people')::numeric < (form->>'resident_households')::numeric
      then jsonb_build_object('path', 'resident_people', 'rule', 'peopleAtLeastHouseholds')
    when jsonb_typeof(form->'demo_compound_ids') = 'array' and exists (
           select 1 from jsonb_array_elements(form->'demo_compound_ids') d
           where not coalesce(form->'compound_ids', '[]'::jsonb) @> jsonb_build_array(d))
      then jsonb_build_object('path', 'demo_compound_ids', 'rule', 'demoAmongCompounds')
  end;
  if v_error is not null then
    return v_error;
  end if;
  -- The compounds are the community's own (a rule zod cannot know: the browser offers only them).
  if exists (
    select 1 from jsonb_array_elements(coalesce(form->'compound_ids', '[]'::jsonb)) e
    where not exists (
      select 1 from public.units u
      where u.id = (e #>> '{}')::bigint and u.kind = 'compound' and u.community_id = subject_unit_id)
  ) then
    return jsonb_build_object('path', 'compound_ids', 'rule', 'ownCompounds');
  end if;
  return null;
end;
$body$;

insert into public.workflow_definitions (workflow, version, initial_state, states, start_roles, subject_kinds, form_schema, form_editable_states, form_editor_roles, has_facts, has_form_check)
values ('application', 1, 'draft', '[{"path":"draft","final":false},{"path":"submitted","final":false},{"path":"in_review","final":false},{"path":"returned","final":false},{"path":"approved","final":false}]'::jsonb, array['community_filer', 'street_office']::text[], array['community']::text[], '{"type":"object","properties":{"registered_households":{"type":"integer","minimum":0,"maximum":10000000},"registered_people":{"type":"integer","minimum":0,"maximum":10000000},"resident_households":{"type":"integer","minimum":0,"maximum":10000000},"resident_people":{"type":"integer","minimum":0,"maximum":10000000},"compound_ids":{"maxItems":500,"type":"array","items":{"type":"integer","exclusiveMinimum":0,"maximum":9007199254740991}},"creation_type":{"type":"string","enum":["demonstration","standard"]},"demo_compound_ids":{"maxItems":500,"type":"array","items":{"type":"integer","exclusiveMinimum":0,"maximum":9007199254740991}},"social_org_count":{"type":"integer","minimum":0,"maximum":10000000},"measures":{"type":"string","maxLength":2000},"brand_name":{"type":"string","maxLength":100},"brand_goal":{"type":"string","maxLength":1000},"milestones":{"maxItems":20,"type":"array","items":{"type":"object","properties":{"content":{"type":"string","minLength":1,"maxLength":200},"due_on":{"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}$"}},"required":["content","due_on"],"additionalProperties":false}}},"additionalProperties":false}'::jsonb, array['draft', 'returned']::text[], array['community_filer']::text[], true, true);

insert into public.workflow_event_types (workflow, version, event, payload_schema) values
  ('application', 1, 'submit', '{"type":"object","properties":{},"additionalProperties":false}'::jsonb),
  ('application', 1, 'withdraw', '{"type":"object","properties":{},"additionalProperties":false}'::jsonb),
  ('application', 1, 'open', '{"type":"object","properties":{},"additionalProperties":false}'::jsonb),
  ('application', 1, 'return', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('application', 1, 'approve', '{"type":"object","properties":{"opinion":{"type":"string","minLength":2,"maxLength":500}},"required":["opinion"],"additionalProperties":false}'::jsonb),
  ('application', 1, 'resubmit', '{"type":"object","properties":{},"additionalProperties":false}'::jsonb);

insert into public.workflow_transitions (workflow, version, from_state, event, to_state, roles, guard, actions, depth, priority) values
  ('application', 1, 'draft', 'submit', 'submitted', array['community_filer']::text[], '{"and":[{"guard":"formComplete"},{"guard":"filingOpen"}]}'::jsonb, array['snapshotForm']::text[], 1, 0),
  ('application', 1, 'submitted', 'withdraw', 'draft', array['community_filer']::text[], null, array[]::text[], 1, 0),
  ('application', 1, 'submitted', 'open', 'in_review', array['reviewer', 'street_office']::text[], null, array[]::text[], 1, 0),
  ('application', 1, 'in_review', 'return', 'returned', array['reviewer', 'street_office']::text[], null, array[]::text[], 1, 0),
  ('application', 1, 'in_review', 'approve', 'approved', array['reviewer', 'street_office']::text[], null, array[]::text[], 1, 0),
  ('application', 1, 'returned', 'resubmit', 'submitted', array['community_filer']::text[], '{"and":[{"guard":"formComplete"},{"guard":"filingOpen"}]}'::jsonb, array['snapshotForm']::text[], 1, 0);
