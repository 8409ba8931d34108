import type { Command } from 'commander';

/** A subcommand's module: `register(program)` adds the command, its options and its action. */
export interface CommandModule {
  register(program: Command): void;
}

/**
 * Every subcommand by the name it is typed as, one module each, in the order of `drill --help`. Each is
 * imported only when needed (esbuild puts each in a chunk of its own): `drill verify` loads what verify
 * uses, not the terminal layout, the report renderer or the cohort analysis (see main.ts; about a tenth
 * of a start-up's CPU, measured in docs/PERFORMANCE.md, eighth session).
 */
export const COMMANDS: readonly (readonly [name: string, load: () => Promise<CommandModule>])[] = [
  ['run', () => import('./run.ts')],
  ['play', () => import('./play.ts')],
  ['resume', () => import('./resume.ts')],
  ['history', () => import('./history.ts')],
  ['review', () => import('./review.ts')],
  ['report', () => import('./report.ts')],
  ['compare', () => import('./compare.ts')],
  ['cohort', () => import('./cohort.ts')],
  ['override', () => import('./override.ts')],
  ['observe', () => import('./observe.ts')],
  ['verify', () => import('./verify.ts')],
  ['keys', () => import('./keys.ts')],
  ['validate', () => import('./validate.ts')],
  ['schema', () => import('./schema.ts')],
  ['lint', () => import('./lint.ts')],
  ['test', () => import('./test.ts')],
  ['msel', () => import('./msel.ts')],
  ['import', () => import('./import.ts')],
  ['texts', () => import('./texts.ts')],
  ['graph', () => import('./graph.ts')],
  ['serve', () => import('./serve.ts')],
];

/**
 * The modules to register for `argv`: only the named command's when the first argument names one (its
 * parsing, options, help and errors are the same with or without the others), none for `--version`, else
 * every one (`drill`, `--help`, `help run`, a mistyped command: commander lists or suggests them all).
 */
export async function commandsFor(argv: readonly string[]): Promise<CommandModule[]> {
  // `drill --version` (commander answers it before any command) needs none.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) return [];
  const named = COMMANDS.find(([name]) => name === argv[0]);
  return Promise.all((named ? [named] : COMMANDS).map(([, load]) => load()));
}
