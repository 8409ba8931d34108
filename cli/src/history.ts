import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where finished drills are kept for `drill history`: $DRILL_HOME/history, by default ~/.drill/history.
 */
export function drillHome(): string {
  return process.env.DRILL_HOME ?? join(homedir(), '.drill');
}
export function historyDir(): string {
  return join(drillHome(), 'history');
}

/** A file name for a new run: scenario, wall-clock start and seed, sortable by time. */
export function runFileName(scenarioId: string, startedAt: string, seed: string): string {
  return `${startedAt.replace(/[:.]/g, '-')}_${scenarioId}_seed-${seed.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
