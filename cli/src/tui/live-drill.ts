import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as engine from '@drill/engine';
import {
  ALL_ROLES,
  type Input,
  type Lang,
  type Rejection,
  type Scenario,
  type Session,
  type StepEvent,
  type Transcript,
} from '@drill/engine';
import { buildAar, renderHtml } from '@drill/report';
import { historyDir, runFileName } from '../history.ts';
import { writeFileAtomic } from '../io.ts';
import type { Journal, RunPaths } from '../journal.ts';

export interface FinishInfo {
  transcript: string;
  journal: string;
  html?: string;
  /** Why no HTML report was written (it failed). */
  htmlMissing?: string;
  finalStateHash: string;
}

export interface LiveDrillOptions {
  scenario: Scenario;
  session: Session;
  journal: Journal;
  paths: RunPaths;
  /** The role the player holds, or `all`. */
  role: string;
  lang: Lang;
  /** Seconds per decision in pressure mode. */
  pressure?: number;
  /** Scenario file path, for the resume hint when the scenario is not a shipped one. */
  scenarioArg?: string;
}

/**
 * A drill being played at the terminal: the engine session plus its journal. Every accepted input is
 * written to the journal (and fsync'ed) before listeners hear of it, so what the screen shows as done
 * is on disk. The UI subscribes and re-renders only when `version` changes.
 */
export class LiveDrill {
  readonly scenario: Scenario;
  readonly session: Session;
  readonly journal: Journal;
  readonly paths: RunPaths;
  readonly role: string;
  readonly pressure: number | undefined;
  readonly scenarioArg: string | undefined;
  lang: Lang;
  version = 0;
  /** The world before the last input that moved it: trend marks compare against it. */
  prevWorld: Record<string, number | boolean>;
  /** Feed items at or after this index arrived with the last input: shown as new. */
  newFrom = 0;
  /** Decisions already closed before the last input: a colleague's decision after it is shown as new. */
  closedBefore = new Set<string>();
  lastEvents: StepEvent[] = [];
  finished: FinishInfo | undefined;
  /** Set when the journal could not be written: no further input is accepted. */
  broken: string | undefined;
  private listeners = new Set<() => void>();

  constructor(o: LiveDrillOptions) {
    this.scenario = o.scenario;
    this.session = o.session;
    this.journal = o.journal;
    this.paths = o.paths;
    this.role = o.role;
    this.lang = o.lang;
    this.pressure = o.pressure;
    this.scenarioArg = o.scenarioArg;
    // Every accepted entry (the player's and simulated colleagues') is on disk before the state moves.
    this.session.journal = o.journal;
    this.prevWorld = { ...o.session.state.world };
    this.newFrom = o.session.state.feed.length;
    this.closedBefore = closedIn(o.session.state);
  }

  get state() {
    return this.session.state;
  }

  /** The participant the player is (the only one in a solo drill). */
  get participant(): string {
    return this.session.state.participants[0]!.id;
  }

  /** Does the player see what is addressed to these roles? */
  sees(roles: readonly string[]): boolean {
    return this.role === ALL_ROLES || roles.includes(ALL_ROLES) || roles.includes(this.role);
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Steps the engine; an accepted input is journaled (durably) before anything else happens. */
  apply(input: Input): { ok: true } | { ok: false; reason: string; rejection: Rejection } {
    if (this.broken)
      return { ok: false, reason: this.broken, rejection: { code: 'not-saved', reason: this.broken } };
    const before = this.session.state;
    const r = this.session.apply(input);
    if (!r.ok) {
      // Not on disk, so not accepted (the session kept its state): stop taking inputs.
      if (r.rejection.code === 'not-saved')
        this.broken = `the journal could not be written (${r.rejection.reason}): nothing more can be saved — quit (q, y) and resume later`;
      return { ok: false, reason: this.broken ?? r.rejection.reason, rejection: r.rejection };
    }
    if (input.type !== 'pause' && input.type !== 'resume') {
      this.prevWorld = { ...before.world };
      this.newFrom = before.feed.length;
      this.closedBefore = closedIn(before);
    }
    this.lastEvents = r.events;
    if (this.state.phase === 'debrief' || this.state.phase === 'ended') this.finish();
    this.bump();
    return { ok: true };
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.bump();
  }

  private bump(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  /**
   * Writes the finished transcript (atomically), the HTML report, the
   * journal's result line, and keeps a copy in the practice history.
   */
  finish(): FinishInfo {
    if (this.finished) return this.finished;
    const t = this.session.transcript();
    const text = `${JSON.stringify(t, null, 1)}\n`;
    writeFileAtomic(this.paths.transcript, text);
    const html = writeHtmlReport(this.scenario, t, this.paths.html, this.lang);
    if (t.result) this.journal.finish(t.result);
    this.journal.close();
    keepInHistory(
      this.paths.transcript,
      runFileName(t.header.scenario.id, t.header.startedAt, t.header.seed),
    );
    this.finished = {
      transcript: this.paths.transcript,
      journal: this.paths.journal,
      ...html,
      finalStateHash: t.result?.finalStateHash ?? engine.stateHash(this.state),
    };
    return this.finished;
  }
}

function closedIn(state: Session['state']): Set<string> {
  return new Set(Object.keys(state.decisions).filter((id) => state.decisions[id]!.status === 'closed'));
}

/** The after-action report as HTML, beside the transcript; a failure is reported, never thrown. */
export function writeHtmlReport(
  scenario: Scenario,
  t: Transcript,
  path: string,
  lang: Lang,
): { html?: string; htmlMissing?: string } {
  try {
    const replayed = engine.replay(scenario, t, { keepStates: true });
    if (!replayed.ok) return { htmlMissing: `failed: ${replayed.reason}` };
    const aar = buildAar(scenario, t, replayed, engine.verify(scenario, t));
    writeFileAtomic(path, renderHtml(aar, lang));
    return { html: path };
  } catch (e) {
    return { htmlMissing: `failed: ${(e as Error).message}` };
  }
}

/** A finished run written outside the history folder is copied into it, so `drill history` sees it. */
function keepInHistory(transcriptPath: string, name: string): void {
  const dir = historyDir();
  if (resolve(dirname(transcriptPath)) === resolve(dir)) return;
  try {
    mkdirSync(dir, { recursive: true });
    const target = join(dir, `${name}.json`);
    if (!existsSync(target)) copyFileSync(transcriptPath, target);
  } catch {
    // The history is a convenience; the transcript the user asked for is already written.
  }
}
