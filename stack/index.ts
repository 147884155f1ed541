// The local Supabase stack: PostgreSQL, PostgREST, the auth and storage servers and the gateway,
// started in order and stopped in reverse. `npm start` and the tests' global setup both call
// startStack.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { createAuthServer } from './auth/server.ts';
import {
  AUTH_ADMIN_ROLE,
  LOCAL_ANON_KEY,
  LOCAL_JWT_SECRET,
  LOCAL_SERVICE_ROLE_KEY,
  STORAGE_ADMIN_ROLE,
  localRoleUrl,
  readSupabaseConfig,
  seedFiles,
  projectRoot,
  supabaseDir,
  type SupabaseConfig,
} from './config.ts';
import { StackError } from './errors.ts';
import { startGateway } from './gateway.ts';
import { bootstrap, migrate, type MigrateResult } from './migrate.ts';
import { assertPortFree, freePort } from './ports.ts';
import { startScheduler, type Scheduler } from './scheduler.ts';
import { databaseClient, startPostgres } from './postgres.ts';
import { startPostgrest } from './postgrest.ts';
import { createStorageServer } from './storage/server.ts';

export interface StackOptions {
  /** Folder for the database and logs; git-ignored. */
  stateDir?: string;
  reset?: boolean;
  apiPort?: number;
  dbPort?: number;
  migrationsDir?: string;
  /** One seed file instead of config.toml's [db.seed] sql_paths (the stack's own tests). */
  seedFile?: string;
  /** Origins the gateway answers CORS for (the admin's). */
  allowedOrigins?: string[];
  config?: SupabaseConfig;
}

export interface RunningStack {
  apiUrl: string;
  /** As postgres, the role `supabase db push` and the app's own SQL use; not a superuser. */
  dbUrl: string;
  /** As supabase_admin, the superuser (bypasses RLS, reads and writes auth.* and storage.*). */
  superuserUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  jwtSecret: string;
  stateDir: string;
  created: boolean;
  /** True when this start moved a data folder of the old layout to the hosted roles. */
  upgraded: boolean;
  migrations: MigrateResult;
  /** The deadlines' timers, run every minute and on start (stack/scheduler.ts). */
  scheduler: Scheduler;
  stop(): Promise<void>;
}

export const defaultStateDir = path.join(projectRoot, '.stack');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** Refuses a second stack on one folder, and ends what a killed earlier run left behind. */
function claimStateDir(stateDir: string) {
  const ownerFile = path.join(stateDir, 'stack.pid');
  if (existsSync(ownerFile)) {
    const pid = Number(readFileSync(ownerFile, 'utf8'));
    if (pid && pid !== process.pid && alive(pid) && /node|tsx/.test(commandOf(pid))) {
      throw new StackError(`Another stack (pid ${pid}) is running on ${stateDir}; stop it first (Ctrl-C in its terminal).`);
    }
  }
  const postgrestFile = path.join(stateDir, 'postgrest.pid');
  if (existsSync(postgrestFile)) {
    const pid = Number(readFileSync(postgrestFile, 'utf8'));
    if (pid && alive(pid) && commandOf(pid).includes('postgrest')) process.kill(pid, 'SIGTERM');
  }
  writeFileSync(ownerFile, String(process.pid));
}

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const config = options.config ?? readSupabaseConfig();
  const stateDir = options.stateDir ?? defaultStateDir;
  const apiPort = options.apiPort ?? config.apiPort;
  const dbPort = options.dbPort ?? config.dbPort;
  const logDir = path.join(stateDir, 'logs');

  if (options.reset) {
    if (existsSync(path.join(stateDir, 'stack.pid'))) claimStateDir(stateDir);
    await rm(stateDir, { recursive: true, force: true });
  }
  await mkdir(logDir, { recursive: true });
  claimStateDir(stateDir);
  await assertPortFree(apiPort, 'API gateway');

  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
    stops.length = 0;
    await rm(path.join(stateDir, 'stack.pid'), { force: true });
    await rm(path.join(stateDir, 'postgrest.pid'), { force: true });
  };

  try {
    const postgres = await startPostgres({
      dataDir: path.join(stateDir, 'db'),
      port: dbPort,
      majorVersion: config.dbMajorVersion,
      logFile: path.join(logDir, 'postgres.log'),
    });
    stops.push(() => postgres.stop());

    // Bootstrap as the superuser; the migrations and the seed as postgres, as on db push.
    const admin = databaseClient(postgres.superuserUrl);
    await admin.connect();
    try {
      await bootstrap(admin, projectRoot);
    } finally {
      await admin.end();
    }
    const client = databaseClient(postgres.url);
    await client.connect();
    let migrations: MigrateResult;
    try {
      migrations = await migrate(client, {
        migrationsDir: options.migrationsDir ?? path.join(supabaseDir, 'migrations'),
        seedFiles: options.seedFile ? [options.seedFile] : seedFiles(config.seedPaths),
        relativeTo: projectRoot,
      });
    } finally {
      await client.end();
    }

    const scheduler = await startScheduler({ dbUrl: postgres.url, logFile: path.join(logDir, 'scheduler.log') });
    stops.push(() => scheduler.stop());

    const postgrest = await startPostgrest({
      dbPort,
      port: await freePort(),
      jwtSecret: LOCAL_JWT_SECRET,
      config,
      logFile: path.join(logDir, 'postgrest.log'),
    });
    writeFileSync(path.join(stateDir, 'postgrest.pid'), String(postgrest.process.pid));
    stops.push(() => postgrest.stop());

    const apiUrl = `http://127.0.0.1:${apiPort}`;
    // The auth server logs in as supabase_auth_admin, which owns auth.*, as GoTrue does.
    const auth = createAuthServer({
      dbUrl: localRoleUrl(AUTH_ADMIN_ROLE, dbPort),
      jwtSecret: LOCAL_JWT_SECRET,
      issuer: `${apiUrl}/auth/v1`,
      jwtExpiry: config.jwtExpiry,
      enableSignup: config.enableSignup,
      refreshTokenReuseInterval: config.refreshTokenReuseInterval,
      minimumPasswordLength: config.minimumPasswordLength,
    });
    stops.push(() => auth.close());

    // Files under <stateDir>/storage; the server logs in as supabase_storage_admin, which owns
    // storage.*, as storage-api does, and switches to the caller's role for each request.
    const storage = await createStorageServer({
      dbUrl: localRoleUrl(STORAGE_ADMIN_ROLE, dbPort),
      jwtSecret: LOCAL_JWT_SECRET,
      rootDir: path.join(stateDir, 'storage'),
    });
    stops.push(() => storage.close());

    await assertPortFree(apiPort, 'API gateway');
    const gateway = await startGateway({
      port: apiPort,
      apiKeys: [LOCAL_ANON_KEY, LOCAL_SERVICE_ROLE_KEY],
      postgrestPort: postgrest.port,
      allowedOrigins: options.allowedOrigins ?? [config.siteUrl, ...config.additionalRedirectUrls],
      auth: auth.handle,
      storage: storage.handle,
    });
    stops.push(() => gateway.close());

    return {
      apiUrl,
      dbUrl: postgres.url,
      superuserUrl: postgres.superuserUrl,
      anonKey: LOCAL_ANON_KEY,
      serviceRoleKey: LOCAL_SERVICE_ROLE_KEY,
      jwtSecret: LOCAL_JWT_SECRET,
      stateDir,
      created: postgres.created,
      upgraded: postgres.upgraded,
      migrations,
      scheduler,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export { StackError };
