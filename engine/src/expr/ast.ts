/** The expression language of conditions and effects: data parsed by our own parser, never eval'd. */
export type Expr =
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'bool'; value: boolean; pos: number }
  | { kind: 'str'; value: string; pos: number }
  | { kind: 'var'; name: string; pos: number }
  | { kind: 'unary'; op: '-' | '!'; arg: Expr; pos: number }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; pos: number }
  | { kind: 'cond'; test: Expr; then: Expr; else: Expr; pos: number }
  | { kind: 'call'; fn: string; args: Expr[]; pos: number };

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';

/**
 * How tightly each binary operator binds (higher first), as the parser reads them: the one table for
 * anything that prints an expression back and must bracket it the same way (the linter's ranges, the
 * MSEL's words).
 */
export const BINARY_PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  '||': 1,
  '&&': 2,
  '==': 3,
  '!=': 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

/** An effect statement: `evacuated += 1200`. */
export interface Assignment {
  target: string;
  targetPos: number;
  op: '=' | '+=' | '-=' | '*=' | '/=';
  value: Expr;
}

/** A parse problem with the character offset inside the expression text. */
export class ExprSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * An expression's direct subexpressions, in source order: the one place that knows which node kinds
 * hold which children, for every walk over the tree (the depth check, the linter's).
 */
export function subexpressions(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'num':
    case 'bool':
    case 'str':
    case 'var':
      return [];
    case 'unary':
      return [e.arg];
    case 'binary':
      return [e.left, e.right];
    case 'cond':
      return [e.test, e.then, e.else];
    case 'call':
      return e.args;
    default: {
      const never: never = e;
      return never;
    }
  }
}
