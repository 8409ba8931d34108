import { compileScenario, formatDiagnostic, LANGUAGES, type Lang, type Scenario } from '@drill/engine';
import { readIncludeWithin } from '@drill/scenarios';
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { fsReason, UserError } from '../io.ts';
import { say } from '../say.ts';
import { applyTexts, fileTexts, type FileTexts, type TextEntry } from './scenario-texts.ts';
import type { TranslationFile } from './translation-files.ts';

/** A scenario's files (the main one and its includes, in order) with their texts. */
export interface ScenarioTexts {
  main: string;
  files: FileTexts[];
  /** The language a plain string counts as: the scenario's first language. */
  plainLang: Lang;
  scenario: Scenario;
}

/** Reads the main file and every included file, as the loader does, and finds their texts. */
export function readScenarioTexts(main: string, scenario: Scenario): ScenarioTexts {
  const plainLang = scenario.languages[0] ?? 'en';
  let source: string;
  try {
    source = readFileSync(main, 'utf8');
  } catch (e) {
    throw new UserError(say(`cannot read ${main}: ${fsReason(e)}`, `无法读取 ${main}：${fsReason(e)}`));
  }
  const files = [fileTexts(main, source, plainLang)];
  const includes = parseDocument(source).get('include');
  const list = (includes as { toJSON?: () => unknown } | undefined)?.toJSON?.();
  const read = readIncludeWithin();
  for (const inc of Array.isArray(list) ? list : []) {
    const r = typeof inc === 'string' ? read(main, inc) : undefined;
    if (r && 'text' in r) files.push(fileTexts(r.path, r.text, plainLang));
  }
  return { main, files, plainLang, scenario };
}

/** The other language: the one a translator fills in. */
export function otherLang(l: Lang): Lang {
  return LANGUAGES.find((x) => x !== l) ?? l;
}

/** Every text as a unit for the translator, in file order. */
export function exportUnits(
  t: ScenarioTexts,
  sourceLang: Lang,
  targetLang: Lang,
  missingOnly: boolean,
): TranslationFile {
  const units = t.files
    .flatMap((f) => f.entries)
    .map((e) => ({ key: e.key, source: e.values[sourceLang] ?? '', target: e.values[targetLang] ?? '' }))
    .filter((u) => !missingOnly || u.target === '');
  return { scenario: t.scenario.id, sourceLang, targetLang, units };
}

export interface ImportResult {
  /** New content per changed file. */
  written: { file: string; text: string }[];
  changed: number;
  unchanged: number;
  empty: number;
  notFound: string[];
  /** Keys whose source text is no longer what the translator saw. */
  staleSource: string[];
}

/**
 * Writes a translator's texts into the scenario's files, in memory: only the texts that change are touched
 * (the rest of each file, comments and layout included, stays byte for byte). The result is checked before
 * anything is written: it must compile, and every text must read back as the translator wrote it.
 */
export function importUnits(t: ScenarioTexts, tf: TranslationFile): ImportResult {
  const byKey = new Map<string, TextEntry>();
  for (const f of t.files) for (const e of f.entries) if (!byKey.has(e.key)) byKey.set(e.key, e);
  const changes = new Map<FileTexts, { entry: TextEntry; lang: Lang; text: string }[]>();
  const r: ImportResult = { written: [], changed: 0, unchanged: 0, empty: 0, notFound: [], staleSource: [] };
  const seen = new Set<string>();
  for (const u of tf.units) {
    const e = byKey.get(u.key);
    if (!e) {
      r.notFound.push(u.key);
      continue;
    }
    if (seen.has(u.key)) continue; // the first row of a key counts
    seen.add(u.key);
    // A spreadsheet program may turn line breaks into CRLF: the scenario keeps LF.
    const text = u.target.replace(/\r\n?/g, '\n');
    if (text.trim() === '') {
      r.empty++;
      continue;
    }
    if (e.values[tf.targetLang] === text) {
      r.unchanged++;
      continue;
    }
    if (u.source !== '' && (e.values[tf.sourceLang] ?? '') !== u.source.replace(/\r\n?/g, '\n'))
      r.staleSource.push(u.key);
    const f = t.files.find((x) => x.file === e.file)!;
    changes.set(f, [...(changes.get(f) ?? []), { entry: e, lang: tf.targetLang, text }]);
    r.changed++;
  }
  const next = new Map<string, string>();
  for (const [f, cs] of changes) next.set(f.file, applyTexts(f, cs, t.plainLang));

  // Check before writing: each text reads back as written, and the scenario still compiles.
  for (const [f, cs] of changes) {
    const again = fileTexts(f.file, next.get(f.file)!, t.plainLang);
    for (const c of cs) {
      const got = again.entries.find((e) => e.key === c.entry.key)?.values[c.lang];
      if (got !== c.text)
        throw new UserError(
          say(
            `${f.file}: writing \`${c.entry.key}\` did not give the text back (a bug in drill: please report it); nothing was written`,
            `${f.file}：写入“${c.entry.key}”后读回的文字不一致（这是 drill 的缺陷，请报告）；什么也没有写入`,
          ),
        );
    }
  }
  const main = t.files[0]!;
  if (next.size === 0) return r;
  const compiled = compileScenario(
    { path: main.file, text: next.get(main.file) ?? main.source },
    (from, inc) => {
      const r0 = readIncludeWithin()(from, inc);
      return r0 && 'text' in r0 && next.has(r0.path) ? { path: r0.path, text: next.get(r0.path)! } : r0;
    },
  );
  if (!compiled.ok)
    throw new UserError(
      `${say('with these texts the scenario would not load; nothing was written:', '用这些文字，想定将无法加载；什么也没有写入：')}\n${compiled.diagnostics.map(formatDiagnostic).join('\n')}`,
    );
  r.written = [...next].map(([file, text]) => ({ file, text }));
  return r;
}
