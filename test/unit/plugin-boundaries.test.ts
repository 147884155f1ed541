// The line between the admin and its plugins, both ways. A plugin's files reach the admin through
// `@/plugin-api` alone (its Node-side definition may also build on the engine's contract in
// src/workflow/), so the admin's internals can change without reading every plugin; and src/
// names no workflow, so a plugin is added or taken out without touching it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../stack/config.ts';
import { WORKFLOWS } from '../fixtures/workflows-registry.ts';

/** Files under a folder of the project whose names match, as paths from the root. */
function filesUnder(folder: string, match: RegExp): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(path.join(projectRoot, dir), { withFileTypes: true }).flatMap((entry) => {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(rel);
      return match.test(entry.name) ? [rel] : [];
    });
  return walk(folder);
}

/** What a module imports: static, dynamic, side-effect-only, and re-exports. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(projectRoot, file), 'utf8');
  const found = text.matchAll(/\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm);
  return [...found].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

// The engine's contract a plugin's definition is built with: its types, setup()'s guard and
// action helpers, the compiler (a payload's JSON Schema), the migration writer, the roles.
const ENGINE = new Set(['src/workflow/types.ts', 'src/workflow/machine.ts', 'src/workflow/compile.ts', 'src/workflow/sql.ts', 'src/access/roles.ts']);
const PLUGIN_FILES = [...filesUnder('workflows', /\.tsx?$/), ...filesUnder('test/fixtures/sample-workflow', /\.tsx?$/)];

describe('plugin boundaries', () => {
  it('a plugin imports no @/ module but @/plugin-api, and of src/ by path only the engine', () => {
    expect(PLUGIN_FILES.length).toBeGreaterThan(10);
    const refused: string[] = [];
    for (const file of PLUGIN_FILES) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith('@/') && spec !== '@/plugin-api') refused.push(`${file}: ${spec}`);
        if (spec.startsWith('.')) {
          const target = path.relative(projectRoot, path.resolve(projectRoot, path.dirname(file), spec));
          if (target.startsWith(`src${path.sep}`) && !ENGINE.has(target)) refused.push(`${file}: ${spec}`);
        }
      }
    }
    expect(refused).toEqual([]);
  });

  it('the check sees what it looks for', () => {
    expect(importsOf('src/App.tsx')).toEqual(expect.arrayContaining(['@/registry/refine', '@/pages/login', '@refinedev/core']));
  });

  it('src/ names no workflow: no path into a plugin, no plugin name as a string, no key of its messages', () => {
    const names = WORKFLOWS.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['application', 'campaign']));
    const naming: string[] = [];
    for (const file of filesUnder('src', /\.tsx?$/)) {
      const text = readFileSync(path.join(projectRoot, file), 'utf8');
      for (const name of names) {
        const patterns = [
          new RegExp(`workflows/${name}\\b`), // a path into its folder
          new RegExp(`(['"\`])${name}\\1`), // its name as a whole string: pluginByName.get('application'), .eq('workflow', …)
          new RegExp(`workflows\\.${name}\\.`), // a key of its messages
        ];
        for (const pattern of patterns) if (pattern.test(text)) naming.push(`${file}: ${pattern}`);
      }
    }
    expect(naming).toEqual([]);
  });
});
