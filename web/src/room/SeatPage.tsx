import { useEffect, useMemo, useRef, useState } from 'react';
import { localize } from '@drill/engine';
import type { JoinInfo } from '@drill/server/protocol';
import { api } from './api.ts';
import { useT } from '../i18n.ts';
import { forgetCredential, loadCredential } from './credentials.ts';
import { ParticipantScreen } from './ParticipantScreen.tsx';
import { clockLabelFor, optionLabel, roleName, roomScenario } from './roomScenario.ts';
import { useRoomClient } from './useRoomClient.ts';
import { answerCommand } from './answerCommand.ts';
import { joinHash } from './routes.ts';
import type { MemberChoice, SubmitResult } from './MemberDecision.tsx';

/** How long after the last keystroke a member stops showing as typing to the trainer. */
const TYPING_IDLE_MS = 4000;

/** A participant's seat in a room: their token from this browser, the room over a WebSocket. */
export function SeatPage({ room }: { room: string }) {
  const { t, lang } = useT();
  const cred = useMemo(() => loadCredential('member', room), [room]);
  const client = useRoomClient(cred ? { token: cred.token, lang, lostReason: t('notDelivered') } : undefined);
  const sc = useMemo(() => roomScenario(client?.room?.scenario.id), [client?.room?.scenario.id]);
  const typing = useRef<{ decision: string; timer: ReturnType<typeof setTimeout> } | undefined>(undefined);
  useEffect(() => () => clearTimeout(typing.current?.timer), []);
  // The seats' names, from the server: a room may play the trainer's own scenario, whose files only
  // the trainer and evaluators fetch, so this browser may not have it.
  const code = client?.room?.code;
  const [joinInfo, setJoinInfo] = useState<JoinInfo>();
  useEffect(() => {
    if (!code) return;
    let live = true;
    void api<JoinInfo>(`/api/join/${encodeURIComponent(code)}`, { lang }).then((r) => {
      if (live && r.ok) setJoinInfo(r.value);
    });
    return () => {
      live = false;
    };
  }, [code, lang]);

  if (!cred)
    return (
      <main id="main" className="room-page" tabIndex={-1}>
        <h1>{t('roomJoinTitle')}</h1>
        <p role="alert">{t('roomGone')}</p>
        <a href={joinHash('')}>{t('roomJoinTitle')}</a>
      </main>
    );

  const onTyping = (decision: string): void => {
    if (!client) return;
    if (typing.current?.decision !== decision) client.typing(decision, true);
    clearTimeout(typing.current?.timer);
    typing.current = {
      decision,
      timer: setTimeout(() => {
        client.typing(decision, false);
        typing.current = undefined;
      }, TYPING_IDLE_MS),
    };
  };
  const onSubmit = async (decision: string, c: MemberChoice): Promise<SubmitResult> => {
    if (!client) return { ok: false, reason: t('notDelivered') };
    clearTimeout(typing.current?.timer);
    typing.current = undefined;
    const team = client.you?.team ?? cred.team ?? '';
    const r = await client.command({
      type: 'choose',
      team,
      decision,
      ...(c.options ? { options: c.options } : {}),
      ...(c.allocation ? { allocation: c.allocation } : {}),
      ...(c.rationale.trim() ? { rationale: c.rationale } : {}),
    });
    return r.ok ? { ok: true } : { ok: false, reason: r.reason };
  };
  const onAnswer = async (
    decision: string,
    role: string | undefined,
    text: string,
  ): Promise<SubmitResult> => {
    if (!client) return { ok: false, reason: t('notDelivered') };
    const team = client.you?.team ?? cred.team ?? '';
    const r = await client.command(answerCommand(team, decision, role, text));
    return r.ok ? { ok: true } : { ok: false, reason: r.reason };
  };
  const leave = (): void => {
    forgetCredential('member', room);
    window.location.hash = joinHash(client?.room?.code ?? '');
  };
  const view = client?.view;
  const seats = (client?.you?.roles ?? []).map((r) => roleName(sc, r, lang, joinInfo));
  return (
    <ParticipantScreen
      info={{
        title: client?.room ? localize(client.room.scenario.title, lang) : '',
        name: client?.you?.name ?? cred.name ?? '',
        team: client?.you?.team ?? cred.team ?? '',
        seats,
        scenario: sc,
        clockLabel: clockLabelFor(sc, client?.room?.t0 ?? joinInfo?.t0, lang),
        optionLabel: (d, o) => optionLabel(sc, d, o, lang, view),
      }}
      view={view}
      score={client?.ownScore()}
      socket={client?.socket ?? { kind: 'connecting' }}
      trouble={client?.trouble?.reason}
      onSubmit={onSubmit}
      onAnswer={onAnswer}
      onTyping={onTyping}
      onLeave={leave}
    />
  );
}
