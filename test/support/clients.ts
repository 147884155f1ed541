// supabase-js clients against the test stack, as a real user or with a key.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { inject } from 'vitest';
import { DEMO_PASSWORD } from '../../stack/config.ts';
import { nodeClientOptions as options } from './users.ts';

import { createMember } from './users.ts';

export { createUser } from './users.ts';

export const stack = () => inject('stack');

export function anonClient(): SupabaseClient {
  const { apiUrl, anonKey } = stack();
  return createClient(apiUrl, anonKey, options);
}

export function serviceClient(): SupabaseClient {
  const { apiUrl, serviceRoleKey } = stack();
  return createClient(apiUrl, serviceRoleKey, options);
}

/** A client signed in as the given user (a demo account by default password). */
export async function signedIn(email: string, password = DEMO_PASSWORD): Promise<SupabaseClient> {
  const client = anonClient();
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`sign-in as ${email} failed: ${error.message}`);
  return client;
}

/**
 * A superuser connection (supabase_admin), for fixtures that bypass RLS or triggers and for
 * checking what landed in the database, auth.* and storage.* included. (stack().dbUrl is
 * postgres, which is not a superuser, as on a hosted project.)
 */
export async function superuser(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: stack().superuserUrl });
  await client.connect();
  return client;
}

/**
 * A browser file's own 申报表 draft, which no other file takes further: a new community of street 1
 * (the seed's), its filer, and the draft started through the API as the filer (with `form`). The
 * caller deletes the filer afterwards; the draft stays (the log is append-only).
 */
export async function ownDraft(community: string, filer: { email: string; fullName: string }, form?: Record<string, unknown>): Promise<number> {
  const db = await superuser();
  try {
    const { rows } = await db.query<{ id: number }>("insert into public.units (kind, name, parent_id) values ('community', $1, 1) returning id::int", [community]);
    await createMember(db, filer.email, DEMO_PASSWORD, [{ unit: rows[0]!.id, role: 'community_filer' }], filer.fullName);
    const { error } = await (await signedIn(filer.email)).rpc('start_workflow', { p_workflow: 'application', p_subject_unit_id: rows[0]!.id, ...(form ? { p_form: form } : {}) });
    if (error) throw new Error(`start_workflow: ${error.message}`);
    return rows[0]!.id;
  } finally {
    await db.end();
  }
}

let counter = 0;
/** An email no other test uses. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${process.pid}.${Date.now().toString(36)}.${counter++}@test.local`;
}
