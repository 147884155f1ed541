// The targets (行动目标, section 二 of the plan) through the API as the demo accounts: both
// campaigns' targets as the seed sets them, dated from each campaign's phases; target_progress()
// against a count written here independently, on the demo data and on a street of this file's
// own where the rounds are built to test "the latest round that scored the unit"; a share
// target's measured against its total; who reads and who writes; and what the schema refuses,
// in Chinese.
//
// Other files share the stack and may add units or rounds to street 1, so numbers on the demo
// street are compared with a count made here at the time, not with constants; the exact
// numbers are asserted on this file's own street.
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '../../src/i18n/zh-CN.ts';
import { createUser, signedIn, superuser } from '../support/clients.ts';

interface Progress {
  id: number;
  campaign_id: number;
  street_id: number;
  due_on: string;
  unit_kind: string;
  grade: string;
  count: number | null;
  share: number | null;
  note: string | null;
  measured: number;
  total: number;
  required: number;
  met: boolean;
}

const run = `${process.pid}${Date.now().toString(36)}`;
const CJK = /[\u4e00-\u9fff]/;
let db: pg.Client;
let office1: SupabaseClient;
let reviewer1: SupabaseClient;
let filer1: SupabaseClient;
let office2: SupabaseClient;
let campaign1: number;
let campaign2: number;
const created: number[] = [];

const q = async <T,>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];

beforeAll(async () => {
  db = await superuser();
  [office1, reviewer1, filer1, office2] = await Promise.all([
    signedIn('office.s1@demo.local'), signedIn('reviewer.s1@demo.local'), signedIn('filer.c1@demo.local'), signedIn('office.s2@demo.local'),
  ]);
  campaign1 = (await q<{ id: number }>('select id::int from public.campaigns where street_id = 1 order by id limit 1'))[0]!.id;
  campaign2 = (await q<{ id: number }>('select id::int from public.campaigns where street_id = 2 order by id limit 1'))[0]!.id;
});

afterAll(async () => {
  if (created.length) await db?.query('delete from public.campaign_targets where id = any($1)', [created]);
  await db?.end();
});

/**
 * The measured count written independently of target_progress(): for each unit of the kind in
 * the street, its grade in the newest of the campaign's rounds that scored it.
 */
async function directCount(campaignId: number, kind: string, grade: string): Promise<{ measured: number; total: number }> {
  const [row] = await q<{ measured: number; total: number }>(
    `select count(*)::int as total,
            count(*) filter (where case when $3 = 'demonstration' then latest.demonstration else latest.standard or latest.demonstration end)::int as measured
       from public.units u
       join public.campaigns c on c.id = $1 and u.street_id = c.street_id
       left join lateral (
         select g.standard, g.demonstration
           from public.unit_grades g join public.score_rounds r on r.id = g.round_id
          where g.unit_id = u.id and r.campaign_id = c.id and not ('notScored' = any (g.reasons))
          order by r.created_at desc, r.id desc
          limit 1
       ) latest on true
      where u.kind = $2::public.unit_kind`,
    [campaignId, kind, grade],
  );
  return row!;
}

/** The campaign's milestones as the seed dates them: the pilot's end, 18 months on, the acceptance's end. */
async function milestonesOf(campaignId: number): Promise<[string, string, string]> {
  const [row] = await q<{ pilot: string; middle: string; acceptance: string }>(
    `select to_char(p.ends_on, 'YYYY-MM-DD') as pilot,
            to_char(p.ends_on + 1 + interval '18 months' - interval '1 day', 'YYYY-MM-DD') as middle,
            to_char(a.ends_on, 'YYYY-MM-DD') as acceptance
       from public.campaign_phases p join public.campaign_phases a on a.campaign_id = p.campaign_id and a.phase = 'acceptance'
      where p.campaign_id = $1 and p.phase = 'pilot'`,
    [campaignId],
  );
  return [row!.pilot, row!.middle, row!.acceptance];
}

// Section 二: [milestone, kind, grade, count, share].
const SEEDED: [0 | 1 | 2, string, string, number | null, number | null][] = [
  [0, 'street', 'standard', 1, null],
  [0, 'community', 'standard', null, 1],
  [0, 'compound', 'standard', null, 1],
  [0, 'community', 'demonstration', 6, null],
  [0, 'compound', 'demonstration', 33, null],
  [0, 'building', 'demonstration', 2, null],
  [0, 'business_district', 'demonstration', 2, null],
  [0, 'social_org', 'demonstration', 1, null],
  [1, 'community', 'demonstration', 11, null],
  [1, 'compound', 'demonstration', 60, null],
  [1, 'building', 'demonstration', 2, null],
  [1, 'business_district', 'demonstration', 2, null],
  [1, 'social_org', 'demonstration', 2, null],
  [2, 'street', 'demonstration', 1, null],
  [2, 'community', 'demonstration', null, 1],
  [2, 'compound', 'demonstration', null, 1],
  [2, 'social_org', 'demonstration', 3, null],
];

describe('the seeded targets', () => {
  it('both campaigns have section 二 of the plan, dated from their own phases', async () => {
    for (const [client, campaignId, streetId] of [[office1, campaign1, 1], [office2, campaign2, 2]] as const) {
      const dates = await milestonesOf(campaignId);
      const { data, error } = await client
        .from('campaign_targets')
        .select('street_id, due_on, unit_kind, grade, count, share, note')
        .eq('campaign_id', campaignId)
        .in('due_on', dates);
      expect(error).toBeNull();
      const got = (data ?? []).map((r) => [r.street_id, r.due_on, r.unit_kind, r.grade, r.count, r.share === null ? null : Number(r.share)]);
      const want = SEEDED.map(([m, kind, grade, count, share]) => [streetId, dates[m], kind, grade, count, share]);
      expect(got).toEqual(expect.arrayContaining(want));
      expect(got).toHaveLength(want.length);
      // Each says which line of the plan it comes from.
      for (const r of data ?? []) expect(r.note).toMatch(CJK);
    }
  });

  it('the middle milestone is the month end 18 months after the pilot\'s end', async () => {
    const [pilot, middle, acceptance] = await milestonesOf(campaign1);
    const months = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
    expect(months(middle) - months(pilot)).toBe(18);
    expect(pilot < middle && middle < acceptance).toBe(true);
    const next = new Date(`${middle}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    expect(next.getUTCDate()).toBe(1); // the day after starts a month
  });
});

describe('target_progress() on the demo data', () => {
  it('matches a direct count for every target of street 1, shares and counts alike', async () => {
    const { data, error } = await office1.rpc('target_progress', { p_campaign_id: campaign1 });
    expect(error).toBeNull();
    const rows = data as Progress[];
    expect(rows.length).toBeGreaterThanOrEqual(SEEDED.length);
    for (const r of rows) {
      const direct = await directCount(campaign1, r.unit_kind, r.grade);
      expect({ id: r.id, measured: r.measured, total: r.total }).toEqual({ id: r.id, ...direct });
      const required = r.count ?? Math.ceil(Number(r.share) * r.total);
      expect(r.required).toBe(required);
      expect(r.met).toBe(r.measured >= required);
    }
    // The demo is not all zeros: the seed's self-check round graded a good part of street 1.
    expect(rows.some((r) => r.measured > 0 && r.met)).toBe(true);
    expect(rows.some((r) => r.measured > 0 && !r.met)).toBe(true);
  });

  it('a share target: 100% of the compounds standard asks for every compound of the street', async () => {
    const [pilot] = await milestonesOf(campaign1);
    const { data } = await reviewer1.rpc('target_progress', { p_campaign_id: campaign1 });
    const share = (data as Progress[]).find((r) => r.due_on === pilot && r.unit_kind === 'compound' && r.grade === 'standard')!;
    const n = (await q<{ n: number }>("select count(*)::int as n from public.units where street_id = 1 and kind = 'compound'"))[0]!.n;
    expect(share).toMatchObject({ share: 1, count: null, total: n, required: n });
    expect(share.measured).toBe((await directCount(campaign1, 'compound', 'standard')).measured);
    expect(share.measured).toBeGreaterThan(0);
    expect(share.measured).toBeLessThan(n);
    expect(share.met).toBe(false);
  });

  it('target_units() lists the units behind the numbers: the counted ones and those not yet there', async () => {
    const [pilot] = await milestonesOf(campaign1);
    const { data } = await office1.rpc('target_progress', { p_campaign_id: campaign1 });
    const t = (data as Progress[]).find((r) => r.due_on === pilot && r.unit_kind === 'compound' && r.grade === 'standard')!;
    const counted = await office1.rpc('target_units', { p_target_id: t.id }, { count: 'exact' }).eq('counted', true);
    const notYet = await office1.rpc('target_units', { p_target_id: t.id }, { count: 'exact' }).eq('counted', false);
    expect(counted.error).toBeNull();
    expect(counted.count).toBe(t.measured);
    expect(notYet.count).toBe(t.total - t.measured);
    for (const u of counted.data as { standard: boolean; total: number }[]) expect(u.standard).toBe(true);
    for (const u of notYet.data as { standard: boolean; reasons: string[] }[]) {
      expect(u.standard).toBe(false);
      expect(u.reasons.length).toBeGreaterThan(0);
    }
    // A compound names its community.
    expect((counted.data as { community_name: string | null }[]).every((u) => !!u.community_name)).toBe(true);
  });
});

describe('target_progress() on a street of its own: the latest round that scored a unit', () => {
  let street: number;
  let campaign: number;
  let office: SupabaseClient;
  let version: number;
  const sub: Record<string, number> = {};
  const REVIEWER = crypto.randomUUID();

  const unit = async (kind: string, name: string, parent: number | null) =>
    (await q<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [kind, `${name}-${run}`, parent]))[0]!.id;
  // The campaign is in its plan phase, where the self-check is the round (score_rounds_gate): two
  // years' self-checks stand for an earlier and a later round.
  const round = async (year: number, createdAt: string) =>
    (await q<{ id: number }>("insert into public.score_rounds (campaign_id, kind, year, version_id, created_at) values ($1, 'self_check', $2, $3, $4) returning id::int", [campaign, year, version, createdAt]))[0]!.id;
  const score = (roundId: number, unitId: number, kind: string, total: number) =>
    db.query("insert into public.score_entries (round_id, unit_id, subitem_id, scorer_id, scorer_role, score) values ($1, $2, $3, $4, 'reviewer', $5)", [roundId, unitId, sub[kind], REVIEWER, total]);

  beforeAll(async () => {
    street = await unit('street', '目标街道', null);
    const email = `office.${run}@targets.local`;
    const user = await createUser(db, email, 'targets-pass-123', '目标 党建办');
    await db.query("insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'street_office')", [user, street]);
    office = await signedIn(email, 'targets-pass-123');
    const { data, error } = await office.from('campaigns')
      .insert({ street_id: street, name: '目标测试行动', start_year: 2027, end_year: 2029, filing_opens_on: '2027-01-01', filing_closes_on: '2027-02-28' })
      .select('id').single();
    if (error) throw new Error(error.message);
    campaign = data.id;
    version = (await q<{ id: number }>('insert into public.standard_versions (campaign_id, year) values ($1, 2027) returning id::int', [campaign]))[0]!.id;
    for (const [n, level] of ['street', 'community', 'compound', 'building', 'business_district', 'social_org'].entries()) {
      const [item] = await q<{ id: number }>('insert into public.standard_items (version_id, level, number, goal) values ($1, $2, $3, $4) returning id::int', [version, level, n + 1, `${level} 目标`]);
      sub[level] = (await q<{ id: number }>("insert into public.standard_subitems (item_id, content, points) values ($1, '细则', 100) returning id::int", [item!.id]))[0]!.id;
    }
    await db.query("update public.standard_versions set status = 'published', published_at = now() where id = $1", [version]);
  });

  it('a later round decides a unit it scored; a unit it did not score keeps its earlier grade', async () => {
    const community = await unit('community', '目标社区', street);
    const [a, b, c, d] = [await unit('compound', '甲', community), await unit('compound', '乙', community), await unit('compound', '丙', community), await unit('compound', '丁', community)];
    const { data: targets, error } = await office.from('campaign_targets').insert([
      { campaign_id: campaign, due_on: '2027-06-30', unit_kind: 'compound', grade: 'standard', share: 0.5 },
      { campaign_id: campaign, due_on: '2027-06-30', unit_kind: 'compound', grade: 'demonstration', count: 2 },
      { campaign_id: campaign, due_on: '2027-06-30', unit_kind: 'building', grade: 'standard', count: 1 },
    ]).select('id');
    expect(error).toBeNull();
    expect(targets).toHaveLength(3);

    // Self-check: 甲 95 (demonstration), 乙 80 (standard), 丙 70; 丁 not scored.
    const first = await round(2027, '2027-03-01T00:00:00Z');
    await score(first, a, 'compound', 95);
    await score(first, b, 'compound', 80);
    await score(first, c, 'compound', 70);
    expect((await office.rpc('recompute_grades', { p_round_id: first })).error).toBeNull();
    const progress = async () => {
      const { data, error: e } = await office.rpc('target_progress', { p_campaign_id: campaign });
      expect(e).toBeNull();
      return (data as Progress[]).map((r) => [r.unit_kind, r.grade, r.measured, r.total, r.required, r.met]);
    };
    expect(await progress()).toEqual([
      ['compound', 'standard', 2, 4, 2, true], // 50% of 4 compounds: 甲 (demonstration counts) and 乙
      ['compound', 'demonstration', 1, 4, 2, false],
      ['building', 'standard', 0, 0, 1, false],
    ]);

    // A later round scores 甲 down to 85 and 丙 up to 92; 乙 is not scored in it.
    const second = await round(2028, '2027-06-01T00:00:00Z');
    await score(second, a, 'compound', 85);
    await score(second, c, 'compound', 92);
    expect((await office.rpc('recompute_grades', { p_round_id: second })).error).toBeNull();
    // 甲 standard (85, latest), 乙 standard (80, from the first round), 丙 demonstration (92), 丁 none.
    expect(await progress()).toEqual([
      ['compound', 'standard', 3, 4, 2, true],
      ['compound', 'demonstration', 1, 4, 2, false],
      ['building', 'standard', 0, 0, 1, false],
    ]);
    for (const [kind, grade] of [['compound', 'standard'], ['compound', 'demonstration']]) {
      expect((await directCount(campaign, kind!, grade!)).measured).toBe(grade === 'standard' ? 3 : 1);
    }
    const [demo] = targets!.slice(1);
    const units = await office.rpc('target_units', { p_target_id: demo!.id });
    expect((units.data as { unit_id: number; counted: boolean; round_year: number | null; total: number | null }[]).map((u) => [u.unit_id, u.counted, u.round_year, u.total])).toEqual([
      [c, true, 2028, 92],
      [a, false, 2028, 85],
      [b, false, 2027, 80],
      [d, false, null, null],
    ]);
  });
});

describe('who reads and who writes', () => {
  it('street 2\'s office sees none of street 1\'s targets, progress or units', async () => {
    expect((await office2.from('campaign_targets').select('id').eq('street_id', 1)).data).toEqual([]);
    expect((await office2.rpc('target_progress', { p_campaign_id: campaign1 })).data).toEqual([]);
    const [t] = await q<{ id: number }>('select id::int from public.campaign_targets where campaign_id = $1 order by id limit 1', [campaign1]);
    expect((await office2.rpc('target_units', { p_target_id: t!.id })).data).toEqual([]);
    // ... nor writes into street 1's campaign.
    const insert = await office2.from('campaign_targets').insert({ campaign_id: campaign1, due_on: '2031-01-31', unit_kind: 'compound', grade: 'standard', count: 1 });
    expect(insert.error?.code).toBe('42501');
  });

  it('the reviewer and a filer read the street\'s targets but cannot write them', async () => {
    const [t] = await q<{ id: number; count: number | null }>('select id::int, count from public.campaign_targets where campaign_id = $1 order by id limit 1', [campaign1]);
    for (const client of [reviewer1, filer1]) {
      const read = await client.from('campaign_targets').select('id').eq('campaign_id', campaign1);
      expect(read.error).toBeNull();
      expect((read.data ?? []).length).toBeGreaterThanOrEqual(SEEDED.length);
      const insert = await client.from('campaign_targets').insert({ campaign_id: campaign1, due_on: '2031-01-31', unit_kind: 'compound', grade: 'standard', count: 1 });
      expect(insert.error?.code).toBe('42501');
      const update = await client.from('campaign_targets').update({ count: 99 }).eq('id', t!.id).select('id');
      expect(update.data ?? []).toEqual([]);
      const remove = await client.from('campaign_targets').delete().eq('id', t!.id).select('id');
      expect(remove.data ?? []).toEqual([]);
    }
    expect((await q<{ count: number | null }>('select count from public.campaign_targets where id = $1', [t!.id]))[0]).toEqual({ count: t!.count });
  });

  it('a filer\'s progress counts only what the filer sees: the community\'s own units', async () => {
    const { data, error } = await filer1.rpc('target_progress', { p_campaign_id: campaign1 });
    expect(error).toBeNull();
    const compounds = (data as Progress[]).find((r) => r.unit_kind === 'compound' && r.grade === 'standard')!;
    const n = (await q<{ n: number }>("select count(*)::int as n from public.units where community_id = 101 and kind = 'compound'"))[0]!.n;
    expect(compounds.total).toBe(n);
  });

  it('the office adds, edits and removes a target; the street is its campaign\'s whatever is sent', async () => {
    const { data, error } = await office1.from('campaign_targets')
      .insert({ campaign_id: campaign1, street_id: 2, due_on: '2031-03-31', unit_kind: 'building', grade: 'standard', share: 0.5, note: '测试' })
      .select('id, street_id').single();
    expect(error).toBeNull();
    created.push(data!.id);
    expect(data!.street_id).toBe(1);
    const edit = await office1.from('campaign_targets').update({ share: null, count: 2 }).eq('id', data!.id).select('count, share').single();
    expect(edit.data).toEqual({ count: 2, share: null });
    // A target does not move to another campaign (no column grant).
    expect((await office1.from('campaign_targets').update({ campaign_id: campaign2 }).eq('id', data!.id)).error?.code).toBe('42501');
    expect((await office1.from('campaign_targets').delete().eq('id', data!.id).select('id')).data).toEqual([{ id: data!.id }]);
    // Not into street 2's campaign.
    const other = await office1.from('campaign_targets').insert({ campaign_id: campaign2, due_on: '2031-03-31', unit_kind: 'building', grade: 'standard', count: 1 });
    expect(other.error?.code).toBe('42501');
  });
});

describe('what the schema refuses, in Chinese', () => {
  const base = { due_on: '2031-06-30', unit_kind: 'compound', grade: 'demonstration' };
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['both a count and a share', { count: 3, share: 0.5 }, 'campaign_targets_amount_check', '23514'],
    ['neither', {}, 'campaign_targets_amount_check', '23514'],
    ['a share above 100%', { share: 1.5 }, 'campaign_targets_share_check', '23514'],
    ['a share of 0', { share: 0 }, 'campaign_targets_share_check', '23514'],
    ['a count of 0', { count: 0 }, 'campaign_targets_count_check', '23514'],
    ['a grade that is not one', { count: 1, grade: 'gold' }, 'campaign_targets_grade_check', '23514'],
    ['a note over 200 characters', { count: 1, note: '注'.repeat(201) }, 'campaign_targets_note_check', '23514'],
  ];
  for (const [what, row, constraint, code] of cases) {
    it(`${what}: ${constraint}`, async () => {
      const { error } = await office1.from('campaign_targets').insert({ campaign_id: campaign1, ...base, ...row });
      expect(error?.code).toBe(code);
      // The admin shows errors.<constraint> (data-provider.ts, toHttpError).
      expect(error?.message).toContain(`"${constraint}"`);
      expect(zhCN.errors[constraint as keyof typeof zhCN.errors]).toMatch(CJK);
    });
  }

  it('a second target for the same date, kind and grade: campaign_targets_unique', async () => {
    const [pilot] = await milestonesOf(campaign1);
    const { error } = await office1.from('campaign_targets').insert({ campaign_id: campaign1, due_on: pilot, unit_kind: 'community', grade: 'demonstration', count: 7 });
    expect(error?.code).toBe('23505');
    expect(error?.message).toContain('"campaign_targets_unique"');
    expect(zhCN.errors.campaign_targets_unique).toMatch(CJK);
  });
});
