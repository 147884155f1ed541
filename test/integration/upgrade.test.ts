// A database made by the landed migrations upgrades in place with its data. The fixture is a copy
// of the demo database as the last landed main made it (commit 0fa3e00: its migrations and seed,
// then `npm run db:dump`): test/fixtures/demo-20261202.dump.gz. It is restored into a stack at
// those migrations, then the stack starts again with today's: every row of every table it had is
// still there, column for column, and the new layout works on the old data.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreDatabase, type DumpHeader } from '../../stack/backup.ts';
import { supabaseDir } from '../../stack/config.ts';
import { startStack, type RunningStack } from '../../stack/index.ts';
import { freePort } from '../../stack/ports.ts';
import { MEMBER_ROLES } from '../../src/access/roles.ts';
import { WORKFLOWS } from '../../workflows/registry.ts';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'demo-20261202.dump.gz');
const header = JSON.parse(gunzipSync(readFileSync(FIXTURE)).toString('utf8').split('\n', 1)[0]!) as DumpHeader;

const stateDir = mkdtempSync(path.join(os.tmpdir(), 'qt-upgrade-'));
chmodSync(stateDir, 0o755);
const oldMigrations = mkdtempSync(path.join(os.tmpdir(), 'qt-upgrade-migrations-'));
afterAll(() => {
  rmSync(stateDir, { recursive: true, force: true });
  rmSync(oldMigrations, { recursive: true, force: true });
});

async function query<R extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query<R>(sql, params)).rows;
  } finally {
    await db.end();
  }
}

// A workflow version's definition, events and transitions: its migration's rows. A new version
// (the campaign's 2, say) adds its own, checked apart; the dump's versions keep theirs.
const VERSIONED = ['public.workflow_definitions', 'public.workflow_event_types', 'public.workflow_transitions'];
const dumpVersions = (url: string) => query<{ workflow: string; version: number }>(url, 'select workflow, version from public.workflow_definitions order by 1, 2');
// Storage buckets likewise: a migration since may add a bucket (a plugin's photos); the dump's keep theirs.
const dumpBuckets = async (url: string) => (await query<{ id: string }>(url, 'select id from storage.buckets order by 1')).map((b) => b.id);

/** Each table's row count and checksum over the columns the dump has (new columns left out). */
async function fingerprint(url: string, versions: { workflow: string; version: number }[], buckets: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const ofVersions = `where (workflow, version) in (${versions.map((v) => `('${v.workflow}', ${v.version})`).join(', ') || "('', 0)"})`;
  const ofBuckets = `where id in (${buckets.map((b) => `'${b}'`).join(', ') || "''"})`;
  // The migration history grows by today's migrations, checked apart.
  for (const t of header.tables.filter((x) => x.name !== 'supabase_migrations.schema_migrations')) {
    const columns = t.columns.map((c) => `"${c.name}"`).join(', ');
    const [row] = await query<{ n: string; md5: string | null }>(
      url,
      `select count(*)::text as n, md5(string_agg(r::text, '|' order by r::text)) as md5 from (select ${columns} from ${t.name} ${VERSIONED.includes(t.name) ? ofVersions : t.name === 'storage.buckets' ? ofBuckets : ''}) r`,
    );
    out[t.name] = `${row!.n} ${row!.md5}`;
  }
  return out;
}

describe('the demo database of the last landed main upgrades in place', () => {
  it('keeps every row, and takes districts, declarations and plugin rows after the upgrade', async () => {
    // The stack at the dump's migrations, files taken from today's folder (landed ones never change).
    mkdirSync(oldMigrations, { recursive: true });
    const names = readdirSync(path.join(supabaseDir, 'migrations')).filter((f) => header.migrations.some((m) => f.startsWith(`${m}_`)));
    expect(names).toHaveLength(header.migrations.length);
    for (const name of names) copyFileSync(path.join(supabaseDir, 'migrations', name), path.join(oldMigrations, name));
    const emptySeed = path.join(oldMigrations, 'seed.none');
    writeFileSync(emptySeed, '');

    const ports = { apiPort: await freePort(), dbPort: await freePort() };
    let before: Record<string, string>;
    let versions: { workflow: string; version: number }[];
    let buckets: string[];
    let stack: RunningStack = await startStack({ stateDir, ...ports, migrationsDir: oldMigrations, seedFile: emptySeed });
    try {
      await restoreDatabase(stack.superuserUrl, FIXTURE);
      versions = await dumpVersions(stack.superuserUrl);
      buckets = await dumpBuckets(stack.superuserUrl);
      before = await fingerprint(stack.superuserUrl, versions, buckets);
    } finally {
      await stack.stop();
    }

    stack = await startStack({ stateDir, ...ports });
    try {
      const applied = stack.migrations.applied;
      expect(applied.length).toBeGreaterThan(0);
      expect(applied.every((f) => !names.includes(f))).toBe(true);
      const history = await query<{ version: string }>(stack.superuserUrl, 'select version from supabase_migrations.schema_migrations order by version');
      expect(history.map((h) => h.version)).toEqual([...header.migrations, ...applied.map((f) => f.slice(0, 14))].sort());
      // No demo data is added to a database that had its own.
      expect(stack.migrations.seeded).toBe(false);
      expect(await fingerprint(stack.superuserUrl, versions, buckets)).toEqual(before);
      // The workflow versions compiled since (each a migration of today's) are there besides.
      const added = (await dumpVersions(stack.superuserUrl)).filter((v) => !versions.some((o) => o.workflow === v.workflow && o.version === v.version));
      expect(added.map((v) => `${v.workflow} v${v.version}`).sort()).toEqual(
        applied.flatMap((f) => /_workflow_([a-z0-9_]+)_v(\d+)\.sql$/.exec(f)?.slice(1, 3).join(' v') ?? []).sort(),
      );

      // The new layout on the old rows: streets stand alone until put under a district, the
      // declarations hold the core's kinds and roles (and those the plugins declare), and a
      // district takes an old street.
      const url = stack.superuserUrl;
      expect(await query(url, "select count(*)::int as n from public.units where kind = 'street' and district_id is not null")).toEqual([{ n: 0 }]);
      const roles = await query<{ role: string }>(url, 'select role from private.member_roles order by role');
      const declared = WORKFLOWS.flatMap((p) => Object.keys(p.declares?.roles ?? {}));
      expect(roles.map((r) => r.role)).toEqual([...MEMBER_ROLES, ...declared].sort());
      const [district] = await query<{ id: string }>(url, "insert into public.units (kind, name) values ('district', '升级区') returning id");
      await query(url, "update public.units set parent_id = $1 where kind = 'street' and name = '青禾街道'", [district!.id]);
      const [street] = await query<{ district_id: string; street_id: string; id: string }>(url, "select id, street_id, district_id from public.units where name = '青禾街道'");
      expect(street).toEqual({ id: street!.street_id, street_id: street!.id, district_id: district!.id });
      // The street's own rows did not move: its communities keep their street.
      const [moved] = await query<{ n: number }>(url, "select count(*)::int as n from public.units where street_id = $1 and kind = 'community'", [street!.id]);
      expect(moved!.n).toBeGreaterThan(0);
    } finally {
      await stack.stop();
    }
  });
});
