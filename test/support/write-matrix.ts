// What the write matrix (test/integration/write-matrix.test.ts) reads from the database: the
// columns each API role may write, and a table's rows before and after an attempt, with a way to
// put them back when an attempt got through.
import type pg from 'pg';

export interface ColumnGrant { table: string; column: string; privilege: 'INSERT' | 'UPDATE' }

/** Columns `authenticated` may insert or update in public, table-level grants included. */
export async function writableColumns(db: pg.ClientBase): Promise<ColumnGrant[]> {
  const { rows } = await db.query<ColumnGrant>(
    `select table_name as "table", column_name as "column", privilege_type as privilege
       from information_schema.column_privileges
      where grantee = 'authenticated' and table_schema = 'public' and privilege_type in ('INSERT', 'UPDATE')
      order by 1, 2, 3`,
  );
  return rows;
}

/**
 * Every write privilege the API roles hold (and PUBLIC, which they inherit), one line each:
 * `authenticated INSERT public.units(kind)` for column privileges (table-level grants show per
 * column), `authenticated DELETE public.units` for table privileges that have no columns.
 */
export async function writeGrants(db: pg.ClientBase, schemas = ['public', 'storage']): Promise<string[]> {
  const { rows } = await db.query<{ line: string }>(
    `select format('%s %s %s.%s(%s)', grantee, privilege_type, table_schema, table_name, column_name) as line
       from information_schema.column_privileges
      where grantee in ('anon', 'authenticated', 'PUBLIC') and table_schema = any ($1) and privilege_type in ('INSERT', 'UPDATE')
     union all
     select format('%s %s %s.%s', grantee, privilege_type, table_schema, table_name)
       from information_schema.role_table_grants
      where grantee in ('anon', 'authenticated', 'PUBLIC') and table_schema = any ($1) and privilege_type in ('DELETE', 'TRUNCATE', 'TRIGGER')`,
    [schemas],
  );
  return rows.map((r) => r.line).sort();
}

export interface Figure { rows: number; md5: string }
export type Row = Record<string, unknown>;
export interface Diff { added: Row[]; removed: Row[]; modified: { before: Row; after: Row }[] }

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Snapshots of one table at a time, kept server-side in a temp table of the superuser session:
 * before() takes one, changed() compares, diff() says what, restore() puts the rows back as they
 * were (so a hole found by one cell does not leak into the next).
 */
export class TableWatch {
  private meta = new Map<string, { columns: string[]; pk: string[] }>();

  constructor(private db: pg.ClientBase) {}

  private async metaOf(table: string) {
    let m = this.meta.get(table);
    if (!m) {
      const columns = (await this.db.query<{ name: string }>(
        // (generated columns are the table's to compute: restore writes the others)
        `select attname as name from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
        [`public.${table}`],
      )).rows.map((r) => r.name);
      const pk = (await this.db.query<{ name: string }>(
        `select a.attname as name from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
          where i.indrelid = $1::regclass and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`,
        [`public.${table}`],
      )).rows.map((r) => r.name);
      await this.db.query(`create temp table if not exists ${q(`wm_snap_${table}`)} (like public.${q(table)})`);
      m = { columns, pk };
      this.meta.set(table, m);
    }
    return m;
  }

  async primaryKey(table: string): Promise<string[]> {
    return (await this.metaOf(table)).pk;
  }

  private figureSql(relation: string) {
    return `select count(*)::int as rows, md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as md5 from ${relation} t`;
  }

  /** Takes the snapshot and returns its figure. */
  async before(table: string): Promise<Figure> {
    await this.metaOf(table);
    const snap = q(`wm_snap_${table}`);
    const results = (await this.db.query(
      `delete from ${snap}; insert into ${snap} select * from public.${q(table)}; ${this.figureSql(snap)}`,
    )) as unknown as pg.QueryResult<Figure>[];
    return results.at(-1)!.rows[0]!;
  }

  async figure(table: string): Promise<Figure> {
    return (await this.db.query<Figure>(this.figureSql(`public.${q(table)}`))).rows[0]!;
  }

  private pkEq(pk: string[], a: string, b: string) {
    return `(${pk.map((c) => `${a}.${q(c)}`).join(', ')}) = (${pk.map((c) => `${b}.${q(c)}`).join(', ')})`;
  }

  /** What changed since before(), by primary key. */
  async diff(table: string): Promise<Diff> {
    const { pk } = await this.metaOf(table);
    const snap = q(`wm_snap_${table}`);
    const t = `public.${q(table)}`;
    const added = (await this.db.query<{ r: Row }>(`select to_jsonb(t) as r from ${t} t where not exists (select 1 from ${snap} s where ${this.pkEq(pk, 's', 't')})`)).rows.map((x) => x.r);
    const removed = (await this.db.query<{ r: Row }>(`select to_jsonb(s) as r from ${snap} s where not exists (select 1 from ${t} t where ${this.pkEq(pk, 's', 't')})`)).rows.map((x) => x.r);
    const modified = (await this.db.query<{ before: Row; after: Row }>(
      `select to_jsonb(s) as before, to_jsonb(t) as after from ${snap} s join ${t} t on ${this.pkEq(pk, 's', 't')} where s::text is distinct from t::text`,
    )).rows;
    return { added, removed, modified };
  }

  /**
   * Back to the snapshot. Added rows are deleted as a normal delete first, so the triggers that
   * keep other tables current (totals, profiles' streets) undo their part; what is left is
   * written back with triggers off (session_replication_role = replica), so nothing cascades.
   */
  async restore(table: string): Promise<boolean> {
    const { pk, columns } = await this.metaOf(table);
    const snap = q(`wm_snap_${table}`);
    const t = `public.${q(table)}`;
    const deleteAdded = `delete from ${t} t where not exists (select 1 from ${snap} s where ${this.pkEq(pk, 's', 't')})`;
    try {
      await this.db.query(deleteAdded);
    } catch {
      // a guard refused it: the replica pass below deletes it
    }
    const rest = columns.filter((c) => !pk.includes(c));
    try {
      await this.db.query('begin');
      await this.db.query('set local session_replication_role = replica');
      await this.db.query(deleteAdded);
      if (rest.length) {
        await this.db.query(
          `update ${t} t set (${rest.map(q).join(', ')}) = row(${rest.map((c) => `s.${q(c)}`).join(', ')})
             from ${snap} s where ${this.pkEq(pk, 's', 't')} and s::text is distinct from t::text`,
        );
      }
      await this.db.query(
        `insert into ${t} (${columns.map(q).join(', ')}) overriding system value select ${columns.map((c) => `s.${q(c)}`).join(', ')} from ${snap} s
          where not exists (select 1 from ${t} t where ${this.pkEq(pk, 's', 't')})`,
      );
      await this.db.query('commit');
    } catch (error) {
      await this.db.query('rollback');
      throw error;
    }
    const [now, then] = [await this.figure(table), (await this.db.query<Figure>(this.figureSql(snap))).rows[0]!];
    return now.rows === then.rows && now.md5 === then.md5;
  }
}

/** A diff in a line or three, for a failure message. */
export function describeDiff(d: Diff, max = 2): string {
  const show = (r: Row) => JSON.stringify(r).slice(0, 400);
  const parts: string[] = [];
  if (d.added.length) parts.push(`added ${d.added.length}: ${d.added.slice(0, max).map(show).join('; ')}`);
  if (d.removed.length) parts.push(`removed ${d.removed.length}: ${d.removed.slice(0, max).map(show).join('; ')}`);
  if (d.modified.length) {
    parts.push(`modified ${d.modified.length}: ${d.modified.slice(0, max).map((m) => {
      const changed = Object.keys(m.after).filter((k) => JSON.stringify(m.before[k]) !== JSON.stringify(m.after[k]));
      return `${show(m.before)} → ${changed.map((k) => `${k}=${JSON.stringify(m.after[k])}`).join(', ')}`;
    }).join('; ')}`);
  }
  return parts.join(' | ');
}
