// `npm run bench:rls`: row-level security at province scale. Starts its own stack (temporary
// folder, free ports), generates 10 streets × 1,000 communities, 100,000 compounds and 1,000,000
// rows of a community-scoped table whose policy is written exactly like units' (same helpers),
// then times a 50-row list page through PostgREST as a community filer, a filer of two
// communities and a street office, each divided by the same query as service_role.
//
// "The same query" is the one the admin sends: Refine's getList (select, count=exact, order by
// id, range 0–49) plus the user's scope filter (src/access/scope-filter.ts). The figure without
// that filter, the policy alone, is printed too. Bar: ratio ≤ 1.3 for the filer and the office.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { performance } from 'node:perf_hooks';
import { scopeFilter } from '../../src/access/scope-filter.ts';
import { nodeClientOptions } from '../support/users.ts';
import { benchStack, machine, member, timed, waitForTable } from './support.ts';

const STREETS = 10;
const COMMUNITIES_PER_STREET = 1000;
const COMPOUNDS_PER_COMMUNITY = 10;
const RECORDS = 1_000_000;
const RUNS = 101;

const { stack, db, close } = await benchStack('rls');

try {
  console.log('generating data');
  await timed(`${STREETS} streets, ${STREETS * COMMUNITIES_PER_STREET} communities`, async () => {
    await db.query(`insert into public.units (kind, name) select 'street', '压测街道' || s from generate_series(1, ${STREETS}) s`);
    await db.query(`
      insert into public.units (kind, name, parent_id)
      select 'community', st.name || '社区' || c, st.id
      from public.units st, generate_series(1, ${COMMUNITIES_PER_STREET}) c
      where st.kind = 'street' and st.name like '压测街道%'`);
  });
  await timed(`${STREETS * COMMUNITIES_PER_STREET * COMPOUNDS_PER_COMMUNITY} compounds`, () =>
    db.query(`
      insert into public.units (kind, name, parent_id)
      select 'compound', cm.name || '小区' || k, cm.id
      from public.units cm, generate_series(1, ${COMPOUNDS_PER_COMMUNITY}) k
      where cm.kind = 'community' and cm.name like '压测街道%'`),
  );
  await timed(`${RECORDS.toLocaleString('en')} community-scoped rows`, async () => {
    // A table shaped like every later per-community table, with units' policy, word for word.
    await db.query(`
      create table public.bench_records (
        id bigint generated always as identity primary key,
        street_id bigint not null,
        community_id bigint,
        title text not null,
        created_at timestamptz not null default now()
      );
      create temp table bench_communities as
        select row_number() over (order by id) as n, id, street_id from public.units where kind = 'community' and name like '压测街道%';
      insert into public.bench_records (street_id, community_id, title)
      select c.street_id, c.id, '记录 ' || g
      from generate_series(1, ${RECORDS}) g
      join bench_communities c on c.n = 1 + (hashint4(g)::bigint & 2147483647) % ${STREETS * COMMUNITIES_PER_STREET};
      create index bench_records_street_id_id_idx on public.bench_records (street_id, id);
      create index bench_records_community_id_id_idx on public.bench_records (community_id, id);
      alter table public.bench_records enable row level security;
      grant select on public.bench_records to authenticated;
      grant all on public.bench_records to service_role;
      create policy bench_records_select on public.bench_records for select to authenticated
      using (
        street_id = any ((select private.scope_unit_ids())::bigint[])
        or community_id = any ((select private.scope_unit_ids())::bigint[])
      );
      analyze public.units; analyze public.memberships; analyze public.bench_records;
      notify pgrst, 'reload schema';`);
  });

  await waitForTable(stack, 'bench_records');

  // Who: a filer of one community, a filer of two, and a street office; all in bench street 5.
  const { rows: picks } = await db.query<{ street: string; c1: string; c2: string }>(`
    select st.id as street, min(cm.id) as c1, max(cm.id) as c2
    from public.units st join public.units cm on cm.parent_id = st.id
    where st.name = '压测街道5' group by st.id`);
  const { street, c1, c2 } = picks[0]!;
  const people: Record<string, { unit: string; role: string }[]> = {
    'community filer': [{ unit: c1, role: 'community_filer' }],
    'filer of two communities': [{ unit: c1, role: 'community_filer' }, { unit: c2, role: 'community_filer' }],
    'street office': [{ unit: street, role: 'street_office' }],
  };
  const signedIn: Record<string, SupabaseClient> = {};
  const tokens: Record<string, string> = {};
  for (const [who, memberships] of Object.entries(people)) {
    const signed = await member(stack, db, `${who.replaceAll(' ', '.')}@bench.local`, memberships);
    signedIn[who] = signed.client;
    tokens[who] = signed.token;
  }
  const service = createClient(stack.apiUrl, stack.serviceRoleKey, nodeClientOptions);

  // The admin's list query for a resource: Refine's getList, with or without the scope filter.
  type Filter = ReturnType<typeof scopeFilter>;
  function listQuery(client: SupabaseClient, table: string, select: string, filter: Filter) {
    let query = client.from(table).select(select, { count: 'exact' }).order('id', { ascending: true }).range(0, 49);
    if (filter && 'field' in filter) query = filter.operator === 'in' ? query.in(filter.field, filter.value) : query.eq(filter.field, filter.value);
    return query;
  }

  // Timed as HTTP requests: the URL and headers supabase-js builds, sent with fetch, so the
  // figure is the server's (gateway, PostgREST, Postgres), not supabase-js' session handling.
  // The variants are timed in turn, request by request, so a slow moment of this shared
  // machine falls on all of them alike rather than on whichever ran then.
  type Variant = { query: ReturnType<typeof listQuery>; token: string };
  async function once({ query, token }: Variant, phases: Record<string, number[]>): Promise<number> {
    const url = (query as unknown as { url: URL }).url.toString();
    const headers = { apikey: stack.anonKey, authorization: `Bearer ${token}`, prefer: 'count=exact', accept: 'application/json' };
    const started = performance.now();
    const response = await fetch(url, { headers });
    for (const [, name, dur] of (response.headers.get('server-timing') ?? '').matchAll(/(\w+);dur=([\d.]+)/g)) (phases[name!] ??= []).push(Number(dur));
    const data = (await response.json()) as unknown[];
    const elapsed = performance.now() - started;
    if (!response.ok) throw new Error(JSON.stringify(data));
    const count = Number(response.headers.get('content-range')?.split('/')[1]);
    if (!data.length || data.length !== Math.min(50, count)) throw new Error(`expected a page of min(50, ${count}) rows, got ${data.length}`);
    return elapsed;
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  async function medians(variants: Variant[], runs = RUNS): Promise<number[]> {
    const times = variants.map(() => [] as number[]);
    const phases = variants.map(() => ({}) as Record<string, number[]>);
    for (let i = 0; i < runs + 5; i++) {
      for (const [k, variant] of variants.entries()) {
        const elapsed = await once(variant, phases[k]!);
        if (i >= 5) times[k]!.push(elapsed);
      }
    }
    if (process.env.PGRST_SERVER_TIMING_ENABLED === 'true') {
      for (const p of phases) console.log('    PostgREST phases (median):', Object.entries(p).map(([k, v]) => `${k} ${med(v).toFixed(2)}`).join(', '));
    }
    return times.map(med);
  }

  const lists = [
    { table: 'bench_records', select: 'id, street_id, community_id, title, created_at' },
    { table: 'units', select: 'id, kind, name, parent_id, address, street_id, community_id, updated_at, parent:parent_id(name)' },
  ];
  console.log(`\n50-row list page through PostgREST, median of ${RUNS} (after 5 warm-up), the variants interleaved, ratio to service_role with the same filter`);
  let missed = false;
  for (const { table, select } of lists) {
    for (const [who, memberships] of Object.entries(people)) {
      const scope = {
        streets: memberships.filter((m) => m.role === 'street_office').map(() => Number(street)),
        communities: memberships.filter((m) => m.role === 'community_filer').map((m) => Number(m.unit)),
        officeStreets: [],
        roles: new Set(),
      } as Parameters<typeof scopeFilter>[0];
      const filter = scopeFilter(scope, { street: 'street_id', community: 'community_id' });
      const [asUser, asService] = (await medians([
        { query: listQuery(signedIn[who]!, table, select, filter), token: tokens[who]! },
        { query: listQuery(service, table, select, filter), token: stack.serviceRoleKey },
      ])) as [number, number];
      // Apart, and fewer times: at 100× slower it would swamp the pair above.
      const [policyOnly] = (await medians([{ query: listQuery(signedIn[who]!, table, select, undefined), token: tokens[who]! }], 11)) as [number];
      const ratio = asUser / asService;
      const barred = who !== 'filer of two communities';
      const ok = ratio <= 1.3;
      if (barred && !ok) missed = true;
      console.log(
        `  ${table.padEnd(14)} ${who.padEnd(25)} user ${asUser.toFixed(2)} ms / service_role ${asService.toFixed(2)} ms = ${ratio.toFixed(2)}` +
          `${barred ? `  bar ≤ 1.3: ${ok ? 'met' : 'MISSED'}` : ''}   (policy alone, no filter: ${policyOnly.toFixed(2)} ms = ${(policyOnly / asService).toFixed(1)}×)`,
      );
    }
  }
  console.log(`
${machine()}`);
  if (missed) process.exitCode = 1;
} finally {
  await close();
}
