/** The report's stylesheet: screen and A4 print, readable in black and white (ratings carry letters). */
export const REPORT_CSS = `
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
@page { @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif; color: #555; } }
:root { --ink: #1b1f24; --muted: #5b6470; --rule: #d5dae0; --accent: #1f3a5f; --soft: #f3f5f8; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #e9ecef; font: 10.5pt/1.5 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
/* Chinese first in Chinese reports (and its full-width quotation marks); Latin fonts first in English ones. */
:lang(zh-CN) body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Segoe UI", Arial, sans-serif; }
main.report { max-width: 210mm; margin: 12px auto; background: #fff; padding: 18mm 16mm; box-shadow: 0 1px 6px rgba(0,0,0,.15); }
h1, h2, h3 { color: var(--accent); line-height: 1.25; }
h1 { font-size: 22pt; margin: 4px 0 6px; }
h2 { font-size: 14pt; margin: 22px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11.5pt; margin: 14px 0 6px; break-after: avoid; page-break-after: avoid; }
h4 { margin: 8px 0 2px; font-size: 9pt; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; break-after: avoid; page-break-after: avoid; }
:lang(zh-CN) h4 { text-transform: none; letter-spacing: .1em; }
p { margin: 6px 0; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 9pt; color: var(--muted); font-weight: 600; }
.cover { display: grid; grid-template-columns: 1fr auto; gap: 16px; align-items: start; border-bottom: 4px solid var(--accent); padding-bottom: 12px; }
.cover .sub { color: var(--muted); margin: 0; }
.scorebox { border: 2px solid var(--accent); border-radius: 6px; padding: 8px 14px; text-align: center; min-width: 120px; }
.scorebox .big { font-size: 26pt; font-weight: 700; color: var(--accent); line-height: 1.1; }
.scorebox .small { font-size: 8.5pt; color: var(--muted); }
.badge-ok, .badge-bad { display: inline-block; margin-top: 6px; font-size: 8.5pt; font-weight: 600; padding: 1px 6px; border-radius: 3px; border: 1px solid; }
.badge-ok { color: #1d5b25; border-color: #1d5b25; }
.badge-bad { color: #a52a24; border-color: #a52a24; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0 0; font-size: 9.5pt; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; }
nav.toc ol { columns: 2; margin: 6px 0; padding-left: 20px; font-size: 9.5pt; }
nav.toc a { color: var(--ink); text-decoration: none; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 9.5pt; }
th, td { border: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); color: var(--accent); font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; }
td:first-child strong + br + .muted { font-size: 8.5pt; white-space: nowrap; }
.rating { display: inline-block; min-width: 1.7em; text-align: center; font-weight: 700; border-radius: 3px; padding: 0 4px; color: #fff; border: 1px solid #222; }
.r-P { background: #2e6b34; } .r-S { background: #6f7a1f; } .r-M { background: #b35c12; } .r-U { background: #a52a24; }
.r-not-rated { background: #fff; color: var(--muted); border-style: dashed; font-weight: 400; }
.card { border: 1px solid var(--rule); border-left: 4px solid var(--accent); border-radius: 4px; padding: 8px 12px; margin: 10px 0; }
/* Small cards stay whole; a capability's long card may run over a page (its evidence items do not split). */
#objectives .card, .card.short { break-inside: avoid-page; page-break-inside: avoid; }
.card .cols { break-inside: avoid; page-break-inside: avoid; }
.card h3 { margin-top: 2px; }
.card .line { color: var(--muted); font-size: 9.5pt; }
.override { border: 1px dashed #444; background: #fafafa; padding: 4px 8px; margin: 6px 0; font-size: 9.5pt; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
ul, ol { margin: 4px 0; padding-left: 20px; }
ul.evidence { list-style: none; padding-left: 0; }
ul.evidence > li { border-top: 1px solid var(--rule); padding: 6px 0; break-inside: avoid; page-break-inside: avoid; }
ul.evidence .when { font-weight: 600; font-variant-numeric: tabular-nums; }
ul.evidence .q { color: var(--muted); }
ul.evidence dl { display: grid; grid-template-columns: max-content 1fr; gap: 1px 10px; margin: 4px 0 0; font-size: 9.5pt; }
ul.evidence dt { color: var(--muted); }
ul.evidence dd { margin: 0; }
.muted { color: var(--muted); }
#overview table td:first-child, #overview table th:first-child { width: 22%; }
#timeline td:first-child { width: 13%; white-space: nowrap; }
#timeline td:nth-child(2) { width: 12%; }
#plan td:first-child { width: 3%; }
#plan td:nth-child(2) { width: 32%; }
#plan td:last-child { width: 12%; }
#subjects td:first-child { width: 34%; }
figure { margin: 10px 0; break-inside: avoid; page-break-inside: avoid; text-align: center; }
figcaption { font-size: 9pt; color: var(--muted); margin-top: 2px; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
svg.chart .label { font-size: 11px; fill: #1b1f24; }
svg.chart .muted { font-size: 10px; fill: #5b6470; }
svg.chart .band { font-size: 10px; font-weight: 700; fill: #5b6470; }
svg.chart .value { font-size: 10px; font-weight: 600; fill: #1b1f24; }
svg.chart .rating { font-size: 13px; font-weight: 700; fill: #1b1f24; }
.summary { background: var(--soft); border-radius: 4px; padding: 8px 12px; }
.hash { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 8.5pt; word-break: break-all; }
.banner { border: 2px solid #a52a24; background: #f6e3e1; color: #7a1d18; padding: 8px 12px; margin: 0 0 10px; border-radius: 4px; }
.mark { font-weight: 700; }
.mark.ok { color: #2e6b34; }
.mark.bad { color: #b35c12; }
body:lang(zh-CN), :lang(zh-CN) { line-break: strict; }
footer { margin-top: 18px; font-size: 8.5pt; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 6px; }
@media print {
  body { background: #fff; }
  main.report { box-shadow: none; margin: 0; padding: 0; max-width: none; }
  nav.toc { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .page-break { break-before: page; page-break-before: always; }
}
`;

/**
 * The self-contained page around a report body: no script, no request (the CSP allows only inline style
 * and data: images), so a hostile scenario text cannot run or call out. One shell for every report.
 */
export function reportPage(lang: string, title: string, mainClass: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main class="${mainClass}">
${body}
</main>
</body>
</html>
`;
}
