import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTranscript, replay, verify, type Transcript } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { CLI_BUNDLE, FIXTURE, ROOT, tempDir, Tmux } from './tmux.ts';

const cli = CLI_BUNDLE;
let tmux: Tmux;
const dirs: { remove: () => void }[] = [];

afterEach(() => {
  tmux?.kill();
  for (const d of dirs.splice(0)) d.remove();
});

function workDir(): string {
  const d = tempDir('drill-e2e-');
  dirs.push(d);
  return d.dir;
}

/** Runs the CLI without a terminal (stdin a pipe), with a timeout so a hang fails the test. */
function runPiped(args: string[], env: Record<string, string> = {}) {
  const e: NodeJS.ProcessEnv = { ...process.env, ...env };
  delete e.CI;
  return spawnSync(process.execPath, [cli, ...args], {
    cwd: ROOT,
    env: e,
    input: '',
    encoding: 'utf8',
    timeout: 30_000,
  });
}

/**
 * `drill verify FILE --scenario FIXTURE`'s check, in this process: the transcript replays on the fixture
 * to every recorded state hash and its result. The first test runs the command itself (its verdict line
 * and exit code on what the terminal drill wrote); the others check their files this way, without a
 * `drill` process start (~0.5 s of CPU) each.
 */
function expectVerifies(path: string): void {
  const p = parseTranscript(readFileSync(path, 'utf8'));
  if (!p.ok) throw new Error(p.reason);
  expect(p.dropped).toBeUndefined();
  expect(verify(loadScenario(FIXTURE), p.transcript)).toMatchObject({ ok: true, complete: true });
}

function readJournal(path: string): Transcript {
  const p = parseTranscript(readFileSync(path, 'utf8'));
  if (!p.ok) throw new Error(p.reason);
  return p.transcript;
}

/** What the fixture's screens say, in each language. */
const SAYS = {
  en: {
    evacuate: 'Move the 500 people on Low Street?',
    rationale: 'Rationale (optional):',
    recorded: 'Decision recorded.',
    messages: 'Which messages go out?',
    routes: '[x] Publish safe routes',
    relief: 'Share 4 trucks of relief',
    allocated: 'Allocated 4 of 4 trucks',
    t0: 'T0 · 14:00',
    debrief: 'Debrief — Short test storm',
  },
  'zh-CN': {
    evacuate: '是否转移低街的500人？',
    rationale: '决策理由（可选）：',
    recorded: '决策已记录。',
    messages: '发布哪些信息？',
    routes: '[x] 发布安全路线',
    relief: '分配4车救灾物资',
    allocated: '已分配 4 / 4 trucks',
    t0: 'T0 · 14:00',
    debrief: '讲评 — 短时测试风暴',
  },
};

/** The fixture played with the keyboard from its first decision to the debrief. */
async function playToDebrief(
  t: Tmux,
  s: string,
  from: 'evacuate' | 'messages' | 'relief',
  lang: keyof typeof SAYS = 'en',
): Promise<void> {
  const say = SAYS[lang];
  if (from === 'evacuate') {
    await t.waitFor(s, say.evacuate);
    await t.press(s, ['1', 'Enter'], say.rationale);
    await t.type(s, 'move early');
    await t.press(s, ['Enter'], say.recorded);
    await t.press(s, ['n'], say.messages);
  }
  if (from !== 'relief') {
    await t.press(s, ['1', '2'], say.routes);
    await t.press(s, ['Enter', 'Enter'], say.recorded);
    await t.press(s, ['n'], say.relief);
  }
  await t.press(s, ['+', '+', '+', 'Down', '+'], say.allocated);
  await t.press(s, ['Enter', 'Enter'], say.recorded);
  await t.press(s, ['n'], say.t0);
  await t.press(s, ['n'], say.debrief);
}

describe('the terminal drill in a real terminal (tmux, 80×24)', () => {
  it('plays a whole short drill with the keyboard alone to the debrief, and the transcript verifies', async () => {
    tmux = new Tmux();
    const dir = workDir();
    const out = join(dir, 'run.json');
    const s = tmux.start([process.execPath, cli, 'run', FIXTURE, '--seed', '11', '--out', out], {
      DRILL_HOME: join(dir, 'home'),
    });
    await tmux.waitFor(s, 'Enter: start the drill');
    const first = await tmux.press(s, ['Enter'], 'Move the 500 people');
    const lines = first.split('\n');
    expect(lines.length).toBeLessThanOrEqual(25);
    expect(lines[0]).toMatch(/Short test storm\s+T-3h · 11:00 Tue/);
    expect(lines.every((l) => l.length <= 80)).toBe(true);
    expect(first).toContain('PRIORITY · Heavy rain in 3 hours · Weather office · phone');
    expect(first).toContain('n next event · h +1 hour · p pause · ? help · q quit');
    // It follows a resize.
    await tmux.resize(s, 100, 30);
    await tmux.waitFor(s, '─'.repeat(100));
    await tmux.resize(s, 80, 24);
    await tmux.waitFor(s, /^─{80}$/m);

    await playToDebrief(tmux, s, 'evacuate');
    const debrief = await tmux.screen(s);
    expect(debrief).toMatch(/Overall score: \d+\.\d\/100/);
    expect(debrief).toContain('Capabilities');
    await tmux.press(s, ['q'], '__EXIT__0');
    const after = await tmux.screen(s);
    expect(after).toContain(`transcript: ${out}`);
    expect(existsSync(join(dir, 'run.jsonl'))).toBe(true);
    const v = runPiped(['verify', out, '--scenario', FIXTURE]);
    expect(v.stdout).toContain('OK:');
    expect(v.status).toBe(0);
    const t = JSON.parse(readFileSync(out, 'utf8')) as Transcript;
    const chosen = t.entries.filter((e) => e.input.type === 'choose').map((e) => e.input);
    // The keys follow the order drawn for this drill: '1' is the first option shown, '+' the first target.
    const replayed = replay(loadScenario(FIXTURE), t);
    if (!replayed.ok) throw new Error(replayed.reason);
    const order = (id: string): string[] => replayed.state.decisions[id]!.order!;
    expect(chosen).toEqual([
      {
        type: 'choose',
        participant: 'p1',
        decision: 'evacuate',
        options: [order('evacuate')[0]],
        rationale: 'move early',
      },
      { type: 'choose', participant: 'p1', decision: 'messages', options: order('messages').slice(0, 2) },
      {
        type: 'choose',
        participant: 'p1',
        decision: 'relief',
        allocation: { [order('relief')[0]!]: 3, [order('relief')[1]!]: 1 },
      },
    ]);
    // The finished run is kept in the practice history too.
    const h = runPiped(['history', '--json'], { DRILL_HOME: join(dir, 'home') });
    expect(JSON.parse(h.stdout).runs).toHaveLength(1);
  });

  it('plays the whole drill in Chinese with the keyboard alone', async () => {
    tmux = new Tmux();
    const dir = workDir();
    const out = join(dir, 'zh.json');
    const s = tmux.start(
      [process.execPath, cli, 'run', FIXTURE, '--seed', '12', '--lang', 'zh-CN', '--out', out],
      { DRILL_HOME: join(dir, 'home') },
    );
    await tmux.waitFor(s, 'Enter：开始推演');
    const first = await tmux.press(s, ['Enter'], '是否转移低街的500人？');
    expect(first).toContain('T0前3小时 · 11:00 周二');
    expect(first).toContain('n 下一事件 · h 推进1小时 · p 暂停 · ? 帮助 · q 退出');
    await playToDebrief(tmux, s, 'evacuate', 'zh-CN');
    expect(await tmux.screen(s)).toMatch(/总分：\d+\.\d\/100/);
    await tmux.press(s, ['q'], '__EXIT__0');
    expectVerifies(out);
  });

  it('survives kill -9 mid-drill: resume continues from the same state hash, loses no decision, and verifies', async () => {
    tmux = new Tmux();
    const dir = workDir();
    const out = join(dir, 'run.json');
    const journal = join(dir, 'run.jsonl');
    const pidFile = join(dir, 'pid');
    const s = tmux.start(
      [process.execPath, cli, 'run', FIXTURE, '--seed', '5', '--out', out],
      { DRILL_HOME: join(dir, 'home') },
      { pidFile },
    );
    await tmux.waitFor(s, 'Enter: start the drill');
    await tmux.press(s, ['Enter'], 'Move the 500 people');
    await tmux.press(s, ['1', 'Enter', 'Enter'], 'Decision recorded.');
    await tmux.press(s, ['n'], 'Which messages go out?');
    await tmux.press(s, ['1', 'Enter', 'Enter'], 'Decision recorded.');

    process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGKILL');
    await tmux.waitFor(s, '__EXIT__137');
    const j = readJournal(journal);
    expect(j.result).toBeUndefined();
    const decided = j.entries
      .filter((e) => e.input.type === 'choose')
      .map((e) => (e.input as { decision: string }).decision);
    expect(decided).toEqual(['evacuate', 'messages']); // every decision the screen showed as recorded
    const lastHash = j.entries.at(-1)!.stateHash;

    const r = tmux.start([process.execPath, cli, 'resume', journal], { DRILL_HOME: join(dir, 'home') });
    // The resumed screen is the drill where it stopped: the messages decision is made, the clock at T-2h.
    await tmux.waitFor(r, 'T-2h · 12:00 Tue');
    await tmux.press(r, ['n'], 'Share 4 trucks of relief');
    await playToDebrief(tmux, r, 'relief');
    await tmux.press(r, ['q'], '__EXIT__0');
    const printed = await tmux.screen(r);
    expect(printed).toContain(`state ${lastHash} (matches the journal)`);

    expectVerifies(out);
    const t = JSON.parse(readFileSync(out, 'utf8')) as Transcript;
    expect(t.entries.slice(0, j.entries.length)).toEqual(j.entries); // nothing before the kill was lost or changed
    expect(
      t.entries
        .filter((e) => e.input.type === 'choose')
        .map((e) => (e.input as { decision: string }).decision),
    ).toEqual(['evacuate', 'messages', 'relief']);
    expect(readJournal(journal).result).toBeDefined();
  });

  it("resume shows a damaged journal's lines-left-out warning before the drill takes the screen", async () => {
    const dir = workDir();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(answers, 'decisions:\n  evacuate: { option: move_now }\n');
    const out = join(dir, 'a.json');
    runPiped(['run', FIXTURE, '--seed', '2', '--answers', answers, '--out', out], {
      DRILL_HOME: join(dir, 'home'),
    });
    const journal = join(dir, 'a.jsonl');
    // A journal of its first entries (header, then one entry a line), an unreadable line in the middle
    // and more lines after it: those are left out, and the drill goes on unfinished.
    const t = JSON.parse(readFileSync(out, 'utf8')) as Transcript;
    const lines = [{ header: t.header }, ...t.entries.slice(0, 4)].map((l) => JSON.stringify(l));
    lines[2] = '{"seq":2,garbage';
    writeFileSync(journal, `${lines.join('\n')}\n`);
    tmux = new Tmux();
    const r = tmux.start([process.execPath, cli, 'resume', journal, '--scenario', FIXTURE], {
      DRILL_HOME: join(dir, 'home'),
    });
    await tmux.waitFor(r, 'press Enter to continue the drill');
    expect(await tmux.screen(r)).toContain('are left out');
    // Enter: the drill itself, where the journal's readable entries left it.
    await tmux.press(r, ['Enter'], 'Short test storm', { lineMode: true });
    await tmux.press(r, ['q'], 'Quit the drill?');
    await tmux.press(r, ['y'], '__EXIT__0');
  });

  it('plays without a terminal from an answers file and writes a transcript that verifies', () => {
    const dir = workDir();
    const answers = join(dir, 'answers.yaml');
    writeFileSync(
      answers,
      'decisions:\n  evacuate: { option: move_now, rationale: "before the water" }\n  messages: { options: [facts] }\n  relief: { allocation: { shelter: 3, street: 1 } }\n',
    );
    const out = join(dir, 'a.json');
    const r = runPiped(['run', FIXTURE, '--seed', '2', '--answers', answers, '--out', out], {
      DRILL_HOME: join(dir, 'home'),
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expectVerifies(out);
  });

  it('without a terminal and without answers, exits 2 at once with a clear message instead of hanging', () => {
    const dir = workDir();
    const r = runPiped(['run', FIXTURE, '--seed', '2'], { DRILL_HOME: join(dir, 'home') });
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('stdin is not a terminal');
    expect(r.stderr).toContain('--answers FILE');
  });

  it('`drill` with no arguments and no terminal prints the help and a hint', () => {
    const r = runPiped([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: drill');
    expect(r.stdout).toContain('Not a terminal, so no menu');
  });
});
