import { describe, expect, it } from 'vitest';
import { compileScenario, formatDiagnostic, lintScenario } from '../src/index.ts';
import { HSEEP_CAPABILITIES, DEFAULT_CAPABILITIES } from '../src/scenario/rubric.ts';
import { FIXTURE_YAML } from './fixture.ts';

const compile = (text: string) => compileScenario({ path: 's.yaml', text });
const problems = (text: string): string[] => {
  const r = compile(text);
  return r.ok ? [] : r.diagnostics.map(formatDiagnostic);
};
/** The fixture on the HSEEP rubric, its decisions scoring HSEEP capabilities, plus `extra` top-level YAML. */
const hseep = (extra = ''): string =>
  FIXTURE_YAML.replace('hazard: other', `hazard: other\nrubric: hseep\n${extra}`)
    .replace('capability: warning_dissemination', 'capability: public_information_warning')
    .replace('capability: protective_actions', 'capability: critical_transportation')
    .replace('capability: mass_care', 'capability: mass_care_services');
const lineOf = (text: string, needle: string): number =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('rubrics', () => {
  it('the HSEEP rubric holds the 32 core capabilities, by mission area as published', () => {
    expect(HSEEP_CAPABILITIES).toHaveLength(32);
    expect(new Set(HSEEP_CAPABILITIES.map((c) => c.id)).size).toBe(32);
    const count = (area: string) =>
      HSEEP_CAPABILITIES.filter((c) => c.missionAreas!.includes(area as never)).length;
    // National Preparedness Goal (2015): counts per mission area including the three cross-cutting ones.
    expect([
      count('prevention'),
      count('protection'),
      count('mitigation'),
      count('response'),
      count('recovery'),
    ]).toEqual([7, 11, 7, 15, 8]);
    for (const c of HSEEP_CAPABILITIES) {
      expect(typeof c.name === 'object' && c.name.en && c.name['zh-CN']).toBeTruthy();
    }
    expect(HSEEP_CAPABILITIES.map((c) => (c.name as { en: string }).en)).toContain(
      'On-scene Security, Protection, and Law Enforcement',
    );
  });

  it('`rubric: default` (or none) keeps the nine default capabilities', () => {
    const r = compile(FIXTURE_YAML);
    expect(r.ok && r.scenario.rubric).toBe('default');
    expect(r.ok && r.scenario.capabilities.map((c) => c.id)).toEqual(DEFAULT_CAPABILITIES.map((c) => c.id));
  });

  it('`rubric: hseep` scores the core capabilities, and the default ones are unknown there', () => {
    const r = compile(hseep());
    expect(r.ok && r.scenario.capabilities.map((c) => c.id)).toEqual(HSEEP_CAPABILITIES.map((c) => c.id));
    const text = hseep().replace('capability: critical_transportation', 'capability: protective_actions');
    expect(problems(text)).toEqual([
      `s.yaml:${lineOf(text, 'capability: protective_actions')}:17: error: unknown capability \`protective_actions\` (at decisions[1].capability)\n    hint: known: planning, public_information_warning, operational_coordination, intelligence_sharing, interdiction_disruption, screening_search_detection, forensics_attribution, access_control, cybersecurity, physical_protective_measures, risk_management_protection, supply_chain_integrity`,
    ]);
  });

  it('renames and hides the rubric’s capabilities, and adds the scenario’s own after them', () => {
    const text = hseep(`capabilities:
  - { id: public_information_warning, rename: { en: Warning and public information, zh-CN: 预警与信息发布 } }
  - { id: cybersecurity, hidden: true }
  - { id: forensics_attribution, hidden: true }
  - { id: dam_safety, name: { en: Dam safety, zh-CN: 水库安全 } }
`);
    const r = compile(text);
    if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
    const ids = r.scenario.capabilities.map((c) => c.id);
    expect(ids).toHaveLength(31);
    expect(ids).not.toContain('cybersecurity');
    expect(ids.at(-1)).toBe('dam_safety');
    expect(r.scenario.capabilities.find((c) => c.id === 'public_information_warning')!.name).toEqual({
      en: 'Warning and public information',
      'zh-CN': '预警与信息发布',
    });
    // The scenario's own capability, scored by nothing, is a loose end; the rubric's are not.
    const lint = lintScenario(r.scenario, r.source).filter((d) => d.code === 'unscored-capability');
    expect(lint.map((d) => d.message)).toEqual(['capability `dam_safety` is scored by no decision']);
  });

  it('a renamed capability missing a language is a lint warning at its `rename`', () => {
    const text = FIXTURE_YAML.replace('languages: [en]', 'languages: [en, zh-CN]').replace(
      'hazard: other',
      'hazard: other\ncapabilities:\n  - { id: mass_care, rename: { en: Shelter and relief } }',
    );
    const r = compile(text);
    if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
    const w = lintScenario(r.scenario, r.source).filter(
      (d) => d.code === 'missing-translation' && d.path.startsWith('capabilities'),
    );
    expect(w.map((d) => `${d.line} ${d.path} ${d.message}`)).toEqual([
      `${lineOf(text, 'Shelter and relief')} capabilities[0].rename text has no \`zh-CN\` translation`,
    ]);
  });

  it('naming a hidden capability is an error that says it is hidden', () => {
    const text = hseep('capabilities:\n  - { id: mass_care_services, hidden: true }\n');
    expect(problems(text)).toEqual([
      `s.yaml:${lineOf(text, 'capability: mass_care_services')}:17: error: capability \`mass_care_services\` is hidden in this scenario (\`hidden: true\` under \`capabilities\`) (at decisions[2].capability)\n    hint: score another capability, or stop hiding this one`,
    ]);
  });
});
