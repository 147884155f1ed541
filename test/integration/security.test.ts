// The attacks of the security review, each as the attacker would try it: a demo account's own
// token against the API, no screens. Each asserts, in the database, that nothing was written,
// and that the answer tells nothing about another street.
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signedIn, stack, superuser, uniqueEmail } from '../support/clients.ts';

const PASSWORD = 'security-pass-1';
const RLS = (table: string) => ({ code: '42501', message: `new row violates row-level security policy for table "${table}"` });

// The demo (supabase/seed.sql): street 1 with community 101 (compounds 1001–1004) and its
// published 2026 standard (version 1) and self-check round 1; street 2 with community 201.
const S1 = 1, S2 = 2, C101 = 101, C201 = 201, ROUND_S1 = 1, VERSION_S1 = 1;

let db: pg.Client;
let office1: SupabaseClient, office2: SupabaseClient, filer1: SupabaseClient;
// A veto of street 2's standard (a draft version of its own: published ones take no new rows).
let vetoS2: number;

async function one<T>(sql: string, params: unknown[] = []): Promise<T> {
  return (await db.query(sql, params)).rows[0] as T;
}
/** A checksum of every row of the tables: equal before and after means nothing changed. */
async function checksum(...tables: string[]): Promise<string> {
  const parts = [];
  for (const t of tables) parts.push((await one<{ sum: string | null }>(`select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as sum from ${t} x`)).sum);
  return parts.join('|');
}
const pick = (error: { code?: string; message?: string } | null) => (error ? { code: error.code, message: error.message } : null);

beforeAll(async () => {
  db = await superuser();
  office1 = await signedIn('office.s1@demo.local');
  office2 = await signedIn('office.s2@demo.local');
  filer1 = await signedIn('filer.c1@demo.local');
  const version = await one<{ id: number }>(
    "insert into public.standard_versions (campaign_id, year) select id, 2040 from public.campaigns where street_id = $1 returning id", [S2]);
  vetoS2 = (await one<{ id: number }>("insert into public.standard_vetoes (version_id, level, content) values ($1, 'community', '街道二的否决') returning id", [version.id])).id;
});
afterAll(async () => {
  await db.query('delete from public.standard_versions where id = (select version_id from public.standard_vetoes where id = $1)', [vetoS2]);
  await db.end();
});

describe('identity', () => {
  it('a user cannot change their own email to one an office is about to invite, and so cannot take the invitation', async () => {
    const filerEmail = uniqueEmail('filer');
    const filerId = await createUser(db, filerEmail, PASSWORD, '填报员');
    await db.query("insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'community_filer')", [filerId, C101]);
    const filer = await signedIn(filerEmail, PASSWORD);
    const target = uniqueEmail('future.reviewer');

    await filer.auth.updateUser({ email: target });
    const after = await one<{ email: string }>('select email from auth.users where id = $1', [filerId]);
    expect(after.email).toBe(filerEmail);

    const invited = await office1.rpc('invite_member', { p_email: target, p_full_name: '新评审', p_password: 'initial-pass-1', p_unit_id: S1, p_role: 'reviewer' });
    expect(invited.error).toBeNull();
    expect((await filer.rpc('my_invitations')).data).toEqual([]);
    expect(pick((await filer.rpc('accept_invitation', { p_invitation_id: invited.data })).error)).toEqual({ code: '42501', message: '邀请不存在或已处理' });
    const roles = await db.query('select role from public.memberships where user_id = $1', [filerId]);
    expect(roles.rows).toEqual([{ role: 'community_filer' }]);
    // The invitation is the address's: the account the office made for it accepts with the initial password.
    const invitee = await signedIn(target, 'initial-pass-1');
    expect((await invitee.rpc('accept_invitation', { p_invitation_id: invited.data })).error).toBeNull();
    expect((await db.query('select m.role from public.memberships m join auth.users u on u.id = m.user_id where u.email = $1', [target])).rows).toEqual([{ role: 'reviewer' }]);
  });

  it("inviting another street's account attaches nothing, reads nothing, and answers as for an unknown address", async () => {
    const before = await checksum('public.memberships');
    const known = await office1.rpc('invite_member', { p_email: 'office.s2@demo.local', p_full_name: '某人', p_password: 'initial-pass-1', p_unit_id: S1, p_role: 'reviewer' });
    const unknown = await office1.rpc('invite_member', { p_email: uniqueEmail('nobody'), p_full_name: '某人', p_password: 'initial-pass-1', p_unit_id: S1, p_role: 'reviewer' });
    expect([known.error, known.status, typeof known.data]).toEqual([null, 200, 'number']);
    expect([unknown.error, unknown.status, typeof unknown.data]).toEqual([null, 200, 'number']);
    // A short password is refused the same way for both.
    const shortKnown = await office1.rpc('invite_member', { p_email: 'office.s2@demo.local', p_full_name: '某人', p_password: 'short', p_unit_id: C101, p_role: 'community_filer' });
    const shortUnknown = await office1.rpc('invite_member', { p_email: uniqueEmail('nobody'), p_full_name: '某人', p_password: 'short', p_unit_id: C101, p_role: 'community_filer' });
    expect(pick(shortKnown.error)).toEqual(pick(shortUnknown.error));
    expect(await checksum('public.memberships')).toBe(before);
    const s2Profile = await office1.from('profiles').select('id').eq('email', 'office.s2@demo.local');
    expect(s2Profile.data).toEqual([]);
    // The office sees both as pending, alike.
    const pending = await office1.from('member_invitations').select('id, status').in('id', [known.data, unknown.data]);
    expect(pending.data!.map((r) => r.status)).toEqual(['pending', 'pending']);
    // Declined by its owner, it never becomes a membership.
    expect((await office2.rpc('decline_invitation', { p_invitation_id: known.data })).error).toBeNull();
    expect(await checksum('public.memberships')).toBe(before);
  });

  it('the office cannot insert memberships itself, nor name who granted one', async () => {
    const victim = await createUser(db, uniqueEmail('victim'), PASSWORD);
    const before = await checksum('public.memberships');
    const { error } = await office1.from('memberships').insert({ user_id: victim, unit_id: C101, role: 'community_filer', created_by: victim });
    expect(error?.code).toBe('42501');
    expect(await checksum('public.memberships')).toBe(before);
  });

  it("a banned user's access token is refused by PostgREST, not just shown nothing", async () => {
    const email = uniqueEmail('banned');
    const id = await createUser(db, email, PASSWORD);
    await db.query("insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'community_filer')", [id, C101]);
    const c = await signedIn(email, PASSWORD);
    expect((await c.from('units').select('id').limit(1)).error).toBeNull();
    expect((await office1.rpc('set_user_disabled', { p_user_id: id, p_disabled: true })).error).toBeNull();
    const refused = await c.from('units').select('id').limit(1);
    expect(refused.status).toBe(403);
    expect(pick(refused.error)).toEqual({ code: '42501', message: 'User is banned' });
    expect((await c.rpc('my_invitations')).status).toBe(403);
  });
});

describe('ids and files', () => {
  it('no client picks a unit id, so a deleted unit id is never handed to another street', async () => {
    const before = await checksum('public.units');
    const { error } = await office2.from('units').insert({ id: 1001, kind: 'compound', name: '冒用的小区', parent_id: C201 });
    expect(error?.code).toBe('42501');
    const free = await office2.from('units').insert({ id: 987654321, kind: 'compound', name: '自选编号', parent_id: C201 });
    expect(free.error?.code).toBe('42501');
    expect(await checksum('public.units')).toBe(before);
  });

  it("a unit with evidence is not deleted: its files and their rows stay, and another street cannot reach them", async () => {
    const { data: unit } = await office1.from('units').insert({ kind: 'compound', name: `有佐证的小区-${Date.now()}`, parent_id: C101 }).select('id').single();
    const path = `${unit!.id}/2026/photo.png`;
    const up = await office1.storage.from('evidence').upload(path, new Blob([Buffer.from('\x89PNG\r\n\x1a\nevidence')], { type: 'image/png' }));
    expect(up.error).toBeNull();

    const del = await office1.from('units').delete().eq('id', unit!.id).select('id');
    expect(del.error?.code).toBe('23503');
    expect(del.error?.message).toMatch(/已有评分佐证材料，不能删除/);
    expect((await db.query('select 1 from public.units where id = $1', [unit!.id])).rowCount).toBe(1);
    expect((await db.query("select 1 from storage.objects where bucket_id = 'evidence' and name = $1", [path])).rowCount).toBe(1);
    const download = await office1.storage.from('evidence').download(path);
    expect(download.error).toBeNull();
    expect((await office2.storage.from('evidence').list(String(unit!.id))).data ?? []).toEqual([]);

    // Without its evidence the unit goes, and takes nothing else with it.
    expect((await office1.storage.from('evidence').remove([path])).error).toBeNull();
    const gone = await office1.from('units').delete().eq('id', unit!.id).select('id');
    expect(gone.error).toBeNull();
    expect(gone.data).toHaveLength(1);
  });

  it("a moved unit's evidence moves with it: the new community's filer reads it, the old one's no longer", async () => {
    const { data: unit } = await office1.from('units').insert({ kind: 'compound', name: `搬迁的小区-${Date.now()}`, parent_id: C101 }).select('id').single();
    const path = `${unit!.id}/2026/plan.pdf`;
    expect((await office1.storage.from('evidence').upload(path, new Blob(['%PDF-1.7\nmoved\n%%EOF\n'], { type: 'application/pdf' }))).error).toBeNull();
    const filer2 = await signedIn('filer.c2@demo.local');
    const row = async () => (await db.query("select id, name, owner_id from storage.objects where bucket_id = 'evidence' and name = $1", [path])).rows;
    const before = await row();
    expect((await filer1.storage.from('evidence').download(path)).error).toBeNull();
    expect((await filer2.storage.from('evidence').download(path)).error).not.toBeNull();

    expect((await office1.from('units').update({ parent_id: 102 }).eq('id', unit!.id)).error).toBeNull();
    expect(await row()).toEqual(before);
    expect((await filer2.storage.from('evidence').download(path)).error).toBeNull();
    expect((await filer1.storage.from('evidence').download(path)).error).not.toBeNull();
    await office1.storage.from('evidence').remove([path]);
    await office1.from('units').delete().eq('id', unit!.id);
  });
});

describe('street 2 writes nothing into street 1', () => {
  it("scores and veto findings for its own unit in street 1's round are refused, and the round's totals stay", async () => {
    const subitem = await one<{ id: number }>('select id from public.standard_subitems where version_id = $1 order by id limit 1', [VERSION_S1]);
    const before = await checksum('public.score_entries', 'public.veto_findings', 'public.score_means', 'public.unit_totals');

    const score = await office2.from('score_entries').insert({ round_id: ROUND_S1, unit_id: C201, subitem_id: subitem.id, scorer_role: 'reviewer', score: 1 });
    expect(pick(score.error)).toEqual(RLS('score_entries'));
    const veto = await office2.from('veto_findings').insert({ round_id: ROUND_S1, unit_id: C201, veto_id: vetoS2, found: true });
    expect(pick(veto.error)).toEqual(RLS('veto_findings'));
    // Street 1's own reviewer cannot record street 2's veto in street 1's round either.
    const reviewer = await signedIn('reviewer.s1@demo.local');
    const foreignVeto = await reviewer.from('veto_findings').insert({ round_id: ROUND_S1, unit_id: C101, veto_id: vetoS2, found: true });
    expect(pick(foreignVeto.error)).toEqual(RLS('veto_findings'));
    expect(await checksum('public.score_entries', 'public.veto_findings', 'public.score_means', 'public.unit_totals')).toBe(before);
  });
});

describe('server-set columns', () => {
  it('actors are the caller: found_by and scorer_id cannot be named, and are set by the database', async () => {
    const reviewer = await signedIn('reviewer.s1@demo.local');
    const forged = await reviewer.from('score_entries').insert({
      round_id: ROUND_S1, unit_id: 1001, subitem_id: (await one<{ id: number }>("select s.id from public.standard_subitems s join public.standard_items i on i.id = s.item_id where s.version_id = $1 and i.level = 'compound' order by s.id limit 1", [VERSION_S1])).id,
      scorer_role: 'reviewer', score: 0, scorer_id: '00000000-0000-4000-a000-000000000101',
    });
    expect(forged.error?.code).toBe('42501');
    expect(forged.error?.message).toMatch(/permission denied/);
    const found = await office2.from('veto_findings').insert({ round_id: ROUND_S1, unit_id: C201, veto_id: vetoS2, found: true, found_by: '00000000-0000-4000-a000-000000000101' });
    expect(found.error?.code).toBe('42501');
  });

  it("statuses belong to the functions: a standard is not inserted published, a round not inserted published", async () => {
    const campaign = await one<{ id: number }>('select id from public.campaigns where street_id = $1', [S1]);
    const before = await checksum('public.standard_versions', 'public.score_rounds');
    const version = await office1.from('standard_versions').insert({ campaign_id: campaign.id, year: 2031, status: 'published', published_at: new Date().toISOString() });
    expect(version.error?.code).toBe('42501');
    const round = await office1.from('score_rounds').insert({ campaign_id: campaign.id, kind: 'self_check', year: 2031, version_id: VERSION_S1, published_at: new Date().toISOString() });
    expect(round.error?.code).toBe('42501');
    expect(await checksum('public.standard_versions', 'public.score_rounds')).toBe(before);
  });

  it('a sub-item cannot be slipped into a published version through a draft', async () => {
    const campaign = await one<{ id: number }>('select id from public.campaigns where street_id = $1', [S1]);
    const { data: draft, error } = await office1.from('standard_versions').insert({ campaign_id: campaign.id, year: 2032 }).select('id').single();
    expect(error).toBeNull();
    const publishedItem = await one<{ id: number }>('select id from public.standard_items where version_id = $1 order by id limit 1', [VERSION_S1]);
    const before = await checksum('public.standard_subitems');
    const slipped = await office1.from('standard_subitems').insert({ item_id: publishedItem.id, version_id: draft!.id, content: '偷塞的细则', points: 1 });
    expect(slipped.error?.code).toBe('42501');
    const plain = await office1.from('standard_subitems').insert({ item_id: publishedItem.id, content: '偷塞的细则', points: 1 });
    expect(plain.error?.message).toMatch(/已发布的标准不能修改/);
    expect(await checksum('public.standard_subitems')).toBe(before);
    await db.query('delete from public.standard_versions where id = $1', [draft!.id]);
  });
});

describe('out of scope is answered as missing, whatever the row', () => {
  it("a street-1 sub-item's points are not told to street 2", async () => {
    const subitem = await one<{ id: number }>('select id from public.standard_subitems where version_id = $1 order by id limit 1', [VERSION_S1]);
    const foreign = await office2.from('score_entries').insert({ round_id: ROUND_S1, unit_id: 1001, subitem_id: subitem.id, scorer_role: 'reviewer', score: 99 });
    const missing = await office2.from('score_entries').insert({ round_id: 999999, unit_id: 999999, subitem_id: 999999, scorer_role: 'reviewer', score: 99 });
    expect(pick(foreign.error)).toEqual(RLS('score_entries'));
    expect(pick(missing.error)).toEqual(RLS('score_entries'));
  });

  it("street 1's campaign phase is not told to street 2", async () => {
    const campaign = await one<{ id: number }>('select id from public.campaigns where street_id = $1', [S1]);
    const foreign = await office2.from('score_rounds').insert({ campaign_id: campaign.id, kind: 'pre_acceptance', year: 2026, version_id: VERSION_S1 });
    const missing = await office2.from('score_rounds').insert({ campaign_id: 999999, kind: 'pre_acceptance', year: 2026, version_id: VERSION_S1 });
    expect(pick(foreign.error)).toEqual(RLS('score_rounds'));
    expect(pick(missing.error)).toEqual(RLS('score_rounds'));
  });

  it("the kind of street 1's units is not told to street 2", async () => {
    const foreign = await office2.from('units').insert({ kind: 'community', name: '试探', parent_id: C101 });
    const missing = await office2.from('units').insert({ kind: 'community', name: '试探', parent_id: 999999 });
    expect(pick(foreign.error)).toEqual(RLS('units'));
    expect(pick(missing.error)).toEqual(RLS('units'));
  });

  it("a street-1 key task's cadence and its lead offices are not told to street 2", async () => {
    const task = await one<{ id: number }>('select id from public.key_tasks where street_id = $1 and cadence is null order by id limit 1', [S1]);
    const report = await office2.from('key_task_reports').insert({ task_id: task.id, period: '2026-01-01', note: '试探' });
    const missingReport = await office2.from('key_task_reports').insert({ task_id: 999999, period: '2026-01-01', note: '试探' });
    expect(pick(report.error)).toEqual(RLS('key_task_reports'));
    expect(pick(missingReport.error)).toEqual(RLS('key_task_reports'));
    const office = await one<{ id: number }>('select id from public.campaign_member_offices where street_id = $1 order by id limit 1', [S2]);
    const lead = await office2.from('key_task_leads').insert({ task_id: task.id, office_id: office.id });
    expect(pick(lead.error)).toEqual(RLS('key_task_leads'));
  });

  it('planner estimates of other scopes\' rows are not handed out', async () => {
    const planned = await filer1.from('units').select('id', { count: 'planned' }).limit(1);
    expect(planned.status).toBe(400);
    expect(planned.error?.message).toMatch(/count=exact/);
    const exact = await filer1.from('units').select('id', { count: 'exact' }).limit(1);
    expect(exact.error).toBeNull();
    expect(exact.count).toBe((await one<{ n: number }>('select count(*)::int as n from public.units where community_id = $1 or id = $2', [C101, S1])).n);
  });
});

describe('CORS', () => {
  it("a REST response carries no Access-Control-Allow-Origin for an origin the gateway refuses", async () => {
    const { apiUrl, anonKey } = stack();
    const res = await fetch(`${apiUrl}/rest/v1/units?select=id&limit=1`, { headers: { apikey: anonKey, origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
