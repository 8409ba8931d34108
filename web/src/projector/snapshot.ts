import { liveText, localize, presentedOptions, type Lang } from '@drill/engine';
import type { ConsoleDrill } from '../drill/consoleDrill.ts';
import { clockParts, warningOf, warningTone } from '../format.ts';
import { translate } from '../i18n.ts';
import type { ProjectorSnapshot } from './channel.ts';
import { feedItems } from '../console/feedItems.ts';

/** The participant view of the drill: no scores unless the trainer shows them. */
export function projectorSnapshot(
  d: ConsoleDrill,
  lang: Lang,
  team: string,
  showScores: boolean,
): ProjectorSnapshot {
  const seat = d.seat(team) ?? d.seat(d.teams[0]!)!;
  const state = seat.session.state;
  const sc = d.scenario;
  const w = warningOf(sc, state, lang);
  const teamsForQuestions = d.setup.mode === 'roles' ? d.teams : [team];
  const qs = new Map<string, ProjectorSnapshot['questions'][number]>();
  for (const tm of teamsForQuestions)
    for (const id of d.openFor(tm)) {
      const dp = sc.decisions.find((x) => x.id === id)!;
      const r = state.decisions[id]!;
      qs.set(id, {
        id,
        prompt: liveText(sc, state, dp.prompt, lang),
        // Only what is offered now, in the drill's drawn order (what the console's cards show).
        options: presentedOptions(sc, state, dp).map((o) => localize(o.label, lang)),
        due: r.due !== undefined ? clockParts(sc, r.due).rel : '',
      });
    }
  return {
    lang,
    title: localize(sc.title, lang),
    ...(d.setup.mode === 'parallel' ? { team } : {}),
    phase: translate(lang, `phase_${d.phase}`),
    clock: clockParts(sc, state.clock),
    ...(w ? { warning: { name: w.name, label: w.label, tone: warningTone(w.label, w.value, w.max) } } : {}),
    injects: feedItems(sc, state, lang)
      .slice(0, 4)
      .map((f) => ({
        id: f.id,
        at: f.at,
        title: f.title,
        text: f.text,
        source: f.source,
        urgency: f.urgency,
      })),
    questions: [...qs.values()],
    ...(showScores
      ? {
          scores: d.teams.map((tm) => {
            const s = d.score(tm);
            return {
              team: tm,
              score: s?.ratings.score ?? null,
              ratings: (s?.ratings.capabilities ?? [])
                .filter((c) => c.final !== 'not-rated')
                .map((c) => ({
                  capability: localize(
                    sc.capabilities.find((x) => x.id === c.capability)?.name ?? c.capability,
                    lang,
                  ),
                  rating: c.final,
                })),
            };
          }),
        }
      : {}),
  };
}
