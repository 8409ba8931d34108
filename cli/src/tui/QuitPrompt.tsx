import { strings } from './i18n.ts';
import { truncateLine, wrap, type Line } from './layout.ts';
import { Lines } from './Lines.tsx';
import { resumeCommand } from '../journal.ts';
import type { Lang } from '@drill/engine';

export function quitLines(
  lang: Lang,
  journal: string,
  width: number,
  height: number,
  scenarioArg?: string,
): Line[] {
  const s = strings(lang);
  const out: Line[] = [
    [{ t: s.quitTitle, bold: true, color: 'yellow' }],
    [],
    ...wrap(s.quitSafe, width).map((l): Line => [{ t: l, color: 'green' }]),
    [{ t: s.quitResume }],
    ...wrap(resumeCommand(journal, scenarioArg), width - 2).map((l): Line => [{ t: `  ${l}`, bold: true }]),
    [],
    [{ t: s.quitKeys, bold: true }],
  ];
  while (out.length < height) out.push([]);
  return out.slice(0, height).map((l) => truncateLine(l, width));
}

/** Asked on `q`: the journal is safe; y quits, e ends the drill (to the debrief), anything else goes back. */
export function QuitPrompt(p: {
  lang: Lang;
  journal: string;
  width: number;
  height: number;
  scenarioArg?: string;
}) {
  return <Lines lines={quitLines(p.lang, p.journal, p.width, p.height, p.scenarioArg)} />;
}
