import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { autoplay, firstDivergence, verify, type Transcript } from '@drill/engine';
import { Review } from './Review.tsx';
import { LangContext } from '../i18n.ts';
import { compileShipped, loadLibrary } from '../scenarios.ts';
import { reviewFile } from './load.ts';

await loadLibrary();
const compiled = compileShipped('typhoon');
if (!compiled.ok) throw new Error('typhoon does not compile');
const scenario = compiled.scenario;
const run = (policy: 'best' | 'worst', team: string): Transcript =>
  autoplay(scenario, {
    seed: 7,
    policy,
    participants: [{ id: 'p1', name: team, team, roles: ['all'] }],
    meta: { team },
  }).transcript();

const good = run('best', 'Red');
const other = run('worst', 'Blue');

afterEach(cleanup);

describe('review', () => {
  it('verifies transcripts, refuses a tampered one with verify’s reason, and travels in time', () => {
    const tampered = structuredClone(good);
    const i = tampered.entries.findIndex((e) => e.input.type === 'choose');
    (tampered.entries[i]!.input as { rationale?: string }).rationale = 'edited afterwards';
    const reason = verify(scenario, tampered);
    expect(reason.ok).toBe(false);

    render(
      <LangContext.Provider value="en">
        <Review
          incoming={[
            { name: 'red.json', text: JSON.stringify(good) },
            { name: 'bad.json', text: JSON.stringify(tampered) },
            { name: 'junk.json', text: '{not json' },
            // One changed byte in a key: this crashed review with a TypeError and took the others with it.
            {
              name: 'renamed.json',
              text: JSON.stringify(good).replace('"participants"', '"participantz"'),
            },
            { name: 'unreadable.json', text: '', error: 'NotReadableError: the file changed' },
          ]}
          extraScenarios={[]}
        />
      </LangContext.Provider>,
    );
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent ?? '');
    expect(alerts.some((a) => a.includes('bad.json') && a.includes(!reason.ok ? reason.reason : '?'))).toBe(
      true,
    );
    expect(alerts.some((a) => a.includes('junk.json') && a.includes('not valid JSON'))).toBe(true);
    expect(alerts.some((a) => a.includes('renamed.json') && a.includes('header.participants'))).toBe(true);
    expect(alerts.some((a) => a.includes('unreadable.json') && a.includes('NotReadableError'))).toBe(true);
    expect(screen.getByText(/Verified · \d+ inputs/)).toBeTruthy();

    // The scrubber starts at the end; moving to 0 shows the world before the first input.
    const n = good.entries.length;
    expect(screen.getByTestId('moment').textContent).toContain(`Input ${n} of ${n}`);
    fireEvent.change(screen.getByLabelText('Moment (input)'), { target: { value: '0' } });
    expect(screen.getByTestId('moment').textContent).toContain('Before the first input');
    expect(within(screen.getByTestId('moment').parentElement!).queryAllByText(/./).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('decided-then')).toBeNull();
    fireEvent.change(screen.getByLabelText('Moment (input)'), { target: { value: String(n) } });
    expect(screen.getByTestId('decided-then').querySelectorAll('li').length).toBeGreaterThan(0);
  });

  it('records an evaluator override as a new, verifiable input', () => {
    render(
      <LangContext.Provider value="en">
        <Review incoming={[{ name: 'red.json', text: JSON.stringify(good) }]} extraScenarios={[]} />
      </LangContext.Provider>,
    );
    const form = screen.getAllByRole('form', { name: 'Adjudicate' }).at(-1)!;
    const cap = scenario.capabilities[0]!.id;
    fireEvent.change(within(form).getByLabelText('Capability'), { target: { value: cap } });
    fireEvent.change(within(form).getByLabelText('Rating'), { target: { value: 'U' } });
    fireEvent.change(within(form).getByLabelText('Note'), {
      target: { value: 'Evaluator saw no plan <script>alert(1)</script>' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Override rating' }));
    expect(screen.getByRole('status').textContent).toContain(`input ${good.entries.length + 1}`);
    const row = document.querySelector(`[data-testid=ratings-table] tr[data-capability="${cap}"]`)!;
    expect(row.textContent).toContain('Evaluator saw no plan <script>alert(1)</script>');
    expect(document.querySelectorAll('script').length).toBe(0);
  });

  it('opens files dropped on the drop zone', async () => {
    render(
      <LangContext.Provider value="en">
        <Review incoming={undefined} extraScenarios={[]} />
      </LangContext.Provider>,
    );
    const file = new File([JSON.stringify(other)], 'blue.json', { type: 'application/json' });
    fireEvent.drop(screen.getByTestId('dropzone'), { dataTransfer: { files: [file] } });
    expect(await screen.findByText(/Verified · \d+ inputs/)).toBeTruthy();
    expect(screen.getByText('blue.json')).toBeTruthy();
  });

  it('finds where two teams first diverged', () => {
    const a = reviewFile({ name: 'a', text: JSON.stringify(good) });
    const b = reviewFile({ name: 'b', text: JSON.stringify(other) });
    if (!a.ok || !b.ok) throw new Error('not ok');
    const d = firstDivergence(scenario, [a.states.at(-1)!, b.states.at(-1)!]);
    expect(d).toBeDefined();
    expect(a.states.at(-1)!.decisions[d!.decision]!.options).not.toEqual(
      b.states.at(-1)!.decisions[d!.decision]!.options,
    );
    expect(firstDivergence(scenario, [a.states.at(-1)!, a.states.at(-1)!])).toBeUndefined();

    render(
      <LangContext.Provider value="en">
        <Review
          incoming={[
            { name: 'a.json', text: JSON.stringify(good) },
            { name: 'b.json', text: JSON.stringify(other) },
          ]}
          extraScenarios={[]}
        />
      </LangContext.Provider>,
    );
    expect(screen.getByTestId('compare').textContent).toMatch(/first diverged/);
  });
});
