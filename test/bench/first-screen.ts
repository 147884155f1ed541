// `npm run bench:first-screen`: from `npm start`'s "Ready" line to the 工作台 rendered after
// signing in as office.s1 (the login screen opened, the form filled and sent, the welcome shown),
// in a browser with nothing cached (cold), then again in the same browser, its cache warm. Bar:
// ≤ 2 s each; exits 1 above it. Runs `npm start` on free ports and a temporary data folder,
// beside any running stack.
//   -- --cold-build   into a new admin cache folder: npm start builds the admin first (its time printed)
//   -- --dev          the admin on Vite's dev server (npm start -- --dev), for comparison
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, projectRoot } from '../../stack/config.ts';
import { freePort } from '../../stack/ports.ts';
import { launchBrowser } from '../support/browser.ts';
import { machine } from './support.ts';

const BAR_MS = 2_000;
const { values } = parseArgs({ options: { 'cold-build': { type: 'boolean', default: false }, dev: { type: 'boolean', default: false } } });

// The browser first, so its start is not counted.
const browser = await launchBrowser();
const root = mkdtempSync(path.join(os.tmpdir(), 'qt-bench-first-screen-'));
chmodSync(root, 0o755);
const ports = { api: await freePort(), db: await freePort(), admin: await freePort() };
const args = ['start', '--', '--state-dir', path.join(root, 'state'), '--api-port', `${ports.api}`, '--db-port', `${ports.db}`, '--admin-port', `${ports.admin}`];
if (values.dev) args.push('--dev');
const env = { ...process.env, ...(values['cold-build'] ? { QT_ADMIN_CACHE_DIR: path.join(root, 'admin-cache') } : {}) };
const started = performance.now();
// detached: its own process group, so SIGINT reaches npm and everything under it, as Ctrl-C does.
const child = spawn('npm', args, { cwd: projectRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
let output = '';
const readyAt = await new Promise<number>((resolve, reject) => {
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (/^Ready in/m.test(output)) resolve(performance.now());
  });
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  void exited.then((code) => reject(new Error(`npm start exited (${code}) before ready:\n${output}`)));
});

const url = `http://127.0.0.1:${ports.admin}`;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Opens the login screen, signs in and waits for the 工作台: [login screen shown, dashboard shown], ms from `from`. */
async function signIn(page: Page, from: number): Promise<[number, number]> {
  await page.goto(`${url}/login`);
  await page.getByLabel('邮箱').waitFor();
  const login = performance.now() - from;
  await page.getByLabel('邮箱').fill('office.s1@demo.local');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByTestId('welcome').waitFor({ timeout: 60_000 });
  return [login, performance.now() - from];
}

let failed = false;
try {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const [coldLogin, cold] = await signIn(page, readyAt);
  // Signed out (the session is in localStorage); the browser keeps its cache.
  await page.evaluate(() => localStorage.clear());
  const warmFrom = performance.now();
  const [warmLogin, warm] = await signIn(page, warmFrom);
  await context.close();

  const built = /^Built the admin in ([\d.]+)s/m.exec(output)?.[1];
  console.log(machine());
  console.log(`npm start${values.dev ? ' -- --dev' : ''}: Ready after ${fmt(readyAt - started)}${built ? ` (built the admin in ${built} s)` : values.dev ? ' (Vite dev server)' : ' (admin from the cache)'}`);
  const line = (label: string, login: number, total: number) => {
    const met = total <= BAR_MS;
    failed ||= !met;
    console.log(`${label}: login screen ${fmt(login)}, 工作台 after sign-in ${fmt(total)}  bar ≤ ${fmt(BAR_MS)}: ${met ? 'met' : 'MISSED'}`);
  };
  line('first screen from Ready, browser cache cold', coldLogin, cold);
  line('first screen again, browser cache warm', warmLogin, warm);
} finally {
  await browser.close();
  process.kill(-child.pid!, 'SIGINT');
  await exited;
  rmSync(root, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
