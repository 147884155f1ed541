// Row counts and checksums of every table in every schema that is not PostgreSQL's own: what a
// test compares before and after to show nothing (or exactly what it expects) was written.
import type pg from 'pg';

export interface TableFigure {
  rows: number;
  /** md5 of every row's text, in the order of that text: no ctid, no physical order. */
  md5: string;
}

export async function tableFigures(db: pg.ClientBase): Promise<Record<string, TableFigure>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_'
      order by 1`,
  );
  if (!tables.length) return {};
  // One statement, so the figures are of one snapshot.
  const { rows } = await db.query<{ name: string; rows: number; md5: string }>(
    tables
      .map(({ name }) => `select '${name.replaceAll("'", "''")}' as name, count(*)::int as rows,
              md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from ${name} t`)
      .join('\nunion all\n'),
  );
  return Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, md5: r.md5 }]));
}

/** The tables whose figures differ, with both figures. */
export function changedTables(before: Record<string, TableFigure>, after: Record<string, TableFigure>): Record<string, [TableFigure | undefined, TableFigure | undefined]> {
  const changed: Record<string, [TableFigure | undefined, TableFigure | undefined]> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [a, b] = [before[name], after[name]];
    if (a?.rows !== b?.rows || a?.md5 !== b?.md5) changed[name] = [a, b];
  }
  return changed;
}
