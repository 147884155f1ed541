// Reading past PostgREST's row cap.
import type { PostgrestError } from '@supabase/supabase-js';

const PAGE = 1000; // PostgREST's max_rows (supabase/config.toml)

type Page<T> = (from: number, to: number) => PromiseLike<{ data: T[] | null; error: PostgrestError | null }>;

/**
 * Every row of a query, a page of 1,000 at a time; `page(from, to)` must order by a unique key.
 * The rows are typed as the typed client infers the query's.
 */
export function fetchAll<T>(page: Page<T>): Promise<T[]>;
/**
 * Rows typed by the caller, unchecked: for call sites not yet typed by the generated types.
 * @deprecated let the query's type come through (drop the type argument).
 */
export function fetchAll<T>(page: (from: number, to: number) => PromiseLike<{ data: unknown; error: PostgrestError | null }>): Promise<T[]>;
export async function fetchAll<T>(page: Page<T> | ((from: number, to: number) => PromiseLike<{ data: unknown; error: PostgrestError | null }>)): Promise<T[]> {
  const rows: T[] = [];
  for (let from = 0; ; from += PAGE) {
    const { data, error } = await page(from, from + PAGE - 1);
    if (error) throw error;
    const batch = (data ?? []) as T[];
    rows.push(...batch);
    if (batch.length < PAGE) return rows;
  }
}
