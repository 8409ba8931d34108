import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { compileScenario, localize, LANGUAGES, type Lang, type Scenario } from '@drill/engine';
import { loadScenario, loadScenarioFile, SHIPPED_IDS } from '@drill/scenarios';
import { csvField, mselCells, mselCsv, mselHeaders, mselRows, mselTime } from '../views/msel.ts';
import { mselXlsx } from '../views/msel-xlsx.ts';
import { formatMselDiagnostic, importMsel } from './import-msel.ts';
import { readTable } from './table.ts';
import { parseTimeCell } from './times.ts';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'msel-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Whether an import in this file has loaded its written skeleton from disk yet (see importFile). The
 * first does, and that must give the scenario importMsel compiled; the rest use importMsel's: the same
 * text compiled again, about 0.1–0.3 s of CPU for each of the ~30 imports here.
 */
let loadedFromDisk = false;

/** Imports a file from the temp folder; the skeleton (when there is one) is written beside it and loaded. */
async function importFile(name: string, opts: Parameters<typeof importMsel>[1] = {}) {
  const table = await readTable(join(dir, name), name);
  const out = join(dir, `${name}.yaml`);
  const r = importMsel(table, { out, ...opts });
  let scenario: Scenario | undefined;
  if (r.yaml !== undefined) {
    writeFileSync(out, r.yaml);
    expect(r.scenario).toBeDefined();
    scenario = r.scenario;
    if (!loadedFromDisk) {
      const loaded = loadScenarioFile(out);
      if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
      expect(loaded.scenario).toStrictEqual(scenario);
      loadedFromDisk = true;
    }
  }
  return { ...r, scenario, messages: r.diagnostics.map((d) => formatMselDiagnostic(d)) };
}

/**
 * Chinese diagnostics: past the cell, no English word but the user's own values (quoted), ids (in
 * backticks), the channel ids to type, and `allowed` (header names drill reads, quoted in English).
 */
function expectChineseOnly(lines: string[], allowed: string[] = []): void {
  // The channel ids a row may name (phone, social-media, warning-system…), word by word.
  const channels = ['phone', 'document', 'media', 'social', 'field', 'report', 'warning', 'system'];
  const ok = new Set(['drill', 'MSEL', ...channels, 'radio', 'meeting', 'email', ...allowed]);
  for (const line of lines) {
    const rest = line
      .replace(/^\S+?：(错误|警告)：/, '')
      .replace(/“[^”]*”|"[^"]*"|`[^`]*`/g, '')
      .replace(/\b[A-Za-z]+(-[A-Za-z]+)+\b/g, (w) => (w.split('-').every((x) => ok.has(x)) ? '' : w));
    expect(line).toMatch(/^\S+?：(错误|警告)：/);
    expect((rest.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ok.has(w))).toEqual([]);
  }
}

/** What a round trip keeps of a scenario, in one language: modules, and injects with their notes and modules. */
function kept(s: Scenario, lang: Lang, roleName: (id: string) => string) {
  const L = (t: Parameters<typeof localize>[0]): string => localize(t, lang).trim();
  return {
    modules: s.modules.map((m) => ({
      id: m.id,
      at: m.at,
      title: L(m.title),
      summary: L(m.summary),
      keyIssues: m.keyIssues.map(L),
      note: L(m.note),
    })),
    injects: [...s.injects]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((i) => ({
        id: i.id,
        at: i.at,
        roles: i.roles.map(roleName),
        source: L(i.source),
        channel: i.channel,
        title: L(i.title),
        text: L(i.text),
        note: L(i.note),
        module: i.module,
      })),
    // Decisions an MSEL holds whole: all but allocations (a budget and a score expression).
    decisions: s.decisions
      .filter((d) => d.kind !== 'allocate')
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((d) => ({
        id: d.id,
        kind: d.kind,
        each: d.each,
        roles: d.roles.map(roleName),
        opens: d.opens,
        due: d.due,
        prompt: L(d.prompt),
        options: d.options.map((o) => L(o.label)),
        note: L(d.note),
        module: d.module,
      })),
  };
}

describe('drill msel --format xlsx → drill import msel: the round trip', () => {
  for (const id of SHIPPED_IDS)
    for (const lang of LANGUAGES)
      it(`${id} (${lang}) comes back with the same modules and injects: ids, times, roles, sources, channels, titles, texts, notes`, async () => {
        const original = loadScenario(id);
        writeFileSync(join(dir, `${id}-${lang}.xlsx`), await mselXlsx(original, lang));
        const r = await importFile(`${id}-${lang}.xlsx`);
        expect(r.messages).toEqual([]);
        const back = r.scenario!;
        expect(r.lang).toBe(lang);
        expect(back.id).toBe(original.id);
        expect(back.clock.t0).toBe(original.clock.t0);
        expect(back.roles.map((x) => [x.id, x.name])).toEqual(original.roles.map((x) => [x.id, x.name]));
        expect(kept(back, lang, (x) => x)).toEqual(kept(original, lang, (x) => x));
        // What a spreadsheet cannot say is marked, not invented: scores are 0 with a TODO, the capability a placeholder.
        const scored = back.decisions.filter((d) => d.kind !== 'discuss');
        for (const d of scored) {
          expect(d.capability).toBe('todo_capability');
          expect(d.options.every((o) => o.score === 0)).toBe(true);
        }
        if (scored.length) expect(r.yaml).toContain('# TODO: the scores, feedback, default and capability');
        // The decisions an inject expects come back as its `expects` (allocations are not imported).
        const imported = new Set(back.decisions.map((d) => d.id));
        for (const i of original.injects) {
          const want = i.expects.filter((d) => imported.has(d));
          expect(back.injects.find((x) => x.id === i.id)!.expects, i.id).toEqual(
            expect.arrayContaining(want),
          );
        }
        expect(back.injects.some((i) => i.expects.length > 0)).toBe(true);
        // An allocation stays a TODO comment, with the row it came from.
        for (const d of original.decisions.filter((x) => x.kind === 'allocate'))
          expect(r.yaml).toMatch(new RegExp(`#   - ${d.id} at .*: an allocation needs a budget and a score`));
      }, 60_000);

  for (const lang of LANGUAGES)
    it(`preseason (${lang}) comes back from the CSV MSEL too: modules, injects and notes (roles by name)`, async () => {
      const original = loadScenario('preseason');
      expect(original.modules.length).toBeGreaterThan(1);
      expect(original.injects.some((i) => i.note)).toBe(true);
      writeFileSync(join(dir, `preseason-${lang}.csv`), mselCsv(original, lang));
      const r = await importFile(`preseason-${lang}.csv`, { id: 'preseason' });
      expect(r.messages).toEqual([]);
      const back = r.scenario!;
      expect(back.clock.t0).toBe(original.clock.t0);
      // A CSV has no roles sheet: roles are made from the names in the audience column.
      const name = (s: Scenario) => (id: string) =>
        id === 'all' ? 'all' : localize(s.roles.find((x) => x.id === id)?.name, lang);
      expect(kept(back, lang, name(back))).toEqual(kept(original, lang, name(original)));
    }, 60_000);
});

describe('drill msel --format csv → drill import msel, times in either notation', () => {
  for (const id of SHIPPED_IDS)
    for (const lang of LANGUAGES)
      it(`${id} (${lang}) comes back with the same modules, injects and decisions, its times in the other language’s notation`, async () => {
        const original = loadScenario(id);
        const other: Lang = lang === 'en' ? 'zh-CN' : 'en';
        // `T0前48小时` in an English sheet, `T-48h` in a Chinese one: a trainer mixes them, the importer reads both.
        let swapped = 0;
        const rows = mselRows(original, lang).map((r) => {
          const t = parseTimeCell(r.time);
          if (t.kind !== 'at') return r;
          swapped++;
          return { ...r, time: r.time.replace(/^[^\s(（]+/, mselTime(t.minutes, other)) };
        });
        expect(swapped).toBeGreaterThan(5);
        const csv = [mselHeaders(lang), ...rows.map((r) => mselCells(r, lang))]
          .map((row) => row.map(csvField).join(','))
          .join('\r\n');
        writeFileSync(join(dir, `${id}-${lang}-swapped.csv`), `\uFEFF${csv}\r\n`);
        const r = await importFile(`${id}-${lang}-swapped.csv`, { id });
        expect(r.messages).toEqual([]);
        const back = r.scenario!;
        expect(back.clock.t0).toBe(original.clock.t0);
        // A CSV has no roles sheet: roles are made from the names in the audience column.
        const name = (s: Scenario) => (x: string) =>
          x === 'all' ? 'all' : localize(s.roles.find((y) => y.id === x)?.name, lang);
        expect(kept(back, lang, name(back))).toEqual(kept(original, lang, name(original)));
      }, 60_000);
});

describe('drill import msel: a trainer’s own spreadsheet', () => {
  it('reads Chinese headers, H-/D- times and role names; writes a skeleton that loads', async () => {
    writeFileSync(
      join(dir, 'zh.csv'),
      [
        '\uFEFF时间,模块,发送方,接收方,情景,预期行动,备注',
        'H-72,模块一：预警,县气象局,指挥长、气象局,台风蓝色预警：72小时内可能登陆。,启动Ⅳ级响应,导调：观察是否叫应',
        'D-2,,县水利局,水利局,水库水位上涨。,,',
        'T-1h30m,模块二：转移,镇政府,全体,人员转移开始。,,',
      ].join('\r\n'),
    );
    const r = await importFile('zh.csv', { id: 'zh_msel' });
    expect(r.messages).toEqual([]);
    const s = r.scenario!;
    expect(r.lang).toBe('zh-CN');
    expect(s.injects.map((i) => [i.at, i.roles, localize(i.source, 'zh-CN')])).toEqual([
      [-72 * 60, ['role_1', 'role_2'], '县气象局'],
      [-2 * 1440, ['role_3'], '县水利局'],
      [-90, ['all'], '镇政府'],
    ]);
    expect(s.roles.map((x) => localize(x.name, 'zh-CN'))).toEqual(['指挥长', '气象局', '水利局']);
    // The module column makes modules, each starting at its first row's time; the notes column, notes.
    expect(s.modules.map((m) => [m.id, m.at, localize(m.title, 'zh-CN')])).toEqual([
      ['m1', -72 * 60, '模块一：预警'],
      ['m2', -90, '模块二：转移'],
    ]);
    expect(s.injects.map((i) => i.module)).toEqual(['m1', 'm1', 'm2']);
    expect(localize(s.injects[0]!.note, 'zh-CN')).toBe('导调：观察是否叫应');
    expect(s.injects[1]!.note).toBeUndefined();
    expect(r.yaml).toContain(
      '# TODO expected action (write the decision point, then list it under `expects`): 启动Ⅳ级响应',
    );
    // Every TODO placeholder is marked as such, in the texts' language.
    expect(localize(s.briefing, 'zh-CN')).toMatch(/^TODO：/);
    expect(compileScenario({ path: 'x.yaml', text: r.yaml! }).ok).toBe(true);
  });

  it('writes decision rows as decisions: open questions, options, who decides, deadlines; TODO only for scores', async () => {
    writeFileSync(
      join(dir, 'decisions.csv'),
      [
        '\uFEFF类型,编号,时间,对象,情况/决策,预期行动,导调备注',
        '情况,forecast,T0前72小时,指挥长,台风蓝色预警。,,',
        '决策,q_concerns,T0前72小时,"指挥长、水利局",你们当前最关心什么？,研讨（各岗位分别作答），时限：T0前71小时,各单位依次发言',
        '决策,evacuate,T-70h,指挥长,是否转移低洼村庄？ [立即转移 | 等待观察 | 只转移老人],决策（单选），时限：开始后1小时,',
        '决策,measures,T-69h,水利局,采取哪些措施？ [开闸预泄 | 加强巡堤 | 通知下游],多选,',
        '决策,boats,T-68h,指挥长,分配冲锋舟。 [甲村 | 乙村],分配，时限：+1h,',
        '决策,soon,T-67h,指挥长,何时启动响应？ [现在 | 稍后],单选，时限：尽快,',
      ].join('\r\n'),
    );
    const r = await importFile('decisions.csv', { id: 'decisions' });
    expect(r.messages).toEqual([
      'decisions.csv:F7: warning: deadline "尽快" is not a time: write it as T-2h (a time) or +1h (after the decision opens)',
    ]);
    const s = r.scenario!;
    expect(
      s.decisions.map((d) => ({
        id: d.id,
        kind: d.kind,
        each: d.each,
        roles: d.roles,
        opens: d.opens,
        due: d.due,
        prompt: localize(d.prompt, 'zh-CN'),
        options: d.options.map((o) => [o.id, localize(o.label, 'zh-CN'), o.score]),
        note: localize(d.note, 'zh-CN'),
      })),
    ).toEqual([
      {
        id: 'q_concerns',
        kind: 'discuss',
        each: 'role',
        roles: ['role_1', 'role_2'],
        opens: -72 * 60,
        due: { abs: -71 * 60 },
        prompt: '你们当前最关心什么？',
        options: [],
        note: '各单位依次发言',
      },
      {
        id: 'evacuate',
        kind: 'single',
        each: undefined,
        roles: ['role_1'],
        opens: -70 * 60,
        due: { rel: 60 },
        prompt: '是否转移低洼村庄？',
        options: [
          ['o1', '立即转移', 0],
          ['o2', '等待观察', 0],
          ['o3', '只转移老人', 0],
        ],
        note: '',
      },
      {
        id: 'measures',
        kind: 'multi',
        each: undefined,
        roles: ['role_2'],
        opens: -69 * 60,
        due: { rel: 60 }, // no deadline in the row: +1h, marked TODO
        prompt: '采取哪些措施？',
        options: [
          ['o1', '开闸预泄', 0],
          ['o2', '加强巡堤', 0],
          ['o3', '通知下游', 0],
        ],
        note: '',
      },
      {
        id: 'soon',
        kind: 'single',
        each: undefined,
        roles: ['role_1'],
        opens: -67 * 60,
        due: { rel: 60 },
        prompt: '何时启动响应？',
        options: [
          ['o1', '现在', 0],
          ['o2', '稍后', 0],
        ],
        note: '',
      },
    ]);
    expect(r.yaml).toContain('# TODO: the MSEL gives no deadline: `due: +1h` until you set one');
    // An allocation is not invented: it stays a TODO comment naming its row.
    expect(r.yaml).toMatch(
      /# {3}- boats at T-68h for 指挥长: .*\(decisions\.csv:A6\): an allocation needs a budget/,
    );
    expect(s.decisions.find((d) => d.id === 'boats')).toBeUndefined();
  });

  it('reads a workbook as trainers make them: a title row, merged cells, rich text, formulas, dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('演练脚本');
    ws.addRow(['某县防汛桌面推演 情景清单']);
    ws.mergeCells('A1:H1');
    ws.addRow(['序号', '模块', '时间', '当地时间', '发送方/来源', '接收方/对象', '情景/内容', '预期行动']);
    ws.addRow([
      1,
      '模块一 汛前准备',
      'T-72h',
      new Date(Date.UTC(2025, 5, 1, 8)),
      '县气象局',
      '全体',
      { richText: [{ text: '预报：' }, { text: '未来三天强降雨', font: { bold: true } }] },
      '会商研判',
    ]);
    ws.addRow([
      2,
      '',
      'T-48h',
      new Date(Date.UTC(2025, 5, 2, 8)),
      '县水利局',
      '全体',
      '水库水位接近汛限。',
      '',
    ]);
    ws.mergeCells('B3:B4');
    ws.addRow([
      3,
      '模块二 应急响应',
      { formula: '"T-"&"24h"', result: 'T-24h' },
      '',
      '镇政府',
      '全体',
      '低洼地区开始进水。',
      '转移群众',
    ]);
    writeFileSync(join(dir, 'trainer.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await importFile('trainer.xlsx');
    expect(r.messages).toEqual([]);
    const s = r.scenario!;
    expect(s.clock.t0).toBe('2025-06-04T08:00'); // the local time of T-72h is 1 June 08:00
    expect(
      s.injects.map((i) => [i.id, i.at, i.roles, localize(i.source, 'zh-CN'), localize(i.text, 'zh-CN')]),
    ).toEqual([
      ['inject_01', -72 * 60, ['all'], '县气象局', '预报：未来三天强降雨'],
      ['inject_02', -48 * 60, ['all'], '县水利局', '水库水位接近汛限。'],
      ['inject_03', -24 * 60, ['all'], '镇政府', '低洼地区开始进水。'],
    ]);
    // Every inject went to all: the drill still gets one seat, marked TODO.
    expect(s.roles.map((x) => [x.id, localize(x.name, 'zh-CN')])).toEqual([
      ['participant', 'TODO：参演席位（每个单位一个角色）'],
    ]);
    expect(s.modules.map((m) => [m.at, localize(m.title, 'zh-CN')])).toEqual([
      [-72 * 60, '模块一 汛前准备'],
      [-24 * 60, '模块二 应急响应'],
    ]);
  });

  it('lists every problem with its sheet, row and column, and writes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['Hurricane TTX — Master Scenario Events List']); // a title row above the headers
    ws.addRow(['Inject #', 'Scenario Time', 'Event Synopsis', 'From', 'To', 'Mood', 'Channel']);
    ws.addRow(['INJ-01', 'T-72', 'Storm forms.', 'NHC', 'EOC Director', '', 'Phone']);
    ws.addRow(['INJ-02', 72, 'Watch issued.', 'NHC', 'EOC Director', '', 'carrier pigeon']);
    ws.addRow(['INJ-03', 'Tuesday', 'Landfall.', 'NHC', 'All', '', '']);
    ws.addRow(['INJ-03', 'T0', '', 'NHC', 'All', '', '']);
    writeFileSync(join(dir, 'bad.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await importFile('bad.xlsx');
    expect(r.yaml).toBeUndefined();
    expect(r.messages).toEqual([
      'bad.xlsx:Sheet1!F2: warning: column F "Mood" is not an MSEL column drill knows, so it is left out (known: time, module, from, to, channel, title, inject, expected action, objective, notes, id, type)',
      'bad.xlsx:Sheet1!A3: warning: id "INJ-01" is written as `inj-01` (ids are lower-case letters, digits, _ or -)',
      'bad.xlsx:Sheet1!B3: error: time "T-72" has no unit: did you mean T-72h?',
      'bad.xlsx:Sheet1!A4: warning: id "INJ-02" is written as `inj-02` (ids are lower-case letters, digits, _ or -)',
      'bad.xlsx:Sheet1!B4: error: time "72" has no unit: did you mean T-72h?',
      'bad.xlsx:Sheet1!G4: warning: channel "carrier pigeon" is not one drill knows: written as `document` (use phone, document, media, social-media, field-report, warning-system, radio, meeting, email)',
      'bad.xlsx:Sheet1!A5: warning: id "INJ-03" is written as `inj-03` (ids are lower-case letters, digits, _ or -)',
      'bad.xlsx:Sheet1!B5: error: time "Tuesday" is not a scenario time: write it as T-72h, T+1h30m or T0 (H-72 and D-3 also work)',
      'bad.xlsx:Sheet1!C6: error: the row has no inject text',
    ]);
    const zh = r.diagnostics.map((d) => formatMselDiagnostic(d, 'zh-CN'));
    expect(zh[2]).toBe('bad.xlsx:Sheet1!B3：错误：时间“T-72”没有单位：是不是 T-72h？');
    expect(zh.at(-1)).toBe('bad.xlsx:Sheet1!C6：错误：这一行没有注入内容');
    expectChineseOnly(zh);
  });

  it('reads module rows with their id, summary, key issues and note; names a module that cannot pace the drill at its cell', async () => {
    writeFileSync(
      join(dir, 'modules.csv'),
      [
        'Type,ID,Time,Module,Title,Inject,To,Facilitator notes',
        'module,m_watch,T-72h,,Module 1 — Watch,"The storm forms.\n• Who convenes the EOC?\n• Shelters?",,Open with the forecast',
        'inject,storm,T-72h,Module 1 — Watch,,A storm forms.,All,Ask who has the lead',
        'inject,watch,T-60h,Module 3 — Late,,A watch is issued.,All,',
        'inject,surge,T-70h,Module 2 — Early,,Surge forecast.,All,',
      ].join('\n'),
    );
    const r = await importFile('modules.csv', { id: 'modules' });
    expect(r.messages).toEqual([
      'modules.csv:D5: warning: module "Module 2 — Early" starts at or before module "Module 3 — Late": modules start one after another, so it is left out',
    ]);
    expectChineseOnly(r.diagnostics.map((d) => formatMselDiagnostic(d, 'zh-CN')));
    const s = r.scenario!;
    expect(
      s.modules.map((m) => ({
        id: m.id,
        at: m.at,
        title: localize(m.title, 'en'),
        summary: localize(m.summary, 'en'),
        keyIssues: m.keyIssues.map((k) => localize(k, 'en')),
        note: localize(m.note, 'en'),
      })),
    ).toEqual([
      {
        id: 'm_watch',
        at: -72 * 60,
        title: 'Module 1 — Watch',
        summary: 'The storm forms.',
        keyIssues: ['Who convenes the EOC?', 'Shelters?'],
        note: 'Open with the forecast',
      },
      { id: 'm1', at: -60 * 60, title: 'Module 3 — Late', summary: '', keyIssues: [], note: '' },
    ]);
    // Left out, module 2's inject stays where its time puts it: in module 1.
    expect(s.injects.map((i) => [i.id, i.module, localize(i.note, 'en')])).toEqual([
      ['storm', 'm_watch', 'Ask who has the lead'],
      ['watch', 'm1', ''],
      ['surge', 'm_watch', ''],
    ]);
  });

  it('names the headers it found when the time or text column is missing', async () => {
    writeFileSync(join(dir, 'noheaders.csv'), 'When,What happens,From,To\nT-1h,Rain,Met office,Commander\n');
    const r = await importFile('noheaders.csv');
    expect(r.yaml).toBeUndefined();
    expect(r.messages).toEqual([
      'noheaders.csv:A1: error: no time column: the headers found are "When", "What happens", "From", "To" (row 1); name the scenario-time column "time", "scenario time", "exercise time", "event time", "inject time", "T"',
      'noheaders.csv:A1: error: no inject-text column: the headers found are "When", "What happens", "From", "To" (row 1); name it "inject", "inject text", "inject description", "inject decision", "description", "content"',
    ]);
    const zh = r.diagnostics.map((d) => formatMselDiagnostic(d, 'zh-CN'));
    expect(zh[0]).toMatch(
      /^noheaders\.csv:A1：错误：没有时间列：找到的表头是 “When”、“What happens”、“From”、“To”（第 1 行）；/,
    );
    expectChineseOnly(zh, [
      'time',
      'scenario',
      'exercise',
      'event',
      'inject',
      'text',
      'description',
      'decision',
      'content',
    ]);
  });

  it('refuses a file that is not a spreadsheet with one sentence', async () => {
    writeFileSync(join(dir, 'fake.xlsx'), 'this is not a zip file');
    await expect(readTable(join(dir, 'fake.xlsx'), 'fake.xlsx')).rejects.toThrow(
      /^fake\.xlsx is not a readable \.xlsx workbook \(.*\): save it again/,
    );
  });
});
