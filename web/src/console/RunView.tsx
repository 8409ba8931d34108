import { memo, useState } from 'react';
import {
  criticalTasks,
  localize,
  teamParticipantId,
  type DefaultClosing,
  type TableCommand,
  type TableLane,
} from '@drill/engine';
import { useT } from '../i18n.ts';
import { clockParts, warningOf, warningTone } from '../format.ts';
import { feedItemsOf } from './feedItems.ts';
import { Feed } from './Feed.tsx';
import { DecisionCard } from './DecisionCard.tsx';
import { CorrectionForm } from './CorrectionForm.tsx';
import { answerRolesOf, DiscussionCard } from './DiscussionCard.tsx';
import { ModuleBanner } from './ModuleBanner.tsx';
import { EvaluatorPanel } from './EvaluatorPanel.tsx';
import { Scoreboard } from './Scoreboard.tsx';
import { TeamOverrideForm } from './TeamOverrideForm.tsx';
import { AdhocForm } from './AdhocForm.tsx';
import { Feedback } from './Feedback.tsx';
import { TeamSelect } from '../ui/TeamSelect.tsx';
import type { ConsoleBackend } from './backend.ts';
import { useCommand } from './useBackend.ts';
import type { UiPrefs } from './Console.tsx';

interface Props {
  backend: ConsoleBackend;
  prefs: UiPrefs;
  setPrefs(p: Partial<UiPrefs>): void;
  version: number;
  /** Opens the projector another way (a room's projector follows the room through the server). */
  onOpenProjector?(): void;
}

/**
 * The open decisions a team must answer: its own lane (parallel) or, in the shared drill, those the
 * engine's view names it for — the decider of a choice, or one of the answerers of a per-role question.
 */
export function openFor(lanes: TableLane[], team: string) {
  const lane = lanes.find((l) => l.team === team) ?? (lanes[0]?.team === undefined ? lanes[0] : undefined);
  if (!lane) return [];
  if (lane.team !== undefined) return lane.view.open;
  return lane.view.open.filter((d) =>
    d.answerers ? d.answerers.some((a) => a.team === team) : d.decider?.team === team && !d.decider.colleague,
  );
}

/** The facilitator's note on a decision, from the lane the team plays in. */
function noteOn(lanes: TableLane[], team: string, decision: string): string | undefined {
  const lane = lanes.find((l) => l.team === team) ?? lanes[0];
  return lane?.view.notes?.find((n) => n.on === 'decision' && n.id === decision)?.text;
}

/** The choices a team recorded (not the defaults taken for it): what a trainer may correct. */
function closedBy(backend: ConsoleBackend, lanes: TableLane[], team: string) {
  const lane = lanes.find((l) => l.team === team);
  if (lane) return lane.view.closed.filter((c) => c.by !== undefined);
  const id = teamParticipantId(backend.setup.teams.findIndex((x) => x.name === team));
  return (lanes[0]?.view.closed ?? []).filter((c) => c.by === id);
}

/** The running drill: clock bar, inject feed, open decisions per team, scoreboard, ad-hoc and adjudication. */
/**
 * The run view re-renders when its props change: `version` moves with every change of the backend the
 * view shows (the room's trainer console leaves out the presence frames, which it shows elsewhere), so
 * a console with ~4,500 elements is not rebuilt for each participant's keystroke.
 */
export const RunView = memo(function RunView({ backend, prefs, setPrefs, onOpenProjector }: Props) {
  const { t, lang } = useT();
  const [minutes, setMinutes] = useState('60');
  const [feedTeam, setFeedTeam] = useState('');
  const sc = backend.scenario;
  const teams = backend.setup.teams.map((x) => x.name);
  const parallel = backend.setup.mode === 'parallel';
  const view = backend.view({ kind: 'facilitator' }, lang);
  const feedLane = view.lanes.find((l) => l.team === feedTeam) ?? view.lanes[0]!;
  const clock = clockParts(sc, view.clock, lang);
  const w = warningOf(sc, feedLane.view.indicators, lang);
  const paused = view.phase === 'paused';
  const clockCmd = useCommand(backend, lang);
  const adhocCmd = useCommand(backend, lang);
  const readOnly = backend.access.kind !== 'writer';
  const [pending, setPending] = useState<{ cmd: TableCommand; closing: DefaultClosing[] }>();
  /** Moves the clock, but first says which decisions would close with their defaults. */
  const move = async (cmd: TableCommand): Promise<void> => {
    clockCmd.setFeedback(undefined);
    const closing = await backend.defaultsClosing(cmd);
    if (closing.length) setPending({ cmd, closing });
    else await clockCmd.send(cmd, t('clockMoved'));
  };
  const prompt = (id: string): string => localize(sc.decisions.find((x) => x.id === id)?.prompt ?? id, lang);

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
          <span className={`phase phase-${view.phase}`} data-testid="phase">
            {t(`phase_${view.phase}`)}
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
            onClick={() => void move({ type: 'next' })}
            disabled={paused || readOnly}
          >
            {t('nextEvent')}
          </button>
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              const n = Math.round(Number(minutes));
              if (n >= 1) void move({ type: 'advance', minutes: n });
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
            <button type="submit" className="secondary" disabled={paused || readOnly}>
              {t('advance')}
            </button>
          </form>
          <button
            type="button"
            className="secondary"
            disabled={readOnly}
            onClick={() =>
              void clockCmd.send(
                { type: paused ? 'resume' : 'pause' },
                paused ? t('resumedDone') : t('pausedDone'),
              )
            }
          >
            {paused ? t('resume') : t('pause')}
          </button>
          <button
            type="button"
            className="danger"
            disabled={readOnly}
            onClick={() => {
              if (window.confirm(t('confirmEnd'))) void clockCmd.send({ type: 'end' }, t('endedDone'));
            }}
          >
            {t('endDrill')}
          </button>
        </div>
        {pending ? (
          <div className="confirm-box warn-box" role="alert" data-testid="defaults-warning">
            <p>
              <strong>{t('defaultsWarning', { n: pending.closing.length })}</strong>
            </p>
            <ul>
              {pending.closing.map((c) => (
                <li key={`${c.team ?? ''}-${c.decision}`}>
                  {c.team !== undefined ? `${c.team}: ` : ''}
                  {prompt(c.decision)}
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="danger"
              onClick={() => {
                const cmd = pending.cmd;
                setPending(undefined);
                void clockCmd.send(cmd, t('clockMoved'));
              }}
            >
              {t('advanceAnyway')}
            </button>
            <button type="button" className="ghost" autoFocus onClick={() => setPending(undefined)}>
              {t('cancel')}
            </button>
          </div>
        ) : null}
        <Feedback feedback={clockCmd.feedback} />
        <div className="controls secondary-controls">
          <button type="button" className="ghost" onClick={onOpenProjector ?? openProjector}>
            {t('openProjector')} ↗
          </button>
          {parallel ? (
            <label className="inline">
              {t('projectorFor')}
              <TeamSelect
                teams={teams}
                value={prefs.projectorTeam}
                onChange={(team) => setPrefs({ projectorTeam: team })}
              />
            </label>
          ) : null}
          <label className="check">
            <input
              type="checkbox"
              checked={backend.projectorScores}
              onChange={(e) => backend.setProjectorScores(e.target.checked)}
            />
            {t('showScoresOnProjector')}
          </label>
          <span className="muted saved" data-testid="saved">
            {t(backend.savedOnServer ? 'savedOnServerInputs' : 'savedInputs', { n: view.seq })}
          </span>
        </div>
      </section>

      {view.lanes[0] ? (
        <ModuleBanner
          scenario={sc}
          view={view.lanes[0].view}
          onGoOn={() => void clockCmd.send({ type: 'resume' }, t('goOn'))}
        />
      ) : null}
      <div className="run-grid">
        {/* Scrolls on its own: reachable with the keyboard (tabIndex) and named by its heading. */}
        <section className="panel feed-panel" aria-labelledby="feed-h" tabIndex={0}>
          <h2 id="feed-h">{t('feed')}</h2>
          {parallel ? (
            <label className="inline">
              {t('feedFor')}
              <TeamSelect teams={teams} value={feedLane.team} onChange={setFeedTeam} />
            </label>
          ) : null}
          <Feed items={feedItemsOf(sc, feedLane.view.feed, lang, t('exerciseControl'))} level={3} />
        </section>

        <section className="panel decisions-panel" aria-labelledby="dec-h">
          <h2 id="dec-h">{t('openDecisions')}</h2>
          {teams.map((team) => (
            <TeamDecisions key={team} backend={backend} team={team} lanes={view.lanes} clock={view.clock} />
          ))}
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
                <Scoreboard scenario={sc} scores={backend.scores()} />
              )}
            </div>
          </section>
          <section className="panel" aria-labelledby="adhoc-h">
            <h2 id="adhoc-h">{t('adhocTitle')}</h2>
            <AdhocForm
              scenario={sc}
              teams={parallel ? teams : []}
              onRelease={(a) =>
                adhocCmd.send(
                  {
                    type: 'inject',
                    ...(a.team ? { team: a.team } : {}),
                    roles: a.roles,
                    text: a.text,
                    ...(a.title ? { title: a.title } : {}),
                    urgency: a.urgency,
                  },
                  t('released'),
                )
              }
            />
            <Feedback feedback={adhocCmd.feedback} />
          </section>
          <section className="panel" aria-labelledby="adj-h">
            <h2 id="adj-h">{t('adjudicate')}</h2>
            <TeamOverrideForm idPrefix="console-override" backend={backend} />
          </section>
          {criticalTasks(sc).length ? (
            <section className="panel" aria-labelledby="eval-h">
              <h2 id="eval-h">{t('evaluatorTitle')}</h2>
              <EvaluatorPanel
                scenario={sc}
                observations={view.lanes[0]?.view.observations ?? []}
                askName={backend.observeAs !== undefined}
                onObserve={async (task, rating, note, evaluator) => {
                  const command = { type: 'observe' as const, task, rating, note };
                  const r =
                    backend.observeAs && evaluator !== undefined
                      ? await backend.observeAs(command, evaluator, lang)
                      : await backend.submit(command, lang);
                  return r.ok ? { ok: true } : { ok: false, reason: r.reason };
                }}
              />
            </section>
          ) : null}
          <p className="muted small">{localize(sc.title, lang)}</p>
        </aside>
      </div>
    </div>
  );
});

/** One team's open decisions, with the result of the last one recorded shown where it was. */
function TeamDecisions({
  backend,
  team,
  lanes,
  clock,
}: {
  backend: ConsoleBackend;
  team: string;
  lanes: TableLane[];
  clock: number;
}) {
  const { t, lang } = useT();
  const cmd = useCommand(backend, lang);
  const open = openFor(lanes, team);
  const closed = closedBy(backend, lanes, team);
  const [correcting, setCorrecting] = useState<string>();
  const sc = backend.scenario;
  return (
    <section className="team-decisions" aria-label={team} data-team={team}>
      <h3>{team}</h3>
      <Feedback feedback={cmd.feedback} />
      {closed.length ? (
        <details className="recorded">
          <summary>{t('recordedDecisions', { n: closed.length })}</summary>
          <ul className="plain">
            {closed.map((c) => (
              <li key={c.decision} data-recorded={c.decision}>
                {localize(sc.decisions.find((x) => x.id === c.decision)?.prompt ?? c.decision, lang)}{' '}
                {correcting === c.decision ? (
                  <CorrectionForm
                    scenario={sc}
                    closed={c}
                    team={team}
                    onCancel={() => setCorrecting(undefined)}
                    onCorrect={async (choice, note) => {
                      const ok = await cmd.send(
                        { type: 'correct', team, decision: c.decision, ...choice, note },
                        t('corrected', { team }),
                      );
                      if (ok) setCorrecting(undefined);
                      return ok;
                    }}
                  />
                ) : (
                  <button type="button" className="ghost small" onClick={() => setCorrecting(c.decision)}>
                    {t('correct')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {open.length === 0 ? <p className="muted">{t('noOpenDecisions')}</p> : null}
      {open.map((d) =>
        d.kind === 'discuss' ? (
          <DiscussionCard
            key={d.decision}
            scenario={sc}
            open={d}
            roles={answerRolesOf(d, team)}
            note={noteOn(lanes, team, d.decision)}
            team={team}
            onAnswer={async (role, text) => {
              const r = await backend.submit(
                { type: 'answer', team, decision: d.decision, ...(role !== undefined ? { role } : {}), text },
                lang,
              );
              return r.ok ? { ok: true } : { ok: false, reason: r.reason };
            }}
          />
        ) : (
          <DecisionCard
            key={d.decision}
            scenario={backend.scenario}
            open={d}
            clock={clock}
            team={team}
            onChoose={(choice, rationale) =>
              cmd.send(
                {
                  type: 'choose',
                  team,
                  decision: d.decision,
                  ...choice,
                  ...(rationale.trim() ? { rationale } : {}),
                },
                t('recorded', { team, decision: d.prompt }),
              )
            }
          />
        ),
      )}
    </section>
  );
}
