import { ExprSyntaxError, subexpressions, type Assignment, type BinaryOp, type Expr } from './ast.ts';

type Tok =
  | { t: 'num'; v: number; pos: number }
  | { t: 'str'; v: string; pos: number }
  | { t: 'id'; v: string; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: 'end'; pos: number };

const OPS = [
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '+=',
  '-=',
  '*=',
  '/=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '!',
  '(',
  ')',
  ',',
  '?',
  ':',
  '=',
];

/**
 * Limits that keep hostile or careless expressions from exhausting the stack or the clock: the parser,
 * the checker, the linter and the evaluator all recurse over the tree, so its depth is bounded here,
 * once, for all of them. Real expressions stay far below (the shipped scenarios: under 200 characters,
 * depth under 15).
 */
export const MAX_EXPR_LENGTH = 2000;
export const MAX_EXPR_DEPTH = 100;
/** Number literals stay within ±1e9, so sums and products of scenario numbers cannot overflow. */
export const MAX_EXPR_NUMBER = 1e9;

const SPLIT_HINT = 'split it: keep part of the condition in a variable that an effect sets';

// Sticky patterns read at a position without copying the rest of the text (slicing is quadratic).
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?/iy;
const NAME = /[A-Za-z_][A-Za-z0-9_.]*/y;

function tokenize(src: string): Tok[] {
  if (src.length > MAX_EXPR_LENGTH)
    throw new ExprSyntaxError(
      `this expression is ${src.length} characters long; the limit is ${MAX_EXPR_LENGTH}`,
      0,
      SPLIT_HINT,
    );
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9.]/.test(c)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(src);
      if (!m) throw new ExprSyntaxError(`unexpected '${c}'`, i);
      const v = Number(m[0]);
      if (!(Math.abs(v) <= MAX_EXPR_NUMBER))
        throw new ExprSyntaxError(
          `the number ${m[0]} is too large: numbers in a scenario stay within ±1000000000`,
          i,
          'use a smaller unit (thousands of people, millions of yuan)',
        );
      out.push({ t: 'num', v, pos: i });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      NAME.lastIndex = i;
      const m = NAME.exec(src)!;
      out.push({ t: 'id', v: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new ExprSyntaxError('unterminated string', i);
      out.push({ t: 'str', v: src.slice(i + 1, end), pos: i });
      i = end + 1;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ExprSyntaxError(`unexpected '${c}'`, i);
    out.push({ t: 'op', v: op, pos: i });
    i += op.length;
  }
  out.push({ t: 'end', pos: src.length });
  return out;
}

const BINARY: Record<string, { prec: number; op: BinaryOp }> = {
  '||': { prec: 1, op: '||' },
  or: { prec: 1, op: '||' },
  '&&': { prec: 2, op: '&&' },
  and: { prec: 2, op: '&&' },
  '==': { prec: 3, op: '==' },
  '!=': { prec: 3, op: '!=' },
  '<': { prec: 4, op: '<' },
  '<=': { prec: 4, op: '<=' },
  '>': { prec: 4, op: '>' },
  '>=': { prec: 4, op: '>=' },
  '+': { prec: 5, op: '+' },
  '-': { prec: 5, op: '-' },
  '*': { prec: 6, op: '*' },
  '/': { prec: 6, op: '/' },
  '%': { prec: 6, op: '%' },
};

class Parser {
  private i = 0;
  /** How deep the recursive descent is now: brackets, `?:`, calls and prefix operators. */
  private depth = 0;
  constructor(private readonly toks: Tok[]) {}

  private enter(pos: number): void {
    if (++this.depth > MAX_EXPR_DEPTH) throw tooDeep(pos);
  }

  peek(): Tok {
    return this.toks[this.i]!;
  }
  next(): Tok {
    return this.toks[this.i++]!;
  }
  isOp(v: string): boolean {
    const t = this.peek();
    return (t.t === 'op' || t.t === 'id') && t.v === v;
  }
  expect(v: string): void {
    const t = this.next();
    if (!((t.t === 'op' || t.t === 'id') && t.v === v))
      throw new ExprSyntaxError(`expected '${v}' but found ${describe(t)}`, t.pos);
  }
  end(): void {
    const t = this.peek();
    if (t.t !== 'end') throw new ExprSyntaxError(`unexpected ${describe(t)}`, t.pos);
  }

  expr(): Expr {
    this.enter(this.peek().pos);
    const test = this.binary(1);
    let e = test;
    if (this.isOp('?')) {
      this.next();
      const then = this.expr();
      this.expect(':');
      const otherwise = this.expr();
      e = { kind: 'cond', test, then, else: otherwise, pos: test.pos };
    }
    this.depth--;
    return e;
  }

  binary(minPrec: number): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const info = (t.t === 'op' || t.t === 'id') && Object.hasOwn(BINARY, t.v) ? BINARY[t.v] : undefined;
      if (!info || info.prec < minPrec) return left;
      this.next();
      const right = this.binary(info.prec + 1);
      left = { kind: 'binary', op: info.op, left, right, pos: t.pos };
    }
  }

  unary(): Expr {
    const t = this.peek();
    if ((t.t === 'op' && (t.v === '-' || t.v === '!')) || (t.t === 'id' && t.v === 'not')) {
      this.next();
      this.enter(t.pos);
      const arg = this.unary();
      this.depth--;
      return { kind: 'unary', op: t.v === '-' ? '-' : '!', arg, pos: t.pos };
    }
    return this.primary();
  }

  primary(): Expr {
    const t = this.next();
    switch (t.t) {
      case 'num':
        return { kind: 'num', value: t.v, pos: t.pos };
      case 'str':
        return { kind: 'str', value: t.v, pos: t.pos };
      case 'id': {
        if (t.v === 'true' || t.v === 'false') return { kind: 'bool', value: t.v === 'true', pos: t.pos };
        if (this.isOp('(')) {
          this.next();
          const args: Expr[] = [];
          if (!this.isOp(')')) {
            do args.push(this.expr());
            while (this.isOp(',') && this.next());
          }
          this.expect(')');
          return { kind: 'call', fn: t.v, args, pos: t.pos };
        }
        return { kind: 'var', name: t.v, pos: t.pos };
      }
      case 'op':
        if (t.v === '(') {
          const e = this.expr();
          this.expect(')');
          return e;
        }
        throw new ExprSyntaxError(`unexpected ${describe(t)}`, t.pos);
      case 'end':
        throw new ExprSyntaxError('the expression ends too early', t.pos);
    }
  }
}

function tooDeep(pos: number): ExprSyntaxError {
  return new ExprSyntaxError(
    `this expression nests brackets, operators and calls more than ${MAX_EXPR_DEPTH} levels deep`,
    pos,
    SPLIT_HINT,
  );
}

/**
 * Refuses a tree deeper than the limit. A chain of `&&` is parsed in a loop but builds a tree as deep
 * as the chain is long, which every later walk would recurse through; measured here without recursion.
 */
function checkDepth(root: Expr): Expr {
  const stack: [Expr, number][] = [[root, 1]];
  while (stack.length) {
    const [e, d] = stack.pop()!;
    if (d > MAX_EXPR_DEPTH) throw tooDeep(e.pos);
    for (const c of subexpressions(e)) stack.push([c, d + 1]);
  }
  return root;
}

function describe(t: Tok): string {
  return t.t === 'end' ? 'the end of the expression' : `'${String(t.v)}'`;
}

/** Parses a condition or value expression, e.g. `rumour > 40 && !chose('press', 'silent')`. */
export function parseExpr(src: string): Expr {
  const p = new Parser(tokenize(src));
  const e = p.expr();
  p.end();
  return checkDepth(e);
}

/** Parses one effect statement, e.g. `evacuated += 1200` or `trust = min(100, trust + 5)`. */
export function parseAssignment(src: string): Assignment {
  const toks = tokenize(src);
  const target = toks[0];
  const op = toks[1];
  if (!target || target.t !== 'id')
    throw new ExprSyntaxError('an effect starts with the variable it changes', target?.pos ?? 0);
  if (!op || op.t !== 'op' || !['=', '+=', '-=', '*=', '/='].includes(op.v))
    throw new ExprSyntaxError(
      `expected '=', '+=', '-=', '*=' or '/=' after '${target.v}'`,
      op?.pos ?? src.length,
    );
  const p = new Parser(toks.slice(2));
  const value = checkDepth(p.expr());
  p.end();
  return { target: target.v, targetPos: target.pos, op: op.v as Assignment['op'], value };
}
