import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION, type Scenario } from '@drill/engine';
import {
  loadScenarioFile,
  loadScenarioModel,
  resolveScenarioPath,
  SCENARIO_DIR,
  SHIPPED_IDS,
} from '../src/index.ts';
import {
  adoptPrecompiled,
  precompiledScenario,
  precompileScenario,
  type PrecompiledScenario,
} from '../src/precompiled.ts';

const tmp = mkdtempSync(join(tmpdir(), 'drill-precompiled-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** True when every object in the tree is frozen (as the compiler leaves its scenario). */
function deepFrozen(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  return Object.isFrozen(v) && Object.values(v).every(deepFrozen);
}

function compiled(path: string): Scenario {
  const r = loadScenarioFile(path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.scenario;
}

describe('precompiled shipped scenarios', () => {
  it.each([...SHIPPED_IDS])('%s: the precompiled scenario is the one compiling the YAML gives', (id) => {
    const path = resolveScenarioPath(id);
    const entry = precompileScenario(path);
    expect(entry).toBeDefined();
    // Every part file the scenario includes is recorded (a change in any must invalidate the entry).
    expect(entry!.reads.length).toBeGreaterThan(0);
    const pre = precompiledScenario(path, [entry]);
    const fresh = compiled(path);
    expect(pre).toStrictEqual(fresh);
    // Same keys in the same order (anything hashing the scenario's JSON sees the same bytes), frozen alike.
    expect(JSON.stringify(pre)).toBe(JSON.stringify(fresh));
    expect(deepFrozen(pre)).toBe(true);
  });

  it('is not used once the main file or an included part changes, nor for another path', () => {
    const lib = join(tmp, 'lib');
    cpSync(join(SCENARIO_DIR, 'typhoon'), join(lib, 'typhoon'), { recursive: true });
    cpSync(join(SCENARIO_DIR, 'typhoon.yaml'), join(lib, 'typhoon.yaml'));
    const main = join(lib, 'typhoon.yaml');
    const entry = precompileScenario(main)!;
    expect(precompiledScenario(main, [entry])).toStrictEqual(compiled(main));
    // Same text at another path: not this entry's (the path is part of what was compiled).
    expect(precompiledScenario(resolveScenarioPath('typhoon'), [entry])).toBeUndefined();

    const part = join(lib, entry.reads[0]!.path.slice(lib.length + 1));
    const partText = readFileSync(part, 'utf8');
    writeFileSync(part, `${partText}\n# edited\n`);
    expect(precompiledScenario(main, [entry])).toBeUndefined();
    writeFileSync(part, partText);
    expect(precompiledScenario(main, [entry])).toBeDefined();

    const mainText = readFileSync(main, 'utf8');
    writeFileSync(main, `${mainText}\n# edited\n`);
    expect(precompiledScenario(main, [entry])).toBeUndefined();
    writeFileSync(main, mainText);
    // A part removed: not used (and not thrown).
    rmSync(part);
    expect(precompiledScenario(main, [entry])).toBeUndefined();
  });

  it('ignores a damaged or foreign entry, never throwing', () => {
    const path = resolveScenarioPath('preseason');
    const entry = precompileScenario(path)!;
    const variants: unknown[] = [
      undefined,
      null,
      'not a list',
      {},
      [null, 3, 'x'],
      [{ ...entry, engine: `${ENGINE_VERSION}-other` }],
      [{ ...entry, sha256: '0'.repeat(64) }],
      // The JSON altered without its hash, and altered with it (then it does not parse).
      [{ ...entry, json: entry.json.replace('"preseason"', '"typhoon"') }],
      [{ ...entry, json: `${entry.json.slice(0, -1)}`, jsonSha256: sha(entry.json.slice(0, -1)) }],
      [{ ...entry, json: '[]', jsonSha256: sha('[]') }],
      [{ ...entry, reads: 'all of them' }],
      [{ ...entry, reads: [{ ...entry.reads[0], sha256: 'f'.repeat(64) }] }],
      [{ ...entry, reads: [{ ...entry.reads[0], inc: '../../../etc/passwd' }] }],
      [{ ...entry, path: 7 }],
      [{ ...entry, path: join(tmp, 'missing.yaml') }],
    ];
    for (const v of variants) expect(() => precompiledScenario(path, v)).not.toThrow();
    for (const v of variants) expect(precompiledScenario(path, v)).toBeUndefined();
    // The intact entry, for contrast, is used.
    expect(precompiledScenario(path, [entry] satisfies PrecompiledScenario[])?.id).toBe('preseason');
  });
});

describe('a scenario this process compiled (loadScenarioModel)', () => {
  const model = (path: string): Scenario => {
    const r = loadScenarioModel(path);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    return r.scenario;
  };

  it('is compiled again, not reused, once the main file or an included part changes', () => {
    const lib = join(tmp, 'held');
    cpSync(join(SCENARIO_DIR, 'flood'), join(lib, 'flood'), { recursive: true });
    cpSync(join(SCENARIO_DIR, 'flood.yaml'), join(lib, 'flood.yaml'));
    const main = join(lib, 'flood.yaml');
    const first = model(main);
    // The same files: the scenario compiled the first time, not a second compile.
    expect(model(main)).toBe(first);
    expect(first).toStrictEqual(compiled(main));

    const part = precompileScenario(main)!.reads[0]!.path;
    const partText = readFileSync(part, 'utf8');
    writeFileSync(part, partText.replace(/^(\s*en: ).+$/m, '$1"Edited in the test"'));
    const edited = model(main);
    expect(edited).not.toBe(first);
    expect(JSON.stringify(edited)).toContain('Edited in the test');
    expect(edited).toStrictEqual(compiled(main));
    writeFileSync(part, partText);
    // Back to the first bytes: compiled again (only the last compile of a path is kept), equal to the first.
    const back = model(main);
    expect(back).not.toBe(edited);
    expect(back).toStrictEqual(first);

    writeFileSync(main, `${readFileSync(main, 'utf8')}\n# edited\n`);
    expect(model(main)).not.toBe(back);
    // A part removed: the compile's own diagnostic, not the scenario held before.
    rmSync(part);
    const r = loadScenarioModel(main);
    expect(r.ok).toBe(false);
    expect(loadScenarioModel(join(lib, 'missing.yaml'))).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'file-not-found' }],
    });
  });
});

describe('adopted precompiled entries (the test set-up hands over the bundle’s)', () => {
  it('are used while the files match, never for a changed file or a damaged entry', () => {
    const lib = join(tmp, 'adopted');
    cpSync(join(SCENARIO_DIR, 'rainstorm'), join(lib, 'rainstorm'), { recursive: true });
    cpSync(join(SCENARIO_DIR, 'rainstorm.yaml'), join(lib, 'rainstorm.yaml'));
    const main = join(lib, 'rainstorm.yaml');
    const entry = precompileScenario(main)!;
    // The entry names another id: a scenario from it is told apart from one compiled from the YAML.
    const json = entry.json.replace('"id":"rainstorm"', '"id":"adopted"');
    expect(json).not.toBe(entry.json);
    let loads = 0;
    const restore = adoptPrecompiled(() => {
      loads++;
      return [{ ...entry, json, jsonSha256: sha(json) }];
    });
    try {
      const r = loadScenarioModel(main);
      expect(r.ok && r.scenario.id).toBe('adopted');
      expect(loadScenarioModel(main)).toEqual(r);
      // Read once, when first needed.
      expect(loads).toBe(1);
      // The main file changed: compiled from the YAML, as if there were no entry.
      writeFileSync(main, `${readFileSync(main, 'utf8')}\n# edited\n`);
      const edited = loadScenarioModel(main);
      expect(edited.ok && edited.scenario.id).toBe('rainstorm');
    } finally {
      restore();
    }
    // A damaged entry (JSON altered without its hash) is not used either.
    cpSync(join(SCENARIO_DIR, 'rainstorm.yaml'), join(lib, 'rainstorm.yaml'));
    const restore2 = adoptPrecompiled(() => [{ ...precompileScenario(main)!, json }]);
    try {
      const r = loadScenarioModel(main);
      expect(r.ok && r.scenario.id).toBe('rainstorm');
    } finally {
      restore2();
    }
  });
});

function sha(text: string): string {
  // Same hash as the module's, recomputed here so a tampered entry can carry a matching one.
  return createHash('sha256').update(text).digest('hex');
}
