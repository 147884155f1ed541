// Reading past PostgREST's row cap.
import type { PostgrestError } from '@supabase/supabase-js';

const PAGE = 1000; // PostgREST's max_rows (supabase/config.toml)

type Page<T> = (from: number, to: number) => PromiseLike<{ data: T[] | null; error: PostgrestError | null }>;

/**
 * Every row of a query, a page of 1,000 at a time; `page(from, to)` must order by a unique key.
 * The rows are typed as the typed client infers the query's.
 */
export async function fetchAll<T>(page: Page<T>): Promise<T[]> {
  const rows: T[] = [];
  for (let from = 0; ; from += PAGE) {
    const { data, error } = await page(from, from + PAGE - 1);
    if (error) throw error;
    const batch = data ?? [];
    rows.push(...batch);
    if (batch.length < PAGE) return rows;
  }
}
