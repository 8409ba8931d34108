import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lang } from '@drill/engine';
import { DISCUSSION_PATH, discussionFixture } from '../../../engine/test/discussion-fixture.ts';
import { startLive } from '../commands/play.ts';
import { App } from './App.tsx';
import { KEY, settle } from './test-kit.ts';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

/** The module-paced discussion fixture in the terminal, as a solo player holding every seat. */
function setup(lang: Lang = 'en') {
  const dir = mkdtempSync(join(tmpdir(), 'drill-discuss-'));
  const prevHome = process.env.DRILL_HOME;
  process.env.DRILL_HOME = join(dir, 'home');
  const drill = startLive(discussionFixture(), {
    seed: '7',
    lang,
    scenarioArg: DISCUSSION_PATH,
    out: join(dir, 'run.json'),
    startedAt: '2026-01-01T00:00:00.000Z',
  });
  const r = render(<App drill={drill} lang={lang} />);
  cleanups.push(() => {
    drill.journal.close();
    if (prevHome === undefined) delete process.env.DRILL_HOME;
    else process.env.DRILL_HOME = prevHome;
    rmSync(dir, { recursive: true, force: true });
  });
  cleanups.push(() => r.unmount());
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      r.stdin.write(key);
      await settle(r);
    }
  };
  return { drill, press, frame: () => r.lastFrame() ?? '' };
}

describe('a module-paced discussion in the terminal', () => {
  it('waits at the module banner for a key, then takes an answer per role in the answer box', async () => {
    const t = setup();
    await t.press(KEY.enter); // start: the first module begins at once
    expect(t.drill.state).toMatchObject({ phase: 'paused', holding: true });
    let f = t.frame();
    expect(f).toContain('Module 1 — Forecast');
    expect(f).toContain('Who convenes the HQ?');
    expect(f).toContain('Enter: go on');
    // The facilitator's note is not the terminal player's to read.
    expect(f).not.toContain('FACILITATOR-NOTE');
    await t.press(KEY.enter);
    expect(t.drill.state.phase).toBe('running');
    // The question due first comes first: one answer for the table.
    expect(t.frame()).toContain('What decisions should be made now?');
    expect(t.frame()).toMatch(/› The table: —/);
    await t.press(KEY.tab);
    f = t.frame();
    expect(f).toContain('What are your immediate concerns?');
    expect(f).toContain('Discussion');
    expect(f).toMatch(/› Commander: —/);
    // Down to the second role, Enter opens the answer box, type, Enter records it.
    await t.press(KEY.down, KEY.enter, 'the dam', KEY.enter);
    expect(t.drill.state.decisions.q_concerns!.answers).toEqual([
      { role: 'water', by: 'p1', at: -4320, text: 'the dam' },
    ]);
    expect(t.frame()).toContain('Water resources: the dam');
    expect(t.frame()).toContain('Answer recorded.');
    // An empty answer is refused in words, and nothing is recorded.
    await t.press(KEY.enter, KEY.enter);
    expect(t.frame()).toContain('Write an answer first.');
    expect(t.drill.transcript().entries.filter((e) => e.input.type === 'answer')).toHaveLength(1);
  });

  it('speaks Chinese at the module banner and in the answer box', async () => {
    const t = setup('zh-CN');
    await t.press(KEY.enter);
    expect(t.frame()).toContain('模块一 预报');
    expect(t.frame()).toContain('Enter：继续');
    await t.press(KEY.enter, KEY.enter);
    expect(t.frame()).toContain('发言：');
    expect(t.frame()).not.toMatch(/Discussion|Answer|Module/);
  });
});
