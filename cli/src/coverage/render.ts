import type { CoverageReport, Count } from './aggregate.ts';

const pct = (n: number, of: number): string => (of === 0 ? '–' : `${Math.round((100 * n) / of)}%`);

function reached(label: string, xs: readonly Count[], runs: number): string {
  const hit = xs.filter((x) => x.count > 0);
  const never = xs.filter((x) => x.count === 0).map((x) => x.id);
  const head = `${label}: ${hit.length}/${xs.length} reached (${pct(hit.length, xs.length)})`;
  const lines = [never.length ? `${head} — never: ${never.join(', ')}` : head];
  for (const x of xs)
    lines.push(`    ${x.id.padEnd(28)} ${String(x.count).padStart(6)}  ${pct(x.count, runs).padStart(4)}`);
  return lines.join('\n');
}

/** The coverage report as text for a trainer: what was reached, what never was, and how scores spread. */
export function renderCoverage(r: CoverageReport, extra: { workers: number; seconds: number }): string {
  const ok = r.runs - r.errors.length;
  const out: string[] = [];
  const byPolicy = Object.entries(r.scores)
    .map(([p, s]) => `${p} ${s.runs}`)
    .join(', ');
  out.push(
    `drill test ${r.scenario.id} ${r.scenario.version} — ${r.runs} runs, seed ${r.seed} (${byPolicy}) · ${extra.workers} thread(s) · ${extra.seconds.toFixed(1)} s`,
  );
  out.push(reached('Injects', r.injects, ok));
  out.push(reached('Decision points', r.decisions, ok));
  out.push(reached('Options chosen', r.options, ok).split('\n')[0]!);
  for (const d of r.decisions) {
    const opts = r.options.filter((o) => o.decision === d.id);
    out.push(`    ${d.id}: ${opts.map((o) => `${o.option} ${o.count}`).join(', ')}`);
  }
  out.push(
    reached('Endings', r.endings, ok) +
      (r.noEnding
        ? `\n    (no ending)                  ${String(r.noEnding).padStart(6)}  ${pct(r.noEnding, ok).padStart(4)}`
        : ''),
  );
  if (r.variations.length)
    out.push(`Variations: ${r.variations.map((v) => `${v.id} ${v.count}`).join(', ')}`);
  if (r.objectives.length) {
    out.push(
      `Objectives: ${r.objectives.filter((o) => o.rated > 0).length}/${r.objectives.length} rated in some run${r.never.objectives.length ? ` — never rated: ${r.never.objectives.join(', ')}` : ''}`,
    );
    for (const o of r.objectives) {
      const ratings = ['P', 'S', 'M', 'U', 'not-rated']
        .filter((k) => r.objectives.length && o.ratings[k])
        .map((k) => `${k} ${o.ratings[k]}`);
      out.push(`    ${o.id.padEnd(28)} rated ${pct(o.rated, ok).padStart(4)}  (${ratings.join(', ')})`);
    }
  }
  out.push('Scores (0–100)      runs     min  median     max    mean');
  for (const [p, s] of Object.entries(r.scores))
    out.push(
      `    ${p.padEnd(12)} ${String(s.runs).padStart(7)} ${s.min.toFixed(1).padStart(7)} ${s.median.toFixed(1).padStart(7)} ${s.max.toFixed(1).padStart(7)} ${s.mean.toFixed(1).padStart(7)}`,
    );
  if (r.naive.length) {
    const random = r.scores.random?.mean;
    out.push(
      `Naive players (know nothing; should score near random${random !== undefined ? ` ${random.toFixed(1)}` : ''}, at most +10 and 60)`,
    );
    for (const n of r.naive) {
      const high = n.mean > 60 || (random !== undefined && n.mean > random + 10);
      out.push(
        `    ${`${n.policy} (${n.lang})`.padEnd(20)} ${String(n.runs).padStart(4)} runs  mean ${n.mean.toFixed(1).padStart(5)}${high ? '  ← gives the answers away' : ''}`,
      );
    }
  }
  for (const g of r.giveaways) {
    const total = g.bestPosition.reduce((a, b) => a + b, 0);
    const share = (n: number): string => pct(n, total);
    out.push(
      `Labels (${g.lang}): the best option is the longest in ${g.bestIsLongest}/${g.singles} single-choice decisions (${pct(g.bestIsLongest, g.singles)}); best option's position: ${g.bestPosition.map((n, i) => `#${i + 1} ${share(n)}`).join(', ')}`,
    );
    if (g.farLongest.length) out.push(`    best label by far the longest: ${g.farLongest.join(', ')}`);
  }
  if (r.errors.length === 0) out.push('Engine errors: none');
  else {
    out.push(`Engine errors: ${r.errors.length}`);
    for (const e of r.errors.slice(0, 5))
      out.push(
        `    seed ${e.seed}, policy ${e.policy}: ${e.message}\n      reproduce: drill run ${r.scenario.id} --seed ${e.seed} --auto ${e.policy}\n      inputs: ${JSON.stringify(e.inputs)}`,
      );
    if (r.errors.length > 5) out.push(`    … and ${r.errors.length - 5} more (--json lists them all)`);
  }
  return `${out.join('\n')}\n`;
}

/** A one-line progress bar for a terminal (stderr), redrawn in place. */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total ? Math.round((done / total) * width) : width;
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} runs`;
}
