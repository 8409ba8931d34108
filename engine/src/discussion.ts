import { openDecisionAtSeat } from './decision-at-seat.ts';
import type { ParsedInput } from './inputs.ts';
import type { CriticalTask, DecisionPoint, Inject, Module, Objective, Scenario } from './scenario/model.ts';
import { ALL_ROLES } from './scenario/compile.ts';
import {
  holdsRole,
  type Answer,
  type DecisionRecord,
  type Delivery,
  type DrillState,
  type Participant,
} from './state.ts';
import type { LocalizedText } from './text.ts';

/** A letter, digit, punctuation mark or symbol (emoji included): something a reader can see. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * The discussion-based constructs (HSEEP tabletop): modules that pace the drill, open questions
 * answered by the table or by each role, evaluators' observations and variation notices. The pure
 * queries every front end asks, and the state changes `step` delegates here (on the step's working
 * copy of the state), kept apart from the scheduling code.
 */

/** The module under way at minute `t`: the last one starting at or before it. */
export function moduleAt(scenario: Scenario, t: number): Module | undefined {
  let found: Module | undefined;
  for (const m of scenario.modules) if (m.at <= t) found = m;
  return found;
}

/** A module by id. */
export function moduleOf(scenario: Scenario, id: string | undefined): Module | undefined {
  return id === undefined ? undefined : scenario.modules.find((m) => m.id === id);
}

/** The module the drill reaches next (not yet started), if any. */
export function nextModule(scenario: Scenario, state: DrillState): Module | undefined {
  const i = state.module === undefined ? -1 : scenario.modules.findIndex((m) => m.id === state.module);
  return scenario.modules[i + 1];
}

/** Every critical task with its objective, in scenario order: what evaluators observe against. */
export interface TaskRef {
  objective: Objective;
  task: CriticalTask;
}
export function criticalTasks(scenario: Scenario): TaskRef[] {
  return scenario.objectives.flatMap((objective) => objective.tasks.map((task) => ({ objective, task })));
}

/** The roles whose answers a discussion collects: each of its roles, or one (undefined) for the table. */
function answerSlots(d: DecisionPoint): (string | undefined)[] {
  return d.each === 'role' ? d.roles.filter((r) => r !== ALL_ROLES) : [undefined];
}

/** The roles of an `each: role` discussion still without an answer (empty when not per role). */
export function pendingAnswerRoles(state: DrillState, d: DecisionPoint): string[] {
  if (d.each !== 'role') return [];
  const answered = new Set((state.decisions[d.id]?.answers ?? []).map((a) => a.role));
  return d.roles.filter((r) => r !== ALL_ROLES && !answered.has(r));
}

/** The roles of an `each: role` discussion this participant may answer for. */
export function answerRolesFor(d: DecisionPoint, p: Participant): string[] {
  if (d.each !== 'role') return [];
  return d.roles.filter((r) => r !== ALL_ROLES && (p.roles.includes(ALL_ROLES) || p.roles.includes(r)));
}

/**
 * The reasons of `bad-choice` refusals that are not about a choice's count or allocation: a refusal's
 * Chinese words tell them apart by these (the code stays `bad-choice` for clients).
 */
export const EMPTY_ANSWER = 'the answer is empty';
export const OBSERVATION_NEEDS_NOTE = 'the observation needs a note';
export const OBSERVED_OUTSIDE_CLOCK = 'the time observed is outside the scenario clock';

export interface Refusal {
  code:
    | 'unknown-participant'
    | 'unknown-decision'
    | 'decision-not-open'
    | 'decision-closed'
    | 'role-not-allowed'
    | 'bad-choice'
    | 'unknown-task';
  reason: string;
}

/** Why an answer cannot be recorded, or undefined when it can. */
export function checkAnswer(
  scenario: Scenario,
  state: DrillState,
  inp: Extract<ParsedInput, { type: 'answer' }>,
): Refusal | undefined {
  const at = openDecisionAtSeat(scenario, state, inp);
  if ('code' in at) return at;
  const { p, d } = at;
  // Blank to the eye is empty: zero-width and direction marks alone (U+200B, U+2060, U+202E…) would
  // close a question with an answer nobody can read.
  if (!VISIBLE.test(inp.text)) return { code: 'bad-choice', reason: EMPTY_ANSWER };
  if (!holdsRole(p, d.roles))
    return {
      code: 'role-not-allowed',
      reason: `${p.name} (${p.roles.join(', ')}) may not answer \`${d.id}\`: it is for ${d.roles.join(', ')}`,
    };
  if (d.each !== 'role') {
    if (inp.role !== undefined)
      return {
        code: 'bad-choice',
        reason: `question \`${d.id}\` takes one answer for the table, not per role`,
      };
    return undefined;
  }
  const mine = answerRolesFor(d, p);
  if (inp.role === undefined) {
    if (mine.length !== 1)
      return { code: 'bad-choice', reason: `say which role this answer is for (${mine.join(', ')})` };
    return undefined;
  }
  if (!d.roles.includes(inp.role))
    return { code: 'role-not-allowed', reason: `question \`${d.id}\` is not asked of \`${inp.role}\`` };
  if (!mine.includes(inp.role))
    return { code: 'role-not-allowed', reason: `${p.name} does not hold the role \`${inp.role}\`` };
  return undefined;
}

/** Why an observation cannot be recorded, or undefined when it can. */
export function checkObservation(
  scenario: Scenario,
  inp: Extract<ParsedInput, { type: 'observe' }>,
): Refusal | undefined {
  if (!criticalTasks(scenario).some((t) => t.task.id === inp.task))
    return { code: 'unknown-task', reason: `this scenario has no critical task \`${inp.task}\`` };
  if (inp.at !== undefined && (inp.at < scenario.clock.start || inp.at > scenario.clock.end))
    return { code: 'bad-choice', reason: OBSERVED_OUTSIDE_CLOCK };
  if (inp.note.trim() === '') return { code: 'bad-choice', reason: OBSERVATION_NEEDS_NOTE };
  return undefined;
}

/**
 * Records an answer on a decision's record (the step's writable copy) and returns it. A role answering
 * again replaces its answer; answers stay in the decision's role order.
 */
export function recordAnswer(
  d: DecisionPoint,
  r: DecisionRecord,
  p: Participant,
  inp: Extract<ParsedInput, { type: 'answer' }>,
  at: number,
): Answer {
  const role = d.each === 'role' ? (inp.role ?? answerRolesFor(d, p)[0]) : undefined;
  const answer: Answer = {
    ...(role !== undefined ? { role } : {}),
    by: p.id,
    ...(inp.by !== undefined ? { member: inp.by } : {}),
    at,
    text: inp.text.trim(),
  };
  const slots = answerSlots(d);
  r.answers = [...(r.answers ?? []).filter((a) => a.role !== role), answer].sort(
    (a, b) => slots.indexOf(a.role) - slots.indexOf(b.role),
  );
  if (inp.elapsedMs !== undefined) r.elapsedMs = inp.elapsedMs;
  return answer;
}

/** The feed delivery of a variation outcome's notice, shown to every seat. */
export function noticeDelivery(variation: string, outcome: string, at: number): Delivery {
  return { inject: `notice-${variation}`, at, roles: [ALL_ROLES], notice: { variation, outcome } };
}

const CONTROL: LocalizedText = { en: 'Exercise control', 'zh-CN': '演练导调组' };

/**
 * What a delivery shows — a scenario inject, a trainer's ad-hoc inject or a variation's notice — in
 * one shape, so every feed (terminal, console, projector, report) renders the three alike.
 */
export function deliverySource(
  scenario: Scenario,
  d: Delivery,
): Pick<Inject, 'source' | 'channel' | 'urgency' | 'title' | 'text'> | undefined {
  if (d.adhoc) return d.adhoc;
  if (d.notice) {
    const v = scenario.variations.find((x) => x.id === d.notice!.variation);
    const o = v?.outcomes.find((x) => x.id === d.notice!.outcome);
    if (!v || !o?.notice) return undefined;
    return {
      source: CONTROL,
      channel: 'document',
      urgency: 'priority',
      ...(o.label !== undefined
        ? { title: o.label }
        : v.description !== undefined
          ? { title: v.description }
          : {}),
      text: o.notice,
    };
  }
  return scenario.injects.find((i) => i.id === d.inject);
}
