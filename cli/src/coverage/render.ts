import type { Lang } from '@drill/engine';
import type { CoverageReport, Count } from './aggregate.ts';
import { padEnd } from '../render/text-table.ts';

/** The report's words in each language; ids, policy names and P/S/M/U stay as the author typed them. */
const WORDS = {
  en: {
    reached: (label: string, hit: number, of: number, p: string) => `${label}: ${hit}/${of} reached (${p})`,
    never: 'never: ',
    list: ', ',
    head: (id: string, version: string, runs: number, seed: string, by: string, workers: number, s: string) =>
      `drill test ${id} ${version} — ${runs} runs, seed ${seed} (${by}) · ${workers} thread(s) · ${s} s`,
    injects: 'Injects',
    decisions: 'Decision points',
    options: 'Options chosen',
    endings: 'Endings',
    noEnding: '(no ending)',
    variations: 'Variations: ',
    objectives: (rated: number, of: number) => `Objectives: ${rated}/${of} rated in some run`,
    neverRated: 'never rated: ',
    rated: 'rated',
    notRated: 'not-rated',
    scores: 'Scores (0–100)      runs     min  median     max    mean',
    naive: (random: string) =>
      `Naive players (know nothing; should score near random${random}, at most +10 and 60)`,
    naiveRow: (runs: string, mean: string) => `${runs} runs  mean ${mean}`,
    givesAway: '  ← gives the answers away',
    labels: (lang: string, longest: number, singles: number, p: string, positions: string) =>
      `Labels (${lang}): the best option is the longest in ${longest}/${singles} single-choice decisions (${p}); best option's position: ${positions}`,
    farLongest: 'best label by far the longest: ',
    noErrors: 'Engine errors: none',
    errors: (n: number) => `Engine errors: ${n}`,
    error: (seed: string, policy: string, message: string) => `seed ${seed}, policy ${policy}: ${message}`,
    reproduce: 'reproduce',
    inputs: 'inputs',
    more: (n: number) => `… and ${n} more (--json lists them all)`,
    runs: 'runs',
  },
  'zh-CN': {
    reached: (label: string, hit: number, of: number, p: string) => `${label}：触发 ${hit}/${of}（${p}）`,
    never: '从未触发：',
    list: '、',
    head: (id: string, version: string, runs: number, seed: string, by: string, workers: number, s: string) =>
      `drill test ${id} ${version} — ${runs} 次推演，种子 ${seed}（${by}）· ${workers} 个线程 · ${s} 秒`,
    injects: '注入信息',
    decisions: '决策点',
    options: '选项被选',
    endings: '结局',
    noEnding: '（无结局）',
    variations: '变量分支：',
    objectives: (rated: number, of: number) => `目标：${rated}/${of} 在某次推演中得到评定`,
    neverRated: '从未评定：',
    rated: '评定',
    notRated: '未评定',
    scores: '得分（0–100）       次数    最低    中位    最高    平均',
    naive: (random: string) => `不懂行的玩家（一无所知；得分应接近随机${random}，至多高 10 分且不超过 60）`,
    naiveRow: (runs: string, mean: string) => `${runs} 次  平均 ${mean}`,
    givesAway: '  ← 选项泄露了答案',
    labels: (lang: string, longest: number, singles: number, p: string, positions: string) =>
      `选项文字（${lang}）：${singles} 个单选决策中有 ${longest} 个最佳选项最长（${p}）；最佳选项的位置：${positions}`,
    farLongest: '最佳选项明显最长：',
    noErrors: '引擎错误：无',
    errors: (n: number) => `引擎错误：${n}`,
    error: (seed: string, policy: string, message: string) => `种子 ${seed}，策略 ${policy}：${message}`,
    reproduce: '复现',
    inputs: '输入',
    more: (n: number) => `……另有 ${n} 个（--json 列出全部）`,
    runs: '次',
  },
} satisfies Record<Lang, unknown>;

const pct = (n: number, of: number): string => (of === 0 ? '–' : `${Math.round((100 * n) / of)}%`);

function reached(w: (typeof WORDS)[Lang], label: string, xs: readonly Count[], runs: number): string {
  const hit = xs.filter((x) => x.count > 0);
  const never = xs.filter((x) => x.count === 0).map((x) => x.id);
  const head = w.reached(label, hit.length, xs.length, pct(hit.length, xs.length));
  const lines = [never.length ? `${head} — ${w.never}${never.join(w.list)}` : head];
  for (const x of xs)
    lines.push(`    ${x.id.padEnd(28)} ${String(x.count).padStart(6)}  ${pct(x.count, runs).padStart(4)}`);
  return lines.join('\n');
}

/**
 * The coverage report as text for a trainer or an author: what was reached, what never was, and how
 * scores spread — in the user's language (ids, policy names and P/S/M/U as the scenario has them).
 */
export function renderCoverage(
  r: CoverageReport,
  extra: { workers: number; seconds: number; lang?: Lang },
): string {
  const w = WORDS[extra.lang ?? 'en'];
  const ok = r.runs - r.errors.length;
  const out: string[] = [];
  const byPolicy = Object.entries(r.scores)
    .map(([p, s]) => `${p} ${s.runs}`)
    .join(', ');
  out.push(
    w.head(
      r.scenario.id,
      r.scenario.version,
      r.runs,
      r.seed,
      byPolicy,
      extra.workers,
      extra.seconds.toFixed(1),
    ),
  );
  out.push(reached(w, w.injects, r.injects, ok));
  out.push(reached(w, w.decisions, r.decisions, ok));
  out.push(reached(w, w.options, r.options, ok).split('\n')[0]!);
  for (const d of r.decisions) {
    const opts = r.options.filter((o) => o.decision === d.id);
    out.push(`    ${d.id}: ${opts.map((o) => `${o.option} ${o.count}`).join(', ')}`);
  }
  out.push(
    reached(w, w.endings, r.endings, ok) +
      (r.noEnding
        ? `\n    ${padEnd(w.noEnding, 28)} ${String(r.noEnding).padStart(6)}  ${pct(r.noEnding, ok).padStart(4)}`
        : ''),
  );
  if (r.variations.length)
    out.push(`${w.variations}${r.variations.map((v) => `${v.id} ${v.count}`).join(', ')}`);
  if (r.objectives.length) {
    out.push(
      `${w.objectives(r.objectives.filter((o) => o.rated > 0).length, r.objectives.length)}${r.never.objectives.length ? ` — ${w.neverRated}${r.never.objectives.join(w.list)}` : ''}`,
    );
    for (const o of r.objectives) {
      const ratings = ['P', 'S', 'M', 'U', 'not-rated']
        .filter((k) => r.objectives.length && o.ratings[k])
        .map((k) => `${k === 'not-rated' ? w.notRated : k} ${o.ratings[k]}`);
      out.push(`    ${o.id.padEnd(28)} ${w.rated} ${pct(o.rated, ok).padStart(4)}  (${ratings.join(', ')})`);
    }
  }
  out.push(w.scores);
  for (const [p, s] of Object.entries(r.scores))
    out.push(
      `    ${p.padEnd(12)} ${String(s.runs).padStart(7)} ${s.min.toFixed(1).padStart(7)} ${s.median.toFixed(1).padStart(7)} ${s.max.toFixed(1).padStart(7)} ${s.mean.toFixed(1).padStart(7)}`,
    );
  if (r.naive.length) {
    const random = r.scores.random?.mean;
    out.push(w.naive(random !== undefined ? ` ${random.toFixed(1)}` : ''));
    for (const n of r.naive) {
      const high = n.mean > 60 || (random !== undefined && n.mean > random + 10);
      out.push(
        `    ${`${n.policy} (${n.lang})`.padEnd(20)} ${w.naiveRow(String(n.runs).padStart(4), n.mean.toFixed(1).padStart(5))}${high ? w.givesAway : ''}`,
      );
    }
  }
  for (const g of r.giveaways) {
    const total = g.bestPosition.reduce((a, b) => a + b, 0);
    const share = (n: number): string => pct(n, total);
    out.push(
      w.labels(
        g.lang,
        g.bestIsLongest,
        g.singles,
        pct(g.bestIsLongest, g.singles),
        g.bestPosition.map((n, i) => `#${i + 1} ${share(n)}`).join(', '),
      ),
    );
    if (g.farLongest.length) out.push(`    ${w.farLongest}${g.farLongest.join(w.list)}`);
  }
  if (r.errors.length === 0) out.push(w.noErrors);
  else {
    out.push(w.errors(r.errors.length));
    for (const e of r.errors.slice(0, 5))
      out.push(
        `    ${w.error(e.seed, e.policy, e.message)}\n      ${w.reproduce}: drill run ${r.scenario.id} --seed ${e.seed} --auto ${e.policy}\n      ${w.inputs}: ${JSON.stringify(e.inputs)}`,
      );
    if (r.errors.length > 5) out.push(`    ${w.more(r.errors.length - 5)}`);
  }
  return `${out.join('\n')}\n`;
}

/** A one-line progress bar for a terminal (stderr), redrawn in place. */
export function progressBar(done: number, total: number, width = 30, lang: Lang = 'en'): string {
  const filled = total ? Math.round((done / total) * width) : width;
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${WORDS[lang].runs}`;
}
