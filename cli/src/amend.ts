import { Session, Table, type Actor, type Scenario, type TableCommand, type Transcript } from '@drill/engine';
import { UserError } from './io.ts';

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
  o: { signingKey?: Uint8Array; what: string },
): Transcript {
  const s = Session.resume(scenario, t);
  if ('error' in s) throw new UserError(`${file}: ${s.error}`);
  if (o.signingKey) s.signingKey = o.signingKey;
  const table = Table.solo(scenario, s);
  if ('error' in table) throw new UserError(`${file}: ${table.error}`);
  const r = table.submit(actor, command, { lang: 'en' });
  if (!r.ok) throw new UserError(`the ${o.what} was refused: ${r.reason}`);
  return table.transcripts()[0]!;
}
