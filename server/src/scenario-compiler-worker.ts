/**
 * The own-scenario compiler's thread: compiles a trainer's own scenario (seconds for a large one on a
 * loaded machine) away from the main thread, which keeps answering every room's sockets meanwhile.
 * One request at a time; the main thread bounds how long one may take (it terminates this thread).
 */
import { hash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { useSha256 } from '@drill/engine';
import { compileOwnScenario } from './ownScenario.ts';
import type { FromCompiler, ToCompiler } from './scenario-compiler.ts';

// The scenario's content hash: the same bytes as the engine's portable SHA-256, faster.
useSha256((text) => hash('sha256', text, 'hex'));
const port = parentPort!;
const reply = (m: FromCompiler): void => port.postMessage(m);

port.on('message', (m: ToCompiler) => {
  try {
    reply({ t: 'compiled', id: m.id, result: compileOwnScenario(m.source) });
  } catch (e) {
    reply({ t: 'failed', id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
reply({ t: 'ready' });
