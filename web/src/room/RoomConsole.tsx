import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Scenario } from '@drill/engine';
import {
  joinUrl,
  qrPath,
  scenarioSourcePath,
  transcriptPath,
  type Display,
  type RoomInfo,
  type ScenarioSource as RoomScenarioSource,
} from '@drill/server/protocol';
import { compileError, compileSource } from '../scenarios.ts';
import { api } from './api.ts';
import { useT } from '../i18n.ts';
import { RunView } from '../console/RunView.tsx';
import { Debrief } from '../console/Debrief.tsx';
import { Feedback } from '../console/Feedback.tsx';
import { useBackendVersion, useCommand } from '../console/useBackend.ts';
import type { UiPrefs } from '../console/Console.tsx';
import type { LoadedFile } from '../review/load.ts';
import { loadCredential } from './credentials.ts';
import { RemoteBackend } from './remoteBackend.ts';
import { roomScenario } from './roomScenario.ts';
import { useRoomClient } from './useRoomClient.ts';
import { projectorHash } from './routes.ts';
import { TeamStatus } from './TeamStatus.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';

/**
 * The trainer's console for a room: the join code, link and QR code, every team live, and the same
 * run and debrief screens as the browser-only console, with the room server behind them.
 */
export function RoomConsole({
  room,
  hostToken,
  onReview,
  onLeave,
}: {
  room: string;
  hostToken: string | undefined;
  onReview(files: LoadedFile[]): void;
  onLeave(): void;
}) {
  const { t, lang } = useT();
  const cred = useMemo(() => loadCredential('trainer', room), [room]);
  const token = cred?.token ?? hostToken;
  const client = useRoomClient(
    token ? { token, ...(cred ? {} : { room }), lang, lostReason: t('notDelivered') } : undefined,
  );
  const info: RoomInfo | undefined = client?.room;
  // The room's scenario: this browser's copy when it is the same text (same content hash), else the
  // trainer's own files fetched from the server with the trainer's token, compiled by the app's loader.
  const byId = useMemo(() => roomScenario(info?.scenario.id), [info?.scenario.id]);
  const known = byId && byId.contentHash === info?.scenario.contentHash ? byId : undefined;
  const [fetched, setFetched] = useState<{ scenario?: Scenario; error?: string }>({});
  const roomId = info?.id;
  useEffect(() => {
    if (!roomId || known || !token) return;
    let live = true;
    void api<RoomScenarioSource>(scenarioSourcePath(roomId), { token, lang }).then((r) => {
      if (!live) return;
      if (!r.ok) return setFetched({ error: r.reason });
      const c = compileSource({ kind: 'files', entry: r.value.entry, files: r.value.files });
      setFetched(c.ok ? { scenario: c.scenario } : { error: compileError(c) });
    });
    return () => {
      live = false;
    };
  }, [roomId, known, token, lang]);
  // A shipped scenario has no files to fetch: a copy of another version is still the best name source.
  const sc = known ?? fetched.scenario ?? (fetched.error !== undefined ? byId : undefined);
  const backend = useMemo(
    () => (client && info && sc && token ? new RemoteBackend(client, sc, info, token) : undefined),
    [client, info, sc, token],
  );
  useBackendVersion(backend ?? null);
  const [prefs, setPrefsState] = useState<UiPrefs>({ scoresHidden: false, projectorTeam: '' });
  // Stable across renders, so the run view (memoised) re-renders for the room's changes only.
  const setPrefs = useCallback(
    (p: Partial<UiPrefs>) => {
      setPrefsState((old) => ({ ...old, ...p }));
      if (p.projectorTeam !== undefined) backend?.setProjectorTeam(p.projectorTeam || null);
    },
    [backend],
  );
  const projectorToken = cred?.projectorToken;
  const roomIdForProjector = info?.id;
  const openProjector = useCallback(() => {
    if (!projectorToken || !roomIdForProjector) return;
    const url = `${window.location.origin}${window.location.pathname}${projectorHash(roomIdForProjector, projectorToken)}`;
    window.open(url, 'drill-room-projector', 'popup=yes,width=1280,height=720');
  }, [projectorToken, roomIdForProjector]);
  const display: Display | undefined = client?.display;
  useEffect(() => {
    if (display?.projectorTeam) setPrefsState((p) => ({ ...p, projectorTeam: display.projectorTeam ?? '' }));
  }, [display?.projectorTeam]);

  if (!token)
    return (
      <p role="alert" className="error-box">
        {t('needHostLink')}
      </p>
    );
  if (!client || !info || !backend || !client.view)
    return (
      <section className="panel">
        <ConnectionBanner state={client?.socket ?? { kind: 'connecting' }} />
        {client?.trouble ? <p role="alert">{client.trouble.reason}</p> : null}
        {fetched.error !== undefined ? (
          <p role="alert" className="error-box prewrap">
            {fetched.error}
          </p>
        ) : null}
      </section>
    );

  const origin = window.location.origin;
  const link = joinUrl(origin, info.code);
  const over = client.view.phase === 'debrief' || client.view.phase === 'ended';
  const transcriptCount = info.mode === 'parallel' ? info.teams.length : 1;

  return (
    <div className="room-console">
      <section className="panel room-join-card" aria-labelledby="room-h">
        <div>
          <h2 id="room-h">{t('roomTitle', { code: info.code })}</h2>
          <p>
            <span className="muted">{t('joinCode')}: </span>
            <strong className="code" data-testid="join-code">
              {info.code}
            </strong>
          </p>
          <p>
            <span className="muted">{t('joinLink')}: </span>
            <a href={link} data-testid="join-link">
              {link}
            </a>
          </p>
          <ConnectionBanner state={client.socket} />
        </div>
        <img src={qrPath(info.id)} alt={t('joinQr')} />
        <div className="stack">
          {transcriptCount > 0 && over
            ? Array.from({ length: transcriptCount }, (_, i) => (
                <a
                  key={i}
                  className="button-like secondary"
                  href={`${transcriptPath(info.id, i)}?token=${encodeURIComponent(token)}`}
                  download={`drill-room-${info.code}-${i + 1}.json`}
                >
                  {t('downloadTeamTranscript', {
                    team:
                      info.mode === 'parallel'
                        ? info.teams[i]!.name
                        : info.teams.map((x) => x.name).join(' + '),
                  })}
                </a>
              ))
            : null}
          <button type="button" className="ghost" onClick={onLeave}>
            {t('leaveRoom')}
          </button>
        </div>
      </section>
      <TeamStatus presence={client.presence} teams={info.teams.map((x) => x.name)} />
      {client.view.phase === 'briefing' ? <StartRoom backend={backend} /> : null}
      {over ? (
        <Debrief backend={backend} onReview={onReview} onNew={onLeave} version={client.seq} />
      ) : (
        <RunView
          backend={backend}
          prefs={prefs}
          setPrefs={setPrefs}
          version={client.revision}
          {...(projectorToken ? { onOpenProjector: openProjector } : {})}
        />
      )}
    </div>
  );
}

function StartRoom({ backend }: { backend: RemoteBackend }) {
  const { t, lang } = useT();
  const cmd = useCommand(backend, lang);
  return (
    <section className="panel">
      <button
        type="button"
        className="primary big"
        data-testid="room-start"
        onClick={() => void cmd.send({ type: 'start' }, t('phase_running'))}
      >
        {t('start')}
      </button>
      <Feedback feedback={cmd.feedback} />
    </section>
  );
}
