// Member invitations in the browser: the street office invites, the invitation waits under the
// members (待接受的邀请) until the person signs in and accepts it on the dashboard, and the
// community's screens appear at once; the office withdraws a pending one (撤回), and an existing
// account declines one with its own password.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';
import { signedIn, superuser } from '../support/clients.ts';

const ui = adminInBrowser();

const run = Date.now().toString(36);
const newcomer = `filer.${run}@demo.local`;
const withdrawn = `later.${run}@demo.local`;
let declinedId: number | undefined;

afterAll(async () => {
  const db = await superuser();
  await db.query('delete from public.member_invitations where email like $1 or id = $2', [`%${run}%`, declinedId ?? 0]);
  await db.query('delete from auth.users where email like $1', [`%${run}%`]);
  await db.end();
});

const menu = (page: Page) => page.locator('.ant-menu').first();
/**
 * Picks the option of the open dropdown and waits for it to close: a click that lands while the
 * dropdown is still opening is lost, and the open list then covers the dialog's buttons.
 */
const option = async (page: Page, text: string) => {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 0; attempt < 5; attempt++) {
    // On a busy machine the list may close only after the wait below gave up: the pick then took,
    // and a second click would wait for an option that is no longer shown.
    if (attempt > 0 && (await open.count()) === 0) return;
    await open.locator('.ant-select-item-option').getByText(text, { exact: true }).click();
    if (await open.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false)) return;
  }
  throw new Error(`the dropdown stayed open after picking ${text}`);
};

/** The office's 邀请成员 dialog, filled in and sent. */
async function invite(page: Page, who: { email: string; name: string; password: string; unit: string; role: string }) {
  await page.getByRole('button', { name: '邀请成员' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('邮箱').fill(who.email);
  await dialog.getByLabel('姓名').fill(who.name);
  await dialog.getByLabel('初始密码').fill(who.password);
  await dialog.getByLabel('所属单位').click();
  await dialog.getByLabel('所属单位').fill(who.unit);
  await option(page, who.unit);
  await dialog.getByLabel('角色').click();
  await option(page, who.role);
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText(`已向 ${who.name} 发出邀请：对方登录后接受即成为成员；新账号用您设置的初始密码登录`).waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

async function invitationRows(email: string) {
  const db = await superuser();
  const { rows } = await db.query<{ id: string; status: string; membership_id: string | null }>(
    'select id, status, membership_id from public.member_invitations where email = $1 order by id', [email],
  );
  await db.end();
  return rows;
}

describe('member invitations in the browser', () => {
  it('the office invites a new address as a community filer; the person accepts and sees the community', async () => {
    const office = await ui.signIn('office.s1@demo.local');
    await office.goto(`${ui.url}/memberships`);
    await invite(office, { email: newcomer, name: '新填报员', password: 'welcome-2026', unit: '禾丰社区', role: '社区填报员' });

    // Pending, under the members: email, name, unit, role, who invited and when.
    const section = office.getByTestId('member_invitations-section');
    await section.getByText('待接受的邀请').waitFor();
    const row = section.locator('tr', { hasText: newcomer });
    await row.waitFor();
    for (const text of ['新填报员', '禾丰社区', '社区填报员', '青禾街道党建办']) await row.getByText(text, { exact: true }).waitFor();
    expect(await row.textContent()).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    expect(await office.getByTestId('memberships-table').getByRole('cell', { name: newcomer }).count()).toBe(0);
    await row.scrollIntoViewIfNeeded();
    await office.screenshot({ path: path.join(screenshotDir, 'invitations-office-pending.png') });
    await office.context().close();
    expect(await invitationRows(newcomer)).toMatchObject([{ status: 'pending', membership_id: null }]);

    // The new account, with the office's initial password: no role yet, the invitation on top.
    const page = await ui.signIn(newcomer, { password: 'welcome-2026' });
    const card = page.getByTestId('my-invitations');
    await card.getByText('您有 1 个成员邀请').waitFor();
    const mine = card.locator('tr', { hasText: '禾丰社区' });
    for (const text of ['禾丰社区', '青禾街道', '社区填报员', '青禾街道党建办']) await mine.getByText(text, { exact: true }).waitFor();
    expect(await menu(page).getByText('单位', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, 'invitations-dashboard-pending.png') });

    await mine.getByRole('button', { name: '接受' }).click();
    await page.getByText('已接受邀请，您现在是禾丰社区的社区填报员').waitFor();
    // The menu follows the new membership without a reload.
    await menu(page).getByText('单位', { exact: true }).waitFor();
    await card.waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(screenshotDir, 'invitations-dashboard-accepted.png') });
    await menu(page).getByText('单位', { exact: true }).click();
    await page.getByRole('cell', { name: '禾丰苑', exact: true }).waitFor();
    expect(await page.getByRole('cell', { name: '枫林社区' }).count()).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, 'invitations-accepted-units.png') });
    await page.context().close();

    const [accepted] = await invitationRows(newcomer);
    expect(accepted).toMatchObject({ status: 'accepted' });
    const db = await superuser();
    const { rows } = await db.query(
      `select m.role::text, m.community_id::int from public.memberships m join auth.users u on u.id = m.user_id where u.email = $1`, [newcomer],
    );
    await db.end();
    expect(rows).toEqual([{ role: 'community_filer', community_id: 101 }]);
  });

  it('the office withdraws a pending invitation; the person then finds nothing to accept', async () => {
    const office = await ui.signIn('office.s1@demo.local');
    await office.goto(`${ui.url}/memberships`);
    await invite(office, { email: withdrawn, name: '待撤回', password: 'welcome-2026', unit: '枫林社区', role: '查看者' });
    const row = office.getByTestId('member_invitations-section').locator('tr', { hasText: withdrawn });
    await row.getByRole('button', { name: '撤回' }).click();
    const confirm = office.locator('.ant-popconfirm');
    await confirm.getByText('撤回此邀请？').waitFor();
    await office.screenshot({ path: path.join(screenshotDir, 'invitations-revoke-confirm.png') });
    await confirm.getByRole('button', { name: '撤回' }).click();
    await office.getByText(`已撤回对 ${withdrawn} 的邀请`).waitFor();
    await row.waitFor({ state: 'detached' });
    await office.context().close();
    expect(await invitationRows(withdrawn)).toMatchObject([{ status: 'revoked' }]);

    // The account was made with the initial password; with no role and no invitation, the
    // dashboard says whom to ask.
    const page = await ui.signIn(withdrawn, { password: 'welcome-2026' });
    await page.getByTestId('no-access').getByText('您的账号没有可访问的单位，请联系街道党建办').waitFor();
    expect(await page.getByTestId('my-invitations').count()).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, 'invitations-no-access.png') });
    await page.context().close();
  });

  it('a reviewer sees the pending invitations without 撤回; an existing account declines with its own password', async () => {
    const office = await ui.signIn('office.s1@demo.local');
    await office.goto(`${ui.url}/memberships`);
    // filer.c2 has an account: it keeps its password (demo123456), not the one typed here.
    await invite(office, { email: 'filer.c2@demo.local', name: '枫林社区填报员', password: `not-used-${run}`, unit: '青禾街道', role: '查看者' });
    await office.context().close();
    const [pending] = (await invitationRows('filer.c2@demo.local')).filter((r) => r.status === 'pending');
    declinedId = Number(pending!.id);

    const reviewer = await ui.signIn('reviewer.s1@demo.local');
    await reviewer.goto(`${ui.url}/memberships`);
    const row = reviewer.getByTestId('member_invitations-section').locator('tr', { hasText: 'filer.c2@demo.local' });
    await row.waitFor();
    expect(await row.getByRole('button', { name: '撤回' }).count()).toBe(0);
    expect(await reviewer.getByRole('button', { name: '邀请成员' }).count()).toBe(0);
    await reviewer.context().close();

    const page = await ui.signIn('filer.c2@demo.local');
    const mine = page.getByTestId('my-invitations').locator('tr', { hasText: '青禾街道' });
    await mine.getByText('查看者', { exact: true }).waitFor();
    await mine.getByRole('button', { name: '拒绝' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '拒绝' }).click();
    await page.getByText('已拒绝青禾街道的邀请').waitFor();
    await page.getByTestId('my-invitations').waitFor({ state: 'detached' });
    // Still the community's filer, nothing more.
    await menu(page).getByText('单位', { exact: true }).waitFor();
    expect(await menu(page).getByText('成员', { exact: true }).count()).toBe(0);
    await page.context().close();
    expect((await invitationRows('filer.c2@demo.local')).find((r) => Number(r.id) === declinedId)).toMatchObject({ status: 'declined' });
  });

  it("the office's own row offers neither delete nor 停用账号, and the database refuses deleting its own membership", async () => {
    const office = await ui.signIn('office.s1@demo.local');
    await office.goto(`${ui.url}/memberships`);
    const table = office.getByTestId('memberships-table');
    const own = table.locator('tbody tr.ant-table-row').filter({ hasText: 'office.s1@demo.local' });
    const reviewerRow = table.locator('tbody tr.ant-table-row').filter({ hasText: 'reviewer.s1@demo.local' });
    await reviewerRow.getByText('停用账号').waitFor();
    expect(await reviewerRow.locator('.anticon-delete').count()).toBe(1);
    expect(await own.count()).toBeGreaterThan(0);
    expect(await own.getByText('停用账号').count()).toBe(0);
    expect(await own.locator('.anticon-delete').count()).toBe(0);
    await office.screenshot({ path: path.join(screenshotDir, 'memberships-own-row.png'), fullPage: true });
    await office.context().close();

    // By hand, with the office's own token: refused in Chinese, and the membership stays.
    const api = await signedIn('office.s1@demo.local');
    const { data: me } = await api.auth.getUser();
    const { error } = await api.from('memberships').delete().eq('user_id', me.user!.id).select();
    expect(error?.code).toBe('42501');
    expect(error?.message).toBe('不能删除自己的成员身份，请由本街道的其他党建办成员操作');
    const disabled = await api.rpc('set_user_disabled', { p_user_id: me.user!.id, p_disabled: true });
    expect(disabled.error?.message).toBe('不能停用自己的账号');
    const db = await superuser();
    try {
      const { rows } = await db.query("select count(*)::int as n from public.memberships m join auth.users u on u.id = m.user_id where u.email = 'office.s1@demo.local'");
      expect(rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await db.end();
    }
  });
});
