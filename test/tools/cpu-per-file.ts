// A setup file that records the CPU each test file costs, for docs/PERFORMANCE.md ("Test suite"). Only
// loaded when DRILL_TEST_CPU names a cgroup (v1 cpuacct) the run was started in, e.g.
//   mkdir /sys/fs/cgroup/cpuacct/drill-tests && echo $$ > /sys/fs/cgroup/cpuacct/drill-tests/cgroup.procs
//   DRILL_TEST_CPU=drill-tests pnpm exec vitest run
// Why a cgroup: a worker runs several files one after another, and much of a file's CPU is spent in
// other processes — Chromium, the tmux server (which detaches, so it is nobody's child), spawned
// `drill` commands. Each worker moves itself into a cgroup of its own; everything it starts, detached
// or not, is counted there, and the difference across one file is that file's CPU, whatever process
// spent it. Lines of JSON go to test/artifacts/cpu-per-file.jsonl.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, expect } from 'vitest';

const group = process.env.DRILL_TEST_CPU;
const base = '/sys/fs/cgroup/cpuacct';
const ROOT = join(import.meta.dirname, '..', '..');

/** The cgroup of this worker, made on first use; undefined when profiling is off. */
function workerGroup(): string | undefined {
  if (!group) return undefined;
  const dir = join(base, group, `w${process.pid}`);
  if (!existsSync(dir)) {
    mkdirSync(dir);
    writeFileSync(join(dir, 'cgroup.procs'), String(process.pid));
  }
  return dir;
}

const dir = workerGroup();
/** CPU nanoseconds spent so far by this worker and everything it started. */
const usage = (): number => (dir ? Number(readFileSync(join(dir, 'cpuacct.usage'), 'utf8')) : 0);

// Where the previous file of this worker ended (a worker running files one after another loads this
// setup file again for each): what vitest does between two files counts for the second.
const g = globalThis as { drillCpuMark?: { cpu: number; wall: number } };
g.drillCpuMark ??= { cpu: usage(), wall: performance.now() };

afterAll(() => {
  const mark = g.drillCpuMark;
  if (!dir || !mark) return;
  const file = expect.getState().testPath ?? '?';
  mkdirSync(join(ROOT, 'test', 'artifacts'), { recursive: true });
  appendFileSync(
    join(ROOT, 'test', 'artifacts', 'cpu-per-file.jsonl'),
    `${JSON.stringify({
      group,
      file: relative(ROOT, file),
      cpu: (usage() - mark.cpu) / 1e9,
      wall: (performance.now() - mark.wall) / 1000,
    })}\n`,
  );
  g.drillCpuMark = { cpu: usage(), wall: performance.now() };
});
