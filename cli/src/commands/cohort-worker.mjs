// Worker-thread entry for `drill cohort`: registers tsx (the worker runs the TypeScript sources, from the
// bundle too), then verifies its share of the files.
import { register } from 'tsx/esm/api';

register();
await import('./cohort-worker.ts');
