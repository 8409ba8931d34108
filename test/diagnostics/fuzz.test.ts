import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { compileScenario, SourceFile, type CompileResult } from '@drill/engine';
import { readIncludeWithin, SCENARIO_DIR, shippedScenarioIds } from '@drill/scenarios';
import { fuzzCase, MUTATIONS, runCase, type Verdict } from './fuzz-cases.ts';
import { describe, expect, it } from 'vitest';

/**
 * The loader on hostile input: random YAML text and random mutations of valid scenarios. Whatever
 * comes in, only diagnostics come out — never a throw, never a hang. Each property is bounded in time
 * (fast-check stops early under load), so this file stays well under 20 s.
 */
const here = dirname(fileURLToPath(import.meta.url));
const TIME_LIMIT = 3000;
const MAX_COMPILE_MS = 3000;

// The loader's own reader: includes stay inside the scenario's folder, regular files under a size limit.
const readInclude = readIncludeWithin();

/** Compiles and checks the contract: a result, never a throw; problems positioned at line/column ≥ 1; fast. */
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

const exprText = fc
  .array(
    fc.constantFrom(
      'x',
      'rumour',
      't',
      '(',
      ')',
      '&&',
      '||',
      '!',
      '+',
      '-',
      '*',
      '/',
      '%',
      '1',
      '0.5',
      "'a'",
      '"',
      "'",
      ' ',
      '>',
      '>=',
      '==',
      '=',
      '+=',
      'chose(',
      ',',
      'min(',
      'T',
      'T-',
      'h',
      'm',
      'd',
      '48',
      '?',
      ':',
      'rand(',
      '1e999',
    ),
    { maxLength: 16 },
  )
  .map((p) => p.join(''));

const EXPR_KEYS = new Set([
  'when',
  'unless',
  'opensWhen',
  'score',
  'value',
  'budget',
  'at',
  'opens',
  'due',
  'closes',
  'from',
  'until',
  'every',
  'after',
  'start',
  'end',
  't0',
]);

type Path = (string | number)[];
function paths(v: unknown, base: Path = [], out: Path[] = []): Path[] {
  out.push(base);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...base, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...base, k], out);
  return out;
}
function get(v: unknown, p: Path): unknown {
  return p.reduce<unknown>(
    (acc, k) => (acc && typeof acc === 'object' ? (acc as Record<string | number, unknown>)[k] : undefined),
    v,
  );
}
function set(root: unknown, p: Path, value: unknown, del = false): void {
  if (p.length === 0) return;
  const parent = get(root, p.slice(0, -1));
  const k = p.at(-1)!;
  if (Array.isArray(parent) && typeof k === 'number') {
    if (del) parent.splice(k, 1);
    else parent[k] = value;
  } else if (parent && typeof parent === 'object') {
    if (del) delete (parent as Record<string, unknown>)[k];
    else (parent as Record<string, unknown>)[k] = value;
  }
}

const mutation = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'retype', 'swap-ids', 'expr', 'string'),
  at: fc.nat(),
  other: fc.nat(),
  text: exprText,
  junk: fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant([]),
    fc.constant({}),
  ),
});
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(doc: unknown, ms: readonly Mutation[]): unknown {
  const d = structuredClone(doc);
  for (const m of ms) {
    const all = paths(d).filter((p) => p.length > 0);
    if (all.length === 0) break;
    const p = all[m.at % all.length]!;
    const v = get(d, p);
    switch (m.kind) {
      case 'delete':
        set(d, p, undefined, true);
        break;
      case 'duplicate': {
        const parent = get(d, p.slice(0, -1));
        if (Array.isArray(parent)) parent.push(structuredClone(v));
        else set(d, p, [v, v]);
        break;
      }
      case 'retype':
        set(
          d,
          p,
          typeof v === 'number'
            ? String(v)
            : typeof v === 'string'
              ? Number(v) || 7
              : Array.isArray(v)
                ? { ...v }
                : v && typeof v === 'object'
                  ? Object.values(v)
                  : m.junk,
        );
        break;
      case 'swap-ids': {
        const ids = all.filter((q) => q.at(-1) === 'id');
        if (ids.length < 2) break;
        const a = ids[m.at % ids.length]!;
        const b = ids[m.other % ids.length]!;
        const va = get(d, a);
        set(d, a, get(d, b));
        set(d, b, va);
        break;
      }
      case 'expr': {
        const targets = all.filter((q) => EXPR_KEYS.has(String(q.at(-1))) || q.includes('effects'));
        if (targets.length) set(d, targets[m.at % targets.length]!, m.text);
        break;
      }
      case 'string':
        set(d, p, m.junk);
        break;
    }
  }
  return d;
}

const parse = (p: string): unknown => new SourceFile(p, readFileSync(p, 'utf8')).doc.toJS();
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
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, ms) => {
        const s = small[which % small.length]!;
        compileChecked(s.path, JSON.stringify(mutate(s.doc, ms)));
      }),
      { numRuns: 300, interruptAfterTimeLimit: TIME_LIMIT },
    );
  });

  it('random mutations of the shipped scenarios and the annotated example', () => {
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, ms) => {
        const s = sources[which % sources.length]!;
        compileChecked(s.path, JSON.stringify(mutate(s.doc, ms)));
      }),
      { numRuns: 200, interruptAfterTimeLimit: TIME_LIMIT },
    );
  });
});

/** The seeded campaign (fuzz-cases.ts): the full 10,000 run as `pnpm fuzz`; a few thousand here. */
const CI_CASES = 1500;
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
