import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { expectedSeconds, longestFirst } from './test/tools/longest-first.ts';

// The built web app and `drill` bundle the tests run, built once per run (the web app beside the first
// files; see the set-up).
const globalSetup = [fileURLToPath(new URL('./test/tools/global-setup.ts', import.meta.url))];
// Before each file of the projects that serve the web app or start server processes: waits for the
// builds the global set-ups started in the background (test/tools/background-build.ts).
const awaitBuilds = fileURLToPath(new URL('./test/tools/await-builds.ts', import.meta.url));

// One worker process runs many test files (isolate: false), so the packages every file imports (the
// engine, the scenario library and its compiled-scenario cache, zod, yaml) are loaded once per worker,
// not once per file: about 1.4 s of CPU saved per file. What a file may leave behind in the process
// (environment variables, the working directory) is put back by restore-env.ts after each file; spies
// are restored by the files that make them. The web project's jsdom files share a worker too: one
// process per file cost about 4 s of CPU each (start-up, jsdom, transforming and importing React and the
// engine again), 120 s for the project's 23 files against 28 s shared. What a file leaves in the page
// (mounted trees, the document, storage, spies) is cleared when it ends by web/vitest.dom-reset.ts.
// With DRILL_TEST_CPU set, every project also records each file's CPU (test/tools/cpu-per-file.ts).
// With DRILL_TEST_PROF set, a V8 CPU profile of each file (test/tools/cpu-profile.ts).
const profile = [
  ...(process.env.DRILL_TEST_CPU
    ? [fileURLToPath(new URL('./test/tools/cpu-per-file.ts', import.meta.url))]
    : []),
  ...(process.env.DRILL_TEST_PROF
    ? [fileURLToPath(new URL('./test/tools/cpu-profile.ts', import.meta.url))]
    : []),
];

// The node projects hash with Node's SHA-256, as the shells do (test/tools/platform-sha256.ts); the web
// project keeps the engine's portable one, as the browser does.
const platformSha256 = fileURLToPath(new URL('./test/tools/platform-sha256.ts', import.meta.url));

const shared = {
  isolate: false,
  setupFiles: [
    platformSha256,
    fileURLToPath(new URL('./test/tools/restore-env.ts', import.meta.url)),
    // The shipped scenarios as the `drill` bundle precompiled them, while it is built from these sources.
    fileURLToPath(new URL('./test/tools/precompiled-shipped.ts', import.meta.url)),
    ...profile,
  ],
};

// Vitest's order, with the groups of several workers reordered longest first (test/tools/longest-first.ts
// says why and how; the expected seconds are test/tools/file-weights.json).
class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = expectedSeconds(this.ctx.config.root);
    return longestFirst(
      await super.sort(files),
      (s) => seconds(s.moduleId),
      (s) => s.project.config.maxWorkers || this.ctx.config.maxWorkers,
    );
  }
}

// Three groups, run one after the other. Every worker process costs CPU before its first test: Node, the
// vitest runtime, the set-up files, the environment (jsdom for web) and the project's modules (the
// engine, zod, yaml, React, ink) imported and transformed again — 2–4 s each. Vitest reuses a worker
// only for the next file of the same project, so a group with n workers starts up to n per project.
// 1. In-process projects (engine, report, scenarios, web: CPU-bound, no waiting on other processes; then
//    cohort, whose short files fill the first group's slack before the checks end) in
//    one worker each, while `pnpm test`'s format check, type check and lint (run-tests.mjs, ~60 s of
//    CPU) keep the other core busy: 88 → 66 CPU-s for engine, report, scenarios and cli measured alone
//    (docs/PERFORMANCE.md, eighth session). It starts at once: the web build runs beside it (see
//    test/tools/global-setup.ts). It should end when the checks do: nothing of the next group starts
//    before it ends, so a core idles for as long as it outlasts them (cli, 24 s of it, left it in the
//    ninth session).
// 2. The Chromium and long spawned-command files (e2e) two at a time, longest first
//    (LongestFirstSequencer above): between them they keep both cores busy (the idle run of
//    2026-12-01), and a third worker made the browser files slower and the whole run longer (sixth
//    session).
// 3. The short files that wait on their own server processes and timers, or on ink's (server, cli),
//    three at a time: two kept only ~1.5–1.75 cores busy (the last 30 s of the idle run of 2026-12-01
//    were the server files). One worker start more per project (~2–4 s of CPU).
const oneWorkerBesideTheChecks = { maxWorkers: 1, sequence: { groupOrder: 0 } };
const twoWorkers = { maxWorkers: 2, sequence: { groupOrder: 1 } };
const threeWorkers = { maxWorkers: 3, sequence: { groupOrder: 2 } };

// One vitest project per workspace package, plus the cross-package suites in test/.
export default defineConfig({
  test: {
    // Vitest's default on two cores is one worker, so every file waited for the one before it, even
    // the browser, terminal and CLI tests that mostly wait on other processes (Chromium, tmux, spawned
    // commands). Each group sets its own (above).
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
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
          ...threeWorkers,
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
            ...shared.setupFiles.filter((f) => f !== platformSha256),
            fileURLToPath(new URL('./web/vitest.dom-reset.ts', import.meta.url)),
          ],
        },
      },
      {
        test: {
          ...shared,
          // Beside the checks, after the other in-process projects: the first group ended ~12 s before
          // the checks did (idle runs of 2026-12-01, 05:06 and 05:19), and cohort's five files (~10 s)
          // fill that instead of taking two worker starts of the second group.
          ...oneWorkerBesideTheChecks,
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
          ...threeWorkers,
          name: 'server',
          root: './server',
          include: ['test/**/*.test.ts'],
          setupFiles: [...shared.setupFiles, awaitBuilds],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // Builds server/dist (the server processes and threads the tests start) when it is stale, in the
          // background: the files wait for it (awaitBuilds).
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
          setupFiles: [...shared.setupFiles, awaitBuilds],
          exclude: ['node_modules'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          globalSetup,
        },
      },
    ],
  },
});
