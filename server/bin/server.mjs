#!/usr/bin/env node
// The room server process (arguments as server/src/main.ts takes them): runs the bundle in server/dist
// when it is built from the current sources (server/build.mjs), else the TypeScript sources through tsx.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freshBundle } from '../src/bundle-fresh.mjs';

const bundle = freshBundle('main.mjs');
if (bundle) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(import.meta.dirname, '..', 'src', 'main.ts')).href);
}
