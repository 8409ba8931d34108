import { autoplay, Session, type Input, type Scenario, type StepEvent } from '@drill/engine';

/** A golden transcript: the inputs of a fixed playthrough and the journal they must produce. */
export interface GoldenRun {
  policy: string;
  seed: string;
  inputs: Input[];
  journal: { seq: number; at: number; stateHash: string; events: string[] }[];
  finalStateHash: string;
  ending: string | null;
  overall: number;
}
export interface GoldenFile {
  scenario: string;
  contentHash: string;
  runs: GoldenRun[];
}

/** The playthroughs every scenario's golden file records. */
export const GOLDEN_RUNS = [
  { policy: 'best', seed: '1' },
  { policy: 'random', seed: '7' },
  { policy: 'worst', seed: '3' },
] as const;

export const STARTED_AT = '2026-01-01T00:00:00.000Z';

/** Events in a compact, diff-friendly form: `inject:landfall@0`. */
export function eventLine(e: StepEvent): string {
  switch (e.type) {
    case 'phase':
      return `phase:${e.from}>${e.to}@${e.at}`;
    case 'clock':
      return `clock:${e.from}>${e.to}`;
    case 'variation':
      return `variation:${e.id}=${e.outcome}@${e.at}`;
    case 'inject':
      return `inject:${e.id}@${e.at}`;
    case 'decision-opened':
      return `opened:${e.id}@${e.at} due ${e.due} closes ${e.closes}`;
    case 'decision-due':
      return `due:${e.id}@${e.at}`;
    case 'decision-closed':
      return `closed:${e.id}@${e.at} ${e.timeliness} [${e.options.join(',')}]${e.by ? ` by ${e.by}` : ''}`;
    case 'override':
      return `override:${e.capability}=${e.rating}`;
    case 'ended':
      return `ended:${e.ending ?? '-'}@${e.at}`;
    case 'answer':
      return `answer:${e.id}${e.role ? `/${e.role}` : ''}@${e.at} by ${e.by}`;
    case 'observe':
      return `observe:${e.task}=${e.rating}@${e.at}`;
    case 'module':
      return `module:${e.id}@${e.at}`;
  }
}

/** Plays the given inputs through a fresh session, recording the journal the golden file compares. */
export function playInputs(scenario: Scenario, seed: string, inputs: Input[]): Omit<GoldenRun, 'policy' | 'seed' | 'inputs'> {
  const s = Session.start(scenario, { seed, participants: [{ id: 'p1', name: 'Golden', team: 'golden', roles: ['all'] }], startedAt: STARTED_AT });
  if ('error' in s) throw new Error(s.error);
  const journal: GoldenRun['journal'] = [];
  for (const input of inputs) {
    const r = s.apply(input);
    if (!r.ok) throw new Error(`golden input ${journal.length + 1} refused: ${r.rejection.reason}`);
    journal.push({ seq: r.entry!.seq, at: r.entry!.at, stateHash: r.entry!.stateHash, events: r.events.map(eventLine) });
  }
  const t = s.transcript();
  return { journal, finalStateHash: s.entries.at(-1)!.stateHash, ending: s.state.ending ?? null, overall: t.result?.score.overall ?? s.score().overall };
}

export function makeGolden(scenario: Scenario): GoldenFile {
  return {
    scenario: scenario.id,
    contentHash: scenario.contentHash,
    runs: GOLDEN_RUNS.map(({ policy, seed }) => {
      const s = autoplay(scenario, {
        seed,
        policy,
        participants: [{ id: 'p1', name: 'Golden', team: 'golden', roles: ['all'] }],
        startedAt: STARTED_AT,
      });
      const inputs = s.entries.map((e) => e.input);
      return { policy, seed, inputs, ...playInputs(scenario, seed, inputs) };
    }),
  };
}
