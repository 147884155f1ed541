import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname, 'src'),
      '@workflows/registry': path.resolve(import.meta.dirname, 'workflows/registry.ts'),
    },
  },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Integration and browser tests share one real stack, started once per run; a plugin's
        // own tests (workflows/<name>/*.test.ts) run against it too.
        test: {
          name: 'stack',
          include: ['test/integration/**/*.test.ts', 'test/browser/**/*.test.ts', 'workflows/**/*.test.ts', 'test/fixtures/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/setup/stack.ts'],
          // One file at a time: they share one database, and the browser tests one admin port.
          fileParallelism: false,
          // Browser flows walk several screens; on a cold CI machine some take most of a minute.
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // expect.poll waits for what a screen shows after its requests; 1 s (the default) is less
          // than a chart takes on a busy 2-core machine. A poll that should fail still fails.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
