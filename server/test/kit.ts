import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import type { TableCommand } from '@drill/engine';
import { RoomClient } from '../src/client.ts';
import type { CreatedRoom, CreateRoom, Joined, ServerFrame } from '../src/protocol.ts';

/** A temporary data folder for one test file's server. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(joinPath(tmpdir(), 'drill-server-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function api<T>(
  base: string,
  path: string,
  o: { method?: string; token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(new URL(path, base), {
    method: o.method ?? (o.body !== undefined ? 'POST' : 'GET'),
    headers: {
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (an SVG, a plain-text refusal)
  }
  return { status: res.status, body: body as T };
}

export const TWO_TEAMS_ROLES: CreateRoom = {
  scenario: 'typhoon',
  seed: 'classroom-1',
  lang: 'en',
  mode: 'roles',
  teams: [
    { name: 'Red', roles: ['commander', 'emergency', 'publicity', 'meteorology'] },
    { name: 'Blue', roles: ['fisheries', 'natres', 'township'] },
  ],
};

export async function createRoom(base: string, hostToken: string, c: CreateRoom): Promise<CreatedRoom> {
  const r = await api<CreatedRoom>(base, '/api/rooms', { token: hostToken, body: c });
  if (r.status !== 201) throw new Error(`create room: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function join(
  base: string,
  code: string,
  team: string,
  name: string,
  roles: string[] = [],
): Promise<Joined> {
  const r = await api<Joined>(base, `/api/join/${code}`, { body: { team, roles, name } });
  if (r.status !== 201) throw new Error(`join: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function connect(base: string, token: string, room?: string): Promise<RoomClient> {
  const c = new RoomClient({ url: base, token, ...(room ? { room } : {}), delayMs: 50, maxDelayMs: 300 });
  await c.welcome();
  return c;
}

export type Welcome = Extract<ServerFrame, { t: 'welcome' }>;
export type ViewFrame = Extract<ServerFrame, { t: 'view' }>;

/** The latest view a client holds. */
export function latestView(c: RoomClient): ViewFrame['view'] {
  for (let i = c.frames.length - 1; i >= 0; i--) {
    const f = c.frames[i]!;
    if (f.t === 'view' || f.t === 'welcome') return f.view;
  }
  throw new Error('no view yet');
}

type OpenDecision = Extract<ServerFrame, { t: 'view' }>['view']['lanes'][number]['view']['open'][number];

/** `team`'s choice of the first offered option of `d` (the whole budget on it for an allocation). */
export function firstOptionChoice(team: string, d: OpenDecision): TableCommand | undefined {
  const first = d.options[0];
  if (!first) return undefined;
  return d.kind === 'allocate'
    ? { type: 'choose', team, decision: d.decision, allocation: { [first.id]: d.budget ?? 0 } }
    : { type: 'choose', team, decision: d.decision, options: [first.id] };
}

/** Each member answers every decision open at their seats with the first offered option. */
export async function answerOpen(members: { c: RoomClient; team: string }[]): Promise<number> {
  let n = 0;
  for (const m of members) {
    const v = latestView(m.c);
    for (const lane of v.lanes)
      for (const d of lane.view.open) {
        const cmd = firstOptionChoice(m.team, d);
        if (!cmd) continue;
        const r = await m.c.command(cmd);
        if (r.t === 'ack') n++;
      }
  }
  return n;
}

/** Waits until every client has seen a view at `seq` or later. */
export async function settled(clients: RoomClient[], seq: number): Promise<void> {
  await Promise.all(
    clients.map((c) =>
      latestView(c).seq >= seq
        ? undefined
        : c.next((f) => (f.t === 'view' || f.t === 'welcome') && f.view.seq >= seq),
    ),
  );
}
