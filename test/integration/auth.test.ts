// The auth server as supabase-js sees it: every call goes through the client library and the
// gateway, and is held to what GoTrue (hosted Supabase Auth) answers for the same call.
import {
  AuthApiError,
  AuthSessionMissingError,
  createClient,
  type AuthError,
  type Session,
  type SupabaseClient,
  type SupabaseClientOptions,
} from '@supabase/supabase-js';
import { decodeJwt, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ws from 'ws';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../stack/config.ts';
import { randomUUID } from 'node:crypto';
import { anonClient, serviceClient, signedIn, stack, superuser, uniqueEmail } from '../support/clients.ts';
import { createMember } from '../support/users.ts';

type Transport = NonNullable<NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']>;

/** createClient as an app would call it (Node 20 needs ws for the realtime client it builds). */
function clientWith(key: string, headers: Record<string, string> = {}): SupabaseClient {
  return createClient(stack().apiUrl, key, {
    auth: { persistSession: false, autoRefreshToken: false },
    global: { headers },
    realtime: { transport: ws as unknown as Transport },
  });
}

const secretKey = () => new TextEncoder().encode(stack().jwtSecret);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PASSWORD = 'first-password-1';

/** A fresh confirmed user, made through the admin API, for tests that end sessions. */
async function newUser(metadata: Record<string, unknown> = {}): Promise<{ id: string; email: string }> {
  const email = uniqueEmail('auth');
  const { data, error } = await serviceClient().auth.admin.createUser({
    email,
    password: PASSWORD,
    email_confirm: true,
    user_metadata: metadata,
  });
  expect(error).toBeNull();
  return { id: data.user!.id, email };
}

async function signIn(email: string, password = PASSWORD): Promise<{ client: SupabaseClient; session: Session }> {
  const client = anonClient();
  const { data, error } = await client.auth.signInWithPassword({ email, password });
  expect(error).toBeNull();
  return { client, session: data.session! };
}

function expectAuthError(error: AuthError | null, status: number, code: string) {
  expect(error, `expected ${status} ${code}`).not.toBeNull();
  expect({ status: error!.status, code: error!.code }).toEqual({ status, code });
}

async function countRows(sql: string, params: unknown[]): Promise<number> {
  const db = await superuser();
  try {
    const { rows } = await db.query<{ n: string }>(sql, params);
    return Number(rows[0]!.n);
  } finally {
    await db.end();
  }
}

const sessionsOf = (userId: string) => countRows('select count(*) as n from auth.sessions where user_id = $1', [userId]);

async function signToken(claims: JWTPayload, exp: number, secret: Uint8Array = secretKey()): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(exp - 3600)
    .setExpirationTime(exp)
    .sign(secret);
}

describe('password sign-in', () => {
  it.each(DEMO_ACCOUNTS.map((a) => a.email))('%s signs in with the demo password', async (email) => {
    const { data, error } = await anonClient().auth.signInWithPassword({ email, password: DEMO_PASSWORD });
    expect(error).toBeNull();
    const session = data.session!;
    expect(session.access_token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(session.refresh_token).toMatch(/^[\w-]{12,}$/);
    expect(session.token_type).toBe('bearer');
    expect(session.expires_in).toBe(3600);
    expect(session.expires_at).toBeGreaterThan(Date.now() / 1000 + 3500);
    expect(session.user.email).toBe(email);
    expect(data.user!.id).toBe(session.user.id);
    expect(data.user!.last_sign_in_at).toBeTruthy();
  });

  it('issues an access token with the claims GoTrue signs, verifiable with the JWT secret', async () => {
    const email = 'office.s1@demo.local';
    const { data, error } = await anonClient().auth.signInWithPassword({ email, password: DEMO_PASSWORD });
    expect(error).toBeNull();
    const token = data.session!.access_token;

    const { payload, protectedHeader } = await jwtVerify(token, secretKey(), {
      algorithms: ['HS256'],
      issuer: `${stack().apiUrl}/auth/v1`,
      audience: 'authenticated',
    });
    expect(protectedHeader.alg).toBe('HS256');
    expect(decodeJwt(token)).toEqual(payload);
    expect(payload.sub).toBe(data.user!.id);
    expect(payload.sub).toBe('00000000-0000-4000-a000-000000000101');
    expect(payload.role).toBe('authenticated');
    expect(payload.aud).toBe('authenticated');
    expect(payload.email).toBe(email);
    expect(payload.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
    expect(payload.user_metadata).toEqual({ full_name: '青禾街道党建办' });
    expect(payload.session_id).toMatch(UUID);
    expect(payload.iss).toBe(`${stack().apiUrl}/auth/v1`);
    expect(payload.aal).toBe('aal1');
    expect(payload.amr).toEqual([{ method: 'password', timestamp: expect.any(Number) }]);
    expect(payload.is_anonymous).toBe(false);
    const now = Math.floor(Date.now() / 1000);
    expect(payload.iat).toBeGreaterThanOrEqual(now - 60);
    expect(payload.iat).toBeLessThanOrEqual(now + 5);
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(payload.exp).toBe(data.session!.expires_at);

    // The session it names is a row where GoTrue keeps sessions.
    expect(
      await countRows('select count(*) as n from auth.sessions where id = $1 and user_id = $2', [payload.session_id, payload.sub]),
    ).toBe(1);
  });

  it('refuses a wrong password and an unknown user alike: 400 invalid_credentials, one message', async () => {
    const wrong = await anonClient().auth.signInWithPassword({ email: 'office.s1@demo.local', password: 'not-the-password' });
    const unknown = await anonClient().auth.signInWithPassword({ email: uniqueEmail('nobody'), password: DEMO_PASSWORD });
    for (const result of [wrong, unknown]) {
      expect(result.error).toBeInstanceOf(AuthApiError);
      expectAuthError(result.error, 400, 'invalid_credentials');
      expect(result.data.session).toBeNull();
    }
    expect(wrong.error!.message).toBe('Invalid login credentials');
    expect(unknown.error!.message).toBe(wrong.error!.message);
  });
});

describe('getUser with a bad token', () => {
  let session: Session;
  beforeAll(async () => {
    const user = await newUser();
    session = (await signIn(user.email)).session;
  });

  function claimsOf(token: string): JWTPayload {
    const { iat: _iat, exp: _exp, ...claims } = decodeJwt(token);
    return claims;
  }

  it('answers a token this server would sign, as a control', async () => {
    const token = await signToken(claimsOf(session.access_token), Math.floor(Date.now() / 1000) + 600);
    const { data, error } = await anonClient().auth.getUser(token);
    expect(error).toBeNull();
    expect(data.user!.id).toBe(session.user.id);
  });

  it('refuses an expired token: 403 bad_jwt', async () => {
    const token = await signToken(claimsOf(session.access_token), Math.floor(Date.now() / 1000) - 60);
    const { data, error } = await anonClient().auth.getUser(token);
    expect(error).toBeInstanceOf(AuthApiError);
    expectAuthError(error, 403, 'bad_jwt');
    expect(error!.message).toMatch(/expired/);
    expect(data.user).toBeNull();
  });

  it('refuses a token signed with another secret: 403 bad_jwt', async () => {
    const forged = await signToken(
      claimsOf(session.access_token),
      Math.floor(Date.now() / 1000) + 600,
      new TextEncoder().encode('another-secret-that-is-at-least-32-characters'),
    );
    const { data, error } = await anonClient().auth.getUser(forged);
    expect(error).toBeInstanceOf(AuthApiError);
    expectAuthError(error, 403, 'bad_jwt');
    expect(error!.message).toMatch(/signature/);
    expect(data.user).toBeNull();
  });
});

describe('refresh tokens', () => {
  it('rotates on refresh, and a retry within the reuse interval gets the active token', async () => {
    const user = await newUser();
    const { session: first } = await signIn(user.email);
    const sessionId = decodeJwt(first.access_token).session_id;

    const refreshed = await anonClient().auth.refreshSession({ refresh_token: first.refresh_token });
    expect(refreshed.error).toBeNull();
    const second = refreshed.data.session!;
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(decodeJwt(second.access_token).session_id).toBe(sessionId);
    expect(decodeJwt(second.access_token).amr).toEqual([{ method: 'token_refresh', timestamp: expect.any(Number) }]);
    expect(
      await countRows('select count(*) as n from auth.refresh_tokens where token = $1 and revoked', [first.refresh_token]),
    ).toBe(1);

    // Two tabs refreshing with the same token at once: the late one gets the token now active.
    const retried = await anonClient().auth.refreshSession({ refresh_token: first.refresh_token });
    expect(retried.error).toBeNull();
    expect(retried.data.session!.refresh_token).toBe(second.refresh_token);
    expect(decodeJwt(retried.data.session!.access_token).session_id).toBe(sessionId);
    const me = await anonClient().auth.getUser(retried.data.session!.access_token);
    expect(me.error).toBeNull();
    expect(me.data.user!.id).toBe(user.id);
  });

  it('after a global sign-out, neither the refresh token nor the access token works', async () => {
    const user = await newUser();
    const { client, session } = await signIn(user.email);
    await signIn(user.email); // a second session of the same user, on another device
    expect(await sessionsOf(user.id)).toBe(2);

    const { error } = await client.auth.signOut({ scope: 'global' });
    expect(error).toBeNull();
    expect(await sessionsOf(user.id)).toBe(0);

    const refresh = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(refresh.error).toBeInstanceOf(AuthApiError);
    expectAuthError(refresh.error, 400, 'refresh_token_not_found');
    expect(refresh.data.session).toBeNull();

    const me = await anonClient().auth.getUser(session.access_token);
    expect(me.error).toBeInstanceOf(AuthSessionMissingError);
    expect(me.data.user).toBeNull();
  });

  it('a revoked token presented after the reuse interval ends the whole session: refresh_token_already_used', async () => {
    const user = await newUser();
    const { session: first } = await signIn(user.email);
    const sessionId = decodeJwt(first.access_token).session_id as string;
    const second = (await anonClient().auth.refreshSession({ refresh_token: first.refresh_token })).data.session!;
    const third = (await anonClient().auth.refreshSession({ refresh_token: second.refresh_token })).data.session!;
    expect(new Set([first.refresh_token, second.refresh_token, third.refresh_token]).size).toBe(3);

    // Age the first token's revocation past the 10 s reuse interval.
    const db = await superuser();
    try {
      await db.query(`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where token = $1`, [first.refresh_token]);
    } finally {
      await db.end();
    }

    const replay = await anonClient().auth.refreshSession({ refresh_token: first.refresh_token });
    expect(replay.error).toBeInstanceOf(AuthApiError);
    expectAuthError(replay.error, 400, 'refresh_token_already_used');
    expect(replay.error!.message).toBe('Invalid Refresh Token: Already Used');

    expect(await countRows('select count(*) as n from auth.sessions where id = $1', [sessionId])).toBe(0);
    const newest = await anonClient().auth.refreshSession({ refresh_token: third.refresh_token });
    expectAuthError(newest.error, 400, 'refresh_token_not_found');
    const me = await anonClient().auth.getUser(third.access_token);
    expect(me.error).toBeInstanceOf(AuthSessionMissingError);
  });
});

describe('updateUser', () => {
  it('merges user_metadata given as data', async () => {
    const user = await newUser({ full_name: '测试 用户', unit: 'c1' });
    const { client } = await signIn(user.email);

    const first = await client.auth.updateUser({ data: { phone_ext: '8001' } });
    expect(first.error).toBeNull();
    const second = await client.auth.updateUser({ data: { unit: 'c2' } });
    expect(second.error).toBeNull();
    expect(second.data.user!.user_metadata).toEqual({ full_name: '测试 用户', unit: 'c2', phone_ext: '8001' });

    const fetched = await serviceClient().auth.admin.getUserById(user.id);
    expect(fetched.data.user!.user_metadata).toEqual({ full_name: '测试 用户', unit: 'c2', phone_ext: '8001' });
  });

  it('changes the password: the new one signs in, the old one no longer does, other sessions end', async () => {
    const user = await newUser();
    const { client, session } = await signIn(user.email);
    const { session: otherDevice } = await signIn(user.email);
    const newPassword = 'second-password-2';

    const { error } = await client.auth.updateUser({ password: newPassword });
    expect(error).toBeNull();

    const withOld = await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD });
    expectAuthError(withOld.error, 400, 'invalid_credentials');
    const withNew = await anonClient().auth.signInWithPassword({ email: user.email, password: newPassword });
    expect(withNew.error).toBeNull();
    expect(withNew.data.user!.id).toBe(user.id);

    // GoTrue logs out every other session on a password change and keeps the one that made it.
    const stale = await anonClient().auth.refreshSession({ refresh_token: otherDevice.refresh_token });
    expectAuthError(stale.error, 400, 'refresh_token_not_found');
    const kept = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(kept.error).toBeNull();
  });

  it('refuses a password shorter than minimum_password_length (8): 422 weak_password', async () => {
    const user = await newUser();
    const { client } = await signIn(user.email);
    const { error } = await client.auth.updateUser({ password: 'short1' });
    expectAuthError(error, 422, 'weak_password');
    expect(error!.message).toMatch(/at least 8 characters/);
    // The old password still works.
    const again = await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD });
    expect(again.error).toBeNull();
  });
});

describe('email change', () => {
  async function pendingChange(userId: string) {
    const db = await superuser();
    try {
      const { rows } = await db.query<{
        email: string;
        email_change: string | null;
        email_change_token_new: string | null;
        email_change_token_current: string | null;
        email_change_sent_at: Date | null;
        email_change_confirm_status: number;
        identity_email: string;
      }>(
        `select u.email, u.email_change, u.email_change_token_new, u.email_change_token_current, u.email_change_sent_at,
           u.email_change_confirm_status, i.email as identity_email
         from auth.users u join auth.identities i on i.user_id = u.id where u.id = $1`,
        [userId],
      );
      return rows[0]!;
    } finally {
      await db.end();
    }
  }

  it('stays pending, as GoTrue with secure email change: the account keeps its address, the new one is not taken', async () => {
    const user = await newUser();
    const { client } = await signIn(user.email);
    const wanted = uniqueEmail('invited');
    const before = Date.now();

    const { data, error } = await client.auth.updateUser({ email: wanted.toUpperCase() });
    expect(error).toBeNull();
    expect(data.user!.email).toBe(user.email);
    expect(data.user!.new_email).toBe(wanted);
    const sentAt = Date.parse(data.user!.email_change_sent_at!);
    expect(sentAt).toBeGreaterThan(before - 5_000);
    expect(sentAt).toBeLessThan(Date.now() + 5_000);

    // Stored where GoTrue stores it: the new address, a hashed token for each address, unconfirmed.
    const row = await pendingChange(user.id);
    expect(row).toMatchObject({ email: user.email, email_change: wanted, email_change_confirm_status: 0, identity_email: user.email });
    expect(row.email_change_sent_at!.getTime()).toBe(sentAt);
    expect(row.email_change_token_new).toMatch(/^[0-9a-f]{56}$/);
    expect(row.email_change_token_current).toMatch(/^[0-9a-f]{56}$/);
    expect(row.email_change_token_new).not.toBe(row.email_change_token_current);

    // The account still answers to its own address only.
    const me = await client.auth.getUser();
    expect(me.data.user).toMatchObject({ email: user.email, new_email: wanted });
    const again = await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD });
    expect(again.error).toBeNull();
    expect(decodeJwt(again.data.session!.access_token).email).toBe(user.email);
    const asWanted = await anonClient().auth.signInWithPassword({ email: wanted, password: PASSWORD });
    expectAuthError(asWanted.error, 400, 'invalid_credentials');

    // The address stays its owner's: an account made for it is a new user, not this one.
    const invited = await serviceClient().auth.admin.createUser({ email: wanted, password: 'owner-password-1', email_confirm: true });
    expect(invited.error).toBeNull();
    expect(invited.data.user!.id).not.toBe(user.id);
    await serviceClient().auth.admin.deleteUser(invited.data.user!.id);
  });

  it('to the address it already has changes nothing', async () => {
    const user = await newUser();
    const { client } = await signIn(user.email);
    const { data, error } = await client.auth.updateUser({ email: user.email.toUpperCase() });
    expect(error).toBeNull();
    expect(data.user!.email).toBe(user.email);
    expect(data.user!.new_email).toBeUndefined();
    expect((await pendingChange(user.id)).email_change_token_new || '').toBe('');
  });

  it("refuses another user's address: 422 email_exists, nothing pending", async () => {
    const user = await newUser();
    const other = await newUser();
    const { client } = await signIn(user.email);
    const { data, error } = await client.auth.updateUser({ email: other.email });
    expect(error).toBeInstanceOf(AuthApiError);
    expectAuthError(error, 422, 'email_exists');
    expect(error!.message).toBe('A user with this email address has already been registered');
    expect(data.user).toBeNull();
    expect(await pendingChange(user.id)).toMatchObject({ email: user.email, email_change_sent_at: null });
  });

  it('refuses a malformed address: 400 validation_failed', async () => {
    const user = await newUser();
    const { client } = await signIn(user.email);
    const { error } = await client.auth.updateUser({ email: 'not-an-address' });
    expectAuthError(error, 400, 'validation_failed');
    expect(error!.message).toBe('Unable to validate email address: invalid format');
    expect(await pendingChange(user.id)).toMatchObject({ email: user.email, email_change_sent_at: null });
  });

  it('is direct through the admin API, as GoTrue', async () => {
    const user = await newUser();
    const moved = uniqueEmail('moved');
    const { data, error } = await serviceClient().auth.admin.updateUserById(user.id, { email: moved });
    expect(error).toBeNull();
    expect(data.user!.email).toBe(moved);
    expect((await pendingChange(user.id)).email).toBe(moved);
  });
});

describe('sign-up', () => {
  it('is off: 422 signup_disabled, and no user is stored', async () => {
    const email = uniqueEmail('signup');
    const { data, error } = await anonClient().auth.signUp({ email, password: 'long-enough-password' });
    expect(error).toBeInstanceOf(AuthApiError);
    expectAuthError(error, 422, 'signup_disabled');
    expect(data.user).toBeNull();
    expect(await countRows('select count(*) as n from auth.users where email = $1', [email])).toBe(0);
  });
});

describe('admin API with the service_role key', () => {
  const admin = () => serviceClient().auth.admin;
  const created: string[] = [];
  afterAll(async () => {
    for (const id of created) await admin().deleteUser(id);
  });

  it('creates a confirmed user who can then sign in', async () => {
    const email = uniqueEmail('admin');
    const { data, error } = await admin().createUser({
      email,
      password: PASSWORD,
      email_confirm: true,
      user_metadata: { full_name: '新 用户' },
    });
    expect(error).toBeNull();
    created.push(data.user!.id);
    expect(data.user!.id).toMatch(UUID);
    expect(data.user!.email).toBe(email);
    expect(data.user!.email_confirmed_at).toBeTruthy();
    expect(data.user!.user_metadata).toEqual({ full_name: '新 用户' });
    expect(data.user!.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
    expect(data.user!.identities?.map((i) => i.provider)).toEqual(['email']);

    const signedIn = await anonClient().auth.signInWithPassword({ email, password: PASSWORD });
    expect(signedIn.error).toBeNull();
    expect(signedIn.data.user!.id).toBe(data.user!.id);
  });

  it('lists users with the total and pagination', async () => {
    const user = await newUser();
    created.push(user.id);

    const all = await admin().listUsers({ page: 1, perPage: 1000 });
    expect(all.error).toBeNull();
    expect(all.data.users.map((u) => u.email)).toContain(user.email);
    for (const { email } of DEMO_ACCOUNTS) expect(all.data.users.map((u) => u.email)).toContain(email);
    if (!('total' in all.data)) throw new Error('listUsers returned no pagination');
    expect(all.data.total).toBe(all.data.users.length);
    expect(all.data.total).toBeGreaterThanOrEqual(DEMO_ACCOUNTS.length + 1);

    // Two pages read while no other test file adds a user (the totals agree), else read again.
    // About five pages: supabase-js reads only the first digit of the page numbers in Link.
    const perPage = Math.max(2, Math.ceil(all.data.total / 5));
    const pages = async () => {
      const [a, b] = [await admin().listUsers({ page: 1, perPage }), await admin().listUsers({ page: 2, perPage })];
      expect(a.error).toBeNull();
      expect(b.error).toBeNull();
      if (!('total' in a.data) || !('total' in b.data)) throw new Error('listUsers returned no pagination');
      return [a.data, b.data] as const;
    };
    let [page1, page2] = await pages();
    for (let i = 0; i < 5 && page1.total !== page2.total; i++) [page1, page2] = await pages();
    expect(page1.total).toBe(page2.total);
    expect(page1.users).toHaveLength(perPage);
    expect(page1.nextPage).toBe(2);
    expect(page1.lastPage).toBe(Math.ceil(page1.total / perPage));
    expect(page1.total).toBeGreaterThanOrEqual(DEMO_ACCOUNTS.length + 1);
    const ids1 = page1.users.map((u) => u.id);
    const ids2 = page2.users.map((u) => u.id);
    expect(ids2.length).toBeGreaterThan(0);
    expect(ids2.filter((id) => ids1.includes(id))).toEqual([]);
  });

  it('gets a user by id', async () => {
    const user = await newUser({ full_name: '按 编号' });
    created.push(user.id);
    const { data, error } = await admin().getUserById(user.id);
    expect(error).toBeNull();
    expect(data.user!.id).toBe(user.id);
    expect(data.user!.email).toBe(user.email);
    expect(data.user!.user_metadata).toEqual({ full_name: '按 编号' });
    expect(data.user!.identities?.[0]).toMatchObject({ provider: 'email', user_id: user.id, id: user.id });
  });

  it('bans and unbans: a banned user can neither sign in nor refresh, and both work again after', async () => {
    const user = await newUser();
    created.push(user.id);
    const { session } = await signIn(user.email);

    const banned = await admin().updateUserById(user.id, { ban_duration: '24h' });
    expect(banned.error).toBeNull();
    const until = Date.parse(banned.data.user!.banned_until!);
    expect(until).toBeGreaterThan(Date.now() + 23.9 * 3600_000);
    expect(until).toBeLessThan(Date.now() + 24.1 * 3600_000);

    const signInBanned = await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD });
    expect(signInBanned.error).toBeInstanceOf(AuthApiError);
    expectAuthError(signInBanned.error, 400, 'user_banned');
    expect(signInBanned.data.session).toBeNull();
    const refreshBanned = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
    expectAuthError(refreshBanned.error, 400, 'user_banned');
    expect(refreshBanned.data.session).toBeNull();

    const unbanned = await admin().updateUserById(user.id, { ban_duration: 'none' });
    expect(unbanned.error).toBeNull();
    expect(unbanned.data.user!.banned_until ?? null).toBeNull();
    const signInAgain = await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD });
    expect(signInAgain.error).toBeNull();
    expect(signInAgain.data.user!.id).toBe(user.id);
    // As in GoTrue, a ban ends no session: the old refresh token is good again once it is lifted.
    const refreshAgain = await anonClient().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(refreshAgain.error).toBeNull();
  });

  it("refuses a banned user's existing access token: 403 user_banned on /user and /logout, as GoTrue", async () => {
    const user = await newUser({ full_name: '停用 前' });
    created.push(user.id);
    const { client, session } = await signIn(user.email);
    expect((await admin().updateUserById(user.id, { ban_duration: '24h' })).error).toBeNull();

    const me = await anonClient().auth.getUser(session.access_token);
    expect(me.error).toBeInstanceOf(AuthApiError);
    expectAuthError(me.error, 403, 'user_banned');
    expect(me.error!.message).toBe('User is banned');
    expect(me.data.user).toBeNull();

    const update = await client.auth.updateUser({ data: { full_name: '停用 后' }, email: uniqueEmail('banned') });
    expectAuthError(update.error, 403, 'user_banned');
    const stored = (await admin().getUserById(user.id)).data.user!;
    expect(stored.user_metadata).toEqual({ full_name: '停用 前' });
    expect(stored.new_email).toBeUndefined();

    // GoTrue's requireAuthentication guards /logout too (legacy error shape here).
    const logout = await fetch(`${stack().apiUrl}/auth/v1/logout`, {
      method: 'POST',
      headers: { apikey: stack().anonKey, authorization: `Bearer ${session.access_token}` },
    });
    expect(logout.status).toBe(403);
    expect(await logout.json()).toEqual({ code: 403, error_code: 'user_banned', msg: 'User is banned' });
    expect(await sessionsOf(user.id)).toBe(1);

    // Lifting the ban lets the same token through again.
    expect((await admin().updateUserById(user.id, { ban_duration: 'none' })).error).toBeNull();
    const meAgain = await anonClient().auth.getUser(session.access_token);
    expect(meAgain.error).toBeNull();
    expect(meAgain.data.user!.id).toBe(user.id);
  });

  it('refuses a second user with the same email: 422 email_exists', async () => {
    const user = await newUser();
    created.push(user.id);
    const { data, error } = await admin().createUser({ email: user.email, password: PASSWORD, email_confirm: true });
    expect(error).toBeInstanceOf(AuthApiError);
    expectAuthError(error, 422, 'email_exists');
    expect(data.user).toBeNull();
    expect(await countRows('select count(*) as n from auth.users where email = $1', [user.email])).toBe(1);
  });

  it('deletes a user: then 404 user_not_found, and the user cannot sign in', async () => {
    const user = await newUser();
    await signIn(user.email);
    const { error } = await admin().deleteUser(user.id);
    expect(error).toBeNull();

    const fetched = await admin().getUserById(user.id);
    expect(fetched.error).toBeInstanceOf(AuthApiError);
    expectAuthError(fetched.error, 404, 'user_not_found');
    const signInGone = await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD });
    expectAuthError(signInGone.error, 400, 'invalid_credentials');
    expect(await countRows('select count(*) as n from auth.users where id = $1', [user.id])).toBe(0);
    expect(await sessionsOf(user.id)).toBe(0);
  });
});

describe('admin API without the service_role key', () => {
  it('refuses the anon key: 403 not_admin', async () => {
    const client = clientWith(stack().anonKey);
    const list = await client.auth.admin.listUsers();
    expect(list.error).toBeInstanceOf(AuthApiError);
    expectAuthError(list.error, 403, 'not_admin');
    expect(list.data.users).toEqual([]);

    const email = uniqueEmail('notadmin');
    const create = await client.auth.admin.createUser({ email, password: PASSWORD, email_confirm: true });
    expectAuthError(create.error, 403, 'not_admin');
    expect(await countRows('select count(*) as n from auth.users where email = $1', [email])).toBe(0);
  });

  it("refuses a signed-in user's token: 403 not_admin", async () => {
    const { data } = await anonClient().auth.signInWithPassword({ email: 'office.s1@demo.local', password: DEMO_PASSWORD });
    const client = clientWith(stack().anonKey, { Authorization: `Bearer ${data.session!.access_token}` });
    const list = await client.auth.admin.listUsers();
    expectAuthError(list.error, 403, 'not_admin');

    const target = await newUser();
    const del = await client.auth.admin.deleteUser(target.id);
    expectAuthError(del.error, 403, 'not_admin');
    expect(await countRows('select count(*) as n from auth.users where id = $1', [target.id])).toBe(1);
    await serviceClient().auth.admin.deleteUser(target.id);
  });
});

describe('storage of users', () => {
  it('keeps passwords as bcrypt hashes in auth.users, as GoTrue does', async () => {
    const user = await newUser();
    const db = await superuser();
    try {
      const { rows } = await db.query<{ email: string; encrypted_password: string; ok: boolean }>(
        `select email, encrypted_password, extensions.crypt($2, encrypted_password) = encrypted_password as ok
         from auth.users where id = $1 or email = 'office.s1@demo.local' order by email`,
        [user.id, PASSWORD],
      );
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row.encrypted_password).toMatch(/^\$2[ab]\$\d\d\$[./A-Za-z0-9]{53}$/);
        expect(row.encrypted_password).not.toContain(PASSWORD);
      }
      expect(rows.find((r) => r.email === user.email)!.ok).toBe(true);
    } finally {
      await db.end();
    }
  });
});

// The office-driven password reset (supabase/migrations/20261202120000_password_reset.sql): the
// office of the member's street sets a new initial password, the member's sessions end, and
// profiles.must_change_password holds them on 修改密码 until their own change clears it.
describe('reset_member_password', () => {
  const RESET = 'office-reset-1';
  const members: string[] = [];
  afterAll(async () => {
    const db = await superuser();
    try {
      await db.query('delete from auth.users where id = any($1::uuid[])', [members]);
    } finally {
      await db.end();
    }
  });

  async function member(memberships: { unit: number; role: string }[]): Promise<{ id: string; email: string }> {
    const email = uniqueEmail('reset');
    const db = await superuser();
    try {
      const id = await createMember(db, email, PASSWORD, memberships, '重置 对象');
      members.push(id);
      return { id, email };
    } finally {
      await db.end();
    }
  }

  const flagOf = async (id: string) => {
    const db = await superuser();
    try {
      return (await db.query<{ must_change_password: boolean }>('select must_change_password from public.profiles where id = $1', [id])).rows[0]!.must_change_password;
    } finally {
      await db.end();
    }
  };

  it("the office of the member's street sets the password: it signs in, the old one does not, every session ends, the flag is set", async () => {
    const filer = await member([{ unit: 101, role: 'community_filer' }]);
    const before = await signIn(filer.email);
    const office = await signedIn('office.s1@demo.local');

    const { error } = await office.rpc('reset_member_password', { p_user_id: filer.id, p_password: RESET });
    expect(error).toBeNull();
    expect(await flagOf(filer.id)).toBe(true);
    expect(await sessionsOf(filer.id)).toBe(0);
    // The old session: neither its refresh token nor (at the auth API) its access token works.
    expectAuthError((await anonClient().auth.refreshSession({ refresh_token: before.session.refresh_token })).error, 400, 'refresh_token_not_found');
    expect((await anonClient().auth.getUser(before.session.access_token)).error).toBeInstanceOf(AuthSessionMissingError);
    expectAuthError((await anonClient().auth.signInWithPassword({ email: filer.email, password: PASSWORD })).error, 400, 'invalid_credentials');

    // Stored as GoTrue stores a password: bcrypt, cost 10.
    const [hash] = (await (async () => {
      const db = await superuser();
      try {
        return (await db.query<{ encrypted_password: string }>('select encrypted_password from auth.users where id = $1', [filer.id])).rows;
      } finally {
        await db.end();
      }
    })());
    expect(hash!.encrypted_password).toMatch(/^\$2[ab]\$10\$[./A-Za-z0-9]{53}$/);

    // The member signs in with the new one and reads the flag on their own profile.
    const { client } = await signIn(filer.email, RESET);
    const own = await client.from('profiles').select('must_change_password').eq('id', filer.id).single();
    expect(own.error).toBeNull();
    expect(own.data).toEqual({ must_change_password: true });
  });

  it("the member's own change clears the flag; the same password is refused (422 same_password) and keeps it", async () => {
    const filer = await member([{ unit: 102, role: 'community_filer' }]);
    const office = await signedIn('office.s1@demo.local');
    expect((await office.rpc('reset_member_password', { p_user_id: filer.id, p_password: RESET })).error).toBeNull();
    const { client } = await signIn(filer.email, RESET);

    expectAuthError((await client.auth.updateUser({ password: RESET })).error, 422, 'same_password');
    expect(await flagOf(filer.id)).toBe(true);
    // Until then the API holds the member as the screens do: the flag is all it may read.
    const held = await client.from('units').select('id').limit(1);
    expect([held.status, held.error?.code, held.error?.message]).toEqual([403, '42501', '请先修改密码']);
    expect((await client.rpc('my_invitations')).status).toBe(403);
    expect((await client.auth.updateUser({ password: 'my-own-password-1' })).error).toBeNull();
    expect((await client.from('units').select('id').limit(1)).error).toBeNull();
    expect(await flagOf(filer.id)).toBe(false);
    expect((await client.from('profiles').select('must_change_password').eq('id', filer.id).single()).data).toEqual({ must_change_password: false });

    // A second reset sets it again; an admin's password change (service_role) clears it too.
    expect((await office.rpc('reset_member_password', { p_user_id: filer.id, p_password: RESET })).error).toBeNull();
    expect(await flagOf(filer.id)).toBe(true);
    expect((await serviceClient().auth.admin.updateUserById(filer.id, { password: 'admin-set-password-1' })).error).toBeNull();
    expect(await flagOf(filer.id)).toBe(false);
  });

  it("only the office whose street holds every membership: another street's office, a reviewer, a filer and the member are refused alike (42501)", async () => {
    const filer = await member([{ unit: 101, role: 'community_filer' }]);
    const both = await member([{ unit: 103, role: 'community_filer' }, { unit: 201, role: 'viewer' }]);
    const none = await member([]);
    const missing = randomUUID();
    const callers = {
      officeS2: await signedIn('office.s2@demo.local'),
      reviewer: await signedIn('reviewer.s1@demo.local'),
      filerC1: await signedIn('filer.c1@demo.local'),
      self: (await signIn(filer.email)).client,
    };
    for (const [who, client] of Object.entries(callers)) {
      const { error } = await client.rpc('reset_member_password', { p_user_id: filer.id, p_password: RESET });
      expect(error?.code, who).toBe('42501');
    }
    // Outside its street, with no membership, or no such user: one answer, before the password
    // is looked at (a short one is not reported).
    const office = await signedIn('office.s1@demo.local');
    const answers = [];
    for (const id of [both.id, none.id, missing]) {
      const { error } = await office.rpc('reset_member_password', { p_user_id: id, p_password: 'short' });
      answers.push({ code: error?.code, message: error?.message });
    }
    expect(answers).toEqual(Array(3).fill({ code: '42501', message: '只能重置本街道成员的密码' }));
    for (const m of [filer, both]) {
      expect(await flagOf(m.id)).toBe(false);
      expect((await anonClient().auth.signInWithPassword({ email: m.email, password: PASSWORD })).error).toBeNull();
    }
    // One's own account: changed from the user menu, not reset.
    const officeId = (await office.auth.getUser()).data.user!.id;
    const self = await office.rpc('reset_member_password', { p_user_id: officeId, p_password: RESET });
    expect(self.error).toMatchObject({ code: '42501', message: '不能重置自己的密码，请在右上角账号菜单中修改密码' });
  });

  it('refuses a password shorter than 8 or over 72 bytes, naming the field (22023, hint password)', async () => {
    const filer = await member([{ unit: 104, role: 'community_filer' }]);
    const office = await signedIn('office.s1@demo.local');
    for (const [password, message] of [
      ['short', '新密码至少 8 位'],
      ['', '新密码至少 8 位'],
      ['密'.repeat(25), '新密码不能超过 72 个字节（英文字母、数字每个 1 字节，汉字每个 3 字节）'],
    ] as const) {
      const { error } = await office.rpc('reset_member_password', { p_user_id: filer.id, p_password: password });
      expect(error, password).toMatchObject({ code: '22023', hint: 'password', message });
    }
    expect(await flagOf(filer.id)).toBe(false);
    expect(await sessionsOf(filer.id)).toBe(0);
    expect((await anonClient().auth.signInWithPassword({ email: filer.email, password: PASSWORD })).error).toBeNull();
  });

  it('the flag is not writable through the API, neither by the member nor by the office', async () => {
    const filer = await member([{ unit: 105, role: 'community_filer' }]);
    const office = await signedIn('office.s1@demo.local');
    expect((await office.rpc('reset_member_password', { p_user_id: filer.id, p_password: RESET })).error).toBeNull();
    const { client } = await signIn(filer.email, RESET);
    for (const [who, c, value] of [['member', client, false], ['office', office, false], ['office', office, true]] as const) {
      const { error } = await c.from('profiles').update({ must_change_password: value }).eq('id', filer.id);
      expect(error?.code, who).toBe('42501'); // permission denied for table profiles (no column grant)
    }
    // Even the member's own full_name waits until the password is theirs (the pre-request holds them).
    expect((await client.from('profiles').update({ full_name: '重置 之后' }).eq('id', filer.id)).error?.message).toBe('请先修改密码');
    expect(await flagOf(filer.id)).toBe(true);
    // No API role holds a column privilege to write it (service_role, the admin key, does).
    const db = await superuser();
    try {
      const privileges = await db.query<{ role: string; update: boolean; insert: boolean }>(
        `select r as role, has_column_privilege(r, 'public.profiles', 'must_change_password', 'update') as update,
                has_column_privilege(r, 'public.profiles', 'must_change_password', 'insert') as insert
         from unnest(array['anon', 'authenticated']) r`,
      );
      expect(privileges.rows).toEqual([
        { role: 'anon', update: false, insert: false },
        { role: 'authenticated', update: false, insert: false },
      ]);
    } finally {
      await db.end();
    }
  });
});
