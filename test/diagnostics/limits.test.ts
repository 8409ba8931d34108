import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { autoplay, compileScenario, formatDiagnostic, SCENARIO_LIMITS, scoreDrill } from '@drill/engine';
import { loadScenarioFile } from '@drill/scenarios';
import { describe, expect, it } from 'vitest';

/** The bounds of the format that need files the corpus cannot hold (sizes, links) or a run to show. */
const base = readFileSync(new URL('./include-not-found.yaml', import.meta.url), 'utf8').replace(
  'include: [missing-part.yaml]\n',
  '',
);
const text = (r: ReturnType<typeof loadScenarioFile>): string =>
  (r.ok ? r.warnings : r.diagnostics).map(formatDiagnostic).join('\n');

describe('file sizes', () => {
  it('refuses a main file over the limit before parsing it, at 1:1 with a hint', () => {
    const big = `${base}# ${'x'.repeat(SCENARIO_LIMITS.fileChars)}\n`;
    const t0 = performance.now();
    const r = compileScenario({ path: 'big.yaml', text: big });
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.ok ? '' : r.diagnostics.map(formatDiagnostic).join('\n')).toBe(
      `big.yaml:1:1: error: this file holds ${big.length} characters; a scenario file holds at most 1000000\n    hint: split it into part files named under \`include\``,
    );
  });
});

describe('includes: inside the folder, regular files, small, never echoed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drill-include-'));
  const main = (includes: string[]): string => {
    const p = join(dir, 'main.yaml');
    writeFileSync(p, `${base}include: [${includes.join(', ')}]\n`);
    return p;
  };
  writeFileSync(join(dir, 'secret.txt'), 'password: SECRET-4711\n');
  writeFileSync(
    join(dir, 'huge.yaml'),
    `format: drill/1-part\n# ${'y'.repeat(5 * SCENARIO_LIMITS.fileChars)}\n`,
  );
  symlinkSync('/etc/passwd', join(dir, 'link.yaml'));
  writeFileSync(
    join(dir, 'part.yaml'),
    'format: drill/1-part\ninjects:\n  - { id: extra, at: T-1h, roles: [all], source: X, channel: media, text: Extra }\n',
  );

  it('reads a part file beside the scenario', () => {
    const r = loadScenarioFile(main(['part.yaml']));
    expect(r.ok && r.scenario.injects.map((i) => i.id)).toContain('extra');
  });

  it('refuses a file that is not a part without a word of its content', () => {
    const out = text(loadScenarioFile(main(['secret.txt'])));
    expect(out).toContain('error: `secret.txt` is not a scenario part file (at include[0])');
    expect(out).not.toContain('SECRET');
    expect(out).not.toContain('password');
  });

  it('refuses a link that leads out of the folder, a device, the system files and a large file', () => {
    const out = text(
      loadScenarioFile(main(['link.yaml', '/dev/zero', '/etc/passwd', '/proc/self/environ', 'huge.yaml'])),
    );
    expect(out).toContain('cannot include `link.yaml`: it is outside this scenario’s folder');
    expect(out).toContain('cannot include `/dev/zero`: it is outside this scenario’s folder');
    expect(out).toContain('cannot include `/etc/passwd`: it is outside this scenario’s folder');
    expect(out).toContain('cannot include `/proc/self/environ`: it is outside this scenario’s folder');
    expect(out).toContain('cannot include `huge.yaml`: it is larger than 4000000 bytes');
    expect(out).not.toContain('root:');
  });
});

describe('runs stay short at the bounds', () => {
  it('an allocation budget at the largest number is shared out at once by every automatic player', () => {
    const yaml = base
      .replace(
        '    max: 100\ndynamics:',
        '    max: 100\n  - { id: stock, name: Stock, initial: 1000000000, min: 0, max: 1000000000 }\ndynamics:',
      )
      .replace(
        'endings:',
        `  - id: share
    roles: [chief]
    capability: resources_logistics
    kind: allocate
    opens: T-4h
    due: +1h
    prompt: Share out the stock
    budget: stock
    default: [north]
    score: "min(1, north / 500000000)"
    options:
      - { id: north, label: North }
      - { id: south, label: South, max: 999999999 }
endings:`,
      );
    const r = compileScenario({ path: 'budget.yaml', text: yaml });
    if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
    for (const policy of ['random', 'best', 'worst', 'first'] as const) {
      const t0 = performance.now();
      const s = autoplay(r.scenario, { seed: 3, policy });
      expect(performance.now() - t0).toBeLessThan(5000);
      const a = s.state.decisions.share!.allocation!;
      expect(Object.values(a).every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
      expect(Object.values(a).reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(1_000_000_000);
      expect(Number.isFinite(scoreDrill(r.scenario, s.state).overall)).toBe(true);
    }
  });
});
