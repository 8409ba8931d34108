import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { drillInProcess } from '../../cli/src/testing/drill-in-process.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * `drill ARGS` in this process (drillInProcess: the same command line, its output and exit code, without
 * a ~0.5 s process start each); the spawned bundle is exercised by the CLI files that test the process
 * (test/reliability/cli-safety, test/msel/cli).
 */
const drill = async (...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> => {
  const r = await drillInProcess(args, {
    env: { ...process.env, INIT_CWD: root } as Record<string, string>,
    cwd: root,
  });
  return { status: r.code, stdout: r.out, stderr: r.err };
};

it('`drill lint` prints warnings like a compiler; --strict fails on them, and passes a clean file', async () => {
  const loose = await drill('lint', 'test/lint/fixtures/dead-end.yaml', 'scenarios/examples/annotated.yaml');
  expect(loose.status).toBe(0);
  expect(loose.stdout).toMatch(/^\/.*test\/lint\/fixtures\/dead-end\.yaml:59:3: warning: dead end: /m);
  expect(loose.stdout).toContain('1 warning(s) in test/lint/fixtures/dead-end.yaml\n');
  expect(loose.stdout).toContain('ok: scenarios/examples/annotated.yaml (no warnings)\n');
  const strict = await drill('lint', '--strict', 'test/lint/fixtures/dead-end.yaml');
  expect(strict.status).toBe(1);
  expect((await drill('lint', '--strict', 'scenarios/examples/annotated.yaml')).status).toBe(0);
}, 120_000);

it('`drill lint` on a broken file reports its errors and exits 1, without a stack trace', async () => {
  const r = await drill('lint', 'test/diagnostics/unknown-role.yaml');
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('error: unknown role `chif`');
  expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
}, 120_000);
