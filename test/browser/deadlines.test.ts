// Deadlines, 催办 and the 消息中心 as the people use them. A 申报表 of this file's own (a community
// and filer made here) has waited four days to be opened: three is its deadline (the
// application's v2). The scheduler tells the reviewers; the filer sees it overdue on the panel
// and urges; a reviewer finds both in the 消息中心, opens one, and marks the rest read, the bell
// in the header following each step.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminInBrowser, screenshotDir } from '../support/browser.ts';
import { ownDraft, superuser } from '../support/clients.ts';

const ui = adminInBrowser();
const run = Date.now().toString(36);
const filerEmail = `filer.deadlines.${run}@test.local`;
const community = `枕河社区-${run}`;
let instance = 0;

const others = [`枕河东社区-${run}`, `枕河西社区-${run}`];
const otherFilers = others.map((_, i) => `filer${i}.deadlines.${run}@test.local`);

/** The communities' 申报表, submitted four days ago as fire_event records it (the filing window's
 * guard is today's): overdue once the scheduler runs. In one transaction, so that the stack's own
 * every-minute run finds all of them due or none. */
async function submittedDaysAgo(drafts: { unit: number; email: string }[]): Promise<number[]> {
  const db = await superuser();
  try {
    await db.query('begin');
    const ids: number[] = [];
    for (const { unit, email } of drafts) {
      const { rows } = await db.query<{ id: number; user_id: string }>(
        `update public.workflow_instances i set state = 'submitted', revision = revision + 1
           from public.profiles p where i.subject_unit_id = $1 and p.email = $2 returning i.id::int, p.id as user_id`,
        [unit, email],
      );
      await db.query(
        `insert into public.workflow_events (instance_id, workflow, version, event, from_state, to_state, actor_id, actor_roles, street_id, community_id, created_at)
         select i.id, i.workflow, i.version, 'submit', 'draft', 'submitted', $2, '{community_filer}', i.street_id, i.community_id, now() - interval '4 days'
         from public.workflow_instances i where i.id = $1`,
        [rows[0]!.id, rows[0]!.user_id],
      );
      ids.push(rows[0]!.id);
    }
    await db.query('commit');
    return ids;
  } finally {
    await db.end();
  }
}
const runTimers = async () => {
  const db = await superuser();
  await db.query('select private.run_due_timers()');
  await db.end();
};

beforeAll(async () => {
  instance = (await submittedDaysAgo([{ unit: await ownDraft(community, { email: filerEmail, fullName: '枕河 填报员' }), email: filerEmail }]))[0]!;
  await runTimers();
});

afterAll(async () => {
  const db = await superuser();
  await db.query('delete from auth.users where email = any ($1)', [[filerEmail, ...otherFilers]]);
  await db.end();
});

const bell = (page: Page) => page.getByTestId('message-bell-count');
/** The bell's number (antd hides the badge at 0). */
const bellCount = async (page: Page) => {
  const badge = bell(page).locator('.ant-scroll-number');
  return (await badge.count()) ? Number(await badge.getAttribute('title')) : 0;
};
/** The instance's 催办 rows and the last row that moved it, as urge_workflow reads them. */
const urgesOf = async (id: number) => {
  const db = await superuser();
  try {
    const { rows } = await db.query(
      `select id, event, from_state, to_state, created_at from public.workflow_events
       where instance_id = $1 and (event = 'urge' or from_state is distinct from to_state) order by id`,
      [id],
    );
    return rows;
  } finally {
    await db.end();
  }
};
const unreadOf = async (email: string) => {
  const db = await superuser();
  try {
    const { rows } = await db.query<{ n: number }>(
      'select count(*)::int as n from public.workflow_messages m join public.profiles p on p.id = m.recipient_id where p.email = $1 and m.read_at is null',
      [email],
    );
    return rows[0]!.n;
  } finally {
    await db.end();
  }
};

describe('a deadline passed, a 催办, and the 消息中心', () => {
  it('the filer sees the step overdue and urges the reviewers, once', async () => {
    const page = await ui.signIn(filerEmail);
    await page.goto(`${ui.url}/workflows/application/${instance}`);
    const deadline = page.getByTestId('workflow-deadline');
    await deadline.waitFor();
    expect(await deadline.textContent()).toMatch(/^办理期限\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}已超期$/);
    // The system's reminder is in the log as the system's.
    expect(await page.getByTestId('workflow-log-row').filter({ hasText: '超期提醒' }).textContent()).toContain('系统自动');

    await page.getByTestId('urge').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('提醒当前环节（已提交）的办理人尽快办理');
    await dialog.getByLabel('催办说明').fill('材料已补齐，请尽快审核');
    await dialog.getByRole('button', { name: /催\s*办/ }).click();
    const urgedToast = page.getByText(/^已催办，已提醒 \d+ 人$/);
    await urgedToast.waitFor();
    const urged = page.getByTestId('workflow-log-row').filter({ hasText: '催办' }).first();
    await urged.getByText('材料已补齐，请尽快审核').waitFor();
    await page.screenshot({ path: path.join(screenshotDir, 'deadlines-urged.png'), fullPage: true });

    // Again at once (the first dialog gone): refused in words, with when it may be. Were the
    // second accepted, its toast would come instead, and the log says what the database did.
    await dialog.waitFor({ state: 'hidden' });
    await urgedToast.waitFor({ state: 'hidden' });
    await page.getByTestId('urge').click();
    await dialog.getByRole('button', { name: /催\s*办/ }).click();
    const refusal = page.getByTestId('urge-refusal');
    await refusal.or(urgedToast).first().waitFor();
    expect(await refusal.count(), `the second 催办 was taken: ${JSON.stringify(await urgesOf(instance))}`).toBe(1);
    expect(await refusal.textContent()).toMatch(/^已于 .+ 催办过，.+ 后可再次催办$/);
    await page.context().close();
  });

  it('a reviewer reads both in the 消息中心, opens one, marks the rest read; the bell follows', async () => {
    const page = await ui.signIn('reviewer.s1@demo.local');
    const unread = await unreadOf('reviewer.s1@demo.local');
    expect(unread).toBeGreaterThanOrEqual(2);
    await expect.poll(() => bellCount(page)).toBe(unread);

    await page.getByTestId('message-bell').click();
    await page.waitForURL(/\/messages$/);
    const mine = page.getByTestId('message-row').filter({ hasText: community });
    await expect.poll(() => mine.count()).toBe(2);
    expect(await mine.filter({ hasText: '已超期' }).textContent()).toContain(`申报表「${community}」（已提交）已于`);
    const urged = mine.filter({ hasText: '被催办' });
    expect(await urged.textContent()).toContain('材料已补齐，请尽快审核');
    await page.screenshot({ path: path.join(screenshotDir, 'deadlines-messages.png'), fullPage: true });

    // Opening one reads it and goes to its 申报表.
    await urged.getByText('被催办').click();
    await page.waitForURL(new RegExp(`/workflows/application/${instance}$`));
    await expect.poll(() => bellCount(page)).toBe(unread - 1);

    await page.goto(`${ui.url}/messages`);
    await page.getByTestId('messages-mark-all').click();
    await page.getByText(/^已将 \d+ 条消息标为已读$/).waitFor();
    await page.getByText('没有未读消息').waitFor();
    await expect.poll(() => bellCount(page)).toBe(0);
    expect(await unreadOf('reviewer.s1@demo.local')).toBe(0);
    // 全部 keeps them, read.
    await page.getByTestId('messages-filter').getByText('全部').click();
    await expect.poll(() => mine.count()).toBe(2);
    expect(await mine.first().textContent()).toContain('已读');
    await page.context().close();
  });

  it('two more overdue at once come to the reviewer as one message, which opens the list of them', async () => {
    const drafts = [];
    for (const [i, name] of others.entries()) {
      drafts.push({ unit: await ownDraft(name, { email: otherFilers[i]!, fullName: `枕河 填报员${i + 1}` }), email: otherFilers[i]! });
    }
    const ids = await submittedDaysAgo(drafts);
    await runTimers();
    const page = await ui.signIn('reviewer.s1@demo.local');
    await page.goto(`${ui.url}/messages`);
    // (any other 申报表 overdue in the same run is in the same message)
    const listMessage = page.getByTestId('message-row').filter({ hasText: /申报表有 \d+ 件（已提交）已超期（最早于 .+），请尽快办理/ });
    await listMessage.waitFor();
    await listMessage.click();
    const listed = page.getByTestId('message-instances');
    await listed.getByText(others[0]!).waitFor();
    expect(await listed.textContent()).toContain(others[1]!);
    // Opened, it is read, and stays in the unread list until the list is loaded again.
    await expect.poll(() => listMessage.textContent()).toContain('已读');
    await expect.poll(() => listed.locator('.ant-spin-spinning').count()).toBe(0);
    await page.screenshot({ path: path.join(screenshotDir, 'deadlines-message-list.png'), fullPage: true });

    await listed.getByText(others[1]!).click();
    await page.waitForURL(new RegExp(`/workflows/application/${ids[1]}$`));
    await page.context().close();
  });
});
