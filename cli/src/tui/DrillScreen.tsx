import { Box, useApp } from 'ink';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { DecisionPoint, TableCommand } from '@drill/engine';
import { Briefing } from './Briefing.tsx';
import { Countdown } from './Countdown.tsx';
import { DecisionPanel, emptyPanel, panelLines, type PanelUi } from './DecisionPanel.tsx';
import { Debrief, debriefLength } from './Debrief.tsx';
import { openDecisions } from './decisions.ts';
import { handleScreenKey, type Overlay } from './drill-keys.ts';
import { Feed } from './Feed.tsx';
import { Header, headerLines } from './Header.tsx';
import { Help } from './Help.tsx';
import { strings } from './i18n.ts';
import { Lines } from './Lines.tsx';
import type { LiveDrill } from './live-drill.ts';
import { QuitPrompt } from './QuitPrompt.tsx';
import { refusalText } from './refusal.ts';
import { useKeys, useSyncState } from './useKeys.ts';
import { useTerminalSize } from './useTerminalSize.ts';

export interface DrillScreenProps {
  drill: LiveDrill;
  /** Wall clock for pressure mode (tests pass a fake). */
  now?: () => number;
}

/**
 * The drill: header, inject feed and decision panel, driven by the keyboard. Every key that changes
 * the drill becomes a Table command through `drill.submit` (journaled before the screen changes);
 * refusals are shown with the Table's reason. Renders only when the drill or the UI state changes.
 * The keys are handled in `drill-keys.ts`; this file holds the screen's state and lays it out.
 */
export function DrillScreen({ drill, now = Date.now }: DrillScreenProps) {
  useSyncExternalStore(
    (fn) => drill.subscribe(fn),
    () => drill.version,
  );
  const { width, height } = useScreenSize();
  const screen = useScreenState(drill, height, now);
  const phase = drill.state.phase;

  if (phase === 'briefing' && screen.overlay === 'none')
    return <Briefing drill={drill} width={width} height={height} offset={screen.scroll} />;
  if (phase === 'debrief' || phase === 'ended')
    return <DebriefView drill={drill} width={width} height={height} scroll={screen.scroll} />;
  if (screen.overlay !== 'none')
    return <OverlayView drill={drill} overlay={screen.overlay} width={width} height={height} />;
  return <PlayView drill={drill} screen={screen} width={width} height={height} now={now} />;
}

/** The terminal's size, with a floor the layout needs (one row is left for the shell's cursor). */
function useScreenSize(): { width: number; height: number } {
  const { columns, rows } = useTerminalSize();
  return { width: Math.max(20, columns), height: Math.max(10, rows - 1) };
}

/** What the drill screen shows besides the drill itself: overlay, scroll, feed selection, focus, panel. */
interface ScreenState {
  overlay: Overlay;
  scroll: number;
  feedSel: number;
  ui: PanelUi;
  /** The open decisions, soonest deadline first, and the index of the focused one. */
  open: DecisionPoint[];
  focus: number;
  current: DecisionPoint | undefined;
  /** When each decision was first on screen (pressure mode's countdown starts then). */
  shownAt: ReadonlyMap<string, number>;
}

/** The screen's state, and the keyboard wired to it. */
function useScreenState(drill: LiveDrill, height: number, now: () => number): ScreenState {
  const { exit } = useApp();
  // Key handlers read these through their getters: several keys may arrive before the next render.
  const [overlay, setOverlay, getOverlay] = useSyncState<Overlay>('none');
  const [feedSel, setFeedSel] = useSyncState(0);
  const [focus, setFocus, getFocus] = useSyncState(0);
  const [ui, setUi, getUi] = useSyncState<PanelUi>(emptyPanel);
  const [scroll, setScroll] = useSyncState(0);
  const shownAt = useRef(new Map<string, number>());
  const phase = drill.state.phase;

  const open = openDecisions(drill);
  const f = Math.min(focus, Math.max(0, open.length - 1));
  const current: DecisionPoint | undefined = open[f];
  // Pressure mode: a decision's countdown starts when it is first on screen.
  if (current && !shownAt.current.has(current.id)) shownAt.current.set(current.id, now());

  useEffect(() => {
    if (phase === 'debrief' || phase === 'ended') setOverlay('none');
  }, [phase]);

  /** Sends a command; a refusal shows the Table's reason in the panel, an acceptance clears it. */
  const send = (command: TableCommand, okText?: string): boolean => {
    const r = drill.submit(command);
    if (!r.ok) {
      setUi((u) => ({ ...u, message: { kind: 'error', text: refusalText(drill, command, r) } }));
      return false;
    }
    setFeedSel(0);
    setUi(okText ? { ...emptyPanel(), message: { kind: 'ok', text: okText } } : emptyPanel());
    return true;
  };

  useKeys((input, key) =>
    handleScreenKey(
      {
        drill,
        height,
        exit,
        send,
        shownAt: shownAt.current,
        now,
        getOverlay,
        setOverlay,
        getUi,
        setUi,
        getFocus,
        setFocus,
        setFeedSel,
        setScroll,
      },
      input,
      key,
    ),
  );

  return { overlay, scroll, feedSel, ui, open, focus: f, current, shownAt: shownAt.current };
}

/** The debrief, scrolled no further than its last screenful. */
function DebriefView({ drill, width, height, scroll }: ViewProps & { scroll: number }) {
  const score = drill.score();
  const files = drill.finished;
  const len = debriefLength(drill, score, files, width);
  return (
    <Debrief
      drill={drill}
      score={score}
      files={files}
      width={width}
      height={height}
      offset={Math.min(scroll, Math.max(0, len - height + 1))}
    />
  );
}

interface ViewProps {
  drill: LiveDrill;
  width: number;
  height: number;
}

/** Rows left for the body under the header and above the key line. */
function bodyHeight(drill: LiveDrill, width: number, height: number): number {
  return Math.max(4, height - headerLines(drill, width).length - 1);
}

/** The key line at the foot of the drill. */
function KeyLine({ drill }: { drill: LiveDrill }) {
  const s = strings(drill.lang);
  return <Lines lines={[[{ t: drill.state.phase === 'paused' ? s.keysPaused : s.keys, dim: true }]]} />;
}

/** Help or the quit prompt, under the header. */
function OverlayView({ drill, overlay, width, height }: ViewProps & { overlay: 'help' | 'quit' }) {
  const body = bodyHeight(drill, width, height);
  return (
    <Box flexDirection="column">
      <Header drill={drill} width={width} />
      {overlay === 'help' ? (
        <Help lang={drill.lang} width={width} height={body} />
      ) : (
        <QuitPrompt
          lang={drill.lang}
          journal={drill.paths.journal}
          width={width}
          height={body}
          {...(drill.scenarioArg ? { scenarioArg: drill.scenarioArg } : {})}
        />
      )}
      <KeyLine drill={drill} />
    </Box>
  );
}

/** The drill proper: header, feed, decision panel, countdown (pressure mode) and key line. */
function PlayView({
  drill,
  screen,
  width,
  height,
  now,
}: ViewProps & { screen: ScreenState; now: () => number }) {
  const { open, focus, ui, current } = screen;
  const pressureLine = drill.pressure && current ? 1 : 0;
  const body = bodyHeight(drill, width, height);
  // The panel takes what it needs (up to 16 rows); the feed gets the rest.
  const maxPanel = Math.max(4, Math.min(16, body - 4 - pressureLine));
  const panelLen = panelLines(drill, open, focus, ui, width, maxPanel).length;
  const feedHeight = Math.max(2, body - panelLen - pressureLine);
  return (
    <Box flexDirection="column">
      <Header drill={drill} width={width} />
      <Feed drill={drill} width={width} height={feedHeight} selected={screen.feedSel} />
      <DecisionPanel drill={drill} open={open} focus={focus} ui={ui} width={width} maxLines={maxPanel} />
      {pressureLine ? (
        <Countdown
          key={current!.id}
          startedAt={screen.shownAt.get(current!.id)!}
          seconds={drill.pressure!}
          lang={drill.lang}
          now={now}
        />
      ) : null}
      <KeyLine drill={drill} />
    </Box>
  );
}
