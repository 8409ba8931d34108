// A setup file that writes a V8 CPU profile of each test file, for finding where a file's CPU goes. Only
// loaded when DRILL_TEST_PROF names a folder:
//   DRILL_TEST_PROF=/tmp/prof npx vitest run --project e2e test/coverage/shipped.test.ts
// then open the .cpuprofile files in Chrome's DevTools (Performance) or summarise them with
// test/tools/cpu-profile-top.mjs. Why not `node --cpu-prof` in vitest's execArgv: vitest ends its
// workers with a signal, and V8 writes the profile only on a normal exit.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';

const out = process.env.DRILL_TEST_PROF;
const session = new Session();
session.connect();

beforeAll(async () => {
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
});

afterAll(async () => {
  const { profile } = await session.post('Profiler.stop');
  const file = expect.getState().testPath ?? 'unknown';
  mkdirSync(out!, { recursive: true });
  writeFileSync(join(out!, `${basename(file)}.${process.pid}.cpuprofile`), JSON.stringify(profile));
});
