// 评分通报: the street office publishes a round's results (publish_round). Publishing computes the
// grades from the scores as they stand and closes the round: no score is written, changed or
// deleted afterwards, nor a veto finding. Only the office of the round's street publishes;
// publishing again changes nothing. A round of a street made here: the seeded round stays open
// for the other files.
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, createUser, signedIn, superuser } from '../support/clients.ts';

const run = `${process.pid}${Date.now().toString(36)}`;
const PASSWORD = 'results-pass-123';

let db: pg.Client;
let office: SupabaseClient;
let reviewer: SupabaseClient;
let filer: SupabaseClient;
let roundId: number;
let subitem: Record<'community' | 'compound', number>;
let vetoId: number;
const u: Record<string, number> = {};

const q = async <T,>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];
const unit = async (key: string, kind: string, parent: number | null) => {
  u[key] = (await q<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [kind, `通报${key}-${run}`, parent]))[0]!.id;
};
/** A reviewer's score (a made-up reviewer: scores need no account), as the whole 100 of the level. */
const score = (unitId: number, level: 'community' | 'compound', total: number) =>
  db.query("insert into public.score_entries (round_id, unit_id, subitem_id, scorer_id, scorer_role, score) values ($1, $2, $3, gen_random_uuid(), 'reviewer', $4)", [
    roundId, unitId, subitem[level], total,
  ]);
const stored = async () =>
  new Map(
    (await q<{ unit_id: number; total: string; standard: boolean; demonstration: boolean; reasons: string[] }>(
      'select unit_id::int, total, standard, demonstration, reasons from public.unit_grades where round_id = $1', [roundId],
    )).map((g) => [g.unit_id, { ...g, total: Number(g.total) }]),
  );

beforeAll(async () => {
  db = await superuser();
  await unit('S', 'street', null);
  await unit('C1', 'community', u.S!);
  await unit('C2', 'community', u.S!);
  await unit('X1', 'compound', u.C1!);
  await unit('X2', 'compound', u.C1!);
  await unit('Y1', 'compound', u.C2!);
  for (const [who, role, key] of [['office', 'street_office', 'S'], ['reviewer', 'reviewer', 'S'], ['filer', 'community_filer', 'C1']] as const) {
    const id = await createUser(db, `${who}.${run}@results.local`, PASSWORD, `通报 ${who}`);
    await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [id, u[key], role]);
  }
  office = await signedIn(`office.${run}@results.local`, PASSWORD);
  reviewer = await signedIn(`reviewer.${run}@results.local`, PASSWORD);
  filer = await signedIn(`filer.${run}@results.local`, PASSWORD);

  // The office's campaign (its workflow starts in the plan phase: a self-check may run), a
  // published standard with one 100-point sub-item for communities and compounds, and a round.
  const { data: campaign, error } = await office.from('campaigns')
    .insert({ street_id: u.S, name: `通报测试行动-${run}`, start_year: 2026, end_year: 2028, filing_opens_on: '2026-11-01', filing_closes_on: '2027-02-28' })
    .select('id').single();
  if (error) throw new Error(error.message);
  const [version] = await q<{ id: number }>('insert into public.standard_versions (campaign_id, year) values ($1, 2026) returning id::int', [campaign.id]);
  subitem = {} as typeof subitem;
  for (const [n, level] of (['community', 'compound'] as const).entries()) {
    const [item] = await q<{ id: number }>('insert into public.standard_items (version_id, level, number, goal) values ($1, $2, $3, $4) returning id::int', [version!.id, level, n + 1, `${level} 目标`]);
    subitem[level] = (await q<{ id: number }>('insert into public.standard_subitems (item_id, content, points) values ($1, $2, 100) returning id::int', [item!.id, `${level} 细则`]))[0]!.id;
  }
  vetoId = (await q<{ id: number }>("insert into public.standard_vetoes (version_id, level, content) values ($1, 'compound', '重大安全事故') returning id::int", [version!.id]))[0]!.id;
  await db.query("update public.standard_versions set status = 'published', published_at = now() where id = $1", [version!.id]);
  roundId = (await q<{ id: number }>("insert into public.score_rounds (campaign_id, kind, year, version_id) values ($1, 'self_check', 2026, $2) returning id::int", [campaign.id, version!.id]))[0]!.id;
  await score(u.C1!, 'community', 92);
  await score(u.X1!, 'compound', 95);
  await score(u.X2!, 'compound', 80);
  await score(u.C2!, 'community', 70);
});

afterAll(async () => {
  if (!db) return;
  await db.query('delete from auth.users where email like $1', [`%.${run}@results.local`]);
  await db.end();
});

describe('publishing a round\'s results', () => {
  it('the reviewer scores while the round is open; nothing is computed or published yet', async () => {
    const ins = await reviewer.from('score_entries').insert({ round_id: roundId, unit_id: u.Y1, subitem_id: subitem.compound, scorer_role: 'reviewer', score: 76 }).select('id');
    expect(ins.error).toBeNull();
    expect((await reviewer.from('veto_findings').insert({ round_id: roundId, unit_id: u.X2, veto_id: vetoId, found: false })).error).toBeNull();
    expect((await stored()).size).toBe(0);
    expect((await q<{ published_at: string | null }>('select published_at from public.score_rounds where id = $1', [roundId]))[0]!.published_at).toBeNull();
  });

  it('only the office of the round\'s street publishes: not its reviewer, its filer, another street\'s office, nor anon', async () => {
    const outsider = await signedIn('office.s2@demo.local');
    for (const [who, client] of [['reviewer', reviewer], ['filer', filer], ['office.s2', outsider]] as const) {
      const { error } = await client.rpc('publish_round', { p_round_id: roundId });
      expect(error?.code, who).toBe('42501');
      expect(error?.message, who).toBe('没有权限发布此轮评分的通报');
    }
    expect((await anonClient().rpc('publish_round', { p_round_id: roundId })).error?.code).toBe('42501');
    // An unknown round is refused the same way, telling nothing.
    expect((await office.rpc('publish_round', { p_round_id: 2_000_000_000 })).error?.code).toBe('42501');
    expect((await q<{ published_at: string | null }>('select published_at from public.score_rounds where id = $1', [roundId]))[0]!.published_at).toBeNull();
    expect((await stored()).size).toBe(0);
  });

  it('the office publishes: the grades are computed from the scores as they stand, and the round is stamped', async () => {
    const before = Date.now();
    const { data, error } = await office.rpc('publish_round', { p_round_id: roundId });
    expect(error).toBeNull();
    expect(data).toMatchObject({ id: roundId, street_id: u.S });
    const publishedAt = (data as { published_at: string }).published_at;
    expect(Date.parse(publishedAt)).toBeGreaterThanOrEqual(before - 5_000);
    const [row] = await q<{ published_at: Date }>('select published_at from public.score_rounds where id = $1', [roundId]);
    expect(row!.published_at.toISOString()).toBe(new Date(publishedAt).toISOString());

    // unit_grades is current: every unit of the street, as round_grades() computes it right now.
    const g = await stored();
    const fresh = await q<{ unit_id: number }>('select unit_id::int from private.round_grades($1)', [roundId]);
    expect([...g.keys()].sort()).toEqual(fresh.map((r) => r.unit_id).sort());
    expect(g.get(u.X1!)).toMatchObject({ total: 95, standard: true, demonstration: true, reasons: [] });
    expect(g.get(u.X2!)).toMatchObject({ total: 80, standard: true, demonstration: false, reasons: ['below90'] });
    expect(g.get(u.Y1!)).toMatchObject({ total: 76, standard: true, demonstration: false, reasons: ['below90'] });
    expect(g.get(u.C1!)).toMatchObject({ total: 92, standard: true, demonstration: true, reasons: [] });
    expect(g.get(u.C2!)).toMatchObject({ total: 70, standard: false, demonstration: false, reasons: ['below75', 'demoShareBelow30'] });
    expect(g.get(u.S!)).toMatchObject({ total: 0, standard: false, reasons: expect.arrayContaining(['notScored', 'partsNotStandard']) });

    // Every member of the street sees it published; the filer its community's grades only.
    const seen = await reviewer.from('score_rounds').select('published_at').eq('id', roundId).single();
    expect(seen.data?.published_at).toBe(publishedAt);
    const mine = await filer.from('unit_grades').select('unit_id, community_id').eq('round_id', roundId);
    expect(mine.error).toBeNull();
    expect(mine.data!.map((r) => r.unit_id).sort()).toEqual([u.C1, u.X1, u.X2].sort());
  });

  it('publishing again is a no-op that returns the round as published', async () => {
    const [{ published_at: first }] = await q<{ published_at: Date }>('select published_at from public.score_rounds where id = $1', [roundId]) as [{ published_at: Date }];
    const { data, error } = await office.rpc('publish_round', { p_round_id: roundId });
    expect(error).toBeNull();
    expect(new Date((data as { published_at: string }).published_at).toISOString()).toBe(first.toISOString());
  });

  it('after publishing, no score is written, changed or deleted, and no veto finding changes: the grades stay', async () => {
    const before = await stored();
    const refused = '本轮结果已通报，评分不能再改';
    const insert = await reviewer.from('score_entries').insert({ round_id: roundId, unit_id: u.X2, subitem_id: subitem.compound, scorer_role: 'reviewer', score: 99 });
    expect(insert.error?.code).toBe('42501');
    expect(insert.error?.message).toBe(refused);
    const self = await filer.from('score_entries').insert({ round_id: roundId, unit_id: u.X2, subitem_id: subitem.compound, scorer_role: 'self', score: 99 });
    expect(self.error?.message).toBe(refused);
    const update = await reviewer.from('score_entries').update({ score: 10 }).eq('round_id', roundId).eq('unit_id', u.Y1!);
    expect(update.error?.message).toBe(refused);
    const remove = await reviewer.from('score_entries').delete().eq('round_id', roundId).eq('unit_id', u.Y1!);
    expect(remove.error?.message).toBe(refused);
    const veto = await reviewer.from('veto_findings').update({ found: true }).eq('round_id', roundId).eq('unit_id', u.X2!);
    expect(veto.error?.code).toBe('42501');
    expect(veto.error?.message).toBe('本轮结果已通报，一票否决事项不能再改');
    const newVeto = await office.from('veto_findings').insert({ round_id: roundId, unit_id: u.X1, veto_id: vetoId, found: true });
    expect(newVeto.error?.code).toBe('42501');

    expect((await q<{ n: number }>("select count(*)::int as n from public.score_entries where round_id = $1 and unit_id = $2 and score = 76", [roundId, u.Y1]))[0]!.n).toBe(1);
    // Recomputing finds nothing to change.
    expect((await office.rpc('recompute_grades', { p_round_id: roundId })).error).toBeNull();
    expect(await stored()).toEqual(before);
  });
});
