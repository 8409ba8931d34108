/**
 * The view worker: builds the rooms' `view` frames on a second thread, so the main thread (sockets,
 * authority, the database) and the building of views and scores use both cores.
 *
 * The worker holds a replica of each room's Table. The main thread stays the only authority: it
 * decides every command, commits it, and only then forwards the accepted command here; the engine and
 * the Table are deterministic, so the replica applies it to the same state and reaches the same
 * sequence number (checked: a replica that does not is dropped and the main thread builds that
 * room's frames itself until it reopens it). Frames come back as UTF-8 bytes, transferred, not copied.
 * What it does with each message is `ViewReplicas` (server/src/view-replicas.ts).
 */
import { hash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { useSha256 } from '@drill/engine';
import type { ToViewWorker, FromViewWorker } from './view-port.ts';
import { ViewReplicas } from './view-replicas.ts';

useSha256((text) => hash('sha256', text, 'hex'));
const port = parentPort!;
const replicas = new ViewReplicas();

port.on('message', (m: ToViewWorker) => {
  const out = replicas.handle(m);
  if (out) port.postMessage(out.reply, out.transfer);
});
port.postMessage({ t: 'ready' } satisfies FromViewWorker);
