// 评分通报 in the browser. The office of a street made here (publishing freezes a round, so the
// seeded one stays open for the other files) reads its round's provisional results, filters and
// sorts them, exports what it shows to a real .xlsx, and publishes: the grades are computed once
// more (a score written after the last computation counts) and the page says 已通报 with the date.
// On street 1's seeded round, a filer sees its community's units only, and a reviewer the note
// that the results are provisional, without the office's button.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../stack/config.ts';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';
import { createUser, signedIn, superuser } from '../support/clients.ts';

const ui = adminInBrowser();

const run = Date.now().toString(36);
const officeEmail = `office.results.${run}@test.local`;
const street = `通报街道${run}`;
const u: Record<string, number> = {};
const name = (key: string) => ({ C1: `明德社区${run}`, C2: `育才社区${run}`, X1: '明德一号小区', X2: '明德二号小区', Y1: '育才一号小区', B: '通报大厦' })[key]!;
let seededRound: number;

beforeAll(async () => {
  const db = await superuser();
  try {
    const unit = async (key: string, kind: string, label: string, parent: number | null) => {
      u[key] = (await db.query<{ id: number }>('insert into public.units (kind, name, parent_id) values ($1, $2, $3) returning id::int', [kind, label, parent])).rows[0]!.id;
    };
    await unit('S', 'street', street, null);
    await unit('C1', 'community', name('C1'), u.S!);
    await unit('C2', 'community', name('C2'), u.S!);
    for (const [key, parent] of [['X1', 'C1'], ['X2', 'C1'], ['Y1', 'C2']] as const) await unit(key, 'compound', name(key), u[parent]!);
    await unit('B', 'building', name('B'), u.S!);
    const officeId = await createUser(db, officeEmail, DEMO_PASSWORD, '通报 党建办');
    await db.query("insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'street_office')", [officeId, u.S]);

    // The office's campaign (in the plan phase: a self-check may run), a published standard with
    // one 100-point sub-item per level scored here, and its self-check round.
    const office = await signedIn(officeEmail);
    const { data: campaign, error } = await office.from('campaigns')
      .insert({ street_id: u.S, name: '通报测试行动', start_year: 2026, end_year: 2028, filing_opens_on: '2026-11-01', filing_closes_on: '2027-02-28' })
      .select('id').single();
    if (error) throw new Error(error.message);
    const version = (await db.query<{ id: number }>('insert into public.standard_versions (campaign_id, year) values ($1, 2026) returning id::int', [campaign.id])).rows[0]!.id;
    const sub: Record<string, number> = {};
    for (const [n, level] of ['community', 'compound', 'building'].entries()) {
      const item = (await db.query<{ id: number }>('insert into public.standard_items (version_id, level, number, goal) values ($1, $2, $3, $4) returning id::int', [version, level, n + 1, '组织建设好'])).rows[0]!.id;
      sub[level] = (await db.query<{ id: number }>('insert into public.standard_subitems (item_id, content, points) values ($1, $2, 100) returning id::int', [item, '细则'])).rows[0]!.id;
    }
    await db.query("update public.standard_versions set status = 'published', published_at = now() where id = $1", [version]);
    const round = (await db.query<{ id: number }>("insert into public.score_rounds (campaign_id, kind, year, version_id) values ($1, 'self_check', 2026, $2) returning id::int", [campaign.id, version])).rows[0]!.id;
    const score = (key: string, level: string, total: number) =>
      db.query("insert into public.score_entries (round_id, unit_id, subitem_id, scorer_id, scorer_role, score) values ($1, $2, $3, gen_random_uuid(), 'reviewer', $4)", [round, u[key], sub[level], total]);
    // 明德: 93, its compounds 95 and 80 (demonstration); 育才: 88, its one compound 70 (neither).
    for (const [key, level, total] of [['C1', 'community', 93], ['X1', 'compound', 95], ['X2', 'compound', 80], ['C2', 'community', 88], ['Y1', 'compound', 70]] as const) {
      await score(key, level, total);
    }
    // The grades as last computed; then the building is scored and nobody recomputes.
    await db.query(
      `insert into public.unit_grades (round_id, unit_id, kind, street_id, community_id, total, standard, demonstration, parts, parts_standard, parts_demo, reasons)
       select $1, g.unit_id, g.kind, g.street_id, g.community_id, g.total, g.standard, g.demonstration, g.parts, g.parts_standard, g.parts_demo, g.reasons
       from private.round_grades($1) g`, [round],
    );
    await score('B', 'building', 85);
    seededRound = (await db.query<{ id: number }>('select id::int from public.score_rounds where street_id = 1 order by id limit 1')).rows[0]!.id;
  } finally {
    await db.end();
  }
});

afterAll(async () => {
  const db = await superuser();
  await db.query('delete from auth.users where email = $1', [officeEmail]);
  await db.end();
});

const rows = (page: Page) => page.getByTestId('results-table').locator('tbody tr.ant-table-row');
/** The row of the unit of that name (its community's name is in other rows too). */
const row = (page: Page, unitName: string) => rows(page).filter({ has: page.locator('td:nth-child(1)', { hasText: new RegExp(`^${unitName}$`) }) });
const summary = async (page: Page, kind: string) =>
  (await page.getByTestId('results-summary').locator('tbody tr').filter({ hasText: kind }).locator('td').allTextContents()).slice(1).map(Number);

/** Picks an option of one of the filters (the dropdown opens with a motion; wait for it). */
async function pick(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: label });
  await option.waitFor();
  await option.click();
  await expect.poll(() => page.getByTestId(testId).locator('.ant-select-selection-item').textContent()).toBe(label);
}
async function clear(page: Page, testId: string) {
  // A sort header's tooltip (the pointer left over it by a dropdown) would cover the filters.
  await page.mouse.move(0, 0);
  await expect.poll(() => page.locator('.ant-tooltip:not(.ant-tooltip-hidden)').count()).toBe(0);
  await page.getByTestId(testId).hover();
  await page.getByTestId(testId).locator('.ant-select-clear').click();
  await expect.poll(() => page.getByTestId(testId).locator('.ant-select-selection-item').count()).toBe(0);
}

describe('评分通报', () => {
  it('the office filters, sorts and exports the provisional results, then publishes them', async () => {
    const page = await ui.signIn(officeEmail);
    await page.locator('.ant-menu').first().getByText('评分通报', { exact: true }).click();
    await page.waitForURL(/\/results$/);
    await row(page, name('C1')).waitFor();
    await expect.poll(() => page.getByTestId('results-round').locator('.ant-select-selection-item').textContent()).toBe('2026年自查');
    expect(await page.getByTestId('results-status').textContent()).toBe('未通报');
    expect(await page.getByTestId('results-note').textContent()).toContain('发布后本轮评分和一票否决事项不能再修改');
    // Every row, once the table has them all (under load the first row shows before the rest).
    await expect.poll(() => rows(page).count()).toBe(7);

    // Per kind: units, 示范型, 标准型, 未达标 — the building scored after the last computation is not yet.
    expect(await summary(page, '街道')).toEqual([1, 0, 0, 1]);
    expect(await summary(page, '社区')).toEqual([2, 1, 0, 1]);
    expect(await summary(page, '小区')).toEqual([3, 1, 1, 1]);
    expect(await summary(page, '商务楼宇')).toEqual([1, 0, 0, 1]);
    expect(await row(page, name('X1')).textContent()).toContain('示范型');
    expect(await row(page, name('X2')).textContent()).toContain('得分 80.0 分，示范型须达到 90 分');
    expect(await row(page, name('C2')).textContent()).toContain('所辖单位中有 1 个（共 1 个）未达到标准型');
    expect(await row(page, name('B')).textContent()).toContain('尚无评审评分');
    await page.screenshot({ path: path.join(screenshotDir, 'results-office-provisional.png'), fullPage: true });

    // 未达标 only, sorted by score (not scored first, 育才's compound at 70, 育才 itself at 88).
    await pick(page, 'results-grade', '未达标');
    await expect.poll(() => rows(page).count()).toBe(4);
    await page.getByTestId('results-table').locator('th').filter({ hasText: '评审得分' }).click();
    await expect.poll(async () => (await rows(page).allTextContents()).slice(2).map((t) => (t.startsWith(name('Y1')) ? 'Y1' : t.startsWith(name('C2')) ? 'C2' : '?'))).toEqual(['Y1', 'C2']);
    for (const text of await rows(page).allTextContents()) expect(text).toContain('未达标');
    await page.screenshot({ path: path.join(screenshotDir, 'results-office-filtered.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^评分通报-${street}-2026年自查-\\d{8}\\.xlsx$`));
    const file = readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    const entries = unzipSync(new Uint8Array(file));
    const sheet = strFromU8(entries['xl/worksheets/sheet1.xml']!);
    expect(sheet.match(/<row /g)?.length).toBe(4 + 1); // the header row and the rows shown
    const text = Object.entries(entries).filter(([file]) => file.endsWith('.xml')).map(([, data]) => strFromU8(data)).join('\n');
    for (const expected of ['单位名称', '类型', '所属社区', '评审得分', '等级', '未达标', name('C2'), name('Y1'), '得分 70.0 分，标准型须达到 75 分', '尚无评审评分']) {
      expect(text).toContain(expected);
    }
    for (const absent of [name('X1'), name('X2'), name('C1')]) expect(text).not.toContain(absent);
    // Scores stay numbers, shown with one decimal (70 reads 70.0, as on the screen).
    expect(strFromU8(entries['xl/styles.xml']!)).toContain('formatCode="0.0"');

    // A community's units, the community among them; then by name.
    await clear(page, 'results-grade');
    await pick(page, 'results-community', name('C1'));
    await expect.poll(() => rows(page).count()).toBe(3);
    for (const text of await rows(page).allTextContents()) expect(text).toContain(name('C1'));
    await page.getByPlaceholder('输入单位名称').fill('一号');
    await expect.poll(() => rows(page).count()).toBe(1);
    await row(page, name('X1')).waitFor();
    await clear(page, 'results-community');
    await expect.poll(() => rows(page).count()).toBe(2);
    await page.getByPlaceholder('输入单位名称').fill('');
    // A number in the summary lists those units.
    await page.getByTestId('results-summary').locator('tbody tr').filter({ hasText: '小区' }).locator('td').nth(2).getByText('1').click();
    await expect.poll(() => rows(page).count()).toBe(1);
    await row(page, name('X1')).waitFor();
    await clear(page, 'results-kind');
    await clear(page, 'results-grade');
    await expect.poll(() => rows(page).count()).toBe(7);

    // Publish: confirmed first; the grades are computed as the scores stand, the round is closed.
    await page.getByRole('button', { name: '发布通报' }).click();
    const dialog = page.locator('.ant-modal-confirm');
    await expect.poll(() => dialog.locator('.ant-modal-confirm-title').textContent()).toBe('发布「2026年自查」的评分通报？');
    // (once the dialog has finished opening)
    await page.locator('.ant-modal-root').evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
    await page.screenshot({ path: path.join(screenshotDir, 'results-office-confirm.png') });
    await dialog.getByRole('button', { name: '发布通报' }).click();
    await page.getByText('评分通报已发布').waitFor();
    await expect.poll(() => page.getByTestId('results-status').textContent()).toMatch(/^已通报 \d{4}年\d{1,2}月\d{1,2}日$/);
    // The dialog has closed; the office's button and note are gone.
    await expect.poll(() => page.getByRole('button', { name: '发布通报' }).count()).toBe(0);
    expect(await page.getByTestId('results-note').count()).toBe(0);
    await expect.poll(async () => row(page, name('B')).textContent()).toContain('标准型');
    expect(await row(page, name('B')).textContent()).toContain('85');
    expect(await summary(page, '商务楼宇')).toEqual([1, 0, 1, 0]);
    await page.screenshot({ path: path.join(screenshotDir, 'results-office-published.png'), fullPage: true });
    await page.context().close();
  }, 180_000);

  it('on street 1\'s open round: a filer sees its community\'s units only; a reviewer that the results are provisional', async () => {
    const db = await superuser();
    const expected = (await db.query<{ n: number }>('select count(*)::int as n from public.unit_grades where round_id = $1 and community_id = 101', [seededRound])).rows[0]!.n;
    const all = (await db.query<{ n: number }>('select count(*)::int as n from public.unit_grades where round_id = $1', [seededRound])).rows[0]!.n;
    await db.end();
    expect(expected).toBeGreaterThan(1);

    const filer = await ui.signIn('filer.c1@demo.local');
    await filer.goto(`${ui.url}/results?round=${seededRound}`);
    await row(filer, '禾丰社区').waitFor();
    expect(await filer.getByTestId('results-note').textContent()).toContain('未通报，仅供参考');
    expect(await filer.getByRole('button', { name: '发布通报' }).count()).toBe(0);
    await expect.poll(() => rows(filer).count()).toBe(expected);
    for (const text of await rows(filer).allTextContents()) expect(text).toContain('禾丰社区');
    await filer.screenshot({ path: path.join(screenshotDir, 'results-filer-c1.png'), fullPage: true });
    await filer.context().close();

    const reviewer = await ui.signIn('reviewer.s1@demo.local');
    await reviewer.goto(`${ui.url}/results?round=${seededRound}`);
    await row(reviewer, '枫林社区').waitFor();
    expect(await reviewer.getByTestId('results-note').textContent()).toContain('未通报，仅供参考');
    expect(await reviewer.getByRole('button', { name: '发布通报' }).count()).toBe(0);
    // Everything of the street, 50 to a page.
    expect(await reviewer.getByText(`共 ${all} 条`).count()).toBe(all > 50 ? 1 : 0);
    await reviewer.context().close();
  }, 120_000);
});
