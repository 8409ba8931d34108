import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO_DIR } from '@drill/scenarios';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import type { ApiError, CreateRoom, RoomSummary, ScenarioSource } from '../src/protocol.ts';
import { api, tempDir } from './kit.ts';

const tmp = tempDir();
let server: RoomServer;
beforeAll(async () => {
  server = await startRoomServer({ dataDir: tmp.dir, port: 0 });
});
afterAll(async () => {
  await server.close();
  tmp.cleanup();
});

// The annotated example (13 KB, a tenth of the typhoon's compile): the file names are the point, not size.
const read = (p: string): string => readFileSync(join(SCENARIO_DIR, 'examples', p), 'utf8');
const parts = (): Record<string, string> => ({ 'annotated-endings.yaml': read('annotated-endings.yaml') });
const setup = (scenario: ScenarioSource): CreateRoom => ({
  scenario,
  seed: 'hostile2',
  lang: 'en',
  mode: 'roles',
  teams: [{ name: 'Red', roles: ['all'] }],
});

describe('an own scenario whose files name one file twice', () => {
  it.each([
    ['./d.yaml', 'd.yaml'],
    ['x/../d.yaml', 'd.yaml'],
    ['d.yaml', '/d.yaml'],
  ])(
    'is refused naming both (%s and %s): the text played must not depend on the order of the keys',
    async (a, b) => {
      // Either order: a broken text and the real scenario under two names of the same path.
      for (const [first, second] of [
        [a, b],
        [b, a],
      ] as const) {
        const files = { [first]: read('annotated.yaml'), [second]: 'garbage: [', ...parts() };
        const r = await api<ApiError & { diagnostics: { code: string; file: string }[] }>(
          server.url,
          '/api/rooms',
          { token: server.hostToken, body: setup({ entry: 'd.yaml', files }) },
        );
        expect(r.status).toBe(422);
        expect(r.body.diagnostics.map((d) => d.code)).toEqual(['duplicate-file']);
        expect(r.body.reason).toContain(`\`${second}\` and \`${first}\` name the same file \`d.yaml\``);
      }
      const rooms = await api<RoomSummary[]>(server.url, '/api/rooms', { token: server.hostToken });
      expect(rooms.body).toEqual([]);
    },
  );

  it('still takes files that only look alike (case, a different folder)', async () => {
    const files = {
      'd.yaml': read('annotated.yaml'),
      'D.yaml': 'unused: 1\n',
      'x/d.yaml': 'x: 1\n',
      ...parts(),
    };
    const r = await api(server.url, '/api/rooms', {
      token: server.hostToken,
      body: setup({ entry: 'd.yaml', files }),
    });
    expect(r.status).toBe(201);
  });
});
