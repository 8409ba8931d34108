import type { Command } from 'commander';
import { scenarioJsonSchema } from '@drill/engine';
import { userPath, writeFileAtomic } from '../io.ts';

export function schemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

export function register(program: Command): void {
  program
    .command('schema')
    .description('print (or write) the JSON Schema of the scenario format, for editors')
    .option('-o, --out <file>', 'write it to a file')
    .action((o: { out?: string }) => {
      if (o.out) writeFileAtomic(userPath(o.out), schemaText());
      else process.stdout.write(schemaText());
    });
}
