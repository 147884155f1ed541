// `npm start`: the local Supabase stack with the demo data, and the admin: a production build,
// made once per state of the sources (./admin.ts), served on 5173.
//   npm start -- --reset       start from an empty database (deletes .stack/)
//   npm start -- --no-admin    the stack only
//   npm start -- --dev         the admin on Vite's dev server (hot reload; slow first screen)
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { adminBuild, serveAdmin, type AdminBuild } from './admin.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, projectRoot, readSupabaseConfig } from './config.ts';
import { StackError } from './errors.ts';
import { defaultStateDir, startStack, type RunningStack } from './index.ts';
import { assertPortFree } from './ports.ts';

const startedAt = performance.now();
const { values } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    'no-admin': { type: 'boolean', default: false },
    dev: { type: 'boolean', default: false },
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
  // The build needs nothing of the stack (the API's address is filled in when served): both at once.
  const building: Promise<AdminBuild | Error> | undefined =
    withAdmin && !values.dev ? adminBuild().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))) : undefined;
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

  const built = await building;
  if (built instanceof Error) {
    console.error(`Building the admin failed; serving it from Vite's dev server instead.\n${built.message}`);
  } else if (built) {
    if (built.builtIn !== undefined) console.log(`Built the admin in ${built.builtIn.toFixed(1)}s (${built.dir}).`);
    admin = await serveAdmin(built, { url: stack.apiUrl, anonKey: stack.anonKey }, adminPort);
  }
  if (withAdmin && !admin) {
    // The admin is pointed at this stack unless the environment or .env says otherwise.
    const { createServer, loadEnv } = await import('vite');
    const env = loadEnv('development', projectRoot, 'VITE_');
    process.env.VITE_SUPABASE_URL = env.VITE_SUPABASE_URL || stack.apiUrl;
    process.env.VITE_SUPABASE_ANON_KEY = env.VITE_SUPABASE_ANON_KEY || stack.anonKey;
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
