import { existsSync, lstatSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HomeLock } from '../src/home.ts';
import { tempDir } from './kit.ts';

let tmp: ReturnType<typeof tempDir> | undefined;
afterEach(() => tmp?.cleanup());

const linkExists = (p: string): boolean => {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
};

describe("the server's lock on a data folder that cannot take it", () => {
  it.runIf(existsSync('/dev/full'))(
    'a full disk: one sentence naming the lock file and the reason, and no half-written file left behind',
    () => {
      tmp = tempDir();
      // The lock is first written beside its place as server.lock.<pid>: point that at /dev/full, where
      // the file opens but every write fails with ENOSPC, as on a full disk.
      const tmpLock = join(tmp.dir, `server.lock.${process.pid}`);
      symlinkSync('/dev/full', tmpLock);
      let err: unknown;
      try {
        HomeLock.take(tmp.dir).release();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(Error);
      expect((err as NodeJS.ErrnoException).code).toBe('EDRILLHOME');
      expect((err as Error).message).toBe(
        `cannot write the server's lock file ${join(tmp.dir, 'server.lock')}: no space left on the device ` +
          '(ENOSPC) — check that DRILL_HOME is writable and has room',
      );
      expect(linkExists(tmpLock)).toBe(false);
      expect(existsSync(join(tmp.dir, 'server.lock'))).toBe(false);
      // Once there is room, the folder is taken as usual.
      const lock = HomeLock.take(tmp.dir);
      expect(existsSync(join(tmp.dir, 'server.lock'))).toBe(true);
      lock.release();
    },
  );
});
