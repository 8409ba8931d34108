import type { DecisionPoint, Scenario } from './scenario/model.ts';
import type { DecisionRecord, DrillState, Participant } from './state.ts';

/** Why a participant's input on a decision cannot be taken (a subset of the engine's refusal codes). */
export interface SeatRefusal {
  code: 'unknown-participant' | 'unknown-decision' | 'decision-closed' | 'decision-not-open' | 'bad-choice';
  reason: string;
}

/**
 * The participant and decision an input names, or why they do not exist: the first checks a choice and
 * a discussion answer share (each then checks what its kind of decision needs).
 */
function decisionAtSeat(
  scenario: Scenario,
  state: DrillState,
  participant: string,
  decision: string,
): { p: Participant; d: DecisionPoint; rec: DecisionRecord } | SeatRefusal {
  const p = state.participants.find((x) => x.id === participant);
  if (!p)
    return {
      code: 'unknown-participant',
      reason: `there is no participant \`${participant}\` in this drill`,
    };
  const d = scenario.decisions.find((x) => x.id === decision);
  if (!d) return { code: 'unknown-decision', reason: `this scenario has no decision \`${decision}\`` };
  return { p, d, rec: state.decisions[d.id]! };
}

/** Whether the decision is open now; `noun` names it in the reason ("decision", "question"). */
function openProblem(rec: DecisionRecord, id: string, noun: string): SeatRefusal | undefined {
  if (rec.status === 'closed')
    return { code: 'decision-closed', reason: `${noun} \`${id}\` is already closed` };
  if (rec.status !== 'open')
    return { code: 'decision-not-open', reason: `${noun} \`${id}\` is not open yet` };
  return undefined;
}

/**
 * The participant, decision and record a choice or a discussion answer acts on, once the decision is of
 * the input's kind (a discussion question takes written answers, every other decision choices) and is
 * open now; else why not. Each caller then checks what its kind of input needs.
 */
export function openDecisionAtSeat(
  scenario: Scenario,
  state: DrillState,
  inp: { type: 'choose' | 'answer'; participant: string; decision: string },
): { p: Participant; d: DecisionPoint; rec: DecisionRecord } | SeatRefusal {
  const at = decisionAtSeat(scenario, state, inp.participant, inp.decision);
  if ('code' in at) return at;
  const { d, rec } = at;
  if (inp.type === 'answer' && d.kind !== 'discuss')
    return { code: 'bad-choice', reason: `decision \`${d.id}\` takes a choice, not a written answer` };
  if (inp.type === 'choose' && d.kind === 'discuss')
    return {
      code: 'bad-choice',
      reason: `\`${d.id}\` is a discussion question: record an answer, not a choice`,
    };
  return openProblem(rec, d.id, inp.type === 'answer' ? 'question' : 'decision') ?? at;
}
