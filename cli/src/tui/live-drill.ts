import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  stateHash,
  type Actor,
  type DrillView,
  type Lang,
  type Scenario,
  type ScoreReport,
  type Session,
  type StepEvent,
  type Table,
  type TableCommand,
  type TableOutcome,
  type Transcript,
  type TranscriptEntry,
} from '@drill/engine';
import { aarFromTranscript, renderHtml } from '@drill/report';
import { historyDir, runFileName } from '../history.ts';
import { writeFileAtomic } from '../io.ts';
import type { Journal, RunPaths } from '../journal.ts';
import { soloTable } from '../solo.ts';

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
  /** The session the terminal started or resumed (its header and signing are the terminal's). */
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

/** A refusal, as the screen needs it: the Table's code and sentence, and the engine's code when it refused. */
export type Refused = Extract<TableOutcome, { ok: false }>;

/**
 * A drill being played at the terminal: an engine `Table` with one team (the cadre, in the seats they
 * hold; simulated colleagues in the others), and the cadre as its solo actor. Every key that changes
 * the drill is a Table command; the Table writes each accepted entry to the journal (fsync'ed) through
 * its journal port before it answers, so what the screen shows as done is on disk. The screen reads
 * the Table's view for the cadre's seats and re-renders only when `version` changes.
 */
export class LiveDrill {
  readonly scenario: Scenario;
  readonly table: Table;
  /** Who the player is to the Table. */
  readonly actor: Extract<Actor, { kind: 'solo' }>;
  readonly journal: Journal;
  readonly paths: RunPaths;
  readonly role: string;
  readonly pressure: number | undefined;
  readonly scenarioArg: string | undefined;
  lang: Lang;
  version = 0;
  /** The world before the last command that moved it: trend marks compare against it. */
  prevWorld: Record<string, number | boolean>;
  /** Feed items at or after this index arrived with the last command: shown as new. */
  newFrom = 0;
  /** Decisions already closed before the last command: a colleague's decision after it is shown as new. */
  closedBefore = new Set<string>();
  lastEvents: StepEvent[] = [];
  finished: FinishInfo | undefined;
  /** Set when the journal could not be written: no further input is accepted. */
  broken: string | undefined;
  private listeners = new Set<() => void>();
  private cachedView: { version: number; lang: Lang; view: DrillView } | undefined;
  private cachedScore: { version: number; report: ScoreReport } | undefined;

  constructor(o: LiveDrillOptions) {
    const { table, actor } = soloTable(o.scenario, o.session);
    this.scenario = o.scenario;
    this.table = table;
    this.actor = actor;
    this.journal = o.journal;
    this.paths = o.paths;
    this.role = o.role;
    this.lang = o.lang;
    this.pressure = o.pressure;
    this.scenarioArg = o.scenarioArg;
    // Every accepted entry (the player's and simulated colleagues') is on disk before the state moves.
    table.journal = { append: (_session: number, e: TranscriptEntry) => o.journal.append(e) };
    this.prevWorld = { ...this.state.world };
    this.newFrom = this.state.feed.length;
    this.closedBefore = closedIn(this.state);
  }

  /** The drill's engine state (read-only): for what the Table's view does not carry (the scenario's own texts). */
  get state(): Session['state'] {
    return this.table.stateOf(0);
  }

  /** The participant the player is in the transcript. */
  get participant(): string {
    return this.state.participants.find((p) => p.colleague === undefined)!.id;
  }

  /** Accepted inputs so far (the transcript's entries). */
  get inputs(): number {
    return this.table.seq;
  }

  /** What the player may see now: the Table's view for the seats they hold, in their language. */
  view(): DrillView {
    const c = this.cachedView;
    if (c && c.version === this.version && c.lang === this.lang) return c.view;
    const view = this.table.view(
      { kind: 'member', team: this.actor.team, roles: this.actor.roles },
      this.lang,
    ).lanes[0]!.view;
    this.cachedView = { version: this.version, lang: this.lang, view };
    return view;
  }

  /** The score: the Table's one source (the cadre is not charged for colleagues' seats). */
  score(): ScoreReport {
    const c = this.cachedScore;
    if (c && c.version === this.version) return c.report;
    const report = this.table.scores()[0]!.report;
    this.cachedScore = { version: this.version, report };
    return report;
  }

  /** The transcript so far (with its result once the drill is over). */
  transcript(): Transcript {
    return this.table.transcripts()[0]!;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Sends a command as the player. An accepted one is journaled (durably) by the Table before it
   * answers; a refused one changed nothing and comes back with the Table's reason in the player's language.
   */
  submit(command: TableCommand): { ok: true } | Refused {
    if (this.broken) return { ok: false, code: 'engine', engineCode: 'not-saved', reason: this.broken };
    const before = this.state;
    const r = this.table.submit(this.actor, command, { lang: this.lang });
    if (!r.ok) {
      // Not on disk, so not accepted (the Table kept its state): stop taking inputs.
      if (r.engineCode === 'not-saved') {
        this.broken =
          this.lang === 'zh-CN'
            ? `日志无法写入（${r.reason}）：之后的操作都无法保存——请退出（q，y），稍后再继续`
            : `the journal could not be written (${r.reason}): nothing more can be saved — quit (q, y) and resume later`;
        return { ...r, reason: this.broken };
      }
      return r;
    }
    if (command.type !== 'pause' && command.type !== 'resume') {
      this.prevWorld = { ...before.world };
      this.newFrom = before.feed.length;
      this.closedBefore = closedIn(before);
    }
    this.lastEvents = r.events.flatMap((e) => e.events);
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
    const t = this.transcript();
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
      finalStateHash: t.result?.finalStateHash ?? stateHash(this.state),
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
    // The report's one recipe: verify and build from a single replay.
    const r = aarFromTranscript(scenario, t);
    if (!r.ok) return { htmlMissing: `failed: ${r.reason}` };
    writeFileAtomic(path, renderHtml(r.aar, lang));
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
