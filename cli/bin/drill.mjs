#!/usr/bin/env node
// The drill command. Runs the bundled build when it is up to date (fast start-up), else the
// TypeScript sources through tsx (always correct, a little slower to start).
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// The server bundle's freshness rule (plain JavaScript, loads before any TypeScript loader).
import { builtFrom, CLI_MANIFEST, CLI_SOURCES, lastChange } from '@drill/server/bundle-fresh';

const here = dirname(fileURLToPath(import.meta.url));
const bundle = join(here, '..', 'dist', 'drill.mjs');

let useBundle = false;
if (existsSync(bundle) && !process.env.DRILL_FROM_SOURCE) {
  const root = join(here, '..', '..');
  // Exactly the sources the build recorded; a bundle from before the manifest: built after every change.
  useBundle =
    builtFrom(join(here, '..', 'dist', CLI_MANIFEST), root) ??
    CLI_SOURCES.every((d) => lastChange(join(root, d)) <= statSync(bundle).mtimeMs);
}
if (useBundle) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(here, '..', 'src', 'main.ts')).href);
}
