import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnosticLine, formatDiagnostic, lintScenario } from '@drill/engine';
import { loadScenarioFile } from '@drill/scenarios';
import { describe, expect, it } from 'vitest';
import { lintExitCode, lintFile } from '@drill/cli';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const fixtures = join(here, 'fixtures');
const files = readdirSync(fixtures)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** What `drill lint` prints for a file, with paths relative to the repository root. */
function lintOutput(file: string): string {
  const r = lintFile(join(fixtures, file));
  return r.diagnostics.map((d) => formatDiagnostic({ ...d, file: relative(root, d.file) })).join('\n');
}

describe('lint fixtures: each planted problem gives exactly the expected warnings', () => {
  it('has the fixtures the issue asks for', () => {
    expect(files).toEqual(expect.arrayContaining(['dead-end.yaml', 'unreachable-inject.yaml', 'clean.yaml']));
  });
  for (const f of files)
    it(f, () => {
      const expected = readFileSync(join(fixtures, f.replace(/\.yaml$/, '.expected.txt')), 'utf8').trimEnd();
      expect(lintOutput(f)).toBe(expected);
    });
});

describe('lint rules', () => {
  it('finds the planted dead end and the unreachable inject by code', () => {
    expect(lintFile(join(fixtures, 'dead-end.yaml')).diagnostics.map((d) => d.code)).toEqual(['dead-end']);
    expect(lintFile(join(fixtures, 'unreachable-inject.yaml')).diagnostics.map((d) => d.code)).toEqual([
      'unreachable-inject',
      'unreachable-inject',
      'unreachable-inject',
    ]);
  });

  it('reports only warnings, and --strict turns them into a failure', () => {
    const clean = lintFile(join(fixtures, 'clean.yaml'));
    const dead = lintFile(join(fixtures, 'dead-end.yaml'));
    expect(dead.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(lintExitCode([clean, dead], false)).toBe(0);
    expect(lintExitCode([clean, dead], true)).toBe(1);
    expect(lintExitCode([clean], true)).toBe(0);
  });

  it('a file that does not compile fails lint with its errors', () => {
    const r = lintFile(join(root, 'test/diagnostics/unknown-role.yaml'));
    expect(r.compiled).toBe(false);
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(lintExitCode([r], false)).toBe(1);
  });

  it('works without source positions (warnings then name the item by id)', () => {
    const r = loadScenarioFile(join(fixtures, 'unreachable-inject.yaml'));
    if (!r.ok) throw new Error('fixture must compile');
    const ds = lintScenario(r.scenario);
    expect(ds.map((d) => d.path)).toContain('injects[orphan]');
  });

  it('the annotated example passes lint --strict', () => {
    const r = lintFile(join(root, 'scenarios/examples/annotated.yaml'));
    expect(r.compiled).toBe(true);
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([]);
  });
});

// `drill lint` in a Chinese terminal printed every warning in English ("inject `x` can never happen:
// `level > 20` never holds: `level` only ever grows…"), while the web app words the same diagnostics
// in Chinese: the terminal now prints diagnosticView's words (diagnosticLine), the one translation.
describe('lint warnings in Chinese', () => {
  /** Latin left once quoted ids and expressions, file paths and the format's own keys are taken out. */
  const latin = (s: string): string[] =>
    s
      .replace(/「[^」]*」/g, '')
      .replace(/^\S+\.yaml:\d+:\d+/, '')
      .replace(/\{ en: …, zh-CN: … \}|zh-CN|\b(?:when|then|unless|opens|capability|endings|at|t)\b/g, '')
      .replace(/T[-+]\d+h/g, '')
      .match(/[A-Za-z]{2,}/g) ?? [];

  for (const f of files)
    it(f, () => {
      for (const d of lintFile(join(fixtures, f)).diagnostics) {
        const line = diagnosticLine(d, 'zh-CN');
        expect(line).toMatch(/：警告：/);
        // Every lint message is known to the table (not just named by its kind).
        expect(line, d.message).not.toMatch(/想定内容有误|缺少必填内容/);
        expect(latin(line), `${d.message} → ${line}`).toEqual([]);
      }
    });

  it('keeps the English lines as formatDiagnostic prints them', () => {
    const d = lintFile(join(fixtures, 'unreachable-inject.yaml')).diagnostics[0]!;
    expect(diagnosticLine(d, 'en')).toBe(formatDiagnostic(d));
  });
});
