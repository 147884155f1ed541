// The units and members screens as the street office and as a community filer: what each sees,
// what each may do, and Chinese errors on the field they belong to.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';
import { superuser } from '../support/clients.ts';

const ui = adminInBrowser();

const run = Date.now().toString(36);

afterAll(async () => {
  const db = await superuser();
  await db.query('delete from public.member_invitations where email like $1', [`%${run}%`]);
  await db.query('delete from public.units where name like $1', [`%${run}%`]);
  await db.query('delete from auth.users where email like $1', [`%${run}%`]);
  await db.end();
});

const menu = (page: Page) => page.locator('.ant-menu').first();

describe('units and members in the browser', () => {
  it('the street office sees its street, with the tree and members in the menu', async () => {
    const page = await ui.signIn('office.s1@demo.local');
    for (const item of ['单位', '单位树', '成员']) await menu(page).getByText(item, { exact: true }).waitFor();
    await menu(page).getByText('单位', { exact: true }).click();
    await page.getByRole('cell', { name: '禾丰社区', exact: true }).first().waitFor();
    expect(await page.getByRole('cell', { name: '松涛社区' }).count()).toBe(0); // street 2
    // (street 1's units: the seed's, its grids, micro-grids and departments included, and the
    // communities earlier browser files add there; not street 2's)
    expect(await page.getByText(/共 \d+ 条/).textContent()).toMatch(/共 ([7-9][0-9]|1[01][0-9]) 条/);
    await page.screenshot({ path: path.join(screenshotDir, 'units-office-s1.png') });

    await page.goto(`${ui.url}/units/tree`);
    // the tree's, not the header's (which names the user's unit too)
    const tree = page.locator('.ant-tree');
    await tree.getByText('青禾街道').waitFor();
    await tree.locator('.ant-tree-switcher').first().click();
    await tree.getByText('禾丰社区').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'units-tree-office-s1.png') });
    await page.context().close();
  });

  it('creating a unit validates as the user types and names the field the database refuses', async () => {
    const page = await ui.signIn('office.s1@demo.local');
    await page.goto(`${ui.url}/units/create`);
    const name = page.getByLabel('名称');
    await name.fill('x');
    await name.fill('');
    await page.getByText('请填写名称').waitFor();
    await name.fill(`新建小区${run}`);
    await page.getByLabel('类型').click();
    await page.locator('.ant-select-item-option').getByText('小区', { exact: true }).click();
    await page.getByLabel('上级单位').click();
    await page.getByLabel('上级单位').fill('禾丰社区');
    await page.locator('.ant-select-item-option').getByText('禾丰社区', { exact: true }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/units(\?|$)/);

    // The same name under the same community again: the unique constraint, in Chinese, on 名称.
    await page.goto(`${ui.url}/units/create`);
    await page.getByLabel('名称').fill(`新建小区${run}`);
    await page.getByLabel('类型').click();
    await page.locator('.ant-select-item-option').getByText('小区', { exact: true }).click();
    await page.getByLabel('上级单位').click();
    await page.getByLabel('上级单位').fill('禾丰社区');
    await page.locator('.ant-select-item-option').getByText('禾丰社区', { exact: true }).click();
    await page.getByRole('button', { name: '保存' }).click();
    await page.locator('.ant-form-item-explain-error').getByText('同一上级下已有同名单位').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'units-create-duplicate.png') });

    const db = await superuser();
    const { rows } = await db.query('select community_id::int from public.units where name = $1', [`新建小区${run}`]);
    await db.end();
    expect(rows).toEqual([{ community_id: 101 }]);
    await page.context().close();
  });

  it('the street office invites a member: the invitation waits, and the person can sign in to accept it', async () => {
    const page = await ui.signIn('office.s1@demo.local');
    await page.goto(`${ui.url}/memberships`);
    await page.getByRole('button', { name: '邀请成员' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('对方登录后在工作台接受邀请，才成为成员').waitFor();
    await dialog.getByLabel('邮箱').fill('not-an-email');
    await dialog.getByText('请输入有效的邮箱地址').waitFor();
    await dialog.getByLabel('邮箱').fill(`new.${run}@demo.local`);
    await dialog.getByLabel('姓名').fill('新同事');
    await dialog.getByLabel('初始密码').fill('short');
    await dialog.getByText('初始密码至少 8 位').waitFor();
    await dialog.getByLabel('初始密码').fill('welcome-2026');
    await dialog.getByLabel('所属单位').click();
    await dialog.getByLabel('所属单位').fill('望湖社区');
    await page.locator('.ant-select-item-option').getByText('望湖社区', { exact: true }).click();
    await dialog.getByLabel('角色').click();
    await page.locator('.ant-select-item-option').getByText('社区填报员', { exact: true }).click();
    await page.screenshot({ path: path.join(screenshotDir, 'members-invite.png') });
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已向 新同事 发出邀请：对方登录后接受即成为成员；新账号用您设置的初始密码登录').waitFor();

    // Not a member yet: the invitation waits under the members, not among them.
    const pending = page.getByTestId('member_invitations-section');
    await pending.getByRole('cell', { name: `new.${run}@demo.local` }).waitFor();
    expect(await page.getByTestId('memberships-table').getByRole('cell', { name: `new.${run}@demo.local` }).count()).toBe(0);
    await page.context().close();

    // The new account signs in with the initial password and finds the invitation on its dashboard.
    const invited = await ui.signIn(`new.${run}@demo.local`, { password: 'welcome-2026' });
    expect(await invited.getByTestId('welcome').textContent()).toBe('新同事，您好');
    await invited.getByTestId('my-invitations').getByRole('cell', { name: '望湖社区' }).waitFor();
    await invited.context().close();
  });

  it('a community filer sees only its community, and no tree, members or create button', async () => {
    const page = await ui.signIn('filer.c1@demo.local');
    await menu(page).getByText('单位', { exact: true }).waitFor();
    expect(await menu(page).getByText('成员', { exact: true }).count()).toBe(0);
    expect(await menu(page).getByText('单位树', { exact: true }).count()).toBe(0);
    await menu(page).getByText('单位', { exact: true }).click();
    await page.getByRole('cell', { name: '禾丰苑', exact: true }).waitFor();
    expect(await page.getByRole('cell', { name: '枫林社区' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '新建' }).count()).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, 'units-filer-c1.png') });
    await page.context().close();
  });
});
