// What an admin in this field is expected to do (issue 18): a table toolbar (刷新, 密度, 列设置)
// remembered per user, filters in the address that survive going elsewhere and back, empty states
// that say what to do, a title on every screen, dialogs that take Enter and Esc, and 行动目标 asking
// for each thing once. Reads the demo data and changes none of it.
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir, settled } from '../support/browser.ts';

const ui = adminInBrowser();
const run = Date.now().toString(36);

const table = (page: Page) => page.getByTestId('units-table');
const header = (page: Page, name: string) => table(page).locator('thead th', { hasText: name });
/** antd's size of the units table: small, middle or large (no class). */
const density = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('[data-testid="units-table"]');
    const all = el ? [el, ...el.querySelectorAll('.ant-table')] : [];
    return all.some((e) => e.classList.contains('ant-table-small')) ? 'small' : all.some((e) => e.classList.contains('ant-table-middle')) ? 'middle' : 'large';
  });
const nameFilter = (page: Page) => page.getByRole('textbox', { name: '名称' });

describe('admin habits in the browser', () => {
  it('the table toolbar: refresh, density and hidden columns, kept across reloads for the same user only', async () => {
    const page = await ui.signIn('office.s1@demo.local');
    await page.goto(`${ui.url}/units`);
    await table(page).getByRole('cell', { name: '禾丰社区', exact: true }).first().waitFor();
    const toolbar = page.getByTestId('generic.units-toolbar');

    // 刷新 reads the list again; its icon spins until the answer is in.
    const reread = page.waitForResponse((r) => r.request().method() === 'GET' && /\/rest\/v1\/units\?/.test(r.url()));
    await toolbar.getByRole('button', { name: '刷新' }).click();
    await reread;
    await expect.poll(() => toolbar.locator('.anticon-spin').count()).toBe(0);

    // 密度: 紧凑 (small) by default, 宽松 picked.
    expect(await density(page)).toBe('small');
    await toolbar.getByRole('button', { name: '密度' }).click();
    const loose = page.getByRole('menuitem', { name: '宽松' });
    await loose.waitFor();
    await settled(page, '.ant-dropdown');
    await loose.click();
    await expect.poll(() => density(page)).toBe('large');

    // 列设置: hide 地址.
    await toolbar.getByRole('button', { name: '列设置' }).click();
    const columns = page.getByTestId('generic.units-toolbar-columns');
    await columns.getByLabel('地址').uncheck();
    await expect.poll(() => header(page, '地址').count()).toBe(0);
    expect(await header(page, '上级单位').count()).toBe(1);
    await page.screenshot({ path: path.join(screenshotDir, 'habits-toolbar-columns.png') });

    await page.reload();
    await table(page).getByRole('cell', { name: '禾丰社区', exact: true }).first().waitFor();
    expect(await header(page, '地址').count()).toBe(0);
    expect(await density(page)).toBe('large');

    // Another user in the same browser has the table as it comes.
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('sb-')).forEach((k) => localStorage.removeItem(k)));
    await page.goto(`${ui.url}/login`);
    await page.getByLabel('邮箱').fill('reviewer.s1@demo.local');
    await page.getByLabel('密码').fill('demo123456');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('welcome').waitFor();
    await page.goto(`${ui.url}/units`);
    await table(page).getByRole('cell', { name: '禾丰社区', exact: true }).first().waitFor();
    expect(await header(page, '地址').count()).toBe(1);
    expect(await density(page)).toBe('small');
    await page.context().close();
  });

  it('我的待办 and 我的已办 have the toolbar too; a delete says what goes', async () => {
    const page = await ui.signIn('reviewer.s1@demo.local');
    for (const [route, key] of [['/todo', 'todo'], ['/done', 'done']] as const) {
      await page.goto(`${ui.url}${route}`);
      const rows = page.getByTestId(`${key}-table`).locator('tbody tr.ant-table-row');
      await rows.first().waitFor();
      const toolbar = page.getByTestId(`${key}-toolbar`);
      // (我的待办 asks the database for its page, 我的已办 reads the log)
      const reread = page.waitForRequest((r) => /\/rest\/v1\/(rpc\/workflow_todo$|workflow_events\?)/.test(r.url()));
      await toolbar.getByRole('button', { name: '刷新' }).click();
      await reread;
      await toolbar.getByRole('button', { name: '列设置' }).click();
      await page.getByTestId(`${key}-toolbar-columns`).getByLabel('事项').uncheck();
      const headers = page.getByTestId(`${key}-table`).locator('thead th');
      await expect.poll(() => headers.filter({ hasText: '事项' }).count(), { message: route }).toBe(0);
      await page.reload();
      await rows.first().waitFor();
      expect(await headers.filter({ hasText: '对象' }).count(), route).toBe(1);
      expect(await headers.filter({ hasText: '事项' }).count(), route).toBe(0);
    }
    await page.context().close();

    // Refine's own "确定要这样做吗？" names nothing: the office's delete names the unit.
    const office = await ui.signIn('office.s1@demo.local');
    await office.goto(`${ui.url}/units`);
    const row = table(office).locator('tbody tr.ant-table-row').first();
    const unitName = (await row.locator('td').first().textContent())!.trim();
    await row.getByRole('button', { name: /删除|delete/ }).click();
    const confirm = office.locator('.ant-popconfirm');
    await confirm.getByText(`确定删除单位“${unitName}”？删除后不能恢复。`).waitFor();
    await confirm.getByRole('button', { name: /取\s*消/ }).click();
    await office.context().close();
  });

  it('a filter lives in the address: going elsewhere and back keeps it; an empty result says how to clear it', async () => {
    const page = await ui.signIn('office.s1@demo.local');
    await page.goto(`${ui.url}/units`);
    await table(page).getByRole('cell', { name: '枫林社区', exact: true }).first().waitFor();
    await nameFilter(page).fill('禾丰');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/filters/);
    await expect.poll(() => table(page).getByRole('cell', { name: '枫林社区', exact: true }).count()).toBe(0);
    const filtered = page.url();
    expect(decodeURIComponent(filtered)).toContain('禾丰');

    // Elsewhere through the menu, then the browser's back button.
    await page.locator('.ant-menu').first().getByText('成员', { exact: true }).click();
    await page.waitForURL(/\/memberships/);
    await page.getByTestId('memberships-table').waitFor();
    await page.goBack();
    await page.waitForURL(/\/units/);
    expect(page.url()).toBe(filtered);
    await table(page).getByRole('cell', { name: '禾丰社区', exact: true }).first().waitFor();
    expect(await nameFilter(page).inputValue()).toBe('禾丰');
    expect(await table(page).getByRole('cell', { name: '枫林社区', exact: true }).count()).toBe(0);

    // Nothing matches: the empty state says so, and what to do.
    await nameFilter(page).fill(`无此单位${run}`);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByTestId('units-empty').getByText('没有符合筛选条件的记录，点击「重置」查看全部').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'habits-empty-filtered.png') });
    await page.context().close();
  });

  it('every screen has its title, "<page> · 全域提升"', async () => {
    const page = await ui.newPage();
    await page.goto(`${ui.url}/login`);
    await page.getByLabel('邮箱').waitFor();
    await expect.poll(() => page.title()).toBe('登录账号 · 全域提升');
    await page.context().close();

    const signedIn = await ui.signIn('office.s1@demo.local');
    // Each screen's title, and where it sits: the breadcrumb (the 工作台's icon first, but on
    // the 工作台 itself), the menu group, the page, the action.
    const titles: [string, string, string][] = [
      ['/', '工作台 · 全域提升', '工作台'],
      ['/units', '单位 · 全域提升', '系统/单位'],
      ['/units/create', '新建 · 单位 · 全域提升', '系统/单位/新建'],
      ['/units/tree', '单位树 · 全域提升', '系统/单位树'],
      ['/memberships', '成员 · 全域提升', '系统/成员'],
      ['/todo', '我的待办 · 全域提升', '我的待办'],
      ['/done', '我的已办 · 全域提升', '我的已办'],
      ['/scoring', '评分表 · 全域提升', '评分与验收/评分表'],
      ['/targets', '行动目标 · 全域提升', '任务与目标/行动目标'],
      ['/workflows/application', '申报表 · 全域提升', '申报与审核/申报表'],
    ];
    const crumbs = signedIn.getByTestId('breadcrumb').locator('.ant-breadcrumb-link');
    for (const [route, title, where] of titles) {
      await signedIn.goto(`${ui.url}${route}`);
      await expect.poll(() => signedIn.title(), { message: route }).toBe(title);
      await expect.poll(async () => (await crumbs.allTextContents()).filter(Boolean).join('/'), { message: route }).toBe(where);
      // One way home: the icon, or on the 工作台 its own name.
      expect(await signedIn.getByTestId('breadcrumb').locator('a[href="/"]').count(), route).toBe(1);
    }
    await signedIn.context().close();
  });

  it('the invite dialog: Esc closes it, Enter submits it (and shows what is wrong)', async () => {
    const page = await ui.signIn('office.s1@demo.local');
    await page.goto(`${ui.url}/memberships`);
    const dialog = page.getByRole('dialog');
    await page.getByRole('button', { name: '邀请成员' }).click();
    // The first field has the focus: Esc from there closes.
    await expect.poll(() => dialog.getByLabel('邮箱').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '邀请成员' }).click();
    const sent: string[] = [];
    page.on('request', (r) => r.url().includes('/rpc/invite_member') && sent.push(r.url()));
    await dialog.getByLabel('邮箱').fill(`enter.${run}@demo.local`);
    await dialog.getByLabel('邮箱').press('Enter');
    await dialog.getByText('请填写姓名').waitFor();
    await dialog.getByText('初始密码至少 8 位').waitFor();
    expect(await dialog.isVisible()).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'habits-invite-enter.png') });
    expect(sent).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();
  });

  it('行动目标 asks for each thing once, with no HEAD requests; the unit counts only when the form opens', async () => {
    const page = await ui.signIn('office.s1@demo.local');
    // Opened by its address from a blank page, so the 工作台's cards (which read the same
    // campaigns and progress) are not counted.
    await page.goto('about:blank');
    const requests: Request[] = [];
    page.on('request', (r) => r.url().includes('/rest/v1/') && requests.push(r));
    const seen = () => requests.map((r) => `${r.method()} ${r.url()}`);
    // The page's own reads (the header and menu read what they need on every page, apart).
    const own = /\/rest\/v1\/(campaigns\?|campaign_targets|rpc\/target_|units\?.*kind=eq\.)/;
    const repeated = () => seen().filter((s, i, all) => own.test(s) && all.indexOf(s) !== i);
    const counts = () => seen().filter((s) => /\/units\?.*kind=eq\./.test(s));

    await page.goto(`${ui.url}/targets`);
    await page.getByTestId('targets-summary').waitFor();
    await page.waitForTimeout(1500); // anything late
    expect(repeated()).toEqual([]);
    expect(requests.filter((r) => r.method() === 'HEAD').map((r) => r.url())).toEqual([]);
    expect(counts()).toEqual([]);

    // The form's warning needs the street's units by kind: read when it opens, once.
    await page.getByTestId('target-create').click();
    await expect.poll(() => counts().length).toBe(6);
    await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByTestId('target-create').click();
    await page.waitForTimeout(1000);
    expect(counts()).toHaveLength(6);
    // Esc closes the form as 取消 does.
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(repeated()).toEqual([]);
    expect(requests.filter((r) => r.method() === 'HEAD')).toHaveLength(0);
    await page.context().close();
  });
});
