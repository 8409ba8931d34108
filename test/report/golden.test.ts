import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Lang } from '@drill/engine';
import { renderMarkdown } from '@drill/report';
import { loadScenario, shippedScenarioIds } from '@drill/scenarios';
import { aarOf, autoTranscript } from './fixtures.ts';

/**
 * Golden reports: a fixed seed and policy per shipped scenario, its Markdown report in both languages,
 * compared with the committed file. After an intended change (a scenario edit, new wording):
 *   UPDATE_GOLDEN=1 npx vitest run --project e2e test/report/golden.test.ts
 * and review the diff.
 */
const here = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const update = process.env.UPDATE_GOLDEN === '1';
const LANGS: Lang[] = ['en', 'zh-CN'];

describe('golden After-Action Reports (seed "golden", random policy)', () => {
  for (const id of shippedScenarioIds()) {
    const scenario = loadScenario(id);
    const aar = aarOf(scenario, autoTranscript(scenario, 'golden', 'random'));
    for (const lang of LANGS) {
      const file = join(here, `${id}.${lang}.md`);
      it(`${id} (${lang}) renders as recorded in golden/${id}.${lang}.md`, () => {
        const md = renderMarkdown(aar, lang);
        if (update) {
          mkdirSync(here, { recursive: true });
          writeFileSync(file, md);
        }
        expect(
          existsSync(file),
          `no golden report for ${id} (${lang}): run UPDATE_GOLDEN=1 npx vitest run --project e2e test/report/golden.test.ts`,
        ).toBe(true);
        // A difference after an intended change (a scenario edit, new report wording) is regenerated with
        // UPDATE_GOLDEN=1 npx vitest run --project e2e test/report/golden.test.ts — then review the git diff.
        expect(md, `golden/${id}.${lang}.md differs (intended? regenerate with UPDATE_GOLDEN=1)`).toBe(
          readFileSync(file, 'utf8'),
        );
      });
    }
  }
});
