/**
 * A member's or trainer's credential for a room, kept so a reload (or a phone that closed the tab)
 * gets the same seat back: per tab first (two people testing in one browser stay two people), then
 * the browser's last one for that room.
 */
export interface Credential {
  token: string;
  /** For the page before the server answers: who this is. */
  name?: string;
  team?: string;
  /** The trainer's: the room's projector link token. */
  projectorToken?: string;
}

const key = (kind: 'member' | 'trainer', room: string): string => `drill.room.${kind}.${room}`;

function read(store: Storage | undefined, k: string): Credential | undefined {
  try {
    const raw = store?.getItem(k);
    if (!raw) return undefined;
    const v = JSON.parse(raw) as Partial<Credential>;
    return typeof v.token === 'string' && v.token !== '' ? (v as Credential) : undefined;
  } catch {
    return undefined;
  }
}

const stores = (): Storage[] =>
  [globalThis.sessionStorage, globalThis.localStorage].filter((s): s is Storage => s !== undefined);

export function loadCredential(kind: 'member' | 'trainer', room: string): Credential | undefined {
  for (const s of stores()) {
    const c = read(s, key(kind, room));
    if (c) return c;
  }
  return undefined;
}

export function saveCredential(kind: 'member' | 'trainer', room: string, c: Credential): void {
  for (const s of stores())
    try {
      s.setItem(key(kind, room), JSON.stringify(c));
    } catch {
      // A private window may refuse storage: the seat still works until the tab closes.
    }
}

export function forgetCredential(kind: 'member' | 'trainer', room: string): void {
  for (const s of stores()) s.removeItem(key(kind, room));
}
