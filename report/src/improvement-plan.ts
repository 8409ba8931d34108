import { HAZARD_TERMS, localize, type Scenario, type Lang } from '@drill/engine';
import type { Aar, AarDecision, AarPlanItem } from './aar.ts';
import { lateByText, scenarioTimeText, term, timelinessTerm } from './glossary.ts';
import { both, brief, joinList, numberWithUnit, oneLine, quote, withoutVerdict } from './words.ts';

export type AarCore = Omit<Aar, 'improvementPlan' | 'hotWash'>;

const WITHIN_30 = { en: 'within 30 days', 'zh-CN': '30天内' };
const WITHIN_90 = { en: 'within 90 days', 'zh-CN': '90天内' };

/**
 * When trainers would want it done: what failed outright (missed, or scored at U level) within 30 days;
 * the rest before the next season of this hazard (or within 90 days for hazards without a season).
 */
function dueFor(hazard: Scenario['hazard'], d: AarDecision): { en: string; 'zh-CN': string } {
  if (d.status === 'missed' || d.share < 0.35) return WITHIN_30;
  return HAZARD_TERMS[hazard].season ?? WITHIN_90;
}

/** Credit the decision lost against its best, weighted: what ranks the plan's rows. */
function lostCredit(d: AarDecision): number {
  return (d.best - d.credit) * d.weight;
}

/**
 * The issue in one line, without repeating the evidence the capability section gives in full: the
 * question (briefly) and how it fell short.
 */
function issueOf(d: AarDecision, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const prompt = quote(brief(oneLine(d.prompt, lang)), lang);
  const labels = joinList(
    d.chosen.map((c) =>
      quote(oneLine(c.label, lang) + (c.amount !== undefined ? ` ×${c.amount}` : ''), lang),
    ),
    lang,
  );
  const share = Math.round(d.share * 100);
  if (d.status === 'missed')
    return zh
      ? `${prompt}：${timelinessTerm('missed', lang)}，${term('defaultTaken', lang)}（${labels}）。`
      : `${prompt}: ${timelinessTerm('missed', lang)}; ${term('defaultTaken', lang)} (${labels}).`;
  if (d.timeliness === 'late' && d.at !== undefined && d.due !== undefined)
    return zh
      ? `${prompt}：${lateByText(d.at - d.due, lang)}决策，选择${labels}，得分率${share}%。`
      : `${prompt}: decided ${lateByText(d.at - d.due, lang)}, choosing ${labels}; ${share}% of the best.`;
  return zh
    ? `${prompt}：选择${labels}，得分率${share}%。`
    : `${prompt}: chose ${labels}; ${share}% of the best.`;
}

/** Ends a sentence taken from the scenario with a stop, in the language's punctuation. */
function sentence(s: string, lang: Lang): string {
  const t = s.trim();
  if (!t) return '';
  return /[.?!。？！]$/u.test(t) ? t : `${t}${lang === 'zh-CN' ? '。' : '.'}`;
}

/**
 * What to do about it, from this decision's own trade-off: the option the scenario scores best and what
 * it says about that option, what to drop, and — when time was the problem — the deadline to meet.
 */
function actionOf(d: AarDecision, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const parts: string[] = [];
  const q = (xs: string[]): string =>
    joinList(
      xs.map((l) => quote(l, lang)),
      lang,
    );
  if (d.status === 'missed' || d.timeliness === 'late') {
    const due = d.due !== undefined ? scenarioTimeText(d.due, lang) : '';
    parts.push(
      zh
        ? `明确由谁在${due}前作出这项决策，并把启动条件写入值班流程。`
        : `Name who decides this by ${due} and write the trigger into the duty procedure.`,
    );
  }
  if (d.kind === 'allocate') {
    const lines = d.feedback.map((f) => oneLine(f, lang)).filter(Boolean);
    const targets = joinList(
      d.chosen.map((c) => oneLine(c.label, lang)),
      lang,
    );
    parts.push(
      lines.length
        ? zh
          ? `按需求重新测算分配（${targets}）：${sentence(lines.join(zh ? '；' : '; '), lang)}`
          : `Rework the split (${targets}) against need: ${sentence(lines.join('; '), lang)}`
        : zh
          ? `按需求预先测算分配方案（${targets}），并在下次演练中检验。`
          : `Pre-plan the split across ${targets} by need and test it in the next drill.`,
    );
  } else if (d.bestChoice.length) {
    // The trade-off in the scenario's own words: what was chosen instead of what, and why the best is best.
    const chosenLabels = new Set(d.chosen.map((c) => oneLine(c.label, lang)));
    const missing = d.bestChoice.map((l) => oneLine(l, lang)).filter((l) => !chosenLabels.has(l));
    const instead = d.chosen.filter((c) => (c.score ?? 0) < 1e-9 || d.kind === 'single');
    const drop =
      d.kind === 'multi'
        ? d.chosen.filter((c) => (c.score ?? 0) <= 0).map((c) => oneLine(c.label, lang))
        : [];
    const why = d.bestFeedback
      .map((f) => sentence(withoutVerdict(oneLine(f, lang)), lang))
      .join(zh ? '' : ' ');
    if (missing.length && d.kind === 'single' && instead.length && d.status !== 'missed')
      parts.push(
        zh
          ? `遇到同类情况，应选择${q(missing)}而不是${q(instead.map((c) => oneLine(c.label, lang)))}。${why}`
          : `In the same situation, choose ${q(missing)} rather than ${q(instead.map((c) => oneLine(c.label, lang)))}. ${why}`,
      );
    else if (missing.length)
      parts.push(
        zh
          ? `把${q(missing)}写入预案和值班流程。${why}`
          : `Write ${q(missing)} into the plan and the duty procedure. ${why}`,
      );
    if (drop.length) parts.push(zh ? `不再采取${q(drop)}。` : `Drop ${q(drop)}.`);
  }
  if (parts.length === 0) {
    // A partial choice already among the best options (e.g. the timing cost it): name the shortfall.
    parts.push(
      zh
        ? `复盘这项决策为何只得到${Math.round(d.share * 100)}%的分数，并在下次演练中改进。`
        : `Review why this earned only ${Math.round(d.share * 100)}% of the best, and act on it in the next drill.`,
    );
  }
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(zh ? '' : ' ');
}

/**
 * The Improvement Plan: one row per decision of the people at the table that earned less than its best
 * (the most credit lost first), one per outcome that capped a rating, and one per rating an evaluator set
 * below P without a row already listed for that capability. Simulated colleagues' decisions are never
 * rows: the player did not take them.
 */
export function improvementPlan(scenario: Scenario, aar: AarCore): AarPlanItem[] {
  // Who owns a capability's follow-up: the seats whose decisions were its evidence (else every seat).
  const ownersOf = (capability: string): string[] => {
    const roles = aar.decisions
      .filter((d) => d.capability === capability && !d.simulated)
      .flatMap((d) => d.roles);
    return roles.length ? [...new Set(roles)] : scenario.roles.map((r) => r.id);
  };
  const short = aar.decisions
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => !d.simulated && d.status !== 'not-reached' && d.best - d.credit > 1e-6)
    .sort((a, b) => lostCredit(b.d) - lostCredit(a.d) || a.i - b.i)
    .map(({ d }) => d);
  const items: AarPlanItem[] = short.map((d) => ({
    issue: both((lang) => issueOf(d, lang)),
    action: both((lang) => actionOf(d, lang)),
    capability: d.capability,
    roles: [...d.roles],
    due: dueFor(scenario.hazard, d),
    decision: d.id,
  }));
  for (const c of aar.capabilities) {
    for (const cap of c.caps ?? []) {
      const o = aar.outcomes.find((x) => x.id === cap.outcome);
      if (!o) continue;
      items.push({
        issue: both((lang) => {
          const u = o.unit ? localize(o.unit, lang) : '';
          const label = quote(oneLine(o.label, lang), lang);
          const name = quote(localize(c.name, lang), lang);
          return lang === 'zh-CN'
            ? `${label}为${numberWithUnit(cap.value, u, lang)}（超过${numberWithUnit(cap.worseThan, u, lang)}的界限），${name}的评定因此不高于${cap.rating}。`
            : `${label} reached ${numberWithUnit(cap.value, u, lang)} (past the limit of ${numberWithUnit(cap.worseThan, u, lang)}), which caps ${name} at ${cap.rating}.`;
        }),
        action: both((lang) => {
          const label = quote(oneLine(o.label, lang), lang);
          return lang === 'zh-CN'
            ? `逐项找出使${label}恶化的决策和时间点，在预案中写明提前采取的措施和启动条件。`
            : `Trace which decisions and moments drove ${label}, and write the earlier action and its trigger into the plan.`;
        }),
        capability: c.id,
        roles: ownersOf(c.id),
        due: WITHIN_30,
      });
    }
  }
  for (const c of aar.capabilities) {
    if (!c.override || c.final === 'P' || c.final === 'not-rated' || items.some((i) => i.capability === c.id))
      continue;
    const note = c.override.note;
    items.push({
      issue: both((lang) =>
        lang === 'zh-CN'
          ? `评估员将${quote(localize(c.name, lang), lang)}评为${c.final}：${note}`
          : `The evaluator rated ${quote(localize(c.name, lang), lang)} ${c.final}: ${note}`,
      ),
      action: both((lang) =>
        lang === 'zh-CN'
          ? '与评估员共同复盘，商定具体改进措施并明确责任人。'
          : 'Review with the evaluator, agree specific corrective actions and name an owner.',
      ),
      capability: c.id,
      roles: ownersOf(c.id),
      due: WITHIN_30,
    });
  }
  return items;
}
