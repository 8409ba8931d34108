import type { Command } from 'commander';
import { LANGUAGES, type Lang } from '@drill/engine';
import { userPath, UserError, writeFileAtomic } from '../io.ts';
import { scenarioFromArg } from '../scenario-arg.ts';
import { mselCsv, mselMarkdown } from '../views/msel.ts';

export function langArg(v: string | undefined): Lang {
  const lang = v ?? 'en';
  if (!(LANGUAGES as readonly string[]).includes(lang))
    throw new UserError(`unknown language \`${lang}\`: use ${LANGUAGES.join(' or ')}`);
  return lang as Lang;
}

export function register(program: Command): void {
  program
    .command('msel')
    .description(
      'the Master Scenario Events List: injects and decision points in time order (CSV or Markdown)',
    )
    .argument('<scenario>', 'shipped scenario id or path to a .yaml file')
    .option('--format <format>', 'csv | md', 'md')
    .option('--lang <lang>', 'en | zh-CN', 'en')
    .option('-o, --out <file>', 'write it to a file instead of printing it')
    .action((scenarioArg: string, o: { format: string; lang?: string; out?: string }) => {
      const scenario = scenarioFromArg(scenarioArg);
      const lang = langArg(o.lang);
      if (o.format !== 'csv' && o.format !== 'md')
        throw new UserError(`unknown format \`${o.format}\`: use csv or md`);
      const text = o.format === 'csv' ? mselCsv(scenario, lang) : mselMarkdown(scenario, lang);
      if (o.out) {
        writeFileAtomic(userPath(o.out), text);
        process.stderr.write(`MSEL written to ${o.out}\n`);
      } else process.stdout.write(text);
    });
}
