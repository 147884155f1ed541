// supabase-js clients against the test stack, as a real user or with a key.
import { createClient, type SupabaseClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import pg from 'pg';
import { inject } from 'vitest';
import ws from 'ws';
import { DEMO_PASSWORD } from '../../stack/config.ts';

export const stack = () => inject('stack');

// Node 20 has no global WebSocket; supabase-js builds its realtime client eagerly.
// (ws's constructor type is wider than realtime-js declares, hence the cast.)
type Transport = NonNullable<NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']>;
const options: SupabaseClientOptions<'public'> = {
  auth: { persistSession: false, autoRefreshToken: false },
  realtime: { transport: ws as unknown as Transport },
};

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

/** A superuser connection, for checking what landed in the database. */
export async function superuser(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: stack().dbUrl });
  await client.connect();
  return client;
}

let counter = 0;
/** An email no other test uses. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${process.pid}.${Date.now().toString(36)}.${counter++}@test.local`;
}

/** A confirmed user created in auth.users as the auth server stores one; returns its id. */
export async function createUser(db: pg.Client, email: string, password: string, fullName: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
       raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token, email_change_token_new, email_change)
     values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1,
       extensions.crypt($2, extensions.gen_salt('bf', 4)), now(), '{"provider":"email","providers":["email"]}', jsonb_build_object('full_name', $3::text),
       now(), now(), '', '', '', '') returning id`,
    [email, password, fullName],
  );
  return rows[0]!.id;
}
