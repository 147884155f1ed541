// The admin built and served against the test stack, and Debian's Chromium driven by
// playwright-core (its own browser download does not work on our machines).
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD, projectRoot } from '../../stack/config.ts';
import { stack } from './clients.ts';

export const screenshotDir = path.join(projectRoot, 'test', 'screenshots');

/**
 * Waits for every animation under the last element the selector finds (a modal's, popover's or
 * dropdown's opening) to end: a popup realigns as its motion ends, and a click pressed before
 * may be released somewhere else.
 */
export const settled = (page: Page, selector: string) =>
  page.locator(selector).last().evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));

/**
 * Waits until the page stands still before a picture: no CSS animation or transition running
 * (antd's motions) and the charts' shapes the same two frames running (recharts animates its bars
 * and lines from script, which getAnimations does not see).
 */
export const still = (page: Page) =>
  page.waitForFunction(() => new Promise<boolean>((resolve) => {
    const shapes = () => [...document.querySelectorAll('.recharts-surface path, .recharts-surface rect')].map((e) => e.getAttribute('d') ?? e.getAttribute('width')).join();
    const before = shapes();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      resolve(shapes() === before && document.getAnimations().every((a) => a.playState !== 'running'));
    }));
  }));

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(): string {
  const found = CHROMIUM_CANDIDATES.find((p) => p && existsSync(p));
  if (!found) {
    throw new Error('Browser tests need Chromium: install Debian\'s package (apt-get install chromium) or set CHROMIUM_PATH.');
  }
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Serves the admin built for the test stack where the gateway allows CORS. The run's first
 * browser file builds it (into the stack's folder, moved into place whole, so a file killed
 * mid-build leaves nothing half-built); the others serve that build.
 */
export async function startAdmin(): Promise<{ url: string; close(): Promise<void> }> {
  const { apiUrl, anonKey, adminPort, adminDist: outDir } = stack();
  if (!existsSync(path.join(outDir, 'index.html'))) {
    const building = mkdtempSync(path.join(os.tmpdir(), 'qt-admin-'));
    process.env.VITE_SUPABASE_URL = apiUrl;
    process.env.VITE_SUPABASE_ANON_KEY = anonKey;
    process.env.QT_TEST_WORKFLOWS = '1'; // register the sample workflow the test stack installs (vite.config.ts)
    await build({ root: projectRoot, logLevel: 'error', build: { outDir: building, emptyOutDir: true } });
    rmSync(outDir, { recursive: true, force: true });
    renameSync(building, outDir);
  }
  const server = await preview({
    root: projectRoot,
    logLevel: 'error',
    build: { outDir },
    preview: { host: '127.0.0.1', port: adminPort, strictPort: true },
  });
  mkdirSync(screenshotDir, { recursive: true });
  return {
    url: `http://127.0.0.1:${adminPort}`,
    close: async () => {
      await server.close();
    },
  };
}

type Viewport = { width: number; height: number };

export interface AdminInBrowser {
  /** The admin's origin (once the file's beforeAll has run). */
  readonly url: string;
  /** A page in a fresh zh-CN browser context, signed in as no one. */
  newPage(viewport?: Viewport): Promise<Page>;
  /** A page signed in through the login screen as the user, on the dashboard. */
  signIn(email: string, options?: { password?: string; viewport?: Viewport }): Promise<Page>;
}

/**
 * The built admin and Chromium for one test file: started before its tests and closed after
 * them (registers beforeAll and afterAll, so call it at the top of the file).
 */
export function adminInBrowser(defaults: { viewport?: Viewport } = {}): AdminInBrowser {
  let admin: Awaited<ReturnType<typeof startAdmin>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    admin = await startAdmin();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await admin?.close();
  });
  const newPage = async (viewport = defaults.viewport ?? { width: 1366, height: 900 }) => {
    const context = await browser!.newContext({ locale: 'zh-CN', viewport, acceptDownloads: true });
    return context.newPage();
  };
  return {
    get url() {
      return admin!.url;
    },
    newPage,
    async signIn(email, options = {}) {
      const page = await newPage(options.viewport);
      await page.goto(`${admin!.url}/login`);
      await page.getByLabel('邮箱').fill(email);
      await page.getByLabel('密码').fill(options.password ?? DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('welcome').waitFor();
      return page;
    },
  };
}
