#!/usr/bin/env node
// `pnpm test`: everything CI checks, in order — system packages for the browser and terminal tests,
// lint, type check, then every vitest project — and a closing "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts }).status ?? 1;
const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;

// Browser tests drive Debian's Chromium; terminal tests drive tmux. Install them when missing (root only).
const missing = [
  ['chromium', 'chromium'],
  ['tmux', 'tmux'],
]
  .filter(([bin]) => !has(bin))
  .map(([, pkg]) => pkg);
if (missing.length) {
  if (process.getuid?.() !== 0) {
    console.error(`drill tests need ${missing.join(' and ')}: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`installing ${missing.join(', ')} (apt)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (
    run('apt-get', ['update', '-qq'], { env }) !== 0 ||
    run('apt-get', ['install', '-y', '-qq', ...missing], { env }) !== 0
  ) {
    console.error('could not install the system packages the tests need');
    process.exit(1);
  }
}

const extra = process.argv.slice(2);
if (!extra.length) {
  if (run('pnpm', ['format:check']) !== 0) process.exit(1);
  if (run('pnpm', ['lint']) !== 0) process.exit(1);
  if (run('pnpm', ['typecheck']) !== 0) process.exit(1);
}
mkdirSync('test/artifacts', { recursive: true });
const out = 'test/artifacts/vitest-results.json';
const code = run('pnpm', [
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${out}`,
  ...extra,
]);
if (existsSync(out)) {
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(
    `\n${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
  if (r.numTotalTests === 0) process.exit(1);
}
process.exit(code);
