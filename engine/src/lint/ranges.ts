import { BINARY_PRECEDENCE, type Expr } from '../expr/ast.ts';

/**
 * A cheap abstract evaluation of expressions: every value is over-approximated (numbers by an
 * interval, booleans by which of true/false they can be, strings by the set they can be). Because the
 * approximation only ever widens, "this can never be true" and "this can never be false" are sound.
 */
export type Abs =
  | { kind: 'num'; lo: number; hi: number }
  | { kind: 'bool'; canTrue: boolean; canFalse: boolean }
  | { kind: 'str'; values?: ReadonlySet<string> };

/** What lint knows about the world while evaluating a condition. */
export interface RangeContext {
  /** Range of each variable over every reachable state. */
  vars: ReadonlyMap<string, Abs>;
  /** Range of the clock `t` where the condition is evaluated. */
  t: { lo: number; hi: number };
  /** Allocation amounts and `amount`, when in scope. */
  locals?: ReadonlyMap<string, { lo: number; hi: number }>;
  /** Can `chose(d, o)` / `decided(d)` / `opened(d)` / `fired(i)` ever be true? */
  canChoose(decision: string, option: string): boolean;
  canOpen(decision: string): boolean;
  canFire(inject: string): boolean;
  /** The outcome ids a variation can have (plus '' before it is drawn). */
  variationValues(id: string): ReadonlySet<string> | undefined;
}

const ANY_NUM: Abs = { kind: 'num', lo: -Infinity, hi: Infinity };
const ANY_BOOL: Abs = { kind: 'bool', canTrue: true, canFalse: true };
const num = (lo: number, hi: number): Abs =>
  Number.isNaN(lo) || Number.isNaN(hi) ? ANY_NUM : { kind: 'num', lo, hi };
const bool = (canTrue: boolean, canFalse: boolean): Abs => ({ kind: 'bool', canTrue, canFalse });

/** A value as the engine would coerce it to a number (true → 1). */
function asNum(a: Abs): { lo: number; hi: number } {
  if (a.kind === 'num') return a;
  if (a.kind === 'bool') return { lo: a.canFalse ? 0 : 1, hi: a.canTrue ? 1 : 0 };
  return { lo: 0, hi: 0 };
}
function asBool(a: Abs): { canTrue: boolean; canFalse: boolean } {
  if (a.kind === 'bool') return a;
  if (a.kind === 'num') return { canTrue: a.lo !== 0 || a.hi !== 0, canFalse: a.lo <= 0 && a.hi >= 0 };
  return {
    canTrue: a.values === undefined || [...a.values].some((v) => v !== ''),
    canFalse: a.values === undefined || a.values.has(''),
  };
}

function hull(a: Abs, b: Abs): Abs {
  if (a.kind === 'num' && b.kind === 'num') return num(Math.min(a.lo, b.lo), Math.max(a.hi, b.hi));
  if (a.kind === 'bool' && b.kind === 'bool') return bool(a.canTrue || b.canTrue, a.canFalse || b.canFalse);
  if (a.kind === 'str' && b.kind === 'str')
    return { kind: 'str', ...(a.values && b.values ? { values: new Set([...a.values, ...b.values]) } : {}) };
  return ANY_NUM;
}

function products(a: { lo: number; hi: number }, b: { lo: number; hi: number }): number[] {
  // 0 × ∞ is NaN in IEEE but the engine turns non-finite results into 0: count 0 as possible.
  return [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi].map((x) => (Number.isNaN(x) ? 0 : x));
}

/** Over-approximates the value of an expression. */
export function absEval(e: Expr, cx: RangeContext): Abs {
  switch (e.kind) {
    case 'num':
      return num(e.value, e.value);
    case 'bool':
      return bool(e.value, !e.value);
    case 'str':
      return { kind: 'str', values: new Set([e.value]) };
    case 'var': {
      if (e.name === 't') return num(cx.t.lo, cx.t.hi);
      const l = cx.locals?.get(e.name);
      if (l) return num(l.lo, l.hi);
      return cx.vars.get(e.name) ?? ANY_NUM;
    }
    case 'unary': {
      const a = absEval(e.arg, cx);
      if (e.op === '-') {
        const n = asNum(a);
        return num(-n.hi, -n.lo);
      }
      const b = asBool(a);
      return bool(b.canFalse, b.canTrue);
    }
    case 'cond': {
      const t = asBool(absEval(e.test, cx));
      if (!t.canFalse) return absEval(e.then, cx);
      if (!t.canTrue) return absEval(e.else, cx);
      return hull(absEval(e.then, cx), absEval(e.else, cx));
    }
    case 'binary':
      return binary(e, cx);
    case 'call':
      return call(e, cx);
  }
}

function binary(e: Extract<Expr, { kind: 'binary' }>, cx: RangeContext): Abs {
  if (e.op === '&&') {
    // The whole chain at once: checking contradictions at every level of `a && b && c …` is quadratic.
    const parts = conjuncts(e);
    const each = parts.map((p) => asBool(absEval(p, cx)));
    const canTrue = each.every((x) => x.canTrue) && !contradicts(parts, cx);
    return bool(
      canTrue,
      each.some((x) => x.canFalse),
    );
  }
  const l = absEval(e.left, cx);
  if (e.op === '||') {
    const a = asBool(l);
    const b = asBool(absEval(e.right, cx));
    return bool(a.canTrue || b.canTrue, a.canFalse && b.canFalse);
  }
  const r = absEval(e.right, cx);
  if (e.op === '==' || e.op === '!=') {
    const eq = equality(l, r);
    return e.op === '==' ? bool(eq.canTrue, eq.canFalse) : bool(eq.canFalse, eq.canTrue);
  }
  const a = asNum(l);
  const b = asNum(r);
  switch (e.op) {
    case '<':
      return bool(a.lo < b.hi, a.hi >= b.lo);
    case '<=':
      return bool(a.lo <= b.hi, a.hi > b.lo);
    case '>':
      return bool(a.hi > b.lo, a.lo <= b.hi);
    case '>=':
      return bool(a.hi >= b.lo, a.lo < b.hi);
    case '+':
      return num(a.lo + b.lo, a.hi + b.hi);
    case '-':
      return num(a.lo - b.hi, a.hi - b.lo);
    case '*': {
      const p = products(a, b);
      return num(Math.min(...p), Math.max(...p));
    }
    case '/': {
      // Division by zero gives 0 in the engine.
      if (b.lo > 0 || b.hi < 0) {
        const q = [a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi].map((x) => (Number.isNaN(x) ? 0 : x));
        return num(Math.min(...q), Math.max(...q));
      }
      return ANY_NUM;
    }
    default:
      return ANY_NUM;
  }
}

function equality(l: Abs, r: Abs): { canTrue: boolean; canFalse: boolean } {
  if (l.kind === 'str' && r.kind === 'str') {
    if (!l.values || !r.values) return { canTrue: true, canFalse: true };
    const canTrue = [...l.values].some((v) => r.values!.has(v));
    const canFalse = !(l.values.size === 1 && r.values.size === 1 && [...l.values][0] === [...r.values][0]);
    return { canTrue, canFalse };
  }
  if (l.kind === 'bool' && r.kind === 'bool')
    return {
      canTrue: (l.canTrue && r.canTrue) || (l.canFalse && r.canFalse),
      canFalse: (l.canTrue && r.canFalse) || (l.canFalse && r.canTrue),
    };
  if (l.kind === 'num' && r.kind === 'num')
    return {
      canTrue: l.lo <= r.hi && r.lo <= l.hi,
      canFalse: !(l.lo === l.hi && r.lo === r.hi && l.lo === r.lo),
    };
  return { canTrue: true, canFalse: true };
}

function call(e: Extract<Expr, { kind: 'call' }>, cx: RangeContext): Abs {
  const args = e.args.map((a) => absEval(a, cx));
  const n = (i: number): { lo: number; hi: number } => (args[i] ? asNum(args[i]) : { lo: 0, hi: 0 });
  const id = (i: number): string | undefined => {
    const a = e.args[i];
    return a?.kind === 'str' ? a.value : undefined;
  };
  switch (e.fn) {
    case 'min':
      return num(Math.min(...args.map((_, i) => n(i).lo)), Math.min(...args.map((_, i) => n(i).hi)));
    case 'max':
      return num(Math.max(...args.map((_, i) => n(i).lo)), Math.max(...args.map((_, i) => n(i).hi)));
    case 'abs': {
      const a = n(0);
      if (a.lo >= 0) return num(a.lo, a.hi);
      if (a.hi <= 0) return num(-a.hi, -a.lo);
      return num(0, Math.max(-a.lo, a.hi));
    }
    case 'round':
      return num(Math.round(n(0).lo), Math.round(n(0).hi));
    case 'floor':
      return num(Math.floor(n(0).lo), Math.floor(n(0).hi));
    case 'ceil':
      return num(Math.ceil(n(0).lo), Math.ceil(n(0).hi));
    case 'clamp': {
      const [x, lo, hi] = [n(0), n(1), n(2)];
      return num(Math.min(Math.max(x.lo, lo.lo), hi.hi), Math.min(Math.max(x.hi, lo.hi), hi.hi));
    }
    case 'rand':
      return num(Math.min(n(0).lo, n(1).lo), Math.max(n(0).hi, n(1).hi));
    case 'chose': {
      const d = id(0);
      const o = id(1);
      return d !== undefined && o !== undefined && !cx.canChoose(d, o) ? bool(false, true) : ANY_BOOL;
    }
    case 'decided':
    case 'opened': {
      const d = id(0);
      return d !== undefined && !cx.canOpen(d) ? bool(false, true) : ANY_BOOL;
    }
    case 'fired': {
      const i = id(0);
      return i !== undefined && !cx.canFire(i) ? bool(false, true) : ANY_BOOL;
    }
    case 'variation': {
      const v = id(0);
      const values = v !== undefined ? cx.variationValues(v) : undefined;
      return { kind: 'str', ...(values ? { values } : {}) };
    }
    default:
      return ANY_NUM;
  }
}

/** The operands of a chain of `&&`. */
export function conjuncts(e: Expr): Expr[] {
  // Iterative and linear (spreading the halves recursively copies a long chain once per level).
  const out: Expr[] = [];
  const stack = [e];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.kind === 'binary' && x.op === '&&') stack.push(x.right, x.left);
    else out.push(x);
  }
  return out;
}

interface Bound {
  lo: number;
  loStrict: boolean;
  hi: number;
  hiStrict: boolean;
}

/** `x > 5`, `3 >= t`, `flag`, `!flag`: a bound on one name, or undefined for anything else. */
function atom(
  e: Expr,
  cx: RangeContext,
): { name: string; bound?: Bound; truth?: boolean; ne?: number } | undefined {
  if (e.kind === 'var' && cx.vars.get(e.name)?.kind === 'bool') return { name: e.name, truth: true };
  if (e.kind === 'unary' && e.op === '!' && e.arg.kind === 'var' && cx.vars.get(e.arg.name)?.kind === 'bool')
    return { name: e.arg.name, truth: false };
  if (e.kind !== 'binary' || !['<', '<=', '>', '>=', '==', '!='].includes(e.op)) return undefined;
  let op = e.op;
  let v = e.left;
  let c = e.right;
  if (v.kind !== 'var') {
    [v, c] = [c, v];
    op = ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' } as const)[
      op as '<' | '<=' | '>' | '>=' | '==' | '!='
    ];
  }
  if (
    v.kind !== 'var' ||
    c.kind === 'var' ||
    cx.vars.get(v.name)?.kind === 'bool' ||
    cx.vars.get(v.name)?.kind === 'str'
  )
    return undefined;
  const k = absEval(c, cx);
  if (k.kind !== 'num' || k.lo !== k.hi) return undefined;
  const x = k.lo;
  const all: Bound = { lo: -Infinity, loStrict: false, hi: Infinity, hiStrict: false };
  switch (op) {
    case '<':
      return { name: v.name, bound: { ...all, hi: x, hiStrict: true } };
    case '<=':
      return { name: v.name, bound: { ...all, hi: x } };
    case '>':
      return { name: v.name, bound: { ...all, lo: x, loStrict: true } };
    case '>=':
      return { name: v.name, bound: { ...all, lo: x } };
    case '!=':
      return { name: v.name, bound: all, ne: x };
    default:
      return { name: v.name, bound: { lo: x, loStrict: false, hi: x, hiStrict: false } };
  }
}

/**
 * Do these conjuncts contradict each other, e.g. `x > 5 && x < 3` or `flag && !flag`? Each alone can
 * hold; intersecting their bounds on the same name shows they cannot hold together.
 */
export function contradicts(parts: readonly Expr[], cx: RangeContext): [Expr, Expr] | undefined {
  const bounds = new Map<string, { b: Bound; from: Expr; ne: Set<number> }>();
  const truths = new Map<string, { v: boolean; from: Expr }>();
  // Each name starts from what it can be at all: the clock's range, or the variable's range.
  const start = (name: string): Bound => {
    const v = cx.vars.get(name);
    const r = name === 't' ? cx.t : v?.kind === 'num' ? v : { lo: -Infinity, hi: Infinity };
    return { lo: r.lo, loStrict: false, hi: r.hi, hiStrict: false };
  };
  for (const p of parts) {
    const a = atom(p, cx);
    if (!a) continue;
    if (a.truth !== undefined) {
      const prev = truths.get(a.name);
      if (prev && prev.v !== a.truth) return [prev.from, p];
      truths.set(a.name, { v: a.truth, from: p });
      continue;
    }
    const prev = bounds.get(a.name) ?? { b: start(a.name), from: p, ne: new Set<number>() };
    const b = a.bound!;
    const lo =
      b.lo > prev.b.lo || (b.lo === prev.b.lo && b.loStrict)
        ? { lo: b.lo, loStrict: b.loStrict }
        : { lo: prev.b.lo, loStrict: prev.b.loStrict };
    const hi =
      b.hi < prev.b.hi || (b.hi === prev.b.hi && b.hiStrict)
        ? { hi: b.hi, hiStrict: b.hiStrict }
        : { hi: prev.b.hi, hiStrict: prev.b.hiStrict };
    const ne = new Set(prev.ne);
    if (a.ne !== undefined) ne.add(a.ne);
    if (lo.lo > hi.hi || (lo.lo === hi.hi && (lo.loStrict || hi.hiStrict || ne.has(lo.lo))))
      return [prev.from, p];
    bounds.set(a.name, { b: { ...lo, ...hi }, from: prev.from, ne });
  }
  return undefined;
}

/** Prints an expression back as source text (for messages about a part of a condition). */
export function printExpr(e: Expr, parent = 0): string {
  switch (e.kind) {
    case 'num':
      return String(e.value);
    case 'bool':
      return String(e.value);
    case 'str':
      return `'${e.value}'`;
    case 'var':
      return e.name;
    case 'unary':
      return `${e.op}${printExpr(e.arg, 7)}`;
    case 'cond': {
      const s = `${printExpr(e.test, 1)} ? ${printExpr(e.then)} : ${printExpr(e.else)}`;
      return parent > 0 ? `(${s})` : s;
    }
    case 'binary': {
      const p = BINARY_PRECEDENCE[e.op];
      const s = `${printExpr(e.left, p)} ${e.op} ${printExpr(e.right, p + 1)}`;
      return p < parent ? `(${s})` : s;
    }
    case 'call':
      return `${e.fn}(${e.args.map((a) => printExpr(a)).join(', ')})`;
  }
}
