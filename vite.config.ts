import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

// Browser tests build the admin with the test-only sample workflow beside the real ones.
const workflowRegistry = process.env.QT_TEST_WORKFLOWS === '1' ? 'test/fixtures/workflows-registry.ts' : 'workflows/registry.ts';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname, 'src'),
      '@workflows/registry': path.resolve(import.meta.dirname, workflowRegistry),
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 5173, strictPort: true },
});
