// The 工作台 of each role starts with what waits for it (the work cards: the core's 我的待办 and
// the plugins'), then the charts, then the account. Other files move the demo's applications
// along (application.test.ts takes 禾丰's draft to approved), so what this file asserts exactly is
// its own: in street 1 a community with a draft and a filer, and a community with none whose
// filer may start one; in a street of its own (no campaign) a viewer for whom nothing waits and a
// filer who may not start. Of the demo it reads what the API says at the time (filer.c1's state,
// reviewer.s1's 我的待办, street 2's overdue key task) and changes nothing.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../stack/config.ts';
import { messages } from '../../workflows/application/messages.ts';
import { adminInBrowser, screenshotDir, still } from '../support/browser.ts';
import { createUser, signedIn, superuser } from '../support/clients.ts';

const ui = adminInBrowser({ viewport: { width: 1366, height: 1300 } });
const run = Date.now().toString(36);
const STATES: Record<string, string> = messages['zh-CN'].states;

const draftFiler = { email: `filer.dash.${run}@test.local`, community: `晴川社区-${run}` };
const newFiler = { email: `filer.dashnew.${run}@test.local`, community: `新苑社区-${run}` };
const loneViewer = { email: `viewer.dash.${run}@test.local`, street: `空街道-${run}` };
const loneFiler = { email: `filer.dashlone.${run}@test.local`, community: `空社区-${run}` };
let draftId = 0;
let newCommunity = 0;
const users: string[] = [];
const units: number[] = [];

beforeAll(async () => {
  const db = await superuser();
  try {
    const one = async (sql: string, params: unknown[]) => (await db.query<{ id: number }>(sql, params)).rows[0]!.id;
    const member = async (email: string, name: string, unit: number, role: string) => {
      const user = await createUser(db, email, DEMO_PASSWORD, name);
      users.push(user);
      await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [user, unit, role]);
    };
    // Street 1 (青禾街道, its filing window open): a community with a draft, one with none.
    const draftCommunity = await one("insert into public.units (kind, name, parent_id) values ('community', $1, 1) returning id::int", [draftFiler.community]);
    newCommunity = await one("insert into public.units (kind, name, parent_id) values ('community', $1, 1) returning id::int", [newFiler.community]);
    await member(draftFiler.email, '晴川 填报员', draftCommunity, 'community_filer');
    await member(newFiler.email, '新苑 填报员', newCommunity, 'community_filer');
    const filer = await signedIn(draftFiler.email);
    const { data, error } = await filer.rpc('start_workflow', { p_workflow: 'application', p_subject_unit_id: draftCommunity, p_form: { registered_households: 300 } });
    if (error) throw new Error(`start_workflow: ${error.message}`);
    draftId = (data as { id: number }).id;
    // A street of its own, under no district, with no campaign: nothing waits there.
    const street = await one("insert into public.units (kind, name) values ('street', $1) returning id::int", [loneViewer.street]);
    const lone = await one("insert into public.units (kind, name, parent_id) values ('community', $1, $2) returning id::int", [loneFiler.community, street]);
    units.push(lone, street);
    await member(loneViewer.email, '空街道 观察员', street, 'viewer');
    await member(loneFiler.email, '空社区 填报员', lone, 'community_filer');
  } finally {
    await db.end();
  }
});

afterAll(async () => {
  // The accounts and the lone street go; street 1's applications stay (their log is append-only).
  const db = await superuser();
  try {
    await db.query('delete from public.memberships where user_id = any($1::uuid[])', [users]);
    await db.query('delete from auth.users where id = any($1::uuid[])', [users]);
    for (const unit of units) await db.query('delete from public.units where id = $1', [unit]).catch(() => undefined);
  } finally {
    await db.end();
  }
});

/** Whether the element with test id `a` comes before the one with `b` in the document. */
const before = (page: Page, a: string, b: string) =>
  page.evaluate(([x, y]) => {
    const first = document.querySelector(`[data-testid="${x}"]`);
    const second = document.querySelector(`[data-testid="${y}"]`);
    return !!first && !!second && !!(first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING);
  }, [a, b] as const);

/** Every card in its place: the work cards, then the charts (when the role has any), then the account. */
async function expectOrder(page: Page, work: string, charts: boolean) {
  expect(await before(page, work, 'dashboard-account'), `${work} before the account`).toBe(true);
  if (charts) {
    await page.getByTestId('targets-overview').waitFor();
    expect(await before(page, work, 'targets-overview'), `${work} before the charts`).toBe(true);
    expect(await before(page, 'targets-overview', 'dashboard-account'), 'the charts before the account').toBe(true);
  }
}

// The viewport is tall enough for the work cards and the charts' first rows: a full-page picture
// of the charts does not finish on this layout (it waits on the page for good).
async function shot(page: Page, role: string) {
  await page.mouse.move(0, 0);
  await still(page);
  await page.screenshot({ path: path.join(screenshotDir, `dashboard-${role}.png`) });
}

const count = async (page: Page, testId: string) => Number((await page.getByTestId(testId).locator('.ant-statistic-content-value').textContent())?.trim());

describe('the 工作台 starts with what waits', () => {
  it('filer.c1: its 申报表 in the state the API has, with the filing deadline, and 打开 opens it', async () => {
    const api = await signedIn('filer.c1@demo.local');
    const { data: apps } = await api.from('workflow_instances').select('id, state').eq('workflow', 'application').eq('community_id', 101).order('created_at', { ascending: false }).limit(1);
    const app = apps![0]!;
    const page = await ui.signIn('filer.c1@demo.local');
    const card = page.getByTestId('work-card-application');
    await card.waitFor();
    const item = card.getByTestId('my-application-101');
    await item.getByText('禾丰社区').waitFor();
    expect(await item.getByTestId('my-application-state').textContent()).toBe(STATES[app.state]);
    // The filer reads no street charts: the work cards and the account only.
    await expectOrder(page, 'work-card-application', false);
    expect(await page.getByTestId('targets-overview').count()).toBe(0);
    await shot(page, 'filer-c1');
    await item.getByTestId('my-application-open').click();
    await page.waitForURL(new RegExp(`/workflows/application/${app.id}$`));
    await page.context().close();
  });

  it('a filer with a draft: 草稿, the filing window\'s last day, what is missing, its self-check, 打开', async () => {
    const page = await ui.signIn(draftFiler.email);
    const card = page.getByTestId('work-card-application');
    await card.waitFor();
    expect(await card.getByTestId('my-application-state').textContent()).toBe('草稿');
    const db = await superuser();
    const { rows } = await db.query<{ closes: string }>(`select to_char(filing_closes_on, 'YYYY"年"FMMM"月"FMDD"日"') as closes from public.campaigns where street_id = 1 order by start_year desc limit 1`);
    await db.end();
    expect(await card.getByTestId('my-application-deadline').textContent()).toContain(`申报截止${rows[0]!.closes}`);
    await card.getByText('申报表尚未填写完整').waitFor();
    // Street 1's self-check round is open: the card links the community's 评分表.
    const selfCheck = card.getByTestId('my-application-self-check');
    await selfCheck.getByText('待自评').waitFor();
    expect(await selfCheck.getByRole('link', { name: '评分表' }).getAttribute('href')).toMatch(/^\/scoring\?round=\d+&unit=\d+$/);
    // Its draft waits in 我的待办 too: the core's card counts it.
    await page.getByTestId('work-card-todo').waitFor();
    expect(await count(page, 'work-todo-count')).toBeGreaterThanOrEqual(1);
    expect(await before(page, 'work-card-application', 'work-card-todo')).toBe(true);
    await shot(page, 'filer-draft');
    await card.getByTestId('my-application-open').click();
    await page.waitForURL(new RegExp(`/workflows/application/${draftId}$`));
    await page.getByText(draftFiler.community).first().waitFor();
    await page.context().close();
  });

  it('a filer with none, in the filing window: 新建申报 starts it and opens it', async () => {
    const page = await ui.signIn(newFiler.email);
    const card = page.getByTestId('work-card-application');
    await card.waitFor();
    expect(await card.getByTestId('my-application-state').textContent()).toBe('未申报');
    await card.getByTestId('my-application-deadline').waitFor();
    await card.getByTestId('my-application-start').click({ noWaitAfter: true });
    await page.waitForURL(/\/workflows\/application\/\d+$/);
    const db = await superuser();
    const { rows } = await db.query<{ id: number; state: string }>("select id::int, state from public.workflow_instances where workflow = 'application' and subject_unit_id = $1", [newCommunity]);
    await db.end();
    expect(rows.map((r) => r.state)).toEqual(['draft']);
    expect(page.url()).toMatch(new RegExp(`/workflows/application/${rows[0]!.id}$`));
    await page.context().close();
    // Back on the 工作台 the card has it, and no second start is offered (the start rule refuses one).
    const again = await ui.signIn(newFiler.email);
    await again.getByTestId('work-card-application').getByTestId('my-application-open').waitFor();
    expect(await again.getByTestId('my-application-start').count()).toBe(0);
    expect(await again.getByTestId('my-application-state').textContent()).toBe('草稿');
    await again.context().close();
  });

  it('reviewer.s1: 待审核 as many as 我的待办 lists, then the open round, then the charts', async () => {
    const page = await ui.signIn('reviewer.s1@demo.local');
    await page.getByTestId('work-card-todo').waitFor();
    // (the count's title; a listed step may be called 待审核 too: the sample's, of another file's reviews)
    expect(await page.getByTestId('work-card-todo').locator('.ant-statistic-title').textContent()).toBe('待审核');
    const waiting = await count(page, 'work-todo-count');
    // Street 1's self-check round is open (the demo's): its card links the 评分通报 and the 评分表.
    const rounds = page.getByTestId('work-card-open-rounds');
    await rounds.waitFor();
    await rounds.getByRole('link', { name: '2026年自查' }).waitFor();
    await expectOrder(page, 'work-card-todo', true);
    expect(await before(page, 'work-card-todo', 'work-card-open-rounds')).toBe(true);
    await shot(page, 'reviewer-s1');
    // The same number as the list.
    await page.getByTestId('work-card-todo').getByText('查看全部').click();
    await page.waitForURL(/\/todo$/);
    const rows = page.getByTestId('todo-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(waiting);
    expect(waiting).toBeGreaterThan(0);
    await page.context().close();
  });

  it('office.s2: street 2\'s overdue key task, counted as the database has it', async () => {
    const db = await superuser();
    const { rows } = await db.query<{ id: number; content: string }>(
      "select id::int, content from public.key_tasks where street_id = 2 and status <> 'done' and deadline < (now() at time zone 'Asia/Shanghai')::date order by deadline",
    );
    await db.end();
    expect(rows.length).toBeGreaterThan(0); // the demo's one
    const page = await ui.signIn('office.s2@demo.local');
    const card = page.getByTestId('work-card-overdue-tasks');
    await card.waitFor();
    expect(await count(page, 'work-overdue-count')).toBe(rows.length);
    await card.getByTestId(`overdue-task-${rows[0]!.id}`).getByText(/逾期 \d+ 天/).waitFor();
    expect(await card.getByTestId(`overdue-task-${rows[0]!.id}`).textContent()).toContain(rows[0]!.content.slice(0, 8));
    await expectOrder(page, 'work-card-overdue-tasks', true);
    await shot(page, 'office-s2');
    await card.getByRole('link', { name: '查看重点任务' }).click();
    await page.waitForURL(/\/key-tasks$/);
    await page.context().close();
  });

  it('district.d1: its streets\' overdue task and open round, each named by street, read only; then the charts, drawn', async () => {
    const page = await ui.signIn('district.d1@demo.local');
    const tasks = page.getByTestId('work-card-overdue-tasks');
    const rounds = page.getByTestId('work-card-open-rounds');
    await tasks.getByText('云岚街道 ·').first().waitFor();
    await rounds.getByText(/^青禾街道 · 2026年自查$/).waitFor();
    // Read only: links, no button; no 评分表 (the district does not score).
    expect(await page.getByTestId('dashboard-work').locator('button').count()).toBe(0);
    expect(await rounds.getByRole('link', { name: '评分表' }).count()).toBe(0);
    await expectOrder(page, 'work-card-overdue-tasks', true);
    // The milestone charts draw for the district too (they come after the numbers are in).
    await expect.poll(() => page.locator('[data-testid=milestone-chart] .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await shot(page, 'district-d1');
    await page.context().close();
  });

  it('nothing waits: 暂无待办事项; a filer is offered 新建申报 exactly when the start rule lets it start', async () => {
    const viewer = await ui.signIn(loneViewer.email);
    await viewer.getByTestId('dashboard-empty').getByText('暂无待办事项').waitFor();
    expect(await viewer.getByTestId('dashboard-work').locator('.ant-card').count()).toBe(0);
    expect(await before(viewer, 'dashboard-empty', 'dashboard-account')).toBe(true);
    await shot(viewer, 'nothing-waits');
    await viewer.context().close();

    const filer = await ui.signIn(loneFiler.email);
    const card = filer.getByTestId('work-card-application');
    await card.waitFor();
    expect(await card.getByTestId('my-application-state').textContent()).toBe('未申报');
    // The database's start rule for this community (its street runs no campaign), as the list's start button reads it.
    const api = await signedIn(loneFiler.email);
    const { data: subjects } = await api.rpc('workflow_start_refusals', { p_workflow: 'application' });
    const mine = (subjects as { subject_unit_id: number; refusal: string | null }[]).find((s) => Number(s.subject_unit_id) === units[0]);
    expect(await card.getByTestId('my-application-start').count()).toBe(mine && !mine.refusal ? 1 : 0);
    if (mine?.refusal) await card.getByText(mine.refusal).waitFor();
    await filer.context().close();
  });
});
