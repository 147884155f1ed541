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

/** Reads a file of the plugin's sql/ folder (Node only: workflows/compile.ts gives it). */
export type ReadPluginSql = (plugin: WorkflowPlugin, file: string) => string;

const noSqlFiles: ReadPluginSql = (plugin, file) => {
  throw new Error(`${plugin.name}: cannot read sql/${file} here; compile with workflows/compile.ts`);
};

export function versionMigration(plugin: WorkflowPlugin, compiled: CompiledVersion, readSql: ReadPluginSql = noSqlFiles): string {
  const { workflow, version } = compiled;
  const prefix = functionPrefix(workflow, version);
  const lines: string[] = [
    `-- Workflow "${workflow}", version ${version}, generated from its plugin by \`npm run workflows:compile\`.`,
    '-- Do not edit: a published version never changes; change the machine under a new version.',
    '',
    ...schemaSection(plugin, version, readSql),
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
  if (compiled.deadlines.length) {
    const interval = (span: string | null) => (span === null ? 'null' : `${literal(span)}::interval`);
    lines.push(
      'insert into public.workflow_deadlines (workflow, version, state, due_after, due_fact, remind_before, repeat_every, remind_roles, escalate_roles, fire_event, urge_every) values',
      compiled.deadlines
        .map(
          (d) =>
            `  (${literal(workflow)}, ${version}, ${literal(d.state)}, ${interval(d.dueAfter)}, ${d.dueFact ? textArray(d.dueFact) : 'null'}, ` +
            `${interval(d.remindBefore)}, ${interval(d.repeatEvery)}, ${textArray(d.remind)}, ${textArray(d.escalateTo)}, ${literal(d.fire)}, ${interval(d.urgeEvery)})`,
        )
        .join(',\n') + ';',
      '',
    );
  }
  if (compiled.stateOptions.length) {
    lines.push(
      'insert into public.workflow_state_options (workflow, version, state, assign_roles, assign_multiple, assign_required, return_to_any) values',
      compiled.stateOptions
        .map((o) => `  (${literal(workflow)}, ${version}, ${literal(o.state)}, ${o.assignRoles ? textArray(o.assignRoles) : 'null'}, ${o.assignMultiple}, ${o.assignRequired}, ${o.returnToAny})`)
        .join(',\n') + ';',
      '',
    );
  }
  if (compiled.cc.length) {
    lines.push(
      'insert into public.workflow_cc_rules (workflow, version, event, roles, pick) values',
      compiled.cc.map((c) => `  (${literal(workflow)}, ${version}, ${literal(c.event)}, ${textArray(c.roles)}, ${c.pick})`).join(',\n') + ';',
      '',
    );
  }
  if (compiled.countersign.length) {
    lines.push(
      'insert into public.workflow_countersign_rules (workflow, version, state, rule, share, approve_events, reject_events, reject_by, add_signers) values',
      compiled.countersign
        .map(
          (c) =>
            `  (${literal(workflow)}, ${version}, ${literal(c.state)}, ${literal(c.rule)}, ${c.share === null ? 'null' : c.share}, ` +
            `${textArray(c.approve)}, ${textArray(c.reject)}, ${literal(c.rejectBy)}, ${c.addSigners})`,
        )
        .join(',\n') + ';',
      '',
    );
  }
  return lines.join('\n');
}

/**
 * What the plugin brings before its transitions: its unit kinds and roles (enum values, then
 * their rows), the sql/ files this version names, then its declared tables' rows and the
 * policies the core makes from them. Empty for a plugin that declares nothing.
 */
function schemaSection(plugin: WorkflowPlugin, version: number, readSql: ReadPluginSql): string[] {
  const { unitKinds = {}, roles = {}, tables = {} } = plugin.declares ?? {};
  const files = plugin.versions.find((v) => v.version === version)?.sql ?? [];
  const lines: string[] = [];
  // New enum values are usable once committed: in this migration only as text (plpgsql bodies
  // bind late; write `kind::text = 'grid'` in a policy or check).
  for (const kind of Object.keys(unitKinds)) lines.push(`alter type public.unit_kind add value if not exists ${literal(kind)};`);
  for (const role of Object.keys(roles)) lines.push(`alter type public.member_role add value if not exists ${literal(role)};`);
  for (const [kind, k] of Object.entries(unitKinds)) {
    lines.push(
      `insert into private.unit_kinds (kind, plugin, label, level, parent_kinds) values (${literal(kind)}, ${literal(plugin.name)}, ${literal(k.label)}, 'below', ${textArray(k.parents)})`,
      '  on conflict (kind) do update set plugin = excluded.plugin, label = excluded.label, level = excluded.level, parent_kinds = excluded.parent_kinds;',
    );
    if (k.reach === 'subtree' && version >= (k.reachSince ?? 1)) lines.push(`update private.unit_kinds set reach = 'subtree' where kind = ${literal(kind)};`);
  }
  for (const [role, r] of Object.entries(roles)) {
    lines.push(
      `insert into private.member_roles (role, plugin, label, unit_kinds, writes) values (${literal(role)}, ${literal(plugin.name)}, ${literal(r.label)}, ${textArray(r.heldIn)}, false)`,
      '  on conflict (role) do update set plugin = excluded.plugin, label = excluded.label, unit_kinds = excluded.unit_kinds, writes = excluded.writes;',
    );
  }
  if (lines.length) lines.push('');
  for (const file of files) lines.push(`-- ${plugin.folder ?? plugin.name}/sql/${file}`, readSql(plugin, file).trim(), '');
  for (const [table, t] of Object.entries(tables)) {
    if (t.since !== version) continue;
    lines.push(
      `insert into private.plugin_tables (table_name, plugin, scope, write_roles, write_columns) values (${literal(table)}, ${literal(plugin.name)}, ${literal(t.scope)}, ${textArray(t.writeRoles)}, ${textArray(t.writeColumns)});`,
      `select private.install_plugin_table(${literal(table)});`,
      '',
    );
  }
  return lines;
}
