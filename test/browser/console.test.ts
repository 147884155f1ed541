// The console of the main screens shows no antd warning (a deprecated prop, a form instance no
// Form holds): antd warns only in a development build, so this file serves the admin with Vite's
// dev server, on the admin's port the stack's gateway lets call it (CORS).
import os from 'node:os';
import path from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, projectRoot } from '../../stack/config.ts';
import { launchBrowser } from '../support/browser.ts';
import { stack } from '../support/clients.ts';

describe('the console of the main screens', () => {
  let server: ViteDevServer;
  let url: string;
  beforeAll(async () => {
    process.env.VITE_SUPABASE_URL = stack().apiUrl;
    process.env.VITE_SUPABASE_ANON_KEY = stack().anonKey;
    process.env.QT_TEST_WORKFLOWS = '1';
    const { adminPort } = stack();
    // Its own dependency cache: a dev server of the project may be running on the shared one.
    server = await createServer({
      root: projectRoot, logLevel: 'error', cacheDir: path.join(os.tmpdir(), 'qt-console-test-vite'),
      server: { host: '127.0.0.1', port: adminPort, strictPort: true, hmr: false },
    });
    await server.listen();
    url = `http://127.0.0.1:${adminPort}`;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('shows no antd warning as the office, the reviewer and a filer open their screens', { timeout: 400_000 }, async () => {
    const browser = await launchBrowser();
    const warnings: string[] = [];
    try {
      for (const [email, paths] of [
        ['office.s1@demo.local', ['/todo', '/done', '/workflows/application', '/applications-overview', '/workflows/campaign']],
        ['reviewer.s1@demo.local', ['/workflows/application']],
        ['filer.c1@demo.local', ['/todo', '/workflows/application']],
      ] as const) {
        const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
        const page = await context.newPage();
        page.on('console', (m) => {
          if (m.type() === 'warning' || m.type() === 'error') warnings.push(`${email} ${page.url()}: ${m.text().slice(0, 200)}`);
        });
        await page.goto(`${url}/login`);
        await page.getByLabel('邮箱').fill(email);
        await page.getByLabel('密码').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: '登录' }).click();
        await page.getByTestId('welcome').waitFor({ timeout: 120_000 });
        for (const to of paths) {
          await page.goto(`${url}${to}`);
          await page.locator('main .ant-table, main .ant-card, main .ant-result').first().waitFor({ timeout: 120_000 });
          await page.waitForLoadState('networkidle');
        }
        // And an instance's panel: the first of the list.
        await page.goto(`${url}/workflows/application`);
        await page.locator('main tbody tr.ant-table-row').first().click();
        await page.getByTestId('workflow-steps').waitFor({ timeout: 120_000 });
        await page.waitForLoadState('networkidle');
        await context.close();
      }
    } finally {
      await browser.close();
    }
    // What antd says (and what React says of a deprecated API); other messages are not this test's.
    expect(warnings.filter((w) => /antd|deprecated|useForm/.test(w))).toEqual([]);
  });
});
