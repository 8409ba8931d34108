#!/usr/bin/env node
// `pnpm test`: everything CI checks — system packages for the browser and terminal tests, the format
// check, the type check and the type-aware lint, every vitest project — and a closing
// "N passed, N failed" line.
//
// The static checks run beside the tests, not before them: vitest spends much of its time waiting (on
// Chromium, tmux, spawned commands), and the checks fill those gaps on a two-core machine. Their output
// is held back and printed after the tests', and any of them failing fails the run. vitest.config.ts
// counts on them: its in-process projects run first in a single worker, from vitest's start (the web
// and server builds run in the background, test/tools/background-build.ts), the checks on the other
// core; the first group should end about when the checks do.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts }).status ?? 1;
const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;

// Browser tests drive Debian's Chromium — its old headless shell, the full browser when the shell is
// missing (test/browser/chromium.ts); terminal tests drive tmux. Install them when missing (root only).
// The shell only makes the browser tests cheaper: without it (not root, or apt cannot install it) they
// run on the full browser, so its absence is a note, never a failure.
const missing = [
  ['chromium', 'chromium'],
  ['tmux', 'tmux'],
]
  .filter(([bin]) => !has(bin))
  .map(([, pkg]) => pkg);
const shellMissing = !has('chromium-headless-shell');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
if (missing.length) {
  if (process.getuid?.() !== 0) {
    console.error(`drill tests need ${missing.join(' and ')}: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`installing ${missing.join(', ')} (apt)…`);
  if (
    run('apt-get', ['update', '-qq'], { env }) !== 0 ||
    run('apt-get', ['install', '-y', '-qq', ...missing], { env }) !== 0
  ) {
    console.error('could not install the system packages the tests need');
    process.exit(1);
  }
}
if (shellMissing) {
  const installed =
    process.getuid?.() === 0 &&
    (missing.length > 0 || run('apt-get', ['update', '-qq'], { env }) === 0) &&
    run('apt-get', ['install', '-y', '-qq', 'chromium-headless-shell'], { env }) === 0;
  if (!installed)
    console.log(
      'note: chromium-headless-shell is not installed, so the browser tests use the full Chromium (slower): sudo apt-get install -y chromium-headless-shell',
    );
}

/** Runs a command with its output captured; resolves to its exit code and what it printed. */
const captured = (name, cmd, args) =>
  new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let text = '';
    child.stdout.on('data', (b) => (text += b));
    child.stderr.on('data', (b) => (text += b));
    child.on('error', (e) => resolve({ name, code: 1, text: `${text}${e.message}\n`, secs: 0 }));
    child.on('close', (code, signal) =>
      resolve({ name, code: code ?? (signal ? 1 : 0), text, secs: (Date.now() - started) / 1000 }),
    );
  });

// Prettier and vitest are started with node straight from node_modules, not through `pnpm exec`: pnpm
// itself costs ~1.6 s of CPU to start, twice per run. (`pnpm test` already puts node_modules/.bin on
// the PATH the children inherit.)
const bin = (path) => fileURLToPath(new URL(`../../node_modules/${path}`, import.meta.url));

const extra = process.argv.slice(2);
// With arguments (`pnpm test <vitest filters>`), only the tests run, as before.
const checks = extra.length
  ? []
  : [
      // `pnpm format:check` with prettier's cache, keyed on file contents (node_modules/.cache/prettier):
      // a file unchanged since it last passed is not formatted again. A fresh clone (CI) checks every
      // file; a second local run costs ~5 s of CPU instead of ~25 s. Any edit changes the key.
      // TypeScript and JavaScript are parsed by @prettier/plugin-oxc (.prettierrc.json), the prettier
      // team's parser plugin: the same printer and the same output for every file of the repository,
      // and a fresh clone's check costs ~17 s of CPU instead of ~22 s (docs/PERFORMANCE.md).
      captured('format (prettier --check)', process.execPath, [
        bin('prettier/bin/prettier.cjs'),
        '--check',
        '.',
        '--log-level',
        'warn',
        '--cache',
        '--cache-strategy',
        'content',
      ]),
      // tsc and the type-aware eslint, sharing one TypeScript program (see check.mjs). The program and
      // its checker grow for the whole run and almost all of it stays alive (~1.3 GB at the end), so
      // V8's collector, sizing the old space from a small start, marks that growing heap again and again
      // on the way up (GC was ~20 % of the process's profile). Starting the old space at 2 GB leaves
      // those collections out: 7.6, 3.6, 3.0 and 0.9 s of CPU less in four side-by-side pairs (~55–80 s
      // each; the more the cores are contended, the more it saves), peak memory ~1.3–1.8 → 1.9 GB
      // (docs/PERFORMANCE.md, ninth session). Nothing else changes.
      captured('type check and lint', process.execPath, [
        '--initial-old-space-size=2048',
        'test/tools/check.mjs',
      ]),
    ];

mkdirSync('test/artifacts', { recursive: true });
const out = 'test/artifacts/vitest-results.json';
const vitest = spawn(
  process.execPath,
  [
    bin('vitest/vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
    ...extra,
  ],
  { stdio: 'inherit' },
);
const code = await new Promise((resolve) => vitest.on('close', (c) => resolve(c ?? 1)));
let failed = code !== 0;
if (existsSync(out)) {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(
    `\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
  if (r.numTotalTests === 0) failed = true;
}
for (const c of await Promise.all(checks)) {
  if (c.text.trim()) console.log(`\n── ${c.name} ──\n${c.text.trimEnd()}`);
  console.log(`${c.name}: ${c.code === 0 ? 'ok' : 'FAILED'} (${c.secs.toFixed(0)} s)`);
  if (c.code !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
