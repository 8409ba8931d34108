import type { DefaultClosing, Lang, TableCommand, TableView } from '@drill/engine';
import {
  MAX_PENDING,
  WS_PATH,
  type ClientFrame,
  type Display,
  type Identity,
  type PresenceMember,
  type RefusalCode,
  type RoomInfo,
  type RoomStatus,
  type ServerFrame,
  type LaneReport,
  type TeamScore,
} from '@drill/server/protocol';
import { RoomSocket, socketUrl, type SocketState } from './roomSocket.ts';

export type SendResult =
  | { ok: true; seq: number }
  /** `seq`: with `stale`, the table seq the room holds (the view to look at before acting again). */
  | { ok: false; code: RefusalCode | 'lost'; reason: string; seq?: number };

export interface Presence {
  members: PresenceMember[];
  projectors: number;
  trainers: number;
}

interface Pending {
  resolve(r: SendResult): void;
  /** The command and the seq it acted on, to number it again once (see `replay` below). */
  command: TableCommand;
  expectSeq: number | undefined;
  renumbered: boolean;
}

/** The frames a server may send: checked only for shape enough to dispatch (the server is trusted). */
function parseFrame(v: unknown): ServerFrame | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const t = (v as { t?: unknown }).t;
  return typeof t === 'string' ? (v as ServerFrame) : undefined;
}

/**
 * This page's name to the room, kept for its life and said on every reconnect: another tab holding the
 * same credential shares its `cseq` numbers, so the room answers "which of my commands did you take"
 * per tab. (getRandomValues, not randomUUID: a LAN page over plain http is not a secure context.)
 */
function newTabName(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One page's session with a room (a member, the trainer, the projector): keeps the latest view the
 * server sent, numbers this token's commands (`cseq`) across reconnects and settles each with the
 * server's ack or refusal. A command whose answer was lost with the connection is settled on the next
 * welcome: accepted if the server says it took that command from this tab, otherwise reported as not
 * delivered (the server then refuses any late copy of it, so it is never applied after that).
 */
export class RoomClient {
  socket: SocketState = { kind: 'connecting' };
  you: Identity | undefined;
  room: RoomInfo | undefined;
  view: TableView | undefined;
  display: Display = { showScores: false, projectorTeam: null };
  status: RoomStatus = 'open';
  /** The scores this page may see (the room sends them apart from the views, at most once a second). */
  scores: TeamScore[] | undefined;
  /** The trainer's and evaluators' whole score report of each lane. */
  reports: LaneReport[] | undefined;
  presence: Presence | undefined;
  /**
   * Moves with every change but the trainers' presence frame (who is connected, typing, submitted):
   * a screen that shows none of that re-renders on this, not on each of those frames (with a class
   * typing, they come many times a second).
   */
  revision = 0;
  /** The last refusal that did not answer a command (a bad token, a closed room). */
  trouble: { code: RefusalCode; reason: string } | undefined;
  private cseq = 0;
  private readonly tab = newTabName();
  private readonly pending = new Map<number, Pending>();
  private readonly previews = new Map<number, (c: DefaultClosing[]) => void>();
  private readonly listeners = new Set<() => void>();
  private readonly ws: RoomSocket<ClientFrame, ServerFrame>;

  constructor(
    private readonly o: {
      token: string;
      room?: string;
      lang: Lang;
      /** Said when a command's answer was lost with the connection. */
      lostReason: string;
      url?: string;
    },
  ) {
    this.ws = new RoomSocket<ClientFrame, ServerFrame>(o.url ?? socketUrl(WS_PATH), {
      hello: () => ({
        t: 'hello',
        token: o.token,
        ...(o.room ? { room: o.room } : {}),
        ...(this.view ? { lastSeq: this.view.seq } : {}),
        lang: o.lang,
        tab: this.tab,
        ...(this.pending.size ? { pending: [...this.pending.keys()].slice(-MAX_PENDING) } : {}),
      }),
      parse: parseFrame,
      onFrame: (f) => this.onFrame(f),
      onState: (s) => {
        this.socket = s;
        this.revision++;
        this.emit();
      },
    });
  }

  get seq(): number {
    return this.view?.seq ?? 0;
  }

  /** A member's own team score, while the trainer shows scores (undefined otherwise). */
  ownScore(): TeamScore | undefined {
    if (!this.display.showScores || this.you?.team === undefined) return undefined;
    return this.scores?.find((s) => s.team === this.you?.team);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }

  private onFrame(f: ServerFrame): void {
    if (f.t !== 'presence') this.revision++;
    switch (f.t) {
      case 'welcome': {
        this.you = f.you;
        this.room = f.room;
        this.view = f.view;
        this.display = f.display;
        this.status = f.room.status;
        // The room follows a welcome with the scores this page may see now.
        this.scores = undefined;
        this.reports = undefined;
        this.trouble = undefined;
        // Commands sent before the connection dropped: the server says which it took from this tab
        // (not "up to lastCseq": another tab on this credential may have numbered past one it never saw).
        for (const [n, p] of [...this.pending]) {
          this.pending.delete(n);
          p.resolve(
            (f.accepted ? f.accepted.includes(n) : n <= f.lastCseq)
              ? { ok: true, seq: f.view.seq }
              : { ok: false, code: 'lost', reason: this.o.lostReason },
          );
        }
        this.cseq = Math.max(this.cseq, f.lastCseq);
        break;
      }
      case 'view':
        this.view = f.view;
        this.display = f.display;
        this.status = f.status;
        break;
      case 'scores':
        this.scores = f.scores;
        this.reports = f.reports;
        break;
      case 'ack': {
        const p = this.pending.get(f.cseq);
        this.pending.delete(f.cseq);
        p?.resolve({ ok: true, seq: f.seq });
        break;
      }
      case 'refused': {
        const p = f.cseq !== undefined ? this.pending.get(f.cseq) : undefined;
        if (p && f.cseq !== undefined && f.code === 'replay' && f.lastCseq !== undefined && !p.renumbered) {
          // Another tab holding this credential used this number: the room never saw this command, so
          // it goes once more numbered after the last one the room accepted (the room still checks it,
          // a clock command against the seq this tab showed).
          this.pending.delete(f.cseq);
          this.cseq = Math.max(this.cseq, f.lastCseq);
          this.dispatch({ ...p, renumbered: true });
        } else if (p && f.cseq !== undefined) {
          this.pending.delete(f.cseq);
          p.resolve({
            ok: false,
            code: f.code,
            reason: f.reason,
            ...(f.seq !== undefined ? { seq: f.seq } : {}),
          });
        } else this.trouble = { code: f.code, reason: f.reason };
        break;
      }
      case 'preview': {
        const r = this.previews.get(f.cseq);
        this.previews.delete(f.cseq);
        r?.(f.closing);
        break;
      }
      case 'presence':
        this.presence = { members: f.members, projectors: f.projectors, trainers: f.trainers };
        break;
      default: {
        const never: never = f;
        return never;
      }
    }
    this.emit();
  }

  /** Sends a command for the room's table; settles with the server's answer. */
  command(command: TableCommand, o: { expectSeq?: number } = {}): Promise<SendResult> {
    return new Promise((resolve) => {
      this.dispatch({ resolve, command, expectSeq: o.expectSeq, renumbered: false });
    });
  }

  private dispatch(p: Pending): void {
    const cseq = ++this.cseq;
    this.pending.set(cseq, p);
    const sent = this.ws.send({
      t: 'cmd',
      cseq,
      ...(p.expectSeq !== undefined ? { expectSeq: p.expectSeq } : {}),
      command: p.command,
    });
    if (!sent) {
      this.pending.delete(cseq);
      p.resolve({ ok: false, code: 'lost', reason: this.o.lostReason });
    }
  }

  /** Which decisions a clock command would close with their defaults (trainer only). */
  preview(command: TableCommand): Promise<DefaultClosing[]> {
    const cseq = ++this.cseq;
    return new Promise((resolve) => {
      this.previews.set(cseq, resolve);
      if (!this.ws.send({ t: 'preview', cseq, command })) {
        this.previews.delete(cseq);
        resolve([]);
      }
    });
  }

  typing(decision: string, active: boolean): void {
    this.ws.send({ t: 'typing', decision, active });
  }

  setDisplay(d: Partial<Display>): void {
    this.ws.send({
      t: 'display',
      ...(d.showScores !== undefined ? { showScores: d.showScores } : {}),
      ...(d.projectorTeam !== undefined ? { projectorTeam: d.projectorTeam } : {}),
    });
  }

  close(): void {
    this.ws.close();
    for (const p of this.pending.values()) p.resolve({ ok: false, code: 'lost', reason: this.o.lostReason });
    this.pending.clear();
  }
}
