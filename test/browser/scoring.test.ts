// The scoring sheet in the browser: a filer self-scores a compound of their community and
// uploads evidence; two reviewers (the street's reviewer and its office) score it; the grade
// follows from their mean, computed by the database; the dashboard's measured count moves.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';
import { superuser } from '../support/clients.ts';

const ui = adminInBrowser({ viewport: { width: 1440, height: 900 } });

let unitId: number;
let roundId: number;
let seededYear: string;
let targetId: number;
let subitems: { id: number; points: number }[];
const run = Date.now().toString(36);
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  const db = await superuser();
  // A compound of 禾丰社区 (filer.c1's) that no one has scored yet, in street 1's seeded round.
  unitId = (await db.query<{ id: number }>("insert into public.units (kind, name, parent_id) values ('compound', $1, 101) returning id::int", [`评分测试小区-${run}`])).rows[0]!.id;
  const round = (await db.query<{ id: number; version_id: number; year: number }>('select id::int, version_id::int, year from public.score_rounds where street_id = 1 order by created_at desc limit 1')).rows[0]!;
  roundId = round.id;
  seededYear = String(round.year);
  subitems = (await db.query<{ id: number; points: string }>(
    "select s.id::int, s.points from public.standard_subitems s join public.standard_items i on i.id = s.item_id where i.version_id = $1 and i.level = 'compound' order by i.number, s.sort",
    [round.version_id],
  )).rows.map((r) => ({ id: r.id, points: Number(r.points) }));
  targetId = (await db.query<{ id: number }>(
    "select id::int from public.campaign_targets where street_id = 1 and unit_kind = 'compound' and grade = 'demonstration' and count is not null order by due_on limit 1",
  )).rows[0]!.id;
  await db.end();
});

const sheet = (page: Page) => page.goto(`${ui.url}/scoring?round=${roundId}&unit=${unitId}`);
const measured = async (page: Page) => {
  await page.goto(`${ui.url}/`);
  return Number((await page.getByTestId(`measured-${targetId}`).first().textContent())?.match(/\d+/)?.[0]);
};

/** Scores every sub-item in the given column ("我的评分" or "自评") with points × share. */
async function scoreAll(page: Page, label: '我的评分' | '自评', share: number) {
  // The sheet has loaded the unit and the user's memberships before its inputs are counted (a
  // loaded machine takes more than expect.poll's default second).
  await page.getByText('评分测试小区').first().waitFor();
  const inputs = page.getByLabel(new RegExp(`条${label}$`));
  await expect.poll(() => inputs.count(), { timeout: 15_000 }).toBe(subitems.length);
  for (const [i, s] of subitems.entries()) {
    const input = inputs.nth(i);
    const value = String(Math.round(s.points * share * 2) / 2);
    await input.fill(value);
    await input.blur();
    await page.waitForLoadState('networkidle');
    expect(await input.inputValue()).toBe(value);
  }
}

describe('the scoring sheet', () => {
  it('self-score with evidence, two reviewers, the grade follows, the dashboard count moves', async () => {
    const office = await ui.signIn('office.s1@demo.local');
    const before = await measured(office);

    // A round opens only in its phase of the campaign, and once a year: the office is told why.
    await office.goto(`${ui.url}/scoring`);
    const open = async (kind: string, year: string) => {
      await office.getByRole('button', { name: '开展评分' }).click();
      const dialog = office.locator('.ant-modal-content');
      const pick = async (label: string, option: string) => {
        await dialog.locator('.ant-form-item').filter({ hasText: label }).locator('.ant-select').click();
        await office.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
      };
      await pick('评分轮次', kind);
      await dialog.getByLabel('年度').fill(year);
      await pick('依据的标准', '已发布');
      await dialog.getByRole('button', { name: /OK|确\s*定/ }).click();
    };
    await open('年度验收', '2027');
    await office.getByText('「年度验收」只能在全面推进阶段开展，行动当前处于规划部署阶段').waitFor();
    await office.locator('.ant-modal-content').getByRole('button', { name: /Cancel|取\s*消/ }).click();
    await open('自查', seededYear);
    await office.getByText('该行动本年度已开展过这一轮评分').waitFor();
    await office.screenshot({ path: path.join(screenshotDir, 'scoring-open-round-refused.png') });
    await office.locator('.ant-modal-content').getByRole('button', { name: /Cancel|取\s*消/ }).click();

    // The filer self-scores and uploads a photo as evidence for the first sub-item.
    const filer = await ui.signIn('filer.c1@demo.local');
    await sheet(filer);
    await filer.getByText('评分测试小区').first().waitFor();
    // Above the item's points, below 0, two decimals: kept as typed, the rule said under the
    // field, and not saved (the server would refuse it; the input once showed "10.0" instead).
    const first = filer.getByLabel(/条自评$/).first();
    await expect.poll(() => first.count(), { timeout: 15_000 }).toBe(1);
    const points = subitems[0]!.points;
    for (const [typed, rule] of [[String(points + 5), `自评分不能超过本项分值 ${points} 分`], ['-1', '自评分不能小于 0'], ['0.25', '自评分最多保留一位小数']] as const) {
      await first.fill(typed);
      await filer.getByTestId('score-error').getByText(rule, { exact: true }).waitFor();
      await first.blur();
      expect(await first.inputValue()).toBe(typed);
    }
    await filer.screenshot({ path: path.join(screenshotDir, 'scoring-self-rule.png'), fullPage: true });
    await filer.waitForLoadState('networkidle');
    const db = await superuser();
    expect((await db.query("select count(*)::int as n from public.score_entries where round_id = $1 and unit_id = $2 and scorer_role = 'self'", [roundId, unitId])).rows[0]!.n).toBe(0);
    await db.end();
    await scoreAll(filer, '自评', 1);
    expect(await filer.getByTestId('score-error').count()).toBe(0);
    // Every score with one decimal: the self total beside the reviewers' total.
    await expect.poll(() => filer.getByTestId('self-total').textContent()).toBe((subitems.reduce((sum, s) => sum + Math.round(s.points * 2) / 2, 0)).toFixed(1));
    await filer.getByLabel(/第 \d+ 项第 1 条上传佐证/).first().locator('..').locator('input[type=file]').setInputFiles({ name: '支部活动照片.png', mimeType: 'image/png', buffer: PNG });
    await filer.getByText('已上传 支部活动照片.png').waitFor();
    // (the link, not the copies antd's ellipsis measures the name with)
    await filer.getByTestId('evidence-file').filter({ hasText: '支部活动照片.png' }).waitFor();
    // An executable is refused by the server, with the reason.
    await filer.getByLabel(/第 \d+ 项第 1 条上传佐证/).first().locator('..').locator('input[type=file]').setInputFiles({ name: 'tool.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await filer.getByText('文件未上传：不支持该文件类型，请上传图片、PDF、Word、Excel 或 PPT').waitFor();
    expect(await filer.getByLabel(/条我的评分$/).count()).toBe(0); // not a reviewer
    await expect.poll(() => filer.getByTestId('grade-total').textContent()).toBe('—');
    await filer.screenshot({ path: path.join(screenshotDir, 'scoring-filer.png'), fullPage: true });
    await filer.context().close();

    // Two reviewers: 100% and 80% of each sub-item → mean 90: demonstration.
    const reviewer = await ui.signIn('reviewer.s1@demo.local');
    await sheet(reviewer);
    await scoreAll(reviewer, '我的评分', 1);
    // (a loaded machine takes more than expect.poll's default second to recompute and read it)
    await expect.poll(() => reviewer.getByTestId('grade-total').textContent(), { timeout: 15_000 }).toBe('100.0');
    await sheet(office);
    await scoreAll(office, '我的评分', 0.8);
    await expect.poll(() => office.getByTestId('grade-total').textContent(), { timeout: 15_000 }).toBe('90.0');
    expect(await office.getByTestId(`mean-${subitems[0]!.id}`).textContent()).toMatch(/^\d+\.\d\(\d+\.\d \/ \d+\.\d\)$/);
    await expect.poll(() => office.getByTestId('grade-tag').textContent()).toBe('示范型');
    await office.screenshot({ path: path.join(screenshotDir, 'scoring-reviewed.png'), fullPage: true });

    // A veto takes demonstration away, and the sheet says why.
    const vetoes = office.getByRole('checkbox');
    if (await vetoes.count()) {
      await vetoes.first().check();
      await expect.poll(() => office.getByTestId('grade-tag').textContent()).toBe('标准型');
      await office.getByText('存在一票否决事项').waitFor();
      await vetoes.first().uncheck();
      await expect.poll(() => office.getByTestId('grade-tag').textContent()).toBe('示范型');
    }

    // The dashboard counts one more demonstration compound.
    expect(await measured(office)).toBe(before + 1);
    await office.screenshot({ path: path.join(screenshotDir, 'dashboard-after-scoring.png'), fullPage: true });
    await reviewer.context().close();
    await office.context().close();
  }, 240_000);
});
