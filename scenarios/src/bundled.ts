/// <reference types="vite/client" />
/**
 * The shipped library for a bundler (vite; the web app imports it as `@drill/scenarios/bundled`): every
 * scenario and part file as its own lazily loaded chunk of text — data, not code, so the app's own
 * JavaScript stays small. The examples are authoring material and stay out.
 */
import { libraryPath } from './library.ts';

const loaders = import.meta.glob(['../*.yaml', '../*/**/*.yaml', '!../examples/**', '!../node_modules/**'], {
  query: '?raw',
  import: 'default',
}) as Record<string, () => Promise<string>>;

/** The library's files: path relative to the library folder (`typhoon/landfall.yaml`) → text. */
export async function loadBundledFiles(): Promise<Map<string, string>> {
  const entries = await Promise.all(
    Object.entries(loaders).map(
      async ([k, load]) => [libraryPath(k.slice('../'.length)), await load()] as const,
    ),
  );
  return new Map(entries);
}

/** The shipped scenarios compiled by `vite build` (as data for precompiledFromFiles); none from the sources. */
export async function loadBundledPrecompiled(): Promise<unknown> {
  return (await import('./bundled-precompiled.ts')).default;
}
