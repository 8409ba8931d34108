import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { buildWeb, needsBuild, repoRoot, startServer } from '@drill/cli';

export const ROOT = repoRoot();
export const ARTIFACTS = join(ROOT, 'test', 'artifacts');

/** Builds the app if needed, serves it with `drill serve`'s server on a free port, launches Chromium. */
export async function launch(): Promise<{
  browser: Browser;
  server: Server;
  url: string;
  close(): Promise<void>;
}> {
  if (needsBuild(ROOT)) buildWeb(ROOT, () => {});
  mkdirSync(ARTIFACTS, { recursive: true });
  const { server, url } = await startServer(join(ROOT, 'web', 'dist'), 0);
  const browser = await launchChromium();
  return {
    browser,
    server,
    url,
    close: async () => {
      await browser.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
