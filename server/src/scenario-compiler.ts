import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
   * The compiler process's JavaScript heap (MiB): a file that makes the compiler build too much kills
   * that process (the compile is refused as failed and the next one gets a fresh process), never the
   * server. The largest shipped scenario compiles in well under 100 MiB.
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
 * Compiles trainers' own scenarios in a child process (server/src/scenario-compiler-worker.ts), one at
 * a time: a large scenario takes 0.5–4 s on a loaded machine, which on the main thread froze every
 * room's inputs and broadcasts meanwhile. The process starts with the first own scenario (most servers
 * never see one) and is replaced after a compile that overran its time limit (it is killed: a compile
 * cannot be interrupted otherwise) or after it died.
 *
 * A process, not a worker thread: a file nested thousands of levels deep runs the YAML parser out of
 * stack, and V8 can fail fatally while doing so ("FATAL ERROR: RegExpCompiler Allocation failed -
 * process out of memory", seen on the second such compile on a thread): a fatal error in a thread ends
 * the whole process — the room server with every room in it. In a process of its own it ends only that
 * process, and the compile is refused as failed. (The thread's name stays in the API: `heapMb` etc.)
 */
export class ScenarioCompiler {
  private worker: ChildProcess | undefined;
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
    this.hold();
    if (this.running || this.stopped || this.waiting.length === 0) return;
    if (!this.worker) {
      this.worker = this.spawn();
      this.hold();
    }
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
    this.worker.send({ id: job.id, source: job.source } satisfies ToCompiler);
  }

  /** Only compiles asked for keep this process alive, not an idle compiler process. */
  private hold(): void {
    const w = this.worker;
    if (!w) return;
    if (this.running || this.waiting.length > 0) {
      w.ref();
      w.channel?.ref();
    } else {
      w.unref();
      w.channel?.unref();
    }
  }

  private spawn(): ChildProcess {
    // worker-boot.mjs runs the bundle when it is fresh, else the sources through tsx (as for the view
    // worker's thread); nothing of this process's own flags (a test runner's loaders) is passed on.
    const w = fork(fileURLToPath(new URL('./worker-boot.mjs', import.meta.url)), [], {
      execArgv: [`--max-old-space-size=${this.limits.heapMb}`],
      env: { ...process.env, DRILL_WORKER_ENTRY: './scenario-compiler-worker.ts' },
      // The structured clone a thread's messages had: a Scenario travels as it did.
      serialization: 'advanced',
      // V8's dump of a fatal error (tens of lines) is not for the trainer's terminal: the compile is
      // refused as failed, and the next one gets a fresh process.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
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
    if (w) void ended(w);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.running) this.finish(this.running, { refused: 'stopped' });
    for (const j of this.waiting.splice(0)) j.done({ refused: 'stopped' });
    const w = this.worker;
    this.worker = undefined;
    this.ready = false;
    if (w) await ended(w);
  }
}

/** Kills a compiler process and resolves once it is gone. */
function ended(w: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (w.exitCode !== null || w.signalCode !== null) return ok();
    w.once('exit', () => ok());
    w.kill('SIGKILL');
  });
}
