// Deadlines, their timers and messages, and 催办, against the real database as each role. For
// every plugin (the test-only sample and every registered workflow), version and declared
// deadline: an instance enters the state; its timers must be planned as the declaration says;
// made due, one run of the scheduler must remind exactly the roles the deadline reminds, tell the
// escalation roles, fire its event (or leave the instance where a guard refuses it), log what the
// system did, and a second run must do nothing again.
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { MemberRole } from '../../src/access/roles.ts';
import { compileVersion, type CompiledDeadline } from '../../src/workflow/compile.ts';
import { failedGuard, stateAncestors } from '../../src/workflow/machine.ts';
import type { WorkflowPlugin } from '../../src/workflow/types.ts';
import { WORKFLOWS } from '../../workflows/registry.ts';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';
import { anonClient, createUser, signedIn, superuser } from '../support/clients.ts';
import { ALL_ROLES, heldUnit, subjectIn } from '../support/declarations.ts';

const PASSWORD = 'deadline-pass-123';
const run = `${process.pid}${Date.now().toString(36)}`;
const PLUGINS: WorkflowPlugin[] = [samplePlugin, ...WORKFLOWS];
const db: pg.Client = await superuser();
const query = async <T,>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];
const add = async (kind: string, name: string, parent: number | null) =>
  (await query<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [kind, `${name}-${run}`, parent]))[0]!.id;

// One street per plugin (its first example world set up there: the campaign the facts read),
// with a community and a second one; one user per role, street-wide roles on the street, the
// filer on the first community; a filer of the second community sees nothing of the first's.
interface Place { street: number; c1: number; c2: number; row?: Record<string, unknown> }
const district = await add('district', '期限区', null);
const as: Record<MemberRole, SupabaseClient> = {} as never;
const userOf: Record<MemberRole, string> = {} as never;
for (const role of ALL_ROLES) {
  const email = `${role}.${run}@deadline.local`;
  userOf[role] = await createUser(db, email, PASSWORD, role);
  as[role] = await signedIn(email, PASSWORD);
}
const filerC2Id = await createUser(db, `filer2.${run}@deadline.local`, PASSWORD, 'filer c2');
const filerC2 = await signedIn(`filer2.${run}@deadline.local`, PASSWORD);
const places = new Map<string, Place>();
for (const plugin of PLUGINS) {
  const street = await add('street', `期限街道-${plugin.name}`, district);
  const place = { street, c1: await add('community', `期限一社区-${plugin.name}`, street), c2: await add('community', `期限二社区-${plugin.name}`, street) };
  await db.query(`insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'community_filer')`, [filerC2Id, place.c2]);
  const world = plugin.examples.worlds?.[0];
  const row = world ? await world.setup(async (sql, params = []) => (await db.query(sql, params)).rows, { street, community: place.c1 }) : {};
  // Each role where the tests hold it (a plugin's own in the units its world made).
  for (const role of ALL_ROLES) {
    const held = heldUnit(role, { district, street, community: place.c1, row });
    if (held !== null) await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3) on conflict do nothing', [userOf[role], held, role]);
  }
  places.set(plugin.name, { ...place, row });
}

afterAll(async () => {
  await db?.end();
});

const SPAN_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
const spanMs = (span: string) => {
  const [n, unit] = span.split(' ') as [string, keyof typeof SPAN_MS];
  return Number(n) * SPAN_MS[unit];
};
const facts = async (id: number) => (await query<{ facts: Record<string, unknown> }>('select private.wf_facts(i) as facts from public.workflow_instances i where i.id = $1', [id]))[0]!.facts;
const at = (value: unknown, path: string[]) => path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);

/** An instance standing in the state, entered now as a transition's log row enters it. */
async function enter(plugin: WorkflowPlugin, version: number, state: string, form: Record<string, unknown>) {
  const place = places.get(plugin.name)!;
  const subject = subjectIn(plugin, { district, street: place.street, community: place.c1, row: place.row });
  const [row] = await query<{ id: number }>(
    `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form)
     select $1, $2, $3, u.id, u.street_id, u.community_id, $4 from public.units u where u.id = $5 returning id::int`,
    [plugin.name, version, state, form, subject],
  );
  const [event] = await query<{ id: number; created_at: string }>(
    `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_roles, street_id, community_id)
     select i.id, i.workflow, i.version, 'enter', 'elsewhere', i.state, '{}', i.street_id, i.community_id from public.workflow_instances i where i.id = $1
     returning id::int, created_at::text`,
    [row!.id],
  );
  return { id: row!.id, enteredAt: new Date(event!.created_at).getTime() };
}

const timersOf = (id: number) =>
  query<{ id: number; kind: string; deadline_at: Date; due_at: Date; done: boolean; cancelled: boolean }>(
    'select id::int, kind, deadline_at, due_at, done_at is not null as done, cancelled_at is not null as cancelled from public.workflow_timers where instance_id = $1 order by id',
    [id],
  );
const runTimers = async () => (await query<{ acted: number }>('select private.run_due_timers() as acted'))[0]!.acted;
/** What each client reads of its own messages about the instance (alone, or in a list of those
 * due together): their kinds, sorted. */
async function kindsRead(client: SupabaseClient, id: number): Promise<string[]> {
  const { data, error } = await client.from('workflow_messages').select('kind').or(`instance_id.eq.${id},instance_ids.cs.{${id}}`);
  if (error) throw new Error(error.message);
  return data.map((m) => m.kind).sort();
}
const systemRows = (id: number) =>
  query<{ event: string; n: number }>(
    `select event, count(*)::int as n from public.workflow_events where instance_id = $1 and actor_id is null and actor_roles = '{system}' group by event order by event`,
    [id],
  );

const DECLARED = PLUGINS.flatMap((plugin) =>
  plugin.versions.flatMap((version) => {
    const compiled = compileVersion(plugin, version);
    return compiled.deadlines.map((deadline) => ({ plugin, version, compiled, deadline }));
  }),
);

describe('every declared deadline, as the database keeps it', () => {
  it('is declared somewhere: the sample has every kind, the application its filing window and reviews', () => {
    const kinds = new Set(DECLARED.flatMap(({ deadline: d }) => [d.dueAfter && 'after', d.dueFact && 'fact', d.remindBefore && 'before', d.repeatEvery && 'repeat', d.escalateTo.length && 'escalate', d.fire && 'fire'].filter(Boolean)));
    expect([...kinds].sort()).toEqual(['after', 'before', 'escalate', 'fact', 'fire', 'repeat']);
  });

  for (const { plugin, version, compiled, deadline } of DECLARED) {
    it(`${plugin.name} v${version.version} ${deadline.state}: planned on entry, acted on once when due, for the roles it names`, async () => {
      const form = {};
      const { id, enteredAt } = await enter(plugin, version.version, deadline.state, form);

      // Planned: the deadline where the declaration puts it, and the reminder before it.
      let expected: number | null;
      if (deadline.dueAfter) expected = enteredAt + spanMs(deadline.dueAfter);
      else {
        const day = at(await facts(id), deadline.dueFact!);
        // A date is the last day; a whole number, so many days after the day it was entered (China time).
        const chinaDay = (ms: number) => new Date(ms + 8 * SPAN_MS.hours).toISOString().slice(0, 10);
        const lastDay = typeof day === 'number' ? chinaDay(Date.parse(`${chinaDay(enteredAt)}T00:00:00Z`) + day * SPAN_MS.days) : day;
        expected = typeof lastDay === 'string' ? new Date(`${lastDay}T00:00:00+08:00`).getTime() + SPAN_MS.days : null;
      }
      const planned = await timersOf(id);
      if (expected === null) {
        expect(planned, 'no fact, no deadline').toEqual([]);
        return;
      }
      const due = planned.find((t) => t.kind === 'due');
      expect(due?.deadline_at.getTime()).toBe(expected);
      const before = deadline.remindBefore && expected - spanMs(deadline.remindBefore) > enteredAt ? expected - spanMs(deadline.remindBefore) : null;
      expect(planned.find((t) => t.kind === 'before')?.due_at.getTime() ?? null).toBe(before);
      expect(planned).toHaveLength(before === null ? 1 : 2);

      // Due: both timers made due (a timer is when it acts; the deadline stays), one run acts.
      await db.query(`update public.workflow_timers set due_at = now() - interval '1 minute' where instance_id = $1`, [id]);
      if (deadline.dueFact) {
        // The facts' deadline is asked again before acting; it has not moved, so the run acts.
        expect((await timersOf(id)).every((t) => t.deadline_at.getTime() === expected)).toBe(true);
      }
      // (The stack's every-minute scheduler may be the run that acts: what this instance's timers
      // became is the test, not how many this call counted.)
      await runTimers();
      const acted = await timersOf(id);
      expect(planned.map((p) => acted.find((t) => t.id === p.id)).every((t) => t && (t.done || t.kind === 'repeat'))).toBe(true);

      const expectKinds = (role: MemberRole) => {
        const kinds: string[] = [];
        if (deadline.remind.includes(role)) {
          kinds.push('overdue');
          if (before !== null) kinds.push('deadline_soon');
        } else if (deadline.escalateTo.includes(role)) kinds.push('escalated');
        return kinds.sort();
      };
      for (const role of ALL_ROLES) {
        // The district office holds no role in the street (it reads; it is not reminded).
        expect(await kindsRead(as[role], id), `${role} reads`).toEqual(role === 'district_office' ? [] : expectKinds(role));
      }
      expect(await kindsRead(filerC2, id), 'the other community reads nothing').toEqual([]);
      // The event it fires: taken when the system's payload ({}) and the guards allow it.
      const ancestors = stateAncestors(deadline.state);
      const taken = deadline.fire && version.events[deadline.fire]!.payload.safeParse({}).success
        ? compiled.transitions
            .filter((t) => t.event === deadline.fire && ancestors.includes(t.from))
            .sort((a, b) => b.depth - a.depth || a.priority - b.priority)
            .find((t) => failedGuard(t.guard, { form, payload: {}, roles: ['system' as MemberRole], facts: {} }, plugin.guards) === null)
        : undefined;
      expect(await systemRows(id)).toEqual(
        [{ event: 'overdue', n: 1 }, ...(before !== null ? [{ event: 'deadline_soon', n: 1 }] : []), ...(taken ? [{ event: taken.event, n: 1 }] : [])]
          .sort((a, b) => a.event.localeCompare(b.event)),
      );
      const [after] = await query<{ state: string }>('select state from public.workflow_instances where id = $1', [id]);
      if (deadline.fire) {
        expect(after!.state).toBe(taken?.to ?? deadline.state);
        if (taken) {
          const [fired] = await query<{ actor_id: string | null; actor_roles: string[] }>(
            'select actor_id, actor_roles from public.workflow_events where instance_id = $1 and event = $2', [id, deadline.fire],
          );
          expect(fired).toEqual({ actor_id: null, actor_roles: ['system'] });
        }
      } else expect(after!.state).toBe(deadline.state);

      // Never twice: a second run finds nothing of this instance to do.
      const aboutIt = 'select count(*)::int as n from public.workflow_messages where $1 = any (coalesce(instance_ids, array[instance_id]))';
      const messages = (await query<{ n: number }>(aboutIt, [id]))[0]!.n;
      await runTimers();
      expect((await query<{ n: number }>(aboutIt, [id]))[0]!.n).toBe(messages);
      expect((await systemRows(id)).filter((r) => r.event === 'overdue')).toEqual([{ event: 'overdue', n: 1 }]);

      // Overdue again, every repeatEvery, at a time still to come.
      const pending = (await timersOf(id)).filter((t) => !t.done && !t.cancelled);
      if (deadline.repeatEvery && !deadline.fire) {
        expect(pending.map((t) => t.kind)).toEqual(['repeat']);
        expect(pending[0]!.due_at.getTime()).toBeGreaterThan(Date.now());
        expect(pending[0]!.due_at.getTime()).toBeLessThanOrEqual(Date.now() + spanMs(deadline.repeatEvery));
      } else if (after!.state === deadline.state) expect(pending).toEqual([]);
    });
  }
});

const sampleV2 = samplePlugin.versions.find((v) => v.version === 2)!;
const waiting = compileVersion(samplePlugin, sampleV2).deadlines.find((d) => d.state === 'review.waiting') as CompiledDeadline;

describe('timers follow the state', () => {
  it('leaving the state cancels what it had planned; the next state plans its own', async () => {
    const { id } = await enter(samplePlugin, 2, 'review.waiting', { title: '期限', items: ['一'] });
    const { data: instance } = await as.reviewer.from('workflow_instances').select('revision').eq('id', id).single();
    const { error } = await as.reviewer.rpc('fire_event', { p_instance_id: id, p_event: 'open', p_expected_revision: instance!.revision, p_payload: {} });
    expect(error).toBeNull();
    const timers = await timersOf(id);
    expect(timers.filter((t) => !t.cancelled).map((t) => t.kind)).toEqual(['due']);
    expect(timers.filter((t) => t.cancelled).map((t) => t.kind).sort()).toEqual(['before', 'due']);
  });

  it('a 催办 or a reminder in the log does not restart the deadline', async () => {
    const { id } = await enter(samplePlugin, 2, 'review.waiting', { title: '期限', items: ['一'] });
    const before = await timersOf(id);
    expect((await as.street_office.rpc('urge_workflow', { p_instance_id: id })).error).toBeNull();
    expect(await timersOf(id)).toEqual(before);
  });
});

describe('two scheduler runs at once', () => {
  it('act on each due timer once: the second, beside the first still open, leaves the first one\'s timers', async () => {
    const ids: number[] = [];
    for (let n = 0; n < 3; n++) ids.push((await enter(samplePlugin, 2, 'review.waiting', { title: `并发${n}`, items: ['一'] })).id);
    await db.query(`update public.workflow_timers set due_at = now() - interval '1 minute' where instance_id = any ($1) and done_at is null and cancelled_at is null`, [ids]);
    const first = await superuser();
    const second = await superuser();
    try {
      await first.query('begin');
      const acted = (await first.query<{ acted: number }>('select private.run_due_timers() as acted')).rows[0]!.acted;
      expect(acted).toBeGreaterThanOrEqual(2 * ids.length);
      // The second run meets the first's timers while it is still open (it skips them).
      const waiting = second.query<{ acted: number }>('select private.run_due_timers() as acted');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await first.query('commit');
      expect((await waiting).rows[0]!.acted).toBe(0);
    } finally {
      await first.end();
      await second.end();
    }
    for (const id of ids) expect(await systemRows(id)).toEqual([{ event: 'deadline_soon', n: 1 }, { event: 'overdue', n: 1 }]);
  });
});

describe('a deadline from the facts moves with them', () => {
  it('the filing window extended: the application reminds on the new last day, not the old', async () => {
    const application = WORKFLOWS.find((p) => p.name === 'application');
    const v2 = application?.versions.find((v) => v.version === 2);
    expect(v2?.deadlines?.draft).toBeTruthy();
    const { id } = await enter(application!, 2, 'draft', {});
    const [planned] = await timersOf(id);
    expect(planned).toBeTruthy();
    const place = places.get('application')!;
    await db.query(`update public.campaigns set filing_closes_on = filing_closes_on + 10 where street_id = $1`, [place.street]);
    await db.query(`update public.workflow_timers set due_at = now() - interval '1 minute' where instance_id = $1`, [id]);
    await runTimers();
    expect(await kindsRead(as.community_filer, id)).toEqual([]);
    const live = (await timersOf(id)).filter((t) => !t.done && !t.cancelled);
    expect(live.find((t) => t.kind === 'due')?.deadline_at.getTime()).toBe(planned!.deadline_at.getTime() + 10 * SPAN_MS.days);
  });
});

describe('催办', () => {
  const urge = (client: SupabaseClient, id: number, comment?: string) => client.rpc('urge_workflow', { p_instance_id: id, p_comment: comment });

  it('by someone upstream reminds those the step reminds, is logged, and waits its interval', async () => {
    const { id } = await enter(samplePlugin, 2, 'review.waiting', { title: '催办', items: ['一'] });
    // The filer acted on it before (a note of theirs in the log).
    await db.query(
      `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_id, actor_roles, street_id, community_id)
       select i.id, i.workflow, i.version, 'note', i.state, i.state, $2, '{community_filer}', i.street_id, i.community_id from public.workflow_instances i where i.id = $1`,
      [id, userOf.community_filer],
    );
    const first = await urge(as.community_filer, id, '请尽快审核');
    expect(first.error).toBeNull();
    const told: MemberRole[] = waiting.remind.filter((r) => r !== 'community_filer');
    expect(first.data).toBe(told.length);
    for (const role of ALL_ROLES) {
      const { data } = await as[role].from('workflow_messages').select('kind, comment, sender_id').eq('instance_id', id);
      expect(data, role).toEqual(told.includes(role) ? [{ kind: 'urged', comment: '请尽快审核', sender_id: userOf.community_filer }] : []);
    }
    const [logged] = await query<{ comment: string; actor_id: string }>(`select comment, actor_id from public.workflow_events where instance_id = $1 and event = 'urge'`, [id]);
    expect(logged).toEqual({ comment: '请尽快审核', actor_id: userOf.community_filer });

    const again = await urge(as.street_office, id);
    expect(again.error?.code).toBe('WF013');
    expect(JSON.parse(again.error!.details!)).toMatchObject({ event: 'urge' });
    // The interval passed (an hour, the sample's urgeEvery): it may again.
    await db.query(`update public.workflow_messages set created_at = created_at - interval '2 hours' where instance_id = $1`, [id]);
    await db.query(`alter table public.workflow_events disable trigger workflow_events_append_only`);
    try {
      await db.query(`update public.workflow_events set created_at = created_at - interval '2 hours' where instance_id = $1 and event = 'urge'`, [id]);
    } finally {
      await db.query(`alter table public.workflow_events enable trigger workflow_events_append_only`);
    }
    expect((await urge(as.street_office, id)).error).toBeNull();
  });

  it('is refused, changing nothing, to whoever is not upstream, cannot see it, or writes too much', async () => {
    const { id } = await enter(samplePlugin, 2, 'review.waiting', { title: '催办', items: ['一'] });
    const count = async () => (await query<{ n: number }>('select count(*)::int as n from public.workflow_messages where instance_id = $1', [id]))[0]!.n;
    // The filer has not acted on this one: the community's own role is not upstream of it.
    expect((await urge(as.community_filer, id)).error?.code).toBe('WF003');
    expect((await urge(filerC2, id)).error?.code).toBe('WF007');
    expect((await urge(as.street_office, id, '长'.repeat(201))).error?.code).toBe('WF006');
    expect((await anonClient().rpc('urge_workflow', { p_instance_id: id })).error).not.toBeNull();
    expect(await count()).toBe(0);
  });

  it('is refused on a closed instance', async () => {
    const { id } = await enter(samplePlugin, 2, 'passed', {});
    await db.query('update public.workflow_instances set done = true where id = $1', [id]);
    expect((await urge(as.street_office, id)).error?.code).toBe('WF002');
  });
});

describe('messages are their recipient’s only', () => {
  it('name an instance that exists: a statement with one that does not writes none of its rows', async () => {
    const { id } = await enter(samplePlugin, 2, 'review.waiting', { title: '消息', items: ['一'] });
    const [event] = await query<{ id: number }>('select max(id)::int as id from public.workflow_events where instance_id = $1', [id]);
    const [missing] = await query<{ id: number }>('select max(id)::int + 1000 as id from public.workflow_instances');
    await expect(
      db.query(`insert into public.workflow_messages (recipient_id, kind, instance_id, event_id, state) values ($1, 'urged', $2, $4, 'review.waiting'), ($1, 'urged', $3, $4, 'review.waiting')`, [userOf.reviewer, id, missing!.id, event!.id]),
    ).rejects.toMatchObject({ code: '23503' });
    expect(await kindsRead(as.reviewer, id)).toEqual([]);
  });

  it('read and unread by the recipient; no one else reads, marks or rewrites them', async () => {
    const { id } = await enter(samplePlugin, 2, 'review.waiting', { title: '消息', items: ['一'] });
    expect((await as.street_office.rpc('urge_workflow', { p_instance_id: id })).error).toBeNull();
    const { data: mine } = await as.reviewer.from('workflow_messages').select('id, recipient_id, read_at').eq('instance_id', id);
    expect(mine).toHaveLength(1);
    const message = mine![0]!;
    expect(message).toMatchObject({ recipient_id: userOf.reviewer, read_at: null });

    // Another street-wide role, who sees the instance, reads nothing of it and marks nothing.
    expect((await as.viewer.from('workflow_messages').select('id').eq('id', message.id)).data).toEqual([]);
    const foreign = await as.viewer.from('workflow_messages').update({ read_at: new Date().toISOString() }).eq('id', message.id).select('id');
    expect(foreign.data ?? []).toEqual([]);
    // The recipient marks it read, and unread again; nothing else of it is theirs to write.
    expect((await as.reviewer.from('workflow_messages').update({ read_at: new Date().toISOString() }).eq('id', message.id).select('id')).data).toHaveLength(1);
    expect((await as.reviewer.from('workflow_messages').update({ read_at: null }).eq('id', message.id).select('id')).data).toHaveLength(1);
    for (const column of ['recipient_id', 'kind', 'comment', 'sent_at', 'state']) {
      const { error } = await as.reviewer.from('workflow_messages').update({ [column]: column === 'recipient_id' ? userOf.viewer : 'x' }).eq('id', message.id);
      expect(error?.code, column).toBe('42501');
    }
    expect((await as.reviewer.from('workflow_messages').insert({ recipient_id: userOf.reviewer, kind: 'urged', instance_id: id, event_id: 1, state: 'x' })).error?.code).toBe('42501');
    expect((await as.reviewer.from('workflow_messages').delete().eq('id', message.id)).error?.code).toBe('42501');
    expect((await anonClient().from('workflow_messages').select('id')).error?.code).toBe('42501');

    // A recipient who no longer sees the instance (the membership gone) no longer reads about it.
    await db.query('delete from public.memberships where user_id = $1 and unit_id = $2', [userOf.reviewer, places.get('sample')!.street]);
    try {
      expect((await as.reviewer.from('workflow_messages').select('id').eq('id', message.id)).data).toEqual([]);
    } finally {
      await db.query(`insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'reviewer')`, [userOf.reviewer, places.get('sample')!.street]);
    }
  });
});

describe('reminders due together', () => {
  it('come to each recipient as one message listing the instances, read while one of them is', async () => {
    // A reviewer of two streets, with a review waiting in each and one more in the first.
    const email = `digest.${run}@deadline.local`;
    const reviewer = await createUser(db, email, PASSWORD, '两街审核人');
    const client = await signedIn(email, PASSWORD);
    const sample = places.get('sample')!;
    const other = places.get(WORKFLOWS[0]!.name)!;
    for (const street of [sample.street, other.street]) {
      await db.query(`insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'reviewer')`, [reviewer, street]);
    }
    const { id: a } = await enter(samplePlugin, 2, 'review.waiting', {});
    const { id: b } = await enter(samplePlugin, 2, 'review.waiting', {});
    const [c] = await query<{ id: number }>(
      `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form)
       select 'sample', 2, 'review.waiting', u.id, u.street_id, u.community_id, '{}' from public.units u where u.id = $1 returning id::int`,
      [other.c1],
    );
    await db.query(
      `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_roles, street_id, community_id)
       select i.id, i.workflow, i.version, 'enter', 'elsewhere', i.state, '{}', i.street_id, i.community_id from public.workflow_instances i where i.id = $1`,
      [c!.id],
    );
    const ids = [a, b, c!.id];
    // Their deadlines passed together (the reminders before them were sent a day earlier).
    await db.query(`update public.workflow_timers set done_at = now() - interval '1 day' where instance_id = any ($1) and kind = 'before'`, [ids]);
    await db.query(`update public.workflow_timers set due_at = now() - interval '1 minute' where instance_id = any ($1) and kind = 'due'`, [ids]);
    await runTimers();

    const read = async () => {
      const { data, error } = await client.from('workflow_messages').select('id, kind, workflow, state, instance_id, event_id, timer_id, instance_ids');
      if (error) throw new Error(error.message);
      return data;
    };
    const mine = await read();
    expect(mine.map(({ id, instance_ids, ...rest }) => ({ ...rest, instance_ids: [...(instance_ids ?? [])].sort((x, y) => x - y) }))).toEqual([
      { kind: 'overdue', workflow: 'sample', state: 'review.waiting', instance_id: null, event_id: null, timer_id: null, instance_ids: ids },
    ]);
    // Each instance's own log row and timer are still one per instance.
    for (const id of ids) expect((await systemRows(id)).filter((r) => r.event === 'overdue'), String(id)).toEqual([{ event: 'overdue', n: 1 }]);
    // Seen from the first street only, it still reads the list; from neither, nothing.
    await db.query('delete from public.memberships where user_id = $1 and unit_id = $2', [reviewer, other.street]);
    expect((await read()).map((m) => m.id)).toEqual([mine[0]!.id]);
    await db.query('delete from public.memberships where user_id = $1', [reviewer]);
    expect(await read()).toEqual([]);
  });
});
