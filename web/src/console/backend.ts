import type {
  DefaultClosing,
  Lang,
  Scenario,
  ScoreReport,
  SubjectRatings,
  TableCommand,
  TableOutcome,
  TableSetup,
  TableView,
  TableViewer,
  Transcript,
} from '@drill/engine';
import { teamParticipantId } from '@drill/engine';

/** An evaluator's observation, as the Table takes it. */
export type ObserveCommand = Extract<TableCommand, { type: 'observe' }>;

/** One team's score: the engine Table's `scores()` row, the one source every screen reads. */
export interface TeamScore {
  team: string;
  report: ScoreReport;
  ratings: SubjectRatings;
}

/** A recorded choice the trainer corrected (a `correct` input): shown in the debrief and the AAR. */
export interface CorrectionMark {
  team: string;
  decision: string;
  note: string;
  by?: string;
}

/**
 * The corrections a facilitator's view shows, per team: a lane is a team (parallel), or in role mode the
 * team whose participant recorded the choice. Both consoles (browser-only and room) read them this way.
 */
export function correctionsInView(view: TableView): CorrectionMark[] {
  const out: CorrectionMark[] = [];
  for (const lane of view.lanes)
    for (const c of lane.view.closed) {
      if (!c.correction) continue;
      const team = lane.team ?? view.teams.find((_, i) => teamParticipantId(i) === c.by) ?? '';
      out.push({
        team,
        decision: c.decision,
        note: c.correction.note,
        ...(c.correction.by !== undefined ? { by: c.correction.by } : {}),
      });
    }
  return out;
}

/**
 * Whether this console may change the drill. Without a server, one browser tab holds the drill (a lease
 * in localStorage); another tab on the same drill is read-only until it takes over explicitly.
 */
export type BackendAccess =
  | { kind: 'writer' }
  | { kind: 'read-only'; reason: 'other-tab' | 'newer-save' | 'server' }
  | { kind: 'closed' };

/**
 * What the console components talk to: the browser-only drill (an engine Table kept in localStorage)
 * or a room on the room server (the same Table run by the server, over a WebSocket). Components never
 * hold engine state: they read views and scores and send Table commands.
 */
export interface ConsoleBackend {
  readonly scenario: Scenario;
  readonly setup: TableSetup;
  /** The table sequence number the console last saw (every accepted entry of every team counts). */
  readonly seq: number;
  readonly phase: TableView['phase'];
  readonly clock: number;
  readonly access: BackendAccess;
  /** True where the inputs are kept by the room server, not in this browser's storage. */
  readonly savedOnServer?: boolean;

  /** What `viewer` may see now, in `lang`. */
  view(viewer: TableViewer, lang: Lang): TableView;
  /** Each team's score and ratings (the numbers the AAR heads with). */
  scores(): TeamScore[];
  /** Choices the trainer corrected, per team. */
  corrections(): CorrectionMark[];
  /** The decisions that would close with their defaults if the clock moved as `command` asks. */
  defaultsClosing(command: TableCommand): Promise<DefaultClosing[]>;
  /** Sends a command as the trainer; refusals come back with a reason in `lang`. */
  submit(command: TableCommand, lang: Lang): Promise<TableOutcome>;
  /**
   * Browser-only: records an observation under the evaluator's name the user gives, as the room records
   * it under the evaluator's token. Undefined where the server knows who is observing.
   */
  observeAs?(command: ObserveCommand, evaluator: string, lang: Lang): Promise<TableOutcome>;
  /** Each team's transcript (one per session: one in role mode, one per team in parallel mode). */
  transcripts(): Promise<Transcript[]>;
  /** The whole drill as a file the trainer can keep (and resume or verify elsewhere). */
  saveFile(): Promise<{ name: string; text: string; type: string }>;

  /** Whether the participant view shows scores (per drill: a new drill starts hidden). */
  readonly projectorScores: boolean;
  setProjectorScores(show: boolean): void;

  /** Called after every change (own commands, another tab's, the server's). Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** Take the drill over from another tab (browser-only mode); undefined where the server decides. */
  takeOver?(): void;
  close(): void;
}
