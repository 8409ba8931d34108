import { describe, expect, it } from 'vitest';
import { LEAVE_ALT_SCREEN, restoreScreenOnSignals } from './screen.ts';

describe('screen restore on signals', () => {
  it('leaves the alternate screen and exits 128+n on SIGTERM and SIGHUP, and can be removed', () => {
    const handlers = new Map<string, () => void>();
    const written: string[] = [];
    const exits: number[] = [];
    let closed = 0;
    const remove = restoreScreenOnSignals({
      write: (s) => written.push(s),
      exit: (c) => exits.push(c),
      before: () => closed++,
      on: (sig, fn) => handlers.set(sig, fn),
      off: (sig) => handlers.delete(sig),
    });
    handlers.get('SIGTERM')!();
    expect(written).toEqual([LEAVE_ALT_SCREEN]);
    expect(exits).toEqual([143]);
    handlers.get('SIGHUP')!();
    expect(exits).toEqual([143, 129]);
    expect(closed).toBe(2);
    expect(LEAVE_ALT_SCREEN).toContain('\x1b[?1049l');
    remove();
    expect(handlers.size).toBe(0);
  });
});
