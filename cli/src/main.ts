import { hash } from 'node:crypto';
import { useSha256 } from '@drill/engine';
import { runDrill } from './run-drill.ts';

/**
 * The platform's SHA-256 for every hash the engine takes (same bytes, same hex as the portable one). The
 * one-shot `hash` costs half of `createHash` for the engine's many small texts (no Hash object each).
 */
useSha256((text) => hash('sha256', text, 'hex'));

// `drill schema | head -c 100`: the reader left; stop quietly (EPIPE is not the user's mistake).
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });

process.exitCode = await runDrill(process.argv.slice(2));
