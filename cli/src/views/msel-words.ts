import { formatVariable, localize, type Expr, type Lang, type Scenario } from '@drill/engine';

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

const OPS: Record<string, { en: string; 'zh-CN': string }> = {
  '<': { en: 'below', 'zh-CN': '低于' },
  '<=': { en: 'at most', 'zh-CN': '不高于' },
  '>': { en: 'above', 'zh-CN': '高于' },
  '>=': { en: 'at least', 'zh-CN': '不低于' },
  '==': { en: 'is', 'zh-CN': '为' },
  '!=': { en: 'is not', 'zh-CN': '不为' },
  '&&': { en: 'and', 'zh-CN': '且' },
  '||': { en: 'or', 'zh-CN': '或' },
};

/**
 * A condition in the trainer's words, in `lang`: decisions and options by their prompts' and labels'
 * names, variables by name with their units. What has no words (arithmetic) keeps its numbers.
 */
export function conditionWords(s: Scenario, e: Expr, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const decision = (id: string): string => {
    const d = s.decisions.find((x) => x.id === id);
    return d ? `“${short(localize(d.prompt, lang))}”` : id;
  };
  const str = (x: Expr | undefined): string => (x?.kind === 'str' ? x.value : '');
  const go = (x: Expr): string => {
    switch (x.kind) {
      case 'num':
        return String(x.value);
      case 'bool':
        return zh ? (x.value ? '是' : '否') : x.value ? 'yes' : 'no';
      case 'str':
        return x.value;
      case 'var': {
        const vn = /^variation\.(.+)$/.exec(x.name)?.[1];
        const vr = vn !== undefined ? s.variations.find((y) => y.id === vn) : undefined;
        if (vr) return localize(vr.description, lang) || vr.id;
        const v = s.variables.find((y) => y.id === x.name);
        return v ? localize(v.name, lang) : x.name;
      }
      case 'unary':
        return x.op === '!' ? (zh ? `并非${go(x.arg)}` : `not ${go(x.arg)}`) : `-${go(x.arg)}`;
      case 'binary': {
        const words = OPS[x.op];
        // A variable compared with a number reads with the variable's unit (or level name).
        const l = x.left;
        const v = l.kind === 'var' ? s.variables.find((y) => y.id === l.name) : undefined;
        // A variation compared with an outcome reads with the outcome's label.
        const vr =
          l.kind === 'call' && l.fn === 'variation'
            ? s.variations.find((y) => y.id === str(l.args[0]))
            : l.kind === 'var'
              ? s.variations.find((y) => `variation.${y.id}` === l.name)
              : undefined;
        const outcome =
          vr && x.right.kind === 'str' ? vr.outcomes.find((o) => o.id === str(x.right)) : undefined;
        if (outcome) return `${go(l)}${zh ? '：' : ': '}${localize(outcome.label, lang) || outcome.id}`;
        const right = v && x.right.kind === 'num' ? formatVariable(v, x.right.value, lang) : go(x.right);
        return words
          ? `${go(x.left)}${zh ? '' : ' '}${words[lang]}${zh ? '' : ' '}${right}`
          : `${go(x.left)} ${x.op} ${right}`;
      }
      case 'cond':
        return `${go(x.test)} ? ${go(x.then)} : ${go(x.else)}`;
      case 'call': {
        const [a, b] = x.args;
        switch (x.fn) {
          case 'chose': {
            const d = s.decisions.find((y) => y.id === str(a));
            const o = localize(d?.options.find((y) => y.id === str(b))?.label, lang) || str(b);
            return zh ? `${decision(str(a))}选择了“${short(o)}”` : `${decision(str(a))} chose “${short(o)}”`;
          }
          case 'decided':
            return zh ? `${decision(str(a))}已作出决策` : `${decision(str(a))} was decided`;
          case 'opened':
            return zh ? `${decision(str(a))}已开始` : `${decision(str(a))} was opened`;
          case 'fired': {
            const i = s.injects.find((y) => y.id === str(a));
            const t = localize(i?.title ?? i?.text, lang);
            return zh ? `已发出“${short(t) || str(a)}”` : `“${short(t) || str(a)}” was delivered`;
          }
          case 'variation':
            return localize(s.variations.find((y) => y.id === str(a))?.description, lang) || str(a);
          default:
            return `${x.fn}(${x.args.map(go).join(', ')})`;
        }
      }
      default: {
        const never: never = x;
        return never;
      }
    }
  };
  return go(e);
}

/** The first 24 characters of a text, on one line. */
function short(t: string): string {
  const flat = t.replace(/\s+/g, ' ').trim();
  return flat.length > 24 ? `${flat.slice(0, 23)}…` : flat;
}
