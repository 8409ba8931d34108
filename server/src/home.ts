import { homedir } from 'node:os';
import { join } from 'node:path';

/** DRILL_HOME, as the CLI uses it (default ~/.drill); the server keeps its database under `server/`. */
export function drillHome(): string {
  return process.env.DRILL_HOME ?? join(homedir(), '.drill');
}
