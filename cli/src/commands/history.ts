import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import {
  DEFAULT_CAPABILITIES,
  localize,
  parseTranscript,
  type Capability,
  type Lang,
  type Scenario,
} from '@drill/engine';
import { loadScenario, shippedScenarioIds } from '@drill/scenarios';
import { historyDir } from '../history.ts';
import { fsReason, terminalSafe, UserError } from '../io.ts';
import { resumeCommand } from '../journal.ts';
import { say } from '../say.ts';
import { parseLang } from '../tui/i18n.ts';
import { textWidth } from '../tui/layout.ts';
import { padEnd } from '../render/text-table.ts';

export interface HistoryRun {
  file: string;
  scenario: string;
  startedAt: string;
  seed: string;
  mode: string;
  /** The role played, or `all`. */
  role: string;
  /** Played to the scenario's end, not ended early with `e`. */
  complete: boolean;
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
  let files: string[] = [];
  try {
    if (existsSync(dir)) files = readdirSync(dir).sort();
  } catch (e) {
    // A file named `history` where the folder belongs, or a folder the user may not read.
    throw new UserError(
      say(
        `cannot read the practice history folder ${dir}: ${fsReason(e)}`,
        `无法读取练习记录文件夹 ${dir}：${fsReason(e)}`,
      ),
    );
  }
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
      role: t.header.meta?.role ?? t.header.participants?.[0]?.roles?.[0] ?? 'all',
      complete: !t.entries.some((e) => e.input.type === 'end'),
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

/** A shipped scenario, compiled once per history listing (undefined: not shipped, or no longer compiles). */
const shipped = new Map<string, Scenario | undefined>();
function shippedScenario(scenarioId: string): Scenario | undefined {
  if (!shipped.has(scenarioId)) {
    let sc: Scenario | undefined;
    try {
      sc = shippedScenarioIds().includes(scenarioId) ? loadScenario(scenarioId) : undefined;
    } catch {
      sc = undefined; // a scenario that no longer compiles: fall back to the default rubric's names
    }
    shipped.set(scenarioId, sc);
  }
  return shipped.get(scenarioId);
}

/** A shipped scenario's own capabilities (it may rename or add some). */
function scenarioCapabilities(scenarioId: string): readonly Capability[] {
  return shippedScenario(scenarioId)?.capabilities ?? [];
}

/** The role's name as its scenario gives it in `lang`, else its id. */
function roleName(scenarioId: string, id: string, lang: Lang): string {
  const r = shippedScenario(scenarioId)?.roles.find((x) => x.id === id);
  return r ? localize(r.name, lang) : id;
}

/**
 * Short column labels for the ratings, one per capability listed: in English its id's initials ("PA"
 * for protective_actions), in Chinese the first characters of its Chinese name ("防护" for
 * 防护行动与转移避险), longer where two would read the same.
 */
function capLabels(caps: readonly string[], lang: Lang, scenarioIds: readonly string[]): Map<string, string> {
  if (lang !== 'zh-CN') return new Map(caps.map((c) => [c, capAbbrev(c)]));
  const names = caps.map((c) => [...capName(c, lang, scenarioIds)]);
  for (let n = 2; ; n++) {
    const labels = names.map((chars) => chars.slice(0, n).join(''));
    if (new Set(labels).size === labels.length || names.every((chars) => chars.length <= n))
      return new Map(caps.map((c, i) => [c, labels[i]!]));
  }
}

/** A capability's name as the scenario(s) that rated it call it, else the default rubric's, else its id. */
function capName(id: string, lang: Lang, scenarioIds: readonly string[] = []): string {
  const c =
    scenarioIds.flatMap((s) => scenarioCapabilities(s)).find((x) => x.id === id) ??
    DEFAULT_CAPABILITIES.find((x) => x.id === id);
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
    role: 'role',
    allRoles: 'all roles',
    automatic: 'automatic',
    endedEarly: '(ended early)',
    colon: ': ',
    unfinished: 'Unfinished (resume with the command shown)',
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
    role: '角色',
    allRoles: '全部角色',
    automatic: '自动',
    endedEarly: '（提前结束）',
    colon: '：',
    unfinished: '未完成（用所示命令继续）',
  },
} as const;

/** Wraps " · "-separated items to `width` columns (the legend of capability abbreviations). */
function wrapItems(items: string[], width: number, indent = ''): string[] {
  const out: string[] = [];
  let cur = '';
  for (const it of items) {
    const next = cur ? `${cur} · ${it}` : `${indent}${it}`;
    if (cur && textWidth(next) > width) {
      out.push(cur);
      cur = `${indent}${it}`;
    } else cur = next;
  }
  if (cur) out.push(cur);
  return out;
}

export function formatHistory(h: History, lang: Lang, width = 100): string {
  const t = T[lang];
  const zh = lang === 'zh-CN';
  const lines: string[] = [zh ? `${t.title}（${h.dir}）` : `${t.title} (${h.dir})`, ''];
  const scenarioIds = [...new Set(h.runs.map((r) => r.scenario))];
  const caps = [...new Set(h.runs.flatMap((r) => Object.keys(r.ratings)))];
  const label = capLabels(caps, lang, scenarioIds);
  if (h.runs.length === 0) lines.push(t.none);
  else {
    const modeText = (r: HistoryRun): string =>
      `${r.mode.startsWith('auto') ? t.automatic : r.mode || t.automatic}${r.complete ? '' : ` ${t.endedEarly}`}`;
    const roleOf = (r: HistoryRun): string =>
      r.role === 'all' ? t.allRoles : roleName(r.scenario, r.role, lang);
    // Wide enough for the longest scenario id and role name (a county bureau's name runs long).
    const scW = Math.max(12, ...h.runs.map((r) => textWidth(r.scenario) + 1));
    const roleW = Math.max(12, ...h.runs.map((r) => textWidth(roleOf(r)) + 1));
    lines.push(
      `${padEnd(t.date, 17)}  ${padEnd(t.scenario, scW)} ${padEnd(t.role, roleW)} ${padEnd(t.seed, 8)} ${' '.repeat(Math.max(0, 6 - textWidth(t.score)))}${t.score}  ${padEnd(t.mode, 22)} ${t.ratings}`,
    );
    for (const r of h.runs) {
      const date = r.startedAt.replace('T', ' ').slice(0, 16);
      const ratings = Object.entries(r.ratings)
        .map(([c, v]) => `${label.get(c) ?? capAbbrev(c)}:${v}`)
        .join(' ');
      lines.push(
        `${date.padEnd(17)}  ${padEnd(r.scenario, scW)} ${padEnd(roleOf(r), roleW)} ${padEnd(r.seed, 8)} ${r.score.toFixed(1).padStart(6)}  ${padEnd(modeText(r), 22)} ${ratings}`,
      );
    }
    lines.push(
      '',
      ...wrapItems(
        caps.map((c) => `${label.get(c)!} = ${capName(c, lang, scenarioIds)}`),
        width,
      ),
    );
    lines.push('', t.trends);
    // One column per attempt, so a capability rated in only some attempts stays aligned ("·": not rated).
    for (const sc of Object.keys(h.trends)) {
      const attempts = h.runs.filter((r) => r.scenario === sc);
      const n = attempts.length;
      lines.push(zh ? `  ${sc}（${n}次）` : `  ${sc} (${n} ${n === 1 ? 'attempt' : 'attempts'})`);
      lines.push(`    ${''.padEnd(40)} ${attempts.map((_, i) => String(i + 1).padStart(2)).join(' ')}`);
      for (const cap of Object.keys(h.trends[sc]!)) {
        const name = capName(cap, lang, [sc]);
        const pad = ' '.repeat(Math.max(1, 40 - textWidth(name)));
        lines.push(`    ${name}${pad} ${attempts.map((r) => (r.ratings[cap] ?? '·').padStart(2)).join(' ')}`);
      }
    }
  }
  if (h.unfinished.length) {
    lines.push('', t.unfinished);
    for (const u of h.unfinished)
      lines.push(
        `  ${u.startedAt.replace('T', ' ').slice(0, 16)}  ${u.scenario}  ${zh ? `${u.inputs}次输入` : `${u.inputs} ${u.inputs === 1 ? 'input' : 'inputs'}`}${t.colon}${resumeCommand(u.journal)}`,
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
