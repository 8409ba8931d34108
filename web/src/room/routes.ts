/** The room's pages, addressed in the URL hash so the static app needs no server-side routing. */
export type RoomRoute =
  | { kind: 'join'; code: string }
  | { kind: 'seat'; room: string }
  | { kind: 'projector'; room: string; token: string }
  | { kind: 'console'; room: string };

/**
 * Reads `#/join/<code>`, `/join?code=<code>`, `#/room/<id>/seat`, `#/room/<id>/projector?token=…` and
 * `#/room/<id>/console`, and the server's `/?join=<code>`; anything else is not a room page (the console and review stay where they are).
 */
export function roomRoute(loc: { pathname: string; search: string; hash: string }): RoomRoute | undefined {
  const [path = '', query = ''] = loc.hash.replace(/^#/, '').split('?');
  const q = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodedOrRaw);
  if (parts[0] === 'join') return { kind: 'join', code: parts[1] ?? q.get('code') ?? '' };
  if (parts[0] === 'room' && parts[1]) {
    const room = parts[1];
    switch (parts[2]) {
      case 'seat':
        return { kind: 'seat', room };
      case 'projector':
        return { kind: 'projector', room, token: q.get('token') ?? '' };
      case 'console':
        return { kind: 'console', room };
      default:
        return undefined;
    }
  }
  const search = new URLSearchParams(loc.search);
  // The server's join link (`/?join=CODE`, what the QR code holds) and `/join?code=CODE`.
  const join = search.get('join') ?? (/\/join\/?$/.test(loc.pathname) ? (search.get('code') ?? '') : null);
  if (join !== null) return { kind: 'join', code: join };
  return undefined;
}

export const joinHash = (code: string): string => `#/join/${encodeURIComponent(code)}`;
export const seatHash = (room: string): string => `#/room/${encodeURIComponent(room)}/seat`;
export const consoleHash = (room: string): string => `#/room/${encodeURIComponent(room)}/console`;
export const projectorHash = (room: string, token: string): string =>
  `#/room/${encodeURIComponent(room)}/projector?token=${encodeURIComponent(token)}`;

/**
 * A part of the address as the browser escaped it; one that does not decode (`%E0%A4%A`, a stray `%` in a
 * hand-copied or tampered link) is kept as it stands: decodeURIComponent would throw out of the app's
 * first render and leave a blank page, where the join page can say that no room has this code.
 */
export function decodedOrRaw(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** A hook-free reader of the current location (tests pass their own). */
export const currentRoute = (): RoomRoute | undefined => roomRoute(window.location);
