// The local stand-in for hosted Supabase's pg_cron job (supabase/migrations/
// 20261203120000_deadlines_and_messages.sql): private.run_due_timers() once on start, for what
// fell due while the stack was down, then every minute. The function is safe to run beside
// another run (it skips the timers that one holds) and acts on a timer once, in the transaction
// that marks it done, so a stop at any moment loses nothing and repeats nothing.
import { appendFileSync } from 'node:fs';
import { databaseClient } from './postgres.ts';

export interface Scheduler {
  /** Runs the due timers now (a run already under way is waited for instead); how many it acted on. */
  run(): Promise<number>;
  stop(): Promise<void>;
}

export async function startScheduler(options: { dbUrl: string; logFile: string; everyMs?: number }): Promise<Scheduler> {
  let running: Promise<number> | null = null;
  const log = (line: string) => appendFileSync(options.logFile, `${new Date().toISOString()} ${line}\n`);
  const runOnce = async () => {
    const client = databaseClient(options.dbUrl);
    try {
      await client.connect();
      const { rows } = await client.query<{ acted: number }>('select private.run_due_timers() as acted');
      const acted = rows[0]?.acted ?? 0;
      if (acted) log(`acted on ${acted} due timer(s)`);
      return acted;
    } catch (error) {
      log(`run_due_timers failed: ${(error as Error).message}`);
      return 0;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  const run = () => (running ??= runOnce().finally(() => (running = null)));
  await run();
  const interval = setInterval(() => void run(), options.everyMs ?? 60_000);
  return {
    run,
    stop: async () => {
      clearInterval(interval);
      await running;
    },
  };
}
