// Named handlers, 转交, 退回到任意节点, 抄送 and 批量办理 as the people use them, on the test-only
// sample's v3 (an opened review names its reviewer, returns to any step it passed, and an
// approval copies the office and whomever the reviewer names); 会签 and 加签 on the application's
// v3 (the reviewer who opens it names the reviewers, who all approve). A community of street 1,
// its filer and a second reviewer are this file's own, and so are the reviews waiting for them;
// so are the street of the 会签 (its own, that no demo list counts its 申报表), its reviewers and
// its community's 申报表.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../stack/config.ts';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';
import { superuser } from '../support/clients.ts';
import { createMember } from '../support/users.ts';

const ui = adminInBrowser();
const run = Date.now().toString(36);
const filerEmail = `filer.handlers.${run}@test.local`;
const reviewer2Email = `reviewer2.handlers.${run}@test.local`;
// the 会签's street
const signerEmails = [1, 2, 3].map((n) => `signer${n}.handlers.${run}@test.local`);
const signCommunity = `会签社区-${run}`;
const community = `揽月社区-${run}`;
// v3: one named reviewer (v4's reviewers vote)
const VERSION = samplePlugin.versions.find((v) => v.version === 3)!.version;
const instances: number[] = [];
let application = 0;

beforeAll(async () => {
  const db = await superuser();
  try {
    const { rows } = await db.query<{ id: number }>("insert into public.units (kind, name, parent_id) values ('community', $1, 1) returning id::int", [community]);
    const unit = rows[0]!.id;
    const filer = await createMember(db, filerEmail, DEMO_PASSWORD, [{ unit, role: 'community_filer' }], '揽月 填报员');
    await createMember(db, reviewer2Email, DEMO_PASSWORD, [{ unit: 1, role: 'reviewer' }], '第二 评审员');
    // The 会签's street, in a district of its own (the demo district's office counts its streets):
    // a community's 申报表, submitted, on the application's last version, and three reviewers.
    const signDistrict = (await db.query<{ id: number }>("insert into public.units (kind, name) values ('district', $1) returning id::int", [`会签区-${run}`])).rows[0]!.id;
    const signStreet = (await db.query<{ id: number }>("insert into public.units (kind, name, parent_id) values ('street', $1, $2) returning id::int", [`会签街道-${run}`, signDistrict])).rows[0]!.id;
    const signUnit = (await db.query<{ id: number }>("insert into public.units (kind, name, parent_id) values ('community', $1, $2) returning id::int", [signCommunity, signStreet])).rows[0]!.id;
    const signFiler = await createMember(db, `signfiler.handlers.${run}@test.local`, DEMO_PASSWORD, [{ unit: signUnit, role: 'community_filer' }], '会签 填报员');
    for (const [i, email] of signerEmails.entries()) {
      await createMember(db, email, DEMO_PASSWORD, [{ unit: signStreet, role: 'reviewer' }], `会签 评审${'一二三'[i]}`);
    }
    const { rows: app } = await db.query<{ id: number }>(
      `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form, revision)
       select 'application', $1, 'submitted', u.id, u.street_id, u.community_id, '{}', 1 from public.units u where u.id = $2 returning id::int`,
      [3, signUnit],
    );
    application = app[0]!.id;
    await db.query(
      `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_id, actor_roles, street_id, community_id)
       select i.id, i.workflow, i.version, e.event, e.from_state, e.to_state, $2, '{community_filer}', i.street_id, i.community_id
       from public.workflow_instances i, (values (1, 'start', null, 'draft'), (2, 'submit', 'draft', 'submitted')) e(n, event, from_state, to_state)
       where i.id = $1 order by e.n`,
      [application, signFiler],
    );
    // Three reviews submitted by the filer, waiting to be opened.
    for (const title of ['屋顶防水', '楼道照明', '健身器材']) {
      const { rows: made } = await db.query<{ id: number }>(
        `insert into public.workflow_instances (workflow, version, state, subject_unit_id, street_id, community_id, form, revision)
         select 'sample', $1, 'review.waiting', u.id, u.street_id, u.community_id, $2, 1 from public.units u where u.id = $3 returning id::int`,
        [VERSION, { title, items: [title] }, unit],
      );
      const id = made[0]!.id;
      await db.query(
        `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_id, actor_roles, street_id, community_id)
         select i.id, i.workflow, i.version, e.event, e.from_state, e.to_state, $2, '{community_filer}', i.street_id, i.community_id
         from public.workflow_instances i, (values (1, 'start', null, 'draft'), (2, 'submit', 'draft', 'review.waiting')) e(n, event, from_state, to_state)
         where i.id = $1 order by e.n`,
        [id, filer],
      );
      instances.push(id);
    }
  } finally {
    await db.end();
  }
});

afterAll(async () => {
  const db = await superuser();
  await db.query('delete from auth.users where email = any ($1)', [[filerEmail, reviewer2Email, `signfiler.handlers.${run}@test.local`, ...signerEmails]]);
  await db.end();
});

const state = (page: Page) => page.getByTestId('workflow-state');
const dialog = (page: Page) => page.locator('.ant-modal-content');
const pick = async (page: Page, testId: string, option: string) => {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
};
const panel = async (page: Page, id: number) => {
  await page.goto(`${ui.url}/workflows/sample/${id}`);
  await state(page).waitFor();
};

describe('named handlers, 转交, 退回到任意节点, 抄送 and 批量办理', () => {
  it('开始审核 names the reviewer; only they act; they hand it back with a comment', async () => {
    const reviewer = await ui.signIn('reviewer.s1@demo.local');
    await panel(reviewer, instances[0]!);
    await reviewer.getByTestId('action-open').click();
    await dialog(reviewer).getByText('下一环节办理人').waitFor();
    expect(await dialog(reviewer).textContent()).toContain('不选择时由该环节的评审办理');
    await pick(reviewer, 'next-handlers', '第二 评审员');
    await dialog(reviewer).getByRole('button', { name: '开始审核' }).click();
    await expect.poll(() => state(reviewer).textContent()).toBe('审核中');
    expect(await reviewer.getByTestId('workflow-handlers').textContent()).toBe('办理人：第二 评审员');
    // Someone else holding the role: the actions are offered, held back with the reason.
    const approve = reviewer.getByTestId('action-approve');
    expect(await approve.isDisabled()).toBe(true);
    await approve.hover({ force: true });
    await reviewer.getByText('暂不可办理：此环节已指派给 第二 评审员 办理').waitFor();
    await reviewer.context().close();

    const second = await ui.signIn(reviewer2Email);
    await second.goto(`${ui.url}/todo`);
    const row = second.getByTestId('todo-table').locator(`tr[data-row-key="${instances[0]}"]`);
    expect(await row.getByTestId('todo-mine').textContent()).toBe('指派给我');
    await row.getByText(community).click();
    await state(second).waitFor();
    await second.getByTestId('transfer').click();
    await pick(second, 'handover-to', '青禾街道评审');
    // The comment is required, said in Chinese beside it.
    await dialog(second).getByRole('button', { name: '转交' }).click();
    await dialog(second).getByText('请填写说明（至少 2 个字）').waitFor();
    await dialog(second).getByLabel('说明').fill('本周外出，请代为审核');
    await dialog(second).getByRole('button', { name: '转交' }).click();
    await second.getByText('已转交给 青禾街道评审').waitFor();
    await expect.poll(() => second.getByTestId('workflow-handlers').textContent()).toBe('办理人：青禾街道评审');
    const logged = second.getByTestId('workflow-log-row').filter({ hasText: '转交' });
    expect(await logged.getByTestId('log-note-to').textContent()).toBe('接收人：青禾街道评审');
    expect(await logged.textContent()).toContain('本周外出，请代为审核');
    await second.screenshot({ path: path.join(screenshotDir, 'handlers-transferred.png'), fullPage: true });
    await second.context().close();
  });

  it('退回到任意节点 sends it back to a step it passed; the filer submits straight back to the step that returned it', async () => {
    const reviewer = await ui.signIn('reviewer.s1@demo.local');
    await panel(reviewer, instances[0]!);
    await reviewer.getByTestId('return-to-step').click();
    await pick(reviewer, 'return-target', '草稿');
    await dialog(reviewer).getByLabel('退回意见').fill('请补充施工方案');
    await dialog(reviewer).getByRole('button', { name: '退回' }).click();
    await expect.poll(() => state(reviewer).textContent()).toBe('草稿');
    await reviewer.context().close();

    const filer = await ui.signIn(filerEmail);
    await filer.goto(`${ui.url}/messages`);
    await filer.getByTestId('message-row').filter({ hasText: '已退回到「草稿」' }).first().waitFor();
    await panel(filer, instances[0]!);
    const resume = filer.getByTestId('resume-at-step');
    expect(await resume.textContent()).toBe('提交至退回环节（审核中）');
    await resume.click();
    expect(await dialog(filer).textContent()).toContain('提交后直接回到该环节');
    await dialog(filer).getByRole('button', { name: /提交至退回环节/ }).click();
    await expect.poll(() => state(filer).textContent()).toBe('审核中');
    // Back with whoever returned it.
    expect(await filer.getByTestId('workflow-handlers').textContent()).toBe('办理人：青禾街道评审');
    await filer.screenshot({ path: path.join(screenshotDir, 'handlers-resumed.png'), fullPage: true });
    await filer.context().close();
  });

  it('an approval copies the office and the filer the reviewer names; 抄送我的 lists it', async () => {
    const reviewer = await ui.signIn('reviewer.s1@demo.local');
    await panel(reviewer, instances[0]!);
    await reviewer.getByTestId('action-approve').click();
    expect(await dialog(reviewer).textContent()).toContain('将抄送：街道党建办');
    await dialog(reviewer).getByLabel('分数').fill('95');
    await pick(reviewer, 'cc-people', '揽月 填报员');
    await dialog(reviewer).locator('.ant-modal-title').click(); // (the multiple select stays open)
    await dialog(reviewer).getByRole('button', { name: '通过' }).click();
    await expect.poll(() => state(reviewer).textContent()).toBe('优秀');
    await reviewer.context().close();

    const office = await ui.signIn('office.s1@demo.local');
    await office.goto(`${ui.url}/messages?filter=cc`);
    const copy = office.getByTestId('message-row').filter({ hasText: community });
    await copy.first().waitFor();
    expect(await copy.first().textContent()).toContain('抄送给您');
    await office.screenshot({ path: path.join(screenshotDir, 'handlers-cc.png'), fullPage: true });
    await office.context().close();
  });

  it('批量办理 in 我的待办: one action on the selected; the one someone took first is named with the reason, the other goes on', async () => {
    const reviewer = await ui.signIn('reviewer.s1@demo.local');
    await reviewer.goto(`${ui.url}/todo`);
    const table = reviewer.getByTestId('todo-table');
    for (const id of instances.slice(1)) await table.locator(`tr[data-row-key="${id}"] .ant-checkbox-input`).check();
    expect(await reviewer.getByTestId('batch-bar').textContent()).toContain('已选 2 件');
    expect(reviewer.url()).toMatch(/\/todo$/);
    // Someone opens the last one meanwhile.
    const db = await superuser();
    await db.query('update public.workflow_instances set revision = revision + 1 where id = $1', [instances[2]]);
    await db.end();
    await reviewer.getByTestId('batch-open').click();
    expect(await dialog(reviewer).textContent()).toContain('将对所选 2 件逐件执行“开始审核”');
    await dialog(reviewer).getByRole('button', { name: '开始审核' }).click();
    const failed = reviewer.getByTestId('batch-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toContain('1 件未办理');
    expect(await failed.textContent()).toContain(`${community}：他人已先处理了此事项，请刷新后再试`);
    await reviewer.screenshot({ path: path.join(screenshotDir, 'handlers-batch.png'), fullPage: true });
    const db2 = await superuser();
    const { rows } = await db2.query<{ state: string }>('select state from public.workflow_instances where id = any ($1) order by id', [instances.slice(1)]);
    await db2.end();
    expect(rows.map((r) => r.state)).toEqual(['review.opened', 'review.waiting']);
    await reviewer.context().close();
  });

  it('会签: the reviewer who opens a 申报表 names two; 加签 a third; each approves with an opinion; approved when all have', async () => {
    const reviewer = await ui.signIn(signerEmails[0]!);
    await reviewer.goto(`${ui.url}/workflows/application/${application}`);
    await state(reviewer).waitFor();
    await reviewer.getByTestId('action-open').click();
    await pick(reviewer, 'next-handlers', '会签 评审一');
    // (the multiple select stays open for the next)
    await reviewer.locator('.ant-select-item-option').filter({ hasText: '会签 评审二' }).first().click();
    await dialog(reviewer).locator('.ant-modal-title').click(); // (the multiple select stays open)
    await dialog(reviewer).getByRole('button', { name: '开始审核' }).click();
    await expect.poll(() => state(reviewer).textContent()).toBe('审核中');
    const summary = reviewer.getByTestId('countersign');
    expect(await summary.textContent()).toContain('会签：全部同意方可通过');
    expect(await reviewer.getByTestId('countersign-progress').textContent()).toBe('已同意 0 人 / 需 2 人（共 2 人会签）');

    // 加签: a third reviewer signs too.
    await reviewer.getByTestId('add-signer').click();
    await pick(reviewer, 'handover-to', '会签 评审三');
    await dialog(reviewer).getByLabel('说明').fill('涉及资金，请一并审核');
    await dialog(reviewer).getByRole('button', { name: '加签' }).click();
    await reviewer.getByText('已加签 会签 评审三').waitFor();
    await expect.poll(() => reviewer.getByTestId('countersign-progress').textContent()).toBe('已同意 0 人 / 需 3 人（共 3 人会签）');

    // The first vote: logged with its opinion; the step waits for the others.
    await reviewer.getByTestId('action-approve').click();
    expect(await dialog(reviewer).textContent()).toContain('此环节由多人会签');
    await dialog(reviewer).getByLabel('街道意见').fill('材料齐全，同意');
    await dialog(reviewer).getByRole('button', { name: '审核通过' }).click();
    await reviewer.getByText('已提交会签意见，等待其他人会签').waitFor();
    await expect.poll(() => reviewer.getByTestId('countersign-progress').textContent()).toBe('已同意 1 人 / 需 3 人（共 3 人会签）');
    expect(await state(reviewer).textContent()).toBe('审核中');
    const vote = reviewer.getByTestId('workflow-log-row').filter({ hasText: '会签 · 审核通过' });
    expect(await vote.textContent()).toContain('材料齐全，同意');
    const approve = reviewer.getByTestId('action-approve');
    expect(await approve.isDisabled()).toBe(true);
    await approve.hover({ force: true });
    await reviewer.getByText(/您已会签，等待 .*会签 评审二/).waitFor();
    await reviewer.screenshot({ path: path.join(screenshotDir, 'countersign-waiting.png'), fullPage: true });
    await reviewer.context().close();

    // The community's filer reads where its 申报表 stands: the rule, who agreed with what
    // opinion, who is still to sign — and no action of the reviewers'.
    const filer = await ui.signIn(`signfiler.handlers.${run}@test.local`);
    await filer.goto(`${ui.url}/workflows/application/${application}`);
    await expect.poll(() => filer.getByTestId('countersign-progress').textContent()).toBe('已同意 1 人 / 需 3 人（共 3 人会签）');
    const seen = await filer.getByTestId('countersign').textContent();
    expect(seen).toContain('会签：全部同意方可通过');
    expect(seen).toContain('材料齐全，同意');
    expect(seen).toContain('待会签');
    expect(await filer.getByTestId('action-approve').count()).toBe(0);
    expect(await filer.getByTestId('add-signer').count()).toBe(0);
    await filer.screenshot({ path: path.join(screenshotDir, 'countersign-filer.png'), fullPage: true });
    await filer.context().close();

    for (const [email, opinion] of [[signerEmails[1]!, '同意上报'], [signerEmails[2]!, '资金安排合理，同意']] as const) {
      const page = await ui.signIn(email);
      await page.goto(`${ui.url}/todo`);
      await page.getByTestId('todo-table').locator(`tr[data-row-key="${application}"]`).getByText(signCommunity).click();
      await state(page).waitFor();
      await page.getByTestId('action-approve').click();
      await dialog(page).getByLabel('街道意见').fill(opinion);
      await dialog(page).getByRole('button', { name: '审核通过' }).click();
      if (email === signerEmails[2]) {
        await expect.poll(() => state(page).textContent()).toBe('已通过');
        expect(await page.getByTestId('workflow-log-row').filter({ hasText: '会签 · 审核通过' }).count()).toBe(3);
        await page.screenshot({ path: path.join(screenshotDir, 'countersign-approved.png'), fullPage: true });
        // The printed sheet's 街道意见: each signer's, in the order they signed.
        await page.goto(`${ui.url}/print/application/${application}`);
        const opinion = page.getByTestId('sheet-opinion');
        await opinion.getByText('材料齐全，同意').waitFor();
        expect(await opinion.locator('div:not(.sign):not(.sign div)').allTextContents()).toEqual(['材料齐全，同意', '同意上报', '资金安排合理，同意']);
      } else {
        await expect.poll(() => page.getByTestId('countersign-progress').textContent()).toBe('已同意 2 人 / 需 3 人（共 3 人会签）');
      }
      await page.context().close();
    }
  });
});
