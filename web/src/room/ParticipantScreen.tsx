import { useRef } from 'react';
import type { ClosedDecisionView, DrillView, Scenario, TableView } from '@drill/engine';
import type { TeamScore } from '@drill/server/protocol';
import { useT } from '../i18n.ts';
import { answerRolesOf, DiscussionCard } from '../console/DiscussionCard.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { MemberDecision, type MemberChoice, type SubmitResult } from './MemberDecision.tsx';
import type { SocketState } from './roomSocket.ts';

export interface ParticipantInfo {
  title: string;
  name: string;
  team: string;
  /** The member's seats, as names in the page's language (empty: every seat of the team). */
  seats: string[];
  /** The room's scenario when this browser has it (seat names, clock times on a discussion question). */
  scenario?: Scenario | undefined;
  clockLabel(minute: number): string;
  /** A decision's prompt by id, for the decisions already recorded (their prompt left the open list). */
  promptOf?(decision: string): string | undefined;
  optionLabel?(decision: string, option: string): string | undefined;
}

interface Props {
  info: ParticipantInfo;
  view: TableView | undefined;
  /**
   * The member's team score while the trainer shows scores (the room sends it apart from the views):
   * its own score in a role-split drill, the drill's overall in parallel mode; null before any rating.
   */
  score?: TeamScore | undefined;
  socket: SocketState;
  /** A refusal that answered no command (a revoked seat, a closed room). */
  trouble?: string | undefined;
  onSubmit(decision: string, choice: MemberChoice): Promise<SubmitResult>;
  /** An answer to an open discussion question, for one of the member's seats (`each: role`) or the table. */
  onAnswer(decision: string, role: string | undefined, text: string): Promise<SubmitResult>;
  onTyping(decision: string): void;
  onLeave(): void;
}

/**
 * A participant's own device: their team's feed and the decisions open for their seats, the clock and
 * the phase, the scores only when the trainer shows them. Laid out in one column on a phone, two on a
 * laptop.
 */
export function ParticipantScreen({
  info,
  view,
  score,
  socket,
  trouble,
  onSubmit,
  onAnswer,
  onTyping,
  onLeave,
}: Props) {
  const { t } = useT();
  const lane: DrillView | undefined = view?.lanes[0]?.view;
  // Prompts seen while a decision was open, so a recorded one is still named after it closes.
  const prompts = useRef(new Map<string, string>());
  for (const d of lane?.open ?? []) prompts.current.set(d.decision, d.prompt);
  const promptOf = (id: string): string => info.promptOf?.(id) ?? prompts.current.get(id) ?? id;

  return (
    <div className="room-page participant">
      <header className="room-top">
        <div className="room-who">
          <h1>{info.title}</h1>
          <p>
            {t('youAre', { name: info.name, team: info.team })}
            {' · '}
            {info.seats.length ? t('seatsHeld', { roles: info.seats.join('、') }) : t('allSeats')}
          </p>
        </div>
        {lane ? (
          <div className="room-clock" aria-label={t('clock')}>
            <span className="clock" data-testid="room-clock">
              {info.clockLabel(lane.clock)}
            </span>
            <span className={`phase phase-${lane.phase}`} data-testid="room-phase">
              {t(`phase_${lane.phase}`)}
            </span>
          </div>
        ) : null}
      </header>
      <ConnectionBanner state={socket} />
      {trouble ? (
        <p role="alert" className="refusal">
          {trouble}
        </p>
      ) : null}
      {!lane ? (
        <p className="muted">{t('conn_connecting')}</p>
      ) : (
        <main id="main" className="room-main" tabIndex={-1}>
          <section className="room-decisions" aria-labelledby="yd-h">
            <h2 id="yd-h">{t('yourDecisions')}</h2>
            {lane.phase === 'briefing' ? <p className="muted">{t('waitingStart')}</p> : null}
            {lane.phase === 'debrief' || lane.phase === 'ended' ? (
              <p className="muted" data-testid="drill-over">
                {t('drillOver')}
              </p>
            ) : null}
            {lane.open.length === 0 && (lane.phase === 'running' || lane.phase === 'paused') ? (
              <p className="muted">{t('noneOpenForYou')}</p>
            ) : null}
            {lane.open.map((d) =>
              d.kind === 'discuss' ? (
                // An open question: typed answers, one box per seat of the member's that is asked.
                <DiscussionCard
                  key={d.decision}
                  scenario={info.scenario}
                  open={d}
                  roles={answerRolesOf(d, info.team)}
                  team={info.team}
                  heading="h3"
                  onAnswer={(role, text) => onAnswer(d.decision, role, text)}
                  onTyping={() => onTyping(d.decision)}
                />
              ) : (
                <MemberDecision
                  key={d.decision}
                  decision={d}
                  clockLabel={info.clockLabel}
                  onSubmit={(c) => onSubmit(d.decision, c)}
                  onTyping={() => onTyping(d.decision)}
                />
              ),
            )}
            {lane.closed.length ? (
              <>
                <h2 id="rd-h">{t('myRecorded')}</h2>
                <ul className="recorded" aria-labelledby="rd-h">
                  {lane.closed.map((c) => (
                    <Recorded key={c.decision} c={c} prompt={promptOf(c.decision)} info={info} />
                  ))}
                </ul>
              </>
            ) : null}
            {score ? (
              <section aria-labelledby="sc-h" className="room-score">
                <h2 id="sc-h">{t('score')}</h2>
                <p className="big-number" data-testid="room-score">
                  {score.score === null ? '—' : score.score.toFixed(1)}
                </p>
              </section>
            ) : null}
          </section>
          <section className="room-feed" aria-labelledby="tf-h">
            <h2 id="tf-h">{t('teamFeed')}</h2>
            {lane.feed.length === 0 ? <p className="muted">{t('noInjects')}</p> : null}
            <ol className="feed">
              {[...lane.feed].reverse().map((f) => (
                <li key={`${f.inject}-${f.at}`} className="inject">
                  <div className="inject-meta">
                    <time>{info.clockLabel(f.at)}</time>
                  </div>
                  {f.title ? <h3 className="inject-title">{f.title}</h3> : null}
                  <p className="prewrap inject-text">{f.text}</p>
                </li>
              ))}
            </ol>
          </section>
        </main>
      )}
      <footer className="room-foot">
        <button type="button" className="ghost" onClick={onLeave}>
          {t('leaveSeat')}
        </button>
      </footer>
    </div>
  );
}

function Recorded({ c, prompt, info }: { c: ClosedDecisionView; prompt: string; info: ParticipantInfo }) {
  const { t } = useT();
  const label = (o: string): string => info.optionLabel?.(c.decision, o) ?? o;
  // A discussion records answers, not options: show the member's own (the view holds only theirs).
  const chosen = c.answers?.length
    ? c.answers.map((a) => a.text)
    : c.allocation
      ? Object.entries(c.allocation)
          .filter(([, n]) => n > 0)
          .map(([o, n]) => `${label(o)} ${n}`)
      : c.options.map(label);
  return (
    <li data-recorded={c.decision}>
      <span className="recorded-prompt">{prompt}</span>
      <span className="recorded-choice">{chosen.length ? chosen.join('、') : t('missed')}</span>
      <span className="muted small">
        {info.clockLabel(c.at)} · {t(`timeliness_${c.timeliness.replace('-', '_')}` as 'timeliness_late')}
        {/* `by` is the team's participant id ("team-1"): say who, as people know them. */}
        {c.by ? ` · ${recordedBy(c, info.team)}` : ''}
      </span>
    </li>
  );
}

/** Who recorded a decision at the member's seats: the members who answered a discussion, else the team. */
function recordedBy(c: ClosedDecisionView, team: string): string {
  const members = [...new Set((c.answers ?? []).flatMap((a) => (a.member ? [a.member] : [])))];
  return members.length ? members.join('、') : team;
}
