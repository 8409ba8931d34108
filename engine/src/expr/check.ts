import type { Expr } from './ast.ts';

export type ValueType = 'number' | 'boolean' | 'string';

/** What names an expression may refer to; built from the scenario by the loader. */
export interface ExprScope {
  variables: ReadonlyMap<string, ValueType>;
  decisions: ReadonlyMap<string, ReadonlySet<string>>; // decision id -> option ids
  injects: ReadonlySet<string>;
  variations: ReadonlyMap<string, ReadonlySet<string>>; // variation id -> outcome ids
  /** Extra numeric names in scope, e.g. allocation targets inside an allocation score. */
  locals?: ReadonlySet<string>;
  /** `rand()` draws from the seeded generator: allowed in effects, not in conditions. */
  allowRandom: boolean;
}

export interface ExprProblem {
  offset: number;
  message: string;
  hint?: string;
}

interface FnSig {
  args: ValueType[] | 'numbers';
  returns: ValueType;
}

const FUNCTIONS: Record<string, FnSig> = {
  min: { args: 'numbers', returns: 'number' },
  max: { args: 'numbers', returns: 'number' },
  abs: { args: ['number'], returns: 'number' },
  round: { args: ['number'], returns: 'number' },
  floor: { args: ['number'], returns: 'number' },
  ceil: { args: ['number'], returns: 'number' },
  clamp: { args: ['number', 'number', 'number'], returns: 'number' },
  chose: { args: ['string', 'string'], returns: 'boolean' },
  decided: { args: ['string'], returns: 'boolean' },
  opened: { args: ['string'], returns: 'boolean' },
  fired: { args: ['string'], returns: 'boolean' },
  variation: { args: ['string'], returns: 'string' },
  rand: { args: ['number', 'number'], returns: 'number' },
};

/** Every function the expression language has, by name (for tools that word or list them). */
export const EXPR_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS);

/** Names every expression may use besides the scenario's variables. */
export const BUILTIN_NAMES = ['t'] as const;

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length]![b.length]!;
}

/** The closest known name, if it is close enough to be a likely typo. */
export function didYouMean(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const dist = editDistance(name, k);
    if (dist < bestD) {
      bestD = dist;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function hintFor(name: string, known: Iterable<string>): { hint?: string } {
  const m = didYouMean(name, known);
  return m ? { hint: `did you mean \`${m}\`?` } : {};
}

/** Type-checks an expression; returns its type (or undefined when it has errors) and the problems. */
export function checkExpr(e: Expr, scope: ExprScope): { type?: ValueType; problems: ExprProblem[] } {
  const problems: ExprProblem[] = [];
  const type = typeOf(e, scope, problems);
  return problems.length ? { problems } : { type, problems };
}

function typeOf(e: Expr, scope: ExprScope, out: ExprProblem[]): ValueType | undefined {
  switch (e.kind) {
    case 'num':
      return 'number';
    case 'bool':
      return 'boolean';
    case 'str':
      return 'string';
    case 'var': {
      if (e.name === 't') return 'number';
      if (scope.locals?.has(e.name)) return 'number';
      const t = scope.variables.get(e.name);
      if (!t) {
        out.push({
          offset: e.pos,
          message: `unknown variable \`${e.name}\``,
          ...hintFor(e.name, [...scope.variables.keys(), ...(scope.locals ?? [])]),
        });
        return undefined;
      }
      return t;
    }
    case 'unary': {
      const t = typeOf(e.arg, scope, out);
      const want = e.op === '-' ? 'number' : 'boolean';
      if (t && t !== want) out.push({ offset: e.pos, message: `'${e.op}' needs a ${want}, not a ${t}` });
      return want;
    }
    case 'binary': {
      const l = typeOf(e.left, scope, out);
      const r = typeOf(e.right, scope, out);
      if (e.op === '==' || e.op === '!=') {
        if (l && r && l !== r) out.push({ offset: e.pos, message: `cannot compare a ${l} with a ${r}` });
        checkVariationLiteral(e.left, e.right, scope, out);
        checkVariationLiteral(e.right, e.left, scope, out);
        return 'boolean';
      }
      const want = e.op === '&&' || e.op === '||' ? 'boolean' : 'number';
      for (const [side, t] of [
        [e.left, l],
        [e.right, r],
      ] as const)
        if (t && t !== want)
          out.push({ offset: side.pos, message: `'${e.op}' needs ${want}s, but this is a ${t}` });
      return ['<', '<=', '>', '>=', '&&', '||'].includes(e.op) ? 'boolean' : 'number';
    }
    case 'cond': {
      const c = typeOf(e.test, scope, out);
      if (c && c !== 'boolean')
        out.push({ offset: e.test.pos, message: `the test before '?' must be true/false, not a ${c}` });
      const a = typeOf(e.then, scope, out);
      const b = typeOf(e.else, scope, out);
      if (a && b && a !== b)
        out.push({ offset: e.pos, message: `both branches of '?:' must have the same type (${a} vs ${b})` });
      return a ?? b;
    }
    case 'call':
      return typeOfCall(e, scope, out);
  }
}

function typeOfCall(
  e: Extract<Expr, { kind: 'call' }>,
  scope: ExprScope,
  out: ExprProblem[],
): ValueType | undefined {
  // Own keys only: `constructor(…)` must be an unknown function, not Object's constructor.
  const sig = Object.hasOwn(FUNCTIONS, e.fn) ? FUNCTIONS[e.fn] : undefined;
  if (!sig) {
    out.push({
      offset: e.pos,
      message: `unknown function \`${e.fn}\``,
      ...hintFor(e.fn, Object.keys(FUNCTIONS)),
    });
    return undefined;
  }
  if (e.fn === 'rand' && !scope.allowRandom)
    out.push({
      offset: e.pos,
      message: '`rand()` may only be used in effects',
      hint: 'conditions must not draw random numbers',
    });
  const types = e.args.map((a) => typeOf(a, scope, out));
  if (sig.args === 'numbers') {
    if (e.args.length === 0) out.push({ offset: e.pos, message: `\`${e.fn}\` needs at least one number` });
    types.forEach((t, i) => {
      if (t && t !== 'number')
        out.push({ offset: e.args[i]!.pos, message: `\`${e.fn}\` takes numbers, not a ${t}` });
    });
    return sig.returns;
  }
  if (e.args.length !== sig.args.length) {
    out.push({
      offset: e.pos,
      message: `\`${e.fn}\` takes ${sig.args.length} argument(s), not ${e.args.length}`,
    });
    return sig.returns;
  }
  sig.args.forEach((want, i) => {
    const t = types[i];
    if (t && t !== want)
      out.push({
        offset: e.args[i]!.pos,
        message: `argument ${i + 1} of \`${e.fn}\` must be a ${want}, not a ${t}`,
      });
  });
  checkIdArguments(e, scope, out);
  return sig.returns;
}

/** The id arguments of chose/decided/fired/variation must name things the scenario declares. */
function checkIdArguments(e: Extract<Expr, { kind: 'call' }>, scope: ExprScope, out: ExprProblem[]): void {
  const lit = (i: number): { value: string; pos: number } | undefined => {
    const a = e.args[i];
    return a?.kind === 'str' ? a : undefined;
  };
  const first = lit(0);
  if (!first) {
    if (['chose', 'decided', 'opened', 'fired', 'variation'].includes(e.fn) && e.args[0])
      out.push({ offset: e.args[0].pos, message: `the first argument of \`${e.fn}\` must be a quoted id` });
    return;
  }
  if (e.fn === 'chose' || e.fn === 'decided' || e.fn === 'opened') {
    const options = scope.decisions.get(first.value);
    if (!options) {
      out.push({
        offset: first.pos,
        message: `unknown decision \`${first.value}\``,
        ...hintFor(first.value, scope.decisions.keys()),
      });
      return;
    }
    const opt = lit(1);
    if (e.fn === 'chose' && opt && !options.has(opt.value))
      out.push({
        offset: opt.pos,
        message: `decision \`${first.value}\` has no option \`${opt.value}\``,
        ...hintFor(opt.value, options),
      });
    if (e.fn === 'chose' && !opt && e.args[1])
      out.push({ offset: e.args[1].pos, message: 'the option must be a quoted id' });
  } else if (e.fn === 'fired') {
    if (!scope.injects.has(first.value))
      out.push({
        offset: first.pos,
        message: `unknown inject \`${first.value}\``,
        ...hintFor(first.value, scope.injects),
      });
  } else if (e.fn === 'variation') {
    if (!scope.variations.has(first.value))
      out.push({
        offset: first.pos,
        message: `unknown variation \`${first.value}\``,
        ...hintFor(first.value, scope.variations.keys()),
      });
  }
}

function checkVariationLiteral(call: Expr, other: Expr, scope: ExprScope, out: ExprProblem[]): void {
  if (call.kind !== 'call' || call.fn !== 'variation' || other.kind !== 'str') return;
  const id = call.args[0];
  if (id?.kind !== 'str') return;
  const outcomes = scope.variations.get(id.value);
  if (outcomes && !outcomes.has(other.value))
    out.push({
      offset: other.pos,
      message: `variation \`${id.value}\` has no outcome \`${other.value}\``,
      ...hintFor(other.value, outcomes),
    });
}
