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
    expect(await page.getByTestId('welcome').textContent()).toBe('青禾街道党建办，您好');
    expect(await page.getByTestId('current-user').textContent()).toContain('青禾街道党建办');
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

  it('groups the menu: the top, then 申报与审核, 评分与验收, 任务与目标, 基层治理 and 系统, each with the pages the user may open', async () => {
    const office = await ui.signIn('office.s1@demo.local', { viewport: { width: 1280, height: 1100 } });
    await expect.poll(() => menuTree(office), { timeout: 15_000 }).toEqual(expect.arrayContaining([
      '工作台', '我的待办', '我的已办',
      { group: '申报与审核', items: expect.arrayContaining(['申报表', '申报情况']) },
      { group: '评分与验收', items: ['评分标准', '评分表', '评分通报'] },
      { group: '任务与目标', items: ['全域提升行动', '行动目标', '重点任务'] },
      { group: '系统', items: ['单位', '单位树', '成员', '流程版本迁移'] },
    ]));
    const tree = await menuTree(office);
    // In the plan's order. 基层治理 shows only with a page in it: the product's plugins have none
    // there yet (an empty group is left out, test/unit/pages.test.ts); this build's sample has.
    const order = ['工作台', '我的待办', '我的已办', '消息中心', '申报与审核', '评分与验收', '任务与目标', '基层治理', '系统', '退出登录'];
    const shown = tree.map((e) => (typeof e === 'string' ? e : e.group));
    expect(shown).toEqual(order.filter((label) => shown.includes(label)));
    expect(shown.filter((label) => label !== '基层治理')).toEqual(order.filter((label) => label !== '基层治理'));
    expect(tree.find((e) => typeof e !== 'string' && e.group === '申报与审核')).toMatchObject({ items: ['申报表', '申报情况', expect.anything()] });
    await office.screenshot({ path: path.join(screenshotDir, 'menu-office-s1.png') });
    await office.context().close();

    // A filer's groups hold what the filer may open: no 申报情况, 行动目标, 重点任务, 单位树 or 成员.
    const filer = await ui.signIn('filer.c1@demo.local');
    await expect.poll(() => menuTree(filer), { timeout: 15_000 }).toEqual(expect.arrayContaining([
      { group: '评分与验收', items: ['评分标准', '评分表', '评分通报'] },
      { group: '系统', items: ['单位'] },
    ]));
    const filerTree = await menuTree(filer);
    expect(filerTree.find((e) => typeof e !== 'string' && e.group === '任务与目标')).toEqual({ group: '任务与目标', items: ['全域提升行动'] });
    expect(JSON.stringify(filerTree)).not.toMatch(/申报情况|行动目标|重点任务|单位树|成员/);
    await filer.context().close();
  });
});

/** The side menu as it shows: entries at the top, and each group with its entries. */
type MenuTree = (string | { group: string; items: string[] })[];
function menuTree(page: Page): Promise<MenuTree> {
  return page.locator('.ant-menu').first().evaluate((menu) =>
    [...menu.children].flatMap((li): MenuTree => {
      const text = (el: Element | null) => el?.textContent?.trim() ?? '';
      if (li.classList.contains('ant-menu-submenu')) {
        const items = [...li.querySelectorAll('.ant-menu-item .ant-menu-title-content')].map(text);
        return [{ group: text(li.querySelector('.ant-menu-submenu-title .ant-menu-title-content')), items }];
      }
      return li.classList.contains('ant-menu-item') ? [text(li.querySelector('.ant-menu-title-content'))] : [];
    }),
  );
}
