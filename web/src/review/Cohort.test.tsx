import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { autoplay, type Transcript } from '@drill/engine';
import { Review } from './Review.tsx';
import { LangContext } from '../i18n.ts';
import { compileShipped, loadLibrary } from '../scenarios.ts';

await loadLibrary();
const compiled = compileShipped('typhoon');
if (!compiled.ok) throw new Error('typhoon does not compile');
const scenario = compiled.scenario;
const run = (policy: 'best' | 'worst', name: string, seed: number, startedAt?: string): Transcript =>
  autoplay(scenario, {
    seed,
    policy,
    participants: [{ id: 'p1', name, team: 'solo', roles: ['all'] }],
    ...(startedAt ? { startedAt } : {}),
  }).transcript();

afterEach(cleanup);

describe('cohort report in Review', () => {
  it('builds the class report from the open transcripts and lists the refused one as left out', () => {
    const tampered = run('best', 'Zhao', 3);
    tampered.result!.score.overall = 42; // best already scores 100: forge another number
    render(
      <LangContext.Provider value="zh-CN">
        <Review
          incoming={[
            { name: 'li.json', text: JSON.stringify(run('best', 'Li', 1)) },
            { name: 'wang.json', text: JSON.stringify(run('worst', 'Wang', 2)) },
            { name: 'zhao.json', text: JSON.stringify(tampered) },
          ]}
          extraScenarios={[]}
        />
      </LangContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '生成整体报告' }));
    const frame = screen.getByTitle('2 次演练的整体报告') as HTMLIFrameElement;
    const html = frame.getAttribute('srcdoc') ?? '';
    expect(html).toContain('学员整体报告');
    expect(html).toContain('<svg class="heatmap"');
    expect(html.match(/<rect class="cell"/g)).toHaveLength(2 * scenario.capabilities.length);
    // In Chinese, with verify's reason in Chinese (docs/reliability/bilingual.md, eighth session).
    expect(html).toMatch(/<b>zhao\.json<\/b>：校验未通过：记录的得分与重新计算的不同/);
    expect(screen.getByRole('link', { name: '下载（HTML）' }).getAttribute('href')).toMatch(
      /^data:text\/html/,
    );
  });
});

describe('cohort date ranges in Review', () => {
  it('takes the runs started in a UTC date range, the last day whole, and compares with a second range of the same files', () => {
    // October: two best runs, the last a minute before November (UTC); November: two worst runs,
    // the first at its very first instant. One October run is tampered: listed once, counted nowhere.
    const files = [
      ['oct-01.json', run('best', 'Li', 1, '2026-10-01T08:00:00.000Z')],
      ['oct-31.json', run('best', 'Wang', 2, '2026-10-31T23:59:00.000Z')],
      ['nov-01.json', run('worst', 'Zhao', 3, '2026-11-01T00:00:00.000Z')],
      ['nov-20.json', run('worst', 'Qian', 4, '2026-11-20T10:00:00.000Z')],
      ['sep-30.json', run('best', 'Sun', 5, '2026-09-30T23:59:59.000Z')],
    ] as const;
    const tampered = run('best', 'Zhou', 6, '2026-10-10T08:00:00.000Z');
    tampered.result!.score.overall = 42;
    const worst = files[2][1].result!.score.overall;
    expect(files[3][1].result!.score.overall).toBe(worst);
    expect(files[0][1].result!.score.overall).toBe(100);
    render(
      <LangContext.Provider value="en">
        <Review
          incoming={[
            ...files.map(([name, t]) => ({ name, text: JSON.stringify(t) })),
            { name: 'tampered.json', text: JSON.stringify(tampered) },
          ]}
          extraScenarios={[]}
        />
      </LangContext.Provider>,
    );
    const cohort = within(screen.getByTestId('cohort'));
    const set = (id: string, value: string): void => {
      fireEvent.change(document.getElementById(id)!, { target: { value } });
    };
    // A range that ends before it starts is refused in words, and nothing is built.
    set('cohort-dates-from', '2026-10-31');
    set('cohort-dates-to', '2026-10-01');
    expect(cohort.getByRole('alert').textContent).toContain('The range ends before it starts.');
    expect(cohort.getByRole('button', { name: 'Build the cohort report' })).toHaveProperty('disabled', true);

    set('cohort-dates-from', '2026-10-01');
    set('cohort-dates-to', '2026-10-31');
    set('cohort-against-from', '2026-11-01');
    set('cohort-against-to', '');
    fireEvent.click(cohort.getByRole('button', { name: 'Build the cohort report' }));
    expect(cohort.getByTestId('cohort-runs').textContent).toBe(
      '2 verified runs in the cohort · 2 verified runs in the comparison cohort',
    );
    const html = cohort.getByTitle('Cohort report of 2 runs').getAttribute('srcdoc') ?? '';
    const [a, b] = html.split('<h2>This cohort against the other</h2>') as [string, string];
    expect(a).toContain('<li>Dates: 2026-10-01 – 2026-10-31</li>');
    expect(a).toContain('<p>Median 100 (middle half 100–100; range 100–100).</p>');
    expect(a).toMatch(/<b>tampered\.json<\/b>: [^<]*recorded score differs/);
    expect(b).toContain('Cohort A: 2 runs; cohort B: 2 runs (same scenario version).');
    // The score gap between the ranges is stated, in words.
    expect(b).toContain(`<li>Overall score: cohort B averaged ${worst} against A&#39;s 100 (`);
  });
});
