// What tests and benchmarks share without vitest: supabase-js options for Node, and users made
// straight in auth.users as the auth server stores them.
import type { SupabaseClientOptions } from '@supabase/supabase-js';
import type pg from 'pg';
import ws from 'ws';

// Node 20 has no global WebSocket; supabase-js builds its realtime client eagerly.
// (ws's constructor type is wider than realtime-js declares, hence the cast.)
type Transport = NonNullable<NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']>;
export const nodeClientOptions: SupabaseClientOptions<'public'> = {
  auth: { persistSession: false, autoRefreshToken: false },
  realtime: { transport: ws as unknown as Transport },
};

/** A confirmed user created in auth.users as the auth server stores one; returns its id. */
export async function createUser(db: pg.Client, email: string, password: string, fullName = ''): Promise<string> {
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

/** A user (as createUser) holding these memberships; returns its id. */
export async function createMember(
  db: pg.Client,
  email: string,
  password: string,
  memberships: { unit: string | number; role: string }[],
  fullName = '',
): Promise<string> {
  const id = await createUser(db, email, password, fullName);
  for (const m of memberships) await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [id, m.unit, m.role]);
  return id;
}
