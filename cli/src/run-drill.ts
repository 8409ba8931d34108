import { Command, CommanderError } from 'commander';
import { ENGINE_VERSION } from '@drill/engine';
import { commandsFor } from './commands/index.ts';
import { speakTerminalLanguage } from './help-words.ts';
import { fsReason, UserError } from './io.ts';
import { say } from './say.ts';

/**
 * The drill CLI: a thin shell over @drill/engine. Problems the user can fix are printed, never thrown.
 * Returns the exit code. main.ts runs it as the `drill` process; tests whose point is a command's
 * output rather than the process call it in theirs (cli/src/testing/drill-in-process.ts).
 */
export async function runDrill(argv: string[]): Promise<number> {
  const program = await speakTerminalLanguage(
    new Command('drill')
      .description(
        'Tabletop drills for emergency-management cadres: typhoons, floods, rainstorms, earthquakes',
      )
      .version(ENGINE_VERSION, '-v, --version')
      .exitOverride()
      .configureOutput({ writeErr: (s) => process.stderr.write(s) }),
  );
  for (const c of await commandsFor(argv)) c.register(program);
  try {
    // No arguments: the start menu in a terminal, help and a hint otherwise.
    if (argv.length === 0) return await (await import('./commands/play.ts')).noArguments(program);
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof UserError) {
      process.stderr.write(`drill: ${e.message}\n`);
      return e.exitCode;
    }
    // A file-system error no command anticipated: still one line with the path and the reason.
    const fsError = e as NodeJS.ErrnoException;
    if (typeof fsError?.code === 'string' && typeof fsError.syscall === 'string') {
      const what = `${fsError.syscall} ${fsError.path ?? ''}`.trim();
      process.stderr.write(
        `drill: ${say(`${what} failed: ${fsReason(e)}`, `${what} 失败：${fsReason(e)}`)}\n`,
      );
      return 2;
    }
    throw e;
  }
}
