import type { Command } from 'commander';
import { userPath, UserError, writeFileAtomic } from '../io.ts';
import { say } from '../say.ts';
import { scenarioFromArg } from '../scenario-arg.ts';
import { graphDot, graphMermaid, scenarioGraph } from '../views/graph.ts';
import { langArg } from './msel.ts';

export function register(program: Command): void {
  program
    .command('graph')
    .description('the timeline and branches of a drill as a diagram (Mermaid or Graphviz DOT)')
    .argument('<scenario>', 'shipped scenario id or path to a .yaml file')
    .option('--format <format>', 'mermaid | dot', 'mermaid')
    .option('--lang <lang>', 'en | zh-CN', 'en')
    .option('-o, --out <file>', 'write it to a file instead of printing it')
    .action((scenarioArg: string, o: { format: string; lang?: string; out?: string }) => {
      const scenario = scenarioFromArg(scenarioArg);
      if (o.format !== 'mermaid' && o.format !== 'dot')
        throw new UserError(
          say(
            `unknown format \`${o.format}\`: use mermaid or dot`,
            `未知的格式“${o.format}”：可选 mermaid、dot`,
          ),
        );
      const g = scenarioGraph(scenario, langArg(o.lang));
      const text = o.format === 'dot' ? graphDot(g, scenario.id) : graphMermaid(g);
      if (o.out) {
        writeFileAtomic(userPath(o.out), text);
        process.stderr.write(say(`graph written to ${o.out}\n`, `流程图已写入 ${o.out}\n`));
      } else process.stdout.write(text);
    });
}
