import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const drill = (...args: string[]): { status: number | null; stdout: string; stderr: string } =>
  spawnSync(process.execPath, [join(root, 'cli/bin/drill.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: root },
  });

it('`drill lint` prints warnings like a compiler; --strict fails on them, and passes a clean file', () => {
  const loose = drill('lint', 'test/lint/fixtures/dead-end.yaml', 'scenarios/examples/annotated.yaml');
  expect(loose.status).toBe(0);
  expect(loose.stdout).toMatch(/^\/.*test\/lint\/fixtures\/dead-end\.yaml:59:3: warning: dead end: /m);
  expect(loose.stdout).toContain('1 warning(s) in test/lint/fixtures/dead-end.yaml\n');
  expect(loose.stdout).toContain('ok: scenarios/examples/annotated.yaml (no warnings)\n');
  const strict = drill('lint', '--strict', 'test/lint/fixtures/dead-end.yaml');
  expect(strict.status).toBe(1);
  expect(drill('lint', '--strict', 'scenarios/examples/annotated.yaml').status).toBe(0);
}, 120_000);

it('`drill lint` on a broken file reports its errors and exits 1, without a stack trace', () => {
  const r = drill('lint', 'test/diagnostics/unknown-role.yaml');
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('error: unknown role `chif`');
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
}, 120_000);
