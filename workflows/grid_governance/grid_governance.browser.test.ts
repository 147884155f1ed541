// The closed loop of a 民情事件 in the browser, as each of its people: a micro-grid's worker
// records and reports it on a phone, the community escalates it to the street, the street office
// dispatches it to a department's handler, who resolves it; the worker visits back (满意), and the
// month's figures show it — on the dashboard, in the ledger and in the 考核. A community of this
// file's own in street 1 (青禾街道) with its grid, micro-grid and staff; the street's office and
// handler are the demo's.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { adminInBrowser, screenshotDir } from '../../test/support/browser.ts';
import { createUser, superuser } from '../../test/support/clients.ts';

const ui = adminInBrowser();
const run = Date.now().toString(36);
const PASSWORD = 'grid-browser-123';
const names = { community: `澄江社区-${run}`, grid: `澄江第一网格-${run}`, micro: `澄江1号楼微网格-${run}` };
const emails = { staff: `grid-staff.${run}@test.local`, worker: `grid-worker.${run}@test.local` };
const description = `3号楼楼道堆放杂物堵塞消防通道-${run}`;
const phone = { width: 390, height: 844 };
// An 8×8 PNG: a photo for the event's evidence.
const photo = (name: string) => ({ name, mimeType: 'image/png', buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGPQ6InCihiGlgQAU85DgY5i+AcAAAAASUVORK5CYII=', 'base64') });

beforeAll(async () => {
  const db = await superuser();
  try {
    const unit = async (kind: string, name: string, parent: number) =>
      (await db.query<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [kind, name, parent])).rows[0]!.id;
    const community = await unit('community', names.community, 1);
    const grid = await unit('grid', names.grid, community);
    const micro = await unit('micro_grid', names.micro, grid);
    for (const [email, fullName, unitId, role] of [
      [emails.staff, '澄江 微网格员', micro, 'micro_grid_worker'], [emails.worker, '澄江 社区工作者', community, 'community_worker'],
    ] as const) {
      const id = await createUser(db, email, PASSWORD, fullName);
      await db.query('insert into public.memberships (user_id, unit_id, role) values ($1, $2, $3)', [id, unitId, role]);
    }
  } finally {
    await db.end();
  }
});

afterAll(async () => {
  const db = await superuser();
  await db.query('delete from auth.users where email = any ($1)', [Object.values(emails)]);
  await db.end();
});

const state = (page: Page) => page.getByTestId('workflow-state');
const dialog = (page: Page) => page.locator('.ant-modal-content');
const option = (page: Page, text: string) => page.locator('.ant-select-item-option').filter({ hasText: text }).first();

/** Adds a photo at the event's current step and waits for it to show in the step's list. */
const addPhoto = async (page: Page, name: string, count: number) => {
  const photos = page.getByTestId('grid-event-photos');
  await photos.locator('input[type=file]').setInputFiles(photo(name));
  await expect.poll(() => photos.locator('.ant-upload-list-item img').count()).toBe(count);
};

/** Takes the action through its dialog (its button is the action's name) and waits for the state it leads to. */
const act = async (page: Page, event: string, label: string, next: string, fill?: (d: ReturnType<typeof dialog>) => Promise<void>) => {
  await page.getByTestId(`action-${event}`).click();
  await fill?.(dialog(page));
  await dialog(page).getByRole('button', { name: label, exact: true }).click();
  await expect.poll(() => state(page).textContent()).toBe(next);
};
let eventUrl = '';

describe('民情事件: found in a grid, handled by a department, visited back, assessed', () => {
  it('the micro-grid worker records it on a phone and reports it; the community escalates it to the street', async () => {
    const staff = await ui.signIn(emails.staff, { password: PASSWORD, viewport: phone });
    await staff.goto(`${ui.url}/workflows/grid_governance`);
    await expect.poll(() => staff.getByTestId('workflow-start').getAttribute('class')).not.toContain('ant-btn-loading');
    await staff.getByTestId('workflow-start').click();
    await dialog(staff).locator('.ant-select').click();
    await option(staff, names.micro).click();
    await dialog(staff).getByRole('button', { name: /OK|确\s*定/ }).click();
    await staff.waitForURL(/\/workflows\/grid_governance\/\d+$/);
    eventUrl = staff.url();
    expect(await state(staff).textContent()).toBe('采集中');

    // The form in the panel: the street's categories and the grid's households to pick from.
    const form = staff.locator('form#grid-event');
    await form.getByLabel('事件类别').click();
    await option(staff, '安全隐患').click();
    await form.getByText('紧急', { exact: true }).click();
    await form.getByLabel('情况描述').fill('堵');
    await form.getByText('情况描述至少 5 个字').waitFor();
    await form.getByLabel('情况描述').fill(description);
    await form.getByLabel('发生位置').fill('澄江小区3号楼2单元');
    await staff.getByTestId('grid-event-save').click();
    await staff.getByText('表单已保存').waitFor();
    await addPhoto(staff, 'site.png', 1);
    await act(staff, 'report', '上报', '待分流');
    // Reported, the report's photo is shown, no longer offered to change.
    await expect.poll(() => staff.getByTestId('grid-event-photos').getByText('「采集中」环节').count()).toBe(1);
    expect(await staff.getByTestId('grid-event-photos').locator('input[type=file]').count()).toBe(0);
    expect(await staff.getByTestId('grid-event-photos').locator('img.ant-image-img').count()).toBe(1);
    await staff.screenshot({ path: path.join(screenshotDir, 'grid-event-reported-phone.png'), fullPage: true });
    await staff.context().close();

    const worker = await ui.signIn(emails.worker, { password: PASSWORD });
    await worker.goto(eventUrl);
    await act(worker, 'escalate', '上报街道', '待街道派发', (d) => d.getByLabel('意见').fill('涉及消防安全，请街道派发'));
    await worker.context().close();
  });

  it('the street office dispatches it to the department\'s handler, who resolves it', async () => {
    const office = await ui.signIn('office.s1@demo.local');
    await office.goto(eventUrl);
    await act(office, 'dispatch', '派发部门', '部门处置', async (d) => {
      await d.getByTestId('next-handlers').click();
      await option(office, '社管中心经办人').click();
    });
    expect(await office.getByTestId('workflow-handlers').textContent()).toBe('办理人：社管中心经办人');
    await office.context().close();

    const handler = await ui.signIn('handler.s1@demo.local');
    await handler.goto(eventUrl);
    await addPhoto(handler, 'cleared.png', 1);
    await handler.screenshot({ path: path.join(screenshotDir, 'grid-event-handler-photos.png'), fullPage: true });
    await act(handler, 'resolve', '办结', '待回访', (d) => d.getByLabel('意见').fill('已联系物业清理，通道已畅通'));
    await handler.context().close();
  });

  it('the worker visits back: satisfied, it is closed; the dashboard, the ledger and the month\'s 考核 show it', async () => {
    const staff = await ui.signIn(emails.staff, { password: PASSWORD, viewport: phone });
    await staff.goto(eventUrl);
    await act(staff, 'visit_satisfied', '回访满意', '已办结', async (d) => {
      await d.getByLabel('满意度').click();
      await option(staff, '满意').click();
    });
    // Their own dashboard: their micro-grid's month.
    await staff.goto(`${ui.url}/grid-dashboard`);
    await expect.poll(() => staff.getByTestId('grid-dashboard-reported').locator('.ant-statistic-content-value').textContent()).toBe('1');
    expect(await staff.getByTestId('grid-dashboard-closed').locator('.ant-statistic-content-value').textContent()).toBe('1');
    expect(await staff.getByTestId('grid-dashboard-open').locator('.ant-statistic-content-value').textContent()).toBe('0');
    await staff.screenshot({ path: path.join(screenshotDir, 'grid-dashboard-phone.png'), fullPage: true });
    // Their ledger on the phone: a card per event, the filters folded behind 筛选, nothing wider than the screen.
    await staff.goto(`${ui.url}/grid-events`);
    const card = staff.getByTestId('ledger-card').filter({ hasText: description });
    await card.waitFor();
    expect(await card.textContent()).toContain('已办结');
    expect(await staff.locator('#ledger-filters').count()).toBe(0);
    await staff.getByRole('button', { name: '筛选' }).click();
    await staff.locator('#ledger-filters').getByRole('combobox').nth(1).click(); // 环节
    await option(staff, '待分流').click();
    await expect.poll(() => staff.getByRole('button', { name: '筛选（1）' }).count()).toBe(1);
    await expect.poll(() => card.count()).toBe(0);
    expect(await staff.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await staff.screenshot({ path: path.join(screenshotDir, 'grid-ledger-phone.png'), fullPage: true });
    await staff.context().close();

    const office = await ui.signIn('office.s1@demo.local');
    await office.goto(`${ui.url}/grid-events?category=${encodeURIComponent('安全隐患')}&open=done`);
    const row = office.locator('.ant-table-row').filter({ hasText: description });
    await row.waitFor();
    expect(await row.textContent()).toContain('已办结');
    expect(await row.textContent()).toContain(names.micro);
    await office.screenshot({ path: path.join(screenshotDir, 'grid-ledger.png'), fullPage: true });

    await office.goto(`${ui.url}/grid-assessment`);
    const month = office.getByLabel('考核月份');
    await month.click();
    await month.fill(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7));
    await month.press('Enter');
    const gridRow = office.locator('.ant-table-row').filter({ hasText: names.grid });
    await gridRow.waitFor();
    // 发现 1, 办结 1, 按时 1, 超时 0, …, 满意 1, 基本满意 0, 不满意 0, 满意率 100%.
    const cells = (await gridRow.locator('td').allTextContents()).slice(2);
    expect([cells[1], cells[2], cells[3], cells[4], cells[6], cells[7], cells[8], cells[9]]).toEqual(['1', '1', '1', '0', '1', '0', '0', '100.0%']);
    await office.screenshot({ path: path.join(screenshotDir, 'grid-assessment.png'), fullPage: true });
    await office.context().close();
  });

  it("the street's office imports grids from a roster: a bad file is listed row by row and writes nothing, a good one is taken", async () => {
    const office = await ui.signIn('office.s1@demo.local');
    await office.goto(`${ui.url}/grids`);
    const roster = async (rows: string[][]) => ({
      name: '网格名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await writeXlsxFile([['社区', '上级网格', '网格名称', '层级'], ...rows].map((r) => r.map((value) => ({ value })))).toBuffer(),
    });
    const newGrid = `澄江第二网格-${run}`;
    await office.getByTestId('import-grids').click();
    const modal = dialog(office);
    // The browser's own check: a level it does not know, before anything is sent.
    await modal.locator('input[type=file]').setInputFiles(await roster([[names.community, '', newGrid, '二级']]));
    await expect.poll(() => modal.getByTestId('import-problems').textContent()).toContain('第 2 行「层级」须是 网格、微网格 之一');
    // The database's: a parent the community has not; nothing written.
    await modal.locator('input[type=file]').setInputFiles(await roster([[names.community, '', newGrid, '网格'], [names.community, '没有这个网格', '孤儿微网格', '微网格']]));
    await modal.getByRole('button', { name: '导入 2 行' }).click();
    await expect.poll(() => modal.getByTestId('import-problems').textContent()).toContain('第 3 行「上级网格」：没有这个上级网格（或有重名）');
    await office.screenshot({ path: path.join(screenshotDir, 'grid-import-refused.png'), fullPage: true });
    // A good file: the grid and its micro-grid, shown in the tree.
    await modal.locator('input[type=file]').setInputFiles(await roster([[names.community, '', newGrid, '网格'], [names.community, newGrid, `澄江5号楼微网格-${run}`, '微网格']]));
    await modal.getByRole('button', { name: '导入 2 行' }).click();
    await office.getByText('导入完成：新建 2 个网格，0 个已存在').waitFor();
    await office.getByTestId('grid-tree').getByText(names.community, { exact: true }).waitFor();
    await office.context().close();
  });
});
