import {
  nextEventTime,
  Session,
  soloParticipant,
  type DecisionPoint,
  type Input,
  type Participant,
  type Scenario,
  type Transcript,
} from '@drill/engine';

/** How a test player handles one decision: when in its open window, and which options. */
export interface DecisionPlan {
  /** Decide this far into the open window (0 = at once, just under 1 = just before it closes). */
  frac: number;
  /** Let the deadline pass: the default is taken. */
  never: boolean;
  /** Raw picks: indexes (mod the option count) for single/multi, amounts for allocations. */
  picks: number[];
}

export interface PlayOptions {
  seed: string;
  plan: (d: DecisionPoint, index: number) => DecisionPlan;
  /** Decisions to answer with the option(s) the scenario scores best instead of the plan's picks. */
  best?: ReadonlySet<string>;
  participants?: Participant[];
}

type Choose = Extract<Input, { type: 'choose' }>;

function candidates(
  d: DecisionPoint,
  plan: DecisionPlan,
  best: boolean,
): Omit<Choose, 'type' | 'participant' | 'decision'>[] {
  const n = d.options.length;
  const ids = d.options.map((o) => o.id);
  if (d.kind === 'allocate') {
    const base = Object.fromEntries(
      ids.map((id, i) => [id, Math.max(d.options[i]!.min ?? 0, (plan.picks[i] ?? 0) % 7)]),
    );
    // Halve until the budget takes it (the player does not know the budget).
    const out = [];
    for (let k = 0; k < 6; k++)
      out.push({
        allocation: Object.fromEntries(
          Object.entries(base).map(([id, v], i) => [
            id,
            Math.max(d.options[i]!.min ?? 0, Math.floor(v / 2 ** k)),
          ]),
        ),
      });
    return out;
  }
  const byScore = [...d.options].sort((a, b) => (b.score ?? 0) - (a.score ?? 0)).map((o) => o.id);
  if (d.kind === 'single') {
    const order = best ? byScore : Array.from({ length: n }, (_, k) => ids[((plan.picks[0] ?? 0) + k) % n]!);
    return order.map((o) => ({ options: [o] }));
  }
  const max = Math.min(d.max ?? n, n);
  if (best) {
    const positive = byScore.filter((o) => (d.options.find((x) => x.id === o)!.score ?? 0) > 0);
    const top = positive.length ? positive.slice(0, max) : byScore.slice(0, 1);
    // If some are not offered now, fall back to smaller best-first sets.
    return top.map((_, k) => ({ options: top.slice(0, top.length - k) }));
  }
  const k = 1 + ((plan.picks[0] ?? 0) % max);
  const chosen: string[] = [];
  for (let i = 1; chosen.length < k && i < 50; i++) {
    const o = ids[(plan.picks[i % Math.max(1, plan.picks.length)] ?? i) % n]!;
    if (!chosen.includes(o)) chosen.push(o);
    else {
      const free = ids.find((x) => !chosen.includes(x));
      if (free) chosen.push(free);
    }
  }
  return [{ options: chosen }, ...ids.map((o) => ({ options: [o] }))];
}

/**
 * Plays a whole drill through a Session, deciding each decision at a planned point of its open window
 * (so switching one choice does not move the others in time), and returns the finished transcript.
 */
export function playPlan(scenario: Scenario, o: PlayOptions): { session: Session; transcript: Transcript } {
  const participants = o.participants ?? [soloParticipant('Tester')];
  const s = Session.start(scenario, { seed: o.seed, participants, startedAt: '2026-01-01T00:00:00.000Z' });
  if ('error' in s) throw new Error(s.error);
  s.apply({ type: 'start' });
  const done = new Set<string>();
  for (let guard = 0; guard < 5000; guard++) {
    // A module start holds the drill for the facilitator: go on, as a facilitator would.
    if (s.state.phase === 'paused' && s.state.holding) s.apply({ type: 'resume' });
    if (s.state.phase !== 'running') break;
    const planned: number[] = [];
    let acted = false;
    scenario.decisions.forEach((d, i) => {
      const rec = s.state.decisions[d.id]!;
      if (rec.status !== 'open' || done.has(d.id)) return;
      const plan = o.plan(d, i);
      if (plan.never) return;
      const span = Math.max(0, rec.closesAt! - rec.openedAt! - 1);
      const when = rec.openedAt! + Math.floor(plan.frac * span);
      if (s.state.clock < when) {
        planned.push(when);
        return;
      }
      const who = participants.find(
        (p) => p.roles.includes('all') || d.roles.includes('all') || p.roles.some((r) => d.roles.includes(r)),
      );
      if (!who) return;
      if (d.kind === 'discuss') {
        // An open question has no options and no score: answer it (each role in turn when asked so).
        for (const role of d.each === 'role' ? d.roles : [undefined])
          s.apply({
            type: 'answer',
            participant: who.id,
            decision: d.id,
            ...(role !== undefined ? { role } : {}),
            text: `plan ${i}`,
          });
        done.add(d.id);
        acted = true;
        return;
      }
      for (const c of candidates(d, plan, o.best?.has(d.id) === true)) {
        const r = s.apply({
          type: 'choose',
          participant: who.id,
          decision: d.id,
          ...c,
          rationale: `plan ${i}`,
        });
        if (r.ok) break;
      }
      done.add(d.id);
      acted = true;
    });
    if (acted) continue;
    const next = nextEventTime(scenario, s.state, true);
    const target = Math.min(next ?? Infinity, ...planned);
    if (!Number.isFinite(target)) {
      s.apply({ type: 'end' });
      break;
    }
    s.apply(
      target > s.state.clock
        ? { type: 'advance', minutes: target - s.state.clock }
        : { type: 'advance', to: 'next' },
    );
  }
  if (s.state.phase === 'running') s.apply({ type: 'end' });
  return { session: s, transcript: s.transcript() };
}
