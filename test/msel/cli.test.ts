import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { drillInProcess } from '../../cli/src/testing/drill-in-process.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'msel-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/**
 * `drill ARGS` in this process (drillInProcess: the same command line, output, files and exit code; no
 * ~0.5 s process start each). The last test runs the bundle as processes: there the process — the
 * bundle's lazily loaded libraries and its shipped scenarios — is the point.
 */
const drill = async (...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> => {
  const r = await drillInProcess(args, {
    env: { ...process.env, INIT_CWD: dir } as Record<string, string>,
    cwd: dir,
  });
  return { status: r.code, stdout: r.out, stderr: r.err };
};

it('`drill msel --format xlsx` → `drill import msel` → `drill validate`: the skeleton loads', async () => {
  const out = await drill('msel', 'rainstorm', '--format', 'xlsx', '--lang', 'zh-CN', '-o', 'msel.xlsx');
  expect(out.status).toBe(0);
  const imp = await drill('import', 'msel', 'msel.xlsx', '-o', 'drill.yaml');
  expect(imp.stderr).toBe(
    'drill.yaml: 47 injects, 21 decisions; fill in the TODOs, then `drill validate drill.yaml`\n',
  );
  expect(imp.status).toBe(0);
  const v = await drill('validate', 'drill.yaml');
  expect(v.stdout).toContain('ok: drill.yaml (47 injects, 21 decision points, 8 roles)');
  expect(v.status).toBe(0);
  // Without -o an .xlsx would go to the terminal: refused in words.
  const noOut = await drill('msel', 'rainstorm', '--format', 'xlsx');
  expect(noOut.status).toBe(2);
  expect(noOut.stderr).toBe(
    'drill: an .xlsx workbook is not text: give a file to write it to with -o msel.xlsx\n',
  );
}, 120_000);

it('`drill import msel` on a broken sheet lists every problem at its cell, exits 1 and writes nothing', async () => {
  writeFileSync(
    join(dir, 'broken.csv'),
    '时间,发送方,接收方,情景\r\n72,县气象局,指挥长,台风蓝色预警。\r\nT+1h,县水利局,指挥长,\r\n',
  );
  const r = await drill('import', 'msel', 'broken.csv', '-o', 'broken.yaml');
  expect(r.status).toBe(1);
  expect(r.stderr).toBe(
    [
      'broken.csv:A2: error: time "72" has no unit: did you mean T-72h?',
      'broken.csv:D3: error: the row has no inject text',
      'drill: 2 problem(s) in broken.csv: nothing was written',
      '',
    ].join('\n'),
  );
  expect(existsSync(join(dir, 'broken.yaml'))).toBe(false);
  const notSheet = await drill('import', 'msel', 'broken.yaml', '-o', 'x.yaml');
  expect(notSheet.stderr).toBe('drill: broken.yaml: give an .xlsx or .csv file (this one ends in `.yaml`)\n');
}, 120_000);

it('`drill texts export` then `drill texts import` with one translation filled in: the drill has it', async () => {
  writeFileSync(
    join(dir, 'small.yaml'),
    readFileSync(join(root, 'scenarios/examples/annotated.yaml'), 'utf8').replace(/^include:.*$/m, ''),
  );
  const ex = await drill('texts', 'export', 'small.yaml', '--missing', '-o', 'todo.csv');
  expect(ex.status).toBe(0);
  const csv = readFileSync(join(dir, 'todo.csv'), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFkey,en,zh-CN');
  expect(csv).toContain('\r\nvariables.rain_mm.unit,mm,\r\n');
  writeFileSync(
    join(dir, 'todo.csv'),
    csv.replace('variables.rain_mm.unit,mm,', 'variables.rain_mm.unit,mm,毫米'),
  );
  const im = await drill('texts', 'import', 'small.yaml', 'todo.csv');
  expect(im.status).toBe(0);
  expect(im.stderr).toMatch(
    /^1 zh-CN text\(s\) written \(small\.yaml\); 0 unchanged, \d+ left empty, 0 not found\n$/,
  );
  expect(readFileSync(join(dir, 'small.yaml'), 'utf8')).toContain('unit: { en: "mm", zh-CN: "毫米" }');
  expect((await drill('validate', 'small.yaml')).status).toBe(0);
}, 120_000);

// The bundle test/tools/global-setup.ts builds with cli/build.mjs before the run (as `pnpm install`
// does), when the sources are newer: the tests run it rather than building a copy of their own.
it('the bundle (`node cli/build.mjs`) runs the new commands: their libraries load and the shipped scenarios are found', () => {
  const bundle = join(root, 'cli', 'dist', 'drill.mjs');
  expect(existsSync(bundle)).toBe(true);
  const bundled = (...args: string[]) =>
    spawnSync(process.execPath, [bundle, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: dir },
    });
  // `texts` and `import msel` load the scenario library from a lazily loaded module too.
  expect(bundled('msel', 'earthquake', '--format', 'xlsx', '-o', 'eq.xlsx').status).toBe(0);
  const imp = bundled('import', 'msel', 'eq.xlsx', '-o', 'eq.yaml');
  expect(imp.stderr).toBe(
    'eq.yaml: 39 injects, 22 decisions; fill in the TODOs, then `drill validate eq.yaml`\n',
  );
  const ex = bundled('texts', 'export', 'typhoon', '--format', 'xliff');
  expect(ex.status).toBe(0);
  expect(ex.stdout).toContain('version="2.0"');
  expect(ex.stdout).toContain('<unit id="injects.');
}, 300_000);
