import type { Lang, Scenario, Transcript } from '@drill/engine';

/** Saves text as a file through a temporary object URL (no server involved). */
export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves a transcript as JSON, laid out as the terminal writes it. */
export function downloadTranscript(name: string, transcript: Transcript): void {
  download(name, JSON.stringify(transcript, null, 1), 'application/json');
}

/** Saves a transcript's after-action report as one HTML file (the report code loads only when asked). */
export function downloadReport(name: string, scenario: Scenario, transcript: Transcript, lang: Lang): void {
  void import('../report/reportHtml.ts').then(({ reportHtml }) =>
    download(name, reportHtml(scenario, transcript, lang), 'text/html'),
  );
}

/** A file-name-safe slug (team names may be Chinese or contain spaces). */
export function slug(s: string): string {
  const x = s
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return x || 'team';
}
