// Reading past PostgREST's row cap.
import type { PostgrestError } from '@supabase/supabase-js';

const PAGE = 1000; // PostgREST's max_rows (supabase/config.toml)

/** Every row of a query, a page of 1,000 at a time; `page(from, to)` must order by a unique key. */
export async function fetchAll<T>(page: (from: number, to: number) => PromiseLike<{ data: unknown; error: PostgrestError | null }>): Promise<T[]> {
  const rows: T[] = [];
  for (let from = 0; ; from += PAGE) {
    const { data, error } = await page(from, from + PAGE - 1);
    if (error) throw error;
    const batch = (data ?? []) as T[];
    rows.push(...batch);
    if (batch.length < PAGE) return rows;
  }
}
