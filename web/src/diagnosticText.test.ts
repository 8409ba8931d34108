import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileScenario, type Diagnostic } from '@drill/engine';
import { diagnosticView } from './diagnosticText.ts';

/** Every diagnostic of the broken-file corpus (test/diagnostics), compiled as the browser does. */
const dir = join(process.cwd(), 'test', 'diagnostics');
const corpus: Diagnostic[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => {
    const r = compileScenario({ path: f, text: readFileSync(join(dir, f), 'utf8') }, () => undefined);
    return r.ok ? [] : r.diagnostics;
  });

/*
 * Words that may stay in Latin letters on a Chinese page: YAML keys and values a trainer writes
 * (`include`, `unless`, `rename`…), the names of the format and its file, and rubric ids.
 */
const KEPT = new Set(
  'YAML Tab include unless effects en zh CN name rename hidden start end every budget drill format part scenarios FORMAT md default hseep true false at'.split(
    ' ',
  ),
);
/** The Latin words of a Chinese view outside the trainer's own quoted words and listed ids. */
const latin = (s: string): string[] =>
  s
    .replace(/「[^」]*」/g, '')
    .replace(/\\u[0-9a-f]{4}/g, '')
    .replace(/(可选|已有|此处可写)：.*$/, '')
    .match(/[A-Za-z]{2,}/g)
    ?.filter((w) => !KEPT.has(w)) ?? [];

describe('scenario diagnostics in the web app', () => {
  it('the corpus has diagnostics of many kinds to check', () => {
    expect(corpus.length).toBeGreaterThan(60);
    expect(new Set(corpus.map((d) => d.code)).size).toBeGreaterThan(25);
  });

  it('in Chinese, every diagnostic of the corpus is worded in Chinese, with its place and a hint', () => {
    for (const d of corpus) {
      const v = diagnosticView(d, 'zh-CN');
      const what = `${d.code}: ${d.message}`;
      expect(v.where, what).toBe(`${d.file}:${d.line}:${d.column}`);
      expect(v.severity, what).toMatch(/^(错误|警告)$/);
      expect(latin(v.message), what).toEqual([]);
      // Recognised, not the catch-all wording.
      expect(v.message, what).not.toMatch(/^想定内容有误/);
      expect(v.hint === undefined, what).toBe(d.hint === undefined);
      if (v.hint) {
        expect(latin(v.hint), `${what} — ${d.hint}`).toEqual([]);
        expect(v.hint, `${what} — ${d.hint}`).not.toBe('请对照 scenarios/FORMAT.md 中的说明和示例修改');
      }
      // The trainer's own words (ids, keys, values) are kept as written.
      for (const w of d.message.match(/`[^`]+`/g) ?? [])
        if (/^`[a-z_][\w-]*`$/.test(w) && !/ (tag|key|sets|as text)/.test(d.message))
          expect(v.message, what).toContain(w.slice(1, -1));
    }
  });

  it('says a file nested too deeply is that, with the hint about brackets (not the indentation catch-all)', () => {
    const d = corpus.find((x) => x.code === 'yaml-depth')!;
    const v = diagnosticView(d, 'zh-CN');
    expect(v.message).toBe('文件嵌套过深（列表和映射超过 100 层）');
    expect(v.hint).toContain('未闭合的 [ 或 {');
  });

  it('keeps the engine’s words in English, and says the one thing a browser pick changes', () => {
    const d = corpus.find((x) => x.code === 'include-not-found')!;
    expect(diagnosticView(d, 'en')).toEqual({
      where: `${d.file}:${d.line}:${d.column}`,
      severity: 'error',
      message: d.message,
      at: d.path,
      hint: d.hint,
    });
    expect(diagnosticView(d, 'zh-CN').hint).toContain('被包含的文件须一并选中');
  });

  it('names a message it does not know by its kind, never in English', () => {
    const v = diagnosticView(
      {
        severity: 'warning',
        code: 'unknown-widget',
        file: 'a.yaml',
        line: 3,
        column: 5,
        path: 'widgets[0]',
        message: 'a brand new message about `gizmo`',
        hint: 'something new to try',
      },
      'zh-CN',
    );
    expect(v).toEqual({
      where: 'a.yaml:3:5',
      severity: '警告',
      message: '引用了不存在的标识：「gizmo」',
      at: 'widgets[0]',
      hint: '请对照 scenarios/FORMAT.md 中的说明和示例修改',
    });
  });
});
