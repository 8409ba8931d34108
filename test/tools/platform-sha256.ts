// A setup file of every project but web: the engine hashes with Node's SHA-256, as every node shell sets
// it up (cli/src/main.ts, the server, the coverage and cohort worker threads), instead of the portable
// pure-JS one the engine starts with. The `drill` commands the tests run in their own process
// (cli/src/testing/drill-in-process.ts) then hash as the real command does, and every replay, autoplay
// and state hash in the workers costs less (Node's one-shot hash is ~5× faster on the engine's texts).
// The portable one stays tested: engine/test/sha256.test.ts checks it gives Node's hex for any text, and
// the web project (jsdom, as in the browser) keeps it for its whole drills.
import { hash } from 'node:crypto';
import { useSha256 } from '@drill/engine';

useSha256((text) => hash('sha256', text, 'hex'));
