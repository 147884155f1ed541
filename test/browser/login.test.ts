// A person at the admin: the Chinese login page, a wrong password, a demo user's sign-in that
// survives a reload, and sign-out. Screenshots land in test/screenshots/ to be looked at.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../stack/config.ts';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';

const ui = adminInBrowser({ viewport: { width: 1280, height: 800 } });
const newPage = () => ui.newPage();

async function fillLogin(page: Page, email: string, password: string) {
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('login in the browser', () => {
  it('shows the Chinese login page and refuses a wrong password with a Chinese message', async () => {
    const page = await newPage();
    await page.goto(`${ui.url}/`);
    await page.waitForURL(/\/login/);
    await page.getByText('登录账号').waitFor();
    expect(await page.getByText('城市基层党建全域提升行动').isVisible()).toBe(true);
    expect(await page.title()).toContain('全域提升');
    await page.screenshot({ path: path.join(screenshotDir, 'login.png') });

    await fillLogin(page, 'office.s1@demo.local', 'wrong-password');
    await page.getByText('邮箱或密码错误').waitFor();
    expect(page.url()).toMatch(/\/login/);
    await page.screenshot({ path: path.join(screenshotDir, 'login-wrong-password.png') });
    await page.context().close();
  });

  it('validates the form as the user types, naming the field', async () => {
    const page = await newPage();
    await page.goto(`${ui.url}/login`);
    await page.getByLabel('邮箱').fill('not-an-email');
    await page.getByText('请输入有效的邮箱地址').waitFor();
    await page.getByLabel('邮箱').fill('');
    await page.getByText('请输入邮箱').waitFor();
    await page.context().close();
  });

  it('signs a demo user in, keeps the session across a reload, and signs out', async () => {
    const page = await newPage();
    await page.goto(`${ui.url}/login`);
    await fillLogin(page, 'office.s1@demo.local', DEMO_PASSWORD);
    await page.getByTestId('welcome').waitFor();
    expect(await page.getByTestId('welcome').textContent()).toBe('街道一 党建办，您好');
    expect(await page.getByTestId('current-user').textContent()).toContain('街道一 党建办');
    expect(await page.getByText('office.s1@demo.local').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'dashboard-office-s1.png') });

    await page.reload();
    await page.getByTestId('welcome').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    await page.getByText('退出登录').click();
    await page.waitForURL(/\/login/);
    await page.reload();
    await page.getByText('登录账号').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });
});
