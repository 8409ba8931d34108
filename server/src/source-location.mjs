// An esbuild plugin for the workspace's bundles (cli/build.mjs, server/build.mjs): code that finds files
// beside itself through `import.meta.url` (the shipped scenarios, worker modules) must find them from the
// bundle as it does from the sources.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';

/**
 * Rewrites `import.meta.url` in the workspace's own sources (not node_modules) to the URL of the original
 * file, relative to `outdir`, the folder the bundle is written to.
 */
export function sourceLocation(outdir) {
  return {
    name: 'source-location',
    setup(b) {
      b.onLoad({ filter: /\.(ts|tsx)$/ }, async (args) => {
        if (args.path.includes('node_modules')) return undefined;
        let text = await readFile(args.path, 'utf8');
        if (text.includes('import.meta.url')) {
          const rel = relative(outdir, args.path).split('\\').join('/');
          text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
        }
        return { contents: text, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
      });
    },
  };
}
