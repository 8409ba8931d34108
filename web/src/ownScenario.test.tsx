import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { autoplay, localize } from '@drill/engine';
import { LangContext } from './i18n.ts';
import { compileSource, loadLibrary, sourceForRoom, type OwnScenario } from './scenarios.ts';
import {
  CHOICE_KEY,
  forgetOwn,
  OWN_KEY,
  ownFromPicked,
  REMEMBER_LIMIT,
  rememberedOwn,
  rememberOwn,
  setCurrentOwn,
  type PickedFile,
} from './ownScenario.ts';
import { Setup } from './console/Setup.tsx';
import { Review } from './review/Review.tsx';

/** The shipped flood scenario under another id: a scenario of the trainer's own, in three files. */
const lib = join(process.cwd(), 'scenarios');
const read = (p: string): string => readFileSync(join(lib, p), 'utf8');
const folder: PickedFile[] = [
  {
    path: 'county/flood.yaml',
    text: read('flood.yaml').replace(/^id: flood$/m, 'id: county-flood'),
  },
  { path: 'county/flood/injects.yaml', text: read('flood/injects.yaml') },
  { path: 'county/flood/decisions.yaml', text: read('flood/decisions.yaml') },
  { path: 'county/notes.txt', text: 'not a scenario' },
  { path: 'county/.git/config.yaml', text: 'hidden: true' },
];
const own = ownFromPicked(folder) as OwnScenario;
const compiled = compileSource(own);
if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
const scenario = compiled.scenario;

/** Files as an `<input webkitdirectory>` gives them: each with its path inside the picked folder. */
const asFiles = (picked: PickedFile[]): File[] =>
  picked.map((p) => {
    const f = new File([p.text], p.path.split('/').at(-1)!, { type: 'text/yaml' });
    Object.defineProperty(f, 'webkitRelativePath', { value: p.path });
    return f;
  });
const pick = async (input: HTMLElement, picked: PickedFile[]): Promise<void> => {
  await act(async () => {
    fireEvent.change(input, { target: { files: asFiles(picked) } });
    await new Promise((r) => setTimeout(r, 50));
  });
};
/**
 * A dropped folder as Chromium hands it over: `webkitGetAsEntry()` entries of the File and Directory
 * Entries API (jsdom has none), directories read in batches until an empty one.
 */
function droppedFolder(name: string, picked: PickedFile[]): DataTransfer {
  type Node = { name: string; file?: string; children?: Map<string, Node> };
  const root: Node = { name, children: new Map() };
  for (const p of picked) {
    const parts = p.path.split('/').slice(1);
    let at = root;
    for (const [i, part] of parts.entries()) {
      if (!at.children!.has(part))
        at.children!.set(
          part,
          i === parts.length - 1 ? { name: part, file: p.text } : { name: part, children: new Map() },
        );
      at = at.children!.get(part)!;
    }
  }
  const entry = (n: Node): unknown =>
    n.children
      ? {
          name: n.name,
          isDirectory: true,
          isFile: false,
          createReader: () => {
            const batches = [[...n.children!.values()].map(entry), []];
            return { readEntries: (ok: (e: unknown[]) => void) => setTimeout(() => ok(batches.shift()!)) };
          },
        }
      : {
          name: n.name,
          isDirectory: false,
          isFile: true,
          file: (ok: (f: File) => void) => setTimeout(() => ok(new File([n.file!], n.name))),
        };
  return {
    items: [{ kind: 'file', webkitGetAsEntry: () => entry(root) }],
    files: [],
  } as unknown as DataTransfer;
}

/** What a reload does: the page starts again from what this browser remembered. */
const reload = (): void => {
  cleanup();
  setCurrentOwn(rememberedOwn());
};

beforeAll(loadLibrary);
beforeEach(() => {
  localStorage.clear();
  setCurrentOwn(undefined);
});
afterEach(cleanup);

describe('the trainer’s own scenario', () => {
  it('is read from a folder: YAML files only, the folder’s name dropped, the main file found, includes resolved among the picked files', () => {
    expect(own.entry).toBe('flood.yaml');
    expect(Object.keys(own.files).sort()).toEqual([
      'flood.yaml',
      'flood/decisions.yaml',
      'flood/injects.yaml',
    ]);
    expect(scenario.id).toBe('county-flood');
    expect(scenario.decisions.length).toBeGreaterThan(3); // they live in the included part
    expect(sourceForRoom(own)).toEqual({ entry: 'flood.yaml', files: own.files });
    expect(sourceForRoom({ kind: 'shipped', id: 'typhoon' })).toBe('typhoon');
  });

  it('refuses an include that is not among the picked files, at its line and column', () => {
    const partial = ownFromPicked(folder.filter((f) => !f.path.endsWith('decisions.yaml'))) as OwnScenario;
    const r = compileSource(partial);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line =
      partial.files['flood.yaml']!.split('\n').findIndex((l) => l.includes('flood/decisions.yaml')) + 1;
    expect(r.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'include-not-found', file: 'flood.yaml', line }),
    );
  });

  it('is remembered within a bound, with the reason when too large, and can be forgotten', () => {
    expect(rememberOwn(own)).toEqual({ ok: true });
    expect(rememberedOwn()).toEqual(own);
    const huge: OwnScenario = { ...own, files: { ...own.files, 'big.yaml': 'x'.repeat(REMEMBER_LIMIT) } };
    expect(rememberOwn(huge)).toMatchObject({ ok: false, problem: 'too-large', limit: REMEMBER_LIMIT });
    expect(rememberedOwn()).toEqual(own); // the last one that fitted stays
    localStorage.setItem(CHOICE_KEY, 'own');
    forgetOwn();
    expect(localStorage.getItem(OWN_KEY)).toBeNull();
    expect(localStorage.getItem(CHOICE_KEY)).toBeNull();
    localStorage.setItem(OWN_KEY, '{"kind":"files","entry":1}');
    expect(rememberedOwn()).toBeUndefined();
  });

  it('in the set-up: a picked folder is chosen and remembered; a broken one lists every problem in Chinese; a reload brings back the last one that worked', async () => {
    const mount = (lang: 'en' | 'zh-CN') =>
      render(
        <LangContext.Provider value={lang}>
          <Setup onStart={() => undefined} />
        </LangContext.Provider>,
      );
    mount('en');
    await pick(document.getElementById('setup-folder')!, folder);
    const select = screen.getByLabelText('Scenario') as HTMLSelectElement;
    expect(select.value).toBe('own');
    expect(select.selectedOptions[0]!.textContent).toBe(`Your own: ${localize(scenario.title, 'en')}`);
    expect(screen.getByTestId('setup-note').textContent).toBe('Remembered in this browser.');
    expect(screen.getByRole('button', { name: 'Start drill' })).toHaveProperty('disabled', false);
    // The teams are offered the own scenario's roles.
    expect(screen.getAllByLabelText(localize(scenario.roles[0]!.name, 'en'))).toHaveLength(2);

    reload();
    mount('zh-CN');
    const broken = folder.map((f) =>
      f.path.endsWith('injects.yaml') ? { ...f, text: f.text.replace(/^(\s+at: T-\d+h)$/m, '$1x') } : f,
    );
    const brokenLine = broken[1]!.text.split('\n').findIndex((l) => /at: T-\d+hx$/.test(l)) + 1;
    await pick(document.getElementById('setup-files')!, broken);
    const box = screen.getByTestId('diagnostics');
    expect(box.textContent).toContain('此想定有 1 处问题');
    expect(box.textContent).toMatch(
      new RegExp(`flood/injects\\.yaml:${brokenLine}:\\d+: 错误: 「T-\\d+hx」 不是想定时间`),
    );
    expect(box.textContent).toContain('提示: 时间写作 T-48h、T+2h30m 或 T0');
    expect(box.textContent).not.toMatch(/is not|hint|write/);
    expect(screen.getByTestId('setup-note').textContent).toBe(
      '有问题的想定不会被记住；上次可用的想定仍然保留。',
    );
    expect(screen.getByRole('button', { name: '开始演练' })).toHaveProperty('disabled', true);

    reload();
    mount('en');
    expect((screen.getByLabelText('Scenario') as HTMLSelectElement).value).toBe('own');
    expect(screen.getByText(`${own.entry} · 3 files`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Forget this scenario' }));
    expect((screen.getByLabelText('Scenario') as HTMLSelectElement).value).toBe('typhoon');
    expect(localStorage.getItem(OWN_KEY)).toBeNull();
  });

  it('takes a folder dropped on the set-up, sub-folders included', async () => {
    render(
      <LangContext.Provider value="en">
        <Setup onStart={() => undefined} />
      </LangContext.Provider>,
    );
    fireEvent.drop(screen.getByTestId('setup-drop'), { dataTransfer: droppedFolder('county', folder) });
    // Reading the dropped folder and compiling it takes a while on a loaded machine: wait up to 10 s for
    // the result, not a fixed 100 ms (which failed at load average 13).
    await waitFor(() => expect((screen.getByLabelText('Scenario') as HTMLSelectElement).value).toBe('own'), {
      timeout: 10_000,
    });
    expect(rememberedOwn()).toEqual(own);
  });

  it('in Review: a transcript of the own scenario is refused until the scenario is picked, then verified', async () => {
    const t = autoplay(scenario, { seed: 5, policy: 'best' }).transcript();
    render(
      <LangContext.Provider value="en">
        <Review incoming={[{ name: 'county.json', text: JSON.stringify(t) }]} />
      </LangContext.Provider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('county-flood');
    await pick(document.getElementById('review-folder')!, folder);
    await waitFor(() => expect(screen.getByText(/Verified · \d+ inputs/)).toBeTruthy());
    expect(screen.queryByText(/county-flood/)).toBeNull();
  });
});
