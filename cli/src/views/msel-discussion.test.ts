import { describe, expect, it } from 'vitest';
import { discussionFixture } from '../../../engine/test/discussion-fixture.ts';
import { mselCsv, mselMarkdown, mselRows } from './msel.ts';

const sc = discussionFixture();

describe('the MSEL of a module-paced exercise', () => {
  it('has a row per module start, and every row says its module and the facilitator’s note', () => {
    const rows = mselRows(sc, 'en');
    expect(rows.map((r) => `${r.kind}:${r.id}`)).toEqual([
      'module:m1',
      'inject:forecast',
      'decision:q_concerns',
      'decision:q_table',
      'module:m2',
      'inject:rising',
      'decision:q_warn',
      'decision:q_shelter',
    ]);
    const q = rows.find((r) => r.id === 'q_concerns')!;
    expect(q).toMatchObject({
      module: 'Module 1 — Forecast',
      notes: 'FACILITATOR-NOTE-Q: each agency in turn',
      expected: 'Discuss (each role answers), due T-48h',
      title: '',
      text: 'What are your immediate concerns?',
    });
  });
  it('is sectioned by module in Markdown, with a notes column in both languages', () => {
    const md = mselMarkdown(sc, 'zh-CN');
    expect(md.split('\n').filter((l) => l.startsWith('## '))).toEqual(['## 模块一 预报', '## 模块二 涨水']);
    expect(md).toContain('| 模块 | 导调备注 |');
    expect(md).toContain('导调提示：各单位依次发言');
    expect(mselCsv(sc, 'en').split('\r\n')[0]).toMatch(/,Module,Facilitator notes$/);
    // A module's row: its title in the title column, its summary and key issues (one `• ` line each) in the text.
    expect(mselRows(sc, 'en')[0]).toMatchObject({
      kind: 'module',
      title: 'Module 1 — Forecast',
      text: 'Heavy rain is forecast.\n• Who convenes the HQ?',
    });
  });
});
