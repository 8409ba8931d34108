import { Box, useApp } from 'ink';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { DecisionPoint, Input } from '@drill/engine';
import { Briefing } from './Briefing.tsx';
import { Countdown } from './Countdown.tsx';
import { DecisionPanel, emptyPanel, panelLines, type PanelUi } from './DecisionPanel.tsx';
import { Debrief, debriefLength } from './Debrief.tsx';
import { offeredOptions, openDecisions } from './decisions.ts';
import { Feed, feedItems } from './Feed.tsx';
import { Header, headerLines } from './Header.tsx';
import { Help } from './Help.tsx';
import { strings } from './i18n.ts';
import { Lines } from './Lines.tsx';
import type { LiveDrill } from './live-drill.ts';
import { QuitPrompt } from './QuitPrompt.tsx';
import { allocationRoom, choiceProblem, refusalText } from './refusal.ts';
import { optionLabel } from './summary.ts';
import { useKeys, useSyncState } from './useKeys.ts';
import { useTerminalSize } from './useTerminalSize.ts';

export interface DrillScreenProps {
  drill: LiveDrill;
  /** Wall clock for pressure mode (tests pass a fake). */
  now?: () => number;
}

/**
 * The drill: header, inject feed and decision panel, driven by the keyboard. Every key that changes
 * the drill becomes an engine input through `drill.apply` (journaled before the screen changes);
 * refusals are shown with the engine's reason. Renders only when the drill or the UI state changes.
 */
export function DrillScreen({ drill, now = Date.now }: DrillScreenProps) {
  const { exit } = useApp();
  useSyncExternalStore(
    (fn) => drill.subscribe(fn),
    () => drill.version,
  );
  const { columns, rows } = useTerminalSize();
  const width = Math.max(20, columns);
  const height = Math.max(10, rows - 1);
  // Key handlers read these through their getters: several keys may arrive before the next render.
  const [overlay, setOverlay, getOverlay] = useSyncState<'none' | 'help' | 'quit'>('none');
  const [feedSel, setFeedSel] = useSyncState(0);
  const [focus, setFocus, getFocus] = useSyncState(0);
  const [ui, setUi, getUi] = useSyncState<PanelUi>(emptyPanel);
  const [scroll, setScroll] = useSyncState(0);
  const shownAt = useRef(new Map<string, number>());
  const s = strings(drill.lang);
  const phase = drill.state.phase;

  const open = openDecisions(drill);
  const f = Math.min(focus, Math.max(0, open.length - 1));
  const current: DecisionPoint | undefined = open[f];
  // Pressure mode: a decision's countdown starts when it is first on screen.
  if (current && !shownAt.current.has(current.id)) shownAt.current.set(current.id, now());

  useEffect(() => {
    if (phase === 'debrief' || phase === 'ended') setOverlay('none');
  }, [phase]);

  const send = (input: Input, okText?: string): boolean => {
    const r = drill.apply(input);
    if (!r.ok) {
      setUi((u) => ({ ...u, message: { kind: 'error', text: refusalText(drill, input, r.rejection) } }));
      return false;
    }
    setFeedSel(0);
    setUi(okText ? { ...emptyPanel(), message: { kind: 'ok', text: okText } } : emptyPanel());
    return true;
  };

  /** The open decisions and the focused one, as of now (not as of the last render). */
  const live = (): { open: DecisionPoint[]; current: DecisionPoint | undefined } => {
    const o = openDecisions(drill);
    return { open: o, current: o[Math.min(getFocus(), Math.max(0, o.length - 1))] };
  };

  const confirm = (): void => {
    const { current } = live();
    const ui = getUi();
    if (!current) return;
    const base = { type: 'choose' as const, participant: drill.participant, decision: current.id };
    const rationale = ui.rationale.trim() ? { rationale: ui.rationale.trim() } : {};
    const elapsed = drill.pressure
      ? { elapsedMs: Math.max(0, Math.round(now() - (shownAt.current.get(current.id) ?? now()))) }
      : {};
    const opts = offeredOptions(current, drill.scenario, drill.state);
    let choice: { options: string[] } | { allocation: Record<string, number> };
    if (current.kind === 'allocate')
      choice = { allocation: Object.fromEntries(opts.map((o) => [o.id, ui.alloc[o.id] ?? 0])) };
    else if (current.kind === 'multi')
      choice = { options: opts.filter((o) => ui.picked.includes(o.id)).map((o) => o.id) };
    else choice = { options: [opts[Math.min(ui.cursor, opts.length - 1)]!.id] };
    if (send({ ...base, ...choice, ...rationale, ...elapsed }, s.accepted)) setFocus(0);
    else setUi((u) => ({ ...u, mode: 'select' }));
  };

  useKeys((input, key) => {
    const overlay = getOverlay();
    const ui = getUi();
    const phase = drill.state.phase;
    const { open, current } = live();
    if (overlay === 'help') return setOverlay('none');
    if (overlay === 'quit') {
      if (input === 'y' || input === 'Y') return exit();
      if (input === 'e' || input === 'E') {
        setOverlay('none');
        send({ type: 'end' });
        return;
      }
      return setOverlay('none');
    }
    if (phase === 'debrief' || phase === 'ended') {
      if (input === 'q' || key.escape || key.return) return exit();
      const page = Math.max(1, height - 2);
      if (key.downArrow || input === 'j') setScroll((x) => x + 1);
      if (key.upArrow || input === 'k') setScroll((x) => Math.max(0, x - 1));
      if (key.pageDown || input === ' ') setScroll((x) => x + page);
      if (key.pageUp) setScroll((x) => Math.max(0, x - page));
      return;
    }
    if (phase === 'briefing') {
      const page = Math.max(1, height - 8);
      if (key.downArrow) return setScroll((x) => x + 1);
      if (key.upArrow) return setScroll((x) => Math.max(0, x - 1));
      if (key.pageDown || input === ' ') return setScroll((x) => x + page);
      if (key.pageUp) return setScroll((x) => Math.max(0, x - page));
      if (key.return) {
        setScroll(0);
        send({ type: 'start' });
      } else if (input === 'q') setOverlay('quit');
      else if (input === '?') setOverlay('help');
      return;
    }
    if (ui.mode === 'rationale') {
      if (key.return) return confirm();
      if (key.escape) return setUi((u) => ({ ...u, mode: 'select' }));
      if (key.backspace || key.delete)
        return setUi((u) => ({ ...u, rationale: [...u.rationale].slice(0, -1).join('') }));
      if (input && !key.ctrl && !key.meta && !key.tab && !/[\r\n]/.test(input))
        setUi((u) => ({ ...u, rationale: (u.rationale + input).slice(0, 500) }));
      return;
    }
    if (input === '?') return setOverlay('help');
    if (input === 'q') return setOverlay('quit');
    if (input === 'p') {
      send(phase === 'paused' ? { type: 'resume' } : { type: 'pause' });
      return;
    }
    if (input === 'n') {
      send({ type: 'advance', to: 'next', for: drill.participant });
      return;
    }
    if (input === 'h') {
      send({ type: 'advance', minutes: 60 });
      return;
    }
    const items = feedItems(drill).length;
    if (key.pageDown || input === ']') return setFeedSel((x) => Math.min(items - 1, x + 1));
    if (key.pageUp || input === '[') return setFeedSel((x) => Math.max(0, x - 1));
    if (key.tab) {
      setFocus((x) => (open.length ? (x + (key.shift ? open.length - 1 : 1)) % open.length : 0));
      setUi(emptyPanel());
      return;
    }
    if (!current) return;
    const opts = offeredOptions(current, drill.scenario, drill.state);
    const n = opts.length;
    if (key.upArrow)
      return setUi((u) => ({ ...u, cursor: (Math.min(u.cursor, n - 1) + n - 1) % n, message: undefined }));
    if (key.downArrow)
      return setUi((u) => ({ ...u, cursor: (Math.min(u.cursor, n - 1) + 1) % n, message: undefined }));
    const digit = /^[1-9]$/.test(input) ? Number(input) - 1 : -1;
    if (digit >= 0 && digit < n) {
      if (current.kind === 'multi') return tick(current, opts[digit]!.id, digit);
      return setUi((u) => ({ ...u, cursor: digit, message: undefined }));
    }
    if (input === ' ' && current.kind === 'multi')
      return tick(current, opts[Math.min(ui.cursor, n - 1)]!.id, Math.min(ui.cursor, n - 1));
    if (current.kind === 'allocate') {
      const id = opts[Math.min(ui.cursor, n - 1)]!.id;
      const inc = input === '+' || input === '=' || key.rightArrow;
      const dec = input === '-' || input === '_' || key.leftArrow;
      if (inc || dec)
        return setUi((u) => {
          const have = u.alloc[id] ?? 0;
          const room = allocationRoom(drill, current, id, u.alloc);
          // `+` stops at the budget and at the target's maximum, saying why, rather than letting the
          // player build an allocation the engine will refuse after the rationale.
          if (inc && have >= room.max) return { ...u, message: { kind: 'error', text: room.why } };
          const v = Math.max(0, Math.min(room.max, have + (inc ? 1 : -1)));
          return { ...u, alloc: { ...u.alloc, [id]: v }, message: undefined };
        });
    }
    if (key.return) {
      const chosen = current.kind === 'single' ? [opts[Math.min(ui.cursor, n - 1)]!.id] : ui.picked;
      const problem = choiceProblem(drill, current, chosen, ui.alloc);
      if (problem) return setUi((u) => ({ ...u, message: { kind: 'error', text: problem } }));
      setUi((u) => ({ ...u, mode: 'rationale', message: undefined }));
    }
  });

  /** Multi-choice: toggles an option, refusing a tick past the maximum (naming what is ticked). */
  const tick = (d: DecisionPoint, id: string, cursor: number): void =>
    setUi((u) => {
      const on = u.picked.includes(id);
      const max = d.max ?? d.options.length;
      if (!on && u.picked.length >= max) {
        const names = u.picked.map((p) => optionLabel(d, p, drill.lang));
        const text = s.refuse.tooMany(max, names.join(drill.lang === 'zh-CN' ? '、' : ', '));
        return { ...u, cursor, message: { kind: 'error', text } };
      }
      return { ...u, cursor, picked: toggle(u.picked, id), message: undefined };
    });

  if (phase === 'briefing' && overlay === 'none')
    return <Briefing drill={drill} width={width} height={height} offset={scroll} />;
  if (phase === 'debrief' || phase === 'ended') {
    const score = drill.session.score();
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

  const head = headerLines(drill, width);
  const keys = phase === 'paused' ? s.keysPaused : s.keys;
  const pressureLine = drill.pressure && current ? 1 : 0;
  const body = Math.max(4, height - head.length - 1);
  if (overlay !== 'none') {
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
        <Lines lines={[[{ t: keys, dim: true }]]} />
      </Box>
    );
  }
  const maxPanel = Math.max(4, Math.min(16, body - 4 - pressureLine));
  const panelLen = panelLines(drill, open, f, ui, width, maxPanel).length;
  const feedHeight = Math.max(2, body - panelLen - pressureLine);
  return (
    <Box flexDirection="column">
      <Header drill={drill} width={width} />
      <Feed drill={drill} width={width} height={feedHeight} selected={feedSel} />
      <DecisionPanel drill={drill} open={open} focus={f} ui={ui} width={width} maxLines={maxPanel} />
      {pressureLine ? (
        <Countdown
          key={current!.id}
          startedAt={shownAt.current.get(current!.id)!}
          seconds={drill.pressure!}
          lang={drill.lang}
          now={now}
        />
      ) : null}
      <Lines lines={[[{ t: keys, dim: true }]]} />
    </Box>
  );
}

function toggle(list: string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}
