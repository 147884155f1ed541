// Faults and bad input, against the real stack through the gateway, as real users (tokens from
// the auth server), and in SQL as each database role:
// - concurrency: 50 clients fire on one instance at the same expected revision; one wins, 49 are
//   told someone acted first (WF005), the log gains one row, nothing else changes;
// - bad input: well over 1,000 malformed requests, generated as a table of endpoints (the tables
//   the admin writes, and the workflow functions) × mutations (wrong types, missing fields, huge
//   strings, unknown columns, SQL in strings, foreign ids, forged and expired tokens, malformed
//   JSON and headers): none answers 5xx, each is refused with a JSON error that has a message,
//   and no table of any schema changes (row counts and checksums, the event log among them);
// - audit: the event log and the form snapshots refuse update, delete and truncate for every
//   role, through PostgREST and in SQL, the table owner (postgres) and the superuser included.
import type { SupabaseClient } from '@supabase/supabase-js';
import { SignJWT, decodeJwt } from 'jose';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, tableFigures } from '../support/figures.ts';
import { serviceClient, signedIn, stack, superuser } from '../support/clients.ts';
import { createMember } from '../support/users.ts';

const PASSWORD = 'faults-pass-123';
const run = `${process.pid}${Date.now().toString(36)}`;
const db: pg.Client = await superuser();
afterAll(async () => {
  await db.end();
});

const one = async <T,>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0] as T;
const addUnit = async (kind: string, name: string, parent: number | null) =>
  (await one<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [kind, `${name}-${run}`, parent])).id;
async function member(prefix: string, memberships: [unit: number, role: string][]): Promise<{ id: string; email: string; client: SupabaseClient; token: string }> {
  const email = `${prefix}.${run}@faults.local`;
  const id = await createMember(db, email, PASSWORD, memberships.map(([unit, role]) => ({ unit, role })), prefix);
  const client = await signedIn(email, PASSWORD);
  return { id, email, client, token: (await client.auth.getSession()).data.session!.access_token };
}

/**
 * The stack's scheduler acts on whatever timer falls due, every minute, whoever made it: before a
 * check that nothing was written (a few seconds of requests), act on what is due and wait out any
 * timer due in the next minute, so that what changes is the requests' alone.
 */
async function quietTimers(): Promise<void> {
  for (;;) {
    await db.query('select private.run_due_timers()');
    const { wait } = await one<{ wait: number | null }>(
      `select extract(epoch from min(due_at) - now())::float8 as wait from public.workflow_timers
       where done_at is null and cancelled_at is null and due_at < now() + interval '1 minute'`,
    );
    if (wait === null) return;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait * 1000) + 100));
  }
}

/** Runs fn over items, at most `limit` at a time. */
async function bounded<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!);
      }
    }),
  );
  return results;
}

// ---------------------------------------------------------------------------------------------
describe('concurrency: 50 clients fire on one instance at once', () => {
  it('one succeeds, 49 get the stale-revision error (WF005), the log gains one row, nothing else changes', async () => {
    const street = await addUnit('street', '并发街道', null);
    const community = await addUnit('community', '并发社区', street);
    // 25 street offices and 25 community filers: both roles may cancel a draft.
    const clients = await bounded(Array.from({ length: 50 }, (_, i) => i), 8, (i) =>
      i % 2 ? member(`race-office${i}`, [[street, 'street_office']]) : member(`race-filer${i}`, [[community, 'community_filer']]),
    );
    const started = await clients[0]!.client.rpc('start_workflow', { p_workflow: 'sample', p_subject_unit_id: community, p_form: { title: '并发' } });
    expect(started.error).toBeNull();
    const id = (started.data as { id: number }).id;
    await quietTimers();
    const before = await tableFigures(db);
    const logBefore = await one<{ n: number }>('select count(*)::int as n from public.workflow_events');

    // Every request is built first, then all are sent in the same tick.
    const results = await Promise.all(
      clients.map((c, i) => c.client.rpc('fire_event', { p_instance_id: id, p_event: 'cancel', p_expected_revision: 0, p_payload: { comment: `客户端 ${i}` } })),
    );

    const winners = results.map((r, i) => [r, i] as const).filter(([r]) => r.error === null);
    expect(winners).toHaveLength(1);
    const losers = results.filter((r) => r.error !== null);
    expect(losers.map((r) => r.error!.code)).toEqual(Array(49).fill('WF005'));
    for (const r of losers) expect(JSON.parse(r.error!.details)).toMatchObject({ expected: 0, current: 1, state: 'cancelled' });
    const winner = winners[0]![1];

    // Exactly one new log row, the winner's; the instance moved once; no other table changed.
    expect((await one<{ n: number }>('select count(*)::int as n from public.workflow_events')).n).toBe(logBefore.n + 1);
    const log = (await db.query('select event, from_state, to_state, comment, actor_id from public.workflow_events where instance_id = $1 order by id', [id])).rows;
    expect(log).toEqual([
      { event: 'start', from_state: null, to_state: 'draft', comment: null, actor_id: clients[0]!.id },
      { event: 'cancel', from_state: 'draft', to_state: 'cancelled', comment: `客户端 ${winner}`, actor_id: clients[winner]!.id },
    ]);
    expect(await one('select state, revision, form from public.workflow_instances where id = $1', [id])).toEqual({ state: 'cancelled', revision: 1, form: { title: '并发' } });
    // (and the draft's deadline, the sample's 30 days, cancelled with the state it served)
    expect(Object.keys(changedTables(before, await tableFigures(db))).sort()).toEqual(['public.workflow_events', 'public.workflow_instances', 'public.workflow_timers']);
    expect((await db.query('select kind, cancelled_at is not null as cancelled from public.workflow_timers where instance_id = $1', [id])).rows).toEqual([{ kind: 'due', cancelled: true }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Bad input.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Kind = 'int' | 'numeric' | 'date' | 'enum' | 'uuid' | 'bool' | 'text' | 'json';
type Category =
  | 'wrong type'
  | 'missing field'
  | 'huge string'
  | 'unknown column'
  | 'SQL in strings'
  | 'foreign ids'
  | 'forged or expired token'
  | 'anon'
  | 'malformed JSON or headers'
  | 'engine tables';
type UserKey = 'office' | 'reviewer' | 'filer' | 'filerC2' | 'officeS2' | 'applicant' | 'stranger';

interface Target {
  name: string;
  method: 'POST' | 'PATCH' | 'DELETE';
  /** table name, or rpc/function */
  path: string;
  /** PostgREST filter for PATCH and DELETE, and the same in SQL for the baseline check */
  filter?: { rest: string; sql: string };
  as: UserKey;
  body?: Record<string, Json>;
  /** each body key's kind, and for text its length limit */
  kinds: Record<string, Kind | { text: number }>;
  required?: string[];
  /** users who hold no right here: the baseline as them must be refused (or see nothing) */
  foreignUsers?: UserKey[];
  /** the baseline with an id of another street or community in place of one of its own */
  foreignBodies?: Record<string, Json>[];
  /** extra refused bodies of this endpoint's own (payload and form rules) */
  extra?: { category: Category; body: Json; note: string }[];
}

interface Case {
  category: Category;
  target: string;
  note: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** not refused by design, but nothing done: 2xx and no row (or refused). Says why. */
  noRow?: string;
}

const SQL_STRINGS = [
  "1; drop table public.units; --",
  "1' or '1'='1",
  "') ; truncate public.workflow_events cascade; --",
  '$$; delete from auth.users; $$',
];
const HUGE = 'x'.repeat(256 * 1024);

function wrongTypes(kind: Kind): Json[] {
  switch (kind) {
    case 'int':
      return ['abc', 1.5, true, {}, [1], '', 1e20];
    case 'numeric':
      return ['abc', true, {}, [1], ''];
    case 'date':
      return ['not a date', '2026-02-30', '2026-13-01', true, {}, [2026]];
    case 'enum':
      return ['no_such_value', 5, true, {}, ''];
    case 'uuid':
      return ['not-a-uuid', 5, true, {}, '00000000-0000-0000-0000-00000000000g'];
    case 'bool':
      return ['maybe', 5, {}, [true]];
    default:
      return [];
  }
}

describe('bad input: generated malformed requests at the REST endpoints and the workflow functions', () => {
  const users = {} as Record<UserKey, { id: string; token: string }>;
  const targets: Target[] = [];
  let before: Awaited<ReturnType<typeof tableFigures>>;
  let logBefore: number;
  let cases: Case[] = [];
  const results: { c: Case; status: number; body: string; type: string }[] = [];
  let fullAcceptance = 0;
  afterAll(async () => {
    if (!fullAcceptance) return;
    await db.query('delete from public.acceptance_recommendations where round_id = $1', [fullAcceptance]);
    await db.query('delete from public.unit_grades where round_id = $1', [fullAcceptance]);
    await db.query('delete from public.score_rounds where id = $1', [fullAcceptance]);
  });

  beforeAll(async () => {
    // Demo accounts (street 1's office, reviewer and filers of communities 101 and 102, street
    // 2's office), and users of this test: a filer of a community of its own with an application
    // in its draft, and a member (filer of 102) for the membership and account endpoints.
    const demo = async (email: string) => {
      const client = await signedIn(email);
      const token = (await client.auth.getSession()).data.session!.access_token;
      return { id: decodeJwt(token).sub!, token };
    };
    users.office = await demo('office.s1@demo.local');
    users.reviewer = await demo('reviewer.s1@demo.local');
    users.filer = await demo('filer.c1@demo.local');
    users.filerC2 = await demo('filer.c2@demo.local');
    users.officeS2 = await demo('office.s2@demo.local');
    const community = await addUnit('community', '故障社区', 1);
    users.applicant = await member('applicant', [[community, 'community_filer']]);
    const stranger = await member('stranger', [[102, 'community_filer']]);
    users.stranger = stranger;
    const compound = await addUnit('compound', '故障小区', community);
    const deletable = await addUnit('compound', '可删小区', 101);

    const campaign = await one<{ id: number; name: string; start_year: number; end_year: number; filing_opens_on: string; filing_closes_on: string }>(
      `select id::int, name, start_year, end_year, filing_opens_on::text, filing_closes_on::text from public.campaigns where street_id = 1`,
    );
    const campaign2 = await one<{ id: number }>('select id::int from public.campaigns where street_id = 2');
    const phase = await one<{ starts_on: string; ends_on: string | null }>(`select starts_on::text, ends_on::text from public.campaign_phases where campaign_id = $1 and phase = 'plan'`, [campaign.id]);
    const task2 = await one<{ id: number }>('select id::int from public.key_tasks where street_id = 2 order by id limit 1');
    const target1 = await one<{ id: number }>('select id::int from public.campaign_targets where campaign_id = $1 order by id limit 1', [campaign.id]);
    const round = await one<{ id: number; version_id: number }>(`select id::int, version_id::int from public.score_rounds where street_id = 1 and kind = 'self_check' order by id limit 1`);
    const subitem = await one<{ id: number }>('select id::int from public.standard_subitems where version_id = $1 order by id limit 1', [round.version_id]);
    const invitation = await one<{ id: number }>(
      "insert into public.member_invitations (email, full_name, unit_id, role) values ($1, 'stranger', 103, 'community_filer') returning id::int", [stranger.email],
    );
    const strangerMembership = await one<{ id: number }>('select id::int from public.memberships where user_id = $1', [users.stranger.id]);
    const seal = await one<{ image: string }>('select image from public.street_seals where street_id = 1');

    // The workflow functions: a sample instance of community 101 in its draft (the filer may
    // cancel it), and an application of this test's community in its draft.
    const filerClient = await signedIn('filer.c1@demo.local');
    const started = await filerClient.rpc('start_workflow', { p_workflow: 'sample', p_subject_unit_id: 101, p_form: {} });
    if (started.error) throw new Error(`start_workflow: ${started.error.message}`);
    const sample = (started.data as { id: number }).id;
    const foreignInstance = await one<{ id: number }>(`select id::int from public.workflow_instances where community_id = 102 order by id limit 1`);
    const street2Instance = await one<{ id: number }>(`select id::int from public.workflow_instances where street_id = 2 order by id limit 1`);
    const application = await one<{ id: number; form_schema: { properties: Record<string, Record<string, Json>> } }>(
      `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form)
       select d.workflow, d.version, d.initial_state, u.id, u.street_id, u.community_id, '{}'
         from public.workflow_definitions d, public.units u
        where d.workflow = 'application' and u.id = $1 order by d.version desc limit 1
       returning id::int, (select form_schema from public.workflow_definitions d where d.workflow = 'application' and d.version = workflow_instances.version)`,
      [community],
    );
    const compoundOf102 = await one<{ id: number }>(`select id::int from public.units where parent_id = 102 and kind = 'compound' order by id limit 1`);
    // 择优推选 needs a published full acceptance with the unit at demonstration: a round of street
    // 1's campaign written past its phase gate (the demo campaign is in its plan phase), taken
    // out again after this file.
    await db.query('begin');
    await db.query('set local session_replication_role = replica');
    fullAcceptance = (await one<{ id: number }>(
      `insert into public.score_rounds (campaign_id, street_id, kind, year, version_id, published_at)
       values ($1, 1, 'full_acceptance', 2099, $2, now()) returning id::int`, [campaign.id, round.version_id],
    )).id;
    await db.query('commit');
    await db.query(
      `insert into public.unit_grades (round_id, unit_id, kind, street_id, community_id, total, standard, demonstration)
       select $1, u.id, u.kind, u.street_id, u.community_id, 95, true, true from public.units u where u.id = $2`, [fullAcceptance, compound],
    );

    const ids = (n: number) => ({ rest: `id=eq.${n}`, sql: `id = ${n}` });
    targets.push(
      {
        name: 'units insert', method: 'POST', path: 'units', as: 'office',
        body: { kind: 'compound', name: `坏输入小区-${run}`, parent_id: 101, address: '青禾路 2 号' },
        kinds: { kind: 'enum', name: { text: 100 }, parent_id: 'int', address: { text: 200 } }, required: ['kind', 'name'],
        foreignUsers: ['officeS2', 'filer', 'reviewer'], foreignBodies: [{ parent_id: 201 }, { kind: 'street', parent_id: null }],
      },
      {
        name: 'units update', method: 'PATCH', path: 'units', filter: ids(compound), as: 'office',
        body: { name: `改名小区-${run}`, address: '新地址', parent_id: 102 },
        kinds: { name: { text: 100 }, address: { text: 200 }, parent_id: 'int' }, required: ['name'],
        foreignUsers: ['officeS2', 'filer', 'applicant'], foreignBodies: [{ parent_id: 201 }, { kind: 'street' }],
      },
      { name: 'units delete', method: 'DELETE', path: 'units', filter: ids(deletable), as: 'office', kinds: {}, foreignUsers: ['officeS2', 'filer', 'reviewer'] },
      {
        // Memberships come from accepted invitations: only the invitee accepts its own.
        name: 'accept invitation', method: 'POST', path: 'rpc/accept_invitation', as: 'stranger',
        body: { p_invitation_id: invitation.id }, kinds: { p_invitation_id: 'int' }, required: ['p_invitation_id'],
        foreignUsers: ['office', 'officeS2', 'filer', 'reviewer'], foreignBodies: [{ p_invitation_id: 999999999 }],
      },
      { name: 'memberships delete', method: 'DELETE', path: 'memberships', filter: ids(strangerMembership.id), as: 'office', kinds: {}, foreignUsers: ['officeS2', 'filer'] },
      {
        name: 'campaign config update', method: 'PATCH', path: 'campaigns', filter: ids(campaign.id), as: 'office',
        body: { name: campaign.name, start_year: campaign.start_year, end_year: campaign.end_year, filing_opens_on: campaign.filing_opens_on, filing_closes_on: campaign.filing_closes_on },
        kinds: { name: { text: 100 }, start_year: 'int', end_year: 'int', filing_opens_on: 'date', filing_closes_on: 'date' }, required: ['name', 'start_year', 'filing_opens_on'],
        foreignUsers: ['officeS2', 'filer', 'reviewer'], foreignBodies: [{ end_year: campaign.start_year + 11 }, { filing_closes_on: '2000-01-01' }],
      },
      {
        name: 'campaign phases update', method: 'PATCH', path: 'campaign_phases', as: 'office',
        filter: { rest: `campaign_id=eq.${campaign.id}&phase=eq.plan`, sql: `campaign_id = ${campaign.id} and phase = 'plan'` },
        body: { starts_on: phase.starts_on, ends_on: phase.ends_on }, kinds: { starts_on: 'date', ends_on: 'date' }, required: ['starts_on'],
        foreignUsers: ['officeS2', 'filer'], foreignBodies: [{ ends_on: '2000-01-01' }],
      },
      {
        name: 'campaign leaders insert', method: 'POST', path: 'campaign_leaders', as: 'office',
        body: { campaign_id: campaign.id, position: 'member', person_name: '张测试', title: '副书记', sort: 9 },
        kinds: { campaign_id: 'int', position: 'enum', person_name: { text: 50 }, title: { text: 100 }, sort: 'int' }, required: ['campaign_id', 'position', 'person_name'],
        foreignUsers: ['officeS2', 'filer'], foreignBodies: [{ campaign_id: campaign2.id }],
      },
      {
        name: 'campaign member offices insert', method: 'POST', path: 'campaign_member_offices', as: 'office',
        body: { campaign_id: campaign.id, name: `测试成员单位-${run}` }, kinds: { campaign_id: 'int', name: { text: 50 } }, required: ['campaign_id', 'name'],
        foreignUsers: ['officeS2', 'filer'], foreignBodies: [{ campaign_id: campaign2.id }],
      },
      {
        name: 'street seal update', method: 'PATCH', path: 'street_seals', filter: { rest: 'street_id=eq.1', sql: 'street_id = 1' }, as: 'office',
        body: { image: seal.image }, kinds: { image: { text: 300 * 1024 } }, required: ['image'], foreignUsers: ['officeS2', 'filer'],
        extra: [{ category: 'wrong type', body: { image: 'data:text/html;base64,PHNjcmlwdD4=' }, note: 'image: not PNG or JPEG' }],
      },
      {
        name: 'key tasks insert', method: 'POST', path: 'key_tasks', as: 'office',
        body: { campaign_id: campaign.id, year_starts_on: '2031-01-01', action: 'brand', number: 977, content: '坏输入测试任务', deadline: '2031-06-30', all_year: false, status: 'not_started' },
        kinds: { campaign_id: 'int', year_starts_on: 'date', action: 'enum', number: 'int', content: { text: 500 }, deadline: 'date', all_year: 'bool', status: 'enum' },
        required: ['campaign_id', 'year_starts_on', 'action', 'number', 'content'],
        foreignUsers: ['officeS2', 'filer', 'reviewer'], foreignBodies: [{ campaign_id: campaign2.id }, { number: 1000 }, { year_starts_on: '2031-01-02' }],
      },
      {
        name: 'key tasks update', method: 'PATCH', path: 'key_tasks', filter: ids(task2.id), as: 'officeS2',
        body: { status: 'in_progress', content: '更新的任务' }, kinds: { status: 'enum', content: { text: 500 } }, required: ['content'],
        foreignUsers: ['office', 'filer'],
      },
      {
        name: 'key task reports insert', method: 'POST', path: 'key_task_reports', as: 'officeS2',
        body: { task_id: task2.id, note: '本月进展' }, kinds: { task_id: 'int', note: { text: 2000 } }, required: ['task_id', 'note'],
        foreignUsers: ['office', 'filer'],
      },
      {
        name: 'targets insert', method: 'POST', path: 'campaign_targets', as: 'office',
        body: { campaign_id: campaign.id, due_on: '2031-12-31', unit_kind: 'community', grade: 'standard', count: 3, note: '测试目标' },
        kinds: { campaign_id: 'int', due_on: 'date', unit_kind: 'enum', grade: 'enum', count: 'int', note: { text: 200 } }, required: ['campaign_id', 'due_on', 'unit_kind', 'grade'],
        foreignUsers: ['officeS2', 'filer', 'reviewer'], foreignBodies: [{ campaign_id: campaign2.id }, { count: 0 }, { count: null, share: 1.5 }],
      },
      {
        name: 'targets update', method: 'PATCH', path: 'campaign_targets', filter: ids(target1.id), as: 'office',
        body: { note: '更新的目标' }, kinds: { note: { text: 200 } }, foreignUsers: ['officeS2', 'filer'],
        extra: [{ category: 'wrong type', body: { share: 'abc' }, note: 'share: text' }, { category: 'wrong type', body: { due_on: 'soon' }, note: 'due_on: text' }],
      },
      {
        name: 'recommendations insert', method: 'POST', path: 'acceptance_recommendations', as: 'office',
        body: { unit_id: compound, reason: '示范引领作用突出' }, kinds: { unit_id: 'int', reason: { text: 500 } }, required: ['unit_id', 'reason'],
        foreignUsers: ['officeS2', 'filer', 'reviewer'],
        foreignBodies: [{ unit_id: 201 }, { unit_id: compoundOf102.id }, { unit_id: 999999999 }, { reason: ' ' }],
        extra: [{ category: 'unknown column', body: { unit_id: compound, reason: '伪造轮次', round_id: fullAcceptance }, note: 'round_id: the server\'s' }],
      },
      {
        name: 'score rounds insert', method: 'POST', path: 'score_rounds', as: 'office',
        body: { campaign_id: campaign.id, kind: 'self_check', year: 2033, version_id: round.version_id },
        kinds: { campaign_id: 'int', kind: 'enum', year: 'int', version_id: 'int' }, required: ['campaign_id', 'kind', 'year', 'version_id'],
        foreignUsers: ['officeS2', 'filer', 'reviewer'], foreignBodies: [{ campaign_id: campaign2.id }],
      },
      {
        name: 'scores insert', method: 'POST', path: 'score_entries', as: 'applicant',
        body: { round_id: round.id, unit_id: community, subitem_id: subitem.id, scorer_role: 'self', score: 1, note: '自评' },
        kinds: { round_id: 'int', unit_id: 'int', subitem_id: 'int', scorer_role: 'enum', score: 'numeric', note: { text: 1000 } }, required: ['round_id', 'unit_id', 'subitem_id', 'score'],
        foreignUsers: ['officeS2', 'filerC2'], foreignBodies: [{ unit_id: 102 }, { unit_id: 201 }, { score: -1 }, { score: 1e9 }],
      },
      {
        name: 'profile update', method: 'PATCH', path: 'profiles', filter: { rest: `id=eq.${users.applicant.id}`, sql: `id = '${users.applicant.id}'` }, as: 'applicant',
        body: { full_name: '新名字' }, kinds: { full_name: { text: 50 } }, foreignUsers: ['filer', 'officeS2'],
      },
      {
        name: 'start workflow', method: 'POST', path: 'rpc/start_workflow', as: 'office',
        body: { p_workflow: 'sample', p_subject_unit_id: 101, p_form: { title: '新申报' } },
        kinds: { p_workflow: 'text', p_subject_unit_id: 'int', p_form: 'json' }, required: ['p_workflow', 'p_subject_unit_id'],
        foreignUsers: ['officeS2', 'reviewer', 'filerC2'], foreignBodies: [{ p_subject_unit_id: 201 }, { p_subject_unit_id: 999999999 }],
        extra: [
          ...SQL_STRINGS.map((s) => ({ category: 'SQL in strings' as const, body: { p_workflow: s, p_subject_unit_id: 101 }, note: `p_workflow ${s}` })),
          { category: 'huge string', body: { p_workflow: HUGE, p_subject_unit_id: 101 }, note: 'p_workflow 256 KB' },
          { category: 'wrong type', body: { p_workflow: 'sample', p_subject_unit_id: 101, p_form: { title: 5 } }, note: 'form title: number' },
          { category: 'unknown column', body: { p_workflow: 'sample', p_subject_unit_id: 101, p_form: { no_such_field: 1 } }, note: 'form: unknown field' },
        ],
      },
      {
        name: 'fire event', method: 'POST', path: 'rpc/fire_event', as: 'filer',
        body: { p_instance_id: sample, p_event: 'cancel', p_expected_revision: 0, p_payload: { comment: '撤销' } },
        kinds: { p_instance_id: 'int', p_event: 'text', p_expected_revision: 'int', p_payload: 'json' }, required: ['p_instance_id', 'p_event', 'p_expected_revision'],
        foreignUsers: ['filerC2', 'officeS2', 'reviewer', 'applicant'],
        foreignBodies: [{ p_instance_id: foreignInstance.id }, { p_instance_id: street2Instance.id }, { p_instance_id: 999999999 }, { p_instance_id: -1 }],
        extra: [
          ...SQL_STRINGS.map((s) => ({ category: 'SQL in strings' as const, body: { p_instance_id: sample, p_event: s, p_expected_revision: 0 }, note: `p_event ${s}` })),
          ...SQL_STRINGS.map((s) => ({ category: 'SQL in strings' as const, body: { p_instance_id: sample, p_event: 'cancel', p_expected_revision: 0, p_payload: { comment: 5, [s]: s } }, note: `payload key ${s}` })),
          { category: 'huge string', body: { p_instance_id: sample, p_event: HUGE, p_expected_revision: 0 }, note: 'p_event 256 KB' },
          { category: 'huge string', body: { p_instance_id: sample, p_event: 'cancel', p_expected_revision: 0, p_payload: { comment: HUGE } }, note: 'payload comment 256 KB' },
          ...[{ comment: 5 }, { comment: ['x'] }, { comment: {} }, { comment: true }, 'cancel', [], 5, true].map((p) => ({
            category: 'wrong type' as const, body: { p_instance_id: sample, p_event: 'cancel', p_expected_revision: 0, p_payload: p } as Json, note: `payload ${JSON.stringify(p)}`,
          })),
          ...[1, 7, -1, null, 2 ** 31].map((r) => ({ category: 'wrong type' as const, body: { p_instance_id: sample, p_event: 'cancel', p_expected_revision: r }, note: `stale or impossible revision ${r}` })),
          ...['no_such_event', '', 'CANCEL', ' cancel', 'submit'].map((e) => ({ category: 'wrong type' as const, body: { p_instance_id: sample, p_event: e, p_expected_revision: 0 }, note: `event ${JSON.stringify(e)}` })),
          { category: 'unknown column', body: { p_instance_id: sample, p_event: 'cancel', p_expected_revision: 0, p_payload: { comment: 'x', unknown: 1 } }, note: 'payload: unknown key' },
        ],
      },
      {
        name: 'save application form', method: 'POST', path: 'rpc/save_workflow_form', as: 'applicant',
        body: { p_instance_id: application.id, p_form: { measures: '坚持党建引领' }, p_expected_form_revision: 0 },
        kinds: { p_instance_id: 'int', p_form: 'json', p_expected_form_revision: 'int' }, required: ['p_instance_id', 'p_form'],
        foreignUsers: ['filer', 'office', 'reviewer', 'officeS2'],
        foreignBodies: [{ p_instance_id: foreignInstance.id }, { p_instance_id: street2Instance.id }, { p_form: { compound_ids: [compoundOf102.id] } }, { p_form: { compound_ids: [compound, 999999999] } }],
        extra: [
          ...formMutations(application.form_schema.properties),
          ...['x', [], 5, true, null].map((f) => ({ category: 'wrong type' as const, body: { p_instance_id: application.id, p_form: f } as Json, note: `form ${JSON.stringify(f)}` })),
          { category: 'wrong type' as const, body: { p_instance_id: application.id, p_form: {}, p_expected_form_revision: 3 }, note: 'stale form revision' },
        ].map((e) => ('p_instance_id' in (e.body as object) ? e : { ...e, body: { p_instance_id: application.id, p_form: e.body } })),
      },
      {
        name: 'invite member', method: 'POST', path: 'rpc/invite_member', as: 'office',
        body: { p_email: `invited.${run}@faults.local`, p_full_name: '新成员', p_password: 'long-enough-1', p_unit_id: 103, p_role: 'community_filer' },
        kinds: { p_email: 'text', p_full_name: { text: 50 }, p_password: 'text', p_unit_id: 'int', p_role: 'enum' }, required: ['p_email', 'p_unit_id', 'p_role'],
        foreignUsers: ['officeS2', 'filer', 'reviewer'],
        foreignBodies: [{ p_unit_id: 201 }, { p_unit_id: 2 }, { p_email: 'not an email' }, { p_password: 'short' }, { p_email: 'office.s1@demo.local', p_unit_id: 201 }],
      },
      {
        name: 'disable account', method: 'POST', path: 'rpc/set_user_disabled', as: 'office',
        body: { p_user_id: users.stranger.id, p_disabled: true }, kinds: { p_user_id: 'uuid', p_disabled: 'bool' }, required: ['p_user_id', 'p_disabled'],
        foreignUsers: ['officeS2', 'filer', 'stranger'], foreignBodies: [{ p_user_id: users.officeS2.id }, { p_user_id: '00000000-0000-0000-0000-000000000000' }],
      },
    );

    cases = await generateCases(targets, users);
    await quietTimers();
    before = await tableFigures(db);
    logBefore = (await one<{ n: number }>('select count(*)::int as n from public.workflow_events')).n;
  });

  it('each baseline is a request the API would accept from its user: the mutations are what is refused', async () => {
    // Checked in SQL as that user (the role and JWT claims PostgREST sets), in a transaction that
    // is rolled back, so nothing is written.
    const { rows: fns } = await db.query<{ name: string; args: string[]; types: string[] }>(
      `select proname as name, proargnames as args, array(select format_type(t, null) from unnest(proargtypes) t) as types
         from pg_proc where pronamespace = 'public'::regnamespace`,
    );
    for (const t of targets) {
      const claims = JSON.stringify(decodeJwt(users[t.as].token));
      const keys = Object.keys(t.body ?? {});
      const cols = keys.map((k) => `"${k}"`).join(', ');
      const table = `public.${t.path}`;
      let sql: string;
      if (t.path.startsWith('rpc/')) {
        const fn = fns.find((f) => f.name === t.path.slice(4))!;
        const type = (k: string) => fn.types[fn.args.indexOf(k)];
        sql = `select public.${fn.name}(${keys.map((k) => `${k} => r.${k}`).join(', ')}) from json_to_record($1::json) as r(${keys.map((k) => `${k} ${type(k)}`).join(', ')})`;
      } else if (t.method === 'POST') sql = `insert into ${table} (${cols}) select ${cols} from json_populate_record(null::${table}, $1::json)`;
      else if (t.method === 'PATCH') sql = `update ${table} set (${cols}) = (select ${cols} from json_populate_record(null::${table}, $1::json)) where ${t.filter!.sql}`;
      else sql = `delete from ${table} where ${t.filter!.sql}`;
      await db.query('begin');
      try {
        await db.query(`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`, [claims]);
        const r = await db.query(sql, sql.includes('$1') ? [JSON.stringify(t.body)] : []);
        expect(r.rowCount, t.name).toBe(1);
      } catch (error) {
        throw new Error(`the baseline of "${t.name}" is refused: ${(error as Error).message}`);
      } finally {
        await db.query('rollback');
      }
    }
  });

  it('at least 1,000 malformed requests: no 5xx, each refused with a JSON error that has a message, nothing written', { timeout: 120_000 }, async () => {
    const started = performance.now();
    results.push(
      ...(await bounded(cases, 16, async (c) => {
        const response = await fetch(c.url, { method: c.method, headers: c.headers, body: c.body });
        return { c, status: response.status, body: await response.text(), type: response.headers.get('content-type') ?? '' };
      })),
    );
    const seconds = (performance.now() - started) / 1000;

    const wrong = results.flatMap(({ c, status, body, type }) => {
      let message: unknown;
      try {
        const parsed = JSON.parse(body) as unknown;
        message = c.noRow && Array.isArray(parsed) ? parsed : (parsed as { message?: unknown })?.message;
      } catch {
        message = undefined;
      }
      const refused = status >= 400 && status < 500 && type.includes('json') && typeof message === 'string' && message.length > 0;
      // An update or delete of rows the caller may not write matches none (RLS hides them):
      // PostgREST answers 2xx with no row, unless a missing privilege refuses it first.
      const ok = c.noRow ? (status >= 200 && status < 300 && JSON.stringify(message) === '[]') || refused : refused;
      return ok ? [] : [`${c.target} / ${c.category} / ${c.note}: ${status} ${body.slice(0, 200)}`];
    });
    expect(wrong).toEqual([]);

    const refused = results.filter((r) => !r.c.noRow);
    expect(refused.length).toBeGreaterThanOrEqual(1000);
    // Nothing written: every table of every schema as it was, the event log included.
    expect(changedTables(before, await tableFigures(db))).toEqual({});
    expect((await one<{ n: number }>('select count(*)::int as n from public.workflow_events')).n).toBe(logBefore);

    const byCategory: Record<string, number> = {};
    for (const r of results) {
      const key = r.c.noRow ? `no row: ${r.c.noRow}` : r.c.category;
      byCategory[key] = (byCategory[key] ?? 0) + 1;
    }
    const statuses: Record<number, number> = {};
    for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    console.log(`bad input: ${results.length} requests (${refused.length} refused) in ${seconds.toFixed(1)} s`, byCategory, 'statuses', statuses);
  });
});

/** Refused forms, from the application's own form schema: each property given what its rules refuse. */
function formMutations(properties: Record<string, Record<string, Json>>): { category: Category; body: Json; note: string }[] {
  const out: { category: Category; body: Json; note: string }[] = [];
  const add = (category: Category, field: string, value: Json) => out.push({ category, body: { [field]: value }, note: `form ${field}: ${JSON.stringify(value).slice(0, 40)}` });
  for (const [field, rule] of Object.entries(properties)) {
    const type = rule.type;
    if (rule.enum) {
      for (const v of ['no_such', 5, true, null]) add('wrong type', field, v);
      for (const s of SQL_STRINGS) add('SQL in strings', field, s);
    } else if (type === 'string') {
      for (const v of [5, true, {}, [], null]) add('wrong type', field, v);
      if (typeof rule.maxLength === 'number') add('huge string', field, 'x'.repeat(rule.maxLength + 1));
      add('huge string', field, HUGE);
    } else if (type === 'integer') {
      for (const v of ['abc', 1.5, true, {}, null, -1, 1e12]) add('wrong type', field, v);
      for (const s of SQL_STRINGS) add('SQL in strings', field, s);
    } else if (type === 'array') {
      for (const v of ['x', 5, {}, true]) add('wrong type', field, v);
      const items = rule.items as Record<string, Json> | undefined;
      if (items?.type === 'integer') {
        for (const v of [[-1], ['x'], [1.5], [null], [{}]]) add('wrong type', field, v);
        add('SQL in strings', field, [SQL_STRINGS[0]!]);
      } else if (items?.type === 'object') {
        for (const v of [[{}], ['x'], [{ content: 'x' }], [{ content: 'x', due_on: '2027-01-01', extra: 1 }], [{ content: '', due_on: '2027-01-01' }], [{ content: 'x', due_on: SQL_STRINGS[1]! }]]) add('wrong type', field, v);
      }
      if (typeof rule.maxItems === 'number') add('huge string', field, Array.from({ length: (rule.maxItems as number) + 1 }, () => (items?.type === 'integer' ? 1 : { content: 'x', due_on: '2027-01-01' })));
    }
  }
  for (const s of ['no_such_field', ...SQL_STRINGS]) out.push({ category: 'unknown column', body: { [s]: 1 }, note: `form key ${s}` });
  return out;
}

async function generateCases(targets: Target[], users: Record<UserKey, { id: string; token: string }>): Promise<Case[]> {
  const { apiUrl, anonKey, jwtSecret } = stack();
  const cases: Case[] = [];
  const office = decodeJwt(users.office.token);
  const now = Math.floor(Date.now() / 1000);
  const sign = (claims: Record<string, unknown>, secret: string) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const [h, , s] = users.office.token.split('.');
  const tokens: [string, Record<string, string>][] = [
    ['signed with another secret', { authorization: `Bearer ${await sign({ ...office }, 'not-the-secret-not-the-secret-not-the-secret')}` }],
    ['service_role signed with another secret', { authorization: `Bearer ${await sign({ role: 'service_role', iss: 'supabase-demo', exp: now + 3600 }, 'not-the-secret-not-the-secret-not-the-secret')}` }],
    ['alg none', { authorization: `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(office)}.` }],
    ['payload changed to service_role, signature kept', { authorization: `Bearer ${h}.${b64({ ...office, role: 'service_role' })}.${s}` }],
    ['payload changed to another user, signature kept', { authorization: `Bearer ${h}.${b64({ ...office, sub: users.officeS2.id })}.${s}` }],
    ['expired (the real secret, exp an hour ago)', { authorization: `Bearer ${await sign({ ...office, iat: now - 7200, exp: now - 3600 }, jwtSecret)}` }],
    ['garbage token', { authorization: 'Bearer not.a.jwt' }],
    ['empty bearer', { authorization: 'Bearer ' }],
    ['no apikey', { apikey: '' }],
    ['wrong apikey', { apikey: await sign({ role: 'anon', iss: 'supabase-demo', exp: now + 3600 }, 'not-the-secret-not-the-secret-not-the-secret') }],
  ];

  const base = (user: UserKey | 'anon'): Record<string, string> => ({
    apikey: anonKey,
    ...(user === 'anon' ? {} : { authorization: `Bearer ${users[user].token}` }),
    'content-type': 'application/json',
    prefer: 'return=representation',
  });
  const push = (t: Target, category: Category, note: string, opts: { user?: UserKey | 'anon'; body?: Json | string; query?: string; headers?: Record<string, string>; noRow?: string } = {}) => {
    const headers = { ...base(opts.user ?? t.as), ...opts.headers };
    for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
    const query = opts.query ?? (t.filter ? `?${t.filter.rest}` : '');
    const body = opts.body === undefined ? (t.body === undefined ? undefined : JSON.stringify(t.body)) : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    cases.push({ category, target: t.name, note, method: t.method, url: `${apiUrl}/rest/v1/${t.path}${query}`, headers, body, noRow: opts.noRow });
  };

  for (const t of targets) {
    const isRpc = t.path.startsWith('rpc/');
    const body = t.body ?? {};
    const withKey = (key: string, value: Json) => ({ ...body, [key]: value });

    for (const [key, kind] of Object.entries(t.kinds)) {
      if (typeof kind === 'object') {
        // text with a length limit: one past it, and far past it; blank where the rule trims
        push(t, 'huge string', `${key}: ${kind.text + 1} characters`, { body: withKey(key, 'x'.repeat(kind.text + 1)) });
        push(t, 'huge string', `${key}: 256 KB`, { body: withKey(key, HUGE) });
        push(t, 'huge string', `${key}: 1 MB`, { body: withKey(key, HUGE.repeat(4)) });
        continue;
      }
      for (const v of wrongTypes(kind)) push(t, 'wrong type', `${key}: ${JSON.stringify(v)}`, { body: withKey(key, v) });
      if (['int', 'numeric', 'date', 'enum', 'uuid', 'bool'].includes(kind)) {
        for (const sql of SQL_STRINGS) push(t, 'SQL in strings', `${key}: ${sql}`, { body: withKey(key, sql) });
        push(t, 'huge string', `${key}: 256 KB`, { body: withKey(key, HUGE) });
      }
    }
    for (const key of t.required ?? []) {
      const { [key]: _, ...rest } = body;
      // An update without the field is a smaller update, not a malformed one: null it instead.
      if (t.method === 'POST') push(t, 'missing field', `${key} left out`, { body: rest });
      push(t, 'missing field', `${key}: null`, { body: withKey(key, null) });
    }
    if (t.method !== 'DELETE') {
      for (const extra of ['no_such_column', 'name; drop table public.units', 'id) values (1); --', 'street_id" = 2 --']) {
        push(t, 'unknown column', `extra key ${extra}`, { body: withKey(extra, 1) });
      }
      if (!isRpc) push(t, 'unknown column', 'select= of an unknown column', { query: `${t.filter ? `?${t.filter.rest}&` : '?'}select=id,no_such_column` });
      push(t, 'malformed JSON or headers', 'cut-off JSON', { body: JSON.stringify(body).slice(0, -3) });
      push(t, 'malformed JSON or headers', 'not JSON', { body: "name='x'; drop table units" });
      // PostgREST reads a JSON scalar as no rows at all.
      push(t, 'malformed JSON or headers', 'a JSON string', { body: '"units"', noRow: isRpc ? undefined : 'a JSON scalar body is read as no rows' });
      push(t, 'malformed JSON or headers', 'two JSON values', { body: `${JSON.stringify(body)}{}` });
      push(t, 'malformed JSON or headers', 'empty body', { body: '' });
      push(t, 'malformed JSON or headers', 'text/plain body', { headers: { 'content-type': 'text/plain' } });
      if (!isRpc) push(t, 'malformed JSON or headers', 'array with a non-object', { body: [body, 5] });
    }
    // Filters: SQL where a typed value goes, huge values, and broken syntax.
    if (t.filter) {
      const [col] = t.filter.rest.split('=');
      for (const sql of SQL_STRINGS) push(t, 'SQL in strings', `filter ${col}=eq.${sql}`, { query: `?${col}=eq.${encodeURIComponent(sql)}` });
      push(t, 'SQL in strings', 'filter in.(…) with SQL inside', { query: `?${col}=in.(${encodeURIComponent('1; delete from public.units')})` });
      push(t, 'SQL in strings', 'filter in.(…) with quoted SQL', { query: `?${col}=in.(${encodeURIComponent('"1) or (1=1"')})` });
      // PostgREST splits a query string at ";" too, and ignores what follows an in-list's ")":
      // the SQL never reaches the database, the rest is read as a filter (of ids that do not exist).
      const lenient = 'the query string is split at ";", and text after an in-list is ignored';
      push(t, 'SQL in strings', 'filter …;delete (split at ;)', { query: `?${col}=in.(-1,0);delete from public.units`, noRow: lenient });
      push(t, 'SQL in strings', 'filter in.(…) with SQL after it', { query: `?${col}=in.(-1,0)${encodeURIComponent(' or 1=1; delete from public.units')}`, noRow: lenient });
      push(t, 'SQL in strings', 'order= with SQL', { query: `?${t.filter.rest}&order=${encodeURIComponent('id;drop table public.units')}` });
      push(t, 'SQL in strings', 'select= with SQL', { query: `?${t.filter.rest}&select=${encodeURIComponent('id,(select 1)')}` });
      push(t, 'huge string', 'filter value of 8 KB', { query: `?${col}=eq.${'9'.repeat(8192)}` });
      push(t, 'malformed JSON or headers', 'filter without operator', { query: `?${col}=${t.filter.rest.split('eq.')[1]}` });
      push(t, 'malformed JSON or headers', 'unknown operator', { query: `?${col}=like_sql.1` });
    }
    push(t, 'malformed JSON or headers', 'schema not exposed (Content-Profile: auth)', { headers: { 'content-profile': 'auth', 'accept-profile': 'auth' } });

    for (const [note, headers] of tokens) push(t, 'forged or expired token', note, { headers });
    // PostgREST answers a bad token before it reads the body: with a large one, the 401 must
    // still reach the client (not a 502 from the gateway).
    if (t.method !== 'DELETE') push(t, 'forged or expired token', 'expired, with a 1 MB body', { headers: tokens[5]![1], body: { ...body, padding: HUGE.repeat(4) } });
    push(t, 'anon', 'the anon key and no user', { user: 'anon' });
    for (const user of t.foreignUsers ?? []) {
      push(t, 'foreign ids', `as ${user}`, { user, noRow: t.method === 'POST' ? undefined : 'update or delete of rows the caller may not write (RLS hides them)' });
    }
    for (const fb of t.foreignBodies ?? []) push(t, 'foreign ids', `body ${JSON.stringify(fb)}`, { body: { ...body, ...fb } });
    for (const e of t.extra ?? []) push(t, e.category, e.note, { body: e.body });
  }
  // The engine's own tables: no client writes them directly, whatever it sends.
  for (const table of ['workflow_instances', 'workflow_events', 'workflow_snapshots', 'workflow_definitions', 'workflow_transitions', 'unit_grades', 'unit_standings', 'score_means']) {
    for (const user of ['office', 'reviewer', 'filer'] as const) {
      for (const method of ['POST', 'PATCH', 'DELETE'] as const) {
        const url = `${apiUrl}/rest/v1/${table}${method === 'POST' ? '' : '?id=gt.0'}`;
        const body = method === 'DELETE' ? undefined : JSON.stringify({ id: 1, state: 'approved', street_id: 1 });
        cases.push({ category: 'engine tables', target: `${table}`, note: `${method} as ${user}`, method, url, headers: base(user), body });
      }
    }
  }
  return cases;
}

// ---------------------------------------------------------------------------------------------
describe('audit: the event log and the form snapshots are append-only for every role', () => {
  it('PostgREST: anon, each signed-in role and service_role are refused update and delete; the rows stay', async () => {
    const street = await addUnit('street', '审计街道', null);
    const community = await addUnit('community', '审计社区', street);
    const filer = await member('audit-filer', [[community, 'community_filer']]);
    const reviewer = await member('audit-reviewer', [[street, 'reviewer']]);
    const office = await member('audit-office', [[street, 'street_office']]);
    const started = await filer.client.rpc('start_workflow', { p_workflow: 'sample', p_subject_unit_id: community, p_form: { title: '审计', items: ['加装电梯'] } });
    const id = (started.data as { id: number }).id;
    expect((await filer.client.rpc('fire_event', { p_instance_id: id, p_event: 'submit', p_expected_revision: 0, p_payload: {} })).error).toBeNull();
    const rows = async () => (await db.query(`select 'e' as t, e::text as row from public.workflow_events e where instance_id = $1 union all select 's', s::text from public.workflow_snapshots s where instance_id = $1 order by 1, 2`, [id])).rows;
    const original = await rows();
    expect(original.map((r) => r.t)).toEqual(['e', 'e', 's']);

    const { apiUrl, anonKey } = stack();
    const callers: [string, Record<string, string>][] = [
      ['anon', { apikey: anonKey }],
      ['community filer', { apikey: anonKey, authorization: `Bearer ${filer.token}` }],
      ['reviewer', { apikey: anonKey, authorization: `Bearer ${reviewer.token}` }],
      ['street office', { apikey: anonKey, authorization: `Bearer ${office.token}` }],
      ['service_role', { apikey: stack().serviceRoleKey }],
    ];
    for (const [who, headers] of callers) {
      for (const table of ['workflow_events', 'workflow_snapshots']) {
        for (const [method, body] of [['PATCH', { comment: 'forged', form: {} }], ['DELETE', undefined]] as const) {
          const key = table === 'workflow_events' ? 'comment' : 'form';
          const response = await fetch(`${apiUrl}/rest/v1/${table}?instance_id=eq.${id}`, {
            method,
            headers: { ...headers, 'content-type': 'application/json', prefer: 'return=representation' },
            body: body && JSON.stringify({ [key]: body[key] }),
          });
          const answer = (await response.json()) as { code?: string; message?: string };
          expect([401, 403], `${who} ${method} ${table}`).toContain(response.status);
          expect(answer.code).toBe('42501');
        }
      }
    }
    // The service_role's supabase-js client, as a server-side script would hold it.
    const service = serviceClient();
    expect((await service.from('workflow_events').update({ comment: 'forged' }).eq('instance_id', id)).error?.code).toBe('42501');
    expect((await service.from('workflow_events').delete().eq('instance_id', id)).error?.code).toBe('42501');
    expect(await rows()).toEqual(original);
  });

  it('SQL as every role of the database, the table owner included: update, delete and truncate refused; the rows stay', async () => {
    const { owner } = await one<{ owner: string }>(`select tableowner as owner from pg_tables where schemaname = 'public' and tablename = 'workflow_events'`);
    const { rows: roles } = await db.query<{ rolname: string; rolsuper: boolean }>(`select rolname, rolsuper from pg_roles where rolname !~ '^pg_' order by rolname`);
    expect(roles.map((r) => r.rolname)).toEqual(expect.arrayContaining(['anon', 'authenticated', 'service_role', 'authenticator', owner]));
    const { id: eventId } = await one<{ id: number }>('select max(id)::int as id from public.workflow_events');
    const { id: snapshotId } = await one<{ id: number }>('select max(id)::int as id from public.workflow_snapshots');
    const figures = async () => {
      const all = await tableFigures(db);
      return { events: all['public.workflow_events'], snapshots: all['public.workflow_snapshots'] };
    };
    const before = await figures();

    const statements = [
      `update public.workflow_events set comment = 'forged' where id = ${eventId}`,
      `update public.workflow_events set street_id = street_id where id = ${eventId}`,
      `delete from public.workflow_events where id = ${eventId}`,
      'truncate public.workflow_events',
      'truncate public.workflow_events cascade',
      `update public.workflow_snapshots set form = '{}' where id = ${snapshotId}`,
      `delete from public.workflow_snapshots where id = ${snapshotId}`,
      'truncate public.workflow_snapshots',
      // Ways around the guard that only the owner may take: turning the trigger off, or the
      // replica mode that skips triggers.
      'alter table public.workflow_events disable trigger workflow_events_append_only',
      'set local session_replication_role = replica',
    ];
    const outcomes: Record<string, string[]> = {};
    for (const { rolname, rolsuper } of roles) {
      for (const statement of statements) {
        await db.query('begin');
        let code = 'accepted';
        try {
          await db.query(`set local role "${rolname}"`);
          await db.query(statement);
        } catch (error) {
          code = (error as { code?: string }).code ?? 'error';
        } finally {
          await db.query('rollback');
        }
        (outcomes[code] ??= []).push(`${rolname}: ${statement}`);
        const bypass = statement.startsWith('alter') || statement.startsWith('set');
        // A superuser may, and so may the owner (postgres, as on a hosted project, where
        // supautils lets it set session_replication_role); what they then do is tried below.
        if (bypass && (rolsuper || rolname === owner)) continue;
        expect(code, `${rolname}: ${statement}`).not.toBe('accepted');
        // A truncate of the log alone stops at the snapshots' foreign key (0A000) before the
        // guard; with cascade, the guard refuses it.
        const fkFirst = statement === 'truncate public.workflow_events';
        expect(['42501', 'WF010', ...(fkFirst ? ['0A000'] : [])], `${rolname}: ${statement}`).toContain(code);
        // The owner has every privilege on the table: the log's own guard is what refuses.
        if (rolname === owner && !bypass && !fkFirst) expect(code, `${rolname}: ${statement}`).toBe('WF010');
      }
    }
    expect(await figures()).toEqual(before);
  });
});
