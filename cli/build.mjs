#!/usr/bin/env node
// Bundles the CLI with esbuild into cli/dist/drill.mjs, so `drill` starts without compiling TypeScript
// (cli/bin/drill.mjs runs the bundle while the sources are exactly those recorded in dist/drill.sources.json, else the sources via tsx).
//
// - Everything is bundled, node_modules included: one file to load is faster than resolving hundreds of
//   modules (see `pnpm bench`, which measures both start-ups against `node -e 0`).
// - Code splitting: the terminal UI (ink, react) is imported lazily, so `drill --version`, `verify` and
//   the headless commands never parse it; it lands in its own chunk in cli/dist/.
// - The shipped scenarios are compiled here into cli/dist/scenarios.precompiled.json, with the SHA-256
//   of every file each compile read: a command uses one only while those files are unchanged, so
//   editing a scenario's YAML needs no rebuild (it is compiled as before). The bundle's
//   scenarios/src/precompiled-data.ts reads that file, only when a command loads a scenario.
// - `drill cohort`'s worker threads run cli/dist/cohort-worker.mjs, a second entry (see bundledCohortWorker).
// - `import.meta.url` in workspace sources is rewritten to the source file's own location, so code that
//   finds files beside itself (the shipped scenarios) works the same from the bundle.
import { build } from 'esbuild';
import { readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { CLI_MANIFEST, CLI_SOURCES, snapshot, writeManifest } from '@drill/server/bundle-fresh';
import { sourceLocation } from '@drill/server/source-location';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
// --outdir DIR: build elsewhere (the terminal tests bundle into a temporary folder).
const outdir = resolve(flag('--outdir') ?? join(here, 'dist'));
// --if-possible: used by `pnpm install`; a failed bundle is reported, not fatal (bin/drill.mjs then runs the sources).
const lenient = args.includes('--if-possible');
// --external-deps: leave npm packages to be loaded from node_modules (for the start-up comparison in the bench).
const externalDeps = args.includes('--external-deps');
// --metafile FILE: write esbuild's metafile (which module went into which chunk, and its size).
const metafileOut = flag('--metafile');

const OWN = Object.keys(JSON.parse(await readFile(join(here, 'package.json'), 'utf8')).dependencies).filter(
  (d) => !d.startsWith('@drill/'),
);
const dependenciesExternal = {
  name: 'dependencies-external',
  setup(b) {
    // Only the CLI's own dependencies: pnpm's strict node_modules would not resolve the engine's from cli/.
    b.onResolve({ filter: /^[^./]/ }, (a) =>
      OWN.some((d) => a.path === d || a.path.startsWith(`${d}/`))
        ? { path: a.path, external: true }
        : undefined,
    );
  },
};

/**
 * cohort-worker-url.ts names the worker file beside itself; as generated text (not rewritten like the
 * sources) it names the bundled worker, built from cohort-worker.ts as an entry of its own.
 */
const cohortWorkerUrl = join(here, 'src', 'commands', 'cohort-worker-url.ts');
const bundledCohortWorker = {
  name: 'bundled-cohort-worker',
  setup(b) {
    b.onLoad({ filter: /cohort-worker-url\.ts$/ }, async (args) =>
      args.path === cohortWorkerUrl
        ? { contents: await readFile(args.path, 'utf8'), loader: 'ts' }
        : undefined,
    );
  },
};

const started = performance.now();
const startedAt = new Date();
// The sources as they are before anything reads them: cli/bin/drill.mjs runs the bundle only while they
// are exactly these (a file saved during the build then differs; see @drill/server/bundle-fresh).
const snap = snapshot(root, CLI_SOURCES);

/** Every shipped scenario, compiled now from the TypeScript sources (the same compiler the bundle holds). */
async function precompiledShipped() {
  const at = (f) => pathToFileURL(join(root, 'scenarios', 'src', f)).href;
  const { SHIPPED_IDS, resolveScenarioPath } = await tsImport(at('index.ts'), import.meta.url);
  const { precompileScenario } = await tsImport(at('precompiled.ts'), import.meta.url);
  return SHIPPED_IDS.map((id) => precompileScenario(resolveScenarioPath(id))).filter(Boolean);
}
// Without them (a scenario that does not compile is left out too) every command compiles the YAML, as before.
const precompiled = await precompiledShipped().catch((e) => {
  process.stderr.write(
    `drill: the shipped scenarios were not precompiled (${String(e.message ?? e).split('\n')[0]}); commands will compile them\n`,
  );
  return [];
});
const precompiledData = join(root, 'scenarios', 'src', 'precompiled-data.ts');
const PRECOMPILED_FILE = 'scenarios.precompiled.json';

/**
 * Replaces the precompiled-scenario module (none, from the sources) with a reader of the file written
 * below; its `import.meta.url` is the bundle chunk's own (generated text: not rewritten like sources').
 */
const precompiledScenarios = {
  name: 'precompiled-scenarios',
  setup(b) {
    b.onLoad({ filter: /precompiled-data\.ts$/ }, (args) =>
      args.path === precompiledData
        ? {
            contents: `import { readFileSync } from 'node:fs';
let entries;
export function precompiledEntries() {
  try {
    entries ??= JSON.parse(readFileSync(new URL(${JSON.stringify(`./${PRECOMPILED_FILE}`)}, import.meta.url), 'utf8'));
  } catch {
    entries = [];
  }
  return entries;
}
`,
            loader: 'js',
          }
        : undefined,
    );
  },
};
/**
 * zod's namespace re-exports its 64 message locales (345 KB, a quarter of the engine's chunk that every
 * command loads), though drill only ever uses zod's default English messages. In the bundle every locale
 * but `en` is a function that throws, so a later `z.config(z.locales.zhCN())` fails at once and says
 * why, in every bundled test, instead of leaving the bundle and the sources to differ quietly.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const locales = [...text.matchAll(/^export \{ default as (\w+) \} from "\.\/([\w-]+\.js)";$/gm)];
      // Anything but the expected list of re-exports (another zod version): keep every locale.
      const exports = text.split('\n').filter((l) => l.startsWith('export')).length;
      if (locales.length !== exports || !locales.some(([, name]) => name === 'en')) return undefined;
      const lines = locales.map(([, name, file]) =>
        name === 'en'
          ? `export { default as en } from "./${file}";`
          : `export function ${name}() { throw new Error("drill's bundle leaves out zod's locale ${name} (cli/build.mjs, zodEnglishOnly)"); }`,
      );
      return { contents: `${lines.join('\n')}\n`, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};
await rm(outdir, { recursive: true, force: true });
let result;
try {
  result = await build({
    entryPoints: {
      drill: join(here, 'src', 'main.ts'),
      'cohort-worker': join(here, 'src', 'commands', 'cohort-worker.ts'),
    },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    // Chunks beside drill.mjs, not in a subfolder: `import.meta.url` is rewritten relative to outdir
    // (below), which is right only for a file in outdir itself — a workspace module shared by a lazy
    // command and the entry (the scenario library) lands in a chunk.
    chunkNames: '[name]-[hash]',
    jsx: 'automatic',
    minifySyntax: true,
    // Whitespace and comments out (names kept, so a stack trace still names functions): every `drill`
    // start compiles the eager chunks (~1.3 MB before), and the comments' few non-ASCII characters (…, —)
    // made Node decode and V8 scan the whole engine chunk as two-byte text. −0.04 s of CPU a start
    // (docs/PERFORMANCE.md, ninth session), about a hundred starts in `pnpm test`.
    minifyWhitespace: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: root,
    // ink's optional devtools integration is only loaded with DEV=true; it is not installed.
    external: ['react-devtools-core'],
    define: { 'process.env.NODE_ENV': '"production"' },
    // Some bundled CommonJS packages call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __drillCreateRequire } from 'node:module'; const require = __drillCreateRequire(import.meta.url);",
    },
    plugins: [
      ...(externalDeps ? [dependenciesExternal] : []),
      precompiledScenarios,
      zodEnglishOnly,
      bundledCohortWorker,
      sourceLocation(outdir),
    ],
  });
} catch (e) {
  process.stderr.write(
    `drill: the bundle was not built (${String(e.message ?? e).split('\n')[0]}); \`drill\` will run from the TypeScript sources\n`,
  );
  process.exit(lenient ? 0 : 1);
}
// Written whole then renamed: a command never reads half a file (and would ignore one: see precompiled.ts).
const precompiledFile = join(outdir, PRECOMPILED_FILE);
await writeFile(`${precompiledFile}.${process.pid}.tmp`, JSON.stringify(precompiled));
await rename(`${precompiledFile}.${process.pid}.tmp`, precompiledFile);
if (metafileOut) await writeFile(metafileOut, JSON.stringify(result.metafile));
const main = join(outdir, 'drill.mjs');
// Dated when the build began (cli/bin/drill.mjs compares the sources with it): a source saved while
// esbuild ran may be missing from the bundle, so it must count as newer.
await utimes(main, startedAt, startedAt);
writeManifest(join(outdir, CLI_MANIFEST), CLI_SOURCES, snap);
const size = (await stat(main)).size;
const total = Object.values(result.metafile.outputs).reduce((a, o) => a + o.bytes, 0);
process.stdout.write(
  `built ${relative(root, main)} (${(size / 1024).toFixed(0)} KiB; ${(total / 1024).toFixed(0)} KiB with lazy chunks; ${precompiled.length} scenarios precompiled) in ${Math.round(performance.now() - started)} ms\n`,
);
