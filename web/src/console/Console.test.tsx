import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Console } from './Console.tsx';
import { LangContext } from '../i18n.ts';
import { readStored, SAVE_KEY } from '../drill/storage.ts';
import { loadLibrary } from '../scenarios.ts';

function mount(lang: 'en' | 'zh-CN' = 'en') {
  return render(
    <LangContext.Provider value={lang}>
      <Console onReview={() => {}} />
    </LangContext.Provider>,
  );
}

const loadSaved = () => readStored()?.saved;

/** Clicks and lets the command (a promise) settle. */
async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(el);
    await Promise.resolve();
  });
}

/** Advances until some team has an open decision; returns its card. */
async function advanceToDecision(): Promise<HTMLElement> {
  for (let i = 0; i < 40; i++) {
    const cards = document.querySelectorAll<HTMLElement>('article.decision');
    if (cards.length) return cards[0]!;
    await click(screen.getByRole('button', { name: 'Advance to next event' }));
  }
  throw new Error('no decision opened');
}

beforeAll(loadLibrary);
beforeEach(() => {
  localStorage.clear();
  vi.spyOn(window, 'confirm').mockReturnValue(true);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('facilitator console', () => {
  it('starts a two-team drill, records a decision, shows engine refusals, and resumes after a remount', async () => {
    mount();
    expect(screen.getByLabelText('Team name', { selector: '#team-0' })).toHaveProperty('value', 'Team 1');
    fireEvent.click(screen.getByRole('button', { name: 'Start drill' }));
    expect(screen.getByTestId('phase').textContent).toBe('Running');
    const card = await advanceToDecision();
    const team = card.closest('[data-team]')!.getAttribute('data-team')!;
    const decision = card.getAttribute('data-decision')!;

    // Nothing chosen: the engine refuses, and its reason is shown to the trainer.
    const kind = card.querySelector('input[type=number]') ? 'allocate' : 'options';
    if (kind === 'options') {
      fireEvent.click(within(card).getByRole('button', { name: /Record/ }));
      await click(within(card).getByRole('button', { name: 'Confirm' }));
      // The refusal is shown next to the team's decisions, not at the top of the page.
      const section = card.closest<HTMLElement>('[data-team]')!;
      expect(within(section).getByRole('alert').textContent).toMatch(/choose/);
      const first = card.querySelector<HTMLInputElement>('input[type=radio], input[type=checkbox]')!;
      fireEvent.click(first);
    } else {
      const first = card.querySelector<HTMLInputElement>('input[type=number]')!;
      fireEvent.change(first, { target: { value: '1' } });
    }
    fireEvent.change(within(card).getByLabelText('Rationale'), {
      target: { value: 'Because <b>safety</b> first' },
    });
    fireEvent.click(within(card).getByRole('button', { name: /Record/ }));
    // Nothing is recorded before the trainer confirms what was read back.
    const before = loadSaved()!.transcripts[0]!.entries.length;
    expect(within(card).getByTestId('read-back').textContent).not.toBe('—');
    expect(loadSaved()!.transcripts[0]!.entries.length).toBe(before);
    await click(within(card).getByRole('button', { name: 'Confirm' }));
    expect(document.querySelector(`article.decision[data-decision="${decision}"]`)).toBeNull();

    const saved = loadSaved()!;
    const entries = saved.transcripts[0]!.entries;
    const choose = entries.at(-1)!.input as {
      type: string;
      decision: string;
      rationale: string;
      participant: string;
    };
    expect(choose).toMatchObject({ type: 'choose', decision, rationale: 'Because <b>safety</b> first' });
    const clock = screen.getByTestId('clock').textContent;

    // A reload: a fresh mount resumes exactly where the drill was.
    cleanup();
    mount();
    expect(screen.getByTestId('clock').textContent).toBe(clock);
    expect(screen.getByTestId('saved').textContent).toContain(`${entries.length} inputs`);
    expect(loadSaved()!.transcripts[0]!.entries.map((e) => e.hash)).toEqual(entries.map((e) => e.hash));
    expect(team).toMatch(/Team [12]/);
  });

  it('runs parallel teams on one clock, releases an ad-hoc inject, adjudicates and reaches the debrief', async () => {
    mount();
    fireEvent.click(screen.getByLabelText(/Parallel/));
    fireEvent.change(screen.getByLabelText('Team name', { selector: '#team-0' }), {
      target: { value: 'Red' },
    });
    fireEvent.change(screen.getByLabelText('Team name', { selector: '#team-1' }), {
      target: { value: 'Blue' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start drill' }));
    fireEvent.change(screen.getByLabelText('Message'), {
      target: { value: 'Power cut at the shelter <img src=x onerror=alert(1)>' },
    });
    await click(screen.getByRole('button', { name: 'Release inject' }));
    expect(
      screen.getAllByText(/Power cut at the shelter <img src=x onerror=alert\(1\)>/).length,
    ).toBeGreaterThan(0);
    expect(document.querySelector('img')).toBeNull();
    for (let i = 0; i < 3; i++) await click(screen.getByRole('button', { name: 'Advance to next event' }));
    const saved = loadSaved()!;
    expect(saved.transcripts).toHaveLength(2);
    const clocks = saved.transcripts.map((t) => t.entries.at(-1)!.stateHash && t.entries.length);
    expect(clocks[0]).toBe(clocks[1]);

    const adj = screen.getByRole('form', { name: 'Adjudicate' });
    fireEvent.change(within(adj).getByLabelText('Subject'), { target: { value: 'Blue' } });
    fireEvent.change(within(adj).getByLabelText('Rating'), { target: { value: 'M' } });
    fireEvent.change(within(adj).getByLabelText('Note'), { target: { value: 'Slow to call the shelter' } });
    await click(within(adj).getByRole('button', { name: 'Override rating' }));
    const blue = loadSaved()!.transcripts[1]!;
    // Parallel mode: Blue's session is Blue's whole drill, so the override is its overall rating.
    expect(blue.entries.at(-1)!.input).toMatchObject({
      type: 'override',
      rating: 'M',
      subject: { kind: 'overall' },
    });

    await click(screen.getByRole('button', { name: 'End drill' }));
    expect(screen.getByRole('heading', { name: /Debrief/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Transcript (JSON) — Red' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Transcript (JSON) — Blue' })).toBeTruthy();
    expect(localStorage.getItem(SAVE_KEY)).toContain('"type":"end"');
  });

  it('speaks Chinese', () => {
    mount('zh-CN');
    expect(screen.getByRole('button', { name: '开始演练' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '开始演练' }));
    expect(screen.getByRole('button', { name: '推进到下一事件' })).toBeTruthy();
  });
});
