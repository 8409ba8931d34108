import type { Command } from 'commander';
import * as run from './run.ts';
import * as play from './play.ts';
import * as resume from './resume.ts';
import * as history from './history.ts';
import * as validate from './validate.ts';
import * as verify from './verify.ts';
import * as schema from './schema.ts';
import * as lint from './lint.ts';
import * as coverageTest from './test.ts';
import * as msel from './msel.ts';
import * as importCmd from './import.ts';
import * as texts from './texts.ts';
import * as graph from './graph.ts';
import * as serve from './serve.ts';
import * as review from './review.ts';
import * as report from './report.ts';
import * as compare from './compare.ts';
import * as cohort from './cohort.ts';
import * as override from './override.ts';
import * as observe from './observe.ts';
import * as keys from './keys.ts';

/** Every subcommand, one module each (`register(program)`); the order is the order of `drill --help`. */
export const COMMANDS: { register(program: Command): void }[] = [
  run,
  play,
  resume,
  history,
  review,
  report,
  compare,
  cohort,
  override,
  observe,
  verify,
  keys,
  validate,
  schema,
  lint,
  coverageTest,
  msel,
  importCmd,
  texts,
  graph,
  serve,
];
