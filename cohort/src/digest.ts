import {
  parseTranscript,
  verify,
  type ProposedRating,
  type Scenario,
  type Timeliness,
  type Transcript,
} from '@drill/engine';

/** One input file: its name (as the user gave it) and its text. */
export interface CohortFile {
  file: string;
  text: string;
}

/** Finds the scenario a transcript was recorded on, by id and content hash; undefined when unknown. */
export type ScenarioLookup = (id: string, contentHash: string) => Scenario | undefined;

/** A decision as one run took it: only what the cohort figures need. */
export interface RunDecision {
  id: string;
  status: 'decided' | 'missed' | 'not-reached';
  timeliness?: Timeliness;
  options: string[];
  allocation?: Record<string, number>;
  value: number;
  best: number;
  credit: number;
  weight: number;
  /** Scenario minute it was decided (or due, when missed). */
  at?: number;
  /** Wall-clock milliseconds taken (pressure mode), from the recorded input. */
  elapsedMs?: number;
  /** Allocation feedback lines that applied (indexes into the decision's feedback). */
  feedback: number[];
}

/**
 * What the cohort keeps of one verified run: small and plain (it crosses worker threads), taken only
 * from a transcript whose scores verify recomputed. Simulated colleagues' decisions are already gone.
 */
export interface RunDigest {
  file: string;
  scenarioId: string;
  version: string;
  contentHash: string;
  seed: string;
  startedAt: string;
  mode: string;
  pressure: boolean;
  /** Who the run is about: the one person at the table, or their team(s). */
  subject: string;
  subjectKind: 'participant' | 'team';
  people: string[];
  teams: string[];
  overall: number;
  ending?: string;
  decisions: RunDecision[];
  outcomes: { id: string; value: number; credit: number }[];
  capabilities: { id: string; final: ProposedRating; credit: number | null }[];
}

export interface Excluded {
  file: string;
  reason: string;
}

export type Examined = { ok: true; run: RunDigest } | { ok: false; excluded: Excluded };

const str = (x: unknown): string => (typeof x === 'string' ? x : '');

/** Parses and verifies one file against its scenario; a run that does not hold is excluded with the reason. */
export function examine(f: CohortFile, lookup: ScenarioLookup): Examined {
  const fail = (reason: string): Examined => ({ ok: false, excluded: { file: f.file, reason } });
  const p = parseTranscript(f.text);
  if (!p.ok) return fail(p.reason);
  const t = p.transcript;
  const id = str(t.header?.scenario?.id);
  const hash = str(t.header?.scenario?.contentHash);
  if (!id || !hash) return fail('the header names no scenario');
  const scenario = lookup(id, hash);
  if (!scenario)
    return fail(
      `scenario \`${id}\` version ${str(t.header.scenario.version)} (content hash ${hash.slice(0, 12)}…) is not available: name its file with --scenario`,
    );
  let r;
  try {
    // Straight from parseTranscript, which checked the whole shape: replay need not check it again.
    r = verify(scenario, t, { shapeChecked: true });
  } catch (e) {
    // A malformed transcript can make replay throw: it is still only one excluded file.
    return fail(`cannot be replayed: ${(e as Error).message}`);
  }
  if (!r.ok) return fail(r.reason);
  if (!r.complete || !r.score) return fail('the drill is unfinished: it has no scores yet');
  try {
    return { ok: true, run: digest(f.file, t, r.score) };
  } catch (e) {
    // A header that verify accepted but that is not shaped as expected: one excluded file, not a crash.
    return fail(`cannot be read: ${(e as Error).message}`);
  }
}

function digest(
  file: string,
  t: Transcript,
  score: NonNullable<Extract<ReturnType<typeof verify>, { ok: true }>['score']>,
): RunDigest {
  const h = t.header;
  const humans = h.participants.filter((p) => p.colleague === undefined);
  const people = [...new Set(humans.map((p) => p.name))].sort(cmp);
  const teams = [...new Set(humans.map((p) => p.team).filter((x) => x && x !== 'solo'))].sort(cmp);
  const solo = people.length === 1;
  const elapsed = new Map<string, number>();
  for (const e of t.entries)
    if (e.input.type === 'choose' && e.input.elapsedMs !== undefined)
      elapsed.set(e.input.decision, e.input.elapsedMs);
  return {
    file,
    scenarioId: h.scenario.id,
    version: h.scenario.version,
    contentHash: h.scenario.contentHash,
    seed: h.seed,
    startedAt: h.startedAt,
    mode: h.meta?.mode ?? 'unknown',
    pressure: h.meta?.pressure !== undefined,
    subject: solo ? people[0]! : (teams.length ? teams : people).join(' + '),
    subjectKind: solo ? 'participant' : 'team',
    people,
    teams,
    overall: score.overall,
    ...(score.ending ? { ending: score.ending } : {}),
    decisions: score.decisions
      .filter((d) => !d.simulated)
      .map((d) => ({
        id: d.decision,
        status: d.status,
        ...(d.timeliness ? { timeliness: d.timeliness } : {}),
        options: [...d.options].sort(cmp),
        ...(d.allocation ? { allocation: d.allocation } : {}),
        value: d.value,
        best: d.best,
        credit: d.credit,
        weight: d.weight,
        ...((d.at ?? d.due) !== undefined ? { at: (d.at ?? d.due)! } : {}),
        ...(elapsed.has(d.decision) && d.status === 'decided' ? { elapsedMs: elapsed.get(d.decision)! } : {}),
        feedback: d.feedback,
      })),
    outcomes: score.outcomes.map((o) => ({ id: o.outcome, value: o.value, credit: o.credit })),
    capabilities: score.capabilities.map((c) => ({ id: c.capability, final: c.final, credit: c.credit })),
  };
}

/** Code-unit order: the same on every machine and locale (never localeCompare). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
