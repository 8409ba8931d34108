import type { Command } from 'commander';
import { formatDiagnostic } from '@drill/engine';
import { loadScenarioFile, resolveScenarioPath } from '@drill/scenarios';

export function register(program: Command): void {
  program
    .command('validate')
    .description('check scenario files: every problem with file:line:column and a hint')
    .argument('<files...>', 'scenario files (or shipped ids)')
    .option('--json', 'print the diagnostics as JSON')
    .action((files: string[], o: { json?: boolean }) => {
      let failed = false;
      const all = [];
      for (const f of files) {
        const r = loadScenarioFile(resolveScenarioPath(f, process.env.INIT_CWD ?? process.cwd()));
        const ds = r.ok ? r.warnings : r.diagnostics;
        all.push(...ds);
        if (!o.json) {
          for (const d of ds) process.stdout.write(`${formatDiagnostic(d)}\n`);
          if (r.ok)
            process.stdout.write(
              `ok: ${f} (${r.scenario.injects.length} injects, ${r.scenario.decisions.length} decision points, ${r.scenario.roles.length} roles)\n`,
            );
          else process.stdout.write(`${ds.filter((d) => d.severity === 'error').length} error(s) in ${f}\n`);
        }
        if (!r.ok) failed = true;
      }
      if (o.json) process.stdout.write(`${JSON.stringify(all, null, 1)}\n`);
      process.exitCode = failed ? 1 : 0;
    });
}
