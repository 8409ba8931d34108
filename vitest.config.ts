import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The built web app and `drill` bundle the tests run, built once before any test file starts.
const globalSetup = [fileURLToPath(new URL('./test/tools/global-setup.ts', import.meta.url))];

// One worker process runs many test files (isolate: false), so the packages every file imports (the
// engine, the scenario library and its compiled-scenario cache, zod, yaml) are loaded once per worker,
// not once per file: about 1.4 s of CPU saved per file. What a file may leave behind in the process
// (environment variables, the working directory) is put back by restore-env.ts after each file; spies
// are restored by the files that make them. The web project's jsdom files share a worker too: one
// process per file cost about 4 s of CPU each (start-up, jsdom, transforming and importing React and the
// engine again), 120 s for the project's 23 files against 28 s shared. What a file leaves in the page
// (mounted trees, the document, storage, spies) is cleared when it ends by web/vitest.dom-reset.ts.
// With DRILL_TEST_CPU set, every project also records each file's CPU (test/tools/cpu-per-file.ts).
const profile = process.env.DRILL_TEST_CPU
  ? [fileURLToPath(new URL('./test/tools/cpu-per-file.ts', import.meta.url))]
  : [];

const shared = {
  isolate: false,
  setupFiles: [fileURLToPath(new URL('./test/tools/restore-env.ts', import.meta.url)), ...profile],
};

// Two groups, run one after the other. Every worker process costs CPU before its first test: Node, the
// vitest runtime, the set-up files, the environment (jsdom for web) and the project's modules (the
// engine, zod, yaml, React, ink) imported and transformed again — about 4 s for the scenarios project's
// second worker. In-process projects (engine, report, scenarios, web: CPU-bound, no waiting on other
// processes) run first in one worker each, while `pnpm test`'s format check, type check and lint
// (run-tests.mjs, ~60 s of CPU) keep the other core busy: 88 → 66 CPU-s for engine, report, scenarios
// and cli measured alone (docs/PERFORMANCE.md, eighth session). Then the projects whose files mostly
// wait on other processes (Chromium, tmux, spawned `drill` and servers) run two at a time.
// The first group should end when the checks do: nothing else can start before it ends, so a core idles
// for as long as it outlasts them. With cli in it, it ran 24 s past the checks in an idle whole run (it
// took 52 s, the checks 53 s beside vitest's 25 s of global set-up; ninth session); cli (24 s of it) now
// opens the second group, where its files take two workers (one worker start more, ~3 s of CPU).
const oneWorkerBesideTheChecks = { maxWorkers: 1, sequence: { groupOrder: 0 } };
const twoWorkers = { maxWorkers: 2, sequence: { groupOrder: 1 } };

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
          ...shared,
          ...oneWorkerBesideTheChecks,
          name: 'engine',
          root: './engine',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          // The invariant, model and tamper properties run hundreds of whole drills per test.
          testTimeout: 120_000,
        },
      },
      {
        test: {
          ...shared,
          ...oneWorkerBesideTheChecks,
          name: 'report',
          root: './report',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          // Each report replays whole drills: seconds each when the machine is shared.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          ...shared,
          ...oneWorkerBesideTheChecks,
          name: 'scenarios',
          root: './scenarios',
          include: ['test/**/*.test.ts'],
          // Each test compiles whole shipped scenarios (seconds each under load).
          testTimeout: 60_000,
        },
      },
      // The terminal-screen tests share a worker too. They kept one process per file for fear of ink's
      // process-wide state, but ink-testing-library gives each render its own fake stdout and stdin, and
      // cli/vitest.ink-reset.ts unmounts what a file left mounted; the 32 files pass in any order
      // (checked with --sequence.shuffle). 101 → 45 CPU-s for the project.
      // 30 s, as for the web components: vitest's 5 s default failed screen tests that take a second
      // alone when the machine is shared (load average above 20), while a hang still fails.
      {
        test: {
          ...shared,
          ...twoWorkers,
          name: 'cli',
          root: './cli',
          include: ['src/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
          setupFiles: [
            ...shared.setupFiles,
            fileURLToPath(new URL('./cli/vitest.ink-reset.ts', import.meta.url)),
          ],
        },
      },
      {
        extends: './web/vitest.config.ts',
        test: {
          ...shared,
          ...oneWorkerBesideTheChecks,
          setupFiles: [
            ...shared.setupFiles,
            fileURLToPath(new URL('./web/vitest.dom-reset.ts', import.meta.url)),
          ],
        },
      },
      {
        test: {
          ...shared,
          ...twoWorkers,
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
          ...shared,
          ...twoWorkers,
          name: 'server',
          root: './server',
          include: ['test/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // Builds server/dist (the server processes and threads the tests start) when it is stale.
          globalSetup: [fileURLToPath(new URL('./server/test/global-setup.ts', import.meta.url))],
        },
      },
      {
        test: {
          ...shared,
          ...twoWorkers,
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
