// `npm run bench:fire`: the workflow engine's fire path against a plain update. Starts its own
// stack (temporary folder, free ports), installs the test-only sample workflow as the test setup
// does, and has 8 concurrent clients, each on its own slice of rows so no two ever wait on one
// row lock, send the same number of
//   - events: POST /rest/v1/rpc/fire_event, `note` on an instance in review.waiting (a targetless
//     transition that only logs, so one instance takes it again and again), and
//   - plain updates: PATCH /rest/v1/bench_plain?id=eq.X setting one text column.
// Bar: the fire path costs at most 1.2× the plain update (update rate / fire rate ≤ 1.2, issue 14's).
// Then the same two inside the database on one connection (printed, no bar): the fire path's own
// cost, without the HTTP layers whose noise the ratio carries.
//
// Why the baseline is fair: the same street office user and token, the same gateway and
// PostgREST, RLS on with the scope policy written like workflow_instances' (same helpers), one
// row per request, and both answer with the row (`return=representation`): fire_event must
// return the instance, its client needs the new revision.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { pluginMigrations } from '../../workflows/compile.ts';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';
import { benchPlace, benchStack, machine, member, waitForTable } from './support.ts';

const CLIENTS = 8;
const PER_CLIENT = 250;
const ROWS = CLIENTS * PER_CLIENT;
const WARMUP_PER_CLIENT = 25;
// Rounds alternate fire and plain, so drift (checkpoints, autovacuum) hits both alike.
const ROUNDS = 5;
const BAR = 1.2;

const { stack, db, close } = await benchStack('fire');

try {
  // Setup, not measured: the sample workflow, one street with one community, and the office.
  for (const sql of pluginMigrations(samplePlugin)) await db.query(sql);
  const { street, community } = await benchPlace(db);

  const { token } = await member(stack, db, 'office@bench.local', [{ unit: street, role: 'street_office' }]);

  // Instances inserted as the superuser straight into review.waiting of version 2: setup, not
  // what is measured (start_workflow + submit would only add log rows we do not time). The
  // plain table gets the same number of rows in the same scope.
  const { rows: instanceRows } = await db.query<{ id: string }>(
    `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form, form_saved_at)
     select 'sample', 2, 'review.waiting', $1, $2, $1, '{"title":"压测","items":["加装电梯"]}', now()
     from generate_series(1, ${ROWS})
     returning id`,
    [community, street],
  );
  const instanceIds = instanceRows.map((r) => r.id).sort((a, b) => Number(a) - Number(b));
  // Each with the log row that took it there, as every instance has (a move's bookkeeping —
  // timers planned, handlers ended — is then the submit's, not the first note's).
  await db.query(
    `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_roles, street_id, community_id)
     select id, workflow, version, 'submit', 'draft', state, '{community_filer}', street_id, community_id
     from public.workflow_instances where id = any ($1::bigint[]) order by id`,
    [instanceIds],
  );
  await db.query(`
    create table public.bench_plain (
      id bigint generated always as identity primary key,
      street_id bigint not null,
      community_id bigint,
      note text
    );
    create index bench_plain_street_id_id_idx on public.bench_plain (street_id, id);
    create index bench_plain_community_id_id_idx on public.bench_plain (community_id, id);
    alter table public.bench_plain enable row level security;
    revoke all on public.bench_plain from anon, authenticated;
    grant select, update (note) on public.bench_plain to authenticated;
    -- workflow_instances' select policy, word for word, and the office writes in its street.
    create policy bench_plain_select on public.bench_plain for select to authenticated
    using (
      street_id = any ((select private.scope_unit_ids())::bigint[])
      or community_id = any ((select private.scope_unit_ids())::bigint[])
      or (community_id is null and street_id = any ((select private.member_street_ids())::bigint[]))
    );
    create policy bench_plain_update on public.bench_plain for update to authenticated
    using (street_id = any ((select private.office_street_ids())::bigint[]))
    with check (street_id = any ((select private.office_street_ids())::bigint[]));
    insert into public.bench_plain (street_id, community_id) select ${street}, ${community} from generate_series(1, ${ROWS});
    analyze public.workflow_instances; analyze public.workflow_events; analyze public.bench_plain;
    notify pgrst, 'reload schema';`);
  const { rows: plainRows } = await db.query<{ id: string }>('select id from public.bench_plain order by id');
  const plainIds = plainRows.map((r) => r.id);

  const headers = {
    apikey: stack.anonKey,
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    prefer: 'return=representation',
  };
  await waitForTable(stack, 'bench_plain', token);

  // Each request is checked: 2xx, and the row it acted on. Failures are counted, not thrown,
  // so one bad answer does not hide the others.
  const revisions = new Map(instanceIds.map((id) => [id, 0]));
  const failures: string[] = [];
  let noteNumber = 0;

  async function fire(id: string): Promise<void> {
    const expected = revisions.get(id)!;
    const response = await fetch(`${stack.apiUrl}/rest/v1/rpc/fire_event`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ p_instance_id: Number(id), p_event: 'note', p_expected_revision: expected, p_payload: { comment: `压测备注 ${++noteNumber}` } }),
    });
    const body = await response.text();
    if (!response.ok) return void failures.push(`fire ${id}: ${response.status} ${body}`);
    const row = JSON.parse(body) as { id: number; revision: number; state: string };
    if (String(row.id) !== id || row.revision !== expected + 1 || row.state !== 'review.waiting') {
      return void failures.push(`fire ${id}: unexpected row ${body}`);
    }
    revisions.set(id, row.revision);
  }

  async function patch(id: string): Promise<void> {
    const response = await fetch(`${stack.apiUrl}/rest/v1/bench_plain?id=eq.${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ note: `压测备注 ${++noteNumber}` }),
    });
    const body = await response.text();
    if (!response.ok) return void failures.push(`patch ${id}: ${response.status} ${body}`);
    const rows = JSON.parse(body) as { id: number }[];
    if (rows.length !== 1 || String(rows[0]!.id) !== id) failures.push(`patch ${id}: unexpected rows ${body}`);
  }

  // CLIENTS workers, worker w sending one request per row of its slice, one at a time.
  async function round(ids: string[], perClient: number, send: (id: string) => Promise<void>): Promise<number> {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, w) => {
        for (const id of ids.slice(w * PER_CLIENT, w * PER_CLIENT + perClient)) await send(id);
      }),
    );
    return (CLIENTS * perClient) / ((performance.now() - started) / 1000);
  }

  const countEvents = async () => Number((await db.query<{ n: string }>('select count(*) as n from public.workflow_events')).rows[0]!.n);
  const eventsBefore = await countEvents();

  await round(instanceIds, WARMUP_PER_CLIENT, fire);
  await round(plainIds, WARMUP_PER_CLIENT, patch);

  console.log(`\n${CLIENTS} concurrent clients × ${PER_CLIENT} rows each, ${ROWS} requests per round, after a warm-up of ${CLIENTS} × ${WARMUP_PER_CLIENT}`);
  const fireRates: number[] = [];
  const plainRates: number[] = [];
  for (let r = 1; r <= ROUNDS; r++) {
    const fired = await round(instanceIds, PER_CLIENT, fire);
    const patched = await round(plainIds, PER_CLIENT, patch);
    fireRates.push(fired);
    plainRates.push(patched);
    console.log(`  round ${r}: fire_event ${fired.toFixed(0)} events/s, plain PATCH ${patched.toFixed(0)} updates/s, ratio ${(patched / fired).toFixed(2)}`);
  }

  // The same two inside the database, without the gateway and PostgREST: one connection, each
  // request's transaction as PostgREST sends it (the role and the token's claims set locally).
  // Printed, no bar: where the fire path's own cost is read with less noise than over HTTP.
  const claims = Buffer.from(token.split('.')[1]!, 'base64url').toString();
  const direct = new pg.Client({ connectionString: stack.superuserUrl });
  await direct.connect();
  const asOffice = async (sql: string, params: unknown[]) => {
    await direct.query('begin');
    await direct.query("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)", [claims]);
    await direct.query(sql, params);
    await direct.query('commit');
  };
  const inDb: Record<'fire' | 'patch', number[]> = { fire: [], patch: [] };
  for (let r = 0; r < ROUNDS; r++) {
    let started = performance.now();
    for (const id of instanceIds.slice(0, PER_CLIENT)) {
      await asOffice('select * from public.fire_event($1, $2, $3, $4)', [id, 'note', revisions.get(id)!, { comment: `压测备注 ${++noteNumber}` }]);
      revisions.set(id, revisions.get(id)! + 1);
    }
    inDb.fire.push((performance.now() - started) / PER_CLIENT);
    started = performance.now();
    for (const id of plainIds.slice(0, PER_CLIENT)) await asOffice('update public.bench_plain set note = $2 where id = $1 returning *', [id, `压测备注 ${++noteNumber}`]);
    inDb.patch.push((performance.now() - started) / PER_CLIENT);
  }
  await direct.end();

  // Correctness: every fire left exactly one log row, and every instance's revision counts them.
  const expectedEvents = CLIENTS * WARMUP_PER_CLIENT + ROUNDS * ROWS + ROUNDS * PER_CLIENT;
  const newEvents = (await countEvents()) - eventsBefore;
  const { rows: sums } = await db.query<{ total: string }>('select sum(revision) as total from public.workflow_instances where id = any ($1::bigint[])', [instanceIds]);
  const revisionTotal = Number(sums[0]!.total);
  const { rows: notes } = await db.query<{ n: string }>('select count(*) as n from public.bench_plain where note is not null');

  // The bar is on the median of the rounds' own ratios: a round's two halves run back to back,
  // so a slow stretch of the machine lands on both, where it would skew a ratio of medians.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = median(plainRates.map((p, i) => p / fireRates[i]!));
  const met = ratio <= BAR;
  console.log(`\nmedian of ${ROUNDS} rounds:`);
  console.log(`  fire_event (rpc, note on review.waiting): ${median(fireRates).toFixed(0)} events/s`);
  console.log(`  plain PATCH of one column:                ${median(plainRates).toFixed(0)} updates/s`);
  console.log(`  cost ratio (updates/s ÷ events/s, median of the rounds' ratios): ${ratio.toFixed(2)}  bar ≤ ${BAR}: ${met ? 'met' : 'MISSED'}`);
  const logOk = newEvents === expectedEvents && revisionTotal === expectedEvents;
  console.log(`  inside the database, one transaction per request on one connection: fire_event ${median(inDb.fire).toFixed(3)} ms, plain update ${median(inDb.patch).toFixed(3)} ms, difference ${(median(inDb.fire) - median(inDb.patch)).toFixed(3)} ms`);
  console.log(`  event log: ${newEvents} new rows, revisions sum to ${revisionTotal}, expected ${expectedEvents}: ${logOk ? 'ok' : 'WRONG'}`);
  console.log(`  plain rows updated: ${notes[0]!.n} of ${ROWS}`);
  console.log(`  failed requests: ${failures.length}`);
  for (const failure of failures.slice(0, 10)) console.log(`    ${failure}`);
  console.log(`
${machine()}`);
  if (!met || !logOk || failures.length > 0 || Number(notes[0]!.n) !== ROWS) process.exitCode = 1;
} finally {
  await close();
}
