import { replay, verify, type Lang, type Scenario, type Transcript } from '@drill/engine';
import { buildAar, renderHtml } from '@drill/report';

/**
 * The engine's after-action report for one transcript: a self-contained HTML file (inline CSS and SVG, no
 * script, every scenario and transcript text escaped), printable to A4. Loaded with a dynamic import, so
 * the report renderer is a chunk of its own, fetched only when a report is downloaded.
 */
export function reportHtml(scenario: Scenario, t: Transcript, lang: Lang): string {
  const r = replay(scenario, t, { keepStates: true });
  if (!r.ok) throw new Error(r.reason);
  return renderHtml(buildAar(scenario, t, r, verify(scenario, t)), lang);
}
