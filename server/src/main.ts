/**
 * The room server on its own: `node --import tsx server/src/main.ts [--port N] [--host A] [--web DIR]`.
 * Prints one JSON line `{"url", "hostToken"}` when listening (tests and the bench read it); stops on
 * SIGINT/SIGTERM. `drill serve` is the command people use; this entry is for tests and tools.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { RoomServer } from './app.ts';
import type { HeldDataDir } from './open-store.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string' },
    web: { type: 'string' },
    data: { type: 'string' },
    'no-join-limit': { type: 'boolean' },
    /** Build the views on the main thread (no view worker): for comparing in the bench. */
    'no-view-worker': { type: 'boolean' },
    /** How many view workers (default: one per core beyond the first). */
    'view-workers': { type: 'string' },
  },
});
const workersFlag = values['view-workers'];
const viewWorkers = workersFlag === undefined ? undefined : Number(workersFlag);
if (
  viewWorkers !== undefined &&
  !(Number.isSafeInteger(viewWorkers) && viewWorkers >= 1 && viewWorkers <= 64)
) {
  process.stderr.write(
    `drill server: --view-workers takes a whole number from 1 to 64, not "${workersFlag}"\n`,
  );
  process.exit(2);
}
// The server (fastify, SQLite, the engine and the scenario compiler: ~1 s of CPU to load, most of a
// start) is loaded once the arguments are known to be good and the data folder and its database are
// ours: a mistake, a folder another server holds, or a database in use or unusable is refused at once
// (a refused start loaded the whole server first).
const { drillHome, HomeLockedError, HomeUnwritableError } = await import('./home.ts');
const dataDir = values.data ?? join(drillHome(), 'server');

/** Another server holds the data folder, it cannot be written, or the port is taken: one line, no stack trace. */
function refused(e: unknown): void {
  if (
    e instanceof HomeLockedError ||
    e instanceof HomeUnwritableError ||
    (e as NodeJS.ErrnoException).code === 'EADDRINUSE'
  ) {
    process.stderr.write(`drill server: ${(e as Error).message}\n`);
    process.exit(1);
  }
}

/** SQLite's own refusal of rooms.db (a damaged or foreign file, a full or read-only disk), as `drill serve` says it. */
function unusableDatabase(e: unknown): void {
  const code = (e as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const db = join(dataDir, 'rooms.db');
    process.stderr.write(
      `drill server: the room database ${db} cannot be used: ${(e as Error).message} (${code}) — check that DRILL_HOME is writable and has room, or move the file aside\n`,
    );
    process.exit(1);
  }
}

let held: HeldDataDir;
try {
  held = await (await import('./open-store.ts')).holdDataDir(dataDir);
} catch (e) {
  refused(e);
  unusableDatabase(e);
  throw e;
}
const { startRoomServer } = await import('./app.ts');
let s: RoomServer;
try {
  s = await startRoomServer({
    port: Number(values.port),
    dataDir,
    held,
    ...(values.host ? { host: values.host } : {}),
    ...(values.web ? { webDir: values.web } : {}),
    ...(values['no-join-limit'] ? { joinRate: false as const } : {}),
    ...(values['no-view-worker']
      ? { viewWorker: false }
      : viewWorkers !== undefined
        ? { viewWorker: viewWorkers }
        : {}),
  });
} catch (e) {
  refused(e);
  unusableDatabase(e);
  throw e;
}
process.stdout.write(`${JSON.stringify({ url: s.url, hostToken: s.hostToken, unresumed: s.unresumed })}\n`);
const stop = (): void => {
  void s.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
