import { afterAll, describe, expect, it } from 'vitest';
import type { TableCommand } from '@drill/engine';
import type { Room } from '../src/room.ts';
import { Store } from '../src/store.ts';
import { ViewPort } from '../src/view-port.ts';
import { tempDir } from './kit.ts';
import { openRoom, probe, typhoon as sc, type Probe } from './fixtures/probe-room.ts';

const tmp = tempDir();
const store = new Store(tmp.dir);
// Two workers: the rooms are spread over them by id (the tests below use rooms on both).
const port = new ViewPort(2);
afterAll(async () => {
  await port.stop();
  store.close();
  tmp.cleanup();
});

/** Until every probe holds a view of the room's current seq (the worker answers on another thread). */
async function settled(room: Room, conns: Probe[]): Promise<void> {
  const until = Date.now() + 20_000;
  // The last view holds the room's seq and display (a display change keeps the seq).
  const has = (c: Probe): boolean => {
    const last = c.frames.filter((f) => f.t === 'view' || f.t === 'welcome').at(-1);
    return (
      (last?.t === 'view' || last?.t === 'welcome') &&
      last.view.seq === room.table.seq &&
      JSON.stringify(last.display) === JSON.stringify(room.row.display)
    );
  };
  while (!conns.every(has)) {
    if (Date.now() > until) throw new Error('the views did not arrive');
    await new Promise((r) => setTimeout(r, 5));
  }
  // The display change below keeps the seq: let its broadcast land too.
  await new Promise((r) => setTimeout(r, 50));
}

/** Each client's last view frame is exactly the frame its own freshly computed view would give. */
function check(room: Room, conns: Probe[]): void {
  for (const c of conns) {
    const last = c.frames.filter((f) => f.t === 'view').at(-1);
    if (last?.t !== 'view') throw new Error('no view frame');
    const view = room.table.view(room.viewerOf(c.identity), c.lang);
    // The score reports travel in scores frames (built on the main thread), not in the views.
    for (const l of view.lanes) delete l.view.score;
    expect(last).toEqual(
      JSON.parse(JSON.stringify({ t: 'view', view, display: room.row.display, status: room.row.status })),
    );
  }
}

/** A classroom played on a room whose views the workers build, checked after every turn. */
async function classroom(id: string): Promise<void> {
  const roles = sc.roles.map((r) => r.id);
  const room = openRoom(
    store,
    id,
    {
      seed: id,
      mode: 'roles',
      lang: 'en',
      teams: [
        { name: 'Red', roles: roles.filter((_, i) => i % 2 === 0) },
        { name: 'Blue', roles: roles.filter((_, i) => i % 2 === 1) },
      ],
    },
    port,
  );
  const trainer = probe({ role: 'trainer', name: 'T' }, `${id}t`);
  const conns: Probe[] = [
    trainer,
    probe({ role: 'projector', name: 'P' }, `${id}p`),
    probe({ role: 'evaluator', name: 'E' }, `${id}e`, 'zh-CN'),
    probe({ role: 'member', name: 'a', team: 'Red', roles: [roles[0]!] }, `${id}a`),
    probe({ role: 'member', name: 'b', team: 'Red', roles: [roles[2]!] }, `${id}b`, 'zh-CN'),
    probe({ role: 'member', name: 'c', team: 'Blue', roles: [roles[1]!] }, `${id}c`),
  ];
  // The worker takes requests once it has loaded the engine; until then the room builds views itself.
  while (!port.ready) await new Promise((r) => setTimeout(r, 20));
  for (const c of conns) room.attach(c, 0);
  let cseq = 0;
  // A clock command names the seq it acted on (the server refuses it otherwise); sent synchronously, that
  // is the table's seq now.
  const cmd = (command: TableCommand): void =>
    room.command(trainer, { t: 'cmd', cseq: ++cseq, command, expectSeq: room.table.seq });
  cmd({ type: 'start' });
  await settled(room, conns);
  check(room, conns);
  const mseq = new Map<Probe, number>();
  // Several inputs in one turn, then more in the next turns while the worker is still building.
  for (let round = 0; round < 4; round++) {
    cmd({ type: 'next' });
    cmd({ type: 'inject', team: 'Blue', roles: ['all'], text: { en: 'Blue only', 'zh-CN': '仅蓝队' } });
    await new Promise((r) => setImmediate(r));
    cmd({ type: 'next' });
    // Members answer what is open at their seats (a refusal changes nothing).
    for (const m of conns.slice(3)) {
      const v = room.table.view(room.viewerOf(m.identity), 'en');
      for (const d of v.lanes[0]!.view.open)
        if (d.options[0] && d.kind !== 'allocate' && d.kind !== 'discuss')
          room.command(m, {
            t: 'cmd',
            cseq: (mseq.set(m, (mseq.get(m) ?? 0) + 1), mseq.get(m)!),
            command: {
              type: 'choose',
              team: m.identity.team!,
              decision: d.decision,
              options: [d.options[0].id],
            },
          });
    }
    await settled(room, conns);
    check(room, conns);
  }
  room.displayFrom(trainer, { t: 'display', showScores: true });
  await settled(room, conns);
  check(room, conns);
  for (const c of conns) {
    // Views only move forward, and each ack comes before the view that carries its input.
    const seqs = c.frames.flatMap((f) => (f.t === 'view' || f.t === 'welcome' ? [f.view.seq] : []));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    let seen = 0;
    for (const f of c.frames) {
      if (f.t === 'view') seen = f.view.seq;
      if (f.t === 'ack') expect(f.seq).toBeGreaterThan(seen);
    }
  }
  expect(trainer.frames.filter((f) => f.t === 'ack')).toHaveLength(cseq);
}

describe('views built on the view workers', () => {
  it('every client gets exactly its own view, its ack just before it, and nothing older after a newer one', async () => {
    // Two rooms at once, one on each worker.
    const ids = ['w1', 'w3', 'w4', 'w5', 'w6', 'w7'];
    const a = ids[0]!;
    const b = ids.find((x) => port.workerOf(x) !== port.workerOf(a));
    if (!b) throw new Error('every room id fell on one worker');
    await Promise.all([classroom(a), classroom(b)]);
    // These frames were built on the workers, not here.
    expect(port.answered).toBeGreaterThanOrEqual(12);
  });

  it('without the worker (stopped), the room builds the same frames itself', async () => {
    const gone = new ViewPort();
    while (!gone.ready) await new Promise((r) => setTimeout(r, 20));
    const room = openRoom(
      store,
      'w2',
      {
        seed: 'w2',
        mode: 'parallel',
        lang: 'en',
        teams: [
          { name: 'Red', roles: [] },
          { name: 'Blue', roles: [] },
        ],
      },
      gone,
    );
    const trainer = probe({ role: 'trainer', name: 'T' }, 't2');
    const conns = [trainer, probe({ role: 'member', name: 'a', team: 'Red', roles: [] }, 'a2', 'zh-CN')];
    for (const c of conns) room.attach(c, 0);
    room.command(trainer, { t: 'cmd', cseq: 1, command: { type: 'start' }, expectSeq: room.table.seq });
    await settled(room, conns);
    check(room, conns);
    await gone.stop();
    expect(gone.ready).toBe(false);
    room.command(trainer, { t: 'cmd', cseq: 2, command: { type: 'next' }, expectSeq: room.table.seq });
    await settled(room, conns);
    check(room, conns);
  });
});
