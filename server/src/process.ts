/**
 * Is process `pid` alive? (signal 0 checks without signalling.) Shared by the server's data-folder lock
 * and the terminal's journal lock: a lock whose process is gone is stale. Safe to import without the
 * server (no dependencies): `@drill/server/process`.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, but not ours
  }
}
