import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import type { WorkflowPlugin } from './src/workflow/types.ts';

// Browser tests build the admin with the test-only sample workflow beside the real ones.
const workflowRegistry = path.resolve(
  import.meta.dirname,
  process.env.QT_TEST_WORKFLOWS === '1' ? 'test/fixtures/workflows-registry.ts' : 'workflows/registry.ts',
);
const alias = {
  '@': path.resolve(import.meta.dirname, 'src'),
  '@workflows/registry': workflowRegistry,
};

/**
 * `virtual:workflow-catalog`: what the first screen needs of each workflow plugin (name, label,
 * messages, its place in the menu, and its pages), read from the registry in Node when the admin
 * is built, so the first screen does not load the plugins' machines, zod schemas and the workflow
 * compiler (src/registry/workflows.ts). A plugin's `pages` hold icons and lazy imports, so the
 * module imports the file they come from: the pages.tsx among the registry's imports whose
 * `pages` are the ones the plugin declares (its folder's, by convention).
 */
function workflowCatalog(): Plugin {
  const id = 'virtual:workflow-catalog';
  const load = <T,>(file: string) => runnerImport<T>(file, { configFile: false, logLevel: 'error', resolve: { alias } });
  type Listed = { name: string; route: string }[];
  const sameList = (a: Listed, b: Listed) => JSON.stringify(a.map((p) => [p.name, p.route])) === JSON.stringify(b.map((p) => [p.name, p.route]));
  return {
    name: 'qt-workflow-catalog',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(loaded) {
      if (loaded !== `\0${id}`) return;
      const { module, dependencies } = await load<{ WORKFLOWS: WorkflowPlugin[] }>(workflowRegistry);
      for (const file of dependencies) this.addWatchFile(file);
      const pageFiles = await Promise.all(
        dependencies.filter((file) => /\/pages\.tsx?$/.test(file)).map(async (file) => ({ file, pages: (await load<{ pages?: Listed }>(file)).module.pages })),
      );
      const imports: string[] = [];
      const entries = module.WORKFLOWS.map(({ name, label, messages, menu, pages, declares }, i) => {
        const unitKinds = Object.entries(declares?.unitKinds ?? {}).map(([kind, k]) => ({ kind, label: k.label, parents: k.parents, reach: k.reach ?? 'scope' }));
        const roles = Object.entries(declares?.roles ?? {}).map(([role, r]) => ({ role, label: r.label, heldIn: r.heldIn }));
        const json = JSON.stringify({ name, label, messages, menu, unitKinds, roles });
        if (!pages?.length) return `{ ...${json}, pages: [] }`;
        const from = pageFiles.find((f) => f.pages && sameList(f.pages, pages));
        if (!from) throw new Error(`workflow ${name}: its pages must be the \`pages\` exported by pages.tsx in its folder`);
        imports.push(`import { pages as pages${i} } from ${JSON.stringify(`/${path.relative(import.meta.dirname, from.file)}`)};`);
        return `{ ...${json}, pages: pages${i} }`;
      });
      return `${imports.join('\n')}\nexport default [${entries.join(', ')}];`;
    },
  };
}

/**
 * supabase-js builds a realtime client (and its websocket library) in every createClient; the
 * admin subscribes to nothing, so the build gets a client that connects to nothing and refuses
 * `supabaseClient.channel()`. Take this out to use Realtime.
 */
function noRealtime(): Plugin {
  const id = '\0qt-no-realtime';
  return {
    name: 'qt-no-realtime',
    enforce: 'pre',
    resolveId: (source) => (source === '@supabase/realtime-js' ? id : undefined),
    load: (loaded) =>
      loaded !== id
        ? undefined
        : `export class RealtimeClient {
  constructor() { this.channels = []; }
  setAuth() { return Promise.resolve(); }
  channel() { throw new Error('Realtime is left out of this build (vite.config.ts, noRealtime)'); }
  getChannels() { return this.channels; }
  removeChannel() { return Promise.resolve('ok'); }
  removeAllChannels() { return Promise.resolve([]); }
}
export const REALTIME_LISTEN_TYPES = { BROADCAST: 'broadcast', PRESENCE: 'presence', POSTGRES_CHANGES: 'postgres_changes', SYSTEM: 'system' };
export const REALTIME_POSTGRES_CHANGES_LISTEN_EVENT = { ALL: '*', INSERT: 'INSERT', UPDATE: 'UPDATE', DELETE: 'DELETE' };
export const REALTIME_PRESENCE_LISTEN_EVENTS = { SYNC: 'sync', JOIN: 'join', LEAVE: 'leave' };
export const REALTIME_SUBSCRIBE_STATES = { SUBSCRIBED: 'SUBSCRIBED', TIMED_OUT: 'TIMED_OUT', CLOSED: 'CLOSED', CHANNEL_ERROR: 'CHANNEL_ERROR' };
export const REALTIME_CHANNEL_STATES = { closed: 'closed', errored: 'errored', joined: 'joined', joining: 'joining', leaving: 'leaving' };
`,
  };
}

// Packages that do nothing when imported, though they do not say so (no `sideEffects: false`):
// so the build drops what nothing uses of them. @refinedev/antd imports react-markdown and
// remark-gfm for MarkdownField, @refinedev/core papaparse for useImport/useExport.
const PURE_PACKAGES = /\/node_modules\/(react-markdown|remark-[^/]+|micromark[^/]*|mdast-[^/]+|unified|papaparse)\//;
// Modules of ours that @/plugin-api re-exports and that do nothing when imported (the compiler
// builds XState's combinators at its top, which reads as a side effect): so a plugin's page that
// imports the plugin API for its client does not load the compiler, XState and zod with it.
const PURE_MODULES = /\/src\/(workflow\/(compile|machine|errors)\.ts|pages\/workflow\/schema-form\.tsx)$/;

export default defineConfig({
  plugins: [react(), workflowCatalog(), noRealtime()],
  resolve: { alias },
  build: {
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id) => (PURE_PACKAGES.test(id) || PURE_MODULES.test(id) ? false : undefined) },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
});
