import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '@drill/engine';
import { compileFromFiles, SCENARIO_DIR, SHIPPED_IDS } from '@drill/scenarios';
import { precompiledFromFiles } from '@drill/scenarios/precompiled-files';

// The built web app (web/dist, built by the global setup from the current sources) carries every shipped
// scenario compiled by `vite build` (web/vite.config.ts); the page uses one only while it matches the
// YAML it bundles — here the files on disk, which the build bundled.
const ASSETS = join(import.meta.dirname, '..', '..', 'web', 'dist', 'assets');

describe('the web app’s precompiled scenarios', () => {
  it('are in the build, each one the page would accept, and the typhoon equal to compiling its YAML', async () => {
    const chunks = readdirSync(ASSETS).filter((f) => /^bundled-precompiled-[\w-]+\.js$/.test(f));
    expect(chunks).toHaveLength(1);
    const entries = ((await import(pathToFileURL(join(ASSETS, chunks[0]!)).href)) as { default: unknown })
      .default;
    // The library's files as the page holds them (scenarios/src/bundled.ts: every .yaml but the
    // examples; node_modules is left out before walking: its links lead out of the library).
    const files = new Map<string, string>();
    const paths = readdirSync(SCENARIO_DIR, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory()
        ? ['examples', 'node_modules'].includes(d.name)
          ? []
          : readdirSync(join(SCENARIO_DIR, d.name), { recursive: true, encoding: 'utf8' }).map(
              (p) => `${d.name}/${p}`,
            )
        : [d.name],
    );
    for (const p of paths) if (p.endsWith('.yaml')) files.set(p, readFileSync(join(SCENARIO_DIR, p), 'utf8'));
    expect(files.has('typhoon/landfall.yaml')).toBe(true);
    for (const id of SHIPPED_IDS)
      expect(precompiledFromFiles(files, `${id}.yaml`, entries), id).toBeDefined();
    // The default scenario, compiled now by the engine the tests run: the same scenario, byte for byte
    // (the other four are compared in scenarios/test/precompiled-files.test.ts).
    const fresh = compileFromFiles(files, 'typhoon.yaml');
    expect(fresh.ok).toBe(true);
    if (!fresh.ok) return;
    expect(canonicalJson(precompiledFromFiles(files, 'typhoon.yaml', entries))).toBe(
      canonicalJson(fresh.scenario),
    );
  });
});
