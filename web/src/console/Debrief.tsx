import { useEffect, useState } from 'react';
import { localize, type DecisionScore, type Transcript } from '@drill/engine';
import { promptsThen } from '@drill/report';
import { useT } from '../i18n.ts';
import { clockLabel } from '../format.ts';
import { download, slug } from '../ui/download.ts';
import { ColumnsHead } from '../ui/ColumnsHead.tsx';
import { Scoreboard } from './Scoreboard.tsx';
import { TeamOverrideForm } from './TeamOverrideForm.tsx';
import { CloseDrill, isClosed } from './CloseDrill.tsx';
import type { LoadedFile } from '../review/load.ts';
import type { ConsoleBackend } from './backend.ts';

interface Props {
  backend: ConsoleBackend;
  onReview(files: LoadedFile[]): void;
  onNew(): void;
  version: number;
}

/** The hot wash: ratings per team and capability, key decisions, the improvement plan, and downloads. */
export function Debrief({ backend, onReview, onNew }: Props) {
  const { t, lang } = useT();
  const sc = backend.scenario;
  const parallel = backend.setup.mode === 'parallel';
  const teamNames = backend.setup.teams.map((x) => x.name);
  const scores = backend.scores();
  const teams = scores.map((s) => ({ team: s.team, s }));
  const lanes = backend.view({ kind: 'facilitator' }, lang).lanes;
  const corrections = backend.corrections();
  const choiceText = (d: DecisionScore): string => {
    const dp = sc.decisions.find((x) => x.id === d.decision)!;
    const label = (o: string): string => localize(dp.options.find((x) => x.id === o)?.label ?? o, lang);
    if (d.status === 'not-reached') return t('notReached');
    const what = d.allocation
      ? Object.entries(d.allocation)
          .filter(([, v]) => v > 0)
          .map(([k, v]) => `${label(k)}: ${v}`)
          .join('; ')
      : d.options.map(label).join('; ');
    return d.status === 'missed' ? `${what} (${t('missed')})` : what;
  };
  // Prompts with their `{variable}`s as they read when each was answered (the report's replay), per
  // session: one in role mode, one per team in parallel mode.
  const [prompts, setPrompts] = useState<Map<string, string>[]>([]);
  useEffect(() => {
    let live = true;
    void backend.transcripts().then((trs) => {
      if (live) setPrompts(trs.map((tr) => promptsThen(sc, tr, lang)));
    });
    return () => {
      live = false;
    };
  }, [backend, sc, lang]);
  const promptOf = (id: string, session = 0): string =>
    prompts[session]?.get(id) ?? localize(sc.decisions.find((d) => d.id === id)?.prompt ?? id, lang);
  const text = (tr: Transcript): string => JSON.stringify(tr, null, 1);
  const files = async (): Promise<LoadedFile[]> =>
    (await backend.transcripts()).map((tr, i) => ({ name: fileName(i), text: text(tr) }));
  const who = (i: number): string => (parallel ? teamNames[i]! : teamNames.join(' + '));
  const fileName = (i: number): string => `drill-${sc.id}-${slug(who(i))}.json`;
  const transcript = async (i: number): Promise<Transcript> => (await backend.transcripts())[i]!;
  const ending = (i: number) => {
    const id = lanes[i]?.view.ending;
    return id ? sc.endings.find((e) => e.id === id) : undefined;
  };
  // Decisions someone reached, in the order they closed in the first team's drill. Open discussion
  // questions have no score entry (never scored), so they are not rows of this table.
  const reached = sc.decisions.filter((d) =>
    teams.some(({ s }) => {
      const score = s.report.decisions.find((x) => x.decision === d.id);
      return score !== undefined && score.status !== 'not-reached';
    }),
  );

  return (
    <div className="debrief">
      <section className="panel" aria-labelledby="debrief-h">
        <div className="panel-head">
          <h2 id="debrief-h">
            {t('debrief')} — {localize(sc.title, lang)}
          </h2>
          <button type="button" className="ghost" onClick={onNew}>
            {t('newDrill')}
          </button>
        </div>
        {lanes.map((_, i) =>
          ending(i) ? (
            <p key={i} className="ending">
              <strong>
                {t('ending')}
                {lanes.length > 1 ? ` (${who(i)})` : ''}:
              </strong>{' '}
              {localize(ending(i)!.title, lang)} —{' '}
              <span className="prewrap">{localize(ending(i)!.text, lang)}</span>
            </p>
          ) : null,
        )}
        <CloseDrill backend={backend} />
        <h3>{t('ratingsByTeam')}</h3>
        <Scoreboard scenario={sc} scores={scores} />
      </section>

      <section className="panel" aria-labelledby="keydec-h">
        <h2 id="keydec-h">{t('keyDecisions')}</h2>
        <div className="table-wrap" role="region" aria-labelledby="keydec-h" tabIndex={0}>
          <table className="grid teams-table" style={{ minWidth: `${14 + teams.length * 12}rem` }}>
            <ColumnsHead
              first={t('decision')}
              columns={teams.map(({ team }) => ({ key: team, label: team }))}
            />
            <tbody>
              {reached.map((dp) => (
                <tr key={dp.id}>
                  <th scope="row">{promptOf(dp.id)}</th>
                  {teams.map(({ team, s }) => {
                    const d = s.report.decisions.find((x) => x.decision === dp.id)!;
                    const mine = parallel || s.ratings.capabilities.some((c) => c.evidence.includes(dp.id));
                    return (
                      <td key={team}>
                        {mine ? (
                          <>
                            <div>{choiceText(d)}</div>
                            {d.timeliness ? (
                              <div className={`muted small t-${d.timeliness}`}>
                                {t(`timeliness_${d.timeliness.replace('-', '_')}` as 'timeliness_late')}
                                {d.at !== undefined ? ` · ${clockLabel(sc, d.at, lang)}` : ''} ·{' '}
                                {Math.round(d.credit * 100)}%
                              </div>
                            ) : null}
                            {d.rationale ? (
                              <blockquote className="rationale">{d.rationale}</blockquote>
                            ) : null}
                            {corrections
                              .filter((c) => c.team === team && c.decision === dp.id)
                              .map((c) => (
                                <div key={c.decision} className="corrected-tag small" data-testid="corrected">
                                  {t('correctedMark')}: {c.note}
                                </div>
                              ))}
                          </>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="two-col">
        <section className="panel" aria-labelledby="impr-h">
          <h2 id="impr-h">{t('improvements')}</h2>
          {teams.map(({ team, s }) => {
            const mine = s.report.improvements.filter(
              (id) => parallel || s.ratings.capabilities.some((c) => c.evidence.includes(id)),
            );
            return (
              <div key={team}>
                <h3>{team}</h3>
                {mine.length ? (
                  <ol>
                    {mine.map((id) => (
                      <li key={id}>{promptOf(id, parallel ? teamNames.indexOf(team) : 0)}</li>
                    ))}
                  </ol>
                ) : (
                  <p className="muted">{t('noImprovements')}</p>
                )}
                <p className="small">
                  {t('strengths')}:{' '}
                  {s.ratings.capabilities
                    .filter((c) => c.final === 'P' || c.final === 'S')
                    .map((c) =>
                      localize(
                        sc.capabilities.find((x) => x.id === c.capability)?.name ?? c.capability,
                        lang,
                      ),
                    )
                    .join(', ') || '—'}
                </p>
              </div>
            );
          })}
        </section>

        <section className="panel" aria-labelledby="dl-h">
          <h2 id="dl-h">{t('downloads')}</h2>
          <ul className="downloads">
            {lanes.map((_, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    void transcript(i).then((tr) => download(fileName(i), text(tr), 'application/json'))
                  }
                >
                  {t('downloadTranscript', { who: who(i) })}
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    void Promise.all([import('../report/reportHtml.ts'), transcript(i)]).then(
                      ([{ reportHtml }, tr]) =>
                        download(
                          fileName(i).replace(/\.json$/, '.html'),
                          reportHtml(sc, tr, lang),
                          'text/html',
                        ),
                    )
                  }
                >
                  {t('downloadReport', { who: who(i) })}
                </button>
              </li>
            ))}
          </ul>
          <p className="muted small">{t('reportNote')}</p>
          <button type="button" className="primary" onClick={() => void files().then(onReview)}>
            {t('openInReview')}
          </button>
          {/* A closed drill refuses every override: its form goes with it. */}
          {isClosed(backend) ? null : (
            <>
              <h3>{t('adjudicate')}</h3>
              <TeamOverrideForm idPrefix="debrief-override" backend={backend} />
            </>
          )}
        </section>
      </div>
      {teams.map(({ team, s }) =>
        s.ratings.capabilities.some((c) => c.override) ? (
          <p key={team} className="small muted">
            {team}:{' '}
            {s.ratings.capabilities
              .filter((c) => c.override)
              .map(
                (c) =>
                  `${localize(sc.capabilities.find((x) => x.id === c.capability)?.name ?? c.capability, lang)} → ${c.final} (${c.override!.note})`,
              )
              .join('; ')}
          </p>
        ) : null,
      )}
    </div>
  );
}
