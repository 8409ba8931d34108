import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { closeContexts, sharedChromium } from './chromium.ts';
import { buildWeb, needsBuild, repoRoot, startServer } from '@drill/cli';

export const ROOT = repoRoot();
export const ARTIFACTS = join(ROOT, 'test', 'artifacts');

/**
 * Screenshots for a person to look at (test/artifacts) are taken only with DRILL_SHOTS=1. Nothing
 * asserts these pictures (a test that checks pixels takes its own), and encoding a full-page PNG at
 * 1,920 px costs the renderer and Playwright CPU: a test run takes none unless asked.
 */
export const ARTIFACT_SHOTS = process.env.DRILL_SHOTS === '1';

/** Saves a screenshot of `page` to test/artifacts as `name`.png, with DRILL_SHOTS=1 (see above). */
export async function artifactShot(
  page: Pick<Page, 'screenshot'>,
  name: string,
  fullPage = false,
): Promise<void> {
  if (!ARTIFACT_SHOTS) return;
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

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
