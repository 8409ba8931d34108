import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIO_DIR } from '@drill/scenarios';
import { drillInProcess } from '../testing/drill-in-process.ts';

const REPO = resolve(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'drill-utf8-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `老人优先` as a Chinese Excel or Notepad saves it by default (GBK): not UTF-8. */
const GBK_TEXT = Buffer.from([0xc0, 0xcf, 0xc8, 0xcb, 0xd3, 0xc5, 0xcf, 0xc8]);

/**
 * `drill ARGS` in this process (drillInProcess: the same command line, its stderr and exit code; no
 * process start, nor the sources through tsx when the project has no fresh bundle). What is checked is
 * the command's refusal of the file, not the process.
 */
async function drill(...args: string[]): Promise<{ status: number; stderr: string }> {
  const r = await drillInProcess(args, {
    // The files are named by absolute path.
    cwd: REPO,
    env: { ...process.env, DRILL_HOME: dir, NO_COLOR: '1' } as Record<string, string>,
  });
  return { status: r.code, stderr: r.err };
}

describe('files in GBK where UTF-8 is read', async () => {
  it('texts import of a CSV saved as GBK is refused at its line and column, and the scenario is left as it was', async () => {
    cpSync(join(SCENARIO_DIR, 'examples', 'annotated.yaml'), join(dir, 'annotated.yaml'));
    cpSync(join(SCENARIO_DIR, 'examples', 'annotated-endings.yaml'), join(dir, 'annotated-endings.yaml'));
    const before = readFileSync(join(dir, 'annotated.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'texts.csv'),
      Buffer.concat([Buffer.from('key,en,zh-CN\ntitle,Annotated example,'), GBK_TEXT, Buffer.from('\n')]),
    );
    const r = await drill('texts', 'import', join(dir, 'annotated.yaml'), join(dir, 'texts.csv'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('texts.csv:2:25: this file is not UTF-8');
    expect(r.stderr).toContain('CSV UTF-8');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readFileSync(join(dir, 'annotated.yaml'), 'utf8')).toBe(before);
  });

  it('an answers file saved as GBK is refused before the drill runs', async () => {
    writeFileSync(
      join(dir, 'answers.yaml'),
      Buffer.concat([
        Buffer.from('decisions:\n  boats_recall: { option: recall_all, rationale: "'),
        GBK_TEXT,
        Buffer.from('" }\n'),
      ]),
    );
    const r = await drill(
      'run',
      'typhoon',
      '--seed',
      '7',
      '--answers',
      join(dir, 'answers.yaml'),
      '--out',
      join(dir, 'x.json'),
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('answers.yaml:2:51: this file is not UTF-8');
  });
});
