import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { App } from '../App.tsx';
import { takeHostToken } from './hostToken.ts';
import { roomRoute } from './routes.ts';

// Links a participant or trainer may open cut, mistyped or tampered with (hostile-room.md, tenth
// session): a part of the address that does not decode must not take the whole page down.

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

const loc = (href: string): { pathname: string; search: string; hash: string } => {
  const u = new URL(href, 'http://127.0.0.1:8080');
  return { pathname: u.pathname, search: u.search, hash: u.hash };
};

describe('a link whose code, room or token does not decode', () => {
  it('is read as it stands, not thrown out of the router', () => {
    expect(roomRoute(loc('/#/join/%E0%A4%A'))).toEqual({ kind: 'join', code: '%E0%A4%A' });
    expect(roomRoute(loc('/#/join/AB%2'))).toEqual({ kind: 'join', code: 'AB%2' });
    expect(roomRoute(loc('/#/room/%zz/seat'))).toEqual({ kind: 'seat', room: '%zz' });
    expect(roomRoute(loc('/#/room/r1%/projector?token=%'))).toEqual({
      kind: 'projector',
      room: 'r1%',
      token: '%',
    });
    // What decodes still does.
    expect(roomRoute(loc('/#/join/K7Q%58%32M'))).toEqual({ kind: 'join', code: 'K7QX2M' });
  });

  it('the trainer’s console link with a cut host token keeps what it says and leaves the address bar', () => {
    history.replaceState(null, '', '/?view=room#host=abc%E0%A4');
    expect(takeHostToken()).toBe('abc%E0%A4');
    expect(window.location.hash).toBe('');
  });

  it('the app opens the join page for a tampered join link (not a blank page)', async () => {
    history.replaceState(null, '', '/#/join/%E0%A4%A');
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    expect((screen.getByLabelText(/code/i) as HTMLInputElement).value).toBe('%E0%A4%A');
  });
});
