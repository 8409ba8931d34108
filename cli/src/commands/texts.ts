import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { resolveScenarioPath } from '@drill/scenarios';
import { fsReason, userPath, UserError, writeFileAtomic } from '../io.ts';
import { say } from '../say.ts';
import { SAVE_AS_UTF8, SAVE_CSV_AS_UTF8, utf8Text } from '../utf8Text.ts';
import { scenarioFromArg } from '../scenario-arg.ts';
import { langArg } from './msel.ts';

const cwd = (): string => process.env.INIT_CWD ?? process.cwd();

export function register(program: Command): void {
  const texts = program
    .command('texts')
    .description('every text of a scenario for a translator (CSV or XLIFF), and the translations back in');
  texts
    .command('export')
    .description(
      'write every text with its key, the source language and the target language (empty when missing)',
    )
    .argument('<scenario>', 'shipped scenario id or path to a .yaml file')
    .option('--format <format>', 'csv | xliff (default: from the file name, else csv)')
    .option('--from <lang>', 'source language (default: the scenario’s first language)')
    .option('--to <lang>', 'target language (default: the other one)')
    .option('--missing', 'only the texts the target language lacks')
    .option('-o, --out <file>', 'write it to a file instead of printing it')
    .action(
      async (
        arg: string,
        o: { format?: string; from?: string; to?: string; missing?: boolean; out?: string },
      ) => {
        const { formatOfFile, writeCsv, writeXliff } = await import('../texts/translation-files.ts');
        const { exportUnits, otherLang, readScenarioTexts } =
          await import('../texts/scenario-translation.ts');
        const format = o.format ?? (o.out ? formatOfFile(o.out) : undefined) ?? 'csv';
        if (format !== 'csv' && format !== 'xliff')
          throw new UserError(
            say(`unknown format \`${format}\`: use csv or xliff`, `未知的格式“${format}”：可选 csv、xliff`),
          );
        const scenario = scenarioFromArg(arg);
        const t = readScenarioTexts(resolveScenarioPath(arg, cwd()), scenario);
        const from = o.from !== undefined ? langArg(o.from) : t.plainLang;
        const to = o.to !== undefined ? langArg(o.to) : otherLang(from);
        if (from === to)
          throw new UserError(
            say(
              `--from and --to are both \`${from}\`: give two languages`,
              `--from 和 --to 都是“${from}”：请给出两种不同的语言`,
            ),
          );
        const tf = exportUnits(t, from, to, o.missing === true);
        const text = format === 'csv' ? writeCsv(tf) : await writeXliff(tf);
        if (o.out) {
          writeFileAtomic(userPath(o.out), text);
          const missing = tf.units.filter((u) => u.target === '').length;
          process.stderr.write(
            say(
              `${tf.units.length} texts written to ${o.out} (${missing} without ${to})\n`,
              `${tf.units.length}条文字已写入 ${o.out}（其中${missing}条缺少 ${to} 译文）\n`,
            ),
          );
        } else process.stdout.write(text);
      },
    );
  texts
    .command('import')
    .description(
      'write a translator’s CSV or XLIFF back into the scenario’s YAML files (comments and layout kept)',
    )
    .argument('<scenario>', 'shipped scenario id or path to a .yaml file')
    .argument('<file>', 'the translated .csv or .xlf/.xliff')
    .option('--format <format>', 'csv | xliff (default: from the file name)')
    .option('--dry-run', 'say what would change, write nothing')
    .action(async (arg: string, file: string, o: { format?: string; dryRun?: boolean }) => {
      const { formatOfFile, readCsv, readXliff } = await import('../texts/translation-files.ts');
      const { importUnits, readScenarioTexts } = await import('../texts/scenario-translation.ts');
      const format = o.format ?? formatOfFile(file);
      if (format !== 'csv' && format !== 'xliff')
        throw new UserError(
          say(
            `${file}: say which format it is with --format csv or --format xliff`,
            `${file}：请用 --format csv 或 --format xliff 说明它的格式`,
          ),
        );
      let content: string;
      try {
        content = readFileSync(userPath(file), 'utf8');
      } catch (e) {
        throw new UserError(say(`cannot read ${file}: ${fsReason(e)}`, `无法读取 ${file}：${fsReason(e)}`));
      }
      utf8Text(content, file, format === 'csv' ? SAVE_CSV_AS_UTF8 : SAVE_AS_UTF8);
      const tf = format === 'csv' ? await readCsv(content, file) : await readXliff(content, file);
      const scenario = scenarioFromArg(arg);
      const t = readScenarioTexts(resolveScenarioPath(arg, cwd()), scenario);
      const r = importUnits(t, tf);
      for (const k of r.notFound)
        process.stderr.write(
          say(
            `${file}: warning: no text \`${k}\` in ${arg}: skipped\n`,
            `${file}：警告：${arg} 中没有文字“${k}”：已跳过\n`,
          ),
        );
      for (const k of r.staleSource)
        process.stderr.write(
          say(
            `${file}: warning: \`${k}\`: the ${tf.sourceLang} text changed since the export: check the translation\n`,
            `${file}：警告：“${k}”：${tf.sourceLang} 原文在导出后改过了：请核对译文\n`,
          ),
        );
      if (!o.dryRun) for (const w of r.written) writeFileAtomic(w.file, w.text);
      const files = r.written.map((w) => relative(cwd(), w.file) || w.file).join(', ');
      process.stderr.write(
        say(
          `${r.changed} ${tf.targetLang} text(s) ${o.dryRun ? 'would be ' : ''}written${files ? ` (${files})` : ''}; ${r.unchanged} unchanged, ${r.empty} left empty, ${r.notFound.length} not found\n`,
          `${o.dryRun ? '将写入' : '已写入'}${r.changed}条 ${tf.targetLang} 文字${files ? `（${files}）` : ''}；${r.unchanged}条未变，${r.empty}条留空，${r.notFound.length}条未找到\n`,
        ),
      );
    });
}
