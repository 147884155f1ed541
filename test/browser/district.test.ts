// The district (区县) in the browser. 云岚街道 (street 2) has a published full acceptance here: its
// office recommends a unit graded demonstration (the reason checked as it is typed) and
// withdraws another, confirmed first. 澄江区's office (district.d1@demo.local) reads both of its
// streets' results and the 推选名单, exported to Excel; never another district's round; and no
// page it opens offers it a write. The round is written past the demo campaign's phase gate (it
// is in its pilot phase) and taken out again after this file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir, settled } from '../support/browser.ts';
import { superuser } from '../support/clients.ts';

const ui = adminInBrowser();
const run = Date.now().toString(36);
const otherStreet = `邻区街道${run}`;
let roundS2 = 0;
let roundOther = 0;

beforeAll(async () => {
  const db = await superuser();
  try {
    const one = async (sql: string, params: unknown[] = []) => (await db.query<{ id: number }>(sql, params)).rows[0]!.id;
    // 云岚街道's 2029 full acceptance, published: 松涛社区, 松涛苑 and 松涛科创大厦 at demonstration,
    // 松风小区 standard; 松涛社区 already recommended (the trigger takes the round and the unit).
    const campaign = await one('select id::int from public.campaigns where street_id = 2');
    const version = await one("select id::int from public.standard_versions where campaign_id = $1 and status = 'published' order by year limit 1", [campaign]);
    await db.query('begin');
    await db.query('set local session_replication_role = replica');
    roundS2 = await one(
      "insert into public.score_rounds (campaign_id, street_id, kind, year, version_id, published_at) values ($1, 2, 'full_acceptance', 2029, $2, now()) returning id::int",
      [campaign, version],
    );
    await db.query('commit');
    for (const [unit, total, demonstration] of [[201, 94, true], [1031, 96, true], [1032, 86, false], [2101, 92, true]] as const) {
      await db.query(
        `insert into public.unit_grades (round_id, unit_id, kind, street_id, community_id, total, standard, demonstration)
         select $1, u.id, u.kind, u.street_id, u.community_id, $3, true, $4 from public.units u where u.id = $2`, [roundS2, unit, total, demonstration],
      );
    }
    await db.query("insert into public.acceptance_recommendations (unit_id, reason) values (201, '“红色物业”联建机制成熟，居民议事常态化')");

    // Another district with a street of its own, its full acceptance published and a unit recommended.
    const district = await one("insert into public.units (kind, name) values ('district', $1) returning id::int", [`邻区${run}`]);
    const street = await one("insert into public.units (kind, name, parent_id) values ('street', $1, $2) returning id::int", [otherStreet, district]);
    const community = await one("insert into public.units (kind, name, parent_id) values ('community', $1, $2) returning id::int", [`邻区社区${run}`, street]);
    const instance = await one(
      "insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id) values ('campaign', 2, 'acceptance', $1, $1) returning id::int", [street],
    );
    const otherCampaign = await one(
      "insert into public.campaigns (street_id, name, start_year, end_year, filing_opens_on, filing_closes_on, instance_id) values ($1, $2, 2026, 2029, current_date, current_date + 30, $3) returning id::int",
      [street, `${otherStreet}全域提升行动`, instance],
    );
    const otherVersion = await one("insert into public.standard_versions (campaign_id, year, status, published_at) values ($1, 2026, 'published', now()) returning id::int", [otherCampaign]);
    roundOther = await one("insert into public.score_rounds (campaign_id, kind, year, version_id) values ($1, 'full_acceptance', 2029, $2) returning id::int", [otherCampaign, otherVersion]);
    await db.query(
      "insert into public.unit_grades (round_id, unit_id, kind, street_id, community_id, total, standard, demonstration) values ($1, $2, 'community', $3, $2, 97, true, true)",
      [roundOther, community, street],
    );
    await db.query('update public.score_rounds set published_at = now() where id = $1', [roundOther]);
    await db.query("insert into public.acceptance_recommendations (unit_id, reason) values ($1, '邻区的推选')", [community]);
  } finally {
    await db.end();
  }
});

afterAll(async () => {
  const db = await superuser();
  try {
    // 云岚街道's demo stays as it was for the files after this one.
    await db.query('delete from public.acceptance_recommendations where round_id = $1', [roundS2]);
    await db.query('delete from public.unit_grades where round_id = $1', [roundS2]);
    await db.query('delete from public.score_rounds where id = $1', [roundS2]);
  } finally {
    await db.end();
  }
});

const menu = (page: Page) => page.locator('.ant-menu').first();
const resultRow = (page: Page, unit: string) =>
  page.getByTestId('results-table').locator('tbody tr.ant-table-row').filter({ has: page.locator('td:nth-child(1)', { hasText: new RegExp(`^${unit}$`) }) });
const listRows = (page: Page) => page.getByTestId('recommendations-table').locator('tbody tr.ant-table-row');
const listNames = async (page: Page) => (await listRows(page).locator('td:nth-child(1)').allTextContents()).sort();

/** Buttons that would write, by their words: none may show to the district office. */
const WRITE_WORDS = /^(新建|创建|新增|添加|编辑|删除|保存|提交|发布通报|推选|撤回推选|邀请成员|开始|确定为试点|进入下一阶段|记录进展|新增目标|开启评分轮次)/;
async function writeButtons(page: Page): Promise<string[]> {
  const texts = await page.locator('main button:visible, .ant-drawer button:visible').allTextContents();
  return texts.map((t) => t.replace(/\s+/g, '')).filter((t) => WRITE_WORDS.test(t));
}

describe('择优推选 and the district office', () => {
  it('云岚街道\'s office recommends a unit graded demonstration, the reason checked as it types, and withdraws one', async () => {
    const page = await ui.signIn('office.s2@demo.local');
    await page.goto(`${ui.url}/results?round=${roundS2}`);
    await resultRow(page, '松涛苑').waitFor();
    await expect.poll(() => listNames(page)).toEqual(['松涛社区']);
    // Only units at demonstration and not yet recommended have the button.
    expect(await page.getByTestId('recommend-1031').count()).toBe(1);
    expect(await page.getByTestId('recommend-2101').count()).toBe(1);
    expect(await page.getByTestId('recommend-1032').count()).toBe(0);
    expect(await page.getByTestId('recommended-201').textContent()).toBe('已推选');

    await page.getByTestId('recommend-1031').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '推选「松涛苑」接受市县级验收评估' });
    await modal.waitFor();
    const reason = modal.getByTestId('recommend-reason');
    await reason.fill('好');
    await modal.getByText('推选理由至少 2 个字').waitFor();
    await reason.fill('   ');
    await modal.getByText('请填写推选理由').waitFor();
    await reason.fill('长'.repeat(501));
    await modal.getByText('推选理由不能超过 500 字').waitFor();
    await reason.fill('楼道党小组带动居民自治，“睦邻议事厅”经验在全街道推广');
    await expect.poll(() => modal.locator('.ant-form-item-explain-error').count()).toBe(0);
    await settled(page, '.ant-modal-root');
    await page.screenshot({ path: path.join(screenshotDir, 'district-office-recommend.png') });
    await modal.getByRole('button', { name: '推 选' }).or(modal.getByRole('button', { name: '推选' })).click();
    await page.getByText('已推选「松涛苑」').waitFor();
    await expect.poll(() => listNames(page)).toEqual(['松涛社区', '松涛苑']);
    expect(await page.getByTestId('recommended-1031').textContent()).toBe('已推选');

    // 松涛科创大厦, then withdrawn: confirmed first.
    await page.getByTestId('recommend-2101').click();
    const second = page.locator('.ant-modal').filter({ hasText: '推选「松涛科创大厦」' });
    await second.getByTestId('recommend-reason').fill('楼宇党群服务站服务入驻企业');
    await second.getByRole('button', { name: '推 选' }).or(second.getByRole('button', { name: '推选' })).click();
    await expect.poll(() => listNames(page)).toEqual(['松涛科创大厦', '松涛社区', '松涛苑'].sort());
    await page.getByTestId('withdraw-2101').click();
    const confirm = page.locator('.ant-popover:not(.ant-popover-hidden)').filter({ hasText: '撤回对「松涛科创大厦」的推选？' });
    await confirm.waitFor();
    await settled(page, '.ant-popover:not(.ant-popover-hidden)');
    await page.screenshot({ path: path.join(screenshotDir, 'district-office-withdraw-confirm.png') });
    await confirm.getByRole('button', { name: '撤回推选' }).click();
    await page.getByText('已撤回推选').waitFor();
    await expect.poll(() => listNames(page)).toEqual(['松涛社区', '松涛苑']);
    expect(await page.getByTestId('recommend-2101').count()).toBe(1);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(screenshotDir, 'district-office-list.png'), fullPage: true });
    await page.context().close();
  });

  it('澄江区\'s office reads both streets\' results and the 推选名单, exports it, sees no other district\'s, and is offered no write', async () => {
    const page = await ui.signIn('district.d1@demo.local');
    // Its menu: the read-only pages; not the standard, the scoring or the members.
    for (const item of ['工作台', '申报情况', '评分通报', '行动目标', '重点任务', '单位', '单位树']) {
      await menu(page).getByText(item, { exact: true }).waitFor();
    }
    for (const item of ['评分标准', '评分表', '成员']) expect(await menu(page).getByText(item, { exact: true }).count(), item).toBe(0);
    await page.getByTestId('targets-overview').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'district-dashboard.png'), fullPage: true });
    expect(await writeButtons(page)).toEqual([]);

    await menu(page).getByText('评分通报', { exact: true }).click();
    await page.waitForURL(/\/results/);
    // Rounds of both its streets, named by street; never the other district's.
    await page.getByTestId('results-round').click();
    const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await options.first().waitFor();
    const labels = await options.allTextContents();
    expect(labels.some((l) => l.startsWith('青禾街道 · 2026年自查'))).toBe(true);
    expect(labels.some((l) => l.startsWith('云岚街道 · 2029年全面验收'))).toBe(true);
    expect(labels.filter((l) => l.includes(otherStreet))).toEqual([]);
    await options.filter({ hasText: '青禾街道 · 2026年自查' }).click();
    await resultRow(page, '禾丰社区').waitFor();
    expect(await page.getByTestId('results-note').textContent()).toContain('未通报，仅供参考');
    expect(await page.getByTestId('recommendations').count()).toBe(0);
    expect(await writeButtons(page)).toEqual([]);

    await page.goto(`${ui.url}/results?round=${roundS2}`);
    await resultRow(page, '松涛苑').waitFor();
    await expect.poll(() => listNames(page)).toEqual(['松涛社区', '松涛苑']);
    expect(await page.getByTestId('recommendations').textContent()).toContain('云岚街道择优推选接受市县级验收评估的示范型单位');
    expect(await listRows(page).filter({ hasText: '松涛苑' }).textContent()).toContain('楼道党小组带动居民自治');
    expect(await page.getByTestId('recommended-1031').textContent()).toBe('已推选');
    expect(await page.locator('[data-testid^="recommend-"]').count()).toBe(0); // no 推选 button (recommend-reason neither)
    expect(await page.locator('[data-testid^="withdraw-"]').count()).toBe(0);
    expect(await writeButtons(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshotDir, 'district-results-recommendations.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('recommendations-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^推选名单-云岚街道-2029年全面验收-\d{8}\.xlsx$/);
    const entries = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(strFromU8(entries['xl/worksheets/sheet1.xml']!).match(/<row /g)?.length).toBe(2 + 1);
    const text = Object.entries(entries).filter(([file]) => file.endsWith('.xml')).map(([, data]) => strFromU8(data)).join('\n');
    for (const expected of ['单位名称', '推选理由', '推选日期', '松涛社区', '松涛苑', '“红色物业”联建机制成熟']) expect(text).toContain(expected);
    expect(text).not.toContain('邻区');

    // The other district's round is not there even by its id: the page falls back to a round of its own.
    await page.goto(`${ui.url}/results?round=${roundOther}`);
    await page.getByTestId('results-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('results-round').textContent()).not.toContain(otherStreet);
    expect(await page.locator('main').textContent()).not.toContain('邻区的推选');
    await page.context().close();
  });

  it('its other pages read both streets and offer no write', async () => {
    const page = await ui.signIn('district.d1@demo.local');
    // 申报情况: every community of both streets, each with its street.
    await page.goto(`${ui.url}/applications-overview`);
    const overview = page.getByTestId('overview-table').locator('tbody tr.ant-table-row');
    await overview.first().waitFor();
    await expect.poll(() => overview.count()).toBeGreaterThanOrEqual(11);
    const streets = new Set((await overview.locator('td:nth-child(1)').allTextContents()));
    expect(streets).toEqual(new Set(['青禾街道', '云岚街道']));
    expect(await writeButtons(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshotDir, 'district-applications-overview.png'), fullPage: true });

    // 行动目标: a campaign of each street to pick; no 新增目标, no edit or delete.
    await page.goto(`${ui.url}/targets`);
    await page.getByText('青禾街道城市基层党建全域提升行动').or(page.locator('.ant-select-selection-item')).first().waitFor();
    await page.locator('main .ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('target-create').count()).toBe(0);
    expect(await writeButtons(page)).toEqual([]);

    // 重点任务: both streets' lists; the drawer reads, records nothing.
    await page.goto(`${ui.url}/key-tasks`);
    const tasks = page.locator('main .ant-table-tbody tr.ant-table-row');
    await tasks.first().waitFor();
    await tasks.first().click();
    const drawer = page.getByTestId('key-task-drawer');
    await drawer.waitFor();
    expect(await drawer.locator('textarea').count()).toBe(0);
    expect(await drawer.getByTestId('key-task-status').count()).toBe(0);
    expect(await writeButtons(page)).toEqual([]);
    await page.keyboard.press('Escape');

    // 单位: both streets' units, nothing to create, edit or delete.
    await page.goto(`${ui.url}/units`);
    const units = page.getByTestId('units-table').locator('tbody tr.ant-table-row');
    await units.first().waitFor();
    expect(await page.locator('main').getByText(/共 \d+ 条/).first().textContent()).toMatch(/共 (\d+) 条/);
    const total = Number((await page.locator('main').getByText(/共 \d+ 条/).first().textContent())!.match(/\d+/)![0]);
    expect(total).toBeGreaterThanOrEqual(3 + 11 + 36 + 10); // the district, its streets, communities, compounds and others
    expect(await writeButtons(page)).toEqual([]);
    await page.screenshot({ path: path.join(screenshotDir, 'district-units.png') });
    await page.context().close();
  });
});
