import { localize, scoreDrill, replay, formatScenarioTime, type Lang, type Scenario, type Transcript } from '@drill/engine';
import { translate } from '../i18n.ts';

/** Escapes text for HTML: every scenario or transcript string goes through this. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A self-contained HTML summary of one transcript (the web app's own, minimal report: scores, ratings,
 * decisions, improvements). No script, every text escaped, print-ready on A4.
 */
export function summaryHtml(scenario: Scenario, t: Transcript, lang: Lang): string {
  const r = replay(scenario, t);
  if (!r.ok) throw new Error(r.reason);
  const score = scoreDrill(scenario, r.state);
  const tr = (k: Parameters<typeof translate>[1]): string => esc(translate(lang, k));
  const cap = (id: string): string => esc(localize(scenario.capabilities.find((c) => c.id === id)?.name ?? id, lang));
  const dec = (id: string): string => esc(localize(scenario.decisions.find((d) => d.id === id)?.prompt ?? id, lang));
  const teams = [...new Set(t.header.participants.map((p) => p.team))];
  const ending = score.ending ? scenario.endings.find((e) => e.id === score.ending) : undefined;
  const optLabel = (d: string, o: string): string =>
    esc(localize(scenario.decisions.find((x) => x.id === d)?.options.find((x) => x.id === o)?.label ?? o, lang));
  const rows = (subject: typeof score.teams[number]) =>
    subject.capabilities
      .map((c) => `<tr><td>${cap(c.capability)}</td><td>${c.proposed === 'not-rated' ? '—' : c.proposed}</td><td><b>${c.final === 'not-rated' ? '—' : c.final}</b></td><td>${c.override ? esc(c.override.note) : ''}</td></tr>`)
      .join('');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(localize(scenario.title, lang))} — ${esc(teams.join(', '))}</title>
<style>
@page { size: A4; margin: 16mm; }
body { font: 11pt/1.45 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #111; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 18pt; margin-bottom: 0; } h2 { font-size: 13pt; border-bottom: 1px solid #999; margin-top: 18pt; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #bbb; padding: 3pt 5pt; text-align: left; vertical-align: top; }
.meta { color: #444; } .note { font-size: 9pt; color: #555; }
</style></head><body>
<h1>${esc(localize(scenario.title, lang))}</h1>
<p class="meta">${tr('team')}: ${esc(teams.join(', '))} · ${tr('seed')}: ${esc(t.header.seed)} · ${esc(t.header.startedAt)}</p>
<p class="note">${tr('reportNote')}</p>
<h2>${tr('score')}: ${score.overall.toFixed(1)} / 100</h2>
${ending ? `<p><b>${tr('ending')}:</b> ${esc(localize(ending.title, lang))} — ${esc(localize(ending.text, lang))}</p>` : ''}
<h2>${tr('ratings')}</h2>
<table><thead><tr><th>${tr('capability')}</th><th>${tr('proposed')}</th><th>${tr('final')}</th><th>${tr('note')}</th></tr></thead><tbody>${rows({ subject: { kind: 'overall' }, capabilities: score.capabilities, score: score.overall })}</tbody></table>
<h2>${tr('keyDecisions')}</h2>
<table><thead><tr><th>${tr('decision')}</th><th>${tr('chosen')}</th><th>${tr('timeliness')}</th><th>${tr('credit')}</th><th>${tr('rationale')}</th></tr></thead><tbody>
${score.decisions
  .filter((d) => d.status !== 'not-reached')
  .map(
    (d) =>
      `<tr><td>${dec(d.decision)}</td><td>${d.allocation ? Object.entries(d.allocation).filter(([, v]) => v > 0).map(([k, v]) => `${optLabel(d.decision, k)}: ${v}`).join('<br>') : d.options.map((o) => optLabel(d.decision, o)).join('<br>')}</td><td>${d.timeliness ? tr(`timeliness_${d.timeliness.replace('-', '_')}` as 'timeliness_on_time') : ''}${d.at !== undefined ? ` (${formatScenarioTime(d.at)})` : ''}</td><td>${Math.round(d.credit * 100)}%</td><td>${esc(d.rationale ?? '')}</td></tr>`,
  )
  .join('')}
</tbody></table>
<h2>${tr('improvements')}</h2>
${score.improvements.length ? `<ol>${score.improvements.map((d) => `<li>${dec(d)}</li>`).join('')}</ol>` : `<p>${tr('noImprovements')}</p>`}
</body></html>
`;
}
