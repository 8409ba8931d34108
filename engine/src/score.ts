import { stateEnv } from './env.ts';
import { evaluate } from './expr/evaluate.ts';
import { RATINGS, type Rating, type Subject } from './inputs.ts';
import { own } from './own.ts';
import type { DecisionPoint, Scenario } from './scenario/model.ts';
import {
  holdsRole,
  humansHolding,
  type DrillState,
  type Override,
  type Participant,
  type Timeliness,
} from './state.ts';

/** `not-rated`: no evidence (no decision scoring that capability was reached). */
export type ProposedRating = Rating | 'not-rated';

export interface DecisionScore {
  decision: string;
  capability: string;
  roles: string[];
  weight: number;
  status: 'decided' | 'missed' | 'not-reached';
  timeliness?: Timeliness;
  options: string[];
  allocation?: Record<string, number>;
  by?: string;
  at?: number;
  due?: number;
  rationale?: string;
  /** Quality of what was chosen, 0…1, before timeliness. */
  value: number;
  /** The best value any choice could reach. */
  best: number;
  /** Credit after timeliness: on time ×1, late minus `lateDecay` per hour, missed 0. */
  credit: number;
  /** Which allocation feedback lines apply (their indexes). */
  feedback: number[];
  /** Decided (or left) by a simulated colleague: shown, never charged to the people at the table. */
  simulated?: true;
}

/** A bad outcome that capped a rating or the overall score: the evidence a trainer reads. */
export interface AppliedCap {
  outcome: string;
  value: number;
  worseThan: number;
  capability?: string;
  rating?: Rating;
  overall?: number;
}

export interface CapabilityRating {
  capability: string;
  proposed: ProposedRating;
  final: ProposedRating;
  /** Weighted mean credit of its evidence, 0…1, or null when not rated. */
  credit: number | null;
  /** The decisions that are the evidence. */
  evidence: string[];
  /** Outcomes that capped the rating proposed from the decisions. */
  caps?: AppliedCap[];
  override?: { rating: Rating; note: string; by?: string; seq: number };
}

export interface SubjectRatings {
  subject: Subject;
  capabilities: CapabilityRating[];
  /** 0…100 over the decisions this subject is answerable for. */
  score: number | null;
}

export interface OutcomeScore {
  outcome: string;
  value: number;
  credit: number;
}

export interface ObjectiveRating {
  objective: string;
  rating: ProposedRating;
  capabilities: string[];
}

/** Everything scoring concludes, as data: renderers turn it into words in either language. */
export interface ScoreReport {
  overall: number;
  breakdown: {
    decisions: number;
    outcomes: number | null;
    decisionWeight: number;
    outcomeWeight: number;
    /** Present when a bad outcome capped the overall score (the score before the cap, and why). */
    capped?: { before: number; caps: AppliedCap[] };
  };
  ending?: string;
  decisions: DecisionScore[];
  outcomes: OutcomeScore[];
  capabilities: CapabilityRating[];
  objectives: ObjectiveRating[];
  teams: SubjectRatings[];
  roles: SubjectRatings[];
  participants: SubjectRatings[];
  strengths: string[];
  improvements: string[];
}

/** Credit → rating thresholds (documented in FORMAT.md and the report). */
export function ratingFor(credit: number): Rating {
  if (credit >= 0.85) return 'P';
  if (credit >= 0.6) return 'S';
  if (credit >= 0.35) return 'M';
  return 'U';
}

const DECISION_SHARE = 0.75;
const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;
const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** The value (0…1) of a choice, before timeliness. */
export function choiceValue(
  d: DecisionPoint,
  options: readonly string[],
  allocation: Record<string, number> | undefined,
  state: DrillState,
): number {
  if (d.kind === 'allocate') {
    const locals = Object.fromEntries(d.options.map((o) => [o.id, own(allocation, o.id) ?? 0]));
    return clamp01(Number(evaluate(d.score!.ast, stateEnv(state, undefined, locals))));
  }
  const scores = options.map((o) => d.options.find((x) => x.id === o)?.score ?? 0);
  return clamp01(scores.reduce((a, b) => a + b, 0));
}

/** The best value a decision can reach (allocation: 1, its scale's top). */
export function bestValue(d: DecisionPoint): number {
  if (d.kind === 'allocate') return 1;
  const sorted = d.options.map((o) => o.score ?? 0).sort((a, b) => b - a);
  if (d.kind === 'single') return sorted[0] ?? 0;
  return clamp01(sorted.slice(0, d.max ?? sorted.length).reduce((a, b) => a + b, 0));
}

/** A decision's best value: a function of the scenario's decision alone, so worked out once per decision. */
const bestOf = new WeakMap<DecisionPoint, number>();
function bestRounded(d: DecisionPoint): number {
  let b = bestOf.get(d);
  if (b === undefined) {
    b = round(bestValue(d));
    bestOf.set(d, b);
  }
  return b;
}

/*
 * Scoring runs for every state a trainer's screen shows, so its objects are built by assigning fields
 * in order rather than with object spread (`{ ...base, x }`, `...(c ? { y } : {})`), which V8 runs
 * tens of times slower than plain assignment. The fields keep the order the spreads gave them: the
 * report's JSON (and every golden file) is byte-for-byte the same.
 */
function decisionScore(d: DecisionPoint, state: DrillState): DecisionScore {
  const r = state.decisions[d.id]!;
  const decider = r.by === undefined ? undefined : state.participants.find((p) => p.id === r.by);
  const simulated =
    decider !== undefined
      ? decider.colleague !== undefined
      : humansHolding(state.participants, d.roles).length === 0;
  // The fields every decision score starts with; `status` onwards follow in the order below.
  const out = {
    decision: d.id,
    capability: d.capability,
    roles: [...d.roles],
    weight: d.weight,
    best: bestRounded(d),
  } as DecisionScore;
  if (simulated) out.simulated = true;
  if (r.status !== 'closed') {
    out.status = 'not-reached';
    out.options = [];
    out.value = 0;
    out.credit = 0;
    out.feedback = [];
    return out;
  }
  const options = r.options ?? [];
  const single = d.kind === 'single' ? d.options.find((o) => o.id === options[0]) : undefined;
  const value = choiceValue(d, options, r.allocation, state);
  let credit = value;
  if (r.timeliness === 'late') credit = value * Math.max(0, 1 - d.lateDecay * ((r.at! - r.due!) / 60));
  if (r.timeliness === 'missed') credit = 0;
  const locals =
    d.kind === 'allocate'
      ? Object.fromEntries(d.options.map((o) => [o.id, own(r.allocation, o.id) ?? 0]))
      : undefined;
  const feedback = d.feedback.flatMap((f, i) =>
    evaluate(f.when.ast, stateEnv(state, undefined, locals)) ? [i] : [],
  );
  out.capability = single?.capability ?? d.capability;
  out.status = r.by ? 'decided' : 'missed';
  out.timeliness = r.timeliness!;
  out.options = [...options];
  if (r.allocation) out.allocation = { ...r.allocation };
  if (r.by) out.by = r.by;
  out.at = r.at!;
  out.due = r.due!;
  if (r.rationale) out.rationale = r.rationale;
  out.value = round(value);
  out.credit = round(credit);
  out.feedback = feedback;
  return out;
}

const RATING_ORDER: readonly Rating[] = RATINGS;
/** The worse of two ratings (P best, U worst). */
const worseOf = (a: Rating, b: Rating): Rating =>
  RATING_ORDER.indexOf(a) >= RATING_ORDER.indexOf(b) ? a : b;

function rate(
  scenario: Scenario,
  ds: DecisionScore[],
  overrides: Override[],
  subject: Subject,
  caps: readonly AppliedCap[] = [],
  capsFor: (capability: string) => AppliedCap[] = () => [],
): SubjectRatings {
  // The reached decisions of each capability, in `ds` order: one pass, not one filter per capability
  // (the room server scores every state; this runs once per team, role and participant).
  const reachedBy = new Map<string, DecisionScore[]>();
  for (const d of ds)
    if (d.status !== 'not-reached') {
      const list = reachedBy.get(d.capability);
      if (list) list.push(d);
      else reachedBy.set(d.capability, [d]);
    }
  const capabilities = scenario.capabilities.map((c): CapabilityRating => {
    const ev = reachedBy.get(c.id) ?? [];
    const w = ev.reduce((a, d) => a + d.weight, 0);
    const credit = w > 0 ? round(ev.reduce((a, d) => a + d.credit * d.weight, 0) / w) : null;
    // A capability rated from decisions is capped by the outcomes that bear on it (deaths cap
    // protective actions); with no decision evidence it stays unrated rather than charged for others.
    const applied = credit === null ? [] : capsFor(c.id);
    const proposed: ProposedRating =
      credit === null ? 'not-rated' : applied.reduce((r, x) => worseOf(r, x.rating!), ratingFor(credit));
    // The latest override of this capability for this subject wins.
    let o: Override | undefined;
    for (let i = overrides.length - 1; i >= 0 && !o; i--) {
      const x = overrides[i]!;
      if (
        x.capability === c.id &&
        x.subject.kind === subject.kind &&
        (x.subject.id ?? '') === (subject.id ?? '')
      )
        o = x;
    }
    const out: CapabilityRating = {
      capability: c.id,
      proposed,
      final: o ? o.rating : proposed,
      credit,
      evidence: ev.map((d) => d.decision),
    };
    if (applied.length) out.caps = applied.map((x) => ({ ...x }));
    if (o) {
      const override = { rating: o.rating, note: o.note } as NonNullable<CapabilityRating['override']>;
      if (o.by) override.by = o.by;
      override.seq = o.seq;
      out.override = override;
    }
    return out;
  });
  const reached = ds.filter((d) => d.status !== 'not-reached');
  const w = reached.reduce((a, d) => a + d.weight, 0);
  const ceiling = Math.min(100, ...caps.flatMap((x) => (x.overall === undefined ? [] : [x.overall])));
  return {
    subject,
    capabilities,
    score:
      w > 0
        ? round(Math.min(ceiling, (100 * reached.reduce((a, d) => a + d.credit * d.weight, 0)) / w), 2)
        : null,
  };
}

/** Decisions a participant answers for: those they took, and those they could have taken but nobody did. */
function answerableBy(p: Participant, ds: DecisionScore[]): DecisionScore[] {
  return ds.filter((d) => answersFor(p, d));
}

/** Whether a participant answers for a decision (see `answerableBy`). */
function answersFor(p: Participant, d: DecisionScore): boolean {
  if (p.colleague !== undefined) return false;
  return d.by ? d.by === p.id : d.status === 'missed' && holdsRole(p, d.roles);
}

/** The caps that bad outcomes impose (an outcome is worse than a cap's threshold towards `worst`). */
function appliedCaps(scenario: Scenario, outcomes: readonly OutcomeScore[]): AppliedCap[] {
  return scenario.outcomes.flatMap((o, i) => {
    const value = outcomes[i]!.value;
    const worse = (limit: number): boolean => (o.worst > o.target ? value > limit : value < limit);
    return o.caps
      .filter((c) => worse(c.worseThan))
      .map((c): AppliedCap => ({
        outcome: o.id,
        value,
        worseThan: c.worseThan,
        ...(c.capability !== undefined && c.rating !== undefined ? { capability: c.capability } : {}),
        ...(c.rating !== undefined ? { rating: c.rating } : {}),
        ...(c.overall !== undefined ? { overall: c.overall } : {}),
      }));
  });
}

/**
 * Scores a drill from its state alone — and the state is a fold of the transcript's inputs — so
 * `verify` can recompute every number from a transcript.
 */
export function scoreDrill(scenario: Scenario, state: DrillState): ScoreReport {
  // A discussion has no right answer: it is never scored (the report shows its answers instead).
  const decisions = scenario.decisions
    .filter((d) => d.kind !== 'discuss')
    .map((d) => decisionScore(d, state));
  // The people at the table answer for their own seats; a simulated colleague's decisions are shown
  // but never charged to them.
  const charged = decisions.filter((d) => d.simulated === undefined);
  const env = stateEnv(state);
  const outcomes = scenario.outcomes.map((o): OutcomeScore => {
    const value = Number(evaluate(o.value.ast, env));
    return {
      outcome: o.id,
      value: round(value, 2),
      credit: round(clamp01((value - o.worst) / (o.target - o.worst))),
    };
  });
  const caps = appliedCaps(scenario, outcomes);
  const ratingCaps = new Map<string, AppliedCap[]>();
  for (const x of caps)
    if (x.capability !== undefined && x.rating !== undefined) {
      const list = ratingCaps.get(x.capability);
      if (list) list.push(x);
      else ratingCaps.set(x.capability, [x]);
    }
  const capsFor = (capability: string): AppliedCap[] => ratingCaps.get(capability) ?? [];
  const overall = rate(scenario, charged, state.overrides, { kind: 'overall' }, caps, capsFor);
  const reached = charged.filter((d) => d.status !== 'not-reached');
  const dw = reached.reduce((a, d) => a + d.weight, 0);
  const decisionsCredit = dw > 0 ? reached.reduce((a, d) => a + d.credit * d.weight, 0) / dw : 0;
  const ow = scenario.outcomes.reduce((a, o) => a + o.weight, 0);
  const outcomesCredit =
    ow > 0 ? outcomes.reduce((a, o, i) => a + o.credit * scenario.outcomes[i]!.weight, 0) / ow : null;
  // Outcomes weigh in as far as the people at the table held the decisions: a cadre playing one seat
  // beside simulated colleagues is judged mostly on that seat's decisions, not on the colleagues' work.
  const allWeight = decisions.filter((d) => d.status !== 'not-reached').reduce((a, d) => a + d.weight, 0);
  const seatShare = allWeight > 0 ? dw / allWeight : 1;
  const share = outcomesCredit === null ? 1 : 1 - (1 - DECISION_SHARE) * seatShare;
  const uncapped = 100 * (share * decisionsCredit + (1 - share) * (outcomesCredit ?? 0));
  const overallCaps = caps.filter((x) => x.overall !== undefined);
  const total = Math.min(uncapped, ...overallCaps.map((x) => x.overall!));

  const humans = state.participants.filter((p) => p.colleague === undefined);
  const teams = [...new Set(humans.map((p) => p.team))].map((team) => {
    const members = humans.filter((p) => p.team === team);
    const ds = decisions.filter((d) => members.some((p) => answersFor(p, d)));
    return rate(scenario, ds, state.overrides, { kind: 'team', id: team }, caps, capsFor);
  });
  const roles = scenario.roles.map((r) =>
    rate(
      scenario,
      charged.filter((d) => d.roles.includes(r.id) || d.roles.includes('all')),
      state.overrides,
      { kind: 'role', id: r.id },
      caps,
      capsFor,
    ),
  );
  const participants = humans.map((p) =>
    rate(
      scenario,
      answerableBy(p, decisions),
      state.overrides,
      { kind: 'participant', id: p.id },
      caps,
      capsFor,
    ),
  );

  const objectives = scenario.objectives.map((o): ObjectiveRating => {
    const rated = overall.capabilities.filter(
      (c) => o.capabilities.includes(c.capability) && c.final !== 'not-rated',
    );
    const order: Rating[] = ['P', 'S', 'M', 'U'];
    // An objective is only as well met as its weakest rated capability.
    const worst = rated.reduce<Rating | undefined>((acc, c) => {
      const r = c.final as Rating;
      return acc === undefined || order.indexOf(r) > order.indexOf(acc) ? r : acc;
    }, undefined);
    return { objective: o.id, rating: worst ?? 'not-rated', capabilities: [...o.capabilities] };
  });

  const strengths = overall.capabilities
    .filter((c) => c.final === 'P' || c.final === 'S')
    .map((c) => c.capability);
  // Ties keep the scenario's order: nothing that feeds a score may depend on the locale.
  const improvements = charged
    .filter((d) => d.status !== 'not-reached' && d.credit < 0.6 * Math.max(d.best, 1e-9))
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.credit - b.d.credit || a.i - b.i)
    .map(({ d }) => d.decision);

  return {
    overall: round(total, 2),
    breakdown: {
      decisions: round(100 * decisionsCredit, 2),
      outcomes: outcomesCredit === null ? null : round(100 * outcomesCredit, 2),
      decisionWeight: round(share),
      outcomeWeight: round(1 - share),
      ...(total < uncapped ? { capped: { before: round(uncapped, 2), caps: overallCaps } } : {}),
    },
    ...(state.ending ? { ending: state.ending } : {}),
    decisions,
    outcomes,
    capabilities: overall.capabilities,
    objectives,
    teams,
    roles,
    participants,
    strengths,
    improvements,
  };
}
