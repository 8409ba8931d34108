/** Leaves the alternate screen and shows the cursor again: the shell gets back what it had. */
export const LEAVE_ALT_SCREEN = '\x1b[?25h\x1b[?1049l';
export const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H';

const SIGNALS = { SIGTERM: 15, SIGHUP: 1 } as const;

/**
 * Restores the screen when the drill is killed (SIGTERM) or its terminal goes away (SIGHUP), before
 * the process exits with the conventional 128 + signal number. Without it, a kill leaves the shell on
 * the alternate screen with the cursor hidden. The journal needs nothing: every input is already on disk.
 * Returns the function that removes the handlers.
 */
export function restoreScreenOnSignals(o: {
  write: (s: string) => void;
  exit: (code: number) => void;
  before?: () => void;
  on?: (sig: NodeJS.Signals, fn: () => void) => void;
  off?: (sig: NodeJS.Signals, fn: () => void) => void;
}): () => void {
  const on = o.on ?? ((sig, fn) => process.on(sig, fn));
  const off = o.off ?? ((sig, fn) => process.off(sig, fn));
  const handlers = (Object.keys(SIGNALS) as (keyof typeof SIGNALS)[]).map((sig) => {
    const fn = (): void => {
      try {
        o.before?.();
      } finally {
        o.write(LEAVE_ALT_SCREEN);
        o.exit(128 + SIGNALS[sig]);
      }
    };
    on(sig, fn);
    return [sig, fn] as const;
  });
  return () => {
    for (const [sig, fn] of handlers) off(sig, fn);
  };
}
