import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from '@drill/server/bundle-fresh';
import type { Command } from 'commander';
import type * as ServerPackage from '@drill/server';
import type * as TsxPackage from 'tsx/esm/api';
import { UserError } from '../io.ts';
import { messageLang, say } from '../say.ts';

/** The repository root: found by walking up to web/package.json (works from src/ and from a bundle in dist/). */
export function repoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let d = from; ; d = dirname(d)) {
    if (existsSync(join(d, 'web', 'package.json')) && existsSync(join(d, 'pnpm-workspace.yaml'))) return d;
    if (dirname(d) === d)
      throw new UserError(
        say(
          'cannot find the drill repository (web/package.json) above this command',
          '在当前位置之上找不到 drill 代码库（web/package.json）',
        ),
      );
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
  if (!existsSync(vite))
    throw new UserError(
      say('Vite is not installed: run `pnpm install` first', '没有安装 Vite：请先运行 `pnpm install`'),
    );
  log(say('drill: building the web app (vite build)…\n', 'drill：正在构建网页应用（vite build）……\n'));
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0)
    throw new UserError(
      say(
        `the web app did not build (vite exited with ${r.status ?? r.signal})`,
        `网页应用构建失败（vite 退出码 ${r.status ?? r.signal}）`,
      ),
    );
}

type ServerModule = typeof ServerPackage;
type TsxApi = typeof TsxPackage;

/**
 * Loads the room server. It is not bundled into cli/dist (fastify, and SQLite's native module, which a
 * bundle cannot carry): from sources (tsx, vitest) it is a plain import; from the bundle, plain Node
 * cannot load its TypeScript, so it runs the server's own bundle (server/dist, built by `pnpm install`
 * and server/build.mjs) when that is built from the current sources, else the sources through tsx's
 * loader — which costs ~2 s of CPU to start, and keeps every function's name with a wrapper call
 * at each closure's creation (~5–9 % more CPU per input at 100 rooms: docs/PERFORMANCE.md).
 */
async function loadServer(): Promise<ServerModule> {
  // Computed specifiers, so esbuild leaves these imports to run time.
  const pkg = '@drill/server';
  try {
    return (await import(pkg)) as ServerModule;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
    const bundle = freshBundle('index.mjs', join(repoRoot(), 'server', 'dist'));
    if (bundle) return (await import(pathToFileURL(bundle).href)) as ServerModule;
    const tsxApi = 'tsx/esm/api';
    const { tsImport } = (await import(tsxApi)) as TsxApi;
    return (await tsImport(pkg, import.meta.url)) as ServerModule;
  }
}

/**
 * Serves a built web app with the room server on loopback, its database in a fresh temporary folder
 * (the browser suites use this). Port 0 picks a free port.
 */
export async function startServer(
  dir: string,
  port: number,
  host = '127.0.0.1',
): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const srv = await loadServer();
  const s = await srv.startRoomServer({
    host,
    port,
    webDir: dir,
    dataDir: mkdtempSync(join(tmpdir(), 'drill-serve-')),
  });
  return { server: s.app.server, url: s.url, close: s.close };
}

export function register(program: Command): void {
  program
    .command('serve')
    .description(
      'serve the web app and the classroom room server (participants on their own devices) on one port; loopback unless --lan',
    )
    .option('-p, --port <port>', 'port to listen on (0: any free port)', '5178')
    .option('--lan', "listen on this machine's LAN address so phones and laptops in the room can join")
    .option('--rebuild', 'build the app even when web/dist is up to date')
    .action(async (o: { port: string; lan?: boolean; rebuild?: boolean }) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UserError(
          say(
            `--port must be a number from 0 to 65535, not ${o.port}`,
            `--port 须为 0 到 65535 之间的数，而不是 ${o.port}`,
          ),
        );
      const root = repoRoot();
      if (o.rebuild || needsBuild(root)) buildWeb(root);
      const srv = await loadServer();
      let host = '127.0.0.1';
      if (o.lan) {
        const lan = srv.lanAddress();
        if (!lan)
          throw new UserError(
            say(
              "--lan: this machine has no LAN address (connect it to the room's network first)",
              '--lan：本机没有局域网地址（请先连上教室的网络）',
            ),
          );
        host = lan;
      }
      let s: Awaited<ReturnType<typeof srv.startRoomServer>>;
      try {
        s = await srv.startRoomServer({ host, port, webDir: join(root, 'web', 'dist') });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE')
          throw new UserError(
            say(
              `port ${port} is in use: choose another with --port`,
              `端口 ${port} 已被占用：请用 --port 换一个`,
            ),
          );
        // Another server holds this DRILL_HOME: its message names the process and port.
        if (e instanceof srv.HomeLockedError) throw new UserError(srv.homeLockedText(e, messageLang()));
        // DRILL_HOME cannot take the server's lock file (full, read-only): its message names the file.
        if (e instanceof srv.HomeUnwritableError)
          throw new UserError(srv.homeUnwritableText(e, messageLang()));
        // SQLite's own refusal (a damaged or foreign rooms.db, a read-only or full DRILL_HOME): say which
        // file and what to do, not a stack trace.
        if (typeof code === 'string' && code.startsWith('SQLITE_'))
          throw new UserError(
            say(
              `the room database ${join(process.env.DRILL_HOME ?? '~/.drill', 'server', 'rooms.db')} cannot be used: ${(e as Error).message} — check that DRILL_HOME is writable and has room, or move the file aside (the server then starts with no rooms)`,
              `房间数据库 ${join(process.env.DRILL_HOME ?? '~/.drill', 'server', 'rooms.db')} 无法使用（${code}）——请检查 DRILL_HOME 是否可写、空间是否足够，或把这个文件移走（服务将以空房间列表启动）`,
            ),
          );
        throw e;
      }
      const url = s.url;
      const join0 = srv.joinUrl(url, '');
      const zh = messageLang() === 'zh-CN';
      process.stdout.write(
        (zh
          ? [
              `drill 课堂房间服务：${url}`,
              `  导调控制台（此链接请勿外传）：${srv.consoleUrl(url, s.hostToken)}`,
              `  仅浏览器的控制台：${url}`,
              `  复盘：${url}?view=review`,
              `  参演人员加入：${join0}（然后输入房间码）`,
              ...(s.unresumed.length
                ? [
                    `  有${s.unresumed.length}个房间无法恢复：${s.unresumed.map((u) => `${u.id}：${u.error}`).join('；')}`,
                  ]
                : []),
              '',
            ]
          : [
              `drill room server: ${url}`,
              `  trainer console (keep this link to yourself): ${srv.consoleUrl(url, s.hostToken)}`,
              `  browser-only console: ${url}`,
              `  review:               ${url}?view=review`,
              `  participants join at: ${join0}  (then type the room's code)`,
              ...(s.unresumed.length
                ? [
                    `  could not resume ${s.unresumed.length} room(s): ${s.unresumed.map((u) => `${u.id}: ${u.error}`).join('; ')}`,
                  ]
                : []),
              '',
            ]
        ).join('\n'),
      );
      if (o.lan) {
        process.stdout.write(`${await srv.terminalQr(join0)}\n`);
      } else
        process.stdout.write(
          say(
            '  (loopback only: add --lan for participants on other devices)\n',
            '  （仅限本机：参演人员用其他设备加入时请加 --lan）\n',
          ),
        );
      process.stdout.write(say('Press Ctrl-C to stop.\n', '按 Ctrl-C 停止。\n'));
      await new Promise<void>((done) => {
        const stop = (): void => {
          process.stdout.write(say('\nstopping…\n', '\n正在停止……\n'));
          void s.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
