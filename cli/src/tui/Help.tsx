import { strings } from './i18n.ts';
import { truncateLine, type Line } from './layout.ts';
import { Lines } from './Lines.tsx';
import type { Lang } from '@drill/engine';

export function helpLines(lang: Lang, width: number, height: number): Line[] {
  const s = strings(lang);
  const out: Line[] = [
    [{ t: s.helpTitle, bold: true, color: 'cyan' }],
    ...s.help.map((h): Line => [{ t: h }]),
  ];
  while (out.length < height) out.push([]);
  return out.slice(0, height).map((l) => truncateLine(l, width));
}

/** The key help, shown in place of the feed and the decision panel. */
export function Help({ lang, width, height }: { lang: Lang; width: number; height: number }) {
  return <Lines lines={helpLines(lang, width, height)} />;
}
