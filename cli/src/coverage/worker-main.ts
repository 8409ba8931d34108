import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '@drill/engine';
import type { Job } from './plan.ts';
import { playthrough, type RunRecord } from './playthrough.ts';

/** Messages a coverage worker posts: each finished run, then `done`. */
export type WorkerMessage = { type: 'run'; index: number; record: RunRecord } | { type: 'done' };

const { scenario, jobs } = workerData as { scenario: Scenario; jobs: Job[] };
for (const j of jobs)
  parentPort!.postMessage({
    type: 'run',
    index: j.index,
    record: playthrough(scenario, j.seed, j.policy),
  } satisfies WorkerMessage);
parentPort!.postMessage({ type: 'done' } satisfies WorkerMessage);
