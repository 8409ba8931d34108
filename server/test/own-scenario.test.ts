import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localize, verify, type Scenario, type Transcript } from '@drill/engine';
import { SCENARIO_DIR } from '@drill/scenarios';
import { startRoomServer, type RoomServer } from '../src/app.ts';
import { compileOwnScenario } from '../src/ownScenario.ts';
import type { RoomClient } from '../src/client.ts';
import {
  MAX_SCENARIO_BYTES,
  scenarioSourcePath,
  transcriptPath,
  type ApiError,
  type CreatedRoom,
  type CreateRoom,
  type JoinInfo,
  type ScenarioSource,
} from '../src/protocol.ts';
import {
  answerOpen,
  api,
  connect,
  createRoom,
  join as joinRoom,
  latestView,
  settled,
  tempDir,
} from './kit.ts';
import { DRILL_PROCESS } from './fixtures/server-process.ts';

const repo = resolve(import.meta.dirname, '..', '..');
const tmp = tempDir();
let server: RoomServer;
const clients: RoomClient[] = [];

/**
 * The annotated example (13 KB, two files) as a trainer's own scenario: renamed files in a folder, a title
 * of their own. Nothing here is about size (the large typhoon is own-scenario-off-thread's and
 * scenario-compiler's): a compile of this takes a tenth of the typhoon's, on the server's thread, on its
 * restart and in `drill verify --scenario`.
 */
function ownDrill(): ScenarioSource {
  const read = (p: string): string => readFileSync(join(SCENARIO_DIR, 'examples', p), 'utf8');
  return {
    entry: 'county/drill.yaml',
    files: {
      'county/drill.yaml': read('annotated.yaml').replace(
        /^title: \{ en: .*, zh-CN: .* \}$/m,
        'title: { en: "Our county\'s rainstorm", zh-CN: "本县暴雨演练" }',
      ),
      'county/annotated-endings.yaml': read('annotated-endings.yaml'),
    },
  };
}

/** The same files as shipped (the example's own title): a scenario whose text differs from ownDrill's. */
const asShipped = (): Scenario => {
  const r = compileOwnScenario({
    entry: 'annotated.yaml',
    files: {
      'annotated.yaml': readFileSync(join(SCENARIO_DIR, 'examples', 'annotated.yaml'), 'utf8'),
      'annotated-endings.yaml': readFileSync(
        join(SCENARIO_DIR, 'examples', 'annotated-endings.yaml'),
        'utf8',
      ),
    },
  });
  if (!r.ok) throw new Error(r.reason);
  return r.scenario;
};

const setup = (scenario: CreateRoom['scenario']): CreateRoom => ({
  scenario,
  seed: 'own-1',
  lang: 'en',
  mode: 'roles',
  teams: [{ name: 'Red', roles: ['all'] }],
});

beforeAll(async () => {
  server = await startRoomServer({ dataDir: tmp.dir, port: 0 });
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
  tmp.cleanup();
});

describe("a room with the trainer's own scenario", () => {
  it('refuses a broken scenario with every diagnostic at its file:line:col, and creates nothing', async () => {
    const src = ownDrill();
    const broken: ScenarioSource = {
      entry: src.entry,
      files: {
        ...src.files,
        // An include that is not among the files, and an outcome measuring a variable that does not exist.
        'county/drill.yaml': src.files['county/drill.yaml']!.replace(
          'include: [annotated-endings.yaml]',
          'include: [annotated-endings.yaml, missing.yaml]',
        ),
        'county/annotated-endings.yaml': src.files['county/annotated-endings.yaml']!.replace(
          'value: relief',
          'value: nobody_here',
        ),
      },
    };
    const before = await api<unknown[]>(server.url, '/api/rooms', { token: server.hostToken });
    const r = await api<ApiError>(server.url, '/api/rooms', { token: server.hostToken, body: setup(broken) });
    expect(r.status).toBe(422);
    expect(r.body.error).toBe('scenario-invalid');
    const ds = r.body.diagnostics ?? [];
    expect(ds.length).toBeGreaterThanOrEqual(2);
    const files = new Set(ds.map((d) => d.file));
    expect(files.has('county/drill.yaml')).toBe(true);
    expect(files.has('county/annotated-endings.yaml')).toBe(true);
    for (const d of ds) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      // Each diagnostic is in the reason too, as file:line:col: severity: message.
      expect(r.body.reason).toContain(`${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`);
    }
    expect(ds.some((d) => /nobody_here/.test(d.message))).toBe(true);
    expect(ds.some((d) => /missing\.yaml/.test(d.message))).toBe(true);
    const after = await api<unknown[]>(server.url, '/api/rooms', { token: server.hostToken });
    expect(after.body.length).toBe(before.body.length);
  });

  it('refuses a source over the limits or whose entry is not among its files', async () => {
    const many: ScenarioSource = {
      entry: 'a.yaml',
      files: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [i ? `f${i}.yaml` : 'a.yaml', 'x: 1'])),
    };
    const big: ScenarioSource = { entry: 'a.yaml', files: { 'a.yaml': 'x'.repeat(MAX_SCENARIO_BYTES + 1) } };
    const noEntry: ScenarioSource = { entry: 'b.yaml', files: { 'a.yaml': 'x: 1' } };
    for (const s of [many, big, noEntry]) {
      const r = await api<ApiError>(server.url, '/api/rooms', { token: server.hostToken, body: setup(s) });
      expect(r.status, JSON.stringify(r.body).slice(0, 200)).toBe(400);
      expect(r.body.error).toBe('invalid');
    }
  });

  it("gives the scenario's files to the trainer, an evaluator and the host only; the join info carries its T0", async () => {
    const src = ownDrill();
    const room: CreatedRoom = await createRoom(server.url, server.hostToken, {
      ...setup(src),
      evaluators: 1,
    });
    const path = scenarioSourcePath(room.room.id);
    for (const token of [room.trainerToken, room.evaluatorTokens[0]!, server.hostToken]) {
      const r = await api<ScenarioSource>(server.url, path, { token });
      expect(r.status).toBe(200);
      expect(r.body).toEqual(src);
    }
    const member = await joinRoom(server.url, room.room.code, 'Red', 'Rae');
    for (const token of [member.token, room.room.code, room.projectorToken]) {
      const r = await api<ApiError>(server.url, path, { token });
      expect(r.status, token).toBe(401);
      expect(JSON.stringify(r.body)).not.toContain('county/drill.yaml');
    }
    // The code in the query string (as a link would carry it) opens nothing either.
    expect((await api(server.url, `${path}?token=${room.room.code}`)).status).toBe(401);
    // A phone without the files reads the scenario's T0 from the join info and the welcome, and so
    // shows the same clock text as the trainer's console.
    const t0 = asShipped().clock.t0;
    expect(t0).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    const info = await api<JoinInfo>(server.url, `/api/join/${room.room.code}`);
    expect(info.body.t0).toBe(t0);
    const c = await connect(server.url, member.token);
    clients.push(c);
    const welcome = c.frames.find((f) => f.t === 'welcome');
    expect(welcome?.t === 'welcome' ? welcome.room.t0 : undefined).toBe(t0);
  });

  it('plays it, resumes it after a restart from the source kept in the database, and its transcript verifies with drill verify --scenario', async () => {
    const src = ownDrill();
    const room: CreatedRoom = await createRoom(server.url, server.hostToken, setup(src));
    expect(localize(room.room.scenario.title, 'en')).toBe("Our county's rainstorm");
    const shipped = asShipped();
    expect(room.room.scenario.contentHash).not.toBe(shipped.contentHash);

    // The trainer's and evaluators' pages can fetch the files (scores, hidden outcomes, notes and all);
    // a participant, the projector and strangers cannot.
    const joined = await joinRoom(server.url, room.room.code, 'Red', 'Rae');
    const path = scenarioSourcePath(room.room.id);
    expect((await api<ScenarioSource>(server.url, path, { token: room.trainerToken })).body).toEqual(src);
    expect((await api<ScenarioSource>(server.url, path, { token: server.hostToken })).body).toEqual(src);
    expect((await api(server.url, path, { token: joined.token })).status).toBe(401);
    expect((await api(server.url, path)).status).toBe(401);
    expect((await api(server.url, path, { token: room.projectorToken })).status).toBe(401);

    let trainer = await connect(server.url, room.trainerToken);
    let member = await connect(server.url, joined.token);
    clients.push(trainer, member);
    const run = async (cmd: Parameters<RoomClient['command']>[0]): Promise<void> => {
      // The member's answers may land just before a clock command: this script means "whatever the
      // room holds now", so it looks at the newer view and sends the command again.
      const r = await trainer.command(cmd, { retryStale: 5 });
      expect(r.t, JSON.stringify(r)).toBe('ack');
      if (r.t === 'ack') await settled([trainer, member], r.seq);
    };
    await run({ type: 'start' });
    let decided = 0;
    // Two steps in (the example ends after a few more: the restart comes while it runs).
    for (let i = 0; i < 2; i++) {
      decided += await answerOpen([{ c: member, team: 'Red' }]);
      await run({ type: 'next' });
    }
    expect(decided).toBeGreaterThan(0);
    const seq = latestView(trainer).seq;

    // A restart: the room comes back from the database, its scenario compiled from the kept files.
    trainer.close();
    member.close();
    await server.close();
    server = await startRoomServer({ dataDir: tmp.dir, port: 0 });
    expect(server.unresumed).toEqual([]);
    trainer = await connect(server.url, room.trainerToken);
    member = await connect(server.url, (await joinRoom(server.url, room.room.code, 'Red', 'Rio')).token);
    clients.push(trainer, member);
    expect(latestView(trainer).seq).toBe(seq);
    decided += await answerOpen([{ c: member, team: 'Red' }]);
    await run({ type: 'next' });
    await run({ type: 'end' });
    expect(latestView(trainer).phase).toBe('debrief');

    const t = await api<Transcript>(server.url, transcriptPath(room.room.id, 0), {
      token: room.trainerToken,
    });
    expect(t.status).toBe(200);
    expect(t.body.result).toBeDefined();
    // The trainer's files on disk, as they would have them: drill verify --scenario holds …
    const dir = join(tmp.dir, 'own');
    for (const [p, text] of Object.entries(src.files)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), text);
    }
    const file = join(tmp.dir, 'own.json');
    writeFileSync(file, JSON.stringify(t.body));
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [...DRILL_PROCESS, 'verify', ...args], {
        cwd: repo,
        encoding: 'utf8',
      });
    const ok = cli([file, '--scenario', join(dir, src.entry)]);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^OK/);
    // … and the example as shipped, whose text differs (its title), does not pass for it.
    expect(verify(shipped, t.body).ok).toBe(false);
  });

  it("names seats and recorded options to a participant, who cannot fetch the scenario's files", async () => {
    const room: CreatedRoom = await createRoom(server.url, server.hostToken, setup(ownDrill()));
    // The public join info names every seat (the participant page reads its seat names there).
    const info = await api<JoinInfo>(server.url, `/api/join/${room.room.code}`);
    const seats = info.body.teams.flatMap((t) => t.roles);
    expect(seats.length).toBeGreaterThan(0);
    for (const r of seats) expect(localize(r.name, 'en')).not.toBe(r.id);

    const joined = await joinRoom(server.url, room.room.code, 'Red', 'Rae');
    const trainer = await connect(server.url, room.trainerToken);
    const member = await connect(server.url, joined.token);
    clients.push(trainer, member);
    const run = async (cmd: Parameters<RoomClient['command']>[0]): Promise<void> => {
      // The member's answers may land just before a clock command: this script means "whatever the
      // room holds now", so it looks at the newer view and sends the command again.
      const r = await trainer.command(cmd, { retryStale: 5 });
      expect(r.t, JSON.stringify(r)).toBe('ack');
      if (r.t === 'ack') await settled([trainer, member], r.seq);
    };
    await run({ type: 'start' });
    // The labels the member saw while each decision was open: its closed record names the same.
    const offered = new Map<string, Map<string, string>>();
    for (let i = 0; i < 6 && latestView(trainer).phase === 'running'; i++) {
      for (const lane of latestView(member).lanes)
        for (const d of lane.view.open)
          offered.set(d.decision, new Map(d.options.map((o) => [o.id, o.label])));
      await answerOpen([{ c: member, team: 'Red' }]);
      await run({ type: 'next' });
    }
    const closed = latestView(member).lanes.flatMap((l) => l.view.closed);
    const chosen = closed.filter((c) => c.options.length > 0 || c.allocation);
    expect(chosen.length).toBeGreaterThan(0);
    for (const c of chosen) {
      const ids = [...c.options, ...Object.keys(c.allocation ?? {})];
      for (const id of ids) {
        const label = c.labels?.[id];
        expect(label, `${c.decision}/${id}`).toBeDefined();
        expect(label).not.toBe(id);
        const seen = offered.get(c.decision)?.get(id);
        if (seen !== undefined) expect(label).toBe(seen);
      }
    }
  });
});
