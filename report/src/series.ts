import { scoreDrill, type Scenario, type DrillState } from '@drill/engine';

/** The score at one scenario minute, from the state the drill was in then. */
export interface SeriesPoint {
  at: number;
  /** The overall score of the drill so far (decisions taken so far, outcomes as the world stood). */
  score: number;
  /** How many decisions had closed by then (the score means little before the first). */
  decided: number;
  /** Weighted decision credit earned so far, as a share (0–100) of every decision the scenario holds. */
  credit: number;
}

/** At most this many points: enough for a chart, bounded for long drills. */
const MAX_POINTS = 300;

/**
 * The running score over scenario time: each distinct clock's last state is scored as if the drill had
 * stopped there. Pure and cheap (one `scoreDrill` per point).
 */
export function scoreSeries(scenario: Scenario, states: readonly DrillState[]): SeriesPoint[] {
  const lastAt = new Map<number, DrillState>();
  for (const s of states) if (s.phase !== 'briefing') lastAt.set(s.clock, s);
  let picked = [...lastAt.values()];
  if (picked.length > MAX_POINTS) {
    const stride = picked.length / MAX_POINTS;
    picked = [
      ...Array.from({ length: MAX_POINTS - 1 }, (_, i) => picked[Math.floor(i * stride)]!),
      picked.at(-1)!,
    ];
  }
  const totalWeight = scenario.decisions.reduce((a, d) => a + d.weight, 0);
  return picked.map((s) => {
    const r = scoreDrill(scenario, s);
    const closed = r.decisions.filter((d) => d.status !== 'not-reached');
    const earned = closed.reduce((a, d) => a + d.credit * d.weight, 0);
    return {
      at: s.clock,
      decided: closed.length,
      score: r.overall,
      credit: totalWeight > 0 ? Math.round((10_000 * earned) / totalWeight) / 100 : 0,
    };
  });
}
