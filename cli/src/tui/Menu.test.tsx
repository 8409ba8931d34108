import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { loadScenario } from '@drill/scenarios';
import { afterEach, describe, expect, it } from 'vitest';
import { startLive } from '../commands/play.ts';
import { App } from './App.tsx';
import type { LiveDrill } from './live-drill.ts';
import type { MenuChoice, MenuEntry } from './Menu.tsx';
import { FIXTURE, fixtureScenario, KEY, settle } from './test-kit.ts';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

function setup(lang: 'en' | 'zh-CN' = 'en', more?: () => MenuEntry | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'drill-menu-'));
  const chosen: MenuChoice[] = [];
  let drill: LiveDrill | undefined;
  const scenario = fixtureScenario();
  const r = render(
    <App
      entries={[{ arg: FIXTURE, scenario }]}
      lang={lang}
      seed="4242"
      {...(more ? { more } : {})}
      start={(c) => {
        chosen.push(c);
        drill = startLive(c.entry.scenario, {
          seed: c.seed,
          role: c.role,
          ...(c.colleagues ? { colleagues: c.colleagues } : {}),
          lang: c.lang,
          scenarioArg: c.entry.arg,
          out: join(dir, 'run.json'),
        });
        return drill;
      }}
    />,
  );
  cleanups.push(() => {
    r.unmount();
    drill?.journal.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      // Until the screen is still (bounded), so the assertions read what the keys did.
      await settle(r);
    }
  };
  return { ...r, press, chosen, frame: () => r.lastFrame() ?? '', drill: () => drill };
}

describe('start menu', () => {
  it('lists the scenario with hazard, duration, difficulty and languages, and shows a fresh seed', async () => {
    const t = setup();
    await settle();
    const f = t.frame();
    expect(f).toContain('Short test storm');
    expect(f).toContain('Hazard: rainstorm');
    expect(f).toContain('Duration: 4h');
    expect(f).toContain('Difficulty: introductory');
    expect(f).toContain('Languages: en, zh-CN');
    expect(f).toContain('all roles');
    expect(f).toContain('4242');
  });

  it('chooses a role, switches the language, edits the seed and starts the drill on Enter', async () => {
    const t = setup();
    expect(t.frame()).not.toContain('Colleagues'); // all roles: no seat is left to colleagues
    await t.press(KEY.down, KEY.right); // role: the first scenario role
    expect(t.frame()).toContain('Town chief');
    expect(t.frame()).toMatch(/Colleagues\s+competent/);
    await t.press(KEY.down, KEY.right, KEY.right); // colleagues: weak
    expect(t.frame()).toMatch(/Colleagues\s+◀ weak ▶/);
    await t.press(KEY.down, KEY.right); // language: zh-CN
    expect(t.frame()).toContain('简体中文');
    expect(t.frame()).toContain('想定'); // the menu itself switched language
    await t.press(KEY.down, '\u007F', '\u007F', '9', '9'); // seed: backspace twice, type 99
    expect(t.frame()).toContain('4299');
    await t.press(KEY.enter);
    expect(t.chosen).toHaveLength(1);
    expect(t.chosen[0]).toMatchObject({ role: 'chief', colleagues: 'weak', lang: 'zh-CN', seed: '4299' });
    expect(t.drill()!.state.participants.find((p) => p.colleague)?.colleague).toBe('weak');
    expect(t.drill()!.state.seed).toBe('4299');
    expect(t.frame()).toContain('Enter：开始推演'); // the briefing, in Chinese
  });

  it('replaces the pre-filled seed when typing starts', async () => {
    const t = setup();
    await t.press(KEY.down, KEY.down, KEY.down, '4', '2');
    expect(t.frame()).toMatch(/Seed\s+42▌/);
    expect(t.frame()).not.toContain('424242');
    await t.press(KEY.enter);
    expect(t.chosen[0]!.seed).toBe('42');
  });

  it('appears with the first scenario and adds the others as they are loaded', async () => {
    const second = { ...fixtureScenario(), title: { en: 'Second storm', 'zh-CN': '第二场风暴' } };
    const queue: MenuEntry[] = [{ arg: 'second', scenario: second }];
    const t = setup('en', () => queue.shift());
    await settle(200);
    expect(t.frame()).toContain('1/2');
    await t.press(KEY.right);
    expect(t.frame()).toContain('Second storm');
    expect(t.frame()).toContain('2/2');
  });

  it('names a hazard by the scenario’s own label, in Chinese too (never the raw id `drought`)', async () => {
    for (const [lang, label] of [
      ['zh-CN', '汛前准备与抗旱'],
      ['en', 'Pre-flood-season preparation and drought relief'],
    ] as const) {
      const r = render(
        <App
          entries={[{ arg: 'preseason', scenario: loadScenario('preseason') }]}
          lang={lang}
          seed="1"
          start={() => undefined as never}
        />,
      );
      await settle();
      const frame = r.lastFrame() ?? '';
      r.unmount();
      expect(frame).toContain(label);
      if (lang === 'zh-CN') expect(frame).not.toMatch(/\bdrought\b/);
    }
  });
});
