import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Console } from './Console.tsx';
import { LangContext } from '../i18n.ts';
import { loadLibrary } from '../scenarios.ts';

async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(el);
    await Promise.resolve();
  });
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

describe('the console debrief of a discussion-based drill', () => {
  // Open questions have no score entry: the debrief's decision table once looked one up and threw,
  // and the drill saved in the browser then blanked the console on every reload.
  it('renders after an answered open question, listing only the scored decisions', async () => {
    render(
      <LangContext.Provider value="en">
        <Console onReview={() => {}} />
      </LangContext.Provider>,
    );
    fireEvent.change(document.querySelector<HTMLSelectElement>('#scenario')!, {
      target: { value: 'preseason' },
    });
    fireEvent.click(screen.getByLabelText(/Parallel/));
    fireEvent.click(screen.getByRole('button', { name: 'Remove Team 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Start drill' }));
    await click(screen.getByRole('button', { name: 'Go on' }));
    const slot = document.querySelector<HTMLElement>('article.discussion .answer-slot[data-role="water"]')!;
    fireEvent.change(slot.querySelector('textarea')!, { target: { value: 'Shiban spillway unfinished' } });
    await click(slot.querySelector('button')!);
    expect(slot.textContent).toContain('Shiban spillway unfinished');
    await click(screen.getByRole('button', { name: 'End drill' }));
    await screen.findByRole('heading', { name: /Debrief/ });
    const rows = [...document.querySelectorAll('.teams-table tbody th')].map((th) => th.textContent ?? '');
    expect(rows.some((r) => r.startsWith('Shiban Reservoir is rated risky'))).toBe(true);
    expect(rows.some((r) => r.startsWith('From your own department'))).toBe(false);
  });
});
