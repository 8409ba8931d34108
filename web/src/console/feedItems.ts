import { liveText, localize, type DrillState, type FeedView, type Lang, type Scenario } from '@drill/engine';
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

const ADHOC = /^adhoc-\d+$/;

/**
 * The injects of a view's feed (already filtered for its viewer and in its language), newest first. The
 * view carries the texts; where an inject came from and how urgent it is are the scenario's.
 */
export function feedItemsOf(
  sc: Scenario,
  feed: readonly FeedView[],
  lang: Lang,
  adhocSource = '',
): FeedItem[] {
  return feed
    .map((f): FeedItem => {
      const src = sc.injects.find((i) => i.id === f.inject);
      const adhoc = src === undefined && ADHOC.test(f.inject);
      return {
        id: f.inject,
        at: clockLabel(sc, f.at),
        minute: f.at,
        title: f.title,
        text: f.text,
        source: src
          ? typeof src.source === 'string'
            ? src.source
            : localize(src.source, lang)
          : adhocSource,
        channel: src?.channel ?? '',
        urgency: src?.urgency ?? (adhoc ? 'priority' : 'routine'),
        roles: f.roles,
        adhoc,
      };
    })
    .reverse();
}

/** Every delivered inject of a state (review's time travel), with each ad-hoc inject's own source and urgency. */
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
