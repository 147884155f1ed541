// PostgreSQL killed with SIGKILL in the middle of a write load, on a stack of this test's own (a
// temporary folder, free ports), so the shared test stack is untouched. Every write the API
// acknowledged to a client must be there after the next start, and that start must need no
// manual repair: the same startStack on the same folder, as `npm start` would run it.
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { supabaseDir } from '../../stack/config.ts';
import { startStack, type RunningStack } from '../../stack/index.ts';
import { freePort } from '../../stack/ports.ts';
import { pluginMigrations } from '../../workflows/compile.ts';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';
import { createUser } from '../support/users.ts';

const PASSWORD = 'crash-pass-123';
const stateDir = mkdtempSync(path.join(os.tmpdir(), 'qt-crash-'));
chmodSync(stateDir, 0o755); // as root, PostgreSQL runs as the "postgres" user
// Both starts run the migrations as they were when the test began, whatever is edited meanwhile.
const migrationsDir = mkdtempSync(path.join(os.tmpdir(), 'qt-crash-migrations-'));
cpSync(path.join(supabaseDir, 'migrations'), migrationsDir, { recursive: true });
const running: RunningStack[] = [];

afterAll(async () => {
  for (const stack of running) await stack.stop().catch(() => undefined);
  rmSync(stateDir, { recursive: true, force: true });
  rmSync(migrationsDir, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
};

async function query<R extends pg.QueryResultRow>(dbUrl: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function signIn(stack: RunningStack, email: string): Promise<string> {
  const response = await fetch(`${stack.apiUrl}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A PostgREST call as a user; rejects on a network error, resolves with the status and body. */
async function api(stack: RunningStack, token: string, method: string, pathAndQuery: string, body?: unknown) {
  const response = await fetch(`${stack.apiUrl}/rest/v1/${pathAndQuery}`, {
    method,
    headers: {
      apikey: stack.anonKey,
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      prefer: 'return=representation',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

describe('PostgreSQL killed with SIGKILL under a write load', () => {
  it('keeps every acknowledged write, and the next start needs no repair', { timeout: 120_000 }, async () => {
    const ports = { apiPort: await freePort(), dbPort: await freePort() };
    const first = await startStack({ stateDir, migrationsDir, ...ports });
    running.push(first);
    const db = new pg.Client({ connectionString: first.dbUrl });
    await db.connect();
    // The world: a street with a community, an office and a filer; the sample workflow installed
    // as its migration would install it.
    let street: number, community: number;
    const writers: string[] = [];
    const firers: string[] = [];
    try {
      for (const sql of pluginMigrations(samplePlugin)) await db.query(sql);
      street = (await db.query<{ id: number }>(`insert into public.units (kind, name) values ('street', '崩溃街道') returning id::int`)).rows[0]!.id;
      community = (await db.query<{ id: number }>(`insert into public.units (kind, name, parent_id) values ('community', '崩溃社区', $1) returning id::int`, [street])).rows[0]!.id;
      for (let i = 0; i < 6; i++) {
        const id = await createUser(db, `office${i}@crash.local`, PASSWORD);
        await db.query(`insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'street_office')`, [id, street]);
        writers.push(`office${i}@crash.local`);
      }
      for (let i = 0; i < 2; i++) {
        const id = await createUser(db, `filer${i}@crash.local`, PASSWORD);
        await db.query(`insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'community_filer')`, [id, community]);
        firers.push(`filer${i}@crash.local`);
      }
    } finally {
      await db.end();
    }
    const writerTokens = await Promise.all(writers.map((e) => signIn(first, e)));
    const firerTokens = await Promise.all(firers.map((e) => signIn(first, e)));

    // What the API acknowledged: units (id → name), and workflow instances with the revision and
    // log length of their last acknowledged fire.
    const units = new Map<number, string>();
    const instances = new Map<number, { revision: number; events: string[] }>();
    let failures = 0;
    let stopping = false;

    const writeUnits = async (token: string, client: number) => {
      for (let i = 0; !stopping; i++) {
        const name = `崩溃小区-${client}-${i}`;
        try {
          const r = await api(first, token, 'POST', 'units?select=id,name', { kind: 'compound', name, parent_id: community });
          if (r.status !== 201) throw new Error(`${r.status}`);
          const [row] = r.body as { id: number; name: string }[];
          units.set(row!.id, row!.name);
        } catch {
          failures += 1;
          return; // the server is gone: this client gives up, as a user's request would fail
        }
      }
    };
    const fireEvents = async (token: string) => {
      while (!stopping) {
        try {
          const started = await api(first, token, 'POST', 'rpc/start_workflow', { p_workflow: 'sample', p_subject_unit_id: community, p_form: {} });
          if (started.status !== 200) throw new Error(`${started.status}`);
          const id = (started.body as { id: number }).id;
          instances.set(id, { revision: 0, events: ['start'] });
          // The filer cancels it: a fire that writes the instance and the log in one transaction.
          const fired = await api(first, token, 'POST', 'rpc/fire_event', { p_instance_id: id, p_event: 'cancel', p_expected_revision: 0, p_payload: { comment: '撤销' } });
          if (fired.status !== 200) throw new Error(`${fired.status}`);
          instances.set(id, { revision: 1, events: ['start', 'cancel'] });
        } catch {
          failures += 1;
          return;
        }
      }
    };

    const load = Promise.all([...writerTokens.map((t, i) => writeUnits(t, i)), ...firerTokens.map((t) => fireEvents(t))]);
    // Mid-load: once a few hundred writes are acknowledged, kill the postmaster outright.
    const deadline = Date.now() + 30_000;
    while (units.size + instances.size < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(units.size + instances.size, 'the load was running').toBeGreaterThanOrEqual(300);
    const postmaster = Number(readFileSync(path.join(stateDir, 'db', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    const loadEnded = Date.now();
    await load;
    stopping = true;
    // Every client saw its in-flight request fail, and no more were acknowledged after.
    expect(failures).toBe(writers.length + firers.length);
    expect(Date.now() - loadEnded).toBeLessThan(15_000);
    for (let i = 0; i < 100 && alive(postmaster); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive(postmaster)).toBe(false);
    const acknowledgedUnits = new Map(units);
    const acknowledgedInstances = new Map(instances);

    // The rest of the stack stops as Ctrl-C would stop it; then the same start on the same folder.
    await first.stop();
    running.splice(running.indexOf(first), 1);
    const second = await startStack({ stateDir, migrationsDir, ...ports });
    running.push(second);
    expect(second.created).toBe(false);
    // It was a crash, and PostgreSQL recovered from its WAL by itself.
    expect(readFileSync(path.join(stateDir, 'logs', 'postgres.log'), 'utf8')).toMatch(/not properly shut down; automatic recovery in progress/);

    // Every acknowledged unit is there with the name it was given.
    const unitRows = await query<{ id: number; name: string }>(second.dbUrl, 'select id::int, name from public.units where parent_id = $1', [community]);
    const stored = new Map(unitRows.map((r) => [r.id, r.name]));
    const missingUnits = [...acknowledgedUnits].filter(([id, name]) => stored.get(id) !== name);
    expect(missingUnits).toEqual([]);
    // Every acknowledged instance is there at least at its acknowledged revision, with its log.
    const instanceRows = await query<{ id: number; revision: number; events: string[] }>(
      second.dbUrl,
      `select i.id::int, i.revision, array_agg(e.event order by e.id) as events
         from public.workflow_instances i join public.workflow_events e on e.instance_id = i.id
        where i.subject_unit_id = $1 group by i.id`,
      [community],
    );
    const storedInstances = new Map(instanceRows.map((r) => [r.id, r]));
    const missingInstances = [...acknowledgedInstances].filter(([id, ack]) => {
      const row = storedInstances.get(id);
      return !row || row.revision < ack.revision || row.events.slice(0, ack.events.length).join() !== ack.events.join();
    });
    expect(missingInstances).toEqual([]);
    // The log never runs ahead of its instance: one event per revision, plus the start.
    for (const row of instanceRows) expect(row.events.length, `instance ${row.id}`).toBe(row.revision + 1);

    // And the stack works: a user signs in and writes through the API.
    const token = await signIn(second, writers[0]!);
    const after = await api(second, token, 'POST', 'units?select=id', { kind: 'compound', name: '重启后的小区', parent_id: community });
    expect(after.status).toBe(201);
    console.log(`crash: ${acknowledgedUnits.size} units and ${acknowledgedInstances.size} instances acknowledged before the kill, all there after the restart`);
  });
});
