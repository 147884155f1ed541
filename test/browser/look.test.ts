// How the screens look, on street 1 of the seed (禾丰 101 draft, 枫林 102 submitted, 望湖 103
// returned, 锦绣 104 approved, 丰泽 105 in review): the application named 申报表 and started with
// 新建申报, no raw ids or versions in the list, status tags coloured by what the state means, the
// panel's steps with the diagram folded, one date style, no frame around the page, the user's
// unit in the header, only the page's own menu entry selected. (No antd warnings on the
// console: console.test.ts, on a development build.)
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';
import { ownDraft, superuser } from '../support/clients.ts';

const ui = adminInBrowser();

// A draft of this file's own (another file may take 禾丰's draft further): a community of street 1
// and its filer, the draft started through the API.
const run = Date.now().toString(36);
const filerEmail = `filer.look.${run}@test.local`;
const community = `青柳社区-${run}`;
beforeAll(async () => {
  await ownDraft(community, { email: filerEmail, fullName: '青柳社区填报员' });
});
afterAll(async () => {
  const db = await superuser();
  await db.query('delete from auth.users where email = $1', [filerEmail]);
  await db.end();
});

const menu = (page: Page) => page.locator('.ant-menu').first();
const tableRow = (page: Page, text: string) => page.locator('main tbody tr.ant-table-row').filter({ hasText: text });
/** The antd status class of the tag in the row (ant-tag-success, ant-tag-warning…). */
const tagClass = (page: Page, rowText: string, tag: string) =>
  tableRow(page, rowText).locator('.ant-tag').filter({ hasText: tag }).first().evaluate((el) => [...el.classList].filter((c) => /^ant-tag-(default|processing|success|warning|error)$/.test(c)).join(' '));

const DATE_TIME = /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/;

describe('how the screens look', () => {
  it('the application list: 申报表 and 新建申报, no 编号 or 版本 column, tags coloured by state, one date style', async () => {
    const filer = await ui.signIn('filer.c1@demo.local');
    await menu(filer).getByText('申报表', { exact: true }).click();
    await filer.waitForURL(/\/workflows\/application\?/);
    await filer.getByTestId('workflow-start').waitFor();
    expect(await filer.getByTestId('workflow-start').textContent()).toBe('新建申报');
    expect(await menu(filer).getByText('创建申报').count()).toBe(0);
    await filer.context().close();

    const reviewer = await ui.signIn('reviewer.s1@demo.local');
    await menu(reviewer).getByText('申报表', { exact: true }).click();
    await reviewer.waitForURL(/\/workflows\/application\?/);
    await tableRow(reviewer, '望湖社区').waitFor();
    const headers = await reviewer.locator('main thead th').allTextContents();
    expect(headers.map((h) => h.trim()).filter(Boolean)).toEqual(['办理对象', '状态', '更新时间', '操作']);
    expect(await tableRow(reviewer, '望湖社区').textContent()).not.toMatch(/v1/);
    expect(await tagClass(reviewer, '望湖社区', '已退回')).toBe('ant-tag-warning');
    expect(await tagClass(reviewer, '锦绣社区', '已通过')).toBe('ant-tag-success');
    expect(await tagClass(reviewer, '丰泽社区', '审核中')).toBe('ant-tag-processing');
    expect(await tagClass(reviewer, '枫林社区', '已提交')).toBe('ant-tag-processing');
    expect(await tagClass(reviewer, community, '草稿')).toBe('ant-tag-default');
    expect((await tableRow(reviewer, '望湖社区').locator('td').nth(-2).textContent())?.trim()).toMatch(DATE_TIME);
    await reviewer.screenshot({ path: path.join(screenshotDir, 'look-application-list.png'), fullPage: true });
    // Each row's 查看 is a link to the instance (the row opens on a click too).
    const show = tableRow(reviewer, '望湖社区').getByTestId('workflow-row-show');
    expect(await show.textContent()).toBe('查看');
    const href = await show.getAttribute('href');
    expect(href).toMatch(/^\/workflows\/application\/\d+$/);
    await show.click();
    await reviewer.waitForURL((url) => url.pathname === href);
    await reviewer.getByTestId('workflow-state').waitFor();
    await reviewer.goBack();
    await tableRow(reviewer, '望湖社区').waitFor();

    // 我的待办: the same tags, the same colours.
    await menu(reviewer).getByText('我的待办', { exact: true }).click();
    await reviewer.waitForURL(/\/todo$/);
    await reviewer.getByTestId('todo-table').locator('tr').filter({ hasText: '丰泽社区' }).waitFor();
    expect(await tagClass(reviewer, '丰泽社区', '审核中')).toBe('ant-tag-processing');
    // 我的已办: when, in the one style.
    await menu(reviewer).getByText('我的已办', { exact: true }).click();
    await reviewer.waitForURL(/\/done$/);
    await reviewer.getByTestId('done-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect((await reviewer.getByTestId('done-table').locator('tbody tr.ant-table-row td').first().textContent())?.trim()).toMatch(DATE_TIME);
    await reviewer.context().close();

    // An office's 我的待办 holds applications past their review: 已自查, in green.
    const office2 = await ui.signIn('office.s2@demo.local');
    await menu(office2).getByText('我的待办', { exact: true }).click();
    await office2.waitForURL(/\/todo$/);
    await office2.getByTestId('todo-table').locator('.ant-tag').filter({ hasText: '已自查' }).first().waitFor();
    expect(await office2.getByTestId('todo-table').locator('.ant-tag').filter({ hasText: '已自查' }).first().evaluate((el) => el.classList.contains('ant-tag-success'))).toBe(true);
    await office2.context().close();
  });

  it('the panel: the main path as steps with the current one marked, a return as an error on the step it resubmits to, the diagram folded', async () => {
    const reviewer = await ui.signIn('reviewer.s1@demo.local');
    await menu(reviewer).getByText('申报表', { exact: true }).click();
    await reviewer.waitForURL(/\/workflows\/application\?/);
    await tableRow(reviewer, '望湖社区').click();
    const steps = reviewer.getByTestId('workflow-steps');
    await steps.waitFor();
    const titles = await steps.locator('.ant-steps-item-title').allTextContents();
    expect(titles.slice(0, 4)).toEqual(['草稿', '已提交', '审核中', '已通过']);
    expect(titles).not.toContain('已退回');
    const error = steps.locator('.ant-steps-item-error');
    expect(await error.count()).toBe(1);
    expect(await error.locator('.ant-steps-item-title').textContent()).toBe('已提交');
    expect(await error.locator('.ant-steps-item-description').textContent()).toBe('已退回');
    expect(await reviewer.getByTestId('workflow-state').evaluate((el) => el.classList.contains('ant-tag-warning'))).toBe(true);

    // The diagram: folded, not drawn until opened.
    const panel = reviewer.getByTestId('workflow-diagram-panel');
    expect(await panel.locator('.ant-collapse-item-active').count()).toBe(0);
    expect(await reviewer.getByTestId('workflow-diagram').count()).toBe(0);
    // (the demo's 申报表 are on the application's v3: supabase/seed.sql)
    expect(await reviewer.getByTestId('workflow-version').textContent()).toBe('流程版本 v3');
    await reviewer.screenshot({ path: path.join(screenshotDir, 'look-panel-returned.png'), fullPage: true });
    await panel.getByText('流程图', { exact: true }).click();
    await reviewer.getByTestId('workflow-diagram').locator('svg').waitFor();
    // Under each state's name, what v3 declares of it: the deadlines, the review's 会签.
    const drawn = (await reviewer.getByTestId('workflow-diagram').textContent()) ?? '';
    for (const mark of ['按规定期限', '限时 3 天', '限时 10 天 · 会签']) expect(drawn).toContain(mark);
    await reviewer.getByTestId('workflow-diagram').screenshot({ path: path.join(screenshotDir, 'look-diagram-marks.png') });

    // In review: the third step is the current one, in progress.
    await reviewer.goBack();
    await reviewer.waitForURL(/\/workflows\/application\?/);
    await tableRow(reviewer, '丰泽社区').click();
    await expect.poll(() => reviewer.getByTestId('workflow-steps').locator('.ant-steps-item-process .ant-steps-item-title').textContent()).toBe('审核中');
    await reviewer.context().close();

    // The campaign's phases, as steps too.
    const office = await ui.signIn('office.s1@demo.local');
    await menu(office).getByText('全域提升行动', { exact: true }).click();
    await office.waitForURL(/\/workflows\/campaign\?/);
    await tableRow(office, '青禾街道').click();
    await office.getByTestId('workflow-steps').waitFor();
    expect(await office.getByTestId('workflow-steps').locator('.ant-steps-item-title').allTextContents()).toEqual(['规划部署阶段', '示范推进阶段', '全面推进阶段', '全面验收阶段', '长效提升阶段']);
    expect(await office.getByTestId('workflow-steps').locator('.ant-steps-item-process .ant-steps-item-title').textContent()).toBe('规划部署阶段');
    await office.context().close();
  });

  it('the frame: no body margin, the unit beside the name, only the page\'s own menu entry selected', async () => {
    const filer = await ui.signIn('filer.c1@demo.local');
    expect(await filer.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    await expect.poll(() => filer.getByTestId('current-user').textContent()).toBe('禾禾丰社区填报员禾丰社区');
    await menu(filer).getByText('我的待办', { exact: true }).click();
    await filer.waitForURL(/\/todo$/);
    await filer.mouse.move(800, 600); // away from the menu: hovering marks an entry too
    // Once the page is in (the menu changes with it, as the navigation completes).
    await filer.getByTestId('todo-table').waitFor();
    await expect.poll(() => menu(filer).locator('.ant-menu-item-selected').allTextContents()).toEqual(['我的待办']);
    await menu(filer).getByText('工作台', { exact: true }).click();
    await filer.getByTestId('welcome').waitFor();
    await expect.poll(() => menu(filer).locator('.ant-menu-item-selected').allTextContents()).toEqual(['工作台']);
    await filer.screenshot({ path: path.join(screenshotDir, 'look-dashboard-filer.png'), fullPage: true });
    await filer.context().close();
  });
});
