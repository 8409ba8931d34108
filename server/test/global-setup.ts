// Vitest globalSetup of the server project: the bundles its tests start processes and threads from,
// built once before any file starts when missing or older than their sources.
// - server/dist (server/build.mjs): the server processes (server/bin/server.mjs) and the worker threads
//   (src/worker-boot.mjs) run it when it is fresh; from the sources each start costs ~2 s more CPU.
// - cli/dist: the crash and own-scenario tests check a transcript with `drill verify` (cli/bin/drill.mjs).
// Either entry still runs the sources when its bundle is stale, so an edit made during a run is never
// hidden by an old bundle, only slower.
// server/dist is built in the background (test/tools/background-build.ts): no test file starts before
// every global set-up has returned, and the projects that run first do not need it; the server and e2e
// files wait for it (test/tools/await-builds.ts). build.mjs writes into a folder of its own and moves it
// in place, so a server started meanwhile runs the old bundle or the sources, never half a bundle.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { clearBuild, startBuild } from '../../test/tools/background-build.ts';
import { cliBundleStale } from '../../test/tools/global-setup.ts';
import { bundleStale } from '../src/bundle-fresh.mjs';

const root = join(import.meta.dirname, '..', '..');

export default function setup(): () => Promise<void> {
  clearBuild('server');
  const server = bundleStale() ? startBuild('server', [join(root, 'server', 'build.mjs')], root) : undefined;
  if (cliBundleStale(root))
    execFileSync(process.execPath, [join(root, 'cli', 'build.mjs')], { stdio: 'pipe' });
  return async () => {
    await server;
  };
}
