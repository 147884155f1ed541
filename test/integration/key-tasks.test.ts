// The key-task list (attachment 3) through the API as the demo accounts: the 25 tasks of both
// streets' campaigns exactly as the source lists them, with deadlines moved with each campaign;
// the street office updates statuses and records progress, period by period for recurring
// tasks; the reviewer and a filer only read; street 2's office sees nothing of street 1's; and
// what the schema refuses, whoever asks.
//
// Other files share the stack: the browser test reports street 2's task 8 for this month. This
// file writes only street 1's rows and a task of its own, and puts back what it changes.
import type { SupabaseClient } from '@supabase/supabase-js';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zhCN from '../../src/i18n/zh-CN.ts';
import { signedIn, superuser } from '../support/clients.ts';

// Attachment 3 as the source lists it: 序号, action, 主要内容及要求, 完成时间, 牵头单位 (党建办(组织) is
// the member office 党建办（组织）).
const TASKS: [number, string, string, string, string[]][] = [
  [1, 'brand', '对照《城市基层党建全域提升建设要求》开展自查', '2月底', ['党建办（组织）', '社管中心']],
  [2, 'brand', '各社区、小区、商圈、楼宇、社会组织等自主申报', '2月底', ['党建办（组织）', '社管中心']],
  [3, 'brand', '深化“大党委”制度,社区每年初建立需求清单、资源清单、党建项目清单,项目运行有成效', '3月', ['社管中心', '党建办（组织）']],
  [4, 'brand', '举办亮晒比选活动,街道择优确定若干个点,组建专班予以重点扶持、先行打造', '3月初', ['党建办（组织）', '社管中心']],
  [5, 'brand', '组织开展创意主题党日', '5月底', ['党建办（组织）']],
  [6, 'brand', '完成打造首批示范型社区、小区、商圈、楼宇、社会组织', '6月底', ['党建办（组织）']],
  [7, 'brand', '规范开展组织生活,《基层党组织工作手册》记录及时规范;红船云智慧党建系统活跃度不低于100%', '贯穿全年', ['党建办（组织）']],
  [8, 'brand', '依托“微嘉园”,每月开展“嘉园卡”积分兑换活动,至少有1-2条特色服务兑换项目', '贯穿全年', ['社会治理办']],
  [9, 'brand', '每季度“一编三定”各团组开展活动', '贯穿全年', ['党建办（组织）']],
  [10, 'two_new_orgs', '结合年轻干部培养,抓实两新组织党建指导员队伍建设,确保“一企一员”全覆盖', '3月', ['党建办（组织）']],
  [11, 'two_new_orgs', '深化“双覆盖攻坚”,完成年度县下达的新建党组织指标任务', '6月前', ['党建办（组织）']],
  [12, 'two_new_orgs', '深化“三先”及“车间政委”建设,提升1个示范点,新建1个示范点,形成1个党建品牌', '6月', ['党建办（组织）']],
  [13, 'two_new_orgs', '完成绮园景区区域化党建品牌建设', '6月底', ['党建办（组织）']],
  [14, 'two_new_orgs', '吾悦广场党建示范点建设', '6月底', ['党建办（组织）']],
  [15, 'red_property', '小区支部应建尽建;“党群家园”改造提升工程全面完成,各社区至少打造1个示范型党群家园,工作开展有特色、显成效', '5月底', ['党建办（组织）']],
  [16, 'red_property', '健全完善社区党组织领导下的“红色物业”党建联动议事服务机制,定期开展小区管理中各类民生事项的意见征求、研究分析、协商会办、成效评估等工作', '贯穿全年', ['社管中心']],
  [17, 'red_property', '结合各小区、楼道实际,设置“微家服务岗”等提供专业化精准化服务', '贯穿全年', ['社管中心']],
  [18, 'red_property', '定期联合业委会开展形式多样的小区睦邻活动', '贯穿全年', ['社管中心']],
  [19, 'red_magnet', '“红色驿站”改造提升工程全面完成,每个社区至少打造1个可看的点', '5月', ['党建办（组织）', '环卫中心']],
  [20, 'red_magnet', '结合“厕所革命”扩展功能,打造“城市驿站”', '6月', ['城发办', '环卫中心']],
  [21, 'red_magnet', '做实“两新共携手”、“三服务流动站”,建立覆盖各领域微网格、每月两次开展的“志愿同行365”轮值机制', '贯穿全年', ['党建办（组织）']],
  [22, 'social_orgs', '制定社工站社会组织入驻及管理手册,发挥好枢纽型社会组织功能', '贯穿全年', ['社管中心']],
  [23, 'social_orgs', '以全年为周期,每两月1期开展社区社会组织社工系统化、全领域、赋能增智成长活动', '贯穿全年', ['社管中心']],
  [24, 'social_orgs', '开展睦邻客厅专题培训,工作坊,经验交流会等全年6次,助力睦邻客厅全面提升', '贯穿全年', ['社管中心']],
  [25, 'social_orgs', '年度内策划实施1场社区公益项目创投,筛选至少6个项目参与县级公益创投大赛,实现不少于2个优秀项目', '贯穿全年', ['社管中心']],
];
// 完成时间 → (month, day) of the list's year; day 0 is the month's last day.
const WHEN: Record<string, [number, number] | null> = {
  '2月底': [2, 0], '3月初': [3, 10], '3月': [3, 0], '5月': [5, 0], '5月底': [5, 0], '6月': [6, 0], '6月底': [6, 0], '6月前': [6, 0], '贯穿全年': null,
};
// 贯穿全年 with a cadence where the content names one: 每月 (8, 21), 每季度 (9), 每两月 (23).
const CADENCE: Record<number, string> = { 8: 'monthly', 9: 'quarterly', 21: 'monthly', 23: 'bimonthly' };

interface Task {
  id: number;
  street_id: number;
  year_starts_on: string;
  action: string;
  number: number;
  content: string;
  deadline: string | null;
  all_year: boolean;
  cadence: string | null;
  status: string;
  leads: { sort: number; office: { name: string } }[];
  reports: { period: string | null; note: string }[];
}
const SELECT = 'id, street_id, year_starts_on, action, number, content, deadline, all_year, cadence, status, leads:key_task_leads(sort, office:campaign_member_offices(name)), reports:key_task_reports(period, note)';

/** An ISO date `months` months and `days` days after another (UTC, as Postgres' date + interval). */
function shift(iso: string, months: number, days = 0): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, d + days));
  return date.toISOString().slice(0, 10);
}
const todayIso = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

let db: pg.Client;
let office1: SupabaseClient;
let reviewer1: SupabaseClient;
let filer1: SupabaseClient;
let office2: SupabaseClient;
const campaign: Record<1 | 2, { id: number; year: string }> = {} as never;
const made: number[] = [];

async function listOf(client: SupabaseClient, street: 1 | 2): Promise<Task[]> {
  const { data, error } = await client.from('key_tasks').select(SELECT).eq('campaign_id', campaign[street].id).eq('year_starts_on', campaign[street].year).order('number');
  expect(error).toBeNull();
  return data as unknown as Task[];
}

beforeAll(async () => {
  db = await superuser();
  [office1, reviewer1, filer1, office2] = await Promise.all([
    signedIn('office.s1@demo.local'), signedIn('reviewer.s1@demo.local'), signedIn('filer.c1@demo.local'), signedIn('office.s2@demo.local'),
  ]);
  for (const [street, client] of [[1, office1], [2, office2]] as const) {
    const { data, error } = await client.from('campaigns').select('id, phases:campaign_phases(phase, starts_on)').eq('street_id', street).single();
    expect(error).toBeNull();
    const plan = (data!.phases as { phase: string; starts_on: string }[]).find((p) => p.phase === 'plan')!;
    // The source's plan starts 2020-10 and its list is 2021年's: the list's year starts three months on.
    campaign[street] = { id: data!.id as number, year: shift(plan.starts_on.slice(0, 8) + '01', 3) };
  }
});

afterAll(async () => {
  if (made.length) await db.query('delete from public.key_tasks where id = any($1)', [made]);
  await db.end();
});

describe('the seeded lists', () => {
  it.each([1, 2] as const)('street %i: the 25 tasks of attachment 3, numbers, contents, deadlines and lead offices as the source lists them', async (street) => {
    const tasks = await listOf(street === 1 ? office1 : office2, street);
    const { year } = campaign[street];
    expect(tasks.map((t) => t.number)).toEqual(TASKS.map(([n]) => n));
    for (const [number, action, content, when, leads] of TASKS) {
      const task = tasks.find((t) => t.number === number)!;
      expect(task.street_id).toBe(street);
      expect(task.action, `${number}`).toBe(action);
      expect(task.content, `${number}`).toBe(content);
      const w = WHEN[when]!;
      if (w === null) {
        expect(task.all_year, `${number}`).toBe(true);
        expect(task.deadline).toBeNull();
        expect(task.cadence, `${number}`).toBe(CADENCE[number] ?? null);
      } else {
        expect(task.all_year, `${number}`).toBe(false);
        expect(task.cadence).toBeNull();
        expect(task.deadline, `${number} ${when}`).toBe(w[1] === 0 ? shift(year, w[0], -1) : shift(year, w[0] - 1, w[1] - 1));
      }
      expect([...task.leads].sort((a, b) => a.sort - b.sort).map((l) => l.office.name), `${number}`).toEqual(leads);
    }
    // 2月底 is the plan phase's last day, 6月底 the pilot's, as in the source's schedule.
    const { data: phases } = await (street === 1 ? office1 : office2).from('campaign_phases').select('phase, ends_on').eq('campaign_id', campaign[street].id);
    const endOf = (phase: string) => phases!.find((p) => p.phase === phase)!.ends_on;
    expect(tasks.find((t) => t.number === 1)!.deadline).toBe(endOf('plan'));
    expect(tasks.find((t) => t.number === 6)!.deadline).toBe(endOf('pilot'));
  });

  it('street 2, six months in: its February and March tasks four done and task 10 overdue, recurring tasks reported period by period', async () => {
    const tasks = await listOf(office2, 2);
    const today = todayIso();
    const overdue = tasks.filter((t) => t.deadline !== null && t.deadline < today && t.status !== 'done').map((t) => t.number);
    expect(overdue).toEqual([10]);
    expect(tasks.filter((t) => t.status === 'done').map((t) => t.number)).toEqual([1, 2, 3, 4]);
    expect(tasks.find((t) => t.number === 14)!.status).toBe('blocked');
    const { year } = campaign[2];
    const periods = (n: number) => tasks.find((t) => t.number === n)!.reports.flatMap((r) => (r.period ? [r.period] : [])).sort();
    // Monthly: the three months before this one (this month's is for the office to add).
    expect(periods(8)).toEqual(expect.arrayContaining([year, shift(year, 1), shift(year, 2)]));
    expect(periods(8).every((p) => p <= today)).toBe(true);
    expect(periods(9)).toEqual([year]); // quarterly
    expect(periods(23)).toEqual([year]); // every two months
    expect(periods(21)).toEqual([year, shift(year, 1)]); // last month's missing
  });
});

describe('the street office', () => {
  it('updates a task\'s status and records progress, as itself', async () => {
    const [task] = await listOf(office1, 1).then((ts) => ts.filter((t) => t.number === 5));
    const upd = await office1.from('key_tasks').update({ status: 'in_progress' }).eq('id', task!.id).select('status, street_id');
    expect(upd.error).toBeNull();
    expect(upd.data).toEqual([{ status: 'in_progress', street_id: 1 }]);

    const note = `已制定创意主题党日方案-${Date.now()}`;
    const ins = await office1.from('key_task_reports').insert({ task_id: task!.id, note }).select('id, period, street_id, reported_by');
    expect(ins.error).toBeNull();
    const { data: me } = await office1.auth.getUser();
    expect(ins.data).toEqual([{ id: expect.any(Number), period: null, street_id: 1, reported_by: me.user!.id }]);
    // Who wrote it is the caller, never what the client sends.
    const forged = await office1.from('key_task_reports').insert({ task_id: task!.id, note: '冒名', reported_by: '00000000-0000-4000-a000-000000000102' });
    expect(forged.error?.code).toBe('42501');
    // The office corrects its note; the task's year and cadence are not the report's to change.
    const fixed = await office1.from('key_task_reports').update({ note: `${note}（已修改）` }).eq('id', ins.data![0]!.id).select('note');
    expect(fixed.data).toEqual([{ note: `${note}（已修改）` }]);

    await db.query("update public.key_tasks set status = 'not_started' where id = $1", [task!.id]);
    await db.query('delete from public.key_task_reports where id = $1', [ins.data![0]!.id]);
  });

  it('reports a recurring task once a period, for periods of its year up to the current one', async () => {
    // A monthly task of a list whose year began two months ago: this month is its third period.
    const year = shift(todayIso().slice(0, 8) + '01', -2);
    const thisMonth = shift(year, 2);
    const created = await office1.from('key_tasks')
      .insert({ campaign_id: campaign[1].id, year_starts_on: year, action: 'red_magnet', number: 1, content: '每月开展志愿服务轮值', all_year: true, cadence: 'monthly', street_id: 2 })
      .select('id, street_id, status');
    expect(created.error).toBeNull();
    expect(created.data![0]).toMatchObject({ street_id: 1, status: 'not_started' }); // the campaign's street, whatever was sent
    const id = created.data![0]!.id as number;
    made.push(id);
    const { data: offices } = await office1.from('campaign_member_offices').select('id, name').eq('campaign_id', campaign[1].id);
    const lead = await office1.from('key_task_leads').insert({ task_id: id, office_id: offices!.find((o) => o.name === '党建办（组织）')!.id, sort: 1 });
    expect(lead.error).toBeNull();

    const report = (period: string | null, note = `${period ?? '随时'}的进展`) => office1.from('key_task_reports').insert({ task_id: id, period, note }).select('period');
    expect((await report(thisMonth)).data).toEqual([{ period: thisMonth }]);
    expect((await report(year)).data).toEqual([{ period: year }]); // a past period, reported late
    const again = await report(thisMonth, '重复');
    expect(again.error?.code).toBe('23505');
    expect(again.error?.message).toContain('key_task_reports_period_unique');
    for (const bad of [shift(thisMonth, 0, 14), shift(thisMonth, 1), shift(year, -1)]) {
      const r = await report(bad);
      expect(r.error?.code, bad).toBe('23514'); // mid-month, not yet begun, before the year
      expect(r.error?.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await report(null, '随时记录的进展')).error).toBeNull(); // a one-off note needs no period

    // Its cadence is fixed once periods are reported.
    const recadence = await office1.from('key_tasks').update({ cadence: 'quarterly' }).eq('id', id);
    expect(recadence.error?.code).toBe('23514');
    // A dated task takes one-off notes only.
    const [dated] = (await listOf(office1, 1)).filter((t) => t.number === 10);
    const periodOnDated = await office1.from('key_task_reports').insert({ task_id: dated!.id, period: thisMonth, note: '按期' });
    expect(periodOnDated.error?.code).toBe('23514');
  });

  it('a task with neither a deadline nor all year is refused, in Chinese; a deadline outside the year, a lead of another campaign too', async () => {
    const base = { campaign_id: campaign[1].id, year_starts_on: campaign[1].year, action: 'brand', number: 99, content: '无完成时间的任务' };
    const neither = await office1.from('key_tasks').insert({ ...base, deadline: null, all_year: false });
    expect(neither.error?.code).toBe('23514');
    expect(neither.error?.message).toContain('key_tasks_when_check');
    expect(zhCN.errors.key_tasks_when_check).toMatch(/[\u4e00-\u9fff]/);
    const both = await office1.from('key_tasks').insert({ ...base, deadline: shift(campaign[1].year, 1), all_year: true });
    expect(both.error?.message).toContain('key_tasks_when_check');
    const outside = await office1.from('key_tasks').insert({ ...base, deadline: shift(campaign[1].year, 12) });
    expect(outside.error?.message).toContain('key_tasks_deadline_check');
    const cadenced = await office1.from('key_tasks').insert({ ...base, deadline: shift(campaign[1].year, 1), cadence: 'monthly' });
    expect(cadenced.error?.message).toContain('key_tasks_cadence_check');
    const duplicate = await office1.from('key_tasks').insert({ ...base, number: 1, deadline: shift(campaign[1].year, 1) });
    expect(duplicate.error?.message).toContain('key_tasks_number_unique');
    for (const c of ['key_tasks_deadline_check', 'key_tasks_cadence_check', 'key_tasks_number_unique'] as const) expect(zhCN.errors[c]).toMatch(/[\u4e00-\u9fff]/);
    const { rows } = await db.query('select 1 from public.key_tasks where number = 99');
    expect(rows).toEqual([]);

    // Street 1's task led by one of street 2's offices: not a member office of its campaign.
    const [task] = (await listOf(office1, 1)).filter((t) => t.number === 13);
    const { rows: other } = await db.query<{ id: number }>('select id::int from public.campaign_member_offices where campaign_id = $1 limit 1', [campaign[2].id]);
    const foreign = await office1.from('key_task_leads').insert({ task_id: task!.id, office_id: other[0]!.id });
    expect(foreign.error?.code).toBe('23514');
    // An office that leads tasks stays in the leadership group until they are reassigned.
    const { rows: lead } = await db.query<{ id: number }>("select id::int from public.campaign_member_offices where campaign_id = $1 and name = '城发办'", [campaign[1].id]);
    const removed = await office1.from('campaign_member_offices').delete().eq('id', lead[0]!.id);
    expect(removed.error?.code).toBe('23503');
    expect(removed.error?.message).toContain('key_task_leads_office_fkey');
    expect(zhCN.errors.key_task_leads_office_fkey).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('everyone else', () => {
  it.each([['reviewer.s1', () => reviewer1], ['filer.c1', () => filer1]] as const)('%s reads street 1\'s list and writes nothing of it', async (_, client) => {
    const tasks = await listOf(client(), 1);
    expect(tasks).toHaveLength(25);
    const task = tasks.find((t) => t.number === 7)!;
    const before = (await db.query('select status, updated_at from public.key_tasks where id = $1', [task.id])).rows;

    const upd = await client().from('key_tasks').update({ status: 'done' }).eq('id', task.id).select('id');
    expect(upd.error).toBeNull();
    expect(upd.data).toEqual([]); // not theirs: zero rows
    const report = await client().from('key_task_reports').insert({ task_id: task.id, note: '越权填报' });
    expect(report.error?.code).toBe('42501');
    const created = await client().from('key_tasks').insert({ campaign_id: campaign[1].id, year_starts_on: campaign[1].year, action: 'brand', number: 98, content: '越权新建', all_year: true });
    expect(created.error?.code).toBe('42501');
    const lead = await client().from('key_task_leads').delete().eq('task_id', task.id).select('task_id');
    expect(lead.data ?? []).toEqual([]);
    const del = await client().from('key_tasks').delete().eq('id', task.id).select('id');
    expect(del.data ?? []).toEqual([]);

    expect((await db.query('select status, updated_at from public.key_tasks where id = $1', [task.id])).rows).toEqual(before);
    expect((await db.query("select 1 from public.key_task_reports where note = '越权填报'")).rows).toEqual([]);
    expect((await db.query('select count(*)::int as n from public.key_task_leads where task_id = $1', [task.id])).rows[0].n).toBe(1);
  });

  it('street 2\'s office sees none of street 1\'s key tasks and cannot touch them', async () => {
    for (const table of ['key_tasks', 'key_task_leads', 'key_task_reports']) {
      const { data, error } = await office2.from(table).select('street_id');
      expect(error).toBeNull();
      expect(data!.length, table).toBeGreaterThan(0);
      expect(new Set(data!.map((r) => r.street_id)), table).toEqual(new Set([2]));
    }
    const { rows } = await db.query<{ id: number }>('select id::int from public.key_tasks where street_id = 1 and number = 7');
    const upd = await office2.from('key_tasks').update({ status: 'done' }).eq('id', rows[0]!.id).select('id');
    expect(upd.data).toEqual([]);
    const report = await office2.from('key_task_reports').insert({ task_id: rows[0]!.id, note: '跨街道填报' });
    expect(report.error?.code).toBe('42501');
    const created = await office2.from('key_tasks').insert({ campaign_id: campaign[1].id, year_starts_on: campaign[1].year, action: 'brand', number: 97, content: '跨街道新建', all_year: true });
    expect(created.error?.code).toBe('42501');
    expect((await db.query("select 1 from public.key_task_reports where note = '跨街道填报'")).rows).toEqual([]);
  });
});
