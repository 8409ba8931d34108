// pnpm bench — engine throughput as ratios against a floor measured in the same run.
// The floor is the irreducible work per input: one immer produce + one xstate transition + one SHA-256
// of a canonical log line. Machines here are noisy, so each figure is the median of several rounds and
// is reported beside that floor.
import { produce } from 'immer';
import { transition } from 'xstate';
import os from 'node:os';
import { hash } from 'node:crypto';
import {
  autoplay,
  canonicalJson,
  createDrill,
  replay,
  Session,
  sha256Hex,
  soloParticipant,
  step,
  compileScenario,
  type Input,
  type Scenario,
  useSha256,
} from '../src/index.ts';
import { lifecycleMachine } from '../src/lifecycle.ts';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// As the CLI does: the platform's SHA-256 (the floor's log hash uses it too, so ratios stay fair).
useSha256((text) => hash('sha256', text, 'hex'));

const ROUNDS = 5;
const now = (): number => Number(process.hrtime.bigint()) / 1e6;
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
/** Median milliseconds of `fn` over ROUNDS rounds (after one warm-up). */
function time(fn: () => void): number {
  fn();
  const ts: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = now();
    fn();
    ts.push(now() - t0);
  }
  return median(ts);
}

/** The bench reads the shipped file itself, so the engine package needs no dependency on @drill/scenarios. */
function loadShipped(id: string): Scenario {
  const path = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios', `${id}.yaml`);
  const r = compileScenario({ path, text: readFileSync(path, 'utf8') }, (from, inc) => {
    const p = resolve(dirname(from), inc);
    return { path: p, text: readFileSync(p, 'utf8') };
  });
  if (!r.ok) throw new Error(`${id} does not compile`);
  return r.scenario;
}
const sc = loadShipped(process.argv[2] ?? 'typhoon');

// Floor: per input, one produce on a world of the scenario's size, one lifecycle transition, one log hash.
const FLOOR_N = 20_000;
const floorMs = time(() => {
  let world: Record<string, number | boolean> = Object.fromEntries(
    sc.variables.map((v) => [v.id, v.initial]),
  );
  const snap = lifecycleMachine.resolveState({ value: 'running', context: {} });
  let prev = '0';
  for (let i = 0; i < FLOOR_N; i++) {
    world = produce(world, (d) => {
      d[sc.variables[i % sc.variables.length]!.id] = i;
    });
    transition(lifecycleMachine, snap, { type: 'advance' });
    prev = sha256Hex(canonicalJson({ seq: i, input: { type: 'advance', minutes: 1 }, prev }));
  }
});
const floorUs = (floorMs * 1000) / FLOOR_N;

// 1. Inputs per second through `step` alone: the inputs of 100 recorded random playthroughs.
const streams: Input[][] = [];
for (let seed = 1; seed <= 100; seed++)
  streams.push(autoplay(sc, { seed, policy: 'random' }).entries.map((e) => e.input));
const stepInputs = streams.reduce((a, s) => a + s.length, 0);
const stepMs = time(() => {
  streams.forEach((inputs, i) => {
    const c = createDrill(sc, { seed: String(i + 1), participants: [soloParticipant()] });
    if (!c.ok) throw new Error(c.reason);
    let s = c.state;
    for (const inp of inputs) s = step(sc, s, inp).state;
  });
});
const stepUs = (stepMs * 1000) / stepInputs;

// 2. Full automatic playthroughs per second (policy decisions, step, state hash and hash chain per input).
const PLAYS = 50;
let playInputs = 0;
const playMs = time(() => {
  playInputs = 0;
  for (let seed = 1; seed <= PLAYS; seed++)
    playInputs += autoplay(sc, { seed, policy: 'random' }).entries.length;
});

// 3. Replay of a 10,000-input transcript (every entry's chain hash and state hash checked).
const long = Session.start(sc, {
  seed: 'bench',
  participants: [soloParticipant()],
  startedAt: '2026-01-01T00:00:00Z',
});
if ('error' in long) throw new Error(long.error);
long.apply({ type: 'start' });
for (let i = 0; long.entries.length < 10_000; i++) {
  const r = long.apply(
    i % 3 === 0 ? { type: 'advance', minutes: 1 } : i % 3 === 1 ? { type: 'pause' } : { type: 'resume' },
  );
  if (!r.ok || long.state.phase === 'debrief') break;
}
const transcript = long.transcript();
const n = transcript.entries.length;
const replayMs = time(() => {
  const r = replay(sc, transcript);
  if (!r.ok) throw new Error(r.reason);
});
const replayUs = (replayMs * 1000) / n;

const fmt = (x: number, d = 1): string => x.toFixed(d);
console.log(
  `drill engine benchmark — scenario ${sc.id}, node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}`,
);
console.log(
  `floor (produce + transition + log hash): ${fmt(floorUs, 2)} µs/input (${fmt(1e6 / floorUs, 0)} inputs/s)\n`,
);
console.log(`| measure | result | per input | × floor |`);
console.log(`|---|---|---|---|`);
console.log(
  `| step() throughput | ${fmt((stepInputs / stepMs) * 1000, 0)} inputs/s | ${fmt(stepUs, 2)} µs | ${fmt(stepUs / floorUs, 2)} |`,
);
console.log(
  `| automatic playthroughs (random policy) | ${fmt((PLAYS / playMs) * 1000, 1)} drills/s (${fmt(playInputs / PLAYS, 0)} inputs each) | ${fmt((playMs * 1000) / playInputs, 2)} µs | ${fmt((playMs * 1000) / playInputs / floorUs, 2)} |`,
);
console.log(
  `| replay of a ${n}-input transcript | ${fmt(replayMs, 0)} ms | ${fmt(replayUs, 2)} µs | ${fmt(replayUs / floorUs, 2)} |`,
);

// 4. `drill test <scenario> --runs 2000` end to end, as a user runs it (worker threads on both cores,
// process start-up included). Goal (issue 13): under 20 s. DRILL_TEST_RUNS=0 skips it.
const TEST_RUNS = Number(process.env.DRILL_TEST_RUNS ?? 2000);
if (TEST_RUNS > 0) {
  const bin = resolve(dirname(fileURLToPath(import.meta.url)), '../../cli/bin/drill.mjs');
  const t0 = now();
  const r = spawnSync(process.execPath, [bin, 'test', sc.id, '--runs', String(TEST_RUNS)], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
  });
  const ms = now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`drill test failed: ${r.stderr}`);
  console.log(
    `| \`drill test ${sc.id} --runs ${TEST_RUNS}\` (whole command) | ${fmt(ms / 1000, 1)} s | ${fmt(((ms * 1000) / TEST_RUNS / playInputs) * PLAYS, 2)} µs | ${fmt((ms * 1000 * PLAYS) / TEST_RUNS / playInputs / floorUs, 2)} |`,
  );
  console.log(
    `\ngoal: drill test --runs 2000 < 20 s: ${ms / 1000 < 20 ? 'met' : 'NOT met'} (${fmt(ms / 1000, 1)} s)`,
  );
}
console.log(
  `goal: playthroughs ≥ 4× the rate before issue 13 (35.0 drills/s at a floor of 36.2 µs, i.e. ≤ ${fmt(13.52 / 4, 2)} × floor per input): ${(playMs * 1000) / playInputs / floorUs <= 13.52 / 4 ? 'met' : 'NOT met'}`,
);
console.log(
  `goal: replay of 10,000 inputs < 500 ms: ${replayMs < 500 ? 'met' : 'NOT met'} (${fmt(replayMs, 0)} ms)`,
);
