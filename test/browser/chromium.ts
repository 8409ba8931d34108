import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (installed by `pnpm test` with apt when missing); never a downloaded browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium as every browser test here runs it: no sandbox (root in CI), and none of the
 * background traffic this machine's closed network would refuse.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
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
}

let shared: Promise<Browser> | undefined;

/**
 * One Chromium for every browser test file that runs in this worker process (the e2e project runs
 * several files per worker): launching it costs a second or two of CPU per file. Each file makes its own
 * contexts and closes them with `closeContexts` when it ends; the browser itself ends with the worker.
 */
export function sharedChromium(): Promise<Browser> {
  shared ??= launchChromium().then((b) => {
    // A crashed browser is launched again by the next file, not handed out dead.
    b.on('disconnected', () => (shared = undefined));
    return b;
  });
  return shared;
}

/** Closes every context a test file opened on the shared browser (one file runs at a time per worker). */
export async function closeContexts(browser: Browser): Promise<void> {
  await Promise.all(browser.contexts().map((c) => c.close()));
}
