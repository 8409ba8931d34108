// The order vitest hands test files to its workers (vitest.config.ts `sequence.sequencer`, the
// LongestFirstSequencer there).
//
// Vitest's own order (BaseSequencer): group by group (`sequence.groupOrder`), project by project
// (alphabetically), and inside a project the files that failed last time, then the longest by the last
// run's durations — or, with no record of a last run (a fresh clone, CI), the largest file first. File
// size says little about time here: in the idle run of 2026-12-01 (docs/PERFORMANCE.md, tenth session)
// the longest file of the suite, browser/room.test.ts (~60 s), started 82 s after its group did, and
// only luck kept it from starting last and leaving the other core idle at the end.
//
// That sequencer keeps vitest's groups, and its order inside a group with one worker (one worker runs
// the same files in the same total time in any order). A group with several workers is reordered
// longest-first (LPT scheduling), so that the long files start early and the group ends on short ones
// with every worker busy until close to its end:
// - each project's files by their expected duration in test/tools/file-weights.json, longest first; a
//   file missing from the table (new, or short) keeps vitest's order, after those in it;
// - the projects with the least expected time first, the largest project last: its long files still
//   start within seconds, and its many short ones end the group.
// A project's files stay together: a worker is reused only while the next file is of its project, and
// each switch of project starts a worker process (~2–4 s of CPU: Node, vitest, the project's modules),
// so files of different projects are not interleaved.
//
// Refresh the table from a whole run: `node test/tools/file-weights.mjs` (reads
// test/artifacts/vitest-results.json, which `pnpm test` writes).
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** The expected seconds of a test file (by its absolute path) from file-weights.json, if listed. */
export function expectedSeconds(root: string): (moduleId: string) => number | undefined {
  const table = JSON.parse(readFileSync(new URL('./file-weights.json', import.meta.url), 'utf8')) as {
    seconds: Record<string, number>;
  };
  return (moduleId) => table.seconds[relative(root, moduleId).split('\\').join('/')];
}

/** What the order needs of a vitest TestSpecification. */
export interface Spec {
  moduleId: string;
  project: { name: string; config: { sequence: { groupOrder: number } } };
}

/**
 * `base` (vitest's order: group by group, then project by project) with every group that has more than
 * one worker reordered: each project's files by expected seconds (`weight`), longest first, files without
 * a weight after those with one in `base`'s order; the projects by their expected total, least first.
 */
export function longestFirst<S extends Spec>(
  base: readonly S[],
  weight: (s: S) => number | undefined,
  workers: (s: S) => number,
): S[] {
  const groups: S[][] = [];
  for (const s of base) {
    const last = groups.at(-1);
    if (last && last[0]!.project.config.sequence.groupOrder === s.project.config.sequence.groupOrder)
      last.push(s);
    else groups.push([s]);
  }
  return groups.flatMap((g) => (workers(g[0]!) > 1 ? byWeight(g, weight) : g));
}

function byWeight<S extends Spec>(group: S[], weight: (s: S) => number | undefined): S[] {
  const byProject = new Map<string, S[]>();
  for (const s of group) {
    const list = byProject.get(s.project.name);
    if (list) list.push(s);
    else byProject.set(s.project.name, [s]);
  }
  const known = (s: S): number => weight(s) ?? -1;
  const total = (list: S[]): number => list.reduce((sum, s) => sum + (weight(s) ?? 0), 0);
  // Array.prototype.sort is stable: equal weights keep vitest's order.
  const projects = [...byProject.values()].map((list) => list.slice().sort((a, b) => known(b) - known(a)));
  projects.sort((a, b) => total(a) - total(b));
  return projects.flat();
}
