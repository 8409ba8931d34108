import { connect, createServer, type AddressInfo, type Socket } from 'node:net';

/**
 * A TCP relay in front of the room server, for dropping a connection on purpose: while `swallow` is
 * on, what the client sends goes nowhere (as over a Wi-Fi link that just died); `cut()` then closes
 * the client's side, which reconnects through the relay.
 */
export class DropProxy {
  swallow = false;
  /** Bytes from clients that were swallowed. */
  swallowed = 0;
  url = '';
  private readonly pairs = new Set<[Socket, Socket]>();
  private readonly target: URL;
  private readonly server = createServer((client) => this.relay(client));

  private constructor(target: string) {
    this.target = new URL(target);
  }

  static async start(target: string): Promise<DropProxy> {
    const p = new DropProxy(target);
    await new Promise<void>((ok) => p.server.listen(0, '127.0.0.1', ok));
    p.url = `http://127.0.0.1:${(p.server.address() as AddressInfo).port}/`;
    return p;
  }

  private relay(client: Socket): void {
    const upstream = connect(Number(this.target.port), this.target.hostname);
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    let first = true;
    client.on('data', (d) => {
      if (this.swallow) this.swallowed += d.length;
      else if (first)
        // The room server answers only to its own address (DNS rebinding): the relayed request names
        // the server's host, as a client that reached it directly would.
        upstream.write(
          Buffer.from(
            d.toString('latin1').replace(/\r\nhost: [^\r]*/i, `\r\nHost: ${this.target.host}`),
            'latin1',
          ),
        );
      else upstream.write(d);
      first = false;
    });
    upstream.on('data', (d) => client.write(d));
    const end = (): void => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const s of pair) {
      s.on('close', end);
      s.on('error', end);
    }
  }

  /** Drops every relayed connection at once. */
  cut(): void {
    for (const [c, u] of [...this.pairs]) {
      c.destroy();
      u.destroy();
    }
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}
