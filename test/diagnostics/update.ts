// Prints what `drill validate` says for corpus files; with --write, stores it as their expected output.
// Usage: npx tsx test/diagnostics/update.ts test/diagnostics/<case>.yaml [--write]  (review the diff!)
import { relative, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { formatDiagnostic } from '@drill/engine';
import { loadScenarioFile } from '@drill/scenarios';
const root = resolve('.');
const write = process.argv.includes('--write');
for (const f of process.argv.slice(2).filter((a) => a !== '--write')) {
  const r = loadScenarioFile(resolve(f));
  const ds = r.ok ? r.warnings : r.diagnostics;
  const text = ds.map((d) => formatDiagnostic({ ...d, file: relative(root, d.file) })).join('\n');
  console.log(`== ${f} (ok=${r.ok})\n${text}`);
  if (write) writeFileSync(f.replace(/\.yaml$/, '.expected.txt'), text + '\n');
}
