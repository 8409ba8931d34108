import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { closeContexts, sharedChromium } from './chromium.ts';
import { buildWeb, needsBuild, repoRoot, startServer } from '@drill/cli';

export const ROOT = repoRoot();
export const ARTIFACTS = join(ROOT, 'test', 'artifacts');

/**
 * Serves the built app (see test/tools/global-setup.ts) with `drill serve`'s server on a free port, and
 * gives the worker's shared Chromium; `close` closes this file's contexts and the server.
 */
export async function launch(): Promise<{
  browser: Browser;
  server: Server;
  url: string;
  close(): Promise<void>;
}> {
  if (needsBuild(ROOT)) buildWeb(ROOT, () => {});
  mkdirSync(ARTIFACTS, { recursive: true });
  const { server, url } = await startServer(join(ROOT, 'web', 'dist'), 0);
  const browser = await sharedChromium();
  return {
    browser,
    server,
    url,
    close: async () => {
      await closeContexts(browser);
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
