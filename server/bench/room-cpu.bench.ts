/**
 * `tsx server/bench/room-cpu.bench.ts` — the room server's own work per input, without sockets: the
 * same classroom as `pnpm bench:room` (role mode, 3 teams sharing the 7 seats, CLIENTS members each
 * holding one seat, a trainer and a projector), driven in-process so the figure is the room's CPU alone
 * (engine step, commit, views, scores, serialisation) and steady on a loaded machine. Each round the
 * trainer sends "next"; after each broadcast every member answers each decision open at their seat
 * (most are refused: the first at a seat wins). Prints CPU per input and the bytes each broadcast sends.
 *
 * With `VIEW_WORKER=1` the rooms hand their frames to the view worker's work (`ViewReplicas`), run
 * in-process and timed apart: the figure for the worker thread per accepted input, next to the room's own.
 *
 *   ROOMS=10 CLIENTS=30 ROUNDS=12 [VIEW_WORKER=1] tsx server/bench/room-cpu.bench.ts
 */
import { memberChoice } from './member-choice.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { tmpdir } from 'node:os';
import { hash } from 'node:crypto';
import { join } from 'node:path';
import { Table, useSha256, type TableCommand } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import type { Identity, ServerFrame } from '../src/protocol.ts';
import { Room, type Conn } from '../src/room.ts';
import { Store, type RoomRow } from '../src/store.ts';
import type { ToViewWorker, Views } from '../src/view-port.ts';
import { ViewReplicas } from '../src/view-replicas.ts';

const env = (k: string, d: number): number => {
  const v = Number(process.env[k]);
  return Number.isFinite(v) && v > 0 ? v : d;
};
const ROOMS = env('ROOMS', 10);
const CLIENTS = env('CLIENTS', 30);
const ROUNDS = env('ROUNDS', 12);
const TEAMS = 3;

// As the server does (app.ts): Node's SHA-256 for the state hashes.
useSha256((text) => hash('sha256', text, 'hex'));
const sc = loadScenario('typhoon');
const roleIds = sc.roles.map((r) => r.id);
const teamRoles = (t: number): string[] => roleIds.filter((_, r) => r % TEAMS === t);
const dir = mkdtempSync(join(tmpdir(), 'drill-room-cpu-'));
const store = new Store(dir);
const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

/** `RECORD=<file>`: the view worker's messages are kept and written there (v8 serialised) at the end. */
const recorded: ToViewWorker[] | undefined = process.env.RECORD ? [] : undefined;
/** CPU milliseconds spent in the view worker's work (in-process here, so it can be timed apart). */
let workerMs = 0;
const replicas = new ViewReplicas();
/** The worker's messages, handled here: each is cloned as postMessage would, outside the timing. */
function toWorker(m: ToViewWorker): ReturnType<ViewReplicas['handle']> {
  const copy = structuredClone(m);
  recorded?.push(copy);
  const c0 = process.cpuUsage();
  const out = replicas.handle(copy);
  const c = process.cpuUsage(c0);
  workerMs += (c.user + c.system) / 1000;
  return out;
}
const inProcessWorker: Views | undefined =
  process.env.VIEW_WORKER === '1'
    ? {
        ready: true,
        open: (room, scenario, saved) => {
          toWorker({ t: 'scenario', hash: scenario.contentHash, scenario });
          toWorker({ t: 'open', room, hash: scenario.contentHash, saved });
        },
        close: (room) => void toWorker({ t: 'close', room }),
        command: (m) => void toWorker({ t: 'cmd', ...m }),
        frames: (room, seq, ctx, wants) => {
          const out = toWorker({ t: 'frames', id: 0, room, seq, ctx, wants });
          const r = out?.reply;
          return Promise.resolve(
            r?.t === 'frames' && 'texts' in r
              ? new Map(r.texts.map(([k, b]) => [k, Buffer.from(b.buffer, b.byteOffset, b.byteLength)]))
              : undefined,
          );
        },
      }
    : undefined;

let bytes = 0;
let frames = 0;
/** Time the simulated clients spend parsing their frames (not the server's work). */
let parseMs = 0;
const parsed = new WeakMap<Buffer, ServerFrame>();
const byRole = new Map<string, { frames: number; bytes: number }>();
interface Member {
  conn: Conn;
  team: string;
  inbox: ServerFrame[];
  tried: Set<string>;
  cseq: number;
}
function conn(identity: Identity, tokenId: string, inbox?: ServerFrame[]): Conn {
  return {
    identity,
    tokenId,
    lang: 'en',
    send: (f) => {
      const t = JSON.stringify(f);
      bytes += t.length;
      frames++;
      if (!inbox) return;
      const p0 = performance.now();
      inbox.push(JSON.parse(t) as ServerFrame);
      parseMs += performance.now() - p0;
    },
    sendText: (t) => {
      bytes += t.length;
      frames++;
      const k = byRole.get(identity.role) ?? { frames: 0, bytes: 0 };
      k.frames++;
      k.bytes += t.length;
      byRole.set(identity.role, k);
      // Members act on what they are sent, so they parse it (timed apart: it is the client's work).
      if (!inbox) return;
      // Connections that share a frame share its buffer: parse each buffer once (the clients' work,
      // kept small so the garbage it makes does not count as the room's).
      let f = typeof t === 'string' ? undefined : parsed.get(t);
      if (!f) {
        const p0 = performance.now();
        f = JSON.parse(String(t)) as ServerFrame;
        parseMs += performance.now() - p0;
        if (typeof t !== 'string') parsed.set(t, f);
      }
      inbox.push(f);
    },
  };
}

const rooms: { room: Room; trainer: Conn; members: Member[]; tcseq: number }[] = [];
for (let i = 0; i < ROOMS; i++) {
  const setup = {
    seed: `bench-${i}`,
    mode: 'roles' as const,
    lang: 'en' as const,
    teams: Array.from({ length: TEAMS }, (_, t) => ({ name: `Team ${t + 1}`, roles: teamRoles(t) })),
  };
  const t = Table.start(sc, setup, { startedAt: '2026-01-01T00:00:00.000Z', frozen: false });
  if ('error' in t) throw new Error(t.error);
  const saved = t.save();
  const row: RoomRow = {
    id: `r${i}`,
    code: `R${i}`,
    scenarioId: 'typhoon',
    scenarioHash: sc.contentHash,
    setup: saved.setup,
    headers: saved.transcripts.map((x) => x.header),
    created: '2026-01-01T00:00:00.000Z',
    status: 'open',
    display: { showScores: false, projectorTeam: null },
  };
  store.insertRoom(row);
  const room = Room.open(store, row, sc, t, inProcessWorker);
  const trainer = conn({ role: 'trainer', name: 'Trainer' }, `t${i}`);
  room.attach(trainer, 0);
  room.attach(conn({ role: 'projector', name: 'Projector' }, `p${i}`), 0);
  const members: Member[] = [];
  for (let m = 0; m < CLIENTS; m++) {
    const team = m % TEAMS;
    const seats = teamRoles(team);
    const roles = [seats[Math.floor(m / TEAMS) % seats.length]!];
    const identity: Identity = { role: 'member', name: `m${m}`, team: `Team ${team + 1}`, roles };
    const inbox: ServerFrame[] = [];
    const c = conn(identity, `m${i}-${m}`, inbox);
    room.attach(c, 0);
    members.push({ conn: c, team: `Team ${team + 1}`, inbox, tried: new Set(), cseq: 0 });
  }
  rooms.push({ room, trainer, members, tcseq: 0 });
}
await tick();
for (const r of rooms) for (const m of r.members) m.inbox.length = 0;

let inputs = 0;
let accepted = 0;
const t0 = process.cpuUsage();
const w0 = performance.now();
bytes = 0;
frames = 0;
parseMs = 0;
workerMs = 0;
byRole.clear();
const clock = (r: (typeof rooms)[number], command: TableCommand): void => {
  inputs++;
  const before = r.room.table.seq;
  // A clock command names the seq the trainer acted on (the room refuses it otherwise).
  r.room.command(r.trainer, { t: 'cmd', cseq: ++r.tcseq, command, expectSeq: before });
  if (r.room.table.seq !== before) accepted++;
};
for (const r of rooms) clock(r, { type: 'start' });
for (let round = 0; round <= ROUNDS; round++) {
  await tick();
  // Members answer what their views show open (each decision once), in two waves per round.
  for (let wave = 0; wave < 2; wave++) {
    for (const r of rooms)
      for (const m of r.members) {
        // What the member's screen shows now: the newest view (a decision a seat-mate closed is gone).
        const inbox = m.inbox.splice(0).filter((f) => f.t === 'view');
        for (const f of inbox.slice(-1)) {
          for (const lane of f.view.lanes)
            for (const d of lane.view.open) {
              if (m.tried.has(d.decision)) continue;
              m.tried.add(d.decision);
              const command = memberChoice(m.team, d);
              if (!command) continue;
              inputs++;
              const before = r.room.table.seq;
              r.room.command(m.conn, { t: 'cmd', cseq: ++m.cseq, command });
              if (r.room.table.seq !== before) accepted++;
              // Answers arrive over a few turns of the event loop, not all in one.
              if (m.cseq % 4 === 0) await tick();
            }
        }
      }
    await tick();
  }
  if (round < ROUNDS) for (const r of rooms) clock(r, { type: 'next' });
}
await tick();
const cpu = process.cpuUsage(t0);
const cpuMs = (cpu.user + cpu.system) / 1000 - parseMs;
const wall = performance.now() - w0;
process.stdout.write(
  `room-cpu: ${ROOMS} rooms × ${CLIENTS} members, ${ROUNDS} rounds: ${inputs} inputs / ${accepted} accepted in ${(wall / 1000).toFixed(1)} s; ` +
    `CPU ${(cpuMs / 1000).toFixed(2)} s = ${(cpuMs / inputs).toFixed(2)} ms per input, ${(cpuMs / accepted).toFixed(2)} ms per accepted ` +
    `(the members' parsing, ${(parseMs / 1000).toFixed(2)} s, left out); ${frames} frames, ${(bytes / 1024 / 1024).toFixed(1)} MiB\n` +
    [...byRole]
      .map(
        ([k, v]) =>
          `  ${k}: ${v.frames} broadcast frames, ${(v.bytes / v.frames / 1024).toFixed(1)} KiB each`,
      )
      .join('\n') +
    '\n' +
    (inProcessWorker
      ? `  of which the view worker's work ${(workerMs / 1000).toFixed(2)} s = ${(workerMs / accepted).toFixed(2)} ms per accepted; the room's own ${((cpuMs - workerMs) / accepted).toFixed(2)} ms per accepted\n`
      : ''),
);
if (recorded) writeFileSync(process.env.RECORD!, serialize(recorded));
store.close();
rmSync(dir, { recursive: true, force: true });
