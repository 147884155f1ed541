-- Workflow "application", version 3, generated from its plugin by `npm run workflows:compile`.
-- Do not edit: a published version never changes; change the machine under a new version.

create function workflow_plugins."application_v3__formComplete"(input jsonb, params jsonb) returns boolean
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

create function workflow_plugins."application_v3__filingOpen"(input jsonb, params jsonb) returns boolean
language sql stable
set search_path = ''
as $body$
select coalesce(
      input->'facts'->'campaign'->>'phase' = 'plan'
      and input->'facts'->>'today' >= input->'facts'->'campaign'->>'filing_opens_on'
      and input->'facts'->>'today' <= input->'facts'->'campaign'->>'filing_closes_on', false)
$body$;

create function workflow_plugins."application_v3__phaseIs"(input jsonb, params jsonb) returns boolean
language sql stable
set search_path = ''
as $body$
select coalesce(input->'facts'->'campaign'->>'phase' = params->>'phase', false)
$body$;

create function workflow_plugins."application_v3__roundOpen"(input jsonb, params jsonb) returns boolean
language sql stable
set search_path = ''
as $body$
select coalesce(
      input->'facts'->'campaign'->>'phase' = case params->>'kind' when 'self_check' then 'plan' when 'pre_acceptance' then 'pilot' when 'yearly_acceptance' then 'rollout' when 'full_acceptance' then 'acceptance' when 're_evaluation' then 'longterm' end
      and input->'facts'->'rounds'->(params->>'kind')->'recorded' = 'false'::jsonb, false)
$body$;

create function workflow_plugins."application_v3__roundScored"(input jsonb, params jsonb) returns boolean
language sql stable
set search_path = ''
as $body$
select coalesce(
      input->'facts'->'rounds'->(params->>'kind')->(case params->>'by' when 'self' then 'self_scored' else 'reviewed' end) = 'true'::jsonb, false)
$body$;

create function workflow_plugins."application_v3__recordRound"(instance_id bigint, event_id bigint, payload jsonb) returns void
language plpgsql
set search_path = ''
as $body$
declare
  v_kind text; -- a round_kind; text, as the type is created by a later migration
  v_unit bigint;
  v_round_id bigint;
begin
  select case e.event when 'self_check' then 'self_check' when 'pre_accept' then 'pre_acceptance' when 'accept_yearly' then 'yearly_acceptance' when 'accept_full' then 'full_acceptance' when 'reevaluate' then 're_evaluation' end into v_kind from public.workflow_events e where e.id = $2;
  select a.subject_unit_id into v_unit from public.workflow_instances a where a.id = $1;
  select r.id into v_round_id
  from public.workflow_instances a
  join public.campaigns c on c.street_id = a.street_id
  join public.score_rounds r on r.campaign_id = c.id and r.kind = v_kind::public.round_kind and r.published_at is null
  where a.id = $1
  order by c.start_year desc, c.id desc, r.year desc, r.id desc
  limit 1;
  insert into public.application_rounds (instance_id, round_id, event_id, self_total, reviewer_total)
  values ($1, v_round_id, $2,
    (select round(sum(x.mean), 1) from (
       select avg(e.score) as mean from public.score_entries e
       where e.round_id = v_round_id and e.unit_id = v_unit and e.scorer_role = 'self' group by e.subitem_id) x),
    (select t.total from public.unit_totals t where t.round_id = v_round_id and t.unit_id = v_unit));
end;
$body$;

create function workflow_plugins."application_v3__facts"(instance_id bigint) returns jsonb
language plpgsql stable
set search_path = ''
as $body$
declare
  v_campaign jsonb;
  v_campaign_id bigint;
  v_unit bigint;
  v_rounds jsonb;
begin
  select jsonb_build_object(
           'id', c.id, 'name', c.name, 'phase', ci.state,
           'filing_opens_on', c.filing_opens_on, 'filing_closes_on', c.filing_closes_on),
         c.id, a.subject_unit_id
    into v_campaign, v_campaign_id, v_unit
  from public.workflow_instances a
  join public.campaigns c on c.street_id = a.street_id
  join public.workflow_instances ci on ci.id = c.instance_id
  where a.id = $1 -- the instance (campaigns has an instance_id column of its own)
  order by c.start_year desc, c.id desc
  limit 1;
  select coalesce(jsonb_object_agg(r.kind, jsonb_build_object(
           'id', r.id, 'year', r.year,
           'self_scored', n.items > 0 and n.self_scored = n.items,
           'reviewed', n.items > 0 and n.reviewed = n.items,
           'recorded', exists (select 1 from public.application_rounds ar where ar.instance_id = $1 and ar.round_id = r.id))), '{}')
    into v_rounds
  from (
    select distinct on (sr.kind) sr.* from public.score_rounds sr
    where sr.campaign_id = v_campaign_id and sr.published_at is null
    order by sr.kind, sr.year desc, sr.id desc
  ) r
  -- the round's community-level sub-items, and how many the unit has a self score and a reviewers' mean for
  cross join lateral (
    select count(*) as items,
           count(*) filter (where exists (select 1 from public.score_entries e
                                          where e.round_id = r.id and e.unit_id = v_unit and e.subitem_id = s.id and e.scorer_role = 'self')) as self_scored,
           count(*) filter (where exists (select 1 from public.score_means m
                                          where m.round_id = r.id and m.unit_id = v_unit and m.subitem_id = s.id)) as reviewed
    from public.standard_subitems s join public.standard_items i on i.id = s.item_id
    where s.version_id = r.version_id and i.level = 'community'
  ) n;
  return jsonb_build_object('campaign', v_campaign, 'today', to_char(now() at time zone 'Asia/Shanghai', 'YYYY-MM-DD'), 'rounds', v_rounds);
end;
$body$;

create function workflow_plugins."application_v3__form_check"(form jsonb, subject_unit_id bigint) returns jsonb
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
values ('application', 3, 'draft', '[{"path":"draft","final":false},{"path":"submitted","final":false},{"path":"in_review","final":false},{"path":"returned","final":false},{"path":"approved","final":false},{"path":"self_checked","final":false},{"path":"pilot","final":false},{"path":"pre_accepted","final":false},{"path":"yearly_accepted","final":false},{"path":"accepted","final":false},{"path":"reevaluated","final":false}]'::jsonb, array['community_filer', 'street_office']::text[], array['community']::text[], '{"type":"object","properties":{"registered_households":{"type":"integer","minimum":0,"maximum":10000000},"registered_people":{"type":"integer","minimum":0,"maximum":10000000},"resident_households":{"type":"integer","minimum":0,"maximum":10000000},"resident_people":{"type":"integer","minimum":0,"maximum":10000000},"compound_ids":{"maxItems":500,"type":"array","items":{"type":"integer","exclusiveMinimum":0,"maximum":9007199254740991}},"creation_type":{"type":"string","enum":["demonstration","standard"]},"demo_compound_ids":{"maxItems":500,"type":"array","items":{"type":"integer","exclusiveMinimum":0,"maximum":9007199254740991}},"social_org_count":{"type":"integer","minimum":0,"maximum":10000000},"measures":{"type":"string","maxLength":2000},"brand_name":{"type":"string","maxLength":100},"brand_goal":{"type":"string","maxLength":1000},"milestones":{"maxItems":20,"type":"array","items":{"type":"object","properties":{"content":{"type":"string","minLength":1,"maxLength":200},"due_on":{"type":"string","pattern":"^\\d{4}-\\d{2}-\\d{2}$"}},"required":["content","due_on"],"additionalProperties":false}}},"additionalProperties":false}'::jsonb, array['draft', 'returned']::text[], array['community_filer']::text[], true, true);

insert into public.workflow_event_types (workflow, version, event, payload_schema) values
  ('application', 3, 'submit', '{"type":"object","properties":{},"additionalProperties":false}'::jsonb),
  ('application', 3, 'withdraw', '{"type":"object","properties":{},"additionalProperties":false}'::jsonb),
  ('application', 3, 'open', '{"type":"object","properties":{},"additionalProperties":false}'::jsonb),
  ('application', 3, 'return', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb),
  ('application', 3, 'approve', '{"type":"object","properties":{"opinion":{"type":"string","minLength":2,"maxLength":500}},"required":["opinion"],"additionalProperties":false}'::jsonb),
  ('application', 3, 'resubmit', '{"type":"object","properties":{},"additionalProperties":false}'::jsonb),
  ('application', 3, 'self_check', '{"type":"object","properties":{},"additionalProperties":false}'::jsonb),
  ('application', 3, 'pick_pilot', '{"type":"object","properties":{},"additionalProperties":false}'::jsonb),
  ('application', 3, 'pre_accept', '{"type":"object","properties":{"opinion":{"type":"string","minLength":2,"maxLength":500}},"required":["opinion"],"additionalProperties":false}'::jsonb),
  ('application', 3, 'accept_yearly', '{"type":"object","properties":{"opinion":{"type":"string","minLength":2,"maxLength":500}},"required":["opinion"],"additionalProperties":false}'::jsonb),
  ('application', 3, 'accept_full', '{"type":"object","properties":{"opinion":{"type":"string","minLength":2,"maxLength":500}},"required":["opinion"],"additionalProperties":false}'::jsonb),
  ('application', 3, 'reevaluate', '{"type":"object","properties":{"opinion":{"type":"string","minLength":2,"maxLength":500}},"required":["opinion"],"additionalProperties":false}'::jsonb);

insert into public.workflow_transitions (workflow, version, from_state, event, to_state, roles, guard, actions, depth, priority) values
  ('application', 3, 'draft', 'submit', 'submitted', array['community_filer']::text[], '{"and":[{"guard":"formComplete"},{"guard":"filingOpen"}]}'::jsonb, array['snapshotForm']::text[], 1, 0),
  ('application', 3, 'submitted', 'withdraw', 'draft', array['community_filer']::text[], null, array[]::text[], 1, 0),
  ('application', 3, 'submitted', 'open', 'in_review', array['reviewer', 'street_office']::text[], null, array[]::text[], 1, 0),
  ('application', 3, 'in_review', 'return', 'returned', array['reviewer', 'street_office']::text[], null, array[]::text[], 1, 0),
  ('application', 3, 'in_review', 'approve', 'approved', array['reviewer', 'street_office']::text[], null, array[]::text[], 1, 0),
  ('application', 3, 'returned', 'resubmit', 'submitted', array['community_filer']::text[], '{"and":[{"guard":"formComplete"},{"guard":"filingOpen"}]}'::jsonb, array['snapshotForm']::text[], 1, 0),
  ('application', 3, 'approved', 'self_check', 'self_checked', array['community_filer']::text[], '{"and":[{"guard":"roundOpen","params":{"kind":"self_check"}},{"guard":"roundScored","params":{"kind":"self_check","by":"self"}}]}'::jsonb, array['recordRound']::text[], 1, 0),
  ('application', 3, 'self_checked', 'pick_pilot', 'pilot', array['street_office']::text[], '{"guard":"phaseIs","params":{"phase":"pilot"}}'::jsonb, array[]::text[], 1, 0),
  ('application', 3, 'self_checked', 'accept_yearly', 'yearly_accepted', array['reviewer', 'street_office']::text[], '{"and":[{"guard":"roundOpen","params":{"kind":"yearly_acceptance"}},{"guard":"roundScored","params":{"kind":"yearly_acceptance","by":"reviewer"}}]}'::jsonb, array['recordRound']::text[], 1, 0),
  ('application', 3, 'self_checked', 'accept_full', 'accepted', array['reviewer', 'street_office']::text[], '{"and":[{"guard":"roundOpen","params":{"kind":"full_acceptance"}},{"guard":"roundScored","params":{"kind":"full_acceptance","by":"reviewer"}}]}'::jsonb, array['recordRound']::text[], 1, 0),
  ('application', 3, 'pilot', 'pre_accept', 'pre_accepted', array['reviewer', 'street_office']::text[], '{"and":[{"guard":"roundOpen","params":{"kind":"pre_acceptance"}},{"guard":"roundScored","params":{"kind":"pre_acceptance","by":"reviewer"}}]}'::jsonb, array['recordRound']::text[], 1, 0),
  ('application', 3, 'pilot', 'accept_yearly', 'yearly_accepted', array['reviewer', 'street_office']::text[], '{"and":[{"guard":"roundOpen","params":{"kind":"yearly_acceptance"}},{"guard":"roundScored","params":{"kind":"yearly_acceptance","by":"reviewer"}}]}'::jsonb, array['recordRound']::text[], 1, 0),
  ('application', 3, 'pre_accepted', 'accept_yearly', 'yearly_accepted', array['reviewer', 'street_office']::text[], '{"and":[{"guard":"roundOpen","params":{"kind":"yearly_acceptance"}},{"guard":"roundScored","params":{"kind":"yearly_acceptance","by":"reviewer"}}]}'::jsonb, array['recordRound']::text[], 1, 0),
  ('application', 3, 'pre_accepted', 'accept_full', 'accepted', array['reviewer', 'street_office']::text[], '{"and":[{"guard":"roundOpen","params":{"kind":"full_acceptance"}},{"guard":"roundScored","params":{"kind":"full_acceptance","by":"reviewer"}}]}'::jsonb, array['recordRound']::text[], 1, 0),
  ('application', 3, 'yearly_accepted', 'accept_yearly', null, array['reviewer', 'street_office']::text[], '{"and":[{"guard":"roundOpen","params":{"kind":"yearly_acceptance"}},{"guard":"roundScored","params":{"kind":"yearly_acceptance","by":"reviewer"}}]}'::jsonb, array['recordRound']::text[], 1, 0),
  ('application', 3, 'yearly_accepted', 'accept_full', 'accepted', array['reviewer', 'street_office']::text[], '{"and":[{"guard":"roundOpen","params":{"kind":"full_acceptance"}},{"guard":"roundScored","params":{"kind":"full_acceptance","by":"reviewer"}}]}'::jsonb, array['recordRound']::text[], 1, 0),
  ('application', 3, 'accepted', 'reevaluate', 'reevaluated', array['reviewer', 'street_office']::text[], '{"and":[{"guard":"roundOpen","params":{"kind":"re_evaluation"}},{"guard":"roundScored","params":{"kind":"re_evaluation","by":"reviewer"}}]}'::jsonb, array['recordRound']::text[], 1, 0),
  ('application', 3, 'reevaluated', 'reevaluate', null, array['reviewer', 'street_office']::text[], '{"and":[{"guard":"roundOpen","params":{"kind":"re_evaluation"}},{"guard":"roundScored","params":{"kind":"re_evaluation","by":"reviewer"}}]}'::jsonb, array['recordRound']::text[], 1, 0);

insert into public.workflow_deadlines (workflow, version, state, due_after, due_fact, remind_before, repeat_every, remind_roles, escalate_roles, fire_event, urge_every) values
  ('application', 3, 'draft', null, array['campaign', 'filing_closes_on']::text[], '3 days'::interval, null, array['community_filer']::text[], array[]::text[], null, '4 hours'::interval),
  ('application', 3, 'returned', null, array['campaign', 'filing_closes_on']::text[], '3 days'::interval, null, array['community_filer']::text[], array[]::text[], null, '4 hours'::interval),
  ('application', 3, 'submitted', '3 days'::interval, null, null, '24 hours'::interval, array['reviewer', 'street_office']::text[], array['street_office']::text[], null, '4 hours'::interval),
  ('application', 3, 'in_review', '10 days'::interval, null, '3 days'::interval, '24 hours'::interval, array['reviewer', 'street_office']::text[], array['street_office']::text[], null, '4 hours'::interval);

insert into public.workflow_state_options (workflow, version, state, assign_roles, assign_multiple, assign_required, return_to_any) values
  ('application', 3, 'in_review', array['reviewer']::text[], true, false, false);

insert into public.workflow_countersign_rules (workflow, version, state, rule, share, approve_events, reject_events, reject_by, add_signers) values
  ('application', 3, 'in_review', 'all', null, array['approve']::text[], array['return']::text[], 'anyone', true);
