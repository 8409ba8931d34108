// A real room server for a jsdom test file of the room pages, started before its tests and stopped
// after them, and the clients a test opened closed after each test. The socket is the `ws` package's:
// jsdom's own WebSocket says it comes from jsdom's page origin, which the server refuses as
// cross-origin (as it should), where a page served by the room server opens one from its own origin.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { cleanup } from '@testing-library/react';
import { startRoomServer, type RoomServer } from '@drill/server';
import type { RoomClient } from '../roomClient.ts';

const serverRequire = createRequire(join(process.cwd(), 'server', 'package.json'));
globalThis.WebSocket = serverRequire('ws') as typeof WebSocket;

/** The file's server (set before its first test) and the clients to close after each test. */
export interface LiveServer {
  server: RoomServer;
  open: RoomClient[];
}

export function liveServer(prefix: string): LiveServer {
  const live = { open: [] } as unknown as LiveServer;
  let home: string | undefined;
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), prefix));
    // No view worker: under jsdom the server module's import.meta.url is not a file URL a Worker can
    // start from; the room then builds its frames itself, the same bytes (server/test/view-worker.test.ts).
    live.server = await startRoomServer({ dataDir: home, port: 0, viewWorker: false });
  });
  afterEach(() => {
    cleanup();
    for (const c of live.open.splice(0)) c.close();
  });
  afterAll(async () => {
    await live.server?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });
  return live;
}
