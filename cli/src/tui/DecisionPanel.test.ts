import { afterEach, describe, expect, it } from 'vitest';
import { localize } from '@drill/engine';
import { emptyPanel, panelLines } from './DecisionPanel.tsx';
import { openDecisions } from './decisions.ts';
import { plain, textWidth } from './layout.ts';
import { newDrill } from './test-kit.ts';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

describe('decision panel', () => {
  it('wraps every option of a multi-choice decision in full, not only the one under the cursor', () => {
    const k = newDrill({ role: 'press' });
    cleanups.push(k.cleanup);
    k.drill.submit({ type: 'start' });
    k.drill.submit({ type: 'next' });
    const open = openDecisions(k.drill);
    expect(open[0]!.id).toBe('messages');
    const lines = panelLines(k.drill, open, 0, emptyPanel(), 22, 30).map(plain);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(22);
    const text = lines.join(' ').replace(/\s+/g, ' ');
    // Every label is there word for word (wrapped onto continuation lines), none cut with "…".
    for (const o of open[0]!.options) expect(text).toContain(localize(o.label, 'en'));
  });
});
