// `npm run bench:lists`: every list screen of the admin at province scale, as a community's filer
// and as a street's office, against the same requests as service_role. Starts its own stack
// (temporary folder, free ports), generates the province (test/bench/province.ts: 10 streets ×
// 1,000 communities, 100,000 compounds, 1,000,000 score rows, 1,000,000 event-log rows), signs in
// as the filer of 临江街道's first community and as 临江街道's office (a street in its rollout
// phase, three scoring rounds), and times each screen's first load.
//
// A screen's requests are the ones it sends to show its first page, built as the admin builds
// them: the generic and workflow lists through Refine's Supabase data provider with the user's
// scope filter (src/providers/data-provider.ts), the other pages' supabase-js queries copied from
// their code (each names its source below), values taken from the answers before them as the
// page takes them. `npm run bench:lists -- --check-urls` builds the admin, opens each screen in
// Chromium as both users and compares what it really sent with these, instead of timing (run it
// when a screen changes its queries).
//
// The baseline is the same request as service_role, which bypasses row-level security, so the
// ratio is what the policies cost. Where its answer differs from the user's (the request does
// not select the user's rows by itself, e.g. the rounds of every street), service_role adds an
// explicit filter of the user's scope, the policy written with the user's ids as constants
// (explicitFilter below); the answers are then checked to hold the same rows. A screen's figure
// is the sum of its requests, sent one after another; each request is timed as the user and as
// service_role in turn (the order alternating), so a slow moment of this shared machine falls on
// both alike; median of 101 after 5 warm-up rounds (31 for screens slower than 100 ms a round).
// Bar: user / service_role ≤ 1.3 for every screen.
// Functions that check the caller's scope themselves (SECURITY DEFINER, e.g. workflow_facts_of)
// have no service_role equivalent: they are timed, shown beside the ratio, not in it.
//
// What test/bench/rls.ts (this bench's predecessor) taught holds here: a list that sends the
// user's scope filter lets the planner walk the (street_id, id) or (community_id, id) index and
// costs what it costs service_role; a request without it is left to the policy, an OR over
// arrays read at run time that no index can drive, so a filer's request reads its whole street
// row by row and drops all but its community's. The user's longer JWT and the policy helpers'
// one query each are what is left per request (~0.2 ms), which is why tiny requests sit at
// 1.1–1.2.
//
// BENCH_STACK=<file.json> ({ apiUrl, dbUrl, superuserUrl?, anonKey, serviceRoleKey }) times an already
// generated province instead of starting and generating one (to try an index without waiting
// for the load); BENCH_SCREENS=units,/done times only the screens whose name or route has one
// of these; BENCH_DETAIL=1 prints every request's figures and URL under its screen.
import { dataProvider as refineSupabase } from '@refinedev/supabase';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { scopeFilter, scopeOf, scopeOr, WORKFLOW_SCOPE, type Scope, type ScopeColumns } from '../../src/access/scope-filter.ts';
import type { MemberRole } from '../../src/access/roles.ts';
import { TASK_SELECT } from '../../workflows/campaign/pages/key-tasks/model.ts';
import { nodeClientOptions } from '../support/users.ts';
import { generateProvince, PROVINCE_PASSWORD } from './province.ts';
import { benchStack, machine } from './support.ts';

const BAR = 1.3;
const RUNS = 101;
const SLOW_RUNS = 31;
const WARMUP = 5;
const PAGE = 1000; // PostgREST's max_rows, as src/lib/postgrest.ts pages
const WORKFLOWS = ['campaign', 'application']; // workflows/registry.ts, in its order
const DETAIL = process.env.BENCH_DETAIL === '1';

// ---------------------------------------------------------------------------------------------
// The stack and the two users
// ---------------------------------------------------------------------------------------------
interface Api { apiUrl: string; dbUrl: string; superuserUrl?: string; anonKey: string; serviceRoleKey: string }
let api: Api;
let db: pg.Client;
let close = async () => {};
if (process.env.BENCH_STACK) {
  api = JSON.parse(readFileSync(process.env.BENCH_STACK, 'utf8')) as Api;
  db = new pg.Client({ connectionString: api.superuserUrl ?? api.dbUrl });
  await db.connect();
  close = () => db.end();
} else {
  const bench = await benchStack('lists');
  api = bench.stack;
  db = bench.db;
  close = bench.close;
  console.log('generating the province');
  await generateProvince(db).catch(async (error: unknown) => {
    await close();
    throw error;
  });
}

interface Membership { role: MemberRole; unit_id: number; street_id: number; community_id: number | null }
interface Who { label: string; email: string; token: string; userId: string; memberships: Membership[]; scope: Scope; memberStreets: number[] }

async function signIn(label: string, email: string): Promise<Who> {
  const client = createClient(api.apiUrl, api.anonKey, nodeClientOptions);
  const { data, error } = await client.auth.signInWithPassword({ email, password: PROVINCE_PASSWORD });
  if (error || !data.session) throw new Error(`sign-in as ${email}: ${error?.message}`);
  const { rows } = await db.query<Membership>(
    'select role, unit_id::int, street_id::int, community_id::int from public.memberships where user_id = $1 order by id', [data.session.user.id],
  );
  const scope = scopeOf(rows);
  return { label, email, token: data.session.access_token, userId: data.session.user.id, memberships: rows, scope, memberStreets: [...new Set(rows.map((m) => m.street_id))] };
}

// ---------------------------------------------------------------------------------------------
// Requests: built by supabase-js (or Refine's data provider on it) into a client that records
// instead of sending, then sent as fetch with the user's or service_role's token.
// ---------------------------------------------------------------------------------------------
interface Req {
  name: string;
  table: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Why service_role has no equivalent (the function checks the caller's scope itself). */
  noBaseline?: string;
}

let recorded: { url: string; init: RequestInit } | undefined;
const recorder = createClient('http://bench.invalid', 'anon', {
  ...nodeClientOptions,
  global: {
    fetch: async (url: RequestInfo | URL, init?: RequestInit) => {
      recorded = { url: String(url), init: init ?? {} };
      const head = (init?.method ?? 'GET') === 'HEAD';
      return new Response(head ? null : '[]', { status: 200, headers: { 'content-type': 'application/json', 'content-range': '*/0' } });
    },
  },
});
const refine = refineSupabase(recorder);

async function record(run: () => PromiseLike<unknown>): Promise<Pick<Req, 'method' | 'url' | 'headers' | 'body'>> {
  recorded = undefined;
  await run();
  if (!recorded) throw new Error('nothing was sent');
  const { url, init } = recorded as { url: string; init: RequestInit };
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, key) => {
    if (key !== 'authorization' && key !== 'apikey') headers[key] = value;
  });
  return { method: init.method ?? 'GET', url: url.replace('http://bench.invalid', api.apiUrl), headers, body: typeof init.body === 'string' ? init.body : undefined };
}

type Build = (c: SupabaseClient) => PromiseLike<unknown>;
const rest = async (name: string, table: string, build: Build, options: { noBaseline?: string } = {}): Promise<Req> => ({
  name, table, noBaseline: options.noBaseline, ...(await record(() => build(recorder))),
});

/** Refine's getList as useTable calls it, with the scope filter src/providers/data-provider.ts adds. */
async function refineList(
  who: Who,
  name: string,
  resource: string,
  args: { select: string; scope: ScopeColumns; sorters: { field: string; order: 'asc' | 'desc' }[]; permanent?: Parameters<typeof refine.getList>[0]['filters']; pageSize?: number },
): Promise<Req> {
  const scope = scopeFilter({ ...who.scope }, args.scope);
  const filters = [...(args.permanent ?? []), ...(scope ? [scope] : [])];
  return {
    name, table: resource,
    ...(await record(() => refine.getList({ resource, pagination: { currentPage: 1, pageSize: args.pageSize ?? 50, mode: 'server' }, filters, sorters: args.sorters, meta: { select: args.select } }))),
  };
}

interface Answer { status: number; rows: number; data: unknown; text: string; ms: number }

async function send(req: Req, token: string, extra?: string): Promise<Answer> {
  const url = new URL(req.url);
  if (extra) for (const [k, v] of new URLSearchParams(extra)) url.searchParams.append(k, v);
  const started = performance.now();
  const response = await fetch(url, { method: req.method, headers: { ...req.headers, apikey: api.anonKey, authorization: `Bearer ${token}` }, body: req.body });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${req.name}: ${response.status} ${text.slice(0, 300)}`);
  const data = text ? (JSON.parse(text) as unknown) : null;
  const total = response.headers.get('content-range')?.split('/')[1];
  const rows = total && total !== '*' ? Number(total) : Array.isArray(data) ? data.length : data === null ? 0 : 1;
  return { status: response.status, rows, data, text, ms };
}

/** The page's own next step needs the answer: the request as the user. */
async function asUser<T>(who: Who, req: Req): Promise<T> {
  return (await send(req, who.token)).data as T;
}

/** src/lib/postgrest.ts fetchAll: pages of 1,000 until a short one. */
async function allPages<T>(who: Who, name: string, table: string, page: (from: number, to: number) => Build) {
  const reqs: Req[] = [];
  const rows: T[] = [];
  for (let from = 0; ; from += PAGE) {
    const req = await rest(`${name} [${from}–${from + PAGE - 1}]`, table, page(from, from + PAGE - 1));
    reqs.push(req);
    const batch = await asUser<T[]>(who, req);
    rows.push(...batch);
    if (batch.length < PAGE) return { reqs, rows };
  }
}

// The rows a user's policies let through, as an explicit filter for service_role (the policies
// in supabase/migrations, with the user's ids as constants).
const COMMUNITY_SCOPED = new Set(['units', 'workflow_instances', 'workflow_events', 'workflow_snapshots', 'score_entries', 'veto_findings', 'unit_grades', 'unit_standings', 'rectifications']);
function explicitFilter(table: string, who: Who): string {
  const list = (xs: number[]) => `(${xs.join(',')})`;
  if (COMMUNITY_SCOPED.has(table)) {
    const parts = [
      who.scope.streets.length ? `street_id.in.${list(who.scope.streets)}` : null,
      who.scope.communities.length ? `community_id.in.${list(who.scope.communities)}` : null,
      table === 'units' ? `and(kind.eq.street,id.in.${list(who.memberStreets)})` : null,
      table === 'workflow_instances' || table === 'workflow_events' ? `and(community_id.is.null,street_id.in.${list(who.memberStreets)})` : null,
    ].filter(Boolean);
    return new URLSearchParams({ or: `(${parts.join(',')})` }).toString();
  }
  if (table === 'memberships') return new URLSearchParams({ or: `(user_id.eq.${who.userId},street_id.in.${list(who.scope.streets)})` }).toString();
  if (table === 'member_invitations') return new URLSearchParams({ street_id: `in.${list(who.scope.streets)}` }).toString();
  if (table === 'rpc') return '';
  return new URLSearchParams({ street_id: `in.${list(who.memberStreets)}` }).toString(); // a street's configuration
}

// ---------------------------------------------------------------------------------------------
// The screens (the pages' lists: src/registry/core-pages.tsx, workflows/*/pages.tsx; the generic
// resources, src/registry/resources.tsx), who may open them (their roles), and what each
// sends for its first page.
// ---------------------------------------------------------------------------------------------
const STREET_ROLES: MemberRole[] = ['street_office', 'reviewer', 'viewer'];
const EVERYONE: MemberRole[] = ['street_office', 'reviewer', 'viewer', 'community_filer'];
const SCOPE: ScopeColumns = { street: 'street_id', community: 'community_id' };
// src/registry/resources.tsx
const UNITS_SELECT = 'id, kind, name, parent_id, address, street_id, community_id, updated_at, parent:parent_id(name)';
const MEMBERSHIPS_SELECT = 'id, role, unit_id, user_id, street_id, community_id, created_at, profile:profiles(full_name, email, disabled), unit:units!unit_id(name)';
const INVITATIONS_SELECT = 'id, email, full_name, unit_id, role, street_id, community_id, created_at, status, unit:units!unit_id(name), inviter:profiles!invited_by(full_name)';
// src/pages/workflow/list.tsx
const INSTANCE_SELECT = 'id, workflow, version, state, done, revision, form, form_saved_at, street_id, community_id, subject_unit_id, created_at, updated_at, subject:units!subject_unit_id(name, kind)';
// src/pages/worklist/done.tsx
const DONE_SELECT = 'id, instance_id, workflow, event, from_state, to_state, comment, created_at, instance:workflow_instances!instance_id(state, done, subject:units!subject_unit_id(name))';

interface Screen {
  name: string;
  route: string;
  access: MemberRole[];
  requests(who: Who): Promise<Req[]>;
  /** --check-urls: the address to open (default: the route); null when a click opens it. */
  open?: (who: Who) => Promise<string | null>;
  /** --check-urls: another screen whose requests the same page load sends too. */
  with?: string;
}

/** workflows/campaign/pages/targets/model.ts streetCampaigns, and the campaign the page opens first. */
async function streetCampaigns(who: Who) {
  const streets = [...new Set([...who.scope.streets, ...who.scope.officeStreets])];
  if (!streets.length) return { reqs: [] as Req[], campaign: undefined };
  const req = await rest('campaigns', 'campaigns', (c) =>
    c.from('campaigns').select('id, name, street_id, phases:campaign_phases(phase, starts_on, ends_on)').in('street_id', streets).order('street_id').order('start_year', { ascending: false }),
  );
  const campaigns = await asUser<{ id: number; street_id: number }[]>(who, req);
  return { reqs: [req], campaign: campaigns.find((c) => who.scope.officeStreets.includes(c.street_id)) ?? campaigns[0] };
}

/** workflows/campaign/pages/scoring/index.tsx loadRounds. */
async function scoringRounds(who: Who) {
  const reqs = [
    await rest('score_rounds', 'score_rounds', (c) => c.from('score_rounds').select('id, street_id, kind, year, version_id, published_at').order('created_at', { ascending: false })),
    await rest('campaigns', 'campaigns', (c) => c.from('campaigns').select('id, name, street_id').order('start_year', { ascending: false })),
    await rest('standard_versions (published)', 'standard_versions', (c) =>
      c.from('standard_versions').select('id, campaign_id, year').eq('status', 'published').order('year', { ascending: false }),
    ),
  ];
  const rounds = await asUser<{ id: number; street_id: number; version_id: number }[]>(who, reqs[0]!);
  return { reqs, round: rounds[0] };
}

/** The target whose number (units at its grade) the drawer screen opens: standard compounds, the longest list. */
async function drawerTarget(who: Who): Promise<number | undefined> {
  const { campaign } = await streetCampaigns(who);
  if (!campaign) return undefined;
  const { rows } = await db.query<{ id: string }>(
    "select id from public.campaign_targets where campaign_id = $1 and unit_kind = 'compound' and grade = 'standard' order by due_on limit 1", [campaign.id],
  );
  return rows[0] ? Number(rows[0].id) : undefined;
}

// The unit the scoring sheet opens: the filer's community (the office opens the same one).
let sheetUnit: { id: number; kind: string };

const SCREENS: Screen[] = [
  {
    name: '首页 (dashboard)',
    route: '/',
    access: EVERYONE,
    async requests(who) {
      // The session's memberships (src/access/memberships.ts), read once, on the first page.
      const reqs = [await rest('my memberships', 'memberships', (c) => c.from('memberships').select('role, unit_id, street_id, community_id').eq('user_id', who.userId))];
      // 成员邀请 waiting for the user (src/pages/dashboard/invitations.tsx), everyone.
      reqs.push(await rest('rpc my_invitations', 'rpc', (c) => c.rpc('my_invitations'), { noBaseline: 'SECURITY DEFINER, reads the caller\'s own address' }));
      // 行动目标完成情况 (the targets page's card, workflows/campaign/pages/targets/overview.tsx): street roles only.
      const { reqs: campaigns, campaign } = await streetCampaigns(who);
      reqs.push(...campaigns);
      if (campaign) reqs.push(await rest('rpc target_progress', 'rpc', (c) => c.rpc('target_progress', { p_campaign_id: campaign.id })));
      return reqs;
    },
  },
  {
    name: '单位 (units)',
    route: '/units',
    access: EVERYONE,
    requests: async (who) => [await refineList(who, 'units', 'units', { select: UNITS_SELECT, scope: SCOPE, sorters: [{ field: 'id', order: 'asc' }] })],
  },
  {
    name: '单位树 (units tree)',
    route: '/units/tree',
    access: STREET_ROLES,
    requests: async () => [await rest('streets', 'units', (c) => c.from('units').select('id, name, kind').eq('kind', 'street').order('name'))],
  },
  {
    name: '成员 (memberships)',
    route: '/memberships',
    access: STREET_ROLES,
    requests: async (who) => [
      await refineList(who, 'memberships', 'memberships', { select: MEMBERSHIPS_SELECT, scope: SCOPE, sorters: [{ field: 'id', order: 'desc' }] }),
      // 待接受的邀请 beneath the members (src/registry/resources.tsx member_invitations).
      await refineList(who, 'member_invitations (pending)', 'member_invitations', {
        select: INVITATIONS_SELECT, scope: SCOPE, sorters: [{ field: 'id', order: 'desc' }], pageSize: 10, permanent: [{ field: 'status', operator: 'eq', value: 'pending' }],
      }),
    ],
  },
  ...WORKFLOWS.map((workflow): Screen => ({
    name: `流程 ${workflow} (workflow list)`,
    route: `/workflows/${workflow}`,
    access: EVERYONE,
    requests: async (who) => [
      await refineList(who, `workflow_instances ${workflow}`, 'workflow_instances', {
        select: INSTANCE_SELECT, scope: WORKFLOW_SCOPE, sorters: [{ field: 'updated_at', order: 'desc' }], permanent: [{ field: 'workflow', operator: 'eq', value: workflow }],
      }),
    ],
  })),
  {
    name: '我的待办 (todo)',
    route: '/todo',
    access: EVERYONE,
    async requests(who) {
      // The page of what waits, picked and ordered by the database (src/pages/worklist/todo.tsx
      // loadTodo), then the facts of its rows whose workflow has any, in one request.
      const todo = await rest('rpc workflow_todo', 'rpc', (c) => c.rpc('workflow_todo', { p_workflows: WORKFLOWS, p_order: 'waited', p_offset: 0, p_limit: 50 }), {
        noBaseline: 'SECURITY DEFINER, lists the caller\'s own work',
      });
      const reqs = [todo];
      const page = await asUser<{ id: number; workflow: string; version: number }[]>(who, todo);
      const { rows: defs } = await db.query<{ workflow: string; version: number; has_facts: boolean }>('select workflow, version, has_facts from public.workflow_definitions');
      const withFacts = page.filter((row) => defs.find((d) => d.workflow === row.workflow && d.version === row.version)?.has_facts).map((row) => row.id);
      if (withFacts.length) {
        reqs.push(await rest(`rpc workflow_facts_of (${withFacts.length})`, 'rpc', (c) => c.rpc('workflow_facts_of', { p_instance_ids: withFacts }), {
          noBaseline: 'SECURITY DEFINER, checks the caller\'s scope itself',
        }));
      }
      return reqs;
    },
  },
  {
    name: '我的已办 (done)',
    route: '/done',
    access: EVERYONE,
    requests: async (who) => [
      await refineList(who, 'workflow_events mine', 'workflow_events', {
        select: DONE_SELECT, scope: WORKFLOW_SCOPE, sorters: [{ field: 'created_at', order: 'desc' }, { field: 'id', order: 'desc' }],
        permanent: [{ field: 'actor_id', operator: 'eq', value: who.userId }, { field: 'workflow', operator: 'in', value: WORKFLOWS }],
      }),
    ],
  },
  {
    name: '申报情况 (applications overview)',
    route: '/applications-overview',
    access: ['street_office', 'reviewer'],
    async requests(who) {
      const streetIds = [...new Set(who.memberships.filter((m) => m.community_id === null && (m.role === 'street_office' || m.role === 'reviewer')).map((m) => m.street_id))];
      if (!streetIds.length) return [];
      const streets = await allPages(who, 'street names', 'units', (from, to) => (c) => c.from('units').select('name').in('id', streetIds).order('id').range(from, to));
      const communities = await allPages(who, 'communities', 'units', (from, to) => (c) =>
        c.from('units').select('id, name, street_id').eq('kind', 'community').in('street_id', streetIds).order('id').range(from, to));
      const applications = await allPages(who, 'applications', 'workflow_instances', (from, to) => (c) =>
        c.from('workflow_instances').select('id, community_id, state, done, form, updated_at').eq('workflow', 'application').in('street_id', streetIds)
          .order('created_at', { ascending: false }).order('id', { ascending: false }).range(from, to));
      return [...streets.reqs, ...communities.reqs, ...applications.reqs];
    },
  },
  {
    name: '重点任务 (key tasks)',
    route: '/key-tasks',
    access: STREET_ROLES,
    async requests(who) {
      const streets = [...new Set([...who.scope.streets, ...who.scope.officeStreets])];
      if (!streets.length) return [];
      const campaignsReq = await rest('campaigns', 'campaigns', (c) =>
        c.from('campaigns').select('id, name, street_id, street:units!street_id(name)').in('street_id', streets).order('street_id').order('start_year', { ascending: false }),
      );
      const campaigns = await asUser<{ id: number; street_id: number }[]>(who, campaignsReq);
      const ids = campaigns.map((c) => c.id);
      const years = await allPages<{ campaign_id: number; year_starts_on: string }>(who, 'key_tasks years', 'key_tasks', (from, to) => (c) =>
        c.from('key_tasks').select('campaign_id, year_starts_on').in('campaign_id', ids).order('id').range(from, to));
      // defaultChoice: the office's campaign (else the first), its list of the current year.
      const own = campaigns.filter((c) => who.scope.officeStreets.includes(c.street_id));
      const campaign = (own.length ? own : campaigns)[0]!;
      const today = new Date().toISOString().slice(0, 10);
      const ys = [...new Set(years.rows.filter((y) => y.campaign_id === campaign.id).map((y) => y.year_starts_on))].sort();
      const year = ys.filter((y) => y <= today).pop() ?? ys[0]!;
      const tasks = await allPages(who, 'key_tasks', 'key_tasks', (from, to) => (c) =>
        c.from('key_tasks').select(TASK_SELECT).eq('campaign_id', campaign.id).eq('year_starts_on', year).order('number').order('id').range(from, to));
      const offices = await rest('campaign_member_offices', 'campaign_member_offices', (c) => c.from('campaign_member_offices').select('id, name').eq('campaign_id', campaign.id).order('id'));
      return [campaignsReq, ...years.reqs, ...tasks.reqs, offices];
    },
  },
  {
    name: '行动目标 (targets)',
    route: '/targets',
    access: STREET_ROLES,
    async requests(who) {
      const { reqs, campaign } = await streetCampaigns(who);
      if (!campaign) return reqs;
      reqs.push(await rest('rpc target_progress', 'rpc', (c) => c.rpc('target_progress', { p_campaign_id: campaign.id })));
      for (const kind of ['street', 'community', 'compound', 'building', 'business_district', 'social_org']) {
        reqs.push(await rest(`count ${kind}`, 'units', (c) => c.from('units').select('id', { count: 'exact', head: true }).eq('street_id', campaign.street_id).eq('kind', kind)));
      }
      return reqs;
    },
  },
  {
    name: '行动目标·单位 (target units drawer)',
    route: '/targets (a number opened)',
    access: STREET_ROLES,
    open: async (who) => {
      const target = await drawerTarget(who);
      return target ? `/targets#click=measured-${target}` : null;
    },
    async requests(who) {
      const target = await drawerTarget(who);
      if (!target) return [];
      return [await rest('rpc target_units', 'rpc', (c) => c.rpc('target_units', { p_target_id: target }, { count: 'exact' }).eq('counted', true).range(0, 19))];
    },
  },
  {
    name: '评分标准 (standard)',
    route: '/standard',
    access: EVERYONE,
    async requests(who) {
      const reqs = [
        await rest('campaigns', 'campaigns', (c) => c.from('campaigns').select('id, name, street_id').order('start_year', { ascending: false })),
        await rest('standard_versions', 'standard_versions', (c) =>
          c.from('standard_versions').select('id, campaign_id, street_id, year, status, published_at').order('year', { ascending: false })),
      ];
      const versions = await asUser<{ id: number }[]>(who, reqs[1]!);
      const versionId = versions[0]?.id;
      if (!versionId) return reqs;
      reqs.push(
        await rest('standard_items', 'standard_items', (c) => c.from('standard_items').select('id, level, number, goal').eq('version_id', versionId).order('number')),
        await rest('standard_subitems', 'standard_subitems', (c) => c.from('standard_subitems').select('id, item_id, sort, content, points').eq('version_id', versionId).order('sort')),
        await rest('standard_vetoes', 'standard_vetoes', (c) => c.from('standard_vetoes').select('id, level, content').eq('version_id', versionId).order('id')),
      );
      return reqs;
    },
  },
  {
    name: '评分表 (scoring)',
    route: '/scoring',
    access: EVERYONE,
    async requests(who) {
      const { reqs, round } = await scoringRounds(who);
      if (round) {
        const inScope = scopeOr({ ...who.scope });
        if (inScope) {
          reqs.push(await rest("the round's units", 'units', (c) =>
            c.from('units').select('id, name, kind, street_id, community_id').eq('street_id', round.street_id).or(inScope).order('id').range(0, 999)));
        }
      }
      return reqs;
    },
  },
  {
    name: '评分表·单位 (scoring sheet, a unit open)',
    route: '/scoring?round=…&unit=…',
    access: EVERYONE,
    with: '评分表 (scoring)',
    async open(who) {
      const { round } = await scoringRounds(who);
      return round ? `/scoring?round=${round.id}&unit=${sheetUnit.id}` : null;
    },
    async requests(who) {
      const { round } = await scoringRounds(who);
      if (!round) return [];
      const unit = sheetUnit;
      return [
        await rest('standard_items + subitems', 'standard_items', (c) =>
          c.from('standard_items').select('id, number, goal, standard_subitems(id, content, points, sort)').eq('version_id', round.version_id).eq('level', unit.kind).order('number')),
        await rest('score_entries', 'score_entries', (c) => c.from('score_entries').select('id, subitem_id, scorer_id, scorer_role, score, note').eq('round_id', round.id).eq('unit_id', unit.id)),
        await rest('standard_vetoes', 'standard_vetoes', (c) => c.from('standard_vetoes').select('id, content').eq('version_id', round.version_id).eq('level', unit.kind).order('id')),
        await rest('veto_findings', 'veto_findings', (c) => c.from('veto_findings').select('veto_id, found').eq('round_id', round.id).eq('unit_id', unit.id)),
        await rest('unit_grades', 'unit_grades', (c) =>
          c.from('unit_grades').select('total, standard, demonstration, reasons, parts, parts_standard, parts_demo').eq('round_id', round.id).eq('unit_id', unit.id).maybeSingle()),
      ];
    },
  },
  {
    name: '评分通报 (results)',
    route: '/results',
    access: EVERYONE,
    async requests(who) {
      // workflows/campaign/pages/results/model.ts loadRounds, then loadGrades of the newest round.
      const roundsReq = await rest('score_rounds', 'score_rounds', (c) =>
        c.from('score_rounds').select('id, street_id, kind, year, published_at').order('created_at', { ascending: false }).order('id', { ascending: false }));
      const rounds = await asUser<{ id: number; street_id: number }[]>(who, roundsReq);
      const reqs = [roundsReq];
      const ids = [...new Set(rounds.map((r) => r.street_id))];
      if (ids.length) reqs.push(await rest('street names', 'units', (c) => c.from('units').select('id, name').in('id', ids)));
      const round = rounds[0];
      const inScope = scopeOr({ ...who.scope });
      if (!round || !inScope) return reqs;
      const grades = await allPages(who, 'unit_grades', 'unit_grades', (from, to) => (c) =>
        c.from('unit_grades').select('unit_id, kind, community_id, total, standard, demonstration, reasons, parts, parts_standard, parts_demo, unit:units(name)')
          .eq('round_id', round.id).or(inScope).order('unit_id').range(from, to));
      const communities = await allPages(who, 'communities', 'units', (from, to) => (c) =>
        c.from('units').select('id, name').eq('street_id', round.street_id).eq('kind', 'community').or(inScope).order('id').range(from, to));
      const standings = await allPages(who, 'unit_standings', 'unit_standings', (from, to) => (c) =>
        c.from('unit_standings').select('unit_id, grade').eq('round_id', round.id).or(inScope).order('unit_id').range(from, to));
      const orders = await allPages(who, 'rectifications', 'rectifications', (from, to) => (c) =>
        c.from('rectifications').select('unit_id, deadline, status').eq('round_id', round.id).or(inScope).order('unit_id').range(from, to));
      return [...reqs, ...grades.reqs, ...communities.reqs, ...standings.reqs, ...orders.reqs];
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------------------------
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// The same rows: equal JSON up to the order of arrays (embedded rows come in no set order, and
// two plans may list them differently).
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical).map((v) => JSON.stringify(v)).sort()
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]))
      : value;
const sameAnswer = (a: Answer, b: Answer) => a.rows === b.rows && (a.text === b.text || JSON.stringify(canonical(a.data)) === JSON.stringify(canonical(b.data)));

interface Timed { req: Req; extra?: string; user: number[]; service: number[]; userRows: number; serviceRows: number; same: boolean }

async function timeScreen(who: Who, reqs: Req[]): Promise<{ timed: Timed[]; runs: number }> {
  const timed: Timed[] = [];
  for (const req of reqs) {
    // service_role's request: the same, if that answers exactly what the user gets (the request's
    // own filters select the user's rows); else with the explicit filter of the user's scope.
    const asUserAnswer = await send(req, who.token);
    let extra: string | undefined;
    let asServiceAnswer = asUserAnswer;
    if (!req.noBaseline) {
      asServiceAnswer = await send(req, api.serviceRoleKey);
      if (!sameAnswer(asServiceAnswer, asUserAnswer)) {
        extra = explicitFilter(req.table, who);
        asServiceAnswer = await send(req, api.serviceRoleKey, extra);
      }
    }
    timed.push({ req, extra, user: [], service: [], userRows: asUserAnswer.rows, serviceRows: asServiceAnswer.rows, same: sameAnswer(asServiceAnswer, asUserAnswer) });
  }
  const round = async (i: number, keep: boolean) => {
    for (const t of timed) {
      const extra = t.extra;
      if (t.req.noBaseline) {
        const u = await send(t.req, who.token);
        if (keep) t.user.push(u.ms);
        continue;
      }
      // The order alternates, so neither side always runs on a cache the other warmed.
      const first = i % 2 === 0;
      const a = await send(t.req, first ? who.token : api.serviceRoleKey, first ? undefined : extra);
      const b = await send(t.req, first ? api.serviceRoleKey : who.token, first ? extra : undefined);
      if (keep) {
        t.user.push(first ? a.ms : b.ms);
        t.service.push(first ? b.ms : a.ms);
      }
    }
  };
  const started = performance.now();
  for (let i = 0; i < WARMUP; i++) await round(i, false);
  const perRound = (performance.now() - started) / WARMUP;
  const runs = perRound > 100 ? SLOW_RUNS : RUNS;
  for (let i = 0; i < runs; i++) await round(i, true);
  return { timed, runs };
}

const fmt = (ms: number) => ms.toFixed(2);

try {
  const street = (await db.query<{ id: string; name: string }>("select id, name from public.units where kind = 'street' and name = '临江街道'")).rows[0];
  if (!street) throw new Error('no province: 临江街道 is missing');
  const people = [await signIn('community filer', 'filer.s5.c1@province.local'), await signIn('street office', 'office.s5@province.local')];
  const filerCommunity = people[0]!.scope.communities[0]!;
  sheetUnit = { id: filerCommunity, kind: 'community' };

  if (process.argv.includes('--check-urls')) {
    process.exitCode = (await checkUrls(people)) ? 0 : 1;
  } else {
    await timeAll(people, street);
  }
} finally {
  await close();
}

/** Compares what the admin sends, screen by screen, with what this bench times. */
async function checkUrls(people: Who[]): Promise<boolean> {
  const { captureScreens, requestKey } = await import('./lists-urls.ts');
  console.log('\nWhat each screen sends in Chromium, against the requests timed here');
  const opened = new Map<string, Map<string, string | null>>();
  for (const who of people) {
    const paths = new Map<string, string | null>();
    for (const screen of SCREENS.filter((s) => s.access.some((role) => who.scope.roles.has(role)))) {
      paths.set(screen.name, screen.open ? await screen.open(who) : screen.route);
    }
    opened.set(who.label, paths);
  }
  const sent = await captureScreens(api, people.map((w) => ({
    label: w.label, email: w.email, password: PROVINCE_PASSWORD,
    routes: [...new Set([...opened.get(w.label)!.values()].filter((r): r is string => r !== null))],
  })));
  const session = (w: Who) => requestKey({ method: 'GET', url: `/rest/v1/memberships?select=role%2Cunit_id%2Cstreet_id%2Ccommunity_id&user_id=eq.${w.userId}` });
  const mustChangePassword = (w: Who) => requestKey({ method: 'GET', url: `/rest/v1/profiles?select=must_change_password&id=eq.${w.userId}` });
  let ok = true;
  for (const screen of SCREENS) {
    for (const who of people) {
      const label = `  ${screen.name.padEnd(36)} ${who.label.padEnd(16)}`;
      if (!screen.access.some((role) => who.scope.roles.has(role))) continue;
      const route = opened.get(who.label)!.get(screen.name);
      if (!route) {
        console.log(`${label} not checked (nothing to open)`);
        continue;
      }
      const companion = SCREENS.find((s) => s.name === screen.with);
      const ours = [...(await screen.requests(who)), ...(companion ? await companion.requests(who) : [])];
      const expected = new Set(ours.map((r) => requestKey({ method: r.method, url: r.url, body: r.body })));
      const actual = new Set(sent.get(who.label)!.get(route)!.map(requestKey));
      if (route !== '/') actual.delete(session(who)); // the session's memberships, read on every full load
      actual.delete(mustChangePassword(who)); // whether to hold the user on 修改密码, read on every full load
      const missing = [...expected].filter((k) => !actual.has(k));
      const extra = [...actual].filter((k) => !expected.has(k));
      if (!missing.length && !extra.length) {
        console.log(`${label} same ${expected.size} request${expected.size === 1 ? '' : 's'}`);
        continue;
      }
      ok = false;
      console.log(`${label} DIFFERENT`);
      for (const k of extra) console.log(`      the admin sent:     ${decodeURIComponent(k)}`);
      for (const k of missing) console.log(`      the bench times:    ${decodeURIComponent(k)}`);
    }
  }
  console.log(ok ? 'every checked screen sends what the bench times' : 'some screens differ: update test/bench/lists.ts');
  return ok;
}

async function timeAll(people: Who[], street: { id: string; name: string }): Promise<void> {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`\nList screens at province scale (${street.name}, id ${street.id}): each screen's first load as the user / the same requests as service_role`);
  console.log(`with an explicit filter for the same rows, ms, median of ${RUNS} (${SLOW_RUNS} for screens over 100 ms a round) after ${WARMUP} warm-up rounds; bar ≤ ${BAR}`);
  console.log(`load average before: ${load}\n`);
  const width = Math.max(...SCREENS.map((s) => s.name.length)) + 2;
  let missed = 0;
  const summary: string[] = [];
  const only = process.env.BENCH_SCREENS?.split(',');
  for (const screen of SCREENS.filter((s) => !only || only.some((o) => s.name.includes(o) || s.route.includes(o)))) {
    for (const who of people) {
      const label = `  ${screen.name.padEnd(width)} ${who.label.padEnd(16)}`;
      if (!screen.access.some((role) => who.scope.roles.has(role))) {
        console.log(`${label} skipped: a ${who.label} cannot open ${screen.route} (open to ${screen.access.join(', ')})`);
        continue;
      }
      const reqs = await screen.requests(who);
      if (!reqs.length) {
        console.log(`${label} sends no request for this user`);
        continue;
      }
      const { timed, runs } = await timeScreen(who, reqs);
      const compared = timed.filter((t) => !t.req.noBaseline);
      const sums = (side: 'user' | 'service') => Array.from({ length: runs }, (_, i) => compared.reduce((s, t) => s + t[side][i]!, 0));
      const user = median(sums('user'));
      const service = median(sums('service'));
      const ratio = user / service;
      const over = ratio > BAR;
      if (over) missed++;
      const differ = compared.filter((t) => !t.same);
      const aside = timed.filter((t) => t.req.noBaseline).map((t) => `+ ${t.req.name} ${fmt(median(t.user))} ms, no baseline (${t.req.noBaseline})`);
      const unscoped = compared.filter((t) => t.extra && median(t.user) / median(t.service) > BAR);
      const worst = compared.map((t) => ({ t, r: median(t.user) / median(t.service) })).sort((a, b) => b.r - a.r)[0];
      const line =
        `${label} ${fmt(user).padStart(8)} / ${fmt(service).padStart(8)} ms = ${ratio.toFixed(2)}  ${over ? `OVER ${BAR}` : 'ok'}` +
        `  (${compared.length} request${compared.length === 1 ? '' : 's'}, n=${runs}` +
        `${compared.length > 1 && worst ? `; worst ${worst.t.req.name} ${worst.r.toFixed(2)}` : ''}` +
        `${over && unscoped.length ? `; over ${BAR} and sent without the user's scope filter: ${unscoped.map((t) => t.req.name).join(', ')}` : ''})` +
        (aside.length ? `  ${aside.join('; ')}` : '') +
        (differ.length ? `  ROWS DIFFER: ${differ.map((t) => `${t.req.name} ${t.userRows} vs ${t.serviceRows}`).join(', ')}` : '');
      console.log(line);
      if (over) summary.push(line.trim());
      if (differ.length) process.exitCode = 1; // the baseline did not answer with the user's rows: no fair figure
      if (DETAIL || over) {
        for (const t of timed) {
          const u = median(t.user);
          const s = t.req.noBaseline ? NaN : median(t.service);
          console.log(`      ${t.req.name.padEnd(44)} ${fmt(u).padStart(8)} / ${t.req.noBaseline ? '       —' : fmt(s).padStart(8)} ms${t.req.noBaseline ? '' : ` = ${(u / s).toFixed(2)}`}  rows ${t.userRows}${t.userRows === t.serviceRows ? '' : ` vs ${t.serviceRows}`}`);
          if (DETAIL) console.log(`        ${t.req.method} ${decodeURIComponent(t.req.url.replace(api.apiUrl, ''))}${t.req.body ? ` ${t.req.body.slice(0, 120)}` : ''}${t.extra ? `   service_role adds ${decodeURIComponent(t.extra)}` : ''}`);
        }
      }
    }
  }
  console.log(`\nload average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(missed ? `${missed} screen × role over ${BAR}:\n  ${summary.join('\n  ')}` : `every screen within ${BAR}`);
  console.log(machine());
  if (missed) process.exitCode = 1;
}
