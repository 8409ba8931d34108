import { verifyReasonText } from '@drill/report';
import { localize, type Lang, type ProposedRating } from '@drill/engine';
import type { CohortComparison, CohortReport, DecisionFigure, VersionGroup } from './analyse.ts';
import { cohortStrings, type CohortStrings } from './strings.ts';

export const COHORT_FORMATS = ['md', 'html', 'json', 'csv'] as const;
export type CohortFormat = (typeof COHORT_FORMATS)[number];

/** Control characters have no business in a report. */
const strip = (s: string): string => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');

/** HTML text and attribute values: nothing from a scenario or a transcript is markup. */
export const escapeHtml = (s: string): string =>
  strip(s).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Markdown text: punctuation that could start markup is backslash-escaped, newlines folded. */
export const escapeMd = (s: string): string =>
  strip(s)
    .replace(/\r?\n+/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '&amp;');

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const num = (x: number | null): string => (x === null ? '—' : String(Math.round(x * 100) / 100));
const clip = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : '—');

function capName(g: VersionGroup, id: string, lang: Lang): string {
  const c = g.capabilities.find((x) => x.id === id);
  return c ? localize(c.name, lang) : id;
}

function decisionName(d: DecisionFigure, lang: Lang): string {
  return clip(localize(d.prompt, lang), 70);
}

function choicesText(d: DecisionFigure, lang: Lang): string {
  return d.options
    .filter((o) => o.share > 0)
    .sort((a, b) => b.share - a.share)
    .map((o) => `${clip(localize(o.label, lang), 40)}${o.best ? ' ★' : ''} ${pct(o.share)}`)
    .join('; ');
}

function secondsText(ms: number | null, S: CohortStrings): string {
  return ms === null ? S.none : `${Math.round(ms / 100) / 10} ${S.seconds}`;
}

function differenceLines(c: CohortComparison, g: VersionGroup | undefined, lang: Lang): string[] {
  const S = cohortStrings(lang);
  return c.differences.map((d) => {
    const what = d.what === 'overall' ? S.overallWhat : g ? capName(g, d.what, lang) : d.what;
    const signed = d.diff === null ? S.none : `${d.diff > 0 ? '+' : ''}${num(d.diff)}`;
    return S.difference(what, num(d.a), num(d.b), signed, d.beyondSeeds, d.p === null ? S.none : pct(d.p));
  });
}

function modesText(g: VersionGroup, S: CohortStrings): string {
  return Object.entries(g.overview.modes)
    .map(([m, n]) => `${S.mode(m)} ×${n}`)
    .join(', ');
}

/** The cohort report as Markdown. */
export function renderCohortMarkdown(r: CohortReport, lang: Lang): string {
  const S = cohortStrings(lang);
  const e = escapeMd;
  const out: string[] = [`# ${S.title}`, ''];
  out.push(`${S.runs}${S.colon}${r.runs}`, '');
  out.push(`## ${S.excludedHead}`, '');
  if (r.excluded.length === 0) out.push(S.excludedNone, '');
  else
    for (const x of r.excluded)
      out.push(`- ${e(x.file)}${S.colon}${S.notVerified}${S.colon}${e(verifyReasonText(x.reason, lang))}`);
  if (r.excluded.length) out.push('');
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  for (const g of r.groups) {
    out.push(`## ${e(localize(g.title, lang))} — ${e(g.scenarioId)} ${e(g.version)}`, '');
    out.push(`### ${S.overview}`, '');
    out.push(`- ${S.version}${S.colon}${e(g.version)} (${g.contentHash.slice(0, 12)})`);
    out.push(`- ${S.runs}${S.colon}${g.overview.runs}`);
    out.push(
      `- ${S.people}${S.colon}${g.overview.people.length}${g.overview.teams.length ? `; ${S.teams}${S.colon}${g.overview.teams.length}` : ''}`,
    );
    out.push(`- ${S.dates}${S.colon}${day(g.overview.firstStarted)} – ${day(g.overview.lastStarted)}`);
    out.push(`- ${S.modes}${S.colon}${e(modesText(g, S))}`, '');
    out.push(`### ${S.scores}`, '');
    const sc = g.scores;
    out.push(S.scoreLine(num(sc.median), num(sc.q1), num(sc.q3), num(sc.min), num(sc.max)), '');
    out.push(row([S.bin, S.count]), row(['---', '---:']));
    sc.bins.forEach((n, i) => out.push(row([`${i * 10}–${i === 9 ? 100 : i * 10 + 9}`, String(n)])));
    out.push('', `### ${S.outcomes}`, '');
    out.push(
      row([S.measure, S.target, S.medianCol, S.range, S.reachedTarget]),
      row(['---', '---:', '---:', '---', '---:']),
    );
    for (const o of g.outcomes)
      out.push(
        row([
          e(localize(o.label, lang)),
          String(o.target),
          num(o.values.median),
          `${num(o.values.min)}–${num(o.values.max)}`,
          pct(o.reachedTarget),
        ]),
      );
    out.push('', `### ${S.heatmap}`, '', S.heatmapNote, '');
    out.push(row([S.subject, S.overall, ...g.capabilities.map((c) => e(localize(c.name, lang)))]));
    out.push(row(['---', '---:', ...g.capabilities.map(() => ':-:')]));
    for (const h of g.heatmap)
      out.push(
        row([
          e(h.subject),
          num(h.overall),
          ...g.capabilities.map((c) => S.ratingName[h.cells[c.id] ?? 'not-rated']),
        ]),
      );
    out.push('', `### ${S.decisions}`, '', S.decisionsNote, '');
    for (const d of g.decisions) {
      if (d.reached === 0) continue;
      // The id is the scenario author's handle: English readers get it for cross-reference, Chinese
      // readers the title alone (an id in a Chinese heading is English in a document for people).
      out.push(`#### ${e(decisionName(d, lang))}${lang === 'zh-CN' ? '' : ` — ${e(d.id)}`}`, '');
      out.push(`- ${S.lost}${S.colon}${num(d.creditLost)}`);
      out.push(`- ${S.choices}${S.colon}${e(choicesText(d, lang)) || S.none}`);
      out.push(`- ${S.onTime} ${pct(d.onTime)} · ${S.late} ${pct(d.late)} · ${S.missed} ${pct(d.missed)}`);
      if (d.medianElapsedMs !== null)
        out.push(`- ${S.medianTime}${S.colon}${secondsText(d.medianElapsedMs, S)}`);
      if (d.costly) {
        out.push(
          `- ${S.costly}${S.colon}${e(S.costlyLine(d.costly.labels.map((l) => localize(l, lang)).join(' + '), pct(d.costly.share)))}`,
        );
        for (const f of d.costly.feedback) out.push(`  - ${S.feedback}${S.colon}${e(localize(f, lang))}`);
      }
      out.push('');
    }
    out.push(`### ${S.divergence}`, '');
    for (const v of g.divergence) {
      const d = g.decisions.find((x) => x.id === v.decision);
      out.push(`- ${e(S.divergenceLine(d ? decisionName(d, lang) : v.decision, v.runs, pct(v.share)))}`);
    }
    out.push('', S.stayed(g.stayedOnBestPath), '');
    out.push(`### ${S.progress}`, '');
    if (g.progress.length === 0) out.push(S.progressNone, '');
    else {
      out.push(
        row([S.subject, S.attempts, S.overall, ...g.capabilities.map((c) => e(localize(c.name, lang)))]),
      );
      out.push(row(['---', '---:', '---', ...g.capabilities.map(() => ':-:')]));
      for (const p of g.progress)
        out.push(
          row([
            e(p.subject),
            String(p.attempts),
            `${num(p.first.overall)} → ${num(p.latest.overall)}`,
            ...g.capabilities.map(
              (c) =>
                `${S.ratingName[p.first.ratings[c.id] ?? 'not-rated']}→${S.ratingName[p.latest.ratings[c.id] ?? 'not-rated']}`,
            ),
          ]),
        );
      out.push('');
    }
  }
  if (r.against) {
    out.push(`## ${S.comparison}`, '');
    if (r.against.report.excluded.length) {
      out.push(`### ${S.cohortB}${S.colon}${S.excludedHead}`, '');
      for (const x of r.against.report.excluded)
        out.push(`- ${e(x.file)}${S.colon}${S.notVerified}${S.colon}${e(verifyReasonText(x.reason, lang))}`);
      out.push('');
    }
    if (r.against.comparisons.length === 0) out.push(S.compareNone, '');
    for (const c of r.against.comparisons) {
      const g = r.groups.find((x) => x.contentHash === c.contentHash);
      out.push(S.against(c.runsA, c.runsB), '');
      for (const l of differenceLines(c, g, lang)) out.push(`- ${e(l)}`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The per-decision table as CSV (one row per decision and version), for a spreadsheet. */
export function renderCohortCsv(r: CohortReport, lang: Lang): string {
  const S = cohortStrings(lang);
  const q = (s: string): string => {
    // A leading = + - @ would be run as a formula by a spreadsheet: quote it as text.
    const t = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const head = [
    S.version,
    'id',
    S.decision,
    S.lost,
    S.choices,
    S.onTime,
    S.late,
    S.missed,
    S.medianTime,
    S.costly,
    S.feedback,
  ];
  const rows = [head.map(q).join(',')];
  for (const g of r.groups)
    for (const d of g.decisions)
      rows.push(
        [
          `${g.scenarioId} ${g.version}`,
          d.id,
          strip(localize(d.prompt, lang)),
          String(d.creditLost),
          strip(choicesText(d, lang)),
          String(d.onTime),
          String(d.late),
          String(d.missed),
          d.medianElapsedMs === null ? '' : String(d.medianElapsedMs),
          d.costly ? strip(d.costly.labels.map((l) => localize(l, lang)).join(' + ')) : '',
          d.costly ? strip(d.costly.feedback.map((f) => localize(f, lang)).join(' / ')) : '',
        ]
          .map(q)
          .join(','),
      );
  return `${rows.join('\r\n')}\r\n`;
}

/** The figures as JSON (stable key order as built). */
export function renderCohortJson(r: CohortReport): string {
  return `${JSON.stringify(r, null, 2)}\n`;
}

const RATING_FILL: Record<ProposedRating, string> = {
  P: '#1a7f37',
  S: '#9bd08f',
  M: '#f2c14e',
  U: '#cf3f3f',
  'not-rated': '#e4e4e4',
};

/** The score histogram as inline SVG. */
export function histogramSvg(bins: readonly number[], S: CohortStrings): string {
  const W = 560;
  const H = 180;
  const max = Math.max(1, ...bins);
  const bw = (W - 40) / bins.length;
  const bars = bins
    .map((n, i) => {
      const h = Math.round(((H - 40) * n) / max);
      const x = 30 + i * bw;
      return `<rect class="bar" x="${x + 2}" y="${H - 20 - h}" width="${bw - 4}" height="${h}" fill="#2f6db5"><title>${i * 10}–${i === 9 ? 100 : i * 10 + 9}: ${n}</title></rect><text x="${x + bw / 2}" y="${H - 24 - h}" text-anchor="middle" font-size="11">${n || ''}</text><text x="${x + bw / 2}" y="${H - 6}" text-anchor="middle" font-size="10">${i * 10}</text>`;
    })
    .join('');
  return `<svg class="histogram" role="img" aria-label="${escapeHtml(S.scores)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg"><line x1="28" y1="${H - 20}" x2="${W - 8}" y2="${H - 20}" stroke="#555"/>${bars}</svg>`;
}

/** The capability heatmap as inline SVG: one row per participant or team, one column per capability. */
export function heatmapSvg(g: VersionGroup, lang: Lang): string {
  const S = cohortStrings(lang);
  const cell = 26;
  const left = 150;
  const top = 10;
  const W = left + g.capabilities.length * cell + 10;
  const H = top + g.heatmap.length * cell + 10;
  const parts: string[] = [];
  g.heatmap.forEach((row, i) => {
    const y = top + i * cell;
    parts.push(
      `<text x="${left - 6}" y="${y + cell / 2 + 4}" text-anchor="end" font-size="11">${escapeHtml(clip(row.subject, 22))}</text>`,
    );
    g.capabilities.forEach((c, j) => {
      const r = row.cells[c.id] ?? 'not-rated';
      parts.push(
        `<rect class="cell" data-rating="${r}" x="${left + j * cell}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="${RATING_FILL[r]}"><title>${escapeHtml(`${row.subject} · ${localize(c.name, lang)}: ${S.ratingName[r]}`)}</title></rect><text x="${left + j * cell + (cell - 2) / 2}" y="${y + cell / 2 + 3}" text-anchor="middle" font-size="10" fill="${r === 'P' || r === 'U' ? '#fff' : '#222'}">${escapeHtml(S.ratingName[r])}</text>`,
      );
    });
  });
  return `<svg class="heatmap" role="img" aria-label="${escapeHtml(S.heatmap)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`;
}

const CSS = `
body{font:14px/1.45 "Noto Sans","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:#1d1d1f;max-width:190mm;margin:1em auto;padding:0 1em}
h1{font-size:22px}h2{font-size:18px;border-bottom:2px solid #2f6db5;margin-top:1.6em}h3{font-size:15px;margin-top:1.2em}
table{border-collapse:collapse;margin:.5em 0;font-size:12px}th,td{border:1px solid #ccc;padding:2px 6px;vertical-align:top}
th{background:#f0f3f7;text-align:left}th.sort{cursor:pointer}td.num{text-align:right}
td.r-P{background:#1a7f37;color:#fff}td.r-S{background:#9bd08f}td.r-M{background:#f2c14e}td.r-U{background:#cf3f3f;color:#fff}td.r-not-rated{background:#e4e4e4}
.muted{color:#666}.feedback{color:#444;font-style:italic}.beyond{font-weight:bold}
section.decision{break-inside:avoid;margin-bottom:.8em}
@page{size:A4;margin:14mm}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}svg{max-width:100%;height:auto}}
`;

// Sorts a heatmap table by the clicked column: the instructor reorders by a capability to see who struggled.
const SORT_JS = `document.querySelectorAll('table.sortable').forEach(function(t){t.querySelectorAll('th').forEach(function(th,i){th.classList.add('sort');th.addEventListener('click',function(){var b=t.tBodies[0];var rows=Array.prototype.slice.call(b.rows);var dir=th.dataset.dir==='asc'?-1:1;th.dataset.dir=dir===1?'asc':'desc';rows.sort(function(x,y){var a=x.cells[i].dataset.k||x.cells[i].textContent,c=y.cells[i].dataset.k||y.cells[i].textContent;var na=parseFloat(a),nc=parseFloat(c);if(!isNaN(na)&&!isNaN(nc))return (na-nc)*dir;return (a<c?-1:a>c?1:0)*dir;});rows.forEach(function(r){b.appendChild(r);});});});});`;

const RATING_KEY: Record<ProposedRating, number> = { P: 0, S: 1, M: 2, U: 3, 'not-rated': 4 };

/** The cohort report as one self-contained HTML page: inline CSS and SVG, no network, prints to A4. */
export function renderCohortHtml(r: CohortReport, lang: Lang): string {
  const S = cohortStrings(lang);
  const h = escapeHtml;
  const out: string[] = [];
  out.push(`<h1>${h(S.title)}</h1>`, `<p>${h(S.runs)}${S.colon}${r.runs}</p>`);
  out.push(`<h2>${h(S.excludedHead)}</h2>`);
  if (r.excluded.length === 0) out.push(`<p>${h(S.excludedNone)}</p>`);
  else
    out.push(
      `<ul class="excluded">${r.excluded.map((x) => `<li><b>${h(x.file)}</b>${S.colon}${h(S.notVerified)}${S.colon}${h(verifyReasonText(x.reason, lang))}</li>`).join('')}</ul>`,
    );
  for (const g of r.groups) {
    out.push(`<h2>${h(localize(g.title, lang))} — ${h(g.scenarioId)} ${h(g.version)}</h2>`);
    out.push(`<h3>${h(S.overview)}</h3><ul>`);
    out.push(
      `<li>${h(S.version)}${S.colon}${h(g.version)} <span class="muted">(${h(g.contentHash.slice(0, 12))})</span></li>`,
    );
    out.push(`<li>${h(S.runs)}${S.colon}${g.overview.runs}</li>`);
    out.push(
      `<li>${h(S.people)}${S.colon}${g.overview.people.length}${g.overview.teams.length ? `; ${h(S.teams)}${S.colon}${g.overview.teams.length}` : ''}</li>`,
    );
    out.push(
      `<li>${h(S.dates)}${S.colon}${h(day(g.overview.firstStarted))} – ${h(day(g.overview.lastStarted))}</li>`,
    );
    out.push(`<li>${h(S.modes)}${S.colon}${h(modesText(g, S))}</li></ul>`);
    const sc = g.scores;
    out.push(`<h3>${h(S.scores)}</h3>`, histogramSvg(sc.bins, S));
    out.push(`<p>${h(S.scoreLine(num(sc.median), num(sc.q1), num(sc.q3), num(sc.min), num(sc.max)))}</p>`);
    out.push(
      `<h3>${h(S.outcomes)}</h3><table><thead><tr><th>${h(S.measure)}</th><th>${h(S.target)}</th><th>${h(S.medianCol)}</th><th>${h(S.range)}</th><th>${h(S.reachedTarget)}</th></tr></thead><tbody>`,
    );
    for (const o of g.outcomes)
      out.push(
        `<tr><td>${h(localize(o.label, lang))}</td><td class="num">${o.target}</td><td class="num">${num(o.values.median)}</td><td class="num">${num(o.values.min)}–${num(o.values.max)}</td><td class="num">${pct(o.reachedTarget)}</td></tr>`,
      );
    out.push('</tbody></table>');
    out.push(`<h3>${h(S.heatmap)}</h3><p class="muted">${h(S.heatmapNote)}</p>`, heatmapSvg(g, lang));
    out.push(
      `<table class="sortable heatmap-table"><thead><tr><th>${h(S.subject)}</th><th>${h(S.overall)}</th>${g.capabilities.map((c) => `<th>${h(localize(c.name, lang))}</th>`).join('')}</tr></thead><tbody>`,
    );
    for (const row of g.heatmap)
      out.push(
        `<tr><td>${h(row.subject)}</td><td class="num">${num(row.overall)}</td>${g.capabilities
          .map((c) => {
            const x = row.cells[c.id] ?? 'not-rated';
            return `<td class="r-${x}" data-k="${RATING_KEY[x]}">${h(S.ratingName[x])}</td>`;
          })
          .join('')}</tr>`,
      );
    out.push('</tbody></table>');
    out.push(`<h3>${h(S.decisions)}</h3><p class="muted">${h(S.decisionsNote)}</p>`);
    for (const d of g.decisions) {
      if (d.reached === 0) continue;
      out.push(
        `<section class="decision"><h4>${h(decisionName(d, lang))}${lang === 'zh-CN' ? '' : ` <code>${h(d.id)}</code>`}</h4>`,
      );
      out.push(`<table><tbody>`);
      out.push(`<tr><th>${h(S.lost)}</th><td>${num(d.creditLost)}</td></tr>`);
      out.push(`<tr><th>${h(S.choices)}</th><td>${h(choicesText(d, lang) || S.none)}</td></tr>`);
      out.push(
        `<tr><th>${h(S.onTime)} / ${h(S.late)} / ${h(S.missed)}</th><td>${pct(d.onTime)} / ${pct(d.late)} / ${pct(d.missed)}</td></tr>`,
      );
      if (d.medianElapsedMs !== null)
        out.push(`<tr><th>${h(S.medianTime)}</th><td>${h(secondsText(d.medianElapsedMs, S))}</td></tr>`);
      if (d.costly)
        out.push(
          `<tr><th>${h(S.costly)}</th><td>${h(S.costlyLine(d.costly.labels.map((l) => localize(l, lang)).join(' + '), pct(d.costly.share)))}${d.costly.feedback.map((f) => `<div class="feedback">${h(localize(f, lang))}</div>`).join('')}</td></tr>`,
        );
      out.push('</tbody></table></section>');
    }
    out.push(`<h3>${h(S.divergence)}</h3><ul>`);
    for (const v of g.divergence) {
      const d = g.decisions.find((x) => x.id === v.decision);
      out.push(
        `<li>${h(S.divergenceLine(d ? decisionName(d, lang) : v.decision, v.runs, pct(v.share)))}</li>`,
      );
    }
    out.push(`</ul><p>${h(S.stayed(g.stayedOnBestPath))}</p>`);
    out.push(`<h3>${h(S.progress)}</h3>`);
    if (g.progress.length === 0) out.push(`<p>${h(S.progressNone)}</p>`);
    else {
      out.push(
        `<table><thead><tr><th>${h(S.subject)}</th><th>${h(S.attempts)}</th><th>${h(S.overall)}</th>${g.capabilities.map((c) => `<th>${h(localize(c.name, lang))}</th>`).join('')}</tr></thead><tbody>`,
      );
      for (const p of g.progress)
        out.push(
          `<tr><td>${h(p.subject)}</td><td class="num">${p.attempts}</td><td>${num(p.first.overall)} → ${num(p.latest.overall)}</td>${g.capabilities
            .map(
              (c) =>
                `<td>${h(S.ratingName[p.first.ratings[c.id] ?? 'not-rated'])}→${h(S.ratingName[p.latest.ratings[c.id] ?? 'not-rated'])}</td>`,
            )
            .join('')}</tr>`,
        );
      out.push('</tbody></table>');
    }
  }
  if (r.against) {
    out.push(`<h2>${h(S.comparison)}</h2>`);
    if (r.against.report.excluded.length)
      out.push(
        `<h3>${h(S.cohortB)}${S.colon}${h(S.excludedHead)}</h3><ul class="excluded">${r.against.report.excluded.map((x) => `<li><b>${h(x.file)}</b>${S.colon}${h(S.notVerified)}${S.colon}${h(verifyReasonText(x.reason, lang))}</li>`).join('')}</ul>`,
      );
    if (r.against.comparisons.length === 0) out.push(`<p>${h(S.compareNone)}</p>`);
    for (const c of r.against.comparisons) {
      const g = r.groups.find((x) => x.contentHash === c.contentHash);
      out.push(`<p>${h(S.against(c.runsA, c.runsB))}</p><ul class="comparison">`);
      const lines = differenceLines(c, g, lang);
      c.differences.forEach((d, i) =>
        out.push(`<li${d.beyondSeeds ? ' class="beyond"' : ''}>${h(lines[i]!)}</li>`),
      );
      out.push('</ul>');
    }
  }
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${h(S.title)}</title><style>${CSS}</style></head>
<body>
${out.join('\n')}
<script>${SORT_JS}</script>
</body></html>
`;
}

/** The report in the format asked for. */
export function renderCohort(r: CohortReport, format: CohortFormat, lang: Lang): string {
  switch (format) {
    case 'md':
      return renderCohortMarkdown(r, lang);
    case 'html':
      return renderCohortHtml(r, lang);
    case 'json':
      return renderCohortJson(r);
    case 'csv':
      return renderCohortCsv(r, lang);
    default: {
      const never: never = format;
      return never;
    }
  }
}
