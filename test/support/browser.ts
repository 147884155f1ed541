// The admin built and served against the test stack, and Debian's Chromium driven by
// playwright-core (its own browser download does not work on our machines).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build, preview } from 'vite';
import { projectRoot } from '../../stack/config.ts';
import { stack } from './clients.ts';

export const screenshotDir = path.join(projectRoot, 'test', 'screenshots');

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

/** Builds the admin for the test stack and serves it where the gateway allows CORS. */
export async function startAdmin(): Promise<{ url: string; close(): Promise<void> }> {
  const { apiUrl, anonKey, adminPort } = stack();
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'qt-admin-'));
  process.env.VITE_SUPABASE_URL = apiUrl;
  process.env.VITE_SUPABASE_ANON_KEY = anonKey;
  process.env.QT_TEST_WORKFLOWS = '1'; // register the sample workflow the test stack installs (vite.config.ts)
  await build({ root: projectRoot, logLevel: 'error', build: { outDir, emptyOutDir: true } });
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
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
