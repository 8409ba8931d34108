import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { OpenDecisionView } from '@drill/engine';
import { LangContext, translate } from '../i18n.ts';
import { MemberDecision, type MemberChoice } from '../room/MemberDecision.tsx';
import { ChoiceFields, useChoice, type Choice, type ChoiceShape } from './ChoiceFields.tsx';

afterEach(cleanup);

const trucks: OpenDecisionView = {
  decision: 'trucks',
  prompt: 'Share out the trucks',
  roles: ['commander'],
  due: 60,
  closesAt: 120,
  kind: 'allocate',
  budget: 4,
  options: [
    { id: 'north', label: 'North' },
    { id: 'south', label: 'South' },
  ],
};

function Harness({ shape, initial, out }: { shape: ChoiceShape; initial?: Choice; out: Choice[] }) {
  const form = useChoice(shape, initial);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        out.push(form.choice());
      }}
    >
      <ChoiceFields shape={shape} state={form} name="h" />
      <button type="submit">go</button>
    </form>
  );
}

describe('ChoiceFields: one way to choose, for the trainer and for a participant', () => {
  it('counts an allocation against its budget and says when it is over', () => {
    const out: Choice[] = [];
    render(<Harness shape={trucks} out={out} />);
    fireEvent.change(screen.getByLabelText('Amount for North'), { target: { value: '3' } });
    fireEvent.change(screen.getByLabelText('Amount for South'), { target: { value: '2' } });
    expect(screen.getByText(/Allocated 5 of 4/)).toBeTruthy();
    expect(screen.getByText(/Over the budget by 1/)).toBeTruthy();
    fireEvent.click(screen.getByText('go'));
    expect(out).toEqual([{ allocation: { north: 3, south: 2 } }]);
  });

  it('starts from a recorded choice (a correction) and a single choice replaces the pick', () => {
    const out: Choice[] = [];
    const shape: ChoiceShape = { kind: 'single', options: trucks.options };
    render(<Harness shape={shape} initial={{ options: ['north'] }} out={out} />);
    expect((screen.getByLabelText('North') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByLabelText('South'));
    fireEvent.click(screen.getByText('go'));
    expect(out).toEqual([{ options: ['south'] }]);
  });

  it("a participant's decision sends what the shared fields hold, with the rationale", async () => {
    const sent: MemberChoice[] = [];
    render(
      <LangContext.Provider value="en">
        <MemberDecision
          decision={trucks}
          clockLabel={(m) => `T${m}`}
          onSubmit={async (c) => {
            sent.push(c);
            return { ok: true };
          }}
          onTyping={() => {}}
        />
      </LangContext.Provider>,
    );
    fireEvent.change(screen.getByLabelText('Amount for North'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: translate('en', 'submitDecision') }));
    fireEvent.click(screen.getByRole('button', { name: translate('en', 'confirmSubmit') }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(translate('en', 'submittedOk')));
    expect(sent).toEqual([{ allocation: { north: 4, south: 0 }, rationale: '' }]);
  });
});
