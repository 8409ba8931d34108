import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileScenario, formatDiagnostic } from '@drill/engine';
import { loadScenarioFile } from '@drill/scenarios';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const files = readdirSync(here)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** What `drill validate` prints for a file's problems, with paths relative to the repository root. */
function diagnosticsOf(file: string): { ok: boolean; text: string; codes: string[] } {
  const r = loadScenarioFile(join(here, file));
  const ds = r.ok ? r.warnings : r.diagnostics;
  return {
    ok: r.ok,
    text: ds.map((d) => formatDiagnostic({ ...d, file: relative(root, d.file) })).join('\n'),
    codes: ds.map((d) => d.code),
  };
}

describe('broken scenario corpus: every file gives exactly its expected diagnostics', () => {
  it('holds at least 25 broken files', () => expect(files.length).toBeGreaterThanOrEqual(25));
  for (const f of files)
    it(f, () => {
      const expected = readFileSync(join(here, f.replace(/\.yaml$/, '.expected.txt')), 'utf8').trimEnd();
      const got = diagnosticsOf(f);
      expect(got.ok).toBe(false);
      expect(got.text).toBe(expected);
      // Every problem points somewhere real: a line and a column, never 0.
      for (const line of got.text.split('\n').filter((l) => !l.startsWith(' ')))
        expect(line).toMatch(/^test\/diagnostics\/[\w-]+\.yaml:[1-9]\d*:[1-9]\d*: error: /);
    });

  it('reports every problem at once, not only the first', () => {
    expect(diagnosticsOf('many-problems.yaml').codes).toHaveLength(6);
    expect(new Set(diagnosticsOf('many-problems.yaml').codes)).toEqual(
      new Set([
        'schema-invalid_value',
        'bad-time',
        'unknown-role',
        'unknown-option',
        'unknown-variable',
        'expression',
      ]),
    );
    expect(diagnosticsOf('many-problems-2.yaml').codes.length).toBeGreaterThanOrEqual(5);
  });

  it('gives one message, with a hint, per YAML structure mistake (not the parser’s cascade)', () => {
    const yamlCases = files.filter((f) => f.startsWith('yaml-'));
    expect(yamlCases.length).toBeGreaterThanOrEqual(10);
    for (const f of yamlCases) {
      const got = diagnosticsOf(f);
      expect(got.codes, f).toHaveLength(1);
      expect(got.text, f).toMatch(/\n {4}hint: \S/);
    }
  });

  it('says ranges in words and refuses a time without a unit', () => {
    expect(diagnosticsOf('score-out-of-range.yaml').text).toContain(
      'scores run from 0 to 1: `1.5` is too big',
    );
    expect(diagnosticsOf('time-without-unit.yaml').text).toContain('`T-6` has no unit: did you mean T-6h?');
    expect(diagnosticsOf('capability-redeclared.yaml').codes).toEqual(['duplicate-id']);
  });

  it('gives "did you mean" hints for near misses', () => {
    expect(diagnosticsOf('unknown-role.yaml').text).toContain('did you mean `chief`?');
    expect(diagnosticsOf('bad-enum.yaml').text).toContain('did you mean `phone`?');
    expect(diagnosticsOf('unknown-key.yaml').text).toContain('did you mean `urgency`?');
  });
});

describe('the web console compiles a picked file with the same pure compiler (no include reader)', () => {
  // These files threw from the compiler and blanked the console page; each must come back as diagnostics.
  const crashed = [
    'expression-too-deep.yaml',
    'expression-too-long.yaml',
    'expression-prototype-name.yaml',
    'lone-surrogate.yaml',
    'yaml-alias-loop.yaml',
    'include-outside.yaml',
  ];
  for (const f of crashed)
    it(f, () => {
      const r = compileScenario({ path: f, text: readFileSync(join(here, f), 'utf8') });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.diagnostics.length).toBeGreaterThan(0);
    });
});
