import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { UserError } from '../io.ts';

/** The repository root: found by walking up to web/package.json (works from src/ and from a bundle in dist/). */
export function repoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, 'web', 'package.json')) && existsSync(join(d, 'pnpm-workspace.yaml'))) return d;
    if (dirname(d) === d)
      throw new UserError('cannot find the drill repository (web/package.json) above this command');
  }
}

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let n = st.mtimeMs;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    n = Math.max(n, newest(join(path, e.name)));
  }
  return n;
}

/** True when web/dist is missing or older than anything the app is built from. */
export function needsBuild(root: string): boolean {
  const index = join(root, 'web', 'dist', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = [
    'web/src',
    'web/index.html',
    'web/vite.config.ts',
    'web/package.json',
    'engine/src',
    'scenarios',
  ].map((p) => newest(join(root, p)));
  return Math.max(...sources) > built;
}

/** Builds the web app with Vite in a child process (the CLI does not load Vite itself). */
export function buildWeb(root: string, log: (s: string) => void = (s) => process.stderr.write(s)): void {
  const web = join(root, 'web');
  const vite = join(web, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) throw new UserError('Vite is not installed: run `pnpm install` first');
  log('drill: building the web app (vite build)…\n');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0)
    throw new UserError(`the web app did not build (vite exited with ${r.status ?? r.signal})`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * The Host values this server answers to: the address it listens on and, on loopback, `localhost`.
 * Anything else is a browser sent here by DNS rebinding (a hostile name resolving to 127.0.0.1).
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const names = [host, ...(host === '127.0.0.1' || host === '::1' ? ['localhost', '127.0.0.1'] : [])];
  const hosts = new Set<string>();
  for (const n of names) {
    const h = n.includes(':') ? `[${n}]` : n;
    hosts.add(`${h}:${port}`.toLowerCase());
    if (port === 80) hosts.add(h.toLowerCase());
  }
  return hosts;
}

/** A small static file server for the built app, bound to loopback only. Port 0 picks a free port. */
export function startServer(
  dir: string,
  port: number,
  host = '127.0.0.1',
): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  let hosts = new Set<string>();
  const refuse = (
    res: ServerResponse,
    code: number,
    text: string,
    extra: Record<string, string> = {},
  ): void => {
    // Security headers on refusals too: an error page is a page a browser may frame or sniff.
    res
      .writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY, ...extra })
      .end(`${text}\n`);
  };
  const server = createServer((req, res) => {
    if (!hosts.has(String(req.headers.host ?? '').toLowerCase())) {
      refuse(res, 421, 'this server answers only to the address it printed');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      refuse(res, 400, 'bad request');
      return;
    }
    let file = resolve(root, `.${path}`);
    if (file !== root && !file.startsWith(root + sep)) {
      refuse(res, 403, 'forbidden');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      refuse(res, 404, 'not found');
      return;
    }
    const body = readFileSync(file);
    const hashed = path.startsWith('/assets/');
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(e.code === 'EADDRINUSE' ? new UserError(`port ${port} is in use: choose another with --port`) : e),
    );
    server.listen(port, host, () => {
      const a = server.address() as AddressInfo;
      hosts = allowedHosts(host, a.port);
      ok({ server, url: `http://${host}:${a.port}/` });
    });
  });
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('build (if needed) and serve the web app — facilitator console and review — on 127.0.0.1')
    .option('-p, --port <port>', 'port to listen on (0: any free port)', '5178')
    .option('--rebuild', 'build the app even when web/dist is up to date')
    .action(async (o: { port: string; rebuild?: boolean }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UserError(`--port must be a number from 0 to 65535, not ${o.port}`);
      const root = repoRoot();
      if (o.rebuild || needsBuild(root)) buildWeb(root);
      const { server, url } = await startServer(join(root, 'web', 'dist'), port);
      process.stdout.write(
        `drill web app: ${url}\n  facilitator console: ${url}\n  participant view:    ${url}?view=participant\n  review:              ${url}?view=review\nPress Ctrl-C to stop.\n`,
      );
      await new Promise<void>((done) => {
        const stop = (): void => {
          process.stdout.write('\nstopping…\n');
          server.close(() => done());
          server.closeAllConnections();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
