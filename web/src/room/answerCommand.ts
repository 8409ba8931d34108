import type { TableCommand } from '@drill/engine';

/**
 * The Table command for a member's answer to an open discussion question: for one of their seats on a
 * question asked of each role, for the table (no role) otherwise.
 */
export function answerCommand(
  team: string,
  decision: string,
  role: string | undefined,
  text: string,
): TableCommand {
  return { type: 'answer', team, decision, ...(role !== undefined ? { role } : {}), text };
}
