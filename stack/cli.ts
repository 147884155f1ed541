// `npm start`: the local Supabase stack with the demo data, and the admin on Vite.
//   npm start -- --reset       start from an empty database (deletes .stack/)
//   npm start -- --no-admin    the stack only
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, projectRoot, readSupabaseConfig } from './config.ts';
import { StackError } from './errors.ts';
import { defaultStateDir, startStack, type RunningStack } from './index.ts';
import { assertPortFree } from './ports.ts';

const startedAt = performance.now();
const { values } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    'no-admin': { type: 'boolean', default: false },
    'state-dir': { type: 'string' },
    'api-port': { type: 'string' },
    'db-port': { type: 'string' },
    'admin-port': { type: 'string' },
  },
});

const config = readSupabaseConfig();
const adminPort = Number(values['admin-port'] ?? 5173);
const adminUrl = `http://127.0.0.1:${adminPort}`;
let stack: RunningStack | undefined;
let admin: { close(): Promise<void> } | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  await admin?.close().catch(() => undefined);
  await stack?.stop();
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (!stopping) console.log(`\nStopping (${signal})…`);
    void shutdown(0);
  });
}

try {
  if (process.getuid?.() === 0) console.log('Running as root: PostgreSQL runs as the "postgres" system user (created if absent).');
  const withAdmin = !values['no-admin'];
  if (withAdmin) await assertPortFree(adminPort, 'admin');
  stack = await startStack({
    stateDir: values['state-dir'] ?? defaultStateDir,
    reset: values.reset,
    apiPort: values['api-port'] ? Number(values['api-port']) : undefined,
    dbPort: values['db-port'] ? Number(values['db-port']) : undefined,
    allowedOrigins: [adminUrl, `http://localhost:${adminPort}`, config.siteUrl, ...config.additionalRedirectUrls],
    config,
  });
  if (stack.migrations.applied.length) console.log(`Applied migrations: ${stack.migrations.applied.join(', ')}`);
  if (stack.migrations.seeded) console.log('Loaded the demo data (supabase/seed.sql).');

  if (withAdmin) {
    // The admin is pointed at this stack unless .env says otherwise.
    process.env.VITE_SUPABASE_URL ??= stack.apiUrl;
    process.env.VITE_SUPABASE_ANON_KEY ??= stack.anonKey;
    const { createServer } = await import('vite');
    const server = await createServer({
      root: projectRoot,
      server: { host: '127.0.0.1', port: adminPort, strictPort: true },
      logLevel: 'warn',
    });
    await server.listen();
    admin = server;
  }

  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`Ready in ${seconds}s: ${withAdmin ? `admin ${adminUrl}, ` : ''}API ${stack.apiUrl}, database ${stack.dbUrl}`);
  console.log(`  Demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.map((a) => `${a.email} (${a.label})`).join(', ')}`);
  console.log(`  anon key: ${stack.anonKey}`);
  console.log(`  Data in ${stack.stateDir} (npm start -- --reset starts afresh). Ctrl-C stops everything.`);
} catch (error) {
  const message = error instanceof StackError ? error.message : (error as Error).stack ?? String(error);
  console.error(`Error: ${message}`);
  await shutdown(1);
}
