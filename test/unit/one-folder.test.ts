// "Adding a workflow is adding a folder and one line in the registry" (workflows/README.md): the
// sample plugin (test/fixtures/sample-workflow/) brings a table, a role, a unit kind, a seed, a
// test and a screen of its own, and nothing outside its folder names any of them. The core and
// the tests reach them only through the plugin object the registry lists: the migration through
// the compiler, the seed and tests through the stack project's globs, the RLS and write matrices
// through its declarations, the screen through the page list.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { samplePlugin } from '../fixtures/sample-workflow/index.ts';
import { WORKFLOWS } from '../../workflows/registry.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FOLDER = samplePlugin.folder!;
const THIS_FILE = path.relative(ROOT, fileURLToPath(import.meta.url));

/** The project's files, as git tracks them plus those not yet committed. */
function projectFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\n').filter((f) => f && !f.endsWith('.gz') && !f.endsWith('.png'));
}

describe('a plugin is one folder', () => {
  const declared = samplePlugin.declares!;
  const names = [
    ...Object.keys(declared.tables ?? {}),
    ...Object.keys(declared.roles ?? {}),
    ...Object.keys(declared.unitKinds ?? {}),
    ...(samplePlugin.pages ?? []).map((p) => p.route.replace(/^\//, '')),
  ];

  it('the sample brings a table, a role, a unit kind, a seed, a test and a screen', () => {
    expect(Object.keys(declared.tables ?? {})).not.toHaveLength(0);
    expect(Object.keys(declared.roles ?? {})).not.toHaveLength(0);
    expect(Object.keys(declared.unitKinds ?? {})).not.toHaveLength(0);
    expect(samplePlugin.pages ?? []).not.toHaveLength(0);
    const files = projectFiles().filter((f) => f.startsWith(`${FOLDER}/`));
    expect(files).toEqual(expect.arrayContaining([`${FOLDER}/seed.sql`, `${FOLDER}/sample.test.ts`, `${FOLDER}/index.ts`]));
    expect(files.some((f) => f.startsWith(`${FOLDER}/sql/`))).toBe(true);
  });

  it('nothing outside its folder names them, but the registry that lists it', () => {
    const outside = projectFiles().filter((f) => !f.startsWith(`${FOLDER}/`) && f !== THIS_FILE);
    const naming: string[] = [];
    for (const file of outside) {
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      for (const name of names) if (new RegExp(`\\b${name}\\b`).test(text)) naming.push(`${file}: ${name}`);
    }
    expect(naming).toEqual([]);
    // What lists it: one line of the test-only registry, as one line of workflows/registry.ts
    // lists each real plugin (the engine's own tests replay the sample by design).
    const registryLines = (file: string, folder: string) =>
      readFileSync(path.join(ROOT, file), 'utf8').split('\n').filter((line) => line.includes(`${folder}/index.ts`));
    expect(registryLines('test/fixtures/workflows-registry.ts', './sample-workflow')).toHaveLength(1);
    for (const plugin of WORKFLOWS) expect(registryLines('workflows/registry.ts', `./${plugin.name}`), plugin.name).toHaveLength(1);
  });
});
