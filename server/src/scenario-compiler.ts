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
  | { t: 'compiled'; id: number; result: Compiled; heapUsed: number }
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
  /**
   * The heap (MiB) a compiler process may have in use after a compile and still get the next one; past
   * it the next compile starts on a fresh process. Half of `heapMb` unless given.
   */
  retireHeapMb?: number;
}

export const COMPILER_LIMITS: CompilerLimits = { timeoutMs: 60_000, maxWaiting: 4, heapMb: 512 };

interface Job {
  id: number;
  source: ScenarioSource;
  timeoutMs: number;
  done: (r: Compiled | { refused: CompileRefusal }) => void;
  timer?: NodeJS.Timeout;
}

/** What a compiler process tells the ScenarioCompiler that holds it. */
interface Holder {
  message(m: FromCompiler): void;
  gone(): void;
}

/** A compiler process, held by one ScenarioCompiler at a time or parked between them (see `parked`). */
interface CompilerProcess {
  proc: ChildProcess;
  /** The heap limit and environment it was started with: a process is only handed on to the same. */
  key: string;
  ready: boolean;
  holder: Holder | undefined;
}

/**
 * Idle, healthy compiler processes of compilers that stopped, one per start key: the next ScenarioCompiler
 * of this process with the same limits takes it instead of starting another (Node, the engine and the
 * scenario library loaded again: ~0.4 s of CPU, about what compiling the annotated example costs). A
 * server process has one compiler, so this changes nothing for `drill serve`; the test workers, which
 * start and stop dozens of servers each, start one compiler process per worker instead of one per server.
 * A parked process keeps nothing of the compiles it ran (each is a pure function of its files) and never
 * keeps this process alive; it exits when this process does (its IPC channel closes).
 */
const parked = new Map<string, CompilerProcess>();

/**
 * Compiles trainers' own scenarios in a child process (server/src/scenario-compiler-worker.ts), one at
 * a time: a large scenario takes 0.5–4 s on a loaded machine, which on the main thread froze every
 * room's inputs and broadcasts meanwhile. The process starts with the first own scenario (most servers
 * never see one) and is kept for the next: it is replaced only after a compile that overran its time
 * limit (it is killed: a compile cannot be interrupted otherwise), after it died, or once its heap grew
 * past half its limit. A stopped compiler parks an idle process for the next compiler of this process
 * (`parked`); one still compiling is killed.
 *
 * A process, not a worker thread: a file nested thousands of levels deep runs the YAML parser out of
 * stack, and V8 can fail fatally while doing so ("FATAL ERROR: RegExpCompiler Allocation failed -
 * process out of memory", seen on the second such compile on a thread): a fatal error in a thread ends
 * the whole process — the room server with every room in it. In a process of its own it ends only that
 * process, and the compile is refused as failed. (The thread's name stays in the API: `heapMb` etc.)
 */
export class ScenarioCompiler {
  private worker: CompilerProcess | undefined;
  private running: Job | undefined;
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private stopped = false;
  /** Compiles handed to the thread so far (the server reports it: a retried review must not add one). */
  started = 0;
  /** What the held process reports to this compiler (and nothing once it is handed on or dropped). */
  private readonly holder: Holder = {
    message: (m) => this.message(m),
    gone: () => this.gone(),
  };

  constructor(private readonly limits: CompilerLimits = COMPILER_LIMITS) {}

  /** The process id of the compiler process this compiler holds, if any (for the tests). */
  get pid(): number | undefined {
    return this.worker?.proc.pid;
  }

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
      this.worker = this.take();
      this.hold();
    }
    // The time limit counts the compile, not the process's start (it loads the engine first).
    if (!this.worker.ready) return;
    const job = this.waiting.shift()!;
    this.running = job;
    job.timer = setTimeout(() => {
      // The process goes first: the next compile must start on a fresh one, not behind this one.
      this.dropWorker();
      this.finish(job, { refused: 'timeout' });
    }, job.timeoutMs);
    this.started++;
    this.worker.proc.send({ id: job.id, source: job.source } satisfies ToCompiler);
  }

  /** Only compiles asked for keep this process alive, not an idle compiler process. */
  private hold(): void {
    const w = this.worker;
    if (w) keepAlive(w, this.running !== undefined || this.waiting.length > 0);
  }

  /** A parked process started with the same limits and environment, else a new one; held by this compiler. */
  private take(): CompilerProcess {
    const key = `${this.limits.heapMb}\0${envKey()}`;
    const idle = parked.get(key);
    parked.delete(key);
    const w = idle ?? spawnCompiler(key, this.limits.heapMb);
    w.holder = this.holder;
    return w;
  }

  private message(m: FromCompiler): void {
    switch (m.t) {
      case 'ready':
        this.pump();
        return;
      case 'compiled': {
        const job = this.running;
        if (job?.id !== m.id) return;
        // Grown too big for the next large file (a heap already half full): retired before it gets one.
        const retireMb = this.limits.retireHeapMb ?? this.limits.heapMb / 2;
        if (m.heapUsed > retireMb * 1024 * 1024) this.dropWorker();
        this.finish(job, m.result);
        return;
      }
      case 'failed':
        if (this.running?.id === m.id) this.finish(this.running, { refused: 'failed' });
        return;
      default: {
        const never: never = m;
        return never;
      }
    }
  }

  private gone(): void {
    this.worker = undefined;
    // A process that died while loading would die again: the waiting compiles are refused with it.
    if (this.running) this.finish(this.running, { refused: 'failed' });
    else for (const j of this.waiting.splice(0)) j.done({ refused: 'failed' });
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
    if (w) {
      w.holder = undefined;
      void ended(w.proc);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const busy = this.running !== undefined;
    if (this.running) this.finish(this.running, { refused: 'stopped' });
    for (const j of this.waiting.splice(0)) j.done({ refused: 'stopped' });
    const w = this.worker;
    this.worker = undefined;
    if (!w) return;
    w.holder = undefined;
    // One still compiling is killed (a compile cannot be interrupted); an idle one waits for the next
    // compiler of this process, unless one is parked already.
    if (busy || parked.has(w.key)) return ended(w.proc);
    keepAlive(w, false);
    parked.set(w.key, w);
  }
}

/**
 * What of the environment decides how a compiler process starts: Node's options, and whether it runs
 * the bundle or the sources (bundle-fresh.mjs). Nothing else of it reaches a compile (a pure function of
 * the files). Not the whole environment: a test runner sets per-file variables (VITEST_WORKER_ID) that
 * would make every file's servers start their own process.
 */
function envKey(): string {
  return JSON.stringify([process.env.DRILL_FROM_SOURCE ?? null, process.env.NODE_OPTIONS ?? null]);
}

function spawnCompiler(key: string, heapMb: number): CompilerProcess {
  // worker-boot.mjs runs the bundle when it is fresh, else the sources through tsx (as for the view
  // worker's thread); nothing of this process's own flags (a test runner's loaders) is passed on.
  const proc = fork(fileURLToPath(new URL('./worker-boot.mjs', import.meta.url)), [], {
    execArgv: [`--max-old-space-size=${heapMb}`],
    env: { ...process.env, DRILL_WORKER_ENTRY: './scenario-compiler-worker.ts' },
    // The structured clone a thread's messages had: a Scenario travels as it did.
    serialization: 'advanced',
    // V8's dump of a fatal error (tens of lines) is not for the trainer's terminal: the compile is
    // refused as failed, and the next one gets a fresh process.
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  const w: CompilerProcess = { proc, key, ready: false, holder: undefined };
  proc.on('message', (m: FromCompiler) => {
    if (m.t === 'ready') w.ready = true;
    w.holder?.message(m);
  });
  let over = false;
  const gone = (): void => {
    if (over) return;
    over = true;
    if (parked.get(key) === w) parked.delete(key);
    const h = w.holder;
    w.holder = undefined;
    h?.gone();
  };
  proc.on('error', gone);
  proc.on('exit', gone);
  keepAlive(w, false);
  return w;
}

/** Whether a compiler process (and its channel) keeps this process alive. */
function keepAlive(w: CompilerProcess, on: boolean): void {
  if (on) {
    w.proc.ref();
    w.proc.channel?.ref();
  } else {
    w.proc.unref();
    w.proc.channel?.unref();
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
