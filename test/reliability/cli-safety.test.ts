import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { autoplay, parseTranscript, verify, type Transcript } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { drillInProcess, type DrillResult } from '../../cli/src/testing/drill-in-process.ts';

/**
 * The campaign of issue 12 against the real `drill` command: data it must never lose, writes it must
 * never pass off as done, mistakes that must end in one clear line. What depends on the process runs the
 * bundle as a process of its own (`spawned`): a file-size limit (`ulimit -f`), the locale and time zone
 * it starts in, a stdin that is not a terminal, EPIPE. The other cases run the same command line in this
 * process (`drill`: drillInProcess — the command's exit code, stdout, stderr and files, its environment
 * and working directory as the process would have them), without a ~0.5 s process start each.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'cli', 'bin', 'drill.mjs');
const T = { timeout: 240_000 };

let dir: string;
let home: string;
const typhoon = loadScenario('typhoon');

function env(extra: Record<string, string> = {}): Record<string, string> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !['NO_COLOR', 'FORCE_COLOR', 'INIT_CWD'].includes(k)),
  ) as Record<string, string>;
  return { ...base, LANG: 'C', DRILL_HOME: home, ...extra };
}

/** Runs `drill ARGS` as a process (stdin is not a terminal); `limitKb` runs it under `ulimit -f`. */
function spawned(args: string[], o: { env?: Record<string, string>; limitKb?: number } = {}): DrillResult {
  const r =
    o.limitKb === undefined
      ? spawnSync(process.execPath, [BIN, ...args], {
          cwd: dir,
          env: env(o.env),
          encoding: 'utf8',
          timeout: 120_000,
          input: '',
        })
      : spawnSync('bash', ['-c', `ulimit -f ${o.limitKb}; exec "$0" "$@"`, process.execPath, BIN, ...args], {
          cwd: dir,
          env: env(o.env),
          encoding: 'utf8',
          timeout: 120_000,
          input: '',
        });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** `drill ARGS` in this process, in the same environment and folder as `spawned`. */
const drill = (args: string[]): Promise<DrillResult> => drillInProcess(args, { env: env(), cwd: dir });

/** Whole typhoon drills by seed, played once each: the journals below are their beginnings. */
const played = new Map<number, Transcript>();

/** A journal of the first `n` inputs of a typhoon drill (as the terminal drill writes it). */
function journalText(n: number, seed = 4): string {
  let t = played.get(seed);
  if (!t) {
    t = autoplay(typhoon, { seed, policy: 'random', startedAt: '2026-01-01T00:00:00.000Z' }).transcript();
    played.set(seed, t);
  }
  return [{ header: t.header }, ...t.entries.slice(0, n)].map((l) => `${JSON.stringify(l)}\n`).join('');
}

let finished: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'drill-safety-'));
  home = join(dir, 'home');
  mkdirSync(home);
  finished = join(dir, 'finished.json');
  const r = await drill(['run', 'typhoon', '--auto', 'best', '--seed', '3', '--out', finished]);
  expect(r.code, r.err).toBe(0);
}, 240_000);

describe('resume never writes to what it has not recognised as a journal', () => {
  it('a finished transcript (.json) is refused and left byte for byte', T, async () => {
    const before = readFileSync(finished);
    const r = await drill(['resume', finished, '--auto', 'best']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `drill: ${finished} is a transcript, not a journal: resume continues the journal (.jsonl) kept beside it, and leaves this file untouched\n`,
    );
    expect(readFileSync(finished).equals(before)).toBe(true);
  });
  it(
    'an unfinished transcript (one line, no newline, as the web app saves it) piped in stays whole',
    T,
    async () => {
      const t = JSON.parse(readFileSync(finished, 'utf8')) as Transcript;
      delete t.result;
      const f = join(dir, 'unfinished.json');
      writeFileSync(f, JSON.stringify(t));
      const before = readFileSync(f);
      const r = await drill(['resume', f]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('is a transcript, not a journal');
      expect(readFileSync(f).equals(before)).toBe(true);
    },
  );
  it('an unfinished journal piped in without a terminal is refused before anything is written', T, () => {
    const j = join(dir, 'piped.jsonl');
    writeFileSync(j, journalText(6));
    const before = readFileSync(j);
    const r = spawned(['resume', j]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('stdin is not a terminal');
    expect(readFileSync(j).equals(before)).toBe(true);
  });
});

describe('journals', () => {
  it('a last line without its newline is kept, and the journal can be resumed again', T, async () => {
    const j = join(dir, 'nonl.jsonl');
    const text = journalText(8);
    writeFileSync(j, text.slice(0, -1));
    const r = await drill(['resume', j, '--auto', 'best']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('8 inputs replayed');
    const p = parseTranscript(readFileSync(j, 'utf8'));
    expect(p.ok && p.dropped).toBe(undefined);
    if (!p.ok) return;
    expect(p.transcript.entries.length).toBeGreaterThan(8);
    expect(p.transcript.result).toBeDefined();
    expect(verify(typhoon, p.transcript)).toMatchObject({ ok: true, complete: true });
  });
  it(
    'a second process is refused while the first holds the journal; a dead holder’s lock is taken over',
    T,
    async () => {
      const j = join(dir, 'locked.jsonl');
      writeFileSync(j, journalText(5));
      const holder = spawn('sleep', ['60']);
      try {
        writeFileSync(`${j}.lock`, `${holder.pid}\n`);
        const r = await drill(['resume', j, '--auto', 'best']);
        expect(r.code).toBe(2);
        expect(r.err).toContain(`this journal is open in process ${holder.pid}`);
      } finally {
        holder.kill();
      }
      await new Promise((res) => holder.once('exit', res));
      const r = await drill(['resume', j, '--auto', 'best']);
      expect(r.code, r.err).toBe(0);
      expect(existsSync(`${j}.lock`)).toBe(false);
    },
  );
});

describe('writes under a file-size limit (ulimit -f)', () => {
  it('run --out: an error naming the path, and the good file it would have replaced is kept', T, () => {
    const out = join(dir, 'limited.json');
    writeFileSync(out, readFileSync(finished));
    const r = spawned(['run', 'typhoon', '--auto', 'random', '--seed', '9', '--out', out], { limitKb: 8 });
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `drill: could not write ${out}: the file is too large (a file-size limit is in force) (EFBIG) — nothing was replaced\n`,
    );
    expect(r.out).not.toContain('transcript:');
    expect(readFileSync(out).equals(readFileSync(finished))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
  it('override -o and report -o: the same error, and no file is left behind', T, () => {
    const out = join(dir, 'amended.json');
    const cap = typhoon.capabilities[0]!.id;
    const args = ['override', finished, '--capability', cap, '--rating', 'P', '--note', 'n', '-o', out];
    const r = spawned(args, { limitKb: 4 });
    expect(r.err).toBe(
      `drill: could not write ${out}: the file is too large (a file-size limit is in force) (EFBIG) — nothing was replaced\n`,
    );
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    const html = join(dir, 'limited.html');
    const h = spawned(['report', finished, '--format', 'html', '-o', html], { limitKb: 4 });
    expect(h.err).toBe(
      `drill: could not write ${html}: the file is too large (a file-size limit is in force) (EFBIG) — nothing was replaced\n`,
    );
    expect(h.code).toBe(2);
    expect(existsSync(html)).toBe(false);
  });
  it(
    'resume --auto: the failed journal write is an error, and the journal still reads and verifies',
    T,
    () => {
      const j = join(dir, 'limited.jsonl');
      const text = journalText(4);
      writeFileSync(j, text);
      const kb = Math.ceil((statSync(j).size + 3000) / 1024);
      const r = spawned(['resume', j, '--auto', 'best'], { limitKb: kb });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        new RegExp(
          `^drill: the journal could not be written \\(not saved: ${j.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the file is too large`,
        ),
      );
      expect(r.out).not.toContain('transcript:');
      const p = parseTranscript(readFileSync(j, 'utf8'));
      expect(p.ok).toBe(true);
      if (!p.ok) return;
      expect(p.dropped).toBe(undefined); // the short line was cut back off
      expect(p.transcript.entries.length).toBeGreaterThanOrEqual(4);
      expect(verify(typhoon, p.transcript).ok).toBe(true);
    },
  );
});

describe('verify', () => {
  const settings: Record<string, string>[] = [
    { LANG: 'lt_LT.UTF-8', LC_ALL: 'lt_LT.UTF-8' },
    { LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
    { TZ: 'Pacific/Kiritimati' },
    { LANG: 'zh_CN.UTF-8', TZ: 'Asia/Shanghai' },
  ];
  it('gives the same hashes and verdict under every locale and time zone', T, () => {
    const made = settings.map((s, i) => {
      const out = join(dir, `locale-${i}.json`);
      const r = spawned(['run', 'rainstorm', '--auto', 'random', '--seed', '12', '--out', out], { env: s });
      expect(r.code, r.err).toBe(0);
      return out;
    });
    // The header differs (its wall-clock start); the drill itself must not.
    const results = made.map((f) => {
      const r = (JSON.parse(readFileSync(f, 'utf8')) as Transcript).result!;
      return JSON.stringify([r.finalStateHash, r.score]);
    });
    expect(new Set(results).size).toBe(1);
    settings.forEach((s, i) => {
      const r = spawned(['verify', made[(i + 1) % made.length]!], { env: s });
      expect(r.code, `${JSON.stringify(s)}: ${r.out}${r.err}`).toBe(0);
      expect(r.out).toMatch(/^OK: /);
      // No key exists yet (`keys init` comes below): verify says the transcript is unsigned.
      expect(r.out).toContain(s.LANG?.startsWith('zh') ? '；未签名' : '; unsigned');
    });
  });
  it('says UNFINISHED in its first line and exits 3 for a transcript without its result', T, async () => {
    const t = JSON.parse(readFileSync(finished, 'utf8')) as Transcript;
    delete t.result;
    t.entries = t.entries.slice(0, 10);
    const f = join(dir, 'cut.json');
    writeFileSync(f, JSON.stringify(t));
    const r = await drill(['verify', f]);
    expect(r.code).toBe(3);
    expect(r.out.split('\n')[0]).toMatch(/^UNFINISHED: .* is an unfinished drill \(no result\)/);
  });
  it('signs with the key made by `keys init` and checks it with --key', T, async () => {
    const k = await drill(['keys', 'init']);
    expect(k.code, k.err).toBe(0);
    const secret = join(home, 'keys', 'signing.key');
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    const pub = join(home, 'keys', 'signing.pub');
    const out = join(dir, 'signed.json');
    expect((await drill(['run', 'flood', '--auto', 'best', '--seed', '2', '--out', out])).code).toBe(0);
    const ok = await drill(['verify', out, '--key', pub]);
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(ok.out).toContain('signed by the trusted key');
    const other = 'ab'.repeat(32);
    const bad = await drill(['verify', out, '--key', other]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('not by the trusted key');
    const unsigned = await drill(['verify', finished, '--key', pub]);
    expect(unsigned.code).toBe(1);
    // (An unsigned transcript verified without --key says `; unsigned`: checked by the locale test above.)
  });
});

describe('CLI mistakes end in one clear line', () => {
  const cases: { name: string; args: () => string[]; code: number; err: () => string | RegExp }[] = [
    {
      name: '--out at a folder',
      args: () => ['run', 'typhoon', '--auto', 'best', '--seed', '1', '--out', dir],
      code: 2,
      err: () => `drill: cannot write ${dir}: it is a folder — give a file name inside it\n`,
    },
    {
      name: 'override -o at a folder',
      args: () => [
        'override',
        finished,
        ...['--capability', typhoon.capabilities[0]!.id, '--rating', 'P', '--note', 'n', '-o', dir],
      ],
      code: 2,
      err: () => `drill: cannot write ${dir}: it is a folder — give a file name inside it\n`,
    },
    {
      name: 'resume --answers with a missing file',
      args: () => {
        const j = join(dir, 'answers-missing.jsonl');
        writeFileSync(j, journalText(3));
        return ['resume', j, '--answers', join(dir, 'nope.yaml')];
      },
      code: 2,
      err: () =>
        `drill: cannot read the answers file ${join(dir, 'nope.yaml')}: no such file or folder (ENOENT)\n`,
    },
    {
      name: '--answers with --auto',
      args: () => ['run', 'typhoon', '--auto', 'best', '--answers', 'a.yaml'],
      code: 2,
      err: () => 'drill: --auto and --answers both play the decisions: choose one\n',
    },
    {
      name: 'an answers file naming an unknown decision',
      args: () => {
        writeFileSync(join(dir, 'unknown.yaml'), 'decisions:\n  no_such_decision: { option: x }\n');
        return ['run', 'typhoon', '--answers', join(dir, 'unknown.yaml'), '--seed', '1'];
      },
      code: 2,
      err: () =>
        /^drill: .*unknown\.yaml: decisions\.no_such_decision: scenario `typhoon` has no decision `no_such_decision`/,
    },
    {
      name: 'an answers time outside the clock',
      args: () => {
        const id = typhoon.decisions[0]!.id;
        writeFileSync(join(dir, 'late.yaml'), `decisions:\n  ${id}: { option: x, at: "T+900h" }\n`);
        return ['run', 'typhoon', '--answers', join(dir, 'late.yaml'), '--seed', '1'];
      },
      code: 2,
      err: () => /is outside the scenario clock \(T-72h to T\+48h\)\n$/,
    },
    {
      name: 'verify a folder',
      args: () => ['verify', dir],
      code: 2,
      err: () => `drill: cannot read ${dir}: it is a folder, not a file (EISDIR)\n`,
    },
    {
      name: 'a transcript with a null score',
      args: () => {
        const t = JSON.parse(readFileSync(finished, 'utf8')) as Transcript;
        (t.result!.score as unknown as { overall: null }).overall = null;
        writeFileSync(join(dir, 'null.json'), JSON.stringify(t));
        return ['verify', join(dir, 'null.json')];
      },
      code: 2,
      err: () => /^drill: .*null\.json: malformed transcript: result\.score\.overall: /,
    },
    {
      name: 'a key renamed in participants',
      args: () => {
        const text = readFileSync(finished, 'utf8').replace('"participants"', '"participantz"');
        writeFileSync(join(dir, 'renamed.json'), text);
        return ['verify', join(dir, 'renamed.json')];
      },
      code: 2,
      err: () =>
        /malformed transcript: header\.participants: Invalid input: expected array, received undefined\n$/,
    },
    {
      name: 'verify --key that is not a key',
      args: () => ['verify', finished, '--key', 'not-a-key'],
      code: 2,
      err: () =>
        /^drill: --key takes a public key \(64 hex digits\) or a file holding one; cannot read not-a-key/,
    },
  ];
  for (const c of cases)
    it(c.name, T, async () => {
      const r = await drill(c.args());
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
      const want = c.err();
      if (typeof want === 'string') expect(r.err).toBe(want);
      else expect(r.err).toMatch(want);
      expect(r.code).toBe(c.code);
    });

  it('a history file with a null score is skipped, not a crash', T, async () => {
    const h = join(home, 'history');
    mkdirSync(h, { recursive: true });
    const t = JSON.parse(readFileSync(finished, 'utf8')) as Transcript;
    (t.result!.score as unknown as { overall: null }).overall = null;
    writeFileSync(join(h, 'broken.json'), JSON.stringify(t));
    const r = await drill(['history']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('EPIPE when the reader stops early: quiet, exit 0', T, () => {
    const r = spawnSync(
      'bash',
      [
        '-c',
        `"$0" "$1" schema | head -c 100 >/dev/null; echo "status \${PIPESTATUS[0]}"`,
        process.execPath,
        BIN,
      ],
      {
        cwd: dir,
        env: env(),
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('status 0\n');
  });
});
