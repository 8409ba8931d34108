import { localize, type Scenario, type Lang } from '@drill/engine';
import type { Aar, AarDecision, AarPlanItem } from './aar.ts';
import { both, brief, formatDuration, joinList, oneLine, quote } from './words.ts';

export type AarCore = Omit<Aar, 'improvementPlan' | 'hotWash'>;

const SEASON: Partial<Record<Scenario['hazard'], { en: string; 'zh-CN': string }>> = {
  typhoon: { en: 'before the next typhoon season', 'zh-CN': '下一个台风季前' },
  flood: { en: 'before the next flood season', 'zh-CN': '下一个汛期前' },
  rainstorm: { en: 'before the next flood season', 'zh-CN': '下一个汛期前' },
};
const WITHIN_30 = { en: 'within 30 days', 'zh-CN': '30天内' };
const WITHIN_90 = { en: 'within 90 days', 'zh-CN': '90天内' };

/**
 * When trainers would want it done: what failed outright (missed, or scored at U level) within 30 days;
 * the rest before the next season of this hazard (or within 90 days for hazards without a season).
 */
function dueFor(hazard: Scenario['hazard'], d: AarDecision): { en: string; 'zh-CN': string } {
  if (d.status === 'missed' || d.share < 0.35) return WITHIN_30;
  return SEASON[hazard] ?? WITHIN_90;
}

function issueOf(d: AarDecision, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const prompt = quote(brief(oneLine(d.prompt, lang)), lang);
  const labels = d.chosen.map((c) =>
    quote(oneLine(c.label, lang) + (c.amount !== undefined ? ` ×${c.amount}` : ''), lang),
  );
  // The feedback that explains the shortfall: the weakest chosen option's (an allocation's own lines).
  const weakest = [...d.chosen].filter((c) => c.feedback).sort((a, b) => (a.score ?? 0) - (b.score ?? 0))[0];
  const fb = weakest?.feedback
    ? oneLine(weakest.feedback, lang)
    : d.kind === 'allocate'
      ? d.feedback.map((f) => oneLine(f, lang)).filter(Boolean)[0]
      : undefined;
  let s: string;
  if (d.status === 'missed')
    s = zh
      ? `${prompt}：未在时限内决策，按默认${joinList(labels, lang)}处理。`
      : `${prompt}: no decision by the deadline; the default ${joinList(labels, lang)} was taken.`;
  else if (d.timeliness === 'late' && d.at !== undefined && d.due !== undefined)
    s = zh
      ? `${prompt}：延迟${formatDuration(d.at - d.due)}决策，选择${joinList(labels, lang)}。`
      : `${prompt}: decided ${formatDuration(d.at - d.due)} late, choosing ${joinList(labels, lang)}.`;
  else
    s = zh
      ? `${prompt}：选择${joinList(labels, lang)}（得分率${Math.round(d.share * 100)}%）。`
      : `${prompt}: chose ${joinList(labels, lang)} (${Math.round(d.share * 100)}% of the best).`;
  return fb ? `${s}${zh ? '' : ' '}${fb}` : s;
}

function actionOf(d: AarDecision, lang: Lang, t0label: (at: number) => string): string {
  const zh = lang === 'zh-CN';
  const parts: string[] = [];
  if (d.status === 'missed' || d.timeliness === 'late') {
    const due = d.due !== undefined ? t0label(d.due) : '';
    parts.push(
      zh
        ? `明确责任人和启动条件，确保在${due}前完成该决策。`
        : `Name an owner and a trigger so that this is decided by ${due}.`,
    );
  }
  if (d.kind === 'allocate') {
    const targets = joinList(
      d.chosen.map((c) => oneLine(c.label, lang)),
      lang,
    );
    parts.push(
      zh
        ? `按需求预先制定物资分配方案（${targets}），并在演练中检验。`
        : `Pre-plan the split by need across ${targets || 'all targets'} and rehearse it.`,
    );
  } else if (d.bestChoice.length) {
    // Name what was missing, and what to drop: not what the team already got right.
    const chosenLabels = new Set(d.chosen.map((c) => oneLine(c.label, lang)));
    const missing = d.bestChoice.map((l) => oneLine(l, lang)).filter((l) => !chosenLabels.has(l));
    const drop =
      d.kind === 'multi'
        ? d.chosen.filter((c) => (c.score ?? 0) <= 0).map((c) => oneLine(c.label, lang))
        : [];
    const q = (xs: string[]): string =>
      joinList(
        xs.map((l) => quote(l, lang)),
        lang,
      );
    if (missing.length)
      parts.push(
        zh
          ? `将${q(missing)}写入预案和工作流程，并组织针对性演练。`
          : `Write ${q(missing)} into the plan and duty procedures, and rehearse it.`,
      );
    if (drop.length) parts.push(zh ? `不再采取${q(drop)}。` : `Drop ${q(drop)}.`);
  }
  return parts.join(zh ? '' : ' ');
}

/**
 * The Improvement Plan: one row per decision that fell short (worst first) and one per rating an
 * evaluator lowered to M or U without a decision already listed for that capability.
 */
export function improvementPlan(scenario: Scenario, aar: AarCore): AarPlanItem[] {
  const t0label = (at: number): string =>
    at === 0 ? 'T0' : `T${at < 0 ? '-' : '+'}${formatDuration(Math.abs(at))}`;
  const items: AarPlanItem[] = aar.score.improvements.map((id) => {
    const d = aar.decisions.find((x) => x.id === id)!;
    return {
      issue: both((lang) => issueOf(d, lang)),
      action: both((lang) => actionOf(d, lang, t0label)),
      capability: d.capability,
      roles: [...d.roles],
      due: dueFor(scenario.hazard, d),
      decision: d.id,
    };
  });
  for (const c of aar.capabilities) {
    if (!c.override || (c.final !== 'M' && c.final !== 'U') || items.some((i) => i.capability === c.id))
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
      roles: [],
      due: WITHIN_30,
    });
  }
  return items;
}
