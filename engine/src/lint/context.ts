import { subexpressions, type Expr } from '../expr/ast.ts';
import type { SourceMap } from '../scenario/compile.ts';
import type { Diagnostic } from '../scenario/diagnostics.ts';
import type { CompiledExpr, Scenario } from '../scenario/model.ts';
import type { ListKey } from '../scenario/schema-items.ts';
import { describe, reasonFor } from './explain.ts';
import { absEval, printExpr, type Abs, type RangeContext } from './ranges.ts';
import { reachability } from './reachability.ts';
import { variableRanges, type Range, type Why } from './variable-ranges.ts';

/** Lint rule codes, one per kind of loose end (documented in scenarios/FORMAT.md). */
export const LINT_CODES = [
  'unreachable-inject',
  'unreachable-decision',
  'unreachable-ending',
  'dead-end',
  'option-never-offered',
  'unscored-objective',
  'unscored-capability',
  'same-minute-due',
  'missing-translation',
  'constant-condition',
  'answer-giveaway',
] as const;
export type LintCode = (typeof LINT_CODES)[number];

export type Sub = (string | number)[];

/**
 * What every lint rule shares: the scenario, the sound over-approximation of its reachable states
 * (variable ranges, the decisions, options and injects that can happen), and the warnings so far.
 */
export class LintContext {
  readonly out: Diagnostic[] = [];
  readonly vars: Map<string, Abs>;
  readonly why: Map<string, Why>;
  /** Decisions that can open, injects that can fire, and `decision\0option` pairs that can be offered. */
  readonly reachD = new Set<string>();
  readonly reachI = new Set<string>();
  readonly offered = new Set<string>();
  readonly clock: Range;

  constructor(
    readonly s: Scenario,
    private readonly source: SourceMap | undefined,
  ) {
    this.clock = { lo: s.clock.start, hi: s.clock.end };
    const r = variableRanges(s);
    this.vars = r.vars;
    this.why = r.why;
    reachability(this);
  }

  warn(
    list: ListKey | undefined,
    id: string | undefined,
    sub: Sub,
    code: LintCode,
    message: string,
    hint?: string,
    offset?: number,
  ): void {
    const p = this.source?.locate(list, id, sub, offset) ?? {
      file: this.s.id,
      line: 1,
      column: 1,
      path: [
        list,
        id === undefined ? undefined : `[${id}]`,
        ...sub.map((x) => (typeof x === 'number' ? `[${x}]` : `.${x}`)),
      ]
        .filter(Boolean)
        .join(''),
    };
    this.out.push({ severity: 'warning', code, ...p, message, ...(hint ? { hint } : {}) });
  }

  cx(t: Range = this.clock, locals?: ReadonlyMap<string, Range>): RangeContext {
    return {
      vars: this.vars,
      t,
      ...(locals ? { locals } : {}),
      canChoose: (d, o) => {
        if (!this.reachD.has(d)) return false;
        const dp = this.s.decisions.find((x) => x.id === d);
        return (
          this.offered.has(`${d}\0${o}`) ||
          (dp !== undefined && dp.kind !== 'allocate' && dp.default.includes(o))
        );
      },
      canOpen: (d) => this.reachD.has(d),
      canFire: (i) => this.reachI.has(i),
      variationValues: (v) => {
        const x = this.s.variations.find((y) => y.id === v);
        return x ? new Set(['', ...x.outcomes.map((o) => o.id)]) : undefined;
      },
    };
  }

  can(
    c: CompiledExpr | undefined,
    t?: Range,
    locals?: ReadonlyMap<string, Range>,
  ): { canTrue: boolean; canFalse: boolean } {
    if (!c) return { canTrue: true, canFalse: false };
    const a = absEval(c.ast, this.cx(t, locals));
    if (a.kind === 'bool') return a;
    return { canTrue: true, canFalse: true };
  }

  injectTime(i: Scenario['injects'][number]): Range {
    if (i.at !== undefined) return { lo: i.at, hi: i.at };
    return { lo: i.from ?? this.clock.lo, hi: i.until ?? this.clock.hi };
  }

  /** Who can deliver a follow-up-only item: "options `d.o`, …" or undefined when nothing names it. */
  triggers(kind: 'inject' | 'decision', id: string): string[] {
    return this.s.decisions.flatMap((d) =>
      d.options.filter((o) => o.then.some((f) => f[kind] === id)).map((o) => `${d.id}.${o.id}`),
    );
  }

  /** Parts of a condition (comparisons) that are constant on their own, when the whole is not. */
  constantParts(
    list: ListKey,
    id: string,
    sub: Sub,
    c: CompiledExpr,
    t?: Range,
    locals?: ReadonlyMap<string, Range>,
  ): void {
    const cx = this.cx(t, locals);
    const visit = (e: Expr): void => {
      if (e.kind === 'binary' && ['<', '<=', '>', '>=', '==', '!='].includes(e.op)) {
        const a = absEval(e, cx);
        if (a.kind === 'bool' && a.canTrue !== a.canFalse) {
          const reason = reasonFor(this, e);
          this.warn(
            list,
            id,
            sub,
            'constant-condition',
            `part of this condition is always ${a.canTrue}: \`${printExpr(e)}\` ${a.canTrue ? 'always holds' : 'never holds'}${reason ? `: ${reason}` : ''}`,
            undefined,
            e.pos,
          );
          return;
        }
      }
      subexpressions(e).forEach(visit);
    };
    visit(c.ast);
  }

  /** A condition that may be constant: reports the whole if it is, else any constant comparison inside. */
  condition(
    list: ListKey,
    id: string,
    sub: Sub,
    c: CompiledExpr,
    opts: { t?: Range; locals?: ReadonlyMap<string, Range>; ifTrue?: string; ifFalse?: string },
  ): void {
    const r = this.can(c, opts.t, opts.locals);
    if (r.canTrue && r.canFalse) return this.constantParts(list, id, sub, c, opts.t, opts.locals);
    const d = describe(this, c, r.canTrue, opts.t, opts.locals);
    const tail = r.canTrue ? opts.ifTrue : opts.ifFalse;
    this.warn(
      list,
      id,
      sub,
      'constant-condition',
      `condition is always ${r.canTrue}: ${d.text}`,
      tail,
      d.offset,
    );
  }
}
