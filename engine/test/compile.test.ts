import { describe, expect, it } from 'vitest';
import { compileScenario, formatDiagnostic } from '../src/index.ts';
import { FIXTURE_YAML } from './fixture.ts';

const compile = (text: string) => compileScenario({ path: 's.yaml', text });
const problems = (text: string): string[] => {
  const r = compile(text);
  return r.ok ? [] : r.diagnostics.map(formatDiagnostic);
};

describe('scenario compiler', () => {
  it('refuses a file nested too deeply with a sentence at the position, not a stack overflow', () => {
    // 5,000 levels overflow the YAML parser's stack; 150 parse but are past the limit (the top mapping
    // is level 1, so the 100th bracket, column 107, is level 101).
    for (const [depth, column] of [
      [5000, null],
      [150, 107],
    ] as const) {
      const text = `id: deep\ntitle: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
      const [p, ...rest] = problems(text);
      expect(rest).toEqual([]);
      expect(p).toMatch(/^s\.yaml:2:\d+: .*the file is nested too deeply \(more than 100 levels/);
      expect(p).not.toMatch(/call stack/i);
      if (column !== null) expect(p).toContain(`s.yaml:2:${column}:`);
    }
    // A file at the limit is not refused for its depth.
    expect(problems(`title: ${'['.repeat(99)}${']'.repeat(99)}\n`).join('\n')).not.toMatch(
      /nested too deeply/,
    );
  });

  it('compiles the fixture into a frozen scenario with a content hash', () => {
    const r = compile(FIXTURE_YAML);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.isFrozen(r.scenario)).toBe(true);
    expect(Object.isFrozen(r.scenario.decisions[0]!.options)).toBe(true);
    expect(r.scenario.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.scenario.capabilities.map((c) => c.id)).toContain('protective_actions');
  });
  it('gives the same content hash for the same text and another for a changed one', () => {
    const a = compile(FIXTURE_YAML);
    const b = compile(FIXTURE_YAML);
    const c = compile(FIXTURE_YAML.replace('text: Start', 'text: Begin'));
    expect(a.ok && b.ok && a.scenario.contentHash === b.scenario.contentHash).toBe(true);
    expect(a.ok && c.ok && a.scenario.contentHash !== c.scenario.contentHash).toBe(true);
  });
  it('reports an unknown role at its line and column with a did-you-mean hint', () => {
    const text = FIXTURE_YAML.replace('roles: [chief], source: Met', 'roles: [chif], source: Met');
    const line = text.split('\n').findIndex((l) => l.includes('[chif]')) + 1;
    const col = text.split('\n')[line - 1]!.indexOf('chif') + 1;
    expect(problems(text)).toEqual([
      `s.yaml:${line}:${col}: error: unknown role \`chif\` (at injects[1].roles[0])\n    hint: did you mean \`chief\`?`,
    ]);
  });
  it('points inside an expression at the unknown variable', () => {
    const text = FIXTURE_YAML.replace('effects: ["rumour += 1"]', 'effects: ["rumor += 1"]');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('rumor +=')) + 1;
    const col = lines[line - 1]!.indexOf('rumor +=') + 1;
    const out = problems(text);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain(`s.yaml:${line}:${col}: error: unknown variable \`rumor\``);
    expect(out[0]).toContain('did you mean `rumour`?');
  });
  it('reports every problem at once, not only the first', () => {
    const text = FIXTURE_YAML.replace('roles: [chief], source: Met', 'roles: [chif], source: Met')
      .replace('at: T-3h', 'at: T-3x')
      .replace('default: ignore', 'default: ignor')
      .replace('hazard: other', 'hazard: volcano');
    const out = problems(text);
    expect(out.length).toBe(4);
    expect(out.join('\n')).toMatch(/unknown role `chif`/);
    expect(out.join('\n')).toMatch(/`T-3x` is not a scenario time/);
    expect(out.join('\n')).toMatch(/unknown option `ignor`/);
    expect(out.join('\n')).toMatch(/`volcano` is not a known hazard/);
  });
  it('reports YAML syntax errors with a position instead of throwing', () => {
    const out = problems('format: drill/1\nid: [unclosed\n');
    expect(out.length).toBeGreaterThan(0);
    expect(out[0]).toMatch(/^s\.yaml:\d+:\d+: error: /);
  });
  it('reports an unknown key with the closest allowed one', () => {
    const out = problems(
      FIXTURE_YAML.replace(
        '  - { id: people, name: People,',
        '  - { id: people, nmae: People, name: People,',
      ),
    );
    expect(out.join('\n')).toMatch(/a variable has no key `nmae`[\s\S]*did you mean `name`\?/);
  });
  it('reports duplicate ids and out-of-bounds initial values', () => {
    const out = problems(
      FIXTURE_YAML.replace(
        '- { id: rumour, name: Rumour, initial: 0',
        '- { id: people, name: Rumour, initial: 0',
      ).replace('initial: 1, min: 0, max: 3', 'initial: 5, min: 0, max: 3'),
    );
    expect(out.join('\n')).toMatch(/duplicate variable id `people`/);
    expect(out.join('\n')).toMatch(/initial value 5 is outside the bounds \[0, 3\]/);
  });
  it('reads included part files through the callback the shell gives', () => {
    const part =
      'format: drill/1-part\ninjects:\n  - { id: extra, at: T-1h, roles: [all], source: X, channel: media, text: Extra }\n';
    const main = FIXTURE_YAML.replace(
      'briefing: A test drill.',
      'briefing: A test drill.\ninclude: [part.yaml]',
    );
    const r = compileScenario({ path: 'dir/main.yaml', text: main }, (from, inc) =>
      inc === 'part.yaml' ? { path: 'dir/part.yaml', text: part } : undefined,
    );
    expect(r.ok && r.scenario.injects.map((i) => i.id)).toContain('extra');
    const bad = compileScenario({ path: 'dir/main.yaml', text: main }, (_from, _inc) => ({
      path: 'dir/part.yaml',
      text: part.replace('roles: [all]', 'roles: [nobody]'),
    }));
    expect(bad.ok ? [] : bad.diagnostics.map((d) => `${d.file}:${d.line}`)).toEqual(['dir/part.yaml:3']);
  });
});
