import { Command, CommanderError } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, type CommandModule } from './commands/index.ts';
import { HELP_ZH, speakTerminalLanguage } from './help-words.ts';
import { inChineseTerminal } from './testing/chinese-terminal.ts';

let modules: CommandModule[];
beforeAll(async () => {
  modules = await Promise.all(COMMANDS.map(([, load]) => load()));
});

/** `drill` as main.ts builds it (same root, same hook), every command registered; errors captured. */
async function drill(): Promise<{ program: Command; err: string[] }> {
  const err: string[] = [];
  const program = await speakTerminalLanguage(
    new Command('drill')
      .description(
        'Tabletop drills for emergency-management cadres: typhoons, floods, rainstorms, earthquakes',
      )
      .version('0.0.0', '-v, --version')
      .exitOverride()
      .configureOutput({ writeErr: (s) => err.push(s), writeOut: () => undefined }),
  );
  for (const m of modules) m.register(program);
  return { program, err };
}

const every = (c: Command): Command[] => [c, ...c.commands.flatMap(every)];

/**
 * What a Chinese help page may keep in Latin letters: what the user types (flags, placeholders, option
 * values, commands), file kinds and product names, and the JSON field names `verify --json` prints.
 */
const KEPT =
  /--?[\w-]+|<[^>]*>|\[[^\]]*\]|`[^`]*`|\{[^}]*\}|\b[\w.-]+(?: \| [\w.-]+)+|\.\w+(?:\/\.\w+)?|\b(?:drill|help|en|zh-CN|JSON|Schema|YAML|CSV|XLIFF|MSEL|Markdown|HTML|Excel|Mermaid|Graphviz|DOT|UTC|DRILL_HOME\/keys|NO_COLOR|web\/dist|md|html|json|csv|xlsx|xliff|dot|aar|debrief|competent|average|weak|overall|team|role|participant|P\/S\/M\/U|T-70h|N|objectives\[\]\.tasks\[\]\.id|typhoon|mermaid)\b|"[^"]*"/g;
const english = (s: string): string[] =>
  s
    // the first column names what is typed: a command, an argument, an option
    .replace(/^ {2}\S+/gm, '')
    .replace(/^用法： drill(?: [\w-]+)*/m, '')
    .replace(KEPT, '')
    .match(/[A-Za-z]{2,}/g) ?? [];

// `drill --help` in a Chinese terminal was English from top to bottom: every description and commander's
// own "Usage:", "Options:", "Commands:", "display help for command", "(default: …)".
describe('drill --help in a Chinese terminal', () => {
  inChineseTerminal();

  it('has Chinese for every description of every command, argument and option', async () => {
    const { program } = await drill();
    const missing: string[] = [];
    for (const c of every(program)) {
      const help = c.createHelp();
      const texts = [
        c.description(),
        ...c.registeredArguments.map((a) => a.description),
        ...help.visibleOptions(c).map((o) => o.description),
        ...help.visibleCommands(c).map((s) => s.description()),
      ];
      for (const t of texts) if (t && !HELP_ZH.has(t)) missing.push(`${c.name()}: ${t}`);
    }
    expect(missing).toEqual([]);
  });

  it('shows every help page in Chinese, commander’s words included', async () => {
    const { program } = await drill();
    const pages = every(program);
    expect(pages.length).toBeGreaterThan(24);
    for (const c of pages) {
      const page = c.helpInformation();
      expect(page, c.name()).toMatch(/^用法： drill/);
      expect(english(page), c.name()).toEqual([]);
      expect(page).not.toMatch(/\[options\]|\[command\]/);
    }
    const run = program.commands.find((c) => c.name() === 'run')!.helpInformation();
    expect(run).toContain('参数：');
    expect(run).toContain('选项：');
    expect(run).toContain('（默认：“typhoon”）');
    expect(run).toContain('显示命令的帮助');
    expect(program.helpInformation()).toContain('命令：');
    expect(program.helpInformation()).toContain('help [命令]');
  });

  it('wraps Chinese descriptions to the width of the terminal', async () => {
    const { program } = await drill();
    program.configureOutput({ getOutHelpWidth: () => 80 });
    for (const line of program.helpInformation().split('\n')) {
      // Two columns per Chinese character.
      const columns = [...line].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
      expect(columns, line).toBeLessThanOrEqual(80);
    }
  });

  it('words commander’s parse errors in Chinese', async () => {
    const said = async (...argv: string[]): Promise<string> => {
      const { program, err } = await drill();
      await expect(program.parseAsync(argv, { from: 'user' })).rejects.toBeInstanceOf(CommanderError);
      return err.join('');
    };
    expect(await said('run', '--bogus')).toBe('错误：未知的选项“--bogus”\n');
    expect(await said('rnu')).toBe('错误：未知的命令“rnu”\n（是否想输入 run？）\n');
    expect(await said('observe', 'x.json')).toBe('错误：必须指定选项“--task <id>”\n');
    expect(await said('verify')).toBe('错误：缺少必需的参数“transcript”\n');
    expect(await said('verify', 'x.json', '--key')).toBe('错误：选项“--key <public key or file>”缺少取值\n');
    expect(await said('schema', 'a', 'b')).toBe(
      '错误：命令“schema”的参数过多：应有 0 个，实际有 2 个：a、b。\n',
    );
  });
});

describe('drill --help in an English terminal', () => {
  it('is commander’s, unchanged', async () => {
    process.env.LANG = 'C';
    const { program, err } = await drill();
    const run = program.commands
      .find((c) => c.name() === 'run')!
      .helpInformation()
      .replace(/\s+/g, ' ');
    expect(run).toMatch(/^Usage: drill run \[options\] \[scenario\]/);
    expect(run).toContain('shipped scenario id or path to a .yaml file (default: "typhoon")');
    expect(run).toContain('display help for command');
    await expect(program.parseAsync(['run', '--bogus'], { from: 'user' })).rejects.toBeInstanceOf(
      CommanderError,
    );
    expect(err.join('')).toBe("error: unknown option '--bogus'\n");
  });
});
