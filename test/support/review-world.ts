// A street of its own for long-term review tests: a community with compounds X1–X4, its office,
// reviewer and filer, a campaign (walked through its phases by advanceTo) with a published
// standard whose compound level is one 100-point sub-item, and round() to open, score and
// publish a round as the office and the reviewer would.
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { createUser, signedIn, superuser } from './clients.ts';

const LEVELS = ['street', 'community', 'compound', 'building', 'business_district', 'social_org'] as const;
export const REVIEW_PASSWORD = 'review-pass-123';

export async function createReviewWorld() {
  const run = `${process.pid}${Date.now().toString(36)}`;
  const db: pg.Client = await superuser();
  const q = async <T,>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];
  const streetId = (await q<{ id: number }>("insert into public.units (kind, name) values ('street', $1) returning id::int", [`复评街道-${run}`]))[0]!.id;
  const community = (await q<{ id: number }>("insert into public.units (kind, name, parent_id) values ('community', $1, $2) returning id::int", [`复评社区-${run}`, streetId]))[0]!.id;
  const x: Record<string, number> = {};
  for (const key of ['X1', 'X2', 'X3', 'X4']) {
    x[key] = (await q<{ id: number }>("insert into public.units (kind, name, parent_id) values ('compound', $1, $2) returning id::int", [`${key}-${run}`, community]))[0]!.id;
  }
  const emails: Record<string, string> = {};
  for (const [role, unit] of [['street_office', streetId], ['reviewer', streetId], ['community_filer', community]] as const) {
    emails[role] = `${role}.${run}@review.local`;
    const id = await createUser(db, emails[role], REVIEW_PASSWORD, role);
    await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [id, unit, role]);
  }
  const office: SupabaseClient = await signedIn(emails.street_office!, REVIEW_PASSWORD);
  const reviewer: SupabaseClient = await signedIn(emails.reviewer!, REVIEW_PASSWORD);
  const filer: SupabaseClient = await signedIn(emails.community_filer!, REVIEW_PASSWORD);

  const { data: campaign, error } = await office.from('campaigns')
    .insert({ street_id: streetId, name: '复评测试行动', start_year: 2026, end_year: 2029, filing_opens_on: '2026-11-01', filing_closes_on: '2027-02-28' })
    .select('id, instance_id').single();
  if (error) throw new Error(error.message);
  const campaignId: number = campaign.id;
  const instanceId: number = campaign.instance_id;
  const versionId: number = (await office.from('standard_versions').insert({ campaign_id: campaignId, year: 2026 }).select('id').single()).data!.id;
  let compoundSub = 0;
  for (const [n, level] of LEVELS.entries()) {
    const { data: item } = await office.from('standard_items').insert({ version_id: versionId, level, number: n + 1, goal: `${level} 目标` }).select('id').single();
    const { data: sub } = await office.from('standard_subitems').insert({ item_id: item!.id, content: `${level} 细则`, points: 100 }).select('id').single();
    if (level === 'compound') compoundSub = sub!.id;
  }
  const published = await office.rpc('publish_standard', { p_version_id: versionId });
  if (published.error) throw new Error(published.error.message);

  /** Advances the campaign, as its office, until it is in the phase. */
  async function advanceTo(phase: string) {
    for (;;) {
      const [row] = await q<{ state: string; revision: number }>('select state, revision from public.workflow_instances where id = $1', [instanceId]);
      if (row!.state === phase) return;
      const { error: fired } = await office.rpc('fire_event', { p_instance_id: instanceId, p_event: 'advance', p_expected_revision: row!.revision, p_payload: {} });
      if (fired) throw new Error(fired.message);
    }
  }

  /** Opens a round, has the reviewer score the compounds given, and publishes it. */
  async function round(kind: string, year: number, scores: Record<string, number>, rectifyDays?: number): Promise<number> {
    const { data, error: opened } = await office.from('score_rounds').insert({ campaign_id: campaignId, kind, year, version_id: versionId }).select('id').single();
    if (opened) throw new Error(opened.message);
    for (const [key, score] of Object.entries(scores)) {
      const res = await reviewer.from('score_entries').insert({ round_id: data.id, unit_id: x[key], subitem_id: compoundSub, scorer_role: 'reviewer', score });
      if (res.error) throw new Error(res.error.message);
    }
    const done = await office.rpc('publish_round', { p_round_id: data.id, ...(rectifyDays ? { p_rectify_days: rectifyDays } : {}) });
    if (done.error) throw new Error(done.error.message);
    return data.id;
  }

  return { db, q, streetId, campaignId, versionId, x, emails, office, reviewer, filer, advanceTo, round };
}
