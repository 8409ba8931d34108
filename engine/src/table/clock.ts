import type { TableCommand } from './commands.ts';

/**
 * The commands that move a drill's clock or its phase (start, hold, resume, step, advance, end, close).
 * The Table refuses one sent against an older table seq as stale; the room server goes further and
 * requires a trainer's to say which seq it acted on (`expectSeq`), so nobody moves time past decisions
 * they have not seen.
 */
export const CLOCK_COMMAND_TYPES: ReadonlySet<TableCommand['type']> = new Set<TableCommand['type']>([
  'start',
  'pause',
  'resume',
  'end',
  'close',
  'advance',
  'next',
]);

/** Is `command` (as it arrived: not yet parsed) one of the clock commands? */
export function isClockCommand(command: unknown): boolean {
  if (typeof command !== 'object' || command === null || !Object.hasOwn(command, 'type')) return false;
  const type = (command as { type: unknown }).type;
  return typeof type === 'string' && (CLOCK_COMMAND_TYPES as ReadonlySet<string>).has(type);
}
