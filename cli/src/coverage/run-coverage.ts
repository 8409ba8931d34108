import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { giveaways, NAIVE_POLICIES, type Scenario } from '@drill/engine';
import { aggregate, scoreStats, type CoverageReport } from './aggregate.ts';
import { chunk, planJobs, type Job } from './plan.ts';
import { playthrough, type RunRecord } from './playthrough.ts';
import type { WorkerMessage } from './worker-main.ts';

export interface CoverageOptions {
  runs: number;
  seed: string;
  /** Worker threads; 1 plays in this thread. Default: decided from a timed first few runs (see below). */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Seeds per naive policy and language; default naiveRunsFor(runs). */
  naiveRuns?: number;
}

/** How long to play in this thread first, timing the runs, when the number of workers is left to us. */
const PROBE_SECONDS = 1;
/**
 * Starting a worker costs about 2 s of CPU (it loads the TypeScript sources through tsx and warms up
 * its own JIT), so workers only pay when the remaining work is well above that.
 */
export const PARALLEL_MIN_SECONDS = 8;

/** The worker entry: next to this file in the sources; undefined inside a bundle, which then plays in-thread. */
function workerEntry(): URL | undefined {
  const u = new URL('./worker.mjs', import.meta.url);
  return u.protocol === 'file:' && existsSync(u) ? u : undefined;
}

/** Plays the coverage runs (in worker threads when it pays) and aggregates them. Records come back in job order. */
export async function runCoverage(
  scenario: Scenario,
  o: CoverageOptions,
): Promise<{ report: CoverageReport; records: RunRecord[]; workers: number }> {
  const jobs = planJobs(o.runs, o.seed);
  const entry = workerEntry();
  const records: RunRecord[] = new Array(jobs.length);
  let done = 0;
  const finished = (index: number, r: RunRecord): void => {
    records[index] = r;
    done += 1;
    o.onProgress?.(done, jobs.length);
  };
  let next = 0;
  let workers = o.workers ?? 1;
  if (o.workers === undefined) {
    // Play here for up to PROBE_SECONDS, timing the warm runs (the first ones pay for the JIT), then
    // decide whether the rest is worth the workers' start-up.
    const t0 = performance.now();
    const times: number[] = [];
    while (next < jobs.length && performance.now() - t0 < PROBE_SECONDS * 1000) {
      const s0 = performance.now();
      finished(next, playthrough(scenario, jobs[next]!.seed, jobs[next]!.policy));
      times.push(performance.now() - s0);
      next++;
    }
    const warm = times.slice(Math.floor(times.length / 2));
    const perRun = warm.reduce((a, b) => a + b, 0) / Math.max(1, warm.length) / 1000;
    const cores = Math.min(availableParallelism(), 8);
    workers = cores > 1 && perRun * (jobs.length - next) > PARALLEL_MIN_SECONDS ? cores : 1;
  }
  const rest = jobs.slice(next);
  workers = entry && workers > 1 && rest.length > 1 ? Math.min(workers, rest.length) : 1;
  if (workers === 1) for (const j of rest) finished(j.index, playthrough(scenario, j.seed, j.policy));
  else await Promise.all(chunk(rest, workers).map((part) => runWorker(entry!, scenario, part, finished)));
  const report = aggregate(scenario, o.seed, records);
  // The naive players (position, length, figures) in every language of the scenario: a handful of
  // seeds each is enough to show whether the labels or the order give the answers away.
  const naiveSeeds = Array.from(
    { length: o.naiveRuns ?? naiveRunsFor(o.runs) },
    (_, i) => `${o.seed}-naive-${i}`,
  );
  for (const lang of scenario.languages) {
    for (const policy of NAIVE_POLICIES) {
      const st = scoreStats(naiveSeeds.map((seed) => playthrough(scenario, seed, policy, lang).score));
      if (st) report.naive.push({ policy, lang, ...st });
    }
    report.giveaways.push(giveaways(scenario, lang, naiveSeeds));
  }
  return { report, records, workers };
}

/** Seeds per naive policy and language: a few for a quick check, more for a long run. */
export function naiveRunsFor(runs: number): number {
  return Math.max(3, Math.min(30, Math.round(runs / 30)));
}
function runWorker(
  entry: URL,
  scenario: Scenario,
  jobs: Job[],
  finished: (index: number, r: RunRecord) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const w = new Worker(entry, { workerData: { scenario, jobs } });
    w.on('message', (m: WorkerMessage) => {
      if (m.type === 'run') finished(m.index, m.record);
      else void w.terminate().then(() => resolve());
    });
    w.on('error', reject);
    w.on('exit', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`a coverage worker stopped with code ${code}`));
    });
  });
}
