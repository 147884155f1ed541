// The write matrix, beside the read matrix (rls-matrix.test.ts). For every table the API can
// write (read from the column grants when the file is collected, so a new grant brings its cells
// with it), every identity and every insertable or updatable column holding an id, it writes a
// value from another community or another street through supabase-js as that user: an insert of
// an otherwise valid row (columns that must agree, a round and its standard's sub-item, move
// together), an update of the identity's own row, and an upsert naming another scope's row's key;
// forged actors (a colleague's or an outsider's user id) and server-set columns (status,
// published_at, timestamps) likewise. Each cell then checks in the database that the table did not
// change (every row, by checksum) and that a refusal is a 4xx with a code. Every value tried is
// one the identity may not store, so every cell must change nothing; the one outcome tolerated
// besides is a row whose sent value the server overwrote (a scope column derived from the parent,
// a server-set column). Controls show each identity's base row is accepted where it may write, so
// a refusal is about the forged value, not a broken row; identities that may not write a table are
// refused their own scope's valid row. A plugin's declared table (PluginDeclarations.tables) gets
// its model from its declaration. Then the grant audit: every column an API role can write,
// against a reviewed list (and the grants the declarations give).
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedIn, superuser } from '../support/clients.ts';
import { DECLARED_TABLES, declaredWriteGrants, insertExample, ROLE_WRITES, type DeclaredTable } from '../support/declarations.ts';
import { describeDiff, TableWatch, writableColumns, writeGrants, type Diff, type Row } from '../support/write-matrix.ts';

const PASSWORD = 'write-matrix-123';
const run = `${process.pid}${Date.now().toString(36)}`;

type Who = 'office_A' | 'reviewer_A' | 'filer_A1' | 'office_B' | 'district_D';
const WHO: Who[] = ['office_A', 'reviewer_A', 'filer_A1', 'office_B', 'district_D'];
type Street = 'A' | 'B';
type Community = 'A1' | 'A2' | 'B1';
interface Scope { S: Street; C: Community }
type Label = 'other community' | 'other street';
interface OtherScope extends Scope { label: Label }

// Where each identity writes (its home), and the scopes it must not write into. A street-wide
// role has no other community in its street, so its only other scope is the other street. The
// district office of D (over street A) reads A and writes nothing: its home is where it reads.
const HOME: Record<Who, Scope> = {
  office_A: { S: 'A', C: 'A1' }, reviewer_A: { S: 'A', C: 'A1' }, filer_A1: { S: 'A', C: 'A1' }, office_B: { S: 'B', C: 'B1' }, district_D: { S: 'A', C: 'A1' },
};
const OTHERS: Record<Who, OtherScope[]> = {
  office_A: [{ label: 'other street', S: 'B', C: 'B1' }],
  reviewer_A: [{ label: 'other street', S: 'B', C: 'B1' }],
  filer_A1: [{ label: 'other community', S: 'A', C: 'A2' }, { label: 'other street', S: 'B', C: 'B1' }],
  office_B: [{ label: 'other street', S: 'A', C: 'A1' }],
  district_D: [{ label: 'other street', S: 'B', C: 'B1' }],
};
const MEMBERSHIPS: Record<Who, { role: string; unit: Street | Community | 'D' }> = {
  office_A: { role: 'street_office', unit: 'A' },
  reviewer_A: { role: 'reviewer', unit: 'A' },
  filer_A1: { role: 'community_filer', unit: 'A1' },
  office_B: { role: 'street_office', unit: 'B' },
  district_D: { role: 'district_office', unit: 'D' },
};
// Identities whose role writes its scope's records (private.writer_scope_ids).
const WRITERS = WHO.filter((w) => ROLE_WRITES[MEMBERSHIPS[w].role]);

// What an id column points at. Street-level kinds have one row per street, community-level kinds
// one per community; `actor` is a user id the server should set (scorer, finder, author).
const STREET_KINDS = ['street', 'campaign', 'leader', 'office1', 'office2', 'task', 'report', 'target', 'version', 'round', 'sub2', 'veto1', 'veto2',
  'draftVersion', 'draftItem', 'draftSub', 'draftVeto'] as const;
const COMMUNITY_KINDS = ['community', 'compound', 'leaf', 'user', 'membership', 'entry', 'recommendation', 'household'] as const;
// `row:<table>`: a declared table's fixture row, one per community.
type DeclaredRowKind = `row:${string}`;
type Kind = (typeof STREET_KINDS)[number] | (typeof COMMUNITY_KINDS)[number] | DeclaredRowKind | 'actor';
const isCommunityKind = (k: Kind) => k.startsWith('row:') || (COMMUNITY_KINDS as readonly string[]).includes(k);

interface Spec {
  /** Scope of the table's rows: street configuration, or a unit's (community-level) rows. */
  level: 'street' | 'community';
  /** Who writes rows of the table in their own scope, as the screens do. */
  legit: Who[];
  /** A valid row to insert in the scope (the columns the screens send). */
  row: (who: Who, s: Scope) => Row;
  /** The scope's existing row, by primary key: the identity's own for updates, another's for upserts. */
  key: (s: Scope, who?: Who) => Row;
  /** Every id-holding column and what it points at. */
  refs: Record<string, Kind>;
  /** Columns that must point into one parent together (a round and its standard's sub-item): moved together. */
  groups?: string[][];
  /** Scope columns a trigger derives from the parent, whatever was sent. */
  derived?: string[];
  /** How the control writes the identity's own row: street_seals has one row per street. */
  control?: 'upsert';
}

// The fixture's ids by kind and scope key; filled in beforeAll.
const fx: Record<string, Record<string, number | string>> = {};
const put = (kind: string, key: string, id: number | string) => ((fx[kind] ??= {})[key] = id);
const v = (kind: Kind, s: Scope) => {
  const value = fx[kind]?.[isCommunityKind(kind) ? s.C : s.S];
  if (value === undefined) throw new Error(`no fixture row for ${kind} in ${s.S}/${s.C}`);
  return value;
};
const uid: Record<string, string> = {};
const ownEntry: Partial<Record<Who, number>> = {};
const OFFICES: Who[] = ['office_A', 'office_B'];

const HAND_SPECS: Record<string, Spec> = {
  units: {
    level: 'community', legit: OFFICES,
    row: (who, s) => ({ kind: 'compound', name: `矩阵新建-${who}-${run}`, parent_id: v('community', s) }),
    key: (s) => ({ id: v('leaf', s) }),
    refs: { id: 'leaf', parent_id: 'community', street_id: 'street', community_id: 'community' },
    derived: ['street_id', 'community_id'],
  },
  memberships: {
    level: 'community', legit: OFFICES,
    row: (_who, s) => ({ user_id: fx.guest!.x, unit_id: v('community', s), role: 'community_filer' }),
    key: (s) => ({ id: v('membership', s) }),
    refs: { id: 'membership', user_id: 'user', unit_id: 'community', street_id: 'street', community_id: 'community', created_by: 'actor' },
    derived: ['street_id', 'community_id'],
  },
  campaigns: {
    level: 'street', legit: OFFICES,
    row: (who, s) => ({ street_id: v('street', s), name: `矩阵新行动-${who}-${run}`, start_year: 2027, end_year: 2029, filing_opens_on: '2027-01-01', filing_closes_on: '2027-02-28' }),
    key: (s) => ({ id: v('campaign', s) }),
    refs: { id: 'campaign', street_id: 'street' },
  },
  campaign_phases: {
    level: 'street', legit: OFFICES,
    row: (_who, s) => ({ campaign_id: v('campaign', s), phase: 'rollout', starts_on: '2027-07-01', ends_on: '2029-06-30' }),
    key: (s) => ({ campaign_id: v('campaign', s), phase: 'plan' }),
    refs: { campaign_id: 'campaign', street_id: 'street' },
    derived: ['street_id'],
  },
  campaign_leaders: {
    level: 'street', legit: OFFICES,
    row: (_who, s) => ({ campaign_id: v('campaign', s), position: 'member', person_name: '矩阵成员' }),
    key: (s) => ({ id: v('leader', s) }),
    refs: { id: 'leader', campaign_id: 'campaign', street_id: 'street' },
    derived: ['street_id'],
  },
  campaign_member_offices: {
    level: 'street', legit: OFFICES,
    row: (_who, s) => ({ campaign_id: v('campaign', s), name: `矩阵办-${run}` }),
    key: (s) => ({ id: v('office1', s) }),
    refs: { id: 'office1', campaign_id: 'campaign', street_id: 'street' },
    derived: ['street_id'],
  },
  street_seals: {
    level: 'street', legit: OFFICES, control: 'upsert',
    row: (_who, s) => ({ street_id: v('street', s), image: 'data:image/png;base64,AAAA' }),
    key: (s) => ({ street_id: v('street', s) }),
    refs: { street_id: 'street' },
  },
  key_tasks: {
    level: 'street', legit: OFFICES,
    row: (_who, s) => ({ campaign_id: v('campaign', s), year_starts_on: '2027-01-01', action: 'brand', number: 500, content: '矩阵新任务', deadline: '2027-03-31' }),
    key: (s) => ({ id: v('task', s) }),
    refs: { id: 'task', campaign_id: 'campaign', street_id: 'street' },
    derived: ['street_id'],
  },
  key_task_leads: {
    level: 'street', legit: OFFICES,
    row: (_who, s) => ({ task_id: v('task', s), office_id: v('office2', s) }),
    key: (s) => ({ task_id: v('task', s), office_id: v('office1', s) }),
    refs: { task_id: 'task', office_id: 'office2', street_id: 'street' },
    groups: [['task_id', 'office_id']],
    derived: ['street_id'],
  },
  key_task_reports: {
    level: 'street', legit: OFFICES,
    row: (_who, s) => ({ task_id: v('task', s), note: '矩阵新进展' }),
    key: (s) => ({ id: v('report', s) }),
    refs: { id: 'report', task_id: 'task', street_id: 'street', reported_by: 'actor' },
    derived: ['street_id'],
  },
  campaign_targets: {
    level: 'street', legit: OFFICES,
    row: (_who, s) => ({ campaign_id: v('campaign', s), due_on: '2028-12-31', unit_kind: 'community', grade: 'standard', share: 1 }),
    key: (s) => ({ id: v('target', s) }),
    refs: { id: 'target', campaign_id: 'campaign', street_id: 'street' },
    derived: ['street_id'],
  },
  standard_versions: {
    level: 'street', legit: OFFICES,
    row: (_who, s) => ({ campaign_id: v('campaign', s), year: 2031 }),
    key: (s) => ({ id: v('draftVersion', s) }),
    refs: { id: 'draftVersion', campaign_id: 'campaign', street_id: 'street' },
    derived: ['street_id'],
  },
  standard_items: {
    level: 'street', legit: OFFICES,
    row: (_who, s) => ({ version_id: v('draftVersion', s), level: 'compound', number: 50, goal: '矩阵目标' }),
    key: (s) => ({ id: v('draftItem', s) }),
    refs: { id: 'draftItem', version_id: 'draftVersion', street_id: 'street' },
    derived: ['street_id'],
  },
  standard_subitems: {
    level: 'street', legit: OFFICES,
    row: (_who, s) => ({ item_id: v('draftItem', s), content: '矩阵细则', points: 10 }),
    key: (s) => ({ id: v('draftSub', s) }),
    refs: { id: 'draftSub', item_id: 'draftItem', version_id: 'draftVersion', street_id: 'street' },
    derived: ['street_id', 'version_id'],
  },
  standard_vetoes: {
    level: 'street', legit: OFFICES,
    row: (_who, s) => ({ version_id: v('draftVersion', s), level: 'compound', content: '矩阵否决' }),
    key: (s) => ({ id: v('draftVeto', s) }),
    refs: { id: 'draftVeto', version_id: 'draftVersion', street_id: 'street' },
    derived: ['street_id'],
  },
  score_rounds: {
    level: 'street', legit: OFFICES,
    row: (_who, s) => ({ campaign_id: v('campaign', s), kind: 'self_check', year: 2031, version_id: v('version', s) }),
    key: (s) => ({ id: v('round', s) }),
    refs: { id: 'round', campaign_id: 'campaign', version_id: 'version', street_id: 'street' },
    groups: [['campaign_id', 'version_id']],
    derived: ['street_id'],
  },
  score_entries: {
    level: 'community', legit: WRITERS,
    row: (who, s) => ({ round_id: v('round', s), unit_id: v('compound', s), subitem_id: v('sub2', s), scorer_role: who === 'filer_A1' ? 'self' : 'reviewer', score: 50 }),
    // Its own entry for a scorer; the community member's for an identity that scores nothing.
    key: (s, who) => ({ id: (who && ownEntry[who]) ?? v('entry', s) }),
    refs: { id: 'entry', round_id: 'round', subitem_id: 'sub2', unit_id: 'compound', street_id: 'street', community_id: 'community', scorer_id: 'actor' },
    groups: [['round_id', 'subitem_id']],
    derived: ['street_id', 'community_id'],
  },
  veto_findings: {
    level: 'community', legit: ['office_A', 'reviewer_A', 'office_B'],
    row: (_who, s) => ({ round_id: v('round', s), unit_id: v('compound', s), veto_id: v('veto2', s), found: true, note: '矩阵' }),
    key: (s) => ({ round_id: v('round', s), unit_id: v('compound', s), veto_id: v('veto1', s) }),
    refs: { round_id: 'round', veto_id: 'veto2', unit_id: 'compound', street_id: 'street', community_id: 'community', found_by: 'actor' },
    groups: [['round_id', 'veto_id']],
    derived: ['street_id', 'community_id'],
  },
  // 择优推选 (the campaign plugin's own policies, sql/001_acceptance_recommendations.sql): the
  // office recommends a unit graded demonstration in the street's published full acceptance; the
  // round, the scope and the recorder are the server's. The leaf compound's recommendation is the
  // scope's row; the compound is eligible and not yet recommended.
  acceptance_recommendations: {
    level: 'community', legit: OFFICES,
    row: (_who, s) => ({ unit_id: v('compound', s), reason: '矩阵推选理由' }),
    key: (s) => ({ id: v('recommendation', s) }),
    refs: { id: 'recommendation', unit_id: 'compound', street_id: 'street', community_id: 'community', round_id: 'round', created_by: 'actor' },
    derived: ['street_id', 'community_id'],
  },
  // 网格化治理's households (the plugin's own policies, its sql/001_grids.sql): the street office
  // (and a community worker, a grid's staff: no identity here holds those) places one in the
  // community or a grid of it; the trigger derives the scope and the grid path. A new address
  // each time: an address is one household.
  grid_households: {
    level: 'community', legit: OFFICES,
    row: (who, s) => ({ unit_id: v('community', s), compound: `写矩阵小区-${run}`, room: `${who}-${++householdSerial}`, size: 2 }),
    key: (s) => ({ id: v('household', s) }),
    refs: { id: 'household', unit_id: 'community', street_id: 'street', community_id: 'community', updated_by: 'actor' },
    derived: ['street_id', 'community_id'],
  },
};
let householdSerial = 0;

// A declared table, from its declaration: the rows of its scope's level, written by the
// identities holding one of its write roles where their home row lies (street-wide in the
// street, or in the community); a row on the scope's community with the example's columns; the
// fixture's row per community as the key; the scope columns derived from unit_id.
const rowKind = (table: string): DeclaredRowKind => `row:${table}`;
function declaredSpec(t: DeclaredTable): Spec {
  return {
    level: t.scope,
    legit: WHO.filter((w) => t.writeRoles.includes(MEMBERSHIPS[w].role) && (MEMBERSHIPS[w].unit === HOME[w].S || MEMBERSHIPS[w].unit === HOME[w].C)),
    row: (_who, s) => ({ unit_id: v('community', s), ...t.example }),
    key: (s) => ({ id: v(rowKind(t.name), s) }),
    refs: { id: rowKind(t.name), unit_id: 'community', street_id: 'street', community_id: 'community' },
    derived: ['street_id', 'community_id'],
  };
}
const SPECS: Record<string, Spec> = { ...HAND_SPECS, ...Object.fromEntries(DECLARED_TABLES.map((t) => [t.name, declaredSpec(t)])) };

// A forged actor is never legitimate: a colleague in the identity's own scope, and users of the
// other scopes (community members, by `user` of the scope).
const COLLEAGUE: Record<Who, () => string> = {
  office_A: () => uid.reviewer_A!, reviewer_A: () => uid.office_A!, filer_A1: () => String(fx.user!.A1), office_B: () => String(fx.user!.B1),
  district_D: () => uid.office_A!,
};
const isIdColumn = (c: string) => c === 'id' || c.endsWith('_id') || c.endsWith('_by');

// Columns a function or trigger owns (a publication, a status, a timestamp): a value a client
// sends must never be stored. Every writable `status` or `*_at` column is here or in CLIENT_SET.
const FORGED_AT = '2001-02-03T04:05:06+00:00';
const SERVER_SET: Record<string, Record<string, unknown>> = {
  units: { created_at: FORGED_AT, updated_at: FORGED_AT },
  memberships: { created_at: FORGED_AT },
  profiles: { created_at: FORGED_AT, updated_at: FORGED_AT },
  campaigns: { created_at: FORGED_AT, updated_at: FORGED_AT },
  street_seals: { updated_at: FORGED_AT },
  key_tasks: { created_at: FORGED_AT, updated_at: FORGED_AT },
  key_task_reports: { created_at: FORGED_AT },
  campaign_targets: { created_at: FORGED_AT, updated_at: FORGED_AT },
  // publish_standard's; a version created as published skips its checks.
  standard_versions: { status: 'published', published_at: FORGED_AT, created_at: FORGED_AT },
  // publish_round's; created_at orders rounds, so it decides which grade is a unit's latest.
  score_rounds: { published_at: FORGED_AT, created_at: FORGED_AT },
  score_entries: { updated_at: FORGED_AT },
};
// What the screens set: the office records a key task's status; a recipient marks a message read.
const CLIENT_SET = ['key_tasks.status', 'workflow_messages.read_at'];
const isServerSetName = (c: string) => c === 'status' || c.endsWith('_at');

// ---------------------------------------------------------------------------------------------
// The cells, generated from the grants as the database has them when the file is collected.
// ---------------------------------------------------------------------------------------------
interface Cell {
  name: string;
  op: 'insert' | 'update' | 'upsert';
  columns: string[];
  label: Label | 'colleague' | 'unused id' | 'forged';
}

const collectDb = await superuser();
const GRANTS = await writableColumns(collectDb);
const ACTOR_COLUMNS = (await collectDb.query<{ table: string; column: string }>(
  `select table_name as "table", column_name as "column" from information_schema.columns
    where table_schema = 'public' and data_type = 'uuid' and (column_name like '%\\_by' or column_name = 'scorer_id') order by 1, 2`,
)).rows;
await collectDb.end();

const privileged = (table: string, op: 'INSERT' | 'UPDATE', column?: string) =>
  GRANTS.some((g) => g.table === table && g.privilege === op && (column === undefined || g.column === column));
const WRITABLE_TABLES = [...new Set(GRANTS.map((g) => g.table))].sort();
// Tables the matrix needs a model of: any with a writable id-holding column.
const MATRIX_TABLES = WRITABLE_TABLES.filter((t) => GRANTS.some((g) => g.table === t && isIdColumn(g.column)));
const SERVER_SET_GRANTS = GRANTS.filter((g) => SERVER_SET[g.table]?.[g.column] !== undefined);

function cellsOf(table: string, who: Who): Cell[] {
  const spec = SPECS[table]!;
  const cells: Cell[] = [];
  for (const op of ['insert', 'update'] as const) {
    const priv = op === 'insert' ? 'INSERT' : 'UPDATE';
    const handled = new Set<string>();
    const columns = GRANTS.filter((g) => g.table === table && g.privilege === priv && isIdColumn(g.column)).map((g) => g.column);
    for (const column of columns) {
      if (handled.has(column)) continue;
      const group = (spec.groups?.find((g) => g.includes(column)) ?? [column]).filter((c) => privileged(table, priv, c));
      group.forEach((c) => handled.add(c));
      const kinds = group.map((c) => spec.refs[c] ?? 'actor');
      const labels: Cell['label'][] = kinds.includes('actor')
        ? ['colleague', ...OTHERS[who].map((o) => o.label)]
        : OTHERS[who].filter((o) => o.label !== 'other community' || kinds.some(isCommunityKind)).map((o) => o.label);
      if (column === 'id') labels.push('unused id');
      for (const label of labels) {
        cells.push({ name: `${op} ${group.join('+')} ← ${label}`, op, columns: group, label });
      }
    }
  }
  for (const g of SERVER_SET_GRANTS.filter((x) => x.table === table)) {
    const op = g.privilege === 'INSERT' ? 'insert' : 'update';
    cells.push({ name: `${op} ${g.column} ← forged ${JSON.stringify(SERVER_SET[table]![g.column])}`, op, columns: [g.column], label: 'forged' });
  }
  if (privileged(table, 'INSERT')) {
    for (const o of OTHERS[who].filter((x) => x.label !== 'other community' || spec.level === 'community')) {
      cells.push({ name: `upsert on the key of ${o.label}'s row`, op: 'upsert', columns: [], label: o.label });
    }
  }
  return cells;
}

// ---------------------------------------------------------------------------------------------
// Fixture: two streets A and B, communities A1, A2 under A and B1 under B, each with a compound
// (x, scored) and a leaf compound (y, nothing under or on it); a campaign per street with its
// configuration, key tasks, targets, a published standard with a round, scores and findings,
// and a draft standard. Written as superuser, as rls-matrix.test.ts writes its fixture.
// ---------------------------------------------------------------------------------------------
let db: pg.Client;
let watch: TableWatch;
const clients: Partial<Record<Who, SupabaseClient>> = {};

async function one(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ id: number }>(sql, params);
  return rows[0]!.id;
}

beforeAll(async () => {
  db = await superuser();
  watch = new TableWatch(db);
  const units: Record<string, number> = {};
  const unit = async (key: string, kind: string, parent?: string) => {
    units[key] = await one('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [kind, `写矩阵${key}-${run}`, parent ? units[parent] : null]);
    put(['district', 'street', 'community'].includes(kind) ? kind : key.endsWith('x') ? 'compound' : 'leaf', key.slice(0, 2), units[key]!);
  };
  // District D over street A; street B under none.
  await unit('D', 'district');
  await unit('A', 'street', 'D');
  await unit('B', 'street');
  for (const [c, s] of [['A1', 'A'], ['A2', 'A'], ['B1', 'B']] as const) {
    await unit(c, 'community', s);
    await unit(`${c}x`, 'compound', c);
    await unit(`${c}y`, 'compound', c);
  }

  // Identities signed in through the auth server; community members (other users to forge or
  // enrol), and a guest with no membership for the memberships row.
  for (const who of WHO) {
    const email = `${who}.${run}@write-matrix.local`;
    uid[who] = await createUser(db, email, PASSWORD, `写矩阵 ${who}`);
    await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [uid[who], units[MEMBERSHIPS[who].unit], MEMBERSHIPS[who].role]);
    clients[who] = await signedIn(email, PASSWORD);
  }
  for (const c of ['A1', 'A2', 'B1'] as const) {
    const user = await createUser(db, `member_${c}.${run}@write-matrix.local`, PASSWORD, `写矩阵 成员${c}`);
    put('user', c, user);
    put('membership', c, await one("insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'community_filer') returning id::int", [user, fx.community![c]]));
  }
  put('guest', 'x', await createUser(db, `guest.${run}@write-matrix.local`, PASSWORD, '写矩阵 访客'));
  for (const c of ['A1', 'A2', 'B1'] as const) {
    put('household', c, await one("insert into public.grid_households (unit_id, compound, room, size) values ($1, $2, $3, 3) returning id::int", [fx.community![c], `写矩阵小区-${run}`, c]));
  }
  // A row of each declared table per community.
  for (const t of DECLARED_TABLES) {
    for (const c of ['A1', 'A2', 'B1'] as const) put(rowKind(t.name), c, await insertExample(db, t, Number(fx.community![c])));
  }

  for (const s of ['A', 'B'] as const) {
    const street = fx.street![s];
    const instance = await one(
      "insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id) values ('campaign', 1, 'plan', $1, $1, null) returning id::int", [street],
    );
    const campaign = await one(
      `insert into public.campaigns (street_id, name, start_year, end_year, filing_opens_on, filing_closes_on, instance_id)
       values ($1, $2, 2026, 2028, current_date, current_date + 30, $3) returning id::int`, [street, `写矩阵行动-${run}`, instance],
    );
    put('campaign', s, campaign);
    await db.query(`insert into public.campaign_phases (campaign_id, phase, starts_on, ends_on) values ($1, 'plan', '2026-10-01', '2027-02-28'), ($1, 'pilot', '2027-03-01', '2027-06-30')`, [campaign]);
    put('leader', s, await one("insert into public.campaign_leaders (campaign_id, position, person_name) values ($1, 'leader', '组长甲') returning id::int", [campaign]));
    put('office1', s, await one("insert into public.campaign_member_offices (campaign_id, name) values ($1, '党建办') returning id::int", [campaign]));
    put('office2', s, await one("insert into public.campaign_member_offices (campaign_id, name) values ($1, '组织办') returning id::int", [campaign]));
    await db.query("insert into public.street_seals (street_id, image) values ($1, 'data:image/png;base64,iVBORw0KGgo=')", [street]);
    put('target', s, await one("insert into public.campaign_targets (campaign_id, due_on, unit_kind, grade, count) values ($1, '2027-06-30', 'compound', 'demonstration', 3) returning id::int", [campaign]));
    const task = await one(
      "insert into public.key_tasks (campaign_id, year_starts_on, action, number, content, deadline) values ($1, '2027-01-01', 'brand', 1, '写矩阵任务', '2027-02-28') returning id::int", [campaign],
    );
    put('task', s, task);
    await db.query('insert into public.key_task_leads (task_id, office_id) values ($1, $2)', [task, fx.office1![s]]);
    put('report', s, await one("insert into public.key_task_reports (task_id, note) values ($1, '写矩阵进展') returning id::int", [task]));

    // The published standard (one compound item, two sub-items, two vetoes) and its round.
    const version = await one('insert into public.standard_versions (campaign_id, year) values ($1, 2026) returning id::int', [campaign]);
    const item = await one("insert into public.standard_items (version_id, level, number, goal) values ($1, 'compound', 11, '组织建设好') returning id::int", [version]);
    put('item', s, item);
    const sub1 = await one("insert into public.standard_subitems (item_id, content, points) values ($1, '细则一', 100) returning id::int", [item]);
    put('sub2', s, await one("insert into public.standard_subitems (item_id, content, points) values ($1, '细则二', 100) returning id::int", [item]));
    const veto1 = await one("insert into public.standard_vetoes (version_id, level, content) values ($1, 'compound', '否决一') returning id::int", [version]);
    put('veto1', s, veto1);
    put('veto2', s, await one("insert into public.standard_vetoes (version_id, level, content) values ($1, 'compound', '否决二') returning id::int", [version]));
    await db.query("update public.standard_versions set status = 'published', published_at = now() where id = $1", [version]);
    put('version', s, version);
    const round = await one("insert into public.score_rounds (campaign_id, kind, year, version_id) values ($1, 'self_check', 2026, $2) returning id::int", [campaign, version]);
    put('round', s, round);
    const entry = (scorer: string, role: string, compound: Community) => one(
      'insert into public.score_entries (round_id, unit_id, subitem_id, scorer_id, scorer_role, score) values ($1, $2, $3, $4, $5, 80) returning id::int',
      [round, fx.compound![compound], sub1, scorer, role],
    );
    for (const c of (s === 'A' ? ['A1', 'A2'] : ['B1']) as Community[]) {
      put('entry', c, await entry(String(fx.user![c]), 'self', c));
      await db.query('insert into public.veto_findings (round_id, unit_id, veto_id, found) values ($1, $2, $3, false)', [round, fx.compound![c], veto1]);
    }
    for (const who of SPECS.score_entries!.legit.filter((w) => HOME[w].S === s)) {
      ownEntry[who] = await entry(uid[who]!, who === 'filer_A1' ? 'self' : 'reviewer', HOME[who].C);
    }

    // The draft standard the office edits.
    const draft = await one('insert into public.standard_versions (campaign_id, year) values ($1, 2027) returning id::int', [campaign]);
    put('draftVersion', s, draft);
    const draftItem = await one("insert into public.standard_items (version_id, level, number, goal) values ($1, 'compound', 11, '组织建设好') returning id::int", [draft]);
    put('draftItem', s, draftItem);
    put('draftSub', s, await one("insert into public.standard_subitems (item_id, content, points) values ($1, '草稿细则', 100) returning id::int", [draftItem]));
    put('draftVeto', s, await one("insert into public.standard_vetoes (version_id, level, content) values ($1, 'compound', '草稿否决') returning id::int", [draft]));

    // 择优推选: a campaign in the acceptance phase whose full acceptance is published, with each
    // community's compounds graded demonstration, and the leaf compound recommended.
    const accepting = await one(
      "insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id) values ('campaign', 2, 'acceptance', $1, $1, null) returning id::int", [street],
    );
    const acceptance = await one(
      `insert into public.campaigns (street_id, name, start_year, end_year, filing_opens_on, filing_closes_on, instance_id)
       values ($1, $2, 2026, 2028, current_date, current_date + 30, $3) returning id::int`, [street, `写矩阵验收行动-${run}`, accepting],
    );
    const acceptanceVersion = await one("insert into public.standard_versions (campaign_id, year, status, published_at) values ($1, 2026, 'published', now()) returning id::int", [acceptance]);
    const full = await one("insert into public.score_rounds (campaign_id, kind, year, version_id) values ($1, 'full_acceptance', 2026, $2) returning id::int", [acceptance, acceptanceVersion]);
    for (const c of (s === 'A' ? ['A1', 'A2'] : ['B1']) as Community[]) {
      for (const unitId of [fx.compound![c], fx.leaf![c]]) {
        await db.query(
          `insert into public.unit_grades (round_id, unit_id, kind, street_id, community_id, total, standard, demonstration)
           select $1, u.id, u.kind, u.street_id, u.community_id, 95, true, true from public.units u where u.id = $2`, [full, unitId],
        );
      }
    }
    await db.query('update public.score_rounds set published_at = now() where id = $1', [full]);
    for (const c of (s === 'A' ? ['A1', 'A2'] : ['B1']) as Community[]) {
      put('recommendation', c, await one("insert into public.acceptance_recommendations (unit_id, reason) values ($1, '写矩阵推选') returning id::int", [fx.leaf![c]]));
    }
  }
});

afterAll(async () => {
  if (!db) return;
  // The users go (their memberships with them); the streets stay, as rls-matrix's do: the
  // campaigns' workflow log is append-only and references them.
  await db.query('delete from auth.users where email like $1', [`%.${run}@write-matrix.local`]);
  await db.end();
});

// ---------------------------------------------------------------------------------------------
// One attempt, checked in the database.
// ---------------------------------------------------------------------------------------------
interface Answer { error: { code?: string; message: string } | null; status: number; count?: number | null }
// accepted: added rows (insert) or matched rows (update, by count=exact) as given.
type Expect = { kind: 'unchanged' } | { kind: 'derived'; forged: Row } | { kind: 'accepted'; added?: number; matched?: number };

async function attempt(table: string, write: () => PromiseLike<Answer>, expectation: Expect): Promise<{ problems: string[]; diff?: Diff; answer: Answer }> {
  const before = await watch.before(table);
  const answer = await write();
  const after = await watch.figure(table);
  const problems: string[] = [];
  const said = answer.error ? `answered ${answer.status} ${answer.error.code ?? '(no code)'} ${answer.error.message}` : `answered ${answer.status}`;
  if (answer.error && answer.status >= 500) problems.push(`5xx: ${said}`);
  if (answer.error && !answer.error.code) problems.push(`error without a code: ${said}`);
  let diff: Diff | undefined;
  const changed = before.rows !== after.rows || before.md5 !== after.md5;
  if (changed) diff = await watch.diff(table);
  if (expectation.kind === 'accepted') {
    if (answer.error) problems.push(`refused: ${said}`);
    else if (expectation.added !== undefined && (diff?.added.length ?? 0) !== expectation.added) problems.push(`expected ${expectation.added} row(s) added, ${said}, ${diff ? describeDiff(diff) : 'nothing changed'}`);
    else if (expectation.matched !== undefined && answer.count !== expectation.matched) problems.push(`expected ${expectation.matched} row(s) matched, ${said} with count ${answer.count}`);
  } else if (changed) {
    const forged = expectation.kind === 'derived' ? expectation.forged : {};
    const written = [...diff!.added, ...diff!.modified.map((m) => m.after)];
    const derivedOk = expectation.kind === 'derived' && written.length === 1 && !diff!.removed.length
      && Object.entries(forged).every(([c, value]) => !same(written[0]![c], value));
    if (!derivedOk) problems.push(`table changed (${said}): ${describeDiff(diff!)}`);
  }
  if (changed && !(await watch.restore(table))) problems.push('could not restore the table; later cells of it may be off');
  return { problems, diff, answer };
}

/** The same value, timestamps compared as instants. */
function same(a: unknown, b: unknown): boolean {
  if (String(a) === String(b)) return true;
  return typeof a === 'string' && typeof b === 'string' && /\d{4}-\d\d-\d\d/.test(a) && Date.parse(a) === Date.parse(b);
}

async function run1(table: string, who: Who, cell: Cell): Promise<string[]> {
  const spec = SPECS[table]!;
  const client = clients[who]!;
  const pk = await watch.primaryKey(table);
  const other = OTHERS[who].find((o) => o.label === cell.label);
  const value = async (column: string): Promise<unknown> => {
    const kind = spec.refs[column] ?? 'actor';
    if (cell.label === 'forged') return SERVER_SET[table]![column];
    if (cell.label === 'unused id') return (await db.query<{ v: string }>(`select (coalesce(max(id), 0) + 1000000)::text as v from public.${table}`)).rows[0]!.v;
    if (kind === 'actor') return cell.label === 'colleague' ? COLLEAGUE[who]() : v('user', other!);
    return v(kind, other!);
  };
  const values: Row = {};
  for (const c of cell.columns) values[c] = await value(c);
  // A derived scope column may be sent on insert (the trigger overwrites it); a server-set column's
  // value may be overwritten on insert or update. Either way the sent value is not stored.
  const derived = cell.label === 'forged' || (cell.op === 'insert' && cell.columns.every((c) => spec.derived?.includes(c)));
  const expectation: Expect = derived ? { kind: 'derived', forged: values } : { kind: 'unchanged' };
  const from = () => client.from(table);
  const write = {
    insert: () => from().insert({ ...spec.row(who, HOME[who]), ...values }),
    update: () => from().update(values, { count: 'exact' }).match(spec.key(HOME[who], who)),
    upsert: () => from().upsert({ ...spec.row(who, HOME[who]), ...spec.key(other!) }, { onConflict: pk.join(',') }),
  }[cell.op];
  return (await attempt(table, write, expectation)).problems;
}

describe('write matrix: ids from another scope, and server-set values, are never stored', () => {
  it('every table with a writable id column has a model here, and every such column a kind', () => {
    expect([...new Set([...MATRIX_TABLES, ...SERVER_SET_GRANTS.map((g) => g.table)])].filter((t) => !SPECS[t])).toEqual([]);
    expect(DECLARED_TABLES.filter((t) => HAND_SPECS[t.name]).map((t) => t.name), 'declared tables are modelled from their declarations only').toEqual([]);
    const unmodelled = GRANTS.filter((g) => isIdColumn(g.column) && SPECS[g.table] && !(g.column in SPECS[g.table]!.refs));
    expect(unmodelled.map((g) => `${g.table}.${g.column}`)).toEqual([]);
    const undecided = GRANTS.filter((g) => isServerSetName(g.column) && SERVER_SET[g.table]?.[g.column] === undefined && !CLIENT_SET.includes(`${g.table}.${g.column}`));
    expect(undecided.map((g) => `${g.table}.${g.column}`)).toEqual([]);
  });

  for (const table of [...new Set([...MATRIX_TABLES, ...SERVER_SET_GRANTS.map((g) => g.table)])].sort().filter((t) => SPECS[t])) {
    const spec = SPECS[table]!;
    describe(table, () => {
      for (const who of WHO) {
        describe(`as ${who}`, () => {
          if (spec.legit.includes(who)) {
            if (privileged(table, 'INSERT')) {
              it(`control: ${spec.control ?? 'insert'} of its own valid row is accepted`, async () => {
                const row = spec.row(who, HOME[who]);
                const write = () => spec.control === 'upsert'
                  ? clients[who]!.from(table).upsert(row, { onConflict: Object.keys(spec.key(HOME[who])).join(',') })
                  : clients[who]!.from(table).insert(row);
                const { problems, diff } = await attempt(table, write, { kind: 'accepted', added: spec.control === 'upsert' ? 0 : 1 });
                if (spec.control === 'upsert' && !diff?.modified.length) problems.push('the upsert changed nothing');
                expect(problems, problems.join('\n')).toEqual([]);
              });
              for (const actor of ACTOR_COLUMNS.filter((a) => a.table === table)) {
                it(`insert without ${actor.column} stores the caller`, async () => {
                  const { problems, diff } = await attempt(table, () => clients[who]!.from(table).insert(spec.row(who, HOME[who])), { kind: 'accepted', added: 1 });
                  expect(problems, problems.join('\n')).toEqual([]);
                  expect(diff?.added[0]?.[actor.column]).toBe(uid[who]);
                });
              }
            }
            const updatable = GRANTS.filter((g) => g.table === table && g.privilege === 'UPDATE').map((g) => g.column);
            if (updatable.length) {
              it('control: update of its own row is accepted', async () => {
                // A column set to what it holds: the row is matched and written, nothing moves.
                const column = updatable.find((c) => !isIdColumn(c)) ?? updatable.find((c) => c !== 'id')!;
                const key = spec.key(HOME[who], who);
                const where = Object.keys(key).map((c, i) => `${c} = $${i + 1}`).join(' and ');
                const { rows } = await db.query<Row>(`select ${column} from public.${table} where ${where}`, Object.values(key));
                expect(rows, `own row of ${table}`).toHaveLength(1);
                const { problems } = await attempt(table, () => clients[who]!.from(table).update({ [column]: rows[0]![column] }, { count: 'exact' }).match(key), { kind: 'accepted', matched: 1 });
                expect(problems, problems.join('\n')).toEqual([]);
              });
            }
          } else {
            // Not a writer of this table (a district office, of any): its own scope's valid row
            // and its scope's existing row are refused, not only the forged values below.
            if (privileged(table, 'INSERT')) {
              it(`refused: ${spec.control ?? 'insert'} of a valid row of its scope`, async () => {
                const row = spec.row(who, HOME[who]);
                const write = () => spec.control === 'upsert'
                  ? clients[who]!.from(table).upsert(row, { onConflict: Object.keys(spec.key(HOME[who])).join(',') })
                  : clients[who]!.from(table).insert(row);
                const { problems, answer } = await attempt(table, write, { kind: 'unchanged' });
                if (!answer.error) problems.push(`accepted with ${answer.status}`);
                expect(problems, problems.join('\n')).toEqual([]);
              });
            }
            const updatable = GRANTS.filter((g) => g.table === table && g.privilege === 'UPDATE').map((g) => g.column);
            if (updatable.length) {
              it('refused: update of its scope\'s row matches nothing', async () => {
                const column = updatable.find((c) => !isIdColumn(c)) ?? updatable.find((c) => c !== 'id')!;
                const key = spec.key(HOME[who], who);
                const where = Object.keys(key).map((c, i) => `${c} = $${i + 1}`).join(' and ');
                const { rows } = await db.query<Row>(`select ${column} from public.${table} where ${where}`, Object.values(key));
                expect(rows, `the scope's row of ${table}`).toHaveLength(1);
                const { problems, answer } = await attempt(table, () => clients[who]!.from(table).update({ [column]: rows[0]![column] }, { count: 'exact' }).match(key), { kind: 'unchanged' });
                if (!answer.error && answer.count !== 0) problems.push(`matched ${answer.count} row(s)`);
                expect(problems, problems.join('\n')).toEqual([]);
              });
            }
          }
          for (const cell of cellsOf(table, who)) {
            it(cell.name, async () => {
              const problems = await run1(table, who, cell);
              expect(problems, problems.join('\n')).toEqual([]);
            });
          }
        });
      }
    });
  }
});

describe('a derived column is not trusted before it is derived', () => {
  it('a sub-item sent with a draft version_id does not reach the published standard its item is in', async () => {
    // Same street, so outside the matrix: the frozen check once read the version the client sent.
    const row = { item_id: fx.item!.A, version_id: fx.draftVersion!.A, content: '矩阵绕过', points: 1 };
    const { problems } = await attempt('standard_subitems', () => clients.office_A!.from('standard_subitems').insert(row), { kind: 'unchanged' });
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('the grant audit', () => {
  it('every column an API role can write is in the reviewed list', async () => {
    const c = await superuser();
    try {
      expect(await writeGrants(c)).toEqual([...REVIEWED_WRITE_GRANTS, ...declaredWriteGrants()].sort());
    } finally {
      await c.end();
    }
  });

  it('anon can write no table in public', async () => {
    const c = await superuser();
    try {
      expect((await writeGrants(c, ['public'])).filter((line) => !line.startsWith('authenticated '))).toEqual([]);
    } finally {
      await c.end();
    }
  });
});

// Every write privilege an API role holds, reviewed line by line with 20261202100000_write_paths.sql:
// no id, actor, status or publication stamp is writable; scope columns (street_id, community_id)
// are granted only where a trigger overwrites them with the parent's; the key columns of
// campaign_phases, street_seals and veto_findings are updatable because the screens upsert them,
// and their triggers refuse a key that changes. A grant added to a migration fails this test
// until its line is added here, in the same change, where a reviewer sees it. (storage.*:
// Supabase's default grants, as stack/bootstrap.sql makes them; RLS on storage.objects decides,
// and PostgREST does not expose the schema.) A plugin's declared table adds the grants its
// declaration gives (declaredWriteGrants: unit_id and its write columns), reviewed with
// private.install_plugin_table in 20261202230000_declarations_and_districts.sql.
// acceptance_recommendations (the campaign plugin's own grants, in its
// sql/001_acceptance_recommendations.sql): the unit and the reason on insert, the reason on
// update, delete to withdraw; its trigger derives the scope and the round and sets the recorder.
// grid_households (the grid plugin's own grants, in its sql/001_grids.sql): the unit and the
// household's own columns on insert and update, delete; its trigger derives the scope and the
// grid path and sets the editor; its change log is written by a trigger only.
const REVIEWED_WRITE_GRANTS: string[] = [
  ...['unit_id', 'compound', 'building', 'unit_no', 'room', 'size', 'contact_name', 'contact_phone', 'tags', 'note']
    .flatMap((c) => [`authenticated INSERT public.grid_households(${c})`, `authenticated UPDATE public.grid_households(${c})`]),
  'authenticated DELETE public.grid_households',
  'anon DELETE storage.buckets',
  'anon DELETE storage.objects',
  'anon INSERT storage.buckets(allowed_mime_types)',
  'anon INSERT storage.buckets(avif_autodetection)',
  'anon INSERT storage.buckets(created_at)',
  'anon INSERT storage.buckets(file_size_limit)',
  'anon INSERT storage.buckets(id)',
  'anon INSERT storage.buckets(name)',
  'anon INSERT storage.buckets(owner)',
  'anon INSERT storage.buckets(owner_id)',
  'anon INSERT storage.buckets(public)',
  'anon INSERT storage.buckets(updated_at)',
  'anon INSERT storage.objects(bucket_id)',
  'anon INSERT storage.objects(created_at)',
  'anon INSERT storage.objects(id)',
  'anon INSERT storage.objects(last_accessed_at)',
  'anon INSERT storage.objects(metadata)',
  'anon INSERT storage.objects(name)',
  'anon INSERT storage.objects(owner)',
  'anon INSERT storage.objects(owner_id)',
  'anon INSERT storage.objects(path_tokens)',
  'anon INSERT storage.objects(updated_at)',
  'anon INSERT storage.objects(user_metadata)',
  'anon INSERT storage.objects(version)',
  'anon TRIGGER storage.buckets',
  'anon TRIGGER storage.objects',
  'anon TRUNCATE storage.buckets',
  'anon TRUNCATE storage.objects',
  'anon UPDATE storage.buckets(allowed_mime_types)',
  'anon UPDATE storage.buckets(avif_autodetection)',
  'anon UPDATE storage.buckets(created_at)',
  'anon UPDATE storage.buckets(file_size_limit)',
  'anon UPDATE storage.buckets(id)',
  'anon UPDATE storage.buckets(name)',
  'anon UPDATE storage.buckets(owner)',
  'anon UPDATE storage.buckets(owner_id)',
  'anon UPDATE storage.buckets(public)',
  'anon UPDATE storage.buckets(updated_at)',
  'anon UPDATE storage.objects(bucket_id)',
  'anon UPDATE storage.objects(created_at)',
  'anon UPDATE storage.objects(id)',
  'anon UPDATE storage.objects(last_accessed_at)',
  'anon UPDATE storage.objects(metadata)',
  'anon UPDATE storage.objects(name)',
  'anon UPDATE storage.objects(owner)',
  'anon UPDATE storage.objects(owner_id)',
  'anon UPDATE storage.objects(path_tokens)',
  'anon UPDATE storage.objects(updated_at)',
  'anon UPDATE storage.objects(user_metadata)',
  'anon UPDATE storage.objects(version)',
  // A message's recipient marks it read or unread (its policy: theirs only).
  'authenticated UPDATE public.workflow_messages(read_at)',
  'authenticated DELETE public.acceptance_recommendations',
  'authenticated DELETE public.campaign_leaders',
  'authenticated DELETE public.campaign_member_offices',
  'authenticated DELETE public.campaign_phases',
  'authenticated DELETE public.campaign_targets',
  'authenticated DELETE public.key_task_leads',
  'authenticated DELETE public.key_task_reports',
  'authenticated DELETE public.key_tasks',
  'authenticated DELETE public.memberships',
  'authenticated DELETE public.score_entries',
  'authenticated DELETE public.standard_items',
  'authenticated DELETE public.standard_subitems',
  'authenticated DELETE public.standard_versions',
  'authenticated DELETE public.standard_vetoes',
  'authenticated DELETE public.street_seals',
  'authenticated DELETE public.units',
  'authenticated DELETE public.veto_findings',
  'authenticated DELETE storage.buckets',
  'authenticated DELETE storage.objects',
  'authenticated INSERT public.acceptance_recommendations(reason)',
  'authenticated INSERT public.acceptance_recommendations(unit_id)',
  'authenticated INSERT public.campaign_leaders(campaign_id)',
  'authenticated INSERT public.campaign_leaders(person_name)',
  'authenticated INSERT public.campaign_leaders(position)',
  'authenticated INSERT public.campaign_leaders(sort)',
  'authenticated INSERT public.campaign_leaders(street_id)',
  'authenticated INSERT public.campaign_leaders(title)',
  'authenticated INSERT public.campaign_member_offices(campaign_id)',
  'authenticated INSERT public.campaign_member_offices(name)',
  'authenticated INSERT public.campaign_member_offices(street_id)',
  'authenticated INSERT public.campaign_phases(campaign_id)',
  'authenticated INSERT public.campaign_phases(ends_on)',
  'authenticated INSERT public.campaign_phases(phase)',
  'authenticated INSERT public.campaign_phases(starts_on)',
  'authenticated INSERT public.campaign_phases(street_id)',
  'authenticated INSERT public.campaign_targets(campaign_id)',
  'authenticated INSERT public.campaign_targets(count)',
  'authenticated INSERT public.campaign_targets(due_on)',
  'authenticated INSERT public.campaign_targets(grade)',
  'authenticated INSERT public.campaign_targets(note)',
  'authenticated INSERT public.campaign_targets(share)',
  'authenticated INSERT public.campaign_targets(street_id)',
  'authenticated INSERT public.campaign_targets(unit_kind)',
  'authenticated INSERT public.campaigns(end_year)',
  'authenticated INSERT public.campaigns(filing_closes_on)',
  'authenticated INSERT public.campaigns(filing_opens_on)',
  'authenticated INSERT public.campaigns(name)',
  'authenticated INSERT public.campaigns(start_year)',
  'authenticated INSERT public.campaigns(street_id)',
  'authenticated INSERT public.key_task_leads(office_id)',
  'authenticated INSERT public.key_task_leads(sort)',
  'authenticated INSERT public.key_task_leads(street_id)',
  'authenticated INSERT public.key_task_leads(task_id)',
  'authenticated INSERT public.key_task_reports(note)',
  'authenticated INSERT public.key_task_reports(period)',
  'authenticated INSERT public.key_task_reports(street_id)',
  'authenticated INSERT public.key_task_reports(task_id)',
  'authenticated INSERT public.key_tasks(action)',
  'authenticated INSERT public.key_tasks(all_year)',
  'authenticated INSERT public.key_tasks(cadence)',
  'authenticated INSERT public.key_tasks(campaign_id)',
  'authenticated INSERT public.key_tasks(content)',
  'authenticated INSERT public.key_tasks(deadline)',
  'authenticated INSERT public.key_tasks(number)',
  'authenticated INSERT public.key_tasks(status)',
  'authenticated INSERT public.key_tasks(street_id)',
  'authenticated INSERT public.key_tasks(year_starts_on)',
  'authenticated INSERT public.score_entries(note)',
  'authenticated INSERT public.score_entries(round_id)',
  'authenticated INSERT public.score_entries(score)',
  'authenticated INSERT public.score_entries(scorer_role)',
  'authenticated INSERT public.score_entries(subitem_id)',
  'authenticated INSERT public.score_entries(unit_id)',
  'authenticated INSERT public.score_rounds(campaign_id)',
  'authenticated INSERT public.score_rounds(kind)',
  'authenticated INSERT public.score_rounds(version_id)',
  'authenticated INSERT public.score_rounds(year)',
  'authenticated INSERT public.standard_items(goal)',
  'authenticated INSERT public.standard_items(level)',
  'authenticated INSERT public.standard_items(number)',
  'authenticated INSERT public.standard_items(version_id)',
  'authenticated INSERT public.standard_subitems(content)',
  'authenticated INSERT public.standard_subitems(item_id)',
  'authenticated INSERT public.standard_subitems(points)',
  'authenticated INSERT public.standard_subitems(sort)',
  'authenticated INSERT public.standard_versions(campaign_id)',
  'authenticated INSERT public.standard_versions(year)',
  'authenticated INSERT public.standard_vetoes(content)',
  'authenticated INSERT public.standard_vetoes(level)',
  'authenticated INSERT public.standard_vetoes(version_id)',
  'authenticated INSERT public.street_seals(image)',
  'authenticated INSERT public.street_seals(street_id)',
  'authenticated INSERT public.units(address)',
  'authenticated INSERT public.units(community_id)',
  'authenticated INSERT public.units(kind)',
  'authenticated INSERT public.units(name)',
  'authenticated INSERT public.units(parent_id)',
  'authenticated INSERT public.units(street_id)',
  'authenticated INSERT public.veto_findings(found)',
  'authenticated INSERT public.veto_findings(note)',
  'authenticated INSERT public.veto_findings(round_id)',
  'authenticated INSERT public.veto_findings(unit_id)',
  'authenticated INSERT public.veto_findings(veto_id)',
  'authenticated INSERT storage.buckets(allowed_mime_types)',
  'authenticated INSERT storage.buckets(avif_autodetection)',
  'authenticated INSERT storage.buckets(created_at)',
  'authenticated INSERT storage.buckets(file_size_limit)',
  'authenticated INSERT storage.buckets(id)',
  'authenticated INSERT storage.buckets(name)',
  'authenticated INSERT storage.buckets(owner)',
  'authenticated INSERT storage.buckets(owner_id)',
  'authenticated INSERT storage.buckets(public)',
  'authenticated INSERT storage.buckets(updated_at)',
  'authenticated INSERT storage.objects(bucket_id)',
  'authenticated INSERT storage.objects(created_at)',
  'authenticated INSERT storage.objects(id)',
  'authenticated INSERT storage.objects(last_accessed_at)',
  'authenticated INSERT storage.objects(metadata)',
  'authenticated INSERT storage.objects(name)',
  'authenticated INSERT storage.objects(owner)',
  'authenticated INSERT storage.objects(owner_id)',
  'authenticated INSERT storage.objects(path_tokens)',
  'authenticated INSERT storage.objects(updated_at)',
  'authenticated INSERT storage.objects(user_metadata)',
  'authenticated INSERT storage.objects(version)',
  'authenticated TRIGGER storage.buckets',
  'authenticated TRIGGER storage.objects',
  'authenticated TRUNCATE storage.buckets',
  'authenticated TRUNCATE storage.objects',
  'authenticated UPDATE public.acceptance_recommendations(reason)',
  'authenticated UPDATE public.campaign_leaders(person_name)',
  'authenticated UPDATE public.campaign_leaders(position)',
  'authenticated UPDATE public.campaign_leaders(sort)',
  'authenticated UPDATE public.campaign_leaders(title)',
  'authenticated UPDATE public.campaign_member_offices(name)',
  'authenticated UPDATE public.campaign_phases(campaign_id)',
  'authenticated UPDATE public.campaign_phases(ends_on)',
  'authenticated UPDATE public.campaign_phases(phase)',
  'authenticated UPDATE public.campaign_phases(starts_on)',
  'authenticated UPDATE public.campaign_targets(count)',
  'authenticated UPDATE public.campaign_targets(due_on)',
  'authenticated UPDATE public.campaign_targets(grade)',
  'authenticated UPDATE public.campaign_targets(note)',
  'authenticated UPDATE public.campaign_targets(share)',
  'authenticated UPDATE public.campaign_targets(unit_kind)',
  'authenticated UPDATE public.campaigns(end_year)',
  'authenticated UPDATE public.campaigns(filing_closes_on)',
  'authenticated UPDATE public.campaigns(filing_opens_on)',
  'authenticated UPDATE public.campaigns(name)',
  'authenticated UPDATE public.campaigns(start_year)',
  'authenticated UPDATE public.key_task_reports(note)',
  'authenticated UPDATE public.key_tasks(action)',
  'authenticated UPDATE public.key_tasks(all_year)',
  'authenticated UPDATE public.key_tasks(cadence)',
  'authenticated UPDATE public.key_tasks(content)',
  'authenticated UPDATE public.key_tasks(deadline)',
  'authenticated UPDATE public.key_tasks(number)',
  'authenticated UPDATE public.key_tasks(status)',
  'authenticated UPDATE public.key_tasks(year_starts_on)',
  'authenticated UPDATE public.profiles(full_name)',
  'authenticated UPDATE public.score_entries(note)',
  'authenticated UPDATE public.score_entries(score)',
  'authenticated UPDATE public.standard_items(goal)',
  'authenticated UPDATE public.standard_items(level)',
  'authenticated UPDATE public.standard_items(number)',
  'authenticated UPDATE public.standard_subitems(content)',
  'authenticated UPDATE public.standard_subitems(points)',
  'authenticated UPDATE public.standard_subitems(sort)',
  'authenticated UPDATE public.standard_versions(year)',
  'authenticated UPDATE public.standard_vetoes(content)',
  'authenticated UPDATE public.standard_vetoes(level)',
  'authenticated UPDATE public.street_seals(image)',
  'authenticated UPDATE public.street_seals(street_id)',
  'authenticated UPDATE public.units(address)',
  'authenticated UPDATE public.units(name)',
  'authenticated UPDATE public.units(parent_id)',
  'authenticated UPDATE public.veto_findings(found)',
  'authenticated UPDATE public.veto_findings(note)',
  'authenticated UPDATE public.veto_findings(round_id)',
  'authenticated UPDATE public.veto_findings(unit_id)',
  'authenticated UPDATE public.veto_findings(veto_id)',
  'authenticated UPDATE storage.buckets(allowed_mime_types)',
  'authenticated UPDATE storage.buckets(avif_autodetection)',
  'authenticated UPDATE storage.buckets(created_at)',
  'authenticated UPDATE storage.buckets(file_size_limit)',
  'authenticated UPDATE storage.buckets(id)',
  'authenticated UPDATE storage.buckets(name)',
  'authenticated UPDATE storage.buckets(owner)',
  'authenticated UPDATE storage.buckets(owner_id)',
  'authenticated UPDATE storage.buckets(public)',
  'authenticated UPDATE storage.buckets(updated_at)',
  'authenticated UPDATE storage.objects(bucket_id)',
  'authenticated UPDATE storage.objects(created_at)',
  'authenticated UPDATE storage.objects(id)',
  'authenticated UPDATE storage.objects(last_accessed_at)',
  'authenticated UPDATE storage.objects(metadata)',
  'authenticated UPDATE storage.objects(name)',
  'authenticated UPDATE storage.objects(owner)',
  'authenticated UPDATE storage.objects(owner_id)',
  'authenticated UPDATE storage.objects(path_tokens)',
  'authenticated UPDATE storage.objects(updated_at)',
  'authenticated UPDATE storage.objects(user_metadata)',
  'authenticated UPDATE storage.objects(version)',
];
