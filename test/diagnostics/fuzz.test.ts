import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { compileScenario, type CompileResult } from '@drill/engine';
import { readIncludeWithin, SCENARIO_DIR, shippedScenarioIds } from '@drill/scenarios';
import {
  CARELESS,
  fuzzCase,
  mutate,
  MUTATIONS,
  rng,
  runCase,
  type Mutation,
  type Verdict,
} from './fuzz-cases.ts';
import { describe, expect, it } from 'vitest';

/**
 * The loader on hostile input: random YAML text and random mutations of valid scenarios. Whatever
 * comes in, only diagnostics come out — never a throw, never a hang. Each property is bounded in time
 * (fast-check stops early under load), so this file stays well under 20 s.
 */
const here = dirname(fileURLToPath(import.meta.url));
const TIME_LIMIT = 3000;
/**
 * A hang detector, not a speed check (speed is `pnpm bench`'s): a compile that takes this long is stuck
 * in a loop; a loaded machine may take a few seconds on a big mutated scenario.
 */
const MAX_COMPILE_MS = 20_000;

// The loader's own reader: includes stay inside the scenario's folder, regular files under a size limit.
const readInclude = readIncludeWithin();

/** Compiles and checks the contract: a result, never a throw; problems positioned at line/column ≥ 1; no hang. */
function compileChecked(path: string, text: string): CompileResult {
  const t0 = performance.now();
  const r = compileScenario({ path, text }, readInclude);
  expect(performance.now() - t0).toBeLessThan(MAX_COMPILE_MS);
  const ds = r.ok ? r.warnings : r.diagnostics;
  if (!r.ok) expect(ds.length).toBeGreaterThan(0);
  for (const d of ds) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
  }
  return r;
}

const yamlish = fc
  .array(
    fc.constantFrom(
      'format: drill/1\n',
      'id: x\n',
      'roles:\n',
      '  - ',
      'id: ',
      'injects:\n',
      'decisions:\n',
      'when: ',
      '"',
      "'",
      '{',
      '}',
      '[',
      ']',
      ': ',
      '- ',
      '\n',
      '  ',
      '\t',
      '#',
      '&a ',
      '*a',
      '!!str ',
      '|\n',
      '>\n',
      '---\n',
      '...\n',
      'T-48h',
      '+2h',
      'chose(',
      ')',
      '&&',
      'null',
      '~',
      '0',
      '1.5',
      'true',
      '台风',
      '\u0000',
      '\uFEFF',
      '<<: *a\n',
      '? ',
      ',',
      '%YAML 1.2\n',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** A few careless mutations, each drawn from its own seed (shrinking drops whole mutations). */
const mutations = (maxLength: number) =>
  fc.array(fc.tuple(fc.constantFrom(...CARELESS), fc.integer()), { minLength: 1, maxLength });
const mutated = (doc: unknown, ms: readonly (readonly [Mutation, number])[]): unknown =>
  ms.reduce((d, [kind, seed]) => mutate(d, kind, rng(seed)), doc);

const parse = (p: string): unknown => parseYaml(readFileSync(p, 'utf8'));
const shipped = shippedScenarioIds().map((id) => join(SCENARIO_DIR, `${id}.yaml`));
const sources = [
  ...shipped,
  join(SCENARIO_DIR, 'examples/annotated.yaml'),
  join(here, '../lint/fixtures/clean.yaml'),
].map((p) => ({ path: p, doc: parse(p) }));
const small = readdirSync(join(here, '../lint/fixtures'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ path: join(here, '../lint/fixtures', f), doc: parse(join(here, '../lint/fixtures', f)) }));

describe('loader fuzzing: only diagnostics come out', () => {
  it('the unmutated sources compile (the mutations start from valid scenarios)', () => {
    for (const s of sources) expect(compileChecked(s.path, JSON.stringify(s.doc)).ok).toBe(true);
  });

  it('random YAML-like text', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        compileChecked('/fuzz/random.yaml', text);
      }),
      { numRuns: 400, interruptAfterTimeLimit: TIME_LIMIT },
    );
  });

  it('random JSON values (JSON is YAML)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        compileChecked('/fuzz/value.yaml', JSON.stringify(v) ?? '');
      }),
      { numRuns: 300, interruptAfterTimeLimit: TIME_LIMIT },
    );
  });

  it('random mutations of the small lint fixtures', () => {
    fc.assert(
      fc.property(fc.nat(), mutations(4), (which, ms) => {
        const s = small[which % small.length]!;
        compileChecked(s.path, JSON.stringify(mutated(s.doc, ms)));
      }),
      { numRuns: 300, interruptAfterTimeLimit: TIME_LIMIT },
    );
  });

  it('random mutations of the shipped scenarios and the annotated example', () => {
    fc.assert(
      fc.property(fc.nat(), mutations(3), (which, ms) => {
        const s = sources[which % sources.length]!;
        compileChecked(s.path, JSON.stringify(mutated(s.doc, ms)));
      }),
      // 100 (was 200, 3 s of CPU): each run compiles a whole shipped scenario; fast-check draws new
      // cases every run (no fixed seed), so the runs of successive test runs add up.
      { numRuns: 100, interruptAfterTimeLimit: TIME_LIMIT },
    );
  });
});

/**
 * The seeded campaign (fuzz-cases.ts): the full 10,000 run as `pnpm fuzz`; 500 here (1,500 until the
 * eighth session: 13.7 s of the file's 19 s of CPU). Seed 12's first 500 cases still give each of the 13
 * mutations and the random YAML text 24–42 cases, 92 of them compiling (then linted, played and scored)
 * and 408 refused with diagnostics; the other 9,500 are `pnpm fuzz`'s.
 */
const CI_CASES = 500;
const HANG_MS = 10_000;

describe('the seeded scenario fuzz campaign (issue 12): diagnostic or a playable scenario, never a throw', () => {
  it(`${CI_CASES} cases of every mutation: no crash, no case over ${HANG_MS / 1000} s`, () => {
    const verdicts: Verdict[] = [];
    for (let n = 0; n < CI_CASES; n++) verdicts.push(runCase(fuzzCase(12, n, { shipped: false })));
    const bad = verdicts.filter((v) => v.result === 'crashed' || v.result === 'bad-diagnostic');
    expect(bad).toEqual([]);
    expect(verdicts.filter((v) => v.ms > HANG_MS)).toEqual([]);
    // The corpus exercises what it claims: every mutation, both outcomes.
    expect(new Set(verdicts.map((v) => v.kind))).toEqual(new Set([...MUTATIONS, 'yaml-text']));
    expect(verdicts.filter((v) => v.result === 'compiled').length).toBeGreaterThan(CI_CASES / 20);
    expect(verdicts.filter((v) => v.result === 'diagnostic').length).toBeGreaterThan(CI_CASES / 2);
  }, 600_000);
});
