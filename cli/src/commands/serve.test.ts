import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './serve.ts';

let url: URL;
let close: () => void;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'serve-'));
  writeFileSync(join(dir, 'index.html'), '<p>app</p>');
  const s = await startServer(dir, 0);
  url = new URL(s.url);
  close = () => void s.close();
}, 60_000);
afterAll(() => close());

function get(
  path: string,
  o: { method?: string; host?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: o.method ?? 'GET',
        setHost: false,
        headers: { Host: o.host ?? url.host },
      },
      (res) => {
        res.resume();
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', fail);
    req.end();
  });
}

describe('drill serve', () => {
  it('sends its security headers on every response, refusals included', async () => {
    const cases: [string, { method?: string; host?: string }, number][] = [
      ['/', {}, 200],
      ['/missing', {}, 404],
      ['/%E0%A4%A', {}, 400],
      ['/', { method: 'POST' }, 404],
      ['/', { host: 'evil.example:80' }, 421],
    ];
    for (const [path, o, status] of cases) {
      const r = await get(path, o);
      expect(r.status, `${o.method ?? 'GET'} ${path} ${o.host ?? ''}`).toBe(status);
      expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });
  it('answers to its own address and localhost, and refuses any other Host (DNS rebinding)', async () => {
    expect((await get('/', { host: `localhost:${url.port}` })).status).toBe(200);
    expect((await get('/', { host: `127.0.0.1:${url.port}` })).status).toBe(200);
    expect((await get('/', { host: `attacker.example:${url.port}` })).status).toBe(421);
    expect((await get('/', { host: '' })).status).toBe(421);
  });
});
