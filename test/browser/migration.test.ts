// 流程版本迁移 as a street office uses it: the dry run lists its street's running instances with
// what would stop each, it migrates those that can go, and a migrated one says so in its log.
// The district, street, office, community and the sample's instances (v3 → v4) are this file's own.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../stack/config.ts';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';
import { superuser } from '../support/clients.ts';
import { createMember } from '../support/users.ts';

const ui = adminInBrowser();
const run = Date.now().toString(36);
const officeEmail = `office.migration.${run}@test.local`;
const districtEmail = `district.migration.${run}@test.local`;
const ids: number[] = [];

beforeAll(async () => {
  const db = await superuser();
  try {
    // (a district of its own: the demo district's office counts its streets)
    const district = (await db.query<{ id: number }>("insert into public.units (kind, name) values ('district', $1) returning id::int", [`迁移区-${run}`])).rows[0]!.id;
    const street = (await db.query<{ id: number }>("insert into public.units (kind, name, parent_id) values ('street', $1, $2) returning id::int", [`迁移街道-${run}`, district])).rows[0]!.id;
    const community = (await db.query<{ id: number }>("insert into public.units (kind, name, parent_id) values ('community', $1, $2) returning id::int", [`迁移社区-${run}`, street])).rows[0]!.id;
    await createMember(db, officeEmail, DEMO_PASSWORD, [{ unit: street, role: 'street_office' }], '迁移 党建办');
    await createMember(db, districtEmail, DEMO_PASSWORD, [{ unit: district, role: 'district_office' }], '迁移区 组织部');
    for (const [state, form] of [['review.waiting', { title: '屋顶防水', items: ['防水'] }], ['review.waiting', { title: '楼道照明', items: ['照明'] }], ['draft', { title: '旧表', not_a_field: 1 }]] as const) {
      const { rows } = await db.query<{ id: number }>(
        `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form)
         select 'sample', 3, $1, u.id, u.street_id, u.community_id, $2 from public.units u where u.id = $3 returning id::int`,
        [state, form, community],
      );
      await db.query(
        `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_roles, street_id, community_id)
         select i.id, i.workflow, i.version, 'start', null, i.state, '{street_office}', i.street_id, i.community_id from public.workflow_instances i where i.id = $1`,
        [rows[0]!.id],
      );
      ids.push(rows[0]!.id);
    }
  } finally {
    await db.end();
  }
});

afterAll(async () => {
  const db = await superuser();
  await db.query('delete from auth.users where email = any ($1)', [[officeEmail, districtEmail]]);
  await db.end();
});

describe('流程版本迁移', () => {
  it('the dry run names what stops one; the office migrates the others, each logged v3 → v4', async () => {
    const office = await ui.signIn(officeEmail);
    await office.goto(`${ui.url}/workflow-migrations`);
    await office.getByTestId('migration-workflow').click();
    await office.locator('.ant-select-item-option').filter({ hasText: '示例流程' }).click();
    const table = office.getByTestId('migration-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(3);
    expect(await office.getByTestId('migration-from').textContent()).toBe('v3');
    expect(await office.getByTestId('migration-to').textContent()).toBe('v4');
    const stopped = table.locator(`tr[data-row-key="${ids[2]}"]`);
    expect(await stopped.getByTestId('migration-problems').textContent()).toContain('表单不符合新版本');
    expect(await stopped.locator('.ant-checkbox-input').isDisabled()).toBe(true);
    await office.screenshot({ path: path.join(screenshotDir, 'migration-dry-run.png'), fullPage: true });

    await office.getByTestId('migration-run-all').click();
    await office.locator('.ant-modal-confirm').getByText('将把 2 件「示例流程」从 v3 迁移到 v4').waitFor();
    await office.locator('.ant-modal-confirm').getByRole('button', { name: '迁移' }).click();
    await office.getByText('已迁移 2 件，未迁移 0 件').waitFor();
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);

    await office.goto(`${ui.url}/workflows/sample/${ids[0]}`);
    const migrated = office.getByTestId('workflow-log-row').filter({ hasText: '迁移到新版本' });
    await migrated.waitFor();
    expect(await migrated.getByTestId('log-note-migrate').textContent()).toBe('流程版本 v3 → v4');
    expect(await office.getByTestId('workflow-version').textContent()).toBe('流程版本 v4');
    await office.screenshot({ path: path.join(screenshotDir, 'migration-logged.png'), fullPage: true });
    await office.context().close();

    // The district office above the street reads the migrated instance as it is: its version,
    // the migration in its log, and nothing it could do to it.
    const district = await ui.signIn(districtEmail);
    await district.goto(`${ui.url}/workflows/sample/${ids[0]}`);
    await district.getByTestId('workflow-log-row').filter({ hasText: '迁移到新版本' }).waitFor();
    expect(await district.getByTestId('workflow-version').textContent()).toBe('流程版本 v4');
    expect(await district.locator('[data-testid^="action-"]').count()).toBe(0);
    expect(await district.getByRole('menuitem', { name: '流程版本迁移' }).count()).toBe(0);
    await district.screenshot({ path: path.join(screenshotDir, 'migration-district.png'), fullPage: true });
    await district.context().close();
  });
});
