import { afterEach, describe, expect, it } from 'vitest';
import { feedItems, feedLines } from './Feed.tsx';
import { plain } from './layout.ts';
import { newDrill } from './test-kit.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '@drill/scenarios';
import { startLive } from '../commands/play.ts';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function drill(o: Parameters<typeof newDrill>[0] = {}) {
  const k = newDrill(o);
  cleanups.push(k.cleanup);
  k.drill.submit({ type: 'start' });
  return k.drill;
}

describe('inject feed', () => {
  it('keeps the title when the line is too narrow, dropping source and channel first', () => {
    const d = drill();
    const lines = feedLines(d, 50, 8, 0).map(plain);
    expect(lines[1]).toBe('● T-3h (11:00) PRIORITY · Heavy rain in 3 hours');
    expect(feedLines(d, 100, 8, 0).map(plain)[1]).toBe(
      '● T-3h (11:00) PRIORITY · Heavy rain in 3 hours · Weather office · phone',
    );
  });

  it('wraps a title too long for the line instead of cutting it', () => {
    const d = drill();
    const lines = feedLines(d, 40, 8, 0).map(plain);
    expect(lines[1]).toBe('● T-3h (11:00) PRIORITY · Heavy rain in');
    expect(lines[2]).toBe('                          3 hours');
  });

  it('ends a body cut short with "…"', () => {
    const d = drill();
    const lines = feedLines(d, 24, 4, 0).map(plain);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/…$/);
  });

  it('opens the most urgent of the items that arrived together (FLASH before the newest)', () => {
    const d = drill();
    d.submit({ type: 'advance', minutes: 180 }); // the rumour, the red signal (FLASH) and the T0 report
    const items = feedItems(d);
    expect(items.map((i) => i.title).slice(0, 3)).toEqual(['Red signal', 'Streets flooding', 'Dam rumour']);
    const lines = feedLines(d, 100, 10, 0).map(plain);
    expect(lines[2]).toBe('    The red rainstorm signal is up.');
  });

  it('shows what simulated colleagues decided for the other seats, as theirs', () => {
    const d = drill({ role: 'chief' });
    d.submit({ type: 'choose', team: 'solo', decision: 'evacuate', options: ['move_now'] });
    d.submit({ type: 'advance', minutes: 120 });
    const mine = feedItems(d).find((i) => i.index === -1);
    expect(mine?.source).toBe('simulated colleague (Press officer)');
    expect(mine?.title).toMatch(/^Colleague(’s seat, default taken| decided): Which messages go out\?$/);
    expect(mine?.text).toMatch(/→ (Publish|Say nothing)/);
    expect(feedLines(d, 100, 12, 0).map(plain).join('\n')).toContain(mine!.title);
    // Nobody is simulated when one person holds every seat.
    const all = drill();
    all.submit({ type: 'advance', minutes: 180 });
    expect(feedItems(all).some((i) => i.index === -1)).toBe(false);
  });

  it("shows a variation's notice, from exercise control, like an inject", () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-tui-'));
    const prevHome = process.env.DRILL_HOME;
    process.env.DRILL_HOME = join(dir, 'home');
    const d = startLive(loadScenario('preseason'), {
      seed: '7',
      lang: 'zh-CN',
      scenarioArg: 'preseason',
      out: join(dir, 'run.json'),
      startedAt: '2026-01-01T00:00:00.000Z',
    });
    cleanups.push(() => {
      d.journal.close();
      if (prevHome === undefined) delete process.env.DRILL_HOME;
      else process.env.DRILL_HOME = prevHome;
      rmSync(dir, { recursive: true, force: true });
    });
    d.submit({ type: 'start' });
    d.submit({ type: 'resume' });
    d.submit({ type: 'advance', minutes: 14 * 1440 }); // past T-17d, where the entry date is drawn
    const notice = feedItems(d).find((i) => i.source === '演练导调组');
    expect(notice?.title).toMatch(/^(提前入汛|常年入汛)$/);
    expect(notice?.text).toMatch(/入汛/);
  });
});
