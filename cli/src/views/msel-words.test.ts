import { describe, expect, it } from 'vitest';
import { EXPR_FUNCTIONS, LANGUAGES, localize, type Expr } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { parseExpr } from '../../../engine/src/expr/parse.ts';
import { conditionWords } from './msel-words.ts';

const s = loadScenario('typhoon');

/** `{id}` in an expected text: the variable's name in `lang` (names are the scenario's, not this test's). */
const named = (text: string, lang: 'en' | 'zh-CN'): string =>
  text.replace(/\{([a-z_]+)\}/g, (_, id: string) =>
    localize(s.variables.find((v) => v.id === id)!.name, lang),
  );

/**
 * One case per form the expression language allows (engine/src/expr: every node kind, every operator,
 * every function), with the words a trainer reads in each language. The coverage test below fails when
 * the language gains a form this table does not word.
 */
const CASES: { src: string; en: string; zh: string }[] = [
  { src: '3', en: '3', zh: '3' },
  { src: 'true', en: 'yes', zh: '是' },
  { src: "'x'", en: '“x”', zh: '“x”' },
  { src: 'hazard', en: '{hazard}', zh: '{hazard}' },
  { src: 't', en: 'the scenario time', zh: '想定时间' },
  { src: '-hazard', en: 'minus {hazard}', zh: '负{hazard}' },
  { src: '!rescue_ready', en: 'not {rescue_ready}', zh: '并非{rescue_ready}' },
  { src: 'hazard + 1', en: '{hazard} plus 1', zh: '{hazard}加1' },
  { src: 'hazard - 1', en: '{hazard} minus 1', zh: '{hazard}减1' },
  { src: 'hazard * 2', en: '{hazard} times 2', zh: '{hazard}乘以2' },
  { src: 'hazard / 2', en: '{hazard} divided by 2', zh: '{hazard}除以2' },
  { src: 'hazard % 2', en: 'the remainder of {hazard} divided by 2', zh: '{hazard}除以2的余数' },
  { src: 'evacuated < 10', en: '{evacuated} below 10 people', zh: '{evacuated}低于10人' },
  { src: 'evacuated <= 10', en: '{evacuated} at most 10 people', zh: '{evacuated}不高于10人' },
  { src: '10 > evacuated', en: '10 people above {evacuated}', zh: '10人高于{evacuated}' },
  {
    src: 'evacuated >= at_risk',
    en: '{evacuated} at least {at_risk}',
    zh: '{evacuated}不低于{at_risk}',
  },
  { src: 'hazard == 50', en: '{hazard} is 50', zh: '{hazard}为50' },
  { src: 'hazard != 50', en: '{hazard} is not 50', zh: '{hazard}不为50' },
  { src: 'rescue_ready == false', en: 'not {rescue_ready}', zh: '并非{rescue_ready}' },
  {
    src: 'rescue_ready && comms_backup',
    en: '{rescue_ready} and {comms_backup}',
    zh: '{rescue_ready}且{comms_backup}',
  },
  {
    src: 'rescue_ready || comms_backup',
    en: '{rescue_ready} or {comms_backup}',
    zh: '{rescue_ready}或{comms_backup}',
  },
  { src: 't >= -780', en: 'the scenario time no earlier than T-13h', zh: '想定时间不早于T0前13小时' },
  { src: 't < 90', en: 'the scenario time before T+1h30m', zh: '想定时间早于T0后1小时30分钟' },
  {
    src: 'hazard > 3 ? 1 : 2',
    en: 'if {hazard} above 3 then 1, else 2',
    zh: '若{hazard}高于3则1，否则2',
  },
  { src: '(hazard + 1) * 2', en: '({hazard} plus 1) times 2', zh: '（{hazard}加1）乘以2' },
  {
    src: 'hazard - (surge - 1)',
    en: '{hazard} minus ({surge} minus 1)',
    zh: '{hazard}减（{surge}减1）',
  },
  {
    src: 'rescue_ready && (comms_backup || hazard > 3)',
    en: '{rescue_ready} and ({comms_backup} or {hazard} above 3)',
    zh: '{rescue_ready}且（{comms_backup}或{hazard}高于3）',
  },
  {
    src: 'min(hazard, surge, 5)',
    en: 'the lowest of {hazard}, {surge} and 5',
    zh: '{hazard}、{surge}、5中的最小值',
  },
  { src: 'max(hazard, 5)', en: 'the highest of {hazard} and 5', zh: '{hazard}、5中的最大值' },
  { src: 'abs(hazard)', en: 'the absolute value of {hazard}', zh: '{hazard}的绝对值' },
  { src: 'round(hazard)', en: '{hazard} rounded', zh: '{hazard}四舍五入取整' },
  {
    src: 'floor(hazard * 3) >= 1',
    en: '({hazard} times 3) rounded down at least 1',
    zh: '（{hazard}乘以3）向下取整不低于1',
  },
  { src: 'ceil(hazard)', en: '{hazard} rounded up', zh: '{hazard}向上取整' },
  {
    src: 'clamp(hazard, 0, 10)',
    en: '{hazard} kept between 0 and 10',
    zh: '{hazard}（限定在0至10之间）',
  },
  { src: 'rand(1, 2)', en: 'a random number from 1 to 2', zh: '1至2之间的随机数' },
  { src: "chose('watch_consult', 'consult')", en: '', zh: '' },
  { src: "decided('watch_consult')", en: '', zh: '' },
  { src: "opened('watch_consult')", en: '', zh: '' },
  { src: "fired('nmc_message')", en: '', zh: '' },
  { src: "fired('fisheries_count')", en: '', zh: '' },
  { src: "variation('track') == 'south_turn'", en: '', zh: '' },
  { src: "variation.track != 'south_turn'", en: '', zh: '' },
  { src: "variation('track')", en: '', zh: '' },
];

/** Operators, node kinds and functions a tree uses. */
function forms(e: Expr, out = new Set<string>()): Set<string> {
  out.add(e.kind);
  switch (e.kind) {
    case 'num':
    case 'bool':
    case 'str':
    case 'var':
      break;
    case 'unary':
      out.add(`unary ${e.op}`);
      forms(e.arg, out);
      break;
    case 'binary':
      out.add(`binary ${e.op}`);
      forms(e.left, out);
      forms(e.right, out);
      break;
    case 'cond':
      [e.test, e.then, e.else].forEach((x) => forms(x, out));
      break;
    case 'call':
      out.add(`fn ${e.fn}`);
      e.args.forEach((x) => forms(x, out));
      break;
    default: {
      const never: never = e;
      return never;
    }
  }
  return out;
}

describe('conditions in words', () => {
  it('the table covers every node kind, operator and function of the expression language', () => {
    const used = new Set(CASES.flatMap((c) => [...forms(parseExpr(c.src))]));
    const all = [
      ...['num', 'bool', 'str', 'var', 'unary', 'binary', 'cond', 'call'],
      ...['-', '!'].map((o) => `unary ${o}`),
      ...['+', '-', '*', '/', '%', '<', '<=', '>', '>=', '==', '!=', '&&', '||'].map((o) => `binary ${o}`),
      ...EXPR_FUNCTIONS.map((f) => `fn ${f}`),
    ];
    expect(all.filter((f) => !used.has(f))).toEqual([]);
  });

  it.each(CASES.filter((c) => c.en))('$src reads as “$en” / “$zh”', ({ src, en, zh }) => {
    expect(conditionWords(s, parseExpr(src), 'en')).toBe(named(en, 'en'));
    expect(conditionWords(s, parseExpr(src), 'zh-CN')).toBe(named(zh, 'zh-CN'));
  });

  it('names decisions, options, injects and variation outcomes by their texts, whole', () => {
    const w = (src: string): string => conditionWords(s, parseExpr(src), 'zh-CN');
    expect(w("chose('watch_consult', 'consult')")).toMatch(/^决策“[^”]+”选择了“[^”]+”$/);
    expect(w("decided('watch_consult')")).toMatch(/^决策“[^”]+”已作出$/);
    // An inject by its title; one without a title by its text's first sentence, never cut by "…".
    expect(w("fired('nmc_message')")).toBe(
      `已发出“${localize(s.injects.find((i) => i.id === 'nmc_message')!.title, 'zh-CN')}”`,
    );
    expect(w("fired('fisheries_count')")).toMatch(/^已发出“16时统计：海上渔船\{[^}a-z]+\}[^…]*”$/);
    expect(w("variation('track') == 'south_turn'")).toMatch(/为“南折擦边而过”$/);
    expect(w("variation.track != 'south_turn'")).toMatch(/不为“南折擦边而过”$/);
  });

  for (const lang of LANGUAGES)
    it(`every case in ${lang} is words: no operator, bracket of code or function name of the format`, () => {
      for (const { src } of CASES) {
        const text = conditionWords(s, parseExpr(src), lang);
        expect(text, src).not.toMatch(
          /&&|\|\||==|!=|<|>|\?|\*|%|\b(floor|ceil|round|min|max|abs|clamp|rand|chose|decided|opened|fired|variation)\(/,
        );
        if (lang === 'zh-CN') {
          // Only the string literal `x` and the `T` of T0 are Latin in Chinese.
          expect(text.replace(/T0|“x”/g, ''), src).not.toMatch(/[A-Za-z()]/);
        }
      }
    });
});
