import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { OpenDecisionView } from '@drill/engine';
import { LangContext, translate } from '../i18n.ts';
import { MemberDecision, type MemberChoice, type SubmitResult } from './MemberDecision.tsx';
import { roomRoute } from './routes.ts';

afterEach(cleanup);

const loc = (href: string): { pathname: string; search: string; hash: string } => {
  const u = new URL(href, 'http://127.0.0.1:8080');
  return { pathname: u.pathname, search: u.search, hash: u.hash };
};

describe('room routes', () => {
  it('reads the server join link, the join page, a seat, the projector link and the room console', () => {
    expect(roomRoute(loc('/?join=K7QX2M'))).toEqual({ kind: 'join', code: 'K7QX2M' });
    expect(roomRoute(loc('/join?code=AB2345'))).toEqual({ kind: 'join', code: 'AB2345' });
    expect(roomRoute(loc('/#/join/AB2345'))).toEqual({ kind: 'join', code: 'AB2345' });
    expect(roomRoute(loc('/#/room/r1/seat'))).toEqual({ kind: 'seat', room: 'r1' });
    expect(roomRoute(loc('/#/room/r1/projector?token=abc%2Bdef'))).toEqual({
      kind: 'projector',
      room: 'r1',
      token: 'abc+def',
    });
    expect(roomRoute(loc('/?view=room#/room/r1/console'))).toEqual({ kind: 'console', room: 'r1' });
    expect(roomRoute(loc('/?view=review'))).toBeUndefined();
    expect(roomRoute(loc('/#/room/r1/nothing'))).toBeUndefined();
  });
});

const single: OpenDecisionView = {
  decision: 'evacuate',
  prompt: 'Evacuate the low-lying villages?',
  roles: ['commander'],
  due: 60,
  closesAt: 120,
  kind: 'single',
  options: [
    { id: 'now', label: 'Now' },
    { id: 'wait', label: 'Wait' },
  ],
};

function renderCard(onSubmit: (c: MemberChoice) => Promise<SubmitResult>, lang: 'en' | 'zh-CN' = 'en') {
  return render(
    <LangContext.Provider value={lang}>
      <MemberDecision decision={single} clockLabel={(m) => `T${m}`} onSubmit={onSubmit} onTyping={() => {}} />
    </LangContext.Provider>,
  );
}

describe('a member submits a decision', () => {
  it('asks to confirm before sending, then says it was recorded next to the button', async () => {
    const sent: MemberChoice[] = [];
    renderCard(async (c) => {
      sent.push(c);
      return { ok: true };
    });
    fireEvent.click(screen.getByRole('button', { name: 'Submit decision' }));
    expect(screen.getByText(translate('en', 'pickSomething'))).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.click(screen.getByLabelText('Wait'));
    fireEvent.change(screen.getByLabelText('Rationale'), { target: { value: 'the road is flooded' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit decision' }));
    expect(sent).toEqual([]); // nothing goes before the confirmation
    fireEvent.click(screen.getByRole('button', { name: translate('en', 'confirmSubmit') }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(translate('en', 'submittedOk')));
    expect(sent).toEqual([{ options: ['wait'], rationale: 'the road is flooded' }]);
  });

  it('shows the server’s refusal beside the control and lets the member edit and try again (Chinese)', async () => {
    let n = 0;
    renderCard(async () => (++n === 1 ? { ok: false, reason: '这项决策已经关闭' } : { ok: true }), 'zh-CN');
    fireEvent.click(screen.getByLabelText('Now'));
    fireEvent.click(screen.getByRole('button', { name: translate('zh-CN', 'submitDecision') }));
    fireEvent.click(screen.getByRole('button', { name: translate('zh-CN', 'confirmSubmit') }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('这项决策已经关闭'));
    fireEvent.click(screen.getByLabelText('Wait'));
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: translate('zh-CN', 'submitDecision') }));
    fireEvent.click(screen.getByRole('button', { name: translate('zh-CN', 'confirmSubmit') }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(translate('zh-CN', 'submittedOk')),
    );
    expect(n).toBe(2);
  });
});
