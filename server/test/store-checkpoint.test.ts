import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECKPOINT_QUIET_MS, CHECKPOINT_WRITES, Store } from '../src/store.ts';
import { openRoom } from './fixtures/probe-room.ts';
import { tempDir } from './kit.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A store with a room, and the size of its main database file (what a checkpoint writes into). */
function storeIn(name: string): { store: Store; dbSize: () => number; write: () => void } {
  const store = new Store(join(tmp.dir, name));
  openRoom(store, 'r', { seed: 's', mode: 'parallel', lang: 'en', teams: [{ name: 'Red', roles: [] }] });
  let n = 0;
  return {
    store,
    dbSize: () => statSync(join(tmp.dir, name, 'rooms.db')).size,
    // One committed write of its own (a credential: a row and an index entry).
    write: () =>
      void store.issueToken({ room: 'r', role: 'member', team: 'Red', roles: [], name: `m${n++}` }),
  };
}

describe("the store's WAL checkpoints", () => {
  it('never inside a commit: thousands of commits in one go leave the database file alone until the server is quiet', async () => {
    const { store, dbSize, write } = storeIn('quiet');
    await sleep(CHECKPOINT_QUIET_MS + 300);
    const before = dbSize();
    // Far past SQLite's own 1000-page checkpoint, and every commit in one turn of the event loop.
    for (let i = 0; i < 2500; i++) write();
    expect(dbSize()).toBe(before);
    await sleep(CHECKPOINT_QUIET_MS + 300);
    // Quiet: the checkpoint wrote the pages into the database file.
    expect(dbSize()).toBeGreaterThan(before);
    store.close();
  });

  it('a server that is never quiet still checkpoints after CHECKPOINT_WRITES writes, between inputs', async () => {
    const { store, dbSize, write } = storeIn('busy');
    await sleep(CHECKPOINT_QUIET_MS + 300);
    const before = dbSize();
    let grewAt: number | undefined;
    let writes = 0;
    // A write every few milliseconds: never CHECKPOINT_QUIET_MS without one.
    const t0 = performance.now();
    while (grewAt === undefined && performance.now() - t0 < 20_000) {
      for (let i = 0; i < 40; i++) write();
      writes += 40;
      await sleep(2);
      if (dbSize() > before) grewAt = writes;
    }
    expect(grewAt).toBeDefined();
    expect(grewAt).toBeGreaterThanOrEqual(CHECKPOINT_WRITES / 3);
    expect(grewAt).toBeLessThanOrEqual(CHECKPOINT_WRITES + 200);
    store.close();
  });
});
