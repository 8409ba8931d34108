import {
  createDrill,
  playOut,
  policyChoice,
  policyRandom,
  type Lang,
  scoreDrill,
  soloParticipant,
  step,
  type Driver,
  type DrillState,
  type Input,
  type Policy,
  type Scenario,
} from '@drill/engine';

/** What one automatic playthrough reached: the raw material of the coverage report. */
export interface RunRecord {
  seed: string;
  policy: Policy;
  /** Injects delivered (fired), decision points opened, options chosen per decision. */
  injects: string[];
  decisions: string[];
  options: Record<string, string[]>;
  /** Decision points decided by the player, not closed with their default. */
  decided: string[];
  ending?: string;
  score: number;
  objectives: Record<string, string>;
  variations: Record<string, string>;
  inputs: number;
  error?: { message: string; inputs: Input[] };
}

/** Most inputs one playthrough may take: a drill that has not ended by then is reported as an engine error. */
export const MAX_INPUTS = 10_000;

/**
 * Plays one drill with the engine's own autoplay loop (`playOut`: same policy, same seeded choices),
 * driving the bare state through `step` — no transcript hashing, which is most of a session's cost — and
 * keeping the inputs, so an engine error comes with the exact input list that reproduces it.
 */
export function playthrough(scenario: Scenario, seed: string, policy: Policy, lang: Lang = 'en'): RunRecord {
  const inputs: Input[] = [];
  const base = {
    seed,
    policy,
    injects: [],
    decisions: [],
    options: {},
    decided: [],
    score: 0,
    objectives: {},
    variations: {},
    inputs: 0,
  };
  try {
    const created = createDrill(scenario, { seed, participants: [soloParticipant('Auto player')] });
    if (!created.ok) return { ...base, error: { message: created.reason, inputs } };
    let state = created.state;
    // The engine's one autoplay loop drives it; this driver steps the bare state (no transcript),
    // keeps every accepted input and checks the invariants after each.
    const driver: Driver = {
      get state() {
        return state;
      },
      apply(input) {
        // playOut ends a drill still running after `maxInputs`: for coverage that is an engine error.
        if (input.type === 'end')
          throw new InvariantError(`the drill did not end within ${MAX_INPUTS} inputs`);
        const r = step(scenario, state, input);
        if (!r.ok) return { ok: false, rejection: r.rejection };
        inputs.push(input);
        state = r.state;
        const bad = invariantBroken(scenario, state);
        if (bad) throw new InvariantError(bad);
        return { ok: true };
      },
    };
    const rnd = policyRandom(policy, seed);
    playOut(driver, {
      choose: (s) => policyChoice(scenario, s, policy, rnd, { lang }),
      maxInputs: MAX_INPUTS,
    });
    if (state.phase === 'running' || state.phase === 'paused')
      throw new InvariantError(`the drill did not end within ${MAX_INPUTS} inputs`);
    return record(scenario, state, { ...base, inputs: inputs.length });
  } catch (e) {
    return {
      ...base,
      inputs: inputs.length,
      error: { message: e instanceof Error ? e.message : String(e), inputs },
    };
  }
}

class InvariantError extends Error {}

/** What must hold after every step; a break is an engine bug worth a reproducible report. */
function invariantBroken(scenario: Scenario, s: DrillState): string | undefined {
  for (const v of scenario.variables) {
    const x = s.world[v.id];
    if (v.type === 'number') {
      if (typeof x !== 'number' || !Number.isFinite(x))
        return `variable \`${v.id}\` is ${String(x)}, not a finite number`;
      if ((v.min !== undefined && x < v.min) || (v.max !== undefined && x > v.max))
        return `variable \`${v.id}\` = ${x} left its bounds`;
    } else if (typeof x !== 'boolean') return `variable \`${v.id}\` is ${String(x)}, not true/false`;
  }
  if (s.clock < scenario.clock.start || s.clock > scenario.clock.end)
    return `the clock (${s.clock}) left the scenario clock`;
  return undefined;
}

function record(scenario: Scenario, s: DrillState, base: RunRecord): RunRecord {
  const report = scoreDrill(scenario, s);
  const opened = scenario.decisions
    .filter((d) => ['open', 'closed'].includes(s.decisions[d.id]!.status))
    .map((d) => d.id);
  return {
    ...base,
    injects: scenario.injects.filter((i) => s.injects[i.id]!.status === 'fired').map((i) => i.id),
    decisions: opened,
    options: Object.fromEntries(
      opened.map((d) => {
        const r = s.decisions[d]!;
        const chosen =
          r.options ?? Object.keys(r.allocation ?? {}).filter((k) => (r.allocation![k] ?? 0) > 0);
        return [d, chosen];
      }),
    ),
    decided: opened.filter((d) => s.decisions[d]!.by !== undefined),
    ...(s.ending ? { ending: s.ending } : {}),
    score: report.overall,
    objectives: Object.fromEntries(report.objectives.map((o) => [o.objective, o.rating])),
    variations: { ...s.variations },
  };
}
