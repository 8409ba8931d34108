import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { LangContext, translate } from '../i18n.ts';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { JoinPage } from './JoinPage.tsx';
import { RoomClient } from './roomClient.ts';
import { liveServer } from './testing/live-server.ts';

// The room pages against a real room server as a hostile or unlucky participant meets it
// (docs/reliability/hostile-room.md, tenth session).
const live = liveServer('drill-hostile10-web-');
const open = live.open;

const LATIN = /[A-Za-z]/;

describe('a seat whose credential the server no longer knows (its database was reset, a stale link)', () => {
  it('is told why in Chinese, and the connection banner says nothing in English', async () => {
    const c = new RoomClient({
      url: new URL('/ws', live.server.url.replace('http', 'ws')).toString(),
      // A seat token from a room this server does not hold (a phone that kept it across a reset).
      token: 'Zm9yZ290dGVuLXNlYXQtdG9rZW4tMDEyMzQ1Njc4OQ',
      lang: 'zh-CN',
      lostReason: '未送达',
    });
    open.push(c);
    await waitFor(() => expect(c.socket.kind).toBe('closed'));
    expect(c.trouble?.code).toBe('unauthorised');
    expect(c.trouble?.reason).not.toMatch(LATIN);
    render(
      <LangContext.Provider value="zh-CN">
        <ConnectionBanner state={c.socket} />
      </LangContext.Provider>,
    );
    const banner = screen.getByTestId('conn');
    expect(banner.getAttribute('data-state')).toBe('closed');
    expect(banner.textContent).not.toMatch(LATIN);
  });
});

describe('the join page after its code is changed', () => {
  it('looks the new room up before anyone can join it with the first room’s team and seats', async () => {
    // The page's relative API calls go to the test's server (jsdom's page is on another origin).
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
      realFetch(new URL(String(input), live.server.url), init)) as typeof fetch;
    try {
      const create = async (teams: string[]): Promise<string> => {
        const res = await realFetch(new URL('/api/rooms', live.server.url), {
          method: 'POST',
          headers: { authorization: `Bearer ${live.server.hostToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            scenario: 'typhoon',
            seed: 'join-edit',
            lang: 'en',
            mode: 'parallel',
            teams: teams.map((name) => ({ name, roles: [] })),
          }),
        });
        return ((await res.json()) as { room: { code: string } }).room.code;
      };
      const first = await create(['Red', 'Blue']);
      const second = await create(['Gold']);
      render(
        <LangContext.Provider value="en">
          <JoinPage code={first} />
        </LangContext.Provider>,
      );
      expect(await screen.findByRole('radio', { name: /^Red/ })).toBeTruthy();
      fireEvent.change(screen.getByLabelText(/code/i), { target: { value: second } });
      // The first room's teams are gone, and there is nothing to join until the new code is looked up.
      expect(screen.queryByRole('radio', { name: /^Red/ })).toBeNull();
      expect(screen.queryByRole('button', { name: translate('en', 'joinRoom') })).toBeNull();
      fireEvent.click(screen.getByRole('button', { name: translate('en', 'findRoom') }));
      expect(await screen.findByRole('radio', { name: /^Gold/ })).toBeTruthy();
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
