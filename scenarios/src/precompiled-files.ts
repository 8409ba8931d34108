/**
 * The web build's precompiled scenarios: compiled once at `vite build` (web/vite.config.ts) with the
 * paths and include reader the page's compileFromFiles uses (library-relative: `typhoon.yaml`,
 * `typhoon/landfall.yaml`), so the compiled scenario is the one the page would compile.
 *
 * The page checks an entry before using it, as the CLI does (precompiled-core.ts), but against the YAML
 * text the build bundled, not the files on disk: a page can read no other. That is the whole check, not
 * a weaker one: those bytes are exactly what the page would compile instead, so an entry that matches
 * them is the scenario compiling would give (the engine's version is checked too, though one build ships
 * one engine). It catches what a build-time check cannot: a file saved between the plugin's read and
 * the bundler's, or a plugin whose idea of the library's files differs from the bundle's. Its price is
 * hashing the scenario's files and JSON with the engine's SHA-256 (pure JS in the browser, no
 * node:crypto; WebCrypto's is asynchronous and missing on a LAN address, which is not a secure
 * context): ~10–30 ms, against ~0.45 s of CPU to compile the typhoon.
 */
import { sha256Hex, type Diagnostic, type Scenario } from '@drill/engine';
import { compileFromFiles, libraryReader, SHIPPED_IDS } from './library.ts';
import {
  precompiledFrom,
  precompileFrom,
  type PrecompiledScenario,
  type PrecompileSource,
} from './precompiled-core.ts';

/** The library's file at `path` and the reader of its includes, from `get` (library-relative path → text). */
function inLibrary(get: (path: string) => string | undefined, path: string): PrecompileSource {
  return { text: () => get(path), read: libraryReader(get) };
}

/** The web build's entries: one per shipped scenario that compiles. */
export type PrecompiledLibrary = PrecompiledScenario[];

/** Every shipped scenario that compiles among the library's files, compiled, with what it read. */
export function precompileLibrary(get: (path: string) => string | undefined): PrecompiledLibrary {
  return SHIPPED_IDS.flatMap(
    (id) => precompileFrom(`${id}.yaml`, inLibrary(get, `${id}.yaml`), sha256Hex) ?? [],
  );
}

/**
 * The precompiled scenario for the library file `path` when one of `entries` matches `files` (the YAML
 * the page holds) and is intact; undefined otherwise (compile the YAML then). Never throws.
 */
export function precompiledFromFiles(
  files: ReadonlyMap<string, string>,
  path: string,
  entries: unknown,
): Scenario | undefined {
  return precompiledFrom(
    path,
    entries,
    inLibrary((p) => files.get(p), path),
    sha256Hex,
  );
}

/**
 * The scenario at library path `path` as the page loads a shipped one: the precompiled one while it
 * matches `files`, else compiled from `files` (with its diagnostics when it does not compile).
 */
export function loadModelFromFiles(
  files: ReadonlyMap<string, string>,
  path: string,
  entries: unknown,
): { ok: true; scenario: Scenario } | { ok: false; diagnostics: Diagnostic[] } {
  const scenario = precompiledFromFiles(files, path, entries);
  return scenario ? { ok: true, scenario } : compileFromFiles(files, path);
}
