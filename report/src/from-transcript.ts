import {
  replay,
  verifyReplay,
  type DrillState,
  type Scenario,
  type Transcript,
  type VerifyResult,
} from '@drill/engine';
import { buildAar, type Aar } from './aar.ts';

export type AarFromTranscript =
  | { ok: true; aar: Aar; verification: VerifyResult; /** The replayed final state. */ state: DrillState }
  | { ok: false; reason: string; verification: VerifyResult };

/**
 * The one recipe for a report from a transcript: verify it and build the After-Action Report from the
 * same replay (replaying is most of a report's cost, so it is done once). A transcript that fails
 * verification is refused with verify's reason, unless `unverified`: then the report covers what
 * replays — up to the first broken entry, the only case that replays a second time — and says so.
 */
export function aarFromTranscript(
  scenario: Scenario,
  t: Transcript,
  o: { unverified?: boolean } = {},
): AarFromTranscript {
  const { verification, replayed } = verifyReplay(scenario, t, { keepStates: true });
  if (!verification.ok && !o.unverified) return { ok: false, reason: verification.reason, verification };
  if (replayed)
    return {
      ok: true,
      aar: buildAar(scenario, t, replayed, verification),
      verification,
      state: replayed.state,
    };
  const upTo = verification.ok ? undefined : verification.entry;
  const partial = upTo !== undefined ? replay(scenario, t, { keepStates: true, upTo: upTo - 1 }) : undefined;
  if (!partial?.ok)
    return {
      ok: false,
      reason: verification.ok ? 'the transcript does not replay' : verification.reason,
      verification,
    };
  return { ok: true, aar: buildAar(scenario, t, partial, verification), verification, state: partial.state };
}
