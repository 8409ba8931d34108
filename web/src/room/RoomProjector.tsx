import { useMemo } from 'react';
import { localize } from '@drill/engine';
import { joinUrl, qrPath } from '@drill/server/protocol';
import { useT } from '../i18n.ts';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { ProjectorScores } from '../projector/ProjectorScores.tsx';
import { clockLabelFor, roomClock, roomScenario } from './roomScenario.ts';
import { useRoomClient } from './useRoomClient.ts';

/**
 * The room's projector: follows the room through the server (its own token, its own view: no scores
 * unless the trainer shows them). Large enough to read from the back: the join code and QR code while
 * people join, then the clock, the latest message and every open question with who must answer it.
 */
export function RoomProjector({ token }: { token: string }) {
  const { t, lang } = useT();
  const client = useRoomClient(token ? { token, lang, lostReason: t('notDelivered') } : undefined);
  const info = client?.room;
  const sc = useMemo(() => roomScenario(info?.scenario.id), [info?.scenario.id]);
  const view = client?.view;
  const label = clockLabelFor(sc, info?.t0, lang);
  if (!client || !info || !view)
    return (
      <main className="projector waiting room-page" id="main">
        <h1>{t('roomProjectorWaiting')}</h1>
        <ConnectionBanner state={client?.socket ?? { kind: 'connecting' }} />
        {client?.trouble ? <p role="alert">{client.trouble.reason}</p> : null}
      </main>
    );
  const link = joinUrl(window.location.origin, info.code);
  const joining = view.phase === 'briefing';
  const feed = view.lanes
    .flatMap((l) => l.view.feed.map((f) => ({ ...f, team: l.team })))
    .sort((a, b) => b.at - a.at)
    .slice(0, 3);
  const open = view.lanes.flatMap((l) => l.view.open.map((d) => ({ ...d, lane: l.team })));
  // The clock as the console shows it: relative, and the calendar time where the scenario dates T0.
  const clock = roomClock(sc, info.t0, view.clock, lang);
  return (
    <main className="projector room-projector" id="main" lang={lang}>
      <header className="pj-top">
        <h1 className="pj-title">{localize(info.scenario.title, lang)}</h1>
        <div className="pj-clock" data-testid="pj-clock">
          <span className="pj-rel">{clock.rel}</span>
          {clock.civil ? <span className="pj-civil">{clock.civil}</span> : null}
        </div>
        <div className="pj-phase" data-testid="pj-phase">
          {t(`phase_${view.phase}`)}
        </div>
      </header>
      <ConnectionBanner state={client.socket} />
      <section className={joining ? 'pj-join' : 'pj-join small'} aria-label={t('joinCode')}>
        <img src={qrPath(info.id)} alt={t('joinQr')} />
        <div>
          <p className="code" data-testid="pj-code">
            {info.code}
          </p>
          <p>{t('joinAt', { url: link, code: info.code })}</p>
        </div>
      </section>
      {!joining ? (
        <div className="pj-body">
          <section className="pj-injects" aria-labelledby="pj-latest-h">
            <h2 id="pj-latest-h">{t('latestInjects')}</h2>
            {feed.length === 0 ? <p className="muted">{t('noInjects')}</p> : null}
            {feed.map((f, i) => (
              <article key={`${f.inject}-${f.team ?? ''}`} className={i === 0 ? 'pj-latest' : 'pj-earlier'}>
                <div className="pj-meta">
                  {label(f.at)}
                  {f.team ? ` · ${f.team}` : ''}
                </div>
                {f.title ? <h3>{f.title}</h3> : null}
                <p className="prewrap">{i === 0 ? f.text : ''}</p>
              </article>
            ))}
          </section>
          <section className="pj-questions" aria-labelledby="pj-q-h">
            <h2 id="pj-q-h">{t('questionNow')}</h2>
            {open.length === 0 ? <p className="muted">—</p> : null}
            {open.map((q) => (
              <article
                key={`${q.lane ?? ''}-${q.decision}`}
                className="pj-question"
                data-decision={q.decision}
              >
                <h3>{q.prompt}</h3>
                <p className="pj-meta">
                  {t('deciding', {
                    who:
                      q.lane ??
                      (q.decider ? (q.decider.colleague ? t('colleagueSeat') : q.decider.team) : '—'),
                  })}
                  {' · '}
                  {t('due', { t: label(q.due) })}
                  {q.budget !== undefined ? ` · ${t('budget', { n: q.budget })}` : ''}
                </p>
                <ol type="A">
                  {q.options.map((o) => (
                    <li key={o.id}>{o.label}</li>
                  ))}
                </ol>
              </article>
            ))}
            {client.scores && client.display.showScores ? (
              <ProjectorScores
                caption={t('scoreboard')}
                captionVisible
                rows={client.scores.map((s) => ({
                  team: s.team,
                  score: s.score === null ? '—' : s.score.toFixed(1),
                }))}
              />
            ) : null}
          </section>
        </div>
      ) : null}
    </main>
  );
}
