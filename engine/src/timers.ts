import { own } from './own.ts';
import type { DecisionPoint, Inject, Scenario } from './scenario/model.ts';
import type { DrillState } from './state.ts';

/**
 * What a timer does when its minute comes: draw a variation, mark a decision due, close it with its
 * default, tick a dynamic, deliver an inject, open a decision.
 */
export type TimerKind = 'variation' | 'due' | 'close' | 'tick' | 'inject' | 'open';

/**
 * One scheduled thing: at minute `due`, do `kind` to the variation, decision, dynamic or inject `id`;
 * `seq` is its place among the things due in the same minute (see below).
 */
export interface Timer {
  due: number;
  seq: number;
  kind: TimerKind;
  id: string;
}

/**
 * Within one minute, timers run in a fixed order (the `seq` of the (due, seq) order): variations are
 * drawn, decisions reach their deadline or close, dynamics tick, injects are delivered, decisions open —
 * each group in the scenario's declaration order. A decision's `due` and `close` never fall on the same
 * minute, so they share a place.
 */
const GROUP: Record<TimerKind, number> = { variation: 0, due: 1, close: 1, tick: 2, inject: 3, open: 4 };
const GROUP_SIZE = 1_000_000;

/** Orders timers by (due, seq): the order in which the engine runs them. */
export function compareTimers(a: Timer, b: Timer): number {
  return a.due - b.due || a.seq - b.seq;
}

/**
 * Per scenario: each timer's place in its minute, the items by id, and the scenario's own timetable —
 * everything its file fixes in time (variation draws, timed injects and decisions, every dynamics tick),
 * sorted by (due, seq). The timetable lives with the scenario; the state holds only what the drill itself
 * scheduled (see `DrillState.timers`), so a state carries no copy of its scenario.
 */
interface TimerTable {
  seq: Map<string, number>;
  injects: Map<string, Inject>;
  decisions: Map<string, DecisionPoint>;
  timetable: Timer[];
}
const tables = new WeakMap<Scenario, TimerTable>();
function table(sc: Scenario): TimerTable {
  let t = tables.get(sc);
  if (t) return t;
  const seq = new Map<string, number>();
  const put = (kinds: TimerKind[], ids: { id: string }[]): void =>
    ids.forEach((x, i) => {
      for (const k of kinds) seq.set(`${k}:${x.id}`, GROUP[k] * GROUP_SIZE + i);
    });
  put(['variation'], sc.variations);
  put(['due', 'close', 'open'], sc.decisions);
  put(['tick'], sc.dynamics);
  put(['inject'], sc.injects);
  const { start, end } = sc.clock;
  const timetable: Timer[] = [];
  // Nothing before the start or after the end ever runs.
  const add = (kind: TimerKind, id: string, due: number | undefined): void => {
    if (due !== undefined && due >= start && due <= end)
      timetable.push({ due, seq: seq.get(`${kind}:${id}`)!, kind, id });
  };
  for (const v of sc.variations) add('variation', v.id, v.at);
  for (const i of sc.injects) add('inject', i.id, i.at);
  for (const d of sc.decisions) add('open', d.id, d.opens);
  for (const d of sc.dynamics)
    if (d.every > 0) for (let at = d.from; at <= Math.min(d.until, end); at += d.every) add('tick', d.id, at);
  timetable.sort(compareTimers);
  const byId = <T extends { id: string }>(xs: T[]): Map<string, T> => new Map(xs.map((x) => [x.id, x]));
  t = { seq, injects: byId(sc.injects), decisions: byId(sc.decisions), timetable };
  tables.set(sc, t);
  return t;
}

/**
 * Is a timetable entry still to run in this state? Not once it ran (the variation drawn, the inject
 * delivered or skipped, the decision opened, the dynamic's next tick moved on), nor when the drill
 * rescheduled it (an inject or decision a choice brought forward is then in the state's queue).
 */
function live(s: DrillState, t: Timer): boolean {
  switch (t.kind) {
    case 'variation':
      return own(s.variations, t.id) === undefined;
    case 'inject':
      return own(s.injects, t.id)?.status === 'pending';
    case 'open':
      return own(s.decisions, t.id)?.status === 'pending';
    case 'tick':
      return own(s.dynamics, t.id) === t.due;
    case 'due':
    case 'close':
      return false;
    default:
      return assertNever(t.kind);
  }
}

/** The first timetable index at or after minute `t`. */
function timetableFrom(tt: Timer[], t: number): number {
  let lo = 0;
  let hi = tt.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tt[mid]!.due < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The next thing to run at or after the clock: the earlier of the state's queue head and the first live
 * timetable entry. With `visibleOnly`, dynamics ticks (which nobody sees) are passed over.
 */
export function nextTimer(sc: Scenario, s: DrillState, visibleOnly = false): Timer | undefined {
  const tt = table(sc).timetable;
  let fixed: Timer | undefined;
  for (let i = timetableFrom(tt, s.clock); i < tt.length; i++) {
    const t = tt[i]!;
    if ((!visibleOnly || t.kind !== 'tick') && live(s, t)) {
      fixed = t;
      break;
    }
  }
  const queued = s.timers[0];
  if (!queued) return fixed;
  return !fixed || compareTimers(queued, fixed) < 0 ? queued : fixed;
}

/**
 * Everything due at minute `t`, in (due, seq) order: the live timetable entries and the queue's timers.
 * Entries are read again as they run (`live`), since running one may settle another.
 */
export function timersAt(sc: Scenario, s: DrillState, t: number): Timer[] {
  const tt = table(sc).timetable;
  const out: Timer[] = [];
  for (let i = timetableFrom(tt, t); i < tt.length && tt[i]!.due === t; i++) out.push(tt[i]!);
  for (const q of s.timers) {
    if (q.due > t) break;
    out.push(q);
  }
  return out.sort(compareTimers);
}

/** Is this timer still to run now (a timetable entry still live, or still in the queue)? */
export function stillDue(s: DrillState, t: Timer): boolean {
  return s.timers.includes(t) || live(s, t);
}

/** What owns a queued timer: its timers are recomputed together whenever its record changes. */
export type TimerOwner = 'decision' | 'inject';

/**
 * The timers the drill scheduled for one record, read from the record alone (the definition the queue is
 * kept equal to): an inject or decision a choice scheduled as a follow-up, an open decision's deadline
 * (`due`, unless it is now or falls on the closing) and its closing. Nothing after the scenario's end
 * ever runs, so it is not queued.
 */
export function timersOf(sc: Scenario, s: DrillState, owner: TimerOwner, id: string): Timer[] {
  const out: Timer[] = [];
  switch (owner) {
    case 'inject': {
      const r = own(s.injects, id);
      if (r?.status === 'scheduled') addTimer(out, sc, s, 'inject', id, r.due);
      return out;
    }
    case 'decision': {
      const r = own(s.decisions, id);
      if (r?.status === 'scheduled') addTimer(out, sc, s, 'open', id, r.opensAt);
      else if (r?.status === 'open') {
        if (r.due !== undefined && r.due < r.closesAt!) addTimer(out, sc, s, 'due', id, r.due, true);
        addTimer(out, sc, s, 'close', id, r.closesAt);
      }
      return out;
    }
    default:
      return assertNever(owner);
  }
}

/** Adds one timer of `timersOf` unless it is in the past (`strict`: or now) or after the scenario's end. */
function addTimer(
  out: Timer[],
  sc: Scenario,
  s: DrillState,
  kind: TimerKind,
  id: string,
  due: number | undefined,
  strict = false,
): void {
  if (due === undefined || due > sc.clock.end) return;
  if (strict ? due <= s.clock : due < s.clock) return;
  out.push({ due, seq: table(sc).seq.get(`${kind}:${id}`)!, kind, id });
}

/** The whole queue computed from the records: what `state.timers` always equals (a property test holds it). */
export function scanTimers(sc: Scenario, s: DrillState): Timer[] {
  const all: Timer[] = [];
  for (const d of sc.decisions) all.push(...timersOf(sc, s, 'decision', d.id));
  for (const i of sc.injects) all.push(...timersOf(sc, s, 'inject', i.id));
  return all.sort(compareTimers);
}

/**
 * Brings the queue (a step's working copy, kept sorted) up to date after one record changed: its old
 * timers go, the ones its record now implies go in at their place. A step touches a few records, so this
 * replaces scanning every inject, decision and dynamic on every tick.
 */
export function reschedule(sc: Scenario, s: DrillState, owner: TimerOwner, id: string): void {
  const q = s.timers;
  const kinds: TimerKind[] = owner === 'inject' ? ['inject'] : ['open', 'due', 'close'];
  for (let i = q.length - 1; i >= 0; i--) if (q[i]!.id === id && kinds.includes(q[i]!.kind)) q.splice(i, 1);
  for (const t of timersOf(sc, s, owner, id)) {
    let lo = 0;
    let hi = q.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareTimers(q[mid]!, t) <= 0) lo = mid + 1;
      else hi = mid;
    }
    q.splice(lo, 0, t);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}
