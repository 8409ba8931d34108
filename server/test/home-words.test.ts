// `drill serve` refused by its data folder says why in the user's language: in Chinese mode no English
// word reaches the user (paths, the URL and the system's error code aside).
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HomeLock,
  HomeLockedError,
  HomeUnwritableError,
  homeLockedText,
  homeUnwritableText,
  roomsDbHeld,
} from '../src/home.ts';

/** What is left of a Chinese message once its paths, URL and codes are taken out: no English words. */
function englishIn(text: string, ...verbatim: string[]): string[] {
  let rest = text;
  for (const v of verbatim) rest = rest.split(v).join('');
  return (rest.replace(/DRILL_HOME|drill/g, '').match(/[A-Za-z]{2,}/g) ?? []).filter(
    (w) => !/^(E[A-Z]+|SQLITE_[A-Z]+)$/.test(w),
  );
}

/** What taking `dir`'s lock throws; undefined (and the lock let go) when it is taken. */
function refusalOf(dir: string): unknown {
  try {
    HomeLock.take(dir).release();
    return undefined;
  } catch (e) {
    return e;
  }
}

describe('the data folder refuses a server: the reason in English and Chinese', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drill-home-words-'));

  it('a second server on a held folder, whoever holds it and however it is known', () => {
    const first = HomeLock.take(dir);
    const refused = refusalOf(dir);
    first.release();
    expect(refused).toBeInstanceOf(HomeLockedError);
    const cases: HomeLockedError[] = [
      refused as HomeLockedError,
      new HomeLockedError(dir, { pid: 4242, port: 8080, url: 'http://127.0.0.1:8080/' }),
      new HomeLockedError(dir, undefined),
      roomsDbHeld(dir, join(dir, 'rooms.db')),
      new HomeLockedError(dir, undefined, { kind: 'db-held', pid: 77, file: join(dir, 'rooms.db') }),
      new HomeLockedError(dir, undefined, { kind: 'files-removed' }),
      new HomeLockedError(dir, undefined, { kind: 'being-written', pid: undefined, file: join(dir, 'x.db') }),
      new HomeLockedError(dir, undefined, { kind: 'being-written', pid: 9, file: join(dir, 'x.db') }),
    ];
    for (const e of cases) {
      const en = homeLockedText(e, 'en');
      const zh = homeLockedText(e, 'zh-CN');
      expect(e.message).toBe(en);
      expect(en).toContain(`another drill server is using ${dir}`);
      expect(zh).toContain(`另一个 drill 服务正在使用 ${dir}`);
      const file = e.heldBy && 'file' in e.heldBy ? [e.heldBy.file] : [];
      expect(englishIn(zh, ...file, dir, 'http://127.0.0.1:8080/')).toEqual([]);
      // The process and port that hold it are named in both languages.
      if (e.owner?.port) expect(zh).toContain(`端口 ${e.owner.port}`);
      const pid = e.owner?.pid ?? (e.heldBy && 'pid' in e.heldBy ? e.heldBy.pid : undefined);
      if (pid !== undefined) expect(zh).toContain(`进程 ${pid}`);
    }
  });

  it('a folder the lock file cannot be written in: full, not allowed, or something else', () => {
    const ro = mkdtempSync(join(tmpdir(), 'drill-home-ro-'));
    writeFileSync(join(ro, 'server-lock.db'), '');
    chmodSync(join(ro, 'server-lock.db'), 0o444);
    chmodSync(ro, 0o555);
    const real = refusalOf(ro);
    chmodSync(ro, 0o755);
    // As root the folder is still writable: then only the made-up causes below are checked.
    const cases: HomeUnwritableError[] = [
      ...(real instanceof HomeUnwritableError ? [real] : []),
      new HomeUnwritableError(join(dir, 'server-lock.db'), Object.assign(new Error('x'), { code: 'ENOSPC' })),
      new HomeUnwritableError(join(dir, 'server-lock.db'), Object.assign(new Error('x'), { code: 'EROFS' })),
      new HomeUnwritableError(
        join(dir, 'server-lock.db'),
        Object.assign(new Error('input/output error'), { code: 'EIO' }),
      ),
    ];
    const reasons = cases.map((e) => e.reason);
    expect(reasons.slice(-3)).toEqual(['full', 'denied', 'other']);
    for (const e of cases) {
      const en = homeUnwritableText(e, 'en');
      const zh = homeUnwritableText(e, 'zh-CN');
      expect(e.message).toBe(en);
      expect(en).toContain(`cannot write the server's lock file ${e.lockFile}`);
      expect(zh).toContain(`无法写入服务的锁文件 ${e.lockFile}`);
      if (e.errno) expect(zh).toContain(e.errno);
      expect(englishIn(zh, e.lockFile)).toEqual([]);
    }
    expect(homeUnwritableText(cases.at(-1)!, 'en')).toContain('input/output error (EIO)');
  });
});
