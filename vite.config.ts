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
 * `virtual:workflow-catalog`: what the menu needs of each workflow plugin (name, label, messages),
 * read from the registry in Node when the admin is built, so the first screen does not load the
 * plugins' machines, zod schemas and the workflow compiler (src/registry/workflows.ts).
 */
function workflowCatalog(): Plugin {
  const id = 'virtual:workflow-catalog';
  return {
    name: 'qt-workflow-catalog',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    async load(loaded) {
      if (loaded !== `\0${id}`) return;
      const { module, dependencies } = await runnerImport<{ WORKFLOWS: WorkflowPlugin[] }>(workflowRegistry, {
        configFile: false,
        logLevel: 'error',
        resolve: { alias },
      });
      for (const file of dependencies) this.addWatchFile(file);
      const catalog = module.WORKFLOWS.map(({ name, label, messages }) => ({ name, label, messages }));
      return `export default ${JSON.stringify(catalog)};`;
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

export default defineConfig({
  plugins: [react(), workflowCatalog(), noRealtime()],
  resolve: { alias },
  build: {
    rolldownOptions: {
      treeshake: { moduleSideEffects: (id) => (PURE_PACKAGES.test(id) ? false : undefined) },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
});
