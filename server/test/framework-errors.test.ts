/**
 * Requests the HTTP framework refuses before any route runs (a body that is not JSON, empty, too large,
 * of another type; an address that does not decode; an address with nothing behind it) are answered in
 * the API's own error shape, in the page's language (Accept-Language, else the room's), and change
 * nothing — never Fastify's English message.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import type { ApiError, CreatedRoom } from '../src/protocol.ts';
import { createRoom, tempDir, TWO_TEAMS_ROLES } from './kit.ts';

const tmp = tempDir();
let server: RoomServer;
let enRoom: CreatedRoom;
let zhRoom: CreatedRoom;

beforeAll(async () => {
  server = await startRoomServer({ dataDir: tmp.dir, viewWorker: false, joinRate: false });
  enRoom = await createRoom(server.url, server.hostToken, TWO_TEAMS_ROLES);
  zhRoom = await createRoom(server.url, server.hostToken, { ...TWO_TEAMS_ROLES, lang: 'zh-CN' });
});
afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

/** A raw request (no client library tidying the address or the body), its status and parsed answer. */
function send(
  path: string,
  o: { method?: string; type?: string; body?: string; lang?: string } = {},
): Promise<{ status: number; body: ApiError }> {
  const u = new URL(server.url);
  return new Promise((ok, fail) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path,
        method: o.method ?? 'POST',
        headers: {
          ...(o.type ? { 'content-type': o.type } : {}),
          ...(o.lang ? { 'accept-language': o.lang } : {}),
          ...(o.body !== undefined ? { 'content-length': Buffer.byteLength(o.body) } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => {
          try {
            ok({ status: res.statusCode ?? 0, body: JSON.parse(text) as ApiError });
          } catch {
            fail(new Error(`not JSON (${res.statusCode}): ${text}`));
          }
        });
      },
    );
    req.on('error', fail);
    req.end(o.body);
  });
}

const CJK = /[\u4e00-\u9fff]/;
/** Chinese, with no English words beyond the technical names it quotes (JSON, Content-Type, KB, HTTP). */
function chinese(reason: string): void {
  expect(reason).toMatch(CJK);
  const words = reason.replace(/JSON|Content-Type|Content-Length|application\/json|__proto__|KB|HTTP/g, '');
  expect(words, reason).not.toMatch(/[A-Za-z]{2,}/);
}
function english(reason: string): void {
  expect(reason).not.toMatch(CJK);
  expect(reason).toMatch(/nothing was changed|check the link/);
}

const cases: [
  string,
  () => { path: string; type?: string; body?: string; method?: string },
  number,
  string,
][] = [
  [
    'a body that is not JSON',
    () => ({ path: `/api/join/${enRoom.room.code}`, type: 'application/json', body: '{"team":"Red","ro' }),
    400,
    'invalid',
  ],
  [
    'a body with __proto__',
    () => ({
      path: `/api/join/${enRoom.room.code}`,
      type: 'application/json',
      body: '{"team":"Red","roles":[],"name":"x","__proto__":{"a":1}}',
    }),
    400,
    'invalid',
  ],
  [
    'an empty JSON body',
    () => ({ path: `/api/join/${enRoom.room.code}`, type: 'application/json', body: '' }),
    400,
    'invalid',
  ],
  [
    'a body of another type',
    () => ({ path: `/api/join/${enRoom.room.code}`, type: 'text/xml', body: '<join/>' }),
    415,
    'invalid',
  ],
  [
    'a body over the limit',
    () => ({
      path: `/api/join/${enRoom.room.code}`,
      type: 'application/json',
      body: JSON.stringify({ team: 'Red', roles: [], name: 'x'.repeat(70_000) }),
    }),
    413,
    'too-large',
  ],
  ['an address that does not decode', () => ({ path: '/api/join/%E0%A4%A', method: 'GET' }), 400, 'invalid'],
  [
    'an address with nothing behind it',
    () => ({ path: '/api/nothing-here', method: 'GET' }),
    404,
    'not-found',
  ],
];

describe('framework refusals in the API error shape and the page language', () => {
  it.each(cases)('%s: English and Chinese, nothing joined', async (_what, make, status, error) => {
    const members = server.store.members(enRoom.room.id).length;
    const en = await send(make().path, { ...make(), lang: 'en-GB,en;q=0.9' });
    expect(en.status).toBe(status);
    expect(en.body.error).toBe(error);
    english(en.body.reason);
    const zh = await send(make().path, { ...make(), lang: 'zh-CN,zh;q=0.9' });
    expect(zh.status).toBe(status);
    expect(zh.body.error).toBe(error);
    chinese(zh.body.reason);
    expect(zh.body.reason).not.toBe(en.body.reason);
    expect(server.store.members(enRoom.room.id)).toHaveLength(members);
  });

  it('says the limit of a body over it', async () => {
    const big = JSON.stringify({ team: 'Red', roles: [], name: 'x'.repeat(70_000) });
    const r = await send(`/api/join/${enRoom.room.code}`, {
      type: 'application/json',
      body: big,
      lang: 'en',
    });
    expect(r.body.reason).toContain('64 KB');
  });

  it('without Accept-Language, answers in the language of the room the address names', async () => {
    const path = (c: CreatedRoom): string => `/api/join/${c.room.code}`;
    const zh = await send(path(zhRoom), { type: 'application/json', body: 'nope' });
    expect(zh.status).toBe(400);
    chinese(zh.body.reason);
    const en = await send(path(enRoom), { type: 'application/json', body: 'nope' });
    english(en.body.reason);
    expect(server.store.members(zhRoom.room.id)).toHaveLength(0);
  });
});

describe("the API's own refusals a participant or trainer meets, in the page language", () => {
  const join = (body: unknown): { path: string; type: string; body: string } => ({
    path: `/api/join/${enRoom.room.code}`,
    type: 'application/json',
    body: JSON.stringify(body),
  });
  const refusals: [
    string,
    () => { path: string; type?: string; body?: string; method?: string },
    number,
    string,
  ][] = [
    [
      'a team the room does not have',
      () => join({ team: 'Green', roles: [], name: 'Li' }),
      400,
      'unknown-team',
    ],
    [
      'a seat the team does not hold',
      () => join({ team: 'Blue', roles: ['commander'], name: 'Li' }),
      400,
      'not-your-seat',
    ],
    [
      'a name of control characters',
      () => join({ team: 'Red', roles: [], name: '\u202e\u0007' }),
      400,
      'invalid',
    ],
    ['no name', () => join({ team: 'Red', roles: [] }), 400, 'invalid'],
    ['a code no open room has', () => ({ path: '/api/join/ZZZZZZ', method: 'GET' }), 404, 'not-found'],
    ['no token', () => ({ path: '/api/rooms', method: 'GET' }), 401, 'unauthorised'],
    ['a QR code of no room', () => ({ path: '/api/rooms/nope/qr.svg', method: 'GET' }), 404, 'not-found'],
  ];
  it.each(refusals)('%s', async (_what, make, status, error) => {
    const members = server.store.members(enRoom.room.id).length;
    const en = await send(make().path, { ...make(), lang: 'en' });
    expect(en).toMatchObject({ status, body: { error } });
    expect(en.body.reason).not.toMatch(CJK);
    const zh = await send(make().path, { ...make(), lang: 'zh-CN' });
    expect(zh).toMatchObject({ status, body: { error } });
    expect(zh.body.reason).toMatch(CJK);
    // Only the names the request itself gave (a team, a seat) may appear in Latin letters.
    expect(zh.body.reason.replace(/Green|Blue|commander/g, ''), zh.body.reason).not.toMatch(/[A-Za-z]{2,}/);
    expect(server.store.members(enRoom.room.id)).toHaveLength(members);
  });
});
