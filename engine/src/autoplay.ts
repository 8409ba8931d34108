import type { Input } from './inputs.ts';
import { policyChoice, policyRandom, type Choice, type Policy } from './policies.ts';
import type { Scenario } from './scenario/model.ts';
import { soloParticipant, type DrillState, type Participant } from './state.ts';
import type { Rejection } from './step.ts';
import { Session } from './transcript.ts';
import type { Lang } from './text.ts';

/** Anything that applies inputs to a drill: a `Session`, or a front end's wrapper around one. */
export interface Driver {
  readonly state: DrillState;
  apply(input: Input): { ok: true } | { ok: false; rejection?: Rejection; reason?: string };
}

export interface PlayOutOptions {
  /** A choice to make now, or undefined to let the clock run. */
  choose: (state: DrillState) => Choice | undefined;
  /** A scenario minute to advance to instead of the next event (an answers file's `at`). */
  waitUntil?: (state: DrillState) => number | undefined;
  /** Called when a choice is refused; the default lets the clock run on. */
  refused?: (choice: Choice, reason: string) => void;
  /** Safety bound on inputs. */
  maxInputs?: number;
  /** The participant whose view "next event" follows (their roles' injects and decisions). */
  viewer?: string;
}

/**
 * The one autoplay loop every front end uses (headless runs, resumes, coverage, colleagues' tests):
 * start or resume the drill, make each choice the chooser offers, otherwise move to the next visible
 * event, and end the drill if it is still running after `maxInputs`.
 */
export function playOut(driver: Driver, o: PlayOutOptions): void {
  if (driver.state.phase === 'briefing') driver.apply({ type: 'start' });
  if (driver.state.phase === 'paused') driver.apply({ type: 'resume' });
  const max = o.maxInputs ?? 20_000;
  for (let i = 0; i < max && driver.state.phase !== 'debrief' && driver.state.phase !== 'ended'; i++) {
    // The drill waits at a module's start: an automatic player goes straight on.
    if (driver.state.phase === 'paused') {
      if (!driver.apply({ type: 'resume' }).ok) break;
      continue;
    }
    const c = o.choose(driver.state);
    if (c) {
      const r = driver.apply(c);
      if (r.ok) continue;
      o.refused?.(c, r.rejection?.reason ?? r.reason ?? 'refused');
    }
    const wait = o.waitUntil?.(driver.state);
    driver.apply(
      wait !== undefined && wait > driver.state.clock
        ? { type: 'advance', minutes: wait - driver.state.clock }
        : { type: 'advance', to: 'next', ...(o.viewer !== undefined ? { for: o.viewer } : {}) },
    );
  }
  if (driver.state.phase === 'running') driver.apply({ type: 'end' });
}

export interface AutoplayOptions {
  seed: string | number;
  policy: Policy;
  participants?: Participant[];
  startedAt?: string;
  meta?: Record<string, string>;
  /** The language whose labels the naive policies read. */
  lang?: Lang;
  /** Safety bound on inputs. */
  maxInputs?: number;
}

/** Plays a whole drill with an automatic policy; returns the finished session (transcript and state). */
export function autoplay(scenario: Scenario, o: AutoplayOptions): Session {
  const s = Session.start(scenario, {
    seed: o.seed,
    participants: o.participants ?? [soloParticipant('Auto player')],
    startedAt: o.startedAt ?? '1970-01-01T00:00:00.000Z',
    meta: { policy: o.policy, ...(o.lang ? { lang: o.lang } : {}), ...(o.meta ?? {}) },
  });
  if ('error' in s) throw new Error(s.error);
  const rnd = policyRandom(o.policy, String(o.seed));
  const viewer = s.state.participants.find((p) => p.colleague === undefined)?.id;
  playOut(s, {
    choose: (state) => policyChoice(scenario, state, o.policy, rnd, { lang: o.lang ?? 'en' }),
    ...(viewer !== undefined ? { viewer } : {}),
    ...(o.maxInputs !== undefined ? { maxInputs: o.maxInputs } : {}),
  });
  return s;
}
