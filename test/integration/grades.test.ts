// The grade rules on hand-built cases, computed by the database: each threshold at its boundary
// (exactly 75, exactly 90, a veto at 95), the reviewers' mean, and each cascade (every compound
// standard; exactly 30% at demonstration; the street over its communities, compounds, buildings
// and business districts). Also publishing the standard: each level must add to 100.
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedIn, superuser } from '../support/clients.ts';

const run = `${process.pid}${Date.now().toString(36)}`;
const PASSWORD = 'grades-pass-123';
const LEVELS = ['street', 'community', 'compound', 'building', 'business_district', 'social_org'] as const;

let db: pg.Client;
let office: SupabaseClient;
let reviewer: SupabaseClient;
let streetId: number;
let campaignId: number;
let versionId: number;
const subitem: Record<string, number> = {};
const veto: Record<string, number> = {};
const REVIEWER_A = crypto.randomUUID();
const REVIEWER_B = crypto.randomUUID();

const q = async <T,>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];
const unit = async (kind: string, name: string, parent: number | null) =>
  (await q<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [kind, `${name}-${run}`, parent]))[0]!.id;

beforeAll(async () => {
  db = await superuser();
  streetId = await unit('street', '评分街道', null);
  for (const [role, email] of [['street_office', `office.${run}@grades.local`], ['reviewer', `reviewer.${run}@grades.local`]] as const) {
    const id = await createUser(db, email, PASSWORD, role);
    await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [id, streetId, role]);
  }
  office = await signedIn(`office.${run}@grades.local`, PASSWORD);
  reviewer = await signedIn(`reviewer.${run}@grades.local`, PASSWORD);
  // The office creates the campaign (its workflow starts with it) and a draft standard.
  const { data: campaign, error } = await office.from('campaigns')
    .insert({ street_id: streetId, name: '评分测试行动', start_year: 2026, end_year: 2028, filing_opens_on: '2026-11-01', filing_closes_on: '2027-02-28' })
    .select('id').single();
  if (error) throw new Error(error.message);
  campaignId = campaign.id;
  const { data: version } = await office.from('standard_versions').insert({ campaign_id: campaignId, year: 2026 }).select('id').single();
  versionId = version!.id;
  // One item per level; its one sub-item carries the level's 100 points (the rules work on totals).
  for (const [n, level] of LEVELS.entries()) {
    const { data: item } = await office.from('standard_items').insert({ version_id: versionId, level, number: n + 1, goal: `${level} 目标` }).select('id').single();
    const { data: sub } = await office.from('standard_subitems').insert({ item_id: item!.id, content: `${level} 细则`, points: level === 'street' ? 60 : 100 }).select('id').single();
    subitem[level] = sub!.id;
    const { data: v } = await office.from('standard_vetoes').insert({ version_id: versionId, level, content: `${level} 否决事项` }).select('id').single();
    veto[level] = v!.id;
  }
});

afterAll(async () => {
  await db?.end();
});

describe('publishing the standard', () => {
  it('refuses a level whose points do not add to 100, naming it; then publishes; then nothing changes', async () => {
    const refused = await office.rpc('publish_standard', { p_version_id: versionId });
    expect(refused.error?.code).toBe('23514');
    expect(refused.error?.message).toBe('「街道层面」各细则分值合计 60.0 分，须为 100 分，不能发布');
    const { data: streetItem } = await office.from('standard_items').select('id').eq('version_id', versionId).eq('level', 'street').single();
    const second = await office.from('standard_subitems').insert({ item_id: streetItem!.id, content: '第二条细则', points: 40 });
    expect(second.error).toBeNull();
    expect((await reviewer.rpc('publish_standard', { p_version_id: versionId })).error?.code).toBe('42501');
    const published = await office.rpc('publish_standard', { p_version_id: versionId });
    expect(published.error).toBeNull();
    expect(published.data).toMatchObject({ status: 'published' });
    const edit = await office.from('standard_subitems').update({ points: 50 }).eq('id', subitem.street!);
    expect(edit.error?.code).toBe('42501');
    expect(edit.error?.message).toMatch(/已发布的标准不能修改/);
    expect((await office.from('standard_items').delete().eq('id', streetItem!.id)).error?.code).toBe('42501');
  });
});

describe('grades', () => {
  let roundId: number;
  let streetSubs: number[];

  beforeAll(async () => {
    const [round] = await q<{ id: number }>(
      "insert into public.score_rounds (campaign_id, kind, year, version_id) values ($1, 'self_check', 2026, $2) returning id::int",
      [campaignId, versionId],
    );
    roundId = round!.id;
    streetSubs = (await q<{ id: number }>("select s.id::int from public.standard_subitems s join public.standard_items i on i.id = s.item_id where i.version_id = $1 and i.level = 'street' order by s.points desc", [versionId])).map((r) => r.id);
  });

  /** A reviewer's score for the unit's level, as the whole 100 (the street's split 60 + 40). */
  async function score(unitId: number, level: string, total: number, scorer = REVIEWER_A) {
    const parts = level === 'street' ? [[streetSubs[0]!, Math.min(total, 60)], [streetSubs[1]!, Math.max(0, total - 60)]] : [[subitem[level]!, total]];
    for (const [sub, value] of parts) {
      await db.query(
        `insert into public.score_entries (round_id, unit_id, subitem_id, scorer_id, scorer_role, score) values ($1, $2, $3, $4, 'reviewer', $5)
         on conflict (round_id, unit_id, subitem_id, scorer_id, scorer_role) do update set score = excluded.score`,
        [roundId, unitId, sub, scorer, value],
      );
    }
  }
  const vetoed = (unitId: number, level: string) =>
    db.query('insert into public.veto_findings (round_id, unit_id, veto_id, found) values ($1, $2, $3, true)', [roundId, unitId, veto[level]]);
  const grades = async () => {
    const rows = await q<{ unit_id: number; total: string; standard: boolean; demonstration: boolean; reasons: string[] }>(
      'select unit_id::int, total, standard, demonstration, reasons from private.round_grades($1)', [roundId],
    );
    return new Map(rows.map((r) => [r.unit_id, { ...r, total: Number(r.total) }]));
  };

  it('leaf units: exactly 75 is standard, 74.9 is not, exactly 90 is demonstration, a veto at 95 is not; reviewers are averaged', async () => {
    const c = await unit('community', '阈值社区', streetId);
    const at75 = await unit('compound', '七十五', c);
    const below = await unit('compound', '七十四点九', c);
    const at90 = await unit('compound', '九十', c);
    const veto95 = await unit('compound', '否决九十五', c);
    const mean = await unit('building', '两位评审', c);
    const self = await unit('business_district', '仅自评', c);
    await score(at75, 'compound', 75);
    await score(below, 'compound', 74.9);
    await score(at90, 'compound', 90);
    await score(veto95, 'compound', 95);
    await vetoed(veto95, 'compound');
    await score(mean, 'building', 80, REVIEWER_A);
    await score(mean, 'building', 100, REVIEWER_B);
    // A self score counts for nothing.
    await db.query("insert into public.score_entries (round_id, unit_id, subitem_id, scorer_id, scorer_role, score) values ($1, $2, $3, $4, 'self', 100)", [roundId, self, subitem.business_district, REVIEWER_A]);

    const g = await grades();
    expect(g.get(at75)).toMatchObject({ total: 75, standard: true, demonstration: false, reasons: ['below90'] });
    expect(g.get(below)).toMatchObject({ total: 74.9, standard: false, demonstration: false, reasons: ['below75'] });
    expect(g.get(at90)).toMatchObject({ total: 90, standard: true, demonstration: true, reasons: [] });
    expect(g.get(veto95)).toMatchObject({ total: 95, standard: true, demonstration: false, reasons: ['veto'] });
    expect(g.get(mean)).toMatchObject({ total: 90, standard: true, demonstration: true });
    expect(g.get(self)).toMatchObject({ total: 0, standard: false, reasons: ['notScored'] });
  });

  it('a community: all its compounds standard, and exactly 30% of them at demonstration', async () => {
    const community = async (name: string, demo: number, notStandard = 0) => {
      const c = await unit('community', name, streetId);
      await score(c, 'community', 95);
      for (let i = 0; i < 10; i++) {
        const x = await unit('compound', `${name}小区${i}`, c);
        await score(x, 'compound', i < notStandard ? 70 : i < notStandard + demo ? 92 : 80);
      }
      return c;
    };
    const thirty = await community('三成社区', 3);
    const twenty = await community('两成社区', 2);
    const oneShort = await community('差一个社区', 5, 1);
    const g = await grades();
    expect(g.get(thirty)).toMatchObject({ standard: true, demonstration: true, reasons: [] });
    expect(g.get(twenty)).toMatchObject({ standard: true, demonstration: false, reasons: ['demoShareBelow30'] });
    expect(g.get(oneShort)).toMatchObject({ standard: false, demonstration: false, reasons: ['partsNotStandard'] });
  });

  it('the street: every community, compound, building and business district standard; 30% of them at demonstration', async () => {
    let g = await grades();
    await score(streetId, 'street', 96);
    g = await grades();
    // Some units above are below 75: the street is not standard, and says how many.
    const street = g.get(streetId)!;
    expect(street).toMatchObject({ standard: false, demonstration: false });
    expect(street.reasons).toContain('partsNotStandard');

    // Lift every part to standard (social organisations do not count), then to 30% demonstration.
    const parts = await q<{ id: number; kind: string }>(
      "select id::int, kind from public.units where street_id = $1 and kind in ('community', 'compound', 'building', 'business_district')", [streetId],
    );
    for (const p of parts) await score(p.id, p.kind, p.kind === 'community' ? 80 : 76);
    g = await grades();
    expect(g.get(streetId)).toMatchObject({ standard: true, demonstration: false, reasons: ['demoShareBelow30'] });
    const needed = Math.ceil(parts.length * 0.3);
    const compounds = parts.filter((p) => p.kind === 'compound');
    for (const p of compounds.slice(0, needed)) await score(p.id, 'compound', 95);
    await db.query('delete from public.veto_findings where round_id = $1', [roundId]);
    g = await grades();
    const demoParts = parts.filter((p) => g.get(p.id)!.demonstration).length;
    expect(demoParts).toBeGreaterThanOrEqual(needed);
    expect(g.get(streetId)).toMatchObject({ standard: true, demonstration: true, reasons: [] });
  });

  it('recompute_grades stores them for the reviewers and the office, and the sheet shows why', async () => {
    expect((await office.rpc('recompute_grades', { p_round_id: roundId })).error).toBeNull();
    const { data, error } = await reviewer.from('unit_grades').select('unit_id, standard, demonstration, reasons').eq('round_id', roundId).eq('unit_id', streetId);
    expect(error).toBeNull();
    expect(data).toEqual([{ unit_id: streetId, standard: true, demonstration: true, reasons: [] }]);
    const outsider = await signedIn('office.s2@demo.local');
    expect((await outsider.rpc('recompute_grades', { p_round_id: roundId })).error?.code).toBe('42501');
    expect((await outsider.from('unit_grades').select('unit_id').eq('round_id', roundId)).data).toEqual([]);
  });
});
