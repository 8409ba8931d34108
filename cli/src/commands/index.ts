import type { Command } from 'commander';
import * as run from './run.ts';
import * as validate from './validate.ts';
import * as verify from './verify.ts';
import * as schema from './schema.ts';

/** Every subcommand, one module each (`register(program)`); the order is the order of `drill --help`. */
export const COMMANDS: { register(program: Command): void }[] = [run, verify, validate, schema];
