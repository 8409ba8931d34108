import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { buildWeb, needsBuild, repoRoot, startServer } from '../../cli/src/commands/serve.ts';

export const ROOT = repoRoot();
export const ARTIFACTS = join(ROOT, 'test', 'artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the app if needed, serves it with `drill serve`'s server on a free port, launches Chromium. */
export async function launch(): Promise<{
  browser: Browser;
  server: Server;
  url: string;
  close(): Promise<void>;
}> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium`);
  if (needsBuild(ROOT)) buildWeb(ROOT, () => {});
  mkdirSync(ARTIFACTS, { recursive: true });
  const { server, url } = await startServer(join(ROOT, 'web', 'dist'), 0);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
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
