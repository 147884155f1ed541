// The 申报表 from start to print, in the browser, on the demo data: the filing window is closed,
// so the filer's complete form cannot be submitted (the reason and the dates are shown); the
// office opens the window; the filer fills the form with a mistake the form catches, fixes it and
// submits; a reviewer returns it (an empty comment is asked for by name); the filer fixes and
// resubmits; the reviewer sees what changed, approves with the street's opinion, which stays in
// the timeline and 我的已办; the printed page shows it with the date and the seal.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';
import { superuser } from '../support/clients.ts';

const ui = adminInBrowser();

let closesOn: string;

beforeAll(async () => {
  const db = await superuser();
  // Close street 1's filing window (yesterday), to be reopened by the office in the browser.
  const { rows } = await db.query<{ closes: string }>(
    `update public.campaigns c set filing_closes_on = current_date - 1 from public.campaigns old
     where c.id = old.id and c.street_id = 1 returning to_char(old.filing_closes_on, 'YYYY-MM-DD') as closes`,
  );
  closesOn = rows[0]!.closes;
  await db.end();
});

afterAll(async () => {
  const db = await superuser();
  await db.query('update public.campaigns set filing_closes_on = $1 where street_id = 1', [closesOn]);
  await db.end();
});

const state = (page: Page) => page.getByTestId('workflow-state');
const dialog = (page: Page) => page.locator('.ant-modal-content');
const saved = (page: Page) => expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 }).toMatch(/已自动保存/);
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });

async function act(page: Page, action: string, fields: Record<string, string> = {}, confirm?: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  if (confirm) expect(await dialog(page).getByTestId('action-confirm').textContent()).toBe(confirm);
  for (const [label, value] of Object.entries(fields)) await dialog(page).getByLabel(label).fill(value);
  await dialog(page).getByRole('button', { name: action, exact: true }).click();
  await page.getByText(`已办理：${action}`).waitFor();
}

describe('the 申报表 in the browser', () => {
  it('filed, gated by the window, returned, resubmitted, approved and printed', async () => {
    // The filer opens 禾丰社区's draft from the list.
    const filer = await ui.signIn('filer.c1@demo.local');
    await filer.locator('.ant-menu').first().getByText('申报表', { exact: true }).click();
    // The list, not the 工作台 it leaves (whose card names 禾丰社区 too), once it has put its
    // paging in the address (which would otherwise undo a click's navigation).
    await filer.waitForURL(/\/workflows\/application\?/);
    await filer.getByTestId('workflow-start').waitFor();
    await filer.getByRole('cell', { name: '禾丰社区' }).click();
    await filer.waitForURL(/\/workflows\/application\/\d+$/);
    const url = filer.url();
    expect(await state(filer).textContent()).toBe('草稿');
    await filer.getByLabel('户籍户数').waitFor();

    // A mistake the form catches as it is typed, and the draft is not saved until fixed.
    await filer.getByLabel('常住人数').fill('5');
    await filer.getByText('人数不能少于户数').waitFor();
    await expect.poll(() => filer.getByTestId('save-state').textContent()).toMatch(/不符合要求/);
    await shot(filer, 'application-filer-mistake');
    await filer.getByLabel('常住人数').fill('3120');
    await saved(filer);

    await filer.getByLabel('创建措施').fill('推行“红色物业”，小区党支部应建尽建；每季度召开“大党委”联席会议。');
    await filer.getByLabel('项目名称').fill('禾邻红管家');
    await filer.getByLabel('创建目标').fill('两年内建成示范型社区。');
    await filer.getByRole('button', { name: '添加任务节点' }).click();
    await filer.getByPlaceholder('任务节点内容').fill('完成小区党支部组建');
    await filer.getByPlaceholder('完成时间').click();
    await filer.getByPlaceholder('完成时间').fill('2027-03-31');
    await filer.keyboard.press('Enter');
    await saved(filer);

    // Complete, but the window is closed: the action says why, with the dates.
    await filer.reload();
    await filer.getByLabel('户籍户数').waitFor();
    const submit = filer.getByRole('button', { name: '提交申报' });
    expect(await submit.isDisabled()).toBe(true);
    await submit.hover({ force: true });
    await filer.getByText(/申报窗口未开放.*\d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日/).waitFor();
    await shot(filer, 'application-filer-window-closed');

    // The office extends the window in the campaign's panel.
    const office = await ui.signIn('office.s1@demo.local');
    await office.locator('.ant-menu').first().getByText('全域提升行动', { exact: true }).click();
    // The list, not the 工作台 it leaves (whose cards name 青禾街道 too), its paging in the address.
    await office.waitForURL(/\/workflows\/campaign\?/);
    await office.getByRole('cell', { name: '青禾街道' }).click();
    await office.getByLabel('申报期').waitFor();
    await expect.poll(() => state(office).textContent()).toBe('规划部署阶段');
    const end = office.getByPlaceholder('结束日期').first();
    await end.click();
    await end.fill(closesOn);
    await office.keyboard.press('Enter');
    await office.getByRole('button', { name: '保存', exact: true }).click();
    await office.getByText('已保存').first().waitFor();
    await shot(office, 'campaign-office-config');

    // Now the filer submits.
    await filer.reload();
    await expect.poll(() => submit.isDisabled()).toBe(false);
    await act(filer, '提交申报', {}, '提交后将不能修改，确定提交禾丰社区的申报表？');
    await expect.poll(() => state(filer).textContent()).toBe('已提交');

    // The reviewer opens it and returns it with what to fix.
    const reviewer = await ui.signIn('reviewer.s1@demo.local');
    const pageErrors: string[] = [];
    reviewer.on('pageerror', (error) => pageErrors.push(error.message));
    await reviewer.goto(url);
    await act(reviewer, '开始审核');
    // Confirmed with the comment empty: the field says what is missing, in Chinese, by name.
    await reviewer.getByRole('button', { name: '退回修改', exact: true }).click();
    await dialog(reviewer).getByRole('button', { name: '退回修改', exact: true }).click();
    await dialog(reviewer).locator('.ant-form-item-explain-error').getByText('请填写退回意见', { exact: true }).waitFor();
    await shot(reviewer, 'application-reviewer-return-empty');
    await dialog(reviewer).getByRole('button', { name: /Cancel|取\s*消/ }).click();
    await act(reviewer, '退回修改', { 退回意见: '创建目标请写明示范型小区的个数' });
    await expect.poll(() => state(reviewer).textContent()).toBe('已退回');

    // The filer sees the comment beside the form, fixes and resubmits.
    await filer.reload();
    await filer.getByTestId('return-comment').getByText('创建目标请写明示范型小区的个数').waitFor();
    await shot(filer, 'application-filer-returned');
    await filer.getByLabel('创建目标').fill('两年内建成示范型社区，其中示范型小区 2 个。');
    await saved(filer);
    await act(filer, '重新提交');
    await expect.poll(() => state(filer).textContent()).toBe('已提交');

    // The reviewer sees what changed since the last submission, and approves with the opinion.
    await reviewer.reload();
    await reviewer.getByTestId('changed-brand_goal').waitFor();
    expect(await reviewer.getByTestId('changed-measures').count()).toBe(0);
    // Marked after the value, never inside the label; the earlier value on hover.
    expect(await reviewer.getByTestId('view-brand_goal').textContent()).toBe('两年内建成示范型社区，其中示范型小区 2 个。本次修改');
    expect(await reviewer.locator('.ant-descriptions-item-label').filter({ hasText: '创建目标' }).textContent()).toBe('创建目标');
    await reviewer.getByTestId('changed-brand_goal').hover();
    await reviewer.getByText('上次提交：两年内建成示范型社区。', { exact: true }).waitFor();
    await shot(reviewer, 'application-reviewer-changes');
    await act(reviewer, '开始审核');
    await reviewer.getByRole('button', { name: '审核通过', exact: true }).click();
    await dialog(reviewer).getByRole('button', { name: '审核通过', exact: true }).click();
    await dialog(reviewer).getByText('请填写街道意见', { exact: true }).waitFor();
    await dialog(reviewer).getByLabel('街道意见').fill('同');
    await dialog(reviewer).getByText('街道意见请至少填写 2 个字', { exact: true }).waitFor();
    expect(await dialog(reviewer).getByText(/无效输入|期望/).count()).toBe(0); // no validator's raw words
    await dialog(reviewer).getByRole('button', { name: /Cancel|取\s*消/ }).click();
    await act(reviewer, '审核通过', { 街道意见: '同意申报示范型社区。' });
    await expect.poll(() => state(reviewer).textContent()).toBe('已通过');
    expect(pageErrors).toEqual([]);

    // The street's opinion stays in the record: the timeline, and 我的已办's 意见.
    const approval = reviewer.getByTestId('workflow-log-row').filter({ hasText: '审核通过' });
    expect(await approval.getByTestId('log-note-opinion').textContent()).toBe('街道意见：同意申报示范型社区。');
    await shot(reviewer, 'application-reviewer-approved');
    await reviewer.locator('.ant-menu').first().getByText('我的已办', { exact: true }).click();
    const done = reviewer.getByTestId('done-table').locator('tbody tr.ant-table-row').filter({ hasText: '禾丰社区' }).filter({ hasText: '审核通过' }).first();
    await done.waitFor();
    expect(await done.textContent()).toContain('街道意见：同意申报示范型社区。');
    await shot(reviewer, 'application-reviewer-done');

    // The printed page: the table of attachment 4, the opinion, its date and the seal.
    await reviewer.goto(`${ui.url}/print/application/${url.split('/').pop()}`);
    const sheet = reviewer.getByTestId('application-sheet');
    await sheet.getByText('禾丰社区').first().waitFor();
    expect(await reviewer.getByTestId('sheet-opinion').textContent()).toContain('同意申报示范型社区。');
    await reviewer.getByTestId('sheet-seal').waitFor();
    expect(await sheet.textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect(await sheet.textContent()).toContain('禾邻红管家');
    await reviewer.emulateMedia({ media: 'print' });
    await sheet.screenshot({ path: path.join(screenshotDir, 'application-printed.png') });
    // A PDF is the print dialog's 另存为 PDF (application-print.test.ts counts its pages and fonts).
    const pdf = await reviewer.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBe(1);
    await reviewer.emulateMedia({ media: 'screen' });

    for (const page of [filer, office, reviewer]) await page.context().close();
  }, 240_000);
});
