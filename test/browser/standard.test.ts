// 评分标准 in the browser: the seeded standard level by level (each 100 points, published and
// frozen); the office starts next year's version from it, re-points a sub-item, is refused
// publication with the level and its sum named, fixes it, marks a veto condition and publishes.
// A filer reads the standard and cannot edit it.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';

const ui = adminInBrowser();

const total = (page: Page, level: string) => page.getByTestId(`level-total-${level}`).textContent();

describe('the scoring standard', () => {
  it('the office versions, re-points, is refused an unbalanced level, and publishes', async () => {
    const office = await ui.signIn('office.s1@demo.local');
    await office.locator('.ant-menu').first().getByText('评分标准', { exact: true }).click();
    await office.getByText(/此版本已于 .* 发布/).waitFor();
    for (const level of ['street', 'community', 'compound', 'building', 'business_district', 'social_org']) {
      await expect.poll(() => total(office, level)).toBe('100');
    }
    await office.getByText('抓实社区专职工作者队伍建设').waitFor();
    await office.getByText('每个社区按照有关配备要求,配备不少于6名专职社区工作者').waitFor();
    expect(await office.getByRole('button', { name: '添加项目' }).count()).toBe(0); // frozen
    await office.screenshot({ path: path.join(screenshotDir, 'standard-office-published.png'), fullPage: true });

    // Next year's version, copied, then re-pointed: 10 → 5 on item 1's first sub-item.
    await office.getByRole('button', { name: '建立新年度版本' }).click();
    const year = await office.locator('.ant-modal-content').getByLabel('年度').inputValue();
    await office.locator('.ant-modal-content').getByRole('button', { name: /OK|确\s*定/ }).click();
    await office.getByText('草稿：各层面细则分值合计须为 100 分方可发布。').waitFor();
    const row = office.locator('.ant-list-item').filter({ hasText: '对辖区内各类组织各项事务的领导有力有效' });
    await row.getByRole('button', { name: '编辑' }).click();
    await office.locator('.ant-modal-content').getByLabel('赋分').fill('5');
    await office.locator('.ant-modal-content').getByRole('button', { name: /OK|确\s*定/ }).click();
    await expect.poll(() => total(office, 'street')).toBe('95');

    await office.getByRole('button', { name: '发布' }).click();
    await office.getByText('「街道层面」各细则分值合计 95.0 分，须为 100 分，不能发布').waitFor();
    await office.screenshot({ path: path.join(screenshotDir, 'standard-office-unbalanced.png'), fullPage: true });
    await office.getByRole('button', { name: /OK|知道了|确\s*定/ }).last().click();

    await row.getByRole('button', { name: '编辑' }).click();
    await office.locator('.ant-modal-content').getByLabel('赋分').fill('10');
    await office.locator('.ant-modal-content').getByRole('button', { name: /OK|确\s*定/ }).click();
    await expect.poll(() => total(office, 'street')).toBe('100');
    await office.getByRole('button', { name: '添加一票否决事项' }).first().click();
    await office.locator('.ant-modal-content').getByLabel('一票否决事项').fill('发生重大安全生产责任事故');
    await office.locator('.ant-modal-content').getByRole('button', { name: /OK|确\s*定/ }).click();
    await office.getByText('发生重大安全生产责任事故').waitFor();
    await office.getByRole('button', { name: '发布' }).click();
    await office.getByText('标准已发布').waitFor();
    await office.getByText(/此版本已于 .* 发布/).waitFor();
    expect(await office.locator('.ant-card-extra .ant-select-selection-item').textContent()).toContain(`${year} （已发布）`);
    await office.context().close();

    const filer = await ui.signIn('filer.c1@demo.local');
    await filer.locator('.ant-menu').first().getByText('评分标准', { exact: true }).click();
    await filer.getByText('抓实社区专职工作者队伍建设').waitFor();
    expect(await filer.getByRole('button', { name: '建立新年度版本' }).count()).toBe(0);
    expect(await filer.getByRole('button', { name: '发布' }).count()).toBe(0);
    await filer.context().close();
  }, 120_000);
});
