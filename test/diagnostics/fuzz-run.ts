/**
 * `pnpm fuzz [--cases N] [--seed S]`: the full scenario fuzz campaign (10,000 cases by default), with
 * figures — tried, compiled and played, caught cleanly, crashed, hung — by mutation. Each case runs
 * in a worker under a watchdog, so a case that never ends is counted as hung and the campaign goes on.
 * Exits 1 when anything crashed or hung. Not part of `pnpm test` (it takes minutes).
 */
import { Worker } from 'node:worker_threads';
import { fuzzCase, runCase, type Verdict } from './fuzz-cases.ts';

/** A case slower than this (compile and a short drill together) counts as hung. */
export const HANG_MS = 10_000;
const BOOT_MS = 300_000;

interface Job {
  seed: number;
  from: number;
  to: number;
}

function progress(vs: readonly Verdict[], hung: readonly number[]): string {
  const c = (r: Verdict['result']): number => vs.filter((v) => v.result === r).length;
  return `compiled ${c('compiled')}, diagnostic ${c('diagnostic')}, crashed ${c('crashed')}, bad ${c('bad-diagnostic')}, hung ${hung.length}`;
}

async function main(): Promise<void> {
  const arg = (name: string, d: number): number => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : d;
  };
  const cases = arg('--cases', 10_000);
  const seed = arg('--seed', 12);
  const t0 = performance.now();
  const verdicts: Verdict[] = [];
  const hung: number[] = [];
  let next = 0;
  let stopped = false;
  let current: Worker | undefined;
  // Stopped early (Ctrl-C, a CI time limit): report the cases done so far, and say so.
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.on(sig, () => {
      stopped = true;
      void current?.terminate();
    });
  while (next < cases && !stopped) {
    // One worker runs cases in order and reports each; if one goes quiet too long it is stopped,
    // the case counted as hung, and a fresh worker takes the rest.
    const start = next;
    await new Promise<void>((done) => {
      // The worker loads this TypeScript file through tsx's loader, registered inside the worker.
      const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => { t.register(); return import(${JSON.stringify(import.meta.url)}); })`;
      // A worker's stack is 4 MB by default; the CLI and the vitest runs have the main thread's ~1 MB,
      // where deep recursion overflows first — so cases run with that.
      const w = new Worker(boot, {
        eval: true,
        workerData: { seed, from: start, to: cases } satisfies Job,
        resourceLimits: { stackSizeMb: 0.95 },
      });
      current = w;
      w.on('error', (e) => process.stderr.write(`worker stopped: ${String(e)}\n`));
      // Loading tsx, the engine and the source scenarios is not a case: the watchdog starts when ready.
      let timer = setTimeout(() => void w.terminate(), BOOT_MS);
      w.on('message', (v: Verdict | 'ready') => {
        clearTimeout(timer);
        timer = setTimeout(() => void w.terminate(), HANG_MS);
        if (v === 'ready') return;
        verdicts.push(v);
        next = v.n + 1;
        if (next % 250 === 0) process.stderr.write(`${next} cases, ${progress(verdicts, hung)}\n`);
      });
      w.on('exit', () => {
        clearTimeout(timer);
        if (next < cases && !stopped) {
          hung.push(next);
          next += 1;
        }
        done();
      });
    });
  }
  const byKind = new Map<string, Record<string, number>>();
  for (const v of verdicts) {
    const k = byKind.get(v.kind) ?? { tried: 0, compiled: 0, diagnostic: 0, crashed: 0, 'bad-diagnostic': 0 };
    k.tried! += 1;
    k[v.result] = (k[v.result] ?? 0) + 1;
    byKind.set(v.kind, k);
  }
  const tried = verdicts.length + hung.length;
  const count = (r: Verdict['result']): number => verdicts.filter((v) => v.result === r).length;
  const slowest = verdicts.reduce((m, v) => Math.max(m, v.ms), 0);
  console.log(
    `scenario fuzz campaign: seed ${seed}, ${tried} cases${stopped ? ` (stopped early; ${cases} asked)` : ''}, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  console.log(
    `tried ${tried} · compiled and played ${count('compiled')} · caught cleanly (diagnostics) ${count('diagnostic')}`,
  );
  console.log(
    `crashed ${count('crashed')} · bad diagnostics ${count('bad-diagnostic')} · hung (over ${HANG_MS / 1000} s) ${hung.length}`,
  );
  console.log(`slowest case ${slowest.toFixed(0)} ms`);
  console.log('\nby mutation: tried / compiled / diagnostic / crashed');
  for (const [k, v] of [...byKind].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    console.log(
      `  ${k.padEnd(16)} ${v.tried} / ${v.compiled ?? 0} / ${v.diagnostic ?? 0} / ${v.crashed ?? 0}`,
    );
  for (const v of verdicts.filter((x) => x.result === 'crashed' || x.result === 'bad-diagnostic'))
    console.log(`case ${v.n} (${v.kind}): ${'error' in v ? v.error : ''}`);
  for (const n of hung) console.log(`case ${n}: hung`);
  process.exitCode = count('crashed') + count('bad-diagnostic') + hung.length > 0 ? 1 : 0;
}

const { isMainThread, parentPort, workerData } = await import('node:worker_threads');
if (isMainThread) await main();
else {
  const job = workerData as Job;
  fuzzCase(job.seed, job.from); // loads the source scenarios
  parentPort!.postMessage('ready');
  for (let n = job.from; n < job.to; n++) parentPort!.postMessage(runCase(fuzzCase(job.seed, n)));
}
