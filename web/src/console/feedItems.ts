import { liveText, localize, type DrillState, type Lang, type Scenario } from '@drill/engine';
import { clockLabel } from '../format.ts';

export interface FeedItem {
  id: string;
  at: string;
  minute: number;
  title: string;
  text: string;
  source: string;
  channel: string;
  urgency: string;
  roles: string[];
  adhoc: boolean;
}

/** The delivered injects, newest first, as text in one language. */
export function feedItems(sc: Scenario, state: DrillState, lang: Lang): FeedItem[] {
  return state.feed
    .map((f): FeedItem => {
      const src = f.adhoc ?? sc.injects.find((i) => i.id === f.inject);
      return {
        id: f.inject,
        at: clockLabel(sc, f.at),
        minute: f.at,
        title: liveText(sc, state, src?.title, lang, f.values),
        text: liveText(sc, state, src?.text, lang, f.values),
        source: typeof src?.source === 'string' ? src.source : localize(src?.source, lang),
        channel: src?.channel ?? '',
        urgency: src?.urgency ?? 'routine',
        roles: f.roles,
        adhoc: f.adhoc !== undefined,
      };
    })
    .reverse();
}
