import type { SavedTable, Transcript } from '@drill/engine';
import type { ScenarioSource } from '../scenarios.ts';

/** One running drill per browser profile; every accepted command rewrites it (small: inputs, not states). */
export const SAVE_KEY = 'drill.console.v2';
/** The save of the console before it ran on the engine's Table: refused (or migrated) on open. */
export const OLD_KEY = 'drill.console.v1';
/** Which tab holds the drill: `{ tab, at }`, renewed while the tab is open. */
export const LEASE_KEY = 'drill.console.lease';

export interface StoredDrill {
  format: 'drill-console/2';
  /** Names this drill: a tab holding another drill never writes over it. */
  id: string;
  source: ScenarioSource;
  /** The table's sequence number at this save. */
  seq: number;
  /** Whether the participant view shows scores: belongs to this drill, never carried to the next. */
  projectorScores?: boolean;
  saved: SavedTable;
}

export function readStored(storage: Storage = localStorage): StoredDrill | undefined {
  try {
    const raw = storage.getItem(SAVE_KEY);
    if (!raw) return undefined;
    const v = JSON.parse(raw) as StoredDrill;
    return v && v.format === 'drill-console/2' && typeof v.seq === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}

export function writeStored(d: StoredDrill, storage: Storage = localStorage): string | undefined {
  try {
    storage.setItem(SAVE_KEY, JSON.stringify(d));
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export function readLease(storage: Storage = localStorage): { tab: string; at: number } | undefined {
  try {
    const v = JSON.parse(storage.getItem(LEASE_KEY) ?? 'null') as { tab?: unknown; at?: unknown } | null;
    return v && typeof v.tab === 'string' && typeof v.at === 'number' ? { tab: v.tab, at: v.at } : undefined;
  } catch {
    return undefined;
  }
}

export function clearStored(storage: Storage = localStorage): void {
  storage.removeItem(SAVE_KEY);
  storage.removeItem(OLD_KEY);
}

/** The first-version save (`drill.console.v1`): setup with its scenario source, one transcript per session. */
interface OldSave {
  version: 1;
  setup: {
    source: ScenarioSource;
    seed: string;
    mode: 'roles' | 'parallel';
    teams: { name: string; roles: string[] }[];
    lang: 'en' | 'zh-CN';
  };
  transcripts: Transcript[];
}

/**
 * The saved drill as this version reads it. A first-version save is migrated (its transcripts are the
 * same; only the setup moves); whatever cannot be read is returned raw, so it can be downloaded.
 */
export function loadForOpen(
  storage: Storage = localStorage,
): { stored: StoredDrill } | { unreadable: string } | undefined {
  const raw = storage.getItem(SAVE_KEY);
  if (raw) {
    const v = readStored(storage);
    return v ? { stored: v } : { unreadable: raw };
  }
  const old = storage.getItem(OLD_KEY);
  if (!old) return undefined;
  try {
    const v = JSON.parse(old) as OldSave;
    if (v?.version !== 1 || !Array.isArray(v.transcripts) || !v.setup?.source) return { unreadable: old };
    const { source, seed, mode, teams, lang } = v.setup;
    return {
      stored: {
        format: 'drill-console/2',
        id: `v1-${v.transcripts[0]?.header?.startedAt ?? 'drill'}`,
        source,
        seq: v.transcripts.reduce((a, t) => a + (t.entries?.length ?? 0), 0),
        saved: {
          format: 'drill-table/1',
          setup: { seed, mode, teams, lang, colleagues: 'competent' },
          transcripts: v.transcripts,
        },
      },
    };
  } catch {
    return { unreadable: old };
  }
}

/**
 * What a drill that cannot be resumed still gives the trainer: its inputs as one JSONL journal per
 * session (what `drill verify` and review read), or the raw save when even that cannot be read.
 */
export function recoveryFiles(raw: string): { name: string; text: string }[] {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return [{ name: 'drill-save.txt', text: raw }];
  }
  const o = v as { saved?: { transcripts?: unknown }; transcripts?: unknown } | null;
  const ts = o?.saved?.transcripts ?? o?.transcripts;
  if (!Array.isArray(ts) || ts.length === 0) return [{ name: 'drill-save.json', text: raw }];
  return ts.map((t: Partial<Transcript>, i) => {
    const team = t?.header?.meta?.team;
    return {
      name: `drill-journal-${i + 1}${team ? `-${team.replace(/[^\p{L}\p{N}]+/gu, '-')}` : ''}.jsonl`,
      text: `${[JSON.stringify({ header: t?.header }), ...(t?.entries ?? []).map((e) => JSON.stringify(e))].join('\n')}\n`,
    };
  });
}
