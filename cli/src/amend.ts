import {
  RATINGS,
  Session,
  Table,
  type Actor,
  type Rating,
  type Scenario,
  type TableCommand,
  type Transcript,
} from '@drill/engine';
import { userPath, UserError, writeFileAtomic } from './io.ts';
import { messageLang, reasonSaid, say } from './say.ts';

/**
 * Adds one input to a recorded drill the way every front end does: through the engine `Table`, as
 * `actor` (an evaluator's observation, a trainer's override), so what the command line may amend is
 * the Table's to decide. Returns the amended transcript, re-signed with `signingKey` when given.
 */
export function amendTranscript(
  file: string,
  scenario: Scenario,
  t: Transcript,
  actor: Actor,
  command: TableCommand,
  o: { signingKey?: Uint8Array; what: 'observation' | 'override' },
): Transcript {
  const s = Session.resume(scenario, t);
  if ('error' in s) throw new UserError(`${file}${say(': ', '：')}${reasonSaid(s.error)}`);
  if (o.signingKey) s.signingKey = o.signingKey;
  const table = Table.solo(scenario, s);
  if ('error' in table) throw new UserError(`${file}${say(': ', '：')}${reasonSaid(table.error)}`);
  // The Table words its refusal in the terminal's language (the engine's by its code).
  const r = table.submit(actor, command, { lang: messageLang() });
  if (!r.ok)
    throw new UserError(
      say(
        `the ${o.what} was refused: ${r.reason}`,
        `${o.what === 'observation' ? '评估员观察记录' : '评估员调整评定'}被拒绝：${r.reason}`,
      ),
    );
  return table.transcripts()[0]!;
}

/** A `--rating` option (P, S, M or U, either case) as a rating, or a message naming the ones it takes. */
export function ratingOption(text: string): Rating {
  const rating = text.toUpperCase() as Rating;
  if (!RATINGS.includes(rating))
    throw new UserError(
      say(
        `--rating takes one of ${RATINGS.join(', ')} (not \`${text}\`)`,
        `--rating 可选 ${RATINGS.join('、')}（而不是“${text}”）`,
      ),
    );
  return rating;
}

/**
 * Writes an amended transcript where `--out` names (atomically: a failed write leaves the file as it
 * was) and returns the path written, for the line that reports it.
 */
export function writeAmended(out: string, transcript: Transcript): string {
  const path = userPath(out);
  writeFileAtomic(path, `${JSON.stringify(transcript, null, 1)}\n`);
  return path;
}
