/**
 * macOS has no abstract socket namespace, so there the data folder's second hold is a lock on a file
 * outside it (in the user's temporary folder). Run here on Linux by making the process say it is macOS
 * (`process.platform`, read when the server starts): with the whole data folder deleted under a running
 * server, a second server on the same path is still refused; with the hold's own file deleted too, the
 * first takes a new one within a second and the second is still refused; once the first stops, the
 * second starts. In-process servers, real SQLite locks.
 */
import { existsSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import { homeLockFile, homeName } from '../src/home.ts';
import { createRoom, tempDir, TWO_TEAMS_ROLES } from './kit.ts';

const tmp = tempDir();
const dataDir = join(tmp.dir, 'server');
const servers: RoomServer[] = [];
let lockFile: string | undefined;

afterAll(async () => {
  for (const s of servers) await s.close().catch(() => undefined);
  if (lockFile) rmSync(lockFile, { force: true });
  tmp.cleanup();
});

/** Runs `fn` with `process.platform` saying darwin: the server takes macOS's hold. */
async function asMac<T>(fn: () => Promise<T>): Promise<T> {
  const real = Object.getOwnPropertyDescriptor(process, 'platform')!;
  Object.defineProperty(process, 'platform', { ...real, value: 'darwin' });
  try {
    return await fn();
  } finally {
    Object.defineProperty(process, 'platform', real);
  }
}

const start = (): Promise<RoomServer> =>
  asMac(() => startRoomServer({ dataDir, viewWorker: false })).then((s) => {
    servers.push(s);
    return s;
  });

describe("macOS's hold on the data folder (a lock on a file outside it)", () => {
  it('keeps a second server out after the folder, and then the hold file, are deleted', async () => {
    const first = await start();
    await createRoom(first.url, first.hostToken, TWO_TEAMS_ROLES);
    lockFile = homeLockFile(realpathSync(dataDir));
    expect(existsSync(lockFile)).toBe(true);
    expect(lockFile.startsWith(dataDir)).toBe(false);

    rmSync(dataDir, { recursive: true, force: true });
    await expect(start()).rejects.toThrow(
      /another drill server is using .*still running, although its files were removed/,
    );

    // The hold's own file deleted (as macOS clears its temporary folder): taken again within a second.
    rmSync(lockFile);
    for (let i = 0; i < 40 && !existsSync(lockFile); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(lockFile)).toBe(true);
    await expect(start()).rejects.toThrow(/another drill server is using/);

    await first.close();
    const second = await start();
    expect(second.url).toMatch(/^http:/);
  }, 60_000);

  it("names a Windows pipe under \\\\?\\pipe\\ (a template literal's `\\p` had dropped the backslashes)", () => {
    expect(homeName('C:\\Users\\x\\.drill\\server', 'win32')).toMatch(
      /^\\\\\?\\pipe\\drill-server-home-[0-9a-f]{40}$/,
    );
    expect(homeName('/home/x/.drill/server', 'linux')).toMatch(/^\0drill-server-home-[0-9a-f]{40}$/);
  });
});
