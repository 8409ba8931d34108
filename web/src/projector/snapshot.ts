import { localize, type Lang } from '@drill/engine';
import { clockParts, warningOf, warningTone } from '../format.ts';
import { translate } from '../i18n.ts';
import type { ProjectorSnapshot } from './channel.ts';
import { feedItemsOf } from '../console/feedItems.ts';
import type { ConsoleBackend } from '../console/backend.ts';
import { scoreText } from '../drill/scoreText.ts';

/**
 * What the room sees, from the Table's projector view (no scores unless the trainer shows them, only
 * options offered now): one team's table in parallel mode, the whole room's in role mode.
 */
export function projectorSnapshot(
  b: ConsoleBackend,
  lang: Lang,
  team: string,
  showScores: boolean,
): ProjectorSnapshot {
  const sc = b.scenario;
  const parallel = b.setup.mode === 'parallel';
  const v = b.view({ kind: 'projector', ...(parallel ? { team } : {}), showScores }, lang);
  const lane = v.lanes[0]!;
  const w = warningOf(sc, lane.view.indicators, lang);
  return {
    lang,
    title: localize(sc.title, lang),
    ...(parallel ? { team } : {}),
    phase: translate(lang, `phase_${v.phase}`),
    clock: clockParts(sc, v.clock),
    ...(w ? { warning: { name: w.name, label: w.label, tone: warningTone(w.label, w.value, w.max) } } : {}),
    injects: feedItemsOf(sc, lane.view.feed, lang, translate(lang, 'exerciseControl'))
      .slice(0, 4)
      .map((f) => ({
        id: f.id,
        at: f.at,
        title: f.title,
        text: f.text,
        source: f.source,
        urgency: f.urgency,
      })),
    questions: lane.view.open.map((q) => {
      const dp = sc.decisions.find((d) => d.id === q.decision);
      const seats = q.roles
        .map((r) => sc.roles.find((x) => x.id === r))
        .filter((r) => r !== undefined)
        .map((r) => localize(r.name, lang))
        .join(lang === 'zh-CN' ? '、' : ', ');
      // A per-role question is every answering team's (the engine's view names them), not its first decider's.
      const team = q.answerers
        ? q.answerers.map((a) => a.team).join(lang === 'zh-CN' ? '、' : ', ')
        : q.decider?.colleague
          ? translate(lang, 'colleague')
          : (q.decider?.team ?? lane.team);
      const who = [team, seats].filter((x) => x).join(' · ');
      return {
        id: q.decision,
        prompt: q.prompt,
        options: q.options.map((o) => o.label),
        due: clockParts(sc, q.due).rel,
        ...(who ? { decider: who } : {}),
        ...(q.budget !== undefined
          ? { budget: `${q.budget}${dp?.unit ? ` ${localize(dp.unit, lang)}` : ''}` }
          : {}),
        ...(q.max !== undefined && q.kind === 'multi' ? { max: q.max } : {}),
      };
    }),
    ...(showScores
      ? {
          scores: b.scores().map((s) => ({
            team: s.team,
            score: scoreText(s.ratings.score),
            ratings: s.ratings.capabilities
              .filter((c) => c.final !== 'not-rated')
              .map((c) => ({
                capability: localize(
                  sc.capabilities.find((x) => x.id === c.capability)?.name ?? c.capability,
                  lang,
                ),
                rating: c.final,
              })),
          })),
        }
      : {}),
  };
}
