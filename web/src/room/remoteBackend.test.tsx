import { beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { stateHash, verify, type Lang, type Scenario, type Transcript } from '@drill/engine';
import { transcriptPath, type CreatedRoom } from '@drill/server';
import { LangContext, translate } from '../i18n.ts';
import { CloseDrill } from '../console/CloseDrill.tsx';
import { compileShipped, loadLibrary } from '../scenarios.ts';
import { ParticipantScreen } from './ParticipantScreen.tsx';
import { RemoteBackend } from './remoteBackend.ts';
import { RoomClient } from './roomClient.ts';
import { liveServer } from './testing/live-server.ts';

// The room console's backend against a real room server over real sockets.
const live = liveServer('drill-remote-backend-');
const open = live.open;
let sc: Scenario;

beforeAll(async () => {
  await loadLibrary();
  const r = compileShipped('typhoon');
  if (!r.ok) throw new Error('typhoon does not compile');
  sc = r.scenario;
});

async function room(lang: Lang): Promise<{ created: CreatedRoom; backend: RemoteBackend }> {
  const res = await fetch(new URL('/api/rooms', live.server.url), {
    method: 'POST',
    headers: { authorization: `Bearer ${live.server.hostToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      scenario: 'typhoon',
      seed: 'remote-1',
      lang,
      mode: 'parallel',
      teams: [
        { name: 'Red', roles: [] },
        { name: 'Blue', roles: [] },
      ],
    }),
  });
  expect(res.status).toBe(201);
  const created = (await res.json()) as CreatedRoom;
  return { created, backend: await consoleOn(created, lang) };
}

/** A trainer's console (a browser tab) on the room. */
async function consoleOn(created: CreatedRoom, lang: Lang): Promise<RemoteBackend> {
  const url = new URL('/ws', live.server.url.replace(/^http/, 'ws')).toString();
  const client = new RoomClient({ token: created.trainerToken, lang, lostReason: 'lost', url });
  open.push(client);
  await waitFor(() => expect(client.view).toBeDefined(), { timeout: 10_000 });
  return new RemoteBackend(client, sc, created.room, created.trainerToken);
}

const table = (id: string) => live.server.rooms.get(id)!.table;
const hashes = (id: string): string[] =>
  Array.from({ length: table(id).sessionCount }, (_, i) => stateHash(table(id).stateOf(i)));

describe('the room console over the server', () => {
  it('a clock command against a view the console has not shown yet is refused: "the room moved on", no retry (en, zh)', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const { created, backend } = await room(lang);
      expect((await backend.submit({ type: 'start' }, lang)).ok).toBe(true);
      await waitFor(() => expect(backend.seq).toBe(table(created.room.id).seq));
      // An input lands in the room that this console has not been shown (no broadcast yet).
      const shown = backend.seq;
      const landed = table(created.room.id).submit(
        { kind: 'trainer', name: 'colleague' },
        { type: 'inject', roles: ['all'], text: { en: 'radio check', 'zh-CN': '通信检查' } },
      );
      expect(landed.ok).toBe(true);
      const held = table(created.room.id).seq;
      expect(held).toBeGreaterThan(shown);
      const before = hashes(created.room.id);
      const r = await backend.submit({ type: 'next' }, lang);
      expect(r).toEqual({ ok: false, code: 'stale', reason: translate(lang, 'roomMovedOn', { seq: held }) });
      // Nothing moved and nothing was sent again behind the trainer's back.
      await new Promise((ok) => setTimeout(ok, 300));
      expect(hashes(created.room.id)).toEqual(before);
      expect(table(created.room.id).seq).toBe(held);
    }
  });

  it('two tabs of the trainer (one credential) each act on what they show; neither is refused as a replay', async () => {
    const { created, backend: a } = await room('en');
    const b = await consoleOn(created, 'en');
    const id = created.room.id;
    // Both tabs start from the same numbering; each one's command takes a number the other used.
    expect((await a.submit({ type: 'start' }, 'en')).ok).toBe(true);
    await waitFor(() => expect(b.seq).toBe(table(id).seq));
    const paused = await b.submit({ type: 'pause' }, 'en');
    expect(paused.ok, JSON.stringify(paused)).toBe(true);
    await waitFor(() => expect(a.seq).toBe(table(id).seq));
    const resumed = await a.submit({ type: 'resume' }, 'en');
    expect(resumed.ok, JSON.stringify(resumed)).toBe(true);
    // Each step was applied once, in order.
    const inputs = table(id)
      .transcripts()[0]!
      .entries.map((e) => e.input.type);
    expect(inputs.filter((x) => x === 'pause' || x === 'resume' || x === 'start')).toEqual([
      'start',
      'pause',
      'resume',
    ]);
    expect(table(id).phase).toBe('running');
  });

  it("closes the drill from the debrief's close control: console → server → a final, closed record", async () => {
    const { created, backend } = await room('en');
    const id = created.room.id;
    for (const command of [{ type: 'start' }, { type: 'end' }] as const) {
      await waitFor(() => expect(backend.seq).toBe(table(id).seq));
      const r = await backend.submit(command, 'en');
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    await waitFor(() => expect(backend.phase).toBe('debrief'));
    const { rerender } = render(
      <LangContext.Provider value="en">
        <CloseDrill backend={backend} />
      </LangContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: translate('en', 'closeDrill') }));
    fireEvent.click(screen.getByRole('button', { name: translate('en', 'closeForGood') }));
    await waitFor(() => expect(table(id).phase).toBe('ended'));
    // The server's final state reaches the console, which then says the drill is closed.
    await waitFor(() => expect(backend.phase).toBe('ended'));
    rerender(
      <LangContext.Provider value="en">
        <CloseDrill backend={backend} />
      </LangContext.Provider>,
    );
    expect(screen.getByTestId('drill-closed').textContent).toBe(translate('en', 'drillClosed'));
    expect(backend.access).toEqual({ kind: 'closed' });
    // Closed is final on the server: every command is refused, and each team's record is complete.
    const after = await backend.submit({ type: 'resume' }, 'en');
    expect(after).toMatchObject({ ok: false, code: 'closed' });
    for (const i of [0, 1]) {
      // The download the console offers (a relative link in the page; absolute here, outside one).
      const res = await fetch(new URL(transcriptPath(id, i), live.server.url), {
        headers: { authorization: `Bearer ${created.trainerToken}` },
      });
      expect(res.status).toBe(200);
      const t = (await res.json()) as Transcript;
      expect(verify(sc, t).ok).toBe(true);
      expect(t.result).toBeDefined();
      expect(t.entries.at(-1)?.input.type).toBe('close');
    }
  });
});

describe("the trainer's console re-renders for the room's changes, not for presence", () => {
  it('a presence frame (someone joins, types) leaves the revision the run view renders on; a view moves it', async () => {
    const { created, backend } = await room('en');
    // A second trainer tab: its client is the one a console's run view re-renders on.
    const ws = new URL('/ws', live.server.url.replace(/^http/, 'ws')).toString();
    const trainer = new RoomClient({ token: created.trainerToken, lang: 'en', lostReason: 'lost', url: ws });
    open.push(trainer);
    await waitFor(() => expect(trainer.presence).toBeDefined());
    await waitFor(() => expect(trainer.view).toBeDefined());
    const before = trainer.revision;
    const res = await fetch(new URL(`/api/join/${created.room.code}`, live.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ team: 'Red', roles: [], name: 'r1' }),
    });
    const { token } = (await res.json()) as { token: string };
    const member = new RoomClient({ token, lang: 'en', lostReason: 'lost', url: ws });
    open.push(member);
    // The trainer hears of the new member (a presence frame) and nothing else changed.
    await waitFor(() => expect(trainer.presence?.members.some((m) => m.name === 'r1')).toBe(true));
    expect(trainer.revision).toBe(before);
    expect((await backend.submit({ type: 'start' }, 'en')).ok).toBe(true);
    await waitFor(() => expect(trainer.revision).toBeGreaterThan(before));
  });
});

describe('scores in the room (sent apart from the views)', () => {
  it("the console's scores are the server Table's; a member sees only their team's, only while shown", async () => {
    const { created, backend } = await room('zh-CN');
    const id = created.room.id;
    const res = await fetch(new URL(`/api/join/${created.room.code}`, live.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ team: 'Blue', roles: [], name: '蓝一' }),
    });
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    const url = new URL('/ws', live.server.url.replace(/^http/, 'ws')).toString();
    const member = new RoomClient({ token, lang: 'zh-CN', lostReason: 'lost', url });
    open.push(member);
    await waitFor(() => expect(member.view).toBeDefined());
    for (const command of [{ type: 'start' }, { type: 'next' }, { type: 'next' }, { type: 'end' }] as const) {
      await waitFor(() => expect(backend.seq).toBe(table(id).seq));
      expect((await backend.submit(command, 'zh-CN')).ok).toBe(true);
    }
    // At the debrief the scores go out (a turn after the view): the console's equal the Table's, report and all.
    await waitFor(() =>
      expect(backend.scores().map((s) => s.ratings)).toEqual(
        table(id)
          .scores()
          .map((s) => s.ratings),
      ),
    );
    expect(backend.scores().map((s) => s.report)).toEqual(
      table(id)
        .scores()
        .map((s) => s.report),
    );
    // Hidden: the member holds no scores and no lane of theirs carries a report.
    expect(member.scores).toBeUndefined();
    expect(member.ownScore()).toBeUndefined();
    expect(member.view?.lanes.every((l) => l.view.score === undefined)).toBe(true);
    backend.setProjectorScores(true);
    await waitFor(() => expect(member.ownScore()).toBeDefined());
    expect(member.scores?.map((s) => s.team)).toEqual(['Blue']);
    const blue = table(id)
      .scores()
      .find((s) => s.team === 'Blue')!;
    expect(member.ownScore()?.score).toBe(blue.ratings.score);
    // The seat page shows that number, and nothing once the trainer hides scores again.
    const screenOf = () => (
      <LangContext.Provider value="zh-CN">
        <ParticipantScreen
          info={{ title: 't', name: '蓝一', team: 'Blue', seats: [], clockLabel: (m) => `${m}` }}
          view={member.view}
          score={member.ownScore()}
          socket={member.socket}
          onSubmit={async () => ({ ok: true })}
          onAnswer={async () => ({ ok: true })}
          onTyping={() => {}}
          onLeave={() => {}}
        />
      </LangContext.Provider>
    );
    const { rerender } = render(screenOf());
    expect(screen.getByTestId('room-score').textContent).toBe(
      blue.ratings.score === null ? '—' : blue.ratings.score.toFixed(1),
    );
    backend.setProjectorScores(false);
    await waitFor(() => expect(member.ownScore()).toBeUndefined());
    expect(member.scores).toEqual([]);
    rerender(screenOf());
    expect(screen.queryByTestId('room-score')).toBeNull();
  });
});
