import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { strings } from './i18n.ts';
import { colourOn } from './Lines.tsx';
import type { Lang } from '@drill/engine';

/**
 * Pressure mode's wall-clock countdown for the focused decision. It owns its one-second timer, so only
 * this line re-renders each second. Running out chooses nothing: the scenario's own deadline decides
 * when the clock next moves.
 */
export function Countdown({
  startedAt,
  seconds,
  lang,
  now = Date.now,
}: {
  startedAt: number;
  seconds: number;
  lang: Lang;
  now?: () => number;
}) {
  const [, tick] = useState(0);
  const left = Math.max(0, Math.ceil(seconds - (now() - startedAt) / 1000));
  useEffect(() => {
    if (left <= 0) return;
    const t = setInterval(() => tick((x) => x + 1), 1000);
    return () => clearInterval(t);
  }, [left <= 0]);
  const s = strings(lang);
  const colour = colourOn() ? (left === 0 ? 'red' : left <= 15 ? 'yellow' : 'green') : undefined;
  return (
    <Text wrap="truncate-end">
      <Text color={colour} bold>
        {left > 0 ? s.countdown(left) : s.timeUp}
      </Text>
      {left === 0 ? <Text dimColor>{` ${s.timeUpNote}`}</Text> : null}
    </Text>
  );
}
