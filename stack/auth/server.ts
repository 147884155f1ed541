// The smallest GoTrue-compatible auth API that supabase-js needs, storing users, sessions and
// refresh tokens in the auth schema exactly where GoTrue does. Status codes, error codes and
// messages follow GoTrue v2 so supabase-js raises the same errors as against hosted Supabase.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash, randomInt, randomUUID } from 'node:crypto';
import pg from 'pg';
import { newRefreshToken, parseGoDuration, TokenSigner, type AccessClaims } from './tokens.ts';

export interface AuthOptions {
  dbUrl: string;
  jwtSecret: string;
  /** Public URL of the auth API, e.g. http://127.0.0.1:54321/auth/v1 (the JWT's iss). */
  issuer: string;
  jwtExpiry: number;
  enableSignup: boolean;
  refreshTokenReuseInterval: number;
  minimumPasswordLength: number;
}

const API_VERSION = '2024-01-01';
const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_BODY = 1 << 20;

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly extra: Record<string, unknown> = {}) {
    super(message);
  }
}

interface UserRow {
  id: string;
  aud: string;
  role: string;
  email: string | null;
  phone: string | null;
  encrypted_password: string | null;
  email_confirmed_at: Date | null;
  phone_confirmed_at: Date | null;
  confirmed_at: Date | null;
  last_sign_in_at: Date | null;
  email_change: string | null;
  email_change_sent_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  banned_until: Date | null;
  created_at: Date;
  updated_at: Date;
  is_anonymous: boolean;
}

interface IdentityRow {
  id: string;
  provider_id: string;
  user_id: string;
  identity_data: Record<string, unknown>;
  provider: string;
  last_sign_in_at: Date | null;
  created_at: Date;
  updated_at: Date;
  email: string | null;
}

type Request = { method: string; path: string; query: URLSearchParams; headers: IncomingMessage['headers']; body: Record<string, unknown> };

export function createAuthServer(options: AuthOptions) {
  const pool = new pg.Pool({ connectionString: options.dbUrl, max: 10 });
  pool.on('error', () => undefined); // a dropped idle connection is reopened on next use
  const signer = new TokenSigner(options.jwtSecret, options.issuer, options.jwtExpiry);

  async function withTransaction<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const result = await fn(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function loadUser(db: pg.ClientBase, id: string): Promise<UserRow | undefined> {
    const { rows } = await db.query<UserRow>('select * from auth.users where id = $1 and deleted_at is null', [id]);
    return rows[0];
  }

  async function userJson(db: pg.ClientBase, user: UserRow) {
    const { rows } = await db.query<IdentityRow>('select * from auth.identities where user_id = $1 order by created_at', [user.id]);
    return {
      id: user.id,
      aud: user.aud,
      role: user.role,
      email: user.email ?? '',
      email_confirmed_at: user.email_confirmed_at?.toISOString(),
      phone: user.phone ?? '',
      confirmed_at: user.confirmed_at?.toISOString(),
      ...(user.email_change ? { new_email: user.email_change } : {}),
      email_change_sent_at: user.email_change_sent_at?.toISOString(),
      last_sign_in_at: user.last_sign_in_at?.toISOString(),
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
      identities: rows.map((i) => ({
        identity_id: i.id,
        id: i.provider_id,
        user_id: i.user_id,
        identity_data: i.identity_data,
        provider: i.provider,
        last_sign_in_at: i.last_sign_in_at?.toISOString(),
        created_at: i.created_at.toISOString(),
        updated_at: i.updated_at.toISOString(),
        email: i.email ?? undefined,
      })),
      created_at: user.created_at.toISOString(),
      updated_at: user.updated_at.toISOString(),
      ...(user.banned_until ? { banned_until: user.banned_until.toISOString() } : {}),
      is_anonymous: user.is_anonymous,
    };
  }

  /** A new session for the user: the access token, and the first refresh token of its family. */
  async function issueSession(db: pg.ClientBase, user: UserRow, method: string) {
    const sessionId = randomUUID();
    await db.query(
      `insert into auth.sessions (id, user_id, created_at, updated_at, aal) values ($1, $2, now(), now(), 'aal1')`,
      [sessionId, user.id],
    );
    const refresh = newRefreshToken();
    await db.query(
      `insert into auth.refresh_tokens (token, user_id, revoked, created_at, updated_at, session_id)
       values ($1, $2, false, now(), now(), $3)`,
      [refresh, user.id, sessionId],
    );
    await db.query('update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1', [user.id]);
    await db.query('update auth.identities set last_sign_in_at = now() where user_id = $1', [user.id]);
    const fresh = (await loadUser(db, user.id))!;
    return sessionBody(db, fresh, sessionId, refresh, [{ method, timestamp: Math.floor(Date.now() / 1000) }]);
  }

  async function sessionBody(db: pg.ClientBase, user: UserRow, sessionId: string, refreshToken: string, amr: AccessClaims['amr']) {
    const { token, exp } = await signer.sign({
      sub: user.id,
      aud: user.aud,
      role: user.role,
      email: user.email ?? '',
      phone: user.phone ?? '',
      app_metadata: user.raw_app_meta_data ?? {},
      user_metadata: user.raw_user_meta_data ?? {},
      aal: 'aal1',
      amr,
      session_id: sessionId,
      is_anonymous: user.is_anonymous,
    });
    return {
      access_token: token,
      token_type: 'bearer',
      expires_in: signer.expiresIn,
      expires_at: exp,
      refresh_token: refreshToken,
      user: await userJson(db, user),
    };
  }

  function assertNotBanned(user: UserRow) {
    if (isBanned(user)) throw new HttpError(400, 'user_banned', 'User is banned');
  }

  function validatePassword(password: unknown): string {
    if (typeof password !== 'string' || password.length < options.minimumPasswordLength) {
      throw new HttpError(422, 'weak_password', `Password should be at least ${options.minimumPasswordLength} characters.`, {
        weak_password: { reasons: ['length'] },
      });
    }
    return password;
  }

  function validateEmail(email: unknown): string {
    if (typeof email !== 'string' || !EMAIL_RE.test(email.trim())) {
      throw new HttpError(400, 'validation_failed', 'Unable to validate email address: invalid format');
    }
    return email.trim().toLowerCase();
  }

  async function createUser(
    db: pg.ClientBase,
    fields: { email: string; password?: string; confirmed: boolean; userMetadata?: unknown; appMetadata?: unknown; bannedUntil?: Date | null; role?: string },
  ): Promise<UserRow> {
    const id = randomUUID();
    const appMetadata = { provider: 'email', providers: ['email'], ...(isObject(fields.appMetadata) ? fields.appMetadata : {}) };
    const userMetadata = isObject(fields.userMetadata) ? fields.userMetadata : {};
    try {
      await db.query(
        `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
           raw_app_meta_data, raw_user_meta_data, banned_until, created_at, updated_at,
           confirmation_token, recovery_token, email_change_token_new, email_change, is_sso_user, is_anonymous)
         values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', $2, $3,
           case when $4::text is null then '' else extensions.crypt($4, extensions.gen_salt('bf', 10)) end,
           case when $5 then now() end, $6, $7, $8, now(), now(), '', '', '', '', false, false)`,
        [id, fields.role ?? 'authenticated', fields.email, fields.password ?? null, fields.confirmed, appMetadata, userMetadata, fields.bannedUntil ?? null],
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505') {
        throw new HttpError(422, 'email_exists', 'A user with this email address has already been registered');
      }
      throw error;
    }
    await db.query(
      `insert into auth.identities (provider_id, user_id, identity_data, provider, created_at, updated_at)
       values ($1::text, $1::text::uuid, $2, 'email', now(), now())`,
      [id, { sub: id, email: fields.email, email_verified: fields.confirmed, phone_verified: false }],
    );
    return (await loadUser(db, id))!;
  }

  /** The caller's verified claims, session and user, as GoTrue's requireAuthentication does. */
  async function authenticate(req: Request) {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new HttpError(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
    const verified = await signer.verify(match[1]!);
    if ('reason' in verified) throw new HttpError(403, 'bad_jwt', verified.reason);
    return verified.claims;
  }

  async function authenticateUser(db: pg.ClientBase, req: Request) {
    const claims = await authenticate(req);
    const user = claims.sub ? await loadUser(db, claims.sub) : undefined;
    if (!user) throw new HttpError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    if (claims.session_id) {
      const { rowCount } = await db.query('select 1 from auth.sessions where id = $1', [claims.session_id]);
      if (!rowCount) throw new HttpError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    }
    // As GoTrue's requireAuthentication: an access token issued before a ban no longer works.
    if (isBanned(user)) throw new HttpError(403, 'user_banned', 'User is banned');
    return { claims, user };
  }

  async function requireAdmin(req: Request) {
    const claims = await authenticate(req);
    if (!ADMIN_ROLES.has(String(claims.role))) throw new HttpError(403, 'not_admin', 'User not allowed');
  }

  // ---- the endpoints -------------------------------------------------------------------------

  async function token(req: Request) {
    const grantType = req.query.get('grant_type');
    if (grantType === 'password') {
      const email = typeof req.body.email === 'string' ? req.body.email.trim().toLowerCase() : '';
      const password = typeof req.body.password === 'string' ? req.body.password : '';
      if (!email && !req.body.phone) throw new HttpError(400, 'validation_failed', 'missing email or phone');
      return withTransaction(async (db) => {
        const { rows } = await db.query<UserRow & { password_ok: boolean }>(
          `select *, encrypted_password <> '' and extensions.crypt($2, encrypted_password) = encrypted_password as password_ok
           from auth.users where lower(email) = $1 and deleted_at is null and is_sso_user = false`,
          [email, password],
        );
        const user = rows[0];
        if (!user || !user.password_ok) throw new HttpError(400, 'invalid_credentials', 'Invalid login credentials');
        if (!user.email_confirmed_at) throw new HttpError(400, 'email_not_confirmed', 'Email not confirmed');
        assertNotBanned(user);
        return issueSession(db, user, 'password');
      });
    }
    if (grantType === 'refresh_token') {
      const presented = typeof req.body.refresh_token === 'string' ? req.body.refresh_token : '';
      if (!presented) throw new HttpError(400, 'validation_failed', 'Refresh Token is required');
      const outcome = await withTransaction(async (db) => {
        const { rows } = await db.query<{ id: string; token: string; revoked: boolean; updated_at: Date; session_id: string; user_id: string }>(
          'select * from auth.refresh_tokens where token = $1 for update',
          [presented],
        );
        const current = rows[0];
        if (!current || !current.session_id) {
          throw new HttpError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
        }
        const user = await loadUser(db, current.user_id);
        if (!user) throw new HttpError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
        if (isBanned(user)) {
          throw new HttpError(400, 'user_banned', 'Invalid Refresh Token: User Banned');
        }
        let refresh: string;
        if (current.revoked) {
          const withinReuse = Date.now() - current.updated_at.getTime() < options.refreshTokenReuseInterval * 1000;
          const child = await db.query<{ token: string }>(
            'select token from auth.refresh_tokens where parent = $1 and revoked = false order by id desc limit 1',
            [current.token],
          );
          if (!withinReuse || !child.rows[0]) {
            // A revoked token presented again: treat the session as stolen and end it.
            // The deletion must commit, so the error is thrown after the transaction.
            await db.query('delete from auth.sessions where id = $1', [current.session_id]);
            return 'already_used' as const;
          }
          // A retry within the reuse interval (two tabs refreshing at once) gets the active token.
          refresh = child.rows[0].token;
        } else {
          refresh = newRefreshToken();
          await db.query('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1', [current.id]);
          await db.query(
            `insert into auth.refresh_tokens (token, user_id, revoked, created_at, updated_at, parent, session_id)
             values ($1, $2, false, now(), now(), $3, $4)`,
            [refresh, user.id, current.token, current.session_id],
          );
        }
        await db.query('update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1', [current.session_id]);
        return sessionBody(db, user, current.session_id, refresh, [{ method: 'token_refresh', timestamp: Math.floor(Date.now() / 1000) }]);
      });
      if (outcome === 'already_used') throw new HttpError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
      return outcome;
    }
    throw new HttpError(400, 'validation_failed', 'unsupported_grant_type');
  }

  async function getUser(req: Request) {
    const client = await pool.connect();
    try {
      const { user } = await authenticateUser(client, req);
      return userJson(client, user);
    } finally {
      client.release();
    }
  }

  async function updateUser(req: Request) {
    return withTransaction(async (db) => {
      const { claims, user } = await authenticateUser(db, req);
      const { data } = req.body;
      // GoTrue takes an empty email as none, and validates the email before the password.
      const email = req.body.email === undefined || req.body.email === '' ? undefined : validateEmail(req.body.email);
      const password = req.body.password === undefined ? undefined : validatePassword(req.body.password);
      if (data !== undefined && !isObject(data)) throw new HttpError(400, 'validation_failed', 'data must be an object');
      const emailChange = email !== undefined && email !== user.email ? email : undefined;
      if (emailChange !== undefined) await assertEmailFree(db, emailChange, user.id);

      if (password !== undefined) {
        const same = await db.query<{ same: boolean }>(
          `select encrypted_password <> '' and extensions.crypt($2, encrypted_password) = encrypted_password as same from auth.users where id = $1`,
          [user.id, password],
        );
        if (same.rows[0]?.same) throw new HttpError(422, 'same_password', 'New password should be different from the old password.');
        await db.query(`update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf', 10)) where id = $1`, [user.id, password]);
        // As GoTrue's UpdatePassword: every other session of the user ends, this one stays.
        await db.query('delete from auth.sessions where user_id = $1 and id is distinct from $2', [user.id, claims.session_id ?? null]);
      }
      if (emailChange !== undefined) {
        // As GoTrue with secure email change (the CLI's double_confirm_changes default): the
        // change waits until both addresses confirm, each with its own hashed token. This stack
        // sends no mail, so no token ever reaches anyone and the email stays as it is.
        await db.query(
          `update auth.users set email_change = $2, email_change_token_new = $3, email_change_token_current = $4,
             email_change_sent_at = now(), email_change_confirm_status = 0
           where id = $1`,
          [user.id, emailChange, tokenHash(emailChange), user.email ? tokenHash(user.email) : ''],
        );
      }
      if (data !== undefined) {
        await db.query(
          `update auth.users set raw_user_meta_data = jsonb_strip_nulls(coalesce(raw_user_meta_data, '{}') || $2::jsonb) where id = $1`,
          [user.id, data],
        );
      }
      await db.query('update auth.users set updated_at = now() where id = $1', [user.id]);
      return userJson(db, (await loadUser(db, user.id))!);
    });
  }

  /** GoTrue's IsDuplicatedEmail: another user has the address, in auth.users or as an identity's. */
  async function assertEmailFree(db: pg.ClientBase, email: string, userId: string) {
    const { rowCount } = await db.query(
      `select 1 from auth.users where lower(email) = $1 and id <> $2 and is_sso_user = false
       union all select 1 from auth.identities where email = $1 and user_id <> $2`,
      [email, userId],
    );
    if (rowCount) throw new HttpError(422, 'email_exists', 'A user with this email address has already been registered');
  }

  async function logout(req: Request) {
    return withTransaction(async (db) => {
      const { claims, user } = await authenticateUser(db, req);
      const scope = req.query.get('scope') ?? 'global';
      if (scope === 'local') await db.query('delete from auth.sessions where id = $1', [claims.session_id]);
      else if (scope === 'others') await db.query('delete from auth.sessions where user_id = $1 and id <> $2', [user.id, claims.session_id]);
      else if (scope === 'global') await db.query('delete from auth.sessions where user_id = $1', [user.id]);
      else throw new HttpError(400, 'validation_failed', 'Unsupported logout scope');
      return undefined;
    });
  }

  async function signup(req: Request) {
    if (!options.enableSignup) throw new HttpError(422, 'signup_disabled', 'Signups not allowed for this instance');
    const email = validateEmail(req.body.email);
    const password = validatePassword(req.body.password);
    const options_ = isObject(req.body.options) ? req.body.options : {};
    return withTransaction(async (db) => {
      let user: UserRow;
      try {
        user = await createUser(db, { email, password, confirmed: true, userMetadata: req.body.data ?? options_.data });
      } catch (error) {
        if (error instanceof HttpError && error.code === 'email_exists') throw new HttpError(422, 'user_already_exists', 'User already registered');
        throw error;
      }
      return issueSession(db, user, 'password');
    });
  }

  function bannedUntil(value: unknown): Date | null | undefined {
    if (value === undefined) return undefined;
    if (value === 'none') return null;
    const ms = typeof value === 'string' ? parseGoDuration(value) : undefined;
    if (ms === undefined) throw new HttpError(400, 'validation_failed', 'invalid format for ban duration');
    return new Date(Date.now() + ms);
  }

  async function adminCreateUser(req: Request) {
    const { password, email_confirm, user_metadata, app_metadata, ban_duration, role } = req.body;
    const email = validateEmail(req.body.email);
    if (password !== undefined) validatePassword(password);
    return withTransaction(async (db) =>
      userJson(
        db,
        await createUser(db, {
          email,
          password: password as string | undefined,
          confirmed: email_confirm === true,
          userMetadata: user_metadata,
          appMetadata: app_metadata,
          bannedUntil: bannedUntil(ban_duration),
          role: typeof role === 'string' ? role : undefined,
        }),
      ),
    );
  }

  async function adminListUsers(req: Request, res: ServerResponse) {
    const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
    const perPage = Math.min(1000, Math.max(1, Number(req.query.get('per_page') ?? 50) || 50));
    const client = await pool.connect();
    try {
      const total = Number((await client.query<{ n: string }>('select count(*) as n from auth.users where deleted_at is null')).rows[0]!.n);
      const { rows } = await client.query<UserRow>(
        'select * from auth.users where deleted_at is null order by created_at desc, id limit $1 offset $2',
        [perPage, (page - 1) * perPage],
      );
      const users = [];
      for (const row of rows) users.push(await userJson(client, row));
      const lastPage = Math.max(1, Math.ceil(total / perPage));
      const links = [];
      if (page < lastPage) links.push(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
      links.push(`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`);
      res.setHeader('x-total-count', String(total));
      res.setHeader('link', links.join(', '));
      return { aud: 'authenticated', users };
    } finally {
      client.release();
    }
  }

  async function adminUser(req: Request, id: string) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new HttpError(404, 'user_not_found', 'User not found');
    return withTransaction(async (db) => {
      const user = await loadUser(db, id);
      if (!user) throw new HttpError(404, 'user_not_found', 'User not found');
      if (req.method === 'GET') return userJson(db, user);
      if (req.method === 'DELETE') {
        await db.query('delete from auth.users where id = $1', [id]);
        return {};
      }
      // PUT: GoTrue's admin update merges metadata and sets what is given.
      const { email, password, user_metadata, app_metadata, ban_duration, email_confirm, role } = req.body;
      if (email !== undefined) {
        try {
          await db.query('update auth.users set email = $2 where id = $1', [id, validateEmail(email)]);
        } catch (error) {
          if ((error as { code?: string }).code === '23505') throw new HttpError(422, 'email_exists', 'A user with this email address has already been registered');
          throw error;
        }
      }
      if (password !== undefined) {
        await db.query(`update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf', 10)) where id = $1`, [id, validatePassword(password)]);
        // As GoTrue's UpdatePassword(tx, nil): an admin's password change ends every session.
        await db.query('delete from auth.sessions where user_id = $1', [id]);
      }
      if (isObject(user_metadata)) {
        await db.query(`update auth.users set raw_user_meta_data = jsonb_strip_nulls(coalesce(raw_user_meta_data, '{}') || $2::jsonb) where id = $1`, [id, user_metadata]);
      }
      if (isObject(app_metadata)) {
        await db.query(`update auth.users set raw_app_meta_data = jsonb_strip_nulls(coalesce(raw_app_meta_data, '{}') || $2::jsonb) where id = $1`, [id, app_metadata]);
      }
      const ban = bannedUntil(ban_duration);
      if (ban !== undefined) {
        // As in GoTrue, a ban ends no session: the refresh grant refuses a banned user
        // (user_banned), and lifting the ban makes the same refresh tokens work again.
        await db.query('update auth.users set banned_until = $2 where id = $1', [id, ban]);
      }
      if (email_confirm === true) await db.query('update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()) where id = $1', [id]);
      if (typeof role === 'string') await db.query('update auth.users set role = $2 where id = $1', [id, role]);
      await db.query('update auth.users set updated_at = now() where id = $1', [id]);
      return userJson(db, (await loadUser(db, id))!);
    });
  }

  async function route(req: Request, res: ServerResponse): Promise<unknown> {
    const { method, path } = req;
    if (path === '/health' && method === 'GET') return { version: 'local', name: 'GoTrue', description: 'GoTrue-compatible auth of the local stack' };
    if (path === '/settings' && method === 'GET') {
      return { external: { email: true, phone: false }, disable_signup: !options.enableSignup, mailer_autoconfirm: true, phone_autoconfirm: false, sms_provider: '', saml_enabled: false };
    }
    if (path === '/token' && method === 'POST') return token(req);
    if (path === '/user' && method === 'GET') return getUser(req);
    if (path === '/user' && method === 'PUT') return updateUser(req);
    if (path === '/logout' && method === 'POST') return logout(req);
    if (path === '/signup' && method === 'POST') return signup(req);
    if (path === '/admin/users' || path.startsWith('/admin/users/')) {
      await requireAdmin(req); // the token alone decides: no connection needed
      if (path === '/admin/users' && method === 'GET') return adminListUsers(req, res);
      if (path === '/admin/users' && method === 'POST') return adminCreateUser(req);
      const id = path.slice('/admin/users/'.length);
      if (['GET', 'PUT', 'DELETE'].includes(method) && id && !id.includes('/')) return adminUser(req, id);
    }
    throw new HttpError(404, 'not_found', 'Not Found');
  }


  /** Handles a request whose URL has had the /auth/v1 prefix removed. */
  async function handle(incoming: IncomingMessage, res: ServerResponse, pathAndQuery: string): Promise<void> {
    const url = new URL(pathAndQuery, 'http://auth.local');
    const modern = Boolean(incoming.headers['x-supabase-api-version']);
    if (modern) res.setHeader('x-supabase-api-version', API_VERSION);
    res.setHeader('content-type', 'application/json');
    try {
      const body = await readJson(incoming);
      const result = await route(
        { method: incoming.method ?? 'GET', path: url.pathname.replace(/\/+$/, '') || '/', query: url.searchParams, headers: incoming.headers, body },
        res,
      );
      if (result === undefined) {
        res.statusCode = 204;
        res.removeHeader('content-type');
        res.end();
      } else {
        res.statusCode = 200;
        res.end(JSON.stringify(result));
      }
    } catch (error) {
      const http = error instanceof HttpError ? error : new HttpError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information');
      if (!(error instanceof HttpError)) console.error('[auth]', error);
      res.statusCode = http.status;
      // GoTrue's two error shapes: the 2024-01-01 API version, and the legacy one.
      const payload = modern
        ? { code: http.code, message: http.message, ...http.extra }
        : { code: http.status, error_code: http.code, msg: http.message, ...http.extra };
      res.end(JSON.stringify(payload));
    }
  }

  return { handle, close: () => pool.end() };
}

function isBanned(user: UserRow): boolean {
  return user.banned_until !== null && user.banned_until.getTime() > Date.now();
}

/** A token as GoTrue stores it: the SHA-224 of the address and a one-time code (never sent here). */
function tokenHash(email: string): string {
  const otp = String(randomInt(1_000_000)).padStart(6, '0');
  return createHash('sha224').update(email + otp).digest('hex');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (req.method === 'GET' || req.method === 'HEAD') return {};
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'request_too_large', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (!isObject(parsed)) throw new Error('not an object');
    return parsed;
  } catch (error) {
    throw new HttpError(400, 'bad_json', `Could not parse request body as JSON: ${(error as Error).message}`);
  }
}
