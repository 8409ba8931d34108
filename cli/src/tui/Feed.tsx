import { liveText, localize, type Inject } from '@drill/engine';
import { timeShort } from './format.ts';
import { strings } from './i18n.ts';
import { truncateLine, wrap, type Line } from './layout.ts';
import { Lines } from './Lines.tsx';
import type { LiveDrill } from './live-drill.ts';

export interface FeedItem {
  index: number;
  at: number;
  source: string;
  channel: string;
  urgency: string;
  title: string;
  text: string;
}

/** The deliveries the player sees (addressed to their role, or to all), newest first. */
export function feedItems(drill: LiveDrill): FeedItem[] {
  const { scenario, state, lang } = drill;
  const items: FeedItem[] = [];
  state.feed.forEach((d, index) => {
    if (!drill.sees(d.roles)) return;
    const i: Pick<Inject, 'source' | 'channel' | 'urgency' | 'title' | 'text'> | undefined =
      d.adhoc ?? scenario.injects.find((x) => x.id === d.inject);
    if (!i) return;
    items.push({
      index,
      at: d.at,
      source: localize(i.source, lang),
      channel: i.channel,
      urgency: i.urgency,
      title: liveText(scenario, state, i.title, lang, d.values),
      text: liveText(scenario, state, i.text, lang, d.values),
    });
  });
  return items.reverse();
}

const URGENCY_COLOUR: Record<string, string> = { flash: 'red', priority: 'yellow', routine: 'gray' };

/**
 * The inject feed in `height` lines: one summary line per item (time, source, channel, urgency, title),
 * the selected item (newest by default) opened with its full text. New items are marked.
 */
export function feedLines(drill: LiveDrill, width: number, height: number, selected: number): Line[] {
  const s = strings(drill.lang);
  const items = feedItems(drill);
  const fresh = items.filter((i) => i.index >= drill.newFrom).length;
  const head: Line = [
    { t: `${s.feed} `, bold: true },
    ...(fresh ? [{ t: ` ${s.newItems(fresh)} `, inverse: true, color: 'yellow' }] : []),
    { t: `  ${items.length > 1 ? s.feedHint : ''}`, dim: true },
  ];
  const out: Line[] = [truncateLine(head, width)];
  if (items.length === 0) out.push([{ t: s.feedEmpty, dim: true }]);
  const sel = Math.min(Math.max(0, selected), Math.max(0, items.length - 1));
  const start = Math.max(0, sel - 1);
  for (let k = start; k < items.length && out.length < height; k++) {
    const it = items[k]!;
    const isNew = it.index >= drill.newFrom;
    const line: Line = [
      { t: isNew ? '● ' : '  ', color: 'yellow', bold: true },
      { t: `${timeShort(drill.scenario, it.at)} `, color: 'cyan' },
      {
        t: `${s.urgency[it.urgency] ?? it.urgency}`,
        color: URGENCY_COLOUR[it.urgency],
        bold: it.urgency !== 'routine',
      },
      { t: ` · ${it.source} · ${s.channel[it.channel] ?? it.channel} · `, dim: true },
      { t: it.title || it.text, bold: isNew || k === sel, inverse: k === sel && items.length > 1 },
    ];
    out.push(truncateLine(line, width));
    if (k === sel)
      for (const l of wrap(it.text, width - 4)) if (out.length < height) out.push([{ t: `    ${l}` }]);
  }
  while (out.length < height) out.push([]);
  return out.slice(0, height);
}

export function Feed({
  drill,
  width,
  height,
  selected,
}: {
  drill: LiveDrill;
  width: number;
  height: number;
  selected: number;
}) {
  return <Lines lines={feedLines(drill, width, height, selected)} />;
}
