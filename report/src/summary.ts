import { localize, type Scenario, type ScoreReport, type Lang, type LocalizedText } from '@drill/engine';
import { both, joinList, oneLine, paren, quote } from './words.ts';

/**
 * A few sentences on how the drill went — the score, the strengths, the areas for improvement with
 * the weakest choices, the ending — for the top of a report or the end of a run.
 *
 * @example summarize(scenario, scoreDrill(scenario, state), 'zh-CN')
 */
export function summarize(
  scenario: Scenario,
  report: ScoreReport,
  lang: Lang,
  opts: { finished?: boolean } = {},
): string {
  const finished = opts.finished ?? true;
  const capName = (id: string): string =>
    localize(scenario.capabilities.find((c) => c.id === id)?.name ?? id, lang);
  const zh = lang === 'zh-CN';
  const sentences: string[] = [];
  const b = report.breakdown;
  const score = report.overall.toFixed(1);
  sentences.push(
    zh
      ? `${finished ? '总分' : '截至目前得分'}${score}分（满分100），其中决策得分${b.decisions.toFixed(1)}${b.outcomes === null ? '' : `，结果指标得分${b.outcomes.toFixed(1)}`}。`
      : `${finished ? 'Overall score' : 'Score so far (unfinished drill)'} ${score}/100 (decisions ${b.decisions.toFixed(1)}${b.outcomes === null ? '' : `, outcomes ${b.outcomes.toFixed(1)}`}).`,
  );

  // A bad outcome that held the score down is said up front: the number alone would hide it.
  const capped = b.capped;
  if (capped) {
    const names = joinList(
      [...new Set(capped.caps.map((c) => c.outcome))].map((id) =>
        oneLine(scenario.outcomes.find((o) => o.id === id)?.label ?? id, lang),
      ),
      lang,
    );
    sentences.push(
      zh
        ? `由于${names}，总分被限制在${score}分（限制前${capped.before.toFixed(1)}分）。`
        : `${names} held the score at ${score} (${capped.before.toFixed(1)} before the cap).`,
    );
  }
  const rated = report.capabilities.filter((c) => c.final !== 'not-rated');
  const strong = rated
    .filter((c) => c.final === 'P' || c.final === 'S')
    .map((c) => `${capName(c.capability)}${paren(c.final, lang)}`);
  const weak = rated
    .filter((c) => c.final === 'M' || c.final === 'U')
    .map((c) => `${capName(c.capability)}${paren(c.final, lang)}`);
  if (strong.length)
    sentences.push(
      zh ? `做得好的方面：${joinList(strong, lang)}。` : `Strengths: ${joinList(strong, lang)}.`,
    );
  else if (rated.length) sentences.push(zh ? '没有能力达到P或S。' : 'No capability reached P or S.');
  if (weak.length)
    sentences.push(
      zh ? `需要改进：${joinList(weak, lang)}。` : `Areas for improvement: ${joinList(weak, lang)}.`,
    );

  const worst = report.improvements.slice(0, 2).map((id) => {
    const ds = report.decisions.find((d) => d.decision === id)!;
    const d = scenario.decisions.find((x) => x.id === id)!;
    if (ds.status === 'missed')
      return zh
        ? `${quote(oneLine(d.prompt, lang), lang)}未在时限内作出决策`
        : `${quote(oneLine(d.prompt, lang), lang)} was not decided in time`;
    const labels =
      d.kind === 'allocate'
        ? []
        : ds.options.map((o) => quote(oneLine(d.options.find((x) => x.id === o)?.label, lang), lang));
    if (labels.length === 0)
      return zh
        ? `${quote(oneLine(d.prompt, lang), lang)}的分配得分偏低`
        : `the allocation for ${quote(oneLine(d.prompt, lang), lang)} scored low`;
    return zh ? `选择了${joinList(labels, lang)}` : `choosing ${joinList(labels, lang)}`;
  });
  if (worst.length)
    sentences.push(
      zh ? `失分最多的是：${worst.join('；')}。` : `The costliest choices: ${worst.join('; ')}.`,
    );

  if (report.ending) {
    const e = scenario.endings.find((x) => x.id === report.ending);
    if (e) sentences.push(zh ? `结局：${oneLine(e.title, lang)}。` : `Ending: ${oneLine(e.title, lang)}.`);
  }
  const overridden = report.capabilities.filter((c) => c.override).length;
  if (overridden)
    sentences.push(
      zh
        ? `评估员调整了${overridden}项评定。`
        : `An evaluator overrode ${overridden} rating${overridden > 1 ? 's' : ''}.`,
    );
  return sentences.join(zh ? '' : ' ');
}

/** The summary in both languages. */
export function summaryText(
  scenario: Scenario,
  report: ScoreReport,
  opts: { finished?: boolean } = {},
): LocalizedText {
  return both((lang) => summarize(scenario, report, lang, opts));
}
