// The local storage server answers as Supabase Storage (github.com/supabase/storage, storage-api)
// answers: for each endpoint supabase-js's storage client calls, the HTTP status, the error's
// statusCode and code, and the body's shape, through supabase-js against the real stack. Every
// expectation names the storage-api source it follows (paths under that repository's src/).
//
// supabase-js keeps only an error's message, HTTP status and statusCode; the clients here record
// the body the server sent (`answer`), so the rest of storage-api's error ({ statusCode, error,
// message, code }, src/http/schemas/error.ts) is checked too.
import { randomBytes } from 'node:crypto';
import { StorageApiError, createClient, type SupabaseClient } from '@supabase/supabase-js';
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../stack/config.ts';
import { nodeClientOptions } from '../support/users.ts';
import { stack, superuser } from '../support/clients.ts';

const BUCKET = 'evidence';
const run = `c${randomBytes(4).toString('hex')}`;
const LIMITED = `${run}-limited`; // file_size_limit 16, allowed_mime_types {image/png}
const OTHER = `${run}-other`; // no limits, no policies: service_role's
const FILER1 = '00000000-0000-4000-a000-000000000103'; // files for compounds 1001–1004
const png = (label: string) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(label)]);
const asPng = { contentType: 'image/png' };

/** The last answer of the storage server to a client of this file. */
let answer: { status: number; body: unknown } = { status: 0, body: undefined };
const recording: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const url = input instanceof Request ? input.url : String(input);
  if (url.includes('/storage/v1/')) {
    const text = await response.clone().text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: a file, or nothing (HEAD)
    }
    answer = { status: response.status, body };
  }
  return response;
};
const options = { ...nodeClientOptions, global: { fetch: recording } };

let filer1: SupabaseClient;
let filer2: SupabaseClient;
let service: SupabaseClient;
const evidence = (client: SupabaseClient) => client.storage.from(BUCKET);

async function signIn(email: string): Promise<SupabaseClient> {
  const client = createClient(stack().apiUrl, stack().anonKey, options);
  const { error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
  if (error) throw error;
  return client;
}
const tokenOf = async (client: SupabaseClient) => (await client.auth.getSession()).data.session!.access_token;

/**
 * An error as storage-api's error handler sends it (src/http/error-handler.ts, setErrorHandler):
 * HTTP 400 for a StorageBackendError that is not a 500 (src/internal/errors/storage-error.ts,
 * userStatusCode), the meant status as the body's statusCode, then error, message and code in
 * that order (src/http/schemas/error.ts, errorSchema).
 */
function expectRefusal(
  result: { error: unknown },
  expected: { statusCode: string; error: string; message: string; code: string },
  httpStatus = 400,
) {
  expect(result.error, JSON.stringify(answer.body)).toBeInstanceOf(StorageApiError);
  const e = result.error as StorageApiError;
  expect({ status: e.status, statusCode: e.statusCode, message: e.message }).toEqual({ status: httpStatus, statusCode: expected.statusCode, message: expected.message });
  expect(answer).toEqual({ status: httpStatus, body: expected });
  expect(Object.keys(answer.body as object)).toEqual(['statusCode', 'error', 'message', 'code']);
}

// The errors of src/internal/errors/codes.ts (ERRORS), as the tests below meet them.
const NO_SUCH_KEY = { statusCode: '404', error: 'not_found', message: 'Object not found', code: 'NoSuchKey' }; // ERRORS.NoSuchKey
const NO_SUCH_BUCKET = { statusCode: '404', error: 'Bucket not found', message: 'Bucket not found', code: 'NoSuchBucket' }; // ERRORS.NoSuchBucket
const KEY_EXISTS = { statusCode: '409', error: 'Duplicate', message: 'The resource already exists', code: 'KeyAlreadyExists' }; // ERRORS.KeyAlreadyExists
// ERRORS.AccessDenied with the message src/storage/database/errors.ts (DBError.fromDBError, 42501) gives an RLS refusal.
const RLS = { statusCode: '403', error: 'Unauthorized', message: 'new row violates row-level security policy', code: 'AccessDenied' };

beforeAll(async () => {
  [filer1, filer2] = await Promise.all([signIn('filer.c1@demo.local'), signIn('filer.c2@demo.local')]);
  service = createClient(stack().apiUrl, stack().serviceRoleKey, options);
  const db = await superuser();
  try {
    await db.query(
      `insert into storage.buckets (id, name, file_size_limit, allowed_mime_types) values ($1, $1, 16, '{image/png}'), ($2, $2, null, null)`,
      [LIMITED, OTHER],
    );
  } finally {
    await db.end();
  }
});

afterAll(async () => {
  const db = await superuser();
  try {
    const { rows } = await db.query<{ bucket_id: string; name: string }>(
      `select bucket_id, name from storage.objects where (bucket_id = $1 and name like $2) or bucket_id like $3`,
      [BUCKET, `%/${run}/%`, `${run}-%`],
    );
    for (const row of rows) await service.storage.from(row.bucket_id).remove([row.name]);
    await db.query(`delete from storage.buckets where id like $1`, [`${run}-%`]);
  } finally {
    await db.end();
  }
});

describe('upload and update', () => {
  const name = `1001/${run}/upload.png`;

  it('answers { Id, Key } (routes/object/createObject.ts), which supabase-js returns as { id, path, fullPath }', async () => {
    const { data, error } = await evidence(filer1).upload(name, png('one'), asPng);
    expect(error).toBeNull();
    expect(answer).toEqual({ status: 200, body: { Id: data!.id, Key: `${BUCKET}/${name}` } });
    expect(data).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), path: name, fullPath: `${BUCKET}/${name}` });
  });

  it('refuses a second upload of a name: KeyAlreadyExists, 409', async () => {
    // storage/uploader.ts (Uploader.canUpload: createObject, rolled back) → storage/database/pg.ts
    // (createObject turns the unique violation into ERRORS.KeyAlreadyExists).
    expectRefusal(await evidence(filer1).upload(name, png('two'), asPng), KEY_EXISTS);
  });

  it('refuses what the RLS policies refuse: AccessDenied, 403, for an upload, an upsert and an update', async () => {
    // storage/database/errors.ts (DBError.fromDBError, 42501: the message made generic).
    expectRefusal(await evidence(filer2).upload(`1001/${run}/intruder.png`, png('x'), asPng), RLS);
    // Uploader.canUpload with isUpsert: upsertObject as the caller, refused by the update policy.
    expectRefusal(await evidence(filer2).upload(name, png('x'), { ...asPng, upsert: true }), RLS);
    // routes/object/updateObject.ts: PUT is uploadFromRequest with isUpsert: true.
    expectRefusal(await evidence(filer2).update(name, png('x'), asPng), RLS);
  });

  it('refuses a bucket that does not exist: NoSuchBucket, 404', async () => {
    // storage/object.ts (ObjectStorage.uploadFromRequest: findBucketById as superuser).
    expectRefusal(await filer1.storage.from(`${run}-missing`).upload('a.png', png('x'), asPng), NO_SUCH_BUCKET);
  });

  it("refuses a file over the bucket's limit: EntityTooLarge, 413", async () => {
    // storage/uploader.ts (fileUploadFromRequest: content-length over the limit, or the multipart
    // file truncated) → ERRORS.EntityTooLarge.
    const tooLarge = { statusCode: '413', error: 'Payload too large', message: 'The object exceeded the maximum allowed size', code: 'EntityTooLarge' };
    expectRefusal(await service.storage.from(LIMITED).upload('big.png', png('more than sixteen bytes'), asPng), tooLarge);
    expectRefusal(await service.storage.from(LIMITED).upload('big-blob.png', new Blob([png('more than sixteen bytes')], { type: 'image/png' })), tooLarge);
  });

  it('refuses a type the bucket does not take: InvalidMimeType, 415, naming the type as sent', async () => {
    // storage/uploader.ts (validateMimeType) → ERRORS.InvalidMimeType.
    expectRefusal(await service.storage.from(LIMITED).upload('a.txt', Buffer.from('x')), {
      statusCode: '415',
      error: 'invalid_mime_type',
      message: 'mime type text/plain;charset=UTF-8 is not supported', // supabase-js's default type for raw bytes
      code: 'InvalidMimeType',
    });
  });

  it('refuses a key it does not take: InvalidKey, 400', async () => {
    // storage/limits.ts (mustBeValidKey) → ERRORS.InvalidKey: `Invalid key: <key>`.
    const bad = `1001/${run}/bad\u0001name.png`;
    expectRefusal(await evidence(filer1).upload(bad, png('x'), asPng), { statusCode: '400', error: 'InvalidKey', message: `Invalid key: ${bad}`, code: 'InvalidKey' });
  });

  it('refuses a token not signed with the JWT secret: AccessDenied with the verifier’s message', async () => {
    // http/plugins/jwt.ts (the preHandler) and internal/auth/jwt.ts (verifyJWT): ERRORS.AccessDenied(err.message), jose's words.
    const forged = await new SignJWT({ sub: FILER1, role: 'authenticated' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-that-is-at-least-32-characters'));
    const client = createClient(stack().apiUrl, stack().anonKey, { ...options, global: { ...options.global, headers: { Authorization: `Bearer ${forged}` } } });
    expectRefusal(await evidence(client).upload(`1001/${run}/forged.png`, png('x'), asPng), {
      statusCode: '403',
      error: 'Unauthorized',
      message: 'signature verification failed',
      code: 'AccessDenied',
    });
  });
});

describe('download, exists, info', () => {
  const name = `1001/${run}/info.png`;
  const tagged = `1001/${run}/tagged.png`;
  beforeAll(async () => {
    expect((await evidence(filer1).upload(name, png('info'), asPng)).error).toBeNull();
    expect((await evidence(filer1).upload(tagged, png('tagged'), { ...asPng, metadata: { source: 'camera' } })).error).toBeNull();
  });

  it('answers a missing object with NoSuchKey and a missing bucket with NoSuchBucket, 404 each', async () => {
    // routes/object/getObject.ts (requestHandler: findBucket, then findObject as the caller).
    expectRefusal(await evidence(filer1).download(`1001/${run}/missing.png`), NO_SUCH_KEY);
    expectRefusal(await filer1.storage.from(`${run}-missing`).download('a.png'), NO_SUCH_BUCKET);
    // RLS hides the row: another community's filer is told it is not there.
    expectRefusal(await evidence(filer2).download(name), NO_SUCH_KEY);
  });

  it('exists() is false on the 400 a HEAD of a missing object gets', async () => {
    // routes/object/getObjectInfo.ts (HEAD /object/:bucket/*): the same NoSuchKey, without a body.
    const missing = await evidence(filer1).exists(`1001/${run}/missing.png`);
    expect(missing.data).toBe(false);
    expect((missing.error as StorageApiError).status).toBe(400);
    expect(await evidence(filer1).exists(name)).toEqual({ data: true, error: null });
  });

  it('info() answers the InfoRenderer body; metadata is the user metadata, {} when none was given', async () => {
    // storage/renderer/info.ts (InfoRenderer.getAsset); storage/uploader.ts (completeUpload keeps
    // `{ ...request.userMetadata }`, so an upload without metadata has {}).
    const { data, error } = await evidence(filer1).info(name);
    expect(error).toBeNull();
    expect(answer.body).toEqual({
      id: expect.any(String),
      name,
      version: expect.any(String),
      bucket_id: BUCKET,
      size: png('info').length,
      content_type: 'image/png',
      cache_control: 'max-age=3600',
      etag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
      metadata: {},
      last_modified: expect.any(String),
      created_at: expect.any(String),
    });
    expect(data).toMatchObject({ name, bucketId: BUCKET, contentType: 'image/png', metadata: {} });
    expect((await evidence(filer1).info(tagged)).data!.metadata).toEqual({ source: 'camera' });
    expectRefusal(await evidence(filer1).info(`1001/${run}/missing.png`), NO_SUCH_KEY);
  });
});

describe('remove', () => {
  it('answers the deleted rows in objectSchema’s shape (routes/object/deleteObjects.ts); what RLS hides is not deleted', async () => {
    const name = `1002/${run}/remove.png`;
    expect((await evidence(filer1).upload(name, png('remove'), asPng)).error).toBeNull();
    expect(await evidence(filer2).remove([name])).toEqual({ data: [], error: null });
    const { data, error } = await evidence(filer1).remove([name]);
    expect(error).toBeNull();
    // storage/schemas/object.ts: the columns the response schema names, no path_tokens.
    expect(data).toEqual([
      {
        name,
        bucket_id: BUCKET,
        owner: FILER1,
        owner_id: FILER1,
        version: expect.any(String),
        id: expect.any(String),
        updated_at: expect.any(String),
        created_at: expect.any(String),
        last_accessed_at: expect.any(String),
        metadata: expect.objectContaining({ mimetype: 'image/png' }),
        user_metadata: {},
      },
    ]);
  });

  it('DELETE /object/:bucket/* (not called by supabase-js): NoSuchKey when missing, AccessDenied when RLS keeps it', async () => {
    const name = `1002/${run}/remove-one.png`;
    expect((await evidence(filer1).upload(name, png('one'), asPng)).error).toBeNull();
    const del = async (token: string) => {
      const response = await fetch(`${stack().apiUrl}/storage/v1/object/${BUCKET}/${name}`, {
        method: 'DELETE',
        headers: { apikey: stack().anonKey, authorization: `Bearer ${token}` },
      });
      return { status: response.status, body: await response.json() };
    };
    // storage/object.ts (ObjectStorage.deleteObject): found as superuser, deleted as the caller,
    // nothing deleted → ERRORS.AccessDenied('Access denied').
    expect(await del(await tokenOf(filer2))).toEqual({
      status: 400,
      body: { statusCode: '403', error: 'Unauthorized', message: 'Access denied', code: 'AccessDenied' },
    });
    expect(await del(await tokenOf(filer1))).toEqual({ status: 200, body: { message: 'Successfully deleted' } });
    expect(await del(await tokenOf(filer1))).toEqual({ status: 400, body: NO_SUCH_KEY });
  });
});

describe('signed URLs', () => {
  const name = `1003/${run}/signed.png`;
  beforeAll(async () => {
    expect((await evidence(filer1).upload(name, png('signed'), asPng)).error).toBeNull();
  });

  it('signs a download with { url, scope: download } (storage/object.ts, signObjectUrl); a missing object is NoSuchKey', async () => {
    const { data } = await evidence(filer1).createSignedUrl(name, 60);
    const claims = decodeJwt(new URL(data!.signedUrl).searchParams.get('token')!);
    expect(claims).toEqual({ url: `${BUCKET}/${name}`, scope: 'download', iat: expect.any(Number), exp: claims.iat! + 60 });
    expectRefusal(await evidence(filer1).createSignedUrl(`1003/${run}/missing.png`, 60), NO_SUCH_KEY);
    expectRefusal(await evidence(filer2).createSignedUrl(name, 60), NO_SUCH_KEY);
  });

  it('signs an upload for 2 hours with { owner, url, upsert, scope: upload } when the caller may write the object', async () => {
    const target = `1003/${run}/by-signed-url.png`;
    // routes/object/getSignedUploadURL.ts → storage/object.ts (signUploadObjectUrl: canUpload, then the token).
    const { data, error } = await evidence(filer1).createSignedUploadUrl(target);
    expect(error).toBeNull();
    expect(answer.body).toEqual({ url: `/object/upload/sign/${BUCKET}/${target}?token=${data!.token}`, token: data!.token });
    expect(data).toEqual({ signedUrl: expect.stringContaining(`/storage/v1/object/upload/sign/${BUCKET}/`), token: expect.any(String), path: target });
    const claims = decodeJwt(data!.token);
    expect(claims).toEqual({ owner: FILER1, url: `${BUCKET}/${target}`, upsert: false, scope: 'upload', iat: expect.any(Number), exp: claims.iat! + 7200 });

    // routes/object/uploadSignedObject.ts: { Key }; the row is the signer's; no session needed.
    const anon = createClient(stack().apiUrl, stack().anonKey, options);
    const uploaded = await evidence(anon).uploadToSignedUrl(target, data!.token, png('signed upload'), asPng);
    expect(uploaded).toEqual({ data: { path: target, fullPath: `${BUCKET}/${target}` }, error: null });
    expect(answer.body).toEqual({ Key: `${BUCKET}/${target}` });
    const db = await superuser();
    try {
      const { rows } = await db.query('select owner, owner_id from storage.objects where bucket_id = $1 and name = $2', [BUCKET, target]);
      expect(rows).toEqual([{ owner: FILER1, owner_id: FILER1 }]);
    } finally {
      await db.end();
    }
    // Without upsert in the token, the name is taken now: Uploader.canUpload as superuser → KeyAlreadyExists.
    expectRefusal(await evidence(anon).uploadToSignedUrl(target, data!.token, png('again'), asPng), KEY_EXISTS);

    // An upsert token overwrites.
    const upsert = await evidence(filer1).createSignedUploadUrl(target, { upsert: true });
    expect(decodeJwt(upsert.data!.token).upsert).toBe(true);
    expect((await evidence(anon).uploadToSignedUrl(target, upsert.data!.token, png('replaced'), asPng)).error).toBeNull();
    expect(Buffer.from(await (await evidence(filer1).download(target)).data!.arrayBuffer()).equals(png('replaced'))).toBe(true);
  });

  it('refuses to sign an upload RLS refuses (AccessDenied) or of a taken name (KeyAlreadyExists)', async () => {
    // storage/object.ts (signUploadObjectUrl → Uploader.canUpload).
    expectRefusal(await evidence(filer2).createSignedUploadUrl(`1003/${run}/not-mine.png`), RLS);
    expectRefusal(await evidence(filer1).createSignedUploadUrl(name), KEY_EXISTS);
  });

  it('holds each token to its use: InvalidSignature for the other scope or another object', async () => {
    // storage/object.ts (verifyObjectSignature: isUploadScopedToken / isDownloadScopedToken, then the url).
    const upload = (await evidence(filer1).createSignedUploadUrl(`1003/${run}/scoped.png`)).data!;
    const download = (await evidence(filer1).createSignedUrl(name, 60)).data!;
    const downloadToken = new URL(download.signedUrl).searchParams.get('token')!;

    const asDownload = await fetch(`${stack().apiUrl}/storage/v1/object/sign/${BUCKET}/1003/${run}/scoped.png?token=${upload.token}`);
    expect({ status: asDownload.status, body: await asDownload.json() }).toEqual({
      status: 400,
      body: { statusCode: '400', error: 'InvalidSignature', message: 'Token is not scoped for download', code: 'InvalidSignature' },
    });
    expectRefusal(await evidence(filer1).uploadToSignedUrl(name, downloadToken, png('x'), asPng), {
      statusCode: '400',
      error: 'InvalidSignature',
      message: 'Token is not scoped for upload',
      code: 'InvalidSignature',
    });
    expectRefusal(await evidence(filer1).uploadToSignedUrl(`1003/${run}/elsewhere.png`, upload.token, png('x'), asPng), {
      statusCode: '400',
      error: 'InvalidSignature',
      message: 'Invalid signature',
      code: 'InvalidSignature',
    });
    // ERRORS.InvalidJWT with the verifier's message for a token that is not one.
    expectRefusal(await evidence(filer1).uploadToSignedUrl(`1003/${run}/scoped.png`, 'not-a-jwt', png('x'), asPng), {
      statusCode: '400',
      error: 'InvalidJWT',
      message: 'Invalid Compact JWS',
      code: 'InvalidJWT',
    });
  });
});

describe('listV2', () => {
  const prefix = `1004/${run}/v2/`;
  beforeAll(async () => {
    for (const file of ['b.png', 'a.png', 'sub/c.png']) expect((await evidence(filer1).upload(prefix + file, png(file), asPng)).error).toBeNull();
  });
  const object = (name: string) => ({
    id: expect.any(String),
    name: prefix + name,
    metadata: expect.objectContaining({ mimetype: 'image/png' }),
    updated_at: expect.any(String),
    created_at: expect.any(String),
    last_accessed_at: expect.any(String),
  });

  it('lists flat by default: every object under the prefix, by name (storage/database/pg.ts, listObjectsV2)', async () => {
    const { data, error } = await evidence(filer1).listV2({ prefix });
    expect(error).toBeNull();
    expect(data).toEqual({ hasNext: false, folders: [], objects: [object('a.png'), object('b.png'), object('sub/c.png')] });
    // RLS decides what is listed.
    expect((await evidence(filer2).listV2({ prefix })).data).toEqual({ hasNext: false, folders: [], objects: [] });
  });

  it('with_delimiter, lists one level: folders with a trailing slash, each entry with its key (search_v2)', async () => {
    // migrations/tenant/0050-search-v2-optimised.sql (search_v2: key = split_part(name, '/', levels))
    // and storage/object.ts (listObjectsV2: a folder's name gets its slash).
    const { data } = await evidence(filer1).listV2({ prefix, with_delimiter: true });
    expect(data).toEqual({
      hasNext: false,
      folders: [{ key: 'sub', name: `${prefix}sub/`, id: null, updated_at: null, created_at: null, last_accessed_at: null, metadata: null }],
      objects: [
        { key: 'a.png', ...object('a.png') },
        { key: 'b.png', ...object('b.png') },
      ],
    });
  });

  it('pages with a cursor: base64 of `l:<last name>` (storage/object.ts, encodeContinuationToken)', async () => {
    const first = (await evidence(filer1).listV2({ prefix, limit: 2 })).data!;
    expect(first).toEqual({ hasNext: true, nextCursor: expect.any(String), nextCursorKey: `${prefix}b.png`, folders: [], objects: [object('a.png'), object('b.png')] });
    expect(Buffer.from(first.nextCursor!, 'base64').toString()).toBe(`l:${prefix}b.png`);
    const second = (await evidence(filer1).listV2({ prefix, limit: 2, cursor: first.nextCursor })).data!;
    expect(second).toEqual({ hasNext: false, folders: [], objects: [object('sub/c.png')] });
    // decodeContinuationToken: ERRORS.InvalidParameter('continuation token').
    expectRefusal(await evidence(filer1).listV2({ prefix, cursor: 'bm9wZQ==' }), {
      statusCode: '400',
      error: 'InvalidParameter',
      message: 'Invalid Parameter continuation token',
      code: 'InvalidParameter',
    });
  });
});

describe('move and copy, under the caller’s RLS', () => {
  it('moves: { message } (routes/object/moveObject.ts); an update of the row as the caller', async () => {
    const from = `1001/${run}/move-from.png`;
    const to = `1002/${run}/move-to.png`;
    const upload = await evidence(filer1).upload(from, png('move'), asPng);
    expect(await evidence(filer1).move(from, to)).toEqual({ data: { message: 'Successfully moved' }, error: null });
    expect(answer.body).toEqual({ message: 'Successfully moved' });
    // The row (and its id) moved; its bytes with it.
    expect((await evidence(filer1).info(to)).data!.id).toBe(upload.data!.id);
    expect(Buffer.from(await (await evidence(filer1).download(to)).data!.arrayBuffer()).equals(png('move'))).toBe(true);
    expectRefusal(await evidence(filer1).download(from), NO_SUCH_KEY);
  });

  it('refuses a move RLS refuses, of what the caller cannot see, or onto a taken name', async () => {
    const mine = `1001/${run}/move-mine.png`;
    const taken = `1001/${run}/move-taken.png`;
    expect((await evidence(filer1).upload(mine, png('mine'), asPng)).error).toBeNull();
    expect((await evidence(filer1).upload(taken, png('taken'), asPng)).error).toBeNull();
    // storage/object.ts (moveObject: testPermission of findObject and updateObject as the caller).
    // Into another community's unit: the update policy's WITH CHECK refuses → AccessDenied.
    expectRefusal(await evidence(filer1).move(mine, `1005/${run}/moved.png`), RLS);
    // Not visible to the caller: findObject → NoSuchKey.
    expectRefusal(await evidence(filer2).move(mine, `1005/${run}/moved.png`), NO_SUCH_KEY);
    // The unique index: storage/database/errors.ts (23505 → ERRORS.ResourceAlreadyExists).
    expectRefusal(await evidence(filer1).move(mine, taken), {
      statusCode: '409',
      error: 'Duplicate',
      message: 'The resource already exists',
      code: 'ResourceAlreadyExists',
    });
  });

  it('copies: { Id, Key, ...the row } (routes/object/copyObject.ts), which supabase-js returns as { path: Key }', async () => {
    const from = `1001/${run}/copy-from.png`;
    const to = `1002/${run}/copy-to.png`;
    expect((await evidence(filer1).upload(from, png('copy'), { ...asPng, metadata: { n: 1 } })).error).toBeNull();
    const { data, error } = await evidence(filer1).copy(from, to);
    expect(error).toBeNull();
    expect(data).toEqual({ path: `${BUCKET}/${to}` });
    // storage/object.ts (copyObject: the source's metadata and user metadata, the caller as owner).
    expect(answer.body).toEqual({
      Id: expect.any(String),
      Key: `${BUCKET}/${to}`,
      name: to,
      bucket_id: BUCKET,
      owner: FILER1,
      owner_id: FILER1,
      version: expect.any(String),
      id: (answer.body as { Id: string }).Id,
      updated_at: expect.any(String),
      created_at: expect.any(String),
      last_accessed_at: expect.any(String),
      metadata: expect.objectContaining({ mimetype: 'image/png', size: png('copy').length }),
      user_metadata: { n: 1 },
    });
    expect(Buffer.from(await (await evidence(filer1).download(to)).data!.arrayBuffer()).equals(png('copy'))).toBe(true);
  });

  it('refuses a copy RLS refuses, of a missing source, or onto a taken name', async () => {
    const from = `1001/${run}/copy-src.png`;
    expect((await evidence(filer1).upload(from, png('src'), asPng)).error).toBeNull();
    // copyObject: Uploader.canUpload for the destination as the caller.
    expectRefusal(await evidence(filer1).copy(from, `1005/${run}/copied.png`), RLS);
    expectRefusal(await evidence(filer1).copy(`1001/${run}/nothing.png`, `1001/${run}/copied.png`), NO_SUCH_KEY);
    expectRefusal(await evidence(filer1).copy(from, from), KEY_EXISTS);
  });

  it('moves and copies across buckets (destinationBucket), as service_role', async () => {
    const name = `1001/${run}/across.png`;
    expect((await evidence(filer1).upload(name, png('across'), asPng)).error).toBeNull();
    expect((await evidence(service).copy(name, 'copied.png', { destinationBucket: OTHER })).data).toEqual({ path: `${OTHER}/copied.png` });
    expect((await evidence(service).move(name, 'moved.png', { destinationBucket: OTHER })).error).toBeNull();
    const other = service.storage.from(OTHER);
    for (const file of ['copied.png', 'moved.png']) {
      expect(Buffer.from(await (await other.download(file)).data!.arrayBuffer()).equals(png('across'))).toBe(true);
    }
    expectRefusal(await evidence(filer1).download(name), NO_SUCH_KEY);
    // A destination bucket that does not exist: the foreign key, storage/database/errors.ts
    // (23503 → ERRORS.RelatedResourceNotFound).
    expectRefusal(await other.copy('copied.png', 'x.png', { destinationBucket: `${run}-missing` }), {
      statusCode: '404',
      error: 'InvalidRequest',
      message: 'The related resource does not exist',
      code: 'InvalidRequest',
    });
  });
});

describe('buckets', () => {
  const id = `${run}-api`;

  it('creates for service_role: { name } (routes/bucket/createBucket.ts); a taken id is BucketAlreadyExists', async () => {
    const { data, error } = await service.storage.createBucket(id, { public: false, fileSizeLimit: 2048, allowedMimeTypes: ['image/png'] });
    expect(error).toBeNull();
    expect(data).toEqual({ name: id });
    expect(answer).toEqual({ status: 200, body: { name: id } });
    // storage/database/pg.ts (createBucket: ERRORS.BucketAlreadyExists).
    expectRefusal(await service.storage.createBucket(id, { public: false }), {
      statusCode: '409',
      error: 'Duplicate',
      message: 'The resource already exists',
      code: 'BucketAlreadyExists',
    });
    // storage/storage.ts (createBucket → mustBeValidBucketName) → ERRORS.InvalidBucketName.
    expectRefusal(await service.storage.createBucket(`${run}/slash`, { public: false }), {
      statusCode: '400',
      error: 'Invalid Input',
      message: 'Bucket name invalid',
      code: 'InvalidBucketName',
    });
    // storage/storage.ts (validateMimeType of allowed_mime_types) → ERRORS.InvalidMimeType.
    expectRefusal(await service.storage.createBucket(`${run}-bad-type`, { public: false, allowedMimeTypes: ['not a type'] }), {
      statusCode: '415',
      error: 'invalid_mime_type',
      message: 'mime type not a type is not supported',
      code: 'InvalidMimeType',
    });
  });

  it('creates as the caller: RLS on storage.buckets refuses a user (no insert policy)', async () => {
    // storage/database/pg.ts (createBucket runs on the request's connection, as the caller).
    expectRefusal(await filer1.storage.createBucket(`${run}-by-user`, { public: false }), RLS);
  });

  it('gets and lists in bucketSchema’s shape: a null owner is "" (storage/schemas/bucket.ts, fast-json-stringify)', async () => {
    const bucket = {
      id,
      name: id,
      owner: '',
      public: false,
      file_size_limit: 2048,
      allowed_mime_types: ['image/png'],
      created_at: expect.any(String),
      updated_at: expect.any(String),
    };
    // routes/bucket/getBucket.ts (findBucket with its columns).
    expect(await service.storage.getBucket(id)).toEqual({ data: bucket, error: null });
    // routes/bucket/getAllBuckets.ts: the same columns and type (storage/database/columns.ts,
    // a synthetic 'STANDARD' where the column is missing).
    const listed = await service.storage.listBuckets({ search: run, sortColumn: 'name' });
    expect(listed.data!.find((b) => b.id === id)).toEqual({ ...bucket, type: 'STANDARD' });
    // Read as the caller: RLS hides every bucket from a user (NoSuchBucket from findBucketById).
    expectRefusal(await filer1.storage.getBucket(id), NO_SUCH_BUCKET);
    expect(await filer1.storage.listBuckets()).toEqual({ data: [], error: null });
  });

  it('updates: { message } (routes/bucket/updateBucket.ts); no row updated is NoSuchBucket', async () => {
    expect(await service.storage.updateBucket(id, { public: true, fileSizeLimit: '1KB' })).toEqual({ data: { message: 'Successfully updated' }, error: null });
    // storage/limits.ts (parseFileSizeToBytes): decimal units.
    expect((await service.storage.getBucket(id)).data).toMatchObject({ public: true, file_size_limit: 1000 });
    // storage/database/pg.ts (updateBucket: rowCount 0 → ERRORS.NoSuchBucket), for a user because RLS hides the row.
    expectRefusal(await filer1.storage.updateBucket(id, { public: false }), NO_SUCH_BUCKET);
    expectRefusal(await service.storage.updateBucket(`${run}-missing`, { public: false }), NO_SUCH_BUCKET);
  });

  it('empties for service_role only: a real 403 otherwise (http/plugins/jwt.ts, enforceJwtRole)', async () => {
    expect((await service.storage.from(id).upload('a.png', png('a'), asPng)).error).toBeNull();
    expectRefusal(await filer1.storage.emptyBucket(id), { statusCode: '403', error: 'Unauthorized', message: 'Access denied: Invalid role', code: 'AccessDenied' }, 403);
    // storage/database/pg.ts (deleteBucket) after storage/storage.ts (deleteBucket: ERRORS.BucketNotEmpty).
    expectRefusal(await service.storage.deleteBucket(id), {
      statusCode: '409',
      error: 'ResourceNotEmpty',
      message: 'The bucket you tried to delete is not empty',
      code: 'ResourceNotEmpty',
    });
    // routes/bucket/emptyBucket.ts: the answer of a queued deletion.
    expect(await service.storage.emptyBucket(id)).toEqual({
      data: { message: 'Empty bucket has been queued. Completion may take up to an hour.' },
      error: null,
    });
    expect((await service.storage.from(id).list()).data).toEqual([]);
    expectRefusal(await service.storage.emptyBucket(`${run}-missing`), NO_SUCH_BUCKET);
  });

  it('deletes an empty bucket as the caller: { message } (routes/bucket/deleteBucket.ts); a user’s delete finds nothing', async () => {
    // storage/storage.ts (deleteBucket: the delete as the caller; nothing deleted → NoSuchBucket).
    expectRefusal(await filer1.storage.deleteBucket(id), NO_SUCH_BUCKET);
    expect(await service.storage.deleteBucket(id)).toEqual({ data: { message: 'Successfully deleted' }, error: null });
    expectRefusal(await service.storage.getBucket(id), NO_SUCH_BUCKET);
    expectRefusal(await service.storage.deleteBucket(id), NO_SUCH_BUCKET);
  });
});
