import { join } from 'node:path';
import { roomsDbHeld } from './home.ts';
import { Store } from './store.ts';

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
