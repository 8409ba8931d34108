import { useEffect, useState } from 'react';
import { COLLEAGUE_LEVELS, localize, type ColleagueLevel } from '@drill/engine';
import type { CreatedRoom, CreateRoom, RoomSummary } from '@drill/server/protocol';
import { useT } from '../i18n.ts';
import { Console } from '../console/Console.tsx';
import { Setup } from '../console/Setup.tsx';
import type { LoadedFile } from '../review/load.ts';
import { sourceForRoom } from '../scenarios.ts';
import { diagnosticView } from '../diagnosticText.ts';
import { api } from './api.ts';
import { saveCredential } from './credentials.ts';
import { consoleHash } from './routes.ts';
import { RoomConsole } from './RoomConsole.tsx';
import './room.css';

type Where = 'browser' | 'room';

/**
 * The console's start: run the drill in this browser (no network, as before) or as a room on the room
 * server. The room choice is offered when the page was opened with the server's trainer link.
 */
export function ConsoleStart({
  hostToken,
  room,
  preferRoom,
  onReview,
}: {
  hostToken: string | undefined;
  /** The room this console shows (from `#/room/<id>/console`). */
  room: string | undefined;
  preferRoom: boolean;
  onReview(files: LoadedFile[]): void;
}) {
  const { t } = useT();
  const [where, setWhere] = useState<Where>(hostToken && (preferRoom || room) ? 'room' : 'browser');
  const leave = (): void => {
    window.location.hash = '';
  };
  if (room) return <RoomConsole room={room} hostToken={hostToken} onReview={onReview} onLeave={leave} />;
  return (
    <>
      {hostToken ? (
        <fieldset className="panel run-where">
          <legend>{t('runWhere')}</legend>
          {(['browser', 'room'] as const).map((w) => (
            <label key={w} className="radio">
              <input
                type="radio"
                name="run-where"
                value={w}
                checked={where === w}
                onChange={() => setWhere(w)}
              />
              {t(w === 'browser' ? 'runInBrowser' : 'runAsRoom')}
            </label>
          ))}
        </fieldset>
      ) : null}
      {where === 'room' && hostToken ? (
        <CreateRoomForm hostToken={hostToken} />
      ) : (
        <Console onReview={onReview} />
      )}
    </>
  );
}

function CreateRoomForm({ hostToken }: { hostToken: string }) {
  const { t, lang } = useT();
  const [colleagues, setColleagues] = useState<ColleagueLevel>('competent');
  const [rooms, setRooms] = useState<RoomSummary[]>([]);
  useEffect(() => {
    void api<RoomSummary[]>('/api/rooms', { token: hostToken }).then((r) => r.ok && setRooms(r.value));
  }, [hostToken]);

  return (
    <>
      <Setup
        startLabel={t('createRoom')}
        onStart={async (setup) => {
          const body: CreateRoom = {
            // A scenario of the trainer's own travels as its files; the server compiles it the same way.
            scenario: sourceForRoom(setup.source),
            seed: setup.seed,
            lang: setup.lang,
            mode: setup.mode,
            teams: setup.teams.map((x) => ({
              name: x.name.trim(),
              roles: setup.mode === 'roles' ? x.roles : [],
            })),
            colleagues,
          };
          const r = await api<CreatedRoom>('/api/rooms', { method: 'POST', body, token: hostToken, lang });
          if (!r.ok)
            return t('roomCreateFailed', {
              // The server's diagnostics of an own scenario, in the page's language like the browser's.
              reason: r.diagnostics
                ? `\n${r.diagnostics
                    .map((d) => {
                      const v = diagnosticView(d, lang);
                      return `${v.where}: ${v.severity}: ${v.message}${v.hint ? ` — ${t('diagHint')}: ${v.hint}` : ''}`;
                    })
                    .join('\n')}`
                : r.reason,
            });
          saveCredential('trainer', r.value.room.id, {
            token: r.value.trainerToken,
            projectorToken: r.value.projectorToken,
          });
          window.location.hash = consoleHash(r.value.room.id);
          return undefined;
        }}
      >
        <div className="field">
          <label htmlFor="room-colleagues">{t('colleagues')}</label>
          <select
            id="room-colleagues"
            value={colleagues}
            onChange={(e) => setColleagues(e.target.value as ColleagueLevel)}
          >
            {COLLEAGUE_LEVELS.map((c) => (
              <option key={c} value={c}>
                {t(`colleague_${c}`)}
              </option>
            ))}
          </select>
        </div>
      </Setup>
      {rooms.length ? (
        <section className="panel" aria-labelledby="rooms-h">
          <h2 id="rooms-h">{t('rooms')}</h2>
          <ul>
            {rooms.map((r) => (
              <li key={r.id}>
                <a href={consoleHash(r.id)}>
                  {r.code} · {localize(r.scenario.title, lang)} · {r.teams.map((x) => x.name).join(', ')}
                </a>{' '}
                <span className="muted">
                  {r.created.slice(0, 16).replace('T', ' ')}
                  {r.status === 'finished' ? ` · ${t('finishedRoom')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
