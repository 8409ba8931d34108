import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { autoplay, type Transcript } from '@drill/engine';
import { Review } from './Review.tsx';
import { LangContext } from '../i18n.ts';
import { compileShipped, loadLibrary } from '../scenarios.ts';

await loadLibrary();
const compiled = compileShipped('typhoon');
if (!compiled.ok) throw new Error('typhoon does not compile');
const scenario = compiled.scenario;
const run = (policy: 'best' | 'worst', name: string, seed: number): Transcript =>
  autoplay(scenario, {
    seed,
    policy,
    participants: [{ id: 'p1', name, team: 'solo', roles: ['all'] }],
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
    expect(html).toMatch(/<b>zhao\.json<\/b>: 校验未通过: [^<]*recorded score differs/);
    expect(screen.getByRole('link', { name: '下载（HTML）' }).getAttribute('href')).toMatch(
      /^data:text\/html/,
    );
  });
});
