/**
 * `pnpm bench:room` — a bounded load generator for the room server, on loopback only.
 *
 * Starts the server as its own process (fresh data folder), creates ROOMS typhoon rooms (MODE roles or
 * parallel, TEAMS teams each), joins CLIENTS members per room (each holding some seats), connects a trainer
 * and a projector per room, then runs ROUNDS clock steps: each room's trainer sends "next" every STEP_MS (the rooms'
 * trainers independently, each at a random phase; SYNC=1 makes them all click at once), and each member answers
 * every decision open at their seats after a short think time (unless a seat-mate's answer closed it on
 * their screen meanwhile). Measures, per accepted input, the
 * input-to-broadcast latency (from sending it until the last client of the room holds a view that
 * includes it), inputs lost (acknowledged but missing from the transcripts, or never answered), and the
 * server's resident memory per room. Everything is bounded: counts by env, and BENCH_TIMEOUT_S overall.
 *
 *   ROOMS=100 CLIENTS=30 MODE=roles TEAMS=3 ROUNDS=12 STEP_MS=600 pnpm bench:room
 *
 * The server's default threading is its own (no view worker on two cores or fewer). VIEW_WORKER=0 runs
 * it without a view worker whatever the cores (every view built on the main thread); VIEW_WORKERS=N
 * with N view workers (rooms spread over them by id), to compare.
 */
import { memberChoice } from './member-choice.ts';
import { execFileSync, spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { freshBundle } from '../src/bundle-fresh.mjs';
import type { TableCommand, Transcript } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { RoomClient } from '../src/client.ts';
import {
  SCORES_EVERY_MS,
  transcriptPath,
  type CreatedRoom,
  type Joined,
  type ServerFrame,
} from '../src/protocol.ts';

const env = (k: string, d: number): number => {
  const v = Number(process.env[k]);
  return Number.isFinite(v) && v > 0 ? v : d;
};
const ROOMS = env('ROOMS', 100);
const CLIENTS = env('CLIENTS', 30);
/** `roles`: one drill per room, the teams share its seats (a typical classroom); `parallel`: one drill per team. */
const MODE = process.env.MODE === 'parallel' ? 'parallel' : 'roles';
const TEAMS = Math.min(env('TEAMS', MODE === 'roles' ? 3 : 6), CLIENTS);
const ROUNDS = env('ROUNDS', 12);
const STEP_MS = env('STEP_MS', 600);
const TIMEOUT_S = env('BENCH_TIMEOUT_S', 300);
/** SYNC=1: every room's trainer steps at the same instant (a burst of ROOMS inputs at once). */
const SYNC = process.env.SYNC === '1';
/** Issue 11's latency gate: input → broadcast p99, in ms. */
const GATE_P99_MS = 50;

const repo = resolve(import.meta.dirname, '..', '..');
const data = mkdtempSync(join(tmpdir(), 'drill-bench-room-'));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const deadline = setTimeout(() => {
  process.stderr.write(`bench:room: stopped after ${TIMEOUT_S} s (BENCH_TIMEOUT_S)\n`);
  cleanup();
  process.exit(2);
}, TIMEOUT_S * 1000);

// The server runs its bundle when it is fresh (server/bin/server.mjs); a stale one is rebuilt first, so
// the figures are the bundled server's (SERVER=sources: the TypeScript sources through tsx instead).
if (process.env.SERVER !== 'sources' && !freshBundle('main.mjs'))
  execFileSync(process.execPath, [join(repo, 'server', 'build.mjs')], { stdio: 'inherit' });
const SERVER_BUNDLE = process.env.SERVER !== 'sources';

/** BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there (stopped with SIGTERM so it is written). */
const PROF = process.env.BENCH_CPU_PROF;
const proc = spawn(
  process.execPath,
  [
    ...(PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolve(PROF)}`] : []),
    // BENCH_SERVER_FLAGS: Node/V8 flags for the server process only, e.g. "--min-semi-space-size=16",
    // to compare (V8's heap flags are not allowed in NODE_OPTIONS).
    ...(process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []),
    ...(process.env.LOOPSTATS ? ['--import', process.env.LOOPSTATS] : []),
    // server/bin/server.mjs runs the bundle (fresh: checked above); through tsx, every function's name
    // is kept with a wrapper call at each closure's creation, which the bundle does without.
    ...(SERVER_BUNDLE
      ? [join(repo, 'server', 'bin', 'server.mjs')]
      : ['--import', 'tsx', join(repo, 'server', 'src', 'main.ts')]),
    '--port',
    '0',
    '--data',
    data,
    '--no-join-limit',
    // VIEW_WORKER=0: every view built on the server's main thread (the code before the view worker).
    ...(process.env.VIEW_WORKER === '0' ? ['--no-view-worker'] : []),
    // VIEW_WORKERS=N: that many view workers, the rooms spread over them (default: the server's own).
    ...(process.env.VIEW_WORKERS ? ['--view-workers', process.env.VIEW_WORKERS] : []),
  ],
  {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
function cleanup(): void {
  proc.kill('SIGKILL');
  rmSync(data, { recursive: true, force: true });
}
/** Stops the server gracefully (so a CPU profile is written), then removes its data. */
async function stop(): Promise<void> {
  if (PROF && proc.exitCode === null) {
    const exited = new Promise((ok) => proc.once('exit', ok));
    proc.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
  }
  cleanup();
}
const info = JSON.parse(
  await new Promise<string>((ok) => createInterface({ input: proc.stdout }).once('line', ok)),
) as { url: string; hostToken: string };
const base = info.url;

/** The server's CPU seconds so far (user + system), from /proc (Linux). */
function cpuS(): number {
  const f = readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** The CPU seconds of the server's main thread (sockets, authority, database) so far, from /proc. */
function mainCpuS(): number {
  const f = readFileSync(`/proc/${proc.pid}/task/${proc.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** The server's resident memory, from /proc (Linux). */
function rssMiB(): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const r = await fetch(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

const sc = loadScenario('typhoon');
const roleIds = sc.roles.map((r) => r.id);
/** Role mode: the scenario's seats dealt out to the teams in turn; parallel mode: every team holds all. */
const teamRoles = (t: number): string[] =>
  MODE === 'roles' ? roleIds.filter((_, r) => r % TEAMS === t) : [];
const sessions = MODE === 'roles' ? 1 : TEAMS;
await sleep(500);
const idle = rssMiB();

interface Pending {
  t0: number;
  /** When the first attempt went out (earlier than t0 when a clock command was refused stale first). */
  first: number;
  clock: boolean;
  seq: number;
  remaining: Set<RoomClient>;
}
interface BenchRoom {
  created: CreatedRoom;
  trainer: RoomClient;
  members: { c: RoomClient; team: string; roles: string[]; tried: Set<string> }[];
  all: RoomClient[];
  pending: Pending[];
  acked: number;
  /** Accepted clock commands (one entry per session each); the rest of `acked` are choices. */
  clockAcked: number;
  /** Accepted inputs whose effect on the scores the trainer has not yet received. */
  scoring: { t0: number; seq: number }[];
}

/** Input → broadcast, from the send of the frame the room accepted (the gate's figure). */
const latencies: number[] = [];
const choiceLatencies: number[] = [];
const clockLatencies: number[] = [];
/** A trainer's step from its first attempt: stale refusals, the wait for the newer view and the resend included. */
const clockFromFirst: number[] = [];
/**
 * Input → the sender's ack (the room sends it just before the broadcast that carries the input): the
 * server's share of the latency, against the whole (every client of the room holding the view), whose
 * rest is the fan-out and this one process handling every client's frame.
 */
const ackLatencies: number[] = [];
/**
 * Input → the trainer holding scores that include it: the room sends scores apart from the views, at
 * most once every SCORES_EVERY_MS, so this is how far the trainer's score panel trails the room.
 */
const scoreLatencies: number[] = [];
const timeline: [number, number][] = [];
/** (send time, latency) of each ack, for TAIL's split of the server's share by second. */
const ackTimeline: [number, number][] = [];
const done = (p: Pick<Pending, 't0' | 'first' | 'clock'>, now: number): void => {
  latencies.push(now - p.t0);
  timeline.push([p.t0, now - p.t0]);
  if (p.clock) {
    clockLatencies.push(now - p.t0);
    clockFromFirst.push(now - p.first);
  } else choiceLatencies.push(now - p.t0);
};
const refusals = new Map<string, number>();
let sent = 0;
let unanswered = 0;
/** Inputs sent and not yet answered. */
let inflight = 0;

function track(room: BenchRoom, c: RoomClient): void {
  c.onFrame((f: ServerFrame) => {
    if (f.t === 'scores' && c === room.trainer) {
      const now = performance.now();
      for (const p of room.scoring) if (f.seq >= p.seq) scoreLatencies.push(now - p.t0);
      room.scoring = room.scoring.filter((p) => f.seq < p.seq);
      return;
    }
    if (f.t !== 'view' && f.t !== 'welcome') return;
    const now = performance.now();
    for (const p of room.pending)
      if (f.view.seq >= p.seq && p.remaining.delete(c) && p.remaining.size === 0) done(p, now);
    room.pending = room.pending.filter((p) => p.remaining.size > 0);
  });
}

/** Sends a command and records when the whole room has seen it. */
async function send(room: BenchRoom, c: RoomClient, command: TableCommand): Promise<void> {
  sent++;
  inflight++;
  const first = performance.now();
  let t0 = first;
  const clock = command.type !== 'choose';
  try {
    // A clock command racing members' choices is refused stale; the bench means "now", so it retries.
    // Each attempt is an input of its own: the latency runs from the attempt the room accepted.
    const r = await c.command(command, {
      timeoutMs: 30_000,
      retryStale: 10,
      onSend: () => (t0 = performance.now()),
    });
    if (r.t === 'ack') {
      ackLatencies.push(performance.now() - t0);
      ackTimeline.push([t0, performance.now() - t0]);
      room.scoring.push({ t0, seq: r.seq });
      room.acked++;
      if (clock) room.clockAcked++;
      const waiting = new Set(room.all.filter((x) => x.lastSeq < r.seq));
      if (waiting.size === 0) done({ t0, first, clock }, performance.now());
      else room.pending.push({ t0, first, clock, seq: r.seq, remaining: waiting });
    } else refusals.set(r.code, (refusals.get(r.code) ?? 0) + 1);
  } catch {
    unanswered++;
  } finally {
    inflight--;
  }
}

// The clients are 3,000 other devices in a real classroom; here they share the server's two cores.
// The load generator runs at nice GEN_NICE (10 by default; GEN_NICE=0: the server's own priority), so
// when both want a core the server gets it, as it would with the devices elsewhere: at nice 0 the
// generator's bursts of reading held the server back and the p99 was 2–3 times higher
// (docs/PERFORMANCE.md, both figures). Every latency is still read on this process's loop, so its own
// delays still count. The placement is printed with the figures. (Pinning it to one core was worse.)
const GEN_NICE = Number(process.env.GEN_NICE ?? 10);
if (GEN_NICE !== 0) setPriority(GEN_NICE);
const setupStart = performance.now();
const rooms: BenchRoom[] = [];
for (let i = 0; i < ROOMS; i++) {
  const created = await post<CreatedRoom>(
    '/api/rooms',
    {
      scenario: 'typhoon',
      seed: `bench-${i}`,
      lang: 'en',
      mode: MODE,
      teams: Array.from({ length: TEAMS }, (_, t) => ({ name: `Team ${t + 1}`, roles: teamRoles(t) })),
    },
    info.hostToken,
  );
  const perTeam = Math.ceil(CLIENTS / TEAMS);
  const joins: Joined[] = [];
  for (let m = 0; m < CLIENTS; m++) {
    const t = m % TEAMS;
    const k = Math.floor(m / TEAMS);
    // Spread the seats over the team's members (several people share a seat in role mode, as at a real table).
    const seats = MODE === 'roles' ? teamRoles(t) : roleIds;
    const roles = MODE === 'roles' ? [seats[k % seats.length]!] : seats.filter((_, r) => r % perTeam === k);
    joins.push(
      await post<Joined>(`/api/join/${created.room.code}`, { team: `Team ${t + 1}`, roles, name: `m${m}` }),
    );
  }
  const trainer = new RoomClient({ url: base, token: created.trainerToken, keepFrames: false });
  // The classroom's projector follows the room too (a viewer of its own, counted in "every client").
  const projector = new RoomClient({ url: base, token: created.projectorToken, keepFrames: false });
  const room: BenchRoom = {
    created,
    trainer,
    members: joins.map((j) => ({
      c: new RoomClient({ url: base, token: j.token, keepFrames: false }),
      team: j.team,
      roles: j.roles,
      tried: new Set(),
    })),
    all: [],
    pending: [],
    acked: 0,
    clockAcked: 0,
    scoring: [],
  };
  room.all = [trainer, projector, ...room.members.map((m) => m.c)];
  for (const c of room.all) track(room, c);
  await Promise.all(room.all.map((c) => c.welcome(60_000)));
  rooms.push(room);
}
const setupS = (performance.now() - setupStart) / 1000;
await sleep(500);
const connectedRss = rssMiB();

// Members answer what is open at their seats, after a think time of 50–400 ms — unless their screen
// shows it closed by then (a seat-mate answered first): the participant page takes a closed decision's
// card away, so a person cannot send it. Races inside the network's delay still reach the room and are
// refused there (counted under "refused").
for (const room of rooms)
  for (const m of room.members) {
    let open = new Set<string>();
    m.c.onFrame((f) => {
      if (f.t !== 'view') return;
      open = new Set(f.view.lanes.flatMap((l) => l.view.open.map((d) => d.decision)));
      for (const lane of f.view.lanes)
        for (const d of lane.view.open) {
          if (m.tried.has(d.decision)) continue;
          m.tried.add(d.decision);
          const command = memberChoice(m.team, d);
          if (!command) continue;
          setTimeout(
            () => {
              if (open.has(d.decision)) void send(room, m.c, command);
            },
            50 + Math.random() * 350,
          );
        }
    });
  }

const runStart = performance.now();
const cpuStart = cpuS();
const mainStart = mainCpuS();
const genStart = process.cpuUsage();
// The load generator's own event-loop delay: every latency here is read on its loop, so a busy
// generator delays the reading of a broadcast (and of an ack) by as much.
const genLoop = monitorEventLoopDelay({ resolution: 1 });
genLoop.enable();
if (SYNC) {
  // Every trainer clicks in the same millisecond: the worst case, not a classroom.
  await Promise.all(rooms.map((room) => send(room, room.trainer, { type: 'start' })));
  for (let r = 0; r < ROUNDS; r++) {
    const t = performance.now();
    await Promise.all(rooms.map((room) => send(room, room.trainer, { type: 'next' })));
    await sleep(Math.max(0, STEP_MS - (performance.now() - t)));
  }
} else
  // Independent classrooms: each trainer starts at a random moment of the first step and then steps
  // every STEP_MS (waiting for the previous step's answer, as a trainer watching the screen does).
  await Promise.all(
    rooms.map(async (room) => {
      const t0 = performance.now() + Math.random() * STEP_MS;
      await sleep(t0 - performance.now());
      await send(room, room.trainer, { type: 'start' });
      for (let r = 1; r <= ROUNDS; r++) {
        await sleep(t0 + r * STEP_MS - performance.now());
        await send(room, room.trainer, { type: 'next' });
      }
    }),
  );
// The last answers (think time ≤ 400 ms), then until every input is answered and every broadcast seen
// (bounded: an input unanswered in 30 s counts as unanswered), so the figures cover every input sent.
await sleep(1500);
const drainUntil = performance.now() + 31_000;
while ((inflight > 0 || rooms.some((r) => r.pending.length > 0)) && performance.now() < drainUntil)
  await sleep(50);
const runS = (performance.now() - runStart) / 1000;
genLoop.disable();
const endRss = rssMiB();
const cpuRun = cpuS() - cpuStart;
const mainRun = mainCpuS() - mainStart;
const gen = process.cpuUsage(genStart);
const genRun = (gen.user + gen.system) / 1e6;
const accepted = rooms.reduce((a, r) => a + r.acked, 0);

// Lost: acknowledged inputs the transcripts do not hold (a clock command is one entry per session, a
// choice one entry). Entries beyond the acknowledged ones are inputs the server took whose answer did
// not reach the sender within 30 s (overload, not loss: the client would have learnt it on reconnect).
let lost = 0;
let late = 0;
let entries = 0;
for (const room of rooms) {
  let n = 0;
  for (let i = 0; i < sessions; i++) {
    const r = await fetch(new URL(transcriptPath(room.created.room.id, i), base), {
      headers: { authorization: `Bearer ${room.created.trainerToken}` },
    });
    n += ((await r.json()) as Transcript).entries.length;
  }
  entries += n;
  const expected = room.clockAcked * sessions + (room.acked - room.clockAcked);
  if (n < expected) lost += expected - n;
  else late += n - expected;
}
const unfinished = rooms.reduce((a, r) => a + r.pending.length, 0);

for (const l of [latencies, choiceLatencies, clockLatencies, clockFromFirst, ackLatencies, scoreLatencies])
  l.sort((a, b) => a - b);
const qOf = (l: number[], p: number): string =>
  l.length ? l[Math.min(l.length - 1, Math.floor(p * l.length))]!.toFixed(1) : '–';
const q = (p: number): string => qOf(latencies, p);
const pct = (l: number[]): string => `${qOf(l, 0.5)} / ${qOf(l, 0.99)} / ${qOf(l, 1)} ms (n = ${l.length})`;
// Inputs sent in the run's first second, when every room starts its drill on a server whose code for
// inputs has not run yet (it is compiled as it goes), and the rest: shown apart so a reader sees where
// the tail is. The gate is judged on all of them.
const firstSecond = timeline.filter(([t]) => t - runStart < 1000).map(([, l]) => l);
const afterFirst = timeline.filter(([t]) => t - runStart >= 1000).map(([, l]) => l);
for (const l of [firstSecond, afterFirst]) l.sort((a, b) => a - b);
const rows: [string, string][] = [
  [
    'rooms × clients',
    `${ROOMS} × ${CLIENTS} (+ a trainer and a projector each), ${TEAMS} teams per room, ${MODE} mode`,
  ],
  [
    'rounds',
    `${ROUNDS} clock steps, one every ${STEP_MS} ms per room, ${SYNC ? 'all rooms at the same instant (SYNC=1)' : 'rooms at independent random phases'}`,
  ],
  ['load generator placement', `nice ${GEN_NICE} (GEN_NICE)`],
  [
    'server',
    `${SERVER_BUNDLE ? 'the bundle (server/dist)' : 'the sources through tsx'}${process.env.BENCH_SERVER_FLAGS ? `, flags ${process.env.BENCH_SERVER_FLAGS}` : ''}`,
  ],
  ['setup (create, join, connect)', `${setupS.toFixed(1)} s`],
  ['inputs sent / accepted', `${sent} / ${accepted} in ${runS.toFixed(1)} s`],
  [
    'server CPU during the run',
    `${cpuRun.toFixed(1)} s (${((cpuRun * 1000) / Math.max(1, sent)).toFixed(2)} ms per input received, ${((cpuRun * 1000) / Math.max(1, accepted)).toFixed(2)} ms per input accepted)`,
  ],
  // The main thread is the one that queues inputs when it is saturated; the view worker (and Node's
  // helper threads: GC, libuv) run beside it on the other core.
  [
    '  of which the main thread',
    `${mainRun.toFixed(1)} s (${((mainRun * 1000) / Math.max(1, accepted)).toFixed(2)} ms per input accepted); other threads ${(cpuRun - mainRun).toFixed(1)} s`,
  ],
  // The clients share the machine's cores with the server: what they take is not the server's.
  ['load generator CPU during the run', `${genRun.toFixed(1)} s`],
  [
    'load generator event-loop delay p50 / p99 / max',
    `${(genLoop.percentile(50) / 1e6).toFixed(1)} / ${(genLoop.percentile(99) / 1e6).toFixed(1)} / ${(genLoop.max / 1e6).toFixed(1)} ms`,
  ],
  ['refused (by code)', [...refusals].map(([k, v]) => `${k} ${v}`).join(', ') || '0'],
  ['input → broadcast p50 / p99 / max', `${q(0.5)} / ${q(0.99)} / ${q(1)} ms (n = ${latencies.length})`],
  ['  sent in the first second (every room starting)', pct(firstSecond)],
  ['  sent after it', pct(afterFirst)],
  ["  members' choices", pct(choiceLatencies)],
  ["  trainers' clock steps", pct(clockLatencies)],
  ['  clock steps from the first attempt (stale retries included)', pct(clockFromFirst)],
  ["  input → the sender's ack (the server's share)", pct(ackLatencies)],
  [`input → the trainer's scores (sent at most every ${SCORES_EVERY_MS} ms)`, pct(scoreLatencies)],
  ['inputs lost (acknowledged, not in a transcript)', String(lost)],
  ['inputs unanswered within 30 s / of them recorded', `${unanswered} / ${late}`],
  ['broadcasts not seen by every client at the end', String(unfinished)],
  ['transcript entries', String(entries)],
  [
    'server RSS idle / connected / end',
    `${idle.toFixed(0)} / ${connectedRss.toFixed(0)} / ${endRss.toFixed(0)} MiB`,
  ],
  ['memory per room (end − idle) / rooms', `${((endRss - idle) / ROOMS).toFixed(2)} MiB`],
];
if (process.env.TAIL) {
  const cut = latencies[Math.floor(0.95 * latencies.length)] ?? 0;
  const hist = new Map<number, number>();
  for (const [t, l] of timeline)
    if (l >= cut)
      hist.set(Math.floor((t - runStart) / 250), (hist.get(Math.floor((t - runStart) / 250)) ?? 0) + 1);
  const all = new Map<number, number>();
  for (const [t] of timeline)
    all.set(Math.floor((t - runStart) / 250), (all.get(Math.floor((t - runStart) / 250)) ?? 0) + 1);
  process.stdout.write(`tail >= ${cut.toFixed(0)} ms by 250 ms bucket of send time (tail/all):\n`);
  for (const [k, v] of [...all].sort((a, b) => a[0] - b[0]))
    process.stdout.write(`${k * 250}:${hist.get(k) ?? 0}/${v} `);
  process.stdout.write('\n');
  for (let sec = 0; sec < 10; sec++) {
    const l = timeline
      .filter(([t]) => t - runStart >= sec * 1000 && t - runStart < (sec + 1) * 1000)
      .map(([, x]) => x)
      .sort((a, b) => a - b);
    const a = ackTimeline
      .filter(([t]) => t - runStart >= sec * 1000 && t - runStart < (sec + 1) * 1000)
      .map(([, x]) => x)
      .sort((x, y) => x - y);
    if (l.length)
      process.stdout.write(
        `s${sec}: n=${l.length} p50=${qOf(l, 0.5)} p99=${qOf(l, 0.99)} (ack ${qOf(a, 0.5)}/${qOf(a, 0.99)})  `,
      );
  }
  process.stdout.write('\n');
}
// The gate of issue 11 on this 2-core machine: p99 under 50 ms at 100 rooms × 30, no input lost.
const p99 = latencies[Math.min(latencies.length - 1, Math.floor(0.99 * latencies.length))] ?? Infinity;
const gateMet = lost === 0 && unanswered === 0 && p99 < GATE_P99_MS;
rows.push([
  `gate: p99 < ${GATE_P99_MS} ms, no input lost or unanswered`,
  `${gateMet ? 'met' : 'NOT met'} (p99 ${p99.toFixed(1)} ms${ROOMS === 100 && CLIENTS === 30 ? '' : `; the gate's load is 100 × 30, this run's ${ROOMS} × ${CLIENTS}`})`,
]);
const w = Math.max(...rows.map((r) => r[0].length));
const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
process.stdout.write(`\nbench:room (loopback, node ${process.versions.node}, load average ${load})\n`);
for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(w)}  ${v}\n`);
for (const room of rooms) for (const c of room.all) c.close();
clearTimeout(deadline);
await stop();
process.exit(gateMet ? 0 : 1);
