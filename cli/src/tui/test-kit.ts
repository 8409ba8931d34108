// Shared by the screen tests: a fresh drill on the small fixture scenario, journaled in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ColleagueLevel, Lang, Scenario } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { startLive } from '../commands/play.ts';
import type { LiveDrill } from './live-drill.ts';

export const FIXTURE = fileURLToPath(new URL('../../../test/terminal/fixtures/short.yaml', import.meta.url));

export function fixtureScenario(): Scenario {
  return loadScenario(FIXTURE);
}

/** A new drill in a temporary DRILL_HOME; `cleanup` removes it. */
export function newDrill(
  o: { lang?: Lang; role?: string; pressure?: boolean; seed?: string; colleagues?: ColleagueLevel } = {},
): {
  drill: LiveDrill;
  dir: string;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'drill-tui-'));
  const prevHome = process.env.DRILL_HOME;
  process.env.DRILL_HOME = join(dir, 'home');
  const drill = startLive(fixtureScenario(), {
    seed: o.seed ?? '7',
    lang: o.lang ?? 'en',
    scenarioArg: FIXTURE,
    out: join(dir, 'run.json'),
    startedAt: '2026-01-01T00:00:00.000Z',
    ...(o.role ? { role: o.role } : {}),
    ...(o.pressure ? { pressure: true } : {}),
    ...(o.colleagues ? { colleagues: o.colleagues } : {}),
  });
  return {
    drill,
    dir,
    cleanup: () => {
      drill.journal.close();
      if (prevHome === undefined) delete process.env.DRILL_HOME;
      else process.env.DRILL_HOME = prevHome;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  left: '\u001B[D',
  right: '\u001B[C',
  enter: '\r',
  esc: '\u001B',
  tab: '\t',
  pageDown: '\u001B[6~',
};

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What `settle` watches: ink-testing-library's render result (every frame ink has drawn). */
interface Drawn {
  readonly frames: readonly string[];
}

/** How often `settle` looks at the screen, how long a key that draws nothing is given, and the bound. */
const POLL_MS = 10;
const QUIET_MS = 250;
const LIMIT_MS = 3_000;

/**
 * Lets ink handle what was just typed and re-render. Given the render, it returns as soon as ink has
 * drawn since the call and then drawn nothing new for three polls (a still screen), instead of a fixed
 * pause that is too long on an idle machine and too short on a loaded one. Bounded: a key that draws
 * nothing returns after QUIET_MS, a screen that never stops changing after LIMIT_MS (the assertions
 * then read the last frame and fail if it is wrong). Given a number, a fixed pause of that many ms.
 */
export async function settle(r: Drawn | number = 60): Promise<void> {
  if (typeof r === 'number') return pause(r);
  const start = r.frames.length;
  let seen = start;
  let still = 0;
  for (let waited = 0; waited < LIMIT_MS; waited += POLL_MS) {
    await pause(POLL_MS);
    const n = r.frames.length;
    if (n === start && waited + POLL_MS >= QUIET_MS) return;
    still = n !== start && n === seen ? still + 1 : 0;
    if (still >= 3) return;
    seen = n;
  }
}
