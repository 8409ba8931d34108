import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import { loadScenarioFile, SCENARIO_DIR, shippedScenarioIds } from '@drill/scenarios';
import { describe, expect, it } from 'vitest';
import { schemaText } from '@drill/cli';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const schemaPath = join(SCENARIO_DIR, 'schema', 'scenario.schema.json');
const committed = readFileSync(schemaPath, 'utf8');

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(JSON.parse(committed) as object);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (f === 'node_modules' || f === 'src' || f === 'schema') return [];
    return statSync(p).isDirectory() ? yamlFiles(p) : f.endsWith('.yaml') ? [p] : [];
  });
}
const parse = (p: string): unknown => parseYaml(readFileSync(p, 'utf8'));

/**
 * Problems the format itself catches (the JSON Schema's job), as opposed to cross-references and
 * cross-field rules the compiler checks (e.g. "an allocation decision needs a `budget`").
 */
const breaksFormat = (d: { code: string; message: string }): boolean =>
  /^(schema-|unknown-key$|missing-key$|not-a-scenario$)/.test(d.code);

describe('JSON Schema (scenarios/schema/scenario.schema.json)', () => {
  it('is exactly what `drill schema` generates from the zod source now', () => {
    expect(committed).toBe(schemaText());
  });

  it('is draft 2020-12', () => {
    expect((JSON.parse(committed) as { $schema: string }).$schema).toBe(
      'https://json-schema.org/draft/2020-12/schema',
    );
  });

  const shipped = yamlFiles(SCENARIO_DIR);
  it('finds the shipped scenarios, their part files and the examples', () => {
    expect(shipped.map((p) => relative(SCENARIO_DIR, p))).toEqual(
      expect.arrayContaining([
        'examples/annotated.yaml',
        'examples/annotated-endings.yaml',
        ...shippedScenarioIds().map((id) => `${id}.yaml`),
      ]),
    );
  });
  it('every scenario and part file starts with the yaml-language-server comment pointing at this schema', () => {
    for (const p of shipped) {
      const first = readFileSync(p, 'utf8').split('\n')[0]!;
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, relative(root, p)).not.toBeNull();
      expect(resolve(dirname(p), m![1]!), relative(root, p)).toBe(schemaPath);
    }
  });
  for (const p of shipped)
    it(`accepts ${relative(root, p)}`, () => {
      const ok = validate(parse(p));
      expect(ok ? [] : validate.errors).toEqual([]);
    });

  const corpus = join(root, 'test/diagnostics');
  const broken = readdirSync(corpus)
    .filter((f) => f.endsWith('.yaml'))
    .filter((f) => {
      const r = loadScenarioFile(join(corpus, f));
      return (
        !r.ok && r.diagnostics.some(breaksFormat) && r.diagnostics.every((d) => d.code !== 'yaml-syntax')
      );
    });
  it('the corpus has files that break the format itself', () => {
    expect(broken).toEqual(
      expect.arrayContaining([
        'unknown-key.yaml',
        'missing-required-key.yaml',
        'bad-enum.yaml',
        'wrong-format.yaml',
        'bad-id.yaml',
      ]),
    );
  });
  for (const f of broken)
    it(`rejects test/diagnostics/${f}`, () => {
      expect(validate(parse(join(corpus, f)))).toBe(false);
    });
});
