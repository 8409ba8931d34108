import { own } from './own.ts';
import type { DecisionPoint, Dynamic, Inject, Scenario, Variation } from './scenario/model.ts';
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
 * Within one minute, timers run in a fixed order (the `seq` of the queue's (due, seq) order): variations
 * are drawn, decisions reach their deadline or close, dynamics tick, injects are delivered, decisions
 * open — each group in the scenario's declaration order. A decision's `due` and `close` never fall on
 * the same minute, so they share a place.
 */
const GROUP: Record<TimerKind, number> = { variation: 0, due: 1, close: 1, tick: 2, inject: 3, open: 4 };
const GROUP_SIZE = 1_000_000;

/** Per scenario: each timer's place in its minute, and the scenario's items by id. */
interface TimerTable {
  seq: Map<string, number>;
  variations: Map<string, Variation>;
  dynamics: Map<string, Dynamic>;
  injects: Map<string, Inject>;
  decisions: Map<string, DecisionPoint>;
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
  const byId = <T extends { id: string }>(xs: T[]): Map<string, T> => new Map(xs.map((x) => [x.id, x]));
  t = {
    seq,
    variations: byId(sc.variations),
    dynamics: byId(sc.dynamics),
    injects: byId(sc.injects),
    decisions: byId(sc.decisions),
  };
  tables.set(sc, t);
  return t;
}

/** Orders timers by (due, seq): the order in which the engine runs them. */
export function compareTimers(a: Timer, b: Timer): number {
  return a.due - b.due || a.seq - b.seq;
}

/** What owns a timer: its timers are recomputed together whenever its record changes. */
export type TimerOwner = 'variation' | 'decision' | 'dynamic' | 'inject';

const OWNER: Record<TimerKind, TimerOwner> = {
  variation: 'variation',
  due: 'decision',
  close: 'decision',
  open: 'decision',
  tick: 'dynamic',
  inject: 'inject',
};

/**
 * The timers one record implies, read from the record alone (the definition the queue is kept equal
 * to). Nothing before the clock or after the scenario's end is ever run, so neither is queued; a
 * decision's `due` at the current minute has already been announced (or falls on its opening).
 */
export function timersOf(sc: Scenario, s: DrillState, owner: TimerOwner, id: string): Timer[] {
  const tb = table(sc);
  const out: Timer[] = [];
  const add = (kind: TimerKind, due: number | undefined, strict = false): void => {
    if (due === undefined || due > sc.clock.end) return;
    if (strict ? due <= s.clock : due < s.clock) return;
    out.push({ due, seq: tb.seq.get(`${kind}:${id}`)!, kind, id });
  };
  switch (owner) {
    case 'variation': {
      const v = tb.variations.get(id);
      if (v && own(s.variations, id) === undefined) add('variation', v.at);
      return out;
    }
    case 'dynamic': {
      const d = tb.dynamics.get(id);
      const n = own(s.dynamics, id);
      if (d && n !== undefined && n <= d.until) add('tick', n);
      return out;
    }
    case 'inject': {
      const r = own(s.injects, id);
      if (r?.status === 'scheduled') add('inject', r.due);
      else if (r?.status === 'pending') add('inject', tb.injects.get(id)?.at);
      return out;
    }
    case 'decision': {
      const r = own(s.decisions, id);
      if (r?.status === 'pending') add('open', tb.decisions.get(id)?.opens);
      else if (r?.status === 'scheduled') add('open', r.opensAt);
      else if (r?.status === 'open') {
        if (r.due !== undefined && r.due < r.closesAt!) add('due', r.due, true);
        add('close', r.closesAt);
      }
      return out;
    }
    default:
      return assertNever(owner);
  }
}

/** The whole queue computed from the records: what `state.timers` always equals (a property test holds it). */
export function scanTimers(sc: Scenario, s: DrillState): Timer[] {
  const all: Timer[] = [];
  for (const v of sc.variations) all.push(...timersOf(sc, s, 'variation', v.id));
  for (const d of sc.decisions) all.push(...timersOf(sc, s, 'decision', d.id));
  for (const d of sc.dynamics) all.push(...timersOf(sc, s, 'dynamic', d.id));
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
  for (let i = q.length - 1; i >= 0; i--) if (q[i]!.id === id && OWNER[q[i]!.kind] === owner) q.splice(i, 1);
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

/** Which record owns a timer. */
export function ownerOf(t: Timer): TimerOwner {
  return OWNER[t.kind];
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}
