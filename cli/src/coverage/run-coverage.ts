import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Scenario } from '@drill/engine';
import { aggregate, type CoverageReport } from './aggregate.ts';
import { chunk, planJobs, type Job } from './plan.ts';
import { playthrough, type RunRecord } from './playthrough.ts';
import type { WorkerMessage } from './worker-main.ts';

export interface CoverageOptions {
  runs: number;
  seed: string;
  /** Worker threads; 0 or 1 plays in this thread. Default: every core, for 200 runs or more. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Below this many runs, starting workers (each loads the TypeScript sources) costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

/** The worker entry: next to this file in the sources; undefined inside a bundle, which then plays in-thread. */
function workerEntry(): URL | undefined {
  const u = new URL('./worker.mjs', import.meta.url);
  return u.protocol === 'file:' && existsSync(u) ? u : undefined;
}

export function defaultWorkers(runs: number): number {
  return runs >= PARALLEL_THRESHOLD ? Math.min(availableParallelism(), 8) : 1;
}

/** Plays the coverage runs (in worker threads when asked) and aggregates them. Records come back in job order. */
export async function runCoverage(
  scenario: Scenario,
  o: CoverageOptions,
): Promise<{ report: CoverageReport; records: RunRecord[]; workers: number }> {
  const jobs = planJobs(o.runs, o.seed);
  const entry = workerEntry();
  const want = o.workers ?? defaultWorkers(o.runs);
  const workers = entry && want > 1 && jobs.length > 1 ? Math.min(want, jobs.length) : 1;
  const records: RunRecord[] = new Array(jobs.length);
  let done = 0;
  const finished = (index: number, r: RunRecord): void => {
    records[index] = r;
    done += 1;
    o.onProgress?.(done, jobs.length);
  };
  if (workers === 1) {
    for (const j of jobs) finished(j.index, playthrough(scenario, j.seed, j.policy));
  } else {
    await Promise.all(chunk(jobs, workers).map((part) => runWorker(entry!, scenario, part, finished)));
  }
  return { report: aggregate(scenario, o.seed, records), records, workers };
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
