// The part of Supabase Storage's API that supabase-js's `storage.from(bucket)` calls: upload,
// update/upsert, download (authenticated, public, by signed URL), signed URLs, list, info and
// remove, plus reading buckets. Metadata lives in storage.buckets and storage.objects as on
// Supabase; files live on disk under <rootDir>/<bucket>/<object id>, never under a name a client
// chose. As storage-api does, every read or write of an object's row runs in Postgres as the
// caller's role with the caller's JWT claims, so the RLS policies on storage.objects decide; only
// a bucket's settings and a signed or public URL's object are looked up as service_role. Errors
// are storage-api's JSON ({ statusCode, error, message }), which supabase-js surfaces as
// StorageApiError with that message.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import pg from 'pg';
import { multipartBoundary, MultipartError, parseMultipart } from './multipart.ts';
import { bareMimeType, describeSize, GLOBAL_FILE_SIZE_LIMIT, invalidKeyReason, isSafeBucketId, mimeTypeAllowed } from './rules.ts';

export interface StorageOptions {
  /** A connection string for authenticator, the role PostgREST logs in as; it switches role per request. */
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
const MAX_PREFIXES = 1000;

class StorageError extends Error {
  constructor(readonly status: number, readonly error: string, message: string) {
    super(message);
  }
}

const errors = {
  objectNotFound: () => new StorageError(404, 'not_found', 'Object not found'),
  bucketNotFound: () => new StorageError(404, 'Bucket not found', 'Bucket not found'),
  invalidKey: (name: string, reason: string) => new StorageError(400, 'InvalidKey', `Invalid key: ${name} (${reason})`),
  invalidRequest: (message: string) => new StorageError(400, 'InvalidRequest', message),
  unauthorized: (message: string) => new StorageError(403, 'Unauthorized', message),
  duplicate: () => new StorageError(409, 'Duplicate', 'The resource already exists'),
  tooLarge: (limit: number) =>
    new StorageError(413, 'Payload too large', `The object exceeded the maximum allowed size of ${describeSize(limit)}`),
  mimeType: (mimeType: string, allowed: string[]) =>
    new StorageError(415, 'invalid_mime_type', `mime type ${mimeType || '(none)'} is not supported; this bucket takes ${allowed.join(', ')}`),
  invalidJwt: (message: string) => new StorageError(400, 'InvalidJWT', message),
  notImplemented: (what: string) => new StorageError(501, 'NotImplemented', `${what} is not available in the local stack`),
};

interface Caller {
  role: string;
  claims: JWTPayload;
  /** The user's id, when the token names one: the owner of what it uploads. */
  userId: string | null;
}

const SERVICE: Caller = { role: 'service_role', claims: { role: 'service_role' }, userId: null };

interface BucketRow {
  id: string;
  public: boolean | null;
  file_size_limit: string | null;
  allowed_mime_types: string[] | null;
}

interface ObjectRow {
  id: string;
  name: string;
  metadata: Record<string, unknown> | null;
  updated_at: Date | null;
}

/** What a JWT failure is called, in the words of the jsonwebtoken library storage-api uses. */
function jwtFailure(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'jwt expired';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'invalid signature';
  return 'jwt malformed';
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
  const body = await readBody(req, MAX_JSON_BODY);
  if (!body) throw errors.invalidRequest('The request body is too large');
  const text = body.toString('utf8').trim();
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw errors.invalidRequest('The request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw errors.invalidRequest('The request body must be a JSON object');
  return parsed as Record<string, unknown>;
}

function integer(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw errors.invalidRequest(`${name} must be an integer from ${min} to ${max}`);
  }
  return n;
}

function decodePath(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw errors.invalidRequest(`The path is not valid percent-encoding: ${raw}`);
  }
}

function checkKey(name: string) {
  const reason = invalidKeyReason(name);
  if (reason) throw errors.invalidKey(name, reason);
}

/** Maps what Postgres refused to what storage-api answers for it. */
function fromDatabase(error: unknown): unknown {
  if (error instanceof StorageError) return error;
  const code = (error as { code?: string }).code;
  if (code === '42501') return errors.unauthorized('new row violates row-level security policy');
  if (code === '23505') return errors.duplicate();
  if (code === '23503') return errors.bucketNotFound();
  if (code === '57014') return new StorageError(544, 'DatabaseTimeout', 'The connection to the database timed out');
  return error;
}

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

  /** Runs fn in a transaction as the caller's role with its claims, as PostgREST does. */
  async function as<T>(caller: Caller, fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [
        caller.role,
        JSON.stringify(caller.claims),
      ]);
      const result = await fn(client);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw fromDatabase(error);
    } finally {
      client.release();
    }
  }

  async function authenticate(req: IncomingMessage): Promise<Caller> {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) throw errors.unauthorized('This request needs a Bearer token');
    let claims: JWTPayload;
    try {
      claims = (await jwtVerify(match[1]!, key, { algorithms: ['HS256'] })).payload;
    } catch (error) {
      throw errors.unauthorized(jwtFailure(error));
    }
    const role = typeof claims.role === 'string' ? claims.role : 'anon';
    if (!API_ROLES.has(role)) throw errors.unauthorized(`The role ${role} may not use storage`);
    const userId = typeof claims.sub === 'string' && UUID_RE.test(claims.sub) ? claims.sub : null;
    return { role, claims, userId };
  }

  function filePath(bucketId: string, objectId: string): string {
    if (!UUID_RE.test(objectId)) throw new Error(`unexpected object id ${objectId}`);
    const folder = isSafeBucketId(bucketId) ? bucketId : `~${Buffer.from(bucketId).toString('hex')}`;
    const file = path.join(root, folder, objectId.toLowerCase());
    if (!file.startsWith(root + path.sep)) throw new Error(`unexpected storage path ${file}`);
    return file;
  }

  async function findBucket(id: string): Promise<BucketRow> {
    const bucket = await as(SERVICE, async (db) => {
      const { rows } = await db.query<BucketRow>(
        'select id, public, file_size_limit, allowed_mime_types from storage.buckets where id = $1',
        [id],
      );
      return rows[0];
    });
    if (!bucket) throw errors.bucketNotFound();
    return bucket;
  }

  async function findObject(caller: Caller, bucketId: string, name: string): Promise<ObjectRow> {
    const row = await as(caller, async (db) => {
      const { rows } = await db.query<ObjectRow>(
        'select id, name, metadata, updated_at from storage.objects where bucket_id = $1 and name = $2',
        [bucketId, name],
      );
      return rows[0];
    });
    if (!row) throw errors.objectNotFound();
    return row;
  }

  // ---- upload ----------------------------------------------------------------------------------

  async function upload(req: IncomingMessage, res: ServerResponse, bucketId: string, name: string, upsert: boolean) {
    const caller = await authenticate(req);
    checkKey(name);
    const bucket = await findBucket(bucketId);
    const bucketLimit = bucket.file_size_limit === null ? globalLimit : Math.min(Number(bucket.file_size_limit), globalLimit);
    const allowed = bucket.allowed_mime_types ?? [];
    const requestType = req.headers['content-type'];
    const boundary = multipartBoundary(requestType);

    // Refuse what the headers already show before reading the body.
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > bucketLimit + (boundary ? MULTIPART_OVERHEAD : 0)) throw errors.tooLarge(bucketLimit);
    if (!boundary && !mimeTypeAllowed(requestType ?? 'application/octet-stream', allowed)) {
      throw errors.mimeType(bareMimeType(requestType), allowed);
    }

    const body = await readBody(req, bucketLimit + (boundary ? MULTIPART_OVERHEAD : 0));
    if (!body) throw errors.tooLarge(bucketLimit);

    let data: Buffer;
    let contentType: string;
    let cacheControl = typeof req.headers['cache-control'] === 'string' ? req.headers['cache-control'] : undefined;
    let userMetadata: unknown = null;
    if (boundary) {
      let parts;
      try {
        parts = parseMultipart(body, boundary);
      } catch (error) {
        if (error instanceof MultipartError) throw errors.invalidRequest(`Malformed multipart body: ${error.message}`);
        throw error;
      }
      const file = parts.find((p) => p.filename !== undefined) ?? parts.find((p) => p.name === '');
      if (!file) throw errors.invalidRequest('No content provided');
      data = file.data;
      contentType = file.contentType ?? 'application/octet-stream';
      const cacheField = parts.find((p) => p.name === 'cacheControl');
      if (cacheField) cacheControl = `max-age=${cacheField.data.toString('utf8')}`;
      const metadataField = parts.find((p) => p.name === 'metadata');
      if (metadataField) userMetadata = parseUserMetadata(metadataField.data.toString('utf8'));
      if (!mimeTypeAllowed(contentType, allowed)) throw errors.mimeType(bareMimeType(contentType), allowed);
      if (data.length > bucketLimit) throw errors.tooLarge(bucketLimit);
    } else {
      data = body;
      contentType = requestType ?? 'application/octet-stream';
      const header = req.headers['x-metadata'];
      if (typeof header === 'string') userMetadata = parseUserMetadata(Buffer.from(header, 'base64').toString('utf8'));
    }

    const metadata = {
      eTag: `"${createHash('md5').update(data).digest('hex')}"`,
      size: data.length,
      mimetype: contentType,
      cacheControl: cacheControl ?? 'no-cache',
      lastModified: new Date().toISOString(),
      contentLength: data.length,
      httpStatusCode: 200,
    };

    // The bytes go to a temporary file first; the row is written as the caller (RLS decides),
    // then the file is moved into place before the transaction commits. A second upload of
    // the same name waits on the row's unique index until the first has committed.
    const tmp = path.join(tmpDir, randomUUID());
    await writeFile(tmp, data);
    const newId = randomUUID();
    let placed: string | undefined;
    try {
      const id = await as(caller, async (db) => {
        const params = [newId, bucket.id, name, caller.userId, caller.userId, metadata, userMetadata, randomUUID()];
        let id: string = newId;
        if (upsert) {
          const { rows } = await db.query<{ id: string }>(
            `insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata, user_metadata, version)
             values ($1, $2, $3, $4, $5, $6, $7, $8)
             on conflict (bucket_id, name) do update
               set owner = excluded.owner, owner_id = excluded.owner_id, metadata = excluded.metadata,
                   user_metadata = excluded.user_metadata, version = excluded.version, last_accessed_at = now()
             returning id`,
            params,
          );
          id = rows[0]!.id;
        } else {
          // No RETURNING: a plain upload needs only the insert policy, as on Supabase.
          await db.query(
            `insert into storage.objects (id, bucket_id, name, owner, owner_id, metadata, user_metadata, version)
             values ($1, $2, $3, $4, $5, $6, $7, $8)`,
            params,
          );
        }
        const target = filePath(bucket.id, id);
        await mkdir(path.dirname(target), { recursive: true });
        await rename(tmp, target);
        if (id === newId) placed = target;
        return id;
      });
      send(res, 200, { Id: id, Key: `${bucket.id}/${name}` });
    } catch (error) {
      if (placed) await rm(placed, { force: true });
      throw error;
    } finally {
      await rm(tmp, { force: true });
    }
  }

  function parseUserMetadata(text: string): unknown {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
    } catch {
      // refused below
    }
    throw errors.invalidRequest('metadata must be a JSON object');
  }

  // ---- download --------------------------------------------------------------------------------

  async function serve(req: IncomingMessage, res: ServerResponse, bucketId: string, row: ObjectRow, query: URLSearchParams) {
    const file = filePath(bucketId, row.id);
    const info = await stat(file).catch(() => undefined);
    if (!info) throw errors.objectNotFound();
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

  async function signedDownload(req: IncomingMessage, res: ServerResponse, bucketId: string, name: string, query: URLSearchParams) {
    const token = query.get('token');
    if (!token) throw errors.invalidRequest("querystring must have required property 'token'");
    let payload: JWTPayload;
    try {
      payload = (await jwtVerify(token, key, { algorithms: ['HS256'] })).payload;
    } catch (error) {
      throw errors.invalidJwt(jwtFailure(error));
    }
    if (payload.url !== `${bucketId}/${name}`) throw new StorageError(400, 'InvalidSignature', 'The url do not match the signature');
    await serve(req, res, bucketId, await findObject(SERVICE, bucketId, name), query);
  }

  async function publicDownload(req: IncomingMessage, res: ServerResponse, bucketId: string, name: string, query: URLSearchParams) {
    const bucket = await findBucket(bucketId);
    if (!bucket.public) throw errors.bucketNotFound();
    await serve(req, res, bucketId, await findObject(SERVICE, bucketId, name), query);
  }

  // ---- signed URLs ---------------------------------------------------------------------------

  async function signUrl(bucketId: string, name: string, expiresIn: number): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ url: `${bucketId}/${name}` })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(now)
      .setExpirationTime(now + expiresIn)
      .sign(key);
    // The name unencoded, as storage-api answers: supabase-js encodes the whole URL (encodeURI).
    return `/object/sign/${bucketId}/${name}?token=${token}`;
  }

  const MAX_EXPIRY = 10 * 365 * 24 * 3600;

  async function createSignedUrl(req: IncomingMessage, res: ServerResponse, bucketId: string, name: string) {
    const caller = await authenticate(req);
    const body = await readJson(req);
    const expiresIn = integer(body.expiresIn, 'expiresIn', Number.NaN, 1, MAX_EXPIRY);
    if (Number.isNaN(expiresIn)) throw errors.invalidRequest("body must have required property 'expiresIn'");
    await findObject(caller, bucketId, name);
    send(res, 200, { signedURL: await signUrl(bucketId, name, expiresIn) });
  }

  async function createSignedUrls(req: IncomingMessage, res: ServerResponse, bucketId: string) {
    const caller = await authenticate(req);
    const body = await readJson(req);
    const expiresIn = integer(body.expiresIn, 'expiresIn', Number.NaN, 1, MAX_EXPIRY);
    if (Number.isNaN(expiresIn)) throw errors.invalidRequest("body must have required property 'expiresIn'");
    const paths = body.paths;
    if (!Array.isArray(paths) || paths.length === 0 || paths.length > MAX_PREFIXES || !paths.every((p) => typeof p === 'string')) {
      throw errors.invalidRequest(`paths must be an array of 1 to ${MAX_PREFIXES} object names`);
    }
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

  // ---- list, info, remove ----------------------------------------------------------------------

  async function list(req: IncomingMessage, res: ServerResponse, bucketId: string) {
    const caller = await authenticate(req);
    const body = await readJson(req);
    let prefix = typeof body.prefix === 'string' ? body.prefix.replace(/^\/+/, '') : '';
    if (prefix && !prefix.endsWith('/')) prefix += '/';
    const levels = prefix ? prefix.split('/').length : 1;
    const limit = integer(body.limit, 'limit', 100, 1, 10_000);
    const offset = integer(body.offset, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
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

  async function info(req: IncomingMessage, res: ServerResponse, bucketId: string, name: string) {
    const caller = await authenticate(req);
    const row = await as(caller, async (db) => {
      const { rows } = await db.query(
        `select id, name, version, bucket_id, metadata, user_metadata, created_at, updated_at, last_accessed_at
         from storage.objects where bucket_id = $1 and name = $2`,
        [bucketId, name],
      );
      return rows[0] as Record<string, unknown> | undefined;
    });
    if (!row) throw errors.objectNotFound();
    const metadata = (row.metadata ?? {}) as Record<string, unknown>;
    send(res, 200, {
      id: row.id,
      name: row.name,
      version: row.version,
      bucket_id: row.bucket_id,
      size: metadata.size ?? null,
      content_type: metadata.mimetype ?? null,
      cache_control: metadata.cacheControl ?? null,
      etag: metadata.eTag ?? null,
      metadata: row.user_metadata ?? null,
      last_modified: metadata.lastModified ?? null,
      created_at: row.created_at,
      updated_at: row.updated_at,
      last_accessed_at: row.last_accessed_at,
    });
  }

  const RETURNED = 'bucket_id, name, owner, owner_id, id, version, updated_at, created_at, last_accessed_at, metadata, user_metadata';

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
    return rows;
  }

  async function removeMany(req: IncomingMessage, res: ServerResponse, bucketId: string) {
    const caller = await authenticate(req);
    const body = await readJson(req);
    const prefixes = body.prefixes;
    if (!Array.isArray(prefixes) || prefixes.length === 0 || prefixes.length > MAX_PREFIXES || !prefixes.every((p) => typeof p === 'string')) {
      throw errors.invalidRequest(`prefixes must be an array of 1 to ${MAX_PREFIXES} object names`);
    }
    send(res, 200, await removeRows(caller, bucketId, prefixes as string[]));
  }

  async function removeOne(req: IncomingMessage, res: ServerResponse, bucketId: string, name: string) {
    const caller = await authenticate(req);
    const rows = await removeRows(caller, bucketId, [name]);
    if (rows.length === 0) throw errors.objectNotFound();
    send(res, 200, { message: 'Successfully deleted' });
  }

  // ---- buckets (read only: buckets are made by migrations) -------------------------------------

  const BUCKET_COLUMNS = 'id, name, owner, public, file_size_limit, allowed_mime_types, created_at, updated_at';

  async function buckets(req: IncomingMessage, res: ServerResponse, id: string | undefined) {
    const caller = await authenticate(req);
    const rows = await as(caller, async (db) => {
      const result = id === undefined
        ? await db.query(`select ${BUCKET_COLUMNS} from storage.buckets order by name`)
        : await db.query(`select ${BUCKET_COLUMNS} from storage.buckets where id = $1`, [id]);
      return result.rows.map((r) => ({ ...r, file_size_limit: r.file_size_limit === null ? null : Number(r.file_size_limit) }));
    });
    if (id === undefined) return send(res, 200, rows);
    if (!rows[0]) throw errors.bucketNotFound();
    send(res, 200, rows[0]);
  }

  // ---- routing ---------------------------------------------------------------------------------

  async function route(req: IncomingMessage, res: ServerResponse, url: { pathname: string; searchParams: URLSearchParams }): Promise<void> {
    const method = req.method ?? 'GET';
    const read = method === 'GET' || method === 'HEAD';
    // Split the path as sent, then decode: an encoded slash (%2F) inside a name stays visible
    // to the key check as a slash, never as a separator the router skipped.
    const segments = url.pathname.split('/').slice(1);
    const [resource, first, second] = segments;
    const objectAfter = (index: number) => decodePath(segments.slice(index).join('/'));

    if (resource === 'bucket') {
      if (method === 'GET' && segments.length === 1) return buckets(req, res, undefined);
      if (method === 'GET' && segments.length === 2 && first) return buckets(req, res, decodePath(first));
      throw errors.notImplemented(`${method} /bucket`);
    }
    if (resource !== 'object' || !first) throw new StorageError(404, 'Not Found', `Route ${method}:${url.pathname} not found`);

    if (first === 'list' && second && segments.length === 3 && method === 'POST') return list(req, res, decodePath(second));
    if (first === 'sign' && second) {
      if (segments.length === 3 && method === 'POST') return createSignedUrls(req, res, decodePath(second));
      if (segments.length > 3 && method === 'POST') return createSignedUrl(req, res, decodePath(second), objectAfter(3));
      if (segments.length > 3 && read) return signedDownload(req, res, decodePath(second), objectAfter(3), url.searchParams);
    }
    if (first === 'public' && second && segments.length > 3 && read) return publicDownload(req, res, decodePath(second), objectAfter(3), url.searchParams);
    if (first === 'authenticated' && second && segments.length > 3 && read) {
      const caller = await authenticate(req);
      const bucketId = decodePath(second);
      return serve(req, res, bucketId, await findObject(caller, bucketId, objectAfter(3)), url.searchParams);
    }
    if (first === 'info' && second && method === 'GET') {
      const offset = second === 'public' || second === 'authenticated' ? 1 : 0;
      if (segments.length > 3 + offset) return info(req, res, decodePath(segments[2 + offset]!), objectAfter(3 + offset));
    }
    if (first === 'move' || first === 'copy' || (first === 'upload' && second === 'sign') || first === 'list-v2') {
      throw errors.notImplemented(`${method} /object/${first}`);
    }

    const bucketId = decodePath(first);
    if (segments.length === 2 && method === 'DELETE') return removeMany(req, res, bucketId);
    if (segments.length >= 3) {
      const name = objectAfter(2);
      if (method === 'POST') return upload(req, res, bucketId, name, String(req.headers['x-upsert']).toLowerCase() === 'true');
      if (method === 'PUT') return upload(req, res, bucketId, name, true);
      if (method === 'DELETE') {
        checkKey(name);
        return removeOne(req, res, bucketId, name);
      }
      if (read) {
        const caller = await authenticate(req);
        return serve(req, res, bucketId, await findObject(caller, bucketId, name), url.searchParams);
      }
    }
    throw new StorageError(404, 'Not Found', `Route ${method}:${url.pathname} not found`);
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
      await route(req, res, url);
    } catch (caught) {
      const error = fromDatabase(caught);
      if (!(error instanceof StorageError)) console.error('[storage]', error);
      const known = error instanceof StorageError ? error : new StorageError(500, 'InternalError', 'Internal server error');
      // Whatever the client is still sending is read and dropped, so it gets this answer.
      if (!req.readableEnded && !req.destroyed) await readBody(req, 0, true).catch(() => undefined);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      send(res, known.status, { statusCode: String(known.status), error: known.error, message: known.message });
    }
  }

  return { handle, close: () => pool.end() };
}
