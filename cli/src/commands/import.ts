import type { Command } from 'commander';
import { basename, extname } from 'node:path';
import { userPath, UserError, writeFileAtomic } from '../io.ts';
import { messageLang, say } from '../say.ts';
import { langArg } from './msel.ts';

/** A scenario id from a file name: `Typhoon MSEL v2.xlsx` → `typhoon_msel_v2`. */
function idFromFile(file: string): string {
  const slug = basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '');
  return slug || 'imported';
}

export function register(program: Command): void {
  const imp = program
    .command('import')
    .description('turn another format into a drill scenario (see `drill import msel`)');
  imp
    .command('msel')
    .description(
      'read an MSEL spreadsheet (.xlsx or .csv: time, from, to, inject, expected action, notes…) into a scenario skeleton',
    )
    .argument('<file>', 'the spreadsheet (.xlsx or .csv)')
    .requiredOption('-o, --out <file>', 'the scenario file to write (YAML)')
    .option('--id <id>', 'the scenario id (default: from the file name)')
    .option('--lang <lang>', 'the language of the texts, en | zh-CN (default: Chinese when the texts are)')
    .option('--sheet <name>', 'the sheet holding the MSEL (default: the first with MSEL headers)')
    .action(async (file: string, o: { out: string; id?: string; lang?: string; sheet?: string }) => {
      if (o.id !== undefined && !/^[a-z][a-z0-9_-]*$/.test(o.id))
        throw new UserError(
          say(
            `--id \`${o.id}\`: ids are lower-case letters, digits, _ or -, starting with a letter`,
            `--id“${o.id}”：编号只能由小写字母、数字、_ 或 - 组成，并以字母开头`,
          ),
        );
      // Loaded only here: the importer and its spreadsheet libraries stay out of every other command's start-up.
      const { formatMselDiagnostic, importMsel } = await import('../msel-import/import-msel.ts');
      const { readTable } = await import('../msel-import/table.ts');
      const table = await readTable(userPath(file), file);
      const r = importMsel(table, {
        id: o.id ?? idFromFile(file),
        ...(o.lang !== undefined ? { lang: langArg(o.lang) } : {}),
        ...(o.sheet !== undefined ? { sheet: o.sheet } : {}),
        out: o.out,
      });
      for (const d of r.diagnostics) process.stderr.write(`${formatMselDiagnostic(d, messageLang())}\n`);
      if (r.yaml === undefined) {
        const n = r.diagnostics.filter((d) => d.severity === 'error').length;
        throw new UserError(
          say(`${n} problem(s) in ${file}: nothing was written`, `${file} 中有${n}个问题：什么也没有写入`),
          1,
        );
      }
      writeFileAtomic(userPath(o.out), r.yaml);
      process.stderr.write(
        say(
          `${o.out}: ${r.modules.length ? `${r.modules.length} modules, ` : ''}${r.injects.length} injects${r.decisions.length ? `, ${r.decisions.length} decisions` : ''}; fill in the TODOs, then \`drill validate ${o.out}\`\n`,
          `${o.out}：${r.modules.length ? `${r.modules.length}个阶段，` : ''}${r.injects.length}条情景注入${r.decisions.length ? `，${r.decisions.length}个决策` : ''}；请补全其中的 TODO，然后运行 \`drill validate ${o.out}\`\n`,
        ),
      );
    });
}
