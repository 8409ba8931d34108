import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autoplay, localize, Session, soloParticipant } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { Journal } from '../journal.ts';
import { fixtureScenario } from '../tui/test-kit.ts';
import { textWidth } from '../tui/layout.ts';
import { formatHistory, readHistory } from './history.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('practice history', () => {
  it('lists finished runs oldest first with score and ratings, and each capability’s trend', () => {
    dir = mkdtempSync(join(tmpdir(), 'history-'));
    const sc = fixtureScenario();
    const runs = [
      ['2026-01-01T09:00:00.000Z', 'worst'],
      ['2026-01-02T09:00:00.000Z', 'best'],
    ] as const;
    for (const [startedAt, policy] of runs) {
      const t = autoplay(sc, { seed: '1', policy, startedAt }).transcript();
      writeFileSync(join(dir, `${startedAt.replace(/[:.]/g, '-')}_short.json`), JSON.stringify(t));
    }
    const h = readHistory(dir);
    expect(h.runs.map((r) => r.startedAt)).toEqual(runs.map((r) => r[0]));
    expect(h.runs[0]!.ratings.protective_actions).toBe('U');
    expect(h.runs[1]!.ratings.protective_actions).toBe('P');
    expect(h.trends.short!.protective_actions).toEqual(['U', 'P']);
    const text = formatHistory(h, 'en');
    // One column per attempt, aligned under the attempt numbers.
    expect(text).toMatch(/\n {46}1  2\n/);
    expect(text).toMatch(/Protective actions & evacuation +U  P\n/);
    expect(text).toContain('short (2 attempts)');
    expect(text).toMatch(/automatic/); // autoplay runs are marked as such
    expect(text).toContain('PA:P');
    const zh = formatHistory(h, 'zh-CN');
    expect(zh).toMatch(/防护行动与转移避险\s+U  P/);
    expect(zh).toContain('  short（2次）');
    // Chinese column labels, from the capability's Chinese name, explained below the table.
    expect(zh).toContain('防护:P');
    expect(zh).toContain('防护 = 防护行动与转移避险');
    expect(zh).not.toContain('PA');
    // The columns line up in terminal columns (a Chinese character takes two): the header's 得分 ends
    // where each row's score does.
    const [head, row] = zh.split('\n').slice(2, 4) as [string, string];
    const colsTo = (line: string, s: string): number => textWidth(line.slice(0, line.indexOf(s) + s.length));
    expect(colsTo(head, '得分')).toBe(colsTo(row, h.runs[0]!.score.toFixed(1)));
    const colsBefore = (line: string, s: string): number => textWidth(line.slice(0, line.indexOf(s)));
    expect(colsBefore(head, '能力评定')).toBe(colsBefore(row, '防护:'));
  });

  it('names a capability the scenario adds by the scenario’s own name, in both languages', () => {
    dir = mkdtempSync(join(tmpdir(), 'history-'));
    const flood = loadScenario('flood');
    const t = autoplay(flood, {
      seed: '2',
      policy: 'best',
      startedAt: '2026-03-01T09:00:00.000Z',
    }).transcript();
    writeFileSync(join(dir, '2026-03-01_flood.json'), JSON.stringify(t));
    const h = readHistory(dir);
    expect(h.trends.flood!.flood_works).toEqual(['P']);
    expect(formatHistory(h, 'en')).toMatch(/Reservoir operation & dike defence +P\n/);
    expect(formatHistory(h, 'zh-CN')).toMatch(/水库调度与堤防抢险\s+P/);
    // The role played, by the scenario's own name for it in each language.
    const role = flood.roles.find((r) => r.id === h.runs[0]!.role);
    if (role) {
      expect(formatHistory(h, 'zh-CN')).toContain(localize(role.name, 'zh-CN'));
      expect(formatHistory(h, 'en')).toContain(localize(role.name, 'en'));
    }
    expect(formatHistory(h, 'en')).not.toMatch(/\bflood_works\b/);
  });

  it('shows unfinished journals with the command that resumes them, and skips unreadable files', () => {
    dir = mkdtempSync(join(tmpdir(), 'history-'));
    mkdirSync(dir, { recursive: true });
    const s = Session.start(fixtureScenario(), {
      seed: '3',
      participants: [soloParticipant()],
      startedAt: '2026-02-01T10:00:00.000Z',
    });
    if ('error' in s) throw new Error(s.error);
    const j = Journal.create(join(dir, 'open.jsonl'), s.header);
    j.append(s.apply({ type: 'start' }).entry!);
    j.close();
    writeFileSync(join(dir, 'broken.json'), '{ not json');
    const h = readHistory(dir);
    expect(h.runs).toEqual([]);
    expect(h.unfinished).toMatchObject([{ scenario: 'short', inputs: 1 }]);
    expect(formatHistory(h, 'en')).toContain(`1 input: pnpm drill resume ${join(dir, 'open.jsonl')}`);
  });
});
