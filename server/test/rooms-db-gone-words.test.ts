/**
 * rooms.db deleted under a running server, as the people in the room meet it: every input, display
 * change, join and new room is refused with why — the room's records are gone from the server's disk,
 * nothing already sent is lost (a copy was saved) and the trainer must put the copy back and restart —
 * in each reader's language. The trainer and the host are told where the copy is and where it goes;
 * participants are never shown a path on the server's disk. In-process server, real sockets and SQLite
 * (the process boundary is rooms-db-deleted.test.ts's point, not this one's).
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { RoomClient } from '../src/client.ts';
import type { DatabaseGoneError } from '../src/store.ts';
import type { ApiError, ServerFrame } from '../src/protocol.ts';
import { api, firstOptionChoice, join as joinRoom, latestView, TWO_TEAMS_ROLES } from './kit.ts';
import { openRoom, type OpenRoom } from './fixtures/open-room.ts';

let open: OpenRoom | undefined;
afterAll(async () => {
  await open?.close();
  await other?.close();
});
let other: OpenRoom | undefined;

type Refused = Extract<ServerFrame, { t: 'refused' }>;

async function client(url: string, token: string, lang: 'en' | 'zh-CN', room?: string): Promise<RoomClient> {
  const c = new RoomClient({ url, token, lang, delayMs: 50, maxDelayMs: 300, ...(room ? { room } : {}) });
  await c.welcome();
  open!.clients.push(c);
  return c;
}

async function post(
  url: string,
  path: string,
  body: unknown,
  lang: string,
  token?: string,
): Promise<{ status: number; body: ApiError }> {
  const res = await fetch(new URL(path, url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': lang,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as ApiError };
}

/** Han characters only, beyond the paths and ids the sentence quotes. */
const noLatin = (s: string, allowed: string[]): boolean =>
  !/[A-Za-z]/.test(allowed.reduce((t, a) => t.split(a).join(''), s));

describe('rooms.db deleted under a running server, as the room meets it', () => {
  it('says why, that nothing is lost and what the trainer does — in en and zh, the copy named only to the trainer', async () => {
    let gone: DatabaseGoneError | undefined;
    open = await openRoom([{ team: 'Red', name: 'Ana' }], {
      viewWorker: false,
      onDatabaseGone: (e) => (gone = e),
    });
    const { server, room } = open;
    const ana = open.members[0]!;
    const li = await client(
      server.url,
      (await joinRoom(server.url, room.room.code, 'Red', 'Li')).token,
      'zh-CN',
    );
    const trainerZh = await client(server.url, room.trainerToken, 'zh-CN');
    const host = await client(server.url, server.hostToken, 'en', room.room.id);

    rmSync(server.store.file);
    for (let i = 0; i < 100 && !gone; i++) await new Promise((r) => setTimeout(r, 50));
    expect(gone?.copy).toBeDefined();
    const copy = gone!.copy!;
    const file = server.store.file;
    expect(existsSync(copy)).toBe(true);

    const decision = latestView(ana).lanes[0]!.view.open[0]!;
    const choice = firstOptionChoice('Red', decision)!;
    const refusedTo = async (c: RoomClient, cmd: Parameters<RoomClient['command']>[0]): Promise<Refused> => {
      const r = await c.command(cmd);
      expect(r.t, JSON.stringify(r)).toBe('refused');
      return r as Refused;
    };

    // Participants: why, nothing lost, the trainer acts; no path of the server's.
    const en = await refusedTo(ana, choice);
    expect(en.code).toBe('unavailable');
    expect(en.reason).toMatch(/records .* deleted while it ran/);
    expect(en.reason).toMatch(/Nothing you already sent is lost/);
    expect(en.reason).toMatch(/trainer must put that copy back and restart the server/);
    const zh = await refusedTo(li, choice);
    expect(zh.code).toBe('unavailable');
    expect(zh.reason).toMatch(/记录在运行中被删除/);
    expect(zh.reason).toMatch(/你已提交的内容没有丢失/);
    expect(zh.reason).toMatch(/恢复该副本并重启服务器/);
    expect(noLatin(zh.reason, [])).toBe(true);
    for (const r of [en, zh]) {
      expect(r.reason).not.toContain(copy);
      expect(r.reason).not.toContain(server.store.dir);
    }

    // The trainer (by the room's credential and by the host token): the copy and where it goes.
    const tz = await refusedTo(trainerZh, { type: 'pause' });
    expect(tz.reason).toContain(`把 ${copy} 移回 ${file}`);
    expect(tz.reason).toMatch(/已记录的内容没有丢失/);
    expect(noLatin(tz.reason, [copy, file])).toBe(true);
    const he = await refusedTo(host, { type: 'pause' });
    expect(he.reason).toContain(`move ${copy} to ${file}`);
    expect(he.reason).toMatch(/Nothing recorded is lost/);

    // A display change (no command, no cseq) says the same, not a bare "could not save".
    trainerZh.sendFrame({ t: 'display', showScores: true });
    const shown = (await trainerZh.next((f) => f.t === 'refused' && f.cseq === undefined)) as Refused;
    expect(shown.reason).toContain(`把 ${copy} 移回 ${file}`);

    // REST: a join (a participant: no path) and a new room (the host: the path), in each language.
    const joinZh = await post(
      server.url,
      `/api/join/${room.room.code}`,
      { team: 'Blue', roles: [], name: '小王' },
      'zh-CN',
    );
    expect(joinZh.status).toBe(503);
    expect(joinZh.body.error).toBe('unavailable');
    expect(joinZh.body.reason).toMatch(/你已提交的内容没有丢失/);
    expect(noLatin(joinZh.body.reason, [])).toBe(true);
    const joinEn = await post(
      server.url,
      `/api/join/${room.room.code}`,
      { team: 'Blue', roles: [], name: 'Bo' },
      'en',
    );
    expect(joinEn.status).toBe(503);
    expect(joinEn.body.reason).toMatch(/Nothing you already sent is lost/);
    expect(joinEn.body.reason).not.toContain(copy);
    const createZh = await post(
      server.url,
      '/api/rooms',
      { ...TWO_TEAMS_ROLES, seed: 'lost' },
      'zh-CN',
      server.hostToken,
    );
    expect(createZh.status).toBe(503);
    expect(createZh.body.reason).toContain(`把 ${copy} 移回 ${file}`);
    const createEn = await post(
      server.url,
      '/api/rooms',
      { ...TWO_TEAMS_ROLES, seed: 'lost' },
      'en',
      server.hostToken,
    );
    expect(createEn.status).toBe(503);
    expect(createEn.body.reason).toContain(`move ${copy} to ${file}`);

    // Nothing refused was recorded: the room is where it was.
    const rooms = await api<{ id: string }[]>(server.url, '/api/rooms', { token: server.hostToken });
    expect(rooms.body.map((r) => r.id)).toEqual([room.room.id]);
  }, 60_000);

  it('when the copy cannot be saved, says not to stop the server, tries again each second, then names it', async () => {
    const told: DatabaseGoneError[] = [];
    other = await openRoom([{ team: 'Red', name: 'Ana' }], {
      viewWorker: false,
      onDatabaseGone: (e) => void told.push(e),
    });
    const { server } = other;
    const ana = other.members[0]!;
    const trainer = other.trainer;
    // The whole folder goes, and a file takes its name: no folder can be made there for the copy.
    rmSync(server.store.dir, { recursive: true, force: true });
    writeFileSync(server.store.dir, 'not a folder');
    for (let i = 0; i < 100 && told.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(told[0]?.copy).toBeUndefined();
    const choice = firstOptionChoice('Red', latestView(ana).lanes[0]!.view.open[0]!)!;
    const p = await ana.command(choice);
    expect(p.t === 'refused' && p.reason).toMatch(
      /still held by the running server: tell the trainer at once/,
    );
    const t = await trainer.command({ type: 'pause' });
    expect(t.t === 'refused' && t.reason).toMatch(
      /do not stop it; free space .* tries to save the copy every second/,
    );

    rmSync(server.store.dir, { force: true });
    for (let i = 0; i < 100 && told.length < 2; i++) await new Promise((r) => setTimeout(r, 50));
    const copy = told[1]?.copy;
    expect(copy).toBeDefined();
    expect(existsSync(copy!)).toBe(true);
    const again = await trainer.command({ type: 'pause' });
    expect(again.t === 'refused' && again.reason).toContain(`move ${copy} to ${server.store.file}`);
  }, 60_000);
});
