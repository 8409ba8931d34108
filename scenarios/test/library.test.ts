import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintScenario } from '@drill/engine';
import {
  compileFromFiles,
  DEFAULT_SCENARIO,
  loadScenario,
  loadScenarioFile,
  readIncludeWithin,
  resolveScenarioPath,
  SCENARIO_DIR,
  SHIPPED_IDS,
  shippedScenarioIds,
} from '../src/index.ts';
import { loadBundledFiles } from '../src/bundled.ts';

/** Every YAML file of the library (path relative to it), examples and node_modules aside. */
function libraryFiles(dir = SCENARIO_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'examples' ? [] : libraryFiles(p);
    return e.name.endsWith('.yaml') ? [relative(SCENARIO_DIR, p)] : [];
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'drill-scenarios-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the shipped library', () => {
  it('lists every top-level scenario file in menu order, the default first', () => {
    const topLevel = libraryFiles()
      .filter((f) => !f.includes('/'))
      .map((f) => f.slice(0, -'.yaml'.length));
    // A scenario added to the folder but not to the menu (or the reverse) fails here.
    expect([...SHIPPED_IDS].sort()).toEqual([...topLevel].sort());
    expect(shippedScenarioIds()).toEqual([...SHIPPED_IDS]);
    expect(SHIPPED_IDS[0]).toBe(DEFAULT_SCENARIO);
    expect(SHIPPED_IDS).toEqual(['typhoon', 'flood', 'rainstorm', 'earthquake', 'preseason']);
  });

  it.each([...SHIPPED_IDS])('%s compiles with its parts, without a lint error, under its own id', (id) => {
    const r = loadScenarioFile(resolveScenarioPath(id));
    expect(r.ok ? [] : r.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([]);
    if (!r.ok) return;
    expect(r.scenario.id).toBe(id);
    expect(r.scenario.languages).toEqual(['en', 'zh-CN']);
    expect(lintScenario(r.scenario).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('compiles the same scenario from files in memory (the browser) as from disk (node)', async () => {
    const files = await loadBundledFiles();
    // The bundle holds exactly the library's files.
    expect([...files.keys()].sort()).toEqual(libraryFiles().sort());
    for (const id of SHIPPED_IDS) {
      const mem = compileFromFiles(files, `${id}.yaml`);
      expect(mem.ok, id).toBe(true);
      if (mem.ok) expect(JSON.stringify(mem.scenario)).toBe(JSON.stringify(loadScenario(id)));
    }
    const missing = compileFromFiles(files, 'nowhere.yaml');
    expect(missing.ok ? '' : missing.diagnostics[0]!.code).toBe('file-not-found');
  });
});

describe('the loader', () => {
  it('resolves a shipped id to its file and anything else against the working folder', () => {
    expect(resolveScenarioPath('flood')).toBe(resolve(SCENARIO_DIR, 'flood.yaml'));
    expect(resolveScenarioPath('flood.yaml', '/somewhere')).toBe('/somewhere/flood.yaml');
    expect(resolveScenarioPath('../x/typhoon.yaml', '/a/b')).toBe('/a/x/typhoon.yaml');
  });

  it('a missing file is a diagnostic naming it, not an exception', () => {
    const path = join(tmp, 'absent.yaml');
    const r = loadScenarioFile(path);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'file-not-found', file: path, line: 1, column: 1 });
    expect(r.diagnostics[0]!.message).toContain('ENOENT');
  });

  it('loadScenario throws with every diagnostic at file:line:col when the file is broken', () => {
    const path = join(tmp, 'broken.yaml');
    writeFileSync(path, 'format: drill/1\nid: broken\nhazard: meteor\n');
    expect(() => loadScenario(path)).toThrow(
      new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `),
    );
  });

  it('reads includes only as regular files inside the scenario’s folder tree, within the size limit', () => {
    const dir = join(tmp, 'inc');
    mkdirSync(join(dir, 'parts'), { recursive: true });
    writeFileSync(join(dir, 'main.yaml'), 'id: x\n');
    writeFileSync(join(dir, 'parts', 'a.yaml'), 'format: drill/1-part\n');
    writeFileSync(join(tmp, 'outside.yaml'), 'secret: 1\n');
    symlinkSync(join(tmp, 'outside.yaml'), join(dir, 'link.yaml'));
    const read = readIncludeWithin();
    const from = join(dir, 'main.yaml');
    expect(read(from, 'parts/a.yaml')).toEqual({
      path: join(dir, 'parts', 'a.yaml'),
      text: 'format: drill/1-part\n',
    });
    expect(read(from, '../outside.yaml')).toEqual({ refused: 'it is outside this scenario’s folder' });
    // A symbolic link is judged by where it points.
    expect(read(from, 'link.yaml')).toEqual({ refused: 'it is outside this scenario’s folder' });
    expect(read(from, 'parts')).toEqual({ refused: 'it is not a regular file' });
    expect(read(from, 'nothing.yaml')).toBeUndefined();
    writeFileSync(join(dir, 'huge.yaml'), 'x'.repeat(8 * 1024 * 1024));
    expect(read(from, 'huge.yaml')).toMatchObject({
      refused: expect.stringMatching(/larger than \d+ bytes/),
    });
  });
});
