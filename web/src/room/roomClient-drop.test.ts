import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@testing-library/react';
import { RoomClient as NodeClient, startRoomServer, type CreatedRoom, type RoomServer } from '@drill/server';
import { DropProxy } from '../../../server/test/proxy.ts';
import { RoomClient } from './roomClient.ts';

// A page's room client against a real room server over real sockets (the `ws` package's WebSocket, as
// in remoteBackend.test.tsx: jsdom's says it comes from jsdom's origin, which the server refuses).
const serverRequire = createRequire(join(process.cwd(), 'server', 'package.json'));
globalThis.WebSocket = serverRequire('ws') as typeof WebSocket;
let server: RoomServer;
let proxy: DropProxy;
let home: string;
const open: RoomClient[] = [];

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'drill-room-drop-'));
  // No view worker: under jsdom the server module's import.meta.url is not a file URL a Worker can use.
  server = await startRoomServer({ dataDir: home, port: 0, viewWorker: false });
  proxy = await DropProxy.start(server.url);
});
afterAll(async () => {
  for (const c of open) c.close();
  await proxy?.close();
  await server?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

function tab(base: string, token: string): RoomClient {
  const url = new URL('/ws', base.replace(/^http/, 'ws')).toString();
  const c = new RoomClient({ token, lang: 'en', lostReason: 'not delivered: try again', url });
  open.push(c);
  return c;
}

const inputs = (id: string, text: string): number =>
  server.rooms
    .get(id)!
    .table.transcripts()
    .flatMap((t) => t.entries)
    .filter((e) => JSON.stringify(e.input).includes(text)).length;

async function newRoom(seed: string): Promise<CreatedRoom> {
  const res = await fetch(new URL('/api/rooms', server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${server.hostToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      scenario: 'typhoon',
      seed,
      lang: 'en',
      mode: 'roles',
      teams: [{ name: 'Red', roles: ['all'] }],
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatedRoom;
}

describe("a page's command in flight when its connection drops, another tab on the same credential", () => {
  it('is reported not delivered and never applied — not counted as taken because the other tab numbered past it', async () => {
    const res = await fetch(new URL('/api/rooms', server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${server.hostToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        scenario: 'typhoon',
        seed: 'drop-1',
        lang: 'en',
        mode: 'roles',
        teams: [{ name: 'Red', roles: ['all'] }],
      }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as CreatedRoom;
    const id = created.room.id;
    const a = tab(proxy.url, created.trainerToken);
    await waitFor(() => expect(a.view).toBeDefined(), { timeout: 10_000 });
    expect((await a.command({ type: 'start' }, { expectSeq: a.seq })).ok).toBe(true);
    const b = tab(server.url, created.trainerToken);
    await waitFor(() => expect(b.view?.seq).toBe(server.rooms.get(id)!.table.seq), { timeout: 10_000 });

    // Tab A's inject is lost on the way (the link died) …
    proxy.swallow = true;
    const fromA = a.command({ type: 'inject', roles: ['all'], text: { en: 'from tab A' } });
    await waitFor(() => expect(proxy.swallowed).toBeGreaterThan(0));
    // … while tab B's are taken under the credential's next numbers, past A's.
    for (const n of [1, 2]) {
      const r = await b.command({ type: 'inject', roles: ['all'], text: { en: `from tab B ${n}` } });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    proxy.cut();
    proxy.swallow = false;
    const r = await fromA;
    expect(inputs(id, 'from tab B')).toBe(2);
    expect(r).toEqual({ ok: false, code: 'lost', reason: 'not delivered: try again' });
    expect(inputs(id, 'from tab A')).toBe(0);
    // The tab carries on: its next command is taken under a fresh number.
    const again = await a.command({ type: 'inject', roles: ['all'], text: { en: 'from tab A, again' } });
    expect(again.ok, JSON.stringify(again)).toBe(true);
    expect(inputs(id, 'from tab A')).toBe(1);
  }, 60_000);

  it('once the page is told it was not delivered, a late copy of it is refused, not applied behind its back', async () => {
    const created = await newRoom('drop-2');
    const id = created.room.id;
    const a = tab(proxy.url, created.trainerToken);
    await waitFor(() => expect(a.view).toBeDefined(), { timeout: 10_000 });
    expect((await a.command({ type: 'start' }, { expectSeq: a.seq })).ok).toBe(true);
    proxy.swallow = true;
    const lost = a.command({ type: 'inject', roles: ['all'], text: { en: 'late copy' } });
    await waitFor(() => expect(proxy.swallowed).toBeGreaterThan(0));
    proxy.cut();
    proxy.swallow = false;
    expect(await lost).toMatchObject({ ok: false, code: 'lost' });
    // The same frame (the tab's second command: cseq 2) reaches the room after all, as a packet of the
    // dead connection delivered late would.
    const late = new NodeClient({ url: server.url, token: created.trainerToken });
    try {
      await late.welcome();
      late.sendFrame({
        t: 'cmd',
        cseq: 2,
        command: { type: 'inject', roles: ['all'], text: { en: 'late copy' } },
      });
      const r = await late.next((f) => f.t === 'ack' || f.t === 'refused');
      expect(r).toMatchObject({ t: 'refused', code: 'replay' });
    } finally {
      late.close();
    }
    expect(inputs(id, 'late copy')).toBe(0);
  }, 60_000);
});
