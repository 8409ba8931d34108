import { join } from 'node:path';
import { holdHomeName, HomeLock, roomsDbHeld, type HomeHold } from './home.ts';
import { Store } from './store.ts';

/** A data folder this process holds: its lock, its name, and its rooms.db open. */
export interface HeldDataDir {
  lock: HomeLock;
  name: { release(): void };
  store: Store;
}

/**
 * Takes a data folder for one server: its lock (a second server refuses, HomeLockedError), a hold of its
 * name the lock files' deletion cannot take away (holdHomeName), then its database. On any refusal what
 * was taken is released and the error thrown. Light (SQLite, the store, the home lock): the server
 * process calls it before it loads the server (main.ts), `startRoomServer` when not given one.
 */
export async function holdDataDir(dataDir: string, how?: HomeHold): Promise<HeldDataDir> {
  const lock = HomeLock.take(dataDir);
  let name: { release(): void } | undefined;
  try {
    name = await holdHomeName(dataDir, how);
    return { lock, name, store: openStore(dataDir) };
  } catch (e) {
    name?.release();
    lock.release();
    throw e;
  }
}

/**
 * Opens the data folder's rooms.db (the folder's lock already taken), or says why it cannot: another
 * process holding the database is named. A module of its own, light (SQLite, the store, the home lock):
 * the server process opens the database before it loads the server (main.ts), so a start refused for a
 * database in use, mid-write or unusable loads nothing else.
 */
export function openStore(dataDir: string): Store {
  try {
    return new Store(dataDir);
  } catch (e) {
    // The lock files were ours to take, yet another process holds the database: they were deleted
    // under a running server. The database's own lock keeps this one out.
    if ((e as NodeJS.ErrnoException).code === 'SQLITE_BUSY')
      throw roomsDbHeld(dataDir, join(dataDir, 'rooms.db'));
    throw e;
  }
}
