// Bootstrap (as the superuser supabase_admin), then supabase/migrations/*.sql in order (recorded
// where the Supabase CLI records them), then supabase/seed.sql on a new database, both as the
// non-superuser postgres, each file in one transaction, as `supabase db push` runs them: what a
// hosted project refuses (altering auth.users, indexing storage.objects, a function in auth, a
// comment on a storage policy) is refused here, with Postgres' message and the file named.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { StackError } from './errors.ts';

const bootstrapFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bootstrap.sql');

interface PgError extends Error {
  position?: string;
  internalPosition?: string;
  internalQuery?: string;
  where?: string;
  code?: string;
}

/** "file:line:column: message", with the line Postgres' error position points at. */
export function describeSqlError(file: string, sql: string, error: PgError): string {
  const offset = Number(error.position ?? 0);
  let where = '';
  if (offset > 0) {
    // Postgres counts characters from 1 across the whole query string.
    const before = [...sql].slice(0, offset - 1).join('');
    const lines = before.split('\n');
    where = `:${lines.length}:${lines.at(-1)!.length + 1}`;
  }
  const context = error.where ? ` (${error.where.split('\n')[0]})` : '';
  return `${file}${where}: ${error.message}${context}`;
}

export interface MigrateResult {
  applied: string[];
  seeded: boolean;
}

/** What a Supabase database has before any project migration; run as the superuser. */
export async function bootstrap(superuser: pg.Client, relativeTo: string): Promise<void> {
  const { rows } = await superuser.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user');
  if (!rows[0]?.rolsuper) throw new StackError('Bootstrap must run as the superuser (supabase_admin)');
  await runFile(superuser, bootstrapFile, relativeTo);
}

/**
 * The project's migrations, then the seed, as client: postgres, which is no superuser (this
 * checks it), so a migration that only a superuser could run fails here as on `db push`.
 */
export async function migrate(
  client: pg.Client,
  options: { migrationsDir: string; seedFiles?: string[]; relativeTo: string },
): Promise<MigrateResult> {
  const { rows: who } = await client.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user');
  if (who[0]?.rolsuper) throw new StackError('Migrations must run as postgres, which is not a superuser on a hosted project');

  const done = new Map(
    (await client.query<{ version: string; statements: string[] | null }>('select version, statements from supabase_migrations.schema_migrations')).rows.map(
      (r) => [r.version, r.statements?.join('') ?? null],
    ),
  );
  const files = existsSync(options.migrationsDir)
    ? readdirSync(options.migrationsDir).filter((f) => /^\d+_.*\.sql$/.test(f)).sort()
    : [];
  const applied: string[] = [];
  for (const file of files) {
    const [version, ...rest] = file.replace(/\.sql$/, '').split('_');
    const fullPath = path.join(options.migrationsDir, file);
    const sql = readFileSync(fullPath, 'utf8');
    if (done.has(version!)) {
      // A migration edited after this database applied it would leave the database behind the
      // files without a word; say so instead of starting on a schema the code no longer expects.
      if (done.get(version!) !== null && done.get(version!) !== sql) {
        throw new StackError(
          `Migration ${path.relative(options.relativeTo, fullPath)} changed after it was applied to this database: start afresh with \`npm start -- --reset\` (the demo data is seeded again)`,
        );
      }
      continue;
    }
    try {
      await client.query('begin');
      await client.query(sql);
      await client.query(
        'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
        [version, rest.join('_'), [sql]],
      );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw new StackError(`Migration failed: ${describeSqlError(path.relative(options.relativeTo, fullPath), sql, error as PgError)}`);
    }
    applied.push(file);
  }

  // The seed runs once per database, in the same transaction as its marker, so a failed seed
  // is retried on the next start and a seeded database is never seeded twice.
  let seeded = false;
  const seeds = (options.seedFiles ?? []).filter((file) => existsSync(file));
  if (seeds.length && !(await hasSeedMarker(client))) {
    await runFiles(client, seeds, options.relativeTo, 'Seed failed', "comment on schema supabase_migrations is 'seeded'");
    seeded = true;
  }
  return { applied, seeded };
}

async function hasSeedMarker(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ c: string | null }>(
    "select obj_description('supabase_migrations'::regnamespace, 'pg_namespace') as c",
  );
  return rows[0]?.c === 'seeded';
}

async function runFile(
  client: pg.Client,
  file: string,
  relativeTo: string,
  label = 'Bootstrap failed',
  thenInSameTransaction?: string,
): Promise<void> {
  await runFiles(client, [file], relativeTo, label, thenInSameTransaction);
}

/** The files in one transaction (the core's seed, then each plugin's), failing as a whole. */
async function runFiles(
  client: pg.Client,
  files: string[],
  relativeTo: string,
  label: string,
  thenInSameTransaction?: string,
): Promise<void> {
  let file = files[0]!;
  let sql = '';
  try {
    await client.query('begin');
    for (file of files) {
      sql = readFileSync(file, 'utf8');
      await client.query(sql);
    }
    if (thenInSameTransaction) await client.query(thenInSameTransaction);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw new StackError(`${label}: ${describeSqlError(path.relative(relativeTo, file), sql, error as PgError)}`);
  }
}
