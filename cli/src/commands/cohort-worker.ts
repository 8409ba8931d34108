import { parentPort, workerData } from 'node:worker_threads';
import { examineFiles } from './cohort.ts';

/** Verifies the files it was given and posts each result back (the parent counts them for the progress bar). */
const { files, scenarios } = workerData as { files: string[]; scenarios: string[] };
try {
  examineFiles(files, scenarios, (i, r) => parentPort!.postMessage({ i, r }));
  parentPort!.postMessage({ done: true });
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).message });
}
