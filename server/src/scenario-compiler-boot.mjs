// The own-scenario compiler's entry (server/src/scenario-compiler-worker.ts). A worker thread does not
// inherit the TypeScript loader of the process that started it under vitest, so it registers tsx's
// (harmless when the process already runs under tsx).
import { register } from 'tsx/esm/api';

register();
await import('./scenario-compiler-worker.ts');
