/**
 * `drill cohort` at a training centre's scale: N typhoon transcripts verified (in worker threads, one per
 * core) and analysed. Target (issue 15): 10,000 in under a minute.
 *
 * The transcripts are K distinct autoplayed runs (best, worst and random players on K seeds) written N
 * times under different file names: every file is still read, parsed, replayed and re-scored in full,
 * so the work is the same as for N distinct runs, without spending the bench's time generating them.
 *
 *   COHORT_BENCH_N (default 10000)   files analysed
 *   COHORT_BENCH_K (default 30)      distinct runs among them
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { autoplay, soloParticipant, type Policy } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { cohortReport, renderCohort, type Examined } from '@drill/cohort';
// The bench measures `drill cohort` itself: the CLI's file walk and worker threads (hence it lives with
// the CLI, which depends on @drill/cohort, and reads both through their public entries).
import { examinePaths } from '../src/index.ts';

const N = Number(process.env.COHORT_BENCH_N ?? 10_000);
const K = Math.min(N, Number(process.env.COHORT_BENCH_K ?? 30));
const TARGET_S = 60;
const typhoon = loadScenario('typhoon');
const dir = mkdtempSync(join(tmpdir(), 'drill-cohort-bench-'));

try {
  const policies: Policy[] = ['best', 'worst', 'random'];
  const texts = Array.from({ length: K }, (_, i) =>
    JSON.stringify(
      autoplay(typhoon, {
        seed: i,
        policy: policies[i % 3]!,
        participants: [soloParticipant(`Cadre ${i % 40}`)],
        startedAt: `2026-${String((i % 12) + 1).padStart(2, '0')}-01T08:00:00.000Z`,
      }).transcript(),
    ),
  );
  const files = Array.from({ length: N }, (_, i) => {
    const f = join(dir, `run-${String(i).padStart(5, '0')}.json`);
    writeFileSync(f, texts[i % K]!);
    return f;
  });

  const threads = Math.min(4, Math.max(1, availableParallelism()));
  const t0 = performance.now();
  const c0 = process.cpuUsage(); // the whole process: main thread and workers
  const results: Examined[] = await examinePaths(files, [], () => {}, threads);
  const t1 = performance.now();
  const report = cohortReport(
    {
      runs: results.flatMap((r) => (r.ok ? [r.run] : [])),
      excluded: results.flatMap((r) => (r.ok ? [] : [r.excluded])),
    },
    undefined,
    (h) => (h === typhoon.contentHash ? typhoon : undefined),
  );
  const html = renderCohort(report, 'html', 'en');
  const t2 = performance.now();
  const c = process.cpuUsage(c0);
  const cpuPerFile = (c.user + c.system) / 1000 / N;

  if (report.runs !== N)
    throw new Error(`expected ${N} verified runs, got ${report.runs} (${report.excluded[0]?.reason})`);
  const total = (t2 - t0) / 1000;
  const perFile = (t1 - t0) / N;
  const projected = (10_000 * (t2 - t0)) / N / 1000;
  console.log(
    `cohort: ${N} typhoon transcripts (${K} distinct) on ${threads} threads: verified in ${((t1 - t0) / 1000).toFixed(1)} s ` +
      `(${perFile.toFixed(1)} ms/file wall), analysed + HTML (${Math.round(html.length / 1024)} KiB) in ${((t2 - t1) / 1000).toFixed(2)} s; ` +
      `total ${total.toFixed(1)} s → 10,000 projected ${projected.toFixed(0)} s (target ${TARGET_S} s: ${projected <= TARGET_S ? 'met' : 'NOT met'})`,
  );
  // On a shared machine wall time says more about the neighbours than about drill: the CPU time per
  // file, spread over the threads, is what an idle machine would take.
  console.log(
    `cohort: ${cpuPerFile.toFixed(1)} ms CPU per file (workers' start-up included) → 10,000 on ${threads} idle cores ≈ ${((cpuPerFile * 10_000) / threads / 1000).toFixed(0)} s`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
