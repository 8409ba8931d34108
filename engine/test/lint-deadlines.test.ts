import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario, lintScenario } from '../src/index.ts';
import { DISCUSSION_PATH } from './discussion-fixture.ts';

/** The discussion fixture with more decisions added before its endings. */
function lintWith(decisions: string): string[] {
  const text = readFileSync(DISCUSSION_PATH, 'utf8').replace('endings:', `${decisions}\nendings:`);
  const r = compileScenario({ path: 'deadlines.yaml', text });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('\n'));
  return lintScenario(r.scenario, r.source)
    .filter((d) => d.code === 'same-minute-due')
    .map((d) => `${d.line}: ${d.message}`);
}

describe('lint: same-minute-due', () => {
  it('leaves discussions without `due` alone: they stay open until the next module, no deadline to race', () => {
    // q_concerns (in the fixture) and q_more both run to module 2's start, T-48h, for the commander.
    expect(
      lintWith(`  - id: q_more
    kind: discuss
    roles: [commander, water]
    opens: T-70h
    prompt: { en: Anything else?, zh-CN: 还有什么？ }`),
    ).toEqual([]);
  });

  it('still flags a discussion whose written `due` is the minute another decision is due for the same role', () => {
    // q_warn opens at T-48h and is due 2 h later: T-46h, for the commander.
    const w = lintWith(`  - id: q_brief
    kind: discuss
    roles: [commander]
    opens: T-47h
    due: T-46h
    prompt: { en: Brief the mayor?, zh-CN: 向县长汇报什么？ }`);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/decisions `q_warn` and `q_brief` are both due at T-46h for `commander`$/);
  });

  it('flags two discussions with the same written `due` for the same role', () => {
    const w = lintWith(`  - id: q_one
    kind: discuss
    roles: [water]
    opens: T-70h
    due: T-60h
    prompt: { en: One?, zh-CN: 一？ }
  - id: q_two
    kind: discuss
    roles: [water, civil]
    opens: T-69h
    due: T-60h
    prompt: { en: Two?, zh-CN: 二？ }`);
    expect(w.map((x) => x.replace(/^\d+: /, ''))).toEqual([
      'decisions `q_one` and `q_two` are both due at T-60h for `water`',
    ]);
  });
});
