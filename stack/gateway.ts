// One port that routes like Supabase's API gateway: /rest/v1 to PostgREST, /auth/v1 to the auth
// server, /storage/v1 to the storage server; every request needs a valid apikey (but for opening
// a signed or public storage URL, which carries none), and CORS is answered for the admin's
// origins, by the gateway alone, on every response.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GatewayOptions {
  port: number;
  apiKeys: string[];
  postgrestPort: number;
  allowedOrigins: string[];
  auth: (req: IncomingMessage, res: ServerResponse, pathAndQuery: string) => Promise<void>;
  /** Supabase Storage's API; without it /storage/v1 is not routed. */
  storage?: (req: IncomingMessage, res: ServerResponse, pathAndQuery: string) => Promise<void>;
}

const ALLOWED_HEADERS = [
  'authorization', 'apikey', 'x-client-info', 'content-type', 'accept', 'accept-profile', 'content-profile',
  'prefer', 'range', 'range-unit', 'x-supabase-api-version', 'x-upsert', 'cache-control', 'if-none-match',
].join(', ');
// Storage's two resource trees, /object/… and /bucket…; anything else under /storage/v1 is unrouted.
const STORAGE_ROUTE = /^\/(storage)\/v1(\/(?:object\/|bucket(?:[/?]|$)).*)$/;
// A signed URL (its token is the credential) and a public bucket's URL are opened by a browser
// as they are (an <img>, a link), with no apikey, as on Supabase.
const OPEN_STORAGE_READ = /^\/storage\/v1\/object\/(?:sign|public)\//;

const EXPOSED_HEADERS = ['content-range', 'content-location', 'location', 'x-supabase-api-version', 'x-total-count', 'link', 'preference-applied'].join(', ');

// Headers that describe one hop, not the message (RFC 9110 §7.6.1).
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host']);

/**
 * The path without the apikey query parameter, as Kong's key-auth with hide_credentials (how
 * Supabase configures /rest/v1) passes it on: PostgREST would read it as a column filter. The
 * other parameters are kept byte for byte.
 */
function withoutApikeyParam(pathAndQuery: string): string {
  const start = pathAndQuery.indexOf('?');
  if (start < 0) return pathAndQuery;
  const kept = pathAndQuery
    .slice(start + 1)
    .split('&')
    .filter((part) => {
      try {
        return decodeURIComponent(part.split('=')[0]!.replaceAll('+', ' ')) !== 'apikey';
      } catch {
        return true;
      }
    });
  return kept.length ? `${pathAndQuery.slice(0, start)}?${kept.join('&')}` : pathAndQuery.slice(0, start);
}

/** The Vary header with Origin in it: the CORS headers depend on the request's Origin. */
function varyOnOrigin(vary: number | string | string[] | undefined): string {
  const names = (Array.isArray(vary) ? vary.join(',') : String(vary ?? '')).split(',').map((name) => name.trim()).filter(Boolean);
  return names.some((name) => name === '*' || name.toLowerCase() === 'origin') ? names.join(', ') : [...names, 'Origin'].join(', ');
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

export async function startGateway(options: GatewayOptions): Promise<{ port: number; close(): Promise<void> }> {
  const keys = new Set(options.apiKeys);
  const origins = new Set(options.allowedOrigins);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  /**
   * The one CORS rule: whatever PostgREST or the auth and storage servers said about CORS
   * (PostgREST allows any origin) is dropped, and only an allowed origin gets headers, its own.
   */
  function applyCors(req: IncomingMessage, res: ServerResponse) {
    for (const name of res.getHeaderNames()) if (name.startsWith('access-control-')) res.removeHeader(name);
    res.setHeader('vary', varyOnOrigin(res.getHeader('vary')));
    const origin = req.headers.origin;
    if (!origin || !origins.has(origin)) return;
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    if (req.method === 'OPTIONS') {
      res.setHeader('access-control-allow-methods', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
      res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] ?? ALLOWED_HEADERS);
      res.setHeader('access-control-max-age', '3600');
    }
  }

  const server = http.createServer((req, res) => {
    // Every response's headers go out through writeHead (res.end and res.write call it too), so
    // the rule is applied there, after any handler or the proxy has set its own headers (all of
    // them do it with setHeader).
    const writeHead = res.writeHead as (this: ServerResponse, ...args: unknown[]) => ServerResponse;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      applyCors(req, this);
      return writeHead.apply(this, args);
    } as ServerResponse['writeHead'];

    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
      return;
    }

    const url = req.url ?? '/';
    const route = /^\/(rest|auth)\/v1(\/.*|\?.*|)$/.exec(url) ?? (options.storage ? STORAGE_ROUTE.exec(url) : null);
    if (!route) return json(res, 404, { message: 'no Route matched with those values' });

    // Key check as Kong's key-auth does it: header first, then the query string.
    const query = new URL(url, 'http://gateway.local').searchParams;
    const apikey = (req.headers.apikey as string | undefined) ?? query.get('apikey') ?? undefined;
    const open = route[1] === 'storage' && (req.method === 'GET' || req.method === 'HEAD') && OPEN_STORAGE_READ.test(url);
    if (!apikey && !open) return json(res, 401, { message: 'No API key found in request' });
    if (apikey && !keys.has(apikey)) return json(res, 401, { message: 'Invalid API key' });
    // A request with a key but no user token acts as the key's role.
    if (!req.headers.authorization && apikey) req.headers.authorization = `Bearer ${apikey}`;

    const rest = route[2] || '/';
    const pathAndQuery = rest.startsWith('?') ? `/${rest}` : rest;
    if (route[1] === 'auth' || route[1] === 'storage') {
      const handler = route[1] === 'auth' ? options.auth : options.storage!;
      handler(req, res, pathAndQuery).catch((error: unknown) => {
        if (!res.headersSent) json(res, 500, { message: String(error) });
        else res.destroy();
      });
      return;
    }

    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (!HOP_BY_HOP.has(name) && name !== 'apikey') headers[name] = value;
    }
    // A body goes up only once PostgREST asks for it (100-continue). PostgREST answers some
    // requests (a bad JWT: 401) without reading the body; a body already on its way then reset
    // the connection, the answer was lost and the client got a 502.
    const hasBody = req.headers['content-length'] !== undefined ? req.headers['content-length'] !== '0' : req.headers['transfer-encoding'] !== undefined;
    if (hasBody) headers.expect = '100-continue';
    let sent = !hasBody;
    let answered = false;
    const upstream = http.request(
      { host: '127.0.0.1', port: options.postgrestPort, method: req.method, path: withoutApikeyParam(pathAndQuery), headers, agent },
      (answer) => {
        res.statusCode = answer.statusCode ?? 502;
        for (const [name, value] of Object.entries(answer.headers)) {
          if (!HOP_BY_HOP.has(name) && value !== undefined) res.setHeader(name, value);
        }
        answer.pipe(res);
        // Answered without the body: the connection still owes it, so it carries nothing more.
        if (!sent) {
          answer.once('end', () => {
            answered = true;
            upstream.destroy();
          });
        }
      },
    );
    upstream.on('error', () => {
      if (answered) return;
      if (!res.headersSent) json(res, 502, { message: 'An invalid response was received from the upstream server' });
      else res.destroy();
    });
    if (hasBody) {
      upstream.once('continue', () => {
        sent = true;
        req.pipe(upstream);
      });
    } else req.pipe(upstream);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
