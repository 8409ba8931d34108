import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Actor, Lang, SavedTable, Scenario, TableCommand, TableViewer } from '@drill/engine';
import type { FrameContext } from './frames.ts';

/** One distinct frame a broadcast needs (a viewer in a language). */
export interface FrameWant {
  key: string;
  viewer: TableViewer;
  lang: Lang;
}

export type ToViewWorker =
  | { t: 'scenario'; hash: string; scenario: Scenario }
  | { t: 'open'; room: string; hash: string; saved: SavedTable }
  | { t: 'close'; room: string }
  | {
      t: 'cmd';
      room: string;
      actor: Actor;
      command: TableCommand;
      expectSeq?: number;
      lang: Lang;
      /** The authority's seq after the command: the replica must reach the same. */
      seq: number;
    }
  | { t: 'frames'; id: number; room: string; seq: number; ctx: FrameContext; wants: FrameWant[] };

export type FromViewWorker =
  | { t: 'ready' }
  | { t: 'frames'; id: number; texts: [string, Uint8Array][] }
  | { t: 'frames'; id: number; error: string };

/** What a room asks of the view worker (ViewPort; a bench drives the same work in-process). */
export interface Views {
  readonly ready: boolean;
  open(room: string, scenario: Scenario, saved: SavedTable): void;
  close(room: string): void;
  command(m: Omit<Extract<ToViewWorker, { t: 'cmd' }>, 't'>): void;
  frames(
    room: string,
    seq: number,
    ctx: FrameContext,
    wants: FrameWant[],
  ): Promise<Map<string, Buffer> | undefined>;
}

/** One view worker thread and the broadcasts it owes. */
class WorkerLink {
  readonly worker: Worker;
  readonly scenarios = new Set<string>();
  readonly pending = new Map<number, (texts: Map<string, Buffer> | undefined) => void>();
  dead = false;
  started = false;

  constructor(onAnswered: () => void) {
    this.worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: { entry: './view-worker.ts' },
    });
    // The worker only builds frames: it must not keep a stopping server alive.
    this.worker.unref();
    this.worker.on('message', (m: FromViewWorker) => {
      if (m.t === 'ready') {
        this.started = true;
        return;
      }
      const done = this.pending.get(m.id);
      if (!done) return;
      this.pending.delete(m.id);
      if ('error' in m) return done(undefined);
      onAnswered();
      done(new Map(m.texts.map(([k, b]) => [k, Buffer.from(b.buffer, b.byteOffset, b.byteLength)])));
    });
    this.worker.on('error', () => this.fail());
    this.worker.on('exit', () => this.fail());
  }

  fail(): void {
    this.dead = true;
    for (const done of this.pending.values()) done(undefined);
    this.pending.clear();
  }

  post(m: ToViewWorker): void {
    if (!this.dead) this.worker.postMessage(m);
  }
}

/**
 * How many view workers a server starts by default: none on two cores or fewer, else one per core
 * left once the main thread has one (at most 4). A worker keeps a replica of each room and replays
 * every accepted command, so it costs more CPU in all than it takes off the main thread (4.7 against
 * 3.7 ms per accepted input at 100 rooms × 30 on this project's 2-core machine, alternating runs on the
 * idle machine, 2026-11-30): with one spare core, which a busy server shares with everything else, one
 * thread gave the lower p99 (125–165 ms against 361–406 ms at the bench's default load). More cores
 * are not measured here; the worker stays the default there, where the spare cores are its own.
 */
export function defaultViewWorkers(): number {
  const cores = availableParallelism();
  return cores <= 2 ? 0 : Math.min(4, cores - 1);
}

/**
 * The main thread's side of the view workers (server/src/view-worker.ts): keeps each room's replica fed
 * with the commands the authority accepted and asks it for a broadcast's frames. Rooms are spread over
 * the workers by id (a room's replica lives on one worker, so its commands and requests stay in order).
 * When a worker is gone or a replica is out of step, `frames` resolves to undefined and the room builds
 * its frames itself (and reopens the replica), so a broadcast is never lost.
 */
export class ViewPort implements Views {
  private readonly links: WorkerLink[];
  private nextId = 1;
  /** Broadcasts whose frames a worker built. */
  answered = 0;

  constructor(workers = defaultViewWorkers()) {
    // NaN or a fraction would make no worker at all, and every room would then look one up in vain.
    if (!Number.isSafeInteger(workers)) throw new RangeError(`view workers: a whole number, not ${workers}`);
    this.links = Array.from({ length: Math.max(1, workers) }, () => new WorkerLink(() => this.answered++));
  }

  get workers(): number {
    return this.links.length;
  }

  /**
   * Every worker has loaded and takes requests. Until then (their first seconds: they load the engine)
   * the rooms build their frames themselves, so the first views of a fresh server are not held up.
   */
  get ready(): boolean {
    return this.links.every((l) => l.started && !l.dead);
  }

  /** Which worker holds a room's replica: by a hash of its id (FNV-1a), so always the same one. */
  workerOf(room: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < room.length; i++) h = Math.imul(h ^ room.charCodeAt(i), 0x01000193);
    return (h >>> 0) % this.links.length;
  }

  private linkOf(room: string): WorkerLink {
    return this.links[this.workerOf(room)]!;
  }

  /** (Re)opens a room's replica from the authority's saved table. */
  open(room: string, scenario: Scenario, saved: SavedTable): void {
    const link = this.linkOf(room);
    if (!link.scenarios.has(scenario.contentHash)) {
      link.scenarios.add(scenario.contentHash);
      link.post({ t: 'scenario', hash: scenario.contentHash, scenario });
    }
    link.post({ t: 'open', room, hash: scenario.contentHash, saved });
  }

  close(room: string): void {
    this.linkOf(room).post({ t: 'close', room });
  }

  /** A command the authority accepted and committed. */
  command(m: Omit<Extract<ToViewWorker, { t: 'cmd' }>, 't'>): void {
    this.linkOf(m.room).post({ t: 'cmd', ...m });
  }

  /** The frames of one broadcast, by key; undefined when the worker cannot give them. */
  frames(
    room: string,
    seq: number,
    ctx: FrameContext,
    wants: FrameWant[],
  ): Promise<Map<string, Buffer> | undefined> {
    const link = this.linkOf(room);
    if (link.dead) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      link.pending.set(id, resolve);
      link.post({ t: 'frames', id, room, seq, ctx, wants });
    });
  }

  async stop(): Promise<void> {
    for (const l of this.links) l.fail();
    await Promise.all(this.links.map((l) => l.worker.terminate()));
  }
}
