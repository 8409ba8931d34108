/** One team's line on a projector's scoreboard: its score as shown, and optionally its ratings. */
export interface ProjectorScoreRow {
  team: string;
  score: string;
  ratings?: string;
}

/**
 * The scoreboard both projectors show (the browser-only one fed by the console, the room's fed by the
 * server): one row per team, the caption for screen readers or on screen.
 */
export function ProjectorScores({
  caption,
  captionVisible = false,
  rows,
}: {
  caption: string;
  captionVisible?: boolean;
  rows: ProjectorScoreRow[];
}) {
  return (
    <table className="pj-scores">
      <caption className={captionVisible ? undefined : 'sr-only'}>{caption}</caption>
      <tbody>
        {rows.map((s) => (
          <tr key={s.team}>
            <th scope="row">{s.team}</th>
            <td data-testid="pj-score">{s.score}</td>
            {s.ratings !== undefined ? <td>{s.ratings}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
