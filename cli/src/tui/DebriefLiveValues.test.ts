import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenario } from '@drill/scenarios';
import { startLive } from '../commands/play.ts';
import { debriefLines } from './Debrief.tsx';
import { plain } from './layout.ts';
import { FIXTURE } from './test-kit.ts';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('terminal debrief', () => {
  it('shows a prompt’s {variable} as it stood when the decision was taken, never raw', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-tui-live-'));
    const prevHome = process.env.DRILL_HOME;
    process.env.DRILL_HOME = join(dir, 'home');
    const file = join(dir, 'short.yaml');
    writeFileSync(
      file,
      readFileSync(FIXTURE, 'utf8').replace(
        "prompt: { en: 'Move the 500 people on Low Street?',",
        "prompt: { en: 'Move the 500 people on Low Street? {evacuated} moved so far.',",
      ),
    );
    const d = startLive(loadScenario(file), {
      seed: '7',
      lang: 'en',
      scenarioArg: file,
      out: join(dir, 'run.json'),
      startedAt: '2026-01-01T00:00:00.000Z',
    });
    cleanup = () => {
      d.journal.close();
      if (prevHome === undefined) delete process.env.DRILL_HOME;
      else process.env.DRILL_HOME = prevHome;
      rmSync(dir, { recursive: true, force: true });
    };
    d.submit({ type: 'start' });
    d.submit({ type: 'advance', minutes: 60 });
    d.submit({ type: 'choose', team: 'solo', decision: 'evacuate', options: ['move_now'] });
    while (d.state.phase === 'running') d.submit({ type: 'next' });
    // The evacuation moved people afterwards: the prompt reads the count before it did.
    expect(d.state.world.evacuated).toBeGreaterThan(0);
    const text = debriefLines(d, d.score(), d.finished, 200).map(plain).join('\n');
    expect(text).toContain('Move the 500 people on Low Street? 0 people moved so far.');
    expect(text).not.toContain('{evacuated}');
  });
});
