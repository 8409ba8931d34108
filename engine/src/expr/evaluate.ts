import { own } from '../own.ts';
import type { Assignment, Expr } from './ast.ts';

export type Value = number | boolean | string;

/** What an expression can see while the engine evaluates it. Pure: no clock, no global randomness. */
export interface EvalEnv {
  world: Readonly<Record<string, number | boolean>>;
  clock: number;
  chose(decision: string, option: string): boolean;
  decided(decision: string): boolean;
  opened(decision: string): boolean;
  fired(inject: string): boolean;
  variation(id: string): string;
  /** A uniform draw in [0, 1) from the seeded generator held in the state. */
  random(): number;
  locals?: Readonly<Record<string, number>>;
}

/**
 * Evaluates a checked expression. The loader has already type-checked every expression in a scenario,
 * so a wrong type here is an engine bug, not an author's mistake — and still yields a value, not a throw:
 * numbers that are not finite become 0, so the world never holds NaN.
 */
export function evaluate(e: Expr, env: EvalEnv): Value {
  switch (e.kind) {
    case 'num':
    case 'bool':
    case 'str':
      return e.value;
    case 'var':
      if (e.name === 't') return env.clock;
      return own(env.locals, e.name) ?? own(env.world, e.name) ?? 0;
    case 'unary':
      return e.op === '-' ? -num(evaluate(e.arg, env)) : !evaluate(e.arg, env);
    case 'cond':
      return evaluate(e.test, env) ? evaluate(e.then, env) : evaluate(e.else, env);
    case 'binary': {
      if (e.op === '&&') return Boolean(evaluate(e.left, env)) && Boolean(evaluate(e.right, env));
      if (e.op === '||') return Boolean(evaluate(e.left, env)) || Boolean(evaluate(e.right, env));
      const l = evaluate(e.left, env);
      const r = evaluate(e.right, env);
      switch (e.op) {
        case '==':
          return l === r;
        case '!=':
          return l !== r;
        case '<':
          return num(l) < num(r);
        case '<=':
          return num(l) <= num(r);
        case '>':
          return num(l) > num(r);
        case '>=':
          return num(l) >= num(r);
        case '+':
          return finite(num(l) + num(r));
        case '-':
          return finite(num(l) - num(r));
        case '*':
          return finite(num(l) * num(r));
        case '/':
          return num(r) === 0 ? 0 : finite(num(l) / num(r));
        case '%':
          return num(r) === 0 ? 0 : finite(num(l) % num(r));
      }
      return 0;
    }
    case 'call': {
      const a = e.args.map((x) => evaluate(x, env));
      switch (e.fn) {
        case 'min':
          return Math.min(...a.map(num));
        case 'max':
          return Math.max(...a.map(num));
        case 'abs':
          return Math.abs(num(a[0]));
        case 'round':
          return Math.round(num(a[0]));
        case 'floor':
          return Math.floor(num(a[0]));
        case 'ceil':
          return Math.ceil(num(a[0]));
        case 'clamp':
          return Math.min(Math.max(num(a[0]), num(a[1])), num(a[2]));
        case 'chose':
          return env.chose(String(a[0]), String(a[1]));
        case 'decided':
          return env.decided(String(a[0]));
        case 'opened':
          return env.opened(String(a[0]));
        case 'fired':
          return env.fired(String(a[0]));
        case 'variation':
          return env.variation(String(a[0]));
        case 'rand': {
          const lo = num(a[0]);
          const hi = num(a[1]);
          return lo + (hi - lo) * env.random();
        }
      }
      return 0;
    }
  }
}

function num(v: Value | undefined): number {
  return typeof v === 'number' ? v : v === true ? 1 : 0;
}
function finite(n: number): number {
  return Number.isFinite(n) ? n : 0;
}

export function evaluateBool(e: Expr, env: EvalEnv): boolean {
  return Boolean(evaluate(e, env));
}

/** The new value of the assignment's target (before clamping to the variable's bounds). */
export function applyAssignment(a: Assignment, current: number | boolean, env: EvalEnv): number | boolean {
  const v = evaluate(a.value, env);
  if (a.op === '=') return typeof v === 'string' ? current : v;
  const c = num(current);
  const x = num(v);
  switch (a.op) {
    case '+=':
      return finite(c + x);
    case '-=':
      return finite(c - x);
    case '*=':
      return finite(c * x);
    case '/=':
      return x === 0 ? c : finite(c / x);
  }
}
