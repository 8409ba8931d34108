import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { autoplay, compileScenario, lintScenario, scoreDrill, type CompileResult } from '@drill/engine';
import seedrandom from 'seedrandom';
import { readIncludeWithin, SCENARIO_DIR, shippedScenarioIds } from '@drill/scenarios';

/**
 * The scenario fuzz campaign of issue 12, kept as code: seeded mutations of valid scenarios — the
 * careless ones (deleted keys, wrong types, swapped ids, broken expressions) and the hostile ones the
 * campaign found crashing or hanging (huge numbers, deep and long expressions, far-away times, ids
 * named `constructor`, lone surrogates, alias loops, hostile includes, thousands of items). Every
 * case must end in a diagnostic or a scenario that plays a short drill — never a throw, never a hang.
 * `fuzz.test.ts` runs a few thousand cases in CI; `pnpm fuzz` runs the full campaign.
 */

const here = dirname(fileURLToPath(import.meta.url));

/** A seeded generator (seedrandom's alea, as the engine): the same seed gives the same corpus on every machine. */
export const rng = (seed: number): Rnd => seedrandom.alea(String(seed));

export type Rnd = () => number;
const pick = <T>(r: Rnd, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

type Path = (string | number)[];
function paths(v: unknown, base: Path = [], out: Path[] = []): Path[] {
  out.push(base);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...base, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...base, k], out);
  return out;
}
function get(v: unknown, p: Path): unknown {
  return p.reduce<unknown>(
    (acc, k) =>
      acc && typeof acc === 'object' && Object.hasOwn(acc, k)
        ? (acc as Record<string | number, unknown>)[k]
        : undefined,
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

const EXPR_KEYS = new Set(['when', 'unless', 'opensWhen', 'score', 'value', 'budget']);
const TIME_KEYS = new Set([
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
]);
const EXPR_TOKENS = [
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
  ' ',
  '>',
  '==',
  '=',
  'chose(',
  ',',
  'min(',
  'constructor(',
  'T-',
  '?',
  ':',
  'rand(',
  '1e999',
  '1e308',
];
const HUGE = [1e308, -1e308, 1e12, 1e15, 2 ** 53 + 1, 1e9 + 1, -1e12, 5e-324, 1e300];
const FAR = [
  'T+1000000d',
  'T-99999999d',
  '+100000d',
  `T+${'9'.repeat(400)}m`,
  '99999999d',
  '1000000000',
  'T+367d',
];
const HOSTILE_INCLUDES = [
  '/etc/passwd',
  '/proc/self/environ',
  '/dev/zero',
  '../../package.json',
  '.',
  '../',
  'x',
];

function deepExpr(r: Rnd): string {
  const k = pick(r, [50, 101, 150, 700, 2200, 3000]);
  switch (pick(r, ['parens', 'nots', 'and', 'minus', 'calls'] as const)) {
    case 'parens':
      return `${'('.repeat(k)}t > 0${')'.repeat(k)}`;
    case 'nots':
      return `${'!'.repeat(k)}(t > 0)`;
    case 'and':
      return Array(k).fill('t > 0').join(' && ');
    case 'minus':
      return `${'-'.repeat(k)}1 < 0`;
    case 'calls':
      return `${'min('.repeat(k)}1${')'.repeat(k)} > 0`;
  }
}

export const MUTATIONS = [
  'delete',
  'duplicate',
  'retype',
  'swap-ids',
  'expr',
  'junk',
  'huge-number',
  'deep-expr',
  'far-time',
  'constructor-id',
  'surrogate',
  'many-items',
  'include',
] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** The careless mutations (a person editing by hand), as opposed to the hostile ones. */
export const CARELESS = ['delete', 'duplicate', 'retype', 'swap-ids', 'expr', 'junk', 'far-time'] as const;

/** `doc` with one mutation of `kind` applied where `r` points (the original is left as it was). */
export function mutate(doc: unknown, kind: Mutation, r: Rnd): unknown {
  const d = structuredClone(doc);
  const all = paths(d).filter((p) => p.length > 0);
  if (all.length === 0) return d;
  const p = pick(r, all);
  const v = get(d, p);
  const leaves = (test: (p: Path, v: unknown) => boolean): Path[] => all.filter((q) => test(q, get(d, q)));
  switch (kind) {
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
                : null,
      );
      break;
    case 'swap-ids': {
      const ids = leaves((q) => q.at(-1) === 'id');
      if (ids.length < 2) break;
      const a = pick(r, ids);
      const b = pick(r, ids);
      const va = get(d, a);
      set(d, a, get(d, b));
      set(d, b, va);
      break;
    }
    case 'expr': {
      const ts = leaves((q) => EXPR_KEYS.has(String(q.at(-1))) || q.includes('effects'));
      if (ts.length)
        set(
          d,
          pick(r, ts),
          Array.from({ length: 1 + Math.floor(r() * 16) }, () => pick(r, EXPR_TOKENS)).join(''),
        );
      break;
    }
    case 'junk':
      set(d, p, pick(r, ['', ' ', '{', '*a', 0, -1, true, null, [], {}, 'T', '\u0000', '台风', '\u202e']));
      break;
    case 'huge-number': {
      const ns = leaves((_q, x) => typeof x === 'number');
      set(d, ns.length ? pick(r, ns) : p, pick(r, HUGE));
      break;
    }
    case 'deep-expr': {
      const ts = leaves((q) => EXPR_KEYS.has(String(q.at(-1))) || q.includes('effects'));
      if (!ts.length) break;
      const q = pick(r, ts);
      const e = deepExpr(r);
      set(
        d,
        q,
        q.includes('effects') ? `${String(get(d, q)).split('=')[0]}= ${e.replace(/ [<>] 0$/, '')}` : e,
      );
      break;
    }
    case 'far-time': {
      const ts = leaves((q) => TIME_KEYS.has(String(q.at(-1))));
      if (ts.length) set(d, pick(r, ts), pick(r, FAR));
      break;
    }
    case 'constructor-id': {
      // Rename one id everywhere it is named (references and expressions too), so the file may still compile.
      const ids = leaves((q, x) => q.at(-1) === 'id' && typeof x === 'string');
      if (!ids.length) break;
      const old = String(get(d, pick(r, ids)));
      const name = pick(r, ['constructor', 'constructor', 'toString', 'hasownproperty', 'valueof']);
      const text = JSON.stringify(d).replace(new RegExp(`\\b${old}\\b`, 'g'), name);
      return JSON.parse(text) as unknown;
    }
    case 'surrogate': {
      const ss = leaves((_q, x) => typeof x === 'string');
      if (ss.length) {
        const q = pick(r, ss);
        set(d, q, `${String(get(d, q))}${pick(r, ['\ud800', '\udfff', '\ud83d'])}`);
      }
      break;
    }
    case 'many-items': {
      const lists = leaves((_q, x) => Array.isArray(x) && x.length > 0 && typeof x[0] === 'object');
      if (!lists.length) break;
      const list = get(d, pick(r, lists)) as Record<string, unknown>[];
      const n = pick(r, [50, 150, 300]);
      const proto = list[0]!;
      for (let i = 0; i < n; i++)
        list.push({
          ...structuredClone(proto),
          ...(typeof proto.id === 'string' ? { id: `${proto.id}${i}` } : {}),
        });
      break;
    }
    case 'include':
      set(d, ['include'], [pick(r, HOSTILE_INCLUDES)]);
      break;
    default: {
      const never: never = kind;
      return never;
    }
  }
  return d;
}

/** YAML that the data model cannot express: aliases, loops, tags, odd characters. */
function yamlText(r: Rnd): string {
  const parts = [
    'format: drill/1\n',
    'id: x\n',
    'roles:\n',
    '  - ',
    'id: ',
    'injects:\n',
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
    '#',
    '&a ',
    '*a',
    '&b [*b]',
    'x: &c {y: *c}\n',
    '!!str ',
    '|\n',
    '---\n',
    '"\\ud800"',
    '<<: *a\n',
    '? ',
    ',',
    '%YAML 1.2\n',
    '\u0000',
    '\uFEFF',
  ];
  return Array.from({ length: Math.floor(r() * 60) }, () => pick(r, parts)).join('');
}

interface Source {
  path: string;
  doc: unknown;
  weight: number;
}
let sourcesCache: Source[] | undefined;
function sources(): Source[] {
  if (sourcesCache) return sourcesCache;
  const parse = (p: string): unknown => parseYaml(readFileSync(p, 'utf8'));
  const fixtures = join(here, '../lint/fixtures');
  sourcesCache = [
    ...readdirSync(fixtures)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => ({ path: join(fixtures, f), doc: parse(join(fixtures, f)), weight: 6 })),
    {
      path: join(SCENARIO_DIR, 'examples/annotated.yaml'),
      doc: parse(join(SCENARIO_DIR, 'examples/annotated.yaml')),
      weight: 4,
    },
    ...shippedScenarioIds().map((id) => ({
      path: join(SCENARIO_DIR, `${id}.yaml`),
      doc: parse(join(SCENARIO_DIR, `${id}.yaml`)),
      weight: 1,
    })),
  ];
  return sourcesCache;
}

export interface FuzzCase {
  n: number;
  kind: Mutation | 'yaml-text';
  path: string;
  text: string;
}

/** Case `n` of the campaign with `seed`: the same (seed, n) always gives the same file. */
export function fuzzCase(seed: number, n: number, o: { shipped?: boolean } = {}): FuzzCase {
  const r = rng(seed * 1_000_003 + n);
  if (r() < 0.08) return { n, kind: 'yaml-text', path: join(here, 'fuzz-random.yaml'), text: yamlText(r) };
  // The shipped scenarios take ten times longer to compile and play than the small fixtures.
  const src = sources().filter(
    (x) => o.shipped !== false || !x.path.startsWith(join(SCENARIO_DIR, '')) || x.path.includes('examples'),
  );
  const total = src.reduce((s, x) => s + x.weight, 0);
  let u = r() * total;
  const s = src.find((x) => (u -= x.weight) < 0) ?? src[0]!;
  // One hostile or careless change, sometimes with a second careless one on top.
  const kind = pick(r, MUTATIONS);
  let doc = mutate(s.doc, kind, r);
  if (r() < 0.3) doc = mutate(doc, pick(r, ['delete', 'retype', 'expr', 'swap-ids'] as const), r);
  return { n, kind, path: s.path, text: JSON.stringify(doc) ?? '' };
}

export type Verdict =
  | { n: number; kind: string; result: 'compiled' | 'diagnostic'; ms: number }
  | { n: number; kind: string; result: 'crashed'; ms: number; error: string }
  | { n: number; kind: string; result: 'bad-diagnostic'; ms: number; error: string };

/**
 * Compiles a case and, when it compiles, lints it, plays a short drill and scores it. Any throw is a
 * crash; a diagnostic without a real position, or a score that is not a finite number, is a defect too.
 */
export function runCase(c: FuzzCase): Verdict {
  const t0 = performance.now();
  const ms = (): number => performance.now() - t0;
  let r: CompileResult;
  try {
    r = compileScenario({ path: c.path, text: c.text }, readIncludeWithin());
  } catch (e) {
    return {
      n: c.n,
      kind: c.kind,
      result: 'crashed',
      ms: ms(),
      error: `compile: ${String(e).slice(0, 200)}`,
    };
  }
  const ds = r.ok ? r.warnings : r.diagnostics;
  for (const d of ds)
    if (!(d.line >= 1 && d.column >= 1 && d.message.length > 0))
      return {
        n: c.n,
        kind: c.kind,
        result: 'bad-diagnostic',
        ms: ms(),
        error: JSON.stringify(d).slice(0, 200),
      };
  if (!r.ok) {
    if (ds.length === 0)
      return {
        n: c.n,
        kind: c.kind,
        result: 'bad-diagnostic',
        ms: ms(),
        error: 'refused without a diagnostic',
      };
    return { n: c.n, kind: c.kind, result: 'diagnostic', ms: ms() };
  }
  try {
    // What `drill lint` runs on a file that compiles: it must not throw either.
    for (const w of lintScenario(r.scenario, r.source))
      if (!(w.line >= 1 && w.column >= 1)) throw new Error(`lint warning without a position: ${w.message}`);
    const s = autoplay(r.scenario, { seed: c.n, policy: c.n % 2 ? 'random' : 'best', maxInputs: 200 });
    const score = scoreDrill(r.scenario, s.state);
    if (!Number.isFinite(score.overall)) throw new Error(`overall score ${score.overall}`);
    for (const o of score.outcomes)
      if (!Number.isFinite(o.value) || !Number.isFinite(o.credit))
        throw new Error(`outcome ${o.outcome}: ${o.value}`);
  } catch (e) {
    return { n: c.n, kind: c.kind, result: 'crashed', ms: ms(), error: `run: ${String(e).slice(0, 200)}` };
  }
  return { n: c.n, kind: c.kind, result: 'compiled', ms: ms() };
}
