// The entry of the server's worker threads (the view worker, the own-scenario compiler): `workerData`
// names the TypeScript module to run, beside this file. The thread runs that module's bundle from
// server/dist when it is built from the current sources (see bundle-fresh.mjs: about a second of CPU
// less per thread than compiling the sources); else it registers tsx's loader (a worker thread does not
// inherit the TypeScript loader of the process that started it under vitest; harmless under tsx) and
// imports the sources.
import { workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { freshBundle } from './bundle-fresh.mjs';

// A thread names its module in workerData; a child process (the own-scenario compiler) in its environment.
const entry = workerData?.entry ?? process.env.DRILL_WORKER_ENTRY;
const bundle = freshBundle(entry.replace(/^\.\//, '').replace(/\.ts$/, '.mjs'));
if (bundle) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL(entry, import.meta.url).href);
}
