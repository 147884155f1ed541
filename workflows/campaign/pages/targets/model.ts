// 行动目标: the targets of a campaign and their progress as the database measures them
// (public.target_progress, public.target_units: supabase/migrations/20261121210300_targets.sql),
// the form's rules as a zod schema, and how the values read.
import dayjs from 'dayjs';
import { z } from 'zod';
import { i18n, myMemberships, scopeOf, supabaseClient, UNIT_KINDS, type Enums, type FunctionRow, type SelectRow, type WithNulls } from '@/plugin-api';
// The campaign's phases are its machine's states (a type only: the machine stays out of this chunk).
import type { PHASES } from '../../machine.ts';

export const GRADES = ['standard', 'demonstration'] as const;
export type UnitKind = Enums<'unit_kind'>;
export type Grade = (typeof GRADES)[number];
export type Phase = (typeof PHASES)[number];

/**
 * A target with its progress: one row of target_progress(). A target has a count or a share
 * (0 < share ≤ 1); measured: units of the kind at the grade (demonstration counts as standard
 * too); total: units of the kind in the street; required: the count, or the share of the total
 * rounded up. Its grade is one of GRADES (the table's check).
 */
export type TargetProgress = WithNulls<Omit<FunctionRow<'target_progress'>, 'grade'>, 'count' | 'share' | 'note'> & { grade: Grade };

/** A unit behind a target's number: one row of target_units(); a unit never scored has no round. */
export type TargetUnit = WithNulls<FunctionRow<'target_units'>, 'community_id' | 'community_name' | 'total' | 'round_id' | 'round_kind' | 'round_year'>;

const CAMPAIGN_SELECT = 'id, name, street_id, phases:campaign_phases(phase, starts_on, ends_on)';
export type CampaignChoice = SelectRow<'campaigns', typeof CAMPAIGN_SELECT>;

/**
 * How many units of each kind the street has, for the form's warning: one counting request per
 * kind (a GET of no rows with the exact count; a HEAD shows as cancelled in the browser's tools).
 */
export function unitTotals(streetId: number): Promise<Partial<Record<UnitKind, number>>> {
  let pending = totalsInFlight.get(streetId);
  if (!pending) {
    pending = readUnitTotals(streetId).finally(() => totalsInFlight.delete(streetId));
    totalsInFlight.set(streetId, pending);
  }
  return pending;
}
const totalsInFlight = new Map<number, Promise<Partial<Record<UnitKind, number>>>>();

async function readUnitTotals(streetId: number): Promise<Partial<Record<UnitKind, number>>> {
  const counts = await Promise.all(
    UNIT_KINDS.map(async (kind) => {
      const { count, error } = await supabaseClient.from('units').select('id', { count: 'exact' }).eq('street_id', streetId).eq('kind', kind).limit(0);
      if (error) throw error;
      return [kind, count ?? 0] as const;
    }),
  );
  return Object.fromEntries(counts);
}

/** The campaigns of the streets where the user holds a street-wide role, and the streets it runs as the office. */
export function streetCampaigns(): Promise<{ campaigns: CampaignChoice[]; officeStreets: number[]; streets: number[] }> {
  // One request while one is on its way: React's StrictMode runs the page's effect twice in
  // development, and the 工作台's card asks the same beside it.
  campaignsInFlight ??= readStreetCampaigns().finally(() => (campaignsInFlight = undefined));
  return campaignsInFlight;
}
let campaignsInFlight: ReturnType<typeof readStreetCampaigns> | undefined;

async function readStreetCampaigns(): Promise<{ campaigns: CampaignChoice[]; officeStreets: number[]; streets: number[] }> {
  const scope = scopeOf(await myMemberships());
  const streets = [...new Set([...scope.streets, ...scope.officeStreets])];
  if (!streets.length) return { campaigns: [], officeStreets: scope.officeStreets, streets };
  const { data, error } = await supabaseClient
    .from('campaigns')
    .select(CAMPAIGN_SELECT)
    .in('street_id', streets)
    .order('street_id')
    .order('start_year', { ascending: false });
  if (error) throw error;
  return { campaigns: data ?? [], officeStreets: scope.officeStreets, streets };
}

/** The campaign to open first: one the user's office runs, else the first. */
export function defaultCampaign(campaigns: CampaignChoice[], officeStreets: number[]): CampaignChoice | undefined {
  return campaigns.find((c) => officeStreets.includes(c.street_id)) ?? campaigns[0];
}

export function fetchProgress(campaignId: number): Promise<TargetProgress[]> {
  // As the campaigns: one request per campaign while one is on its way.
  let pending = progressInFlight.get(campaignId);
  if (!pending) {
    pending = readProgress(campaignId).finally(() => progressInFlight.delete(campaignId));
    progressInFlight.set(campaignId, pending);
  }
  return pending;
}
const progressInFlight = new Map<number, Promise<TargetProgress[]>>();

async function readProgress(campaignId: number): Promise<TargetProgress[]> {
  const { data, error } = await supabaseClient.rpc('target_progress', { p_campaign_id: campaignId });
  if (error) throw error;
  // The grade as campaign_targets' check has it; numeric arrives as a number.
  return (data ?? []).map((r) => ({ ...r, grade: r.grade as Grade, share: r.share === null ? null : Number(r.share) }));
}

/** One page of the units behind a target, counted or not yet, and how many there are in all. */
export async function fetchTargetUnits(targetId: number, counted: boolean, page: number, pageSize: number): Promise<{ rows: TargetUnit[]; total: number }> {
  const from = (page - 1) * pageSize;
  const { data, error, count } = await supabaseClient
    .rpc('target_units', { p_target_id: targetId }, { count: 'exact' })
    .eq('counted', counted)
    .range(from, from + pageSize - 1);
  if (error) throw error;
  const rows: TargetUnit[] = data ?? [];
  return { rows: rows.map((r) => ({ ...r, total: r.total === null ? null : Number(r.total) })), total: count ?? 0 };
}

/** Targets grouped by due date, in date order: one milestone each. */
export function milestones<T extends { due_on: string }>(rows: T[]): { due_on: string; rows: T[] }[] {
  const by = new Map<string, T[]>();
  for (const r of rows) by.set(r.due_on, [...(by.get(r.due_on) ?? []), r]);
  return [...by.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([due_on, rows]) => ({ due_on, rows }));
}

// ---------------------------------------------------------------------------------------------
// How values read
// ---------------------------------------------------------------------------------------------
const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options);

/** 示范型社区, 标准型小区. */
export const kindGradeLabel = (kind: UnitKind, grade: Grade): string =>
  t('targets.kindGrade', { grade: t(`targets.grades.${grade}`), kind: t(`units.kinds.${kind}`) });

export const percent = (share: number): string => String(Math.round(share * 10000) / 100);

/** 6 个, or 100%（8 个）: what the target asks for. */
export function targetLabel(r: Pick<TargetProgress, 'count' | 'share' | 'required'>): string {
  if (r.count !== null) return t('targets.amount.count', { count: r.count });
  return t('targets.amount.shareOf', { percent: percent(r.share ?? 0), count: r.required });
}

/** The phase whose last day the date is, if any: 示范推进阶段结束. */
export function phaseEndingOn(campaign: CampaignChoice | undefined, date: string): Phase | undefined {
  return campaign?.phases.find((p) => p.ends_on === date)?.phase;
}

/** 还有 221 天, 今天到期, 已到期. */
export function dueLabel(date: string, today = dayjs().format('YYYY-MM-DD')): string {
  const days = dayjs(date).diff(dayjs(today), 'day');
  if (days > 0) return t('targets.daysLeft', { count: days });
  return days === 0 ? t('targets.dueToday') : t('targets.overdue');
}

// ---------------------------------------------------------------------------------------------
// The form: exactly one of a count and a share, each named in its message.
// ---------------------------------------------------------------------------------------------
export interface TargetFormValues {
  due_on?: string | null;
  unit_kind?: UnitKind | null;
  grade?: Grade | null;
  count?: number | null;
  /** the share in percent, 0 < p ≤ 100 */
  share_percent?: number | null;
  note?: string | null;
}

const countSchema = () =>
  z.number({ error: t('targets.validation.count') }).int(t('targets.validation.count')).min(1, t('targets.validation.count')).max(100000, t('targets.validation.count')).nullish();
const shareSchema = () =>
  z.number({ error: t('targets.validation.share') }).gt(0, t('targets.validation.share')).max(100, t('targets.validation.share')).nullish();

/** Exactly one of the count and the share: the message on both fields. */
function exactlyOneAmount(v: { count?: number | null; share_percent?: number | null }, ctx: z.RefinementCtx) {
  const hasCount = v.count !== null && v.count !== undefined;
  const hasShare = v.share_percent !== null && v.share_percent !== undefined;
  if (hasCount === hasShare) {
    const message = hasCount ? t('targets.validation.amountBoth') : t('targets.validation.amountRequired');
    ctx.addIssue({ code: 'custom', path: ['count'], message });
    ctx.addIssue({ code: 'custom', path: ['share_percent'], message });
  }
}

/**
 * The count and the share on their own, for those two fields' rules: zod runs an object's
 * refinement only once its shape is valid, so with the rest of the form still empty the pair
 * is checked here, as the user types.
 */
export const targetAmountSchema = () => z.object({ count: countSchema(), share_percent: shareSchema() }).superRefine(exactlyOneAmount);

/** The whole form. */
export const targetSchema = () =>
  z
    .object({
      due_on: z.string({ error: t('targets.validation.dueRequired') }).regex(/^\d{4}-\d{2}-\d{2}$/, t('targets.validation.dueRequired')),
      unit_kind: z.enum(UNIT_KINDS, { error: t('targets.validation.kindRequired') }),
      grade: z.enum(GRADES, { error: t('targets.validation.gradeRequired') }),
      count: countSchema(),
      share_percent: shareSchema(),
      note: z.string().max(200, t('targets.validation.note')).nullish(),
    })
    .superRefine(exactlyOneAmount);

/** The row to write, from the form's values (already valid). */
export function toRow(values: TargetFormValues) {
  const note = values.note?.trim();
  return {
    due_on: values.due_on!,
    unit_kind: values.unit_kind!,
    grade: values.grade!,
    count: values.count ?? null,
    share: values.share_percent === null || values.share_percent === undefined ? null : Math.round(values.share_percent * 100) / 10000,
    note: note ? note : null,
  };
}

/** The form field a database constraint is about. */
export const CONSTRAINT_FIELDS: Record<string, keyof TargetFormValues> = {
  campaign_targets_amount_check: 'count',
  campaign_targets_count_check: 'count',
  campaign_targets_share_check: 'share_percent',
  campaign_targets_note_check: 'note',
  campaign_targets_grade_check: 'grade',
  campaign_targets_unique: 'unit_kind',
};
