// A setup file of the cli project, whose test files share one worker (isolate: false): ink trees a file
// rendered and left mounted are unmounted when it ends (ink-testing-library's cleanup), so no screen of
// one file keeps drawing, or holding its fake stdin, while the next file runs.
import { cleanup } from 'ink-testing-library';
import { afterAll } from 'vitest';

afterAll(() => cleanup());
