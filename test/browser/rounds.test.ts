// The scoring rounds as steps of an application, in the browser: street 2 of the seed is in its
// pilot phase and its communities' applications have passed the self-check. The office picks
// 松涛社区 as a pilot from 我的待办; the acceptances its phase does not allow are disabled, in the
// list and on the panel alike, and say why.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';
import { superuser } from '../support/clients.ts';

const ui = adminInBrowser({ viewport: { width: 1440, height: 900 } });

const state = (page: Page) => page.getByTestId('workflow-state');
const dialog = (page: Page) => page.locator('.ant-modal-content');

describe('the rounds of an application', () => {
  it('the office picks a pilot in the pilot phase; an acceptance out of its phase says why', async () => {
    const office = await ui.signIn('office.s2@demo.local');
    await office.locator('.ant-menu').first().getByText('我的待办', { exact: true }).click();
    const row = office.locator('tr').filter({ hasText: '松涛社区' });
    await row.getByText('确定为试点').waitFor();
    // One availability rule, one look: what a guard holds back is a disabled button, here as on the panel.
    expect(await row.getByRole('button', { name: '完成年度验收', exact: true }).isDisabled()).toBe(true);
    expect(await row.getByRole('button', { name: '确定为试点', exact: true }).isDisabled()).toBe(false);
    await row.getByText('申报表', { exact: true }).click();
    await expect.poll(() => state(office).textContent(), { timeout: 15_000 }).toContain('已自查');

    // The yearly acceptance belongs to the full rollout: not offered (no opinion typed in vain), and the button says why.
    const yearly = office.getByRole('button', { name: '完成年度验收', exact: true });
    expect(await yearly.isDisabled()).toBe(true);
    await yearly.hover({ force: true });
    await office.getByText('暂不可办理：本轮评分尚未开启，或本社区已完成本轮：须在对应阶段由街道开启评分轮次').waitFor();
    await office.screenshot({ path: path.join(screenshotDir, 'rounds-yearly-held-back.png'), fullPage: true });

    await office.getByRole('button', { name: '确定为试点', exact: true }).click();
    // The confirmation says what will happen, from i18n.
    expect(await dialog(office).getByTestId('action-confirm').textContent()).toBe('确定将松涛社区确定为试点社区？');
    await dialog(office).getByRole('button', { name: '确定为试点', exact: true }).click();
    await office.getByText('已办理：确定为试点').waitFor();
    await expect.poll(() => state(office).textContent()).toContain('试点');
    await office.screenshot({ path: path.join(screenshotDir, 'rounds-pilot-picked.png'), fullPage: true });

    const db = await superuser();
    try {
      const { rows } = await db.query<{ state: string; event: string; actor_roles: string[] }>(
        `select i.state, e.event, e.actor_roles from public.workflow_instances i
         join public.workflow_events e on e.instance_id = i.id
         where i.workflow = 'application' and i.subject_unit_id = 201 order by e.id desc limit 1`,
      );
      expect(rows).toEqual([{ state: 'pilot', event: 'pick_pilot', actor_roles: ['street_office'] }]);
    } finally {
      await db.end();
    }
  });
});
