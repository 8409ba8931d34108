#!/usr/bin/env node
// Bundles the room server with esbuild into server/dist/, so a server process or worker thread starts
// without compiling TypeScript: `node --import tsx server/src/main.ts` costs about 3 s of CPU to start and
// stop (tsx's loader resolving and transforming ~150 modules of the server, engine and scenario library),
// the bundle about 1 s. server/bin/server.mjs runs the bundle when it is newer than every source it was
// built from, else the sources via tsx; server/src/worker-boot.mjs does the same for the worker threads.
//
// - Entries: main.ts (the server process), index.ts (the package, which `drill serve` loads) and the two
//   worker threads' modules (view-worker.ts, scenario-compiler-worker.ts), code shared between them in
//   chunks beside them.
// - better-sqlite3 stays external: a native module, loaded from server/node_modules as from the sources.
// - `import.meta.url` in workspace sources is rewritten to the source file's own location (the plugin
//   cli/build.mjs uses too: src/source-location.mjs), so code that finds files beside itself (the
//   shipped scenarios, worker-boot.mjs) works the same from the bundle: the bundled server starts its
//   threads through src/worker-boot.mjs, which picks the bundled worker module when it is fresh.
// - dist/sources.json is the manifest of the workspace folders the bundle was built from and each of their
//   files' size and modification time (bundle-fresh.mjs): what "fresh" is checked against
//   (server/bin/server.mjs, src/worker-boot.mjs, the server tests' global setup).
import { build } from 'esbuild';
import { existsSync, readdirSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshot, writeManifest } from './src/bundle-fresh.mjs';
import { sourceLocation } from './src/source-location.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const outdir = join(here, 'dist');
const started = performance.now();

// The workspace's sources as they are before esbuild reads them (see bundle-fresh.mjs: a file saved
// while it builds then differs from the manifest, so the bundle counts as stale).
const candidates = readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'node_modules' && existsSync(join(root, e.name, 'src')))
  .map((e) => `${e.name}/src`);
const snap = snapshot(root, candidates, ['pnpm-lock.yaml']);
// Built into a fresh folder, then moved in place: a server starting meanwhile sees the old bundle or the new.
const building = `${outdir}.${process.pid}.tmp`;
await rm(building, { recursive: true, force: true });
const result = await build({
  entryPoints: {
    main: join(here, 'src', 'main.ts'),
    // The package's API, for `drill serve` run from the CLI's bundle (cli/src/commands/serve.ts).
    index: join(here, 'src', 'index.ts'),
    'view-worker': join(here, 'src', 'view-worker.ts'),
    'scenario-compiler-worker': join(here, 'src', 'scenario-compiler-worker.ts'),
  },
  outdir: building,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  // Chunks beside the entries: the `import.meta.url` rewrite is relative to the output folder.
  chunkNames: '[name]-[hash]',
  minifySyntax: true,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  absWorkingDir: root,
  external: ['better-sqlite3'],
  define: { 'process.env.NODE_ENV': '"production"' },
  // Some bundled CommonJS packages (fastify's) call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __drillCreateRequire } from 'node:module'; const require = __drillCreateRequire(import.meta.url);",
  },
  plugins: [sourceLocation(outdir)],
}).catch(async (e) => {
  await rm(building, { recursive: true, force: true });
  // --if-possible (`pnpm install`): reported, not fatal; the server then runs from its sources (tsx).
  if (!process.argv.includes('--if-possible')) throw e;
  process.stderr.write(
    `drill: the server bundle was not built (${String(e.message ?? e).split('\n')[0]}); the room server will run from the TypeScript sources\n`,
  );
  process.exit(0);
});
// The workspace folders the bundle holds code of (e.g. server/src, engine/src, scenarios/src).
const sources = [
  ...new Set(
    Object.keys(result.metafile.inputs)
      .filter((p) => !p.includes('node_modules'))
      .map((p) => p.split('/').slice(0, 2).join('/')),
  ),
].sort();
// The bundled dependencies (fastify, ws, yaml…) are what pnpm-lock.yaml pins: an install changes it.
writeManifest(join(building, 'sources.json'), sources, snap, ['pnpm-lock.yaml']);
await rm(outdir, { recursive: true, force: true });
await rename(building, outdir);
const total = Object.values(result.metafile.outputs).reduce((a, o) => a + o.bytes, 0);
process.stdout.write(
  `built server/dist (${(total / 1024).toFixed(0)} KiB from ${sources.join(', ')}) in ${Math.round(performance.now() - started)} ms\n`,
);
