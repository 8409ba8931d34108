import { hash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { useSha256 } from '@drill/engine';
import { examineFiles } from './cohort.ts';

// As in the main thread (cli/src/main.ts): the platform's SHA-256, same bytes, same hex.
useSha256((text) => hash('sha256', text, 'hex'));

/** Verifies the files it was given and posts each result back (the parent counts them for the progress bar). */
const { files, scenarios } = workerData as { files: string[]; scenarios: string[] };
try {
  examineFiles(files, scenarios, (i, r) => parentPort!.postMessage({ i, r }));
  parentPort!.postMessage({ done: true });
} catch (e) {
  parentPort!.postMessage({ error: (e as Error).message });
}
