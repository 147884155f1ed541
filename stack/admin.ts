// The admin as `npm start` serves it: a production build (the dev server took 7.4 s to the first
// screen, transforming hundreds of modules on the first visit), made once per state of the
// sources and kept in node_modules/.cache/quanyu-admin/<hash>/, so a restart serves it at once and
// an edit makes the next start build again. `npm run dev` keeps Vite's dev server (HMR).
//
// The build does not depend on the stack's ports: unless the environment or .env names the API,
// the bundle holds a placeholder that the server swaps for this run's API address, so stacks on
// other ports (the benchmarks') share one build.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from './config.ts';

// QT_ADMIN_CACHE_DIR: another folder (npm run bench:first-screen -- --cold builds into a new one).
export const adminCacheDir = process.env.QT_ADMIN_CACHE_DIR || path.join(projectRoot, 'node_modules', '.cache', 'quanyu-admin');

const URL_PLACEHOLDER = '__QT_SUPABASE_URL__';
const KEY_PLACEHOLDER = '__QT_SUPABASE_ANON_KEY__';
/** Builds kept besides the one in use (another checkout state, say). */
const KEEP_BUILDS = 3;

// What the build reads: the sources and their configuration. SQL and prose are not bundled.
const INPUT_FILES = ['index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json', '.env', '.env.local', '.env.production', '.env.production.local'];
const INPUT_DIRS = ['src', 'workflows', 'public'];
const SKIPPED = /\.(sql|md)$/;

function listFiles(dir: string, into: string[]) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, into);
    else if (entry.isFile() && !SKIPPED.test(entry.name)) into.push(full);
  }
}

/** VITE_* values from the environment and the .env files, as `vite build` would read them. */
async function viteEnv(): Promise<Record<string, string>> {
  const { loadEnv } = await import('vite');
  return loadEnv('production', projectRoot, 'VITE_');
}

/** The hash of everything the build reads: the sources, the lock file, .env and the VITE_ variables. */
export function sourcesHash(env: Record<string, string>): string {
  const hash = createHash('sha256');
  const files = INPUT_FILES.map((f) => path.join(projectRoot, f)).filter((f) => existsSync(f));
  for (const dir of INPUT_DIRS) listFiles(path.join(projectRoot, dir), files);
  for (const file of files) {
    hash.update(path.relative(projectRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  hash.update(JSON.stringify(Object.entries(env).sort()));
  hash.update(`QT_TEST_WORKFLOWS=${process.env.QT_TEST_WORKFLOWS ?? ''}`);
  return hash.digest('hex').slice(0, 16);
}

export interface AdminBuild {
  dir: string;
  /** Seconds spent building, or undefined when the cache had it. */
  builtIn?: number;
  /** The values the bundle holds placeholders for, filled in when served. */
  placeholders: { url: boolean; anonKey: boolean };
}

/**
 * The admin built for these sources: from the cache, or built now (into a temporary folder moved
 * into place whole, so an interrupted build leaves nothing half-made). `log` hears "building the
 * admin…" when it builds.
 */
export async function adminBuild(log: (line: string) => void = console.log): Promise<AdminBuild> {
  const env = await viteEnv();
  const placeholders = { url: !env.VITE_SUPABASE_URL, anonKey: !env.VITE_SUPABASE_ANON_KEY };
  const buildEnv: Record<string, string> = {};
  if (placeholders.url) buildEnv.VITE_SUPABASE_URL = URL_PLACEHOLDER;
  if (placeholders.anonKey) buildEnv.VITE_SUPABASE_ANON_KEY = KEY_PLACEHOLDER;
  const hash = sourcesHash({ ...env, ...buildEnv });
  const dir = path.join(adminCacheDir, hash);
  if (existsSync(path.join(dir, 'index.html'))) return { dir, placeholders };

  log('Building the admin (once for these sources; npm run dev serves it with hot reload instead)…');
  const started = performance.now();
  mkdirSync(adminCacheDir, { recursive: true });
  const building = mkdtempSync(path.join(adminCacheDir, `.building-${hash}-`));
  const saved = Object.fromEntries(Object.keys(buildEnv).map((k) => [k, process.env[k]]));
  Object.assign(process.env, buildEnv);
  try {
    const { build } = await import('vite');
    await build({ root: projectRoot, mode: 'production', logLevel: 'error', build: { outDir: building, emptyOutDir: true, reportCompressedSize: false, manifest: true } });
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  try {
    renameSync(building, dir);
  } catch {
    // Another start built the same sources meanwhile: theirs is as good.
    rmSync(building, { recursive: true, force: true });
  }
  pruneBuilds(hash);
  return { dir, placeholders, builtIn: (performance.now() - started) / 1000 };
}

/** Removes all but the newest builds, and what interrupted builds left. */
function pruneBuilds(current: string) {
  const entries = readdirSync(adminCacheDir).map((name) => ({ name, full: path.join(adminCacheDir, name) }));
  const hour = 60 * 60 * 1000;
  for (const e of entries.filter((e) => e.name.startsWith('.building-'))) {
    if (Date.now() - statSync(e.full).mtimeMs > hour) rmSync(e.full, { recursive: true, force: true });
  }
  const builds = entries
    .filter((e) => !e.name.startsWith('.') && e.name !== current)
    .sort((a, b) => statSync(b.full).mtimeMs - statSync(a.full).mtimeMs);
  for (const e of builds.slice(KEEP_BUILDS)) rmSync(e.full, { recursive: true, force: true });
}

// The screens a visit starts with, lazy in src/App.tsx: the login page is needed at once (fetched
// beside the entry rather than after it has run); the layout and the 工作台 come next (fetched
// while the user signs in, at low priority).
const PRELOAD = ['src/pages/login/index.tsx'];
const PREFETCH = ['src/components/layout.tsx', 'src/pages/dashboard/index.tsx'];

type Manifest = Record<string, { file: string; imports?: string[]; css?: string[] }>;

/** index.html with links for the first screens' chunks (each with what it imports statically). */
function withPreloads(html: string, manifest: Manifest): string {
  const present = new Set([...html.matchAll(/(?:href|src)="\/([^"]+)"/g)].map((m) => m[1]));
  const closure = (keys: string[], into: Set<string>) => {
    for (const key of keys) {
      const entry = manifest[key];
      if (!entry || into.has(entry.file)) continue;
      into.add(entry.file);
      closure(entry.imports ?? [], into);
    }
    return into;
  };
  const now = closure(PRELOAD, new Set());
  const next = [...closure(PREFETCH, new Set())].filter((f) => !now.has(f));
  const links = [
    ...[...now].filter((f) => !present.has(f)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
    ...next.filter((f) => !present.has(f)).map((f) => `<link rel="prefetch" crossorigin href="/${f}">`),
  ];
  return links.length ? html.replace('</head>', `    ${links.join('\n    ')}\n  </head>`) : html;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

interface Served {
  body: Buffer;
  type: string;
  immutable: boolean;
}

/**
 * Serves a build: its files from memory (placeholders replaced), hashed assets cached for good,
 * and index.html for every other address (the admin routes in the browser).
 */
export async function serveAdmin(
  build: AdminBuild,
  api: { url: string; anonKey: string },
  port: number,
  host = '127.0.0.1',
): Promise<{ url: string; close(): Promise<void> }> {
  const replacements: [string, string][] = [];
  if (build.placeholders.url) replacements.push([URL_PLACEHOLDER, api.url]);
  if (build.placeholders.anonKey) replacements.push([KEY_PLACEHOLDER, api.anonKey]);
  const files = new Map<string, Served>();
  const all: string[] = [];
  listFiles(build.dir, all);
  for (const file of all) {
    const ext = path.extname(file);
    let body = readFileSync(file);
    if (replacements.length && /\.(html|m?js|css|json)$/.test(ext)) {
      let text = body.toString('utf8');
      for (const [from, to] of replacements) text = text.replaceAll(from, to);
      body = Buffer.from(text, 'utf8');
    }
    const route = '/' + path.relative(build.dir, file).split(path.sep).join('/');
    files.set(route, { body, type: TYPES[ext] ?? 'application/octet-stream', immutable: route.startsWith('/assets/') });
  }
  const manifestFile = path.join(build.dir, '.vite', 'manifest.json');
  if (existsSync(manifestFile)) {
    const index = files.get('/index.html')!;
    index.body = Buffer.from(withPreloads(index.body.toString('utf8'), JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest), 'utf8');
  }
  files.delete('/.vite/manifest.json');
  const index = files.get('/index.html')!;

  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname = '/';
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://admin').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = files.get(pathname);
    // A missing asset is a 404 (a stale tab asking for an old chunk), not the page.
    if (!file && (pathname.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(pathname))) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const served = file && pathname !== '/index.html' ? file : index;
    res.writeHead(200, {
      'content-type': served.type,
      'content-length': served.body.length,
      'cache-control': served.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : served.body);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => resolve());
  });
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
