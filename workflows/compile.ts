// `npm run workflows:compile`: writes the migration of every workflow version that has none yet
// (supabase/migrations/<timestamp>_workflow_<name>_v<version>.sql). A version whose migration
// exists and differs from what its machine compiles to is an error: a published version never
// changes (running instances depend on it); give the changed machine a new version instead.
// `--check` writes nothing and fails when anything is missing or different (the test runs it).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileWorkflow } from '../src/workflow/compile.ts';
import { versionMigration, type ReadPluginSql } from '../src/workflow/sql.ts';
import type { WorkflowPlugin } from '../src/workflow/types.ts';
import { WORKFLOWS } from './registry';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MIGRATIONS_DIR = path.join(ROOT, 'supabase', 'migrations');

/** A plugin's folder: its `folder`, else workflows/<name>. */
export const pluginFolder = (plugin: WorkflowPlugin) => path.join(ROOT, plugin.folder ?? path.join('workflows', plugin.name));

export const readPluginSql: ReadPluginSql = (plugin, file) => readFileSync(path.join(pluginFolder(plugin), 'sql', file), 'utf8');

/** Every version's migration of a plugin, oldest first, as `workflows:compile` writes them. */
export function pluginMigrations(plugin: WorkflowPlugin): string[] {
  return compileWorkflow(plugin).map((compiled) => versionMigration(plugin, compiled, readPluginSql));
}

/** The plugin's demo data (its seed.sql), if it has one. */
export function pluginSeed(plugin: WorkflowPlugin): string | null {
  const file = path.join(pluginFolder(plugin), 'seed.sql');
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

export interface PlannedMigration {
  workflow: string;
  version: number;
  /** The existing file, or the one to write. */
  file: string;
  sql: string;
  status: 'up to date' | 'missing' | 'changed';
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}

export function planMigrations(plugins: WorkflowPlugin[], dir: string, now = new Date()): PlannedMigration[] {
  const files = readdirSync(dir).filter((f) => /^\d{14}_.*\.sql$/.test(f)).sort();
  let next = timestamp(now);
  const last = files.at(-1)?.slice(0, 14);
  if (last && last >= next) next = String(BigInt(last) + 1n);
  const planned: PlannedMigration[] = [];
  for (const plugin of plugins) {
    for (const compiled of compileWorkflow(plugin)) {
      const suffix = `_workflow_${compiled.workflow}_v${compiled.version}.sql`;
      const sql = versionMigration(plugin, compiled, readPluginSql);
      const existing = files.find((f) => f.endsWith(suffix));
      if (existing) {
        const same = readFileSync(path.join(dir, existing), 'utf8') === sql;
        planned.push({ workflow: compiled.workflow, version: compiled.version, file: existing, sql, status: same ? 'up to date' : 'changed' });
      } else {
        planned.push({ workflow: compiled.workflow, version: compiled.version, file: `${next}${suffix}`, sql, status: 'missing' });
        next = String(BigInt(next) + 1n);
      }
    }
  }
  return planned;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const planned = planMigrations(WORKFLOWS, MIGRATIONS_DIR);
  let failed = false;
  for (const m of planned) {
    if (m.status === 'changed') {
      failed = true;
      console.error(`${m.file}: ${m.workflow} v${m.version} no longer compiles to its published migration; give the changed machine a new version`);
    } else if (m.status === 'missing' && check) {
      failed = true;
      console.error(`${m.workflow} v${m.version} has no migration: run npm run workflows:compile`);
    } else if (m.status === 'missing') {
      writeFileSync(path.join(MIGRATIONS_DIR, m.file), m.sql);
      console.log(`wrote supabase/migrations/${m.file}`);
    }
  }
  if (!planned.length) console.log('no workflows registered');
  else if (!failed) console.log(`${planned.length} workflow version(s) compiled, migrations up to date`);
  process.exitCode = failed ? 1 : 0;
}
