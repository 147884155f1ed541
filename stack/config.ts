// Settings of the local stack: the Supabase CLI's local defaults, read from supabase/config.toml
// where the CLI keeps them, so `npm start` and `supabase start` agree.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const supabaseDir = path.join(projectRoot, 'supabase');

// The Supabase CLI's well-known local secret and the keys it signs (public knowledge; never
// use them for a hosted project).
export const LOCAL_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';
export const LOCAL_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
export const LOCAL_SERVICE_ROLE_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImV4cCI6MTk4MzgxMjk5Nn0.EGIM96RAZx35lJzdJsyH-qQwv8Hdp7fsn3W0YpN81IU';
// The CLI's local database password, for every login role of the local database (supabase_admin,
// postgres, authenticator, supabase_auth_admin, supabase_storage_admin), as `supabase start` has it.
export const LOCAL_DB_PASSWORD = 'postgres';

// The roles a hosted project has, as supabase/postgres makes them: supabase_admin is the only
// superuser (initdb's bootstrap user); postgres, the role migrations and the seed run as (and the
// one `supabase db push` logs in as), is NOSUPERUSER with CREATEROLE and BYPASSRLS; auth.* belongs
// to supabase_auth_admin (the auth server logs in as it, as GoTrue does) and storage.* to
// supabase_storage_admin (the storage server's login, as storage-api's).
export const SUPERUSER_ROLE = 'supabase_admin';
export const MIGRATION_ROLE = 'postgres';
export const AUTH_ADMIN_ROLE = 'supabase_auth_admin';
export const STORAGE_ADMIN_ROLE = 'supabase_storage_admin';

/** A URL for one of the local database's login roles. */
export function localRoleUrl(role: string, port: number, password = LOCAL_DB_PASSWORD): string {
  return `postgresql://${role}:${password}@127.0.0.1:${port}/postgres`;
}

export const DEMO_PASSWORD = 'demo123456';
export const DEMO_ACCOUNTS = [
  { email: 'office.s1@demo.local', label: 'street 1 office' },
  { email: 'reviewer.s1@demo.local', label: 'street 1 reviewer' },
  { email: 'filer.c1@demo.local', label: 'community 1 filer' },
  { email: 'filer.c2@demo.local', label: 'community 2 filer' },
  { email: 'office.s2@demo.local', label: 'street 2 office' },
  { email: 'district.d1@demo.local', label: 'district office, reads both streets' },
  { email: 'grid.c1@demo.local', label: 'community 1 grid worker' },
  { email: 'worker.c1@demo.local', label: 'community 1 community worker' },
  { email: 'handler.s1@demo.local', label: 'street 1 department handler' },
] as const;

export interface SupabaseConfig {
  apiPort: number;
  dbPort: number;
  dbMajorVersion: number;
  schemas: string[];
  extraSearchPath: string[];
  maxRows: number;
  siteUrl: string;
  additionalRedirectUrls: string[];
  jwtExpiry: number;
  refreshTokenRotation: boolean;
  refreshTokenReuseInterval: number;
  enableSignup: boolean;
  minimumPasswordLength: number;
  /** [db.seed] sql_paths, relative to supabase/, globs allowed (the CLI's default: ./seed.sql). */
  seedPaths: string[];
}

type Table = Record<string, unknown>;
const table = (value: unknown): Table => (value && typeof value === 'object' ? (value as Table) : {});

export function readSupabaseConfig(file = path.join(supabaseDir, 'config.toml')): SupabaseConfig {
  const toml = parse(readFileSync(file, 'utf8')) as Table;
  const api = table(toml.api);
  const db = table(toml.db);
  const auth = table(toml.auth);
  const email = table(auth.email);
  return {
    apiPort: Number(api.port ?? 54321),
    dbPort: Number(db.port ?? 54322),
    dbMajorVersion: Number(db.major_version ?? 17),
    schemas: (api.schemas as string[] | undefined) ?? ['public'],
    extraSearchPath: (api.extra_search_path as string[] | undefined) ?? ['public', 'extensions'],
    maxRows: Number(api.max_rows ?? 1000),
    siteUrl: String(auth.site_url ?? 'http://127.0.0.1:5173'),
    additionalRedirectUrls: (auth.additional_redirect_urls as string[] | undefined) ?? [],
    jwtExpiry: Number(auth.jwt_expiry ?? 3600),
    refreshTokenRotation: auth.enable_refresh_token_rotation !== false,
    refreshTokenReuseInterval: Number(auth.refresh_token_reuse_interval ?? 10),
    // Both switches must allow it, as in the CLI.
    enableSignup: auth.enable_signup === true && email.enable_signup !== false,
    minimumPasswordLength: Number(auth.minimum_password_length ?? 6),
    seedPaths: table(db.seed).enabled === false ? [] : ((table(db.seed).sql_paths as string[] | undefined) ?? ['./seed.sql']),
  };
}

/**
 * The seed files, in the CLI's order: each path of sql_paths in turn, a pattern's matches
 * sorted, each file once. Patterns may use `*` within a path segment (../workflows/ * /seed.sql,
 * without the spaces); Node 20 has no fs.globSync, and the project needs no more than that.
 */
export function seedFiles(seedPaths: string[], baseDir = supabaseDir): string[] {
  const files: string[] = [];
  for (const pattern of seedPaths) {
    for (const file of expand(path.resolve(baseDir, pattern))) if (!files.includes(file)) files.push(file);
  }
  return files;
}

function expand(pattern: string): string[] {
  const segments = pattern.split(path.sep);
  let found = [segments[0] === '' ? path.sep : segments[0]!];
  for (const segment of segments.slice(1)) {
    if (!segment.includes('*')) {
      found = found.map((dir) => path.join(dir, segment));
      continue;
    }
    const escaped = segment.split('*').map((part) => part.replace(/[.+?^$()|[\]\\{}]/g, '\\$&'));
    const re = new RegExp('^' + escaped.join('[^/]*') + '$');
    found = found.flatMap((dir) => (existsSync(dir) ? readdirSync(dir).filter((name) => re.test(name)).sort().map((name) => path.join(dir, name)) : []));
  }
  return found.filter((file) => existsSync(file) || !pattern.includes('*'));
}
