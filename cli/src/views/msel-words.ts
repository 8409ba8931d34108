import {
  BINARY_PRECEDENCE,
  formatVariable,
  localize,
  type BinaryOp,
  type Expr,
  type Lang,
  type Scenario,
} from '@drill/engine';
import { EXPRESSION_WORDS as W, fillWords, scenarioTimeText } from '@drill/report';

/** A decision kind in words (the MSEL's "Decide (…)"), never the format's keyword. */
export function kindWords(kind: 'single' | 'multi' | 'allocate' | 'discuss', lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (kind) {
    case 'single':
      return zh ? '单选' : 'one option';
    case 'multi':
      return zh ? '多选' : 'several options';
    case 'allocate':
      return zh ? '分配' : 'allocation';
    case 'discuss':
      return zh ? '研讨' : 'discussion';
    default: {
      const never: never = kind;
      return never;
    }
  }
}

type Comparison = keyof typeof W.time;

/** Operators whose right side may hold the same operator without brackets: `a and (b and c)` reads as `a and b and c`. */
const ASSOCIATIVE = new Set<BinaryOp>(['||', '&&', '+', '*']);

/** How tightly a node binds, to decide where words need brackets (the parser's precedence). */
function prec(e: Expr): number {
  switch (e.kind) {
    case 'cond':
      return 0;
    case 'binary':
      return BINARY_PRECEDENCE[e.op];
    case 'unary':
      return 7;
    case 'num':
    case 'bool':
    case 'str':
    case 'var':
    case 'call':
      return 8;
    default: {
      const never: never = e;
      return never;
    }
  }
}

const isComparison = (op: BinaryOp): op is Comparison => Object.hasOwn(W.time, op);

/** The number a literal stands for: `5`, or `-5` (parsed as minus applied to 5). */
function literal(e: Expr): number | undefined {
  if (e.kind === 'num') return e.value;
  if (e.kind === 'unary' && e.op === '-' && e.arg.kind === 'num') return -e.arg.value;
  return undefined;
}

/**
 * The first sentence of a text, on one line, never cut inside it (a cut by "…" once split ids apart).
 * Live values (`{res_level}`) are named by their variable's name, so no id reaches the reader.
 */
function firstSentence(s: Scenario, text: string, lang: Lang): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /[。？！；?!;]|\.(?=\s|$)/.exec(flat);
  const sentence = end ? flat.slice(0, end.index + 1) : flat;
  return sentence.replace(/\{([a-z][a-z0-9_]*)\}/g, (m, id: string) => {
    const v = s.variables.find((x) => x.id === id);
    return v ? `{${localize(v.name, lang)}}` : m;
  });
}

/**
 * A condition in the trainer's words, in `lang`: every operator and function of the expression language
 * (EXPRESSION_WORDS in the report's glossary), decisions by their prompts' first sentences, options by
 * their labels, injects by their titles, variables by name with their units, the scenario time as a
 * time. Brackets appear where the words alone would be ambiguous.
 */
export function conditionWords(s: Scenario, e: Expr, lang: Lang): string {
  const str = (x: Expr | undefined): string => (x?.kind === 'str' ? x.value : '');
  const decision = (id: string): string => {
    const d = s.decisions.find((x) => x.id === id);
    return d ? fillWords(W.decision[lang], [firstSentence(s, localize(d.prompt, lang), lang)], lang) : id;
  };
  const bracket = (x: string): string => `${W.open[lang]}${x}${W.close[lang]}`;
  /** `x` in words, in brackets when it binds less tightly than `min`. */
  const sub = (x: Expr, min: number): string => (prec(x) < min ? bracket(go(x)) : go(x));
  const variationOf = (x: Expr): Scenario['variations'][number] | undefined =>
    x.kind === 'call' && x.fn === 'variation'
      ? s.variations.find((y) => y.id === str(x.args[0]))
      : x.kind === 'var'
        ? s.variations.find((y) => `variation.${y.id}` === x.name)
        : undefined;
  const variableOf = (x: Expr): Scenario['variables'][number] | undefined =>
    x.kind === 'var' ? s.variables.find((y) => y.id === x.name) : undefined;

  const binary = (x: Extract<Expr, { kind: 'binary' }>): string => {
    const p = BINARY_PRECEDENCE[x.op];
    const left = (): string => sub(x.left, p);
    const right = (): string => sub(x.right, ASSOCIATIVE.has(x.op) ? p : p + 1);
    if (x.op === '==' || x.op === '!=') {
      // `decided('x') == false` reads as "not decided".
      const [b, other] =
        x.right.kind === 'bool' ? [x.right, x.left] : x.left.kind === 'bool' ? [x.left, x.right] : [];
      if (b && other) {
        const holds = b.value === (x.op === '==');
        return holds ? go(other) : fillWords(W.unary['!'][lang], [sub(other, 7)], lang);
      }
      // A variation compared with an outcome reads with the outcome's label.
      const vr = variationOf(x.left);
      const outcome =
        vr && x.right.kind === 'str' ? vr.outcomes.find((o) => o.id === str(x.right)) : undefined;
      if (vr && outcome)
        return fillWords(
          W.binary[x.op][lang],
          [go(x.left), `“${localize(outcome.label, lang) || outcome.id}”`],
          lang,
        );
    }
    if (isComparison(x.op)) {
      // The scenario time compared with a time reads as a time: "no earlier than 13 hours before T0".
      const [ln, rn] = [literal(x.left), literal(x.right)];
      if (x.left.kind === 'var' && x.left.name === 't' && rn !== undefined)
        return fillWords(W.time[x.op][lang], [go(x.left), scenarioTimeText(rn, lang)], lang);
      // A variable compared with a number reads with the variable's unit (or level name).
      const lv = variableOf(x.left);
      if (lv && rn !== undefined)
        return fillWords(W.binary[x.op][lang], [go(x.left), formatVariable(lv, rn, lang)], lang);
      const rv = variableOf(x.right);
      if (rv && ln !== undefined)
        return fillWords(W.binary[x.op][lang], [formatVariable(rv, ln, lang), go(x.right)], lang);
    }
    return fillWords(W.binary[x.op][lang], [left(), right()], lang);
  };

  const call = (x: Extract<Expr, { kind: 'call' }>): string => {
    const [a, b] = x.args;
    const fn = Object.hasOwn(W.fn, x.fn) ? (x.fn as keyof typeof W.fn) : undefined;
    // A function argument that is itself an operation is bracketed: "(a times b) rounded down".
    const args = (): string[] => x.args.map((y) => sub(y, 8));
    switch (fn) {
      case 'chose': {
        const d = s.decisions.find((y) => y.id === str(a));
        const o = localize(d?.options.find((y) => y.id === str(b))?.label, lang) || str(b);
        return fillWords(W.fn.chose[lang], [decision(str(a)), firstSentence(s, o, lang)], lang);
      }
      case 'decided':
      case 'opened':
        return fillWords(W.fn[fn][lang], [decision(str(a))], lang);
      case 'fired': {
        const i = s.injects.find((y) => y.id === str(a));
        const t = i ? localize(i.title, lang) || firstSentence(s, localize(i.text, lang), lang) : '';
        return fillWords(W.fn.fired[lang], [t || str(a)], lang);
      }
      case 'variation':
        return fillWords(
          W.fn.variation[lang],
          [localize(s.variations.find((y) => y.id === str(a))?.description, lang) || str(a)],
          lang,
        );
      case 'min':
      case 'max':
      case 'abs':
      case 'round':
      case 'floor':
      case 'ceil':
      case 'clamp':
      case 'rand':
        return fillWords(W.fn[fn][lang], args(), lang);
      case undefined:
        // The checker refuses unknown functions, so a compiled scenario never gets here.
        return `${x.fn}${bracket(args().join(W.listSeparator[lang]))}`;
      default: {
        const never: never = fn;
        return never;
      }
    }
  };

  const go = (x: Expr): string => {
    switch (x.kind) {
      case 'num':
        return String(x.value);
      case 'bool':
        return (x.value ? W.yes : W.no)[lang];
      case 'str':
        return `“${x.value}”`;
      case 'var': {
        if (x.name === 't') return W.scenarioTime[lang];
        const vn = /^variation\.(.+)$/.exec(x.name)?.[1];
        const vr = vn !== undefined ? s.variations.find((y) => y.id === vn) : undefined;
        if (vr) return localize(vr.description, lang) || vr.id;
        const v = s.variables.find((y) => y.id === x.name);
        return v ? localize(v.name, lang) : x.name;
      }
      case 'unary':
        // A negative number is written as one: -5.
        if (x.op === '-' && x.arg.kind === 'num') return String(-x.arg.value);
        return fillWords(W.unary[x.op][lang], [sub(x.arg, 7)], lang);
      case 'binary':
        return binary(x);
      case 'cond':
        return fillWords(W.cond[lang], [sub(x.test, 1), sub(x.then, 1), sub(x.else, 1)], lang);
      case 'call':
        return call(x);
      default: {
        const never: never = x;
        return never;
      }
    }
  };
  return go(e);
}
