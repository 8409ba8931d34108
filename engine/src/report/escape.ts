/** Text for HTML element content and attribute values: nothing from a scenario or transcript is markup. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text for Markdown: backslash-escapes the punctuation that could start markup (CommonMark treats a
 * backslash-escaped `<` as a literal, so `<script>` stays text), and folds newlines so a value cannot
 * break out of its table cell or list item.
 */
export function escapeMd(s: string): string {
  return s
    .replace(/\r?\n+/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '&amp;');
}
