// `npm run db:dump` and `npm run db:restore FILE`, run as a user runs them, against the test
// stack's database: the dump holds every row of every table in every schema (auth and storage
// included), and a restore after changes brings back exactly the figures of the dump: each
// table's row count and a checksum of its rows, and every sequence's position. A file that is
// cut short or was taken at other migrations is refused, and changes nothing.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { restoreDatabase } from '../../stack/backup.ts';
import { projectRoot } from '../../stack/config.ts';
import { changedTables, tableFigures } from '../support/figures.ts';
import { signedIn, stack, superuser } from '../support/clients.ts';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), 'qt-backup-'));
const db: pg.Client = await superuser();

afterAll(async () => {
  await db.end();
  rmSync(dir, { recursive: true, force: true });
});

/** npm run NAME -- ARGS in the project, as a user types it; never rejects. */
async function npmRun(name: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', name, '--', '--db-url', stack().dbUrl, ...args], { cwd: projectRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function sequences(): Promise<Record<string, string>> {
  const { rows } = await db.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'S' and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname !~ '^pg_' order by 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of rows) {
    const [s] = (await db.query<{ v: string }>(`select last_value || '/' || is_called as v from ${name}`)).rows;
    out[name] = s!.v;
  }
  return out;
}

describe('npm run db:dump and npm run db:restore FILE', () => {
  const file = path.join(dir, 'whole.dump.gz');
  let atDump: Awaited<ReturnType<typeof tableFigures>>;
  let sequencesAtDump: Record<string, string>;

  it('dump: writes the file and prints its path; every table of every schema is in it', async () => {
    atDump = await tableFigures(db);
    sequencesAtDump = await sequences();
    const dumped = await npmRun('db:dump', file);
    expect(dumped.code, dumped.stderr).toBe(0);
    expect(dumped.stdout.trim().split('\n').at(-1)).toBe(file);
    expect(statSync(file).size).toBeGreaterThan(1000);
    // Nothing wrote meanwhile: these are the figures the restore must bring back.
    expect(await tableFigures(db)).toEqual(atDump);

    // Auth, storage, the app's tables, the migrations' record: all of them, each with its rows.
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0]!) as { tables: { schema: string; table: string }[] };
    const end = JSON.parse(lines.at(-1)!) as { end: true; counts: Record<string, number> };
    const tables = Object.keys(atDump);
    expect(header.tables.map((t) => `${t.schema}.${t.table}`).sort()).toEqual(tables.sort());
    for (const schema of ['auth', 'storage', 'public', 'supabase_migrations']) expect(tables.some((t) => t.startsWith(`${schema}.`)), schema).toBe(true);
    for (const [name, figure] of Object.entries(atDump)) expect(end.counts[name], name).toBe(figure.rows);
    expect(atDump['auth.users']!.rows).toBeGreaterThanOrEqual(5);
    expect(atDump['public.workflow_events']!.rows).toBeGreaterThan(0);
  });

  it('restore: after changes through the API and in SQL, every table and sequence is as it was at the dump', async () => {
    // Changes of every kind: rows added through the API (a unit, a fired event with its log row),
    // rows changed and deleted in SQL, a user renamed, sequences moved on.
    const office = await signedIn('office.s1@demo.local');
    const unit = await office.from('units').insert({ kind: 'compound', name: `备份后新增-${Date.now()}`, parent_id: 101 }).select('id').single();
    expect(unit.error).toBeNull();
    const campaign = (await db.query<{ id: number; revision: number; state: string }>(`select id::int, revision, state from public.workflow_instances where workflow = 'campaign' and street_id = 1`)).rows[0]!;
    const fired = await office.rpc('fire_event', { p_instance_id: campaign.id, p_event: campaign.state === 'plan' ? 'advance' : 'reopen', p_expected_revision: campaign.revision, p_payload: campaign.state === 'plan' ? {} : { comment: '备份测试' } });
    expect(fired.error).toBeNull();
    await db.query(`update auth.users set email = 'renamed@backup.test' where email = 'filer.c2@demo.local'`);
    await db.query(`delete from public.score_entries where id in (select id from public.score_entries order by id limit 5)`);
    await db.query(`update storage.buckets set public = not public`);
    const changed = changedTables(atDump, await tableFigures(db));
    for (const name of ['public.units', 'public.workflow_events', 'public.workflow_instances', 'auth.users', 'public.score_entries', 'storage.buckets']) {
      expect(Object.keys(changed), name).toContain(name);
    }

    const restored = await npmRun('db:restore', file);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^Restored \d+ tables, \d+ rows from /);
    expect(changedTables(atDump, await tableFigures(db))).toEqual({});
    expect(await sequences()).toEqual(sequencesAtDump);

    // The API serves the restored data at once: the unit added after the dump is gone, the
    // renamed account signs in by its old name, and the campaign fires at its old revision.
    expect((await office.from('units').select('id').eq('id', unit.data!.id)).data).toEqual([]);
    const filer = await signedIn('filer.c2@demo.local');
    expect((await filer.from('units').select('id').eq('id', 102)).data).toEqual([{ id: 102 }]);
    const again = await office.rpc('fire_event', { p_instance_id: campaign.id, p_event: campaign.state === 'plan' ? 'advance' : 'reopen', p_expected_revision: campaign.revision, p_payload: campaign.state === 'plan' ? {} : { comment: '备份测试' } });
    expect(again.error).toBeNull();
    // (and back to the dump's figures for the files that run after this one)
    expect((await npmRun('db:restore', file)).code).toBe(0);
    expect(changedTables(atDump, await tableFigures(db))).toEqual({});
  });

  it('refuses a file cut short, or taken at other migrations, and changes nothing', async () => {
    await db.query(`insert into public.units (kind, name, parent_id) values ('compound', $1, 101)`, [`不该被覆盖-${Date.now()}`]);
    const before = await tableFigures(db);

    const whole = gunzipSync(readFileSync(file));
    const cut = path.join(dir, 'cut.dump.gz');
    writeFileSync(cut, gzipSync(whole.subarray(0, Math.floor(whole.length * 0.6))));
    const cutResult = await npmRun('db:restore', cut);
    expect(cutResult.code).toBe(1);
    expect(cutResult.stderr).toMatch(/damaged|cut short/);

    const lines = whole.toString('utf8').split('\n');
    const header = JSON.parse(lines[0]!) as { migrations: string[] };
    header.migrations = [...header.migrations, '29991231000000'];
    const other = path.join(dir, 'other-migrations.dump.gz');
    writeFileSync(other, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
    await expect(restoreDatabase(stack().dbUrl, other)).rejects.toThrow('not applied here: 29991231000000');

    const notADump = path.join(dir, 'not-a-dump.gz');
    writeFileSync(notADump, gzipSync('hello\n'));
    await expect(restoreDatabase(stack().dbUrl, notADump)).rejects.toThrow('is not a dump');

    expect(changedTables(before, await tableFigures(db))).toEqual({});
  });
});
