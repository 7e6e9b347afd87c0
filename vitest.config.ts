import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure code in Node; DOM tests opt into jsdom with a
 * `// @vitest-environment jsdom` comment) and `browser` (the built app in real Chromium over real
 * IndexedDB, driven by playwright-core; see tests/browser/), and `server` (the sync server as real
 * processes, with Node clients; see tests/server/).
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/setup/summaryReporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // The sync server (#16) as real processes: tests/setup/syncServer.ts starts them.
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
