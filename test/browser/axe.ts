// The accessibility gate of the browser tests: axe-core's serious and critical violations on a page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's serious and critical violations on the page as it stands (inside `scope`, a selector, when
 * given), as `name: rule (impact) help @ targets`. axe (half a megabyte of script) is put into a
 * document once, not again for each check of the same page: the console, its debrief and Review are one
 * document, and the tests used to evaluate the library anew before every run.
 */
export async function axe(page: Page, name: string, scope?: string): Promise<string[]> {
  const loaded = await page.evaluate(
    () => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function',
  );
  if (!loaded) await page.evaluate(AXE);
  const violations = await page.evaluate(async (sel) => {
    const lib = (
      window as unknown as {
        axe: {
          run(c: Element | Document, o: { resultTypes: string[] }): Promise<{ violations: Violation[] }>;
        };
      }
    ).axe;
    const el = sel === undefined ? document : document.querySelector(sel);
    if (!el) throw new Error(`no ${sel} on the page`);
    // Every rule still runs and every violating node is still listed; only passes, incomplete and
    // inapplicable results are cut to one node each (axe builds a selector for each node it reports:
    // ~700 passing nodes on the console's run view). A median axe run there: 1.2 s → 0.73 s.
    return (await lib.run(el, { resultTypes: ['violations'] })).violations;
  }, scope);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${name}: ${v.id} (${v.impact}) ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}
