import { subexpressions, type Expr } from '../expr/ast.ts';
import type { CompiledExpr } from '../scenario/model.ts';
import { formatScenarioTime } from '../time.ts';
import type { LintContext } from './context.ts';
import { absEval, conjuncts, contradicts, printExpr } from './ranges.ts';
import type { Range } from './variable-ranges.ts';

/** Reports a condition that never (want=false) or always (want=true) holds. */
export function describe(
  k: LintContext,
  c: CompiledExpr,
  want: boolean,
  t?: Range,
  locals?: ReadonlyMap<string, Range>,
): { text: string; offset: number } {
  const { part, reason } = explain(k, c.ast, want, t, locals);
  const whole = part === c.ast;
  const what = whole ? `\`${c.src.trim()}\`` : `\`${printExpr(part)}\``;
  return {
    text: `${what} ${want ? 'always holds' : 'never holds'}${reason ? `: ${reason}` : ''}`,
    offset: part.pos,
  };
}

/** Explains why a condition never (or always) holds, pointing at the part responsible. */
function explain(
  k: LintContext,
  e: Expr,
  want: boolean,
  t?: Range,
  locals?: ReadonlyMap<string, Range>,
): { part: Expr; reason: string } {
  const cx = k.cx(t, locals);
  const fixed = (x: Expr): boolean | undefined => {
    const a = absEval(x, cx);
    if (a.kind !== 'bool') return undefined;
    return a.canTrue && !a.canFalse ? true : !a.canTrue && a.canFalse ? false : undefined;
  };
  for (let guard = 0; guard < 100; guard++) {
    if (e.kind === 'unary' && e.op === '!') {
      e = e.arg;
      want = !want;
      continue;
    }
    if (e.kind === 'binary' && (e.op === '&&' || e.op === '||')) {
      const decisive = e.op === '&&' ? false : true;
      if (want === decisive) {
        const child = [e.left, e.right].find((c) => fixed(c) === want);
        if (child) {
          e = child;
          continue;
        }
        const pair = e.op === '&&' ? contradicts(conjuncts(e), cx) : undefined;
        if (pair)
          return {
            part: e,
            reason:
              pair[0] === pair[1]
                ? reasonFor(k, pair[0])
                : `\`${printExpr(pair[0])}\` and \`${printExpr(pair[1])}\` cannot both hold`,
          };
        return { part: e, reason: '' };
      }
      e = e.left;
      continue;
    }
    break;
  }
  return { part: e, reason: reasonFor(k, e) };
}

export function reasonFor(k: LintContext, e: Expr): string {
  const names: string[] = [];
  const walk = (x: Expr): void => {
    if (x.kind === 'var') names.push(x.name);
    else if (x.kind === 'call') {
      const id = x.args[0]?.kind === 'str' ? x.args[0].value : undefined;
      if (id !== undefined && x.fn === 'fired' && !k.reachI.has(id)) names.push(`inject:${id}`);
      if (id !== undefined && ['chose', 'decided', 'opened'].includes(x.fn) && !k.reachD.has(id))
        names.push(`decision:${id}`);
      if (id !== undefined && x.fn === 'chose' && k.reachD.has(id) && x.args[1]?.kind === 'str')
        names.push(`option:${id}:${x.args[1].value}`);
    }
    subexpressions(x).forEach(walk);
  };
  walk(e);
  const reasons = [...new Set(names)].flatMap((n) => {
    if (n.startsWith('inject:')) return [`inject \`${n.slice(7)}\` can never happen`];
    if (n.startsWith('decision:')) return [`decision \`${n.slice(9)}\` can never open`];
    if (n.startsWith('option:')) {
      const [, d, o] = n.split(':');
      return [`option \`${o}\` of \`${d}\` can never be chosen`];
    }
    if (n === 't')
      return [
        `the clock \`t\` runs only from ${formatScenarioTime(k.clock.lo)} to ${formatScenarioTime(k.clock.hi)} here`,
      ];
    const v = k.s.variables.find((x) => x.id === n);
    const r = k.vars.get(n);
    if (!v || !r) return [];
    const range = r.kind === 'num' ? `[${fmt(r.lo)}, ${fmt(r.hi)}]` : '';
    switch (k.why.get(n)) {
      case 'constant':
        return [`no effect ever changes \`${n}\`, so it stays ${String(v.initial)}`];
      case 'bounds':
        return [`\`${n}\` is declared within [${fmt(v.min ?? -Infinity)}, ${fmt(v.max ?? Infinity)}]`];
      case 'grows':
        return [`\`${n}\` only ever grows from ${String(v.initial)}, so it stays within ${range}`];
      case 'shrinks':
        return [`\`${n}\` only ever falls from ${String(v.initial)}, so it stays within ${range}`];
      default:
        return [];
    }
  });
  return reasons.join('; ');
}

function fmt(n: number): string {
  return n === Infinity ? '∞' : n === -Infinity ? '-∞' : String(n);
}
