// Rows as the database's generated types describe them (src/types/database.ts, written by
// `npm run db:types` from the migrations), and the few facts about rows those types cannot carry.
// The typed client (createClient<Database>) infers each query's rows from its select string;
// rows that come through Refine's generic data provider are typed with SelectRow from the same
// string the request sends, so no screen describes a table by hand.
import type { QueryData } from '@supabase/supabase-js';
import { supabaseClient } from '@/providers/supabase-client';
import type { Database, Json, TablesInsert } from '@/types/database';

export type { Database, Enums, Json, Tables, TablesInsert, TablesUpdate } from '@/types/database';

export type TableName = keyof Database['public']['Tables'];
export type FunctionName = keyof Database['public']['Functions'];

/**
 * A row of what a set-returning function (RETURNS TABLE, SETOF) gives. The CLI types a RETURNS
 * TABLE column as never null, whatever the function returns in it.
 */
export type FunctionRow<F extends FunctionName> = Database['public']['Functions'][F]['Returns'] extends (infer R)[] ? R : never;

// Never called: its type is supabase-js' inference for `select(columns)` on a table.
const selectQuery = <T extends TableName, Q extends string>(table: T, columns: Q) => supabaseClient.from(table).select(columns);

/** One row of `from(table).select(columns)`, embeds included, as the typed client infers it. */
export type SelectRow<T extends TableName, Q extends string> = QueryData<ReturnType<typeof selectQuery<T, Q>>>[number];

/**
 * A row with the columns that may be null said so: the CLI types every column of a RETURNS
 * TABLE function as never null, whatever the function puts in it.
 */
export type WithNulls<R, K extends keyof R> = Omit<R, K> & { [P in K]: R[P] | null };

/** A jsonb object: a workflow instance's form, an event's payload (the database checks it is one). */
export type JsonObject = { [key: string]: Json | undefined };

/** A jsonb value the database holds as an object, read as one ({} for anything else). */
export function jsonObject(value: Json | undefined): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/**
 * Values the admin sends as jsonb (a form, an event's payload): what zod parsed from a form,
 * plain JSON data by the schemas' construction, which `Record<string, unknown>` cannot say.
 */
export const asJson = (values: Record<string, unknown>): Json => values as Json;

/**
 * A row to insert, less the columns the table's BEFORE INSERT trigger derives from the row's
 * references (street_id from the campaign, task, unit or round; a subitem's version_id from its
 * item): the trigger overwrites what a client sends, so the admin sends none. They are NOT NULL
 * without a default, which is all the generated Insert type can see, so it asks for them; name
 * them here: `derived<'campaign_phases', 'street_id'>(rows)`.
 */
export function derived<T extends TableName, K extends keyof TablesInsert<T>>(row: Omit<TablesInsert<T>, K>): TablesInsert<T>;
export function derived<T extends TableName, K extends keyof TablesInsert<T>>(rows: Omit<TablesInsert<T>, K>[]): TablesInsert<T>[];
export function derived(rows: unknown): unknown {
  return rows;
}
