// What the benchmarks share: a stack of their own in a temporary folder on free ports, a timer
// for the setup steps, signed-in members, and the line that says which machine measured.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startStack } from '../../stack/index.ts';
import { freePort } from '../../stack/ports.ts';
import { createMember, nodeClientOptions } from '../support/users.ts';

export type BenchStack = Awaited<ReturnType<typeof startStack>>;

/** Starts a stack in a new temporary folder, with a superuser connection; close() removes it all. */
export async function benchStack(name: string) {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), `qt-bench-${name}-`));
  chmodSync(stateDir, 0o755); // as root, PostgreSQL runs as another user
  const stack = await startStack({ stateDir, apiPort: await freePort(), dbPort: await freePort() });
  const db = new pg.Client({ connectionString: stack.superuserUrl });
  await db.connect();
  return {
    stack,
    db,
    async close() {
      await db.end();
      await stack.stop();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** Runs a setup step and prints how long it took. */
export async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/** The bench's own street (压测街道) with one community (压测社区). */
export async function benchPlace(db: pg.Client): Promise<{ street: string; community: string }> {
  const { rows } = await db.query<{ street: string; community: string }>(`
    with st as (insert into public.units (kind, name) values ('street', '压测街道') returning id)
    insert into public.units (kind, name, parent_id) select 'community', '压测社区', id from st
    returning street_id as street, id as community`);
  return rows[0]!;
}

const PASSWORD = 'bench-password-1';

/** A user with these memberships, signed in through the auth server; its client and token. */
export async function member(
  stack: BenchStack,
  db: pg.Client,
  email: string,
  memberships: { unit: string | number; role: string }[],
): Promise<{ client: SupabaseClient; token: string }> {
  await createMember(db, email, PASSWORD, memberships);
  const client = createClient(stack.apiUrl, stack.anonKey, nodeClientOptions);
  const { error } = await client.auth.signInWithPassword({ email, password: PASSWORD });
  if (error) throw error;
  return { client, token: (await client.auth.getSession()).data.session!.access_token };
}

/** PostgREST reloads its schema cache on a notify: waits until it serves the table. */
export async function waitForTable(stack: BenchStack, table: string, token = stack.serviceRoleKey): Promise<void> {
  for (let i = 0; ; i++) {
    const probe = await fetch(`${stack.apiUrl}/rest/v1/${table}?select=id&limit=1`, { headers: { apikey: stack.anonKey, authorization: `Bearer ${token}` } });
    const body = await probe.text();
    if (probe.ok && body !== '[]') return;
    if (i > 100) throw new Error(`PostgREST does not serve ${table}: ${probe.status} ${body}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const machine = () =>
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
