import { Worker } from 'node:worker_threads';
import type { Actor, Lang, SavedTable, Scenario, TableCommand, TableViewer } from '@drill/engine';
import type { FrameContext, ScoresFor } from './frames.ts';

/** One distinct frame a broadcast needs (a viewer in a language, with the scores it may see). */
export interface FrameWant {
  key: string;
  viewer: TableViewer;
  lang: Lang;
  scores: ScoresFor;
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

/**
 * The main thread's side of the view worker (server/src/view-worker.ts): keeps each room's replica fed
 * with the commands the authority accepted and asks it for a broadcast's frames. When the worker is
 * gone or a replica is out of step, `frames` resolves to undefined and the room builds its frames
 * itself (and reopens the replica), so a broadcast is never lost.
 */
export class ViewPort implements Views {
  private readonly worker: Worker;
  private readonly scenarios = new Set<string>();
  private readonly pending = new Map<number, (texts: Map<string, Buffer> | undefined) => void>();
  private nextId = 1;
  private dead = false;
  private started = false;
  /** Broadcasts whose frames the worker built. */
  answered = 0;

  constructor() {
    this.worker = new Worker(new URL('./view-worker-boot.mjs', import.meta.url));
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
      this.answered++;
      done(new Map(m.texts.map(([k, b]) => [k, Buffer.from(b.buffer, b.byteOffset, b.byteLength)])));
    });
    const fail = (): void => {
      this.dead = true;
      for (const done of this.pending.values()) done(undefined);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', fail);
  }

  /**
   * The worker has loaded and takes requests. Until then (its first seconds: it loads the engine) the
   * rooms build their frames themselves, so the first views of a fresh server are not held up.
   */
  get ready(): boolean {
    return this.started && !this.dead;
  }

  private post(m: ToViewWorker): void {
    if (!this.dead) this.worker.postMessage(m);
  }

  /** (Re)opens a room's replica from the authority's saved table. */
  open(room: string, scenario: Scenario, saved: SavedTable): void {
    if (!this.scenarios.has(scenario.contentHash)) {
      this.scenarios.add(scenario.contentHash);
      this.post({ t: 'scenario', hash: scenario.contentHash, scenario });
    }
    this.post({ t: 'open', room, hash: scenario.contentHash, saved });
  }

  close(room: string): void {
    this.post({ t: 'close', room });
  }

  /** A command the authority accepted and committed. */
  command(m: Omit<Extract<ToViewWorker, { t: 'cmd' }>, 't'>): void {
    this.post({ t: 'cmd', ...m });
  }

  /** The frames of one broadcast, by key; undefined when the worker cannot give them. */
  frames(
    room: string,
    seq: number,
    ctx: FrameContext,
    wants: FrameWant[],
  ): Promise<Map<string, Buffer> | undefined> {
    if (this.dead) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.post({ t: 'frames', id, room, seq, ctx, wants });
    });
  }

  async stop(): Promise<void> {
    this.dead = true;
    for (const done of this.pending.values()) done(undefined);
    this.pending.clear();
    await this.worker.terminate();
  }
}
