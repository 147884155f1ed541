// The gateway as a client meets it over HTTP: Kong's key check, routing, CORS, and a faithful
// proxy to PostgREST (the user's JWT switches the role; bodies and Prefer headers go through).
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, serviceClient, signedIn, stack, superuser } from '../support/clients.ts';

const url = (path: string) => `${stack().apiUrl}${path}`;
const json = (response: Response) => response.json() as Promise<Record<string, unknown>>;

describe('API key', () => {
  for (const path of ['/rest/v1/', '/auth/v1/user']) {
    it(`${path}: no apikey → 401 "No API key found in request"`, async () => {
      const response = await fetch(url(path));
      expect(response.status).toBe(401);
      expect(await json(response)).toEqual({ message: 'No API key found in request' });
    });

    it(`${path}: a wrong apikey → 401 "Invalid API key"`, async () => {
      // A well-formed JWT signed with the right secret is still not one of the project's keys.
      const lookalike = await new SignJWT({ iss: 'supabase-demo', role: 'anon' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(stack().jwtSecret));
      for (const key of ['not-a-key', lookalike]) {
        const response = await fetch(url(path), { headers: { apikey: key } });
        expect(response.status).toBe(401);
        expect(await json(response)).toEqual({ message: 'Invalid API key' });
      }
      // A wrong key in the header is not rescued by a right one elsewhere.
      const response = await fetch(url(`${path}?apikey=${stack().anonKey}`), { headers: { apikey: 'not-a-key' } });
      expect(response.status).toBe(401);
    });
  }

  it('accepts the key as the apikey query parameter, as Kong does', async () => {
    const health = await fetch(url(`/auth/v1/health?apikey=${stack().anonKey}`));
    expect(health.status).toBe(200);
    expect(await json(health)).toMatchObject({ name: 'GoTrue' });

    const root = await fetch(url(`/rest/v1/?apikey=${stack().anonKey}`));
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toMatch(/openapi\+json|application\/json/);
    expect(await json(root)).toHaveProperty('swagger', '2.0');
  });

  it('answers an unknown route with 404, before any key check', async () => {
    for (const path of ['/', '/nope', '/storage/v1/object', '/rest/v2/', '/restv1/']) {
      const response = await fetch(url(path), { headers: { apikey: stack().anonKey } });
      expect(response.status, path).toBe(404);
      expect(await json(response)).toEqual({ message: 'no Route matched with those values' });
    }
    const keyless = await fetch(url('/nope'));
    expect(keyless.status).toBe(404);
  });
});

describe('CORS', () => {
  const requested = 'authorization,apikey,content-type,x-client-info';

  it('answers a preflight from the admin origin', async () => {
    const origin = `http://127.0.0.1:${stack().adminPort}`;
    const response = await fetch(url('/rest/v1/anything'), {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': requested },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
    for (const header of requested.split(',')) expect(allowed).toContain(header);
    const methods = (response.headers.get('access-control-allow-methods') ?? '').split(/\s*,\s*/);
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) expect(methods).toContain(method);
    expect(response.headers.get('vary')).toMatch(/origin/i);
  });

  it('exposes the headers supabase-js reads on a real request from the admin origin', async () => {
    const origin = `http://127.0.0.1:${stack().adminPort}`;
    const response = await fetch(url('/auth/v1/health'), { headers: { origin, apikey: stack().anonKey } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').split(/\s*,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['content-range', 'x-total-count', 'x-supabase-api-version']));
  });

  it('gives a foreign origin no access-control-allow-origin', async () => {
    const origin = 'http://evil.example';
    const preflight = await fetch(url('/rest/v1/anything'), {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': requested },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    const simple = await fetch(url('/auth/v1/health'), { headers: { origin, apikey: stack().anonKey } });
    expect(simple.status).toBe(200);
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  // One rule for every route: what PostgREST or the auth and storage servers would say about
  // CORS never reaches the browser, only the gateway's answer for the request's origin.
  const routes = ['/rest/v1/', '/rest/v1/no_such_table', '/auth/v1/health', '/auth/v1/user', '/storage/v1/bucket'];
  const corsHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
  const vary = (response: Response) => (response.headers.get('vary') ?? '').toLowerCase().split(/\s*,\s*/);

  it.each(routes)('%s: the admin origin gets the gateway\'s CORS headers, and only those', async (path) => {
    const origin = `http://127.0.0.1:${stack().adminPort}`;
    const response = await fetch(url(path), { headers: { origin, apikey: stack().anonKey } });
    await response.body?.cancel();
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').split(/\s*,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['content-range', 'x-total-count', 'x-supabase-api-version']));
    expect(corsHeaders(response).sort()).toEqual(
      ['access-control-allow-credentials', 'access-control-allow-origin', 'access-control-expose-headers'],
    );
    expect(vary(response)).toContain('origin');
  });

  it.each(routes)('%s: a foreign origin, or none, gets no CORS header at all', async (path) => {
    for (const headers of [{ origin: 'http://evil.example' }, {}] as Record<string, string>[]) {
      const response = await fetch(url(path), { headers: { ...headers, apikey: stack().anonKey } });
      await response.body?.cancel();
      expect(corsHeaders(response), JSON.stringify(headers)).toEqual([]);
      expect(vary(response)).toContain('origin');
    }
  });
});

describe('proxying to PostgREST', () => {
  const table = `gw_probe_${randomBytes(4).toString('hex')}`;

  // As postgres, as a migration makes a table: its default privileges (the baseline's revokes)
  // apply, not the superuser's (supabase_admin's, which grant the API roles everything, as hosted).
  async function sql(text: string): Promise<void> {
    const db = new pg.Client({ connectionString: stack().dbUrl });
    await db.connect();
    try {
      await db.query(text);
    } finally {
      await db.end();
    }
  }

  /** Waits until PostgREST's schema cache has (or has no longer) the table. */
  async function waitForSchema(present: boolean) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const response = await fetch(url(`/rest/v1/${table}?select=id&limit=1`), {
        headers: { apikey: stack().serviceRoleKey },
      });
      await response.body?.cancel();
      if ((response.status === 200) === present) return;
      if (Date.now() > deadline) throw new Error(`PostgREST did not ${present ? 'load' : 'drop'} ${table} within 10 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    await sql(`
      create table public.${table} (
        id uuid primary key default gen_random_uuid(),
        note text not null,
        created_by uuid default auth.uid()
      );
      alter table public.${table} enable row level security;
      create policy "signed-in users read" on public.${table} for select to authenticated using (true);
      create policy "signed-in users add their own" on public.${table} for insert to authenticated
        with check (created_by = auth.uid());
      grant select, insert on public.${table} to authenticated;
      insert into public.${table} (note) values ('seeded one'), ('seeded two');
      notify pgrst, 'reload schema';
    `);
    await waitForSchema(true);
  });

  afterAll(async () => {
    await sql(`drop table if exists public.${table}; notify pgrst, 'reload schema';`);
    await waitForSchema(false);
  });

  it('runs an anon-key request as anon: permission denied (42501)', async () => {
    const response = await fetch(url(`/rest/v1/${table}?select=*`), { headers: { apikey: stack().anonKey } });
    expect(response.status).toBe(401);
    expect(await json(response)).toMatchObject({ code: '42501' });

    const { data, error } = await anonClient().from(table).select('*');
    expect(error?.code).toBe('42501');
    expect(data).toBeNull();
  });

  it("runs a signed-in user's request as authenticated: the rows", async () => {
    const client = await signedIn('filer.c1@demo.local');
    const { data, error } = await client.from(table).select('note').order('note');
    expect(error).toBeNull();
    expect(data).toEqual([{ note: 'seeded one' }, { note: 'seeded two' }]);

    // The same with raw fetch: the Authorization header is what switches the role.
    const token = (await client.auth.getSession()).data.session!.access_token;
    const response = await fetch(url(`/rest/v1/${table}?select=note&order=note`), {
      headers: { apikey: stack().anonKey, authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([{ note: 'seeded one' }, { note: 'seeded two' }]);
  });

  it('takes the apikey query parameter off before PostgREST, keeping the other parameters', async () => {
    // Kong's hide_credentials: PostgREST would otherwise read apikey as a column filter (400).
    const all = await fetch(url(`/rest/v1/${table}?select=note&apikey=${stack().serviceRoleKey}&order=note`));
    expect(all.status).toBe(200);
    expect(await all.json()).toEqual([{ note: 'seeded one' }, { note: 'seeded two' }]);

    const filtered = await fetch(url(`/rest/v1/${table}?apikey=${stack().serviceRoleKey}&select=note&note=eq.seeded%20two`));
    expect(filtered.status).toBe(200);
    expect(await filtered.json()).toEqual([{ note: 'seeded two' }]);
  });

  it('lets service_role bypass row-level security', async () => {
    const { data, error } = await serviceClient().from(table).select('note').order('note');
    expect(error).toBeNull();
    expect(data).toHaveLength(2);
  });

  it('refuses an expired user JWT: 401 PGRST301', async () => {
    const client = await signedIn('filer.c1@demo.local');
    const { data } = await client.auth.getUser();
    const expired = await new SignJWT({ sub: data.user!.id, role: 'authenticated', aud: 'authenticated' })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(new TextEncoder().encode(stack().jwtSecret));
    const response = await fetch(url(`/rest/v1/${table}?select=*`), {
      headers: { apikey: stack().anonKey, authorization: `Bearer ${expired}` },
    });
    expect(response.status).toBe(401);
    const body = await json(response);
    expect(body.code).toBe('PGRST301');
    expect(String(body.message)).toMatch(/expired/i);
  });

  it('forwards request bodies and the Prefer header: an insert with return=representation', async () => {
    const client = await signedIn('filer.c2@demo.local');
    const userId = (await client.auth.getUser()).data.user!.id;
    const note = `inserted through the gateway ${'长'.repeat(20_000)}`; // a body of ~60 kB, in several chunks

    const { data, error, status } = await client.from(table).insert({ note }).select('id, note, created_by').single();
    expect(error).toBeNull();
    expect(status).toBe(201);
    expect(data!.note).toBe(note);
    expect(data!.created_by).toBe(userId);
    expect(data!.id).toMatch(/^[0-9a-f-]{36}$/);

    // Prefer: count=exact comes back as Content-Range.
    const counted = await client.from(table).select('id', { count: 'exact', head: true });
    expect(counted.error).toBeNull();
    expect(counted.count).toBe(3);

    // Without return=representation PostgREST answers 201 with no body.
    const token = (await client.auth.getSession()).data.session!.access_token;
    const minimal = await fetch(url(`/rest/v1/${table}`), {
      method: 'POST',
      headers: {
        apikey: stack().anonKey,
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        prefer: 'return=minimal',
      },
      body: JSON.stringify({ note: 'minimal' }),
    });
    expect(minimal.status).toBe(201);
    expect(await minimal.text()).toBe('');

    // And the policy still holds: a row claiming another author is refused.
    const forged = await client.from(table).insert({ note: 'forged', created_by: '00000000-0000-4000-a000-000000000101' });
    expect(forged.error?.code).toBe('42501');

    const db = await superuser();
    try {
      const { rows } = await db.query(`select note, created_by from public.${table} where created_by = $1 order by note`, [userId]);
      expect(rows.map((r) => r.note)).toEqual([note, 'minimal'].sort());
    } finally {
      await db.end();
    }
  });
});
