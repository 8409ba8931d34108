import { useEffect, useState, type CSSProperties } from 'react';
import { translate } from '../i18n.ts';
import { openChannel, type ProjectorMessage, type ProjectorSnapshot } from './channel.ts';
import { ProjectorScores } from './ProjectorScores.tsx';

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
        <h1 className="sr-only">{translate('en', 'participantView')}</h1>
        <p>{translate('en', 'projectorWaiting')}</p>
        <p lang="zh-CN">{translate('zh-CN', 'projectorWaiting')}</p>
      </main>
    );
  const t = (k: Parameters<typeof translate>[1]): string => translate(snap.lang, k);
  const [latest, ...older] = snap.injects;
  // Several open questions: a compact layout, so all of them and the scores fit one 1920×1080 screen.
  const compact = snap.questions.length > 1;
  const earlier = compact ? older.slice(0, 2) : older;
  return (
    <main className={`projector ${compact ? 'pj-compact' : ''}`} id="main" lang={snap.lang}>
      <header className="pj-top">
        <h1 className="pj-title">
          {snap.title}
          {snap.team ? <span className="pj-team"> · {snap.team}</span> : null}
        </h1>
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
        <section className="pj-injects" aria-labelledby="pj-injects-h">
          <h2 id="pj-injects-h" className="sr-only">
            {t('latestInjects')}
          </h2>
          {latest ? (
            <article className={`pj-latest urgency-${latest.urgency}`} data-testid="pj-latest">
              <div className="pj-meta">
                {latest.at} · {latest.source}
              </div>
              {latest.title ? <h3>{latest.title}</h3> : null}
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
        <section className="pj-questions" aria-labelledby="pj-questions-h">
          <h2 id="pj-questions-h">
            {t(snap.questions.length > 1 ? 'questionsNow' : 'questionNow')}
            {snap.questions.length > 1 ? ` (${snap.questions.length})` : ''}
          </h2>
          {snap.questions.length === 0 ? <p className="muted">—</p> : null}
          <div
            className="pj-question-grid"
            style={
              {
                '--pj-cols': Math.min(
                  4,
                  Math.ceil(snap.questions.length / (snap.questions.length > 4 ? 2 : 1)),
                ),
              } as CSSProperties
            }
          >
            {snap.questions.map((q) => (
              <article key={q.id} className="pj-question" data-question={q.id}>
                {q.decider ? (
                  <p className="pj-decider" data-testid="pj-decider">
                    {translate(snap.lang, 'answeredBy', { who: q.decider })}
                  </p>
                ) : null}
                <h3>{q.prompt}</h3>
                {q.budget ? (
                  <p className="pj-budget" data-testid="pj-budget">
                    {translate(snap.lang, 'budget', { n: q.budget })}
                  </p>
                ) : null}
                {q.max ? <p className="pj-meta">{translate(snap.lang, 'chooseUpTo', { n: q.max })}</p> : null}
                <ol type="A">
                  {q.options.map((o, i) => (
                    <li key={i}>{o}</li>
                  ))}
                </ol>
                {q.due ? <p className="pj-meta">{translate(snap.lang, 'due', { t: q.due })}</p> : null}
              </article>
            ))}
          </div>
          {snap.scores ? (
            <ProjectorScores
              caption={t('score')}
              rows={snap.scores.map((s) => ({
                team: s.team,
                score: s.score,
                ratings: s.ratings.map((r) => `${r.capability} ${r.rating}`).join(' · '),
              }))}
            />
          ) : null}
        </section>
      </div>
    </main>
  );
}
