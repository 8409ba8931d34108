// Worker entry for `drill test`: workers run the TypeScript sources, so register tsx first.
import { register } from 'tsx/esm/api';

register();
await import('./worker-main.ts');
