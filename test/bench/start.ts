// `npm run bench:start`: cold start (new data folder) and warm start (existing data folder) of
// `npm start`, from the command to its "Ready" line, median of 5 each. Bars: warm ≤ 3 s,
// cold ≤ 10 s. Runs on free ports and temporary folders, beside any running stack.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { projectRoot } from '../../stack/config.ts';
import { freePort } from '../../stack/ports.ts';
import { machine } from './support.ts';

const RUNS = 5;

async function timeToReady(stateDir: string, reset: boolean): Promise<number> {
  const ports = { api: await freePort(), db: await freePort(), admin: await freePort() };
  const args = ['start', '--', '--state-dir', stateDir, '--api-port', `${ports.api}`, '--db-port', `${ports.db}`, '--admin-port', `${ports.admin}`];
  if (reset) args.push('--reset');
  const started = performance.now();
  // detached: its own process group, so SIGINT reaches npm and everything under it, as Ctrl-C does.
  const child = spawn('npm', args, { cwd: projectRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const readyAt = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/^Ready in/m.test(output)) resolve(performance.now());
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`npm start exited (${code}) before ready:\n${output}`)));
  });
  process.kill(-child.pid!, 'SIGINT');
  await exited;
  return readyAt - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const root = mkdtempSync(path.join(os.tmpdir(), 'qt-bench-start-'));
chmodSync(root, 0o755);
try {
  const cold: number[] = [];
  for (let i = 0; i < RUNS; i++) cold.push(await timeToReady(path.join(root, `cold-${i}`), false));
  const warmDir = path.join(root, 'warm');
  await timeToReady(warmDir, false); // initialise once
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await timeToReady(warmDir, false));

  console.log(machine());
  console.log(`cold start (new data folder), median of ${RUNS}: ${fmt(median(cold))}  [${cold.map(fmt).join(', ')}]  bar ≤ 10 s: ${median(cold) <= 10_000 ? 'met' : 'MISSED'}`);
  console.log(`warm start (existing data folder), median of ${RUNS}: ${fmt(median(warm))}  [${warm.map(fmt).join(', ')}]  bar ≤ 3 s: ${median(warm) <= 3_000 ? 'met' : 'MISSED'}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
