/**
 * A trainer's own scenario with mistakes, sent to create a room: the 422's reason lists every
 * diagnostic at its file:line:col in the trainer's language — in Chinese worded by the engine's one
 * translation (the one the web console and Review show), with no English prose; in English the
 * compiler's own lines, as `drill lint` prints them. `diagnostics` keeps the engine's shape (codes,
 * places) for a page to word itself. In-process server, real socket, the real compiler thread.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '@drill/engine';
import type { ApiError, ScenarioSource } from '../src/protocol.ts';
import { oneTeam } from './fixtures/own-sources.ts';
import { serverForFile } from './fixtures/server-for-file.ts';

const server = serverForFile();

const corpus = (f: string): string => readFileSync(join(process.cwd(), 'test', 'diagnostics', f), 'utf8');

/** Broken scenarios as a trainer sends them: single files, and an entry with a broken part. */
const BROKEN: [string, ScenarioSource][] = [
  ['several problems', { entry: 'm.yaml', files: { 'm.yaml': corpus('many-problems.yaml') } }],
  ['a tab', { entry: 't.yaml', files: { 't.yaml': corpus('yaml-tab.yaml') } }],
  ['an unknown role', { entry: 'r.yaml', files: { 'r.yaml': corpus('unknown-role.yaml') } }],
  ['an include not sent', { entry: 'i.yaml', files: { 'i.yaml': corpus('include-not-found.yaml') } }],
  [
    'one file under two names',
    { entry: 'd.yaml', files: { 'd.yaml': corpus('yaml-tab.yaml'), './d.yaml': corpus('yaml-tab.yaml') } },
  ],
];

/** Latin words that may stay in a Chinese reason: YAML keys the trainer writes, the format's file. */
const KEPT = new Set('YAML Tab include unless effects drill format part scenarios FORMAT md'.split(' '));
const latin = (line: string): string[] =>
  line
    .replace(/^[^：]*\d+:\d+：/, '') // the place: the trainer's own file name
    .replace(/「[^」]*」/g, '') // the trainer's own words
    .replace(/(可选|已有|此处可写)：.*$/, '') // a list of the trainer's ids
    .match(/[A-Za-z]{2,}/g)
    ?.filter((w) => !KEPT.has(w)) ?? [];

async function create(
  src: ScenarioSource,
  lang: 'en' | 'zh-CN',
): Promise<{ status: number; body: ApiError }> {
  const res = await fetch(new URL('/api/rooms', server().url), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${server().hostToken}`,
      'content-type': 'application/json',
      'accept-language': lang === 'zh-CN' ? 'zh-CN,zh;q=0.9' : 'en-GB,en;q=0.9',
    },
    body: JSON.stringify(oneTeam(src, 'broken', lang)),
  });
  return { status: res.status, body: (await res.json()) as ApiError };
}

describe("an own scenario's diagnostics in the refusal", () => {
  it.each(BROKEN)('%s: in Chinese to a Chinese trainer, in English to an English one', async (_, src) => {
    const zh = await create(src, 'zh-CN');
    expect(zh.status, JSON.stringify(zh.body)).toBe(422);
    expect(zh.body.error).toBe('scenario-invalid');
    const ds = zh.body.diagnostics ?? [];
    expect(ds.length).toBeGreaterThan(0);
    const errors = ds.filter((d) => d.severity === 'error').length;
    const lines = zh.body.reason.split('\n');
    expect(lines[0]).toBe(`想定有 ${errors} 处错误：`);
    const items = lines.slice(1).filter((l) => !l.startsWith('    提示：'));
    expect(items).toHaveLength(ds.length);
    for (const [i, d] of ds.entries()) {
      const line = items[i]!;
      expect(line, line).toMatch(
        new RegExp(`^${d.file.replace(/[.]/g, '\\.')}:${d.line}:${d.column}：(错误|警告)：`),
      );
      expect(line, `${d.code}: ${d.message}`).not.toMatch(/：想定内容有误/);
      expect(latin(line), `${line} — ${d.message}`).toEqual([]);
    }
    for (const hint of lines.filter((l) => l.startsWith('    提示：'))) expect(latin(hint), hint).toEqual([]);

    const en = await create(src, 'en');
    expect(en.status).toBe(422);
    expect(en.body.diagnostics).toEqual(ds);
    expect(en.body.reason).toBe(
      [
        `the scenario has ${errors} ${errors === 1 ? 'error' : 'errors'}:`,
        ...ds.map((d) => formatDiagnostic(d)),
      ].join('\n'),
    );
  });
});
