import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoplay, canonicalJson, ENGINE_VERSION, sha256Hex, type Scenario } from '@drill/engine';
import { SCENARIO_DIR, SHIPPED_IDS } from '../src/index.ts';
import { compileFromFiles } from '../src/library.ts';
import { loadModelFromFiles, precompiledFromFiles, precompileLibrary } from '../src/precompiled-files.ts';

// The web build's precompiled scenarios (web/vite.config.ts compiles them with precompileLibrary; the
// page uses one through precompiledFromFiles while it matches the YAML the page holds).

/** The library's files as the build reads them: library-relative path → text. */
const onDisk = (p: string): string | undefined => {
  try {
    return readFileSync(join(SCENARIO_DIR, p), 'utf8');
  } catch {
    return undefined;
  }
};
const entries = precompileLibrary(onDisk);

/** The files the page would hold for `entries`: every file their compiles read. */
function bundledFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of entries) for (const p of [e.path, ...e.reads.map((r) => r.path)]) files.set(p, onDisk(p)!);
  return files;
}
const files = bundledFiles();

function compiled(fs: ReadonlyMap<string, string>, path: string): Scenario {
  const r = compileFromFiles(fs, path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.scenario;
}

function deepFrozen(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  return Object.isFrozen(v) && Object.values(v).every(deepFrozen);
}

describe("the web build's precompiled scenarios", () => {
  it('has one entry per shipped scenario, keyed by the library path the page compiles with', () => {
    expect(entries.map((e) => e.path)).toEqual(SHIPPED_IDS.map((id) => `${id}.yaml`));
    for (const e of entries) {
      expect(e.engine).toBe(ENGINE_VERSION);
      expect(e.reads.length, e.path).toBeGreaterThan(0);
      for (const r of e.reads) expect(r.path).not.toMatch(/^\/|\.\./);
    }
  });

  it.each([...SHIPPED_IDS])(
    '%s: the precompiled scenario is the one the page compiles, and plays the same drill',
    (id) => {
      const path = `${id}.yaml`;
      const pre = precompiledFromFiles(files, path, entries);
      const fresh = compiled(files, path);
      expect(pre).toBeDefined();
      expect(pre).toStrictEqual(fresh);
      // The bytes the state hashes are made of, and the key order anything stringifying it sees.
      expect(canonicalJson(pre)).toBe(canonicalJson(fresh));
      expect(JSON.stringify(pre)).toBe(JSON.stringify(fresh));
      expect(deepFrozen(pre)).toBe(true);
      // A whole automatic drill on each: the same transcript (every input, state hash and score).
      const play = (s: Scenario) => autoplay(s, { seed: `precompiled-${id}`, policy: 'random' }).transcript();
      expect(canonicalJson(play(pre!))).toBe(canonicalJson(play(fresh)));
    },
  );

  it('falls back to compiling once the YAML the page holds differs from what was compiled', () => {
    const typhoon = entries.find((e) => e.path === 'typhoon.yaml')!;
    const part = typhoon.reads[0]!.path;
    const edited = (path: string, text: string | undefined) => {
      const m = new Map(files);
      if (text === undefined) m.delete(path);
      else m.set(path, text);
      return m;
    };
    const main = files.get('typhoon.yaml')!;
    for (const fs of [
      edited(part, `${files.get(part)!}\n# edited\n`),
      edited(part, undefined),
      edited('typhoon.yaml', `${main}\n# edited\n`),
      edited('typhoon.yaml', undefined),
    ])
      expect(precompiledFromFiles(fs, 'typhoon.yaml', entries)).toBeUndefined();
    // What the page then loads is the edited YAML compiled, never the precompiled scenario.
    const retitled = main.replace('en: "Typhoon Haiyin: a coastal county prepares"', 'en: "Edited"');
    expect(retitled).not.toBe(main);
    const r = loadModelFromFiles(edited('typhoon.yaml', retitled), 'typhoon.yaml', entries);
    expect(r.ok && r.scenario.title).toEqual({ en: 'Edited', 'zh-CN': '台风“海音”：沿海县迎战' });
    const broken = loadModelFromFiles(edited(part, 'decisions: [\n'), 'typhoon.yaml', entries);
    expect(broken.ok).toBe(false);
    // Intact, the precompiled one (not a compile: the same object each time it is parsed anew is equal).
    const ok = loadModelFromFiles(files, 'typhoon.yaml', entries);
    expect(ok.ok && ok.scenario.id).toBe('typhoon');
  });

  it('ignores a stale or damaged entry, never throwing', () => {
    const e = entries.find((x) => x.path === 'preseason.yaml')!;
    const variants: unknown[] = [
      undefined,
      'not a list',
      [{ ...e, engine: `${ENGINE_VERSION}-older` }],
      [{ ...e, path: 'typhoon.yaml' }],
      [{ ...e, sha256: sha256Hex('something else') }],
      [{ ...e, json: e.json.replace('"preseason"', '"typhoon"') }],
      [{ ...e, json: e.json.slice(0, -1), jsonSha256: sha256Hex(e.json.slice(0, -1)) }],
      [{ ...e, reads: [{ ...e.reads[0], sha256: sha256Hex('') }] }],
      [{ ...e, reads: [{ ...e.reads[0], path: 'typhoon/landfall.yaml' }] }],
      [{ ...e, reads: undefined }],
    ];
    for (const v of variants) expect(() => precompiledFromFiles(files, 'preseason.yaml', v)).not.toThrow();
    for (const v of variants) expect(precompiledFromFiles(files, 'preseason.yaml', v)).toBeUndefined();
    expect(precompiledFromFiles(files, 'preseason.yaml', [e])?.id).toBe('preseason');
  });
});
