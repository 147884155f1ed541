// The auth server answers as GoTrue (Supabase Auth) answers: for each endpoint the stack
// implements, through supabase-js 2.109 (and plain fetch where supabase-js cannot send the
// request, or to see the body as sent), the status, the error code, the message and the body's
// shape. Beside each expectation, the GoTrue source that gives it (github.com/supabase/auth,
// read at v2.196.0; `internal/…` paths). These started as the differences supabase-js's own
// auth-js tests (test/GoTrueApi.test.ts) measured against this stack.
import { createHash, randomUUID } from 'node:crypto';
import { AuthApiError, AuthSessionMissingError, AuthWeakPasswordError, type AuthError } from '@supabase/supabase-js';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../stack/config.ts';
import { anonClient, serviceClient, stack, superuser, uniqueEmail } from '../support/clients.ts';

const PASSWORD = 'compat-password-1';
const admin = () => serviceClient().auth.admin;
const made: string[] = [];
afterAll(async () => {
  const db = await superuser();
  try {
    await db.query('delete from auth.users where id = any($1::uuid[])', [made]);
  } finally {
    await db.end();
  }
});

async function newUser(metadata: Record<string, unknown> = {}): Promise<{ id: string; email: string }> {
  const email = uniqueEmail('compat');
  const { data, error } = await admin().createUser({ email, password: PASSWORD, email_confirm: true, user_metadata: metadata });
  expect(error).toBeNull();
  made.push(data.user!.id);
  return { id: data.user!.id, email };
}

async function signIn(email: string, password = PASSWORD) {
  const client = anonClient();
  const { data, error } = await client.auth.signInWithPassword({ email, password });
  expect(error).toBeNull();
  return { client, session: data.session! };
}

function expectError(error: AuthError | null, status: number, code: string, message?: string | RegExp) {
  expect(error, `expected ${status} ${code}`).not.toBeNull();
  expect({ status: error!.status, code: error!.code }).toEqual({ status, code });
  if (typeof message === 'string') expect(error!.message).toBe(message);
  else if (message) expect(error!.message).toMatch(message);
}

/** A request as sent, without supabase-js: the body and headers as GoTrue gives them. */
async function raw(method: string, path: string, options: { token?: string; body?: unknown; modern?: boolean } = {}) {
  const headers: Record<string, string> = { apikey: stack().anonKey, authorization: `Bearer ${options.token ?? stack().anonKey}` };
  if (options.modern) headers['x-supabase-api-version'] = '2024-01-01';
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${stack().apiUrl}/auth/v1${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}
const service = () => stack().serviceRoleKey;

async function dbRow<T>(sql: string, params: unknown[]): Promise<T | undefined> {
  const db = await superuser();
  try {
    return (await db.query(sql, params)).rows[0] as T | undefined;
  } finally {
    await db.end();
  }
}

/** internal/models/user.go obfuscateValue: base64url(sha256(id + value)), unpadded. */
const obfuscate = (id: string, value: string) => createHash('sha256').update(id + value).digest('base64url');

describe('errors: the two shapes', () => {
  it('the 2024-01-01 API version gets {code, message}, others {code: status, error_code, msg}; both name the code in x-sb-error-code', async () => {
    // internal/api/errors.go handleResponseErrorHTTP: HTTPErrorResponse20240101 for a request
    // whose X-Supabase-Api-Version is 2024-01-01 or later (answered with the header), else HTTPError's JSON tags.
    const modern = await raw('GET', '/user', { modern: true, token: 'not-a-jwt' });
    expect(modern.status).toBe(403);
    expect(modern.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(modern.body).toEqual({ code: 'bad_jwt', message: expect.stringMatching(/^invalid JWT: unable to parse or verify signature, /) });
    expect(modern.headers.get('x-sb-error-code')).toBe('bad_jwt');
    const legacy = await raw('GET', '/user', { token: 'not-a-jwt' });
    expect(legacy.headers.get('x-supabase-api-version')).toBeNull();
    expect(legacy.body).toEqual({ code: 403, error_code: 'bad_jwt', msg: expect.stringMatching(/^invalid JWT/) });
    expect(legacy.headers.get('x-sb-error-code')).toBe('bad_jwt');
  });
});

describe('email addresses', () => {
  // internal/api/mail.go validateEmail: "" → "An email address is required", over 255 → "An email
  // address is too long", then github.com/badoux/checkmail ValidateFormat (d0a759655d62, as
  // go.mod pins it) → "Unable to validate email address: invalid format"; lowercased, not trimmed.
  it('refuses xx:;x@x.x as the admin API creates a user: 400 validation_failed', async () => {
    const { data, error } = await admin().createUser({ email: 'xx:;x@x.x', password: 'password123' });
    expect(error).toBeInstanceOf(AuthApiError);
    expectError(error, 400, 'validation_failed', 'Unable to validate email address: invalid format');
    expect(data.user).toBeNull();
  });

  it('refuses it for updateUser and the admin update too, and a space around an address (not trimmed)', async () => {
    const user = await newUser();
    const { client } = await signIn(user.email);
    // internal/api/user.go validateUserUpdateParams → validateEmail.
    expectError((await client.auth.updateUser({ email: 'xx:;x@x.x' })).error, 400, 'validation_failed', 'Unable to validate email address: invalid format');
    // internal/api/admin.go adminUserUpdate → validateEmail.
    expectError((await admin().updateUserById(user.id, { email: ` ${user.email}` })).error, 400, 'validation_failed', 'Unable to validate email address: invalid format');
    expect((await admin().getUserById(user.id)).data.user!.email).toBe(user.email);
  });

  it('takes what checkmail takes: no dot after the @, the characters RFC 5322 allows before it; stored lowercased', async () => {
    for (const email of [`dotless.${randomUUID().slice(0, 8)}@localhost`, `O'Brien+tag.${randomUUID().slice(0, 8)}@Example.COM`]) {
      const { data, error } = await admin().createUser({ email, password: PASSWORD, email_confirm: true });
      expect(error, email).toBeNull();
      made.push(data.user!.id);
      expect(data.user!.email).toBe(email.toLowerCase());
    }
  });

  it('an address of more than 255 bytes: 400 "An email address is too long"', async () => {
    const { error } = await admin().createUser({ email: `${'a'.repeat(250)}@example.com`, password: PASSWORD });
    expectError(error, 400, 'validation_failed', 'An email address is too long');
  });

  it('no email and no phone: 400 "Cannot create a user without either an email or phone"', async () => {
    // internal/api/admin.go adminUserCreate.
    const { error } = await admin().createUser({ password: PASSWORD });
    expectError(error, 400, 'validation_failed', 'Cannot create a user without either an email or phone');
  });
});

describe('listing users', () => {
  it('page=-1: 400 validation_failed, the ParseUint error named, and no users', async () => {
    // internal/api/admin.go adminUsers → internal/api/pagination.go paginate: strconv.ParseUint.
    const { data, error } = await admin().listUsers({ page: -1, perPage: 10 });
    expect(error).toBeInstanceOf(AuthApiError);
    expectError(error, 400, 'validation_failed', 'Bad Pagination Parameters: strconv.ParseUint: parsing "-1": invalid syntax');
    expect(data.users).toEqual([]);
    const perPage = await raw('GET', '/admin/users?per_page=ten', { token: service(), modern: true });
    expect(perPage).toMatchObject({ status: 400, body: { code: 'validation_failed', message: 'Bad Pagination Parameters: strconv.ParseUint: parsing "ten": invalid syntax' } });
  });

  it('answers {aud, users} with X-Total-Count and a Link to the next and last pages', async () => {
    // internal/api/admin.go AdminListUsersResponse; internal/api/pagination.go addPaginationHeaders.
    const res = await raw('GET', '/admin/users?page=1&per_page=2', { token: service() });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body!).sort()).toEqual(['aud', 'users']);
    expect(res.body!.aud).toBe('authenticated');
    expect(res.body!.users).toHaveLength(2);
    const total = Number(res.headers.get('x-total-count'));
    expect(total).toBeGreaterThan(2);
    expect(res.headers.get('link')).toBe(
      `</admin/users?page=2&per_page=2>; rel="next", </admin/users?page=${Math.ceil(total / 2)}&per_page=2>; rel="last"`,
    );
  });
});

describe('a user by id', () => {
  it('an id that is no UUID: 404 validation_failed "user_id must be an UUID"', async () => {
    // internal/api/admin.go loadUser: uuid.FromString fails → NewNotFoundError(ErrorCodeValidationFailed, …)
    // (v2.100 answered 400; 404 since). supabase-js checks the id itself, so this is fetch.
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const modern = await raw(method, '/admin/users/not-a-uuid', { token: service(), modern: true, body: method === 'GET' ? undefined : {} });
      expect(modern, method).toMatchObject({ status: 404, body: { code: 'validation_failed', message: 'user_id must be an UUID' } });
    }
    const legacy = await raw('GET', '/admin/users/not-a-uuid', { token: service() });
    expect(legacy.body).toEqual({ code: 404, error_code: 'validation_failed', msg: 'user_id must be an UUID' });
  });

  it('reads a UUID as gofrs/uuid FromString does: braced, 32 digits, upper case', async () => {
    const user = await newUser();
    for (const form of [`{${user.id}}`, user.id.replaceAll('-', ''), user.id.toUpperCase()]) {
      const res = await raw('GET', `/admin/users/${encodeURIComponent(form)}`, { token: service() });
      expect(res.status, form).toBe(200);
      expect(res.body!.id).toBe(user.id);
    }
  });

  it('no such user: 404 user_not_found "User not found" for get, update and delete', async () => {
    // internal/api/admin.go loadUser: models.FindUserByID not found.
    const id = randomUUID();
    expectError((await admin().getUserById(id)).error, 404, 'user_not_found', 'User not found');
    expectError((await admin().updateUserById(id, { email: 'new@email.com' })).error, 404, 'user_not_found', 'User not found');
    expectError((await admin().deleteUser(id)).error, 404, 'user_not_found', 'User not found');
  });
});

describe('deleteUser(id, true): soft deletion', () => {
  it('keeps the row with deleted_at, obfuscates the email and phone, clears password and metadata, empties the identities, ends the sessions', async () => {
    const user = await newUser({ full_name: '软 删除' });
    const { session } = await signIn(user.email);
    // internal/api/admin.go adminUserDelete: should_soft_delete → SoftDeleteUser,
    // SoftDeleteUserIdentities, models.Logout; answers {}.
    const deleted = await admin().deleteUser(user.id, true);
    expect(deleted.error).toBeNull();
    expect(deleted.data.user).toEqual({});

    // internal/models/user.go SoftDeleteUser: email = obfuscateEmail, phone = obfuscatePhone (15
    // characters), encrypted_password = null, both metadata emptied, deleted_at = now.
    const row = await dbRow<{ email: string; phone: string; encrypted_password: string | null; deleted_at: Date | null; raw_user_meta_data: unknown; raw_app_meta_data: unknown }>(
      'select email, phone, encrypted_password, deleted_at, raw_user_meta_data, raw_app_meta_data from auth.users where id = $1',
      [user.id],
    );
    expect(row).toMatchObject({
      email: obfuscate(user.id, user.email),
      phone: obfuscate(user.id, '').slice(0, 15),
      encrypted_password: null,
      raw_user_meta_data: {},
      raw_app_meta_data: {},
    });
    expect(row!.deleted_at).toBeInstanceOf(Date);
    // SoftDeleteUserIdentities: identity_data {}, provider_id = obfuscateIdentityProviderId.
    const identity = await dbRow<{ provider_id: string; identity_data: unknown }>('select provider_id, identity_data from auth.identities where user_id = $1', [user.id]);
    expect(identity).toEqual({ provider_id: obfuscate(user.id, `email:${user.id}`), identity_data: {} });
    expect(await dbRow('select 1 from auth.sessions where user_id = $1', [user.id])).toBeUndefined();

    // The admin API still finds it by id (models.FindUserByID has no deleted_at filter), with deleted_at.
    const fetched = await admin().getUserById(user.id);
    expect(fetched.error).toBeNull();
    expect(fetched.data.user).toMatchObject({ id: user.id, email: obfuscate(user.id, user.email), user_metadata: {}, app_metadata: {} });
    expect(Date.parse((fetched.data.user as { deleted_at?: string }).deleted_at!)).toBe(row!.deleted_at!.getTime());
    // …and lists it (models.FindUsersInAudience has none either).
    const listed = await raw('GET', `/admin/users?per_page=1000&filter=${encodeURIComponent(obfuscate(user.id, user.email))}`, { token: service() });
    expect((listed.body!.users as { id: string }[]).map((u) => u.id)).toEqual([user.id]);

    // Nobody signs in with the address or the session any more, and the address is free again.
    expectError((await anonClient().auth.signInWithPassword({ email: user.email, password: PASSWORD })).error, 400, 'invalid_credentials', 'Invalid login credentials');
    expectError((await anonClient().auth.refreshSession({ refresh_token: session.refresh_token })).error, 400, 'refresh_token_not_found');
    expect((await anonClient().auth.getUser(session.access_token)).error).toBeInstanceOf(AuthSessionMissingError);
    const again = await admin().createUser({ email: user.email, password: PASSWORD, email_confirm: true });
    expect(again.error).toBeNull();
    made.push(again.data.user!.id);

    // Soft-deleting again changes nothing ("user has been soft deleted already"); a hard delete removes the row.
    expect((await admin().deleteUser(user.id, true)).error).toBeNull();
    expect((await dbRow<{ deleted_at: Date }>('select deleted_at from auth.users where id = $1', [user.id]))!.deleted_at.getTime()).toBe(row!.deleted_at!.getTime());
    expect((await admin().deleteUser(user.id)).error).toBeNull();
    expect(await dbRow('select 1 from auth.users where id = $1', [user.id])).toBeUndefined();
  });

  it('deleteUser(id) without it removes the row: tx.Destroy', async () => {
    const user = await newUser();
    expect((await admin().deleteUser(user.id)).error).toBeNull();
    expect(await dbRow('select 1 from auth.users where id = $1', [user.id])).toBeUndefined();
    expectError((await admin().getUserById(user.id)).error, 404, 'user_not_found');
  });
});

describe('sign-up', () => {
  it('anonymous sign-in when it is off: 422 anonymous_provider_disabled', async () => {
    // internal/api/api.go, the /signup route: neither email nor phone, and
    // External.AnonymousUsers.Enabled false (config.toml enable_anonymous_sign_ins = false).
    const { data, error } = await anonClient().auth.signInAnonymously();
    expect(error).toBeInstanceOf(AuthApiError);
    expectError(error, 422, 'anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
    expect(data.session).toBeNull();
  });

  it('sign-up when it is off: 422 signup_disabled, before the address is looked at', async () => {
    // internal/api/signup.go Signup: config.DisableSignup is checked before validateSignupParams.
    for (const email of [uniqueEmail('signup'), 'xx:;x@x.x']) {
      expectError((await anonClient().auth.signUp({ email, password: PASSWORD })).error, 422, 'signup_disabled', 'Signups not allowed for this instance');
    }
  });

  it('/settings says so', async () => {
    // internal/api/settings.go: external.anonymous_users, disable_signup.
    const res = await raw('GET', '/settings');
    expect(res.body).toMatchObject({ external: { anonymous_users: false, email: true, phone: false }, disable_signup: true });
  });
});

describe('the password grant', () => {
  it('answers the session: access and refresh token, bearer, expiry, the user', async () => {
    // internal/api/token.go AccessTokenResponse.
    const user = await newUser();
    const res = await raw('POST', '/token?grant_type=password', { body: { email: user.email, password: PASSWORD } });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body!).sort()).toEqual(['access_token', 'expires_at', 'expires_in', 'refresh_token', 'token_type', 'user']);
    expect(res.body).toMatchObject({ token_type: 'bearer', expires_in: 3600, user: { id: user.id, email: user.email, aud: 'authenticated' } });
  });

  it('a wrong password: 400 invalid_credentials; a banned user is told so before the password is checked', async () => {
    // internal/api/token.go ResourceOwnerPasswordGrant: IsBanned comes before Authenticate.
    const user = await newUser();
    expectError((await anonClient().auth.signInWithPassword({ email: user.email, password: 'wrong-password' })).error, 400, 'invalid_credentials', 'Invalid login credentials');
    expect((await admin().updateUserById(user.id, { ban_duration: '1h' })).error).toBeNull();
    expectError((await anonClient().auth.signInWithPassword({ email: user.email, password: 'wrong-password' })).error, 400, 'user_banned', 'User is banned');
  });

  it('an unconfirmed address: 400 email_not_confirmed', async () => {
    const email = uniqueEmail('unconfirmed');
    const { data } = await admin().createUser({ email, password: PASSWORD });
    made.push(data.user!.id);
    expectError((await anonClient().auth.signInWithPassword({ email, password: PASSWORD })).error, 400, 'email_not_confirmed', 'Email not confirmed');
  });

  it('no email or phone: 400 "missing email or phone"; another grant: 400 invalid_credentials "unsupported_grant_type"', async () => {
    expect(await raw('POST', '/token?grant_type=password', { body: { password: PASSWORD }, modern: true })).toMatchObject({
      status: 400,
      body: { code: 'validation_failed', message: 'missing email or phone' },
    });
    // internal/api/token.go Token: the default case.
    expect(await raw('POST', '/token?grant_type=magic', { body: {}, modern: true })).toMatchObject({
      status: 400,
      body: { code: 'invalid_credentials', message: 'unsupported_grant_type' },
    });
  });
});

describe('the refresh-token grant', () => {
  it('a token shorter than 12: 400 validation_failed; an unknown one: 400 refresh_token_not_found', async () => {
    // internal/api/token_refresh.go RefreshTokenGrantParams.Validate.
    expectError((await anonClient().auth.refreshSession({ refresh_token: 'short' })).error, 400, 'validation_failed', 'Refresh token is not valid');
    // internal/tokens/service.go RefreshTokenGrant: FindUserWithRefreshToken not found.
    expectError(
      (await anonClient().auth.refreshSession({ refresh_token: 'a-token-nobody-was-given' })).error,
      400,
      'refresh_token_not_found',
      'Invalid Refresh Token: Refresh Token Not Found',
    );
  });
});

describe('/user', () => {
  it('with no user in the token: 403 bad_jwt "invalid claim: missing sub claim"; a user gone: 403 user_not_found', async () => {
    // internal/api/auth.go maybeLoadUserOrSession. Without an Authorization header the gateway
    // sends the apikey as the bearer (as Supabase's does), and the anon key names no user.
    const res = await fetch(`${stack().apiUrl}/auth/v1/user`, { headers: { apikey: stack().anonKey, 'x-supabase-api-version': '2024-01-01' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ code: 'bad_jwt', message: 'invalid claim: missing sub claim' });
    const user = await newUser();
    const { session } = await signIn(user.email);
    await admin().deleteUser(user.id);
    expectError((await anonClient().auth.getUser(session.access_token)).error, 403, 'user_not_found', 'User from sub claim in JWT does not exist');
  });

  it('updateUser: the same password is 422 same_password, a short one 422 weak_password with reasons, one over 72 bytes 400', async () => {
    // internal/api/user.go UserUpdate: isSamePassword → ErrorCodeSamePassword.
    const user = await newUser();
    const { client } = await signIn(user.email);
    expectError((await client.auth.updateUser({ password: PASSWORD })).error, 422, 'same_password', 'New password should be different from the old password.');
    // internal/api/password.go checkPasswordStrength: minimum_password_length 8, in bytes.
    const weak = await client.auth.updateUser({ password: 'short' });
    expect(weak.error).toBeInstanceOf(AuthWeakPasswordError);
    expectError(weak.error, 422, 'weak_password', 'Password should be at least 8 characters.');
    expect((weak.error as AuthWeakPasswordError).reasons).toEqual(['length']);
    expectError((await client.auth.updateUser({ password: '密'.repeat(25) })).error, 400, 'validation_failed', 'Password cannot be longer than 72 characters');
  });

  it('a new password ends the other sessions and keeps this one', async () => {
    // internal/models/user.go UpdatePassword(tx, &session.ID) → LogoutAllExceptMe.
    const user = await newUser();
    const { client, session } = await signIn(user.email);
    const other = await signIn(user.email);
    expect((await client.auth.updateUser({ password: 'compat-password-2' })).error).toBeNull();
    expect((await anonClient().auth.getUser(session.access_token)).error).toBeNull();
    expect((await anonClient().auth.getUser(other.session.access_token)).error).toBeInstanceOf(AuthSessionMissingError);
    expect((await anonClient().auth.signInWithPassword({ email: user.email, password: 'compat-password-2' })).error).toBeNull();
  });
});

describe('/logout', () => {
  it('204 with no body; an unknown scope: 400 validation_failed naming it', async () => {
    // internal/api/logout.go Logout.
    const user = await newUser();
    const { session } = await signIn(user.email);
    expect(await raw('POST', '/logout?scope=everywhere', { token: session.access_token, modern: true })).toMatchObject({
      status: 400,
      body: { code: 'validation_failed', message: 'Unsupported logout scope "everywhere"' },
    });
    const done = await raw('POST', '/logout?scope=local', { token: session.access_token });
    expect(done).toMatchObject({ status: 204, body: undefined });
  });
});

describe('the admin API with a token that is not an admin\'s', () => {
  it('403 not_admin "User not allowed"', async () => {
    // internal/api/auth.go requireAdmin.
    const { session } = await signIn('office.s1@demo.local', DEMO_PASSWORD);
    expect(await raw('GET', '/admin/users', { token: session.access_token, modern: true })).toMatchObject({
      status: 403,
      body: { code: 'not_admin', message: 'User not allowed' },
    });
  });
});

describe('what the stack does not offer', () => {
  it('resetPasswordForEmail: there is no mail, so no /recover (the street office resets a password: reset_member_password)', async () => {
    const { error } = await anonClient().auth.resetPasswordForEmail('filer.c1@demo.local');
    expectError(error, 404, 'not_found');
  });
});
