// Supabase Storage as the admin reaches it: supabase-js's `storage.from('evidence')` as each demo
// user, through the gateway, against the storage server, with RLS on storage.objects (the
// policies of supabase/migrations/20261121210000_storage.sql) deciding who may do what.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { StorageApiError, createClient, type SupabaseClient, type SupabaseClientOptions } from '@supabase/supabase-js';
import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ws from 'ws';
import { startStack } from '../../stack/index.ts';
import { freePort } from '../../stack/ports.ts';
import { anonClient, serviceClient, signedIn, stack, superuser } from '../support/clients.ts';

type Transport = NonNullable<NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']>;

const BUCKET = 'evidence';
const MB = 1024 * 1024;
// Every object this file makes lives in a folder of its own under each unit.
const run = `t${randomBytes(4).toString('hex')}`;

const USERS = {
  office1: { email: 'office.s1@demo.local', id: '00000000-0000-4000-a000-000000000101' },
  reviewer1: { email: 'reviewer.s1@demo.local', id: '00000000-0000-4000-a000-000000000102' },
  filer1: { email: 'filer.c1@demo.local', id: '00000000-0000-4000-a000-000000000103' }, // community 101: compounds 1001–1004
  filer2: { email: 'filer.c2@demo.local', id: '00000000-0000-4000-a000-000000000104' }, // community 102: compounds 1005–1008
  office2: { email: 'office.s2@demo.local', id: '00000000-0000-4000-a000-000000000201' }, // street 2
} as const;
type Who = keyof typeof USERS;

const clients = new Map<Who, SupabaseClient>();
const as = (who: Who) => clients.get(who)!.storage.from(BUCKET);

beforeAll(async () => {
  for (const who of Object.keys(USERS) as Who[]) clients.set(who, await signedIn(USERS[who].email));
});

/** A small file of recognisable bytes: a PNG signature, a PDF header. */
const png = (label: string) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(label)]);
const pdf = (label: string) => Buffer.from(`%PDF-1.7\n${label}\n%%EOF\n`);

async function bytesOf(blob: Blob | null): Promise<Buffer> {
  expect(blob).not.toBeNull();
  return Buffer.from(await blob!.arrayBuffer());
}

/**
 * A refusal as Supabase Storage answers it: HTTP 400, with the status it means in the body's
 * statusCode (storage-api's error handler, src/http/error-handler.ts; compat-storage.test.ts
 * checks each one's code and body).
 */
function expectStorageError(error: unknown, statusCode: number, message?: RegExp) {
  expect(error, `expected a ${statusCode} error`).toBeInstanceOf(StorageApiError);
  const e = error as StorageApiError;
  expect({ status: e.status, statusCode: e.statusCode }).toEqual({ status: 400, statusCode: String(statusCode) });
  if (message) expect(e.message).toMatch(message);
}

async function rowsUnder(prefix: string) {
  const db = await superuser();
  try {
    const { rows } = await db.query(
      `select id, bucket_id, name, owner, owner_id, metadata, path_tokens, created_at, updated_at
       from storage.objects where bucket_id = $1 and name like $2 order by name`,
      [BUCKET, `${prefix}%`],
    );
    return rows;
  } finally {
    await db.end();
  }
}

/** A request exactly as written: fetch and supabase-js would resolve `..` segments first. */
function rawRequest(method: string, pathAndQuery: string, headers: Record<string, string>, body?: Buffer): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(stack().apiUrl);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, method, path: pathAndQuery, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('a filer and the evidence of its community', () => {
  const folder = `1001/${run}`;
  const report = pdf('整改报告');
  const photo = png('现场照片');

  it('uploads (raw bytes, and a Blob as a browser sends it), lists, and downloads the same bytes', async () => {
    const first = await as('filer1').upload(`${folder}/report.pdf`, report, { contentType: 'application/pdf' });
    expect(first.error).toBeNull();
    expect(first.data).toEqual({ path: `${folder}/report.pdf`, fullPath: `${BUCKET}/${folder}/report.pdf`, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    // A Blob goes as multipart/form-data, the way the admin uploads a picked file.
    const second = await as('filer1').upload(`${folder}/photos/site photo.png`, new Blob([photo], { type: 'image/png' }));
    expect(second.error).toBeNull();
    expect(second.data!.path).toBe(`${folder}/photos/site photo.png`);

    const listed = await as('filer1').list(folder);
    expect(listed.error).toBeNull();
    expect(listed.data).toEqual([
      { name: 'photos', id: null, updated_at: null, created_at: null, last_accessed_at: null, metadata: null },
      {
        name: 'report.pdf',
        id: first.data!.id,
        updated_at: expect.any(String),
        created_at: expect.any(String),
        last_accessed_at: expect.any(String),
        metadata: expect.objectContaining({ size: report.length, mimetype: 'application/pdf', eTag: `"${createHash('md5').update(report).digest('hex')}"` }),
      },
    ]);
    const inPhotos = await as('filer1').list(`${folder}/photos`);
    expect(inPhotos.data!.map((e) => [e.name, e.id])).toEqual([['site photo.png', second.data!.id]]);
    // One level up, the run's folder is a folder.
    const unit = await as('filer1').list('1001', { search: run });
    expect(unit.data).toEqual([expect.objectContaining({ name: run, id: null })]);

    const downloaded = await as('filer1').download(`${folder}/report.pdf`);
    expect(downloaded.error).toBeNull();
    expect((await bytesOf(downloaded.data)).equals(report)).toBe(true);
    expect(downloaded.data!.type).toBe('application/pdf');
    const picture = await as('filer1').download(`${folder}/photos/site photo.png`);
    expect((await bytesOf(picture.data)).equals(photo)).toBe(true);
    expect(picture.data!.type).toBe('image/png');
  });

  it('answers exists and info as supabase-js asks them (HEAD, /object/info)', async () => {
    expect(await as('filer1').exists(`${folder}/report.pdf`)).toEqual({ data: true, error: null });
    expect((await as('filer1').exists(`${folder}/missing.pdf`)).data).toBe(false);
    expect((await as('filer2').exists(`${folder}/report.pdf`)).data).toBe(false);
    const { data, error } = await as('filer1').info(`${folder}/report.pdf`);
    expect(error).toBeNull();
    expect(data).toMatchObject({ name: `${folder}/report.pdf`, bucketId: BUCKET, size: report.length, contentType: 'application/pdf' });
  });

  it('keeps the rows in storage.objects as Supabase does: owner, metadata, path_tokens', async () => {
    const rows = await rowsUnder(folder);
    expect(rows.map((r) => r.name)).toEqual([`${folder}/photos/site photo.png`, `${folder}/report.pdf`]);
    for (const row of rows) {
      expect(row.bucket_id).toBe(BUCKET);
      expect(row.owner).toBe(USERS.filer1.id);
      expect(row.owner_id).toBe(USERS.filer1.id);
      expect(row.path_tokens).toEqual(row.name.split('/'));
    }
    expect(rows[1].metadata).toMatchObject({
      size: report.length,
      contentLength: report.length,
      mimetype: 'application/pdf',
      cacheControl: 'max-age=3600',
      eTag: `"${createHash('md5').update(report).digest('hex')}"`,
      httpStatusCode: 200,
    });
    expect(rows[0].metadata).toMatchObject({ size: photo.length, mimetype: 'image/png' });
  });

  it('is read by the street office and reviewer, who may add evidence for any unit of the street', async () => {
    for (const who of ['office1', 'reviewer1'] as const) {
      const { data, error } = await as(who).download(`${folder}/report.pdf`);
      expect(error).toBeNull();
      expect((await bytesOf(data)).equals(report)).toBe(true);
      const listed = await as(who).list(folder);
      expect(listed.data!.map((e) => e.name)).toEqual(['photos', 'report.pdf']);
    }
    const byReviewer = await as('reviewer1').upload(`1005/${run}/review-note.pdf`, pdf('reviewer'), { contentType: 'application/pdf' });
    expect(byReviewer.error).toBeNull();
    const byOffice = await as('office1').upload(`1/${run}/street-plan.pdf`, pdf('street'), { contentType: 'application/pdf' });
    expect(byOffice.error).toBeNull();
  });

  it('is neither read nor written by another community’s filer or another street’s office', async () => {
    for (const who of ['filer2', 'office2'] as const) {
      const download = await as(who).download(`${folder}/report.pdf`);
      expectStorageError(download.error, 404, /^Object not found$/);
      expect(download.data).toBeNull();
      expect((await as(who).list(folder)).data).toEqual([]);
      expectStorageError((await as(who).createSignedUrl(`${folder}/report.pdf`, 60)).error, 404);
      const upload = await as(who).upload(`${folder}/intruder.pdf`, pdf('no'), { contentType: 'application/pdf' });
      expectStorageError(upload.error, 403, /row-level security/);
      // Removing what one cannot see removes nothing.
      const removed = await as(who).remove([`${folder}/report.pdf`]);
      expect(removed).toEqual({ data: [], error: null });
    }
    expect((await rowsUnder(folder)).map((r) => r.name)).toEqual([`${folder}/photos/site photo.png`, `${folder}/report.pdf`]);

    // filer.c2 works on its own community's units, and filer.c1 cannot see that.
    const own = await as('filer2').upload(`1005/${run}/c2.pdf`, pdf('c2'), { contentType: 'application/pdf' });
    expect(own.error).toBeNull();
    expectStorageError((await as('filer1').download(`1005/${run}/c2.pdf`)).error, 404);
    expectStorageError((await as('filer1').upload(`1005/${run}/c1.pdf`, pdf('c1'), { contentType: 'application/pdf' })).error, 403);

    // A community's filer neither reads nor writes the street's own evidence.
    expectStorageError((await as('filer1').download(`1/${run}/street-plan.pdf`)).error, 404);
    expectStorageError((await as('filer1').upload(`1/${run}/x.pdf`, pdf('x'), { contentType: 'application/pdf' })).error, 403);

    // Street 2's office files for its own street (unit 2), which street 1 cannot read.
    const street2 = await as('office2').upload(`2/${run}/plan.pdf`, pdf('street 2'), { contentType: 'application/pdf' });
    expect(street2.error).toBeNull();
    expectStorageError((await as('office1').download(`2/${run}/plan.pdf`)).error, 404);
    expectStorageError((await as('office2').upload(`1001/${run}/x.pdf`, pdf('x'), { contentType: 'application/pdf' })).error, 403);
  });

  it('refuses names that are not under a unit the caller files for', async () => {
    for (const name of [`${run}.pdf`, `abc/${run}.pdf`, `99999/${run}.pdf`, `01001/${run}.pdf`]) {
      const { error } = await as('office1').upload(name, pdf('x'), { contentType: 'application/pdf' });
      expectStorageError(error, 403);
    }
  });
});

describe('the storage schema', () => {
  it('has the shape of Supabase’s: tables, RLS, helpers, grants, and the evidence policies', async () => {
    const db = await superuser();
    try {
      const columns = async (table: string) =>
        (
          await db.query<{ column_name: string }>(
            `select column_name from information_schema.columns where table_schema = 'storage' and table_name = $1`,
            [table],
          )
        ).rows.map((r) => r.column_name);
      expect(await columns('buckets')).toEqual(
        expect.arrayContaining(['id', 'name', 'public', 'file_size_limit', 'allowed_mime_types', 'owner', 'created_at', 'updated_at']),
      );
      expect(await columns('objects')).toEqual(
        expect.arrayContaining(['id', 'bucket_id', 'name', 'owner', 'created_at', 'updated_at', 'last_accessed_at', 'metadata', 'path_tokens']),
      );
      const { rows: rls } = await db.query(
        `select relname, relrowsecurity from pg_class where relnamespace = 'storage'::regnamespace and relkind = 'r' and relname in ('buckets', 'objects') order by 1`,
      );
      expect(rls).toEqual([
        { relname: 'buckets', relrowsecurity: true },
        { relname: 'objects', relrowsecurity: true },
      ]);
      const { rows: helpers } = await db.query(
        `select storage.foldername('1001/a/b.tar.gz') as folders, storage.filename('1001/a/b.tar.gz') as file, storage.extension('1001/a/b.tar.gz') as ext`,
      );
      expect(helpers).toEqual([{ folders: ['1001', 'a'], file: 'b.tar.gz', ext: 'gz' }]);
      const { rows: grants } = await db.query(
        `select r as role, has_schema_privilege(r, 'storage', 'usage') as usage,
                has_table_privilege(r, 'storage.objects', 'select, insert, update, delete') as objects
         from unnest(array['anon', 'authenticated', 'service_role']) r order by 1`,
      );
      expect(grants).toEqual([
        { role: 'anon', usage: true, objects: true },
        { role: 'authenticated', usage: true, objects: true },
        { role: 'service_role', usage: true, objects: true },
      ]);
      const { rows: bucket } = await db.query(`select public, file_size_limit, allowed_mime_types from storage.buckets where id = 'evidence'`);
      expect(bucket).toEqual([{ public: false, file_size_limit: String(20 * MB), allowed_mime_types: expect.arrayContaining(['image/png', 'application/pdf']) }]);
      const { rows: policies } = await db.query(
        `select policyname, cmd, roles::text[] as roles from pg_policies where schemaname = 'storage' and tablename = 'objects' and policyname like 'evidence%' order by 1`,
      );
      expect(policies).toEqual([
        { policyname: 'evidence_delete', cmd: 'DELETE', roles: ['authenticated'] },
        { policyname: 'evidence_insert', cmd: 'INSERT', roles: ['authenticated'] },
        { policyname: 'evidence_select', cmd: 'SELECT', roles: ['authenticated'] },
        { policyname: 'evidence_update', cmd: 'UPDATE', roles: ['authenticated'] },
      ]);
    } finally {
      await db.end();
    }
  });

  it('runs a migration written for hosted Supabase: a bucket and a policy on foldername(name) and auth.uid()', async () => {
    const bucket = `${run}-own`;
    const db = await superuser();
    try {
      // Supabase's documented "a folder per user" example, as a project would write it.
      await db.query(`
        insert into storage.buckets (id, name) values ('${bucket}', '${bucket}');
        create policy "${bucket} own folder" on storage.objects for all to authenticated
          using (bucket_id = '${bucket}' and (storage.foldername(name))[1] = (select auth.uid())::text)
          with check (bucket_id = '${bucket}' and (storage.foldername(name))[1] = (select auth.uid())::text);
      `);
      const mine = clients.get('filer2')!.storage.from(bucket);
      expect((await mine.upload(`${USERS.filer2.id}/note.txt`, Buffer.from('mine'))).error).toBeNull();
      expectStorageError((await mine.upload(`${USERS.filer1.id}/note.txt`, Buffer.from('theirs'))).error, 403);
      expect((await mine.list(USERS.filer2.id)).data!.map((e) => e.name)).toEqual(['note.txt']);
      expect(await clients.get('filer1')!.storage.from(bucket).list(USERS.filer2.id)).toEqual({ data: [], error: null });
      expect((await mine.remove([`${USERS.filer2.id}/note.txt`])).data).toHaveLength(1);
    } finally {
      await db.query(`drop policy if exists "${bucket} own folder" on storage.objects; delete from storage.buckets where id = '${bucket}'`);
      await db.end();
    }
  });
});

describe('anon', () => {
  const name = `1002/${run}/anon-probe.pdf`;
  beforeAll(async () => {
    expect((await as('filer1').upload(name, pdf('probe'), { contentType: 'application/pdf' })).error).toBeNull();
  });

  it('gets nothing: no upload, no list, no download, no signed URL', async () => {
    const storage = anonClient().storage.from(BUCKET);
    expectStorageError((await storage.upload(`1002/${run}/anon.pdf`, pdf('anon'), { contentType: 'application/pdf' })).error, 403);
    expect(await storage.list(`1002/${run}`)).toEqual({ data: [], error: null });
    expectStorageError((await storage.download(name)).error, 404);
    expectStorageError((await storage.createSignedUrl(name, 60)).error, 404);
    expect(await storage.remove([name])).toEqual({ data: [], error: null });
    expect((await rowsUnder(`1002/${run}/`)).map((r) => r.name)).toEqual([name]);
  });

  it('needs the apikey like every other route, and is refused with a bad token', async () => {
    const url = `${stack().apiUrl}/storage/v1/object/list/${BUCKET}`;
    const keyless = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(keyless.status).toBe(401);
    expect(await keyless.json()).toEqual({ message: 'No API key found in request' });
    const download = await fetch(`${stack().apiUrl}/storage/v1/object/${BUCKET}/${name}`);
    expect(download.status).toBe(401);

    const forged = await new SignJWT({ sub: USERS.office1.id, role: 'authenticated' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-that-is-at-least-32-characters'));
    const refused = await fetch(url, {
      method: 'POST',
      headers: { apikey: stack().anonKey, authorization: `Bearer ${forged}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ statusCode: '403', error: 'Unauthorized', message: 'signature verification failed', code: 'AccessDenied' });
  });
});

describe('signed URLs', () => {
  const name = `1003/${run}/signed file.pdf`;
  const content = pdf('signed');
  beforeAll(async () => {
    expect((await as('filer1').upload(name, content, { contentType: 'application/pdf' })).error).toBeNull();
  });

  it('open with a plain fetch (no apikey, no session) and carry a JWT of url and exp', async () => {
    const { data, error } = await as('reviewer1').createSignedUrl(name, 60);
    expect(error).toBeNull();
    const signed = new URL(data!.signedUrl);
    expect(signed.origin + signed.pathname).toBe(`${stack().apiUrl}/storage/v1/object/sign/${BUCKET}/${encodeURI(`1003/${run}/signed file.pdf`)}`);
    const claims = decodeJwt(signed.searchParams.get('token')!);
    expect(claims.url).toBe(`${BUCKET}/${name}`);
    expect(claims.exp! - claims.iat!).toBe(60);

    const response = await fetch(data!.signedUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).equals(content)).toBe(true);

    // download=…: served as an attachment under that name.
    const attachment = await as('reviewer1').createSignedUrl(name, 60, { download: '报告.pdf' });
    const asFile = await fetch(attachment.data!.signedUrl);
    expect(asFile.status).toBe(200);
    expect(asFile.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('报告.pdf')}`);
    await asFile.body?.cancel();
  });

  it('signs several at once, leaving out what the caller cannot read', async () => {
    const { data, error } = await as('filer1').createSignedUrls([name, `1005/${run}/c2.pdf`], 60);
    expect(error).toBeNull();
    expect(data![0]).toMatchObject({ path: name, error: null, signedUrl: expect.stringContaining('token=') });
    expect(data![1]).toMatchObject({ path: `1005/${run}/c2.pdf`, signedUrl: null, error: expect.stringMatching(/does not exist|access/) });
  });

  it('stops working after expiry', async () => {
    const { data } = await as('filer1').createSignedUrl(name, 2);
    const opened = await fetch(data!.signedUrl);
    expect(opened.status).toBe(200);
    await opened.body?.cancel();
    const { exp } = decodeJwt(new URL(data!.signedUrl).searchParams.get('token')!);
    await new Promise((r) => setTimeout(r, exp! * 1000 - Date.now() + 50));
    const expired = await fetch(data!.signedUrl);
    expect(expired.status).toBe(400);
    expect(await expired.json()).toEqual({ statusCode: '400', error: 'InvalidJWT', message: '"exp" claim timestamp check failed', code: 'InvalidJWT' });
  });

  it('refuses a forged or borrowed token', async () => {
    const base = `${stack().apiUrl}/storage/v1/object/sign/${BUCKET}/${encodeURI(name)}`;
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>, secret = stack().jwtSecret) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(now).setExpirationTime(now + 60).sign(new TextEncoder().encode(secret));

    const otherSecret = await fetch(`${base}?token=${await sign({ url: `${BUCKET}/${name}` }, 'another-secret-that-is-at-least-32-characters')}`);
    expect(otherSecret.status).toBe(400);
    expect(await otherSecret.json()).toMatchObject({ error: 'InvalidJWT', message: 'signature verification failed' });

    // A genuine token for another object does not open this one.
    const { data } = await as('filer1').createSignedUrl(`1001/${run}/report.pdf`, 60);
    const otherToken = new URL(data!.signedUrl).searchParams.get('token')!;
    const wrongUrl = await fetch(`${base}?token=${otherToken}`);
    expect(wrongUrl.status).toBe(400);
    expect(await wrongUrl.json()).toMatchObject({ error: 'InvalidSignature' });

    // Nor does one whose url was edited after signing.
    const [header, , signature] = otherToken.split('.');
    const edited = Buffer.from(JSON.stringify({ ...decodeJwt(otherToken), url: `${BUCKET}/${name}` })).toString('base64url');
    const tampered = await fetch(`${base}?token=${header}.${edited}.${signature}`);
    expect(tampered.status).toBe(400);
    expect(await tampered.json()).toMatchObject({ error: 'InvalidJWT', message: 'signature verification failed' });

    // Nor a user's access token, nor no token at all.
    const session = (await clients.get('filer1')!.auth.getSession()).data.session!;
    expect((await fetch(`${base}?token=${session.access_token}`)).status).toBe(400);
    expect((await fetch(base)).status).toBe(400);
  });
});

describe('limits of the bucket, checked on the server', () => {
  it('refuses a 25 MB file: 413 EntityTooLarge; nothing is stored', async () => {
    const big = Buffer.alloc(25 * MB, 1);
    for (const [name, body] of [
      [`1001/${run}/big.pdf`, big],
      [`1001/${run}/big-blob.pdf`, new Blob([big], { type: 'application/pdf' })],
    ] as const) {
      const { data, error } = await as('filer1').upload(name, body, { contentType: 'application/pdf' });
      expect(data).toBeNull();
      expectStorageError(error, 413, /^The object exceeded the maximum allowed size$/);
    }
    expect(await rowsUnder(`1001/${run}/big`)).toEqual([]);

    // Exactly the limit is taken.
    const atLimit = await as('filer1').upload(`1001/${run}/limit.pdf`, Buffer.alloc(20 * MB, 2), { contentType: 'application/pdf' });
    expect(atLimit.error).toBeNull();
    expect((await as('filer1').remove([`1001/${run}/limit.pdf`])).data).toHaveLength(1);
  });

  it('refuses a type the bucket does not take: 415, naming the type', async () => {
    const exe = Buffer.from('MZ\x90\x00 not really a program');
    const raw = await as('filer1').upload(`1001/${run}/setup.exe`, exe, { contentType: 'application/x-msdownload' });
    expectStorageError(raw.error, 415, /^mime type application\/x-msdownload is not supported$/);
    const blob = await as('filer1').upload(`1001/${run}/setup2.exe`, new Blob([exe], { type: 'application/x-msdownload' }));
    expectStorageError(blob.error, 415, /application\/x-msdownload/);
    // supabase-js's default type for raw bytes is text/plain: refused too.
    expectStorageError((await as('filer1').upload(`1001/${run}/notes.txt`, Buffer.from('text'))).error, 415, /text\/plain/);
    expect(await rowsUnder(`1001/${run}/setup`)).toEqual([]);

    // The office formats the bucket lists are taken; a raw upload's Content-Type is compared as
    // sent, as storage-api's validateMimeType does, so case and parameters make it another type.
    const docx = await as('filer1').upload(`1001/${run}/form.docx`, Buffer.from('PK docx'), {
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(docx.error).toBeNull();
    const webp = await as('filer1').upload(`1001/${run}/photo.webp`, Buffer.from('RIFF webp'), { contentType: 'image/webp' });
    expect(webp.error).toBeNull();
    const cased = await as('filer1').upload(`1001/${run}/photo2.webp`, Buffer.from('RIFF webp'), { contentType: 'Image/WEBP; q=1' });
    expectStorageError(cased.error, 415, /^mime type Image\/WEBP; q=1 is not supported$/);
    // A Blob's type is the multipart part's, which busboy gives lower-cased and without parameters.
    const lowered = await as('filer1').upload(`1001/${run}/photo3.webp`, new Blob([Buffer.from('RIFF webp')], { type: 'Image/WEBP; q=1' }));
    expect(lowered.error).toBeNull();
  });

  it('answers wildcard types, a bucket limit in KB, and public buckets (a bucket of this test, via service_role)', async () => {
    const bucket = `${run}-public`;
    const db = await superuser();
    try {
      await db.query(
        `insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types) values ($1, $1, true, 1024, '{image/*}')`,
        [bucket],
      );
    } finally {
      await db.end();
    }
    const service = serviceClient().storage.from(bucket);
    expect((await service.upload('a/logo.gif', Buffer.from('GIF89a'), { contentType: 'image/gif' })).error).toBeNull();
    expectStorageError((await service.upload('a/readme.txt', Buffer.from('x'), { contentType: 'text/plain' })).error, 415);
    expectStorageError((await service.upload('a/huge.gif', Buffer.alloc(2048), { contentType: 'image/gif' })).error, 413, /maximum allowed size/);

    // A public bucket's object opens by its public URL, without a key; a private one's does not.
    const publicUrl = service.getPublicUrl('a/logo.gif').data.publicUrl;
    const opened = await fetch(publicUrl);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toBe('GIF89a');
    const notPublic = await fetch(as('filer1').getPublicUrl(`1001/${run}/report.pdf`).data.publicUrl);
    expect(notPublic.status).toBe(400);
    expect(await notPublic.json()).toEqual({ statusCode: '404', error: 'Bucket not found', message: 'Bucket not found', code: 'NoSuchBucket' });
  });
});

describe('names that try to leave their place', () => {
  const headers = () => ({ apikey: stack().serviceRoleKey, 'content-type': 'application/pdf' });

  it("refuses a name outside S3's safe characters, as hosted Storage does: a file name in Chinese is the admin's to encode", async () => {
    const { error } = await as('filer1').upload(`1001/${run}/现场照片.png`, new Blob([png('x')], { type: 'image/png' }));
    expect(error?.message).toBe(`Invalid key: 1001/${run}/现场照片.png`);
  });

  it('refuses .., empty folders, backslashes and control characters: 400 Invalid key', async () => {
    for (const name of ['1001/../../../etc/passwd', '1001/%2e%2e/x.pdf', '..%2F..%2Fpostgresql.conf', `1001//${run}.pdf`, '1001/a%5Cb.pdf', '1001/a%00.pdf']) {
      const upload = await rawRequest('POST', `/storage/v1/object/${BUCKET}/${name}`, headers(), pdf('x'));
      expect(upload.status, name).toBe(400);
      expect(JSON.parse(upload.body), name).toMatchObject({ statusCode: '400', error: 'InvalidKey', message: expect.stringContaining('Invalid key') });
    }
    const download = await rawRequest('GET', `/storage/v1/object/${BUCKET}/1001/../../../../etc/passwd`, { apikey: stack().serviceRoleKey });
    expect(download.status).toBe(400);
    expect(JSON.parse(download.body)).toMatchObject({ statusCode: '400', code: 'InvalidKey' });
    expect(download.body).not.toContain('root:');

    // Through supabase-js: an encoded ../ is decoded by the server and refused.
    const viaClient = await as('filer1').upload('1001/..%2F..%2Fescape.pdf', pdf('x'), { contentType: 'application/pdf' });
    expectStorageError(viaClient.error, 400, /Invalid key/);
    const db = await superuser();
    try {
      const { rows } = await db.query(`select name from storage.objects where name like '%..%' or name like '/%' or name like '%//%'`);
      expect(rows).toEqual([]);
    } finally {
      await db.end();
    }
  });
});

describe('upsert and update', () => {
  const name = `1004/${run}/score-sheet.pdf`;

  it('refuses a second upload of a name, replaces with upsert or update, keeping the id', async () => {
    const first = await as('filer1').upload(name, pdf('v1'), { contentType: 'application/pdf' });
    expect(first.error).toBeNull();
    const again = await as('filer1').upload(name, pdf('v2'), { contentType: 'application/pdf' });
    expectStorageError(again.error, 409, /already exists/);
    expect((await bytesOf((await as('filer1').download(name)).data)).equals(pdf('v1'))).toBe(true);

    const upserted = await as('filer1').upload(name, pdf('version two'), { contentType: 'application/pdf', upsert: true });
    expect(upserted.error).toBeNull();
    expect(upserted.data!.id).toBe(first.data!.id);
    expect((await bytesOf((await as('filer1').download(name)).data)).equals(pdf('version two'))).toBe(true);

    // The reviewer replaces it in turn (update = PUT); the row follows.
    const updated = await as('reviewer1').update(name, new Blob([pdf('reviewed')], { type: 'application/pdf' }));
    expect(updated.error).toBeNull();
    expect((await bytesOf((await as('filer1').download(name)).data)).equals(pdf('reviewed'))).toBe(true);
    const [row] = await rowsUnder(name);
    expect(row.id).toBe(first.data!.id);
    expect(row.owner).toBe(USERS.reviewer1.id);
    expect(row.metadata.size).toBe(pdf('reviewed').length);
    expect(row.updated_at.getTime()).toBeGreaterThan(row.created_at.getTime());
  });

  it('refuses an upsert over another community’s file, which stays as it was', async () => {
    const upsert = await as('filer2').upload(name, pdf('overwritten'), { contentType: 'application/pdf', upsert: true });
    expectStorageError(upsert.error, 403);
    const update = await as('office2').update(name, pdf('overwritten'), { contentType: 'application/pdf' });
    expectStorageError(update.error, 403);
    expect((await bytesOf((await as('filer1').download(name)).data)).equals(pdf('reviewed'))).toBe(true);
  });
});

describe('remove', () => {
  it('removes what the caller may remove, returns those rows, and the file is gone', async () => {
    const name = `1002/${run}/to-remove.pdf`;
    expect((await as('filer1').upload(name, pdf('gone soon'), { contentType: 'application/pdf' })).error).toBeNull();
    const signed = (await as('filer1').createSignedUrl(name, 60)).data!.signedUrl;

    const { data, error } = await as('filer1').remove([name, `1002/${run}/never-there.pdf`]);
    expect(error).toBeNull();
    expect(data).toEqual([expect.objectContaining({ name, bucket_id: BUCKET, id: expect.any(String) })]);
    expect(await rowsUnder(name)).toEqual([]);
    expectStorageError((await as('filer1').download(name)).error, 404);
    const stale = await fetch(signed);
    expect(stale.status).toBe(400);
    expect(await stale.json()).toMatchObject({ statusCode: '404', code: 'NoSuchKey' });
    expect((await as('filer1').list(`1002/${run}`)).data!.map((e) => e.name)).not.toContain('to-remove.pdf');
  });
});

describe('list options', () => {
  const folder = `1003/${run}/list`;
  beforeAll(async () => {
    for (const name of ['b.pdf', 'a.pdf', 'c.png', 'sub/d.pdf']) {
      const type = name.endsWith('.png') ? 'image/png' : 'application/pdf';
      expect((await as('filer1').upload(`${folder}/${name}`, Buffer.from(name), { contentType: type })).error).toBeNull();
    }
  });

  it('sorts, pages and searches as storage-api does: folders first', async () => {
    const names = async (options: Parameters<ReturnType<typeof as>['list']>[1]) =>
      (await as('filer1').list(folder, options)).data!.map((e) => e.name);
    expect(await names(undefined)).toEqual(['sub', 'a.pdf', 'b.pdf', 'c.png']);
    expect(await names({ sortBy: { column: 'name', order: 'desc' } })).toEqual(['sub', 'c.png', 'b.pdf', 'a.pdf']);
    expect(await names({ limit: 2, offset: 1 })).toEqual(['a.pdf', 'b.pdf']);
    expect(await names({ search: 'b' })).toEqual(['b.pdf']);
    expect(await names({ sortBy: { column: 'created_at', order: 'asc' } })).toEqual(['sub', 'b.pdf', 'a.pdf', 'c.png']);
    // % and _ are letters here, not patterns.
    expect(await names({ search: '%' })).toEqual([]);
  });
});

describe('files on disk', () => {
  it('live under <stateDir>/storage/<bucket>/<object id> and survive a restart', async () => {
    const stateDir = mkdtempSync(path.join(os.tmpdir(), 'qt-storage-'));
    chmodSync(stateDir, 0o755); // as root, PostgreSQL runs as another user
    const ports = { apiPort: await freePort(), dbPort: await freePort() };
    const content = pdf('kept on disk');
    const clientOf = (apiUrl: string, key: string) =>
      createClient(apiUrl, key, {
        auth: { persistSession: false, autoRefreshToken: false },
        realtime: { transport: ws as unknown as Transport },
      }).storage.from(BUCKET);
    try {
      let id: string;
      const first = await startStack({ stateDir, ...ports });
      try {
        const uploaded = await clientOf(first.apiUrl, first.serviceRoleKey).upload('1001/kept.pdf', content, { contentType: 'application/pdf' });
        expect(uploaded.error).toBeNull();
        id = uploaded.data!.id;
        const file = path.join(stateDir, 'storage', BUCKET, id);
        expect(existsSync(file)).toBe(true);
        expect(readFileSync(file).equals(content)).toBe(true);
      } finally {
        await first.stop();
      }
      const second = await startStack({ stateDir, ...ports });
      try {
        const { data, error } = await clientOf(second.apiUrl, second.serviceRoleKey).download('1001/kept.pdf');
        expect(error).toBeNull();
        expect((await bytesOf(data)).equals(content)).toBe(true);
        const removed = await clientOf(second.apiUrl, second.serviceRoleKey).remove(['1001/kept.pdf']);
        expect(removed.data).toHaveLength(1);
        expect(existsSync(path.join(stateDir, 'storage', BUCKET, id))).toBe(false);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});

afterAll(async () => {
  // What this file stored, removed as the service role (files too), so reruns on one database stay clean.
  const db = await superuser();
  try {
    const { rows } = await db.query<{ bucket_id: string; name: string }>(
      `select bucket_id, name from storage.objects where name like $1 or bucket_id = $2`,
      [`%/${run}/%`, `${run}-public`],
    );
    const byBucket = new Map<string, string[]>();
    for (const row of rows) byBucket.set(row.bucket_id, [...(byBucket.get(row.bucket_id) ?? []), row.name]);
    for (const [bucket, names] of byBucket) await serviceClient().storage.from(bucket).remove(names);
    await db.query('delete from storage.buckets where id = $1', [`${run}-public`]);
  } finally {
    await db.end();
  }
});
