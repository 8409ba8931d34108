import { openDecisionAtSeat } from './decision-at-seat.ts';
import { deepFreeze } from './freeze.ts';
import { stateEnv } from './env.ts';
import { applyAssignment, evaluate, evaluateBool, type EvalEnv } from './expr/evaluate.ts';
import { InputSchema, type Input, type ParsedInput } from './inputs.ts';
import { acceptedIn, lifecycleStep, type Phase } from './lifecycle.ts';
import { own } from './own.ts';
import { keyedDraw, keyedShuffle, resumeRng } from './rng.ts';
import {
  checkAnswer,
  checkObservation,
  nextModule,
  noticeDelivery,
  pendingAnswerRoles,
  recordAnswer,
} from './discussion.ts';
import type {
  CompiledEffect,
  DecisionPoint,
  DecisionTime,
  Dynamic,
  Inject,
  Scenario,
  VariableDef,
} from './scenario/model.ts';
import {
  holdsRole,
  humansHolding,
  type DecisionRecord,
  type DrillState,
  type InjectRecord,
  type Timeliness,
} from './state.ts';
import type { LocalizedText } from './text.ts';
import { nextTimer, reschedule, stillDue, timersAt, type Timer, type TimerOwner } from './timers.ts';

/** What happened during a step, in order: the views render these; the transcript does not need them. */
export type StepEvent =
  | { type: 'phase'; from: Phase; to: Phase; at: number }
  | { type: 'clock'; from: number; to: number }
  | { type: 'variation'; id: string; outcome: string; at: number }
  | { type: 'inject'; id: string; at: number; roles: string[]; adhoc: boolean }
  | { type: 'decision-opened'; id: string; at: number; due: number; closes: number }
  | { type: 'decision-due'; id: string; at: number }
  | {
      type: 'decision-closed';
      id: string;
      at: number;
      timeliness: Timeliness;
      options: string[];
      by?: string;
    }
  | { type: 'override'; capability: string; rating: string }
  | { type: 'answer'; id: string; at: number; role?: string; by: string }
  | { type: 'observe'; task: string; rating: string; at: number }
  | { type: 'module'; id: string; at: number }
  | { type: 'ended'; ending: string | undefined; at: number };

/** Why an input was refused, in words a person can read, plus a stable code. */
export interface Rejection {
  code:
    | 'malformed'
    | 'wrong-phase'
    | 'unknown-participant'
    | 'unknown-decision'
    | 'decision-not-open'
    | 'decision-closed'
    | 'role-not-allowed'
    | 'option-not-offered'
    | 'bad-choice'
    | 'unknown-role'
    | 'unknown-capability'
    | 'duplicate-id'
    | 'unknown-task'
    /** A correction names no recorded choice it could replace, or its replacement is refused. */
    | 'bad-correction'
    /** The journal could not write the entry: nothing changed. */
    | 'not-saved';
  reason: string;
  /** With `bad-choice` on a choice's shape: what exactly is wrong, for a front end to word. */
  problem?: ChoiceProblem;
}

/** What is wrong with the shape of a choice (counts, per-target limits, the budget). */
export type ChoiceProblem =
  | { kind: 'pick-one' }
  | { kind: 'pick-some'; max: number }
  | { kind: 'too-many'; max: number }
  | { kind: 'target-min'; option: string; min: number }
  | { kind: 'target-max'; option: string; max: number }
  | { kind: 'over-budget'; total: number; budget: number };

export type StepResult =
  | { ok: true; state: DrillState; events: StepEvent[] }
  | { ok: false; state: DrillState; rejection: Rejection };

const reject = (state: DrillState, code: Rejection['code'], reason: string): StepResult => ({
  ok: false,
  state,
  rejection: { code, reason },
});

const PHASE_WORDS: Record<Phase, string> = {
  briefing: 'the drill has not started yet: start it first',
  running: 'the drill is running',
  paused: 'the drill is paused: resume it first',
  debrief: 'the drill is over (debrief)',
  ended: 'the drill has ended',
};

/**
 * The engine: a pure function from (scenario, state, input) to the next state and what happened.
 * It never throws on bad input — a refused input comes back as a value with a reason — and it never
 * reads a clock: the scenario clock moves only through `advance` inputs.
 */
export function step(scenario: Scenario, state: DrillState, input: Input | unknown): StepResult {
  const parsed = InputSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` (${first.path.join('.')})` : '';
    return reject(
      state,
      'malformed',
      `this input is not well-formed${where}: ${first?.message ?? 'unknown problem'}`,
    );
  }
  return stepParsed(scenario, state, parsed.data);
}

/**
 * Inputs that `replay` may step without parsing them again once the transcript's schema has been
 * checked: zod's output for them is the input itself, and the state keeps none of their objects (it
 * copies what it keeps). An `inject` or `override` is parsed again — the state would hold the
 * transcript's own objects, and an override's subject has a default.
 */
const KEPT_AS_IS: ReadonlySet<ParsedInput['type']> = new Set([
  'start',
  'advance',
  'choose',
  'answer',
  'observe',
  'pause',
  'resume',
  'end',
  'close',
] as const);

/**
 * `step` for an input that passed the transcript schema (which holds InputSchema, refinements
 * included): replay steps every entry, and parsing each input again was a tenth of a step.
 */
export function stepChecked(scenario: Scenario, state: DrillState, input: Input): StepResult {
  const type = (input as { type?: unknown }).type;
  return typeof type === 'string' && KEPT_AS_IS.has(type as ParsedInput['type'])
    ? stepParsed(scenario, state, input as ParsedInput)
    : step(scenario, state, input);
}

function stepParsed(scenario: Scenario, state: DrillState, inp: ParsedInput): StepResult {
  // A text with a lone surrogate has no UTF-8 form: it could be neither hashed nor written.
  if (!wellFormed(inp))
    return reject(state, 'malformed', 'this input holds a text with a lone surrogate (a broken character)');
  // A correction replays the drill's history, which a state does not hold: sessions apply it.
  if (inp.type === 'correct')
    return reject(state, 'bad-correction', 'a correction is applied by a session (it replays the drill)');
  const nextPhase = lifecycleStep(state.phase, inp.type);
  if (nextPhase === undefined) {
    const ok = acceptedIn(state.phase);
    return reject(
      state,
      'wrong-phase',
      `cannot ${inp.type} now: ${PHASE_WORDS[state.phase]}${ok.length ? ` (accepted now: ${ok.join(', ')})` : ''}`,
    );
  }
  const pre = precheck(scenario, state, inp);
  if (pre) return { ok: false, state, rejection: pre };

  const events: StepEvent[] = [];
  const next = workingCopy(state);
  const run = new Run(scenario, next, events);
  run.apply(inp, nextPhase);
  run.saveRng();
  next.seq += 1;
  return { ok: true, state: deepFreeze(shareUnchanged(state, next, run.touched)), events };
}

/** The inject and decision records a step copied to change (see `Run.injectRecord`). */
interface Touched {
  injects: Set<string>;
  decisions: Set<string>;
}

const shallowEqual = (a: object, b: object): boolean => {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka)
    if ((a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]) return false;
  return true;
};

/**
 * Puts back the previous state's objects wherever the step left them as they were: the new state then
 * shares every unchanged record and container with the old one, so freezing and hashing it (whose
 * canonical JSON is cached per frozen object) costs what changed, not the whole state.
 */
function shareUnchanged(prev: DrillState, next: DrillState, touched: Touched): DrillState {
  for (const key of ['injects', 'decisions'] as const) {
    const p = prev[key] as Record<string, object>;
    const n = next[key] as Record<string, object>;
    let same = true;
    for (const id of touched[key]) {
      if (shallowEqual(p[id]!, n[id]!)) n[id] = p[id]!;
      else same = false;
    }
    if (same) (next as unknown as Record<string, object>)[key] = p;
  }
  for (const key of ['world', 'rng', 'variations', 'dynamics', 'timers', 'feed', 'overrides'] as const)
    if (shallowEqual(prev[key], next[key])) (next as unknown as Record<string, object>)[key] = prev[key];
  return next;
}

/**
 * The state a step may change: the small containers copied one level deep; inject and decision records
 * (and their containers) are copied only when the step writes one (`Run.injectRecord`); everything else
 * (feed items, chosen options, participants) is shared with the previous state. A step reads and writes
 * plain objects — no proxies on the hot path (a draft proxy per record read cost most of a step) — and
 * the result is frozen, so neither the old state nor the new one can be changed afterwards.
 */
function workingCopy(s: DrillState): DrillState {
  return {
    ...s,
    world: { ...s.world },
    rng: { ...s.rng },
    variations: { ...s.variations },
    dynamics: { ...s.dynamics },
    timers: [...s.timers],
    feed: [...s.feed],
    overrides: [...s.overrides],
  };
}

function wellFormed(v: unknown): boolean {
  if (typeof v === 'string') return (v as string & { isWellFormed(): boolean }).isWellFormed();
  if (Array.isArray(v)) return v.every(wellFormed);
  if (v && typeof v === 'object') return Object.entries(v).every(([k, x]) => wellFormed(k) && wellFormed(x));
  return true;
}

/** Checks that need the state but change nothing: the reasons a person will read. */
function precheck(scenario: Scenario, state: DrillState, inp: ParsedInput): Rejection | undefined {
  switch (inp.type) {
    case 'advance':
      if (inp.for !== undefined && !state.participants.some((p) => p.id === inp.for))
        return {
          code: 'unknown-participant',
          reason: `there is no participant \`${inp.for}\` in this drill`,
        };
      return undefined;
    case 'choose':
      return checkChoice(scenario, state, inp);
    case 'answer':
      return checkAnswer(scenario, state, inp);
    case 'observe':
      return checkObservation(scenario, inp);
    case 'inject': {
      const roles = new Set([...scenario.roles.map((r) => r.id), 'all']);
      const bad = inp.roles.find((r) => !roles.has(r));
      if (bad) return { code: 'unknown-role', reason: `this scenario has no role \`${bad}\`` };
      if (state.feed.some((d) => d.inject === inp.id) || scenario.injects.some((i) => i.id === inp.id))
        return { code: 'duplicate-id', reason: `an inject \`${inp.id}\` already exists` };
      return undefined;
    }
    case 'override': {
      if (!scenario.capabilities.some((c) => c.id === inp.capability))
        return {
          code: 'unknown-capability',
          reason: `this scenario has no capability \`${inp.capability}\``,
        };
      return undefined;
    }
    case 'start':
    case 'pause':
    case 'resume':
    case 'end':
    case 'close':
    case 'correct':
      return undefined;
    default:
      return assertNever(inp);
  }
}

function checkChoice(
  scenario: Scenario,
  state: DrillState,
  inp: Extract<ParsedInput, { type: 'choose' }>,
): Rejection | undefined {
  const at = openDecisionAtSeat(scenario, state, inp);
  if ('code' in at) return at;
  const { p, d } = at;
  if (p.colleague !== undefined && humansHolding(state.participants, d.roles).length > 0)
    return {
      code: 'role-not-allowed',
      reason: `${p.name} is a simulated colleague and may not decide \`${d.id}\`: a participant at the table holds it`,
    };
  if (!holdsRole(p, d.roles))
    return {
      code: 'role-not-allowed',
      reason: `${p.name} (${p.roles.join(', ')}) may not decide \`${d.id}\`: it is for ${d.roles.join(', ')}`,
    };
  const env = stateEnv(state);
  const offered = new Set(d.options.filter((o) => !o.when || evaluateBool(o.when.ast, env)).map((o) => o.id));
  if (d.kind === 'allocate') {
    const alloc = inp.allocation;
    if (!alloc || inp.options)
      return { code: 'bad-choice', reason: `decision \`${d.id}\` is an allocation: give amounts per target` };
    const budget = Number(evaluate(d.budget!.ast, env));
    let total = 0;
    for (const [k, v] of Object.entries(alloc)) {
      const o = d.options.find((x) => x.id === k);
      if (!o) return { code: 'option-not-offered', reason: `\`${k}\` is not a target of \`${d.id}\`` };
      if (!offered.has(k)) return { code: 'option-not-offered', reason: `\`${k}\` is not offered now` };
      if (!Number.isFinite(v) || v < 0)
        return { code: 'bad-choice', reason: `the amount for \`${k}\` must be a number ≥ 0` };
      if (o.min !== undefined && v < o.min)
        return {
          code: 'bad-choice',
          reason: `\`${k}\` needs at least ${o.min}`,
          problem: { kind: 'target-min', option: k, min: o.min },
        };
      if (o.max !== undefined && v > o.max)
        return {
          code: 'bad-choice',
          reason: `\`${k}\` takes at most ${o.max}`,
          problem: { kind: 'target-max', option: k, max: o.max },
        };
      total += v;
    }
    if (total > budget + 1e-9)
      return {
        code: 'bad-choice',
        reason: `the amounts add up to ${total}, more than the ${budget} available`,
        problem: { kind: 'over-budget', total, budget },
      };
    return undefined;
  }
  const opts = inp.options ?? [];
  if (inp.allocation)
    return { code: 'bad-choice', reason: `decision \`${d.id}\` takes options, not amounts` };
  if (d.kind === 'single' && opts.length !== 1)
    return {
      code: 'bad-choice',
      reason: `choose exactly one option for \`${d.id}\``,
      problem: { kind: 'pick-one' },
    };
  if (d.kind === 'multi' && (opts.length < 1 || (d.max !== undefined && opts.length > d.max))) {
    const max = d.max ?? d.options.length;
    return {
      code: 'bad-choice',
      reason: `choose between 1 and ${max} options for \`${d.id}\``,
      problem: opts.length < 1 ? { kind: 'pick-some', max } : { kind: 'too-many', max },
    };
  }
  if (new Set(opts).size !== opts.length) return { code: 'bad-choice', reason: 'an option is chosen twice' };
  for (const o of opts) {
    if (!d.options.some((x) => x.id === o))
      return { code: 'option-not-offered', reason: `decision \`${d.id}\` has no option \`${o}\`` };
    if (!offered.has(o)) return { code: 'option-not-offered', reason: `option \`${o}\` is not offered now` };
  }
  return undefined;
}

const resolveTime = (t: DecisionTime, openedAt: number): number => ('abs' in t ? t.abs : openedAt + t.rel);

/**
 * The scenario's items by id, and the ones whose condition is re-checked after every change. Built once
 * per scenario, so a step reads only the records that can matter.
 */
interface ScheduleIndex {
  injects: Map<string, Inject>;
  decisions: Map<string, DecisionPoint>;
  dynamics: Map<string, Dynamic>;
  variables: Map<string, VariableDef>;
  condInjects: Inject[];
  condDecisions: DecisionPoint[];
}
const indexes = new WeakMap<Scenario, ScheduleIndex>();

function scheduleIndex(sc: Scenario): ScheduleIndex {
  let ix = indexes.get(sc);
  if (ix) return ix;
  ix = {
    injects: new Map(sc.injects.map((i) => [i.id, i])),
    decisions: new Map(sc.decisions.map((d) => [d.id, d])),
    dynamics: new Map(sc.dynamics.map((d) => [d.id, d])),
    variables: new Map(sc.variables.map((v) => [v.id, v])),
    condInjects: sc.injects.filter((i) => i.at === undefined && i.when !== undefined),
    condDecisions: sc.decisions.filter((d) => d.opens === undefined && d.opensWhen !== undefined),
  };
  indexes.set(sc, ix);
  return ix;
}

/**
 * The next minute at which something is scheduled (at or after the clock): the first of the state's
 * queue and the scenario's timetable (see timers.ts), or the end of the scenario. With `visibleOnly`,
 * silent dynamics ticks are skipped: "advance to the next event" stops where a participant sees something.
 */
export function nextEventTime(
  scenario: Scenario,
  state: DrillState,
  visibleOnly = false,
): number | undefined {
  const t = nextTimer(scenario, state, visibleOnly);
  if (t) return t.due;
  return state.clock < scenario.clock.end ? scenario.clock.end : undefined;
}

/** Events a participant sees happen: where "advance to the next event" stops. */
function isVisible(e: StepEvent): boolean {
  switch (e.type) {
    case 'inject':
    case 'decision-opened':
    case 'decision-due':
    case 'decision-closed':
    case 'ended':
    case 'module':
      return true;
    case 'phase':
    case 'clock':
    case 'variation':
    case 'override':
    case 'answer':
    case 'observe':
      return false;
    default:
      return assertNever(e);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}

/**
 * What a participant sees happen (where "advance to next" stops for them): injects to their roles and
 * their seats' decisions opening, falling due or closing; without a participant, anything visible.
 */
export function visibleTo(
  scenario: Scenario,
  state: DrillState,
  participant: string | undefined,
): (e: StepEvent) => boolean {
  const p = participant === undefined ? undefined : state.participants.find((x) => x.id === participant);
  if (!p) return isVisible;
  return (e) => {
    if (!isVisible(e)) return false;
    switch (e.type) {
      case 'inject':
        return holdsRole(p, e.roles);
      case 'decision-opened':
      case 'decision-due':
      case 'decision-closed': {
        const d = scenario.decisions.find((x) => x.id === e.id);
        return d !== undefined && holdsRole(p, d.roles);
      }
      case 'ended':
      case 'phase':
      case 'clock':
      case 'variation':
      case 'override':
      case 'module':
      case 'answer':
      case 'observe':
        return true;
      default:
        return assertNever(e);
    }
  };
}

/** A decision that opened for a seat only a simulated colleague holds: the clock waits for its choice. */
function colleagueTurn(scenario: Scenario, state: DrillState, e: StepEvent): boolean {
  if (e.type !== 'decision-opened') return false;
  const d = scenario.decisions.find((x) => x.id === e.id);
  return (
    d !== undefined &&
    // Colleagues do not join a discussion: it waits for the table, never for them.
    d.kind !== 'discuss' &&
    humansHolding(state.participants, d.roles).length === 0 &&
    state.participants.some((p) => p.colleague !== undefined && holdsRole(p, d.roles))
  );
}

/** One step's work on the state. */
class Run {
  private rng: ReturnType<typeof resumeRng> | undefined;
  readonly touched: Touched = { injects: new Set(), decisions: new Set() };

  /** An inject's record, ready to change: copied (with its container, the first time) on first write. */
  private injectRecord(id: string): InjectRecord {
    const t = this.touched.injects;
    if (!t.has(id)) {
      if (t.size === 0) this.s.injects = { ...this.s.injects };
      this.s.injects[id] = { ...this.s.injects[id]! };
      t.add(id);
    }
    return this.s.injects[id]!;
  }

  /** A decision's record, ready to change (as `injectRecord`). */
  private decisionRecord(id: string): DecisionRecord {
    const t = this.touched.decisions;
    if (!t.has(id)) {
      if (t.size === 0) this.s.decisions = { ...this.s.decisions };
      this.s.decisions[id] = { ...this.s.decisions[id]! };
      t.add(id);
    }
    return this.s.decisions[id]!;
  }

  constructor(
    private readonly scenario: Scenario,
    private readonly s: DrillState,
    private readonly events: StepEvent[],
  ) {}

  private visibleTo(participant: string | undefined): (e: StepEvent) => boolean {
    return visibleTo(this.scenario, this.s, participant);
  }

  saveRng(): void {
    if (this.rng) this.s.rng = this.rng.state();
  }

  private random(): number {
    this.rng ??= resumeRng(this.s.rng);
    return this.rng();
  }

  /** `random` bound to this step, made when an environment first needs it (one per step, not per Run). */
  private draws: (() => number) | undefined;
  private baseEnv: EvalEnv | undefined;
  private env(locals?: Record<string, number>): EvalEnv {
    this.draws ??= () => this.random();
    if (locals) return stateEnv(this.s, this.draws, locals);
    return (this.baseEnv ??= stateEnv(this.s, this.draws));
  }

  /** Keeps the timer queue equal to the records after `id`'s record changed. */
  private schedule(owner: TimerOwner, id: string): void {
    reschedule(this.scenario, this.s, owner, id);
  }

  private setPhase(to: Phase): void {
    if (this.s.phase !== to) this.events.push({ type: 'phase', from: this.s.phase, to, at: this.s.clock });
    this.s.phase = to;
  }

  apply(inp: ParsedInput, nextPhase: Phase): void {
    switch (inp.type) {
      case 'start':
        this.setPhase(nextPhase);
        if (!this.holdIfModuleStarts(this.s.clock)) this.settle(this.s.clock);
        return;
      case 'pause':
        this.setPhase(nextPhase);
        return;
      case 'resume':
        this.setPhase(nextPhase);
        this.goOnFromModule();
        return;
      case 'advance':
        if (inp.minutes === undefined) this.advanceTo(this.scenario.clock.end, this.visibleTo(inp.for));
        else this.advanceTo(Math.min(this.s.clock + inp.minutes, this.scenario.clock.end));
        return;
      case 'choose':
        this.choose(inp);
        this.conditions();
        return;
      case 'answer':
        this.answer(inp);
        this.conditions();
        return;
      case 'observe':
        this.observe(inp);
        return;
      case 'inject': {
        const adhoc = {
          id: inp.id,
          roles: inp.roles,
          text: inp.text as LocalizedText,
          ...(inp.title !== undefined ? { title: inp.title as LocalizedText } : {}),
          source: inp.source ?? 'Exercise control',
          channel: inp.channel ?? 'phone',
          urgency: inp.urgency ?? 'priority',
        };
        this.s.feed.push({ inject: inp.id, at: this.s.clock, roles: inp.roles, adhoc });
        this.events.push({ type: 'inject', id: inp.id, at: this.s.clock, roles: inp.roles, adhoc: true });
        return;
      }
      case 'override':
        this.s.overrides.push({
          capability: inp.capability,
          subject: inp.subject,
          rating: inp.rating,
          note: inp.note,
          ...(inp.by !== undefined ? { by: inp.by } : {}),
          seq: this.s.seq + 1,
        });
        this.events.push({ type: 'override', capability: inp.capability, rating: inp.rating });
        return;
      case 'end':
        this.finish();
        return;
      case 'close':
        this.setPhase(nextPhase);
        return;
      case 'correct':
        // Refused before a step starts (see `step`); a session replays the history instead.
        return;
      default: {
        const never: never = inp;
        return never;
      }
    }
  }

  /**
   * Moves the clock to `target`, processing every scheduled thing on the way, in time order. With
   * `visible` it stops at the first minute where a participant sees something happen (an inject
   * delivered, a decision opened, due or closed), so nothing opens "already late" behind a jump.
   */
  private advanceTo(target: number, visible?: (e: StepEvent) => boolean): void {
    const from = this.s.clock;
    for (let guard = 0; guard < 1_000_000; guard++) {
      const t = nextEventTime(this.scenario, this.s);
      if (this.holdIfModuleStarts(Math.min(t ?? target, target))) {
        target = this.s.clock;
        break;
      }
      if (t === undefined || t > target) break;
      const mark = this.events.length;
      this.s.clock = t;
      this.settle(t);
      if (t >= this.scenario.clock.end) break;
      const happened = this.events.slice(mark);
      // Stop where the participant sees something, and wherever a simulated colleague must decide:
      // the session lets the colleague choose, then goes on (see Session.apply).
      if (
        (visible && happened.some(visible)) ||
        happened.some((e) => colleagueTurn(this.scenario, this.s, e))
      ) {
        target = t;
        break;
      }
    }
    this.s.clock = Math.max(this.s.clock, target);
    if (this.s.clock !== from) this.events.push({ type: 'clock', from, to: this.s.clock });
    if (this.s.clock >= this.scenario.clock.end && this.s.phase === 'running') this.finish();
  }

  /**
   * Everything due at minute `t`, in the queue's order: variations are drawn, decisions past their
   * deadline close, dynamics tick, timed injects fire, decisions open; then conditions are re-checked.
   * Running a timer may take others off the queue (a default's follow-up fires an inject due later in
   * the same minute); it never adds one at `t`.
   */
  private settle(t: number): void {
    for (const timer of timersAt(this.scenario, this.s, t)) {
      if (!stillDue(this.s, timer)) continue; // one that ran before it settled it
      const q = this.s.timers.indexOf(timer);
      if (q >= 0) this.s.timers.splice(q, 1);
      this.runTimer(timer, t);
      if (timer.kind === 'inject') this.schedule('inject', timer.id);
      else if (timer.kind === 'open' || timer.kind === 'due' || timer.kind === 'close')
        this.schedule('decision', timer.id);
    }
    this.conditions();
  }

  private runTimer(timer: Timer, t: number): void {
    const ix = scheduleIndex(this.scenario);
    switch (timer.kind) {
      case 'variation':
        if (own(this.s.variations, timer.id) === undefined) this.draw(timer.id);
        return;
      case 'due': {
        const r = this.s.decisions[timer.id]!;
        if (r.status === 'open' && r.due === t && r.closesAt! > t)
          this.events.push({ type: 'decision-due', id: timer.id, at: t });
        return;
      }
      case 'close': {
        const r = this.s.decisions[timer.id]!;
        if (r.status === 'open' && r.closesAt === t) this.closeWithDefault(ix.decisions.get(timer.id)!);
        return;
      }
      case 'tick': {
        const d = ix.dynamics.get(timer.id)!;
        if (this.s.dynamics[d.id] !== t) return;
        if (t <= d.until && (!d.when || evaluateBool(d.when.ast, this.env()))) this.effects(d.effects);
        this.s.dynamics[d.id] = t + d.every;
        return;
      }
      case 'inject': {
        const i = ix.injects.get(timer.id)!;
        const r = this.s.injects[i.id]!;
        if (r.status === 'scheduled' && r.due === t) this.fire(i);
        else if (r.status === 'pending' && i.at === t) {
          const env = this.env();
          const holds =
            (!i.when || evaluateBool(i.when.ast, env)) && (!i.unless || !evaluateBool(i.unless.ast, env));
          if (holds) this.fire(i);
          else this.injectRecord(i.id).status = 'skipped';
        }
        return;
      }
      case 'open': {
        const d = ix.decisions.get(timer.id)!;
        const r = this.s.decisions[d.id]!;
        if ((r.status === 'pending' && d.opens === t) || (r.status === 'scheduled' && r.opensAt === t))
          this.open(d);
        return;
      }
      default:
        assertNever(timer.kind);
    }
  }

  /** Condition-only injects and decisions, re-checked until nothing more changes. */
  private conditions(): void {
    const sc = this.scenario;
    const t = this.s.clock;
    const ix = scheduleIndex(sc);
    for (let changed = true, guard = 0; changed && guard < 1000; guard++) {
      changed = false;
      for (const i of ix.condInjects) {
        const r = this.s.injects[i.id]!;
        if (r.status !== 'pending' || i.at !== undefined || !i.when) continue;
        if ((i.from !== undefined && t < i.from) || (i.until !== undefined && t > i.until)) continue;
        if (evaluateBool(i.when.ast, this.env())) {
          this.fire(i);
          changed = true;
        }
      }
      for (const d of ix.condDecisions) {
        const r = this.s.decisions[d.id]!;
        if (
          r.status === 'pending' &&
          d.opens === undefined &&
          d.opensWhen &&
          evaluateBool(d.opensWhen.ast, this.env())
        ) {
          this.open(d);
          changed = true;
        }
      }
    }
  }

  private draw(id: string): void {
    const v = this.scenario.variations.find((x) => x.id === id)!;
    const u = keyedDraw(this.s.seed, `variation:${id}`);
    let acc = 0;
    let chosen = v.outcomes[v.outcomes.length - 1]!;
    for (const o of v.outcomes) {
      acc += o.p;
      if (u < acc) {
        chosen = o;
        break;
      }
    }
    this.s.variations[id] = chosen.id;
    this.events.push({ type: 'variation', id, outcome: chosen.id, at: this.s.clock });
    this.effects(chosen.effects);
    this.notice(id, chosen.notice !== undefined ? chosen.id : undefined);
  }

  private fire(i: Inject): void {
    const r = this.injectRecord(i.id);
    r.status = 'fired';
    r.firedAt = this.s.clock;
    delete r.due;
    this.schedule('inject', i.id);
    const n = this.s.feed.push({ inject: i.id, at: this.s.clock, roles: [...i.roles] });
    this.events.push({ type: 'inject', id: i.id, at: this.s.clock, roles: [...i.roles], adhoc: false });
    this.effects(i.effects);
    // The figures its text shows are those after its own effects ("the toll rises to {dead}").
    if (i.live) this.s.feed[n - 1]!.values = Object.fromEntries(i.live.map((v) => [v, this.s.world[v]!]));
  }

  private open(d: DecisionPoint): void {
    const r = this.decisionRecord(d.id);
    const now = this.s.clock;
    const due = Math.max(now, resolveTime(d.due, now));
    const closes = Math.max(due, resolveTime(d.closes, now));
    r.status = 'open';
    if (r.order === undefined) {
      const ids = d.options.map((o) => o.id);
      r.order = d.order === 'fixed' ? ids : keyedShuffle(this.s.seed, `order:${d.id}`, ids);
    }
    r.openedAt = now;
    r.due = due;
    r.closesAt = closes;
    delete r.opensAt;
    this.schedule('decision', d.id);
    this.events.push({ type: 'decision-opened', id: d.id, at: now, due, closes });
    // A follow-up that opens at or after its fixed deadline closes at once with its default.
    if (closes <= now) this.closeWithDefault(d);
  }

  private close(
    d: DecisionPoint,
    r: DecisionRecord,
    timeliness: Timeliness,
    options: string[],
    by?: string,
  ): void {
    r.status = 'closed';
    r.at = this.s.clock;
    r.timeliness = timeliness;
    this.schedule('decision', d.id);
    this.events.push({
      type: 'decision-closed',
      id: d.id,
      at: this.s.clock,
      timeliness,
      options,
      ...(by ? { by } : {}),
    });
  }

  private closeWithDefault(d: DecisionPoint): void {
    if (d.kind === 'discuss') {
      this.closeDiscussion(d);
      return;
    }
    const r = this.decisionRecord(d.id);
    if (d.kind === 'allocate') {
      const alloc = Object.fromEntries(d.default.map((o) => [o, 0]));
      r.allocation = alloc;
      this.close(d, r, 'missed', []);
      return;
    }
    r.options = [...d.default];
    this.close(d, r, 'missed', [...d.default]);
    for (const o of d.default) this.applyOption(d, o);
  }

  private choose(inp: Extract<ParsedInput, { type: 'choose' }>): void {
    const d = scheduleIndex(this.scenario).decisions.get(inp.decision)!;
    const r = this.decisionRecord(d.id);
    r.by = inp.participant;
    if (inp.rationale !== undefined && inp.rationale.trim() !== '') r.rationale = inp.rationale;
    if (inp.elapsedMs !== undefined) r.elapsedMs = inp.elapsedMs;
    if (inp.correction !== undefined) r.correction = { ...inp.correction };
    const timeliness: Timeliness = this.s.clock <= r.due! ? 'on-time' : 'late';
    if (d.kind === 'allocate') {
      const alloc: Record<string, number> = {};
      for (const o of d.options) alloc[o.id] = own(inp.allocation, o.id) ?? 0;
      r.allocation = alloc;
      this.close(
        d,
        r,
        timeliness,
        Object.keys(alloc).filter((k) => alloc[k]! > 0),
        inp.participant,
      );
      for (const o of d.options) if (alloc[o.id]! > 0) this.applyOption(d, o.id, alloc[o.id]);
      return;
    }
    const opts = [...(inp.options ?? [])];
    r.options = opts;
    this.close(d, r, timeliness, opts, inp.participant);
    for (const o of opts) this.applyOption(d, o);
  }

  private applyOption(d: DecisionPoint, optionId: string, amount?: number): void {
    const o = d.options.find((x) => x.id === optionId)!;
    this.effects(o.effects, amount === undefined ? undefined : { amount });
    for (const f of o.then) {
      const due = this.s.clock + f.after;
      if (f.inject) {
        const r = this.s.injects[f.inject]!;
        if (r.status === 'fired') continue;
        if (f.after === 0) this.fire(scheduleIndex(this.scenario).injects.get(f.inject)!);
        else if (r.status !== 'scheduled' || r.due! > due) {
          const w = this.injectRecord(f.inject);
          w.status = 'scheduled';
          w.due = due;
          this.schedule('inject', f.inject);
        }
      }
      if (f.decision) {
        const r = this.s.decisions[f.decision]!;
        if (r.status === 'open' || r.status === 'closed') continue;
        if (f.after === 0) this.open(scheduleIndex(this.scenario).decisions.get(f.decision)!);
        else if (r.status !== 'scheduled' || r.opensAt! > due) {
          const w = this.decisionRecord(f.decision);
          w.status = 'scheduled';
          w.opensAt = due;
          this.schedule('decision', f.decision);
        }
      }
    }
  }

  /** Applies effect statements, keeping every variable inside its declared bounds. */
  private effects(list: readonly CompiledEffect[], locals?: Record<string, number>): void {
    for (const e of list) {
      const def = scheduleIndex(this.scenario).variables.get(e.ast.target);
      if (!def) continue;
      const cur = this.s.world[def.id]!;
      let v = applyAssignment(e.ast, cur, this.env(locals));
      if (typeof v === 'number') {
        if (def.type === 'boolean') v = v !== 0;
        else {
          if (def.min !== undefined) v = Math.max(def.min, v);
          if (def.max !== undefined) v = Math.min(def.max, v);
        }
      } else if (def.type === 'number') v = v ? 1 : 0;
      this.s.world[def.id] = v;
    }
  }

  /** Closes what is still open (defaults taken), settles the ending and moves to the debrief. */
  private finish(): void {
    for (const d of this.scenario.decisions)
      if (this.s.decisions[d.id]!.status === 'open') this.closeWithDefault(d);
    const env = this.env();
    const ending = this.scenario.endings.find((e) => !e.when || evaluateBool(e.when.ast, env));
    if (ending) this.s.ending = ending.id;
    this.events.push({ type: 'ended', ending: ending?.id, at: this.s.clock });
    delete this.s.holding;
    this.setPhase('debrief');
  }

  // --- Discussion-based constructs (modules, discussions, observations, notices): see discussion.ts.

  /**
   * When the next module starts at or before `t`, moves the clock to its start and waits there (phase
   * `paused` through the lifecycle's `hold`) before anything at that minute happens. True if it held.
   */
  private holdIfModuleStarts(t: number): boolean {
    const m = nextModule(this.scenario, this.s);
    if (!m || m.at > t || m.at < this.s.clock || this.s.phase !== 'running') return false;
    this.s.clock = m.at;
    this.s.module = m.id;
    this.s.holding = true;
    this.events.push({ type: 'module', id: m.id, at: m.at });
    this.setPhase(lifecycleStep(this.s.phase, 'hold')!);
    return true;
  }

  /** The facilitator goes on from a module's start: what is due at that minute happens now. */
  private goOnFromModule(): void {
    if (!this.s.holding) return;
    delete this.s.holding;
    this.settle(this.s.clock);
  }

  private answer(inp: Extract<ParsedInput, { type: 'answer' }>): void {
    const d = this.scenario.decisions.find((x) => x.id === inp.decision)!;
    const p = this.s.participants.find((x) => x.id === inp.participant)!;
    const r = this.decisionRecord(d.id);
    const a = recordAnswer(d, r, p, inp, this.s.clock);
    this.events.push({
      type: 'answer',
      id: d.id,
      at: this.s.clock,
      by: p.id,
      ...(a.role !== undefined ? { role: a.role } : {}),
    });
    // Complete: the table's answer, or every role's.
    if (d.each !== 'role' || pendingAnswerRoles(this.s, d).length === 0) {
      if (d.each !== 'role') r.by = p.id;
      this.closeDiscussion(d);
    }
  }

  /** Closes a discussion: never with a default, never scored; timeliness by its last answer. */
  private closeDiscussion(d: DecisionPoint): void {
    const r = this.decisionRecord(d.id);
    const answers = r.answers ?? [];
    const last = answers.reduce((m, a) => Math.max(m, a.at), -Infinity);
    const timeliness: Timeliness = answers.length === 0 ? 'missed' : last <= r.due! ? 'on-time' : 'late';
    this.close(d, r, timeliness, [], r.by);
  }

  private observe(inp: Extract<ParsedInput, { type: 'observe' }>): void {
    const at = inp.at ?? this.s.clock;
    this.s.observations = [
      ...(this.s.observations ?? []),
      {
        evaluator: inp.evaluator,
        task: inp.task,
        at,
        rating: inp.rating,
        note: inp.note,
        seq: this.s.seq + 1,
      },
    ];
    this.events.push({ type: 'observe', task: inp.task, rating: inp.rating, at });
  }

  /** A drawn outcome with a notice tells everyone in the feed. */
  private notice(variation: string, outcome: string | undefined): void {
    if (outcome !== undefined) this.s.feed.push(noticeDelivery(variation, outcome, this.s.clock));
  }
}
