// 重点任务 on the seed's two streets. Street 2's office (six months into its campaign): the list
// with its overdue task standing out, filtered to the overdue ones, a monthly task opened and this
// month's report added in its period grid, and the filtered list exported to a real .xlsx.
// Street 1's reviewer: the same list, read-only, its year still ahead.
//
// Other files share the stack; the integration test writes only street 1's rows and puts them
// back. This file adds street 2's task 8 report for this month (removed first, should a run
// have left one).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';
import { superuser } from '../support/clients.ts';

const ui = adminInBrowser({ viewport: { width: 1440, height: 900 } });

const now = new Date();
const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-01`;
const note = `本月积分兑换 3 场，兑换 120 人次（浏览器测试 ${Date.now().toString(36)}）`;

beforeAll(async () => {
  const db = await superuser();
  try {
    await db.query('delete from public.key_task_reports r using public.key_tasks t where t.id = r.task_id and t.street_id = 2 and t.number = 8 and r.period = $1', [thisMonth]);
  } finally {
    await db.end();
  }
});

const menu = (page: Page) => page.locator('.ant-menu').first();
const rows = (page: Page) => page.getByTestId('key-tasks-table').locator('tbody tr.ant-table-row');
const row = (page: Page, text: string) => rows(page).filter({ hasText: text });

/** Picks an option of one of the list's filters (the dropdown opens with a motion; wait for it). */
async function pick(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label });
  await option.waitFor();
  await option.click();
  await expect.poll(() => page.getByTestId(testId).locator('.ant-select-selection-item').textContent()).toBe(label);
}

/** Waits for the drawer's slide-in to end, for a screenshot of it in place. */
async function drawerSettled(page: Page) {
  await expect.poll(() => page.locator('.ant-drawer [class*="-motion-"]').count(), { timeout: 5000 }).toBe(0);
}

async function openList(page: Page) {
  await menu(page).getByText('重点任务', { exact: true }).click();
  await page.waitForURL(/\/key-tasks$/);
  await row(page, '吾悦广场党建示范点建设').waitFor();
}

describe('重点任务', () => {
  it('street 2\'s office: the overdue task stands out, a monthly task gets this month\'s report, the filtered list exports', async () => {
    const page = await ui.signIn('office.s2@demo.local');
    await openList(page);
    expect(await rows(page).count()).toBe(25);
    expect(await page.getByTestId('key-tasks-subtitle').textContent()).toMatch(/^云岚街道城市基层党建全域提升行动 · \d{4}年\d{1,2}月—\d{4}年\d{1,2}月$/);
    // The printed list's columns; the action spans its tasks.
    for (const header of ['行动', '序号', '主要内容及要求', '完成时间', '牵头单位', '状态', '最新进展']) {
      await page.getByTestId('key-tasks-table').locator('th').filter({ hasText: header }).first().waitFor();
    }
    const first = row(page, '对照《城市基层党建全域提升建设要求》开展自查');
    expect(await first.textContent()).toContain('基层党建品牌创建行动');
    expect(await first.textContent()).toContain('已完成');
    expect(await first.locator('.ant-tag').allTextContents()).toEqual(expect.arrayContaining(['党建办（组织）', '社管中心']));
    expect(await row(page, '每月开展“嘉园卡”积分兑换活动').textContent()).toContain('贯穿全年·每月');
    expect(await row(page, '每季度“一编三定”各团组开展活动').textContent()).toContain('贯穿全年·每季度');
    expect(await row(page, '每两月1期').textContent()).toContain('贯穿全年·每两月');
    // Task 21's last month is missing.
    expect(await row(page, '志愿同行365').textContent()).toContain('缺报 1 期');
    // Task 10: past its deadline, not done.
    const overdue = row(page, '两新组织党建指导员');
    expect(await overdue.textContent()).toMatch(/逾期 \d+ 天/);
    expect(await overdue.getAttribute('class')).toContain('key-task-overdue');
    expect(await row(page, '吾悦广场党建示范点建设').textContent()).toContain('受阻');
    await page.screenshot({ path: path.join(screenshotDir, 'key-tasks-office.png'), fullPage: true });

    await page.getByTestId('key-tasks-overdue').click();
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('确保“一企一员”全覆盖');
    await page.screenshot({ path: path.join(screenshotDir, 'key-tasks-overdue.png'), fullPage: true });
    await page.getByTestId('key-tasks-overdue').click();
    await expect.poll(() => rows(page).count()).toBe(25);

    // Task 8 (monthly, led by 社会治理办): each month of the year so far, this month's to report.
    await pick(page, 'key-tasks-lead', '社会治理办');
    await expect.poll(() => rows(page).count()).toBe(1);
    await row(page, '嘉园卡').click();
    const drawer = page.getByTestId('key-task-drawer');
    await drawer.waitFor();
    const periods = drawer.getByTestId('key-task-periods').locator('button[data-testid^="period-"]');
    await expect.poll(() => periods.count()).toBe(4);
    expect(await periods.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['reported', 'reported', 'reported', 'due']);
    const current = drawer.getByTestId(`period-${thisMonth}`);
    expect(await current.textContent()).toContain(`${now.getMonth() + 1}月`);
    // An earlier month shows its report.
    await periods.first().click();
    expect(await drawer.getByTestId('key-task-period-detail').textContent()).toContain('兑换理发、家电维修');
    await current.click();
    await drawerSettled(page);
    await page.screenshot({ path: path.join(screenshotDir, 'key-tasks-drawer-due.png') });
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.getByText('请填写进展').waitFor(); // empty: refused in the form
    await drawer.getByTestId('key-task-period-note').fill(note);
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => current.getAttribute('data-state')).toBe('reported');
    expect(await drawer.getByTestId('key-task-period-detail').textContent()).toContain(note);
    expect(await drawer.getByTestId('key-task-notes').textContent()).toContain(note);
    await drawerSettled(page);
    await page.screenshot({ path: path.join(screenshotDir, 'key-tasks-drawer.png') });
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'detached', timeout: 5000 });
    expect(await row(page, '嘉园卡').textContent()).toContain('已报 4/4 期');
    expect(await row(page, '嘉园卡').textContent()).toContain(note);
    await page.getByTestId('key-tasks-lead').hover();
    await page.getByTestId('key-tasks-lead').locator('.ant-select-clear').click();
    await expect.poll(() => rows(page).count()).toBe(25);

    // One action's nine tasks, exported exactly as shown.
    await pick(page, 'key-tasks-action', '基层党建品牌创建行动');
    await expect.poll(() => rows(page).count()).toBe(9);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^重点任务清单-云岚街道-\d{8}\.xlsx$/);
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    const entries = unzipSync(new Uint8Array(file));
    const sheet = strFromU8(entries['xl/worksheets/sheet1.xml']!);
    expect(sheet.match(/<row /g)?.length).toBe(9 + 1); // the header row and the rows shown
    const text = Object.entries(entries).filter(([name]) => name.endsWith('.xml')).map(([, data]) => strFromU8(data)).join('\n');
    for (const expected of ['行动', '序号', '主要内容及要求', '完成时间', '牵头单位', '状态', '最新进展', '基层党建品牌创建行动', '贯穿全年·每月', '社会治理办', '党建办（组织）', '已完成', note]) {
      expect(text).toContain(expected);
    }
    for (const absent of ['吾悦广场党建示范点建设', '两新组织提质增效行动']) expect(text).not.toContain(absent);
    await page.context().close();
  });

  it('street 1\'s reviewer reads the list, its year still ahead, and changes nothing', async () => {
    const page = await ui.signIn('reviewer.s1@demo.local');
    await openList(page);
    expect(await rows(page).count()).toBe(25);
    expect(await page.getByTestId('key-tasks-subtitle').textContent()).toMatch(/^青禾街道城市基层党建全域提升行动 · \d{4}年(度|\d{1,2}月—\d{4}年\d{1,2}月)$/);
    expect(await page.getByTestId('key-tasks-counts').textContent()).not.toContain('逾期');
    await row(page, '嘉园卡').click();
    const drawer = page.getByTestId('key-task-drawer');
    await drawer.waitFor();
    await drawer.getByText('清单年度尚未开始，暂无填报期').waitFor();
    expect(await drawer.getByTestId('key-task-status').count()).toBe(0); // a tag, not a select
    expect(await drawer.locator('textarea').count()).toBe(0);
    expect(await drawer.getByRole('button', { name: '记录进展' }).count()).toBe(0);
    await drawerSettled(page);
    await page.screenshot({ path: path.join(screenshotDir, 'key-tasks-reviewer.png') });
    await page.context().close();
  });

  it('a community filer has no 重点任务 in the menu', async () => {
    const page = await ui.signIn('filer.c1@demo.local');
    await menu(page).getByText('我的待办', { exact: true }).waitFor();
    expect(await menu(page).getByText('重点任务', { exact: true }).count()).toBe(0);
    await page.context().close();
  });
});
