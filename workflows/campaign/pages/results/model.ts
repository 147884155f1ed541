// What the 评分通报 page reads and how it orders it: the rounds the user sees, a round's grades
// (row-level security keeps a filer to its community's units), the summary per unit kind.
import { scopeOr, fetchAll, supabaseClient, type Enums, type Scope, type Tables } from '@/plugin-api';

export const KINDS = ['street', 'community', 'compound', 'building', 'business_district', 'social_org'] as const;
/** The standard's levels, in its order: what the summary and the kind filter list. */
export type Kind = (typeof KINDS)[number];
/** A graded unit's kind, as unit_grades holds it. */
export type UnitKind = Enums<'unit_kind'>;
export const GRADES = ['demonstration', 'standard', 'none'] as const;
export type Grade = (typeof GRADES)[number];

export type Round = Pick<Tables<'score_rounds'>, 'id' | 'street_id' | 'kind' | 'year' | 'published_at'>;

export interface GradeRow {
  key: number;
  name: string;
  kind: UnitKind;
  communityId: number | null;
  /** The unit's community (a community's is itself), '' for the street and units directly under it. */
  community: string;
  /** null: no reviewer has scored the unit in this round. */
  total: number | null;
  /** A partition: demonstration, else standard, else none. */
  grade: Grade;
  reasons: string[];
  parts: number | null;
  partsStandard: number | null;
  partsDemo: number | null;
  /** What publishing this round did to the unit's held grade (the long-term review). */
  review: Review | null;
}

export type RectificationStatus = 'open' | 'met' | 'lapsed';
export type Review =
  | { kind: 'granted' | 'promoted'; grade: string }
  | { kind: 'rectify'; deadline: string; status: RectificationStatus };

/** Every round the user sees, newest first, with the names of their streets. */
export async function loadRounds(): Promise<{ rounds: Round[]; streets: Map<number, string> }> {
  const { data, error } = await supabaseClient
    .from('score_rounds')
    .select('id, street_id, kind, year, published_at')
    .order('created_at', { ascending: false })
    .order('id', { ascending: false });
  if (error) throw error;
  const rounds: Round[] = data ?? [];
  const ids = [...new Set(rounds.map((r) => r.street_id))];
  const streets = new Map<number, string>();
  if (ids.length) {
    const { data: names, error: namesError } = await supabaseClient.from('units').select('id, name').in('id', ids);
    if (namesError) throw namesError;
    for (const s of names ?? []) streets.set(s.id, s.name);
  }
  return { rounds, streets };
}

/**
 * A round's grades as last computed, one row per unit the user may see. Each query carries the
 * user's scope (the policies alone cannot drive an index: a filer would read the whole street's).
 */
export async function loadGrades(round: Round, scope: Scope): Promise<GradeRow[]> {
  const inScope = scopeOr(scope);
  if (!inScope) return []; // no role anywhere: the policies would return nothing
  const [grades, communities, standings, orders] = await Promise.all([
    fetchAll((from, to) =>
      supabaseClient
        .from('unit_grades')
        .select('unit_id, kind, community_id, total, standard, demonstration, reasons, parts, parts_standard, parts_demo, unit:units(name)')
        .eq('round_id', round.id)
        .or(inScope)
        .order('unit_id')
        .range(from, to),
    ),
    fetchAll((from, to) =>
      supabaseClient.from('units').select('id, name').eq('street_id', round.street_id).eq('kind', 'community').or(inScope).order('id').range(from, to),
    ),
    fetchAll((from, to) =>
      supabaseClient.from('unit_standings').select('unit_id, grade').eq('round_id', round.id).or(inScope).order('unit_id').range(from, to),
    ),
    fetchAll((from, to) =>
      supabaseClient.from('rectifications').select('unit_id, deadline, status').eq('round_id', round.id).or(inScope).order('unit_id').range(from, to),
    ),
  ]);
  const standingOf = new Map(standings.map((s) => [s.unit_id, s.grade]));
  const orderOf = new Map(orders.map((o) => [o.unit_id, o]));
  const reviewOf = (unitId: number): Review | null => {
    const order = orderOf.get(unitId);
    // The status as rectifications' check has it.
    if (order) return { kind: 'rectify', deadline: order.deadline, status: order.status as RectificationStatus };
    const grade = standingOf.get(unitId);
    if (grade) return { kind: round.kind === 're_evaluation' ? 'promoted' : 'granted', grade };
    return null;
  };
  const communityName = new Map(communities.map((c) => [c.id, c.name]));
  return grades.map((g) => ({
    key: g.unit_id,
    name: g.unit?.name ?? String(g.unit_id),
    kind: g.kind,
    communityId: g.community_id,
    community: g.community_id !== null ? communityName.get(g.community_id) ?? '' : '',
    total: g.reasons.includes('notScored') ? null : Number(g.total),
    grade: g.demonstration ? 'demonstration' : g.standard ? 'standard' : 'none',
    reasons: g.reasons,
    parts: g.parts,
    partsStandard: g.parts_standard,
    partsDemo: g.parts_demo,
    review: reviewOf(g.unit_id),
  }));
}

/**
 * The round 择优推选 goes to in a street, as the database picks it: the street's latest published
 * full acceptance (the latest year; of one year, the last published).
 */
export function latestFullAcceptance(rounds: Round[], streetId: number): Round | undefined {
  const published = (r: Round) => Date.parse(r.published_at ?? '') || 0;
  return rounds
    .filter((r) => r.street_id === streetId && r.kind === 'full_acceptance' && r.published_at)
    .sort((a, b) => b.year - a.year || published(b) - published(a) || b.id - a.id)[0];
}

export interface Summary {
  kind: Kind;
  units: number;
  demonstration: number;
  standard: number;
  none: number;
}

/** Per unit kind, in the standard's order: how many units, and how many at each grade. */
export function summarize(rows: GradeRow[]): Summary[] {
  const by = new Map<UnitKind, Omit<Summary, 'kind'>>();
  for (const r of rows) {
    const s = by.get(r.kind) ?? { units: 0, demonstration: 0, standard: 0, none: 0 };
    s.units += 1;
    s[r.grade] += 1;
    by.set(r.kind, s);
  }
  return KINDS.filter((k) => by.has(k)).map((k) => ({ kind: k, ...by.get(k)! }));
}

export type SortKey = 'name' | 'kind' | 'community' | 'total' | 'grade';
export interface Sort {
  key: SortKey | null;
  order: 'ascend' | 'descend' | null;
}
export interface Filters {
  kind?: Kind;
  grade?: Grade;
  community?: number;
  name: string;
}

const collator = new Intl.Collator('zh-CN');
const kindRank = (k: UnitKind) => (KINDS as readonly UnitKind[]).indexOf(k);
const gradeRank = (g: Grade) => GRADES.length - GRADES.indexOf(g); // demonstration highest

const COMPARE: Record<SortKey, (a: GradeRow, b: GradeRow) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  kind: (a, b) => kindRank(a.kind) - kindRank(b.kind),
  community: (a, b) => collator.compare(a.community, b.community),
  total: (a, b) => (a.total ?? -1) - (b.total ?? -1),
  grade: (a, b) => gradeRank(a.grade) - gradeRank(b.grade),
};

/**
 * The rows the table shows, in its order (the export writes exactly these). Without a sort: by
 * kind in the standard's order, then the best score first, then by name.
 */
export function visibleRows(rows: GradeRow[], filters: Filters, sort: Sort): GradeRow[] {
  const name = filters.name.trim().toLowerCase();
  const shown = rows.filter(
    (r) =>
      (!filters.kind || r.kind === filters.kind) &&
      (!filters.grade || r.grade === filters.grade) &&
      (!filters.community || r.communityId === filters.community) &&
      (!name || r.name.toLowerCase().includes(name)),
  );
  if (!sort.key || !sort.order) {
    return [...shown].sort((a, b) => COMPARE.kind(a, b) || COMPARE.total(b, a) || COMPARE.name(a, b) || a.key - b.key);
  }
  const sign = sort.order === 'ascend' ? 1 : -1;
  const compare = COMPARE[sort.key];
  return [...shown].sort((a, b) => sign * compare(a, b) || COMPARE.kind(a, b) || COMPARE.name(a, b) || a.key - b.key);
}
