// One workflow version, compiled, as the migration that installs it: its definition rows, its
// transitions and event types, and its guards and actions as functions. A version's migration
// never changes once written; a changed machine is a new version (scripts/compile-workflows.ts).
import type { CompiledVersion } from './compile';
import type { WorkflowPlugin } from './types';

const literal = (value: string | null) => (value === null ? 'null' : `'${value.replaceAll("'", "''")}'`);
const json = (value: unknown) => `${literal(JSON.stringify(value))}::jsonb`;
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const textArray = (values: readonly string[]) => `array[${values.map(literal).join(', ')}]::text[]`;

/** The dollar quote a body cannot end early. */
function dollarQuote(body: string): string {
  let tag = '$body$';
  for (let i = 0; body.includes(tag); i++) tag = `$body${i}$`;
  return `${tag}\n${body.trim()}\n${tag}`;
}

export function functionPrefix(workflow: string, version: number): string {
  return `${workflow}_v${version}__`;
}

export function versionMigration(plugin: WorkflowPlugin, compiled: CompiledVersion): string {
  const { workflow, version } = compiled;
  const prefix = functionPrefix(workflow, version);
  const lines: string[] = [
    `-- Workflow "${workflow}", version ${version}, generated from its plugin by \`npm run workflows:compile\`.`,
    '-- Do not edit: a published version never changes; change the machine under a new version.',
    '',
  ];

  for (const [name, guard] of Object.entries(plugin.guards)) {
    lines.push(
      `create function workflow_plugins.${ident(prefix + name)}(input jsonb, params jsonb) returns boolean`,
      "language sql stable\nset search_path = ''",
      `as ${dollarQuote(guard.sql)};`,
      '',
    );
  }
  for (const [name, action] of Object.entries(plugin.actions)) {
    lines.push(
      `create function workflow_plugins.${ident(prefix + name)}(instance_id bigint, event_id bigint, payload jsonb) returns void`,
      "language plpgsql\nset search_path = ''",
      `as ${dollarQuote(action.sql)};`,
      '',
    );
  }

  if (plugin.facts) {
    lines.push(
      `create function workflow_plugins.${ident(`${prefix}facts`)}(instance_id bigint) returns jsonb`,
      "language plpgsql stable\nset search_path = ''",
      `as ${dollarQuote(plugin.facts.sql)};`,
      '',
    );
  }
  if (plugin.formCheck) {
    lines.push(
      `create function workflow_plugins.${ident(`${prefix}form_check`)}(form jsonb, subject_unit_id bigint) returns jsonb`,
      "language plpgsql stable\nset search_path = ''",
      `as ${dollarQuote(plugin.formCheck.sql)};`,
      '',
    );
  }

  lines.push(
    'insert into public.workflow_definitions (workflow, version, initial_state, states, start_roles, subject_kinds, form_schema, form_editable_states, form_editor_roles, has_facts, has_form_check)',
    `values (${literal(workflow)}, ${version}, ${literal(compiled.initial)}, ${json(compiled.states)}, ${textArray(compiled.startRoles)}, ` +
      `${textArray(compiled.subjectKinds)}, ${json(compiled.formSchema)}, ${textArray(compiled.formEditable.states)}, ${textArray(compiled.formEditable.roles)}, ` +
      `${compiled.hasFacts}, ${compiled.hasFormCheck});`,
    '',
    'insert into public.workflow_event_types (workflow, version, event, payload_schema) values',
    compiled.events.map((e) => `  (${literal(workflow)}, ${version}, ${literal(e.event)}, ${json(e.payloadSchema)})`).join(',\n') + ';',
    '',
    'insert into public.workflow_transitions (workflow, version, from_state, event, to_state, roles, guard, actions, depth, priority) values',
    compiled.transitions
      .map(
        (t) =>
          `  (${literal(workflow)}, ${version}, ${literal(t.from)}, ${literal(t.event)}, ${literal(t.to)}, ${textArray(t.roles)}, ` +
          `${t.guard ? json(t.guard) : 'null'}, ${textArray(t.actions)}, ${t.depth}, ${t.priority})`,
      )
      .join(',\n') + ';',
    '',
  );
  return lines.join('\n');
}
