/**
 * The own-scenario compiler's process: compiles a trainer's own scenario (seconds for a large one on a
 * loaded machine) away from the server's thread, which keeps answering every room's sockets meanwhile.
 * One request at a time, many in its life (the server keeps it for the next); the server bounds how long one may take (it kills this process), and a fatal
 * error here (see scenario-compiler.ts) ends only this process.
 */
import { hash } from 'node:crypto';
import { useSha256 } from '@drill/engine';
import { compileOwnScenario } from './ownScenario.ts';
import type { FromCompiler, ToCompiler } from './scenario-compiler.ts';

// The scenario's content hash: the same bytes as the engine's portable SHA-256, faster.
useSha256((text) => hash('sha256', text, 'hex'));
const reply = (m: FromCompiler): void => void process.send!(m);
// The server is gone (stopped, or killed with -9): so is the reason to live.
process.on('disconnect', () => process.exit(0));

process.on('message', (m: ToCompiler) => {
  try {
    const result = compileOwnScenario(m.source);
    // The heap it leaves (garbage included): the server retires a process grown past half its limit.
    reply({ t: 'compiled', id: m.id, result, heapUsed: process.memoryUsage().heapUsed });
  } catch (e) {
    reply({ t: 'failed', id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
reply({ t: 'ready' });
