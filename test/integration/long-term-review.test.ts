// The long-term review on a campaign walked through its phases: grades earned in the full
// acceptance become the units' standing; the yearly re-evaluation promotes a unit that does better
// (晋位提升), orders rectification with a deadline where a unit falls short (责令整改); a later
// re-evaluation that finds it back at its grade closes the order; a missed deadline loses the grade.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReviewWorld } from '../support/review-world.ts';

let w: Awaited<ReturnType<typeof createReviewWorld>>;

const standing = async () =>
  Object.fromEntries(
    (await w.q<{ unit_id: number; grade: string }>('select unit_id::int, grade from public.unit_standings where street_id = $1', [w.streetId]))
      .map((r) => [Object.keys(w.x).find((k) => w.x[k] === r.unit_id)!, r.grade]),
  );
const orders = async () =>
  (await w.q<{ unit_id: number; held_grade: string; found_grade: string | null; status: string; days: number }>(
    "select unit_id::int, held_grade, found_grade, status, (deadline - (now() at time zone 'Asia/Shanghai')::date) as days from public.rectifications where street_id = $1 order by id", [w.streetId],
  )).map((r) => ({ unit: Object.keys(w.x).find((k) => w.x[k] === r.unit_id), held: r.held_grade, found: r.found_grade, status: r.status, days: r.days }));

beforeAll(async () => {
  w = await createReviewWorld();
});

afterAll(async () => {
  await w?.db.end();
});

describe('the long-term review', () => {
  it('a full acceptance grants the grades; the self-check grants none', async () => {
    await w.round('self_check', 2026, { X1: 99 });
    expect(await standing()).toEqual({});
    await w.advanceTo('acceptance');
    await w.round('full_acceptance', 2029, { X1: 95, X2: 80, X3: 60, X4: 96 });
    expect(await standing()).toEqual({ X1: 'demonstration', X2: 'standard', X4: 'demonstration' });
  });

  it('the re-evaluation: promotion, rectification with the office\'s deadline, a new grade', async () => {
    await w.advanceTo('longterm');
    expect((await w.office.rpc('publish_round', { p_round_id: 0, p_rectify_days: 3 })).error?.code).toBe('42501');
    await w.round('re_evaluation', 2030, { X1: 85, X2: 92, X3: 76, X4: 70 }, 30);
    // X1 and X4 keep their grade while the order runs; X2 is promoted, X3 gains standard.
    expect(await standing()).toEqual({ X1: 'demonstration', X2: 'demonstration', X3: 'standard', X4: 'demonstration' });
    expect(await orders()).toEqual([
      { unit: 'X1', held: 'demonstration', found: 'standard', status: 'open', days: 30 },
      { unit: 'X4', held: 'demonstration', found: null, status: 'open', days: 30 },
    ]);
    // Read under RLS: the community's filer sees its units' orders; nobody writes them.
    expect((await w.filer.from('rectifications').select('unit_id')).data).toHaveLength(2);
    expect((await w.office.from('rectifications').update({ status: 'met' }).eq('street_id', w.streetId)).error?.code).toBe('42501');
    expect((await w.office.from('unit_standings').update({ grade: 'demonstration' }).eq('street_id', w.streetId)).error?.code).toBe('42501');
  });

  it('back at its grade in a later re-evaluation closes the order; a missed deadline loses the grade', async () => {
    await w.round('re_evaluation', 2031, { X1: 93 });
    expect((await orders()).map((o) => [o.unit, o.status])).toEqual([['X1', 'met'], ['X4', 'open']]);
    await w.db.query("update public.rectifications set deadline = (now() at time zone 'Asia/Shanghai')::date - 1 where unit_id = $1", [w.x.X4]);
    expect((await w.filer.rpc('apply_rectification_deadlines', { p_street_id: w.streetId })).error?.code).toBe('42501');
    const { data, error } = await w.office.rpc('apply_rectification_deadlines', { p_street_id: w.streetId });
    expect(error).toBeNull();
    expect(data).toBe(1);
    expect((await orders()).map((o) => [o.unit, o.status])).toEqual([['X1', 'met'], ['X4', 'lapsed']]);
    // X4 was found below standard: it holds no grade now.
    expect(await standing()).toEqual({ X1: 'demonstration', X2: 'demonstration', X3: 'standard' });
  });

  it('the rectification period is the office\'s to choose, within reason', async () => {
    const { data } = await w.office.from('score_rounds').insert({ campaign_id: w.campaignId, kind: 're_evaluation', year: 2032, version_id: w.versionId }).select('id').single();
    const refused = await w.office.rpc('publish_round', { p_round_id: data!.id, p_rectify_days: 1000 });
    expect(refused.error?.message).toBe('整改期限须在 7 至 365 天之间');
  });
});
