import { readFileSync } from 'node:fs';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { debriefLines } from './Debrief.tsx';
import { DrillScreen } from './DrillScreen.tsx';
import { plain } from './layout.ts';
import { newDrill, settle } from './test-kit.ts';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

/** Plays the fixture to its end: evacuate late-but-right, messages missed, relief short of the shelter. */
function played(lang: 'en' | 'zh-CN') {
  const k = newDrill({ lang });
  cleanups.push(k.cleanup);
  const d = k.drill;
  d.apply({ type: 'start' });
  d.apply({ type: 'advance', minutes: 60 });
  d.apply({
    type: 'choose',
    participant: 'p1',
    decision: 'evacuate',
    options: ['move_now'],
    rationale: 'late but safe',
  });
  d.apply({ type: 'advance', to: 'next' });
  d.apply({ type: 'advance', to: 'next' });
  d.apply({ type: 'choose', participant: 'p1', decision: 'relief', allocation: { shelter: 1, street: 3 } });
  while (d.state.phase === 'running') d.apply({ type: 'advance', to: 'next' });
  return d;
}

describe('debrief', () => {
  it('gives the score, ratings with evidence, per-decision feedback, improvements and the files', () => {
    const d = played('en');
    const text = debriefLines(d, d.session.score(), d.finished, 100).map(plain).join('\n');
    expect(text).toMatch(/Overall score: \d+\.\d\/100/);
    expect(text).toMatch(/ [PSMU]  Protective actions & evacuation/);
    expect(text).toContain('evidence: Move the 500 people on Low Street?');
    expect(text).toContain('rationale: late but safe');
    expect(text).toMatch(/late · T-2h \(12:00\) · credit \d+%/);
    expect(text).toContain('no decision — default taken: Say nothing');
    expect(text).toContain('The shelter ran short.'); // allocation feedback
    expect(text).toContain('To improve');
    expect(text).toContain('best practice: Publish the facts about the dam');
    expect(text).toContain(`transcript: ${d.paths.transcript}`);
    expect(text).toContain('Ending: Everyone safe');
    // The after-action report is written beside the transcript, and the debrief says where.
    expect(d.finished?.html).toBe(d.paths.html);
    expect(readFileSync(d.paths.html, 'utf8')).toMatch(/<html/i);
    expect(text).toContain(`HTML report: ${d.paths.html}`);
  });

  it('speaks Chinese when the drill is in Chinese', () => {
    const d = played('zh-CN');
    const text = debriefLines(d, d.session.score(), d.finished, 100).map(plain).join('\n');
    expect(text).toContain('讲评');
    expect(text).toContain('总分');
    expect(text).toContain('安置点物资不足。');
    expect(text).toContain('改进事项');
  });

  it('fits the terminal and scrolls', async () => {
    const d = played('en');
    const r = render(<DrillScreen drill={d} />);
    cleanups.push(() => r.unmount());
    await settle();
    const lines = (r.lastFrame() ?? '').split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(lines.at(-1)).toMatch(/q quit 1-22\/\d+/);
    r.stdin.write('\u001B[6~');
    await settle();
    expect(r.lastFrame()).not.toContain('Debrief — Short test storm');
  });
});
