import type { SavedDrill } from './consoleDrill.ts';

/** One running drill per browser profile; every accepted input rewrites it (small: inputs, not states). */
export const STORAGE_KEY = 'drill.console.v1';

export function loadSaved(storage: Storage = localStorage): SavedDrill | undefined {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const v = JSON.parse(raw) as SavedDrill;
    return v && v.version === 1 && Array.isArray(v.transcripts) ? v : undefined;
  } catch {
    return undefined;
  }
}

export function writeSaved(d: SavedDrill, storage: Storage = localStorage): string | undefined {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(d));
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export function clearSaved(storage: Storage = localStorage): void {
  storage.removeItem(STORAGE_KEY);
}
