import type { DrillView, Lang, Table, TableViewer } from '@drill/engine';
import type { Display, LaneReport, RoomStatus, ServerFrame, TeamScore } from './protocol.ts';

/**
 * Which scores a connection may see: none, every team's with every lane's whole report (the trainer,
 * evaluators), every team's (the projector, when shown), or one team's (a member's, when shown).
 */
export type ScoresFor = undefined | 'staff' | 'all' | { team: string };

/** What a view frame needs besides the Table: the room's display choices and status. */
export interface FrameContext {
  display: Display;
  status: RoomStatus;
}

/**
 * Builds the JSON text of `view` frames for one room's Table: used by the room itself and by the view
 * worker that builds them off the main thread (server/src/view-worker.ts), so both send the same bytes.
 * Lanes come from the Table's shared views and their JSON is cached per shared lane object, so a lane
 * whose session did not change is neither recomputed nor re-encoded; scores are computed once per seq.
 */
export class FrameBuilder {
  /** The JSON of each lane view built so far (lanes are shared per session state). */
  private laneText = new WeakMap<DrillView, string>();
  /**
   * The JSON of each feed item and decision view built so far: the Table shares these between the
   * lanes of a state (and a feed item between states), so each is encoded once, not once per lane.
   */
  private partText = new WeakMap<object, string>();
  private scoreCache: { seq: number; scores: TeamScore[] } | undefined;

  constructor(public table: Table) {}

  /** A new Table (the room reloaded it from the store): nothing cached of the old one is kept. */
  reset(table: Table): void {
    this.table = table;
    this.laneText = new WeakMap();
    this.partText = new WeakMap();
    this.scoreCache = undefined;
  }

  /** Every team's scores: the Table's one score source, computed once per sequence number. */
  allScores(): TeamScore[] {
    if (this.scoreCache?.seq !== this.table.seq)
      this.scoreCache = {
        seq: this.table.seq,
        scores: this.table
          .scores()
          .map((s) => ({ team: s.team, score: s.ratings.score, ratings: s.ratings })),
      };
    return this.scoreCache.scores;
  }

  scores(which: ScoresFor): TeamScore[] | undefined {
    if (which === undefined) return undefined;
    return which === 'all' || which === 'staff'
      ? this.allScores()
      : this.allScores().filter((s) => s.team === which.team);
  }

  /** Each lane's whole score report, as the facilitator's view has its lanes (one per session). */
  private reports(): LaneReport[] {
    const byReport = new Map<object, LaneReport>();
    for (const s of this.table.scores())
      if (!byReport.has(s.report))
        byReport.set(s.report, {
          ...(this.table.setup.mode === 'parallel' ? { team: s.team } : {}),
          report: s.report,
        });
    return [...byReport.values()];
  }

  /** The JSON of a `scores` frame for those who may see `which` (an empty list: none may be seen). */
  scoresText(which: ScoresFor): string {
    const frame: ServerFrame = {
      t: 'scores',
      seq: this.table.seq,
      scores: this.scores(which) ?? [],
      ...(which === 'staff' ? { reports: this.reports() } : {}),
    };
    return JSON.stringify(frame);
  }

  /**
   * `JSON.stringify(view)`, assembled from the cached JSON of its feed items and decisions: the same
   * keys in the same order (a view is plain data: no undefined inside arrays, no functions, no
   * `toJSON`), so the same text.
   */
  private laneJson(view: DrillView): string {
    let out = '';
    for (const [k, x] of Object.entries(view) as [string, unknown][]) {
      if (x === undefined) continue;
      const text =
        k === 'feed' || k === 'open' || k === 'closed' ? this.list(x as object[]) : JSON.stringify(x);
      out += `${out === '' ? '{' : ','}${JSON.stringify(k)}:${text}`;
    }
    return out === '' ? '{}' : `${out}}`;
  }

  /** A list of parts: the Table hands the same list again while it is unchanged (a feed, mostly). */
  private list(parts: object[]): string {
    let t = this.partText.get(parts);
    if (t === undefined) {
      t = `[${parts.map((p) => this.part(p)).join(',')}]`;
      this.partText.set(parts, t);
    }
    return t;
  }

  private part(p: object): string {
    let t = this.partText.get(p);
    if (t === undefined) {
      t = JSON.stringify(p);
      this.partText.set(p, t);
    }
    return t;
  }

  /**
   * The JSON of a `view` frame, assembled from the JSON of its lanes: it parses to exactly the frame
   * `JSON.stringify` would give.
   */
  text(viewer: TableViewer, lang: Lang, ctx: FrameContext): string {
    // No score report in the lanes: scores go in `scores` frames (Room.sendScores).
    const v = this.table.sharedView(viewer, lang, { score: false });
    const lanes = v.lanes.map((l) => {
      let text = this.laneText.get(l.view);
      if (text === undefined) {
        text = this.laneJson(l.view);
        this.laneText.set(l.view, text);
      }
      return `{${l.team !== undefined ? `"team":${JSON.stringify(l.team)},` : ''}"view":${text}}`;
    });
    const head = JSON.stringify({ seq: v.seq, mode: v.mode, teams: v.teams, phase: v.phase, clock: v.clock });
    const tail = JSON.stringify({ display: ctx.display, status: ctx.status });
    return `{"t":"view","view":${head.slice(0, -1)},"lanes":[${lanes.join(',')}]},${tail.slice(1)}`;
  }
}
