import { useEffect, useState } from 'react';
import { translate } from '../i18n.ts';
import { openChannel, type ProjectorMessage, type ProjectorSnapshot } from './channel.ts';

/** The projector window: large, calm, readable from the back of a room; fed by the console. */
export function Participant() {
  const [snap, setSnap] = useState<ProjectorSnapshot | null>(null);
  useEffect(() => {
    const ch = openChannel();
    if (!ch) return;
    ch.onmessage = (e: MessageEvent<ProjectorMessage>) => {
      if (e.data?.type === 'snapshot') setSnap(e.data.snapshot);
    };
    ch.postMessage({ type: 'hello' } satisfies ProjectorMessage);
    return () => ch.close();
  }, []);
  useEffect(() => {
    document.documentElement.lang = snap?.lang ?? 'en';
  }, [snap?.lang]);

  if (!snap)
    return (
      <main className="projector waiting" id="main">
        <p>{translate('en', 'projectorWaiting')}</p>
        <p lang="zh-CN">{translate('zh-CN', 'projectorWaiting')}</p>
      </main>
    );
  const t = (k: Parameters<typeof translate>[1]): string => translate(snap.lang, k);
  const [latest, ...earlier] = snap.injects;
  return (
    <main className="projector" id="main" lang={snap.lang}>
      <header className="pj-top">
        <div className="pj-title">
          {snap.title}
          {snap.team ? <span className="pj-team"> · {snap.team}</span> : null}
        </div>
        <div className="pj-clock" data-testid="pj-clock">
          <span className="pj-rel">{snap.clock.rel}</span>
          <span className="pj-civil">{snap.clock.civil}</span>
        </div>
        {snap.warning ? (
          <div className={`pj-warning warning-pill ${snap.warning.tone}`}>
            <span className="pj-warning-name">{snap.warning.name}</span> {snap.warning.label}
          </div>
        ) : null}
        <div className="pj-phase">{snap.phase}</div>
      </header>
      <div className="pj-body">
        <section className="pj-injects" aria-label={t('latestInjects')}>
          {latest ? (
            <article className={`pj-latest urgency-${latest.urgency}`} data-testid="pj-latest">
              <div className="pj-meta">
                {latest.at} · {latest.source}
              </div>
              {latest.title ? <h1>{latest.title}</h1> : null}
              <p className="prewrap">{latest.text}</p>
            </article>
          ) : (
            <p className="muted">{t('noInjects')}</p>
          )}
          {earlier.length ? (
            <ol className="pj-earlier">
              {earlier.map((i) => (
                <li key={i.id}>
                  <span className="pj-meta">{i.at}</span> {i.title || i.text}
                </li>
              ))}
            </ol>
          ) : null}
        </section>
        <section className="pj-questions" aria-label={t('questionNow')}>
          <h2>{t('questionNow')}</h2>
          {snap.questions.length === 0 ? <p className="muted">—</p> : null}
          {snap.questions.map((q) => (
            <article key={q.id} className="pj-question">
              <h3>{q.prompt}</h3>
              <ol type="A">
                {q.options.map((o, i) => (
                  <li key={i}>{o}</li>
                ))}
              </ol>
              {q.due ? <p className="pj-meta">{t('due').replace('{t}', q.due)}</p> : null}
            </article>
          ))}
          {snap.scores ? (
            <table className="pj-scores">
              <tbody>
                {snap.scores.map((s) => (
                  <tr key={s.team}>
                    <th scope="row">{s.team}</th>
                    <td>{s.score}</td>
                    <td>{s.ratings.map((r) => `${r.capability} ${r.rating}`).join(' · ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      </div>
    </main>
  );
}
