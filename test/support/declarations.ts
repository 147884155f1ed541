// What the plugins installed in the test stack declare (src/workflow/types.ts, PluginDeclarations):
// the real workflows and the test-only sample (test/setup/stack.ts installs it). The RLS read and
// write matrices read their tables and roles from here, so a plugin's table or role is in both
// matrices with no edit of theirs.
import type pg from 'pg';
import type { CoreRole } from '../../src/access/roles.ts';
import type { WorkflowPlugin } from '../../src/workflow/types.ts';
import { WORKFLOWS } from '../../workflows/registry.ts';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';

export const PLUGINS: WorkflowPlugin[] = [...WORKFLOWS, samplePlugin];

export interface DeclaredTable {
  name: string;
  plugin: string;
  scope: 'street' | 'community';
  writeRoles: string[];
  writeColumns: string[];
  /** A valid row's own columns (beyond unit_id). */
  example: Record<string, unknown>;
}

export interface DeclaredRole {
  name: string;
  plugin: string;
  heldIn: string[];
}

export const DECLARED_TABLES: DeclaredTable[] = PLUGINS.flatMap((p) =>
  Object.entries(p.declares?.tables ?? {}).map(([name, t]) => ({
    name, plugin: p.name, scope: t.scope, writeRoles: t.writeRoles, writeColumns: t.writeColumns, example: t.example,
  })),
).sort((a, b) => a.name.localeCompare(b.name));

export const DECLARED_ROLES: DeclaredRole[] = PLUGINS.flatMap((p) =>
  Object.entries(p.declares?.roles ?? {}).map(([name, r]) => ({ name, plugin: p.name, heldIn: r.heldIn })),
).sort((a, b) => a.name.localeCompare(b.name));

/**
 * Whether each role writes its scope's scores and evidence (private.writer_scope_ids): the core's,
 * as 20261202230000_declarations_and_districts.sql has them; a plugin's role never does (it writes
 * the plugin's declared tables it is a write role of).
 */
export const ROLE_WRITES: Record<string, boolean> = {
  ...({ street_office: true, reviewer: true, community_filer: true, viewer: false, district_office: false } satisfies Record<CoreRole, boolean>),
  ...Object.fromEntries(DECLARED_ROLES.map((r) => [r.name, false])),
};

/**
 * The write privileges `private.install_plugin_table` gives `authenticated` on a declared table,
 * as the grant audit lists them: INSERT on unit_id and the write columns, UPDATE on the write
 * columns, DELETE; nothing when no role writes it.
 */
export function declaredWriteGrants(): string[] {
  return DECLARED_TABLES.flatMap((t) => {
    if (!t.writeRoles.length) return [];
    return [
      ...['unit_id', ...t.writeColumns].map((c) => `authenticated INSERT public.${t.name}(${c})`),
      ...t.writeColumns.map((c) => `authenticated UPDATE public.${t.name}(${c})`),
      `authenticated DELETE public.${t.name}`,
    ];
  });
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Inserts the table's example row on the unit as the superuser (the trigger derives the scope); its id. */
export async function insertExample(db: pg.ClientBase, table: DeclaredTable, unitId: number): Promise<number> {
  const columns = Object.keys(table.example);
  const { rows } = await db.query<{ id: number }>(
    `insert into public.${q(table.name)} (unit_id${columns.map((c) => `, ${q(c)}`).join('')})
     values ($1${columns.map((_, i) => `, $${i + 2}`).join('')}) returning id::int`,
    [unitId, ...columns.map((c) => table.example[c])],
  );
  return rows[0]!.id;
}
