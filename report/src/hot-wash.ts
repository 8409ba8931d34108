import { HAZARD_TERMS, localize, type Scenario, type LocalizedText } from '@drill/engine';
import type { AarCore } from './improvement-plan.ts';
import { scenarioTimeText } from './glossary.ts';
import { both, brief, joinList, numberWithUnit, oneLine, quote } from './words.ts';

/**
 * Questions for the hot wash right after the drill: on the costliest choices, on what went well, on
 * the ending and the worst outcome, and two that every hot wash asks.
 */
export function hotWashQuestions(scenario: Scenario, aar: AarCore): LocalizedText[] {
  const qs: LocalizedText[] = [];
  for (const id of aar.score.improvements.slice(0, 3)) {
    const d = aar.decisions.find((x) => x.id === id)!;
    if (d.status === 'missed') {
      qs.push(
        both((lang) => {
          const p = quote(brief(oneLine(d.prompt, lang)), lang);
          const due = d.due !== undefined ? scenarioTimeText(d.due, lang) : '';
          return lang === 'zh-CN'
            ? `${p}没有在${due}前作出决策。是什么耽误了？这项决策应该由谁负责？`
            : `${p} was not decided by ${due}. What held it up, and who should have owned it?`;
        }),
      );
      continue;
    }
    qs.push(
      both((lang) => {
        const labels = joinList(
          d.chosen.map((c) =>
            quote(oneLine(c.label, lang) + (c.amount !== undefined ? ` ×${c.amount}` : ''), lang),
          ),
          lang,
        );
        const at = d.at !== undefined ? scenarioTimeText(d.at, lang) : '';
        return lang === 'zh-CN'
          ? `${at}时选择了${labels}。当时掌握了哪些信息？什么会让你们做出不同的选择？`
          : `At ${at} you chose ${labels}. What did you know then, and what would have led you to a different choice?`;
      }),
    );
  }
  const best = aar.capabilities.find((c) => c.final === 'P') ?? aar.capabilities.find((c) => c.final === 'S');
  if (best)
    qs.push(
      both((lang) => {
        const n = quote(localize(best.name, lang), lang);
        return lang === 'zh-CN'
          ? `${n}做得较好。是什么让它奏效？怎样确保下次同样做到？`
          : `${n} went well. What made it work, and how do we make sure it happens again?`;
      }),
    );
  const ending = aar.exercise.ending;
  if (ending)
    qs.push(
      both((lang) =>
        lang === 'zh-CN'
          ? `演练结局是${quote(oneLine(ending.title, lang), lang)}。哪一项决策对这个结果影响最大？`
          : `The drill ended with ${quote(oneLine(ending.title, lang), lang)}. Which decision mattered most for that?`,
      ),
    );
  const worst = [...aar.outcomes].sort((a, b) => a.credit - b.credit)[0];
  if (worst && worst.credit < 1)
    qs.push(
      both((lang) => {
        const l = quote(oneLine(worst.label, lang), lang);
        const u = worst.unit ? localize(worst.unit, lang) : '';
        const v = numberWithUnit(worst.value, u, lang);
        const target = numberWithUnit(worst.target, u, lang);
        return lang === 'zh-CN'
          ? `${l}最终为${v}（目标${target}）。哪些更早的行动本可以改变它？`
          : `${l} ended at ${v} (target ${target}). What earlier action could have changed it?`;
      }),
    );
  qs.push(
    {
      en: 'Which information did you lack during the drill, and who had it?',
      'zh-CN': '演练中你们缺少哪些信息？这些信息掌握在谁手里？',
    },
    {
      en: `What would you change in the ${HAZARD_TERMS[scenario.hazard].plan.en} or the duty procedures after this drill?`,
      'zh-CN': `这次演练之后，${HAZARD_TERMS[scenario.hazard].plan['zh-CN']}或值班值守制度应做哪些修改？`,
    },
  );
  return qs;
}
