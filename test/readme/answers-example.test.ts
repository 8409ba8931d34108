import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verify } from '@drill/engine';
import { loadScenario } from '@drill/scenarios';
import { parseAnswers, playHeadless } from '@drill/cli';

const readme = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../README.md'), 'utf8');

describe("the README's answers-file example", () => {
  it('plays the default scenario as written: every answer accepted and recorded, and the transcript verifies', () => {
    const block = /```yaml\n(decisions:[\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const parsed = parseAnswers(block!);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const sc = loadScenario('typhoon');
    const t = playHeadless(sc, { seed: '7', answers: parsed.answers, startedAt: '2026-01-01T00:00:00Z' });
    const chosen = t.entries
      .filter((e) => e.input.type === 'choose')
      .map((e) => (e.input as { decision: string }).decision);
    expect(chosen.sort()).toEqual(Object.keys(parsed.answers.decisions).sort());
    expect(verify(sc, t).ok).toBe(true);
  });
});
