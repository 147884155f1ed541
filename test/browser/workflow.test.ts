// The workflow panel, on the test-only sample workflow: a filer starts one, fills its form and
// submits; a reviewer opens it and approves; the machine and the database refuse what they must,
// in Chinese, and the timeline and diagram follow.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';

const ui = adminInBrowser();

const state = (page: Page) => page.getByTestId('workflow-state');
const dialog = (page: Page) => page.locator('.ant-modal-content');

describe('the workflow panel', () => {
  it('a filer starts, fills and submits; a reviewer opens and approves; refusals are explained', async () => {
    const filer = await ui.signIn('filer.c1@demo.local');
    await filer.locator('.ant-menu').first().getByText('示例流程', { exact: true }).click();
    // Clickable once the start rule's refusals are loaded (loading until then).
    await expect.poll(() => filer.getByTestId('workflow-start').getAttribute('class')).not.toContain('ant-btn-loading');
    await filer.getByRole('button', { name: '发起' }).click();
    await dialog(filer).locator('.ant-select').click();
    await filer.keyboard.type('禾丰');
    await filer.locator('.ant-select-item-option').filter({ hasText: '禾丰社区' }).first().click();
    await dialog(filer).getByRole('button', { name: 'OK' }).or(dialog(filer).getByRole('button', { name: '确定' })).click();
    await filer.waitForURL(/\/workflows\/sample\/\d+$/);
    const instanceUrl = filer.url();
    expect(await state(filer).textContent()).toBe('草稿');

    // Submit needs the form complete: offered, but held back with the reason.
    const submit = filer.getByRole('button', { name: '提交' });
    expect(await submit.isDisabled()).toBe(true);
    await submit.hover({ force: true });
    await filer.getByText('暂不可办理：标题和事项须填写完整').waitFor();

    await filer.getByRole('button', { name: '编辑表单' }).click();
    await dialog(filer).getByLabel('标题').fill('老旧小区加装电梯');
    await dialog(filer).getByLabel('事项').fill('加装电梯');
    await filer.keyboard.press('Enter');
    await dialog(filer).getByRole('button', { name: /OK|确\s*定/ }).click();
    await filer.getByText('表单已保存').waitFor();
    await filer.getByText(/最后保存于/).waitFor();
    expect(await submit.isDisabled()).toBe(false);
    await submit.click();
    await dialog(filer).getByRole('button', { name: '提交' }).click();
    await filer.getByText('已办理：提交').waitFor();
    await expect.poll(() => state(filer).textContent()).toBe('待审核');
    expect(await filer.getByRole('button', { name: '撤回' }).count()).toBe(1);
    // The main path as steps (into the compound review, to the first final state), on 待审核 now.
    const steps = (page: Page) => page.getByTestId('workflow-steps');
    expect(await steps(filer).locator('.ant-steps-item-title').allTextContents()).toEqual(['草稿', '待审核', '审核中', '优秀']);
    expect(await steps(filer).locator('.ant-steps-item-process .ant-steps-item-title').textContent()).toBe('待审核');
    // The whole machine is folded under 流程图, drawn when opened.
    expect(await filer.getByTestId('workflow-diagram').count()).toBe(0);
    await filer.getByTestId('workflow-diagram-panel').getByText('流程图', { exact: true }).click();
    await filer.getByTestId('workflow-diagram').locator('svg').waitFor();
    await filer.screenshot({ path: path.join(screenshotDir, 'workflow-filer-submitted.png'), fullPage: true });
    await filer.context().close();

    const reviewer = await ui.signIn('reviewer.s1@demo.local');
    await reviewer.goto(instanceUrl);
    await expect.poll(() => state(reviewer).textContent()).toBe('待审核');
    expect(await reviewer.getByRole('button', { name: '撤回' }).count()).toBe(0); // the filer's, not the reviewer's
    await reviewer.getByRole('button', { name: '开始审核' }).click();
    await dialog(reviewer).getByRole('button', { name: '开始审核' }).click();
    await expect.poll(() => state(reviewer).textContent()).toBe('审核中');

    await reviewer.getByRole('button', { name: '通过' }).click();
    const score = dialog(reviewer).getByLabel('分数');
    await score.fill('101');
    await dialog(reviewer).locator('.ant-form-item-explain-error').waitFor(); // zod, as typed
    await score.fill('60');
    await dialog(reviewer).getByRole('button', { name: '通过' }).click();
    await dialog(reviewer).getByText('条件不满足：分数未达到要求').waitFor(); // the machine's guard
    await score.fill('95');
    await dialog(reviewer).getByRole('button', { name: '通过' }).click();
    await expect.poll(() => state(reviewer).textContent()).toBe('优秀');
    await reviewer.getByText('已办结').waitFor();
    expect(await reviewer.getByText('当前没有您可办理的操作').count()).toBe(1);
    expect(await reviewer.getByTestId('workflow-log-row').count()).toBe(4); // start, submit, open, approve
    // Done: every step finished, the last one current.
    await expect.poll(() => steps(reviewer).locator('.ant-steps-item-finish').count()).toBe(4);
    expect(await reviewer.getByTestId('workflow-state').evaluate((el) => el.classList.contains('ant-tag-success'))).toBe(true);
    await reviewer.getByTestId('workflow-diagram-panel').getByText('流程图', { exact: true }).click();
    await reviewer.getByTestId('workflow-diagram').locator('svg').waitFor();
    await reviewer.screenshot({ path: path.join(screenshotDir, 'workflow-reviewer-approved.png'), fullPage: true });
    await reviewer.context().close();
  });
});
