// A setup file of the projects that run several test files in one worker (isolate: false): what one file
// sets in process.env or the working directory (room.test.ts points DRILL_HOME at a temporary home it
// then deletes) is put back when the file ends, so the next file in the worker starts as it would alone.
import { afterAll } from 'vitest';

const env = { ...process.env };
const cwd = process.cwd();

afterAll(() => {
  for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
  Object.assign(process.env, env);
  if (process.cwd() !== cwd) process.chdir(cwd);
});
