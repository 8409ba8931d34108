import { deepFreeze } from './freeze.ts';
import type { Input, ParsedInput } from './inputs.ts';
import { lifecycleStep } from './lifecycle.ts';
import type { Scenario } from './scenario/model.ts';
import { createDrill, type DrillState, type Participant } from './state.ts';
import { step, type Rejection } from './step.ts';

type Correct = Extract<ParsedInput, { type: 'correct' }>;

export type CorrectionResult =
  { ok: true; state: DrillState; inputs: Input[] } | { ok: false; rejection: Rejection };

/**
 * Applies a trainer's correction: the choice recorded at entry `seq` is replaced (its participant,
 * decision, rationale and timing kept; the options or amounts and the reason are the trainer's) and the
 * drill is replayed from the start over `inputs` — the inputs as they stand after earlier corrections,
 * one per transcript entry. An input the corrected history no longer accepts (a later choice on a
 * decision that now closed differently, say) is passed over; the same function runs on replay, so the
 * transcript still verifies. Returns the new state and the new effective inputs.
 */
export function applyCorrection(
  scenario: Scenario,
  origin: { seed: string; participants: readonly Participant[] },
  current: DrillState,
  inputs: readonly Input[],
  c: Correct,
): CorrectionResult {
  const refuse = (reason: string): CorrectionResult => ({
    ok: false,
    rejection: { code: 'bad-correction', reason },
  });
  if (lifecycleStep(current.phase, 'correct') === undefined)
    return {
      ok: false,
      rejection: { code: 'wrong-phase', reason: `cannot correct now: the drill is ${current.phase}` },
    };
  const target = inputs[c.seq - 1];
  if (!target || typeof target !== 'object' || target.type !== 'choose')
    return refuse(`entry ${c.seq} is not a recorded choice`);
  const replacement: Input = {
    type: 'choose',
    participant: target.participant,
    decision: target.decision,
    ...(c.options !== undefined ? { options: c.options } : {}),
    ...(c.allocation !== undefined ? { allocation: c.allocation } : {}),
    ...(target.rationale !== undefined ? { rationale: target.rationale } : {}),
    ...(target.elapsedMs !== undefined ? { elapsedMs: target.elapsedMs } : {}),
    ...(target.by !== undefined ? { by: target.by } : {}),
    correction: { seq: c.seq, note: c.note, ...(c.by !== undefined ? { by: c.by } : {}) },
  };
  const next = [...inputs];
  next[c.seq - 1] = replacement;
  const created = createDrill(scenario, { seed: origin.seed, participants: [...origin.participants] });
  if (!created.ok) return refuse(created.reason);
  let state = created.state;
  for (let i = 0; i < next.length; i++) {
    const input = next[i]!;
    const r = input.type === 'correct' ? undefined : step(scenario, state, input);
    if (r?.ok) {
      state = r.state;
      continue;
    }
    if (i === c.seq - 1) return refuse(`the corrected choice is refused: ${r?.rejection.reason ?? ''}`);
    // Corrections and inputs the corrected history refuses still count as entries: seq stays the entry number.
    state = deepFreeze({ ...state, seq: state.seq + 1 });
  }
  return { ok: true, state: deepFreeze({ ...state, seq: state.seq + 1 }), inputs: [...next, c] };
}
