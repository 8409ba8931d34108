import { useEffect, useState } from 'react';
import { localize } from '@drill/engine';
import { transcriptPath, type RoomSummary } from '@drill/server/protocol';
import { useT } from '../i18n.ts';
import { api } from '../room/api.ts';
import type { LoadedFile } from './load.ts';

/**
 * The finished rooms of the room server this app is served by (`drill serve`), listed with the host
 * token; the chosen ones' team transcripts are fetched and opened in Review like files, so they are
 * verified, compared and taken into the cohort the same way.
 */
export function ServerRooms({
  hostToken,
  visible,
  onOpen,
}: {
  hostToken: string;
  /** The list is read again each time Review is shown (a room may have finished meanwhile). */
  visible: boolean;
  onOpen(files: LoadedFile[]): void;
}) {
  const { t, lang } = useT();
  const [rooms, setRooms] = useState<RoomSummary[]>();
  const [failed, setFailed] = useState<number>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (!visible) return;
    void api<RoomSummary[]>('/api/rooms', { token: hostToken }).then((r) => {
      if (r.ok) {
        setRooms(r.value.filter((x) => x.status === 'finished'));
        setFailed(undefined);
      } else setFailed(r.status);
    });
  }, [hostToken, visible, asked]);

  const open = async (): Promise<void> => {
    setBusy(true);
    const files: LoadedFile[] = [];
    for (const room of rooms ?? []) {
      if (!chosen.includes(room.id)) continue;
      for (let i = 0; i < room.transcripts; i++) {
        const name = `room-${room.code}-${i + 1}.json`;
        const r = await api<unknown>(transcriptPath(room.id, i), { token: hostToken });
        files.push(
          r.ok
            ? { name, text: JSON.stringify(r.value) }
            : { name, text: '', error: t('serverRoomsFailed', { status: r.status }) },
        );
      }
    }
    setBusy(false);
    setChosen([]);
    onOpen(files);
  };

  return (
    <fieldset className="server-rooms" data-testid="server-rooms">
      <legend>{t('serverRooms')}</legend>
      <p className="help">
        {t('serverRoomsHelp')}{' '}
        <button type="button" className="ghost small" onClick={() => setAsked((n) => n + 1)}>
          {t('serverRoomsRefresh')}
        </button>
      </p>
      {failed !== undefined ? (
        <p role="alert" className="warn-text">
          {t('serverRoomsFailed', { status: failed })}
        </p>
      ) : rooms && rooms.length === 0 ? (
        <p className="muted">{t('serverRoomsNone')}</p>
      ) : null}
      {rooms && rooms.length ? (
        <>
          <ul className="plain">
            {rooms.map((r) => (
              <li key={r.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={chosen.includes(r.id)}
                    onChange={(e) =>
                      setChosen((c) => (e.target.checked ? [...c, r.id] : c.filter((x) => x !== r.id)))
                    }
                  />
                  {r.code} · {localize(r.scenario.title, lang)} · {r.teams.map((x) => x.name).join(', ')} ·{' '}
                  {r.created.slice(0, 16).replace('T', ' ')} UTC ·{' '}
                  {t('serverRoomTranscripts', { n: r.transcripts })}
                </label>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className="secondary"
            disabled={busy || chosen.length === 0}
            onClick={() => void open()}
          >
            {t('serverRoomsOpen')}
          </button>
        </>
      ) : null}
    </fieldset>
  );
}
