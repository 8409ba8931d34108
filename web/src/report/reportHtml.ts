import type { Lang, Scenario, Transcript } from '@drill/engine';
import { aarFromTranscript, renderHtml } from '@drill/report';

/**
 * The engine's after-action report for one transcript: a self-contained HTML file (inline CSS and SVG, no
 * script, every scenario and transcript text escaped), printable to A4. Loaded with a dynamic import, so
 * the report renderer is a chunk of its own, fetched only when a report is downloaded.
 */
export function reportHtml(scenario: Scenario, t: Transcript, lang: Lang): string {
  // A transcript that does not verify is still reported (marked so); one that does not replay is not.
  const r = aarFromTranscript(scenario, t, { unverified: true });
  if (!r.ok) throw new Error(r.reason);
  return renderHtml(r.aar, lang);
}
