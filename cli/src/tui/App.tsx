import { render, type Instance } from 'ink';
import { useState } from 'react';
import type { Lang } from '@drill/engine';
import { DrillScreen } from './DrillScreen.tsx';
import type { LiveDrill } from './live-drill.ts';
import { Menu, type MenuChoice, type MenuEntry } from './Menu.tsx';

export interface AppProps {
  /** A drill to play straight away (`drill run`, `drill resume`)… */
  drill?: LiveDrill;
  /** …or the menu's scenarios, and how to start the chosen drill. */
  entries?: MenuEntry[];
  more?: () => MenuEntry | undefined;
  lang: Lang;
  seed?: string;
  start?: (c: MenuChoice) => LiveDrill;
  /** Told which drill is being played, so the caller can report on it after exit. */
  onDrill?: (d: LiveDrill) => void;
  now?: () => number;
}

/** The terminal drill: the start menu, then the drill screen (briefing → drill → debrief). */
export function App(p: AppProps) {
  const [drill, setDrill] = useState<LiveDrill | undefined>(p.drill);
  const [error, setError] = useState<string | undefined>();
  if (drill) return <DrillScreen drill={drill} {...(p.now ? { now: p.now } : {})} />;
  return (
    <Menu
      entries={p.entries ?? []}
      {...(p.more ? { more: p.more } : {})}
      lang={p.lang}
      seed={p.seed ?? '1'}
      {...(error ? { error } : {})}
      onStart={(c) => {
        try {
          const d = p.start!(c);
          p.onDrill?.(d);
          setDrill(d);
        } catch (e) {
          setError((e as Error).message);
        }
      }}
    />
  );
}

/** Mounts the app on the terminal (kept here so the CLI loads ink and react only when it draws). */
export function mountApp(p: AppProps): Instance {
  return render(<App {...p} />, { exitOnCtrlC: true, patchConsole: true });
}
