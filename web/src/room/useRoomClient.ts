import { useEffect, useReducer, useState } from 'react';
import type { Lang } from '@drill/engine';
import { RoomClient } from './roomClient.ts';

/**
 * A room session for as long as the page shows it (a new one when the token or language changes: the
 * server sends views in the language the hello asked for). Re-renders on every frame.
 */
export function useRoomClient(
  o: { token: string; room?: string; lang: Lang; lostReason: string } | undefined,
): RoomClient | undefined {
  const [client, setClient] = useState<RoomClient>();
  const [, bump] = useReducer((x: number) => x + 1, 0);
  const token = o?.token;
  const room = o?.room;
  const lang = o?.lang;
  const lost = o?.lostReason ?? '';
  useEffect(() => {
    if (!token || !lang) return;
    const c = new RoomClient({ token, ...(room ? { room } : {}), lang, lostReason: lost });
    const off = c.subscribe(bump);
    setClient(c);
    return () => {
      off();
      c.close();
    };
  }, [token, room, lang, lost]);
  return client;
}
