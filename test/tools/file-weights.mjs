#!/usr/bin/env node
// Writes test/tools/file-weights.json, the expected duration of each test file that takes a second or
// more, which test/tools/longest-first.ts uses to start the long files of a several-worker group first.
// Read from a whole run's JSON report (`pnpm test` writes test/artifacts/vitest-results.json):
//   node test/tools/file-weights.mjs [path/to/vitest-results.json]
// Take it from a run on an idle machine: only the order matters, and a loaded run distorts it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const from = process.argv[2] ?? `${root}test/artifacts/vitest-results.json`;
const report = JSON.parse(readFileSync(from, 'utf8'));
/** The file's path in this repository (the report may come from another clone: its paths are absolute). */
const inRepo = (abs) => {
  const parts = abs.split(/[\\/]/);
  for (let i = 1; i < parts.length; i++)
    if (existsSync(join(root, ...parts.slice(i)))) return parts.slice(i).join('/');
  return undefined;
};
const seconds = {};
for (const r of report.testResults.toSorted((a, b) => (a.name < b.name ? -1 : 1))) {
  const s = (r.endTime - r.startTime) / 1000;
  const file = inRepo(r.name);
  if (file && s >= 1) seconds[file] = Math.round(s * 10) / 10;
}
const out = new URL('./file-weights.json', import.meta.url);
writeFileSync(
  out,
  `${JSON.stringify({ from: new Date(report.startTime).toISOString(), seconds }, null, 2)}\n`,
);
console.log(`${Object.keys(seconds).length} files of ${report.testResults.length} in ${fileURLToPath(out)}`);
