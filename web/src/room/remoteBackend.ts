import type {
  DefaultClosing,
  Lang,
  Scenario,
  TableCommand,
  TableOutcome,
  TableRefusalCode,
  TableSetup,
  TableView,
  Transcript,
} from '@drill/engine';
import { TABLE_REFUSAL_CODES } from '@drill/engine';
import { transcriptPath, type RoomInfo } from '@drill/server/protocol';
import {
  correctionsInView,
  type BackendAccess,
  type ConsoleBackend,
  type CorrectionMark,
  type TeamScore,
} from '../console/backend.ts';
import { translate } from '../i18n.ts';
import { api } from './api.ts';
import type { RoomClient } from './roomClient.ts';

/** The codes the console knows as the Table's (the server's own ones show as the engine's refusal). */
const TABLE_CODES: readonly TableRefusalCode[] = [...TABLE_REFUSAL_CODES, 'engine'];

const EMPTY_VIEW: TableView = { seq: 0, mode: 'roles', teams: [], phase: 'briefing', clock: 0, lanes: [] };

/**
 * The console's backend for a room on the room server: the same console components, with the server's
 * Table behind them. The trainer's connection receives the facilitator's view of every team; commands
 * go to the server with the sequence number the console acted on, so a second console (or a stale tab)
 * is refused by the server instead of overwriting anything.
 */
export class RemoteBackend implements ConsoleBackend {
  readonly setup: TableSetup;
  readonly savedOnServer = true;

  constructor(
    private readonly client: RoomClient,
    readonly scenario: Scenario,
    readonly room: RoomInfo,
    private readonly token: string,
  ) {
    this.setup = {
      // The server tells the trainer's console the seed (never a participant: it decides hidden draws).
      seed: room.seed ?? '',
      mode: room.mode,
      teams: room.teams.map((x) => ({ name: x.name, roles: [...x.roles] })),
      lang: room.lang,
      colleagues: 'competent',
    };
  }

  private get current(): TableView {
    return this.client.view ?? EMPTY_VIEW;
  }
  get seq(): number {
    return this.current.seq;
  }
  get phase(): TableView['phase'] {
    return this.current.phase;
  }
  get clock(): number {
    return this.current.clock;
  }
  get access(): BackendAccess {
    // A finished room (its drill reached the debrief) still takes the debrief's commands (overrides,
    // corrections, `close`): only a closed drill is final.
    if (this.current.phase === 'ended') return { kind: 'closed' };
    return this.client.socket.kind === 'open' && this.client.view
      ? { kind: 'writer' }
      : { kind: 'read-only', reason: 'server' };
  }

  /**
   * The trainer's connection holds the facilitator's view (in the language its hello asked for); every
   * console screen reads that one.
   */
  view(): TableView {
    return this.current;
  }

  /**
   * Each team's score as the room's Table gives it (`Table.scores()`: the ratings travel in the scores
   * frame, worked out once on the server), with its lane's whole report: one per team (parallel) or the
   * shared drill's. Sent apart from the views, at most once a second.
   */
  scores(): TeamScore[] {
    const reports = this.client.reports ?? [];
    return (this.client.scores ?? []).flatMap(({ team, ratings }) => {
      const report = (
        reports.find((r) => r.team === team) ?? (reports[0]?.team === undefined ? reports[0] : undefined)
      )?.report;
      return report ? [{ team, report, ratings }] : [];
    });
  }

  /** The facilitator's view from the server marks each corrected choice (as the local console's does). */
  corrections(): CorrectionMark[] {
    return correctionsInView(this.current);
  }

  defaultsClosing(command: TableCommand): Promise<DefaultClosing[]> {
    return this.client.preview(command);
  }

  /**
   * Sends a command against the table seq this console shows (the server requires it of clock commands).
   * A stale refusal is the answer for a person: the console shows, next to the control, that the room
   * moved on and asks them to look and click again; it never resends a clock command on its own.
   */
  async submit(command: TableCommand, lang: Lang): Promise<TableOutcome> {
    const r = await this.client.command(command, { expectSeq: this.seq });
    if (r.ok) return { ok: true, seq: r.seq, events: [] };
    if (r.code === 'stale')
      return { ok: false, code: 'stale', reason: translate(lang, 'roomMovedOn', { seq: r.seq ?? this.seq }) };
    const code = (TABLE_CODES as readonly string[]).includes(r.code)
      ? (r.code as TableRefusalCode)
      : 'engine';
    return { ok: false, code, reason: r.reason };
  }

  async transcripts(): Promise<Transcript[]> {
    const n = this.room.mode === 'parallel' ? this.room.teams.length : 1;
    const out: Transcript[] = [];
    for (let i = 0; i < n; i++) {
      const r = await api<Transcript>(transcriptPath(this.room.id, i), { token: this.token });
      if (!r.ok) throw new Error(r.reason);
      out.push(r.value);
    }
    return out;
  }

  async saveFile(): Promise<{ name: string; text: string; type: string }> {
    const transcripts = await this.transcripts();
    return {
      name: `drill-room-${this.room.code}.json`,
      text: JSON.stringify({ room: this.room, transcripts }, null, 1),
      type: 'application/json',
    };
  }

  get projectorScores(): boolean {
    return this.client.display.showScores;
  }
  setProjectorScores(show: boolean): void {
    this.client.setDisplay({ showScores: show });
  }
  setProjectorTeam(team: string | null): void {
    this.client.setDisplay({ projectorTeam: team });
  }

  subscribe(listener: () => void): () => void {
    return this.client.subscribe(listener);
  }

  close(): void {
    this.client.close();
  }
}
