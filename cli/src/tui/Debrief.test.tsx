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
  d.submit({ type: 'start' });
  d.submit({ type: 'advance', minutes: 60 });
  d.submit({
    type: 'choose',
    team: 'solo',
    decision: 'evacuate',
    options: ['move_now'],
    rationale: 'late but safe',
  });
  d.submit({ type: 'next' });
  d.submit({ type: 'next' });
  d.submit({ type: 'choose', team: 'solo', decision: 'relief', allocation: { shelter: 1, street: 3 } });
  while (d.state.phase === 'running') d.submit({ type: 'next' });
  return d;
}

describe('debrief', () => {
  it('gives the score, ratings with evidence, per-decision feedback, improvements and the files', () => {
    const d = played('en');
    const text = debriefLines(d, d.score(), d.finished, 100).map(plain).join('\n');
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

  it('names each decision by its question and choice, the option each feedback judges, and the final hash', () => {
    const d = played('en');
    const text = debriefLines(d, d.score(), d.finished, 100).map(plain).join('\n');
    expect(text).toContain('evidence: Move the 500 people on Low Street? → Move everyone now');
    expect(text).toContain('Move everyone now — Right: move before the water rises.');
    expect(text).toContain(`final state hash (sha256):\n    ${d.finished!.finalStateHash}`);
    expect(text).not.toMatch(/`|\bmove_now\b|\bevacuate\b/); // no internal id
  });

  it('marks simulated colleagues’ decisions and never lists them among the player’s costliest', () => {
    const k = newDrill({ role: 'chief', colleagues: 'weak' });
    cleanups.push(k.cleanup);
    const d = k.drill;
    d.submit({ type: 'start' });
    d.submit({ type: 'choose', team: 'solo', decision: 'evacuate', options: ['move_now'] });
    while (d.state.phase === 'running') d.submit({ type: 'next' });
    const score = d.score();
    const text = debriefLines(d, score, d.finished, 100).map(plain).join('\n');
    const messages = text.slice(text.indexOf('Which messages go out?'));
    expect(messages.split('\n')[1]).toBe('  decided by a simulated colleague');
    const improve = text.slice(text.indexOf('To improve'));
    expect(improve).not.toContain('Which messages go out?');
  });

  it('labels a pressure-mode run and shows the time taken on each decision, and when it ran over', () => {
    const k = newDrill({ pressure: true });
    cleanups.push(k.cleanup);
    const d = k.drill;
    d.submit({ type: 'start' });
    d.submit({
      type: 'choose',
      team: 'solo',
      decision: 'evacuate',
      options: ['move_now'],
      elapsedMs: 123_000,
    });
    d.submit({ type: 'end' });
    const text = debriefLines(d, d.score(), d.finished, 100).map(plain).join('\n');
    expect(text.split('\n')[1]).toBe('Pressure mode: 90 s per decision');
    expect(text).toMatch(/on time · T-3h \(11:00\) · credit 100% · took 2 min 3 s \(over 90 s\)/);
  });

  it('says a drill ended early rather than judging an ending it never reached', () => {
    const k = newDrill();
    cleanups.push(k.cleanup);
    const d = k.drill;
    d.submit({ type: 'start' });
    d.submit({ type: 'choose', team: 'solo', decision: 'evacuate', options: ['move_now'] });
    d.submit({ type: 'end' });
    const text = debriefLines(d, d.score(), d.finished, 100).map(plain).join('\n');
    expect(text).toContain('Ending: Ended early');
    expect(text).toContain('with 1 of 3 decisions taken');
    // The decisions never reached are counted, not listed one by one.
    expect(text).toContain('– 2 decisions were not reached');
    expect(text).not.toContain('Which messages go out?');
    expect(text).not.toContain('Everyone safe');
  });

  it('shows the outcome that capped a rating as its evidence', () => {
    const k = newDrill();
    cleanups.push(k.cleanup);
    const d = k.drill;
    d.submit({ type: 'start' });
    d.submit({ type: 'choose', team: 'solo', decision: 'evacuate', options: ['wait'] });
    while (d.state.phase === 'running') d.submit({ type: 'next' });
    const text = debriefLines(d, d.score(), d.finished, 100).map(plain).join('\n');
    expect(text).toContain('capped at S: People moved 0 (worse than 500)');
  });

  it('speaks Chinese when the drill is in Chinese', () => {
    const d = played('zh-CN');
    const text = debriefLines(d, d.score(), d.finished, 100).map(plain).join('\n');
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
    await settle(r);
    expect(r.lastFrame()).not.toContain('Debrief — Short test storm');
  });
});
