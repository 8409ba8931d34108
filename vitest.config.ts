import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The built web app and `drill` bundle the tests run, built once before any test file starts.
const globalSetup = [fileURLToPath(new URL('./test/tools/global-setup.ts', import.meta.url))];

// One vitest project per workspace package, plus the cross-package suites in test/.
export default defineConfig({
  test: {
    // Vitest's default on two cores is one worker, so every file waited for the one before it, even
    // the browser, terminal and CLI tests that mostly wait on other processes (Chromium, tmux, spawned
    // commands). Two workers keep both cores busy; more only make the CPU-bound files fight.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'engine',
          root: './engine',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          // The invariant, model and tamper properties run hundreds of whole drills per test.
          testTimeout: 120_000,
        },
      },
      { test: { name: 'report', root: './report', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] } },
      {
        test: {
          name: 'scenarios',
          root: './scenarios',
          include: ['test/**/*.test.ts'],
          // Each test compiles whole shipped scenarios (seconds each under load).
          testTimeout: 60_000,
        },
      },
      { test: { name: 'cli', root: './cli', include: ['src/**/*.test.{ts,tsx}'] } },
      './web/vitest.config.ts',
      {
        test: {
          name: 'cohort',
          root: './cohort',
          include: ['test/**/*.test.ts'],
          exclude: ['node_modules'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // test/cli.test.ts runs the `drill` bundle.
          globalSetup,
        },
      },
      {
        test: {
          name: 'server',
          root: './server',
          include: ['test/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: './test',
          include: ['**/*.test.ts'],
          exclude: ['node_modules'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup,
        },
      },
    ],
  },
});
