import { localize, type Lang } from '@drill/engine';
import type { Aar } from './aar.ts';
import { escapeHtml as h } from './escape.ts';
import { stringsFor } from './strings.ts';
import { scenarioTimeText } from './glossary.ts';

/** Charts as inline SVG: no script, no external resource; shapes carry their own labels so grey print reads. */

const BANDS: { from: number; to: number; label: string; fill: string }[] = [
  { from: 0, to: 0.35, label: 'U', fill: '#f6e3e1' },
  { from: 0.35, to: 0.6, label: 'M', fill: '#fbeedd' },
  { from: 0.6, to: 0.85, label: 'S', fill: '#f2f3dc' },
  { from: 0.85, to: 1, label: 'P', fill: '#e3f0e2' },
];
const RATING_FILL: Record<string, string> = { P: '#2e6b34', S: '#6f7a1f', M: '#b35c12', U: '#a52a24' };

const f1 = (n: number): string => String(Math.round(n * 10) / 10);

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** Horizontal bars of each capability's credit over the P/S/M/U bands, with the final rating at the end. */
export function ratingsChart(aar: Aar, lang: Lang): string {
  const S = stringsFor(lang);
  const caps = aar.capabilities;
  const labelW = lang === 'zh-CN' ? 170 : 250;
  const x0 = labelW + 10;
  const barW = 360;
  const rowH = 28;
  const top = 26;
  const width = x0 + barW + 80;
  const height = top + caps.length * rowH + 24;
  const X = (c: number): number => x0 + c * barW;
  const parts: string[] = [];
  for (const b of BANDS) {
    parts.push(
      `<rect x="${f1(X(b.from))}" y="${top - 6}" width="${f1((b.to - b.from) * barW)}" height="${caps.length * rowH + 6}" fill="${b.fill}"/>`,
    );
    parts.push(
      `<text x="${f1(X((b.from + b.to) / 2))}" y="${top - 10}" text-anchor="middle" class="band">${b.label}</text>`,
    );
  }
  for (const t of [0.35, 0.6, 0.85])
    parts.push(
      `<line x1="${f1(X(t))}" x2="${f1(X(t))}" y1="${top - 6}" y2="${top + caps.length * rowH}" stroke="#888" stroke-dasharray="3 3"/>`,
    );
  caps.forEach((c, i) => {
    const y = top + i * rowH;
    const name = localize(c.name, lang);
    parts.push(
      `<text x="${labelW}" y="${y + 17}" text-anchor="end" class="label"><title>${h(name)}</title>${h(clip(name, lang === 'zh-CN' ? 13 : 40))}</text>`,
    );
    if (c.credit === null) {
      parts.push(
        `<rect x="${x0}" y="${y + 6}" width="${barW}" height="14" fill="none" stroke="#999" stroke-dasharray="4 3"/>`,
      );
      parts.push(`<text x="${x0 + 8}" y="${y + 17}" class="muted">${h(S.notRated)}</text>`);
    } else {
      const w = Math.max(2, c.credit * barW);
      parts.push(
        `<rect x="${x0}" y="${y + 6}" width="${f1(w)}" height="14" fill="${RATING_FILL[c.proposed] ?? '#555'}" stroke="#222" stroke-width="0.6"/>`,
      );
      parts.push(
        `<text x="${f1(x0 + w + 4)}" y="${y + 17}" class="value">${Math.round(c.credit * 100)}%</text>`,
      );
    }
    const finalText = c.final === 'not-rated' ? '—' : c.final;
    parts.push(
      `<text x="${x0 + barW + 14}" y="${y + 18}" class="rating">${h(finalText)}${c.override ? `<tspan class="muted" dx="4">(${h(c.proposed === 'not-rated' ? '—' : c.proposed)})</tspan>` : ''}</text>`,
    );
  });
  parts.push(
    `<text x="${x0}" y="${height - 4}" class="muted">0%</text><text x="${x0 + barW}" y="${height - 4}" text-anchor="end" class="muted">100%</text>`,
  );
  return svg(width, height, S.chartAlt.ratings, parts);
}

/** The running score and the cumulative decision credit over scenario time, with T0 and decision marks. */
export function scoreChart(aar: Aar, lang: Lang): string {
  const S = stringsFor(lang);
  const width = 680;
  const height = 250;
  const m = { l: 42, r: 16, t: 30, b: 34 };
  const t0 = aar.exercise.start;
  const t1 = Math.max(aar.exercise.end, aar.exercise.reached, t0 + 60);
  const X = (t: number): number => m.l + ((t - t0) / (t1 - t0)) * (width - m.l - m.r);
  const Y = (v: number): number => m.t + (1 - v / 100) * (height - m.t - m.b);
  const parts: string[] = [];
  for (const v of [0, 25, 50, 75, 100]) {
    parts.push(`<line x1="${m.l}" x2="${width - m.r}" y1="${f1(Y(v))}" y2="${f1(Y(v))}" stroke="#ddd"/>`);
    parts.push(`<text x="${m.l - 6}" y="${f1(Y(v) + 4)}" text-anchor="end" class="muted">${v}</text>`);
  }
  const span = (t1 - t0) / 60;
  const stepH = [3, 6, 12, 24, 48, 96].find((s) => span / s <= 10) ?? 168;
  for (let t = Math.ceil(t0 / (stepH * 60)) * stepH * 60; t <= t1; t += stepH * 60) {
    parts.push(
      `<line x1="${f1(X(t))}" x2="${f1(X(t))}" y1="${height - m.b}" y2="${height - m.b + 4}" stroke="#666"/>`,
    );
    parts.push(
      `<text x="${f1(X(t))}" y="${height - m.b + 16}" text-anchor="middle" class="muted">${h(scenarioTimeText(t, lang))}</text>`,
    );
  }
  if (t0 < 0 && t1 > 0) {
    parts.push(
      `<line x1="${f1(X(0))}" x2="${f1(X(0))}" y1="${m.t}" y2="${height - m.b}" stroke="#333" stroke-dasharray="5 3"/>`,
    );
    parts.push(
      `<text x="${f1(X(0) + 4)}" y="${m.t + 10}" class="muted">T0 · ${h(localize(aar.exercise.anchor, lang))}</text>`,
    );
  }
  parts.push(
    `<line x1="${m.l}" x2="${width - m.r}" y1="${height - m.b}" y2="${height - m.b}" stroke="#333"/>`,
  );
  for (const it of aar.timeline)
    if (it.kind === 'decision')
      parts.push(
        `<path d="M${f1(X(it.at))} ${height - m.b - 1} l-4 -7 h8 z" fill="#1f3a5f"><title>${h(it.id)}</title></path>`,
      );
  const all = aar.series;
  // The score line starts at the first decision: before it, "the score so far" would only be the outcomes.
  const scored = all.filter((p) => p.decided > 0);
  const line = (pts: typeof all, key: 'score' | 'credit', step: boolean): string => {
    let d = `M${f1(X(pts[0]!.at))} ${f1(Y(pts[0]![key]))}`;
    for (let i = 1; i < pts.length; i++) {
      if (step) d += ` H${f1(X(pts[i]!.at))}`;
      d += ` L${f1(X(pts[i]!.at))} ${f1(Y(pts[i]![key]))}`;
    }
    return d;
  };
  if (all.length) {
    parts.push(
      `<path d="${line(all, 'credit', true)}" fill="none" stroke="#777" stroke-width="2" stroke-dasharray="6 4" class="series-credit"/>`,
    );
  }
  if (scored.length) {
    parts.push(
      `<path d="${line(scored, 'score', false)}" fill="none" stroke="#1f3a5f" stroke-width="2.5" class="series-score"/>`,
    );
    const last = scored.at(-1)!;
    parts.push(`<circle cx="${f1(X(last.at))}" cy="${f1(Y(last.score))}" r="3.5" fill="#1f3a5f"/>`);
    parts.push(
      `<text x="${f1(Math.min(X(last.at), width - m.r - 30))}" y="${f1(Y(last.score) - 8)}" class="value">${last.score.toFixed(1)}</text>`,
    );
  }
  // Legend: a solid line for the score, a dashed one for credit, so it reads in black and white too.
  parts.push(
    `<line x1="${m.l}" x2="${m.l + 26}" y1="12" y2="12" stroke="#1f3a5f" stroke-width="2.5"/><text x="${m.l + 32}" y="16" class="label">${h(S.scoreSoFar)}</text>`,
  );
  const lx = m.l + 60 + S.scoreSoFar.length * (lang === 'zh-CN' ? 12 : 6.5);
  parts.push(
    `<line x1="${f1(lx)}" x2="${f1(lx + 26)}" y1="12" y2="12" stroke="#777" stroke-width="2" stroke-dasharray="6 4"/><text x="${f1(lx + 32)}" y="16" class="label">${h(S.creditEarned)}</text>`,
  );
  return svg(width, height, S.chartAlt.score, parts);
}

function svg(width: number, height: number, alt: string, parts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${h(alt)}" class="chart">${parts.join('')}</svg>`;
}
