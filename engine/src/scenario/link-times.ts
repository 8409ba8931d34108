import { parseDuration, parseScenarioTime, withUnitGuessed } from '../time.ts';
import type { LinkContext, Located, Path } from './link-context.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import type { DecisionTime } from './model.ts';

const MAX_MIN = SCENARIO_LIMITS.clockMinutes;

/** Reads the scenario's times and durations against its clock, reporting problems at their place. */
export interface Times {
  /** The clock, in minutes from T0. */
  start: number;
  end: number;
  /** A scenario time (`T-6h`); undefined when absent or wrong. */
  time(loc: Located<unknown>, sub: Path, text: string | undefined): number | undefined;
  /** A duration (`90m`, or minutes); `dflt` when absent or wrong. */
  dur(loc: Located<unknown>, sub: Path, v: string | number | undefined, dflt: number): number;
  /** A deadline: a scenario time, or `+2h` after the decision opens. */
  decisionTime(loc: Located<unknown>, sub: Path, text: string | undefined): DecisionTime | undefined;
  /** An error when a time falls outside the clock. */
  inClock(loc: Located<unknown>, sub: Path, t: number | undefined): void;
}

/** Step 3: the clock, and the readers of every other time, which must fall within it. */
export function linkTimes(c: LinkContext): Times {
  const tooFar = (loc: Located<unknown>, sub: Path, text: string, code: string): void =>
    c.err(
      loc,
      sub,
      code,
      `\`${text}\` is more than 366 days away`,
      'a scenario clock spans at most 366 days',
    );

  /** A time whose number has no unit is refused: `T-72` could mean hours or minutes. */
  const noUnit = (loc: Located<unknown>, sub: Path, text: string): boolean => {
    const meant = withUnitGuessed(text);
    if (meant === undefined) return false;
    c.err(
      loc,
      sub,
      'time-without-unit',
      `\`${text.trim()}\` has no unit: did you mean ${meant}?`,
      'write the unit after each number: m for minutes, h for hours, d for days (T-72h, T-30m, T-1d6h)',
    );
    return true;
  };

  const time: Times['time'] = (loc, sub, text) => {
    if (text === undefined) return undefined;
    if (noUnit(loc, sub, text)) return undefined;
    const t = parseScenarioTime(text);
    if (t === undefined)
      c.err(
        loc,
        sub,
        'bad-time',
        `\`${text}\` is not a scenario time`,
        'write times as T-48h, T+2h30m or T0',
      );
    else if (Math.abs(t) > MAX_MIN) {
      tooFar(loc, sub, text, 'bad-time');
      return undefined;
    }
    return t;
  };

  const dur: Times['dur'] = (loc, sub, v, dflt) => {
    if (v === undefined) return dflt;
    if (typeof v === 'number') return v;
    const d = parseDuration(v);
    if (d === undefined)
      c.err(loc, sub, 'bad-duration', `\`${v}\` is not a duration`, 'write durations as 30m, 2h, 1d6h');
    else if (d > MAX_MIN) {
      tooFar(loc, sub, v, 'bad-duration');
      return dflt;
    }
    return d ?? dflt;
  };

  const h = c.header;
  const start = time(c.root, ['clock', 'start'], h.clock.start) ?? 0;
  const end = time(c.root, ['clock', 'end'], h.clock.end) ?? 0;
  if (end <= start) c.err(c.root, ['clock', 'end'], 'bad-clock', 'the clock must end after it starts');
  else if (end - start > MAX_MIN)
    c.err(
      c.root,
      ['clock', 'end'],
      'bad-clock',
      `the clock spans ${Math.ceil((end - start) / 1440)} days; the limit is 366`,
      'a drill covers hours or days: move `start` or `end` closer to T0',
    );

  const inClock: Times['inClock'] = (loc, sub, t) => {
    if (t !== undefined && (t < start || t > end))
      c.err(
        loc,
        sub,
        'time-out-of-clock',
        `this time is outside the scenario clock (${h.clock.start} … ${h.clock.end})`,
      );
  };

  const notATime = (loc: Located<unknown>, sub: Path, text: string): void =>
    c.err(
      loc,
      sub,
      'bad-time',
      `\`${text}\` is not a time`,
      'write T-40h for a fixed time or +2h for two hours after it opens',
    );

  const decisionTime: Times['decisionTime'] = (loc, sub, text) => {
    if (text === undefined) return undefined;
    if (noUnit(loc, sub, text)) return /^\s*\+/.test(text) ? { rel: 0 } : undefined;
    if (/^\s*\+/.test(text)) {
      let d = parseDuration(text.trim().slice(1));
      if (d !== undefined && d > MAX_MIN) {
        tooFar(loc, sub, text, 'bad-time');
        d = 0;
      } else if (d === undefined) notATime(loc, sub, text);
      return { rel: d ?? 0 };
    }
    const t = parseScenarioTime(text);
    if (t !== undefined && Math.abs(t) > MAX_MIN) {
      tooFar(loc, sub, text, 'bad-time');
      return undefined;
    }
    if (t === undefined) {
      notATime(loc, sub, text);
      return undefined;
    }
    inClock(loc, sub, t);
    return { abs: t };
  };

  return { start, end, time, dur, decisionTime, inClock };
}
