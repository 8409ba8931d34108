// The entry of the server's worker threads (the view worker, the own-scenario compiler): `workerData`
// names the TypeScript module to run, beside this file. A worker thread does not inherit the TypeScript
// loader of the process that started it under vitest, so it registers tsx's (harmless when the process
// already runs under tsx).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(new URL(workerData.entry, import.meta.url).href);
