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

/** Lets ink handle the input and re-render. */
export const settle = (ms = 60): Promise<void> => new Promise((r) => setTimeout(r, ms));
