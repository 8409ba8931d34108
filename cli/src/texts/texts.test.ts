import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localize, scenarioJsonSchema } from '@drill/engine';
import { loadScenarioFile, SCENARIO_DIR, SHIPPED_IDS } from '@drill/scenarios';
import { applyTexts, fileTexts, type JsonSchema } from './scenario-texts.ts';
import { exportUnits, importUnits, readScenarioTexts } from './scenario-translation.ts';
import { readCsv, readXliff, writeCsv, writeXliff, type TranslationFile } from './translation-files.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'texts-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(path: string) {
  const r = loadScenarioFile(path);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return r.scenario;
}

/** Reads the files the translator's file would change, applies it, and writes them (as the command does). */
function importInto(main: string, tf: TranslationFile) {
  const r = importUnits(readScenarioTexts(main, load(main)), tf);
  for (const w of r.written) writeFileSync(w.file, w.text);
  return r;
}

describe('drill texts export → import of the unchanged file', () => {
  for (const id of SHIPPED_IDS)
    it(`${id}: CSV and XLIFF come back byte-identical, and every text is listed once`, async () => {
      const here = join(dir, id);
      cpSync(join(SCENARIO_DIR, `${id}.yaml`), join(here, `${id}.yaml`));
      cpSync(join(SCENARIO_DIR, id), join(here, id), { recursive: true });
      const main = join(here, `${id}.yaml`);
      const files = [main, ...readdirSync(join(here, id)).map((f) => join(here, id, f))];
      const before = files.map((f) => readFileSync(f, 'utf8'));
      const t = readScenarioTexts(main, load(main));
      const tf = exportUnits(t, 'en', 'zh-CN', false);
      expect(new Set(tf.units.map((u) => u.key)).size).toBe(tf.units.length);
      // Every shipped drill has well over a hundred texts (the smallest, preseason, about 170).
      expect(tf.units.length).toBeGreaterThan(100);
      expect(tf.units.find((u) => u.key === 'title')!.target).toBe(localize(t.scenario.title, 'zh-CN'));
      // Keys are made of ids: every inject, decision prompt and option label is there under its own.
      const source = new Map(tf.units.map((u) => [u.key, u.source]));
      for (const i of t.scenario.injects)
        expect(source.get(`injects.${i.id}.text`)).toBe(localize(i.text, 'en'));
      for (const d of t.scenario.decisions) {
        expect(source.get(`decisions.${d.id}.prompt`)).toBe(localize(d.prompt, 'en'));
        for (const o of d.options)
          expect(source.get(`decisions.${d.id}.options.${o.id}.label`)).toBe(localize(o.label, 'en'));
      }
      // Importing reads the scenario's files as exporting just did (compile, then each file's texts), and
      // nothing writes them in between (an unchanged translation writes nothing: r.written is []), so `t`
      // is what each import reads: reused rather than compiling the scenario twice more. The tests below
      // read the files afresh for each import (importInto), as the command does.
      for (const back of [
        await readCsv(writeCsv(tf), 'x.csv'),
        await readXliff(await writeXliff(tf), 'x.xlf'),
      ]) {
        expect(back.units).toEqual(tf.units);
        const r = importUnits(t, back);
        expect(r.written).toEqual([]);
        expect(r.notFound).toEqual([]);
        expect(files.map((f) => readFileSync(f, 'utf8'))).toEqual(before);
      }
    }, 60_000);
});

const FIXTURE = `# A drill with every shape a text can take.
format: drill/1
id: shapes
version: 1.0.0
title: Shapes # a plain string counts as English
hazard: other
setting:
  place: { en: "Nowhere (fictional)" }
languages: [en, zh-CN]
clock:
  anchor: { zh-CN: 登陆 }
  t0: "2025-07-01T00:00"
  start: T-2h
  end: T+1h
briefing: |
  First line of the briefing.
  Second line.
roles:
  - id: commander
    name:
      en: Commander   # who decides
injects:
  - id: call
    at: T-1h
    roles: [commander]
    source: { en: "Met office", zh-CN: 气象局 }
    channel: phone
    text:
      en: |
        Rain is coming.
        Get ready.
endings:
  - id: end
    title: { en: End }
    text: { en: "It ends." }
`;

describe('drill texts import: filling in the other language', () => {
  it('writes each translation where it belongs, in the file’s own style, and the drill shows it', async () => {
    const main = join(dir, 'shapes.yaml');
    writeFileSync(main, FIXTURE);
    const t = readScenarioTexts(main, load(main));
    const tf = exportUnits(t, 'en', 'zh-CN', true);
    expect(tf.units.map((u) => [u.key, u.source])).toEqual([
      ['title', 'Shapes'],
      ['setting.place', 'Nowhere (fictional)'],
      ['briefing', 'First line of the briefing.\nSecond line.\n'],
      ['roles.commander.name', 'Commander'],
      ['injects.call.text', 'Rain is coming.\nGet ready.\n'],
      ['endings.end.title', 'End'],
      ['endings.end.text', 'It ends.'],
    ]);
    const zh: Record<string, string> = {
      title: '形状',
      'setting.place': '无名之地（虚构）',
      briefing: '简报第一行。\n第二行。\n',
      'roles.commander.name': '指挥长',
      'injects.call.text': '雨要来了。\n做好准备。\n',
      'endings.end.title': '结束',
      'endings.end.text': '演练结束。"引号" & <尖括号>',
    };
    const filled = { ...tf, units: tf.units.map((u) => ({ ...u, target: zh[u.key]! })) };
    // Through the XLIFF file a translation tool would return.
    const back = await readXliff(await writeXliff(filled), 'shapes.xlf');
    back.units.push({ key: 'injects.gone.text', source: 'x', target: 'y' });
    const r = importInto(main, back);
    expect(r.changed).toBe(7);
    expect(r.notFound).toEqual(['injects.gone.text']);
    expect(readFileSync(main, 'utf8')).toBe(`# A drill with every shape a text can take.
format: drill/1
id: shapes
version: 1.0.0
title: { en: "Shapes", zh-CN: "形状" } # a plain string counts as English
hazard: other
setting:
  place: { en: "Nowhere (fictional)", zh-CN: "无名之地（虚构）" }
languages: [en, zh-CN]
clock:
  anchor: { zh-CN: 登陆 }
  t0: "2025-07-01T00:00"
  start: T-2h
  end: T+1h
briefing:
  en: |
    First line of the briefing.
    Second line.
  zh-CN: |
    简报第一行。
    第二行。
roles:
  - id: commander
    name:
      en: Commander   # who decides
      zh-CN: "指挥长"
injects:
  - id: call
    at: T-1h
    roles: [commander]
    source: { en: "Met office", zh-CN: 气象局 }
    channel: phone
    text:
      en: |
        Rain is coming.
        Get ready.
      zh-CN: |
        雨要来了。
        做好准备。
endings:
  - id: end
    title: { en: End, zh-CN: "结束" }
    text: { en: "It ends.", zh-CN: "演练结束。\\"引号\\" & <尖括号>" }
`);
    const s = load(main);
    expect(localize(s.briefing, 'zh-CN')).toBe('简报第一行。\n第二行。\n');
    expect(localize(s.injects[0]!.text, 'zh-CN')).toBe('雨要来了。\n做好准备。\n');
    expect(localize(s.roles[0]!.name, 'zh-CN')).toBe('指挥长');
    expect(localize(s.endings[0]!.text, 'zh-CN')).toBe('演练结束。"引号" & <尖括号>');
    expect(localize(s.title, 'en')).toBe('Shapes');

    // The other way: English for a text that has only Chinese goes first, and a revision replaces in place.
    const r2 = importInto(main, {
      scenario: 'shapes',
      sourceLang: 'zh-CN',
      targetLang: 'en',
      units: [
        { key: 'clock.anchor', source: '登陆', target: 'landfall' },
        { key: 'injects.call.text', source: '', target: 'Rain is coming now.\nGet ready.\n' },
      ],
    });
    expect(r2.changed).toBe(2);
    const after = readFileSync(main, 'utf8');
    expect(after).toContain('  anchor: { en: "landfall", zh-CN: 登陆 }\n');
    expect(after).toContain('      en: |\n        Rain is coming now.\n        Get ready.\n      zh-CN: |\n');
    expect(localize(load(main).clock.anchor, 'en')).toBe('landfall');
  });

  it('reads a CSV a spreadsheet program saved (BOM, CRLF, quoted line breaks)', async () => {
    const tf = await readCsv(
      '\uFEFFkey,en,zh-CN\r\nbriefing,"a\r\nb",\r\ntitle,Shapes,"形\r\n状"\r\n',
      'x.csv',
    );
    expect(tf).toMatchObject({ sourceLang: 'en', targetLang: 'zh-CN' });
    expect(tf.units).toEqual([
      { key: 'briefing', source: 'a\r\nb', target: '' },
      { key: 'title', source: 'Shapes', target: '形\r\n状' },
    ]);
    await expect(readCsv('id,english\r\n', 'bad.csv')).rejects.toThrow(
      'bad.csv:1: the first row must be `key,<source language>,<target language>`',
    );
    await expect(readXliff('<xliff version="1.2"><file>', 'bad.xlf')).rejects.toThrow(
      /^bad\.xlf:1:\d+: not well-formed XML/,
    );
  });
});

describe('XLIFF 2.0', () => {
  it('is what `--format xliff` writes: one unit per text named by its key, no target where there is none', async () => {
    const xlf = await writeXliff({
      scenario: 'shapes',
      sourceLang: 'en',
      targetLang: 'zh-CN',
      units: [
        { key: 'title', source: 'Shapes & <forms>', target: '形状' },
        { key: 'variables.level.levels.#0.label', source: 'Low', target: '' },
      ],
    });
    expect(xlf).toContain(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN">',
    );
    expect(xlf).toContain('<file id="f1" original="shapes">');
    expect(xlf).toContain('<unit id="title" name="title" xml:space="preserve">');
    expect(xlf).toContain('<source>Shapes &amp; &lt;forms&gt;</source>');
    // `#` is not allowed in an XML id token: the unit gets a plain id, the key stays its name.
    expect(xlf).toContain('<unit id="u2" name="variables.level.levels.#0.label" xml:space="preserve">');
    expect(xlf).toContain('<segment state="initial">\n        <source>Low</source>\n      </segment>');
  });

  it('round-trips through a translator: export, fill in the targets, import; the drill has them and loads', async () => {
    const main = join(dir, 'xliff-shapes.yaml');
    writeFileSync(main, FIXTURE);
    const tf = exportUnits(readScenarioTexts(main, load(main)), 'en', 'zh-CN', false);
    const exported = await writeXliff(tf);
    // What a translation tool does: a target into every segment.
    let n = 0;
    const filled = exported.replace(
      /(<source>[\s\S]*?<\/source>)(\s*<target>[\s\S]*?<\/target>)?/g,
      (_, src: string) => `${src}<target>译文${++n}</target>`,
    );
    expect(n).toBe(tf.units.filter((u) => u.source !== '').length);
    const r = importInto(main, await readXliff(filled, 'shapes.xlf'));
    expect(r.changed).toBe(n);
    const s = load(main);
    expect(localize(s.title, 'zh-CN')).toBe('译文1');
    expect(localize(s.title, 'en')).toBe('Shapes');
    expect(localize(s.endings[0]!.text, 'zh-CN')).toBe(`译文${n}`);
  });

  it('reads what translation tools return: units in groups, a text in several segments, prefixed tags', async () => {
    const tf = await readXliff(
      `<?xml version="1.0"?>
<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN">
  <x:file id="f1" original="shapes">
    <x:group id="g1">
      <x:unit id="u1" name="briefing">
        <x:segment><x:source>First line. </x:source><x:target>第一行。</x:target></x:segment>
        <x:segment><x:source>Second line.</x:source><x:target>第二行。</x:target></x:segment>
      </x:unit>
    </x:group>
    <x:unit id="title"><x:segment><x:source>Shapes</x:source></x:segment></x:unit>
  </x:file>
</x:xliff>`,
      'tool.xlf',
    );
    expect(tf).toMatchObject({ scenario: 'shapes', sourceLang: 'en', targetLang: 'zh-CN' });
    expect(tf.units).toEqual([
      { key: 'briefing', source: 'First line. Second line.', target: '第一行。第二行。' },
      { key: 'title', source: 'Shapes', target: '' },
    ]);
  });

  it('still reads XLIFF 1.2', async () => {
    const tf = await readXliff(
      `<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="shapes" source-language="en" target-language="zh-CN" datatype="plaintext"><body>
    <trans-unit id="title"><source>Shapes</source><target>形状</target></trans-unit>
  </body></file>
</xliff>`,
      'old.xlf',
    );
    expect(tf.units).toEqual([{ key: 'title', source: 'Shapes', target: '形状' }]);
  });

  it('refuses a malformed file with its line and column, in one sentence', async () => {
    const broken = `<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh-CN">
  <file id="f1">
    <unit id="title">
      <segment><source>Shapes</source><target>形状</source></segment>
    </unit>
  </file>
</xliff>`;
    await expect(readXliff(broken, 'broken.xlf')).rejects.toThrow(
      /^broken\.xlf:5:\d+: not well-formed XML: .*target/,
    );
    const markup = broken.replace('<target>形状</source>', '<target>形<ph id="1"/>状</target>');
    await expect(readXliff(markup, 'markup.xlf')).rejects.toThrow(
      'markup.xlf:4:11: unit `title`: <ph> inside a text: drill’s texts are plain text',
    );
    await expect(
      readXliff(
        broken.replace('version="2.0"', 'version="3.0"').replace('</source></seg', '</target></seg'),
        'v3.xlf',
      ),
    ).rejects.toThrow('v3.xlf:2:1: XLIFF version 3.0: drill reads XLIFF 2.0 (and 1.2)');
    await expect(
      readXliff(
        broken.replace('trgLang="zh-CN"', 'trgLang="fr"').replace('</source></seg', '</target></seg'),
        'fr.xlf',
      ),
    ).rejects.toThrow('fr.xlf:2:1: trgLang: language `fr` is not one drill has');
  });
});

describe('texts in a list (as a module’s key issues will be)', () => {
  it('are found by position and filled in, plain and block alike', () => {
    const top = scenarioJsonSchema() as JsonSchema;
    const main = top.anyOf![0]!;
    const text = main.properties!.title!;
    // The format as it will be with modules: a list of texts inside a list of items with ids.
    const schema: JsonSchema = {
      anyOf: [
        {
          ...main,
          properties: {
            ...main.properties,
            modules: {
              type: 'array',
              items: { type: 'object', properties: { keyIssues: { type: 'array', items: text } } },
            },
          },
        },
        top.anyOf![1]!,
      ],
    };
    const src = `format: drill/1
modules:
  - id: m1
    keyIssues:
      - Who warns the villages?
      - |
        Who pays for the boats?
        And who crews them?
      - { zh-CN: 谁来发布？ }
`;
    const f = fileTexts('m.yaml', src, 'en', schema);
    expect(f.entries.map((e) => [e.key, e.values])).toEqual([
      ['modules.m1.keyIssues.#0', { en: 'Who warns the villages?' }],
      ['modules.m1.keyIssues.#1', { en: 'Who pays for the boats?\nAnd who crews them?\n' }],
      ['modules.m1.keyIssues.#2', { 'zh-CN': '谁来发布？' }],
    ]);
    const [a, b, c] = f.entries;
    const out = applyTexts(
      f,
      [
        { entry: a!, lang: 'zh-CN', text: '谁通知各村？' },
        { entry: b!, lang: 'zh-CN', text: '船的费用谁出？\n谁来驾驶？\n' },
        { entry: c!, lang: 'en', text: 'Who issues it?' },
      ],
      'en',
    );
    expect(out).toBe(`format: drill/1
modules:
  - id: m1
    keyIssues:
      - { en: "Who warns the villages?", zh-CN: "谁通知各村？" }
      -
        en: |
          Who pays for the boats?
          And who crews them?
        zh-CN: |
          船的费用谁出？
          谁来驾驶？
      - { en: "Who issues it?", zh-CN: 谁来发布？ }
`);
    expect(fileTexts('m.yaml', out, 'en', schema).entries.map((e) => e.values)).toEqual([
      { en: 'Who warns the villages?', 'zh-CN': '谁通知各村？' },
      { en: 'Who pays for the boats?\nAnd who crews them?\n', 'zh-CN': '船的费用谁出？\n谁来驾驶？\n' },
      { en: 'Who issues it?', 'zh-CN': '谁来发布？' },
    ]);
  });
});
