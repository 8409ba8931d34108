/**
 * The view worker: builds the rooms' `view` frames on a second thread, so the main thread (sockets,
 * authority, the database) and the building of views and scores use both cores.
 *
 * The worker holds a replica of each room's Table. The main thread stays the only authority: it
 * decides every command, commits it, and only then forwards the accepted command here; the engine and
 * the Table are deterministic, so the replica applies it to the same state and reaches the same
 * sequence number (checked: a replica that does not is dropped and the main thread builds that
 * room's frames itself until it reopens it). Frames come back as UTF-8 bytes, transferred, not copied.
 */
import { hash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { Table, useSha256, type Scenario } from '@drill/engine';
import { FrameBuilder } from './frames.ts';
import type { ToViewWorker, FromViewWorker } from './view-port.ts';

useSha256((text) => hash('sha256', text, 'hex'));
const port = parentPort!;
const scenarios = new Map<string, Scenario>();
const rooms = new Map<string, FrameBuilder>();
const encoder = new TextEncoder();

function reply(m: FromViewWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(m, transfer);
}

port.on('message', (m: ToViewWorker) => {
  switch (m.t) {
    case 'scenario':
      scenarios.set(m.hash, m.scenario);
      return;
    case 'open': {
      rooms.delete(m.room);
      const sc = scenarios.get(m.hash);
      if (!sc) return;
      const t = Table.resume(sc, m.saved);
      if (!('error' in t)) rooms.set(m.room, new FrameBuilder(t));
      return;
    }
    case 'close':
      rooms.delete(m.room);
      return;
    case 'cmd': {
      const b = rooms.get(m.room);
      if (!b) return;
      const r = b.table.submit(m.actor, m.command, {
        ...(m.expectSeq !== undefined ? { expectSeq: m.expectSeq } : {}),
        lang: m.lang,
      });
      // The replica must follow the authority exactly; one that does not is dropped (reopened later).
      if (!r.ok || r.seq !== m.seq) rooms.delete(m.room);
      return;
    }
    case 'frames': {
      const b = rooms.get(m.room);
      if (!b || b.table.seq !== m.seq) {
        reply({ t: 'frames', id: m.id, error: b ? 'out of step' : 'no replica' });
        return;
      }
      const texts: [string, Uint8Array][] = m.wants.map((w) => [
        w.key,
        encoder.encode(b.text(w.viewer, w.lang, w.scores, m.ctx)),
      ]);
      reply(
        { t: 'frames', id: m.id, texts },
        texts.map(([, bytes]) => bytes.buffer as ArrayBuffer),
      );
      return;
    }
    default: {
      const never: never = m;
      return never;
    }
  }
});
reply({ t: 'ready' });
