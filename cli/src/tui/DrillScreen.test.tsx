import { readFileSync } from 'node:fs';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { localize, parseTranscript, verify } from '@drill/engine';
import { App } from './App.tsx';
import { KEY, newDrill, settle } from './test-kit.ts';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function setup(o: Parameters<typeof newDrill>[0] = {}) {
  const k = newDrill(o);
  cleanups.push(k.cleanup);
  const r = render(<App drill={k.drill} lang={k.drill.lang} />);
  cleanups.push(() => r.unmount());
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      r.stdin.write(key);
      await settle(r);
    }
  };
  return { ...k, ...r, press, frame: () => r.lastFrame() ?? '' };
}

/** The journal as the engine reads it back. */
function journalOf(path: string) {
  const p = parseTranscript(readFileSync(path, 'utf8'));
  if (!p.ok) throw new Error(p.reason);
  return p.transcript;
}

describe('drill screen', () => {
  it('shows the briefing first and starts the drill on Enter', async () => {
    const t = setup();
    await settle();
    expect(t.frame()).toContain('Short test storm');
    expect(t.frame()).toContain('Enter: start the drill');
    await t.press(KEY.enter);
    expect(t.drill.state.phase).toBe('running');
    expect(journalOf(t.drill.paths.journal).entries.map((e) => e.input.type)).toEqual(['start']);
  });

  it('renders the header clock and levels, the inject feed and the open decision', async () => {
    const t = setup();
    await t.press(KEY.enter);
    const f = t.frame();
    expect(f).toContain('T-3h · 11:00 Tue'); // scenario clock with the wall-clock time it stands for
    expect(f).toContain('Rainstorm signal yellow'); // level variable as its label
    expect(f).toContain('Evacuated 0');
    expect(f).toMatch(/PRIORITY · Heavy rain in 3 hours · Weather office · phone/);
    expect(f).toContain('1 new');
    expect(f).toContain('Move the 500 people on Low Street?');
    expect(f).toMatch(/due T-2h30m \(11:30\)/);
    expect(f).toContain('› 1. Move everyone now');
  });

  it('turns number keys, Enter and a typed rationale into one choose input, journaled before it shows', async () => {
    const t = setup();
    await t.press(KEY.enter, '2', KEY.up, KEY.enter);
    expect(t.frame()).toContain('Rationale (optional):');
    await t.press('f', 'a', 's', 't', KEY.enter);
    expect(t.frame()).toContain('Decision recorded.');
    const last = journalOf(t.drill.paths.journal).entries.at(-1)!;
    expect(last.input).toEqual({
      type: 'choose',
      participant: 'p1',
      decision: 'evacuate',
      options: ['move_now'],
      rationale: 'fast',
    });
    expect(t.drill.state.decisions.evacuate!.options).toEqual(['move_now']);
    // The trend mark compares with the world before the last input.
    expect(t.frame()).toMatch(/Evacuated 500▲/);
  });

  it('advances the clock with n (next event) and h (one hour)', async () => {
    const t = setup();
    await t.press(KEY.enter, 'n');
    expect(t.drill.state.clock).toBe(-150); // the deadline of the open decision is an event
    expect(t.frame()).toContain('T-2h30m · 11:30 Tue');
    expect(t.frame()).toContain('DUE NOW');
    await t.press('h');
    expect(t.drill.state.clock).toBe(-90);
    expect(t.frame()).toContain('LATE'); // evacuate was due at T-2h30m and is still open until T-1h
  });

  it('shows the engine’s reason when it refuses an input', async () => {
    const t = setup();
    await t.press(KEY.enter, 'p');
    expect(t.frame()).toContain('PAUSED');
    await t.press('n');
    expect(t.frame()).toContain('Refused: The drill is paused: press p to resume.');
    await t.press('p');
    expect(t.drill.state.phase).toBe('running');
  });

  it('stops an allocation at its budget while editing, saying why, then accepts a valid one', async () => {
    const t = setup();
    await t.press(KEY.enter, '1', KEY.enter, KEY.enter, 'n', 'n');
    expect(t.frame()).toContain('Share 4 trucks of relief');
    await t.press('+', '+', '+', '+', KEY.down, '+');
    // `+` stops at the budget while editing, with the reason, instead of a refusal after the rationale.
    expect(t.frame()).toContain('Allocated 4 of 4 trucks');
    expect(t.frame()).toContain('Refused: All 4 trucks are allocated: take some from another target first.');
    await t.press(KEY.up, '-', KEY.down, '+', KEY.enter, KEY.enter);
    expect(t.drill.state.decisions.relief!.allocation).toEqual({ shelter: 3, street: 1 });
  });

  it('toggles multi-choice options with space and number keys', async () => {
    const t = setup({ role: 'press' });
    await t.press(KEY.enter, 'n');
    expect(t.frame()).toContain('Which messages go out?');
    // The keys follow the order drawn for this drill, not the file's.
    const shown = t.drill.state.decisions.messages!.order!;
    await t.press(' ', '2', KEY.enter, KEY.enter);
    expect(t.drill.state.decisions.messages!.options).toEqual(shown.slice(0, 2));
  });

  it('refuses a tick past the maximum while editing, naming the options by their labels', async () => {
    const t = setup({ role: 'press' });
    await t.press(KEY.enter, 'n', KEY.enter);
    expect(t.frame()).toContain('Refused: Tick between 1 and 2 options (space or 1-9), then Enter.');
    expect(t.frame()).not.toContain('Rationale (optional):');
    await t.press('1', '2', '3');
    const order = t.drill.state.decisions.messages!.order!;
    const label = (id: string) =>
      localize(t.drill.scenario.decisions[1]!.options.find((o) => o.id === id)!.label, 'en');
    // Wrapped in full, never cut with "…".
    expect(t.frame().replace(/\s+/g, ' ')).toContain(
      `Refused: At most 2 options: untick one first (ticked: ${label(order[0]!)}, ${label(order[1]!)}).`,
    );
    expect(t.frame()).not.toMatch(/`messages`|…/);
    expect(t.frame()).toContain('ticked 2/2');
    await t.press(KEY.enter, KEY.enter);
    expect(t.drill.state.decisions.messages!.options).toEqual(order.slice(0, 2));
  });

  it('says whose seat a decision belongs to in all-roles mode', async () => {
    const t = setup();
    await t.press(KEY.enter);
    expect(t.frame()).toContain('Decision 1/1 · seat: Town chief');
    const solo = setup({ role: 'chief' });
    await solo.press(KEY.enter);
    expect(solo.frame()).not.toContain('seat:');
  });

  it('shows only injects addressed to the player’s role', async () => {
    const t = setup({ role: 'chief' });
    await t.press(KEY.enter, '1', KEY.enter, KEY.enter, 'n');
    // `n` follows the chief's view: past the press officer's T-2h rumour, to the T-1h red signal.
    expect(t.drill.state.clock).toBe(-60);
    expect(t.frame()).toContain('Red signal');
    expect(t.frame()).not.toContain('Dam rumour'); // addressed to the press officer
  });

  it('asks before quitting and says the journal is safe and how to resume', async () => {
    const t = setup();
    await t.press(KEY.enter, 'q');
    expect(t.frame()).toContain('Your journal is safe');
    expect(t.frame()).toContain('pnpm drill resume');
    await t.press('x');
    expect(t.frame()).not.toContain('Your journal is safe');
  });

  it('shows the help on ?', async () => {
    const t = setup();
    await t.press(KEY.enter, '?');
    expect(t.frame()).toContain('next event: the clock stops at the next thing you see');
  });

  it('records the wall-clock time taken in pressure mode and shows the countdown', async () => {
    const t = setup({ pressure: true });
    await t.press(KEY.enter);
    expect(t.frame()).toMatch(/⏱ \d+s/);
    await t.press('1', KEY.enter, KEY.enter);
    const input = journalOf(t.drill.paths.journal).entries.at(-1)!.input as { elapsedMs?: number };
    expect(typeof input.elapsedMs).toBe('number');
  });

  it('plays in Chinese', async () => {
    const t = setup({ lang: 'zh-CN' });
    await t.press(KEY.enter);
    expect(t.frame()).toContain('是否转移低街的500人？');
    expect(t.frame()).toContain('T0前3小时 · 11:00 周二');
    expect(t.frame()).toContain('n 下一事件');
  });

  it('ends at the debrief with score, ratings, feedback and the files, and the transcript verifies', async () => {
    const t = setup();
    await t.press(KEY.enter, '2', KEY.enter, KEY.enter, 'q', 'e');
    const f = t.frame();
    expect(t.drill.state.phase).toBe('debrief');
    expect(f).toContain('Debrief — Short test storm');
    expect(f).toMatch(/Overall score: \d+\.\d\/100/);
    expect(f).toMatch(/ U  Protective actions & evacuation/);
    expect(f).toContain('Waiting leaves people in the water.');
    const transcript = JSON.parse(readFileSync(t.drill.paths.transcript, 'utf8'));
    expect(verify(t.drill.scenario, transcript).ok).toBe(true);
    await t.press(KEY.pageDown, KEY.pageDown);
    expect(t.frame()).toContain(t.drill.paths.transcript);
  });
});
