/**
 * A score as every screen shows it: one decimal, as the after-action report heads with
 * (@drill/report renders `score.toFixed(1)`), so the console's debrief, scoreboard, projector, Review's
 * comparison and the printed AAR read the same figure for the same drill.
 */
export function scoreText(score: number | null | undefined): string {
  return score === null || score === undefined || !Number.isFinite(score) ? '—' : score.toFixed(1);
}
