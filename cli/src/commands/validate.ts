import type { Command } from 'commander';
import { diagnosticLine } from '@drill/engine';
import { loadScenarioFile, resolveScenarioPath } from '@drill/scenarios';
import { messageLang, say } from '../say.ts';

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
          // In a Chinese terminal, the words the web app and the room server give (diagnosticView).
          for (const d of ds) process.stdout.write(`${diagnosticLine(d, messageLang())}\n`);
          const s = r.ok ? r.scenario : undefined;
          const errors = ds.filter((d) => d.severity === 'error').length;
          if (s)
            process.stdout.write(
              say(
                `ok: ${f} (${s.injects.length} injects, ${s.decisions.length} decision points, ${s.roles.length} roles)\n`,
                `ok: ${f}（${s.injects.length}条信息，${s.decisions.length}个决策点，${s.roles.length}个岗位）\n`,
              ),
            );
          else process.stdout.write(say(`${errors} error(s) in ${f}\n`, `${f} 有 ${errors} 处错误\n`));
        }
        if (!r.ok) failed = true;
      }
      if (o.json) process.stdout.write(`${JSON.stringify(all, null, 1)}\n`);
      process.exitCode = failed ? 1 : 0;
    });
}
