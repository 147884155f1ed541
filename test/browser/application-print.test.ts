// The 申报表 read, filled and printed, on data of its own and the demo's approved sheet, which it
// only reads. A new draft starts with its community's compounds; numbers stay as typed, the rule
// they break said under them by name, and nothing invalid is saved; what submission still needs is
// listed by field; anyone who cannot edit reads it as text (no disabled inputs, labels whole); the
// printed page is one A4 sheet of real text, and the PDF is the print dialog's, not a picture.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';
import { signedIn, superuser, uniqueEmail } from '../support/clients.ts';
import { createMember } from '../support/users.ts';

const ui = adminInBrowser();
const run = Date.now().toString(36);
const filer = { email: uniqueEmail('filer-print'), password: 'print-pass-123' };
let community: number;
let compounds: { id: number; name: string }[];
let approvedId: number;

beforeAll(async () => {
  const db = await superuser();
  try {
    // A community of street 1 with two compounds, and a filer of its own.
    const street = (await db.query<{ parent_id: number }>('select parent_id::int from public.units where id = 101')).rows[0]!.parent_id;
    community = (await db.query<{ id: number }>("insert into public.units (kind, name, parent_id) values ('community', $1, $2) returning id::int", [`打印测试社区-${run}`, street])).rows[0]!.id;
    compounds = [];
    for (const name of [`东苑-${run}`, `西苑-${run}`]) {
      compounds.push((await db.query<{ id: number; name: string }>("insert into public.units (kind, name, parent_id) values ('compound', $1, $2) returning id::int, name", [name, community])).rows[0]!);
    }
    await createMember(db, filer.email, filer.password, [{ unit: community, role: 'community_filer' }]);
    // The demo's approved 申报表 (锦绣社区), read only.
    approvedId = (await db.query<{ id: number }>("select id::int from public.workflow_instances where workflow = 'application' and state = 'approved' and subject_unit_id = 104")).rows[0]!.id;
  } finally {
    await db.end();
  }
});

afterAll(async () => {
  const db = await superuser();
  await db.query('delete from auth.users where email = $1', [filer.email]);
  await db.end();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
const savedForm = async (id: number) => {
  const db = await superuser();
  try {
    return (await db.query<{ form: Record<string, unknown> }>('select form from public.workflow_instances where id = $1', [id])).rows[0]!.form;
  } finally {
    await db.end();
  }
};

describe('the 申报表 read, filled and printed', () => {
  it('a new draft lists the community\'s compounds; numbers keep what was typed; what is missing is named', async () => {
    const api = await signedIn(filer.email, filer.password);
    const { data: started, error } = await api.rpc('start_workflow', { p_workflow: 'application', p_subject_unit_id: community });
    expect(error).toBeNull();
    expect((started as { form: Record<string, unknown> }).form).toEqual({ compound_ids: compounds.map((c) => c.id) });

    const page = await ui.signIn(filer.email, { password: filer.password });
    await page.goto(`${ui.url}/workflows/application/${(started as { id: number }).id}`);
    const id = (started as { id: number }).id;
    const households = page.getByLabel('户籍户数');
    await households.waitFor();
    for (const c of compounds) await page.locator('.ant-select-selection-item').filter({ hasText: c.name }).waitFor();

    // -5 and 2.5 stay as typed, the rule is said under the field by name, and nothing is saved.
    for (const typed of ['-5', '2.5']) {
      await households.fill(typed);
      await page.locator('.ant-form-item-explain-error').getByText('户籍户数须为不小于 0 的整数', { exact: true }).waitFor();
      await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/不符合要求/);
      await households.blur();
      expect(await households.inputValue()).toBe(typed);
    }
    await shot(page, 'application-number-rule');
    await page.waitForTimeout(1500); // past the autosave delay: still nothing saved
    expect((await savedForm(id)).registered_households).toBeUndefined();

    // A whole number saves; what submission still needs is named, by field.
    await households.fill('900');
    await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 10_000 }).toMatch(/已自动保存/);
    expect((await savedForm(id)).registered_households).toBe(900);
    expect(await page.getByTestId('form-missing').textContent()).toBe('尚未填写：户籍人数、常住户数、常住人数、创建类型、拟创建示范型小区、社会组织数、创建措施、项目名称、创建目标、项目内容及任务节点');
    await page.getByLabel('户籍人数').fill('100');
    await page.getByText('人数不能少于户数').waitFor();
    await expect.poll(() => page.getByTestId('form-invalid').textContent()).toBe('填写有误：户籍人数');
    expect(await page.getByTestId('form-missing').textContent()).toMatch(/^尚未填写：常住户数、/);
    expect(await page.getByRole('button', { name: '提交申报' }).isDisabled()).toBe(true);
    await shot(page, 'application-missing-fields');
    await page.context().close();
  }, 180_000);

  it('anyone who cannot edit reads it as text: no disabled inputs, labels whole', async () => {
    const page = await ui.signIn('reviewer.s1@demo.local');
    await page.goto(`${ui.url}/workflows/application/${approvedId}`);
    const view = page.getByTestId('application-view');
    await view.waitFor();
    const card = page.locator('.ant-card').filter({ has: view });
    expect(await card.locator('input, textarea, .ant-select').count()).toBe(0);
    expect(await card.locator('[disabled], .ant-input-disabled, .ant-select-disabled').count()).toBe(0);
    expect(await page.getByTestId('view-resident_people').textContent()).toBe('3012');
    expect(await page.getByTestId('view-creation_type').textContent()).toBe('示范型');
    expect(await page.getByTestId('view-compound_ids').textContent()).toMatch(/^锦绣华庭/);
    // Each label is its field's name, whole, on one line.
    const labels = await view.locator('.ant-descriptions-item-label').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['社区名称', '户籍户数', '户籍人数', '常住户数', '常住人数', '所辖各小区名称', '创建措施']));
    const label = view.locator('.ant-descriptions-item-label').filter({ hasText: /^常住人数$/ });
    const box = (await label.boundingBox())!;
    expect(box.height).toBeLessThan(48); // one line of text in a small cell, not "常住人/数"
    // Dark text, not antd's disabled grey.
    expect(await page.getByTestId('view-measures').evaluate((el) => getComputedStyle(el).color)).toBe('rgba(0, 0, 0, 0.88)');
    await shot(page, 'application-read-only');
    await page.context().close();
  }, 120_000);

  it('the printed 申报表 is one A4 page of text, the PDF the print dialog\'s', async () => {
    const page = await ui.signIn('reviewer.s1@demo.local');
    await page.goto(`${ui.url}/print/application/${approvedId}`);
    const sheet = page.getByTestId('application-sheet');
    await sheet.getByText('锦绣社区').first().waitFor();
    await page.getByTestId('sheet-seal').waitFor();
    expect(await page.getByTestId('sheet-print-hint').textContent()).toContain('另存为 PDF');
    expect(await page.getByRole('button', { name: '下载 PDF' }).count()).toBe(0);
    await page.evaluate(() => document.fonts.ready);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('sheet-print').isVisible()).toBe(false);
    await sheet.screenshot({ path: path.join(screenshotDir, 'application-print-sheet.png') });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.match(/\/Type\s*\/Page\b/g)?.length).toBe(1);
    expect(text).toMatch(/\/Type\s*\/Pages\b[\s\S]*?\/Count 1\b/);
    expect(pdf.length).toBeLessThanOrEqual(500_000);
    expect(text).toMatch(/\/Type\s*\/Font\b/); // text in fonts, not a picture of the page
    expect(await sheet.textContent()).toContain('同意该社区申报示范型社区');
    await page.context().close();
  }, 120_000);
});
