import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWeb, needsBuild } from '@drill/cli';
import { ROOT } from './harness.ts';

describe('drill serve', () => {
  it('serves the built app on 127.0.0.1, prints the address, refuses paths outside dist, and stops on Ctrl-C', async () => {
    if (needsBuild(ROOT)) buildWeb(ROOT, () => {});
    const child = spawn(process.execPath, [join(ROOT, 'cli', 'bin', 'drill.mjs'), 'serve', '--port', '0'], {
      cwd: ROOT,
      // The room server keeps its database under DRILL_HOME: never the real home in a test.
      env: { ...process.env, DRILL_HOME: mkdtempSync(join(tmpdir(), 'drill-serve-home-')) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const url = await new Promise<string>((ok, fail) => {
      const t = setTimeout(() => fail(new Error(`no address printed: ${out}`)), 60_000);
      child.stdout.on('data', () => {
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) {
          clearTimeout(t);
          ok(m[0]);
        }
      });
    });
    const index = await fetch(url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<div id="root">');
    const js = /assets\/index-[\w-]+\.js/.exec(await (await fetch(url)).text())![0];
    const asset = await fetch(url + js);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect((await fetch(`${url}%2e%2e/%2e%2e/package.json`)).status).not.toBe(200);
    expect((await fetch(`${url}nothing-here`)).status).toBe(404);
    // The asset's body above is never read: its response stays busy. Ctrl-C must not wait for that
    // client (it used to wait ~73 s, until the client's socket timed out); the bound is generous for a
    // loaded machine, the point is "seconds, not a socket timeout".
    const sigint = Date.now();
    const code = await new Promise<number | null>((ok) => {
      child.on('exit', (c) => ok(c));
      child.kill('SIGINT');
    });
    expect(code).toBe(0);
    expect(Date.now() - sigint).toBeLessThan(30_000);
  });
});
