import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer, type LaunchOptions } from 'playwright-core';
import { inject } from 'vitest';

/**
 * Debian's old headless shell (apt package `chromium-headless-shell`, the same Chromium version as the
 * `chromium` package): Blink, V8 and the DevTools protocol without the browser's UI, profile services or
 * tab strip — what Playwright itself runs for headless Chromium by default. The binary, not
 * /usr/bin/chromium-headless-shell: that is an `sh` script that runs it without `exec`.
 * Measured against the full browser (chrome10, docs/PERFORMANCE.md): a new context with an app load
 * costs about a third less CPU (its browser process does far less), a page's own work the same; five
 * browser test files' Chromium CPU, together, 15 % lower. Screenshots, PDFs, popups, downloads and
 * axe behave the same (same Blink).
 */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
/** Debian's full Chromium (package `chromium`): what the tests ran before, when the shell is missing. */
const FULL_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium the browser tests drive (`pnpm test` installs both packages with apt when missing):
 * CHROMIUM_PATH when set, else the headless shell, else the full browser. Never a downloaded browser.
 */
export const CHROMIUM =
  process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : FULL_CHROMIUM);

declare module 'vitest' {
  export interface ProvidedContext {
    /** The websocket of the Chromium test/tools/global-setup.ts started for the whole run, if any. */
    chromiumWs?: string;
  }
}

/**
 * The features Playwright 1.65 disables (its chromiumSwitches.ts), and three of Chromium's own that cost
 * CPU for every window and page without showing anything. Chromium keeps only the last
 * `--disable-features` switch, and ours comes after Playwright's, so its list is repeated here (check it
 * when Playwright is upgraded).
 * - WebUIOmniboxPopup, WebUIOmniboxAimPopup, WebUIOmniboxFullPopup: every browser window (each context's
 *   first page, each popup) preloads the address bar's drop-down, a chrome:// WebUI page, in a renderer
 *   of its own (`--type=renderer --top-chrome-webui`). Headless, nobody ever opens it.
 * - SpareRendererForSitePerProcess: a renderer kept warm for the next navigation, one per browser.
 * With these a page costs one renderer process: a context with one page was three before. The headless
 * shell has no omnibox and ignores the names it does not know; they stay for the full browser.
 */
const DISABLED_FEATURES = [
  // Playwright's
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
  // ours
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
  'SpareRendererForSitePerProcess',
];

/** Whether the fallback to the full browser has been said (once per process). */
let notedFull = false;

/**
 * Headless Chromium as every browser test here runs it: no sandbox (root in CI), none of the
 * background traffic this machine's closed network would refuse, and no renderer that shows no page.
 */
function options(): LaunchOptions {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: apt-get install -y chromium-headless-shell chromium`,
    );
  if (CHROMIUM === FULL_CHROMIUM && !notedFull) {
    notedFull = true;
    console.warn(
      `note: ${HEADLESS_SHELL} is missing, so the browser tests run the full Chromium (${FULL_CHROMIUM}),` +
        ' which costs more CPU per page and context: apt-get install -y chromium-headless-shell',
    );
  }
  return {
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
    ],
  };
}

/**
 * How the tests' `waitForFunction`s poll: on a 20 ms timer. Playwright's default polls on every
 * animation frame, and a page that asks for one each frame keeps its renderer, the GPU process and the
 * browser producing frames for as long as it waits: a console page waiting 8 s cost 0.84–1.01 s of CPU
 * that way and 0.23–0.27 s on a 20 ms timer (chrome9, docs/PERFORMANCE.md), and the answer is seen about
 * as soon (a frame is 16.7 ms).
 */
export const POLL = { polling: 20 } as const;

/** A Chromium of the caller's own (a test that must own the process). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch(options());
}

/** The run's Chromium server and how many vitest projects hold it (see `holdChromiumServer`). */
const RUN = Symbol.for('drill.test.chromiumServer');
type Held = { server: Promise<BrowserServer>; holders: number };

/**
 * The one Chromium that other processes connect to, for the whole run: test/tools/global-setup.ts
 * holds it for each project that lists the setup (e2e, cohort) and lets go when that project tears
 * down; it closes when the last holder lets go. Vitest imports a project's global setup in a module
 * graph of its own, so a module-level variable there gave each project a Chromium of its own (two
 * browsers per run, ~4 s of CPU for the second); the count lives on `globalThis` of vitest's process.
 */
export function holdChromiumServer(): { server: Promise<BrowserServer>; release(): Promise<void> } {
  const g = globalThis as { [RUN]?: Held };
  const held = (g[RUN] ??= { server: chromium.launchServer(options()), holders: 0 });
  held.holders++;
  let released = false;
  return {
    server: held.server,
    release: async () => {
      if (released) return;
      released = true;
      if (--held.holders > 0) return;
      delete g[RUN];
      await (await held.server).close();
    },
  };
}

let shared: Promise<Browser> | undefined;

/**
 * The one Chromium of the whole run: test/tools/global-setup.ts launches it before any file starts and
 * every browser test file, in either worker, connects to it and makes its own contexts (closed with
 * `closeContexts` when the file ends). Starting and stopping a Chromium costs 3–4 s of CPU; it used to
 * be done by most files. Without the global setup (a file run some other way), one per worker.
 */
export function sharedChromium(): Promise<Browser> {
  shared ??= (async () => {
    const ws = inject('chromiumWs');
    const b = ws ? await chromium.connect(ws) : await launchChromium();
    // A crashed browser or a dropped connection is replaced for the next file, not handed out dead.
    b.on('disconnected', () => (shared = undefined));
    return b;
  })();
  return shared;
}

/** Closes every context this worker opened on the shared browser (one file runs at a time per worker). */
export async function closeContexts(browser: Browser): Promise<void> {
  await Promise.all(browser.contexts().map((c) => c.close()));
}
