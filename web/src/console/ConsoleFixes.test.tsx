import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { Transcript } from '@drill/engine';
import { Console } from './Console.tsx';
import { Review } from '../review/Review.tsx';
import { LangContext } from '../i18n.ts';
import { readStored } from '../drill/storage.ts';
import { compileShipped, loadLibrary } from '../scenarios.ts';
import { reportHtml } from '../report/reportHtml.ts';
import type { LoadedFile } from '../review/load.ts';

const saved = () => readStored()!.saved;
const entries = (i: number) => saved().transcripts[i]!.entries;

async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(el);
    await Promise.resolve();
  });
}

function startParallel(onReview: (f: LoadedFile[]) => void = () => {}) {
  render(
    <LangContext.Provider value="en">
      <Console onReview={onReview} />
    </LangContext.Provider>,
  );
  fireEvent.click(screen.getByLabelText(/Parallel/));
  fireEvent.change(screen.getByLabelText('Team name', { selector: '#team-0' }), { target: { value: 'Red' } });
  fireEvent.change(screen.getByLabelText('Team name', { selector: '#team-1' }), {
    target: { value: 'Blue' },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Start drill' }));
}

/** Advances (confirming any default warning) until Red has an open decision; returns its card. */
async function redCard(): Promise<HTMLElement> {
  for (let i = 0; i < 40; i++) {
    const card = document.querySelector<HTMLElement>('[data-team="Red"] article.decision');
    if (card) return card;
    await click(screen.getByRole('button', { name: 'Advance to next event' }));
    const warn = screen.queryByTestId('defaults-warning');
    if (warn) await click(within(warn).getByRole('button', { name: 'Advance anyway' }));
  }
  throw new Error('Red never had an open decision');
}

/** Picks the first (or last) option, or 1 unit of the first allocation, and confirms. */
async function record(card: HTMLElement, pick: 'first' | 'last'): Promise<void> {
  const nums = card.querySelectorAll<HTMLInputElement>('input[type=number]');
  if (nums.length) fireEvent.change(nums[0]!, { target: { value: '1' } });
  else {
    const opts = card.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]');
    fireEvent.click(pick === 'first' ? opts[0]! : opts[opts.length - 1]!);
  }
  fireEvent.click(within(card).getByRole('button', { name: /^Record/ }));
  await click(within(card).getByRole('button', { name: 'Confirm' }));
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

describe('console fixes (issue 11 §3)', () => {
  it('an override in parallel mode shows the same figure and rating in the debrief, the HTML report and Review', async () => {
    let files: LoadedFile[] = [];
    startParallel((f) => (files = f));
    const card = await redCard();
    await record(card, 'first');
    const adj = screen.getByRole('form', { name: 'Adjudicate' });
    const capSelect = within(adj).getByLabelText<HTMLSelectElement>('Capability');
    const capName = capSelect.options[capSelect.selectedIndex]!.text;
    fireEvent.change(within(adj).getByLabelText('Subject'), { target: { value: 'Red' } });
    fireEvent.change(within(adj).getByLabelText('Rating'), { target: { value: 'U' } });
    fireEvent.change(within(adj).getByLabelText('Note'), {
      target: { value: 'Never called the villages back' },
    });
    await click(within(adj).getByRole('button', { name: 'Override rating' }));
    expect(within(adj.parentElement!).getByRole('status').textContent).toContain('Rating overridden');
    await click(screen.getByRole('button', { name: 'End drill' }));
    await screen.findByRole('heading', { name: /Debrief/ });

    const debriefRed = document.querySelector('[data-testid="team-score"][data-team="Red"]')!.textContent;
    const red = JSON.parse(JSON.stringify(saved().transcripts[0])) as Transcript;
    const typhoon = compileShipped('typhoon');
    if (!typhoon.ok) throw new Error('typhoon');
    const html = reportHtml(typhoon.scenario, { ...red, entries: red.entries }, 'en');
    const headline = /class="big">([^<]+)</.exec(html)?.[1];
    expect(debriefRed).toMatch(/^\d+\.\d$/);
    expect(debriefRed).toBe(headline);
    expect(html).toContain('Never called the villages back');

    await click(screen.getByRole('button', { name: 'Open in review' }));
    expect(files).toHaveLength(2);
    cleanup();
    render(
      <LangContext.Provider value="en">
        <Review incoming={files} extraScenarios={[]} />
      </LangContext.Provider>,
    );
    const aar = await screen.findByTestId('aar-score');
    expect(aar.textContent).toBe(debriefRed);
    const capRow = [...document.querySelectorAll('.aar-doc tr')].find(
      (tr) => tr.querySelector('th')?.textContent === capName,
    )!;
    expect(capRow.textContent).toContain('U');
    expect(capRow.textContent).toContain('Never called the villages back');
    const compareScores = [
      ...screen.getByTestId('compare').querySelectorAll('tbody tr')[0]!.querySelectorAll('td'),
    ];
    expect(compareScores.map((td) => td.textContent)).toContain(debriefRed);
  });

  it('asks before recording, records a correction as a trainer input, and marks it in the debrief', async () => {
    startParallel();
    const card = await redCard();
    const decision = card.getAttribute('data-decision')!;
    const n = entries(0).length;
    await record(card, 'first');
    expect(entries(0).length).toBe(n + 1);
    const red = document.querySelector<HTMLElement>('[data-team="Red"]')!;
    expect(within(red).getByRole('status').textContent).toContain('Red: decision recorded');

    fireEvent.click(within(red).getByText(/Recorded decisions/));
    const row = red.querySelector<HTMLElement>(`[data-recorded="${decision}"]`)!;
    fireEvent.click(within(row).getByRole('button', { name: 'Correct' }));
    const form = within(row).getByRole('form');
    const nums = form.querySelectorAll<HTMLInputElement>('input[type=number]');
    if (nums.length) {
      fireEvent.change(nums[0]!, { target: { value: '0' } });
      fireEvent.change(nums[nums.length - 1]!, { target: { value: '1' } });
    } else {
      const opts = form.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]');
      if (opts[0]!.checked) fireEvent.click(opts[0]!);
      fireEvent.click(opts[opts.length - 1]!);
    }
    fireEvent.change(within(form).getByLabelText(/Reason for the correction/), {
      target: { value: 'Red said the last option; I clicked the first' },
    });
    await click(within(form).getByRole('button', { name: 'Record the correction' }));
    expect(entries(0).at(-1)!.input).toMatchObject({
      type: 'correct',
      note: 'Red said the last option; I clicked the first',
    });
    expect(within(red).getByRole('status').textContent).toContain('correction recorded');

    await click(screen.getByRole('button', { name: 'End drill' }));
    await screen.findByRole('heading', { name: /Debrief/ });
    expect(screen.getByTestId('corrected').textContent).toContain('Red said the last option');
  });

  it('warns before an advance closes decisions with their defaults, and sends an ad-hoc inject to one team', async () => {
    startParallel();
    await redCard();
    const seq = readStored()!.seq;
    fireEvent.change(screen.getByLabelText('Advance by (minutes)'), { target: { value: '1440' } });
    await click(screen.getByRole('button', { name: 'Advance' }));
    const warn = screen.getByTestId('defaults-warning');
    expect(warn.textContent).toMatch(/close \d+ open decision/);
    expect(warn.textContent).toContain('Red: ');
    expect(readStored()!.seq).toBe(seq);
    await click(within(warn).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('defaults-warning')).toBeNull();
    expect(readStored()!.seq).toBe(seq);

    const adhoc = screen.getByRole('heading', { name: 'Release an ad-hoc inject' }).parentElement!;
    fireEvent.change(within(adhoc).getByLabelText('Team'), { target: { value: 'Blue' } });
    fireEvent.change(within(adhoc).getByLabelText('Message'), { target: { value: 'Only Blue hears this' } });
    await click(within(adhoc).getByRole('button', { name: 'Release inject' }));
    expect(within(adhoc).getByRole('status').textContent).toContain('Inject released');
    const has = (i: number) =>
      entries(i).some((e) => e.input.type === 'inject' && JSON.stringify(e.input).includes('Only Blue'));
    expect(has(0)).toBe(false);
    expect(has(1)).toBe(true);
    // The console's feed follows its own team choice, not the projector's.
    const feed = screen.getByRole('heading', { name: 'Inject feed' }).parentElement!;
    expect(within(feed).queryByText('Only Blue hears this')).toBeNull();
    fireEvent.change(within(feed).getByLabelText('Feed shown for'), { target: { value: 'Blue' } });
    expect(within(feed).getByText('Only Blue hears this')).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Participant view shows').value).toBe('Red');
  });
});
