import {
  parseTranscript,
  scoreDrill,
  verifyReplay,
  type DrillState,
  type Scenario,
  type ScoreReport,
  type StepEvent,
  type Transcript,
} from '@drill/engine';
import { scenarioById } from '../scenarios.ts';

export interface LoadedFile {
  name: string;
  text: string;
  /** Set when the browser could not read the file at all. */
  error?: string;
}

/** A transcript opened in review: verified and replayed with every intermediate state kept. */
export type Reviewed =
  | {
      ok: true;
      key: string;
      name: string;
      transcript: Transcript;
      scenario: Scenario;
      states: DrillState[];
      events: StepEvent[][];
      score: ScoreReport;
      complete: boolean;
    }
  | { ok: false; key: string; name: string; reason: string };

let counter = 0;

/**
 * Parses, verifies and replays a transcript file. A broken or tampered file is refused with the reason
 * `verify` gives; an unknown scenario is refused too (its file can be loaded in the console's set-up).
 */
export function reviewFile(
  f: LoadedFile,
  extraScenarios: Scenario[] = [],
  key = `${f.name}#${++counter}`,
): Reviewed {
  if (f.error !== undefined) return { ok: false, key, name: f.name, reason: f.error };
  try {
    const p = parseTranscript(f.text);
    if (!p.ok) return { ok: false, key, name: f.name, reason: p.reason };
    if (p.dropped && !p.dropped.torn) return { ok: false, key, name: f.name, reason: p.dropped.reason };
    return reviewTranscript(f.name, p.transcript, extraScenarios, key);
  } catch (e) {
    // Whatever one file does, it is refused on its own: the other files stay open.
    return { ok: false, key, name: f.name, reason: (e as Error)?.message ?? String(e) };
  }
}

export function reviewTranscript(
  name: string,
  t: Transcript,
  extraScenarios: Scenario[] = [],
  key = `${name}#${++counter}`,
): Reviewed {
  const id = t?.header?.scenario?.id;
  const scenario = typeof id === 'string' ? scenarioById(id, extraScenarios) : undefined;
  if (!scenario) return { ok: false, key, name, reason: `unknown-scenario:${String(id)}` };
  // One replay serves the verification and the review's time travel.
  const { verification: v, replayed: r } = verifyReplay(scenario, t, { keepStates: true });
  if (!v.ok) return { ok: false, key, name, reason: v.reason };
  if (!r) return { ok: false, key, name, reason: 'the transcript does not replay' };
  const score = v.score ?? scoreDrill(scenario, r.state);
  return {
    ok: true,
    key,
    name,
    transcript: t,
    scenario,
    states: r.states!,
    events: r.events,
    score,
    complete: v.complete,
  };
}
