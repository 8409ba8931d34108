import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stateHash, type TableCommand } from '@drill/engine';
import type { RoomServer } from '../src/app.ts';
import { openRoom, type OpenRoom } from './fixtures/open-room.ts';
import { RoomClient } from '../src/client.ts';
import { MAX_FRAME_BYTES, type CreatedRoom, type ServerFrame } from '../src/protocol.ts';
import { answerOpen, api, connect, join, latestView, settled, TWO_TEAMS_ROLES } from './kit.ts';

let fx: OpenRoom | undefined;
let server: RoomServer;
let room: CreatedRoom;
let trainer: RoomClient;
let red: RoomClient;
let blue: RoomClient;
let clients: RoomClient[];

/** Every session's state hash: what "the room is unchanged" means. */
function hashes(): string[] {
  const t = server.rooms.get(room.room.id)!.table;
  return Array.from({ length: t.sessionCount }, (_, i) => stateHash(t.stateOf(i)));
}

type Refused = Extract<ServerFrame, { t: 'refused' }>;
const isRefused = (f: ServerFrame): f is Refused => f.t === 'refused';

beforeAll(async () => {
  fx = await openRoom(
    [
      { team: 'Red', name: 'Rae' },
      { team: 'Blue', name: 'Bo', roles: ['fisheries'] },
    ],
    { rate: { burst: 20, perSecond: 30 } },
  );
  ({ server, room, trainer, clients } = fx);
  [red, blue] = fx.members as [RoomClient, RoomClient];
});

afterAll(async () => {
  await fx?.close();
});

/**
 * Sends a frame that has no cseq (so no ack), again while the room's rate limit refuses it: the refusal
 * comes back at once on loopback.
 */
async function sendTaken(c: RoomClient, frame: Parameters<RoomClient['sendFrame']>[0]): Promise<void> {
  for (let k = 0; k < 20; k++) {
    const n = c.frames.length;
    c.sendFrame(frame);
    await new Promise((r) => setTimeout(r, 100));
    if (!c.frames.slice(n).some((f) => f.t === 'refused' && f.code === 'rate-limited')) return;
  }
  throw new Error('the room kept refusing the frame as a flood');
}

describe('the room server refuses, with a reason, and the room stays as it was', () => {
  it('a forged token gets a refusal and the socket is closed', async () => {
    const before = hashes();
    const forged = new RoomClient({ url: server.url, token: 'A'.repeat(32) });
    clients.push(forged);
    const f = await forged.next(isRefused);
    expect(f.code).toBe('unauthorised');
    expect(f.reason).toMatch(/not valid/);
    // A join code is not a credential either.
    const byCode = new RoomClient({ url: server.url, token: `${room.room.code}${'x'.repeat(16)}` });
    clients.push(byCode);
    expect((await byCode.next(isRefused)).code).toBe('unauthorised');
    // The REST side refuses the same way, and a member token is not the trainer's.
    expect((await api(server.url, '/api/rooms', { token: 'B'.repeat(32) })).status).toBe(401);
    expect(
      (await api(server.url, '/api/rooms', { token: room.trainerToken, body: TWO_TEAMS_ROLES })).status,
    ).toBe(401);
    expect(hashes()).toEqual(before);
  });

  it("a member's choice for another team or a seat they do not hold is refused", async () => {
    const before = hashes();
    const open = latestView(red).lanes[0]!.view.open[0]!;
    const cross = await blue.command({
      type: 'choose',
      team: 'Red',
      decision: open.decision,
      options: [open.options[0]!.id],
    });
    expect(cross).toMatchObject({ t: 'refused', code: 'not-your-team' });
    // Blue's member holds only fisheries: a township decision of Blue's is not theirs.
    const township = await blue.command({
      type: 'choose',
      team: 'Blue',
      decision: 'red_ack',
      options: ['x'],
    });
    expect(township).toMatchObject({ t: 'refused', code: 'not-your-seat' });
    expect(hashes()).toEqual(before);
  });

  it('trainer-only commands from a participant are refused', async () => {
    const before = hashes();
    const commands: TableCommand[] = [
      { type: 'next' },
      { type: 'end' },
      { type: 'advance', minutes: 600 },
      { type: 'inject', roles: ['all'], text: 'fake news' },
    ];
    for (const command of commands) {
      const r = await red.command(command);
      expect(r).toMatchObject({ t: 'refused', code: 'trainer-only' });
      expect((r as Refused).reason).toBe('only the trainer can do this');
    }
    const d = await red.next(isRefused, 100).catch(() => undefined);
    expect(d).toBeUndefined();
    red.sendFrame({ t: 'display', showScores: true });
    expect((await red.next(isRefused)).code).toBe('trainer-only');
    expect(hashes()).toEqual(before);
  });

  it('a replayed input (cseq already accepted) and a choice for a closed decision are refused', async () => {
    const open = latestView(red).lanes[0]!.view.open[0]!;
    const cmd = {
      type: 'choose' as const,
      team: 'Red',
      decision: open.decision,
      options: [open.options[0]!.id],
    };
    const ok = await red.command(cmd);
    if (ok.t !== 'ack') throw new Error(`refused: ${ok.reason}`);
    await settled([trainer, red, blue], ok.seq);
    const before = hashes();
    // The same frame again, byte for byte: a replay.
    red.sendFrame({ t: 'cmd', cseq: ok.cseq, command: cmd });
    const replay = await red.next(isRefused);
    expect(replay).toMatchObject({ code: 'replay', cseq: ok.cseq });
    // A new cseq for the decision already closed: stale.
    const again = await red.command(cmd);
    expect(again).toMatchObject({ t: 'refused', code: 'engine' });
    expect((again as Refused).reason).toMatch(/closed|already/i);
    // A clock command against an older table sequence number: stale.
    const stale = await trainer.command({ type: 'next' }, { expectSeq: 1 });
    expect(stale).toMatchObject({ t: 'refused', code: 'stale' });
    expect(hashes()).toEqual(before);
  });

  it("a trainer's clock command must name the seq it acted on: a missing or older one is refused stale, naming the room's, in en and zh", async () => {
    const t = server.rooms.get(room.room.id)!.table;
    await settled([trainer], t.seq);
    const before = hashes();
    const held = t.seq;
    // No expectSeq at all (a hand-made or old client): refused, with the seq the room is at.
    trainer.sendFrame({ t: 'cmd', cseq: 100_000, command: { type: 'next' } });
    const missing = await trainer.next(isRefused);
    expect(missing).toMatchObject({ code: 'stale', cseq: 100_000, seq: held });
    expect(missing.reason).toContain('expectSeq');
    expect(missing.reason).toContain(`input ${held}`);
    // Every clock and lifecycle command, in Chinese, against an older seq: refused without English.
    const zh = new RoomClient({ url: server.url, token: room.trainerToken, lang: 'zh-CN' });
    clients.push(zh);
    await zh.welcome();
    let cseq = 100_001;
    const clock: TableCommand[] = [
      { type: 'advance', minutes: 5 },
      { type: 'next' },
      { type: 'pause' },
      { type: 'resume' },
      { type: 'end' },
      { type: 'close' },
      { type: 'start' },
    ];
    for (const command of clock) {
      zh.sendFrame({ t: 'cmd', cseq: cseq++, expectSeq: held - 1, command });
      const r = await zh.next(isRefused);
      expect(r, command.type).toMatchObject({ code: 'stale', seq: held });
      expect(r.reason).toContain(`第${held}条`);
      expect(r.reason).toContain(`第${held - 1}条`);
      expect(r.reason).not.toMatch(/[A-Za-z]/);
    }
    // A member's choice needs no expectSeq (it cannot move time), and is not refused as stale.
    expect(hashes()).toEqual(before);
    // With the seq the room holds, the same command is taken.
    const ok = await trainer.command({ type: 'pause' }, { expectSeq: held });
    expect(ok.t).toBe('ack');
    const back = await trainer.command({ type: 'resume' });
    expect(back.t).toBe('ack');
  });

  it('an input the trainer has not looked at makes a clock command stale; a script retries only when asked', async () => {
    await settled([trainer], server.rooms.get(room.room.id)!.table.seq);
    const seen = latestView(trainer).seq;
    // An ad-hoc inject lands (not a clock command: it needs no expectSeq) …
    const inject = await trainer.command({ type: 'inject', roles: ['all'], text: { en: 'radio check' } });
    expect(inject.t, JSON.stringify(inject)).toBe('ack');
    const held = server.rooms.get(room.room.id)!.table.seq;
    expect(held).toBeGreaterThan(seen);
    // … and a clock command sent against what was seen before it is refused, naming the room's seq.
    const before = hashes();
    const refused = await trainer.command({ type: 'advance', minutes: 1 }, { expectSeq: seen });
    expect(refused).toMatchObject({ t: 'refused', code: 'stale', seq: held });
    expect(hashes()).toEqual(before);
    // Asked to, the scripted client takes the refusal, looks at the view it names and sends it again.
    const retried = await trainer.command(
      { type: 'advance', minutes: 1 },
      { expectSeq: seen, retryStale: 3 },
    );
    expect(retried.t, JSON.stringify(retried)).toBe('ack');
    const stale = trainer.frames.filter((f) => f.t === 'refused' && f.code === 'stale' && f.seq === held);
    expect(stale.length).toBe(2);
    expect(server.rooms.get(room.room.id)!.table.seq).toBeGreaterThan(held);
  });

  it('two connections with one credential (two trainer tabs) do not refuse each other as replays', async () => {
    const other = await connect(server.url, room.trainerToken);
    clients.push(other);
    const t = server.rooms.get(room.room.id)!.table;
    // The trainer's client takes the next number; the other tab's next command then has a used one.
    const inject = await trainer.command({ type: 'inject', roles: ['all'], text: { en: 'first tab' } });
    expect(inject.t).toBe('ack');
    await settled([other], t.seq);
    const second = await other.command({ type: 'inject', roles: ['all'], text: { en: 'second tab' } });
    expect(second.t, JSON.stringify(second)).toBe('ack');
    // The room told it how far the credential got, and it numbered its command after that, once.
    const replays = other.frames.filter((f) => f.t === 'refused' && f.code === 'replay');
    expect(replays).toHaveLength(1);
    expect(replays[0]).toMatchObject({ lastCseq: inject.cseq });
    // And the first tab, now behind in its numbering, still gets through.
    await settled([trainer], t.seq);
    const third = await trainer.command({ type: 'pause' });
    expect(third.t, JSON.stringify(third)).toBe('ack');
    expect((await trainer.command({ type: 'resume' })).t).toBe('ack');
  });

  it('malformed and oversized frames are refused; a frame too large for the socket closes it', async () => {
    const before = hashes();
    red.sendRaw('{not json');
    expect((await red.next(isRefused)).code).toBe('bad-frame');
    red.sendRaw(JSON.stringify({ t: 'cmd', cseq: 'one', command: {} }));
    expect((await red.next(isRefused)).code).toBe('bad-frame');
    red.sendRaw(
      JSON.stringify({ t: 'cmd', cseq: 9999, command: { type: 'choose', team: 'Red', nonsense: true } }),
    );
    expect((await red.next(isRefused)).code).toBe('malformed');
    red.sendRaw(
      JSON.stringify({
        t: 'cmd',
        cseq: 9998,
        command: { type: 'inject', text: 'x'.repeat(MAX_FRAME_BYTES) },
      }),
    );
    expect((await red.next(isRefused)).code).toBe('too-large');
    // Four times the limit: ws closes the socket (1009); the client reconnects and is welcomed again.
    const closed = new Promise<number>((ok) => {
      const ws = (red as unknown as { ws: { once(e: 'close', f: (code: number) => void): void } }).ws;
      ws.once('close', ok);
    });
    red.sendRaw('x'.repeat(4 * MAX_FRAME_BYTES + 1));
    expect(await closed).toBe(1009);
    await red.next((f) => f.t === 'welcome');
    expect(hashes()).toEqual(before);
  });

  it('a flood is cut by the rate limit, and nothing in it changes the room', async () => {
    const before = hashes();
    const flooder = await connect(server.url, (await join(server.url, room.room.code, 'Blue', 'Flo')).token);
    clients.push(flooder);
    for (let i = 0; i < 60; i++) flooder.sendFrame({ t: 'cmd', cseq: i + 1, command: { type: 'end' } });
    await flooder.next((f) => f.t === 'refused' && f.code === 'rate-limited');
    await new Promise((r) => setTimeout(r, 300));
    const codes = flooder.frames.filter(isRefused).map((f) => f.code);
    expect(codes.filter((c) => c === 'rate-limited').length).toBeGreaterThanOrEqual(30);
    expect(codes.filter((c) => c === 'trainer-only').length).toBeLessThanOrEqual(25);
    expect(hashes()).toEqual(before);
  });
});

describe('what participants receive', () => {
  it('never another team’s seats, scores, facilitator notes or variation draws — unless the trainer shows scores', async () => {
    // Move the drill on so both teams have something in their feeds and some decisions are closed.
    const hidden = (): boolean =>
      latestView(trainer).lanes[0]!.view.feed.some(
        (f) => !f.roles.includes('all') && !f.roles.includes('fisheries'),
      );
    for (let i = 0; i < 40 && !hidden(); i++) {
      await answerOpen([
        { c: red, team: 'Red' },
        { c: blue, team: 'Blue' },
      ]);
      // The room's rate limit is low (for the flood test): with retryStale the client backs off when an
      // idle machine loops faster than it.
      const a = await trainer.command({ type: 'next' }, { retryStale: 5 });
      if (a.t === 'ack') await settled(clients.slice(0, 3), a.seq);
    }
    const blueRoles = new Set(['fisheries']);
    // Scores hidden: no scores frame reaches a member at all.
    expect(blue.frames.filter((f) => f.t === 'scores')).toEqual([]);
    for (const f of blue.frames) {
      if (f.t !== 'view' && f.t !== 'welcome') continue;
      for (const lane of f.view.lanes) {
        expect(lane.view.score).toBeUndefined();
        expect(lane.view.variations).toBeUndefined();
        for (const d of lane.view.open)
          expect(d.roles.some((r) => blueRoles.has(r) || r === 'all')).toBe(true);
        for (const item of lane.view.feed)
          expect(item.roles.some((r) => blueRoles.has(r) || r === 'all')).toBe(true);
      }
    }
    // Not vacuous: Blue saw a feed, and the room's feed holds injects Blue never received.
    const blueFeed = new Set(latestView(blue).lanes[0]!.view.feed.map((f) => f.inject));
    expect(blueFeed.size).toBeGreaterThan(0);
    expect(latestView(trainer).lanes[0]!.view.feed.some((f) => !blueFeed.has(f.inject))).toBe(true);
    expect(blue.frames.some((f) => f.t === 'presence')).toBe(false);
    const raw = JSON.stringify(blue.frames);
    expect(raw).not.toMatch(/"variations"|"facilitator|"notes"/);
    // The trainer sees variations in the views and the scores (every team's, with the whole report)
    // in scores frames; after "show scores", each member sees only their team's, and none once hidden.
    const tv = latestView(trainer);
    expect(tv.lanes[0]!.view.variations).toBeDefined();
    const staff = trainer.frames.filter((f) => f.t === 'scores').at(-1);
    expect(staff?.t === 'scores' && staff.scores.map((x) => x.team)).toEqual(['Red', 'Blue']);
    expect(staff?.t === 'scores' && staff.reports?.[0]?.report.decisions.length).toBeGreaterThan(0);
    const showing = blue.next((f) => f.t === 'scores');
    await sendTaken(trainer, { t: 'display', showScores: true });
    const shown = await showing;
    expect(shown.t === 'scores' && shown.scores.map((x) => x.team)).toEqual(['Blue']);
    expect(shown.t === 'scores' && shown.reports).toBeUndefined();
    const hiding = blue.next((f) => f.t === 'scores');
    await sendTaken(trainer, { t: 'display', showScores: false });
    expect(await hiding).toMatchObject({ t: 'scores', scores: [] });
  });

  it('the trainer hears presence: who is connected and what they submitted', async () => {
    blue.sendFrame({ t: 'typing', decision: 'boats_recall' });
    const p = await trainer.next(
      (f) => f.t === 'presence' && f.members.some((m) => m.typing === 'boats_recall'),
    );
    if (p.t !== 'presence') throw new Error('not presence');
    const rae = p.members.find((m) => m.name === 'Rae')!;
    expect(rae.connected).toBe(true);
    expect(rae.submitted.length).toBeGreaterThan(0);
    expect(p.members.find((m) => m.name === 'Bo')?.typing).toBe('boats_recall');
  });

  it('a clock step sends the trainer no presence frame (nothing in it changed); a typing change does', async () => {
    await new Promise((r) => setTimeout(r, 300));
    const n = trainer.frames.length;
    const step = await trainer.command({ type: 'pause' }, { retryStale: 5 });
    if (step.t !== 'ack') throw new Error(`the pause was refused: ${JSON.stringify(step)}`);
    await settled([trainer, red, blue], step.seq);
    // The presence frame of a turn goes out right after its views: give it time to arrive if sent.
    await new Promise((r) => setTimeout(r, 300));
    expect(trainer.frames.slice(n).filter((f) => f.t === 'presence')).toEqual([]);
    expect((await trainer.command({ type: 'resume' }, { retryStale: 5 })).t).toBe('ack');
    blue.sendFrame({ t: 'typing', decision: 'boats_recall', active: false });
    const p = await trainer.next((f) => f.t === 'presence');
    if (p.t !== 'presence') throw new Error('not presence');
    expect(p.members.find((m) => m.name === 'Bo')?.typing).toBeUndefined();
  });
});
