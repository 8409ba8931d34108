// Vitest globalSetup of the projects whose tests run the built artefacts: the web app (web/dist, served to
// Chromium) and the `drill` command's bundle (cli/dist, what `pnpm drill` and the spawned-CLI tests run).
// Each is built here once, before any test file starts, when it is missing or older than its sources
// (and the run's one Chromium is started here too):
// - web/dist: the browser test files used to each call buildWeb() when they found it stale, so with
//   several workers two or three Vite builds of the same app could run at once;
// - cli/dist: cli/bin/drill.mjs runs the TypeScript sources through tsx when the bundle is stale (about
//   a second of CPU per spawn to compile them), and the CLI tests spawn it a hundred times.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtFrom, CLI_MANIFEST, CLI_SOURCES, lastChange } from '@drill/server/bundle-fresh';
import type { TestProject } from 'vitest/node';
import { buildWeb, needsBuild, repoRoot } from '../../cli/src/commands/serve.ts';
import { CHROMIUM, holdChromiumServer } from '../browser/chromium.ts';

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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.name === 'e2e' && needsBuild(ROOT)) buildWeb(ROOT, () => {});
  if (cliBundleStale()) execFileSync(process.execPath, [join(ROOT, 'cli', 'build.mjs')], { stdio: 'pipe' });
  // Without Chromium the browser tests fail with their own message (how to install it); the rest run.
  // One for the run, shared by the projects that list this setup; it stops when the last of them tears
  // down (see holdChromiumServer).
  const chromium = existsSync(CHROMIUM) ? holdChromiumServer() : undefined;
  if (chromium) project.provide('chromiumWs', (await chromium.server).wsEndpoint());
  return async () => {
    await chromium?.release();
  };
}
