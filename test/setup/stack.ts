// Starts the real local stack once per test run, on free ports and a fresh data folder, and
// stops it (deleting the folder) afterwards.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStack } from '../../stack/index.ts';
import pg from 'pg';
import { freePort } from '../../stack/ports.ts';
import { pluginMigrations, pluginSeed } from '../../workflows/compile.ts';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';

export interface StackInfo {
  apiUrl: string;
  /** As postgres, which runs the migrations (not a superuser, as on a hosted project). */
  dbUrl: string;
  /** As supabase_admin, the superuser: fixtures that bypass RLS or triggers, reading auth.*. */
  superuserUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  /** The origin the gateway answers CORS for; browser tests serve the admin there. */
  adminPort: number;
  /** Where the first browser test file builds the admin for this stack; the others serve it. */
  adminDist: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
  }
}

export default async function setup(project: TestProject) {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), 'qt-test-stack-'));
  chmodSync(stateDir, 0o755); // as root, PostgreSQL runs as another user
  const adminPort = await freePort();
  const stack = await startStack({
    stateDir,
    apiPort: await freePort(),
    dbPort: await freePort(),
    allowedOrigins: [`http://127.0.0.1:${adminPort}`],
  });
  // The test-only sample workflow, installed as its migrations and its seed would install it
  // (each a transaction of its own, as the stack runs them).
  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  try {
    for (const sql of pluginMigrations(samplePlugin)) await db.query(sql);
    const seed = pluginSeed(samplePlugin);
    if (seed) await db.query(seed);
    // PostgREST loaded its schema cache before these tables existed: have it reload, and wait
    // until it serves them (a 404 until then, which tests would read as a refusal).
    await db.query(`notify pgrst, 'reload schema'`);
    for (const table of Object.keys(samplePlugin.declares?.tables ?? {})) await servedByPostgrest(stack.apiUrl, stack.anonKey, table);
  } finally {
    await db.end();
  }
  project.provide('stack', {
    apiUrl: stack.apiUrl,
    dbUrl: stack.dbUrl,
    superuserUrl: stack.superuserUrl,
    anonKey: stack.anonKey,
    serviceRoleKey: stack.serviceRoleKey,
    jwtSecret: stack.jwtSecret,
    adminPort,
    adminDist: path.join(stateDir, 'admin-dist'),
  });
  return async () => {
    await stack.stop();
    rmSync(stateDir, { recursive: true, force: true });
  };
}

async function servedByPostgrest(apiUrl: string, anonKey: string, table: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const status = await fetch(`${apiUrl}/rest/v1/${table}?select=*&limit=0`, { headers: { apikey: anonKey }, signal: AbortSignal.timeout(2000) })
      .then((r) => r.status)
      .catch(() => 0);
    if (status !== 404 && status !== 0) return;
    if (Date.now() > deadline) throw new Error(`PostgREST does not serve public.${table} 15 s after the schema reload`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
