import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { Feed } from './Feed.tsx';
import { policyChoice, Session, soloParticipant } from '@drill/engine';
import { reportHtml } from '../report/reportHtml.ts';
import { compileShipped, loadLibrary } from '../scenarios.ts';

afterEach(cleanup);
beforeAll(loadLibrary);

describe('text is inert', () => {
  it('renders markup in inject text as text, never as elements', () => {
    const evil = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
    render(
      <Feed
        items={[
          {
            id: 'i1',
            at: 'T0',
            minute: 0,
            title: evil,
            text: evil,
            source: evil,
            channel: 'phone',
            urgency: 'flash',
            roles: ['all'],
            adhoc: false,
          },
        ]}
      />,
    );
    expect(screen.getAllByText(evil).length).toBe(3);
    expect(document.querySelector('script, img')).toBeNull();
  });

  it('the downloadable HTML report escapes rationale text and carries no script', () => {
    const c = compileShipped('typhoon');
    if (!c.ok) throw new Error('typhoon does not compile');
    const s = Session.start(c.scenario, {
      seed: 3,
      participants: [soloParticipant('Player', '<b>Team</b>')],
      startedAt: '2026-01-01T00:00:00Z',
    });
    if ('error' in s) throw new Error(s.error);
    s.apply({ type: 'start' });
    for (let i = 0; i < 200 && s.state.phase === 'running'; i++) {
      const choice = policyChoice(c.scenario, s.state, 'first', () => 0.5);
      s.apply(
        choice ? { ...choice, rationale: '<script>alert(1)</script>' } : { type: 'advance', to: 'next' },
      );
    }
    const html = reportHtml(c.scenario, s.transcript(), 'en');
    expect(html).toMatch(/(&lt;|&#60;)script(&gt;|&#62;)alert\(1\)/);
    expect(html).not.toMatch(/<script/i);
  });
});
