import type { Command } from 'commander';
import { LANGUAGES, type Lang } from '@drill/engine';
import { userPath, UserError, writeFileAtomic } from '../io.ts';
import { say } from '../say.ts';
import { scenarioFromArg } from '../scenario-arg.ts';
import { mselCsv, mselMarkdown } from '../views/msel.ts';

export function langArg(v: string | undefined): Lang {
  const lang = v ?? 'en';
  if (!(LANGUAGES as readonly string[]).includes(lang))
    throw new UserError(
      say(
        `unknown language \`${lang}\`: use ${LANGUAGES.join(' or ')}`,
        `未知的语言“${lang}”：可选 ${LANGUAGES.join('、')}`,
      ),
    );
  return lang as Lang;
}

export function register(program: Command): void {
  program
    .command('msel')
    .description(
      'the Master Scenario Events List: injects and decision points in time order (CSV, Markdown or an Excel workbook)',
    )
    .argument('<scenario>', 'shipped scenario id or path to a .yaml file')
    .option('--format <format>', 'csv | md | xlsx (xlsx needs -o; `drill import msel` reads it back)', 'md')
    .option('--lang <lang>', 'en | zh-CN', 'en')
    .option('-o, --out <file>', 'write it to a file instead of printing it')
    .action(async (scenarioArg: string, o: { format: string; lang?: string; out?: string }) => {
      if (o.format !== 'csv' && o.format !== 'md' && o.format !== 'xlsx')
        throw new UserError(
          say(
            `unknown format \`${o.format}\`: use csv, md or xlsx`,
            `未知的格式“${o.format}”：可选 csv、md、xlsx`,
          ),
        );
      if (o.format === 'xlsx' && !o.out)
        throw new UserError(
          say(
            'an .xlsx workbook is not text: give a file to write it to with -o msel.xlsx',
            '.xlsx 工作簿不是文本，无法直接输出：请用 -o msel.xlsx 指定要写入的文件',
          ),
        );
      const scenario = scenarioFromArg(scenarioArg);
      const lang = langArg(o.lang);
      if (o.format === 'xlsx') {
        const { mselXlsx } = await import('../views/msel-xlsx.ts');
        writeFileAtomic(userPath(o.out!), await mselXlsx(scenario, lang));
        process.stderr.write(say(`MSEL written to ${o.out}\n`, `MSEL 已写入 ${o.out}\n`));
        return;
      }
      const text = o.format === 'csv' ? mselCsv(scenario, lang) : mselMarkdown(scenario, lang);
      if (o.out) {
        writeFileAtomic(userPath(o.out), text);
        process.stderr.write(say(`MSEL written to ${o.out}\n`, `MSEL 已写入 ${o.out}\n`));
      } else process.stdout.write(text);
    });
}
