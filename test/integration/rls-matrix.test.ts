// Row-level security as a generated matrix: every identity × every table in the public schema ×
// select / insert / update / delete, each asserted both ways against a model of the scope rules
// written here in TypeScript. A table or function added to the public schema without an entry in
// the model fails this file, so no table escapes the matrix. A plugin's declared table
// (PluginDeclarations.tables) is modelled from its declaration instead, and its declared roles
// become identities of the matrix, so a new plugin is covered with no edit here.
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createUser as createUserIn, signedIn, superuser } from '../support/clients.ts';
import { DECLARED_ROLES, DECLARED_TABLES, DECLARED_UNIT_KINDS, insertExample, ROLE_WRITES, type DeclaredTable, type DeclaredUnitKind } from '../support/declarations.ts';

// The core's roles and the plugins' declared ones.
type Role = string;
// (and the kinds the plugins declare)
type Kind = 'district' | 'street' | 'community' | 'compound' | 'building' | 'business_district' | 'social_org' | (string & {});
interface Unit { id: number; kind: Kind; parent_id: number | null; street_id: number; community_id: number | null; unit_path: number[] }
interface Membership { id: number; user_id: string; unit_id: number; role: Role; street_id: number; community_id: number | null }
interface Profile { id: string }
interface Scoped { id: number; street_id: number; community_id: number | null }
// A workflow instance, and a row of its log or snapshots (read with its instance by subtree members).
interface Instance extends Scoped { unit_path: number[] }
// (a message names one instance, or lists several)
interface Message { id: number; recipient_id: string; instance_id: number | null; instance_ids: number[] | null }
interface OfInstance extends Scoped { instance_id: number }

const PASSWORD = 'matrix-pass-123';
const run = `${process.pid}${Date.now().toString(36)}`;

// The fixture: two districts D and E; street A (under D) has communities A1, A2, A3; street B
// (under E) has B1.
const f = { D: 0, E: 0, A: 0, B: 0, A1: 0, A2: 0, A3: 0, B1: 0, A1x: 0, A2x: 0, A3x: 0, B1x: 0, Ab: 0 } as Record<string, number>;
// Where each fixture unit sits, as the units trigger derived it (by id).
interface Placed { id: number; kind: Kind; street_id: number; community_id: number | null; district_id: number | null; unit_path: number[] }
// The kinds whose memberships reach only what lies under their unit (a grid's staff).
const SUBTREE_KINDS = new Set(DECLARED_UNIT_KINDS.filter((k) => k.reach === 'subtree').map((k) => k.name));
const placed: Record<number, Placed> = {};

// A unit of each kind a plugin declares in the branch of community A1 and in that of B1, under
// the first of its parent kinds the branch has (a declared kind's own fixture unit, the
// community, the street or the district): the key `<kind>_A1` or `<kind>_B1`.
type Branch = 'A1' | 'B1';
const declaredUnitKey = (kind: string, branch: Branch) => `${kind}_${branch}`;
function declaredParentKey(k: DeclaredUnitKind, branch: Branch): string | null {
  for (const p of k.parents) {
    if (p === 'community') return branch;
    if (p === 'street') return branch === 'A1' ? 'A' : 'B';
    if (p === 'district') return branch === 'A1' ? 'D' : 'E';
    const declared = DECLARED_UNIT_KINDS.findIndex((d) => d.name === p);
    if (declared >= 0 && declared < DECLARED_UNIT_KINDS.indexOf(k)) return declaredUnitKey(p, branch);
  }
  return null;
}
const FIXTURE_KINDS = DECLARED_UNIT_KINDS.filter((k) => declaredParentKey(k, 'A1') !== null);

// Each role a plugin declares, held in branch A1 at the first kind it is held in that the
// fixture has: a declared kind's unit, A1 (a community), A (a street) or D (a district).
const DECLARED_IDENTITIES = Object.fromEntries(DECLARED_ROLES.flatMap((r) => {
  const unit = r.heldIn
    .map((k) => (k === 'community' ? 'A1' : k === 'street' ? 'A' : k === 'district' ? 'D' : FIXTURE_KINDS.some((d) => d.name === k) ? declaredUnitKey(k, 'A1') : null))
    .find((key) => key !== null);
  return unit ? [[`${r.name}_${unit}`, [{ role: r.name, unit }]]] : [];
}));

// Identities and their memberships (unit keys into f). anon has no client session at all.
const IDENTITIES: Record<string, { role: Role; unit: string }[]> = {
  none: [],
  office_A: [{ role: 'street_office', unit: 'A' }],
  reviewer_A: [{ role: 'reviewer', unit: 'A' }],
  viewer_A: [{ role: 'viewer', unit: 'A' }],
  filer_A1: [{ role: 'community_filer', unit: 'A1' }],
  filer_A2: [{ role: 'community_filer', unit: 'A2' }],
  filer_A1_A3: [{ role: 'community_filer', unit: 'A1' }, { role: 'community_filer', unit: 'A3' }],
  office_B: [{ role: 'street_office', unit: 'B' }],
  district_D: [{ role: 'district_office', unit: 'D' }],
  ...DECLARED_IDENTITIES,
};
type Who = keyof typeof IDENTITIES | 'anon';
const WHO: Who[] = ['anon', ...(Object.keys(IDENTITIES) as (keyof typeof IDENTITIES)[])];

const userIds: Record<string, string> = {};
const clients: Record<string, SupabaseClient> = {};
let db: pg.Client;

/**
 * What the model says an identity's memberships give it (mirrors the private.* helpers). A
 * membership takes its unit's street_id and community_id; a district is its own street. A
 * district office reads the streets under its district as a street-wide role of each does.
 */
function scope(who: Who) {
  const ms = who === 'anon' ? [] : IDENTITIES[who]!.map((m) => ({ role: m.role, ...placed[f[m.unit]!]! }));
  // private.district_street_ids()
  const districts = new Set(ms.filter((m) => m.role === 'district_office').map((m) => m.id));
  const districtStreets = Object.values(placed).filter((u) => u.kind === 'street' && u.district_id !== null && districts.has(u.district_id)).map((u) => u.id);
  const scopeOf = (m: Placed) => m.community_id ?? m.street_id;
  // Memberships that reach their community or street (private.scope_unit_ids and its kin), and
  // those that reach their unit's subtree only (private.subtree_unit_ids).
  const reaching = ms.filter((m) => !SUBTREE_KINDS.has(m.kind));
  const subtree = ms.filter((m) => SUBTREE_KINDS.has(m.kind));
  return {
    me: who === 'anon' ? undefined : userIds[who],
    // private.street_scope_ids(): street-wide memberships' streets.
    streets: new Set([...reaching.filter((m) => m.community_id === null).map((m) => m.street_id), ...districtStreets]),
    communities: new Set(reaching.filter((m) => m.community_id !== null).map((m) => m.community_id!)),
    // private.subtree_unit_ids(), and the units above them (private.subtree_ancestor_ids()).
    subtreeUnits: new Set(subtree.map((m) => m.id)),
    subtreeAncestors: new Set(subtree.flatMap((m) => m.unit_path)),
    // private.member_street_ids()
    memberStreets: new Set([...ms.map((m) => m.street_id), ...districtStreets]),
    officeStreets: new Set(ms.filter((m) => m.role === 'street_office').map((m) => m.street_id)),
    // private.writer_scope_ids(): where a role that writes is held (a community, or a street).
    writerScopes: new Set(ms.filter((m) => ROLE_WRITES[m.role]).map(scopeOf)),
    // private.role_scope_ids(roles)
    roleScopes: (roles: string[]) => new Set(reaching.filter((m) => roles.includes(m.role)).map(scopeOf)),
    // 网格化治理's helpers: private.grid_street_ids() (a role on the street or one of its
    // departments, and the district's streets), grid_community_ids() (a role on the community
    // itself), grid_staff_unit_ids() (a role on a grid or micro-grid).
    gridStreets: new Set([...ms.filter((m) => m.id === m.street_id || m.kind === 'street_department').map((m) => m.street_id), ...districtStreets]),
    gridCommunities: new Set(ms.filter((m) => m.id === m.community_id).map((m) => m.id)),
    gridStaffUnits: new Set(ms.filter((m) => m.kind === 'grid' || m.kind === 'micro_grid').map((m) => m.id)),
    // private.roles_in_scope(street, community, path): street-wide roles of the street, community
    // roles of the community, and the roles of a subtree membership on the path.
    rolesAt: (street: number, community: number | null, path: number[]) =>
      new Set([
        ...reaching.filter((m) => (m.community_id === null ? m.street_id === street : m.community_id === community)).map((m) => m.role),
        ...subtree.filter((m) => path.includes(m.id)).map((m) => m.role),
      ]),
  };
}
type Scope = ReturnType<typeof scope>;

async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

function client(who: Who): SupabaseClient {
  return who === 'anon' ? anonClient() : clients[who]!;
}

const ids = (list: { id: number | string }[]) => list.map((r) => String(r.id)).sort();
const keys = (list: Record<string, unknown>[], columns: string[]) => list.map((r) => columns.map((c) => String(r[c])).join('|')).sort();

// The model of each table's visibility, over every row in the table (not only the fixture's).
const VISIBLE = {
  units: (u: Unit, s: ReturnType<typeof scope>) =>
    s.streets.has(u.street_id) || (u.community_id !== null && s.communities.has(u.community_id)) || (u.kind === 'street' && s.memberStreets.has(u.id))
    || u.unit_path.some((a) => s.subtreeUnits.has(a)) || s.subtreeAncestors.has(u.id),
  memberships: (m: Membership, s: ReturnType<typeof scope>) => m.user_id === s.me || s.streets.has(m.street_id),
  // Invitations: the street-wide roles of the street (the invitee reads its own through my_invitations()).
  member_invitations: (r: Scoped, s: ReturnType<typeof scope>) => s.streets.has(r.street_id),
  profiles: (p: Profile, s: ReturnType<typeof scope>, all: { memberships: Membership[] }) =>
    p.id === s.me || all.memberships.some((m) => m.user_id === p.id && s.streets.has(m.street_id)),
  // Workflow rows follow their unit; a street's own workflows are read by its communities too.
  // A subtree membership (a grid's staff) reads the instances of what lies under it, with their log.
  workflow_instances: (r: Instance, s: ReturnType<typeof scope>) =>
    scopedVisible(r, s) || (r.community_id === null && s.memberStreets.has(r.street_id)) || r.unit_path.some((a) => s.subtreeUnits.has(a)),
  workflow_events: (r: OfInstance, s: ReturnType<typeof scope>, all: { workflow_instances: Instance[] }) =>
    scopedVisible(r, s) || (r.community_id === null && s.memberStreets.has(r.street_id)) || underSubtree(r, s, all),
  workflow_snapshots: (r: OfInstance, s: ReturnType<typeof scope>, all: { workflow_instances: Instance[] }) => scopedVisible(r, s) || underSubtree(r, s, all),
  // A street's campaign configuration: every member of the street reads it.
  campaigns: (r: Scoped, s: ReturnType<typeof scope>) => s.memberStreets.has(r.street_id),
  campaign_phases: (r: Scoped, s: ReturnType<typeof scope>) => s.memberStreets.has(r.street_id),
  campaign_leaders: (r: Scoped, s: ReturnType<typeof scope>) => s.memberStreets.has(r.street_id),
  campaign_member_offices: (r: Scoped, s: ReturnType<typeof scope>) => s.memberStreets.has(r.street_id),
  street_seals: (r: Scoped, s: ReturnType<typeof scope>) => s.memberStreets.has(r.street_id),
  // The key-task list, its lead offices and progress: every member of the street reads them.
  key_tasks: (r: Scoped, s: ReturnType<typeof scope>) => s.memberStreets.has(r.street_id),
  key_task_leads: (r: Scoped, s: ReturnType<typeof scope>) => s.memberStreets.has(r.street_id),
  key_task_reports: (r: Scoped, s: ReturnType<typeof scope>) => s.memberStreets.has(r.street_id),
  // The standard and its rounds: the street's members read (communities score against it).
  standard_versions: (r: Scoped, s: ReturnType<typeof scope>) => s.memberStreets.has(r.street_id),
  standard_items: (r: Scoped, s: ReturnType<typeof scope>) => s.memberStreets.has(r.street_id),
  standard_subitems: (r: Scoped, s: ReturnType<typeof scope>) => s.memberStreets.has(r.street_id),
  standard_vetoes: (r: Scoped, s: ReturnType<typeof scope>) => s.memberStreets.has(r.street_id),
  score_rounds: (r: Scoped, s: ReturnType<typeof scope>) => s.memberStreets.has(r.street_id),
  // Scores, findings and grades follow their unit.
  score_entries: (r: Scoped, s: ReturnType<typeof scope>) => scopedVisible(r, s),
  veto_findings: (r: Scoped, s: ReturnType<typeof scope>) => scopedVisible(r, s),
  unit_grades: (r: Scoped, s: ReturnType<typeof scope>) => scopedVisible(r, s),
  // The campaign's targets: the street's members read, its office writes.
  campaign_targets: (r: Scoped, s: ReturnType<typeof scope>) => s.memberStreets.has(r.street_id),
  // 择优推选 (the campaign plugin's own policies): the street's members and its district read, its office writes.
  acceptance_recommendations: (r: Scoped, s: ReturnType<typeof scope>) => s.memberStreets.has(r.street_id),
  // Held grades and rectification orders follow their unit; only publishing a round writes them.
  unit_standings: (r: Scoped, s: ReturnType<typeof scope>) => scopedVisible(r, s),
  rectifications: (r: Scoped, s: ReturnType<typeof scope>) => scopedVisible(r, s),
  // The rounds an application took as steps: whoever sees the application sees them.
  application_rounds: (r: { instance_id: number }, s: ReturnType<typeof scope>, all: { workflow_instances: Instance[] }) =>
    all.workflow_instances.some((i) => i.id === r.instance_id && VISIBLE.workflow_instances(i, s)),
  // The engine's running means and totals: no API role reads them (unit_grades is the view).
  score_means: () => false,
  unit_totals: () => false,
  // Deadlines are configuration too; a timer is read with its instance; a message by its
  // recipient only, while the instance is theirs to see.
  workflow_deadlines: () => true,
  workflow_timers: (r: { instance_id: number }, s: ReturnType<typeof scope>, all: { workflow_instances: Instance[] }) =>
    all.workflow_instances.some((i) => i.id === r.instance_id && VISIBLE.workflow_instances(i, s)),
  workflow_messages: (r: Message, s: ReturnType<typeof scope>, all: { workflow_instances: Instance[] }) =>
    r.recipient_id === s.me && all.workflow_instances.some((i) => (r.instance_ids ?? [r.instance_id]).includes(i.id) && VISIBLE.workflow_instances(i, s)),
  // Who may handle a state and whom an event copies are configuration; a handler's row is read
  // with its instance.
  workflow_state_options: () => true,
  workflow_cc_rules: () => true,
  workflow_countersign_rules: () => true,
  workflow_assignments: (r: { instance_id: number }, s: ReturnType<typeof scope>, all: { workflow_instances: Instance[] }) =>
    all.workflow_instances.some((i) => i.id === r.instance_id && VISIBLE.workflow_instances(i, s)),
  // Machine definitions are configuration every signed-in user reads.
  workflow_definitions: () => true,
  workflow_transitions: () => true,
  workflow_event_types: () => true,
  // 网格化治理's households and their change log (the plugin's own policies, its sql/001_grids.sql):
  // the street's members and departments and its district read all of the street's, a
  // community's members its own, grid staff what lies under their grids.
  grid_households: (r: GridRow, s: ReturnType<typeof scope>) => gridVisible(r, s),
  grid_household_changes: (r: GridRow, s: ReturnType<typeof scope>) => gridVisible(r, s),
};
interface GridRow extends Scoped { grid_path: number[] }
function gridVisible(r: GridRow, s: Scope): boolean {
  return s.gridStreets.has(r.street_id) || (r.community_id !== null && s.gridCommunities.has(r.community_id)) || r.grid_path.some((u) => s.gridStaffUnits.has(u));
}
/** private.grid_writes: the street office of the street, a community worker of the community, the staff of a grid on the path. */
function gridWritable(unit: Placed, path: number[], who: Who): boolean {
  if (who === 'anon') return false;
  return IDENTITIES[who]!.some((m) => {
    const at = f[m.unit]!;
    return (m.role === 'street_office' && at === unit.street_id) || (m.role === 'community_worker' && at === unit.community_id)
      || (['grid_leader', 'grid_worker', 'micro_grid_worker'].includes(m.role) && path.includes(at));
  });
}
/** Whether every membership of the identity reaches its unit's subtree only. */
function onlySubtree(who: Who): boolean {
  return who !== 'anon' && IDENTITIES[who]!.length > 0 && IDENTITIES[who]!.every((m) => SUBTREE_KINDS.has(placed[f[m.unit]!]!.kind));
}
function underSubtree(r: OfInstance, s: Scope, all: { workflow_instances: Instance[] }): boolean {
  return all.workflow_instances.some((i) => i.id === r.instance_id && i.unit_path.some((a) => s.subtreeUnits.has(a)));
}
function scopedVisible(r: Omit<Scoped, 'id'>, s: Scope): boolean {
  return s.streets.has(r.street_id) || (r.community_id !== null && s.communities.has(r.community_id));
}
const TABLES = Object.keys(VISIBLE) as (keyof typeof VISIBLE)[];

// Declared tables, modelled from their declarations alone: read by `street` (every member of the
// street) or `community` (the street-wide roles of the street, the community roles of the
// community); written by the declared write roles held in the row's scope (a street-wide one of
// its street, or one of its community), and by nobody else.
const DECLARED = Object.fromEntries(DECLARED_TABLES.map((t) => [t.name, t])) as Record<string, DeclaredTable>;
const DECLARED_NAMES = DECLARED_TABLES.map((t) => t.name);
function declaredVisible(t: DeclaredTable, r: Scoped, s: Scope): boolean {
  return t.scope === 'street' ? s.memberStreets.has(r.street_id) : scopedVisible(r, s);
}
function declaredWritable(t: DeclaredTable, r: Omit<Scoped, 'id'>, s: Scope): boolean {
  const at = s.roleScopes(t.writeRoles);
  return at.has(r.street_id) || (r.community_id !== null && at.has(r.community_id));
}
// The fixture's row of each declared table on each fixture unit (by unit key), as the superuser wrote it.
const declaredRows: Record<string, Record<string, number>> = {};
// Tables no client writes directly: the workflow functions (and a workflow's actions) are their only writers.
// (workflow_messages: its recipient marks it read, below.)
const READ_ONLY_TABLES = TABLES.filter((t) => (t.startsWith('workflow_') && t !== 'workflow_messages') || ['application_rounds', 'member_invitations', 'grid_household_changes'].includes(t));
// Primary keys, where a table's is not `id`.
const KEYS: Partial<Record<(typeof TABLES)[number], string[]>> = {
  workflow_definitions: ['workflow', 'version'],
  workflow_transitions: ['workflow', 'version', 'from_state', 'event', 'priority'],
  workflow_event_types: ['workflow', 'version', 'event'],
  workflow_deadlines: ['workflow', 'version', 'state'],
  workflow_state_options: ['workflow', 'version', 'state'],
  workflow_cc_rules: ['workflow', 'version', 'event'],
  workflow_countersign_rules: ['workflow', 'version', 'state'],
  campaign_phases: ['campaign_id', 'phase'],
  veto_findings: ['round_id', 'unit_id', 'veto_id'],
  unit_grades: ['round_id', 'unit_id'],
  unit_standings: ['unit_id'],
  application_rounds: ['instance_id', 'round_id'],
  score_means: ['round_id', 'unit_id', 'subitem_id'],
  unit_totals: ['round_id', 'unit_id'],
  street_seals: ['street_id'],
  key_task_leads: ['task_id', 'office_id'],
};
// Configuration the street office writes for its street, and nobody else.
const OFFICE_TABLES = ['campaign_phases', 'campaign_leaders', 'campaign_member_offices', 'street_seals'] as const;
// The key-task list: the street office writes it for its street, on behalf of the lead offices.
// Tables no API role reads or writes at all.
const INTERNAL_TABLES: string[] = ['score_means', 'unit_totals'];
const KEY_TASK_TABLES = ['key_tasks', 'key_task_leads', 'key_task_reports'] as const;
const keyOf = (table: (typeof TABLES)[number]) => KEYS[table] ?? ['id'];
const FUNCTIONS = [
  'invite_member', 'set_user_disabled', 'start_workflow', 'save_workflow_form', 'fire_event', 'workflow_facts', 'workflow_facts_of',
  'publish_standard', 'copy_standard', 'recompute_grades', 'target_progress', 'target_units', 'apply_rectification_deadlines',
  'publish_round', 'my_invitations', 'accept_invitation', 'decline_invitation', 'revoke_invitation',
  'reset_member_password', 'workflow_start_refusals', 'urge_workflow',
  'transfer_workflow', 'delegate_workflow', 'finish_delegation', 'workflow_return_targets', 'return_workflow', 'resume_workflow',
  'fire_event_batch', 'workflow_members', 'add_signer', 'workflow_countersign', 'migrate_workflow_instances', 'workflow_todo',
  'grid_household_contacts', 'grid_overview', 'grid_import_households', 'grid_import_grids', 'grid_import_staff',
  'grid_assessment', 'grid_assessment_published', 'grid_assessment_trend', 'publish_grid_assessment',
  'grid_events', 'grid_dashboard', 'workflow_message_instances',
];

async function createUser(email: string, fullName: string): Promise<string> {
  return createUserIn(db, email, PASSWORD, fullName);
}

beforeAll(async () => {
  db = await superuser();
  const unit = async (key: string, kind: string, name: string, parent?: string) => {
    const [row] = await rows<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [
      kind, `${name}-${run}`, parent ? f[parent] : null,
    ]);
    f[key] = row!.id;
  };
  await unit('D', 'district', '矩阵区县D');
  await unit('E', 'district', '矩阵区县E');
  await unit('A', 'street', '矩阵街道A', 'D');
  await unit('B', 'street', '矩阵街道B', 'E');
  await unit('A1', 'community', '甲社区', 'A');
  await unit('A2', 'community', '乙社区', 'A');
  await unit('A3', 'community', '丙社区', 'A');
  await unit('B1', 'community', '丁社区', 'B');
  await unit('A1x', 'compound', '甲一小区', 'A1');
  await unit('A2x', 'compound', '乙一小区', 'A2');
  await unit('A3x', 'compound', '丙一小区', 'A3');
  await unit('B1x', 'compound', '丁一小区', 'B1');
  await unit('Ab', 'building', '街道直属楼宇', 'A');
  for (const branch of ['A1', 'B1'] as const) {
    for (const k of FIXTURE_KINDS) await unit(declaredUnitKey(k.name, branch), k.name, `${k.name}-${branch}`, declaredParentKey(k, branch)!);
  }
  for (const u of await rows<Placed>(
    'select id::int, kind, street_id::int, community_id::int, district_id::int, unit_path::int[] from public.units where id = any ($1)', [Object.values(f)],
  )) placed[u.id] = u;
  expect(placed[f.A!]!.district_id).toBe(f.D);

  for (const [who, memberships] of Object.entries(IDENTITIES)) {
    const email = `${who}.${run}@matrix.local`;
    userIds[who] = await createUser(email, `矩阵 ${who}`);
    for (const m of memberships) {
      await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [userIds[who], f[m.unit], m.role]);
    }
    clients[who] = await signedIn(email, PASSWORD);
  }

  // Workflow rows in every scope: an instance of the test-only sample workflow per unit, with
  // its start in the log and a snapshot, written as the engine writes them.
  const started: { instance: number; event: number; street: 'A' | 'B' }[] = [];
  // (and on each declared kind's units: a grid's staff read the instances under their grid only)
  for (const key of ['A', 'A1', 'A1x', 'A2', 'A3', 'B', 'B1', 'B1x', ...FIXTURE_KINDS.flatMap((k) => [declaredUnitKey(k.name, 'A1'), declaredUnitKey(k.name, 'B1')])]) {
    const [instance] = await rows<{ id: number }>(
      `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id)
       select 'sample', 2, 'draft', u.id, u.street_id, u.community_id from public.units u where u.id = $1 returning id::int`,
      [f[key]],
    );
    const [event] = await rows<{ id: number }>(
      `insert into public.workflow_events (instance_id, workflow, version, event, to_state, street_id, community_id)
       select i.id, i.workflow, i.version, 'start', i.state, i.street_id, i.community_id from public.workflow_instances i where i.id = $1 returning id::int`,
      [instance!.id],
    );
    await db.query(
      `insert into public.workflow_snapshots (instance_id, event_id, form, street_id, community_id)
       select i.id, $2, i.form, i.street_id, i.community_id from public.workflow_instances i where i.id = $1`,
      [instance!.id, event!.id],
    );
    started.push({ instance: instance!.id, event: event!.id, street: key.startsWith('A') ? 'A' : 'B' });
  }
  // A message to every identity about every instance, and lists of the instances of street A, of
  // B, and of both, as the scheduler sends them (the matrix reads whose each is).
  const lists = [started.filter((s) => s.street === 'A'), started.filter((s) => s.street === 'B'), started].map((l) => l.map((s) => s.instance));
  for (const user of Object.values(userIds)) {
    for (const { instance, event } of started) {
      await db.query(`insert into public.workflow_messages (recipient_id, kind, instance_id, event_id, state) values ($1, 'urged', $2, $3, 'draft')`, [user, instance, event]);
    }
    for (const list of lists.filter((l) => l.length >= 2)) {
      await db.query(`insert into public.workflow_messages (recipient_id, kind, workflow, instance_ids, state) values ($1, 'overdue', 'sample', $2, 'draft')`, [user, list]);
    }
  }
  // A named handler of every instance (the matrix reads it with the instance).
  for (const { instance, event } of started) {
    await db.query(`insert into public.workflow_assignments (instance_id, state, user_id, kind, event_id) values ($1, 'draft', $2, 'owner', $3)`, [instance, Object.values(userIds)[0], event]);
  }
  campaigns.A = await campaignOf('A');
  campaigns.B = await campaignOf('B');
  for (const street of ['A', 'B'] as const) rounds[street] = await standardOf(street);
  // Each instance took its street's round as a step, as a workflow action records it.
  for (const { instance, event, street } of started) {
    await db.query('insert into public.application_rounds (instance_id, round_id, event_id, reviewer_total) values ($1, $2, $3, 80)', [instance, rounds[street], event]);
  }
  // A pending invitation in each street, as invite_member writes one.
  for (const key of ['A1', 'B1']) {
    await db.query("insert into public.member_invitations (email, full_name, unit_id, role) values ($1, '受邀人', $2, 'community_filer')", [`pending.${key}.${run}@matrix.local`, f[key]]);
  }
  keyTasks.A = await keyTasksOf('A');
  keyTasks.B = await keyTasksOf('B');
  for (const street of ['A', 'B'] as const) recommendations[street] = await recommendationsOf(street);
  // A row of each declared table on every fixture unit, districts and streets included.
  for (const t of DECLARED_TABLES) {
    declaredRows[t.name] = {};
    for (const key of Object.keys(f)) declaredRows[t.name]![key] = await insertExample(db, t, f[key]!);
  }
  // A household on every community and on every grid and micro-grid of the fixture.
  for (const key of HOUSEHOLD_UNITS()) householdRows[key] = await householdOn(key);
});

// Where the fixture places households: the communities and the grid plugin's grids.
const HOUSEHOLD_UNITS = () => Object.keys(f).filter((k) => ['community', 'grid', 'micro_grid'].includes(placed[f[k]!]!.kind));
const householdRows: Record<string, number> = {};
let householdSerial = 0;
async function householdOn(key: string): Promise<number> {
  const [row] = await rows<{ id: number }>(
    "insert into public.grid_households (unit_id, compound, room, size, contact_phone) values ($1, $2, $3, 3, '13900001111') returning id::int",
    [f[key], `矩阵小区-${run}`, `${key}-${++householdSerial}`],
  );
  return row!.id;
}

/** A campaign of the street with its configuration, written as the seed writes history. */
async function campaignOf(streetKey: 'A' | 'B'): Promise<number> {
  const [instance] = await rows<{ id: number }>(
    `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id)
     values ('campaign', 1, 'plan', $1, $1, null) returning id::int`, [f[streetKey]],
  );
  const [campaign] = await rows<{ id: number }>(
    `insert into public.campaigns (street_id, name, start_year, end_year, filing_opens_on, filing_closes_on, instance_id)
     values ($1, $2, 2026, 2028, current_date, current_date + 30, $3) returning id::int`, [f[streetKey], `矩阵行动-${run}`, instance!.id],
  );
  await db.query(`insert into public.campaign_phases (campaign_id, phase, starts_on, ends_on) values ($1, 'plan', '2026-10-01', '2027-02-28'), ($1, 'pilot', '2027-03-01', '2027-06-30')`, [campaign!.id]);
  await db.query(`insert into public.campaign_leaders (campaign_id, position, person_name) values ($1, 'leader', '组长甲')`, [campaign!.id]);
  await db.query(`insert into public.campaign_member_offices (campaign_id, name) values ($1, '党建办')`, [campaign!.id]);
  await db.query(`insert into public.street_seals (street_id, image) values ($1, 'data:image/png;base64,iVBORw0KGgo=') on conflict do nothing`, [f[streetKey]]);
  await db.query(`insert into public.campaign_targets (campaign_id, due_on, unit_kind, grade, count) values ($1, '2027-06-30', 'compound', 'demonstration', 3)`, [campaign!.id]);
  return campaign!.id;
}
const campaigns: Record<string, number> = {};

/**
 * The street's campaign's standard: a published version (one compound item) with a round, a
 * reviewer's score, a veto finding and grades for each compound; and a draft version to edit.
 */
async function standardOf(streetKey: 'A' | 'B'): Promise<number> {
  const [version] = await rows<{ id: number }>('insert into public.standard_versions (campaign_id, year) values ($1, 2026) returning id::int', [campaigns[streetKey]]);
  const [item] = await rows<{ id: number }>("insert into public.standard_items (version_id, level, number, goal) values ($1, 'compound', 11, '组织建设好') returning id::int", [version!.id]);
  const [sub] = await rows<{ id: number }>('insert into public.standard_subitems (item_id, content, points) values ($1, $2, 100) returning id::int', [item!.id, '睦邻家园小区党支部']);
  const [veto] = await rows<{ id: number }>("insert into public.standard_vetoes (version_id, level, content) values ($1, 'compound', '重大安全事故') returning id::int", [version!.id]);
  await db.query("update public.standard_versions set status = 'published', published_at = now() where id = $1", [version!.id]);
  const [round] = await rows<{ id: number }>(
    "insert into public.score_rounds (campaign_id, kind, year, version_id) values ($1, 'self_check', 2026, $2) returning id::int", [campaigns[streetKey], version!.id],
  );
  for (const key of streetKey === 'A' ? ['A1x', 'A2x', 'A3x'] : ['B1x']) {
    await db.query("insert into public.score_entries (round_id, unit_id, subitem_id, scorer_id, scorer_role, score) values ($1, $2, $3, gen_random_uuid(), 'reviewer', 80)", [round!.id, f[key], sub!.id]);
    await db.query('insert into public.veto_findings (round_id, unit_id, veto_id, found) values ($1, $2, $3, false)', [round!.id, f[key], veto!.id]);
  }
  await db.query(
    `insert into public.unit_grades (round_id, unit_id, kind, street_id, community_id, total, standard, demonstration, parts, parts_standard, parts_demo, reasons)
     select $1, g.unit_id, g.kind, g.street_id, g.community_id, g.total, g.standard, g.demonstration, g.parts, g.parts_standard, g.parts_demo, g.reasons
     from private.round_grades($1) g`, [round!.id],
  );
  for (const key of streetKey === 'A' ? ['A1x', 'A2x', 'A3x'] : ['B1x']) {
    await db.query(
      `insert into public.unit_standings (unit_id, street_id, community_id, grade, round_id)
       select u.id, u.street_id, u.community_id, 'standard', $2 from public.units u where u.id = $1`, [f[key], round!.id],
    );
    await db.query(
      `insert into public.rectifications (unit_id, street_id, community_id, round_id, held_grade, deadline)
       select u.id, u.street_id, u.community_id, $2, 'standard', current_date + 30 from public.units u where u.id = $1`, [f[key], round!.id],
    );
  }
  const [draft] = await rows<{ id: number }>('insert into public.standard_versions (campaign_id, year) values ($1, 2027) returning id::int', [campaigns[streetKey]]);
  const [draftItem] = await rows<{ id: number }>("insert into public.standard_items (version_id, level, number, goal) values ($1, 'compound', 11, '组织建设好') returning id::int", [draft!.id]);
  const [draftSub] = await rows<{ id: number }>('insert into public.standard_subitems (item_id, content, points) values ($1, $2, 100) returning id::int', [draftItem!.id, '睦邻家园小区党支部']);
  subitems[streetKey] = sub!.id;
  draftSubitems[streetKey] = draftSub!.id;
  versions[streetKey] = draft!.id;
  return round!.id;
}
const draftSubitems: Record<string, number> = {};
const rounds: Record<string, number> = {};
const subitems: Record<string, number> = {};
const versions: Record<string, number> = {};
const publishRounds: Record<string, number> = {};

/**
 * A key-task list on a campaign of its own (the configuration test above deletes and restores
 * its campaign's member offices, which lead tasks here): a task, its lead office, a progress note.
 */
async function keyTasksOf(streetKey: 'A' | 'B'): Promise<{ campaign: number; office: number; task: number }> {
  const campaign = await campaignOf(streetKey);
  const [office] = await rows<{ id: number }>('select id::int from public.campaign_member_offices where campaign_id = $1', [campaign]);
  const [task] = await rows<{ id: number }>(
    `insert into public.key_tasks (campaign_id, year_starts_on, action, number, content, deadline)
     values ($1, '2027-01-01', 'brand', 1, '矩阵任务', '2027-02-28') returning id::int`, [campaign],
  );
  await db.query('insert into public.key_task_leads (task_id, office_id) values ($1, $2)', [task!.id, office!.id]);
  await db.query("insert into public.key_task_reports (task_id, note) values ($1, '矩阵进展')", [task!.id]);
  return { campaign, office: office!.id, task: task!.id };
}
const keyTasks: Record<string, { campaign: number; office: number; task: number }> = {};

/**
 * 择优推选 in the street: a campaign of its own in the acceptance phase with a published full
 * acceptance round, its compounds graded demonstration, and the first compound recommended (as
 * the seed writes it: the trigger takes the round and the scope). Another compound is eligible
 * and not recommended, for the writes below.
 */
async function recommendationsOf(streetKey: 'A' | 'B'): Promise<{ row: number; unit: number; eligible: number }> {
  const [instance] = await rows<{ id: number }>(
    `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id)
     values ('campaign', 2, 'acceptance', $1, $1, null) returning id::int`, [f[streetKey]],
  );
  const [campaign] = await rows<{ id: number }>(
    `insert into public.campaigns (street_id, name, start_year, end_year, filing_opens_on, filing_closes_on, instance_id)
     values ($1, $2, 2026, 2028, current_date, current_date + 30, $3) returning id::int`, [f[streetKey], `矩阵验收行动-${run}`, instance!.id],
  );
  const [version] = await rows<{ id: number }>("insert into public.standard_versions (campaign_id, year, status, published_at) values ($1, 2026, 'published', now()) returning id::int", [campaign!.id]);
  const [round] = await rows<{ id: number }>(
    "insert into public.score_rounds (campaign_id, kind, year, version_id) values ($1, 'full_acceptance', 2026, $2) returning id::int", [campaign!.id, version!.id],
  );
  const compounds = streetKey === 'A' ? ['A1x', 'A2x'] : ['B1x', 'B1'];
  for (const key of compounds) {
    await db.query(
      `insert into public.unit_grades (round_id, unit_id, kind, street_id, community_id, total, standard, demonstration)
       select $1, u.id, u.kind, u.street_id, u.community_id, 95, true, true from public.units u where u.id = $2`, [round!.id, f[key]],
    );
  }
  await db.query('update public.score_rounds set published_at = now() where id = $1', [round!.id]);
  const [row] = await rows<{ id: number }>("insert into public.acceptance_recommendations (unit_id, reason) values ($1, '矩阵推选') returning id::int", [f[compounds[0]!]]);
  return { row: row!.id, unit: f[compounds[0]!]!, eligible: f[compounds[1]!]! };
}
const recommendations: Record<string, { row: number; unit: number; eligible: number }> = {};

/** A fresh sample instance in draft on the unit, as the engine would have started it. */
async function draftInstance(unitKey: string): Promise<number> {
  const [row] = await rows<{ id: number }>(
    `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id)
     select 'sample', 2, 'draft', u.id, u.street_id, u.community_id from public.units u where u.id = $1 returning id::int`,
    [f[unitKey]],
  );
  return row!.id;
}

afterAll(async () => {
  if (!db) return;
  await db.query('delete from auth.users where email like $1', [`%.${run}@matrix.local`]);
  await db.query('delete from public.grid_households where compound = $1', [`矩阵小区-${run}`]);
  // Units that carry workflows stay (the log is append-only, and it references them).
  const unused = `and not exists (select 1 from public.workflow_instances i where i.subject_unit_id = units.id)
    and not exists (select 1 from public.units c where c.parent_id = units.id)
    and not exists (select 1 from public.score_entries e where e.unit_id = units.id)
    and not exists (select 1 from public.unit_grades g where g.unit_id = units.id)
    and not exists (select 1 from public.unit_standings g where g.unit_id = units.id)`;
  for (let pass = 0; pass < 3; pass++) await db.query(`delete from public.units where name like $1 ${unused}`, [`%-${run}`]);
  await db.end();
});

/**
 * A closed 民情事件 on every unit of both streets, reported this month (closed, so no one's to-do
 * list or deadline changes), made once for the dashboard's and the ledger's cell.
 */
let gridCasesMade: Promise<number[]> | undefined;
function gridCases(): Promise<number[]> {
  gridCasesMade ??= (async () => {
    const ids: number[] = [];
    for (const key of ['A', 'A1', 'A1x', 'A2', 'A3', 'B', 'B1', 'B1x', ...FIXTURE_KINDS.flatMap((k) => [declaredUnitKey(k.name, 'A1'), declaredUnitKey(k.name, 'B1')])]) {
      const [instance] = await rows<{ id: number }>(
        `insert into public.workflow_instances (workflow, version, state, done, subject_unit_id, street_id, community_id, form)
         select 'grid_governance', 3, 'closed', true, u.id, u.street_id, u.community_id, jsonb_build_object('category', $2::text) from public.units u where u.id = $1 returning id::int`,
        [f[key], `矩阵-${run}`],
      );
      await db.query(
        `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, street_id, community_id)
         select i.id, i.workflow, i.version, 'report', 'draft', 'triage', i.street_id, i.community_id from public.workflow_instances i where i.id = $1`,
        [instance!.id],
      );
      ids.push(instance!.id);
    }
    return ids;
  })();
  return gridCasesMade;
}

describe('every exposed table and function is in the matrix', () => {
  it('the public schema has exactly the tables the model covers (modelled here, or declared by a plugin), each with RLS on and nothing granted to anon', async () => {
    const tables = await rows<{ name: string; rls: boolean; anon: boolean }>(
      `select c.relname as name, c.relrowsecurity as rls,
              has_table_privilege('anon', c.oid, 'select, insert, update, delete, truncate, references, trigger') as anon
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')`,
    );
    expect(tables.map((t) => t.name).sort()).toEqual([...TABLES, ...DECLARED_NAMES].sort());
    expect(tables.filter((t) => !t.rls).map((t) => t.name)).toEqual([]);
    expect(tables.filter((t) => t.anon).map((t) => t.name)).toEqual([]);
  });

  it('the declared tables are installed as the plugins declare them, none also modelled by hand', async () => {
    const installed = await rows<{ name: string; scope: string; write_roles: string[]; write_columns: string[] }>(
      'select table_name as name, scope, write_roles, write_columns from private.plugin_tables',
    );
    expect(installed.sort((a, b) => a.name.localeCompare(b.name))).toEqual(DECLARED_TABLES.map((t) => ({ name: t.name, scope: t.scope, write_roles: t.writeRoles, write_columns: t.writeColumns })));
    expect(DECLARED_NAMES.filter((t) => t in VISIBLE)).toEqual([]);
    // Each declared writer role is held by an identity here, so the accepted cells run too.
    const held = new Set(Object.values(IDENTITIES).flat().map((m) => m.role));
    expect(DECLARED_TABLES.filter((t) => t.writeRoles.length && !t.writeRoles.some((r) => held.has(r))).map((t) => t.name)).toEqual([]);
  });

  it('the public schema has exactly the functions the matrix calls, none executable by anon', async () => {
    const fns = await rows<{ name: string; anon: boolean }>(
      `select p.proname as name, has_function_privilege('anon', p.oid, 'execute') as anon
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'public'`,
    );
    expect(fns.map((x) => x.name).sort()).toEqual([...FUNCTIONS].sort());
    expect(fns.filter((x) => x.anon).map((x) => x.name)).toEqual([]);
  });
});

describe.each(WHO)('as %s', (who) => {
  it.each(TABLES)('select on %s returns exactly the rows the model allows', async (table) => {
    const scoped = (t: string) => rows<Scoped>(`select id::int, street_id::int, community_id::int from public.${t}`);
    const all = {
      units: await rows<Unit>('select id::int, kind, parent_id::int, street_id::int, community_id::int, unit_path::int[] from public.units'),
      memberships: await rows<Membership>('select id::int, user_id, unit_id::int, role, street_id::int, community_id::int from public.memberships'),
      profiles: await rows<Profile>('select id from public.profiles'),
      workflow_instances: await rows<Instance>('select id::int, street_id::int, community_id::int, unit_path::int[] from public.workflow_instances'),
      workflow_events: await rows<OfInstance>('select id::int, instance_id::int, street_id::int, community_id::int from public.workflow_events'),
      workflow_snapshots: await rows<OfInstance>('select id::int, instance_id::int, street_id::int, community_id::int from public.workflow_snapshots'),
      workflow_definitions: await rows('select * from public.workflow_definitions'),
      workflow_transitions: await rows('select * from public.workflow_transitions'),
      workflow_event_types: await rows('select * from public.workflow_event_types'),
      workflow_deadlines: await rows('select workflow, version, state from public.workflow_deadlines'),
      workflow_timers: await rows<{ id: number; instance_id: number }>('select id::int, instance_id::int from public.workflow_timers'),
      workflow_messages: await rows<Message>('select id::int, recipient_id, instance_id::int, instance_ids::int[] from public.workflow_messages'),
      workflow_state_options: await rows('select workflow, version, state from public.workflow_state_options'),
      workflow_cc_rules: await rows('select workflow, version, event from public.workflow_cc_rules'),
      workflow_countersign_rules: await rows('select workflow, version, state from public.workflow_countersign_rules'),
      workflow_assignments: await rows<{ id: number; instance_id: number }>('select id::int, instance_id::int from public.workflow_assignments'),
      campaigns: await rows<Scoped>('select id::int, street_id::int from public.campaigns'),
      campaign_phases: await rows<Scoped>('select campaign_id::int, phase, street_id::int from public.campaign_phases'),
      campaign_leaders: await rows<Scoped>('select id::int, street_id::int from public.campaign_leaders'),
      campaign_member_offices: await rows<Scoped>('select id::int, street_id::int from public.campaign_member_offices'),
      street_seals: await rows<Scoped>('select street_id::int from public.street_seals'),
      key_tasks: await rows<Scoped>('select id::int, street_id::int from public.key_tasks'),
      key_task_leads: await rows<Scoped>('select task_id::int, office_id::int, street_id::int from public.key_task_leads'),
      key_task_reports: await rows<Scoped>('select id::int, street_id::int from public.key_task_reports'),
      standard_versions: await rows<Scoped>('select id::int, street_id::int from public.standard_versions'),
      standard_items: await rows<Scoped>('select id::int, street_id::int from public.standard_items'),
      standard_subitems: await rows<Scoped>('select id::int, street_id::int from public.standard_subitems'),
      standard_vetoes: await rows<Scoped>('select id::int, street_id::int from public.standard_vetoes'),
      score_rounds: await rows<Scoped>('select id::int, street_id::int from public.score_rounds'),
      score_entries: await scoped('score_entries'),
      veto_findings: await rows<Scoped>('select round_id::int, unit_id::int, veto_id::int, street_id::int, community_id::int from public.veto_findings'),
      unit_grades: await rows<Scoped>('select round_id::int, unit_id::int, street_id::int, community_id::int from public.unit_grades'),
      score_means: [],
      unit_totals: [],
      campaign_targets: await rows<Scoped>('select id::int, street_id::int from public.campaign_targets'),
      acceptance_recommendations: await scoped('acceptance_recommendations'),
      unit_standings: await rows<Scoped>('select unit_id::int, street_id::int, community_id::int from public.unit_standings'),
      rectifications: await scoped('rectifications'),
      application_rounds: await rows<{ instance_id: number; round_id: number }>('select instance_id::int, round_id::int from public.application_rounds'),
      member_invitations: await rows<Scoped>('select id::int, street_id::int, community_id::int from public.member_invitations'),
      grid_households: await rows<GridRow>('select id::int, street_id::int, community_id::int, grid_path::int[] from public.grid_households'),
      grid_household_changes: await rows<GridRow>('select id::int, street_id::int, community_id::int, grid_path::int[] from public.grid_household_changes'),
    };
    const s = scope(who);
    const expected = (all[table] as never[]).filter((row) => (VISIBLE[table] as (r: never, s: unknown, a: unknown) => boolean)(row, s, all));
    const columns = keyOf(table) as string[];
    const { data, error } = await client(who).from(table).select(columns.join(', ')).limit(100000);
    if (who === 'anon' || INTERNAL_TABLES.includes(table)) {
      expect(error?.code).toBe('42501'); // no grant at all
      return;
    }
    expect(error).toBeNull();
    expect(keys(data as unknown as Record<string, unknown>[], columns)).toEqual(keys(expected, columns));
    // (a grid's staff, reaching their grid only, read nothing of a table kept by community)
    if (who !== 'none' && !['units', 'memberships', 'profiles', 'member_invitations'].includes(table) && !(onlySubtree(who) && !expected.length)) {
      expect(data!.length, `${who} sees some ${table}`).toBeGreaterThan(0);
    }
    if (who !== 'none' && table === 'units') expect(data!.length).toBeGreaterThan(0);
  });

  it.each(DECLARED_NAMES)('select on %s (declared) returns exactly the rows its declared scope allows', async (table) => {
    const t = DECLARED[table]!;
    const all = await rows<Scoped>(`select id::int, street_id::int, community_id::int from public.${table}`);
    const s = scope(who);
    const expected = all.filter((r) => declaredVisible(t, r, s));
    const { data, error } = await client(who).from(table).select('id').limit(100000);
    if (who === 'anon') {
      expect(error?.code).toBe('42501'); // no grant at all
      return;
    }
    expect(error).toBeNull();
    expect(ids(data as unknown as { id: number }[])).toEqual(ids(expected));
    if (who !== 'none' && !(onlySubtree(who) && !expected.length)) expect(data!.length, `${who} sees some ${table}`).toBeGreaterThan(0);
  });

  it.each(DECLARED_NAMES)('%s (declared): insert, update and delete on every fixture unit exactly where a declared write role holds the row\'s scope', async (table) => {
    const t = DECLARED[table]!;
    const s = scope(who);
    const problems: string[] = [];
    const said = (r: { error: { code?: string; message: string } | null; status: number }) =>
      r.error ? `${r.status} ${r.error.code} ${r.error.message}` : `${r.status}`;
    for (const key of Object.keys(f)) {
      const unit = placed[f[key]!]!;
      const allowed = who !== 'anon' && declaredWritable(t, unit, s);
      // (no grant at all — anon, or a table no role writes — refuses with 42501; a grant the policy
      // filters, with no row touched)
      const ungranted = who === 'anon' || !t.writeRoles.length;
      const onUnit = async () => rows<Scoped>(`select id::int, street_id::int, community_id::int from public.${table} where unit_id = $1 order by id`, [unit.id]);

      // Insert: the scope columns follow the unit.
      const before = await onUnit();
      const ins = await client(who).from(table).insert({ unit_id: unit.id, ...t.example }).select('id, street_id, community_id');
      const added = (await onUnit()).filter((r) => !before.some((b) => b.id === r.id));
      if (allowed) {
        if (ins.error || added.length !== 1) problems.push(`insert on ${key}: expected accepted, answered ${said(ins)}, ${added.length} row(s) added`);
        else if (added[0]!.street_id !== unit.street_id || added[0]!.community_id !== unit.community_id) problems.push(`insert on ${key}: scope ${JSON.stringify(added[0])}`);
      } else if (ins.error?.code !== '42501' || added.length) {
        problems.push(`insert on ${key}: expected refused (42501), answered ${said(ins)}, ${added.length} row(s) added`);
      }
      if (added.length) await db.query(`delete from public.${table} where id = any ($1)`, [added.map((r) => r.id)]);

      // Update of the fixture's row, its write columns set to the example's values: a row written
      // gets a new version (xmin), so a refused update is seen to change nothing.
      const target = declaredRows[table]![key]!;
      const version = async () => (await rows<{ v: string }>(`select xmin::text as v from public.${table} where id = $1`, [target]))[0]?.v;
      if (t.writeColumns.length) {
        const v0 = await version();
        const upd = await client(who).from(table).update(Object.fromEntries(t.writeColumns.map((c) => [c, t.example[c]]))).eq('id', target).select('id');
        const written = (await version()) !== v0;
        if (allowed ? upd.error || upd.data?.length !== 1 || !written : written || (ungranted ? upd.error?.code !== '42501' : upd.error || upd.data?.length)) {
          problems.push(`update on ${key}: expected ${allowed ? 'accepted' : 'refused'}, answered ${said(upd)} with ${upd.data?.length ?? 0} row(s), ${written ? 'written' : 'not written'}`);
        }
      }

      // Delete of the fixture's row; put back when it went.
      const del = await client(who).from(table).delete().eq('id', target).select('id');
      const gone = (await version()) === undefined;
      if (allowed ? del.error || del.data?.length !== 1 || !gone : gone || (ungranted ? del.error?.code !== '42501' : del.error || del.data?.length)) {
        problems.push(`delete on ${key}: expected ${allowed ? 'accepted' : 'refused'}, answered ${said(del)} with ${del.data?.length ?? 0} row(s), ${gone ? 'gone' : 'still there'}`);
      }
      if (gone) declaredRows[table]![key] = await insertExample(db, t, unit.id);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('insert into units succeeds exactly where the model allows, with the scope derived from the parent', async () => {
    const s = scope(who);
    for (const parent of ['A', 'A1', 'A2', 'B1'] as const) {
      const parentStreet = parent === 'B1' ? f.B! : f.A!;
      // Spoofed scope columns: the trigger ignores them and derives the parent's.
      const { data, error } = await client(who)
        .from('units')
        .insert({ kind: parent === 'A' ? 'building' : 'compound', name: `新建-${who}-${parent}-${run}`, parent_id: f[parent], street_id: f.B, community_id: f.B1 })
        .select('id, street_id, community_id');
      if (s.officeStreets.has(parentStreet)) {
        expect(error, `${who} → ${parent}`).toBeNull();
        expect(data![0]!.street_id).toBe(parentStreet);
        expect(data![0]!.community_id).toBe(parent === 'A' ? null : f[parent]);
      } else {
        expect(error?.code, `${who} → ${parent}`).toBe('42501');
        const left = await rows('select 1 from public.units where name = $1', [`新建-${who}-${parent}-${run}`]);
        expect(left).toHaveLength(0);
      }
    }
    // Nobody creates a street (alone, or under a district) or a district through the API.
    for (const [kind, parent] of [['street', null], ['street', f.D], ['district', null]] as const) {
      const { error } = await client(who).from('units').insert({ kind, name: `伪${kind}-${who}-${run}`, parent_id: parent });
      expect(error?.code, `${kind} under ${parent}`).toBe('42501');
      expect(await rows('select 1 from public.units where name = $1', [`伪${kind}-${who}-${run}`])).toHaveLength(0);
    }
  });

  it('update of units: renames and moves within the office\'s street only, never into another street', async () => {
    const s = scope(who);
    const [target] = await rows<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [
      'compound', `待改-${who}-${run}`, f.A1,
    ]);
    const mayWriteA = s.officeStreets.has(f.A!);

    const rename = await client(who).from('units').update({ name: `已改-${who}-${run}` }).eq('id', target!.id).select('id');
    const move = await client(who).from('units').update({ parent_id: f.A2 }).eq('id', target!.id).select('id');
    const away = await client(who).from('units').update({ parent_id: f.B1 }).eq('id', target!.id).select('id');
    const [after] = await rows<{ name: string; community_id: number; street_id: number }>(
      'select name, community_id::int, street_id::int from public.units where id = $1', [target!.id],
    );
    if (who === 'anon') {
      for (const r of [rename, move, away]) expect(r.error?.code).toBe('42501');
    } else if (mayWriteA) {
      expect(rename.data).toHaveLength(1);
      expect(move.data).toHaveLength(1);
      // A parent in another street is refused before its kind is compared.
      expect([away.error?.code, away.error?.message]).toEqual(['42501', 'new row violates row-level security policy for table "units"']);
    } else {
      // Not theirs: zero rows, no error.
      for (const r of [rename, move, away]) {
        expect(r.error).toBeNull();
        expect(r.data).toEqual([]);
      }
    }
    expect(after!.name).toBe(mayWriteA ? `已改-${who}-${run}` : `待改-${who}-${run}`);
    expect(after!.community_id).toBe(mayWriteA ? f.A2 : f.A1);
    expect(after!.street_id).toBe(f.A);
  });

  it('delete from units only within the office\'s street', async () => {
    const s = scope(who);
    for (const parent of ['A1', 'B1'] as const) {
      const [target] = await rows<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [
        'compound', `待删-${who}-${parent}-${run}`, f[parent],
      ]);
      const { data, error } = await client(who).from('units').delete().eq('id', target!.id).select('id');
      const allowed = s.officeStreets.has(parent === 'B1' ? f.B! : f.A!);
      const left = await rows('select 1 from public.units where id = $1', [target!.id]);
      if (who === 'anon') expect(error?.code).toBe('42501');
      else expect(data).toHaveLength(allowed ? 1 : 0);
      expect(left).toHaveLength(allowed ? 0 : 1);
    }
  });

  it('memberships: nobody inserts one (invitations do); only the street office revokes, within its street', async () => {
    const s = scope(who);
    const guest = await createUser(`guest.${who}.${run}@matrix.local`, '访客');
    for (const unitKey of ['A1', 'B1'] as const) {
      const unitStreet = unitKey === 'B1' ? f.B! : f.A!;
      const allowed = s.officeStreets.has(unitStreet);
      const ins = await client(who)
        .from('memberships')
        .insert({ user_id: guest, unit_id: f[unitKey], role: 'community_filer', street_id: s.officeStreets.values().next().value ?? f.A })
        .select('id, street_id');
      const stored = await rows<{ id: number; street_id: number }>('select id::int, street_id::int from public.memberships where user_id = $1 and unit_id = $2', [guest, f[unitKey]]);
      expect(ins.error?.code).toBe('42501');
      expect(stored).toHaveLength(0);
      // Put one there to try revoking it.
      await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [guest, f[unitKey], 'community_filer']);
      const del = await client(who).from('memberships').delete().eq('user_id', guest).eq('unit_id', f[unitKey]!).select('id');
      const left = await rows('select 1 from public.memberships where user_id = $1 and unit_id = $2', [guest, f[unitKey]]);
      if (who === 'anon') expect(del.error?.code).toBe('42501');
      else expect(del.data).toHaveLength(allowed ? 1 : 0);
      expect(left).toHaveLength(allowed ? 0 : 1);
    }
    // No one may change a membership in place (role, unit) through the API.
    const [own] = await rows<{ id: number }>('select id::int from public.memberships where user_id = $1 limit 1', [userIds[who === 'anon' ? 'office_A' : who] ?? userIds.office_A]);
    if (own) {
      const upd = await client(who).from('memberships').update({ role: 'street_office' }).eq('id', own.id).select('id');
      expect(upd.error?.code).toBe('42501');
    }
  });

  it('profiles: each edits only their own name; nobody inserts or deletes', async () => {
    const target = userIds.filer_A1!;
    const before = (await rows<{ full_name: string }>('select full_name from public.profiles where id = $1', [target]))[0]!.full_name;
    const upd = await client(who).from('profiles').update({ full_name: `改名-${who}` }).eq('id', target).select('id');
    const after = (await rows<{ full_name: string }>('select full_name from public.profiles where id = $1', [target]))[0]!.full_name;
    if (who === 'filer_A1') {
      expect(upd.data).toHaveLength(1);
      expect(after).toBe(`改名-${who}`);
      await db.query('update public.profiles set full_name = $2 where id = $1', [target, before]);
    } else {
      if (who === 'anon') expect(upd.error?.code).toBe('42501');
      else expect(upd.data ?? []).toEqual([]);
      expect(after).toBe(before);
    }
    const disabled = await client(who).from('profiles').update({ disabled: true }).eq('id', userIds[who === 'anon' ? 'none' : who]!).select('id');
    expect(disabled.error?.code).toBe('42501'); // no column grant
    const ins = await client(who).from('profiles').insert({ id: crypto.randomUUID(), email: 'x@y.z' });
    expect(ins.error?.code).toBe('42501');
    const del = await client(who).from('profiles').delete().eq('id', target).select('id');
    expect(del.error?.code).toBe('42501');
  });

  it.each(READ_ONLY_TABLES)('%s: no direct insert, update or delete, whatever the row', async (table) => {
    const instance = await draftInstance('A1');
    const before = await rows('select count(*)::int as n from public.' + table);
    // A well-formed row and change for each table, so only the privilege can refuse them.
    const scopeCols = { street_id: f.A, community_id: f.A1 };
    const writes = {
      workflow_instances: [{ workflow: 'sample', version: 2, state: 'excellent', subject_unit_id: f.A1, ...scopeCols }, { state: 'excellent', revision: 99 }],
      workflow_events: [{ instance_id: instance, workflow: 'sample', version: 2, event: 'approve', to_state: 'excellent', ...scopeCols }, { to_state: 'excellent' }],
      workflow_snapshots: [{ instance_id: instance, event_id: 1, form: {}, ...scopeCols }, { form: { forged: true } }],
      workflow_definitions: [
        { workflow: 'sample', version: 99, initial_state: 'draft', states: [], start_roles: ['viewer'], subject_kinds: ['street'], form_schema: {}, form_editable_states: [], form_editor_roles: [] },
        { initial_state: 'excellent' },
      ],
      workflow_transitions: [{ workflow: 'sample', version: 2, from_state: 'draft', event: 'approve', to_state: 'excellent', roles: ['viewer'], depth: 1, priority: 9 }, { to_state: 'excellent' }],
      workflow_event_types: [{ workflow: 'sample', version: 2, event: 'forged', payload_schema: {} }, { payload_schema: {} }],
      workflow_deadlines: [{ workflow: 'sample', version: 2, state: 'passed', due_after: '1 day', remind_roles: ['viewer'] }, { due_after: '1 minute' }],
      workflow_timers: [{ instance_id: instance, state: 'draft', entered_event_id: 1, kind: 'due', deadline_at: '2026-01-01', due_at: '2026-01-01' }, { due_at: '2099-01-01' }],
      workflow_state_options: [{ workflow: 'sample', version: 2, state: 'passed', assign_roles: ['viewer'] }, { assign_roles: ['viewer'] }],
      workflow_cc_rules: [{ workflow: 'sample', version: 2, event: 'submit', roles: ['viewer'] }, { roles: ['viewer'] }],
      workflow_countersign_rules: [{ workflow: 'sample', version: 3, state: 'review.opened', rule: 'any', approve_events: ['approve'] }, { rule: 'any' }],
      workflow_assignments: [{ instance_id: instance, state: 'draft', user_id: '00000000-0000-0000-0000-000000000000', kind: 'owner', event_id: 1 }, { ended_at: '2026-01-01' }],
      application_rounds: [{ instance_id: instance, round_id: rounds.A, event_id: 1 }, { reviewer_total: 100 }],
      member_invitations: [{ email: `forged.${run}@matrix.local`, full_name: '伪造', unit_id: f.A1, role: 'community_filer', ...scopeCols }, { status: 'accepted' }],
      grid_household_changes: [{ household_id: 1, op: 'delete', changes: {}, grid_path: [], ...scopeCols }, { op: 'insert' }],
    } as Record<string, [Record<string, unknown>, Record<string, unknown>]>;
    const [row, change] = writes[table]!;
    const key = keyOf(table)[0]!;
    const ins = await client(who).from(table).insert(row);
    expect(ins.error?.code, `insert ${table}`).toBe('42501');
    const upd = await client(who).from(table).update(change).not(key, 'is', null);
    expect(upd.error?.code, `update ${table}`).toBe('42501');
    const del = await client(who).from(table).delete().not(key, 'is', null);
    expect(del.error?.code, `delete ${table}`).toBe('42501');
    expect(await rows('select count(*)::int as n from public.' + table)).toEqual(before);
    const [state] = await rows<{ state: string; revision: number }>('select state, revision from public.workflow_instances where id = $1', [instance]);
    expect(state).toEqual({ state: 'draft', revision: 0 });
  });

  it.each(OFFICE_TABLES)('%s: the street office writes its own street\'s, nobody writes another street\'s', async (table) => {
    const s = scope(who);
    for (const street of ['A', 'B'] as const) {
      const allowed = s.officeStreets.has(f[street]!);
      const campaign = campaigns[street]!;
      const count = async () => (await rows<{ n: number }>(`select count(*)::int as n from public.${table} where street_id = $1`, [f[street]]))[0]!.n;
      const before = await count();
      const row = {
        campaign_phases: { campaign_id: campaign, phase: 'rollout', starts_on: '2027-07-01', ends_on: '2029-06-30', street_id: f.A },
        campaign_leaders: { campaign_id: campaign, position: 'member', person_name: `成员-${who}`, street_id: f.A },
        campaign_member_offices: { campaign_id: campaign, name: `办公室-${who}`, street_id: f.A },
        street_seals: { street_id: f[street], image: 'data:image/png;base64,AAAA' },
      }[table];
      const ins = table === 'street_seals'
        ? await client(who).from(table).upsert(row as never).select()
        : await client(who).from(table).insert(row as never).select();
      if (allowed) {
        expect(ins.error, `${table} as ${who} in ${street}`).toBeNull();
        if (table !== 'street_seals') expect(await count()).toBe(before + 1);
        // The scope column follows the campaign, whatever was sent.
        if (table !== 'street_seals') expect((ins.data![0] as { street_id: number }).street_id).toBe(f[street]);
      } else {
        expect(ins.error, `${table} as ${who} in ${street}`).not.toBeNull();
        expect(await count()).toBe(before);
      }
      const del = await client(who).from(table).delete().eq(table === 'street_seals' ? 'street_id' : 'campaign_id', table === 'street_seals' ? f[street]! : campaign).select();
      if (who === 'anon') expect(del.error?.code).toBe('42501');
      else if (allowed) expect(del.data!.length).toBeGreaterThan(0);
      else expect(del.data ?? []).toEqual([]);
      // Put back what the office removed, for the identities after it.
      if (allowed && table !== 'street_seals') {
        await db.query('delete from public.campaign_phases where campaign_id = $1', [campaign]);
        await db.query(`insert into public.campaign_phases (campaign_id, phase, starts_on, ends_on) values ($1, 'plan', '2026-10-01', '2027-02-28')`, [campaign]);
        await db.query(`insert into public.campaign_leaders (campaign_id, position, person_name) select $1, 'leader', '组长甲' where not exists (select 1 from public.campaign_leaders where campaign_id = $1)`, [campaign]);
        await db.query(`insert into public.campaign_member_offices (campaign_id, name) select $1, '党建办' where not exists (select 1 from public.campaign_member_offices where campaign_id = $1)`, [campaign]);
      } else if (allowed) {
        await db.query(`insert into public.street_seals (street_id, image) values ($1, 'data:image/png;base64,iVBORw0KGgo=') on conflict do nothing`, [f[street]]);
      }
    }
  });

  it.each(KEY_TASK_TABLES)('%s: the street office writes its own street\'s key tasks, nobody writes another street\'s', async (table) => {
    const s = scope(who);
    for (const street of ['A', 'B'] as const) {
      const allowed = s.officeStreets.has(f[street]!);
      const { campaign, office } = keyTasks[street]!;
      const next = async () => (await rows<{ n: number }>('select coalesce(max(number), 0)::int + 1 as n from public.key_tasks where campaign_id = $1', [campaign]))[0]!.n;
      // A task of the street's list to write on, with a progress note, as the seed writes them.
      const [task] = await rows<{ id: number }>(
        `insert into public.key_tasks (campaign_id, year_starts_on, action, number, content, all_year)
         values ($1, '2027-01-01', 'red_magnet', $2, '矩阵待写任务', true) returning id::int`, [campaign, await next()],
      );
      await db.query("insert into public.key_task_reports (task_id, note) values ($1, '矩阵原有进展')", [task!.id]);
      const column = table === 'key_tasks' ? 'id' : 'task_id';
      const count = async () => (await rows<{ n: number }>(`select count(*)::int as n from public.${table} where street_id = $1`, [f[street]]))[0]!.n;
      const before = await count();
      // Spoofed street: the triggers take the campaign's, then the policies check that one.
      const row = {
        key_tasks: { campaign_id: campaign, year_starts_on: '2027-01-01', action: 'brand', number: await next(), content: `任务-${who}`, deadline: '2027-03-31', street_id: f.A },
        key_task_leads: { task_id: task!.id, office_id: office, street_id: f.A },
        key_task_reports: { task_id: task!.id, note: `进展-${who}`, street_id: f.A },
      }[table];
      const ins = await client(who).from(table).insert(row as never).select();
      if (allowed) {
        expect(ins.error, `${table} as ${who} in ${street}`).toBeNull();
        expect(await count()).toBe(before + 1);
        expect((ins.data![0] as { street_id: number }).street_id).toBe(f[street]);
      } else {
        expect(ins.error?.code, `${table} as ${who} in ${street}`).toBe('42501');
        expect(await count()).toBe(before);
        // Put a lead there to try removing it.
        if (table === 'key_task_leads') await db.query('insert into public.key_task_leads (task_id, office_id) values ($1, $2)', [task!.id, office]);
      }
      if (table !== 'key_task_leads') {
        const upd = await client(who).from(table).update(table === 'key_tasks' ? { status: 'done' } : { note: `改写-${who}` }).eq(column, task!.id).select();
        if (who === 'anon') expect(upd.error?.code).toBe('42501');
        else expect(upd.data ?? [], `update ${table} as ${who} in ${street}`).toHaveLength(allowed ? (table === 'key_tasks' ? 1 : 2) : 0);
      }
      const del = await client(who).from(table).delete().eq(column, task!.id).select();
      if (who === 'anon') expect(del.error?.code).toBe('42501');
      else if (allowed) expect(del.data!.length, `delete ${table} as ${who} in ${street}`).toBeGreaterThan(0);
      else expect(del.data ?? []).toEqual([]);
      // Only the fixture's task stays, for the identities after this one.
      await db.query('delete from public.key_tasks where campaign_id = $1 and number > 1', [campaign]);
    }
  });

  it('campaigns: the office creates one in its street (its workflow starts with it) and edits it; nobody deletes one', async () => {
    const s = scope(who);
    for (const street of ['A', 'B'] as const) {
      const allowed = s.officeStreets.has(f[street]!);
      const name = `新行动-${who}-${street}-${run}`;
      const ins = await client(who).from('campaigns')
        .insert({ street_id: f[street], name, start_year: 2027, end_year: 2029, filing_opens_on: '2027-01-01', filing_closes_on: '2027-02-28' })
        .select('id, instance_id');
      const made = await rows<{ instance_state: string }>(
        'select i.state as instance_state from public.campaigns c join public.workflow_instances i on i.id = c.instance_id where c.name = $1', [name],
      );
      if (allowed) {
        expect(ins.error, `campaign as ${who} in ${street}`).toBeNull();
        expect(made).toEqual([{ instance_state: 'plan' }]);
      } else {
        expect(ins.error, `campaign as ${who} in ${street}`).not.toBeNull();
        expect(made).toEqual([]);
      }
      const upd = await client(who).from('campaigns').update({ filing_closes_on: '2027-03-31' }).eq('id', campaigns[street]!).select('id');
      if (who === 'anon') expect(upd.error?.code).toBe('42501');
      else expect(upd.data ?? [], `update as ${who}`).toHaveLength(allowed ? 1 : 0);
      const forged = await client(who).from('campaigns').update({ instance_id: 1 }).eq('id', campaigns[street]!);
      expect(forged.error?.code).toBe('42501');
      const del = await client(who).from('campaigns').delete().eq('id', campaigns[street]!);
      expect(del.error?.code).toBe('42501');
    }
  });

  it('campaign_targets: the office writes its street\'s; target_progress answers each caller for what they see', async () => {
    const s = scope(who);
    for (const street of ['A', 'B'] as const) {
      const office = s.officeStreets.has(f[street]!);
      const ins = await client(who).from('campaign_targets')
        .insert({ campaign_id: campaigns[street], due_on: '2028-12-31', unit_kind: 'community', grade: 'standard', share: 1, street_id: f.A })
        .select('id, street_id');
      expect(ins.error === null, `campaign_targets insert as ${who} in ${street}`).toBe(office);
      if (office) expect(ins.data![0]!.street_id).toBe(f[street]);
      if (ins.data?.length) await db.query('delete from public.campaign_targets where id = $1', [ins.data[0]!.id]);
      const progress = await client(who).rpc('target_progress', { p_campaign_id: campaigns[street] });
      if (who === 'anon') expect(progress.error?.code).toBe('42501');
      else expect((progress.data as unknown[] | null)?.length ?? 0, `target_progress as ${who} in ${street}`).toBe(s.memberStreets.has(f[street]!) ? 1 : 0);
    }
  });

  it('acceptance_recommendations: the street office recommends, rewords and withdraws in its street; nobody else writes', async () => {
    const s = scope(who);
    for (const street of ['A', 'B'] as const) {
      const office = s.officeStreets.has(f[street]!);
      const { row, unit, eligible } = recommendations[street]!;
      const reasonOf = async () => (await rows<{ reason: string }>('select reason from public.acceptance_recommendations where id = $1', [row]))[0]?.reason;
      const ins = await client(who).from('acceptance_recommendations').insert({ unit_id: eligible, reason: `推选-${who}` }).select('id, street_id');
      if (office) {
        expect(ins.error, `recommend as ${who} in ${street}`).toBeNull();
        expect(ins.data![0]!.street_id).toBe(f[street]);
        await db.query('delete from public.acceptance_recommendations where id = $1', [ins.data![0]!.id]);
      } else {
        expect(ins.error?.code, `recommend as ${who} in ${street}`).toBe('42501');
      }
      expect(await rows('select 1 from public.acceptance_recommendations where unit_id = $1', [eligible])).toHaveLength(0);

      const upd = await client(who).from('acceptance_recommendations').update({ reason: `改写-${who}` }).eq('id', row).select('id');
      if (who === 'anon') expect(upd.error?.code).toBe('42501');
      else expect(upd.data ?? [], `reword as ${who} in ${street}`).toHaveLength(office ? 1 : 0);
      expect(await reasonOf()).toBe(office ? `改写-${who}` : '矩阵推选');
      await db.query("update public.acceptance_recommendations set reason = '矩阵推选' where id = $1", [row]);

      const del = await client(who).from('acceptance_recommendations').delete().eq('id', row).select('id');
      if (who === 'anon') expect(del.error?.code).toBe('42501');
      else expect(del.data ?? [], `withdraw as ${who} in ${street}`).toHaveLength(office ? 1 : 0);
      expect(await reasonOf()).toBe(office ? undefined : '矩阵推选');
      if (office) {
        await db.query("insert into public.acceptance_recommendations (id, unit_id, reason) overriding system value values ($1, $2, '矩阵推选')", [row, unit]);
      }
    }
  });

  it('grid_households (网格化治理\'s own policies): insert, update and delete on every community, grid and micro-grid exactly where private.grid_writes allows', async () => {
    const problems: string[] = [];
    const said = (r: { error: { code?: string; message: string } | null; status: number }) => (r.error ? `${r.status} ${r.error.code} ${r.error.message}` : `${r.status}`);
    const version = async (id: number) => (await rows<{ v: string }>('select xmin::text as v from public.grid_households where id = $1', [id]))[0]?.v;
    for (const key of HOUSEHOLD_UNITS()) {
      const unit = placed[f[key]!]!;
      const [{ path }] = await rows<{ path: number[] }>('select grid_path::int[] as path from public.grid_households where id = $1', [householdRows[key]]) as [{ path: number[] }];
      const allowed = gridWritable(unit, path, who);
      const room = `m${++householdSerial}`;
      const ins = await client(who).from('grid_households').insert({ unit_id: unit.id, compound: `矩阵小区-${run}`, room, size: 2 }).select('id');
      const added = await rows<{ id: number }>('select id::int from public.grid_households where compound = $1 and room = $2', [`矩阵小区-${run}`, room]);
      if (allowed ? ins.error || added.length !== 1 : ins.error?.code !== '42501' || added.length) {
        problems.push(`insert on ${key}: expected ${allowed ? 'accepted' : 'refused (42501)'}, answered ${said(ins)}, ${added.length} row(s) added`);
      }
      await db.query('delete from public.grid_households where id = any ($1)', [added.map((r) => r.id)]);

      const target = householdRows[key]!;
      const v0 = await version(target);
      const upd = await client(who).from('grid_households').update({ size: 5, note: `改-${who}` }).eq('id', target).select('id');
      const written = (await version(target)) !== v0;
      if (allowed ? upd.error || upd.data?.length !== 1 || !written : written || (who === 'anon' ? upd.error?.code !== '42501' : upd.error || upd.data?.length)) {
        problems.push(`update on ${key}: expected ${allowed ? 'accepted' : 'refused'}, answered ${said(upd)} with ${upd.data?.length ?? 0} row(s), ${written ? 'written' : 'not written'}`);
      }
      const del = await client(who).from('grid_households').delete().eq('id', target).select('id');
      const gone = (await version(target)) === undefined;
      if (allowed ? del.error || del.data?.length !== 1 || !gone : gone || (who === 'anon' ? del.error?.code !== '42501' : del.error || del.data?.length)) {
        problems.push(`delete on ${key}: expected ${allowed ? 'accepted' : 'refused'}, answered ${said(del)} with ${del.data?.length ?? 0} row(s), ${gone ? 'gone' : 'still there'}`);
      }
      if (gone) householdRows[key] = await householdOn(key);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('grid_households\' phones: no API role selects the column; grid_household_contacts answers a grid\'s own staff only, and refuses any other household, or none, alike', async () => {
    const s = scope(who);
    expect((await client(who).from('grid_households').select('contact_phone')).error?.code).toBe('42501');
    const refusal = ['42501', '只有住户所在网格的工作人员可以查看联系电话'];
    for (const key of HOUSEHOLD_UNITS()) {
      const id = householdRows[key]!;
      const [{ path }] = await rows<{ path: number[] }>('select grid_path::int[] as path from public.grid_households where id = $1', [id]) as [{ path: number[] }];
      const { data, error } = await client(who).rpc('grid_household_contacts', { p_ids: [id] });
      if (who === 'anon') expect(error?.code, key).toBe('42501');
      else if (path.some((u) => s.gridStaffUnits.has(u))) expect([error, data], key).toEqual([null, [{ id, contact_phone: '13900001111' }]]);
      else expect([error?.code, error?.message], key).toEqual(refusal);
    }
    if (who !== 'anon') {
      const none = await client(who).rpc('grid_household_contacts', { p_ids: [-1] });
      expect([none.error?.code, none.error?.message]).toEqual(refusal);
    }
  });

  it('grid_import_households: a roster row is written exactly where the caller writes households, and a refused file writes nothing', async () => {
    const target = 'micro_grid_A1';
    if (!(target in f)) return;
    const unit = placed[f[target]!]!;
    const [{ path }] = await rows<{ path: number[] }>('select grid_path::int[] as path from public.grid_households where id = $1', [householdRows[target]]) as [{ path: number[] }];
    const room = `i${++householdSerial}`;
    const row = { row: 2, community: `甲社区-${run}`, grid: `micro_grid-A1-${run}`, compound: `矩阵小区-${run}`, room, size: 2 };
    const { data, error } = await client(who).rpc('grid_import_households', { p_street_id: f.A, p_rows: [row] });
    const added = await rows<{ id: number }>('select id::int from public.grid_households where compound = $1 and room = $2', [`矩阵小区-${run}`, room]);
    if (who === 'anon') expect(error?.code).toBe('42501');
    else if (gridWritable(unit, path, who)) expect([error, data]).toEqual([null, { inserted: 1, updated: 0, unchanged: 0 }]);
    else expect(error?.code).toBe('22023');
    expect(added).toHaveLength(who !== 'anon' && gridWritable(unit, path, who) ? 1 : 0);
    await db.query('delete from public.grid_households where id = any ($1)', [added.map((r) => r.id)]);
  });

  it("grid_import_grids and grid_import_staff: rosters the street's office alone imports, for its own street; anyone else's file writes nothing", async () => {
    if (!('micro_grid_A1' in f)) return;
    const serial = ++householdSerial;
    const grid = { row: 2, community: `甲社区-${run}`, parent: '', name: `矩阵导入网格-${run}-${serial}`, kind: 'grid' };
    const person = { row: 2, full_name: '矩阵 导入', email: `roster-${serial}.${run}@matrix.local`, community: `甲社区-${run}`, grid: `micro_grid-A1-${run}`, role: 'micro_grid_worker' };
    const office = who !== 'anon' && scope(who).officeStreets.has(f.A!);
    const grids = await client(who).rpc('grid_import_grids', { p_street_id: f.A, p_rows: [grid] });
    const staff = await client(who).rpc('grid_import_staff', { p_street_id: f.A, p_rows: [person], p_password: PASSWORD });
    const made = await rows<{ id: number }>('select id::int from public.units where name = $1', [grid.name]);
    const invited = await rows<{ id: number }>('select id::int from public.member_invitations where email = $1', [person.email]);
    if (who === 'anon') expect([grids.error?.code, staff.error?.code]).toEqual(['42501', '42501']);
    else if (office) expect([grids.error, grids.data, staff.error, staff.data]).toEqual([null, { inserted: 1, unchanged: 0 }, null, { invited: 1, unchanged: 0 }]);
    else expect([grids.error?.code, staff.error?.code]).toEqual(['22023', '22023']);
    expect([made.length, invited.length]).toEqual(office ? [1, 1] : [0, 0]);
    await db.query('delete from public.member_invitations where id = any ($1)', [invited.map((r) => r.id)]);
    await db.query('delete from auth.users where email = $1', [person.email]);
    await db.query('delete from public.units where id = any ($1)', [made.map((r) => r.id)]);
  });

  it('grid_overview: the grid tree of what the caller reads (the street\'s, its community\'s, or under its grids), with its households', async () => {
    const s = scope(who);
    for (const street of ['A', 'B'] as const) {
      const units = await rows<{ id: number; parent_id: number; community_id: number | null }>(
        "select id::int, parent_id::int, community_id::int from public.units where street_id = $1 and kind::text in ('community', 'grid', 'micro_grid')", [f[street]],
      );
      const expected = new Set(units.filter((u) => s.gridStreets.has(f[street]!) || (u.community_id !== null && s.gridCommunities.has(u.community_id)) || s.gridStaffUnits.has(u.id)).map((u) => u.id));
      for (let grown = true; grown;) {
        grown = false;
        for (const u of units) if (!expected.has(u.id) && expected.has(u.parent_id) && u.id !== u.community_id) { expected.add(u.id); grown = true; }
      }
      const { data, error } = await client(who).rpc('grid_overview', { p_street_id: f[street] });
      if (who === 'anon') {
        expect(error?.code).toBe('42501');
        continue;
      }
      expect(error).toBeNull();
      const answered = data as { unit_id: number; households: number }[];
      expect(answered.map((r) => r.unit_id).sort((a, b) => a - b), street).toEqual([...expected].sort((a, b) => a - b));
      for (const r of answered) {
        const [{ n }] = await rows<{ n: number }>(
          'select count(*)::int as n from public.grid_households h join public.units u on u.id = $1 where case when u.kind = \'community\' then h.community_id = u.id else $1 = any (h.grid_path) end', [r.unit_id],
        ) as [{ n: number }];
        expect(r.households, `${street} ${r.unit_id}`).toBe(n);
      }
    }
  });

  it('网格考核: a month as it stands for the street\'s office, departments and district; published, for every member of the street; published by its office only', async () => {
    const s = scope(who);
    for (const street of ['A', 'B'] as const) {
      const month = `2019-0${street === 'A' ? 1 : 2}-01`;
      const call = (fn: 'grid_assessment' | 'grid_assessment_trend' | 'grid_assessment_published' | 'publish_grid_assessment') => client(who).rpc(fn, {
        p_street_id: f[street]!, ...(fn === 'grid_assessment_trend' ? { p_months: 1 } : fn === 'grid_assessment_published' ? {} : { p_month: month }),
      } as never);
      if (who === 'anon') {
        for (const fn of ['grid_assessment', 'grid_assessment_trend', 'grid_assessment_published', 'publish_grid_assessment'] as const) expect((await call(fn)).error?.code, fn).toBe('42501');
        continue;
      }
      // Unpublished (the month is this cell's own: no one else publishes it).
      await db.query('delete from public.grid_assessment_results where street_id = $1 and month = $2', [f[street], month]);
      const readsLive = s.gridStreets.has(f[street]!);
      const live = await call('grid_assessment');
      expect(live.error).toBeNull();
      expect((live.data as unknown[]).length > 0, `${street} live`).toBe(readsLive);
      expect(((await call('grid_assessment_trend')).data as unknown[]).length, `${street} trend`).toBe(readsLive ? 1 : 0);
      const published = await call('publish_grid_assessment');
      const office = s.officeStreets.has(f[street]!);
      expect(published.error?.code ?? null, `${street} publish`).toBe(office ? null : '42501');
      if (!office) {
        await db.query(
          `insert into public.grid_assessment_results (unit_id, month, subject_kind, subject_id, subject_name, parent_name, weights)
           select l.unit_id, l.month, l.subject_kind, l.subject_id, l.subject_name, l.parent_name, l.weights from private.grid_assessment_live($1, $2) l`,
          [f[street], month],
        );
      }
      // (the superuser publishes where the caller may not, so every identity reads a published month)
      const frozen = await call('grid_assessment');
      expect((frozen.data as { published_at: string | null }[]).every((r) => r.published_at !== null), `${street} frozen`).toBe(true);
      expect((frozen.data as unknown[]).length > 0, `${street} frozen`).toBe(s.memberStreets.has(f[street]!));
      // (the fixture's example rows are a published month too)
      expect(((await call('grid_assessment_published')).data as { month: string }[]).map((r) => r.month).includes(month), street)
        .toBe(s.memberStreets.has(f[street]!));
      await db.query('delete from public.grid_assessment_results where street_id = $1 and month = $2', [f[street], month]);
    }
  });

  it('治理态势 and 民情事件台账: the events and counts of exactly what the caller reads of the street', async () => {
    const made = await gridCases();
    const s = scope(who);
    const instances = await rows<Instance>('select id::int, street_id::int, community_id::int, unit_path::int[] from public.workflow_instances where id = any ($1)', [made]);
    for (const street of ['A', 'B'] as const) {
      const ledger = await client(who).rpc('grid_events', { p_street_id: f[street]!, p_category: `矩阵-${run}`, p_limit: 200 });
      const board = await client(who).rpc('grid_dashboard', { p_street_id: f[street]! });
      if (who === 'anon') {
        expect([ledger.error?.code, board.error?.code]).toEqual(['42501', '42501']);
        continue;
      }
      const expected = instances.filter((i) => i.street_id === f[street] && VISIBLE.workflow_instances(i, s)).map((i) => i.id).sort((a, b) => a - b);
      expect(ledger.error).toBeNull();
      expect((ledger.data as { id: number }[]).map((r) => r.id).sort((a, b) => a - b), street).toEqual(expected);
      expect(board.error).toBeNull();
      // (each case was reported this month; they are closed, so nothing of them is open)
      expect((board.data as { months: { reported: number }; open: number }), street).toMatchObject({ months: { reported: expected.length }, open: 0 });
    }
  });

  it('the standard, scores and grades: office edits its street\'s draft; filers self-score their community, reviewers the street; grades only computed', async () => {
    const s = scope(who);
    for (const street of ['A', 'B'] as const) {
      const office = s.officeStreets.has(f[street]!);
      // Reviewer scores: a role that writes, held street-wide; self scores: one held in the unit's community.
      const scorer = s.writerScopes.has(f[street]!);
      const unitKey = street === 'A' ? 'A1x' : 'B1x';
      const selfScorer = s.writerScopes.has(placed[f[unitKey]!]!.community_id!);

      const version = await client(who).from('standard_versions').insert({ campaign_id: campaigns[street], year: 2031 }).select('id');
      expect(version.error === null, `standard_versions insert as ${who} in ${street}`).toBe(office);
      if (version.data?.length) await db.query('delete from public.standard_versions where id = $1', [version.data[0]!.id]);

      const reworded = await client(who).from('standard_subitems').update({ content: `改-${who}` }).eq('id', draftSubitems[street]!).select('id');
      if (who === 'anon') expect(reworded.error?.code).toBe('42501');
      else expect(reworded.data ?? [], `standard_subitems update as ${who}`).toHaveLength(office ? 1 : 0);
      await db.query("update public.standard_subitems set content = '睦邻家园小区党支部' where id = $1", [draftSubitems[street]]);
      // The published version is frozen for everyone, the office included.
      const frozen = await client(who).from('standard_subitems').update({ content: '改' }).eq('id', subitems[street]!).select('id');
      if (who === 'anon') expect(frozen.error?.code).toBe('42501');
      else if (office) expect(frozen.error?.message).toMatch(/已发布的标准不能修改/);
      else expect(frozen.data ?? []).toEqual([]);

      const entry = (role: 'self' | 'reviewer', score = 70) => ({ round_id: rounds[street], unit_id: f[unitKey], subitem_id: subitems[street], scorer_role: role, score });
      const self = await client(who).from('score_entries').insert(entry('self')).select('id');
      expect(self.error === null, `self score as ${who} in ${street}`).toBe(selfScorer);
      const review = await client(who).from('score_entries').insert(entry('reviewer')).select('id');
      expect(review.error === null, `reviewer score as ${who} in ${street}`).toBe(scorer);
      if (scorer) {
        const over = await client(who).from('score_entries').update({ score: 150 }).eq('id', review.data![0]!.id);
        expect(over.error?.message).toBe('得分不能超过该细则的分值 100.0 分');
      }
      const forged = await client(who).from('score_entries').insert({ ...entry('reviewer'), scorer_id: crypto.randomUUID() });
      expect(forged.error?.code, `forged scorer as ${who}: ${forged.error?.message}`).toBe('42501');
      if (userIds[who]) await db.query('delete from public.score_entries where scorer_id = $1', [userIds[who]]);

      const grade = await client(who).from('unit_grades').update({ standard: true, demonstration: true }).eq('round_id', rounds[street]!);
      expect(grade.error?.code).toBe('42501');
      const recompute = await client(who).rpc('recompute_grades', { p_round_id: rounds[street] });
      expect(recompute.error?.code ?? null, `recompute_grades as ${who} in ${street}`).toBe(scorer ? null : '42501');
      const publish = await client(who).rpc('publish_standard', { p_version_id: versions[street] });
      // The fixture's draft covers one level only: the office is told it cannot publish yet.
      expect(publish.error?.code ?? null, `publish_standard as ${who} in ${street}`).toBe(office ? '23514' : '42501');
    }
  });

  it('publish_round: only the office of the round\'s street publishes its results', async () => {
    const s = scope(who);
    for (const street of ['A', 'B'] as const) {
      // A round of its own to publish (year 2030): the fixture's round stays open for the scores above.
      publishRounds[street] ??= (await rows<{ id: number }>(
        `insert into public.score_rounds (campaign_id, kind, year, version_id)
         select campaign_id, kind, 2030, version_id from public.score_rounds where id = $1 returning id::int`, [rounds[street]],
      ))[0]!.id;
      const office = s.officeStreets.has(f[street]!);
      const { data, error } = await client(who).rpc('publish_round', { p_round_id: publishRounds[street] });
      expect(error?.code ?? null, `publish_round as ${who} in ${street}`).toBe(office ? null : '42501');
      if (office) expect((data as { published_at: string | null }).published_at).not.toBeNull();
    }
  });

  it('start_workflow, save_workflow_form and fire_event: the roles the machine names, in their scope', async () => {
    if (who === 'anon') {
      for (const [fn, args] of [
        ['start_workflow', { p_workflow: 'sample', p_subject_unit_id: f.A1 }],
        ['save_workflow_form', { p_instance_id: 1, p_form: {} }],
        ['fire_event', { p_instance_id: 1, p_event: 'cancel', p_expected_revision: 0 }],
        ['workflow_facts', { p_instance_id: 1 }],
        ['workflow_facts_of', { p_instance_ids: [1] }],
        ['urge_workflow', { p_instance_id: 1 }],
        ['transfer_workflow', { p_instance_id: 1, p_to: '00000000-0000-0000-0000-000000000000', p_comment: '转交' }],
        ['delegate_workflow', { p_instance_id: 1, p_to: '00000000-0000-0000-0000-000000000000', p_comment: '委派' }],
        ['finish_delegation', { p_instance_id: 1, p_comment: '办毕' }],
        ['workflow_return_targets', { p_instance_id: 1 }],
        ['return_workflow', { p_instance_id: 1, p_to_state: 'draft', p_expected_revision: 0, p_comment: '退回' }],
        ['resume_workflow', { p_instance_id: 1, p_expected_revision: 0 }],
        ['fire_event_batch', { p_event: 'cancel', p_items: [{ id: 1, revision: 0 }] }],
        ['workflow_members', { p_instance_id: 1 }],
        ['add_signer', { p_instance_id: 1, p_to: '00000000-0000-0000-0000-000000000000', p_comment: '加签' }],
        ['workflow_countersign', { p_instance_id: 1 }],
        ['migrate_workflow_instances', { p_workflow: 'sample', p_from_version: 1, p_to_version: 2 }],
        ['workflow_todo', { p_workflows: ['sample'] }],
        ['workflow_message_instances', { p_message_id: 1 }],
      ] as const) {
        expect((await client(who).rpc(fn, args)).error?.code, fn).toBe('42501');
      }
      return;
    }
    // Whether the caller sees A1's rows (private.sees_scope), and its roles where they live:
    // street-wide roles of A, community roles of A1 (private.roles_in_scope).
    const s = scope(who);
    const sees = s.streets.has(f.A!) || s.communities.has(f.A1!);
    const roles = s.rolesAt(f.A!, f.A1!, placed[f.A1!]!.unit_path);
    const expectCode = (allowedRoles: Role[]) => (!sees ? 'WF007' : allowedRoles.some((r) => roles.has(r)) ? null : 'WF003');

    const started = await client(who).rpc('start_workflow', { p_workflow: 'sample', p_subject_unit_id: f.A1, p_form: { title: '矩阵' } });
    expect(started.error?.code ?? null, 'start_workflow').toBe(expectCode(['community_filer', 'street_office']));

    const forForm = await draftInstance('A1');
    const saved = await client(who).rpc('save_workflow_form', { p_instance_id: forForm, p_form: { title: `表-${who}` } });
    expect(saved.error?.code ?? null, 'save_workflow_form').toBe(expectCode(['community_filer']));
    const [form] = await rows<{ form: { title?: string } }>('select form from public.workflow_instances where id = $1', [forForm]);
    expect(form!.form.title ?? null).toBe(saved.error ? null : `表-${who}`);

    const forEvent = await draftInstance('A1');
    const fired = await client(who).rpc('fire_event', { p_instance_id: forEvent, p_event: 'cancel', p_expected_revision: 0, p_payload: {} });
    expect(fired.error?.code ?? null, 'fire_event').toBe(expectCode(['community_filer', 'street_office']));
    const [after] = await rows<{ state: string; revision: number }>('select state, revision from public.workflow_instances where id = $1', [forEvent]);
    expect(after).toEqual(fired.error ? { state: 'draft', revision: 0 } : { state: 'cancelled', revision: 1 });
    const log = await rows('select 1 from public.workflow_events where instance_id = $1', [forEvent]);
    expect(log).toHaveLength(fired.error ? 0 : 1);

    const facts = await client(who).rpc('workflow_facts', { p_instance_id: forEvent });
    expect(facts.error?.code ?? null, 'workflow_facts').toBe(sees ? null : 'WF007');
    const many = await client(who).rpc('workflow_facts_of', { p_instance_ids: [forEvent] });
    expect(many.error).toBeNull();
    expect((many.data as unknown[]).length, 'workflow_facts_of').toBe(sees ? 1 : 0);

    // 催办: someone upstream — here, with no one in the log, a street-wide role of A.
    const forUrge = await draftInstance('A1');
    const urged = await client(who).rpc('urge_workflow', { p_instance_id: forUrge });
    const streetWideInA = IDENTITIES[who]!.some((m) => placed[f[m.unit]!]!.community_id === null && placed[f[m.unit]!]!.street_id === f.A);
    expect(urged.error?.code ?? null, 'urge_workflow').toBe(!sees ? 'WF007' : streetWideInA ? null : 'WF003');
    expect(await rows(`select 1 from public.workflow_events where instance_id = $1 and event = 'urge'`, [forUrge])).toHaveLength(urged.error ? 0 : 1);

    // Handlers, returns and batches: nothing of an instance out of scope, not even that it exists.
    const forHandlers = await draftInstance('A1');
    const members = await client(who).rpc('workflow_members', { p_instance_id: forHandlers });
    expect(members.error).toBeNull();
    expect((members.data as unknown[]).length > 0, 'workflow_members').toBe(sees);
    const me = userIds[who] ?? '00000000-0000-0000-0000-000000000000';
    for (const [fn, args] of [
      ['transfer_workflow', { p_instance_id: forHandlers, p_to: me, p_comment: '转交给我' }],
      ['delegate_workflow', { p_instance_id: forHandlers, p_to: me, p_comment: '委派给我' }],
      ['finish_delegation', { p_instance_id: forHandlers, p_comment: '办毕' }],
      ['return_workflow', { p_instance_id: forHandlers, p_to_state: 'draft', p_expected_revision: 0, p_comment: '退回' }],
      ['resume_workflow', { p_instance_id: forHandlers, p_expected_revision: 0 }],
      ['add_signer', { p_instance_id: forHandlers, p_to: me, p_comment: '加签我' }],
    ] as const) {
      const { error } = await client(who).rpc(fn, args);
      // (a draft with no named handler, nothing delegated, no return offered: WF002 for whoever sees it)
      expect(error?.code, fn).toBe(sees ? 'WF002' : 'WF007');
    }
    // (a draft signs nothing: no count for anyone, and nothing said of an instance out of scope)
    const signing = await client(who).rpc('workflow_countersign', { p_instance_id: forHandlers });
    expect([signing.error, signing.data], 'workflow_countersign').toEqual([null, null]);
    // 我的待办 (a definer function): only instances the caller may read, the draft among them
    // exactly when a role of theirs acts on a draft there.
    const instances = await rows<Instance>('select id::int, street_id::int, community_id::int, unit_path::int[] from public.workflow_instances');
    const readable = new Set(instances.filter((r) => VISIBLE.workflow_instances(r, s)).map((r) => r.id));
    const todo = await client(who).rpc('workflow_todo', { p_workflows: ['sample', 'campaign', 'application'], p_limit: 1000 });
    expect(todo.error).toBeNull();
    const listed = (todo.data as { id: number }[]).map((r) => r.id);
    expect(listed.filter((id) => !readable.has(id)), 'workflow_todo').toEqual([]);
    expect(listed.includes(forHandlers), 'workflow_todo').toBe(expectCode(['community_filer', 'street_office']) === null);
    // The instances a message lists: of the caller's own messages only, and those they may read.
    const listing = await rows<Message>('select id::int, recipient_id, instance_id::int, instance_ids::int[] from public.workflow_messages where instance_ids is not null order by id');
    for (const m of [...listing.filter((l) => l.recipient_id === s.me), ...listing.filter((l) => l.recipient_id !== s.me).slice(0, 3)]) {
      const { data, error } = await client(who).rpc('workflow_message_instances', { p_message_id: m.id, p_limit: 100 });
      expect(error, 'workflow_message_instances').toBeNull();
      const expected = m.recipient_id === s.me ? m.instance_ids!.filter((id) => readable.has(id)).sort((a, b) => a - b) : [];
      expect((data as { id: number }[]).map((r) => r.id), `workflow_message_instances ${m.id}`).toEqual(expected);
    }
    const batch = await client(who).rpc('fire_event_batch', { p_event: 'cancel', p_items: [{ id: forHandlers, revision: 0 }], p_payload: {} });
    expect((batch.data as { code: string | null }[]).map((r) => r.code), 'fire_event_batch').toEqual([expectCode(['community_filer', 'street_office'])]);
  });

  it('workflow_messages: its recipient marks theirs read and unread, and writes nothing else of any', async () => {
    const s = scope(who);
    const all = await rows<Message>('select id::int, recipient_id, instance_id::int, instance_ids::int[] from public.workflow_messages order by id');
    const instances = await rows<Instance>('select id::int, street_id::int, community_id::int, unit_path::int[] from public.workflow_instances');
    const mine = all.filter((m) => VISIBLE.workflow_messages(m, s, { workflow_instances: instances })).map((m) => String(m.id)).sort();
    const before = await rows('select id, read_at, kind, recipient_id from public.workflow_messages order by id');
    const read = await client(who).from('workflow_messages').update({ read_at: new Date().toISOString() }).not('id', 'is', null).select('id');
    if (who === 'anon') expect(read.error?.code).toBe('42501');
    else expect(ids((read.data ?? []) as { id: number }[])).toEqual(mine);
    await db.query('update public.workflow_messages set read_at = null');
    const forged = await client(who).from('workflow_messages').update({ kind: 'overdue', recipient_id: Object.values(userIds)[0]! }).not('id', 'is', null);
    expect(forged.error?.code).toBe('42501');
    expect((await client(who).from('workflow_messages').insert({ recipient_id: s.me ?? Object.values(userIds)[0]!, kind: 'urged', instance_id: all[0]!.instance_id, event_id: 1, state: 'draft' })).error?.code).toBe('42501');
    expect((await client(who).from('workflow_messages').delete().not('id', 'is', null)).error?.code).toBe('42501');
    expect(await rows('select id, read_at, kind, recipient_id from public.workflow_messages order by id')).toEqual(before);
  });

  it('invite_member and set_user_disabled: only the street office, only in its street', async () => {
    const s = scope(who);
    for (const unitKey of ['A1', 'B1'] as const) {
      const email = `invited.${who}.${unitKey}.${run}@matrix.local`;
      const { data, error } = await client(who).rpc('invite_member', {
        p_email: email, p_full_name: '新成员', p_password: 'initial-pass-1', p_unit_id: f[unitKey], p_role: 'community_filer',
      });
      const allowed = s.officeStreets.has(unitKey === 'B1' ? f.B! : f.A!);
      const made = await rows('select 1 from auth.users where email = lower($1)', [email]); // stored lowercased, as GoTrue does
      if (allowed) {
        expect(error).toBeNull();
        expect(typeof data).toBe('number');
        expect(made).toHaveLength(1);
        // Pending until the invitee accepts: no membership yet.
        expect(await rows("select 1 from public.member_invitations where id = $1 and status = 'pending'", [data])).toHaveLength(1);
        expect(await rows('select 1 from public.memberships m join auth.users u on u.id = m.user_id where u.email = lower($1)', [email])).toHaveLength(0);
        const invitee = await signedIn(email, 'initial-pass-1');
        const accepted = await invitee.rpc('accept_invitation', { p_invitation_id: data });
        expect(accepted.error).toBeNull();
        expect(await rows('select 1 from public.memberships where id = $1 and unit_id = $2', [accepted.data, f[unitKey]])).toHaveLength(1);
      } else {
        expect(error?.code).toBe('42501');
        expect(made).toHaveLength(0);
      }
    }
    const victim = userIds.filer_A2!;
    const { error } = await client(who).rpc('set_user_disabled', { p_user_id: victim, p_disabled: true });
    const [state] = await rows<{ disabled: boolean }>('select disabled from public.profiles where id = $1', [victim]);
    if (s.officeStreets.has(f.A!)) {
      expect(error).toBeNull();
      expect(state!.disabled).toBe(true);
      await db.query('update public.profiles set disabled = false where id = $1', [victim]);
      await db.query('update auth.users set banned_until = null where id = $1', [victim]);
      clients.filer_A2 = await signedIn(`filer_A2.${run}@matrix.local`, PASSWORD);
    } else {
      expect(error?.code).toBe('42501');
      expect(state!.disabled).toBe(false);
    }
  });
});

describe('changes take effect on the next request, with the same token', () => {
  it('a revoked membership', async () => {
    const email = `revoked.${run}@matrix.local`;
    const user = await createUser(email, '将被撤销');
    await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [user, f.A1, 'community_filer']);
    const c = await signedIn(email, PASSWORD);
    const before = await c.from('units').select('id').eq('community_id', f.A1!);
    expect(before.data!.length).toBeGreaterThan(0);
    await db.query('delete from public.memberships where user_id = $1', [user]);
    const after = await c.from('units').select('id');
    expect(after.error).toBeNull();
    expect(after.data).toEqual([]);
  });

  it('a unit moved to another community leaves the old community\'s view and enters the new one', async () => {
    const [moved] = await rows<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', ['compound', `搬迁-${run}`, f.A1]);
    const seen = async (who: Who) => ids((await client(who).from('units').select('id').eq('id', moved!.id)).data!);
    expect(await seen('filer_A1')).toEqual([String(moved!.id)]);
    expect(await seen('filer_A2')).toEqual([]);
    await db.query('update public.units set parent_id = $2 where id = $1', [moved!.id, f.A2]);
    expect(await seen('filer_A1')).toEqual([]);
    expect(await seen('filer_A2')).toEqual([String(moved!.id)]);
  });

  it('a disabled user sees nothing, and cannot refresh or sign in', async () => {
    const email = `disabled.${run}@matrix.local`;
    const user = await createUser(email, '将被停用');
    await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [user, f.A1, 'community_filer']);
    const c = await signedIn(email, PASSWORD);
    expect((await c.from('units').select('id')).data!.length).toBeGreaterThan(0);
    const { error } = await clients.office_A!.rpc('set_user_disabled', { p_user_id: user, p_disabled: true });
    expect(error).toBeNull();
    // Its token still verifies until it expires: PostgREST refuses it (request_gate.check_request).
    const refused = await c.from('units').select('id');
    expect([refused.status, refused.error?.code, refused.error?.message]).toEqual([403, '42501', 'User is banned']);
    const refresh = await c.auth.refreshSession();
    expect(refresh.error).not.toBeNull();
    const again = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
    expect(again.error?.code).toBe('user_banned');
  });
});

describe('the demo accounts (supabase/seed.sql)', () => {
  it('see their own street or community, and nothing of the other street', async () => {
    const office = await signedIn('office.s1@demo.local');
    const units = (await office.from('units').select('id, street_id')).data!;
    expect(units.length).toBeGreaterThanOrEqual(2 + 8 + 30 - 1);
    expect(new Set(units.map((u) => u.street_id))).toEqual(new Set([1]));

    const filer = await signedIn('filer.c1@demo.local');
    const mine = (await filer.from('units').select('id, kind, community_id')).data!;
    expect(mine.filter((u) => u.kind === 'community').map((u) => u.id)).toEqual([101]);
    expect(mine.every((u) => u.community_id === 101 || u.id === 1)).toBe(true);

    const other = await signedIn('office.s2@demo.local');
    expect((await other.from('units').select('id').eq('street_id', 1)).data).toEqual([]);
  });
});

describe('a member moved with their community to another street', () => {
  it("is read by the new street's office and no longer by the old one's", async () => {
    const [from, to] = await rows<{ id: number }>("insert into public.units (kind, name) values ('street', $1), ('street', $2) returning id::int", [`迁出街道-${run}`, `迁入街道-${run}`]);
    const [community] = await rows<{ id: number }>("insert into public.units (kind, name, parent_id) values ('community', $1, $2) returning id::int", [`迁移社区-${run}`, from!.id]);
    const filer = await createUserIn(db, `moved.filer.${run}@matrix.local`, PASSWORD, '迁移 填报员');
    await db.query("insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'community_filer')", [filer, community!.id]);
    const offices: Record<'from' | 'to', SupabaseClient> = {} as never;
    for (const [key, street] of [['from', from!.id], ['to', to!.id]] as const) {
      const email = `moved.office.${key}.${run}@matrix.local`;
      const id = await createUserIn(db, email, PASSWORD, `${key} 党建办`);
      await db.query("insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'street_office')", [id, street]);
      offices[key] = await signedIn(email, PASSWORD);
    }
    const sees = async (office: SupabaseClient) => ((await office.from('profiles').select('id').eq('id', filer)).data ?? []).length;
    expect([await sees(offices.from), await sees(offices.to)]).toEqual([1, 0]);

    await db.query('update public.units set parent_id = $1 where id = $2', [to!.id, community!.id]);
    expect([await sees(offices.from), await sees(offices.to)]).toEqual([0, 1]);
  });
});
