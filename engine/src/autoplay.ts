import seedrandom from 'seedrandom';
import { stateEnv } from './env.ts';
import { evaluate, evaluateBool } from './expr/evaluate.ts';
import type { Input } from './inputs.ts';
import type { DecisionPoint, Scenario } from './scenario/model.ts';
import { choiceValue } from './score.ts';
import { holdsRole, soloParticipant, type DrillState, type Participant } from './state.ts';
import { Session } from './transcript.ts';

/** How an automatic player decides: uniformly at random, the first option, or what scores best / worst. */
export const POLICIES = ['random', 'first', 'best', 'worst'] as const;
export type Policy = (typeof POLICIES)[number];

type Choice = Extract<Input, { type: 'choose' }>;

/** What the policy would do now: a choice for an open decision, or undefined to let the clock run. */
export function policyChoice(
  scenario: Scenario,
  state: DrillState,
  policy: Policy,
  rnd: () => number,
): Choice | undefined {
  for (const d of scenario.decisions) {
    if (state.decisions[d.id]?.status !== 'open') continue;
    const p = state.participants.find((x) => holdsRole(x, d.roles));
    if (!p) continue;
    // The random player sometimes lets a decision wait, so late and missed paths get exercised too.
    if (policy === 'random' && rnd() < 0.15) continue;
    return { type: 'choose', participant: p.id, decision: d.id, ...pick(d, state, policy, rnd) };
  }
  return undefined;
}

function pick(
  d: DecisionPoint,
  state: DrillState,
  policy: Policy,
  rnd: () => number,
): { options: string[] } | { allocation: Record<string, number> } {
  const offered = d.options.filter((o) => !o.when || evaluateBool(o.when.ast, stateEnv(state)));
  if (d.kind === 'allocate')
    return {
      allocation: pickAllocation(
        d,
        state,
        offered.map((o) => o.id),
        policy,
        rnd,
      ),
    };
  const byScore = [...offered].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  if (d.kind === 'single') {
    if (policy === 'first') return { options: [offered[0]!.id] };
    if (policy === 'best') return { options: [byScore[0]!.id] };
    if (policy === 'worst') return { options: [byScore.at(-1)!.id] };
    return { options: [offered[Math.floor(rnd() * offered.length)]!.id] };
  }
  const max = Math.min(d.max ?? offered.length, offered.length);
  if (policy === 'first') return { options: [offered[0]!.id] };
  if (policy === 'best')
    return { options: byScore.filter((o, i) => i === 0 || (i < max && (o.score ?? 0) > 0)).map((o) => o.id) };
  if (policy === 'worst') return { options: [byScore.at(-1)!.id] };
  const k = 1 + Math.floor(rnd() * max);
  const shuffled = [...offered].map((o) => ({ o, r: rnd() })).sort((a, b) => a.r - b.r);
  return { options: shuffled.slice(0, k).map((x) => x.o.id) };
}

function pickAllocation(
  d: DecisionPoint,
  state: DrillState,
  ids: string[],
  policy: Policy,
  rnd: () => number,
): Record<string, number> {
  const budget = Math.max(0, Math.floor(Number(evaluate(d.budget!.ast, stateEnv(state)))));
  const lo = (id: string): number => d.options.find((o) => o.id === id)?.min ?? 0;
  const hi = (id: string): number => Math.min(budget, d.options.find((o) => o.id === id)?.max ?? budget);
  const randomSplit = (): Record<string, number> => {
    const a: Record<string, number> = Object.fromEntries(ids.map((id) => [id, lo(id)]));
    let left = budget - ids.reduce((s, id) => s + lo(id), 0);
    for (let guard = 0; left > 0 && guard < budget * 4 + 10; guard++) {
      const id = ids[Math.floor(rnd() * ids.length)]!;
      if (a[id]! < hi(id)) {
        a[id]! += 1;
        left -= 1;
      }
    }
    return a;
  };
  if (policy === 'random') return randomSplit();
  if (policy === 'first')
    return { ...Object.fromEntries(ids.map((id) => [id, lo(id)])), [ids[0]!]: hi(ids[0]!) };
  // best / worst: search candidate splits with a fixed, seeded sample (deterministic for a seed).
  const candidates = [randomSplit()];
  for (let i = 0; i < 300; i++) candidates.push(randomSplit());
  for (const id of ids) candidates.push({ ...Object.fromEntries(ids.map((x) => [x, lo(x)])), [id]: hi(id) });
  let best = candidates[0]!;
  let bestV = policy === 'best' ? -Infinity : Infinity;
  for (const c of candidates) {
    if (Object.values(c).reduce((s, v) => s + v, 0) > budget) continue;
    const v = choiceValue(d, [], c, state);
    if (policy === 'best' ? v > bestV : v < bestV) {
      best = c;
      bestV = v;
    }
  }
  return best;
}

export interface AutoplayOptions {
  seed: string | number;
  policy: Policy;
  participants?: Participant[];
  startedAt?: string;
  meta?: Record<string, string>;
  /** Safety bound on inputs. */
  maxInputs?: number;
}

/** Plays a whole drill with an automatic policy; returns the finished session (transcript and state). */
export function autoplay(scenario: Scenario, o: AutoplayOptions): Session {
  const s = Session.start(scenario, {
    seed: o.seed,
    participants: o.participants ?? [soloParticipant('Auto player')],
    startedAt: o.startedAt ?? '1970-01-01T00:00:00.000Z',
    meta: { policy: o.policy, ...(o.meta ?? {}) },
  });
  if ('error' in s) throw new Error(s.error);
  const rnd = seedrandom.alea(`policy:${o.policy}:${String(o.seed)}`);
  s.apply({ type: 'start' });
  const max = o.maxInputs ?? 10_000;
  for (let i = 0; i < max && s.state.phase === 'running'; i++) {
    const c = policyChoice(scenario, s.state, o.policy, rnd);
    const r = s.apply(c ?? { type: 'advance', to: 'next' });
    if (!r.ok) s.apply({ type: 'advance', to: 'next' });
  }
  if (s.state.phase === 'running') s.apply({ type: 'end' });
  return s;
}
