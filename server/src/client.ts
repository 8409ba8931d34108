/**
 * A small reconnecting room client for Node (tests, the bench, scripts), on the `ws` package. It says
 * hello with its token after every (re)connect, numbers its commands with `cseq` continuing from the
 * server's `lastCseq`, and after a drop asks which of its unanswered commands the room accepted from
 * it (`tab`, `pending`); the others it sends again under new numbers (the room closed the old ones, so
 * nothing applies twice).
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { isClockCommand, type Lang, type TableCommand } from '@drill/engine';
import { MAX_PENDING, WS_PATH, type ClientFrame, type ServerFrame } from './protocol.ts';

export interface RoomClientOptions {
  /** The server's base URL (http://host:port/). */
  url: string;
  token: string;
  /** With the host token: which room. */
  room?: string;
  lang?: Lang;
  /** Keep every received frame in `frames` (default true; a load generator turns it off). */
  keepFrames?: boolean;
  /** Reconnect delay, doubled up to `maxDelayMs` while the server is down. */
  delayMs?: number;
  maxDelayMs?: number;
}

type Waiter = { match: (f: ServerFrame) => boolean; done: (f: ServerFrame) => void };

export class RoomClient {
  /** Every frame received, in order (tests assert on them). */
  readonly frames: ServerFrame[] = [];
  lastSeq = 0;
  /** The newest table seq this client knows of (views, welcomes, its own acks, stale refusals). */
  private tableSeq = 0;
  private cseq = 0;
  /** This client's name to the room across its reconnects (another client may hold the same token). */
  private readonly tab = randomBytes(9).toString('base64url');
  /** The cseqs of commands sent and not answered yet: the hello after a drop asks about them. */
  private readonly inflight = new Set<number>();
  private ws: WebSocket | undefined;
  private closed = false;
  private waiters: Waiter[] = [];
  private listeners: ((f: ServerFrame) => void)[] = [];
  private delay: number;

  constructor(private readonly o: RoomClientOptions) {
    this.delay = o.delayMs ?? 100;
    this.connect();
  }

  private connect(): void {
    const url = new URL(WS_PATH, this.o.url.replace(/^http/, 'ws'));
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.on('open', () => {
      this.delay = this.o.delayMs ?? 100;
      this.sendFrame({
        t: 'hello',
        token: this.o.token,
        ...(this.o.room !== undefined ? { room: this.o.room } : {}),
        ...(this.lastSeq ? { lastSeq: this.lastSeq } : {}),
        ...(this.o.lang ? { lang: this.o.lang } : {}),
        tab: this.tab,
        ...(this.inflight.size ? { pending: [...this.inflight].slice(-MAX_PENDING) } : {}),
      });
    });
    ws.on('message', (data) => {
      const f = JSON.parse(String(data)) as ServerFrame;
      if (f.t === 'welcome') {
        this.cseq = Math.max(this.cseq, f.lastCseq);
        this.lastSeq = f.view.seq;
      } else if (f.t === 'view') this.lastSeq = f.view.seq;
      if (f.t === 'welcome' || f.t === 'view') this.tableSeq = Math.max(this.tableSeq, f.view.seq);
      else if (f.t === 'ack') this.tableSeq = Math.max(this.tableSeq, f.seq);
      if (this.o.keepFrames !== false || f.t === 'welcome') {
        if (this.o.keepFrames === false) this.frames.length = 0;
        this.frames.push(f);
      }
      for (const l of this.listeners) l(f);
      const ready = this.waiters.filter((w) => w.match(f));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.done(f);
    });
    ws.on('error', () => undefined);
    ws.on('close', (code) => {
      // 4401: the server refused the credential; retrying would not help.
      if (this.closed || code === 4401) return;
      setTimeout(() => this.connect(), this.delay);
      this.delay = Math.min(this.delay * 2, this.o.maxDelayMs ?? 2000);
    });
  }

  get connected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  onFrame(l: (f: ServerFrame) => void): void {
    this.listeners.push(l);
  }

  /** Sends a raw frame (tests send malformed ones on purpose). */
  sendRaw(data: string | Buffer): void {
    this.ws?.send(data);
  }

  sendFrame(f: ClientFrame): void {
    this.ws?.send(JSON.stringify(f));
  }

  /** Resolves with the next frame that matches (frames already received are not considered). */
  next<T extends ServerFrame>(match: (f: ServerFrame) => f is T, timeoutMs?: number): Promise<T>;
  next(match: (f: ServerFrame) => boolean, timeoutMs?: number): Promise<ServerFrame>;
  next(match: (f: ServerFrame) => boolean, timeoutMs = 10_000): Promise<ServerFrame> {
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        fail(new Error(`no matching frame within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        done: (f) => {
          clearTimeout(timer);
          ok(f);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** The last frame received so far that matches (frames kept), else the next one that does. */
  seen(match: (f: ServerFrame) => boolean, timeoutMs = 10_000): Promise<ServerFrame> {
    const held = this.frames.findLast(match);
    return held ? Promise.resolve(held) : this.next(match, timeoutMs);
  }

  /** Waits for the welcome (after connect or a reconnect). */
  welcome(timeoutMs?: number): Promise<Extract<ServerFrame, { t: 'welcome' }>> {
    const seen = this.frames.find((f): f is Extract<ServerFrame, { t: 'welcome' }> => f.t === 'welcome');
    if (seen && this.connected) return Promise.resolve(seen);
    return this.next((f): f is Extract<ServerFrame, { t: 'welcome' }> => f.t === 'welcome', timeoutMs);
  }

  /**
   * Sends a command and resolves with its ack or refusal. When the connection drops before either
   * arrives, the same command (same cseq) is sent again after the reconnect.
   *
   * A clock command carries `expectSeq` (the server requires it of the trainer): by default the newest
   * table seq this client has seen (or `expectSeq`). If members' inputs land first it is refused
   * `stale`; with `retryStale` (a script that means "whatever the room holds now", never a person's
   * click) the client waits for the view at the seq the refusal names and sends it again against that
   * seq, up to `retryStale` times; such a script also waits and sends again when the connection's rate
   * limit refuses it. Without it the refusal is the answer. `onSend` is told each time the command goes
   * out (a load generator times an accepted input from the send that was accepted, not from a refused one).
   */
  async command(
    command: TableCommand,
    o: { expectSeq?: number; timeoutMs?: number; retryStale?: number; onSend?: () => void } = {},
  ): Promise<Extract<ServerFrame, { t: 'ack' | 'refused' }>> {
    const deadline = Date.now() + (o.timeoutMs ?? 30_000);
    let stale = 0;
    let limited = 0;
    for (;;) {
      // The caller's seq until a stale refusal; after one, the newest this client has seen.
      const pinned = stale === 0 ? o.expectSeq : undefined;
      const expectSeq = pinned ?? (isClockCommand(command) ? this.tableSeq : undefined);
      o.onSend?.();
      const r = await this.send(command, expectSeq, deadline);
      // A script looping faster than the connection's rate limit is told to wait a moment: it does, then
      // sends again (bounded by the deadline), as `retryStale` says it wants the command taken.
      if (r.t === 'refused' && r.code === 'rate-limited' && o.retryStale && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, Math.min(1000, 100 * 2 ** Math.min(limited++, 3))));
        continue;
      }
      if (r.t !== 'refused' || r.code !== 'stale' || stale++ >= (o.retryStale ?? 0)) return r;
      // Look before acting again: wait for the view the server says it holds (or a newer one).
      const held = r.seq ?? this.tableSeq + 1;
      if (this.tableSeq < held)
        await this.next(
          (f) => (f.t === 'view' || f.t === 'welcome') && f.view.seq >= held,
          Math.max(1, deadline - Date.now()),
        );
    }
  }

  private async send(
    command: TableCommand,
    expectSeq: number | undefined,
    deadline: number,
  ): Promise<Extract<ServerFrame, { t: 'ack' | 'refused' }>> {
    let cseq = 0;
    let frame: ClientFrame | undefined;
    /** The command under the next free number (the room never takes one number twice). */
    const renumber = (): void => {
      this.inflight.delete(cseq);
      cseq = ++this.cseq;
      this.inflight.add(cseq);
      frame = { t: 'cmd', cseq, command, ...(expectSeq !== undefined ? { expectSeq } : {}) };
    };
    renumber();
    let renumbered = false;
    try {
      for (;;) {
        if (!this.connected) await this.welcomeAgain(deadline);
        const answer = this.next(
          (f): f is Extract<ServerFrame, { t: 'ack' | 'refused' }> =>
            (f.t === 'ack' || f.t === 'refused') && f.cseq === cseq,
          Math.max(1, deadline - Date.now()),
        );
        const dropped = this.next(
          (f): f is Extract<ServerFrame, { t: 'welcome' }> => f.t === 'welcome',
          Math.max(1, deadline - Date.now()),
        );
        dropped.catch(() => undefined);
        answer.catch(() => undefined);
        this.sendFrame(frame!);
        const r = await Promise.race([answer, dropped]);
        // Another connection with this credential used this number: the room never saw this command,
        // so it goes once more, numbered after the last one the room accepted.
        if (r.t === 'refused' && r.code === 'replay' && r.lastCseq !== undefined && !renumbered) {
          renumbered = true;
          this.cseq = Math.max(this.cseq, r.lastCseq);
          renumber();
          continue;
        }
        if (r.t !== 'welcome') return r;
        // Reconnected before the answer came: the welcome says whether the room took it from this
        // client (another client on this token may have moved `lastCseq` past a number it never saw).
        if (r.accepted ? r.accepted.includes(cseq) : r.lastCseq >= cseq)
          return { t: 'ack', cseq, seq: r.view.seq };
        if (Date.now() > deadline) throw new Error(`command ${cseq} not answered in time`);
        // Not applied, and its number is closed now: send it again under a new one.
        renumber();
      }
    } finally {
      this.inflight.delete(cseq);
    }
  }

  private async welcomeAgain(deadline: number): Promise<void> {
    await this.next((f) => f.t === 'welcome', Math.max(1, deadline - Date.now()));
  }

  close(): void {
    this.closed = true;
    this.ws?.close();
  }
}
