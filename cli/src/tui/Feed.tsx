import { deciderOf, deliverySource, liveText, localize } from '@drill/engine';
import { timeShort } from './format.ts';
import { strings } from './i18n.ts';
import { graphemes, lineWidth, textWidth, truncateLine, wrap, type Line } from './layout.ts';
import { Lines } from './Lines.tsx';
import type { LiveDrill } from './live-drill.ts';
import { choiceText, decisionGist, gist, roleNames } from './summary.ts';

export interface FeedItem {
  /** The delivery's index in the state's feed, or -1 for a colleague's decision. */
  index: number;
  at: number;
  source: string;
  channel: string;
  urgency: string;
  title: string;
  text: string;
  fresh: boolean;
}

const URGENCY_RANK: Record<string, number> = { flash: 0, priority: 1, routine: 2 };

/**
 * What the player sees come in, newest first: the deliveries addressed to their role (or to all), and
 * the decisions simulated colleagues took for the other seats. Items that arrived together with the
 * last input come first, the most urgent of them (FLASH) on top, so it is the one opened.
 */
export function feedItems(drill: LiveDrill): FeedItem[] {
  const { scenario, state, lang } = drill;
  const s = strings(lang);
  const items: FeedItem[] = [];
  // What reached the player's seats is the Table's view; the delivery it came from (in the same order)
  // says where it came from and whether it is new.
  let index = 0;
  for (const v of drill.view().feed) {
    while (
      index < state.feed.length &&
      (state.feed[index]!.inject !== v.inject || state.feed[index]!.at !== v.at)
    )
      index++;
    const d = state.feed[index];
    if (!d) break;
    // An inject, a trainer's ad-hoc one or a variation's notice (from exercise control), alike.
    const i = deliverySource(scenario, d);
    if (i)
      items.push({
        index,
        at: v.at,
        source: localize(i.source, lang),
        channel: i.channel,
        urgency: i.urgency,
        title: v.title,
        text: v.text,
        fresh: index >= drill.newFrom,
      });
    index++;
  }
  for (const d of scenario.decisions) {
    const rec = state.decisions[d.id]!;
    if (rec.status !== 'closed' || rec.at === undefined || !deciderOf(state, d)?.colleague) continue;
    const roles = roleNames(scenario, d.roles, lang);
    const verb = rec.by === undefined ? s.colleagueDefault : s.colleagueDecided;
    items.push({
      index: -1,
      at: rec.at,
      source: s.colleagueSource(roles),
      channel: 'decision',
      urgency: 'routine',
      title: `${verb}${s.colon}${decisionGist(d, lang, 40)}`,
      text: `${liveText(scenario, state, d.prompt, lang)}\n\n→ ${choiceText(d, rec.options ?? [], rec.allocation, lang)}`,
      fresh: !drill.closedBefore.has(d.id),
    });
  }
  // Oldest first by time (deliveries before decisions taken at the same minute), then reversed.
  const ordered = items
    .map((it, n) => ({ it, n }))
    .sort((a, b) => a.it.at - b.it.at || (a.it.index < 0 ? 1 : 0) - (b.it.index < 0 ? 1 : 0) || a.n - b.n)
    .map((x) => x.it)
    .reverse();
  const fresh = ordered
    .map((it, n) => ({ it, n }))
    .filter((x) => x.it.fresh)
    .sort((a, b) => (URGENCY_RANK[a.it.urgency] ?? 3) - (URGENCY_RANK[b.it.urgency] ?? 3) || a.n - b.n)
    .map((x) => x.it);
  return [...fresh, ...ordered.filter((it) => !it.fresh)];
}

/** The lines of an opened item's text, at most `room`; the last ends with "…" when text was cut. */
export function bodyLines(text: string, width: number, room: number): string[] {
  const all = wrap(text, width);
  if (all.length <= room) return all;
  const shown = all.slice(0, Math.max(0, room));
  if (shown.length) {
    let last = shown.at(-1)!;
    while (last && textWidth(last) + 1 > width) last = graphemes(last).slice(0, -1).join('');
    shown[shown.length - 1] = `${last}…`;
  }
  return shown;
}

const URGENCY_COLOUR: Record<string, string> = { flash: 'red', priority: 'yellow', routine: 'gray' };

/**
 * The inject feed in `height` lines: one summary line per item (time, urgency, title, source, channel),
 * the selected item (the most urgent new one by default) opened with its full text. New items are marked.
 */
export function feedLines(drill: LiveDrill, width: number, height: number, selected: number): Line[] {
  const s = strings(drill.lang);
  const items = feedItems(drill);
  const fresh = items.filter((i) => i.fresh).length;
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
    const isNew = it.fresh;
    // The title comes right after the time and urgency and is wrapped, never cut: at 80 columns the
    // source and channel are what give way.
    const prefix: Line = [
      { t: isNew ? '● ' : '  ', color: 'yellow', bold: true },
      { t: `${timeShort(drill.scenario, it.at, drill.lang)} `, color: 'cyan' },
      {
        t: `${s.urgency[it.urgency] ?? it.urgency}`,
        color: URGENCY_COLOUR[it.urgency],
        bold: it.urgency !== 'routine',
      },
      { t: ' · ', dim: true },
    ];
    const indent = lineWidth(prefix);
    const titleStyle = { bold: isNew || k === sel, inverse: k === sel && items.length > 1 };
    const from = ` · ${it.source}${it.channel === 'decision' ? '' : ` · ${s.channel[it.channel] ?? it.channel}`}`;
    // An item without a title is named by its first sentence (its text opens below when selected).
    const title = it.title
      ? wrap(it.title, Math.max(10, width - indent))
      : [gist(it.text, Math.max(10, width - indent))];
    title.forEach((l, n) => {
      if (out.length >= height) return;
      const last = n === title.length - 1;
      const line: Line = [
        ...(n === 0 ? prefix : [{ t: ' '.repeat(indent) }]),
        { t: l, ...titleStyle },
        ...(last && indent + textWidth(l) + textWidth(from) <= width ? [{ t: from, dim: true }] : []),
      ];
      out.push(truncateLine(line, width));
    });
    if (k === sel) {
      // Leave a line for the next item's summary when there is one.
      const room = height - out.length - (k + 1 < items.length ? 1 : 0);
      for (const l of bodyLines(it.text, width - 4, Math.max(1, room)))
        if (out.length < height) out.push([{ t: `    ${l}` }]);
    }
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
