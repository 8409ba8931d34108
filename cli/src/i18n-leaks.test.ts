import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { autoplay, canonicalJson, COLLEAGUE_LEVELS, POLICIES, sha256Hex, verify } from '@drill/engine';
import { loadScenario, SHIPPED_IDS } from '@drill/scenarios';
import { fsReason, UserError, writeFileAtomic } from './io.ts';
import { readTranscriptChecked, verifyVerdict } from './commands/verify.ts';
import { parseLang } from './tui/i18n.ts';
import { COMMANDS } from './commands/index.ts';
import { inChineseTerminal } from './testing/chinese-terminal.ts';

const dir = mkdtempSync(join(tmpdir(), 'drill-i18n-'));
const typhoon = loadScenario('typhoon');
const played = autoplay(typhoon, {
  seed: 2,
  policy: 'random',
  startedAt: '2026-10-01T00:00:00.000Z',
}).transcript();

const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e.message;
    throw e;
  }
  throw new Error('no error');
};

/** Latin words left once the file paths, errno codes, JSON, hashes and JSON paths are taken out. */
const english = (s: string): string[] =>
  s
    .replaceAll(dir, '')
    .replace(
      /\bE[A-Z]+\b|JSON|[0-9a-f]{16,}|`[^`]*`|--\w+|OK|FAILED|UNFINISHED|[\w.-]+\.json|\b[a-z]+(?:\.[a-z]\w*)+/g,
      '',
    )
    .match(/[A-Za-z]{2,}/g) ?? [];

// A cadre whose terminal is Chinese (LANG=zh_CN.UTF-8) got every message of `drill` itself in English:
// "cannot read x.json: no such file or folder (ENOENT)", "not valid JSON: Expected ',' or '}'…",
// "OK: … holds — 62 entries replayed…".
describe('what drill says in a Chinese terminal', () => {
  inChineseTerminal();

  it('names file-system errors in Chinese', () => {
    for (const code of ['ENOENT', 'EACCES', 'EISDIR', 'ENOSPC', 'EROFS', 'ENOTDIR', 'EIO', 'EFBIG']) {
      const r = fsReason(Object.assign(new Error('x'), { code }));
      expect(r).toContain(code);
      expect(english(r), r).toEqual([]);
    }
  });

  it('refuses a missing, folder, broken or empty transcript in Chinese', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"header": {"x": 1 "y": 2}}');
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '{}');
    for (const f of [join(dir, 'nowhere.json'), dir, broken, empty]) {
      const m = message(() => readTranscriptChecked(f));
      expect(m).toMatch(/[\u4e00-\u9fff]/);
      expect(english(m), m).toEqual([]);
    }
    expect(message(() => readTranscriptChecked(broken))).toMatch(/broken\.json:1:\d+：/);
  });

  it('refuses to write over a folder in Chinese', () => {
    const m = message(() => writeFileAtomic(dir, 'x'));
    expect(english(m), m).toEqual([]);
  });

  it("gives verify's verdict in Chinese, the verdict word kept for scripts", () => {
    const ok = verifyVerdict('run.json', verify(typhoon, played)).line;
    expect(ok).toMatch(/^OK: run\.json 校验通过/);
    expect(english(ok), ok).toEqual([]);
    const tampered = structuredClone(played);
    tampered.result!.score.overall = 99.5;
    const failed = verifyVerdict('run.json', verify(typhoon, tampered)).line;
    expect(failed).toMatch(/^FAILED: run\.json：记录的得分/);
    expect(english(failed), failed).toEqual([]);
  });

  it("words the engine's refusal of an entry on replay by its code", () => {
    // One decision names an option the scenario lacks, the entry re-hashed as a forger would: only the
    // replay refuses it ("the engine refuses this input on replay: decision `x` has no option `y`").
    const forged = structuredClone(played);
    const e = forged.entries.find((x) => x.input.type === 'choose')!;
    (e.input as { options: string[] }).options = ['no_such_option'];
    e.hash = sha256Hex(
      canonicalJson({ seq: e.seq, at: e.at, input: e.input, stateHash: e.stateHash, prev: e.prev }),
    );
    const line = verifyVerdict('run.json', verify(typhoon, forged)).line;
    expect(line).toMatch(/^FAILED: run\.json：第\d+条记录：重放时引擎拒绝此输入：所选选项当前不可选$/);
  });

  it('refuses an unknown language in Chinese, naming the languages', () => {
    expect(() => parseLang('fr')).toThrow('未知的语言“fr”：可选 en、zh-CN');
  });

  it('stays English in an English terminal', () => {
    expect(() => parseLang('fr', { LANG: 'C' })).toThrow('unknown language `fr`: use one of en, zh-CN');
    process.env.LANG = 'C';
    expect(message(() => readTranscriptChecked(join(dir, 'nowhere.json')))).toMatch(
      /^cannot read .*: no such file or folder \(ENOENT\)$/,
    );
    expect(verifyVerdict('run.json', verify(typhoon, played)).line).toMatch(/^OK: run\.json holds/);
  });
});

/** What `drill <argv>` refuses with, run in this process as main.ts runs it (the command's own module). */
async function refusal(argv: string[]): Promise<string> {
  const [, load] = COMMANDS.find(([name]) => name === argv[0])!;
  const program = new Command('drill').exitOverride();
  (await load()).register(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof UserError) return e.message;
    throw e;
  }
  throw new Error(`drill ${argv.join(' ')} was not refused`);
}

// The commands' own option checks and what they print were English in a Chinese terminal ("unknown
// policy `x`: use one of random, first…", "--auto and --answers both play the decisions: choose one",
// "resumed x.jsonl: 3 inputs replayed; the drill stands at…").
describe("the commands' refusals in a Chinese terminal", () => {
  const transcript = join(dir, 'played.json');
  writeFileSync(transcript, JSON.stringify(played));
  const empty = mkdtempSync(join(tmpdir(), 'drill-i18n-empty-'));
  const capability = typhoon.capabilities[0]!.id;
  // An answers file saved as GBK (a Chinese Notepad's "ANSI"): 你 is not UTF-8.
  const gbk = join(dir, 'answers-gbk.yaml');
  writeFileSync(gbk, Buffer.from([0x23, 0x20, 0xc4, 0xe3, 0x0a]));
  // A translator's files: a CSV with the wrong first row, an XML file that is not XLIFF.
  const badCsv = join(dir, 'bad.csv');
  writeFileSync(badCsv, 'id,text\nx,y\n');
  const notXliff = join(dir, 'bad.xlf');
  writeFileSync(notXliff, '<a/>');
  // Answers files a cadre gets wrong: cut YAML, an unknown key, a time that is not one, a decision
  // misspelt, a time outside the clock, an option the drill does not offer (the engine refuses it).
  const answers = Object.entries({
    cut: 'decisions: [\n',
    key: 'decisions:\n  boats_recall: { option: x, bogus: 1 }\n',
    time: 'decisions:\n  boats_recall: { option: x, at: soon }\n',
    misspelt: 'decisions:\n  boats_recal: { option: x }\n',
    outside: 'decisions:\n  boats_recall: { option: x, at: T+900h }\n',
    refused: 'decisions:\n  boats_recall: { option: no_such }\n',
  }).map(([name, text]) => {
    const f = join(dir, `answers-${name}.yaml`);
    writeFileSync(f, text);
    return f;
  });
  /** Values the user types, named in the refusals that list them. */
  const typed = new Set<string>([
    ...POLICIES,
    ...COLLEAGUE_LEVELS,
    // ids of the scenario (roles, capabilities, tasks, teams) as the refusals list them
    ...[
      ...typhoon.roles.map((r) => r.id),
      ...typhoon.capabilities.map((c) => c.id),
      ...typhoon.objectives.flatMap((o) => (o.tasks ?? []).map((t) => t.id)),
      ...typhoon.decisions.map((d) => d.id),
      ...played.header.participants.flatMap((p) => [p.id, p.team, p.name]),
      ...SHIPPED_IDS,
    ].flatMap((id) => id.split(/[^A-Za-z]+/)),
    ...[
      'all',
      'csv',
      'md',
      'html',
      'json',
      'xlsx',
      'xliff',
      'mermaid',
      'dot',
      'aar',
      'debrief',
      'en',
      'zh',
      'CN',
    ],
    ...['drill', 'keys', 'init', 'chmod', 'validate', 'typhoon', 'msel', 'TODO', 'MSEL', 'UTC'],
    ...[
      'YYYY',
      'MM',
      'DD',
      'DDTHH',
      'fr',
      'pdf',
      'svg',
      'nope',
      'nobody',
      'nonsense',
      'Bad',
      'Id',
      'xx',
      'missing',
      'jsonl',
      'resume',
      'nowhere',
      'yaml',
      'compare',
      'UTF',
      ...['answers', 'gbk', 'old', 'xls', 'bad'], // the files' names
      'file', // XLIFF's <file> element
      ...['bogus', 'soon', 'recal', 'such'], // typed in the answers files above
      ...['Excel', 'XLIFF', 'CSV', 'XML', 'YAML'], // product and format names
      ...['overall', 'team', 'role', 'participant', 'objectives', 'tasks'],
    ],
  ]);
  const englishBeyondTyped = (s: string): string[] =>
    // the README's section is named by its (English) heading, so it can be found
    english(s.replaceAll(empty, '').replace(/README“[^”]*”/, '')).filter((w) => !typed.has(w));

  beforeEach(() => {
    process.env.LANG = 'zh_CN.UTF-8';
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
    process.env.DRILL_HOME = empty;
  });
  afterEach(() => {
    process.env.LANG = 'C';
    delete process.env.DRILL_HOME;
  });

  const cases: string[][] = [
    ['run', 'typhoon', '--auto', 'best', '--colleagues', 'xx'],
    ['run', 'typhoon', '--role', 'nobody'],
    ['run', 'typhoon', '--auto', 'best', '--answers', 'a.yaml'],
    ['run', 'typhoon', '--auto', 'nope'],
    ['run', 'typhoon', '--answers', join(dir, 'none.yaml')],
    ['run', 'typhoon'], // stdin is not a terminal here
    ['report', transcript, '--format', 'pdf'],
    ['report', transcript, '--kind', 'nope'],
    ['cohort', transcript, '--format', 'pdf'],
    ['cohort', transcript, '--dates', 'nonsense'],
    ['cohort', empty],
    ['cohort', join(dir, 'missing')],
    ['msel', 'typhoon', '--format', 'pdf'],
    ['msel', 'typhoon', '--format', 'xlsx'],
    ['msel', 'typhoon', '--lang', 'fr'],
    ['graph', 'typhoon', '--format', 'svg'],
    ['graph', 'typhoon', '--lang', 'fr'],
    ['test', 'typhoon', '--runs', '0'],
    ['texts', 'export', 'typhoon', '--format', 'pdf'],
    ['texts', 'export', 'typhoon', '--from', 'en', '--to', 'en'],
    ['texts', 'import', 'typhoon', join(dir, 'x.txt')],
    ['import', 'msel', 'x.csv', '-o', 'y.yaml', '--id', 'Bad Id'],
    ['keys', 'show'],
    ['resume', transcript],
    ['run', 'nowhere', '--auto', 'best'],
    ['run', 'typhoon', '--answers', gbk],
    ['serve', '--port', 'nope'],
    ['import', 'msel', join(dir, 'old.xls'), '-o', 'y.yaml'],
    ['texts', 'import', 'typhoon', badCsv],
    ['texts', 'import', 'typhoon', notXliff],
    ['compare', transcript],
    ['override', transcript, '--capability', 'nope', '--rating', 'S', '--note', 'n', '-o', 'o.json'],
    ['override', transcript, '--capability', capability, '--rating', 'Z', '--note', 'n', '-o', 'o.json'],
    [
      'override',
      transcript,
      ...['--capability', capability, '--rating', 'S', '--note', 'n', '-o', 'o.json'],
      '--subject',
      'nope',
    ],
    [
      'override',
      transcript,
      ...['--capability', capability, '--rating', 'S', '--note', 'n', '-o', 'o.json'],
      '--subject',
      'team:nope',
    ],
    ['observe', transcript, '--task', 'nope', '--rating', 'S', '--note', 'n', '-o', 'o.json'],
    // Tenth session: the engine's and the Table's refusals by their code, answers files, a bad seed.
    ...answers.map((f) => ['run', 'typhoon', '--answers', f]),
    ['run', 'typhoon', '--auto', 'best', '--seed', ''],
    ...[
      ['--note', '  '],
      ['--note', 'n', '--at', 'T+900h'],
    ].map((extra) => [
      'observe',
      transcript,
      '--task',
      'task_signals',
      '--rating',
      'S',
      ...extra,
      '-o',
      'o.json',
    ]),
  ];
  it.each(cases.map((argv) => [argv.join(' ').replaceAll(dir, '…').replaceAll(empty, '…'), argv]))(
    'drill %s',
    async (_, argv) => {
      const m = await refusal(argv as string[]);
      expect(m).toMatch(/[\u4e00-\u9fff]/);
      expect(englishBeyondTyped(m), m).toEqual([]);
    },
  );

  it('drill history with a file where its folder belongs', async () => {
    const home = mkdtempSync(join(tmpdir(), 'drill-i18n-home-'));
    writeFileSync(join(home, 'history'), '');
    process.env.DRILL_HOME = home;
    const m = await refusal(['history']);
    expect(m).toMatch(/[\u4e00-\u9fff]/);
    expect(englishBeyondTyped(m.replaceAll(join(home, 'history'), '')), m).toEqual([]);
  });

  it('stays English in an English terminal', async () => {
    process.env.LANG = 'C';
    expect(await refusal(['run', 'typhoon', '--auto', 'nope'])).toBe(
      `unknown policy \`nope\`: use one of ${POLICIES.join(', ')}`,
    );
    expect(await refusal(['msel', 'typhoon', '--lang', 'fr'])).toBe('unknown language `fr`: use en or zh-CN');
  });
});
