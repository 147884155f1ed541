// Two tabs on one 申报表 draft: the first saves, the second (still on the older revision) is told
// the form was saved elsewhere and shows the newer one, instead of writing over it.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../stack/config.ts';
import { adminInBrowser } from '../support/browser.ts';
import { createUser, signedIn, superuser, uniqueEmail } from '../support/clients.ts';

const ui = adminInBrowser();
const filerEmail = uniqueEmail('filer.conflict');
let instance: number;

beforeAll(async () => {
  const db = await superuser();
  try {
    const { rows } = await db.query<{ id: number }>("insert into public.units (kind, name, parent_id) values ('community', $1, 1) returning id::int", [`双窗社区-${Date.now().toString(36)}`]);
    const user = await createUser(db, filerEmail, DEMO_PASSWORD, '双窗 填报员');
    await db.query("insert into public.memberships (user_id, unit_id, role) values ($1, $2, 'community_filer')", [user, rows[0]!.id]);
    const filer = await signedIn(filerEmail);
    const { data, error } = await filer.rpc('start_workflow', { p_workflow: 'application', p_subject_unit_id: rows[0]!.id, p_form: {} });
    if (error) throw new Error(error.message);
    instance = (data as { id: number }).id;
  } finally {
    await db.end();
  }
});

describe('a draft open in two tabs', () => {
  it('the older tab is told and shows the newer form; nothing is written over', async () => {
    const first = await ui.signIn(filerEmail);
    const second = await first.context().newPage();
    for (const page of [first, second]) {
      await page.goto(`${ui.url}/workflows/application/${instance}`);
      await page.getByLabel('户籍户数').waitFor();
    }

    await first.getByLabel('户籍户数').fill('120');
    await expect.poll(() => first.getByTestId('save-state').textContent(), { timeout: 15_000 }).toMatch(/已自动保存/);

    await second.getByLabel('社会组织数').fill('7');
    await second.getByText('表单已在其他窗口保存了更新的内容，已为您载入最新内容').waitFor({ timeout: 15_000 });
    await expect.poll(() => second.getByLabel('户籍户数').inputValue()).toBe('120');

    const db = await superuser();
    try {
      const { rows } = await db.query<{ form: Record<string, unknown>; form_revision: number }>('select form, form_revision from public.workflow_instances where id = $1', [instance]);
      expect(rows[0]).toEqual({ form: { registered_households: 120 }, form_revision: 1 });
    } finally {
      await db.end();
    }
  });
});
