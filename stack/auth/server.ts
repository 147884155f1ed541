// The smallest GoTrue-compatible auth API that supabase-js needs, storing users, sessions and
// refresh tokens in the auth schema exactly where GoTrue does. Status codes, error codes and
// messages follow GoTrue v2 so supabase-js raises the same errors as against hosted Supabase.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
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
// GoTrue's validateEmail (internal/api/mail.go) checks the format with
// github.com/badoux/checkmail's ValidateFormat, at the version its go.mod pins (d0a759655d62):
// this expression, on the address as sent (not trimmed). No dot is needed after the @.
const EMAIL_RE =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
// bcrypt's limit, which GoTrue's checkPasswordStrength (internal/api/password.go) enforces in bytes.
const MAX_PASSWORD_BYTES = 72;
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
  deleted_at: Date | null;
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

  /**
   * GoTrue's models.FindUserByID: by id alone, a soft-deleted user included (the admin API
   * shows it, with deleted_at and its obfuscated email).
   */
  async function loadAnyUser(db: pg.ClientBase, id: string): Promise<UserRow | undefined> {
    const { rows } = await db.query<UserRow>('select * from auth.users where id = $1', [id]);
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
      ...(user.deleted_at ? { deleted_at: user.deleted_at.toISOString() } : {}),
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

  /** GoTrue's checkPasswordStrength (internal/api/password.go): lengths in bytes, as Go's len(). */
  function validatePassword(password: unknown): string {
    if (typeof password === 'string' && Buffer.byteLength(password) > MAX_PASSWORD_BYTES) {
      throw new HttpError(400, 'validation_failed', `Password cannot be longer than ${MAX_PASSWORD_BYTES} characters`);
    }
    if (typeof password !== 'string' || Buffer.byteLength(password) < options.minimumPasswordLength) {
      throw new HttpError(422, 'weak_password', `Password should be at least ${options.minimumPasswordLength} characters.`, {
        weak_password: { reasons: ['length'] },
      });
    }
    return password;
  }

  /** GoTrue's validateEmail (internal/api/mail.go): required, at most 255 bytes, checkmail's format, lowercased. */
  function validateEmail(email: unknown): string {
    if (email !== undefined && email !== null && typeof email !== 'string') throw badJson(email, 'email');
    if (!email) throw new HttpError(400, 'validation_failed', 'An email address is required');
    if (Buffer.byteLength(email) > 255) throw new HttpError(400, 'validation_failed', 'An email address is too long');
    if (!EMAIL_RE.test(email)) throw new HttpError(400, 'validation_failed', 'Unable to validate email address: invalid format');
    return email.toLowerCase();
  }

  async function createUser(
    db: pg.ClientBase,
    fields: { id?: string; email: string; password?: string; confirmed: boolean; userMetadata?: unknown; appMetadata?: unknown; bannedUntil?: Date | null; role?: string },
  ): Promise<UserRow> {
    const id = fields.id ?? randomUUID();
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
    // GoTrue's maybeLoadUserOrSession (internal/api/auth.go): sub must be a UUID; the user is
    // found by id alone (a soft-deleted one too, whose sessions are gone).
    if (!claims.sub) throw new HttpError(403, 'bad_jwt', 'invalid claim: missing sub claim');
    const sub = parseUuid(claims.sub);
    if (!sub) throw new HttpError(400, 'bad_jwt', 'invalid claim: sub claim must be a UUID');
    const user = await loadAnyUser(db, sub);
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
      // GoTrue's ResourceOwnerPasswordGrant (internal/api/token.go), in its order: the user by
      // lower(email) as sent, no password → invalid_credentials, banned → user_banned (before the
      // password is checked), wrong password → invalid_credentials, unconfirmed → email_not_confirmed.
      const email = stringParam(req.body, 'email');
      const phone = stringParam(req.body, 'phone');
      const password = stringParam(req.body, 'password');
      if (email && phone) throw new HttpError(400, 'validation_failed', 'Only an email address or phone number should be provided on login.');
      if (!email && !phone) throw new HttpError(400, 'validation_failed', 'missing email or phone');
      // This stack has no phone provider (/settings: external.phone false).
      if (!email) throw new HttpError(422, 'phone_provider_disabled', 'Phone logins are disabled');
      return withTransaction(async (db) => {
        const { rows } = await db.query<UserRow & { password_ok: boolean; has_password: boolean }>(
          `select *, coalesce(encrypted_password, '') <> '' as has_password,
                  coalesce(encrypted_password, '') <> '' and extensions.crypt($2, encrypted_password) = encrypted_password as password_ok
           from auth.users where lower(email) = $1 and is_sso_user = false and deleted_at is null`,
          [email.toLowerCase(), password],
        );
        const user = rows[0];
        if (!user || !user.has_password) throw new HttpError(400, 'invalid_credentials', 'Invalid login credentials');
        assertNotBanned(user);
        if (!user.password_ok) throw new HttpError(400, 'invalid_credentials', 'Invalid login credentials');
        if (!user.email_confirmed_at) throw new HttpError(400, 'email_not_confirmed', 'Email not confirmed');
        return issueSession(db, user, 'password');
      });
    }
    if (grantType === 'refresh_token') {
      // GoTrue's RefreshTokenGrantParams.Validate (internal/api/token_refresh.go): shorter than 12.
      const presented = stringParam(req.body, 'refresh_token');
      if (presented.length < 12) throw new HttpError(400, 'validation_failed', 'Refresh token is not valid');
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
    // GoTrue's Token (internal/api/token.go): any other grant.
    throw new HttpError(400, 'invalid_credentials', 'unsupported_grant_type');
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
      const data = objectParam(req.body, 'data');
      // GoTrue's validateUserUpdateParams (internal/api/user.go): an empty or null email is none,
      // and the email is validated before the password (a null password is none too).
      const email = req.body.email === undefined || req.body.email === null || req.body.email === '' ? undefined : validateEmail(req.body.email);
      const password = req.body.password === undefined || req.body.password === null ? undefined : validatePassword(req.body.password);
      const emailChange = email !== undefined && email !== user.email ? email : undefined;
      if (emailChange !== undefined) await assertEmailFree(db, emailChange, user.id);

      if (password !== undefined) {
        const same = await db.query<{ same: boolean }>(
          `select encrypted_password <> '' and extensions.crypt($2, encrypted_password) = encrypted_password as same from auth.users where id = $1`,
          [user.id, password],
        );
        // GoTrue's UserUpdate (internal/api/user.go): the password it already has is refused.
        if (same.rows[0]?.same) throw new HttpError(422, 'same_password', 'New password should be different from the old password.');
        // Every other session of the user ends, this one stays.
        await updatePassword(db, user.id, password, claims.session_id ?? null);
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

  /**
   * GoTrue's User.UpdatePassword (internal/models/user.go): the new hash, the one-time tokens a
   * password change makes untrustworthy cleared, and every session ended but the caller's
   * (keepSession; null when an admin sets it). The bcrypt cost is GoTrue's default, 10.
   */
  async function updatePassword(db: pg.ClientBase, userId: string, password: string, keepSession: string | null) {
    await db.query(
      `update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf', 10)),
         confirmation_token = '', confirmation_sent_at = null, recovery_token = '', recovery_sent_at = null,
         email_change_token_current = '', email_change_token_new = '', email_change_sent_at = null,
         phone_change_token = '', phone_change_sent_at = null, reauthentication_token = '', reauthentication_sent_at = null
       where id = $1`,
      [userId, password],
    );
    await db.query('delete from auth.sessions where user_id = $1 and id is distinct from $2', [userId, keepSession]);
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
      // GoTrue's Logout (internal/api/logout.go): no scope or "global" ends every session.
      const scope = req.query.get('scope') || 'global';
      if (!['global', 'local', 'others'].includes(scope)) throw new HttpError(400, 'validation_failed', `Unsupported logout scope ${JSON.stringify(scope)}`);
      if (scope === 'local' && claims.session_id) await db.query('delete from auth.sessions where id = $1', [claims.session_id]);
      else if (scope === 'others' && claims.session_id) await db.query('delete from auth.sessions where user_id = $1 and id <> $2', [user.id, claims.session_id]);
      else await db.query('delete from auth.sessions where user_id = $1', [user.id]);
      return undefined;
    });
  }

  async function signup(req: Request) {
    const email = stringParam(req.body, 'email');
    const phone = stringParam(req.body, 'phone');
    const password = stringParam(req.body, 'password');
    // GoTrue's /signup route (internal/api/api.go): neither email nor phone is an anonymous
    // sign-in, refused before anything else when anonymous users are off. This stack has none
    // (config.toml: enable_anonymous_sign_ins = false).
    if (!email && !phone) throw new HttpError(422, 'anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
    // GoTrue's Signup and validateSignupParams (internal/api/signup.go), in their order.
    if (!options.enableSignup) throw new HttpError(422, 'signup_disabled', 'Signups not allowed for this instance');
    if (!password) throw new HttpError(400, 'validation_failed', 'Signup requires a valid password');
    validatePassword(password);
    if (email && phone) throw new HttpError(400, 'validation_failed', 'Only an email address or phone number should be provided on signup.');
    if (!email) throw new HttpError(400, 'phone_provider_disabled', 'Phone signups are disabled');
    validateEmail(email);
    const options_ = isObject(req.body.options) ? req.body.options : {};
    return withTransaction(async (db) => {
      let user: UserRow;
      try {
        user = await createUser(db, { email: email.toLowerCase(), password, confirmed: true, userMetadata: req.body.data ?? options_.data });
      } catch (error) {
        if (error instanceof HttpError && error.code === 'email_exists') throw new HttpError(422, 'user_already_exists', 'User already registered');
        throw error;
      }
      return issueSession(db, user, 'password');
    });
  }

  function bannedUntil(value: unknown): Date | null | undefined {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') throw badJson(value, 'AdminUserParams.ban_duration', 'string');
    if (value === 'none') return null;
    const ms = parseGoDuration(value);
    if (ms === undefined) throw new HttpError(400, 'validation_failed', `invalid format for ban duration: time: invalid duration ${JSON.stringify(value)}`);
    if (ms === 0) return null; // GoTrue's User.Ban: a zero duration lifts the ban
    return new Date(Date.now() + ms);
  }

  async function adminCreateUser(req: Request) {
    // GoTrue's adminUserCreate (internal/api/admin.go), in its order. It checks no password
    // strength (only bcrypt's 72 bytes), and gives a user made without a password a random one.
    const { email_confirm, user_metadata, app_metadata, ban_duration, role } = req.body;
    const email = stringParam(req.body, 'email');
    const phone = stringParam(req.body, 'phone');
    const password = req.body.password === null ? undefined : (req.body.password as unknown);
    if (password !== undefined && typeof password !== 'string') throw badJson(password, 'AdminUserParams.password', '*string');
    if (!email && !phone) throw new HttpError(400, 'validation_failed', 'Cannot create a user without either an email or phone');
    if (!email) throw new HttpError(400, 'validation_failed', 'The local stack has no phone provider: create users with an email');
    const address = validateEmail(email);
    if (password !== undefined && stringParam(req.body, 'password_hash')) {
      throw new HttpError(400, 'validation_failed', 'Only a password or a password hash should be provided');
    }
    if (stringParam(req.body, 'password_hash')) throw new HttpError(400, 'validation_failed', 'password_hash is not supported by the local stack');
    if (password && Buffer.byteLength(password) > MAX_PASSWORD_BYTES) throw new HttpError(400, 'validation_failed', 'bcrypt: password length exceeds 72 bytes');
    let id: string | undefined;
    const customId = stringParam(req.body, 'id');
    if (customId) {
      id = parseUuid(customId);
      if (!id) throw new HttpError(400, 'validation_failed', 'ID must conform to the uuid v4 format');
      if (id === NIL_UUID) throw new HttpError(400, 'validation_failed', 'ID cannot be a nil uuid');
    }
    const ban = bannedUntil(ban_duration);
    return withTransaction(async (db) => {
      await assertEmailFree(db, address, NIL_UUID);
      return userJson(
        db,
        await createUser(db, {
          id,
          email: address,
          password: password || randomBytes(48).toString('base64url'),
          confirmed: email_confirm === true,
          userMetadata: user_metadata,
          appMetadata: app_metadata,
          bannedUntil: ban,
          role: typeof role === 'string' && role ? role : undefined,
        }),
      );
    });
  }

  /** GoTrue's paginate (internal/api/pagination.go): page and per_page as strconv.ParseUint reads them. */
  function pageParam(req: Request, name: string, fallback: number): number {
    const text = req.query.get(name) ?? '';
    if (text === '') return fallback;
    const quoted = JSON.stringify(text);
    if (!/^[0-9]+$/.test(text)) {
      throw new HttpError(400, 'validation_failed', `Bad Pagination Parameters: strconv.ParseUint: parsing ${quoted}: invalid syntax`);
    }
    if (BigInt(text) > 0xffff_ffff_ffff_ffffn) {
      throw new HttpError(400, 'validation_failed', `Bad Pagination Parameters: strconv.ParseUint: parsing ${quoted}: value out of range`);
    }
    return Number(text);
  }

  async function adminListUsers(req: Request, res: ServerResponse) {
    // GoTrue's adminUsers and models.FindUsersInAudience: every user of the audience, soft-deleted
    // ones included, newest first, filtered by email or full_name when asked. A page or per_page
    // of 0 is pop's paginator's default (1 and 20).
    const page = Math.max(1, pageParam(req, 'page', 1));
    const perPage = pageParam(req, 'per_page', 50) || 20;
    const filter = req.query.get('filter') ?? '';
    const where = `instance_id = '00000000-0000-0000-0000-000000000000' and aud = 'authenticated'
      and ($1 = '' or email like '%' || $1 || '%' or raw_user_meta_data ->> 'full_name' ilike '%' || $1 || '%')`;
    const client = await pool.connect();
    try {
      const total = Number((await client.query<{ n: string }>(`select count(*) as n from auth.users where ${where}`, [filter])).rows[0]!.n);
      const offset = (page - 1) * perPage;
      const { rows } = Number.isSafeInteger(offset) && offset < total
        ? await client.query<UserRow>(`select * from auth.users where ${where} order by created_at desc, id limit $2 offset $3`, [filter, perPage, offset])
        : { rows: [] as UserRow[] };
      const users = [];
      for (const row of rows) users.push(await userJson(client, row));
      const lastPage = Math.ceil(total / perPage);
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

  /**
   * GoTrue's User.SoftDeleteUser and SoftDeleteUserIdentities (internal/models/user.go): the row
   * stays with deleted_at set; email, phone and the pending changes become a hash of the id and
   * the value (so the address is free again and nobody signs in with it); the password, the
   * one-time tokens and both metadata are cleared; each identity keeps its row with empty
   * identity_data and an obfuscated provider_id; every session ends (adminUserDelete).
   */
  async function softDeleteUser(db: pg.ClientBase, user: UserRow) {
    const obfuscate = (value: string | null) => createHash('sha256').update(user.id + (value ?? '')).digest('base64url');
    const { rows } = await db.query<{ phone_change: string | null }>('select phone_change from auth.users where id = $1', [user.id]);
    await db.query(
      `update auth.users set email = $2, phone = $3, email_change = $4, phone_change = $5, encrypted_password = null,
         confirmation_token = '', recovery_token = '', email_change_token_current = '', email_change_token_new = '',
         phone_change_token = '', deleted_at = now(), raw_user_meta_data = '{}', raw_app_meta_data = '{}'
       where id = $1`,
      [user.id, obfuscate(user.email), obfuscate(user.phone).slice(0, 15), obfuscate(user.email_change), obfuscate(rows[0]?.phone_change ?? null).slice(0, 15)],
    );
    const identities = await db.query<{ id: string; provider: string; provider_id: string }>(
      'select id, provider, provider_id from auth.identities where user_id = $1',
      [user.id],
    );
    for (const identity of identities.rows) {
      const providerId = createHash('sha256').update(user.id + identity.provider + ':' + identity.provider_id).digest('base64url');
      await db.query(`update auth.identities set identity_data = '{}', provider_id = $2, updated_at = now() where id = $1`, [identity.id, providerId]);
    }
    await db.query('delete from auth.sessions where user_id = $1', [user.id]);
  }

  async function adminUser(req: Request, rawId: string) {
    // GoTrue's loadUser (internal/api/admin.go): an id that is no UUID is a 404 validation_failed.
    let id: string | undefined;
    try {
      id = parseUuid(decodeURIComponent(rawId));
    } catch {
      id = undefined; // a malformed %-escape
    }
    if (!id) throw new HttpError(404, 'validation_failed', 'user_id must be an UUID');
    return withTransaction(async (db) => {
      const user = await loadAnyUser(db, id);
      if (!user) throw new HttpError(404, 'user_not_found', 'User not found');
      if (req.method === 'GET') return userJson(db, user);
      if (req.method === 'DELETE') {
        // GoTrue's adminUserDelete: should_soft_delete (false by default) soft-deletes, once.
        const soft = req.body.should_soft_delete;
        if (soft !== undefined && soft !== null && typeof soft !== 'boolean') throw badJson(soft, 'adminUserDeleteParams.should_soft_delete', 'bool');
        if (soft === true) {
          if (!user.deleted_at) await softDeleteUser(db, user);
        } else {
          await db.query('delete from auth.users where id = $1', [id]);
        }
        return {};
      }
      // PUT: GoTrue's adminUserUpdate validates the email, the ban and the password first, then
      // sets what is given and merges the metadata.
      const { user_metadata, app_metadata, ban_duration, email_confirm, role } = req.body;
      const email = stringParam(req.body, 'email');
      const address = email ? validateEmail(email) : undefined;
      const ban = bannedUntil(ban_duration);
      const password = req.body.password === undefined || req.body.password === null ? undefined : validatePassword(req.body.password);
      if (typeof role === 'string' && role) await db.query('update auth.users set role = $2 where id = $1', [id, role]);
      if (email_confirm === true) await db.query('update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()) where id = $1', [id]);
      // GoTrue's UpdatePassword(tx, nil): an admin's password change ends every session.
      if (password !== undefined) await updatePassword(db, id, password, null);
      if (address !== undefined) {
        try {
          await db.query('update auth.users set email = $2 where id = $1', [id, address]);
        } catch (error) {
          // GoTrue answers 500 here (the unique index: "Error updating user"); this stack says
          // what it is, as adminUserCreate does.
          if ((error as { code?: string }).code === '23505') throw new HttpError(422, 'email_exists', 'A user with this email address has already been registered');
          throw error;
        }
        await db.query(
          `update auth.identities set identity_data = identity_data || jsonb_build_object('email', $2::text, 'email_verified', $3::boolean), updated_at = now()
           where user_id = $1 and provider = 'email'`,
          [id, address, email_confirm === true],
        );
      }
      if (isObject(app_metadata)) {
        await db.query(`update auth.users set raw_app_meta_data = jsonb_strip_nulls(coalesce(raw_app_meta_data, '{}') || $2::jsonb) where id = $1`, [id, app_metadata]);
      }
      if (isObject(user_metadata)) {
        await db.query(`update auth.users set raw_user_meta_data = jsonb_strip_nulls(coalesce(raw_user_meta_data, '{}') || $2::jsonb) where id = $1`, [id, user_metadata]);
      }
      if (ban !== undefined) {
        // As in GoTrue, a ban ends no session: the refresh grant refuses a banned user
        // (user_banned), and lifting the ban makes the same refresh tokens work again.
        await db.query('update auth.users set banned_until = $2 where id = $1', [id, ban]);
      }
      await db.query('update auth.users set updated_at = now() where id = $1', [id]);
      return userJson(db, (await loadAnyUser(db, id))!);
    });
  }

  async function route(req: Request, res: ServerResponse): Promise<unknown> {
    const { method, path } = req;
    if (path === '/health' && method === 'GET') return { version: 'local', name: 'GoTrue', description: 'GoTrue-compatible auth of the local stack' };
    if (path === '/settings' && method === 'GET') {
      return { external: { anonymous_users: false, email: true, phone: false }, disable_signup: !options.enableSignup, mailer_autoconfirm: true, phone_autoconfirm: false, sms_provider: '', saml_enabled: false };
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
      // GoTrue's handleResponseErrorHTTP (internal/api/errors.go) names the code in a header too.
      res.setHeader('x-sb-error-code', http.code);
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

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * A UUID as github.com/gofrs/uuid's FromString reads one (canonical, 32 hex digits, braced, or
 * a urn:uuid: URN), in canonical lowercase; undefined when it is none.
 */
function parseUuid(text: string): string | undefined {
  let t = text;
  if (/^urn:uuid:/i.test(t)) t = t.slice(9);
  else if (t.length === 38 && t.startsWith('{') && t.endsWith('}')) t = t.slice(1, -1);
  let hex: string;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t)) hex = t.replaceAll('-', '');
  else if (/^[0-9a-f]{32}$/i.test(t)) hex = t;
  else return undefined;
  hex = hex.toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The kind of a JSON value in Go's encoding/json words. */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** GoTrue's retrieveRequestParams (internal/api/helpers.go): a field of the wrong JSON type. */
function badJson(value: unknown, field: string, goType = 'string'): HttpError {
  return new HttpError(400, 'bad_json', `Could not parse request body as JSON: json: cannot unmarshal ${jsonKind(value)} into Go struct field ${field} of type ${goType}`);
}

/** A string field of the body as Go decodes it into a string: absent or null is "". */
function stringParam(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw badJson(value, name);
  return value;
}

/** An object field (map[string]interface{}): absent or null is none. */
function objectParam(body: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw badJson(value, name, 'map[string]interface {}');
  return value;
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
    // GoTrue's limitRequestBody(1 << 20) and retrieveRequestParams (internal/api/helpers.go).
    if (size > MAX_BODY) throw new HttpError(413, 'request_entity_too_large', `Request body too large (max ${MAX_BODY} bytes)`);
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
