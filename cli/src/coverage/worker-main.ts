import { hash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { useSha256, type Scenario } from '@drill/engine';
import type { Job } from './plan.ts';
import { playthrough, type RunRecord } from './playthrough.ts';

/** Messages a coverage worker posts: each finished run, then `done`. */
export type WorkerMessage = { type: 'run'; index: number; record: RunRecord } | { type: 'done' };

// A worker thread has its own engine module: give it Node's SHA-256 as the CLI's main thread has.
useSha256((text) => hash('sha256', text, 'hex'));

const { scenario, jobs } = workerData as { scenario: Scenario; jobs: Job[] };
for (const j of jobs)
  parentPort!.postMessage({
    type: 'run',
    index: j.index,
    record: playthrough(scenario, j.seed, j.policy),
  } satisfies WorkerMessage);
parentPort!.postMessage({ type: 'done' } satisfies WorkerMessage);
