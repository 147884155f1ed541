import { createClient } from '@supabase/supabase-js';
import { SUPABASE_ANON_KEY, SUPABASE_URL } from '@/config';
import type { Database } from '@/types/database';

// Typed by the database's generated types (src/types/database.ts, `npm run db:types`): each
// query's rows, filters, inserts and RPC arguments are checked against the schema.
export const supabaseClient = createClient<Database>(SUPABASE_URL, SUPABASE_ANON_KEY, {
  db: { schema: 'public' },
  auth: { persistSession: true, autoRefreshToken: true },
});
