// `npm run bench:lists -- --check-urls`: what each list screen really sends. Builds the admin
// against the bench's stack, opens every screen in Chromium (test/support/browser.ts' flags)
// signed in as each bench user, and records the PostgREST requests each page load makes, for
// test/bench/lists.ts to compare with the requests it times.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { projectRoot } from '../../stack/config.ts';
import { freePort } from '../../stack/ports.ts';
import { chromiumPath } from '../support/browser.ts';

export interface SentRequest {
  method: string;
  /** path and query, as sent (percent-encoded) */
  url: string;
  body?: string;
}

/** Method, path, query parameters sorted, and a JSON body as parsed: one line to compare. */
export function requestKey(r: SentRequest): string {
  const url = new URL(r.url, 'http://x');
  const params = [...url.searchParams.entries()].map(([k, v]) => `${k}=${v}`).sort().join('&');
  let body = '';
  if (r.body) {
    try {
      body = ` ${JSON.stringify(JSON.parse(r.body))}`;
    } catch {
      body = ` ${r.body}`;
    }
  }
  return `${r.method} ${url.pathname.replace(/^.*\/rest\/v1/, '')}?${params}${body}`;
}

/**
 * For each user and each of its routes, the /rest/v1 requests the page sends from its load until the network
 * has been quiet for a moment (a route `<path>#click=<test id>`: from that click on).
 */
export async function captureScreens(
  api: { apiUrl: string; anonKey: string },
  users: { label: string; email: string; password: string; routes: string[] }[],
): Promise<Map<string, Map<string, SentRequest[]>>> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'qt-bench-admin-'));
  process.env.VITE_SUPABASE_URL = api.apiUrl;
  process.env.VITE_SUPABASE_ANON_KEY = api.anonKey;
  console.log('  building the admin');
  await build({ root: projectRoot, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({ root: projectRoot, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
  // The gateway answers CORS for the configured admin origins only; this origin is another.
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-web-security', '--no-first-run'],
  });
  const origin = `http://127.0.0.1:${port}`;
  const result = new Map<string, Map<string, SentRequest[]>>();
  try {
    for (const user of users) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      let log: SentRequest[] = [];
      page.on('request', (request) => {
        if (!request.url().includes('/rest/v1/')) return;
        log.push({ method: request.method(), url: request.url(), body: request.postData() ?? undefined });
      });
      await page.goto(`${origin}/login`);
      await page.getByLabel('邮箱').fill(user.email);
      await page.getByLabel('密码').fill(user.password);
      log = [];
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('welcome').waitFor({ timeout: 60_000 });
      await settle(page);
      const byRoute = new Map<string, SentRequest[]>([['/', log]]);
      for (const route of user.routes.filter((r) => r !== '/')) {
        // `<path>#click=<test id>`: what clicking that element on the loaded page sends.
        const [address, click] = route.split('#click=') as [string, string | undefined];
        log = [];
        await page.goto(`${origin}${address}`);
        await settle(page);
        if (click) {
          log = [];
          await page.getByTestId(click).click();
          await settle(page);
        }
        byRoute.set(route, log);
      }
      result.set(user.label, byRoute);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
  return result;
}

/** Until no request has been sent for a second (pages chain their requests). */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
  let last = Date.now();
  const bump = () => (last = Date.now());
  page.on('request', bump);
  while (Date.now() - last < 1000) await page.waitForTimeout(200);
  page.off('request', bump);
}
