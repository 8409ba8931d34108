import { giveaways } from '../giveaways.ts';
import type { Expr } from '../expr/ast.ts';
import type { SourceMap } from '../scenario/compile.ts';
import { sortDiagnostics, type Diagnostic } from '../scenario/diagnostics.ts';
import type { CompiledEffect, CompiledExpr, DecisionPoint, Scenario } from '../scenario/model.ts';
import { DEFAULT_CAPABILITIES } from '../scenario/rubric.ts';
import type { ListKey } from '../scenario/schema-items.ts';
import { missingLanguages, type LocalizedText } from '../text.ts';
import { formatScenarioTime } from '../time.ts';
import { absEval, conjuncts, contradicts, printExpr, type Abs, type RangeContext } from './ranges.ts';

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

type Sub = (string | number)[];
type Why = 'constant' | 'bounds' | 'grows' | 'shrinks' | 'free';
type Range = { lo: number; hi: number };

/**
 * Warns about loose ends in a compiled scenario: things that can never happen, dead ends, unscored
 * objectives, clashing deadlines, missing translations and constant conditions. Pure static analysis
 * over a sound over-approximation of the reachable states, so every "never" it reports is certain.
 * `source` (from `compileScenario`) places each warning at file:line:column.
 */
export function lintScenario(scenario: Scenario, source?: SourceMap): Diagnostic[] {
  return new Linter(scenario, source).run();
}

class Linter {
  private out: Diagnostic[] = [];
  private vars = new Map<string, Abs>();
  private why = new Map<string, Why>();
  private reachD = new Set<string>();
  private reachI = new Set<string>();
  private offered = new Set<string>();
  private clock: Range;

  constructor(
    private readonly s: Scenario,
    private readonly source: SourceMap | undefined,
  ) {
    this.clock = { lo: s.clock.start, hi: s.clock.end };
  }

  run(): Diagnostic[] {
    this.variableRanges();
    this.reachability();
    this.injects();
    this.decisions();
    this.dynamicsAndFeedback();
    this.endings();
    this.scoring();
    this.deadlines();
    this.translations();
    this.giveaways();
    return sortDiagnostics(this.out);
  }

  /** A best option whose label is by far the longest gives the answer away to someone who guesses. */
  private giveaways(): void {
    const langs = new Map<string, string[]>();
    for (const lang of this.s.languages)
      for (const id of giveaways(this.s, lang, []).farLongest)
        langs.set(id, [...(langs.get(id) ?? []), lang]);
    for (const [id, ls] of langs)
      this.warn(
        'decisions',
        id,
        ['options'],
        'answer-giveaway',
        `the best option of \`${id}\` has by far the longest label (${ls.join(', ')}): a guesser picks it`,
        'give the other options the same length and specificity, each with its own logic and cost',
      );
  }

  private warn(
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

  private cx(t: Range = this.clock, locals?: ReadonlyMap<string, Range>): RangeContext {
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

  /** Every effect with the names in scope where it runs. */
  private allEffects(): { e: CompiledEffect; locals?: Map<string, Range> }[] {
    const s = this.s;
    const amount = new Map([['amount', { lo: 0, hi: Infinity }]]);
    return [
      ...s.variations.flatMap((v) => v.outcomes.flatMap((o) => o.effects.map((e) => ({ e })))),
      ...s.dynamics.flatMap((d) => d.effects.map((e) => ({ e }))),
      ...s.injects.flatMap((i) => i.effects.map((e) => ({ e }))),
      ...s.decisions.flatMap((d) =>
        d.options.flatMap((o) =>
          o.effects.map((e) => (d.kind === 'allocate' ? { e, locals: amount } : { e })),
        ),
      ),
    ];
  }

  /**
   * The range each variable can take: its initial value if no effect changes it; else its declared
   * bounds (the engine clamps to them), narrowed on one side when every change goes the same way.
   */
  private variableRanges(): void {
    const effects = this.allEffects();
    for (const v of this.s.variables) {
      const bounds: Range = { lo: v.min ?? -Infinity, hi: v.max ?? Infinity };
      if (v.type === 'boolean') this.vars.set(v.id, { kind: 'bool', canTrue: true, canFalse: true });
      else this.vars.set(v.id, { kind: 'num', ...bounds });
    }
    const base = new Map(this.vars);
    const all = this.cxAll(base);
    for (const v of this.s.variables) {
      const mine = effects.filter((x) => x.e.ast.target === v.id);
      if (mine.length === 0) {
        this.vars.set(
          v.id,
          v.type === 'boolean'
            ? { kind: 'bool', canTrue: v.initial === true, canFalse: v.initial !== true }
            : { kind: 'num', lo: Number(v.initial), hi: Number(v.initial) },
        );
        this.why.set(v.id, 'constant');
        continue;
      }
      if (v.type !== 'number') {
        this.why.set(v.id, 'free');
        continue;
      }
      const dirs = mine.map(({ e, locals }) => {
        const r = absEval(e.ast.value, locals ? { ...all, locals } : all);
        if (r.kind !== 'num') return 0;
        if (e.ast.op === '+=') return r.lo >= 0 ? 1 : r.hi <= 0 ? -1 : 0;
        if (e.ast.op === '-=') return r.hi <= 0 ? 1 : r.lo >= 0 ? -1 : 0;
        return 0;
      });
      const cur = this.vars.get(v.id) as Range & Abs;
      const init = Number(v.initial);
      if (dirs.every((d) => d === 1)) {
        this.vars.set(v.id, { kind: 'num', lo: init, hi: cur.hi });
        this.why.set(v.id, 'grows');
      } else if (dirs.every((d) => d === -1)) {
        this.vars.set(v.id, { kind: 'num', lo: cur.lo, hi: init });
        this.why.set(v.id, 'shrinks');
      } else this.why.set(v.id, v.min !== undefined || v.max !== undefined ? 'bounds' : 'free');
    }
  }

  /** A context in which every decision, option and inject may happen (for effect ranges). */
  private cxAll(vars: ReadonlyMap<string, Abs>): RangeContext {
    return { ...this.cxOptimistic(), vars };
  }
  private cxOptimistic(): RangeContext {
    return {
      vars: this.vars,
      t: this.clock,
      canChoose: () => true,
      canOpen: () => true,
      canFire: () => true,
      variationValues: () => undefined,
    };
  }

  private can(
    c: CompiledExpr | undefined,
    t?: Range,
    locals?: ReadonlyMap<string, Range>,
  ): { canTrue: boolean; canFalse: boolean } {
    if (!c) return { canTrue: true, canFalse: false };
    const a = absEval(c.ast, this.cx(t, locals));
    if (a.kind === 'bool') return a;
    return { canTrue: true, canFalse: true };
  }

  private injectTime(i: Scenario['injects'][number]): Range {
    if (i.at !== undefined) return { lo: i.at, hi: i.at };
    return { lo: i.from ?? this.clock.lo, hi: i.until ?? this.clock.hi };
  }

  /** Least fixpoint: start with nothing reachable and add what the current knowledge allows. */
  private reachability(): void {
    const s = this.s;
    for (let changed = true, guard = 0; changed && guard < 1000; guard++) {
      changed = false;
      const triggeredD = new Set<string>();
      const triggeredI = new Set<string>();
      for (const d of s.decisions) {
        if (!this.reachD.has(d.id)) continue;
        for (const o of d.options) {
          const offer = this.can(o.when).canTrue;
          if (offer && !this.offered.has(`${d.id}\0${o.id}`)) {
            this.offered.add(`${d.id}\0${o.id}`);
            changed = true;
          }
          // A default is applied when nobody decides, offered or not.
          if (offer || (d.kind !== 'allocate' && d.default.includes(o.id)))
            for (const f of o.then) {
              if (f.decision) triggeredD.add(f.decision);
              if (f.inject) triggeredI.add(f.inject);
            }
        }
      }
      for (const d of s.decisions) {
        if (this.reachD.has(d.id)) continue;
        const ok = d.followUpOnly
          ? triggeredD.has(d.id)
          : d.opens !== undefined || this.can(d.opensWhen).canTrue;
        if (ok) {
          this.reachD.add(d.id);
          changed = true;
        }
      }
      for (const i of s.injects) {
        if (this.reachI.has(i.id)) continue;
        const t = this.injectTime(i);
        const ok =
          triggeredI.has(i.id) ||
          (!i.followUpOnly && this.can(i.when, t).canTrue && (!i.unless || this.can(i.unless, t).canFalse));
        if (ok) {
          this.reachI.add(i.id);
          changed = true;
        }
      }
    }
  }

  /** Who can deliver a follow-up-only item: "options `d.o`, …" or undefined when nothing names it. */
  private triggers(kind: 'inject' | 'decision', id: string): string[] {
    return this.s.decisions.flatMap((d) =>
      d.options.filter((o) => o.then.some((f) => f[kind] === id)).map((o) => `${d.id}.${o.id}`),
    );
  }

  /** Explains why a condition never (or always) holds, pointing at the part responsible. */
  private explain(
    e: Expr,
    want: boolean,
    t?: Range,
    locals?: ReadonlyMap<string, Range>,
  ): { part: Expr; reason: string } {
    const cx = this.cx(t, locals);
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
                  ? this.reasonFor(pair[0])
                  : `\`${printExpr(pair[0])}\` and \`${printExpr(pair[1])}\` cannot both hold`,
            };
          return { part: e, reason: '' };
        }
        e = e.left;
        continue;
      }
      break;
    }
    return { part: e, reason: this.reasonFor(e) };
  }

  private reasonFor(e: Expr): string {
    const names: string[] = [];
    const walk = (x: Expr): void => {
      if (x.kind === 'var') names.push(x.name);
      else if (x.kind === 'unary') walk(x.arg);
      else if (x.kind === 'binary') {
        walk(x.left);
        walk(x.right);
      } else if (x.kind === 'cond') {
        walk(x.test);
        walk(x.then);
        walk(x.else);
      } else if (x.kind === 'call') {
        const id = x.args[0]?.kind === 'str' ? x.args[0].value : undefined;
        if (id !== undefined && x.fn === 'fired' && !this.reachI.has(id)) names.push(`inject:${id}`);
        if (id !== undefined && ['chose', 'decided', 'opened'].includes(x.fn) && !this.reachD.has(id))
          names.push(`decision:${id}`);
        if (id !== undefined && x.fn === 'chose' && this.reachD.has(id) && x.args[1]?.kind === 'str')
          names.push(`option:${id}:${x.args[1].value}`);
        x.args.forEach(walk);
      }
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
          `the clock \`t\` runs only from ${formatScenarioTime(this.clock.lo)} to ${formatScenarioTime(this.clock.hi)} here`,
        ];
      const v = this.s.variables.find((x) => x.id === n);
      const r = this.vars.get(n);
      if (!v || !r) return [];
      const range = r.kind === 'num' ? `[${fmt(r.lo)}, ${fmt(r.hi)}]` : '';
      switch (this.why.get(n)) {
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

  /** Reports a condition that never (want=false) or always (want=true) holds. */
  private describe(
    c: CompiledExpr,
    want: boolean,
    t?: Range,
    locals?: ReadonlyMap<string, Range>,
  ): { text: string; offset: number } {
    const { part, reason } = this.explain(c.ast, want, t, locals);
    const whole = part === c.ast;
    const what = whole ? `\`${c.src.trim()}\`` : `\`${printExpr(part)}\``;
    return {
      text: `${what} ${want ? 'always holds' : 'never holds'}${reason ? `: ${reason}` : ''}`,
      offset: part.pos,
    };
  }

  /** Parts of a condition (comparisons) that are constant on their own, when the whole is not. */
  private constantParts(
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
          const reason = this.reasonFor(e);
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
      if (e.kind === 'unary') visit(e.arg);
      else if (e.kind === 'binary') {
        visit(e.left);
        visit(e.right);
      } else if (e.kind === 'cond') {
        visit(e.test);
        visit(e.then);
        visit(e.else);
      } else if (e.kind === 'call') e.args.forEach(visit);
    };
    visit(c.ast);
  }

  /** A condition that may be constant: reports the whole if it is, else any constant comparison inside. */
  private condition(
    list: ListKey,
    id: string,
    sub: Sub,
    c: CompiledExpr,
    opts: { t?: Range; locals?: ReadonlyMap<string, Range>; ifTrue?: string; ifFalse?: string },
  ): void {
    const r = this.can(c, opts.t, opts.locals);
    if (r.canTrue && r.canFalse) return this.constantParts(list, id, sub, c, opts.t, opts.locals);
    const d = this.describe(c, r.canTrue, opts.t, opts.locals);
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

  /** A follow-up-only inject or decision that nothing (reachable) triggers: one rule for both kinds. */
  private unreachableFollowUp(kind: 'inject' | 'decision', id: string): void {
    const w =
      kind === 'inject'
        ? {
            list: 'injects' as const,
            happen: 'happen',
            at: '`at`',
            when: '`when`',
            does: 'delivers',
            doing: 'deliver',
          }
        : {
            list: 'decisions' as const,
            happen: 'open',
            at: '`opens`',
            when: '`opensWhen`',
            does: 'opens',
            doing: 'open',
          };
    const by = this.triggers(kind, id);
    const head = `${kind} \`${id}\` can never ${w.happen}`;
    if (by.length === 0)
      this.warn(
        w.list,
        id,
        [],
        `unreachable-${kind}`,
        `${head}: it has no ${w.at} or ${w.when}, and no option's \`then\` ${w.does} it`,
        `give it a time ${w.at}, a condition ${w.when}, or name it in an option’s \`then\``,
      );
    else
      this.warn(
        w.list,
        id,
        [],
        `unreachable-${kind}`,
        `${head}: only options that can never be chosen ${w.doing} it (${by.join(', ')})`,
      );
  }

  private injects(): void {
    for (const i of this.s.injects) {
      const t = this.injectTime(i);
      if (!this.reachI.has(i.id)) {
        if (i.followUpOnly) {
          this.unreachableFollowUp('inject', i.id);
        } else if (i.when && !this.can(i.when, t).canTrue) {
          const d = this.describe(i.when, false, t);
          this.warn(
            'injects',
            i.id,
            ['when'],
            'unreachable-inject',
            `inject \`${i.id}\` can never happen: ${d.text}`,
            undefined,
            d.offset,
          );
        } else if (i.unless) {
          const d = this.describe(i.unless, true, t);
          this.warn(
            'injects',
            i.id,
            ['unless'],
            'unreachable-inject',
            `contingency \`${i.id}\` can never fire: its \`unless\` ${d.text}`,
            undefined,
            d.offset,
          );
        }
        continue;
      }
      if (i.when && this.can(i.when, t).canTrue)
        this.condition('injects', i.id, ['when'], i.when, {
          t,
          ifTrue:
            i.at !== undefined
              ? 'drop the `when`: the inject fires at its time anyway'
              : 'give it a time `at` instead',
        });
      if (i.unless)
        this.condition('injects', i.id, ['unless'], i.unless, {
          t,
          ifFalse: 'this contingency always fires: drop `unless`, or check what the expected action sets',
        });
    }
  }

  private decisions(): void {
    for (const d of this.s.decisions) {
      if (!this.reachD.has(d.id)) {
        if (d.followUpOnly) {
          this.unreachableFollowUp('decision', d.id);
        } else if (d.opensWhen) {
          const x = this.describe(d.opensWhen, false);
          this.warn(
            'decisions',
            d.id,
            ['opensWhen'],
            'unreachable-decision',
            `decision \`${d.id}\` can never open: ${x.text}`,
            undefined,
            x.offset,
          );
        }
        continue;
      }
      if (d.opensWhen)
        this.condition('decisions', d.id, ['opensWhen'], d.opensWhen, {
          ifTrue: 'it opens at the start: use `opens` instead',
        });
      d.options.forEach((o, i) => {
        if (!o.when) return;
        if (!this.offered.has(`${d.id}\0${o.id}`)) {
          const x = this.describe(o.when, false);
          this.warn(
            'decisions',
            d.id,
            ['options', i, 'when'],
            'option-never-offered',
            `option \`${o.id}\` of \`${d.id}\` can never be offered: ${x.text}`,
            undefined,
            x.offset,
          );
        } else
          this.condition('decisions', d.id, ['options', i, 'when'], o.when, {
            ifTrue: 'drop the `when`: the option is always offered',
          });
      });
    }
  }

  private allocationLocals(d: DecisionPoint): Map<string, Range> {
    const budget = d.budget ? absEval(d.budget.ast, this.cx()) : undefined;
    const top = budget?.kind === 'num' ? Math.max(0, budget.hi) : Infinity;
    return new Map(d.options.map((o) => [o.id, { lo: 0, hi: Math.min(top, o.max ?? Infinity) }]));
  }

  private dynamicsAndFeedback(): void {
    for (const d of this.s.dynamics)
      if (d.when)
        this.condition('dynamics', d.id, ['when'], d.when, {
          t: { lo: d.from, hi: d.until },
          ifFalse: 'this dynamic never applies',
          ifTrue: 'drop the `when`',
        });
    for (const d of this.s.decisions) {
      if (!this.reachD.has(d.id) || d.kind !== 'allocate') continue;
      const locals = this.allocationLocals(d);
      d.feedback.forEach((f, i) =>
        this.condition('decisions', d.id, ['feedback', i, 'when'], f.when, { locals }),
      );
    }
  }

  private endings(): void {
    const s = this.s;
    let shadow: string | undefined;
    const live: CompiledExpr[] = [];
    let fallback = false;
    for (const e of s.endings) {
      if (shadow) {
        this.warn(
          'endings',
          e.id,
          [],
          'unreachable-ending',
          `ending \`${e.id}\` can never be reached: \`${shadow}\` comes first and always applies`,
          'endings are tried in order: put the fallback last',
        );
        continue;
      }
      if (!e.when) {
        shadow = e.id;
        fallback = true;
        continue;
      }
      const r = this.can(e.when);
      if (!r.canTrue) {
        const x = this.describe(e.when, false);
        this.warn(
          'endings',
          e.id,
          ['when'],
          'unreachable-ending',
          `ending \`${e.id}\` can never be reached: ${x.text}`,
          undefined,
          x.offset,
        );
        continue;
      }
      if (!r.canFalse) {
        const x = this.describe(e.when, true);
        this.warn(
          'endings',
          e.id,
          ['when'],
          'constant-condition',
          `condition is always true: ${x.text}`,
          'drop the `when` to make it the fallback ending',
        );
        shadow = e.id;
        fallback = true;
        continue;
      }
      this.constantParts('endings', e.id, ['when'], e.when);
      live.push(e.when);
    }
    if (fallback) return;
    if (s.endings.length === 0) {
      this.warn(
        undefined,
        undefined,
        [],
        'dead-end',
        'dead end: the scenario has no endings, so no drill ever reaches one',
        'add `endings:`, the last one without `when` (the fallback)',
      );
      return;
    }
    // A dead end exists if all endings' conditions can fail together: their negations are jointly satisfiable.
    const negs = live.flatMap((c) => conjuncts(negate(c.ast)));
    const all = negs.reduce<Expr | undefined>(
      (acc, n) => (acc ? { kind: 'binary', op: '&&', left: acc, right: n, pos: 0 } : n),
      undefined,
    );
    const a = all ? absEval(all, this.cx()) : { kind: 'bool' as const, canTrue: true, canFalse: false };
    if (a.kind === 'bool' && !a.canTrue) return;
    const example = live.length
      ? `none of ${live.map((c) => `\`${c.src.trim()}\``).join(', ')} holds`
      : 'no ending can be reached';
    this.warn(
      undefined,
      undefined,
      ['endings'],
      'dead-end',
      `dead end: a drill can finish where ${example}, and there is no fallback ending`,
      'add a last ending without `when`, or make the conditions cover every case',
    );
  }

  /** Objectives and capabilities that no decision scores. */
  private scoring(): void {
    const s = this.s;
    const scored = new Set<string>();
    for (const d of s.decisions) {
      if (!this.reachD.has(d.id)) continue;
      scored.add(d.capability);
      // A discussion's tags count: its capabilities are weighed by the evaluators, not by a score.
      for (const c of d.capabilities ?? []) scored.add(c);
      if (d.kind === 'single') for (const o of d.options) if (o.capability) scored.add(o.capability);
    }
    for (const o of s.objectives) {
      const missing = o.capabilities.filter((c) => !scored.has(c));
      if (missing.length === o.capabilities.length)
        this.warn(
          'objectives',
          o.id,
          ['capabilities'],
          'unscored-objective',
          `objective \`${o.id}\` is scored by no decision: none of its capabilities (${o.capabilities.join(', ')}) is a decision's capability`,
          'give a decision one of these capabilities, or remove the objective',
        );
      else
        for (const c of missing)
          this.warn(
            'objectives',
            o.id,
            ['capabilities', o.capabilities.indexOf(c)],
            'unscored-objective',
            `objective \`${o.id}\` lists capability \`${c}\`, which no decision scores`,
            'set it as a decision’s (or an option’s) `capability`, or remove it from the objective',
          );
    }
    const own = s.capabilities.slice(DEFAULT_CAPABILITIES.length);
    for (const c of own)
      if (!scored.has(c.id))
        this.warn(
          'capabilities',
          c.id,
          [],
          'unscored-capability',
          `capability \`${c.id}\` is scored by no decision`,
          'set it as a decision’s `capability`, or remove it',
        );
  }

  /** Two decisions due at the same minute for the same role: one person cannot answer both on time. */
  private deadlines(): void {
    const dues = this.s.decisions
      .filter((d) => this.reachD.has(d.id))
      .flatMap((d) => {
        const at = 'abs' in d.due ? d.due.abs : d.opens !== undefined ? d.opens + d.due.rel : undefined;
        return at === undefined ? [] : [{ d, at }];
      });
    for (let j = 0; j < dues.length; j++)
      for (let i = 0; i < j; i++) {
        const a = dues[i]!;
        const b = dues[j]!;
        if (a.at !== b.at) continue;
        const shared =
          a.d.roles.includes('all') || b.d.roles.includes('all')
            ? ['all']
            : a.d.roles.filter((r) => b.d.roles.includes(r));
        if (shared.length === 0) continue;
        this.warn(
          'decisions',
          b.d.id,
          ['due'],
          'same-minute-due',
          `decisions \`${a.d.id}\` and \`${b.d.id}\` are both due at ${formatScenarioTime(b.at)} for ${shared.map((r) => `\`${r}\``).join(', ')}`,
          'stagger the deadlines so one role does not face two at once',
        );
      }
  }

  private translations(): void {
    const s = this.s;
    const langs = s.languages;
    const check = (
      list: ListKey | undefined,
      id: string | undefined,
      sub: Sub,
      text: LocalizedText | undefined,
    ): void => {
      if (text === undefined) return;
      const missing = missingLanguages(text, langs);
      if (missing.length)
        this.warn(
          list,
          id,
          sub,
          'missing-translation',
          `text has no ${missing.map((l) => `\`${l}\``).join(', ')} translation`,
          `write it as { ${langs.map((l) => `${l}: …`).join(', ')} }`,
        );
    };
    check(undefined, undefined, ['title'], s.title);
    check(undefined, undefined, ['setting', 'place'], s.setting.place);
    check(undefined, undefined, ['setting', 'province'], s.setting.province);
    check(undefined, undefined, ['setting', 'season'], s.setting.season);
    check(undefined, undefined, ['clock', 'anchor'], s.clock.anchor);
    check(undefined, undefined, ['briefing'], s.briefing);
    for (const c of s.capabilities.slice(DEFAULT_CAPABILITIES.length)) {
      check('capabilities', c.id, ['name'], c.name);
      check('capabilities', c.id, ['description'], c.description);
    }
    for (const o of s.objectives) {
      check('objectives', o.id, ['text'], o.text);
      o.tasks.forEach((t, i) => check('objectives', o.id, ['tasks', i, 'text'], t.text));
    }
    for (const r of s.roles) {
      check('roles', r.id, ['name'], r.name);
      check('roles', r.id, ['description'], r.description);
    }
    for (const v of s.variables) {
      check('variables', v.id, ['name'], v.name);
      v.levels?.forEach((l, i) => check('variables', v.id, ['levels', i, 'label'], l.label));
    }
    for (const v of s.variations) {
      check('variations', v.id, ['description'], v.description);
      v.outcomes.forEach((o, i) => check('variations', v.id, ['outcomes', i, 'label'], o.label));
    }
    for (const i of s.injects) {
      check('injects', i.id, ['source'], i.source);
      check('injects', i.id, ['title'], i.title);
      check('injects', i.id, ['text'], i.text);
    }
    for (const d of s.decisions) {
      check('decisions', d.id, ['prompt'], d.prompt);
      d.options.forEach((o, i) => {
        check('decisions', d.id, ['options', i, 'label'], o.label);
        check('decisions', d.id, ['options', i, 'feedback'], o.feedback);
      });
      d.feedback.forEach((f, i) => check('decisions', d.id, ['feedback', i, 'text'], f.text));
    }
    for (const e of s.endings) {
      check('endings', e.id, ['title'], e.title);
      check('endings', e.id, ['text'], e.text);
    }
    for (const o of s.outcomes) check('outcomes', o.id, ['label'], o.label);
  }
}

function fmt(n: number): string {
  return n === Infinity ? '∞' : n === -Infinity ? '-∞' : String(n);
}

const FLIP = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '==': '!=', '!=': '==' } as const;

/** The negation of a condition, pushed inwards so its comparisons stay comparisons. */
export function negate(e: Expr): Expr {
  if (e.kind === 'unary' && e.op === '!') return e.arg;
  if (e.kind === 'bool') return { ...e, value: !e.value };
  if (e.kind === 'binary') {
    if (e.op === '&&' || e.op === '||')
      return { ...e, op: e.op === '&&' ? '||' : '&&', left: negate(e.left), right: negate(e.right) };
    if (e.op in FLIP) return { ...e, op: FLIP[e.op as keyof typeof FLIP] };
  }
  return { kind: 'unary', op: '!', arg: e, pos: e.pos };
}
