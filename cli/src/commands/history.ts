import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_CAPABILITIES, localize, parseTranscript, type Lang } from '@drill/engine';
import { historyDir } from '../history.ts';
import { terminalSafe, UserError } from '../io.ts';
import { resumeCommand } from '../journal.ts';
import { parseLang } from '../tui/i18n.ts';

export interface HistoryRun {
  file: string;
  scenario: string;
  startedAt: string;
  seed: string;
  mode: string;
  score: number;
  ending?: string;
  /** Final rating per rated capability. */
  ratings: Record<string, string>;
}

export interface UnfinishedRun {
  journal: string;
  scenario: string;
  startedAt: string;
  inputs: number;
}

export interface History {
  dir: string;
  runs: HistoryRun[];
  unfinished: UnfinishedRun[];
  /** Per scenario, per capability: its ratings across attempts, oldest first. */
  trends: Record<string, Record<string, string[]>>;
}

/**
 * Reads the practice history folder: finished transcripts (`.json` with a result) and journals whose
 * drill was never finished. Unreadable files are skipped: the history is a convenience, not a record.
 */
export function readHistory(dir = historyDir()): History {
  const runs: HistoryRun[] = [];
  const unfinished: UnfinishedRun[] = [];
  const files = existsSync(dir) ? readdirSync(dir).sort() : [];
  const finished = new Set<string>();
  for (const f of files.filter((x) => x.endsWith('.json'))) {
    const p = parseTranscript(safeRead(join(dir, f)));
    if (!p.ok || !p.transcript.result) continue;
    const t = p.transcript;
    const r = t.result!;
    finished.add(f.replace(/\.json$/, ''));
    runs.push({
      file: join(dir, f),
      scenario: t.header.scenario.id,
      startedAt: t.header.startedAt,
      seed: t.header.seed,
      mode: t.header.meta?.mode ?? '',
      score: r.score.overall,
      ...(r.score.ending ? { ending: r.score.ending } : {}),
      ratings: Object.fromEntries(
        r.score.capabilities.filter((c) => c.final !== 'not-rated').map((c) => [c.capability, c.final]),
      ),
    });
  }
  for (const f of files.filter((x) => x.endsWith('.jsonl'))) {
    if (finished.has(f.replace(/\.jsonl$/, ''))) continue;
    const p = parseTranscript(safeRead(join(dir, f)));
    if (!p.ok || p.transcript.result) continue;
    unfinished.push({
      journal: join(dir, f),
      scenario: p.transcript.header.scenario.id,
      startedAt: p.transcript.header.startedAt,
      inputs: p.transcript.entries.length,
    });
  }
  // Code-unit order: the same on every machine, whatever its locale.
  runs.sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  const trends: History['trends'] = {};
  for (const r of runs) {
    const sc = (trends[r.scenario] ??= {});
    for (const [cap, rating] of Object.entries(r.ratings)) (sc[cap] ??= []).push(rating);
  }
  return { dir, runs, unfinished, trends };
}

function safeRead(p: string): string {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '';
  }
}

/** "PA" for protective_actions: short column labels for the ratings. */
export function capAbbrev(id: string): string {
  return id
    .split(/[_-]/)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

function capName(id: string, lang: Lang): string {
  const c = DEFAULT_CAPABILITIES.find((x) => x.id === id);
  return c ? localize(c.name, lang) : id;
}

const T = {
  en: {
    title: 'Practice history',
    none: 'No finished drills yet. Play one with `pnpm drill`.',
    date: 'date',
    scenario: 'scenario',
    seed: 'seed',
    score: 'score',
    mode: 'mode',
    ratings: 'ratings',
    trends: 'Trends by scenario (oldest → newest)',
    attempts: 'attempts',
    unfinished: 'Unfinished (resume with the command shown)',
    inputs: 'inputs',
  },
  'zh-CN': {
    title: '练习记录',
    none: '尚无完成的推演。用 `pnpm drill` 开始一次。',
    date: '日期',
    scenario: '想定',
    seed: '种子',
    score: '得分',
    mode: '方式',
    ratings: '能力评定',
    trends: '各想定能力变化（由早到近）',
    attempts: '次',
    unfinished: '未完成（用所示命令继续）',
    inputs: '次输入',
  },
} as const;

export function formatHistory(h: History, lang: Lang): string {
  const t = T[lang];
  const lines: string[] = [`${t.title} (${h.dir})`, ''];
  if (h.runs.length === 0) lines.push(t.none);
  else {
    lines.push(
      `${t.date.padEnd(17)}  ${t.scenario.padEnd(12)} ${t.seed.padEnd(8)} ${t.score.padStart(6)}  ${t.mode.padEnd(12)} ${t.ratings}`,
    );
    for (const r of h.runs) {
      const date = r.startedAt.replace('T', ' ').slice(0, 16);
      const ratings = Object.entries(r.ratings)
        .map(([c, v]) => `${capAbbrev(c)}:${v}`)
        .join(' ');
      lines.push(
        `${date.padEnd(17)}  ${r.scenario.padEnd(12)} ${r.seed.padEnd(8)} ${r.score.toFixed(1).padStart(6)}  ${r.mode.padEnd(12)} ${ratings}`,
      );
    }
    const caps = [...new Set(h.runs.flatMap((r) => Object.keys(r.ratings)))];
    lines.push('', caps.map((c) => `${capAbbrev(c)} = ${capName(c, lang)}`).join(' · '));
    lines.push('', t.trends);
    for (const [sc, byCap] of Object.entries(h.trends)) {
      const n = h.runs.filter((r) => r.scenario === sc).length;
      lines.push(`  ${sc} (${n} ${t.attempts})`);
      for (const [cap, rs] of Object.entries(byCap))
        lines.push(`    ${capName(cap, lang).padEnd(40)} ${rs.join(' → ')}`);
    }
  }
  if (h.unfinished.length) {
    lines.push('', t.unfinished);
    for (const u of h.unfinished)
      lines.push(
        `  ${u.startedAt.replace('T', ' ').slice(0, 16)}  ${u.scenario}  ${u.inputs} ${t.inputs}: ${resumeCommand(u.journal)}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

export function register(program: Command): void {
  program
    .command('history')
    .description(
      'list past drills (scenario, date, seed, score, ratings) and each capability’s trend across attempts',
    )
    .option('--json', 'print the history as JSON')
    .option('--lang <lang>', 'en | zh-CN (default from the environment)')
    .action((o: { json?: boolean; lang?: string }) => {
      const h = readHistory();
      if (o.json) {
        process.stdout.write(`${JSON.stringify(h, null, 1)}\n`);
        return;
      }
      let lang: Lang;
      try {
        lang = parseLang(o.lang);
      } catch (e) {
        throw new UserError((e as Error).message);
      }
      process.stdout.write(terminalSafe(formatHistory(h, lang)));
    });
}
