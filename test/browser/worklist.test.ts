// The work lists on street 1 of the seed (applications of 禾丰 101 draft, 枫林 102 submitted, 望湖
// 103 returned, 锦绣 104 approved, 丰泽 105 in review; 106–108 none): what waits for the reviewer,
// the office and a filer, what the reviewer has done, and the office's overview, filtered and
// exported to a real .xlsx.
//
// Other files share the stack and move some of these along (application.test.ts takes 禾丰's draft
// to approved and starts more of 枫林's), in whatever order files run. So this file asserts on
// what no other file touches (枫林's submitted one, 丰泽, 望湖, 锦绣, 107, 108), and the filer's
// draft is its own: a community and a filer made here, the draft started through the API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';
import { DEMO_PASSWORD } from '../../stack/config.ts';
import { ownDraft, superuser } from '../support/clients.ts';
import { createMember } from '../support/users.ts';

const ui = adminInBrowser();

const run = Date.now().toString(36);
const filerEmail = `filer.worklist.${run}@test.local`;
const community = `柳溪社区-${run}`;
// A reviewer of a street of this file's own (in a district of its own), with 120 reviews waiting.
const pagerEmail = `reviewer.pages.${run}@test.local`;
const WAITING = 120;
const pagedIds: number[] = [];

beforeAll(async () => {
  await ownDraft(community, { email: filerEmail, fullName: '柳溪 填报员' }, { registered_households: 600, registered_people: 1800 });
  const db = await superuser();
  try {
    const district = (await db.query<{ id: number }>("insert into public.units (kind, name) values ('district', $1) returning id::int", [`分页区-${run}`])).rows[0]!.id;
    const street = (await db.query<{ id: number }>("insert into public.units (kind, name, parent_id) values ('street', $1, $2) returning id::int", [`分页街道-${run}`, district])).rows[0]!.id;
    const unit = (await db.query<{ id: number }>("insert into public.units (kind, name, parent_id) values ('community', $1, $2) returning id::int", [`分页社区-${run}`, street])).rows[0]!.id;
    await createMember(db, pagerEmail, DEMO_PASSWORD, [{ unit: street, role: 'reviewer' }], '分页 评审员');
    // The sample's reviews, each waiting to be opened, the n-th made submitted n hours ago.
    const { rows } = await db.query<{ id: number }>(
      `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form, revision)
       select 'sample', 3, 'review.waiting', u.id, u.street_id, u.community_id, '{}', 1
       from public.units u, generate_series(1, $2) g where u.id = $1 returning id::int`,
      [unit, WAITING],
    );
    pagedIds.push(...rows.map((r) => r.id).sort((a, b) => a - b));
    await db.query(
      `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_roles, street_id, community_id, created_at)
       select i.id, i.workflow, i.version, 'submit', 'draft', i.state, '{community_filer}', i.street_id, i.community_id,
              now() - make_interval(hours => (row_number() over (order by i.id))::int)
       from public.workflow_instances i where i.community_id = $1`,
      [unit],
    );
  } finally {
    await db.end();
  }
});

afterAll(async () => {
  // The drafts and reviews stay (the log is append-only, and it holds the units); the accounts go.
  const db = await superuser();
  await db.query('delete from auth.users where email = any ($1)', [[filerEmail, pagerEmail]]);
  await db.end();
});

const menu = (page: Page) => page.locator('.ant-menu').first();
const rows = (page: Page, table: string) => page.getByTestId(table).locator('tbody tr.ant-table-row');
const row = (page: Page, table: string, text: string) => rows(page, table).filter({ hasText: text });

/** Picks a state in the overview's filter (the dropdown opens with a motion; wait for it). */
async function pickState(page: Page, label: string) {
  await page.getByTestId('overview-state').click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label });
  await option.waitFor();
  await option.click();
  await expect.poll(() => page.getByTestId('overview-state').locator('.ant-select-selection-item').textContent()).toBe(label);
}

describe('the work lists', () => {
  it('the reviewer: 枫林 waits to be opened, 丰泽 to be decided, the longest wait first; 我的已办 lists what they did', async () => {
    const page = await ui.signIn('reviewer.s1@demo.local');
    for (const item of ['我的待办', '我的已办', '申报情况']) await menu(page).getByText(item, { exact: true }).waitFor();
    await menu(page).getByText('我的待办', { exact: true }).click();
    await page.waitForURL(/\/todo$/);

    const fenglin = row(page, 'todo-table', '枫林社区').filter({ hasText: '已提交' });
    await fenglin.waitFor();
    expect(await fenglin.textContent()).toContain('申报表');
    expect(await fenglin.getByText('开始审核', { exact: true }).count()).toBe(1);
    expect(await fenglin.textContent()).toContain('6 天'); // submitted 6 days ago
    // The review's own deadline (three days to open it, the application's v2), passed.
    expect(await fenglin.textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日已逾期$/);

    const fengze = row(page, 'todo-table', '丰泽社区');
    expect(await fengze.textContent()).toContain('审核中');
    for (const action of ['退回修改', '审核通过']) expect(await fengze.getByText(action, { exact: true }).count()).toBe(1);
    expect(await fengze.textContent()).toContain('5 天'); // opened 5 days ago

    // Not the reviewer's: drafts and returned ones (the filers'), approved ones, the campaign (the office's).
    for (const other of ['望湖社区', '锦绣社区', community, '青禾街道']) expect(await row(page, 'todo-table', other).count(), other).toBe(0);
    for (const text of await rows(page, 'todo-table').allTextContents()) expect(text).not.toContain('草稿');
    // Longest wait first.
    const order = await rows(page, 'todo-table').allTextContents();
    expect(order.findIndex((t) => t.includes('枫林社区') && t.includes('已提交'))).toBeLessThan(order.findIndex((t) => t.includes('丰泽社区')));
    await page.screenshot({ path: path.join(screenshotDir, 'worklist-todo-reviewer.png'), fullPage: true });

    await fenglin.click();
    await page.waitForURL(/\/workflows\/application\/\d+$/);
    await expect.poll(() => page.getByTestId('workflow-state').textContent()).toBe('已提交');

    await menu(page).getByText('我的已办', { exact: true }).click();
    await page.waitForURL(/\/done$/);
    const returned = row(page, 'done-table', '望湖社区').filter({ hasText: '退回修改' });
    await returned.waitFor();
    expect(await returned.textContent()).toContain('特色品牌项目的任务节点过于笼统'); // the comment
    expect(await returned.textContent()).toContain('已退回'); // where it stands now
    expect(await row(page, 'done-table', '锦绣社区').filter({ hasText: '审核通过' }).count()).toBe(1);
    for (const opened of ['望湖社区', '锦绣社区', '丰泽社区']) expect(await row(page, 'done-table', opened).filter({ hasText: '开始审核' }).count(), opened).toBe(1);
    // Newest first: 锦绣's approval (3 days ago), 望湖's return (4 days ago), the openings (5 days ago).
    const done = await rows(page, 'done-table').allTextContents();
    const at = (a: string, b: string) => done.findIndex((t) => t.includes(a) && t.includes(b));
    expect(at('锦绣社区', '审核通过')).toBeLessThan(at('望湖社区', '退回修改'));
    expect(at('望湖社区', '退回修改')).toBeLessThan(at('丰泽社区', '开始审核'));
    await page.screenshot({ path: path.join(screenshotDir, 'worklist-done-reviewer.png'), fullPage: true });
    await page.context().close();
  });

  it('a filer: their incomplete draft waits for them, its submit held back with the reason, due when filing closes', async () => {
    const page = await ui.signIn(filerEmail);
    await menu(page).getByText('我的待办', { exact: true }).waitFor();
    expect(await menu(page).getByText('申报情况', { exact: true }).count()).toBe(0);
    await menu(page).getByText('我的待办', { exact: true }).click();

    const draft = row(page, 'todo-table', community);
    await draft.waitFor();
    expect(await draft.textContent()).toContain('草稿');
    expect(await draft.textContent()).toContain('不到 1 分钟'); // started just now
    expect(await draft.textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/); // the filing window's last day
    expect(await draft.textContent()).toMatch(/剩 \d+ 天/);
    await draft.getByText('提交申报', { exact: true }).hover();
    // the reason names what the form still lacks, by the fields' names
    await page.getByText(/^暂不可办理：申报表尚未填写完整（尚未填写：[^）]+）$/).waitFor();
    expect(await rows(page, 'todo-table').count()).toBe(1); // nothing of other communities
    await page.screenshot({ path: path.join(screenshotDir, 'worklist-todo-filer.png'), fullPage: true });

    // One application per community and campaign: 新建申报 is not offered for a community that has one.
    await menu(page).getByText('申报表', { exact: true }).click();
    const start = page.getByTestId('workflow-start');
    await expect.poll(() => start.isDisabled(), { timeout: 10_000 }).toBe(true); // once the refusals are loaded
    await start.hover({ force: true });
    await page.getByText(`${community}已发起本次行动的申报，不能重复发起`).waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'worklist-filer-start-refused.png'), fullPage: true });

    // The overview is not theirs: not in the menu, and refused when typed in.
    await page.goto(`${ui.url}/applications-overview`);
    await page.getByText('您没有权限访问').waitFor();
    await page.context().close();
  });

  it('a reviewer with 120 waiting: 50 a page, the longest wait first, the total, the pages and the deadline order from the database', async () => {
    const page = await ui.signIn(pagerEmail);
    await page.goto(`${ui.url}/todo`);
    const keys = () => rows(page, 'todo-table').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-row-key'))));
    await expect.poll(keys).toHaveLength(50);
    // the n-th was submitted n hours ago: the last made has waited longest
    const longest = [...pagedIds].reverse();
    expect(await keys()).toEqual(longest.slice(0, 50));
    await page.getByText(`共 ${WAITING} 条`).waitFor();
    await page.locator('.ant-pagination-item-3').click();
    await expect.poll(keys).toEqual(longest.slice(100));
    await page.screenshot({ path: path.join(screenshotDir, 'worklist-todo-pages.png'), fullPage: true });
    // 截止 sorts by the states' deadlines (two days after each submit): the same order, from page 1.
    await page.getByTestId('todo-table').locator('thead th').filter({ hasText: '截止' }).click();
    await expect.poll(keys).toEqual(longest.slice(0, 50));
    expect(await page.locator('.ant-pagination-item-active').textContent()).toBe('1');
    await page.context().close();
  });

  it('the street office: its 待办, then every community with its application, filtered and exported to .xlsx as shown', async () => {
    const page = await ui.signIn('office.s1@demo.local');
    // The office's 待办: the reviews (its role covers them too) and the street's own campaign.
    await menu(page).getByText('我的待办', { exact: true }).click();
    const campaign = row(page, 'todo-table', '青禾街道');
    await campaign.waitFor();
    expect(await campaign.textContent()).toContain('全域提升行动');
    expect(await campaign.getByText('进入下一阶段', { exact: true }).count()).toBe(1);
    await row(page, 'todo-table', '丰泽社区').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'worklist-todo-office.png'), fullPage: true });

    // 新建申报 offers the communities without an application in this campaign; the others greyed, with why.
    await menu(page).getByText('申报表', { exact: true }).click();
    await page.getByTestId('workflow-start').click();
    const dialog = page.locator('.ant-modal-content');
    const pick = async (text: string) => {
      await dialog.locator('.ant-select').click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(text);
      const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first();
      await option.waitFor();
      return option;
    };
    const jinxiu = await pick('锦绣');
    await expect.poll(() => jinxiu.getAttribute('class')).toContain('ant-select-item-option-disabled');
    expect(await jinxiu.textContent()).toContain('锦绣社区已发起本次行动的申报，不能重复发起');
    await page.screenshot({ path: path.join(screenshotDir, 'worklist-office-start-options.png'), fullPage: true });
    await page.keyboard.press('Escape');
    const xinqiao = await pick('新桥');
    expect(await xinqiao.getAttribute('class')).not.toContain('ant-select-item-option-disabled');
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /Cancel|取\s*消/ }).click();

    await menu(page).getByText('申报情况', { exact: true }).click();
    await page.waitForURL(/\/applications-overview$/);
    const table = 'overview-table';
    await row(page, table, '柳岸社区').waitFor();
    for (const [name, state] of [['望湖社区', '已退回'], ['锦绣社区', '已通过'], ['丰泽社区', '审核中'], ['新桥社区', '未申报'], ['柳岸社区', '未申报'], [community, '草稿']]) {
      expect(await row(page, table, name!).textContent(), name).toContain(state);
    }
    expect(await row(page, table, '锦绣社区').textContent()).toContain('示范型');
    expect(await row(page, table, '望湖社区').textContent()).toContain('标准型');
    expect(await row(page, table, '松涛社区').count()).toBe(0); // street 2's
    await page.screenshot({ path: path.join(screenshotDir, 'worklist-applications-office.png'), fullPage: true });

    // Sorted by 小区数, fewest first: 锦绣 (3 compounds) before 丰泽 (4).
    await page.getByTestId(table).locator('th').filter({ hasText: '小区数' }).click();
    const byCount = await rows(page, table).allTextContents();
    expect(byCount.findIndex((t) => t.includes('锦绣社区'))).toBeLessThan(byCount.findIndex((t) => t.includes('丰泽社区')));

    await pickState(page, '已退回');
    await expect.poll(async () => (await rows(page, table).allTextContents()).every((t) => t.includes('已退回'))).toBe(true);
    await row(page, table, '望湖社区').waitFor();
    const shown = await rows(page, table).count();
    await page.screenshot({ path: path.join(screenshotDir, 'worklist-applications-returned.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^申报情况-青禾街道-\d{8}\.xlsx$/);
    const file = readFileSync((await download.path())!);
    expect(file.length).toBeGreaterThan(0);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    // The workbook holds exactly the rows shown, under Chinese headers.
    const entries = unzipSync(new Uint8Array(file));
    expect(Object.keys(entries)).toContain('xl/workbook.xml');
    const sheet = strFromU8(entries['xl/worksheets/sheet1.xml']!);
    expect(sheet.match(/<row /g)?.length).toBe(shown + 1); // the header row and the rows shown
    const text = Object.entries(entries).filter(([name]) => name.endsWith('.xml')).map(([, data]) => strFromU8(data)).join('\n');
    for (const expected of ['社区', '状态', '创建类型', '小区数', '最近更新', '望湖社区', '已退回', '标准型']) expect(text).toContain(expected);
    for (const absent of ['锦绣社区', '丰泽社区', '未申报']) expect(text).not.toContain(absent);

    // 未申报 is a state of its own; its count above the list filters to it too.
    await page.getByTestId('overview-counts').getByText(/^未申报 \d+$/).click();
    await row(page, table, '新桥社区').waitFor();
    for (const text of await rows(page, table).allTextContents()) expect(text).toContain('未申报');
    await page.context().close();
  });
});
