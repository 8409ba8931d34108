/**
 * A participant who opens the server by another name than the address it printed (its host name, a
 * typed variant) is refused before any page loads (421: the DNS-rebinding guard), and a page from another
 * site is refused (403): both say so in the page's language, and the 421 names the address to open.
 * In-process server, a real socket (node:http, which lets a test set Host).
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { serverForFile } from './fixtures/server-for-file.ts';

const server = serverForFile();

function get(headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const u = new URL(server().url);
  return new Promise((ok, fail) => {
    const req = request({ host: u.hostname, port: u.port, path: '/api/scenarios', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('a request by another name or from another site', () => {
  it('is refused in the page language, and the 421 names the address to open', async () => {
    const port = new URL(server().url).port;
    const zh = await get({ host: `trainer-pc.local:${port}`, 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(zh.status).toBe(421);
    expect(zh.body).toBe(`此服务器只接受它所显示的地址（${server().url}）：请打开该地址\n`);
    const en = await get({ host: `trainer-pc.local:${port}`, 'accept-language': 'en' });
    expect(en.status).toBe(421);
    expect(en.body).toBe(
      `this server answers only to the address it printed (${server().url}): open that address\n`,
    );
    const host = new URL(server().url).host;
    const cross = await get({ host, origin: 'http://evil.example', 'accept-language': 'zh-CN' });
    expect(cross.status).toBe(403);
    expect(cross.body).toBe('不接受来自其他网站的请求\n');
    const ok = await get({ host, 'accept-language': 'zh-CN' });
    expect(ok.status).toBe(200);
  });
});
