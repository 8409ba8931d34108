// pnpm bench (part 2) — CLI start-up against `node -e 0`, the floor any Node program pays.
// Measures `drill --version` from the bundle (npm packages bundled, the default build), from a bundle
// that leaves the CLI's npm packages in node_modules, and from the TypeScript sources through tsx; and
// the first frame of the interactive drill (spawned under `script` for a pseudo-terminal, timed until its
// title is on the screen); and `drill verify` of a typhoon transcript with the shipped scenarios
// precompiled in the bundle (the default) and compiled from their YAML. Machines here are noisy: each
// figure is a median, reported with the floor.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeRun(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}, rounds = ROUNDS): number {
  spawnSync(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
  const ts: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = now();
    const r = spawnSync(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
    ts.push(now() - t0);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
  }
  return median(ts);
}

/** Milliseconds until `marker` appears on a pseudo-terminal running `command`. */
function firstFrame(command: string, marker: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done, fail) => {
    const t0 = now();
    const p = spawn('script', ['-qfec', `stty cols 80 rows 24; ${command}`, '/dev/null'], {
      cwd: root,
      env: { ...process.env, ...env },
      detached: true,
    });
    let out = '';
    const timer = setTimeout(
      () => finish(new Error(`no first frame within 60 s: ${out.slice(-200)}`)),
      60_000,
    );
    const finish = (r: number | Error): void => {
      clearTimeout(timer);
      try {
        process.kill(-p.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      if (typeof r === 'number') done(r);
      else fail(r);
    };
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (out.includes(marker)) finish(now() - t0);
    });
  });
}

async function frames(command: string, env: NodeJS.ProcessEnv, rounds: number): Promise<number> {
  const ts: number[] = [];
  for (let i = 0; i <= rounds; i++) {
    const home = mkdtempSync(join(tmpdir(), 'drill-bench-'));
    try {
      const t = await firstFrame(command, 'Short test storm', {
        ...env,
        DRILL_HOME: home,
        LANG: 'en_US.UTF-8',
      });
      if (i > 0) ts.push(t); // the first round warms the file cache
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }
  return median(ts);
}

const bundle = join(root, 'cli', 'dist', 'drill.mjs');
const extDir = join(root, 'cli', 'dist', 'ext');
spawnSync(process.execPath, [join(root, 'cli', 'build.mjs')], { cwd: root, stdio: 'inherit' });
spawnSync(process.execPath, [join(root, 'cli', 'build.mjs'), '--external-deps', '--outdir', extDir], {
  cwd: root,
  stdio: 'inherit',
});
// The same bundle without cli/dist/scenarios.precompiled.json: every command compiles the YAML.
const yamlDir = join(root, 'cli', 'dist', 'yaml');
spawnSync(process.execPath, [join(root, 'cli', 'build.mjs'), '--outdir', yamlDir], {
  cwd: root,
  stdio: 'inherit',
});
rmSync(join(yamlDir, 'scenarios.precompiled.json'));
if (!existsSync(bundle)) throw new Error('the bundle was not built');
const work = mkdtempSync(join(tmpdir(), 'drill-bench-'));
const transcript = join(work, 'typhoon.json');
spawnSync(
  process.execPath,
  [bundle, 'run', 'typhoon', '--auto', 'best', '--seed', '7', '--out', transcript],
  {
    cwd: root,
    env: { ...process.env, DRILL_HOME: work },
    stdio: 'ignore',
  },
);

const floor = timeRun(process.execPath, ['-e', '0']);
const rows: [string, number][] = [
  ['node -e 0 (floor)', floor],
  ['drill --version, bundle (default build)', timeRun(process.execPath, [bundle, '--version'])],
  [
    'drill --version, bundle with npm packages external',
    timeRun(process.execPath, [join(extDir, 'drill.mjs'), '--version']),
  ],
  [
    'drill --version, cli/bin/drill.mjs (picks the bundle)',
    timeRun(process.execPath, [join(root, 'cli', 'bin', 'drill.mjs'), '--version']),
  ],
  [
    'drill --version, TypeScript sources via tsx',
    timeRun(
      process.execPath,
      [join(root, 'cli', 'bin', 'drill.mjs'), '--version'],
      { DRILL_FROM_SOURCE: '1' },
      3,
    ),
  ],
  [
    'drill verify (typhoon), bundle, precompiled',
    timeRun(process.execPath, [bundle, 'verify', transcript], { DRILL_HOME: work }),
  ],
  [
    'drill verify (typhoon), bundle compiling the YAML',
    timeRun(process.execPath, [join(yamlDir, 'drill.mjs'), 'verify', transcript], { DRILL_HOME: work }),
  ],
];
const fixture = join(root, 'test', 'terminal', 'fixtures', 'short.yaml');
const frameRounds = Math.max(3, Math.floor(ROUNDS / 2));
// ink draws only the last frame when it sees CI (even empty): take it out of the environment.
const env = { DRILL_NO_ALT_SCREEN: '1' };
delete process.env.CI;
rows.push([
  'first frame of `drill run`, bundle',
  await frames(`${process.execPath} ${bundle} run ${fixture} --seed 1`, env, frameRounds),
]);
rows.push([
  'first frame of `drill run`, TypeScript sources',
  await frames(
    `${process.execPath} ${join(root, 'cli', 'bin', 'drill.mjs')} run ${fixture} --seed 1`,
    { ...env, DRILL_FROM_SOURCE: '1' },
    2,
  ),
]);
rmSync(extDir, { recursive: true, force: true });
rmSync(yamlDir, { recursive: true, force: true });
rmSync(work, { recursive: true, force: true });

process.stdout.write(`\nCLI start-up (median ms; ${ROUNDS} rounds, first frames fewer)\n`);
for (const [name, ms] of rows)
  process.stdout.write(
    `  ${name.padEnd(56)} ${ms.toFixed(0).padStart(6)} ms  ×${(ms / floor).toFixed(2)} floor\n`,
  );
