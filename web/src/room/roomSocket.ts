import ReconnectingWebSocket from 'partysocket/ws';

/** What the page says about its link to the room: honest about a lost connection, never silent. */
export type SocketState =
  | { kind: 'connecting' }
  | { kind: 'open' }
  | { kind: 'reconnecting'; attempt: number }
  /**
   * The server closed on purpose (4000–4999). Its close frame's reason (`unauthorised`, `no hello`) is
   * the protocol's English word for logs, never shown: the person reads the refusal the server sent
   * before closing, in their language (the client's `trouble`).
   */
  | { kind: 'closed'; code?: number };

export interface RoomSocketOptions<Out, In> {
  /** The first frame of every connection (a reconnect too): who we are and the last sequence seen. */
  hello(): Out;
  /** A frame from the server, already parsed; undefined when it is not one this client understands. */
  parse(data: unknown): In | undefined;
  onFrame(frame: In): void;
  onState(state: SocketState): void;
}

/** ws:// or wss:// for a path on the server that served this page. */
export function socketUrl(path: string, base: string = window.location.href): string {
  const u = new URL(path, base);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}

/**
 * One client's connection to the room server: reconnects by itself with exponential backoff (a phone
 * that leaves the Wi-Fi for a minute comes back), and greets the server again on every connection so it
 * resyncs from the last sequence number the page saw.
 */
export class RoomSocket<Out, In> {
  private readonly ws: ReconnectingWebSocket;
  private stopped = false;

  constructor(url: string, o: RoomSocketOptions<Out, In>) {
    this.ws = new ReconnectingWebSocket(url, [], {
      minReconnectionDelay: 300,
      maxReconnectionDelay: 8000,
      reconnectionDelayGrowFactor: 1.6,
      connectionTimeout: 5000,
      maxEnqueuedMessages: 0,
    });
    o.onState({ kind: 'connecting' });
    this.ws.addEventListener('open', () => {
      o.onState({ kind: 'open' });
      this.ws.send(JSON.stringify(o.hello()));
    });
    this.ws.addEventListener('close', (e) => {
      if (this.stopped) return;
      // 4000–4999: the server closed on purpose (a revoked token, a deleted room): do not hammer it.
      if (e.code >= 4000 && e.code < 5000) {
        this.stopped = true;
        this.ws.close();
        o.onState({ kind: 'closed', code: e.code });
        return;
      }
      o.onState({ kind: 'reconnecting', attempt: this.ws.retryCount + 1 });
    });
    this.ws.addEventListener('message', (e: MessageEvent) => {
      if (typeof e.data !== 'string') return;
      let json: unknown;
      try {
        json = JSON.parse(e.data);
      } catch {
        return;
      }
      const frame = o.parse(json);
      if (frame !== undefined) o.onFrame(frame);
    });
  }

  /** Sends a frame now; false when the connection is down (the caller tells the person, no queueing). */
  send(frame: Out): boolean {
    if (this.ws.readyState !== ReconnectingWebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  close(): void {
    this.stopped = true;
    this.ws.close();
  }
}
