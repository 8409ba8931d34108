import {
  isClockCommand,
  localize,
  Table,
  teamParticipantId,
  type Actor,
  type Lang,
  type Scenario,
  type TableOutcome,
  type TableViewer,
  type TranscriptEntry,
} from '@drill/engine';
import {
  SCORES_EVERY_MS,
  type ClientFrame,
  type Display,
  type Identity,
  type PresenceMember,
  type RefusalCode,
  type RoomInfo,
  type ServerFrame,
} from './protocol.ts';
import { FrameBuilder, type ScoresFor } from './frames.ts';
import type { RoomRow, Store, TokenRow } from './store.ts';
import type { FrameWant, Views } from './view-port.ts';
import { refusal, refusalReason, staleClockReason } from './words.ts';

/**
 * How far past the credential's last accepted `cseq` a hello's `pending` number may be and still be
 * closed. A real page numbers from the welcome's lastCseq, and refused commands do not move that, so it
 * can be ahead by every command refused since (at the per-connection rate limit, a million take days).
 * A forged number further out is not closed: one near the protocol's maximum would close every number
 * after it and lock the seat out for good.
 */
export const PENDING_AHEAD = 1_000_000;

/** One connected client, as the room sees it. */
export interface Conn {
  identity: Identity;
  /** The credential's stable id (cseq counter, presence). */
  tokenId: string;
  /** The page (tab) on the other end, the same across its reconnects (none: it did not say). */
  tab?: string;
  lang: Lang;
  send(frame: ServerFrame): void;
  /** Sends a frame already serialised as UTF-8 JSON (a broadcast encodes each distinct frame once). */
  sendText(text: string | Buffer): void;
  /**
   * Holds the frames sent until `uncork` and then writes them in one go (a socket's cork): a turn's
   * ack, view, scores and presence reach a client in one system call instead of one each.
   */
  cork?(): void;
  uncork?(): void;
}

type Cmd = Extract<ClientFrame, { t: 'cmd' }>;

/**
 * One classroom: the engine Table (the only authority over who may do what), its durable journal in the
 * store, and the clients connected to it. Every accepted input is committed to the database before any
 * client hears of it; a refused one changes nothing.
 */
export class Room {
  private readonly conns = new Set<Conn>();
  /** Last accepted `cseq` per credential (mirrors the tokens table). */
  private readonly cseqs = new Map<string, number>();
  private readonly typing = new Map<string, string>();
  /** Builds view frames from the Table here, when the view worker does not (or cannot). */
  private readonly frames: FrameBuilder;
  /** The table seq of the last view frame each connection was sent: an older one is never sent after it. */
  private readonly sentSeq = new WeakMap<Conn, number>();
  /** The view worker's replica of this room's Table is open (it follows every accepted command). */
  private replica = false;
  /**
   * Acknowledgements of the inputs accepted since the last broadcast: each goes out just before the
   * broadcast that carries its input, so a sender that holds an ack also holds (or is about to read)
   * the view with its input, whichever thread built that view.
   */
  private acks: { conn: Conn; cseq: number; seq: number }[] = [];
  /** The room's members (credentials), read from the store once and again after each join. */
  private memberRows: TokenRow[] | undefined;
  /** A broadcast (and presence) is due at the end of this turn of the event loop. */
  private due = false;
  /**
   * The trainers' presence frame is due at the end of this turn: someone came or went, typed, joined,
   * or an input that can be a member's answer was accepted. A clock step changes none of what presence
   * shows (connected, typing, submitted), so it does not rebuild it.
   */
  private presenceDue = false;
  /** The presence frame is queued for the next turn (see `flush`). */
  private presenceQueued = false;
  /** That broadcast includes views (an input or a display change), not only presence. */
  private viewsDue = false;
  /** The display changed: every connection hears at once which scores it may see now. */
  private scoresForced = false;
  /** When the room last sent its scores (performance.now()) and of which table seq. */
  private scoresSent = { at: -Infinity, seq: -1 };
  /** The scores of inputs accepted within SCORES_EVERY_MS of the last ones go out when it is over. */
  private scoresTimer: NodeJS.Timeout | undefined;
  /** The debrief's scores are queued for the next turn (see `scoresDue`). */
  private debriefScoresQueued = false;

  private constructor(
    private readonly store: Store,
    public row: RoomRow,
    readonly scenario: Scenario,
    public table: Table,
    /** The view worker, when the server runs one: broadcasts' frames are built there. */
    private readonly views?: Views,
  ) {
    this.frames = new FrameBuilder(table);
    this.attachJournal();
  }

  /** Opens a room over a table just started (its header is stored with the room) or resumed from the store. */
  static open(store: Store, row: RoomRow, scenario: Scenario, table: Table, views?: Views): Room {
    return new Room(store, row, scenario, table, views);
  }

  /** Rebuilds a room's table from the store by replaying its entries (same state hashes). */
  static resume(store: Store, row: RoomRow, scenario: Scenario, views?: Views): Room | { error: string } {
    const t = resumeTable(store, row, scenario);
    return 'error' in t ? t : new Room(store, row, scenario, t, views);
  }

  /**
   * The Table's journal keeps a command's entries here until the command is whole; `command` then
   * writes them with the credential's cseq in one transaction. A refused command (most of a busy
   * room's inputs: seat-mates answering a decision one of them already closed) writes nothing, so it
   * no longer opens and commits an empty transaction either.
   */
  private unsaved: { session: number; entry: TranscriptEntry }[] = [];
  /** The last reload failed: what is durable could not be replayed (see `reload`). */
  private unreplayable = false;

  private attachJournal(): void {
    this.table.journal = { append: (session, entry) => void this.unsaved.push({ session, entry }) };
  }

  get id(): string {
    return this.row.id;
  }
  get connections(): number {
    return this.conns.size;
  }

  /** The room as a client sees it; `trainer`: with the seed (never sent to participants or projectors). */
  info(trainer = false): RoomInfo {
    return {
      id: this.row.id,
      code: this.row.code,
      scenario: {
        id: this.row.scenarioId,
        title: this.scenario.title,
        contentHash: this.scenario.contentHash,
      },
      lang: this.row.setup.lang,
      mode: this.row.setup.mode,
      teams: this.row.setup.teams.map((t) => ({ name: t.name, roles: [...t.roles] })),
      status: this.row.status,
      t0: this.scenario.clock.t0,
      ...(trainer ? { seed: this.row.setup.seed } : {}),
    };
  }

  /**
   * A connection said hello. `pending`: its tab's commands whose answers the last connection lost. The
   * welcome says which of them the room accepted from this tab; the others are closed for good (the
   * credential's counter moves past them, so a copy still on its way over the old connection is
   * refused as a replay rather than applied after the tab was told it was not).
   */
  attach(conn: Conn, lastCseq: number, pending: readonly number[] = []): void {
    if (!this.cseqs.has(conn.tokenId)) this.cseqs.set(conn.tokenId, lastCseq);
    const accepted = pending.length
      ? this.store.acceptedFrom(conn.tokenId, conn.tab ?? '', pending)
      : undefined;
    const last = this.cseqs.get(conn.tokenId) ?? 0;
    // Only numbers a real page can have sent are closed (PENDING_AHEAD).
    const passed = Math.max(last, ...pending.filter((n) => n <= last + PENDING_AHEAD));
    // Written before the connection joins the room: if the database refuses, nothing has changed.
    if (passed > last) {
      this.store.setCseq(conn.tokenId, passed);
      this.cseqs.set(conn.tokenId, passed);
    }
    this.conns.add(conn);
    this.sentSeq.set(conn, this.table.seq);
    conn.send({
      t: 'welcome',
      role: conn.identity.role,
      you: conn.identity,
      room: this.info(conn.identity.role === 'trainer'),
      view: this.table.sharedView(this.viewerOf(conn.identity), conn.lang, { score: false }),
      display: this.row.display,
      lastCseq: this.cseqs.get(conn.tokenId) ?? 0,
      ...(accepted ? { accepted } : {}),
    });
    // The scores it may see, as of now (then with everyone's, at most once a second).
    const scores = this.scoresOf(conn.identity);
    if (scores !== undefined) conn.sendText(this.frames.scoresText(scores));
    this.schedule({ views: false });
  }

  detach(conn: Conn): void {
    this.conns.delete(conn);
    if (![...this.conns].some((c) => c.tokenId === conn.tokenId)) this.typing.delete(conn.tokenId);
    this.schedule({ views: false });
  }

  /** A member joined (a new credential): the trainer's presence lists them. */
  joined(): void {
    this.memberRows = undefined;
    this.schedule({ views: false });
  }

  refuse(conn: Conn, code: RefusalCode, cseq?: number, reason?: string, seq?: number): void {
    conn.send(refusal(code, conn.lang, cseq, reason, seq));
  }

  /** A command from a client: authorised by the Table, committed, then broadcast. */
  command(conn: Conn, f: Cmd): void {
    const last = this.cseqs.get(conn.tokenId) ?? 0;
    // Says how far this credential got: another tab holding it may have used the numbers.
    if (f.cseq <= last)
      return conn.send({
        t: 'refused',
        cseq: f.cseq,
        code: 'replay',
        reason: refusalReason('replay', conn.lang),
        lastCseq: last,
      });
    const actor = this.actorOf(conn.identity);
    if (!actor) return this.refuse(conn, 'trainer-only', f.cseq);
    // A failed reload left the table ahead of what is durable: try again, and refuse while it fails.
    if (this.unreplayable && !this.reload()) return this.refuse(conn, 'unavailable', f.cseq);
    const before = this.table.seq;
    // A trainer's clock command must name the seq it acted on, and that must be the room's: otherwise
    // a console (or two racing ones) could move time past answers its trainer has not seen yet.
    if (actor.kind === 'trainer' && f.expectSeq !== before && isClockCommand(f.command))
      return this.refuse(conn, 'stale', f.cseq, staleClockReason(conn.lang, before, f.expectSeq), before);
    this.unsaved = [];
    let outcome: TableOutcome;
    try {
      outcome = this.table.submit(actor, f.command, {
        ...(f.expectSeq !== undefined ? { expectSeq: f.expectSeq } : {}),
        lang: conn.lang,
      });
    } catch {
      // The engine threw (it refuses with values; this is a bug): rebuild from what is durable.
      this.reload();
      return this.refuse(conn, 'unavailable', f.cseq);
    }
    if (!outcome.ok) {
      // A refusal changes nothing: the Table hands the journal no entry of it, and does not move.
      if (this.table.seq !== before) {
        this.reload();
        return this.refuse(conn, 'unavailable', f.cseq);
      }
      return this.refuse(
        conn,
        outcome.code,
        f.cseq,
        outcome.reason,
        outcome.code === 'stale' ? this.table.seq : undefined,
      );
    }
    const entries = this.unsaved;
    this.unsaved = [];
    try {
      // The command's entries, its cseq and the room's status are durable together before anyone hears.
      this.store.transaction(() => {
        for (const e of entries) this.store.appendEntry(this.row.id, e.session, e.entry);
        this.store.accept(conn.tokenId, f.cseq, conn.tab ?? '');
        if (this.row.status === 'open' && this.over()) this.store.setStatus(this.row.id, 'finished');
      });
    } catch {
      // The database did not take it: the table in memory is ahead of it, so rebuild it from what is
      // durable (the engine's own replay; nobody rolls engine state back by hand).
      this.reload();
      return this.refuse(conn, 'unavailable', f.cseq);
    }
    this.cseqs.set(conn.tokenId, f.cseq);
    // The view worker's replica takes the same command (committed: the authority has decided it).
    if (this.replica)
      this.views?.command({
        room: this.row.id,
        actor,
        command: f.command,
        ...(f.expectSeq !== undefined ? { expectSeq: f.expectSeq } : {}),
        lang: conn.lang,
        seq: outcome.seq,
      });
    if (this.over()) this.row = { ...this.row, status: 'finished' };
    if (actor.kind === 'member') this.typing.delete(conn.tokenId);
    this.acks.push({ conn, cseq: f.cseq, seq: outcome.seq });
    this.schedule({ views: true, presence: !isClockCommand(f.command) });
  }

  /**
   * A room is finished once its drill reaches the debrief: it stops taking joins and is listed for
   * review, but the Table still takes what the debrief allows (overrides, corrections).
   */
  private over(): boolean {
    return this.table.phase === 'debrief' || this.table.phase === 'ended';
  }

  typingFrom(conn: Conn, f: Extract<ClientFrame, { t: 'typing' }>): void {
    if (conn.identity.role !== 'member') return this.refuse(conn, 'trainer-only');
    if (f.active === false) this.typing.delete(conn.tokenId);
    else this.typing.set(conn.tokenId, f.decision);
    this.schedule({ views: false });
  }

  displayFrom(conn: Conn, f: Extract<ClientFrame, { t: 'display' }>): void {
    if (conn.identity.role !== 'trainer') return this.refuse(conn, 'trainer-only');
    if (
      f.projectorTeam !== undefined &&
      f.projectorTeam !== null &&
      !this.table.teams.includes(f.projectorTeam)
    )
      return this.refuse(conn, 'unknown-team');
    const display: Display = {
      showScores: f.showScores ?? this.row.display.showScores,
      projectorTeam: f.projectorTeam === undefined ? this.row.display.projectorTeam : f.projectorTeam,
    };
    this.store.setDisplay(this.row.id, display);
    this.row = { ...this.row, display };
    this.scoresForced = true;
    this.schedule({ views: true });
  }

  previewFrom(conn: Conn, f: Extract<ClientFrame, { t: 'preview' }>): void {
    if (conn.identity.role !== 'trainer') return this.refuse(conn, 'trainer-only', f.cseq);
    conn.send({ t: 'preview', cseq: f.cseq, closing: this.table.defaultsClosing(f.command) });
  }

  /**
   * Everything accepted in one turn of the event loop goes out in one broadcast (and one presence
   * frame) at its end: inputs arriving together cost one round of views, not one each. Each input was
   * committed before `schedule` was called, so nothing is broadcast that is not durable.
   */
  private schedule(o: { views: boolean; presence?: boolean }): void {
    if (o.views) this.viewsDue = true;
    if (o.presence !== false) this.presenceDue = true;
    if (this.due) return;
    this.due = true;
    setImmediate(() => {
      this.due = false;
      // The server closed its database in the meantime (it is stopping): nobody is listening any more.
      if (!this.store.db.open) return;
      const corked = [...this.conns];
      for (const c of corked) c.cork?.();
      try {
        this.flush();
      } finally {
        for (const c of corked) c.uncork?.();
      }
    });
  }

  /**
   * What a turn of the event loop left due: views (and acks, scores), then the trainers' presence.
   * Only the acks and views are urgent (someone is waiting to see their input land). Scores (at most
   * once a second) and presence go out on a later turn, so in a busy turn every room's broadcast is
   * sent before any room's scores or presence are built: they wait a turn, not the other rooms' inputs.
   */
  private flush(): void {
    if (this.viewsDue) {
      this.viewsDue = false;
      this.broadcast();
      if (this.scoresForced) {
        this.scoresForced = false;
        this.sendScores(true);
      } else this.scoresDue();
    }
    if (this.presenceDue && !this.presenceQueued) {
      this.presenceQueued = true;
      // An immediate queued while immediates run fires on the next turn, after that turn's input.
      setImmediate(() => {
        this.presenceQueued = false;
        if (!this.presenceDue || !this.store.db.open) return;
        this.presenceDue = false;
        this.presence();
      });
    }
  }

  /**
   * Sends every connection its own view. Each distinct frame (viewer, language) is built and serialised
   * once and the same bytes go to every connection that shares it. With a view worker the frames are
   * built there (the main thread only groups the connections and writes); without one, or when the
   * worker cannot, here.
   */
  broadcast(): void {
    const groups = this.groups();
    const acks = this.acks;
    this.acks = [];
    if (groups.size === 0) return this.sendAcks(acks);
    const seq = this.table.seq;
    const ctx = { display: this.row.display, status: this.row.status };
    if (this.views?.ready) {
      if (!this.replica) {
        this.views.open(this.row.id, this.scenario, this.table.save());
        this.replica = true;
      }
      const wants = [...groups.values()].map((g) => g.want);
      void this.views.frames(this.row.id, seq, ctx, wants).then((texts) => {
        if (!texts) {
          // The replica is out of step (or the worker is gone): build this broadcast here, and
          // reopen the replica from the authority for the next one.
          this.replica = false;
          this.sendAcks(acks);
          if (this.store.db.open) this.broadcastHere();
          return;
        }
        this.sendAcks(acks);
        for (const [key, g] of groups) {
          const text = texts.get(key);
          if (text !== undefined) for (const c of g.conns) this.sendView(c, seq, text);
        }
      });
      return;
    }
    this.sendAcks(acks);
    this.broadcastHere(groups);
  }

  /**
   * An input changed the table: its scores go out on the next turn of the event loop if the room sent
   * none in the last SCORES_EVERY_MS, else when that time is up — one rescoring and one frame a second,
   * however many inputs came in it (and never ahead of this turn's broadcasts: see `flush`). The
   * debrief's go out on the next turn, whenever the last went (the drill is over: every figure is final).
   */
  private scoresDue(): void {
    if (this.scoresSent.seq === this.table.seq) return;
    if (this.over()) {
      clearTimeout(this.scoresTimer);
      this.scoresTimer = undefined;
      // The debrief's scores are the whole drill's (every team's report): built on the next turn, so a
      // busy turn sends every room's acks and views first (as for the once-a-second scores below).
      if (this.debriefScoresQueued) return;
      this.debriefScoresQueued = true;
      setImmediate(() => {
        this.debriefScoresQueued = false;
        if (this.store.db.open && this.scoresSent.seq !== this.table.seq) this.sendScores();
      });
      return;
    }
    const wait = Math.max(0, this.scoresSent.at + SCORES_EVERY_MS - performance.now());
    this.scoresTimer ??= setTimeout(() => {
      this.scoresTimer = undefined;
      // The server closed its database in the meantime (it is stopping): nobody is listening any more.
      if (this.store.db.open && this.scoresSent.seq !== this.table.seq) this.sendScores();
    }, wait).unref();
  }

  /**
   * Sends each connection the scores it may see, each distinct frame built once. `everyone`: the
   * display changed, so those who may no longer see scores hear it too (an empty list).
   */
  private sendScores(everyone = false): void {
    this.scoresSent = { at: performance.now(), seq: this.table.seq };
    const texts = new Map<string, Buffer>();
    for (const c of this.conns) {
      const which = this.scoresOf(c.identity);
      if (which === undefined && !everyone) continue;
      const key = which === undefined ? '' : typeof which === 'string' ? which : `team\u0000${which.team}`;
      let text = texts.get(key);
      if (text === undefined) texts.set(key, (text = Buffer.from(this.frames.scoresText(which))));
      c.sendText(text);
    }
  }

  private sendAcks(acks: { conn: Conn; cseq: number; seq: number }[]): void {
    for (const a of acks) if (this.conns.has(a.conn)) a.conn.send({ t: 'ack', cseq: a.cseq, seq: a.seq });
  }

  /** Builds and sends a broadcast's frames on this thread. */
  private broadcastHere(groups = this.groups()): void {
    const seq = this.table.seq;
    const ctx = { display: this.row.display, status: this.row.status };
    for (const g of groups.values()) {
      const text = Buffer.from(this.frames.text(g.want.viewer, g.want.lang, ctx));
      for (const c of g.conns) this.sendView(c, seq, text);
    }
  }

  /** The room's connections grouped by the frame they get. */
  private groups(): Map<string, { want: FrameWant; conns: Conn[] }> {
    const groups = new Map<string, { want: FrameWant; conns: Conn[] }>();
    for (const c of this.conns) {
      const want = this.wantOf(c);
      const g = groups.get(want.key);
      if (g) g.conns.push(c);
      else groups.set(want.key, { want, conns: [c] });
    }
    return groups;
  }

  /** What each connection is sent, kept while the display it depends on is the same object. */
  private readonly wants = new WeakMap<Conn, { display: Display; want: FrameWant }>();

  /** The frame a connection gets: its viewer (kind, team, seats, the display's choices) and scores. */
  private wantOf(c: Conn): FrameWant {
    const kept = this.wants.get(c);
    if (kept?.display === this.row.display) return kept.want;
    const viewer = this.viewerOf(c.identity);
    const key = `${c.lang}\u0000${JSON.stringify(viewer)}`;
    const want: FrameWant = { key, viewer, lang: c.lang };
    this.wants.set(c, { display: this.row.display, want });
    return want;
  }

  /** Sends a view frame to a connection still in the room, unless it already holds a newer one. */
  private sendView(c: Conn, seq: number, text: Buffer): void {
    if (!this.conns.has(c) || (this.sentSeq.get(c) ?? 0) > seq) return;
    this.sentSeq.set(c, seq);
    c.sendText(text);
  }

  /** Trainer consoles hear who is connected, typing and has submitted. */
  private presence(): void {
    const trainers = [...this.conns].filter((c) => c.identity.role === 'trainer');
    if (trainers.length === 0) return;
    const connected = new Set([...this.conns].map((c) => c.tokenId));
    // What each member submitted, from one pass over the transcripts: (session, participant, name) → decisions.
    const submittedBy = new Map<string, string[]>();
    for (const [session, t] of this.table.save().transcripts.entries())
      for (const { input: i } of t.entries)
        if (i.type === 'choose' && i.by !== undefined) {
          const k = `${session}\u0000${i.participant}\u0000${i.by}`;
          const list = submittedBy.get(k);
          if (list) list.push(i.decision);
          else submittedBy.set(k, [i.decision]);
        }
    this.memberRows ??= this.store.members(this.row.id);
    const members: PresenceMember[] = this.memberRows.map((m) => {
      const ti = this.table.teams.indexOf(m.team ?? '');
      const session = this.row.setup.mode === 'roles' ? 0 : ti;
      const pid = teamParticipantId(ti);
      const submitted = [...(submittedBy.get(`${session}\u0000${pid}\u0000${m.name}`) ?? [])];
      const typing = this.typing.get(m.id);
      return {
        id: m.id,
        name: m.name,
        team: m.team ?? '',
        roles: m.roles,
        connected: connected.has(m.id),
        ...(typing !== undefined ? { typing } : {}),
        submitted,
      };
    });
    const count = (r: Identity['role']): number =>
      [...this.conns].filter((c) => c.identity.role === r).length;
    const text = Buffer.from(
      JSON.stringify({
        t: 'presence',
        members,
        projectors: count('projector'),
        evaluators: count('evaluator'),
        trainers: count('trainer'),
      } satisfies ServerFrame),
    );
    for (const c of trainers) c.sendText(text);
  }

  private actorOf(id: Identity): Actor | undefined {
    switch (id.role) {
      case 'trainer':
        return { kind: 'trainer', ...(id.name ? { name: id.name } : {}) };
      case 'member':
        return { kind: 'member', team: id.team ?? '', roles: id.roles ?? [], name: id.name ?? '' };
      case 'evaluator':
        return { kind: 'evaluator', name: id.name ?? '' };
      case 'projector':
        return undefined;
      default: {
        const never: never = id.role;
        return never;
      }
    }
  }

  /** What each kind of client may see: the Table's per-viewer view, never more. */
  viewerOf(id: Identity): TableViewer {
    switch (id.role) {
      case 'trainer':
        return { kind: 'facilitator' };
      case 'evaluator':
        return { kind: 'evaluator' };
      case 'projector': {
        const team = this.row.display.projectorTeam;
        return {
          kind: 'projector',
          ...(team !== null ? { team } : {}),
          showScores: this.row.display.showScores,
        };
      }
      case 'member':
        return { kind: 'member', team: id.team ?? '', roles: id.roles ?? [] };
      default: {
        const never: never = id.role;
        return never;
      }
    }
  }

  /**
   * Which scores a client may see: the trainer and evaluators every team's and the whole reports; the
   * projector every team's and members only their own team's, and those two only when shown.
   */
  private scoresOf(id: Identity): ScoresFor {
    const show = this.row.display.showScores;
    switch (id.role) {
      case 'trainer':
      case 'evaluator':
        return 'staff';
      case 'projector':
        return show ? 'all' : undefined;
      case 'member':
        return show ? { team: id.team ?? '' } : undefined;
      default: {
        const never: never = id.role;
        return never;
      }
    }
  }

  private reload(): boolean {
    let t: Table | { error: string };
    try {
      t = resumeTable(this.store, this.row, this.scenario);
    } catch (e) {
      t = { error: (e as Error).message };
    }
    // What is durable cannot be replayed (the database is gone, or the engine throws on it): the table
    // in memory may be ahead of it, so the room takes nothing more until a reload succeeds.
    this.unreplayable = 'error' in t;
    if ('error' in t) return false;
    this.table = t;
    this.frames.reset(t);
    // The view worker's replica may be ahead of what is durable: reopen it from the reloaded table.
    this.replica = false;
    this.attachJournal();
    return true;
  }

  /** A title for listings. */
  title(lang: Lang): string {
    return localize(this.scenario.title, lang);
  }
}

function resumeTable(store: Store, row: RoomRow, scenario: Scenario): Table | { error: string } {
  if (scenario.contentHash !== row.scenarioHash)
    return { error: `the scenario ${row.scenarioId} changed since this room was created` };
  // Not frozen: the room only serialises the Table's shared views and scores (FrameBuilder, scoresFor).
  return Table.resume(
    scenario,
    {
      format: 'drill-table/1',
      setup: row.setup,
      transcripts: row.headers.map((header, i) => ({ header, entries: store.entries(row.id, i) })),
    },
    { frozen: false },
  );
}
