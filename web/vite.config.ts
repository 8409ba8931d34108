import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import type * as PrecompiledFiles from '../scenarios/src/precompiled-files.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const libraryDir = join(repoRoot, 'scenarios');

/**
 * A strict Content-Security-Policy in the built page: no inline script, no eval, so even text that slipped
 * past React's escaping could not run. Build only — the dev server injects an inline refresh preamble.
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

function csp(): Plugin {
  return {
    name: 'drill-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The shipped scenarios compiled once here, at build time, into the chunk
 * scenarios/src/bundled-precompiled.ts becomes, so a page load does not parse their YAML (~0.4 s of CPU
 * per load for the typhoon). They are compiled with the engine and the library paths the page itself
 * compiles with, from the files bundled.ts's glob bundles (the library's .yaml files but the examples),
 * read from disk now. The page checks each entry against the YAML text it holds before using it (the
 * SHA-256 of every file the compile read, and the engine version), so a file saved during the build
 * makes the page compile that scenario, never use a stale one. Build only: the dev server compiles in
 * the page, so an edited scenario shows on reload.
 */
function precompiledScenarios(): Plugin {
  const target = join(libraryDir, 'src', 'bundled-precompiled.ts');
  const bundled = (p: string): boolean =>
    p.endsWith('.yaml') && !p.startsWith('examples/') && !p.startsWith('node_modules/');
  return {
    name: 'drill-precompiled-scenarios',
    apply: 'build',
    async load(id) {
      if (id.split('?')[0] !== target) return undefined;
      let entries: PrecompiledFiles.PrecompiledLibrary;
      try {
        // Through tsx, as cli/build.mjs loads it: Vite's config loader leaves workspace packages to
        // Node, which cannot load their TypeScript.
        const { tsImport } = await import('tsx/esm/api');
        const { precompileLibrary } = (await tsImport(
          pathToFileURL(join(libraryDir, 'src', 'precompiled-files.ts')).href,
          import.meta.url,
        )) as typeof PrecompiledFiles;
        entries = precompileLibrary((p) => {
          if (!bundled(p)) return undefined;
          try {
            return readFileSync(join(libraryDir, p), 'utf8');
          } catch {
            return undefined;
          }
        });
      } catch (e) {
        // Without them the app works as before: it compiles the YAML at each load.
        this.warn(
          `the shipped scenarios were not precompiled (${String(e).split('\n')[0]}); the page will compile them`,
        );
        return undefined;
      }
      // Each entry's scenario stays a JSON text in the chunk: parsed only when that scenario is used.
      return `export default ${JSON.stringify(entries)};\n`;
    },
  };
}

// The app is static files: relative base so it can be served from any folder, and the shipped scenario
// YAML (outside web/) is read at build time through import.meta.glob.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), csp(), precompiledScenarios()],
  server: { host: '127.0.0.1', fs: { allow: [repoRoot] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    // Compiling the shipped scenarios (precompiledScenarios) is a second or two of the build's CPU by
    // design; Rolldown would print a warning about slow plugins at every build.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});
