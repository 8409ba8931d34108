import { ExprSyntaxError } from '../expr/ast.ts';
import { checkExpr, didYouMean, type ExprScope, type ValueType } from '../expr/check.ts';
import { parseAssignment, parseExpr } from '../expr/parse.ts';
import type { KnownIds } from './link-ids.ts';
import type { LinkContext, Located, Path } from './link-context.ts';
import type { CompiledEffect, CompiledExpr } from './model.ts';

/** Parses and type-checks a scenario's conditions and effects, reporting problems at their place. */
export interface Expressions {
  /** A condition or value of type `want`; undefined when it does not parse. */
  expr(
    loc: Located<unknown>,
    sub: Path,
    src: string,
    want: ValueType,
    extra?: Partial<ExprScope>,
  ): CompiledExpr | undefined;
  /** A list of effect statements (`x += 1`); the ones that do not parse are left out. */
  effects(loc: Located<unknown>, sub: Path, list: string[], locals?: Set<string>): CompiledEffect[];
}

/** Step 2: the names an expression may use (variables, decisions and their options, injects, variations). */
export function linkExpressions(c: LinkContext, ids: KnownIds): Expressions {
  const L = c.lists;
  const varTypes = new Map<string, ValueType>(L.variables.map((v) => [v.value.id, v.value.type]));
  for (const b of c.brokenIds.variables) if (!varTypes.has(b)) varTypes.set(b, 'number');
  const scope: ExprScope = {
    variables: varTypes,
    decisions: new Map(
      L.decisions.map((d) => [d.value.id, new Set((d.value.options ?? []).map((o) => o.id))]),
    ),
    injects: ids.injects,
    variations: new Map(L.variations.map((v) => [v.value.id, new Set(v.value.outcomes.map((o) => o.id))])),
    allowRandom: false,
  };
  const push = c.diagnostics.push.bind(c.diagnostics);

  const expr: Expressions['expr'] = (loc, sub, src, want, extra = {}) => {
    const path = [...loc.path, ...sub];
    const base = loc.file.valueContentOffset(path);
    try {
      const ast = parseExpr(src);
      const r = checkExpr(ast, { ...scope, ...extra });
      for (const p of r.problems)
        push(
          loc.file.diagnostic(path, 'expression', p.message, {
            offset: base === undefined ? undefined : base + p.offset,
            hint: p.hint,
          }),
        );
      if (r.type && r.type !== want)
        push(
          loc.file.diagnostic(
            path,
            'expression-type',
            `this expression gives a ${r.type}; a ${want} is needed here`,
            want === 'boolean' ? { hint: 'compare it, e.g. `x > 0`' } : {},
          ),
        );
      return { src, ast };
    } catch (e) {
      if (!(e instanceof ExprSyntaxError)) throw e;
      // A lone `=` in a condition is a comparison meant as `==` (`=` sets a value, in effects only).
      const lone =
        src[e.offset] === '=' && !/[=<>!]/.test(src[e.offset - 1] ?? '') && src[e.offset + 1] !== '=';
      push(
        loc.file.diagnostic(
          path,
          'expression-syntax',
          lone ? '`=` sets a value (in effects); to compare, write `==`' : e.message,
          {
            offset: base === undefined ? undefined : base + e.offset,
            hint: lone ? `write "${src.slice(0, e.offset)}==${src.slice(e.offset + 1)}"` : e.hint,
          },
        ),
      );
      return undefined;
    }
  };

  const effects: Expressions['effects'] = (loc, sub, list, locals) => {
    const out: CompiledEffect[] = [];
    list.forEach((src, i) => {
      const path = [...loc.path, ...sub, i];
      const base = loc.file.valueContentOffset(path);
      const at = (o: number): number | undefined => (base === undefined ? undefined : base + o);
      try {
        const ast = parseAssignment(src);
        const target = varTypes.get(ast.target);
        if (!target) {
          const m = didYouMean(ast.target, varTypes.keys());
          push(
            loc.file.diagnostic(path, 'unknown-variable', `unknown variable \`${ast.target}\``, {
              offset: at(ast.targetPos),
              hint: m ? `did you mean \`${m}\`?` : 'declare it under `variables`',
            }),
          );
        }
        const r = checkExpr(ast.value, { ...scope, allowRandom: true, locals: locals ?? new Set() });
        for (const p of r.problems)
          push(loc.file.diagnostic(path, 'expression', p.message, { offset: at(p.offset), hint: p.hint }));
        if (target && r.type) {
          if (ast.op !== '=' && target !== 'number')
            push(
              loc.file.diagnostic(
                path,
                'expression-type',
                `\`${ast.op}\` needs a number variable; \`${ast.target}\` is a ${target}`,
                { offset: at(ast.targetPos) },
              ),
            );
          else if (r.type !== target)
            push(
              loc.file.diagnostic(
                path,
                'expression-type',
                `\`${ast.target}\` is a ${target} but this gives a ${r.type}`,
                {
                  offset: at(ast.value.pos),
                },
              ),
            );
        }
        out.push({ src, ast });
      } catch (e) {
        if (!(e instanceof ExprSyntaxError)) throw e;
        push(
          loc.file.diagnostic(path, 'expression-syntax', e.message, { offset: at(e.offset), hint: e.hint }),
        );
      }
    });
    return out;
  };

  return { expr, effects };
}
