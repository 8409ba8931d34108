import { useState } from 'react';
import { localize } from '@drill/engine';
import type { ConsoleDrill, Outcome } from '../drill/consoleDrill.ts';
import { useT } from '../i18n.ts';
import { clockParts, warningOf, warningTone } from '../format.ts';
import { feedItems } from './feedItems.ts';
import { Feed } from './Feed.tsx';
import { DecisionCard } from './DecisionCard.tsx';
import { DiscussionCard } from './DiscussionCard.tsx';
import { ModuleBanner } from './ModuleBanner.tsx';
import { EvaluatorPanel } from './EvaluatorPanel.tsx';
import { Scoreboard } from './Scoreboard.tsx';
import { AdhocForm } from './AdhocForm.tsx';
import { OverrideForm } from '../ui/OverrideForm.tsx';
import type { UiPrefs } from './Console.tsx';

interface Props {
  drill: ConsoleDrill;
  act(fn: (d: ConsoleDrill) => Outcome): Outcome;
  prefs: UiPrefs;
  setPrefs(p: Partial<UiPrefs>): void;
  version: number;
}

/** The running drill: clock bar, inject feed, open decisions per team, scoreboard, ad-hoc and adjudication. */
export function RunView({ drill, act, prefs, setPrefs }: Props) {
  const { t, lang } = useT();
  const [minutes, setMinutes] = useState('60');
  const sc = drill.scenario;
  const feedSeat = drill.seat(prefs.projectorTeam) ?? drill.seat(drill.teams[0]!)!;
  const state = feedSeat.session.state;
  const clock = clockParts(sc, drill.clock);
  const w = warningOf(sc, state, lang);
  const paused = drill.phase === 'paused';

  const openProjector = (): void => {
    const url = new URL(window.location.href);
    url.search = '?view=participant';
    url.hash = '';
    window.open(url.toString(), 'drill-participant', 'popup=yes,width=1280,height=720');
  };

  return (
    <div className="run">
      <section className="clockbar panel" aria-label={t('controls')}>
        <div className="clock-block">
          <span className="label">{t('clock')}</span>
          <span className="clock" data-testid="clock">
            {clock.rel}
          </span>
          <span className="civil">{clock.civil}</span>
        </div>
        <div className="clock-block">
          <span className="label">{t('phase')}</span>
          <span className={`phase phase-${drill.phase}`} data-testid="phase">
            {t(`phase_${drill.phase}`)}
          </span>
        </div>
        {w ? (
          <div className="clock-block">
            <span className="label">{w.name}</span>
            <span className={`warning-pill ${warningTone(w.label, w.value, w.max)}`}>{w.label}</span>
          </div>
        ) : null}
        <div className="controls">
          <button
            type="button"
            className="primary"
            onClick={() => act((d) => d.advanceNext())}
            disabled={paused}
          >
            {t('nextEvent')}
          </button>
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              const n = Math.round(Number(minutes));
              if (n >= 1) act((d) => d.applyAll({ type: 'advance', minutes: n }));
            }}
          >
            <label htmlFor="advance-min">{t('advanceBy')}</label>
            <input
              id="advance-min"
              type="number"
              min={1}
              max={100000}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
            />
            <button type="submit" className="secondary" disabled={paused}>
              {t('advance')}
            </button>
          </form>
          <button
            type="button"
            className="secondary"
            onClick={() => act((d) => d.applyAll({ type: paused ? 'resume' : 'pause' }))}
          >
            {paused ? t('resume') : t('pause')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => window.confirm(t('confirmEnd')) && act((d) => d.applyAll({ type: 'end' }))}
          >
            {t('endDrill')}
          </button>
        </div>
        <div className="controls secondary-controls">
          <button type="button" className="ghost" onClick={openProjector}>
            {t('openProjector')} ↗
          </button>
          {drill.setup.mode === 'parallel' ? (
            <label className="inline">
              {t('projectorFor')}
              <select
                value={prefs.projectorTeam}
                onChange={(e) => setPrefs({ projectorTeam: e.target.value })}
              >
                {drill.teams.map((tm) => (
                  <option key={tm} value={tm}>
                    {tm}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="check">
            <input
              type="checkbox"
              checked={prefs.projectorScores}
              onChange={(e) => setPrefs({ projectorScores: e.target.checked })}
            />
            {t('showScoresOnProjector')}
          </label>
          <span className="muted saved" data-testid="saved">
            {t('savedInputs', { n: drill.inputs })}
          </span>
        </div>
      </section>

      <ModuleBanner scenario={sc} state={state} onGoOn={() => act((d) => d.applyAll({ type: 'resume' }))} />
      <div className="run-grid">
        <section className="panel feed-panel" aria-labelledby="feed-h">
          <h2 id="feed-h">
            {t('feed')}
            {drill.setup.mode === 'parallel' ? (
              <span className="muted"> — {feedSeat.session.header.meta?.team}</span>
            ) : null}
          </h2>
          <Feed items={feedItems(sc, state, lang)} />
        </section>

        <section className="panel decisions-panel" aria-labelledby="dec-h">
          <h2 id="dec-h">{t('openDecisions')}</h2>
          {drill.teams.map((team) => {
            const seat = drill.seat(team)!;
            const open = drill.openFor(team);
            return (
              <section key={team} className="team-decisions" aria-label={team} data-team={team}>
                <h3>{team}</h3>
                {open.length === 0 ? <p className="muted">{t('noOpenDecisions')}</p> : null}
                {open.map((id) =>
                  sc.decisions.find((x) => x.id === id)!.kind === 'discuss' ? (
                    <DiscussionCard
                      key={id}
                      scenario={sc}
                      state={seat.session.state}
                      decision={sc.decisions.find((x) => x.id === id)!}
                      team={team}
                      participant={seat.participant}
                      onAnswer={(role, text) =>
                        act((d) =>
                          d.applyTeam(team, {
                            type: 'answer',
                            participant: seat.participant,
                            decision: id,
                            ...(role !== undefined ? { role } : {}),
                            text,
                          }),
                        )
                      }
                    />
                  ) : (
                    <DecisionCard
                      key={id}
                      scenario={sc}
                      state={seat.session.state}
                      decision={sc.decisions.find((x) => x.id === id)!}
                      team={team}
                      onChoose={(choice, rationale) => act((d) => d.choose(team, id, choice, rationale))}
                    />
                  ),
                )}
              </section>
            );
          })}
        </section>

        <aside className="side">
          <section className="panel" aria-labelledby="score-h">
            <div className="panel-head">
              <h2 id="score-h">{t('scoreboard')}</h2>
              <button
                type="button"
                className="ghost"
                aria-expanded={!prefs.scoresHidden}
                aria-controls="scoreboard"
                onClick={() => setPrefs({ scoresHidden: !prefs.scoresHidden })}
              >
                {prefs.scoresHidden ? t('showScoreboard') : t('hideScoreboard')}
              </button>
            </div>
            <div id="scoreboard">
              {prefs.scoresHidden ? (
                <p className="muted">{t('scoreboardHidden')}</p>
              ) : (
                <Scoreboard drill={drill} />
              )}
            </div>
          </section>
          <section className="panel" aria-labelledby="adhoc-h">
            <h2 id="adhoc-h">{t('adhocTitle')}</h2>
            <AdhocForm
              scenario={sc}
              onRelease={(a) =>
                act((d) =>
                  d.applyAll({
                    type: 'inject',
                    id: d.nextAdhocId(),
                    roles: a.roles,
                    text: a.text,
                    ...(a.title ? { title: a.title } : {}),
                    urgency: a.urgency,
                    source: t('exerciseControl'),
                  }),
                )
              }
            />
          </section>
          <section className="panel" aria-labelledby="adj-h">
            <h2 id="adj-h">{t('adjudicate')}</h2>
            <OverrideForm
              idPrefix="console-override"
              scenario={sc}
              subjects={drill.teams.map((tm) => ({ key: tm, label: tm, subject: { kind: 'team', id: tm } }))}
              onOverride={(capability, s, rating, note) =>
                act((d) =>
                  d.applyTeam(s.key, { type: 'override', capability, subject: s.subject, rating, note }),
                )
              }
            />
          </section>
          {sc.objectives.some((o) => o.tasks.length > 0) ? (
            <section className="panel" aria-labelledby="eval-h">
              <h2 id="eval-h">{t('evaluatorTitle')}</h2>
              <EvaluatorPanel
                scenario={sc}
                state={state}
                onObserve={(task, rating, note) =>
                  act((d) =>
                    d.applyAll({ type: 'observe', evaluator: t('evaluatorTitle'), task, rating, note }),
                  )
                }
              />
            </section>
          ) : null}
          <p className="muted small">{localize(sc.title, lang)}</p>
        </aside>
      </div>
    </div>
  );
}
