-- Workflow "campaign", version 1, generated from its plugin by `npm run workflows:compile`.
-- Do not edit: a published version never changes; change the machine under a new version.

insert into public.workflow_definitions (workflow, version, initial_state, states, start_roles, subject_kinds, form_schema, form_editable_states, form_editor_roles, has_facts, has_form_check)
values ('campaign', 1, 'plan', '[{"path":"plan","final":false},{"path":"pilot","final":false},{"path":"rollout","final":false},{"path":"acceptance","final":false},{"path":"longterm","final":false}]'::jsonb, array['street_office']::text[], array['street']::text[], '{"type":"object","properties":{},"additionalProperties":false}'::jsonb, array[]::text[], array[]::text[], false, false);

insert into public.workflow_event_types (workflow, version, event, payload_schema) values
  ('campaign', 1, 'advance', '{"type":"object","properties":{"comment":{"type":"string","maxLength":500}},"additionalProperties":false}'::jsonb),
  ('campaign', 1, 'reopen', '{"type":"object","properties":{"comment":{"type":"string","minLength":2,"maxLength":500}},"required":["comment"],"additionalProperties":false}'::jsonb);

insert into public.workflow_transitions (workflow, version, from_state, event, to_state, roles, guard, actions, depth, priority) values
  ('campaign', 1, 'plan', 'advance', 'pilot', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('campaign', 1, 'pilot', 'advance', 'rollout', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('campaign', 1, 'pilot', 'reopen', 'plan', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('campaign', 1, 'rollout', 'advance', 'acceptance', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('campaign', 1, 'rollout', 'reopen', 'pilot', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('campaign', 1, 'acceptance', 'advance', 'longterm', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('campaign', 1, 'acceptance', 'reopen', 'rollout', array['street_office']::text[], null, array[]::text[], 1, 0),
  ('campaign', 1, 'longterm', 'reopen', 'acceptance', array['street_office']::text[], null, array[]::text[], 1, 0);
