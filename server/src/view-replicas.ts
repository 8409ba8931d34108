import { Table, type Scenario } from '@drill/engine';
import { FrameBuilder } from './frames.ts';
import type { FromViewWorker, ToViewWorker } from './view-port.ts';

const encoder = new TextEncoder();

/**
 * What the view worker does with each message, apart from the thread it runs on (so a bench or a test
 * can drive it in-process): a replica Table per room, fed with the commands the authority accepted,
 * and the frames of a broadcast built from it.
 */
export class ViewReplicas {
  private readonly scenarios = new Map<string, Scenario>();
  private readonly rooms = new Map<string, FrameBuilder>();

  /** Handles one message; a `frames` request is answered (with the byte buffers to transfer). */
  handle(m: ToViewWorker): { reply: FromViewWorker; transfer: ArrayBuffer[] } | undefined {
    switch (m.t) {
      case 'scenario':
        this.scenarios.set(m.hash, m.scenario);
        return undefined;
      case 'open': {
        this.rooms.delete(m.room);
        const sc = this.scenarios.get(m.hash);
        if (!sc) return undefined;
        // A replica: no state hashes (the authority took them), nothing frozen (only serialised here).
        const t = Table.resume(sc, m.saved, { replica: true });
        if (!('error' in t)) this.rooms.set(m.room, new FrameBuilder(t));
        return undefined;
      }
      case 'close':
        this.rooms.delete(m.room);
        return undefined;
      case 'cmd': {
        const b = this.rooms.get(m.room);
        if (!b) return undefined;
        let seq: number | undefined;
        try {
          const r = b.table.submit(m.actor, m.command, {
            ...(m.expectSeq !== undefined ? { expectSeq: m.expectSeq } : {}),
            lang: m.lang,
          });
          if (r.ok) seq = r.seq;
        } catch {
          // A replica cannot rewind a half-applied command (its entries carry no hashes to replay).
        }
        // The replica must follow the authority exactly; one that does not is dropped (reopened later).
        if (seq !== m.seq) this.rooms.delete(m.room);
        return undefined;
      }
      case 'frames': {
        const b = this.rooms.get(m.room);
        if (!b || b.table.seq !== m.seq)
          return { reply: { t: 'frames', id: m.id, error: b ? 'out of step' : 'no replica' }, transfer: [] };
        const texts: [string, Uint8Array][] = m.wants.map((w) => [
          w.key,
          encoder.encode(b.text(w.viewer, w.lang, m.ctx)),
        ]);
        return {
          reply: { t: 'frames', id: m.id, texts },
          transfer: texts.map(([, bytes]) => bytes.buffer as ArrayBuffer),
        };
      }
      default: {
        const never: never = m;
        return never;
      }
    }
  }
}
