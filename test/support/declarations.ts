// What the plugins installed in the test stack declare (src/workflow/types.ts, PluginDeclarations):
// the real workflows and the test-only sample (test/setup/stack.ts installs it). The RLS read and
// write matrices read their tables and roles from here, so a plugin's table or role is in both
// matrices with no edit of theirs.
import type pg from 'pg';
import { MEMBER_ROLES, type CoreRole, type MemberRole } from '../../src/access/roles.ts';
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

export interface DeclaredUnitKind {
  name: string;
  plugin: string;
  parents: string[];
  /** Whether a membership held in such a unit reaches only what lies under it (private.unit_kinds.reach). */
  reach: 'scope' | 'subtree';
}

/** The unit kinds the plugins declare, each after the declared kinds it may sit under. */
export const DECLARED_UNIT_KINDS: DeclaredUnitKind[] = (() => {
  const all = PLUGINS.flatMap((p) => Object.entries(p.declares?.unitKinds ?? {}).map(([name, k]) => ({ name, plugin: p.name, parents: k.parents, reach: k.reach ?? ('scope' as const) })));
  const ordered: DeclaredUnitKind[] = [];
  const placeable = (k: DeclaredUnitKind) => k.parents.some((p) => !all.some((a) => a.name === p) || ordered.some((o) => o.name === p));
  while (ordered.length < all.length) {
    const next = all.find((k) => !ordered.includes(k) && placeable(k));
    if (!next) throw new Error(`declared unit kinds with no placeable parent: ${all.filter((k) => !ordered.includes(k)).map((k) => k.name).join(', ')}`);
    ordered.push(next);
  }
  return ordered;
})();

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

/** The roles the tests hold for a plugin: the core's and those it declares. */
export const rolesOf = (plugin: WorkflowPlugin): MemberRole[] => [...MEMBER_ROLES, ...(Object.keys(plugin.declares?.roles ?? {}) as MemberRole[])];

/** Every role of every plugin installed in the test stack. */
export const ALL_ROLES: MemberRole[] = [...MEMBER_ROLES, ...(DECLARED_ROLES.map((r) => r.name) as MemberRole[])];

/** A world as the tests build it: its district, street and community, and what its setup returned. */
export interface WorldPlace {
  district: number;
  street: number;
  community: number;
  /** What the plugin's world setup returned (ExampleWorld: `subject`, `units`). */
  row?: Record<string, unknown>;
}

/**
 * The unit the tests hold a role in, in a world: the core's roles where they always are (the
 * filer in the community, the district office in the district, the rest on the street); a
 * declared role in the world's unit of the first kind it is held in that the world made, else
 * in the community or on the street; null when the world has no unit for it.
 */
export function heldUnit(role: string, at: WorldPlace): number | null {
  if (role === 'community_filer') return at.community;
  if (role === 'district_office') return at.district;
  const declared = DECLARED_ROLES.find((r) => r.name === role);
  if (!declared) return at.street;
  const units = (at.row?.units ?? {}) as Record<string, number>;
  const kind = declared.heldIn.find((k) => units[k] !== undefined);
  if (kind) return units[kind]!;
  if (declared.heldIn.includes('community')) return at.community;
  if (declared.heldIn.includes('street')) return at.street;
  return null;
}

/** The unit an instance of the plugin is about in a world: the world's subject, else the community or the street. */
export const subjectIn = (plugin: WorkflowPlugin, at: WorldPlace): number =>
  typeof at.row?.subject === 'number' ? at.row.subject : plugin.subjectKinds.includes('community') ? at.community : at.street;
