/** Text for HTML element content and attribute values: nothing from a scenario or transcript is markup. */
export function escapeHtml(s: string): string {
  return stripControls(s).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Control characters (ESC and the rest of C0/C1, but tab and newlines) have no business in a report. */
export function stripControls(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
}

/**
 * Text for Markdown: backslash-escapes the punctuation that could start markup (CommonMark treats a
 * backslash-escaped `<` as a literal, so `<script>` stays text), and folds newlines so a value cannot
 * break out of its table cell or list item.
 */
export function escapeMd(s: string): string {
  return stripControls(s)
    .replace(/\r?\n+/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '&amp;');
}
