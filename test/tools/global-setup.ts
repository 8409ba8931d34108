// Vitest globalSetup of the projects whose tests run the built artefacts: the web app (web/dist, served to
// Chromium) and the `drill` command's bundle (cli/dist, what `pnpm drill` and the spawned-CLI tests run).
// Each is built here once, when it is missing or older than its sources (and the run's one Chromium is
// started here too):
// - web/dist: the browser test files used to each call buildWeb() when they found it stale, so with
//   several workers two or three Vite builds of the same app could run at once. The build runs in the
//   background (background-build.ts): vitest starts no test file before every global set-up has
//   returned, and the in-process projects, which run first, do not need the app. It builds into a
//   folder of its own, moved to web/dist when done; the e2e files wait for it (await-builds.ts).
// - cli/dist: cli/bin/drill.mjs runs the TypeScript sources through tsx when the bundle is stale (about
//   a second of CPU per spawn to compile them), and the CLI tests spawn it a hundred times. Built before
//   any file starts (`pnpm install` leaves it fresh, so usually nothing is done): the cli project's
//   files, which may run first, spawn it.
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtFrom, CLI_MANIFEST, CLI_SOURCES, lastChange } from '@drill/server/bundle-fresh';
import type { TestProject } from 'vitest/node';
import { buildWeb, needsBuild, repoRoot } from '../../cli/src/commands/serve.ts';
import { CHROMIUM, holdChromiumServer } from '../browser/chromium.ts';
import { clearBuild, startBuild } from './background-build.ts';

const ROOT = repoRoot();

/** True when cli/bin/drill.mjs would not run the bundle (the same sources it checks). */
export function cliBundleStale(root = ROOT): boolean {
  const bundle = join(root, 'cli', 'dist', 'drill.mjs');
  if (!existsSync(bundle)) return true;
  const exact = builtFrom(join(root, 'cli', 'dist', CLI_MANIFEST), root);
  if (exact !== undefined) return !exact;
  const built = statSync(bundle).mtimeMs;
  return CLI_SOURCES.some((d) => lastChange(join(root, d)) > built);
}

/** `vite build` of the web app in the background, into a folder of its own moved to web/dist when done. */
function startWebBuild(): Promise<void> {
  const web = join(ROOT, 'web');
  const vite = join(web, 'node_modules', 'vite', 'bin', 'vite.js');
  // Not installed: buildWeb says so (`pnpm install` first).
  if (!existsSync(vite)) buildWeb(ROOT, () => {});
  // Under node_modules: out of the format check's and the lint's way while it is half written.
  const out = join(web, 'node_modules', `.dist-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  return startBuild(
    'web',
    [vite, 'build', '--logLevel', 'warn', '--outDir', out, '--emptyOutDir'],
    web,
    () => {
      rmSync(join(web, 'dist'), { recursive: true, force: true });
      renameSync(out, join(web, 'dist'));
    },
  );
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let web: Promise<void> | undefined;
  if (project.name === 'e2e') {
    clearBuild('web');
    if (needsBuild(ROOT)) web = startWebBuild();
  }
  if (cliBundleStale()) execFileSync(process.execPath, [join(ROOT, 'cli', 'build.mjs')], { stdio: 'pipe' });
  // Without Chromium the browser tests fail with their own message (how to install it); the rest run.
  // One for the run, shared by the projects that list this setup; it stops when the last of them tears
  // down (see holdChromiumServer).
  const chromium = existsSync(CHROMIUM) ? holdChromiumServer() : undefined;
  if (chromium) project.provide('chromiumWs', (await chromium.server).wsEndpoint());
  return async () => {
    await web;
    await chromium?.release();
  };
}
