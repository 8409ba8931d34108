import { Worker } from 'node:worker_threads';
import type { Diagnostic, Scenario } from '@drill/engine';
import type { ScenarioSource } from './protocol.ts';

/** What compiling a trainer's own scenario gave (`compileOwnScenario`'s result). */
export type Compiled =
  { ok: true; scenario: Scenario } | { ok: false; diagnostics: Diagnostic[]; reason: string };

/**
 * Why a compile was not done: `busy` (too many waiting), `timeout` (it took longer than the limit and
 * was stopped), `failed` (the compiler thread died), `stopped` (the server is stopping).
 */
export type CompileRefusal = 'busy' | 'timeout' | 'failed' | 'stopped';

export type ToCompiler = { id: number; source: ScenarioSource };
export type FromCompiler =
  | { t: 'ready' }
  | { t: 'compiled'; id: number; result: Compiled }
  | { t: 'failed'; id: number; error: string };

export interface CompilerLimits {
  /** How long one compile may take before it is stopped and refused (ms). */
  timeoutMs: number;
  /** Compiles that may wait while one runs (or while the thread starts); more are refused as `busy`. */
  maxWaiting: number;
  /**
   * The thread's JavaScript heap (MiB): a file that makes the compiler build too much kills the thread
   * (the compile is refused as failed and the next one gets a fresh thread), never the server. The
   * largest shipped scenario compiles in well under 100 MiB.
   */
  heapMb: number;
}

export const COMPILER_LIMITS: CompilerLimits = { timeoutMs: 60_000, maxWaiting: 4, heapMb: 512 };

interface Job {
  id: number;
  source: ScenarioSource;
  timeoutMs: number;
  done: (r: Compiled | { refused: CompileRefusal }) => void;
  timer?: NodeJS.Timeout;
}

/**
 * Compiles trainers' own scenarios on a worker thread (server/src/scenario-compiler-worker.ts), one at
 * a time: a large scenario takes 0.5–4 s on a loaded machine, which on the main thread froze every
 * room's inputs and broadcasts meanwhile. The thread starts with the first own scenario (most servers
 * never see one) and is replaced after a compile that overran its time limit (it is terminated: a
 * compile cannot be interrupted otherwise) or after it died.
 */
export class ScenarioCompiler {
  private worker: Worker | undefined;
  private ready = false;
  private running: Job | undefined;
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private stopped = false;
  /** Compiles handed to the thread so far (the server reports it: a retried review must not add one). */
  started = 0;

  constructor(private readonly limits: CompilerLimits = COMPILER_LIMITS) {}

  /**
   * Compiles `source` off the main thread, or says why not. `timeoutMs` overrides the limit for this one;
   * `queue` waits behind any number of others instead of being refused `busy` (the server's own loads of
   * stored rooms for review: one per room, from its database, not a request body held in memory).
   */
  compile(
    source: ScenarioSource,
    timeoutMs = this.limits.timeoutMs,
    queue = false,
  ): Promise<Compiled | { refused: CompileRefusal }> {
    if (this.stopped) return Promise.resolve({ refused: 'stopped' });
    if (!queue && this.waiting.length + (this.running ? 1 : 0) > this.limits.maxWaiting)
      return Promise.resolve({ refused: 'busy' });
    return new Promise((done) => {
      this.waiting.push({ id: this.nextId++, source, timeoutMs, done });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running || this.stopped || this.waiting.length === 0) return;
    if (!this.worker) this.worker = this.spawn();
    // The time limit counts the compile, not the thread's start (it loads the engine first).
    if (!this.ready) return;
    const job = this.waiting.shift()!;
    this.running = job;
    job.timer = setTimeout(() => {
      // The thread goes first: the next compile must start on a fresh one, not behind this one.
      this.dropWorker();
      this.finish(job, { refused: 'timeout' });
    }, job.timeoutMs);
    this.started++;
    this.worker.postMessage({ id: job.id, source: job.source } satisfies ToCompiler);
  }

  private spawn(): Worker {
    const w = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: { entry: './scenario-compiler-worker.ts' },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb },
    });
    // Only a pending request keeps the server alive, not this thread.
    w.unref();
    w.on('message', (m: FromCompiler) => {
      if (w !== this.worker) return;
      switch (m.t) {
        case 'ready':
          this.ready = true;
          this.pump();
          return;
        case 'compiled':
          if (this.running?.id === m.id) this.finish(this.running, m.result);
          return;
        case 'failed':
          if (this.running?.id === m.id) this.finish(this.running, { refused: 'failed' });
          return;
        default: {
          const never: never = m;
          return never;
        }
      }
    });
    const gone = (): void => {
      if (w !== this.worker) return;
      this.worker = undefined;
      this.ready = false;
      // A thread that died while loading would die again: the waiting compiles are refused with it.
      if (this.running) this.finish(this.running, { refused: 'failed' });
      else for (const j of this.waiting.splice(0)) j.done({ refused: 'failed' });
    };
    w.on('error', gone);
    w.on('exit', gone);
    return w;
  }

  private finish(job: Job, r: Compiled | { refused: CompileRefusal }): void {
    if (this.running !== job) return;
    clearTimeout(job.timer);
    this.running = undefined;
    job.done(r);
    this.pump();
  }

  private dropWorker(): void {
    const w = this.worker;
    this.worker = undefined;
    this.ready = false;
    void w?.terminate();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.running) this.finish(this.running, { refused: 'stopped' });
    for (const j of this.waiting.splice(0)) j.done({ refused: 'stopped' });
    const w = this.worker;
    this.worker = undefined;
    this.ready = false;
    await w?.terminate();
  }
}
