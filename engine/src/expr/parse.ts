import { ExprSyntaxError, type Assignment, type BinaryOp, type Expr } from './ast.ts';

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

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9.]/.test(c)) {
      const m = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?/i.exec(src.slice(i));
      if (!m) throw new ExprSyntaxError(`unexpected '${c}'`, i);
      out.push({ t: 'num', v: Number(m[0]), pos: i });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i))!;
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
  constructor(private readonly toks: Tok[]) {}

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
    const test = this.binary(1);
    if (this.isOp('?')) {
      this.next();
      const then = this.expr();
      this.expect(':');
      const otherwise = this.expr();
      return { kind: 'cond', test, then, else: otherwise, pos: test.pos };
    }
    return test;
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
      return { kind: 'unary', op: t.v === '-' ? '-' : '!', arg: this.unary(), pos: t.pos };
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

function describe(t: Tok): string {
  return t.t === 'end' ? 'the end of the expression' : `'${String(t.v)}'`;
}

/** Parses a condition or value expression, e.g. `rumour > 40 && !chose('press', 'silent')`. */
export function parseExpr(src: string): Expr {
  const p = new Parser(tokenize(src));
  const e = p.expr();
  p.end();
  return e;
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
  const value = p.expr();
  p.end();
  return { target: target.v, targetPos: target.pos, op: op.v as Assignment['op'], value };
}
