// The part of Supabase Storage's API that supabase-js's `storage` calls: buckets (list, get,
// create, update, empty, delete) and objects (upload, update/upsert, download (authenticated,
// public, by signed URL), signed download and upload URLs, list and listV2, info, move, copy,
// remove). Metadata lives in storage.buckets and storage.objects as on Supabase; files live on
// disk under <rootDir>/<bucket>/<object id>, never under a name a client chose.
//
// As storage-api (github.com/supabase/storage) does it, what a caller may do is decided in
// Postgres, as the caller's role with the caller's JWT claims, by the RLS policies on
// storage.objects and storage.buckets: reads, deletes, a move (an update of the name) and the
// check before an upload or a copy (the row the caller would write, rolled back) run as the
// caller; a bucket's settings, a public or signed URL's object and the row an upload finally
// writes are read and written as service_role. Errors are storage-api's ({ statusCode, error,
// message, code }, mostly HTTP 400: see errors.ts), which supabase-js surfaces as StorageApiError.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import pg from 'pg';
import { alreadyExistsAs, errors, fromDatabase, StorageError } from './errors.ts';
import { listV2, type ListedRow } from './list-v2.ts';
import { multipartBoundary, MultipartError, parseMultipart } from './multipart.ts';
import {
  bareMimeType,
  GLOBAL_FILE_SIZE_LIMIT,
  invalidKeyReason,
  isEmptyFolder,
  isSafeBucketId,
  isValidAllowedMimeType,
  isValidBucketName,
  mimeTypeAllowed,
  parseFileSize,
} from './rules.ts';

export interface StorageOptions {
  /** A connection string for a login that may switch to anon, authenticated and service_role; it does per request. */
  dbUrl: string;
  jwtSecret: string;
  /** Where files are kept: <rootDir>/<bucket>/<object id>. */
  rootDir: string;
  /** The largest object any bucket takes (Supabase's global limit); 50 MB by default. */
  fileSizeLimit?: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse, pathAndQuery: string) => Promise<void>;

const API_ROLES = new Set(['anon', 'authenticated', 'service_role']);
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Room for multipart boundaries and fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** A refused upload is read to its end (so the client gets the answer, not a reset) up to this. */
const DRAIN_LIMIT = 256 * 1024 * 1024;
const MAX_JSON_BODY = 1 << 20;
/** storage-api's MAX_OBJECTS_PER_REQUEST (src/storage/limits.ts). */
const MAX_PREFIXES = 1000;
/** A multipart `metadata` field above this is refused (src/storage/uploader.ts, MAX_CUSTOM_METADATA_SIZE). */
const MAX_USER_METADATA = 1024 * 1024;
/**
 * How long a signed upload URL is valid: storage-api's UPLOAD_SIGNED_URL_EXPIRATION_TIME as
 * Supabase runs it (supabase-js documents createSignedUploadUrl's URLs as valid for 2 hours).
 */
const SIGNED_UPLOAD_EXPIRY = 2 * 60 * 60;
const EMPTY_BUCKET_QUEUED = 'Empty bucket has been queued. Completion may take up to an hour.';

interface Caller {
  role: string;
  claims: JWTPayload;
  /** The token's subject: the owner (owner_id) of what it writes. */
  sub: string | null;
}

const SERVICE: Caller = { role: 'service_role', claims: { role: 'service_role' }, sub: null };

interface BucketRow {
  id: string;
  public: boolean | null;
  file_size_limit: string | null;
  allowed_mime_types: string[] | null;
}

interface ObjectRow {
  id: string;
  name: string;
  bucket_id: string;
  version: string | null;
  metadata: Record<string, unknown> | null;
  user_metadata: unknown;
  created_at: Date | null;
  updated_at: Date | null;
}

/** A row as storage-api's Uploader writes it (pg.ts createObject / upsertObject). */
interface Write {
  bucketId: string;
  name: string;
  /** The writer's `sub`: owner_id, and owner when it is a uuid. */
  owner: string | null;
  upsert: boolean;
  metadata: Record<string, unknown>;
  userMetadata: unknown;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * Reads the request body up to `cap` bytes. Past the cap (or when `discard` is set) the rest is
 * read and dropped, so the client, still sending, receives the refusal rather than a reset.
 */
async function readBody(req: IncomingMessage, cap: number, discard = false): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = discard;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (!over && size > cap) {
      over = true;
      chunks.length = 0;
    }
    if (over) {
      if (size > DRAIN_LIMIT) {
        req.destroy();
        break;
      }
      continue;
    }
    chunks.push(chunk);
  }
  return over ? undefined : Buffer.concat(chunks);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  // What fastify's JSON body parser refuses: its own errors, with their own status.
  const body = await readBody(req, MAX_JSON_BODY);
  if (!body) throw new StorageError(413, 'EntityTooLarge', 'Request body is too large', 'FastifyError', 413);
  const text = body.toString('utf8').trim();
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StorageError(400, 'InvalidRequest', "Body is not valid JSON but content-type is set to 'application/json'", 'FastifyError', 400);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw errors.validation('body must be object');
  return parsed as Record<string, unknown>;
}

// What fastify's schema validation says of a body that does not fit a route's schema.
function required(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (value === undefined) throw errors.validation(`body must have required property '${name}'`);
  if (typeof value !== 'string') throw errors.validation(`body/${name} must be string`);
  return value;
}

function optionalInteger(value: unknown, where: string, min: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw errors.validation(`${where} must be integer`);
  if (n < min) throw errors.validation(`${where} must be >= ${min}`);
  return n;
}

/** A signed URL's expiresIn: an integer of seconds from 1 to what a JWT's exp can hold (auth/jwt.ts, assertValidNumericJWTExpiration). */
function expiresInOf(body: Record<string, unknown>): number {
  if (body.expiresIn === undefined) throw errors.validation("body must have required property 'expiresIn'");
  const expiresIn = optionalInteger(body.expiresIn, 'body/expiresIn', 1)!;
  if (expiresIn > Math.floor(Number.MAX_SAFE_INTEGER / 1000) - Math.floor(Date.now() / 1000)) throw errors.invalidParameter('expiresIn');
  return expiresIn;
}

function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw errors.invalidRequest(`The path is not valid percent-encoding: ${raw}`);
  }
}

function checkKey(name: string) {
  if (invalidKeyReason(name)) throw errors.invalidKey(name);
}

/** A bucket named in an object route, as storage.from(bucket) checks it (src/storage/storage.ts). */
function bucketParam(raw: string): string {
  const id = decodePath(raw);
  if (!isValidBucketName(id)) throw errors.invalidBucketName();
  return id;
}

/** User metadata as storage-api keeps it: a JSON object, or {} when none was given or it does not parse. */
function userMetadataOf(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // storage-api drops metadata it cannot parse
  }
  return {};
}

/** Where storage-api's response schema types a column as a string, fast-json-stringify writes a null as "". */
function asSchemaStrings<T extends Record<string, unknown>>(row: T, columns: string[]): T {
  const out: Record<string, unknown> = { ...row };
  for (const column of columns) if (column in out && out[column] === null) out[column] = '';
  return out as T;
}
const OBJECT_STRINGS = ['name', 'bucket_id', 'owner', 'owner_id', 'version'];
const BUCKET_STRINGS = ['id', 'name', 'owner', 'owner_id'];

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function createStorageServer(options: StorageOptions): Promise<{ handle: Handler; close(): Promise<void> }> {
  const root = path.resolve(options.rootDir);
  const tmpDir = path.join(root, '.tmp');
  const globalLimit = options.fileSizeLimit ?? GLOBAL_FILE_SIZE_LIMIT;
  const key = new TextEncoder().encode(options.jwtSecret);
  // Uploads a killed run left half-written are dropped; stored files are kept.
  await rm(tmpDir, { recursive: true, force: true });
  await mkdir(tmpDir, { recursive: true });

  const pool = new pg.Pool({ connectionString: options.dbUrl, max: 10 });
  pool.on('error', () => undefined); // a dropped idle connection is reopened on next use

  /**
   * Runs fn in a transaction as the caller's role with its claims, as PostgREST does. With
   * `rollback`, nothing fn wrote is kept: storage-api's testPermission, a check of what the
   * caller could write.
   */
  async function as<T>(caller: Caller, fn: (db: pg.PoolClient) => Promise<T>, rollback = false): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [
        caller.role,
        JSON.stringify(caller.claims),
      ]);
      const result = await fn(client);
      await client.query(rollback ? 'rollback' : 'commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw fromDatabase(error);
    } finally {
      client.release();
    }
  }

  /** The caller a request's Bearer token names; refused as storage-api's jwt plugin refuses (src/http/plugins/jwt.ts). */
  async function authenticate(req: IncomingMessage): Promise<Caller> {
    const header = req.headers.authorization;
    if (header === undefined) throw errors.validation("headers must have required property 'authorization'");
    let claims: JWTPayload;
    try {
      claims = (await jwtVerify(header.replace(/^Bearer\s+/i, ''), key, { algorithms: ['HS256'] })).payload;
    } catch (error) {
      throw errors.accessDenied((error as Error).message);
    }
    const role = typeof claims.role === 'string' ? claims.role : 'anon';
    // Ours: a token for any other role (postgres, say) is refused before it could be switched to.
    if (!API_ROLES.has(role)) throw errors.accessDenied('Access denied: Invalid role');
    return { role, claims, sub: typeof claims.sub === 'string' ? claims.sub : null };
  }

  /** The caller, or null for a missing or bad token: the routes storage-api marks allowInvalidJwt. */
  async function optionalCaller(req: IncomingMessage): Promise<Caller | null> {
    return authenticate(req).catch(() => null);
  }

  function filePath(bucketId: string, objectId: string): string {
    if (!UUID_RE.test(objectId)) throw new Error(`unexpected object id ${objectId}`);
    const folder = isSafeBucketId(bucketId) ? bucketId : `~${Buffer.from(bucketId).toString('hex')}`;
    const file = path.join(root, folder, objectId.toLowerCase());
    if (!file.startsWith(root + path.sep)) throw new Error(`unexpected storage path ${file}`);
    return file;
  }

  async function bucketOrNull(id: string): Promise<BucketRow | undefined> {
    return as(SERVICE, async (db) => {
      const { rows } = await db.query<BucketRow>(
        'select id, public, file_size_limit, allowed_mime_types from storage.buckets where id = $1',
        [id],
      );
      return rows[0];
    });
  }

  async function findBucket(id: string): Promise<BucketRow> {
    const bucket = await bucketOrNull(id);
    if (!bucket) throw errors.noSuchBucket();
    return bucket;
  }

  /** The object as the caller sees it (pg.ts findObject); `checked` names go through mustBeValidKey first. */
  async function findObject(caller: Caller, bucketId: string, name: string, checked = true): Promise<ObjectRow> {
    if (checked) checkKey(name);
    const row = await as(caller, async (db) => {
      const { rows } = await db.query<ObjectRow>(
        `select id, name, bucket_id, version, metadata, user_metadata, created_at, updated_at
         from storage.objects where bucket_id = $1 and name = $2`,
        [bucketId, name],
      );
      return rows[0];
    });
    if (!row) throw errors.noSuchKey();
    return row;
  }

  /**
   * The object a read route serves (routes/object/getObject.ts, getObjectInfo.ts): the bucket
   * must exist, and be public for a caller without a token (a /public route passes none); a
   * public bucket's objects are read as service_role, a private one's as the caller.
   */
  async function readable(caller: Caller | null, bucketId: string, name: string): Promise<ObjectRow> {
    const bucket = await bucketOrNull(bucketId);
    if (!bucket || (!caller && !bucket.public)) throw errors.noSuchBucket();
    return findObject(bucket.public || !caller ? SERVICE : caller, bucketId, name);
  }

  // ---- upload ----------------------------------------------------------------------------------

  async function writeRow(db: pg.PoolClient, w: Write, id: string, returning: boolean): Promise<string | undefined> {
    const ownerUuid = w.owner !== null && UUID_RE.test(w.owner) ? w.owner : null;
    // An upsert keeps the row (its id, so its file's place) and, when the writer names none, its owner.
    const update = ['metadata = excluded.metadata', 'user_metadata = excluded.user_metadata', 'version = excluded.version'];
    if (ownerUuid) update.push('owner = excluded.owner');
    if (w.owner !== null) update.push('owner_id = excluded.owner_id');
    const { rows } = await db.query<{ id: string }>(
      `insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata, user_metadata, version)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       ${w.upsert ? `on conflict (bucket_id, name) do update set ${update.join(', ')}` : ''}
       ${returning ? 'returning id' : ''}`,
      // jsonb as JSON text: pg would send a JS array as a Postgres array.
      [id, w.bucketId, w.name, ownerUuid, w.owner, JSON.stringify(w.metadata), w.userMetadata == null ? null : JSON.stringify(w.userMetadata), randomUUID()],
    );
    return rows[0]?.id;
  }

  /**
   * storage-api's Uploader.canUpload: the row, written as `who` and rolled back, so RLS (and a
   * name already taken) refuses before any byte is kept. A plain upload needs only the insert
   * policy; an upsert, as on Supabase, also update and select.
   */
  async function canUpload(who: Caller, w: Write) {
    await as(who, (db) => writeRow(db, w, randomUUID(), w.upsert), true).catch((error: unknown) => {
      throw alreadyExistsAs(error, errors.keyAlreadyExists);
    });
  }

  /**
   * Writes the row as service_role (Uploader.completeUpload) and moves the file at `tmp` into
   * place before the transaction commits. A second plain upload of a name waits on the row's
   * unique index until the first has committed, then is refused.
   */
  async function store(w: Write, tmp: string): Promise<string> {
    const newId = randomUUID();
    let placed: string | undefined;
    try {
      return await as(SERVICE, async (db) => {
        const id = (await writeRow(db, w, newId, true))!;
        const target = filePath(w.bucketId, id);
        await mkdir(path.dirname(target), { recursive: true });
        await rename(tmp, target);
        if (id === newId) placed = target;
        return id;
      });
    } catch (error) {
      if (placed) await rm(placed, { force: true });
      throw alreadyExistsAs(error, errors.keyAlreadyExists);
    } finally {
      await rm(tmp, { force: true });
    }
  }

  /**
   * An upload (POST, PUT, or PUT to a signed upload URL), refused in storage-api's order
   * (ObjectStorage.uploadFromRequest, fileUploadFromRequest, Uploader.upload): no bucket, a
   * type the bucket does not take, a declared size over its limit, an invalid key, what the
   * RLS check refuses, then a body over the limit. `who` is checked; `owner` owns the row.
   */
  async function upload(req: IncomingMessage, bucketId: string, name: string, who: Caller, owner: string | null, upsert: boolean) {
    const bucket = await findBucket(bucketId);
    const placeholder = isEmptyFolder(name);
    const limit = placeholder ? 0 : bucket.file_size_limit === null ? globalLimit : Math.min(Number(bucket.file_size_limit), globalLimit);
    const allowed = placeholder ? [] : (bucket.allowed_mime_types ?? []);
    const requestType = req.headers['content-type'];
    const boundary = multipartBoundary(requestType);

    let data: Buffer;
    let contentType: string;
    let cacheControl: string;
    let userMetadata: Record<string, unknown>;
    const write = (metadata: Record<string, unknown>): Write => ({ bucketId: bucket.id, name, owner, upsert, metadata, userMetadata });
    if (boundary) {
      // The file part's type is inside the body: it is read (up to the limit) first.
      const body = await readBody(req, limit + MULTIPART_OVERHEAD);
      if (!body) throw errors.entityTooLarge();
      let parts;
      try {
        parts = parseMultipart(body, boundary);
      } catch (error) {
        if (error instanceof MultipartError) throw errors.noContent();
        throw error;
      }
      const field = (fieldName: string) => parts.find((p) => p.name === fieldName && p.filename === undefined)?.data.toString('utf8');
      const file = parts.find((p) => p.filename !== undefined) ?? parts.find((p) => p.name === '');
      if (!file) throw errors.noContent();
      data = file.data;
      contentType = field('contentType') || bareMimeType(file.contentType) || 'application/octet-stream';
      const cacheTime = field('cacheControl');
      cacheControl = cacheTime ? `max-age=${cacheTime}` : 'no-cache';
      const metadataText = field('metadata') ?? field('userMetadata');
      if (metadataText !== undefined && Buffer.byteLength(metadataText) > MAX_USER_METADATA) throw errors.entityTooLarge('user_metadata');
      userMetadata = userMetadataOf(metadataText);
      if (!mimeTypeAllowed(contentType, allowed)) throw errors.invalidMimeType(contentType);
      checkKey(name);
      await canUpload(who, write({ mimetype: contentType, contentLength: Number(req.headers['content-length']) || undefined }));
      if (data.length > limit) throw errors.entityTooLarge();
    } else {
      contentType = requestType || 'application/octet-stream';
      cacheControl = typeof req.headers['cache-control'] === 'string' ? req.headers['cache-control'] : 'no-cache';
      const header = req.headers['x-metadata'];
      userMetadata = userMetadataOf(typeof header === 'string' ? Buffer.from(header, 'base64').toString('utf8') : undefined);
      if (!mimeTypeAllowed(contentType, allowed)) throw errors.invalidMimeType(contentType);
      const declared = Number(req.headers['content-length']);
      if (declared > limit) throw errors.entityTooLarge();
      checkKey(name);
      await canUpload(who, write({ mimetype: contentType, contentLength: Number.isFinite(declared) ? declared : undefined }));
      const body = await readBody(req, limit);
      if (!body) throw errors.entityTooLarge();
      data = body;
    }

    const tmp = path.join(tmpDir, randomUUID());
    await writeFile(tmp, data);
    return store(
      write({
        eTag: `"${createHash('md5').update(data).digest('hex')}"`,
        size: data.length,
        mimetype: contentType,
        cacheControl,
        lastModified: new Date().toISOString(),
        contentLength: data.length,
        httpStatusCode: 200,
      }),
      tmp,
    );
  }

  // ---- download --------------------------------------------------------------------------------

  async function serve(req: IncomingMessage, res: ServerResponse, row: ObjectRow, query: URLSearchParams) {
    const file = filePath(row.bucket_id, row.id);
    const info = await stat(file).catch(() => undefined);
    if (!info) throw errors.noSuchKey();
    const metadata = row.metadata ?? {};
    const etag = typeof metadata.eTag === 'string' ? metadata.eTag : undefined;
    res.setHeader('content-type', typeof metadata.mimetype === 'string' ? metadata.mimetype : 'application/octet-stream');
    res.setHeader('cache-control', typeof metadata.cacheControl === 'string' ? metadata.cacheControl : 'no-cache');
    res.setHeader('x-content-type-options', 'nosniff');
    if (etag) res.setHeader('etag', etag);
    if (row.updated_at) res.setHeader('last-modified', row.updated_at.toUTCString());
    const download = query.get('download');
    if (download !== null) {
      // supabase-js encodes the name twice (URLSearchParams, then encodeURI over the whole URL).
      let filename = download || row.name.split('/').pop()!;
      if (/%[0-9a-f]{2}/i.test(filename)) {
        try {
          filename = decodeURIComponent(filename);
        } catch {
          // not an encoding after all: the name as given
        }
      }
      const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
      res.setHeader('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
    }
    if (etag && req.headers['if-none-match'] === etag) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.statusCode = 200;
    res.setHeader('content-length', String(info.size));
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    try {
      await pipeline(createReadStream(file), res);
    } catch (error) {
      if (res.destroyed) return; // the client went away mid-download
      throw error;
    }
  }

  // ---- signed URLs -----------------------------------------------------------------------------

  async function sign(claims: JWTPayload, expiresIn: number): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(now).setExpirationTime(now + expiresIn).sign(key);
  }

  /** A download URL's path; the name unencoded, as storage-api answers: supabase-js encodes the whole URL (encodeURI). */
  async function signUrl(bucketId: string, name: string, expiresIn: number): Promise<string> {
    return `/object/sign/${bucketId}/${name}?token=${await sign({ url: `${bucketId}/${name}`, scope: 'download' }, expiresIn)}`;
  }

  /**
   * A signed URL's token, checked as ObjectStorage.verifyObjectSignature does: signed with the
   * JWT secret and unexpired, scoped for this use (a token from before scopes is a download
   * token unless it carries `upsert`), and naming this object.
   */
  async function verifySigned(token: string | null, bucketId: string, name: string, scope: 'download' | 'upload'): Promise<JWTPayload> {
    if (!token) throw errors.validation("querystring must have required property 'token'");
    let payload: JWTPayload;
    try {
      payload = (await jwtVerify(token, key, { algorithms: ['HS256'] })).payload;
    } catch (error) {
      throw errors.invalidJwt((error as Error).message);
    }
    const scoped =
      payload.scope === scope || (payload.scope === undefined && ('upsert' in payload) === (scope === 'upload'));
    if (!scoped) throw errors.invalidSignature(`Token is not scoped for ${scope}`);
    if (payload.url !== `${bucketId}/${name}`) throw errors.invalidSignature();
    return payload;
  }

  async function signedDownload(req: IncomingMessage, res: ServerResponse, bucketId: string, name: string, query: URLSearchParams) {
    await verifySigned(query.get('token'), bucketId, name, 'download');
    await serve(req, res, await findObject(SERVICE, bucketId, name), query);
  }

  async function createSignedUrl(req: IncomingMessage, res: ServerResponse, bucketId: string, name: string) {
    const caller = await authenticate(req);
    const expiresIn = expiresInOf(await readJson(req));
    await findObject(caller, bucketId, name);
    send(res, 200, { signedURL: await signUrl(bucketId, name, expiresIn) });
  }

  async function createSignedUrls(req: IncomingMessage, res: ServerResponse, bucketId: string) {
    const caller = await authenticate(req);
    const body = await readJson(req);
    const expiresIn = expiresInOf(body);
    const paths = body.paths;
    if (paths === undefined) throw errors.validation("body must have required property 'paths'");
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) throw errors.validation('body/paths must be array of strings');
    const visible = await as(caller, async (db) => {
      const { rows } = await db.query<{ name: string }>('select name from storage.objects where bucket_id = $1 and name = any ($2::text[])', [
        bucketId,
        paths,
      ]);
      return new Set(rows.map((r) => r.name));
    });
    const result = [];
    for (const name of paths as string[]) {
      result.push(
        visible.has(name)
          ? { error: null, path: name, signedURL: await signUrl(bucketId, name, expiresIn) }
          : { error: 'Either the object does not exist or you do not have access to it', path: name, signedURL: null },
      );
    }
    send(res, 200, result);
  }

  /**
   * POST /object/upload/sign/:bucket/* (routes/object/getSignedUploadURL.ts): if the caller may
   * write the object (the RLS check of an upload, rolled back), a token naming bucket, object,
   * owner and upsert, with which anyone may upload that one object once it is presented.
   */
  async function createSignedUploadUrl(req: IncomingMessage, res: ServerResponse, bucketId: string, name: string) {
    const caller = await authenticate(req);
    await readBody(req, MAX_JSON_BODY, true);
    const upsert = req.headers['x-upsert'] === 'true';
    const header = req.headers['x-metadata'];
    await canUpload(caller, {
      bucketId,
      name,
      owner: caller.sub,
      upsert,
      metadata: { mimetype: req.headers['content-type'], contentLength: Number(req.headers['content-length']) || undefined },
      userMetadata: userMetadataOf(typeof header === 'string' ? Buffer.from(header, 'base64').toString('utf8') : undefined),
    });
    const url = `${bucketId}/${name}`;
    const token = await sign({ owner: caller.sub ?? undefined, url, upsert, scope: 'upload' }, SIGNED_UPLOAD_EXPIRY);
    send(res, 200, { url: `/object/upload/sign/${url}?token=${token}`, token });
  }

  /** PUT /object/upload/sign/:bucket/*?token= (routes/object/uploadSignedObject.ts): the upload as service_role, owned by the token's owner. */
  async function uploadToSignedUrl(req: IncomingMessage, res: ServerResponse, bucketId: string, name: string, query: URLSearchParams) {
    const payload = await verifySigned(query.get('token'), bucketId, name, 'upload');
    const owner = typeof payload.owner === 'string' ? payload.owner : null;
    await upload(req, bucketId, name, SERVICE, owner, payload.upsert === true);
    send(res, 200, { Key: `${bucketId}/${name}` });
  }

  // ---- list, info ------------------------------------------------------------------------------

  async function list(req: IncomingMessage, res: ServerResponse, bucketId: string) {
    const caller = await authenticate(req);
    const body = await readJson(req);
    let prefix = typeof body.prefix === 'string' ? body.prefix.replace(/^\/+/, '') : '';
    if (prefix && !prefix.endsWith('/')) prefix += '/';
    const levels = prefix ? prefix.split('/').length : 1;
    const limit = optionalInteger(body.limit, 'body/limit', 1) ?? 100;
    const offset = optionalInteger(body.offset, 'body/offset', 0) ?? 0;
    const search = typeof body.search === 'string' ? body.search : '';
    const sortBy = (typeof body.sortBy === 'object' && body.sortBy !== null ? body.sortBy : {}) as Record<string, unknown>;
    const column = typeof sortBy.column === 'string' ? sortBy.column : 'name';
    const order = typeof sortBy.order === 'string' ? sortBy.order : 'asc';
    const rows = await as(caller, async (db) => {
      const result = await db.query('select * from storage.search($1, $2, $3, $4, $5, $6, $7, $8)', [
        prefix,
        bucketId,
        limit,
        levels,
        offset,
        search,
        column,
        order,
      ]);
      return result.rows;
    });
    send(res, 200, rows);
  }

  async function listObjectsV2(req: IncomingMessage, res: ServerResponse, bucketId: string) {
    const caller = await authenticate(req);
    const body = await readJson(req);
    const prefix = typeof body.prefix === 'string' ? body.prefix : '';
    const sortBy = typeof body.sortBy === 'object' && body.sortBy !== null ? (body.sortBy as Record<string, unknown>) : undefined;
    if (sortBy && sortBy.column === undefined) throw errors.validation("body/sortBy must have required property 'column'");
    if (sortBy && !['name', 'updated_at', 'created_at'].includes(String(sortBy.column))) {
      throw errors.validation('body/sortBy/column must be equal to one of the allowed values');
    }
    if (sortBy?.order !== undefined && !['asc', 'desc'].includes(String(sortBy.order))) {
      throw errors.validation('body/sortBy/order must be equal to one of the allowed values');
    }
    const rows = await as(caller, async (db) => {
      const result = await db.query<ListedRow>(
        `select id, name, metadata, updated_at, created_at, last_accessed_at
         from storage.objects where bucket_id = $1 and starts_with(name, $2)`,
        [bucketId, prefix],
      );
      return result.rows;
    });
    send(
      res,
      200,
      listV2(rows, {
        prefix,
        withDelimiter: body.with_delimiter === true,
        limit: optionalInteger(body.limit, 'body/limit', 1),
        cursor: typeof body.cursor === 'string' ? body.cursor : undefined,
        sortBy: sortBy as { column?: string; order?: string } | undefined,
      }),
    );
  }

  /** GET /object/info/…: the InfoRenderer's body (src/storage/renderer/info.ts); `metadata` is the user metadata. */
  async function info(res: ServerResponse, row: ObjectRow) {
    const metadata = row.metadata ?? {};
    send(res, 200, {
      id: row.id,
      name: row.name,
      version: row.version,
      bucket_id: row.bucket_id,
      size: metadata.size ?? null,
      content_type: metadata.mimetype ?? null,
      cache_control: metadata.cacheControl ?? null,
      etag: metadata.eTag ?? null,
      metadata: row.user_metadata,
      last_modified: row.updated_at,
      created_at: row.created_at,
    });
  }

  // ---- remove, move, copy ----------------------------------------------------------------------

  const RETURNED = 'name, bucket_id, owner, owner_id, version, id, updated_at, created_at, last_accessed_at, metadata, user_metadata';

  /** Deletes the rows the caller may delete (RLS), then their files; returns the deleted rows. */
  async function removeRows(caller: Caller, bucketId: string, names: string[]): Promise<Record<string, unknown>[]> {
    const rows = await as(caller, async (db) => {
      const result = await db.query(
        `delete from storage.objects where bucket_id = $1 and name = any ($2::text[]) returning ${RETURNED}`,
        [bucketId, names],
      );
      return result.rows as Record<string, unknown>[];
    });
    await Promise.all(rows.map((row) => rm(filePath(bucketId, String(row.id)), { force: true })));
    return rows.map((row) => asSchemaStrings(row, OBJECT_STRINGS));
  }

  async function removeMany(req: IncomingMessage, res: ServerResponse, bucketId: string) {
    const caller = await authenticate(req);
    const prefixes = (await readJson(req)).prefixes;
    if (prefixes === undefined) throw errors.validation("body must have required property 'prefixes'");
    if (!Array.isArray(prefixes) || !prefixes.every((p) => typeof p === 'string')) throw errors.validation('body/prefixes must be array of strings');
    if (prefixes.length === 0) throw errors.validation('body/prefixes must NOT have fewer than 1 items');
    if (prefixes.length > MAX_PREFIXES) throw errors.invalidRequest(`Bulk object requests are limited to ${MAX_PREFIXES} objects per request.`);
    send(res, 200, await removeRows(caller, bucketId, prefixes as string[]));
  }

  /** ObjectStorage.deleteObject: a missing object is NoSuchKey; one the caller may not delete, AccessDenied. */
  async function removeOne(req: IncomingMessage, res: ServerResponse, bucketId: string, name: string) {
    const caller = await authenticate(req);
    await findObject(SERVICE, bucketId, name, false);
    if ((await removeRows(caller, bucketId, [name])).length === 0) throw errors.accessDenied('Access denied');
    send(res, 200, { message: 'Successfully deleted' });
  }

  /** The body of POST /object/move and /object/copy; the destination bucket defaults to the source's. */
  function transfer(body: Record<string, unknown>) {
    const bucketId = required(body, 'bucketId');
    const sourceKey = required(body, 'sourceKey');
    const destinationKey = required(body, 'destinationKey');
    const destinationBucket = typeof body.destinationBucket === 'string' && body.destinationBucket ? body.destinationBucket : bucketId;
    if (!isValidBucketName(bucketId) || !isValidBucketName(destinationBucket)) throw errors.invalidBucketName();
    checkKey(destinationKey);
    return { bucketId, sourceKey, destinationBucket, destinationKey };
  }

  /**
   * ObjectStorage.moveObject: the move is an update of the row's name (and bucket) as the
   * caller, so the update policy decides, for the row as it is and as it will be; the source
   * must be visible (else NoSuchKey) and a taken destination is refused by the unique index.
   * The file keeps its id, so only a move to another bucket moves it on disk.
   */
  async function move(req: IncomingMessage, res: ServerResponse) {
    const caller = await authenticate(req);
    const t = transfer(await readJson(req));
    const ownerUuid = caller.sub !== null && UUID_RE.test(caller.sub) ? caller.sub : null;
    let moved: { from: string; to: string } | undefined;
    try {
      await as(caller, async (db) => {
        const found = await db.query('select id from storage.objects where bucket_id = $1 and name = $2', [t.bucketId, t.sourceKey]);
        if (!found.rows[0]) throw errors.noSuchKey();
        const { rows } = await db.query<{ id: string }>(
          `update storage.objects
           set name = $3, bucket_id = $4, version = $5, owner = coalesce($6, owner), owner_id = coalesce($7, owner_id)
           where bucket_id = $1 and name = $2 returning id`,
          [t.bucketId, t.sourceKey, t.destinationKey, t.destinationBucket, randomUUID(), ownerUuid, caller.sub],
        );
        if (!rows[0]) throw errors.noSuchKey();
        if (t.destinationBucket !== t.bucketId) {
          const from = filePath(t.bucketId, rows[0].id);
          const to = filePath(t.destinationBucket, rows[0].id);
          await mkdir(path.dirname(to), { recursive: true });
          await rename(from, to);
          moved = { from, to };
        }
      });
    } catch (error) {
      if (moved) await rename(moved.to, moved.from).catch(() => undefined);
      throw error;
    }
    // The route's response schema keeps only the message (routes/object/moveObject.ts).
    send(res, 200, { message: 'Successfully moved' });
  }

  /**
   * ObjectStorage.copyObject: the source as the caller sees it (else NoSuchKey), then the
   * destination as an upload of it (the caller's RLS check of an insert, or with x-upsert of an
   * upsert), written with the source's metadata and the caller as owner.
   */
  async function copy(req: IncomingMessage, res: ServerResponse) {
    const caller = await authenticate(req);
    const body = await readJson(req);
    const t = transfer(body);
    const source = await findObject(caller, t.bucketId, t.sourceKey, false);
    const metadata: Record<string, unknown> = { ...source.metadata };
    let userMetadata = source.user_metadata;
    if (body.copyMetadata === false) {
      const given = (typeof body.metadata === 'object' && body.metadata !== null ? body.metadata : {}) as Record<string, unknown>;
      if (given.cacheControl !== undefined) metadata.cacheControl = given.cacheControl;
      if (given.mimetype !== undefined) metadata.mimetype = given.mimetype;
      const header = req.headers['x-metadata'];
      userMetadata = typeof header === 'string' ? userMetadataOf(Buffer.from(header, 'base64').toString('utf8')) : null;
    }
    const w: Write = { bucketId: t.destinationBucket, name: t.destinationKey, owner: caller.sub, upsert: req.headers['x-upsert'] === 'true', metadata, userMetadata };
    await canUpload(caller, w);
    const tmp = path.join(tmpDir, randomUUID());
    await copyFile(filePath(source.bucket_id, source.id), tmp).catch(() => {
      throw errors.noSuchKey();
    });
    const id = await store({ ...w, metadata: { ...metadata, lastModified: new Date().toISOString() } }, tmp);
    const row = await as(SERVICE, async (db) => (await db.query(`select ${RETURNED} from storage.objects where id = $1`, [id])).rows[0]);
    send(res, 200, { Id: id, Key: `${t.destinationBucket}/${t.destinationKey}`, ...asSchemaStrings(row, OBJECT_STRINGS) });
  }

  // ---- buckets ---------------------------------------------------------------------------------

  const bucketJson = (row: Record<string, unknown>) =>
    asSchemaStrings({ ...row, file_size_limit: row.file_size_limit === null ? null : Number(row.file_size_limit) }, BUCKET_STRINGS);

  /** GET /bucket (getAllBuckets.ts, pg.ts listBuckets): the buckets the caller may see; no order unless asked. */
  async function listBuckets(req: IncomingMessage, res: ServerResponse, query: URLSearchParams) {
    const caller = await authenticate(req);
    const limit = optionalInteger(query.get('limit') ?? undefined, 'querystring/limit', 1);
    const offset = optionalInteger(query.get('offset') ?? undefined, 'querystring/offset', 0);
    const sortColumn = query.get('sortColumn');
    const sortOrder = query.get('sortOrder');
    if (sortColumn !== null && !['id', 'name', 'created_at', 'updated_at'].includes(sortColumn)) {
      throw errors.validation('querystring/sortColumn must be equal to one of the allowed values');
    }
    if (sortOrder !== null && !['asc', 'desc'].includes(sortOrder)) throw errors.validation('querystring/sortOrder must be equal to one of the allowed values');
    const search = query.get('search');
    const values: unknown[] = [];
    let sql = `select id, name, public, owner, created_at, updated_at, file_size_limit, allowed_mime_types, 'STANDARD' as type from storage.buckets`;
    if (search) sql += ` where name ilike $${values.push(`%${escapeLike(search)}%`)}`;
    if (sortColumn) sql += ` order by ${sortColumn} ${sortOrder === 'desc' ? 'desc' : 'asc'}`;
    if (limit !== undefined) sql += ` limit $${values.push(limit)}`;
    if (offset !== undefined) sql += ` offset $${values.push(offset)}`;
    const rows = await as(caller, async (db) => (await db.query(sql, values)).rows);
    send(res, 200, rows.map(bucketJson));
  }

  async function getBucket(req: IncomingMessage, res: ServerResponse, id: string) {
    const caller = await authenticate(req);
    const row = await as(caller, async (db) => {
      const { rows } = await db.query(
        'select id, name, owner, public, created_at, updated_at, file_size_limit, allowed_mime_types from storage.buckets where id = $1',
        [id],
      );
      return rows[0];
    });
    if (!row) throw errors.noSuchBucket();
    send(res, 200, bucketJson(row));
  }

  /** A bucket's file_size_limit and allowed_mime_types, checked as Storage.createBucket / updateBucket do. */
  function bucketLimits(body: Record<string, unknown>) {
    let fileSizeLimit: number | null | undefined;
    const size = body.file_size_limit;
    if (size === null) fileSizeLimit = null;
    else if (typeof size === 'string') {
      fileSizeLimit = parseFileSize(size);
      if (fileSizeLimit === undefined) throw errors.invalidRequest('Invalid file size format, hint: use 20GB / 20MB / 30KB / 3B');
    } else if (size !== undefined) fileSizeLimit = optionalInteger(size, 'body/file_size_limit', 0);
    if (fileSizeLimit && fileSizeLimit > globalLimit) throw errors.entityTooLarge();

    let allowedMimeTypes: string[] | null | undefined = body.allowed_mime_types as string[] | null | undefined;
    if (allowedMimeTypes !== undefined && allowedMimeTypes !== null) {
      if (!Array.isArray(allowedMimeTypes) || !allowedMimeTypes.every((t) => typeof t === 'string')) {
        throw errors.validation('body/allowed_mime_types must be array of strings');
      }
      allowedMimeTypes = allowedMimeTypes.filter((t) => t);
      for (const type of allowedMimeTypes) if (!isValidAllowedMimeType(type)) throw errors.invalidMimeType(type);
    }
    if (body.public !== undefined && typeof body.public !== 'boolean') throw errors.validation('body/public must be boolean');
    return { public: body.public as boolean | undefined, file_size_limit: fileSizeLimit, allowed_mime_types: allowedMimeTypes };
  }

  /** POST /bucket (createBucket.ts, pg.ts createBucket): an insert as the caller, so the insert policy on storage.buckets decides. */
  async function createBucket(req: IncomingMessage, res: ServerResponse) {
    const caller = await authenticate(req);
    const body = await readJson(req);
    const name = required(body, 'name');
    const id = typeof body.id === 'string' && body.id ? body.id : name;
    // Storage.createBucket: no leading or trailing space either.
    if (name.trim() !== name || !isValidBucketName(name)) throw errors.invalidBucketName();
    const limits = bucketLimits(body);
    const columns: Record<string, unknown> = {
      id,
      name,
      owner: caller.sub !== null && UUID_RE.test(caller.sub) ? caller.sub : null,
      owner_id: caller.sub,
      public: limits.public ?? false,
    };
    if (limits.file_size_limit !== undefined) columns.file_size_limit = limits.file_size_limit;
    if (limits.allowed_mime_types !== undefined) columns.allowed_mime_types = limits.allowed_mime_types;
    const names = Object.keys(columns);
    await as(caller, (db) =>
      db.query(`insert into storage.buckets (${names.join(', ')}) values (${names.map((_, i) => `$${i + 1}`).join(', ')})`, Object.values(columns)),
    ).catch((error: unknown) => {
      throw alreadyExistsAs(error, errors.bucketAlreadyExists);
    });
    send(res, 200, { name });
  }

  /** PUT /bucket/:id (updateBucket.ts, pg.ts updateBucket): an update as the caller; no row updated is NoSuchBucket. */
  async function updateBucket(req: IncomingMessage, res: ServerResponse, id: string) {
    const caller = await authenticate(req);
    const body = await readJson(req);
    if (!isValidBucketName(id)) throw errors.invalidBucketName();
    const fields = Object.entries(bucketLimits(body)).filter(([, value]) => value !== undefined);
    if (fields.length === 0) throw errors.noContent();
    const updated = await as(caller, async (db) => {
      const set = fields.map(([column], i) => `${column} = $${i + 2}`).join(', ');
      return (await db.query(`update storage.buckets set ${set} where id = $1 returning id`, [id, ...fields.map(([, v]) => v)])).rowCount;
    });
    if (!updated) throw errors.noSuchBucket();
    send(res, 200, { message: 'Successfully updated' });
  }

  /** DELETE /bucket/:id (Storage.deleteBucket): only an empty bucket, deleted as the caller; none deleted is NoSuchBucket. */
  async function deleteBucket(req: IncomingMessage, res: ServerResponse, id: string) {
    const caller = await authenticate(req);
    await readBody(req, MAX_JSON_BODY, true);
    await findBucket(id);
    const objects = await as(SERVICE, async (db) => (await db.query('select 1 from storage.objects where bucket_id = $1 limit 1', [id])).rowCount);
    if (objects) throw errors.bucketNotEmpty();
    const deleted = await as(caller, async (db) => (await db.query('delete from storage.buckets where id = any ($1::text[])', [[id]])).rowCount);
    if (!deleted) throw errors.noSuchBucket();
    if (isSafeBucketId(id)) await rm(path.join(root, id), { recursive: true, force: true });
    send(res, 200, { message: 'Successfully deleted' });
  }

  /**
   * POST /bucket/:id/empty (emptyBucket.ts): for service_role only, refused with a real 403
   * otherwise (plugins/jwt.ts, enforceJwtRole). storage-api queues the deletion; here it is
   * done before answering, with the same answer.
   */
  async function emptyBucket(req: IncomingMessage, res: ServerResponse, id: string) {
    const caller = await authenticate(req);
    if (caller.role !== 'service_role') throw errors.accessDenied('Access denied: Invalid role', 403);
    await readBody(req, MAX_JSON_BODY, true);
    await findBucket(id);
    const rows = await as(SERVICE, async (db) => (await db.query<{ id: string }>('delete from storage.objects where bucket_id = $1 returning id', [id])).rows);
    await Promise.all(rows.map((row) => rm(filePath(id, row.id), { force: true })));
    send(res, 200, { message: EMPTY_BUCKET_QUEUED });
  }

  // ---- routing ---------------------------------------------------------------------------------

  async function route(req: IncomingMessage, res: ServerResponse, url: { pathname: string; searchParams: URLSearchParams }, raw: string): Promise<void> {
    const method = req.method ?? 'GET';
    const read = method === 'GET' || method === 'HEAD';
    // Split the path as sent, then decode: an encoded slash (%2F) inside a name stays visible
    // to the key check as a slash, never as a separator the router skipped.
    const segments = url.pathname.split('/').slice(1);
    const [resource, first, second] = segments;
    const objectAfter = (index: number) => decodePath(segments.slice(index).join('/'));
    const notFound = () => errors.routeNotFound(method, raw);

    if (resource === 'bucket') {
      if (segments.length === 1 || (segments.length === 2 && !first)) {
        if (method === 'GET') return listBuckets(req, res, url.searchParams);
        if (method === 'POST') return createBucket(req, res);
      }
      if (segments.length === 2 && first) {
        const id = decodePath(first);
        if (method === 'GET') return getBucket(req, res, id);
        if (method === 'PUT') return updateBucket(req, res, id);
        if (method === 'DELETE') return deleteBucket(req, res, id);
      }
      if (segments.length === 3 && first && second === 'empty' && method === 'POST') return emptyBucket(req, res, decodePath(first));
      throw notFound();
    }
    if (resource !== 'object' || !first) throw notFound();

    if (segments.length === 2 && method === 'POST' && first === 'move') return move(req, res);
    if (segments.length === 2 && method === 'POST' && first === 'copy') return copy(req, res);
    if (first === 'list' && second && segments.length === 3 && method === 'POST') return list(req, res, bucketParam(second));
    if (first === 'list-v2' && second && segments.length === 3 && method === 'POST') return listObjectsV2(req, res, bucketParam(second));
    if (first === 'upload' && second === 'sign' && segments.length > 4) {
      if (method === 'POST') return createSignedUploadUrl(req, res, bucketParam(segments[3]!), objectAfter(4));
      if (method === 'PUT') return uploadToSignedUrl(req, res, bucketParam(segments[3]!), objectAfter(4), url.searchParams);
    }
    if (first === 'sign' && second) {
      if (segments.length === 3 && method === 'POST') return createSignedUrls(req, res, bucketParam(second));
      if (segments.length > 3 && method === 'POST') return createSignedUrl(req, res, bucketParam(second), objectAfter(3));
      if (segments.length > 3 && read) return signedDownload(req, res, bucketParam(second), objectAfter(3), url.searchParams);
    }
    if (first === 'public' && second && segments.length > 3 && read) {
      return serve(req, res, await readable(null, bucketParam(second), objectAfter(3)), url.searchParams);
    }
    if (first === 'authenticated' && second && segments.length > 3 && read) {
      const caller = await authenticate(req);
      return serve(req, res, await readable(caller, bucketParam(second), objectAfter(3)), url.searchParams);
    }
    if (first === 'info' && second && method === 'GET') {
      // /info/public/… needs a public bucket; /info/authenticated/… a token; /info/… takes either.
      if (second === 'public' && segments.length > 4) return info(res, await readable(null, bucketParam(segments[3]!), objectAfter(4)));
      if (second === 'authenticated' && segments.length > 4) {
        const caller = await authenticate(req);
        return info(res, await readable(caller, bucketParam(segments[3]!), objectAfter(4)));
      }
      if (segments.length > 3) return info(res, await readable(await optionalCaller(req), bucketParam(second), objectAfter(3)));
    }

    if (segments.length === 2 && method === 'DELETE') return removeMany(req, res, bucketParam(first));
    if (segments.length >= 3) {
      const bucketId = bucketParam(first);
      const name = objectAfter(2);
      if (method === 'POST' || method === 'PUT') {
        const caller = await authenticate(req);
        // PUT is supabase-js's update(): always an upsert (routes/object/updateObject.ts).
        const upsert = method === 'PUT' || req.headers['x-upsert'] === 'true';
        const id = await upload(req, bucketId, name, caller, caller.sub, upsert);
        return send(res, 200, { Id: id, Key: `${bucketId}/${name}` });
      }
      if (method === 'DELETE') return removeOne(req, res, bucketId, name);
      if (read) return serve(req, res, await readable(await optionalCaller(req), bucketId, name), url.searchParams);
    }
    throw notFound();
  }

  /** Handles a request whose URL has had the /storage/v1 prefix removed. */
  async function handle(req: IncomingMessage, res: ServerResponse, pathAndQuery: string): Promise<void> {
    // The path exactly as sent: a URL parser would resolve `..` segments, which are refused instead.
    const queryStart = pathAndQuery.indexOf('?');
    const url = {
      pathname: queryStart < 0 ? pathAndQuery : pathAndQuery.slice(0, queryStart),
      searchParams: new URLSearchParams(queryStart < 0 ? '' : pathAndQuery.slice(queryStart + 1)),
    };
    try {
      await route(req, res, url, pathAndQuery);
    } catch (caught) {
      const error = fromDatabase(caught);
      if (!(error instanceof StorageError)) console.error('[storage]', error);
      const known = error instanceof StorageError ? error : errors.internal();
      // Whatever the client is still sending is read and dropped, so it gets this answer.
      if (!req.readableEnded && !req.destroyed) await readBody(req, 0, true).catch(() => undefined);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      send(res, known.httpStatus, known.body());
    }
  }

  return { handle, close: () => pool.end() };
}
