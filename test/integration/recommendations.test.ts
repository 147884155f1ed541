// 择优推选 (workflows/campaign/sql/001_acceptance_recommendations.sql): at the full acceptance the
// street office recommends units graded demonstration to the city's and county's acceptance.
// The round is the street's latest published full acceptance, set by the server; a unit not at
// demonstration in it, a round not yet published, a second recommendation, another street's unit
// and every role but the office are refused; the district office reads its streets' list and
// never another district's.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedIn } from '../support/clients.ts';
import { createReviewWorld, REVIEW_PASSWORD } from '../support/review-world.ts';

type World = Awaited<ReturnType<typeof createReviewWorld>>;
const run = `${process.pid}${Date.now().toString(36)}`;
const RLS = 'new row violates row-level security policy for table "acceptance_recommendations"';

let a: World;
let b: World;
let districtD: SupabaseClient;
let districtE: SupabaseClient;
let officeUid: string;
let roundA: number;
const districts: Record<'D' | 'E', number> = { D: 0, E: 0 };

const recommend = (client: SupabaseClient, unitId: number, reason = '党建引领作用突出，居民满意度高') =>
  client.from('acceptance_recommendations').insert({ unit_id: unitId, reason }).select('id, unit_id, street_id, community_id, round_id, created_by');
const compoundSubitem = async (w: World) => (await w.q<{ id: number }>(
  "select s.id::int from public.standard_subitems s join public.standard_items i on i.id = s.item_id where i.version_id = $1 and i.level = 'compound'", [w.versionId],
))[0]!.id;
const stored = async (w: World) =>
  w.q<{ unit_id: number; round_id: number; reason: string }>('select unit_id::int, round_id::int, reason from public.acceptance_recommendations where street_id = $1 order by id', [w.streetId]);

beforeAll(async () => {
  a = await createReviewWorld();
  b = await createReviewWorld();
  // District D over street A, district E over street B, each with its office.
  for (const [key, w] of [['D', a], ['E', b]] as const) {
    districts[key] = (await a.q<{ id: number }>("insert into public.units (kind, name) values ('district', $1) returning id::int", [`推选区县${key}-${run}`]))[0]!.id;
    await a.db.query('update public.units set parent_id = $1 where id = $2', [districts[key], w.streetId]);
    const id = await createUser(a.db, `district_${key}.${run}@recommend.local`, REVIEW_PASSWORD, `推选 区县${key}`);
    await a.db.query("insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'district_office')", [id, districts[key]]);
  }
  districtD = await signedIn(`district_D.${run}@recommend.local`, REVIEW_PASSWORD);
  districtE = await signedIn(`district_E.${run}@recommend.local`, REVIEW_PASSWORD);
  officeUid = (await a.q<{ id: string }>('select id from auth.users where email = $1', [a.emails.street_office]))[0]!.id;
  for (const w of [a, b]) await w.advanceTo('acceptance');
});

afterAll(async () => {
  if (!a) return;
  await a.db.query('delete from auth.users where email like $1', [`%.${run}@recommend.local`]);
  await a.db.end();
  await b?.db.end();
});

describe('择优推选', () => {
  it('the campaigns started here run on the campaign workflow\'s version 2, which brings the list', async () => {
    const [instance] = await a.q<{ version: number }>(
      'select i.version from public.campaigns c join public.workflow_instances i on i.id = c.instance_id where c.id = $1', [a.campaignId],
    );
    expect(instance!.version).toBe(2);
  });

  it('before the full acceptance is published, nothing is recommended', async () => {
    const { data, error: opened } = await a.office.from('score_rounds').insert({ campaign_id: a.campaignId, kind: 'full_acceptance', year: 2029, version_id: a.versionId }).select('id').single();
    expect(opened).toBeNull();
    roundA = data!.id;
    const sub = await compoundSubitem(a);
    for (const [key, score] of Object.entries({ X1: 95, X2: 80, X3: 60, X4: 96 })) {
      expect((await a.reviewer.from('score_entries').insert({ round_id: roundA, unit_id: a.x[key], subitem_id: sub, scorer_role: 'reviewer', score })).error).toBeNull();
    }
    // Graded, not published: the office's draft grades do not count.
    expect((await a.reviewer.rpc('recompute_grades', { p_round_id: roundA })).error).toBeNull();
    const early = await recommend(a.office, a.x.X1!);
    expect([early.error?.code, early.error?.message, early.error?.hint]).toEqual(['23514', '全面验收结果通报后才能推选单位', 'unit_id']);
    expect(await stored(a)).toEqual([]);
    expect((await a.office.rpc('publish_round', { p_round_id: roundA })).error).toBeNull();
  });

  it('the office recommends a unit graded demonstration: the round, the scope and the recorder are the server\'s', async () => {
    const { data, error } = await recommend(a.office, a.x.X1!);
    expect(error).toBeNull();
    const [unit] = await a.q<{ name: string; community_id: number; community: string }>(
      'select u.name, u.community_id::int, c.name as community from public.units u join public.units c on c.id = u.community_id where u.id = $1', [a.x.X1],
    );
    expect(data).toEqual([{ id: expect.any(Number), unit_id: a.x.X1, street_id: a.streetId, community_id: unit!.community_id, round_id: roundA, created_by: officeUid }]);
    // The unit as it stood, for the list the city and county receive.
    const [shown] = (await a.office.from('acceptance_recommendations').select('unit_name, unit_kind, community_name, total').eq('id', data![0]!.id)).data!;
    expect(shown).toEqual({ unit_name: unit!.name, unit_kind: 'compound', community_name: unit!.community, total: 95 });
    // X4 too, and its reason may be reworded; nothing but the reason is a client's.
    const x4 = await recommend(a.office, a.x.X4!, '楼道自治做法值得推广');
    expect(x4.error).toBeNull();
    const reworded = await a.office.from('acceptance_recommendations').update({ reason: '楼道自治做法成熟，可在全区推广' }).eq('id', x4.data![0]!.id).select('reason');
    expect(reworded.data).toEqual([{ reason: '楼道自治做法成熟，可在全区推广' }]);
    for (const change of [{ round_id: 1 }, { unit_id: a.x.X2 }, { created_by: officeUid }, { created_at: '2001-01-01T00:00:00Z' }, { street_id: b.streetId }, { unit_name: '改名' }, { total: 100 }]) {
      const forged = await a.office.from('acceptance_recommendations').update(change).eq('id', x4.data![0]!.id);
      expect(forged.error?.code, JSON.stringify(change)).toBe('42501');
    }
    const sent = await a.office.from('acceptance_recommendations').insert({ unit_id: a.x.X2, reason: '伪造轮次', round_id: roundA });
    expect(sent.error?.code).toBe('42501');
    expect((await stored(a)).map((r) => r.unit_id)).toEqual([a.x.X1, a.x.X4]);
  });

  it('refused in words, on the field: a unit not at demonstration, a second time, a reason too short or too long', async () => {
    const standard = await recommend(a.office, a.x.X2!);
    expect([standard.error?.code, standard.error?.message, standard.error?.hint]).toEqual(['23514', '只能推选在全面验收中评为示范型的单位', 'unit_id']);
    const none = await recommend(a.office, a.x.X3!);
    expect(none.error?.message).toBe('只能推选在全面验收中评为示范型的单位');
    const twice = await recommend(a.office, a.x.X1!);
    expect([twice.error?.code, twice.error?.message, twice.error?.hint]).toEqual(['23505', '该单位已推选，不能重复推选', 'unit_id']);
    const short = await recommend(a.office, a.x.X1!, ' 好 ');
    expect([short.error?.message, short.error?.hint]).toEqual(['请填写推选理由（至少 2 个字）', 'reason']);
    const long = await recommend(a.office, a.x.X1!, '长'.repeat(501));
    expect([long.error?.message, long.error?.hint]).toEqual(['推选理由不能超过 500 字', 'reason']);
    expect((await stored(a)).map((r) => r.unit_id)).toEqual([a.x.X1, a.x.X4]);
  });

  it('another street\'s office is refused as row-level security refuses, and learns nothing about the unit', async () => {
    await b.round('full_acceptance', 2029, { X1: 97 });
    expect((await recommend(b.office, b.x.X1!)).error).toBeNull();
    // A's units, eligible or not, recommended or not, and a unit that does not exist: one answer.
    const answers = [];
    for (const unitId of [a.x.X1!, a.x.X4!, a.x.X2!, a.x.X3!, a.streetId, 2_000_000_000]) {
      const { error } = await recommend(b.office, unitId);
      answers.push([error?.code, error?.message, error?.hint ?? null]);
    }
    expect(answers).toEqual(Array(6).fill(['42501', RLS, null]));
    // Nor does it read, reword or withdraw A's.
    expect((await b.office.from('acceptance_recommendations').select('unit_id').eq('street_id', a.streetId)).data).toEqual([]);
    expect((await b.office.from('acceptance_recommendations').update({ reason: '改写他街' }).eq('street_id', a.streetId).select('id')).data).toEqual([]);
    expect((await b.office.from('acceptance_recommendations').delete().eq('street_id', a.streetId).select('id')).data).toEqual([]);
    expect((await stored(a)).map((r) => r.unit_id)).toEqual([a.x.X1, a.x.X4]);
  });

  it('the reviewer, the filer and the district office do not recommend, reword or withdraw', async () => {
    const [own] = await stored(a);
    for (const [who, client] of [['reviewer', a.reviewer], ['filer', a.filer], ['district', districtD]] as const) {
      const ins = await recommend(client, a.x.X4!);
      expect([ins.error?.code, ins.error?.message], who).toEqual(['42501', RLS]);
      const upd = await client.from('acceptance_recommendations').update({ reason: `改写-${who}` }).eq('street_id', a.streetId).select('id');
      expect(upd.error, who).toBeNull();
      expect(upd.data, who).toEqual([]);
      const del = await client.from('acceptance_recommendations').delete().eq('street_id', a.streetId).select('id');
      expect(del.data, who).toEqual([]);
    }
    expect((await stored(a))[0]).toEqual(own);
  });

  it('every member of the street reads its list; the district office reads its streets\', never another district\'s', async () => {
    const units = async (client: SupabaseClient) =>
      ((await client.from('acceptance_recommendations').select('unit_id').order('unit_id')).data ?? []).map((r) => r.unit_id as number);
    const listA = [a.x.X1!, a.x.X4!].sort((p, q) => p - q);
    expect(await units(a.office)).toEqual(listA);
    expect(await units(a.reviewer)).toEqual(listA);
    expect(await units(a.filer)).toEqual(listA);
    // The filer reads the whole street's list, names included, though not every unit of it.
    expect(((await a.filer.from('acceptance_recommendations').select('unit_name')).data ?? []).every((r) => r.unit_name)).toBe(true);
    expect(await units(districtD)).toEqual(listA);
    expect(await units(districtE)).toEqual([b.x.X1]);
    expect(await units(b.office)).toEqual([b.x.X1]);
    // The district office reads the round's grades of its street, as the 评分通报 shows them.
    expect(((await districtD.from('unit_grades').select('unit_id').eq('round_id', roundA)).data ?? []).length).toBeGreaterThan(0);
    expect((await districtE.from('unit_grades').select('unit_id').eq('round_id', roundA)).data).toEqual([]);
  });

  it('the office withdraws a recommendation; the unit may be recommended again', async () => {
    const del = await a.office.from('acceptance_recommendations').delete().eq('unit_id', a.x.X4!).select('unit_id');
    expect(del.data).toEqual([{ unit_id: a.x.X4 }]);
    expect((await stored(a)).map((r) => r.unit_id)).toEqual([a.x.X1]);
    expect((await recommend(a.office, a.x.X4!)).error).toBeNull();
  });

  it('a later published full acceptance is the round recommendations go to', async () => {
    const { data } = await a.office.from('score_rounds').insert({ campaign_id: a.campaignId, kind: 'full_acceptance', year: 2030, version_id: a.versionId }).select('id').single();
    const sub = await compoundSubitem(a);
    expect((await a.reviewer.from('score_entries').insert({ round_id: data!.id, unit_id: a.x.X2, subitem_id: sub, scorer_role: 'reviewer', score: 93 })).error).toBeNull();
    expect((await a.office.rpc('publish_round', { p_round_id: data!.id })).error).toBeNull();
    // X1 was demonstration in 2029 only: the 2030 round is the one that counts now.
    expect((await recommend(a.office, a.x.X1!)).error?.message).toBe('只能推选在全面验收中评为示范型的单位');
    const x2 = await recommend(a.office, a.x.X2!);
    expect(x2.error).toBeNull();
    expect(x2.data![0]!.round_id).toBe(data!.id);
  });
});
