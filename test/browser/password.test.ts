// Passwords in the browser: a filer forgot theirs, so the street office resets it on 成员 (重置密码,
// validated as it is typed); the filer signs in with the new initial password and is held on
// 请修改密码 (no other screen opens, the same password is refused in Chinese) until they set their
// own; then the admin opens. And 修改密码 from the user menu, for everyone.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';
import { superuser } from '../support/clients.ts';
import { createMember } from '../support/users.ts';

const ui = adminInBrowser();

const run = Date.now().toString(36);
const filer = { email: `forgetful.${run}@demo.local`, name: '忘密码 填报员', password: 'first-password-1' };
const INITIAL = 'office-initial-1';
const OWN = 'my-own-password-1';
const LATER = 'my-later-password-1';

beforeAll(async () => {
  const db = await superuser();
  try {
    await createMember(db, filer.email, filer.password, [{ unit: 101, role: 'community_filer' }], filer.name);
  } finally {
    await db.end();
  }
});

afterAll(async () => {
  const db = await superuser();
  await db.query('delete from auth.users where email = $1', [filer.email]);
  await db.end();
});

async function mustChange(): Promise<boolean> {
  const db = await superuser();
  try {
    const { rows } = await db.query<{ must_change_password: boolean }>(
      'select p.must_change_password from public.profiles p join auth.users u on u.id = p.id where u.email = $1', [filer.email],
    );
    return rows[0]!.must_change_password;
  } finally {
    await db.end();
  }
}

/** Signs in through the login page, without waiting for the dashboard. */
async function logIn(page: Page, email: string, password: string) {
  await page.goto(`${ui.url}/login`);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

const field = (scope: Page | ReturnType<Page['getByRole']>, label: string) => scope.getByLabel(label, { exact: true });

describe('passwords in the browser', () => {
  it("the office resets a filer's forgotten password; the filer must change it before using the admin", async () => {
    // The login page says where a forgotten password goes.
    const login = await ui.newPage();
    await login.goto(`${ui.url}/login`);
    await login.getByTestId('forgot-password').getByText('忘记密码？请联系您所在街道的党建办重置。').waitFor();
    await login.context().close();

    // The filer is signed in somewhere with the password they will forget.
    const page = await ui.signIn(filer.email, { password: filer.password });

    const office = await ui.signIn('office.s1@demo.local');
    await office.goto(`${ui.url}/memberships`);
    const row = office.getByTestId('memberships-table').locator('tr', { hasText: filer.email });
    await row.getByRole('button', { name: '重置密码' }).click();
    const dialog = office.getByRole('dialog');
    await dialog.getByText(`重置密码：${filer.name}`).waitFor();
    await dialog.getByText(`为 ${filer.name}（${filer.email}）设置新的初始密码`, { exact: false }).waitFor();
    // Validated as typed, the message naming the field.
    await field(dialog, '新初始密码').fill('short');
    await dialog.getByText('新初始密码至少 8 位').waitFor();
    await office.screenshot({ path: path.join(screenshotDir, 'password-reset-validation.png') });
    await field(dialog, '新初始密码').fill(INITIAL);
    await dialog.getByText('新初始密码至少 8 位').waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: '重置', exact: true }).click();
    await office.getByText(`已重置 ${filer.name} 的密码。请把新初始密码告知本人：对方登录后须先修改密码`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await office.screenshot({ path: path.join(screenshotDir, 'password-reset-done.png') });
    await office.context().close();
    expect(await mustChange()).toBe(true);

    // In that tab: signed out, the old password no longer signs in; the new initial one does,
    // onto 请修改密码 (the answer of the earlier session is not reused).
    await page.getByText('退出登录').click();
    await page.waitForURL(/\/login/);
    await logIn(page, filer.email, filer.password);
    await page.getByText('邮箱或密码错误').waitFor();
    await logIn(page, filer.email, INITIAL);
    await page.waitForURL(/\/change-password$/);
    const card = page.getByTestId('change-password');
    await card.getByText('请修改密码').waitFor();
    await card.getByText('街道党建办已重置您的密码。请设置一个只有您自己知道的新密码，然后才能继续使用。').waitFor();
    await card.getByText(`${filer.name}（${filer.email}）`).waitFor();
    expect(await page.locator('.ant-menu').count()).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, 'password-forced-change.png') });

    // Nothing else opens meanwhile: any address comes back here.
    for (const address of ['/', '/units', '/memberships']) {
      await page.goto(`${ui.url}${address}`);
      await page.waitForURL(/\/change-password$/);
      await card.getByText('请修改密码').waitFor();
    }

    // Validated as typed; then the office's password again, refused by GoTrue (422 same_password).
    await field(card, '新密码').fill('short');
    await card.getByText('新密码至少 8 位').waitFor();
    await field(card, '新密码').fill(INITIAL);
    await field(card, '确认新密码').fill(`${INITIAL}x`);
    await card.getByText('两次输入的新密码不一致').waitFor();
    await field(card, '确认新密码').fill(INITIAL);
    await card.getByText('两次输入的新密码不一致').waitFor({ state: 'detached' });
    await card.getByRole('button', { name: '保存并继续' }).click();
    await card.getByText('新密码不能与当前密码相同').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'password-forced-same.png') });
    expect(await mustChange()).toBe(true);

    // Their own: the admin opens at the dashboard, and stays open after a reload.
    await field(card, '新密码').fill(OWN);
    await field(card, '确认新密码').fill(OWN);
    await card.getByRole('button', { name: '保存并继续' }).click();
    await page.getByText('密码已修改，其他设备上的登录已退出').waitFor();
    await page.getByTestId('welcome').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await mustChange()).toBe(false);
    await page.locator('.ant-menu').first().getByText('单位', { exact: true }).click();
    await page.getByRole('cell', { name: '禾丰苑', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('cell', { name: '禾丰苑', exact: true }).waitFor();
    await page.goto(`${ui.url}/change-password`);
    await page.getByTestId('welcome').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'password-forced-done.png') });
    await page.context().close();
  });

  it('anyone changes their own password from the user menu', async () => {
    const page = await ui.signIn(filer.email, { password: OWN });
    await page.getByTestId('current-user').click();
    const item = page.getByRole('menuitem', { name: '修改密码' });
    await item.waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'password-user-menu.png') });
    await item.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('保存新密码后，您在其他设备上的登录将退出。').waitFor();
    await field(dialog, '新密码').fill(OWN);
    await field(dialog, '确认新密码').fill(OWN);
    await dialog.getByRole('button', { name: '保存新密码' }).click();
    await dialog.getByText('新密码不能与当前密码相同').waitFor();
    await field(dialog, '新密码').fill(LATER);
    await field(dialog, '确认新密码').fill(LATER);
    await dialog.getByText('新密码不能与当前密码相同').waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(screenshotDir, 'password-self-service.png') });
    await dialog.getByRole('button', { name: '保存新密码' }).click();
    await page.getByText('密码已修改，其他设备上的登录已退出').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    // Still signed in here; the new password is the one that signs in.
    await page.getByTestId('welcome').waitFor();
    await page.context().close();

    const again = await ui.newPage();
    await logIn(again, filer.email, OWN);
    await again.getByText('邮箱或密码错误').waitFor();
    await logIn(again, filer.email, LATER);
    await again.getByTestId('welcome').waitFor();
    expect(await mustChange()).toBe(false);
    await again.context().close();
  });
});
