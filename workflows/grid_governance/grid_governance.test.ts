// 网格化治理 against the real stack: who reads a grid's households (the demo's, as each demo
// account), phones for a grid's own staff only, every change logged, the database's own checks
// of a household and of an event's form, and each step's deadline from the street's rules.
// (The read and write matrices cover every identity × row; the engine's tests every path.)
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import i18next from 'i18next';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { createUser, signedIn, superuser } from '../../test/support/clients.ts';
import { messages } from './messages.ts';
import { parseGridRoster, parseRoster, parseStaffRoster, ROSTER_COLUMNS, ROSTERS, type RosterColumn } from './roster.ts';

const PASSWORD = 'grid-pass-123';
const run = `${process.pid}${Date.now().toString(36)}`;
let db: pg.Client;
const rows = async <T,>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];

// This file's own community of street 1 (青禾街道): a grid with two micro-grids, the staff of
// one of them, the community's worker and a worker of the other micro-grid.
const at = { community: 0, grid: 0, mine: 0, other: 0, compound: 0 };
const as: Record<'worker' | 'staff' | 'otherStaff', SupabaseClient> = {} as never;
const ids: Record<'worker' | 'staff' | 'otherStaff', string> = {} as never;

beforeAll(async () => {
  db = await superuser();
  const unit = async (kind: string, name: string, parent: number) =>
    (await rows<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [kind, `${name}-${run}`, parent]))[0]!.id;
  at.community = await unit('community', '网格测试社区', 1);
  at.compound = await unit('compound', '网格测试小区', at.community);
  at.grid = await unit('grid', '网格测试一级网格', at.community);
  at.mine = await unit('micro_grid', '网格测试一号微网格', at.grid);
  at.other = await unit('micro_grid', '网格测试二号微网格', at.grid);
  const member = async (key: keyof typeof as, unitId: number, role: string) => {
    const email = `${key}.${run}@grid.local`;
    ids[key] = await createUser(db, email, PASSWORD, `网格测试 ${key}`);
    await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [ids[key], unitId, role]);
    as[key] = await signedIn(email, PASSWORD);
  };
  await member('worker', at.community, 'community_worker');
  await member('staff', at.mine, 'micro_grid_worker');
  await member('otherStaff', at.other, 'micro_grid_worker');
});

afterAll(async () => {
  if (!db) return;
  await db.query('delete from auth.users where email like $1', [`%.${run}@grid.local`]);
  await db.query('delete from public.grid_households where community_id = $1', [at.community]);
  await db.end();
});

const household = (unitId: number, room: string, extra: Record<string, unknown> = {}) =>
  ({ unit_id: unitId, compound: '网格测试小区', building: '1', unit_no: '1', room, size: 3, contact_name: '王阿姨', contact_phone: '13812345678', ...extra });

describe("the demo's households, as each demo account reads them", () => {
  it.each([
    ['grid.c1@demo.local', 'its grid (禾丰社区第一网格) only', 47],
    ['worker.c1@demo.local', 'its community (禾丰社区)', 91],
    ['handler.s1@demo.local', 'the street', 250],
    ['office.s1@demo.local', 'the street', 250],
    ['district.d1@demo.local', 'its streets', 250],
    ['filer.c2@demo.local', 'its community (枫林社区), the unplaced three included', 81],
    ['office.s2@demo.local', 'nothing of another street', 0],
  ])('%s reads %s', async (email, _what, count) => {
    const client = await signedIn(email);
    const { count: n, error } = await client.from('grid_households').select('id', { count: 'exact', head: true });
    expect(error).toBeNull();
    expect(n).toBe(count);
  });

  it('the grid overview flags what the coverage check is for: 8 and 17 households, a micro-grid with no worker, three households unplaced', async () => {
    const office = await signedIn('office.s1@demo.local');
    const { data, error } = await office.rpc('grid_overview', { p_street_id: 1 });
    expect(error).toBeNull();
    const byId = new Map((data as { unit_id: number; households: number; staff: number; direct_households: number }[]).map((r) => [r.unit_id, r]));
    expect(byId.get(3504)?.households).toBe(8);
    expect(byId.get(3507)?.households).toBe(17);
    expect(byId.get(3519)?.staff).toBe(0);
    expect(byId.get(102)?.direct_households).toBe(3);
    expect(byId.get(3101)?.households).toBe(47);
  });
});

describe('households, with care', () => {
  it('phones: everyone reads the masked copy; the real one only the staff of the household\'s grid, through grid_household_contacts', async () => {
    const [{ id }] = await rows<{ id: number }>(
      `insert into public.grid_households (unit_id, compound, room, size, contact_phone) values ($1, '网格测试小区', '101', 2, '13912345678') returning id::int`, [at.mine],
    ) as [{ id: number }];
    const { data } = await as.worker.from('grid_households').select('contact_phone_masked').eq('id', id);
    expect(data).toEqual([{ contact_phone_masked: '139****5678' }]);
    expect((await as.worker.from('grid_households').select('contact_phone').eq('id', id)).error?.code).toBe('42501');
    expect((await as.staff.rpc('grid_household_contacts', { p_ids: [id] })).data).toEqual([{ id, contact_phone: '13912345678' }]);
    // The community's worker and a worker of the grid's other micro-grid are refused, as for a
    // household that does not exist.
    for (const who of [as.worker, as.otherStaff]) {
      const refused = await who.rpc('grid_household_contacts', { p_ids: [id] });
      expect([refused.error?.code, refused.error?.message]).toEqual(['42501', '只有住户所在网格的工作人员可以查看联系电话']);
    }
  });

  it('every change is logged, by whom, with the phone masked; the log is read as the household is', async () => {
    const { data: added, error } = await as.staff.from('grid_households').insert(household(at.mine, '201', { tags: ['独居老人'] })).select('id').single();
    expect(error).toBeNull();
    const id = (added as { id: number }).id;
    expect((await as.worker.from('grid_households').update({ size: 4, contact_phone: '13800000000' }).eq('id', id)).error).toBeNull();
    // A save that changes nothing logs nothing.
    expect((await as.worker.from('grid_households').update({ size: 4 }).eq('id', id)).error).toBeNull();
    expect((await as.staff.from('grid_households').delete().eq('id', id)).error).toBeNull();
    const { data: log } = await as.worker.from('grid_household_changes').select('op, changes, changed_by').eq('household_id', id).order('id');
    const entries = log as { op: string; changes: Record<string, unknown>; changed_by: string }[];
    expect(entries.map((e) => [e.op, e.changed_by])).toEqual([['insert', ids.staff], ['update', ids.worker], ['delete', ids.staff]]);
    expect(entries[1]!.changes).toEqual({ size: [3, 4], contact_phone_masked: ['138****5678', '138****0000'] });
    expect(JSON.stringify(entries)).not.toMatch(/1381234|13800000000/);
    // A grid's staff read the log of what lies under their grid, and no other.
    expect((await as.otherStaff.from('grid_household_changes').select('id').eq('household_id', id)).data).toEqual([]);
    expect((await as.staff.from('grid_household_changes').select('id').eq('household_id', id)).data).toHaveLength(3);
  });

  it('the database checks a household itself: its unit, its tags, one household per address', async () => {
    const count = async () => (await rows<{ n: number }>('select count(*)::int as n from public.grid_households where community_id = $1', [at.community]))[0]!.n;
    const before = await count();
    const offList = await as.worker.from('grid_households').insert(household(at.mine, '301', { tags: ['不存在的标签'] }));
    expect([offList.error?.code, offList.error?.message, offList.error?.hint]).toEqual(['23514', '标签「不存在的标签」不在本街道的住户标签清单中', 'tags']);
    const inCompound = await as.worker.from('grid_households').insert(household(at.compound, '302'));
    expect([inCompound.error?.code, inCompound.error?.hint]).toEqual(['23514', 'unit_id']);
    const badPhone = await as.worker.from('grid_households').insert(household(at.mine, '303', { contact_phone: '12345' }));
    expect(badPhone.error?.code).toBe('23514');
    // A micro-grid worker writes under their micro-grid only; the other is refused as RLS refuses.
    const elsewhere = await as.staff.from('grid_households').insert(household(at.other, '304'));
    expect(elsewhere.error?.code).toBe('42501');
    expect(await count()).toBe(before);
    expect((await as.worker.from('grid_households').insert(household(at.mine, '305'))).error).toBeNull();
    const twice = await as.worker.from('grid_households').insert(household(at.mine, '305', { size: 5 }));
    expect(twice.error?.code).toBe('23505');
    expect(await count()).toBe(before + 1);
  });

  it('a micro-grid moved to another grid takes its households with it: the new grid\'s staff read them, the old\'s no longer', async () => {
    const second = (await rows<{ id: number }>("insert into public.units (kind, name, parent_id) values ('grid', $1, $2) returning id::int", [`网格测试二级网格-${run}`, at.community]))[0]!.id;
    const email = `leader.${run}@grid.local`;
    const leader = await createUser(db, email, PASSWORD, '网格测试 网格长');
    await db.query("insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'grid_leader')", [leader, second]);
    const client = await signedIn(email, PASSWORD);
    const under = async () => (await client.from('grid_households').select('id', { count: 'exact', head: true })).count;
    expect(await under()).toBe(0);
    const moving = (await rows<{ n: number }>('select count(*)::int as n from public.grid_households where unit_id = $1', [at.other]))[0]!.n;
    await db.query("insert into public.grid_households (unit_id, compound, room, size) values ($1, '网格测试小区', '移动', 1)", [at.other]);
    await db.query('update public.units set parent_id = $1 where id = $2', [second, at.other]);
    expect(await under()).toBe(moving + 1);
    const [{ path }] = await rows<{ path: number[] }>("select grid_path::int[] as path from public.grid_households where room = '移动' and community_id = $1", [at.community]) as [{ path: number[] }];
    expect(path).toEqual([at.other, second]);
    await db.query('update public.units set parent_id = $1 where id = $2', [at.grid, at.other]);
  });
});

describe("a grid's staff reach their own grid's events, not the rest of the community's", () => {
  it.each([
    ['grid.c1@demo.local', '禾丰社区第一网格', 11],
    ['staff.05@demo.local', 'its micro-grid in 第二网格', 2],
    ['staff.01@demo.local', 'its two micro-grids (禾丰苑1号楼, 澄湖花园东)', 4],
    ['worker.c1@demo.local', 'its community (禾丰社区)', 13],
  ])('%s reads the events of %s', async (email, _what, count) => {
    const client = await signedIn(email);
    const { count: n, error } = await client.from('workflow_instances').select('id', { count: 'exact', head: true }).eq('workflow', 'grid_governance');
    expect(error).toBeNull();
    expect(n).toBe(count);
  });

  it('another micro-grid\'s worker reads nothing of an event and may do nothing with it, not even learn it exists', async () => {
    const form = { category: '安全隐患', description: '楼道堆放杂物堵塞通道', location: '网格测试小区1号楼', urgency: 'normal' };
    const started = await as.staff.rpc('start_workflow', { p_workflow: 'grid_governance', p_subject_unit_id: at.mine, p_form: form });
    expect(started.error).toBeNull();
    const instance = (started.data as { id: number }).id;
    const notFound = { code: 'WF007' };
    // (the other micro-grid's worker holds the same role in the same grid and community)
    expect((await as.otherStaff.from('workflow_instances').select('id').eq('id', instance)).data).toEqual([]);
    expect((await as.otherStaff.from('workflow_events').select('id').eq('instance_id', instance)).data).toEqual([]);
    expect((await as.otherStaff.rpc('start_workflow', { p_workflow: 'grid_governance', p_subject_unit_id: at.mine, p_form: {} })).error).toMatchObject(notFound);
    expect((await as.otherStaff.rpc('save_workflow_form', { p_instance_id: instance, p_form: { ...form, location: '改到别处' } })).error).toMatchObject(notFound);
    expect((await as.otherStaff.rpc('fire_event', { p_instance_id: instance, p_event: 'report', p_expected_revision: 0, p_payload: {} })).error).toMatchObject(notFound);
    expect((await as.otherStaff.rpc('workflow_facts', { p_instance_id: instance })).error).toMatchObject(notFound);
    expect((await as.otherStaff.rpc('workflow_members', { p_instance_id: instance })).data).toEqual([]);
    const othersTodo = await as.otherStaff.rpc('workflow_todo', { p_workflows: ['grid_governance'] });
    expect((othersTodo.data as { id: number }[]).map((r) => r.id)).not.toContain(instance);
    expect((await rows<{ state: string; revision: number }>('select state, revision from public.workflow_instances where id = $1', [instance]))[0]).toEqual({ state: 'draft', revision: 0 });

    // Its own staff report it, and the community triages it.
    const mineTodo = await as.staff.rpc('workflow_todo', { p_workflows: ['grid_governance'] });
    expect((mineTodo.data as { id: number }[]).map((r) => r.id)).toContain(instance);
    expect((await as.staff.rpc('fire_event', { p_instance_id: instance, p_event: 'report', p_expected_revision: 0, p_payload: {} })).error).toBeNull();
    expect((await as.worker.rpc('fire_event', { p_instance_id: instance, p_event: 'handle_in_grid', p_expected_revision: 1, p_payload: {} })).error).toBeNull();
    expect((await as.otherStaff.rpc('fire_event', { p_instance_id: instance, p_event: 'resolve', p_expected_revision: 2, p_payload: { comment: '越权办结' } })).error).toMatchObject(notFound);
    expect((await as.staff.rpc('fire_event', { p_instance_id: instance, p_event: 'resolve', p_expected_revision: 2, p_payload: { comment: '已清理完毕' } })).error).toBeNull();
  });

  it("a step's overdue reminder goes to its own grid's staff and the community's escalation, not to another grid's staff", async () => {
    const form = { category: '环境卫生', description: '垃圾桶满溢无人清运', location: '网格测试小区3号楼', urgency: 'normal' };
    const started = await as.staff.rpc('start_workflow', { p_workflow: 'grid_governance', p_subject_unit_id: at.mine, p_form: form });
    const instance = (started.data as { id: number }).id;
    expect((await as.staff.rpc('fire_event', { p_instance_id: instance, p_event: 'report', p_expected_revision: 0, p_payload: {} })).error).toBeNull();
    expect((await as.worker.rpc('fire_event', { p_instance_id: instance, p_event: 'handle_in_grid', p_expected_revision: 1, p_payload: {} })).error).toBeNull();
    // Its deadline passed: the scheduler's call, as pg_cron (or the local stack) makes it.
    const moved = await db.query(
      "update public.workflow_timers set due_at = now() - interval '1 second' where instance_id = $1 and state = 'grid_handling' and kind = 'due' and done_at is null and cancelled_at is null",
      [instance],
    );
    expect(moved.rowCount).toBe(1);
    await db.query('select private.run_due_timers()');
    const told = await rows<{ recipient_id: string; kind: string }>(
      "select recipient_id, kind from public.workflow_messages where instance_id = $1 and state = 'grid_handling' order by kind", [instance],
    );
    expect(told).toEqual(expect.arrayContaining([
      { recipient_id: ids.staff, kind: 'overdue' },
      { recipient_id: ids.worker, kind: 'escalated' },
    ]));
    expect(told.map((m) => m.recipient_id)).not.toContain(ids.otherStaff);
    expect((await as.otherStaff.from('workflow_messages').select('id').eq('instance_id', instance)).data).toEqual([]);
  });

  it('a grid worker reads the units of their grid and those above it, not the community\'s other grids', async () => {
    const { data, error } = await as.staff.from('units').select('id');
    expect(error).toBeNull();
    const seen = (data as { id: number }[]).map((u) => u.id);
    expect(seen).toEqual(expect.arrayContaining([1, at.community, at.grid, at.mine]));
    expect(seen).not.toContain(at.other);
    expect(seen).not.toContain(at.compound);
  });
});

describe('photos as evidence (现场照片): under the event and the step they were taken at', () => {
  // A 1×1 PNG: the bucket takes images only.
  const png = () => new Blob([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')], { type: 'image/png' });
  const photos = (who: SupabaseClient) => who.storage.from('grid-photos');
  const status = (error: unknown) => (error as { statusCode?: string } | null)?.statusCode;
  const stored = async (instance: number) =>
    (await rows<{ name: string }>("select name from storage.objects where bucket_id = 'grid-photos' and name like $1 order by name", [`${instance}/%`])).map((r) => r.name);

  it("the event's own staff add them at its step; the community reads them; another grid's staff neither read nor add", async () => {
    const started = await as.staff.rpc('start_workflow', {
      p_workflow: 'grid_governance', p_subject_unit_id: at.mine,
      p_form: { category: '安全隐患', description: '电动车楼道充电', location: '网格测试小区4号楼', urgency: 'urgent' },
    });
    const instance = (started.data as { id: number }).id;
    expect((await photos(as.staff).upload(`${instance}/draft/site.png`, png())).error).toBeNull();
    // Not into another step's folder, not at the event's top, not a type the bucket does not take.
    expect(status((await photos(as.staff).upload(`${instance}/triage/early.png`, png())).error)).toBe('403');
    expect(status((await photos(as.staff).upload(`${instance}/top.png`, png())).error)).toBe('403');
    expect(status((await photos(as.staff).upload(`${instance}/draft/notes.txt`, Buffer.from('text'))).error)).toBe('415');
    // Another micro-grid's worker: nothing to read, nothing to add, nothing removed.
    expect((await photos(as.otherStaff).list(`${instance}/draft`)).data).toEqual([]);
    expect(status((await photos(as.otherStaff).download(`${instance}/draft/site.png`)).error)).toBe('404');
    expect(status((await photos(as.otherStaff).upload(`${instance}/draft/intruder.png`, png())).error)).toBe('403');
    expect(await photos(as.otherStaff).remove([`${instance}/draft/site.png`])).toEqual({ data: [], error: null });
    // The community's worker reads what the grid reads.
    expect(((await photos(as.worker).list(`${instance}/draft`)).data ?? []).map((f) => f.name)).toEqual(['site.png']);
    const download = await photos(as.worker).download(`${instance}/draft/site.png`);
    expect(download.error).toBeNull();
    expect(Buffer.from(await download.data!.arrayBuffer())).toEqual(Buffer.from(await png().arrayBuffer()));
    // Another street's office reads nothing of it.
    const otherStreet = await signedIn('office.s2@demo.local');
    expect((await photos(otherStreet).list(`${instance}/draft`)).data).toEqual([]);

    // Reported: the report's photos stay as they were; the next step's handlers add their own.
    expect((await as.staff.rpc('fire_event', { p_instance_id: instance, p_event: 'report', p_expected_revision: 0, p_payload: {} })).error).toBeNull();
    expect(status((await photos(as.staff).upload(`${instance}/draft/late.png`, png())).error)).toBe('403');
    expect(await photos(as.staff).remove([`${instance}/draft/site.png`])).toEqual({ data: [], error: null });
    expect((await as.worker.rpc('fire_event', { p_instance_id: instance, p_event: 'handle_in_grid', p_expected_revision: 1, p_payload: {} })).error).toBeNull();
    expect((await photos(as.staff).upload(`${instance}/grid_handling/done.png`, png())).error).toBeNull();
    expect((await photos(as.staff).upload(`${instance}/grid_handling/wrong.png`, png())).error).toBeNull();
    // One's own photo of the step in hand may go again; nobody else's.
    expect(await photos(as.worker).remove([`${instance}/grid_handling/wrong.png`])).toEqual({ data: [], error: null });
    expect((await photos(as.staff).remove([`${instance}/grid_handling/wrong.png`])).data).toHaveLength(1);
    expect(await stored(instance)).toEqual([`${instance}/draft/site.png`, `${instance}/grid_handling/done.png`]);
  });
});

describe('an event (民情事件): what only the database can tell', () => {
  it('save refuses a category off the street\'s list and a household of another grid, naming the field, and changes nothing', async () => {
    const started = await as.staff.rpc('start_workflow', { p_workflow: 'grid_governance', p_subject_unit_id: at.mine, p_form: {} });
    expect(started.error).toBeNull();
    const instance = (started.data as { id: number }).id;
    const [{ id: otherHousehold }] = await rows<{ id: number }>(
      "insert into public.grid_households (unit_id, compound, room, size) values ($1, '网格测试小区', '别处', 2) returning id::int", [at.other],
    ) as [{ id: number }];
    const form = { category: '安全隐患', description: '楼道堆放杂物堵塞通道', location: '网格测试小区1号楼', urgency: 'normal' };
    for (const [bad, expected] of [
      [{ ...form, category: '不在清单' }, { path: 'category', rule: 'categoryListed' }],
      [{ ...form, household_id: otherHousehold }, { path: 'household_id', rule: 'householdInGrid' }],
    ] as const) {
      const { error } = await as.staff.rpc('save_workflow_form', { p_instance_id: instance, p_form: bad });
      expect(error?.code).toBe('WF006');
      expect(JSON.parse(error!.details)).toMatchObject({ what: 'form', ...expected });
    }
    expect((await rows<{ form: unknown }>('select form from public.workflow_instances where id = $1', [instance]))[0]!.form).toEqual({});
    expect((await as.staff.rpc('save_workflow_form', { p_instance_id: instance, p_form: form })).error).toBeNull();
  });

  it("each step's deadline is the street's days for the event's urgency, counted from the day it entered (China time), due as that day ends", async () => {
    const deadlineOf = async (urgency: string) => {
      const started = await as.staff.rpc('start_workflow', {
        p_workflow: 'grid_governance', p_subject_unit_id: at.mine,
        p_form: { category: '安全隐患', description: '消防通道被占用', location: '网格测试小区2号楼', urgency },
      });
      expect(started.error).toBeNull();
      const instance = started.data as { id: number; revision: number };
      const fired = await as.staff.rpc('fire_event', { p_instance_id: instance.id, p_event: 'report', p_expected_revision: instance.revision, p_payload: {} });
      expect(fired.error).toBeNull();
      const [timer] = await rows<{ deadline: string; entered_day: string }>(
        `select to_char(t.deadline_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') as deadline,
                to_char(i.entered_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as entered_day
         from public.workflow_timers t join public.workflow_instances i on i.id = t.instance_id
         where t.instance_id = $1 and t.state = 'triage' and t.cancelled_at is null order by t.deadline_at limit 1`, [instance.id],
      );
      return timer!;
    };
    const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    // The defaults: 分流 within the day for an urgent case, a day for a normal one.
    const urgent = await deadlineOf('urgent');
    expect(urgent.deadline).toBe(`${plusDays(urgent.entered_day, 1)} 00:00:00`);
    const normal = await deadlineOf('normal');
    expect(normal.deadline).toBe(`${plusDays(normal.entered_day, 2)} 00:00:00`);
    // The street's own rule wins over the default (street 1's, written as its office writes it).
    const office = await signedIn('office.s1@demo.local');
    const rule = await office.from('grid_deadline_rules').insert({ unit_id: 1, state: 'triage', urgency: 'urgent', days: 2 }).select('id').single();
    expect(rule.error).toBeNull();
    try {
      const ruled = await deadlineOf('urgent');
      expect(ruled.deadline).toBe(`${plusDays(ruled.entered_day, 3)} 00:00:00`);
    } finally {
      await db.query('delete from public.grid_deadline_rules where id = $1', [(rule.data as { id: number }).id]);
    }
  });
});

describe('the roster import (导入住户名册)', () => {
  const words = i18next.createInstance();
  beforeAll(async () => {
    await words.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: messages['zh-CN'] } }, interpolation: { escapeValue: false } });
  });
  const titles = Object.fromEntries(ROSTER_COLUMNS.map((c) => [messages['zh-CN'].import.kinds.households.columns[c.key], c.key])) as Record<string, RosterColumn>;
  const header = ROSTER_COLUMNS.map((c) => messages['zh-CN'].import.kinds.households.columns[c.key]);
  /** A roster as a real .xlsx file, read back as the browser reads it. */
  const sheetOf = async (body: (string | number | null)[][]) =>
    readSheet(await writeXlsxFile([header, ...body].map((r) => r.map((v) => (v === null ? null : { value: v })))).toBuffer());
  const line = (room: string, extra: Partial<Record<RosterColumn, string | number>> = {}) => {
    const values: Record<RosterColumn, string | number> = {
      community: `网格测试社区-${run}`, grid: `网格测试一号微网格-${run}`, compound: '导入小区', building: '2', unit_no: '1', room,
      size: 3, contact_name: '李秀兰', contact_phone: '13700001111', tags: '独居老人', note: '', ...extra,
    };
    return ROSTER_COLUMNS.map((c) => values[c.key]);
  };

  it('the browser names every bad row by number and column before anything is sent', async () => {
    const sheet = await sheetOf([
      line('101'),
      line('102', { size: 0 }),
      line('103', { compound: '' }),
      line('104', { contact_phone: '12345', tags: '独居老人、不存在' }),
      line('101'),
      [null, null, null, null, null, null, null, null, null, null, null],
      line('106', { size: 2.5 }),
    ]);
    const { rows, problems } = parseRoster(sheet, titles, ['独居老人', '党员户']);
    expect(rows.map((r) => r.room)).toEqual(['101']);
    const said = problems.map((p) => words.t(`import.rules.${p.rule}`, { row: p.row, column: p.column ? messages['zh-CN'].import.kinds.households.columns[p.column] : '', ...p.params }));
    expect(said).toEqual([
      '第 3 行「户人数」必须是 1 到 30 的整数',
      '第 4 行「小区」不能为空',
      '第 5 行「联系电话」须是 11 位手机号或带区号的固定电话',
      '第 5 行「标签」中的「不存在」不在本街道的住户标签清单中',
      '第 6 行与第 2 行是同一地址',
      '第 8 行「户人数」必须是 1 到 30 的整数',
    ]);
    // A sheet without a required column says so, and reads no rows.
    const missing = parseRoster([header.filter((h) => h !== '户人数'), ['x']], titles);
    expect(missing).toEqual({ rows: [], problems: [{ row: 0, column: 'size', rule: 'noColumn' }] });
  });

  it('the database takes a good file in one transaction; the same file again changes nothing', async () => {
    const sheet = await sheetOf([line('201'), line('202', { grid: '', tags: '' }), line('203', { contact_phone: '' })]);
    const { rows, problems } = parseRoster(sheet, titles);
    expect(problems).toEqual([]);
    const first = await as.worker.rpc('grid_import_households', { p_street_id: 1, p_rows: rows });
    expect([first.error, first.data]).toEqual([null, { inserted: 3, updated: 0, unchanged: 0 }]);
    const stored = await rows_<Stored>('select unit_id::int, room, size, tags, contact_phone, updated_at::text from public.grid_households where compound = $1 order by room', ['导入小区']);
    expect(stored.map((r) => [r.unit_id, r.room, r.tags, r.contact_phone])).toEqual([
      [at.mine, '201', ['独居老人'], '13700001111'], [at.community, '202', [], '13700001111'], [at.mine, '203', ['独居老人'], null],
    ]);
    const logged = async () => (await rows_<{ n: number }>('select count(*)::int as n from public.grid_household_changes where community_id = $1', [at.community]))[0]!.n;
    const log = await logged();
    const again = await as.worker.rpc('grid_import_households', { p_street_id: 1, p_rows: rows });
    expect([again.error, again.data]).toEqual([null, { inserted: 0, updated: 0, unchanged: 3 }]);
    expect(await logged()).toBe(log);
    expect(await rows_<Stored>('select unit_id::int, room, size, tags, contact_phone, updated_at::text from public.grid_households where compound = $1 order by room', ['导入小区'])).toEqual(stored);
    // A changed row updates that household, logged.
    const changed = await as.worker.rpc('grid_import_households', { p_street_id: 1, p_rows: [{ ...rows[0]!, size: 4 }] });
    expect(changed.data).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
  });

  it('the database refuses a file row by row, as the caller may write, and writes nothing of it', async () => {
    const count = async () => (await rows_<{ n: number }>('select count(*)::int as n from public.grid_households where community_id = $1', [at.community]))[0]!.n;
    const before = await count();
    const rows = [
      { ...parseRoster(await sheetOf([line('301')]), titles).rows[0]! },
      { ...parseRoster(await sheetOf([line('302', { grid: `网格测试二号微网格-${run}` })]), titles).rows[0]!, row: 3 },
      { ...parseRoster(await sheetOf([line('303', { grid: '没有这个网格' })]), titles).rows[0]!, row: 4 },
      { ...parseRoster(await sheetOf([line('304', { community: '枫林社区' })]), titles).rows[0]!, row: 5 },
      { ...parseRoster(await sheetOf([line('305', { tags: '不存在' })]), titles).rows[0]!, row: 6 },
    ];
    // A micro-grid's worker writes under their micro-grid only; 枫林社区 is not theirs to see.
    const { error } = await as.staff.rpc('grid_import_households', { p_street_id: 1, p_rows: rows });
    expect([error?.code, error?.message]).toEqual(['22023', '有 4 行不能导入，未写入任何数据']);
    expect(JSON.parse(error!.details)).toEqual([
      { row: 3, column: 'grid', message: '你无权在这个网格登记住户' },
      { row: 4, column: 'grid', message: '该社区没有这个网格或微网格（或有重名）' },
      { row: 5, column: 'community', message: '本街道没有这个社区，或你无权查看' },
      { row: 6, column: 'tags', message: '标签「不存在」不在本街道的住户标签清单中' },
    ]);
    expect(await count()).toBe(before);
  });
});

// (the tests above name their rosters `rows`)
const rows_ = rows;
interface Stored { unit_id: number; room: string; size: number; tags: string[]; contact_phone: string | null; updated_at: string }

describe('the grids and staff rosters (导入网格, 导入网格人员)', () => {
  const zh = messages['zh-CN'].import;
  const words = i18next.createInstance();
  beforeAll(async () => {
    await words.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: messages['zh-CN'] } }, interpolation: { escapeValue: false } });
  });
  const said = (kind: 'grids' | 'staff', problems: { row: number; column: string | null; rule: string; params?: object }[]) =>
    problems.map((p) => words.t(`import.rules.${p.rule}`, { row: p.row, column: p.column ? (zh.kinds[kind].columns as Record<string, string>)[p.column] : '', ...p.params }));
  const sheet = (kind: 'grids' | 'staff', body: string[][]) => [ROSTERS[kind].map((c) => (zh.kinds[kind].columns as Record<string, string>)[c.key]), ...body];
  const gridTitles = Object.fromEntries(ROSTERS.grids.map((c) => [zh.kinds.grids.columns[c.key], c.key])) as never;
  const staffTitles = Object.fromEntries(ROSTERS.staff.map((c) => [zh.kinds.staff.columns[c.key], c.key])) as never;
  const levels = { 网格: 'grid', 微网格: 'micro_grid' } as const;
  const roles = { 网格长: 'grid_leader', 网格员: 'grid_worker', 微网格员: 'micro_grid_worker', 社区工作者: 'community_worker' };
  const community = `网格测试社区-${run}`;
  const topGrid = `导入一级网格-${run}`;
  const street = `街道直属网格-${run}`;
  const email = (who: string) => `${who}.${run}@grid.local`;
  const childrenOf = async (parent: number) =>
    rows<{ kind: string; name: string }>('select kind::text, name from public.units where parent_id = $1 order by name', [parent]);

  it('the browser names every bad row of either roster by number and column before anything is sent', () => {
    const grids = parseGridRoster(sheet('grids', [
      [community, '', topGrid, '网格'],
      [community, topGrid, '', '微网格'],
      [community, topGrid, '导入微网格', '三级'],
      ['', '', '无处安放的微网格', '微网格'],
      [community, '', topGrid, '网格'],
    ]), gridTitles, levels);
    expect(grids.rows.map((r) => [r.row, r.kind])).toEqual([[2, 'grid']]);
    expect(said('grids', grids.problems)).toEqual([
      '第 3 行「网格名称」不能为空',
      '第 4 行「层级」须是 网格、微网格 之一',
      '第 5 行：微网格须在社区或上级网格之下',
      '第 6 行与第 2 行是同一网格',
    ]);
    const staff = parseStaffRoster(sheet('staff', [
      ['李文静', 'LiWenJing@Example.com', community, topGrid, '网格员'],
      ['张强', 'not-an-address', community, topGrid, '网格员'],
      ['王芳', email('wang'), community, '', '楼长'],
      ['赵磊', email('zhao'), '', '', '网格员'],
      ['李文静', 'liwenjing@example.com', community, topGrid, '网格员'],
    ]), staffTitles, roles);
    expect(staff.rows).toEqual([{ row: 2, full_name: '李文静', email: 'liwenjing@example.com', community, grid: topGrid, role: 'grid_worker' }]);
    expect(said('staff', staff.problems)).toEqual([
      '第 3 行「邮箱」格式不正确',
      '第 4 行「角色」须是 网格长、网格员、微网格员、社区工作者 之一',
      '第 5 行：社区和网格至少填一项',
      '第 6 行与第 2 行是同一人的同一职务',
    ]);
  });

  it("the street's office imports grids in one transaction, parents before children; the same file again changes nothing", async () => {
    const office = await signedIn('office.s1@demo.local');
    const { rows: good, problems } = parseGridRoster(sheet('grids', [
      [community, '', topGrid, '网格'],
      [community, topGrid, `导入一号微网格-${run}`, '微网格'],
      ['', '', street, '网格'],
    ]), gridTitles, levels);
    expect(problems).toEqual([]);
    const first = await office.rpc('grid_import_grids', { p_street_id: 1, p_rows: good });
    expect([first.error, first.data]).toEqual([null, { inserted: 3, unchanged: 0 }]);
    const [top] = await rows<{ id: number }>('select id::int from public.units where parent_id = $1 and name = $2', [at.community, topGrid]);
    expect(await childrenOf(top!.id)).toEqual([{ kind: 'micro_grid', name: `导入一号微网格-${run}` }]);
    expect(await rows('select kind::text, community_id from public.units where parent_id = 1 and name = $1', [street])).toEqual([{ kind: 'grid', community_id: null }]);
    const again = await office.rpc('grid_import_grids', { p_street_id: 1, p_rows: good });
    expect([again.error, again.data]).toEqual([null, { inserted: 0, unchanged: 3 }]);
    expect(await childrenOf(top!.id)).toHaveLength(1);
  });

  it('the database refuses a grids file row by row, as the caller may write, and writes nothing of it', async () => {
    const office = await signedIn('office.s1@demo.local');
    const before = await childrenOf(at.community);
    const bad = [
      { row: 2, community, parent: '', name: `导入二级网格-${run}`, kind: 'grid' },
      { row: 3, community, parent: '没有这个网格', name: '孤儿微网格', kind: 'micro_grid' },
      { row: 4, community: '没有这个社区', parent: '', name: '无处的网格', kind: 'grid' },
      { row: 5, community, parent: '', name: topGrid, kind: 'micro_grid' },
    ];
    const { error } = await office.rpc('grid_import_grids', { p_street_id: 1, p_rows: bad });
    expect([error?.code, error?.message]).toEqual(['22023', '有 3 行不能导入，未写入任何数据']);
    expect(JSON.parse(error!.details)).toEqual([
      { row: 3, column: 'parent', message: '没有这个上级网格（或有重名）' },
      { row: 4, column: 'community', message: '本街道没有这个社区，或你无权查看' },
      { row: 5, column: 'level', message: '同一上级下已有同名的网格' },
    ]);
    expect(await childrenOf(at.community)).toEqual(before);
    // The community's own worker reads its community, but makes no unit: every row says so.
    const refused = await as.worker.rpc('grid_import_grids', { p_street_id: 1, p_rows: [bad[0]] });
    expect(JSON.parse(refused.error!.details)).toEqual([{ row: 2, column: 'community', message: '你无权在本街道建立网格' }]);
    expect(await childrenOf(at.community)).toEqual(before);
  });

  it("the street's office invites a grid's staff from a roster; members and those invited already are left as they are", async () => {
    const office = await signedIn('office.s1@demo.local');
    const staffRows = [
      { row: 2, full_name: '导入 网格员', email: email('imported-worker'), community, grid: `网格测试一号微网格-${run}`, role: 'micro_grid_worker' },
      { row: 3, full_name: '导入 社区工作者', email: email('imported-community'), community, grid: '', role: 'community_worker' },
      // (already the micro-grid's worker, by membership)
      { row: 4, full_name: '网格测试 staff', email: email('staff'), community, grid: `网格测试一号微网格-${run}`, role: 'micro_grid_worker' },
    ];
    const pending = () => rows<{ email: string; role: string; unit_id: number }>(
      "select email, role::text, unit_id::int from public.member_invitations where email like $1 and status = 'pending' order by email", [`imported-%.${run}@grid.local`]);
    const first = await office.rpc('grid_import_staff', { p_street_id: 1, p_rows: staffRows, p_password: PASSWORD });
    expect([first.error, first.data]).toEqual([null, { invited: 2, unchanged: 1 }]);
    expect(await pending()).toEqual([
      { email: email('imported-community'), role: 'community_worker', unit_id: at.community },
      { email: email('imported-worker'), role: 'micro_grid_worker', unit_id: at.mine },
    ]);
    const again = await office.rpc('grid_import_staff', { p_street_id: 1, p_rows: staffRows, p_password: PASSWORD });
    expect([again.error, again.data]).toEqual([null, { invited: 0, unchanged: 3 }]);
    expect(await pending()).toHaveLength(2);

    // Row by row: a grid the community has not, a role its unit cannot hold, a short password.
    const bad = [
      { row: 2, full_name: '导入 网格长', email: email('imported-leader'), community, grid: `网格测试一号微网格-${run}`, role: 'grid_leader' },
      { row: 3, full_name: '导入 无网格', email: email('imported-nowhere'), community, grid: '没有这个网格', role: 'grid_worker' },
      { row: 4, full_name: '导入 别处', email: email('imported-elsewhere'), community: '没有这个社区', grid: '', role: 'community_worker' },
    ];
    const { error } = await office.rpc('grid_import_staff', { p_street_id: 1, p_rows: bad, p_password: PASSWORD });
    expect([error?.code, error?.message]).toEqual(['22023', '有 3 行不能导入，未写入任何数据']);
    const details = JSON.parse(error!.details) as { row: number; column: string; message: string }[];
    expect(details.map((d) => [d.row, d.column])).toEqual([[2, 'role'], [3, 'grid'], [4, 'community']]);
    expect(details[0]!.message).toMatch(/网格长/);
    expect(await pending()).toHaveLength(2);
    const short = await office.rpc('grid_import_staff', { p_street_id: 1, p_rows: staffRows, p_password: 'short' });
    expect([short.error?.code, short.error?.message]).toEqual(['22023', '初始密码至少 8 位']);
    // A community's worker invites no one.
    const refused = await as.worker.rpc('grid_import_staff', { p_street_id: 1, p_rows: [{ ...bad[0]!, role: 'micro_grid_worker' }], p_password: PASSWORD });
    expect(JSON.parse(refused.error!.details)).toEqual([{ row: 2, column: null, message: '只能在本街道内邀请成员' }]);
  });
});

describe('考核: a month of the log per grid, worker and department, frozen once published', () => {
  // A street of this file's own, so the month's figures are exactly what happens here.
  const st = { street: 0, community: 0, grid: 0, micro: 0 };
  const who: Record<'office' | 'worker' | 'staff', SupabaseClient> = {} as never;
  const uid: Record<'office' | 'worker' | 'staff', string> = {} as never;
  const form = { category: '安全隐患', description: '楼道堆放杂物堵塞通道', location: '考核小区1号楼', urgency: 'normal' };
  const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7) + '-01';

  beforeAll(async () => {
    const unit = async (kind: string, name: string, parent: number | null) =>
      (await rows<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [kind, `${name}-${run}`, parent]))[0]!.id;
    st.street = await unit('street', '考核测试街道', null);
    st.community = await unit('community', '考核测试社区', st.street);
    st.grid = await unit('grid', '考核测试网格', st.community);
    st.micro = await unit('micro_grid', '考核测试微网格', st.grid);
    await db.query("insert into public.grid_lists (unit_id, list, label) values ($1, 'event_category', '安全隐患')", [st.street]);
    for (const [key, unitId, role] of [['office', st.street, 'street_office'], ['worker', st.community, 'community_worker'], ['staff', st.micro, 'micro_grid_worker']] as const) {
      const email = `assess-${key}.${run}@grid.local`;
      uid[key] = await createUser(db, email, PASSWORD, `考核 ${key}`);
      await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [uid[key], unitId, role]);
      who[key] = await signedIn(email, PASSWORD);
    }
    // Two events found, both handled in the grid at once; one resident satisfied, one not.
    for (const verdict of ['visit_satisfied', 'visit_unsatisfied'] as const) {
      const started = await who.staff.rpc('start_workflow', { p_workflow: 'grid_governance', p_subject_unit_id: st.micro, p_form: form });
      expect(started.error).toBeNull();
      const id = (started.data as { id: number }).id;
      for (const [client, event, revision, payload] of [
        [who.staff, 'report', 0, {}], [who.worker, 'handle_in_grid', 1, {}], [who.staff, 'resolve', 2, { comment: '已清理完毕' }],
        [who.staff, verdict, 3, verdict === 'visit_satisfied' ? { satisfaction: 'satisfied' } : { comment: '仍有杂物' }],
      ] as const) {
        expect((await client.rpc('fire_event', { p_instance_id: id, p_event: event, p_expected_revision: revision, p_payload: payload })).error, event).toBeNull();
      }
    }
  });

  // A case of January 2020, its log written as the demo data writes it (the API writes only now).
  const pastCase = async (verdict: 'visit_satisfied' | 'visit_unsatisfied') => {
    const [{ id }] = await rows<{ id: number }>(
      `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form, created_by, created_at)
       values ('grid_governance', 2, $1, $2, $3, $4, $5, $6, '2020-01-10T09:00:00+08') returning id::int`,
      [verdict === 'visit_satisfied' ? 'closed' : 'triage', st.micro, st.street, st.community, form, uid.staff],
    ) as [{ id: number }];
    const steps = [
      ['start', null, 'draft', uid.staff, '{}', '10T09:00'], ['report', 'draft', 'triage', uid.staff, '{}', '10T09:05'],
      ['handle_in_grid', 'triage', 'grid_handling', uid.worker, '{}', '10T10:00'], ['resolve', 'grid_handling', 'visit', uid.staff, '{"comment":"已处理"}', '11T10:00'],
      [verdict, 'visit', verdict === 'visit_satisfied' ? 'closed' : 'triage', uid.staff, verdict === 'visit_satisfied' ? '{"satisfaction":"satisfied"}' : '{"comment":"不满意"}', '12T10:00'],
    ] as const;
    for (const [event, from, to, actor, payload, at] of steps) {
      await db.query(
        `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, payload, actor_id, street_id, community_id, created_at)
         values ($1, 'grid_governance', 2, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, event, from, to, payload, actor, st.street, st.community, `2020-01-${at}:00+08`],
      );
    }
  };

  const live = async (client: SupabaseClient, month = thisMonth()) => {
    const { data, error } = await client.rpc('grid_assessment', { p_street_id: st.street, p_month: month });
    expect(error).toBeNull();
    return data as { subject_kind: string; subject_id: string; found: number; handled: number; on_time: number; satisfied: number; unsatisfied: number; score: number | null; rank: number | null; published_at: string | null }[];
  };

  it('the street office reads the month as the log has it, scored by the street\'s weights', async () => {
    const rowsNow = await live(who.office);
    const grid = rowsNow.find((r) => r.subject_kind === 'grid' && r.subject_id === String(st.grid))!;
    const staff = rowsNow.find((r) => r.subject_kind === 'worker' && r.subject_id === uid.staff)!;
    // 按时办结 2 of 2, 满意 1 of 2, the most found of its kind: (50 × 1 + 40 × 0.5 + 10 × 1) / 100.
    expect(grid).toMatchObject({ found: 2, handled: 2, on_time: 2, satisfied: 1, unsatisfied: 1, score: 80, rank: 1, published_at: null });
    expect(staff).toMatchObject({ found: 2, handled: 2, on_time: 2, satisfied: 1, unsatisfied: 1, score: 80, rank: 1 });
    expect(rowsNow.map((r) => r.subject_kind).sort()).toEqual(['grid', 'worker']);

    // Satisfaction alone: half.
    expect((await who.office.from('grid_assessment_weights').insert({ unit_id: st.street, on_time: 0, satisfaction: 100, found: 0 })).error).toBeNull();
    expect((await live(who.office)).find((r) => r.subject_kind === 'grid')!.score).toBe(50);
    // (the database refuses weights that are all zero)
    expect((await who.office.from('grid_assessment_weights').insert({ unit_id: st.street, on_time: 0, satisfaction: 0, found: 0 })).error?.code).toBe('23514');
  });

  it('until published, the grid\'s staff and the community read nothing of it; another street\'s office neither', async () => {
    expect(await live(who.staff)).toEqual([]);
    expect(await live(who.worker)).toEqual([]);
    expect(await live(await signedIn('office.s1@demo.local'))).toEqual([]);
    expect((await who.staff.rpc('grid_assessment_trend', { p_street_id: st.street })).data).toEqual([]);
    const trend = (await who.office.rpc('grid_assessment_trend', { p_street_id: st.street, p_months: 2 })).data as { month: string; found: number; handled: number; on_time_rate: number; satisfaction_rate: number }[];
    expect(trend.at(-1)).toMatchObject({ month: thisMonth(), found: 2, handled: 2, on_time_rate: 100, satisfaction_rate: 50 });
  });

  it('the office publishes a month once it is over, once: then everyone of the street reads the frozen rows', async () => {
    const current = await who.office.rpc('publish_grid_assessment', { p_street_id: st.street, p_month: thisMonth() });
    expect([current.error?.code, current.error?.hint]).toEqual(['23514', 'month']);
    expect((await who.staff.rpc('publish_grid_assessment', { p_street_id: st.street, p_month: '2020-01-01' })).error?.code).toBe('42501');

    await pastCase('visit_satisfied');
    const published = await who.office.rpc('publish_grid_assessment', { p_street_id: st.street, p_month: '2020-01-01' });
    expect([published.error, published.data]).toEqual([null, 2]);
    const again = await who.office.rpc('publish_grid_assessment', { p_street_id: st.street, p_month: '2020-01-15' });
    expect([again.error?.code, again.error?.hint]).toEqual(['23505', 'month']);

    // (scored by satisfaction alone, the weights the first test left)
    const frozen = await live(who.office, '2020-01-01');
    expect(frozen.find((r) => r.subject_kind === 'grid')).toMatchObject({ found: 1, handled: 1, satisfied: 1, unsatisfied: 0, score: 100 });
    for (const client of [who.staff, who.worker]) expect(await live(client, '2020-01-01')).toEqual(frozen);
    // What the log or the weights say afterwards changes nothing of it; no one writes a published row.
    await pastCase('visit_unsatisfied');
    await who.office.from('grid_assessment_weights').insert({ unit_id: st.street, on_time: 100, satisfaction: 0, found: 0 });
    expect(await live(who.office, '2020-01-01')).toEqual(frozen);
    const forged = await who.office.from('grid_assessment_results').update({ score: 100 }).eq('street_id', st.street).select('id');
    expect(forged.error?.code).toBe('42501');
    expect(await live(await signedIn('office.s2@demo.local'), '2020-01-01')).toEqual([]);
  });
});

describe('治理态势 and the ledger: what is open, where, overdue, this month — as the caller reads it', () => {
  // A street of this file's own: a grid of two micro-grids with their staff, the community's worker.
  const sd = { street: 0, community: 0, grid: 0, mine: 0, other: 0 };
  const who: Record<'office' | 'worker' | 'staff' | 'otherStaff', SupabaseClient> = {} as never;
  const made: Record<string, number> = {};
  type Page = { id: number; state: string; category: string; overdue: boolean; deadline_at: string | null; total: number }[];
  type Board = { open: number; overdue: number; by_state: { state: string; open: number; overdue: number }[]; by_category: { category: string; open: number }[];
    by_unit: { unit_id: number; open: number; overdue: number }[]; months: Record<string, number> };

  beforeAll(async () => {
    const unit = async (kind: string, name: string, parent: number | null) =>
      (await rows<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [kind, `${name}-${run}`, parent]))[0]!.id;
    sd.street = await unit('street', '态势测试街道', null);
    sd.community = await unit('community', '态势测试社区', sd.street);
    sd.grid = await unit('grid', '态势测试网格', sd.community);
    sd.mine = await unit('micro_grid', '态势测试一号微网格', sd.grid);
    sd.other = await unit('micro_grid', '态势测试二号微网格', sd.grid);
    await db.query("insert into public.grid_lists (unit_id, list, label) values ($1, 'event_category', '安全隐患'), ($1, 'event_category', '环境卫生')", [sd.street]);
    for (const [key, unitId, role] of [
      ['office', sd.street, 'street_office'], ['worker', sd.community, 'community_worker'], ['staff', sd.mine, 'micro_grid_worker'], ['otherStaff', sd.other, 'micro_grid_worker'],
    ] as const) {
      const email = `board-${key}.${run}@grid.local`;
      const id = await createUser(db, email, PASSWORD, `态势 ${key}`);
      await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [id, unitId, role]);
      who[key] = await signedIn(email, PASSWORD);
    }
    const event = async (name: string, subject: number, category: string, steps: [SupabaseClient, string, Record<string, unknown>][]) => {
      const reporter = subject === sd.mine ? who.staff : who.otherStaff;
      const started = await reporter.rpc('start_workflow', { p_workflow: 'grid_governance', p_subject_unit_id: subject, p_form: { category, description: '楼道堆放杂物堵塞通道', location: '态势小区1号楼', urgency: 'normal' } });
      expect(started.error).toBeNull();
      made[name] = (started.data as { id: number }).id;
      for (const [i, [client, ev, payload]] of steps.entries()) {
        expect((await client.rpc('fire_event', { p_instance_id: made[name], p_event: ev, p_expected_revision: i, p_payload: payload })).error, `${name} ${ev}`).toBeNull();
      }
    };
    const report: [SupabaseClient, string, Record<string, unknown>] = [who.staff, 'report', {}];
    await event('triaged', sd.mine, '安全隐患', [report]);
    await event('inGrid', sd.mine, '环境卫生', [report, [who.worker, 'handle_in_grid', {}]]);
    await event('closed', sd.mine, '环境卫生', [report, [who.worker, 'handle_in_grid', {}], [who.staff, 'resolve', { comment: '已清理完毕' }], [who.staff, 'visit_satisfied', { satisfaction: 'satisfied' }]]);
    await event('elsewhere', sd.other, '安全隐患', [[who.otherStaff, 'report', {}]]);
    await event('draft', sd.mine, '安全隐患', []);
    // 网格处置's deadline passed (the scheduler's clock is the database's: move the deadline back).
    await db.query("update public.workflow_timers set deadline_at = now() - interval '1 day' where instance_id = $1 and state = 'grid_handling'", [made.inGrid]);
  });

  const ledger = async (client: SupabaseClient, args: Record<string, unknown> = {}) => {
    const { data, error } = await client.rpc('grid_events', { p_street_id: sd.street, ...args });
    expect(error).toBeNull();
    return data as Page;
  };
  const board = async (client: SupabaseClient, args: Record<string, unknown> = {}) => {
    const { data, error } = await client.rpc('grid_dashboard', { p_street_id: sd.street, ...args });
    expect(error).toBeNull();
    return data as unknown as Board;
  };

  it('the ledger filters by step, category, grid, open and overdue, newest first, each page with the total it is of', async () => {
    const all = await ledger(who.office);
    expect(all.map((r) => r.id)).toEqual([made.draft, made.elsewhere, made.closed, made.inGrid, made.triaged]);
    expect(all.every((r) => r.total === 5)).toBe(true);
    expect((await ledger(who.office, { p_state: 'grid_handling' })).map((r) => r.id)).toEqual([made.inGrid]);
    expect((await ledger(who.office, { p_category: '环境卫生' })).map((r) => r.id)).toEqual([made.closed, made.inGrid]);
    expect((await ledger(who.office, { p_unit_id: sd.other })).map((r) => r.id)).toEqual([made.elsewhere]);
    expect((await ledger(who.office, { p_open: false })).map((r) => r.id)).toEqual([made.closed]);
    const overdue = await ledger(who.office, { p_overdue: true });
    expect(overdue.map((r) => [r.id, r.overdue])).toEqual([[made.inGrid, true]]);
    expect(all.find((r) => r.id === made.closed)).toMatchObject({ overdue: false, deadline_at: null });
    const page = await ledger(who.office, { p_offset: 1, p_limit: 2 });
    expect([page.map((r) => r.id), page[0]!.total]).toEqual([[made.elsewhere, made.closed], 5]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await ledger(who.office, { p_from: today })).length).toBe(5);
    expect(await ledger(who.office, { p_to: today })).toEqual([]);
  });

  it('a grid worker\'s ledger is their grid\'s, whatever they ask; another street\'s office reads nothing', async () => {
    expect((await ledger(who.staff)).map((r) => r.id)).toEqual([made.draft, made.closed, made.inGrid, made.triaged]);
    expect(await ledger(who.staff, { p_unit_id: sd.other })).toEqual([]);
    expect(await ledger(await signedIn('office.s1@demo.local'))).toEqual([]);
    // The screen's explicit filter (the worker's own micro-grid) reads what service_role reads with it.
    const asService = await rows<{ id: number }>('select id::int from public.grid_events($1, p_unit_id => $2)', [sd.street, sd.mine]);
    expect(asService.map((r) => r.id)).toEqual((await ledger(who.staff, { p_unit_id: sd.mine })).map((r) => r.id));
  });

  it('a ledger whose filters the caller\'s scope covers (read as the owner) is the one the policies give, page and total', async () => {
    // The community's worker: by the community (covered) and by the street only (read under the policies).
    const covered = await ledger(who.worker, { p_community_id: sd.community, p_limit: 2, p_offset: 1 });
    const underPolicies = await ledger(who.worker, { p_limit: 2, p_offset: 1 });
    expect(covered.length).toBe(2);
    expect(covered).toEqual(underPolicies);
    // The grid's staff: their micro-grid (covered) and the street (under the policies), filtered alike.
    expect(await ledger(who.staff, { p_unit_id: sd.mine, p_category: '安全隐患' }))
      .toEqual(await ledger(who.staff, { p_category: '安全隐患' }));
    // A page past the end: nothing, either way.
    expect(await ledger(who.worker, { p_community_id: sd.community, p_offset: 50 })).toEqual([]);
  });

  it('the dashboard counts what is open by step, category and grid (each grid with what lies under it), the overdue, and this month beside last', async () => {
    const street = await board(who.office);
    expect([street.open, street.overdue]).toEqual([3, 1]);
    expect(street.by_state).toEqual([
      { state: 'triage', open: 2, overdue: 0 },
      { state: 'grid_handling', open: 1, overdue: 1 },
    ]);
    expect(street.by_category).toEqual([{ category: '安全隐患', open: 2, overdue: 0 }, { category: '环境卫生', open: 1, overdue: 1 }]);
    const unit = (b: Board, id: number) => b.by_unit.find((u) => u.unit_id === id);
    expect([unit(street, sd.community), unit(street, sd.grid), unit(street, sd.mine), unit(street, sd.other)].map((u) => [u?.open, u?.overdue]))
      .toEqual([[3, 1], [3, 1], [2, 1], [1, 0]]);
    expect(street.months).toMatchObject({ reported: 4, resolved: 1, closed: 1, reopened: 0, reported_last: 0 });
    // The community's worker reads the same; the grid's staff their micro-grid's (and the grids above it, by it).
    expect(await board(who.worker, { p_community_id: sd.community })).toEqual(street);
    const mine = await board(who.staff, { p_unit_id: sd.mine });
    expect([mine.open, mine.overdue, mine.months.reported]).toEqual([2, 1, 3]);
    expect(unit(mine, sd.other)).toBeUndefined();
    expect(await board(who.staff)).toMatchObject({ open: 2, overdue: 1 });
    expect(await board(await signedIn('office.s1@demo.local'))).toMatchObject({ open: 0, overdue: 0, by_unit: [] });
  });
});
