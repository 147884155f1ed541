// The deadlines' scheduler across a crash, on a stack of this test's own (a temporary folder, free
// ports): a timer falls due while PostgreSQL is down (killed with SIGKILL); the next start acts on
// it, once, before it is ready; a further restart and further runs act on nothing again.
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { supabaseDir } from '../../stack/config.ts';
import { startStack, type RunningStack } from '../../stack/index.ts';
import { freePort } from '../../stack/ports.ts';
import { pluginMigrations } from '../../workflows/compile.ts';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';
import { createUser } from '../support/users.ts';

const stateDir = mkdtempSync(path.join(os.tmpdir(), 'qt-scheduler-'));
chmodSync(stateDir, 0o755); // as root, PostgreSQL runs as the "postgres" user
const migrationsDir = mkdtempSync(path.join(os.tmpdir(), 'qt-scheduler-migrations-'));
cpSync(path.join(supabaseDir, 'migrations'), migrationsDir, { recursive: true });
const running: RunningStack[] = [];

afterAll(async () => {
  for (const stack of running) await stack.stop().catch(() => undefined);
  rmSync(stateDir, { recursive: true, force: true });
  rmSync(migrationsDir, { recursive: true, force: true });
});

async function query<R extends pg.QueryResultRow>(dbUrl: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('the scheduler', () => {
  it('acts on a timer that fell due while the database was down, once, on the next start', { timeout: 180_000 }, async () => {
    const ports = { apiPort: await freePort(), dbPort: await freePort() };
    const first = await startStack({ stateDir, migrationsDir, ...ports });
    running.push(first);
    const db = new pg.Client({ connectionString: first.dbUrl });
    await db.connect();
    let instance: number;
    try {
      for (const sql of pluginMigrations(samplePlugin)) await db.query(sql);
      const street = (await db.query<{ id: number }>(`insert into public.units (kind, name) values ('street', '定时街道') returning id::int`)).rows[0]!.id;
      const community = (await db.query<{ id: number }>(`insert into public.units (kind, name, parent_id) values ('community', '定时社区', $1) returning id::int`, [street])).rows[0]!.id;
      const reviewer = await createUser(db, 'reviewer@scheduler.local', 'scheduler-pass-1');
      await db.query(`insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'reviewer')`, [reviewer, street]);
      // A review waiting, entered as a transition enters it: its reminder and deadline planned.
      instance = (await db.query<{ id: number }>(
        `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id)
         values ('sample', 2, 'review.waiting', $1, $2, $1) returning id::int`, [community, street],
      )).rows[0]!.id;
      await db.query(
        `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, street_id, community_id)
         values ($1, 'sample', 2, 'submit', 'draft', 'review.waiting', $2, $3)`, [instance, street, community],
      );
      // Both fall due two seconds from now, after the stack is gone.
      const moved = await db.query(`update public.workflow_timers set due_at = now() + interval '2 seconds' where instance_id = $1 and done_at is null`, [instance]);
      expect(moved.rowCount).toBe(2);
    } finally {
      await db.end();
    }

    const postmaster = Number(readFileSync(path.join(stateDir, 'db', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    await first.stop();
    running.splice(running.indexOf(first), 1);
    await new Promise((r) => setTimeout(r, 3_000));

    const second = await startStack({ stateDir, migrationsDir, ...ports });
    running.push(second);
    const done = () =>
      query<{ kind: string; n: number }>(
        second.dbUrl,
        `select kind, count(*)::int as n from public.workflow_messages where instance_id = $1 group by kind order by kind`, [instance],
      );
    // Acted on when the start returned, before anyone could sign in.
    expect(await done()).toEqual([{ kind: 'deadline_soon', n: 1 }, { kind: 'overdue', n: 1 }]);
    expect(readFileSync(path.join(stateDir, 'logs', 'scheduler.log'), 'utf8')).toMatch(/acted on 2 due timer\(s\)/);

    // Runs again, and a restart, act on nothing of it again.
    await second.scheduler.run();
    await second.scheduler.run();
    await second.stop();
    running.splice(running.indexOf(second), 1);
    const third = await startStack({ stateDir, migrationsDir, ...ports });
    running.push(third);
    const again = await query<{ kind: string; n: number }>(
      third.dbUrl,
      `select kind, count(*)::int as n from public.workflow_messages where instance_id = $1 group by kind order by kind`, [instance],
    );
    expect(again).toEqual([{ kind: 'deadline_soon', n: 1 }, { kind: 'overdue', n: 1 }]);
    const logged = await query<{ event: string }>(third.dbUrl, `select event from public.workflow_events where instance_id = $1 and actor_roles = '{system}' order by id`, [instance]);
    expect(logged.map((r) => r.event).sort()).toEqual(['deadline_soon', 'overdue']);
  });
});
