import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SEAT_LIMITS } from '../src/app.ts';
import type { ServerFrame } from '../src/protocol.ts';
import { serverForFile } from './fixtures/server-for-file.ts';
import { api, connect, createRoom, join, TWO_TEAMS_ROLES } from './kit.ts';

// What one participant's credential can make the server hold (docs/reliability/hostile-room.md, tenth
// session): sockets, hellos and joins, each bounded, each refusal with its reason in the seat's language.
// The limits are lowered here (the defaults are SEAT_LIMITS) so the test opens a handful of sockets.
const server = serverForFile({
  joinRate: false,
  seatLimits: { pagesPerSeat: 3, hellos: { burst: 6, perSecond: 0.01 }, membersPerRoom: 3 },
});

/** A raw page: its socket, every frame it got, and how it was closed. */
interface Page {
  ws: WebSocket;
  frames: ServerFrame[];
  closed: Promise<number>;
  welcomed: Promise<boolean>;
}

function page(token: string, lang?: 'en' | 'zh-CN'): Page {
  const url = new URL('/ws', server().url.replace('http', 'ws')).toString();
  const ws = new WebSocket(url);
  const frames: ServerFrame[] = [];
  const closed = new Promise<number>((ok) => ws.on('close', (code) => ok(code)));
  const welcomed = new Promise<boolean>((ok) => {
    ws.on('message', (d) => {
      const f = JSON.parse(String(d)) as ServerFrame;
      frames.push(f);
      if (f.t === 'welcome') ok(true);
      if (f.t === 'refused') ok(false);
    });
    ws.on('close', () => ok(false));
  });
  ws.on('open', () => ws.send(JSON.stringify({ t: 'hello', token, ...(lang ? { lang } : {}) })));
  return { ws, frames, closed, welcomed };
}

const refusals = (p: Page): Extract<ServerFrame, { t: 'refused' }>[] =>
  p.frames.filter((f): f is Extract<ServerFrame, { t: 'refused' }> => f.t === 'refused');

describe('one seat, many pages', () => {
  it('keeps the newest pages of a seat: the oldest beyond the limit is told why (en, zh) and closed', async () => {
    const s = server();
    const room = await createRoom(s.url, s.hostToken, TWO_TEAMS_ROLES);
    const ana = await join(s.url, room.room.code, 'Red', 'Ana');
    const bo = await join(s.url, room.room.code, 'Blue', 'Bo');
    const pages: Page[] = [];
    for (const lang of ['zh-CN', 'en', 'en', 'en'] as const) {
      const p = page(ana.token, lang);
      pages.push(p);
      expect(await p.welcomed).toBe(true);
    }
    // The fourth page of the seat closed the first (the oldest), in the language that page asked for.
    expect(await pages[0]!.closed).toBe(4409);
    const [why] = refusals(pages[0]!);
    expect(why?.code).toBe('rate-limited');
    expect(why?.reason).toMatch(/3/);
    expect(why?.reason).not.toMatch(/[A-Za-z]/);
    // Another seat is not counted with it.
    const other = page(bo.token);
    expect(await other.welcomed).toBe(true);
    // The three newest pages still follow the room.
    const trainer = await connect(s.url, room.trainerToken);
    const seen = pages.slice(1).map(
      (p) =>
        new Promise<void>((ok) =>
          p.ws.on('message', (d) => {
            if ((JSON.parse(String(d)) as ServerFrame).t === 'view') ok();
          }),
        ),
    );
    expect((await trainer.command({ type: 'start' })).t).toBe('ack');
    await Promise.all(seen);
    for (const p of pages.slice(1)) expect(refusals(p)).toEqual([]);
    // A page closed by its person frees its place: a new one takes it without closing another.
    pages[1]!.ws.close();
    await pages[1]!.closed;
    const again = page(ana.token);
    expect(await again.welcomed).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    for (const p of [pages[2]!, pages[3]!]) expect(p.ws.readyState).toBe(WebSocket.OPEN);
    trainer.close();
    for (const p of [...pages, other, again]) p.ws.close();
  });

  it('refuses a seat that says hello again and again (try again later, not closed for good); others are not slowed', async () => {
    const s = server();
    const room = await createRoom(s.url, s.hostToken, TWO_TEAMS_ROLES);
    const mallory = await join(s.url, room.room.code, 'Red', 'Mallory');
    const bo = await join(s.url, room.room.code, 'Blue', 'Bo');
    const outcomes: boolean[] = [];
    for (let i = 0; i < 8; i++) {
      const p = page(mallory.token, 'zh-CN');
      outcomes.push(await p.welcomed);
      if (!outcomes.at(-1)) {
        expect(await p.closed).toBe(1013);
        const [why] = refusals(p);
        expect(why?.code).toBe('rate-limited');
        expect(why?.reason).not.toMatch(/[A-Za-z]/);
      } else p.ws.close();
    }
    expect(outcomes).toEqual([true, true, true, true, true, true, false, false]);
    // Another seat says hello as usual; a forged token is still refused as not valid (not counted).
    const ok = page(bo.token);
    expect(await ok.welcomed).toBe(true);
    const forged = page('x'.repeat(43));
    expect(await forged.welcomed).toBe(false);
    expect(refusals(forged)[0]?.code).toBe('unauthorised');
    ok.ws.close();
  });
});

describe('one room, many joins', () => {
  it('takes no more members than the limit: the join is refused with its reason (en, zh) and nothing is issued', async () => {
    const s = server();
    const room = await createRoom(s.url, s.hostToken, TWO_TEAMS_ROLES);
    for (const name of ['A', 'B', 'C']) await join(s.url, room.room.code, 'Red', name);
    for (const lang of ['en', 'zh-CN']) {
      const res = await fetch(new URL(`/api/join/${room.room.code}`, s.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': lang },
        body: JSON.stringify({ team: 'Blue', roles: [], name: 'D' }),
      });
      expect(res.status).toBe(409);
      const body = (await res.json()) as { error: string; reason: string };
      expect(body.reason).toMatch(/3/);
      if (lang === 'zh-CN') expect(body.reason).not.toMatch(/[A-Za-z]/);
      else expect(body.reason).toMatch(/trainer/);
    }
    expect(s.store.members(room.room.id).map((m) => m.name)).toEqual(['A', 'B', 'C']);
    const info = await api<{ teams: { members: number }[] }>(s.url, `/api/join/${room.room.code}`);
    expect(info.body.teams.map((t) => t.members)).toEqual([3, 0]);
  });

  it('defaults: a classroom of 40 with room to spare', () => {
    expect(SEAT_LIMITS.membersPerRoom).toBeGreaterThanOrEqual(100);
    expect(SEAT_LIMITS.pagesPerSeat).toBeGreaterThanOrEqual(4);
    expect(SEAT_LIMITS.hellos.burst).toBeGreaterThanOrEqual(10);
  });
});
