// `npm run bench:timers`: one run of the deadlines' scheduler over 100,000 instances whose timers
// are due, beside 100,000 whose timers are not. Starts its own stack (temporary folder, free
// ports) with the test-only sample workflow: every instance waits in review.waiting (reminded a
// day before its deadline and at it, the reviewers and the office told, the office escalated to,
// again every day after), entered as a transition enters it, so the database planned its timers.
// Bar: the one run acts on every due timer in ≤ 5 s, and leaves every row of the instances that
// are not due as it was (instances, their timers, log and messages). Exits 1 when missed.
import { performance } from 'node:perf_hooks';
import { pluginMigrations } from '../../workflows/compile.ts';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';
import { benchPlace, benchStack, machine, member, timed } from './support.ts';

const DUE = 100_000;
const NOT_DUE = 100_000;
const BAR_MS = 5_000;

const { stack, db, close } = await benchStack('timers');
// The stack's own minute-by-minute runs would take the due timers first: this run is measured.
await stack.scheduler.stop();
let failed = false;
try {
  for (const sql of pluginMigrations(samplePlugin)) await db.query(sql);
  const { street, community } = await benchPlace(db);
  // Who is told: two reviewers and the office of the street, and a filer of the community.
  await member(stack, db, 'reviewer1@bench.local', [{ unit: street, role: 'reviewer' }]);
  await member(stack, db, 'reviewer2@bench.local', [{ unit: street, role: 'reviewer' }]);
  await member(stack, db, 'office@bench.local', [{ unit: street, role: 'street_office' }]);
  await member(stack, db, 'filer@bench.local', [{ unit: community, role: 'community_filer' }]);

  await timed(`${DUE + NOT_DUE} instances entered into review.waiting (their timers planned)`, async () => {
    await db.query(
      `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form, revision)
       select 'sample', 2, 'review.waiting', $1, $2, $1, '{"title":"压测"}', 1 from generate_series(1, $3)`,
      [community, street, DUE + NOT_DUE],
    );
    await db.query(
      `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_roles, street_id, community_id)
       select id, workflow, version, 'submit', 'draft', state, '{community_filer}', street_id, community_id
       from public.workflow_instances where workflow = 'sample' order by id`,
    );
  });
  const { rows: split } = await db.query<{ first: string; last: string }>(
    `select min(id) as first, max(id) as last from (select id from public.workflow_instances where workflow = 'sample' order by id limit $1) s`, [DUE],
  );
  const { first, last } = split[0]!;
  // The first DUE instances' deadlines passed a minute ago; their reminders went out the day
  // before (done, as a run a day earlier left them).
  await db.query(`update public.workflow_timers set done_at = now() - interval '1 day' where instance_id between $1 and $2 and kind = 'before'`, [first, last]);
  const { rowCount: dueTimers } = await db.query(
    `update public.workflow_timers set due_at = now() - interval '1 minute' where instance_id between $1 and $2 and done_at is null and cancelled_at is null`,
    [first, last],
  );
  await db.query('vacuum analyze public.workflow_timers, public.workflow_instances, public.workflow_events, public.workflow_messages');
  // (the setup's writes flushed now, not by a checkpoint in the middle of the measured run)
  await db.query('checkpoint');

  // The not-due instances as they are: each row, and what hangs off them.
  const fingerprint = () =>
    db.query<{ md5: string }>(
      `select md5(string_agg(x, ',' order by x)) as md5 from (
         select i::text as x from public.workflow_instances i where i.workflow = 'sample' and i.id > $1
         union all select t::text from public.workflow_timers t where t.instance_id > $1
         union all select e::text from public.workflow_events e where e.instance_id > $1
         union all select m::text from public.workflow_messages m where m.instance_id > $1) s`,
      [last],
    ).then((r) => r.rows[0]!.md5);
  const before = await fingerprint();

  const started = performance.now();
  const { rows: ran } = await db.query<{ acted: number }>('select private.run_due_timers() as acted');
  // (the demo data's own due timers, if any, are among those it acted on)
  const ms = performance.now() - started;

  const after = await fingerprint();
  // (each recipient is sent one message listing the instances: a digest, counted here by what it lists)
  const { rows: counts } = await db.query<{ messages: number; told: number; logged: number; pending: number }>(
    `select (select count(*)::int from public.workflow_messages where workflow = 'sample') as messages,
            (select coalesce(sum(coalesce(cardinality(instance_ids), 1)), 0)::int from public.workflow_messages where workflow = 'sample') as told,
            (select count(*)::int from public.workflow_events where workflow = 'sample' and actor_roles = '{system}') as logged,
            (select count(*)::int from public.workflow_timers where done_at is null and cancelled_at is null and due_at <= now()) as pending`,
  );
  const { messages, told, logged, pending } = counts[0]!;
  const { rows: again } = await db.query<{ acted: number }>('select private.run_due_timers() as acted');

  console.log(machine());
  console.log(`${DUE} instances with ${dueTimers} due timers, ${NOT_DUE} instances not due`);
  console.log(`one run acted on ${ran[0]!.acted} timers in ${(ms / 1000).toFixed(2)} s: ${logged} log rows, ${messages} messages telling ${told} instances to their recipients; ${pending} due timers left; a second run acted on ${again[0]!.acted}`);
  const allActed = ran[0]!.acted >= dueTimers! && pending === 0 && again[0]!.acted === 0 && logged === dueTimers && messages === 3 && told === 3 * dueTimers!;
  const { rows: listed } = await db.query<{ n: number }>(
    'select count(*)::int as n from public.workflow_messages m, unnest(m.instance_ids) x where x > $1', [last],
  );
  const untouched = before === after && listed[0]!.n === 0;
  failed = ms > BAR_MS || !allActed || !untouched;
  console.log(`run time bar ≤ ${(BAR_MS / 1000).toFixed(0)} s: ${ms <= BAR_MS ? 'met' : 'MISSED'}; every due timer acted on once: ${allActed ? 'yes' : 'NO'}; instances not due untouched: ${untouched ? 'yes' : 'NO'}`);
} finally {
  await close();
}
process.exit(failed ? 1 : 0);
