import { join } from 'node:path';
import { autoplay, scoreDrill } from '@drill/engine';
import { loadScenario, SCENARIO_DIR } from '@drill/scenarios';
import { describe, expect, it } from 'vitest';
import { coverageExitCode } from '../commands/test.ts';
import { aggregate, scoreStats } from './aggregate.ts';
import { chunk, planJobs } from './plan.ts';
import { playthrough } from './playthrough.ts';
import { progressBar, renderCoverage } from './render.ts';
import { runCoverage } from './run-coverage.ts';

const annotated = loadScenario(join(SCENARIO_DIR, 'examples/annotated.yaml'));

describe('coverage planning', () => {
  it('splits runs across random, best and worst with a seed per run', () => {
    const jobs = planJobs(7, 's');
    expect(jobs.map((j) => j.policy)).toEqual([
      'random',
      'best',
      'worst',
      'random',
      'best',
      'worst',
      'random',
    ]);
    expect(jobs.map((j) => j.seed)).toEqual(['s-0', 's-1', 's-2', 's-3', 's-4', 's-5', 's-6']);
  });
  it('chunks keep every job once, in order', () => {
    const parts = chunk([1, 2, 3, 4, 5], 2);
    expect(parts).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(chunk([1], 4)).toEqual([[1]]);
  });
  it('score statistics: min, median (even and odd), max, mean', () => {
    expect(scoreStats([3, 1, 2])).toEqual({ runs: 3, min: 1, median: 2, max: 3, mean: 2 });
    expect(scoreStats([4, 1, 2, 3])).toEqual({ runs: 4, min: 1, median: 2.5, max: 4, mean: 2.5 });
    expect(scoreStats([])).toBeUndefined();
  });
});

describe('one playthrough', () => {
  it('plays exactly as the engine autoplay does for the same seed and policy', () => {
    for (const policy of ['random', 'best', 'worst'] as const) {
      const mine = playthrough(annotated, 'x7', policy);
      const s = autoplay(annotated, { seed: 'x7', policy });
      expect(mine.error).toBeUndefined();
      expect(mine.ending).toBe(s.state.ending);
      expect(mine.score).toBe(scoreDrill(annotated, s.state).overall);
      expect(mine.inputs).toBe(s.entries.length);
    }
  });
  it('goes on past the pause at each module start, as the engine autoplay does (a module-paced drill)', () => {
    const paced = loadScenario('preseason');
    expect(paced.modules.length).toBeGreaterThan(1);
    for (const policy of ['random', 'best', 'worst'] as const) {
      const mine = playthrough(paced, 'm3', policy);
      const s = autoplay(paced, { seed: 'm3', policy });
      expect(mine.error).toBeUndefined();
      expect(mine.ending).toBeDefined();
      expect(mine.ending).toBe(s.state.ending);
      expect(mine.score).toBe(scoreDrill(paced, s.state).overall);
      // Every module's scored decisions were reached, not only the first module's.
      expect(mine.decisions).toEqual(
        expect.arrayContaining(['q_ledger', 'q_water', 'q_release', 'q_village']),
      );
    }
  });
});

describe('coverage report', () => {
  it('counts what was reached and names what never was', async () => {
    const { report, records } = await runCoverage(annotated, { runs: 30, seed: '1', workers: 1 });
    expect(records).toHaveLength(30);
    expect(report.runs).toBe(30);
    expect(report.errors).toEqual([]);
    expect(report.decisions.find((d) => d.id === 'warn')!.count).toBe(30);
    expect(report.never.decisions).toEqual([]);
    expect(report.never.endings).toEqual([]);
    expect(Object.keys(report.scores).sort()).toEqual(['best', 'random', 'worst']);
    expect(report.scores.best!.mean).toBeGreaterThan(report.scores.worst!.mean);
    const text = renderCoverage(report, { workers: 1, seconds: 1 });
    expect(text).toContain('Decision points: 4/4 reached (100%)');
    expect(text).toContain('Engine errors: none');
    // In Chinese, every word is Chinese but the scenario's own ids, the policies' and the command's names.
    const zh = renderCoverage(report, { workers: 1, seconds: 1, lang: 'zh-CN' });
    expect(zh).toContain('决策点：触发 4/4（100%）');
    const ids = new Set([
      ...[report.injects, report.decisions, report.options, report.endings, report.variations]
        .flat()
        .flatMap((x) => x.id.split(/[._]/)),
      ...report.objectives.flatMap((o) => o.id.split('_')),
      ...Object.keys(report.scores),
      ...report.naive.map((n) => n.policy),
      report.scenario.id,
    ]);
    const words = zh.match(/[A-Za-z][A-Za-z-]+/g) ?? [];
    expect(words.filter((x) => !ids.has(x) && !['drill', 'test', 'en', 'zh-CN'].includes(x))).toEqual([]);
    expect(coverageExitCode(report, true)).toBe(0);
  });

  it('a decision point never reached fails --require-full, and an engine error always fails, with its seed and inputs', () => {
    const ok = playthrough(annotated, '1', 'best');
    const report = aggregate(annotated, '1', [
      { ...ok, decisions: ok.decisions.filter((d) => d !== 'supplies') },
    ]);
    expect(report.never.decisions).toEqual(['supplies']);
    expect(coverageExitCode(report, false)).toBe(0);
    expect(coverageExitCode(report, true)).toBe(1);
    const broken = aggregate(annotated, '1', [
      { ...ok, error: { message: 'boom', inputs: [{ type: 'start' }] } },
    ]);
    expect(broken.errors).toEqual([
      { seed: '1', policy: 'best', message: 'boom', inputs: [{ type: 'start' }] },
    ]);
    expect(coverageExitCode(broken, false)).toBe(1);
    expect(renderCoverage(broken, { workers: 1, seconds: 0 })).toContain(
      `reproduce: drill run annotated --seed 1 --auto best`,
    );
  });

  // Two worker threads start tsx each: slow on a loaded machine.
  it('worker threads give the same report as one thread', { timeout: 120_000 }, async () => {
    const one = await runCoverage(annotated, { runs: 12, seed: 'w', workers: 1 });
    const two = await runCoverage(annotated, { runs: 12, seed: 'w', workers: 2 });
    expect(two.workers).toBe(2);
    expect(two.report).toEqual(one.report);
  });

  it('draws a progress bar', () => {
    expect(progressBar(5, 10, 10)).toBe('\r[#####.....] 5/10 runs');
  });
});
