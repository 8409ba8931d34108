import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileScenario, type Scenario } from '@drill/engine';
import { DISCUSSION_PATH, discussionFixture } from '../../../engine/test/discussion-fixture.ts';
import { graphDot, graphMermaid, scenarioGraph } from './graph.ts';

/** The fixture with module 1 starting two hours later: what happens at T-72h then belongs to no module. */
function lateFirstModule(): Scenario {
  const text = readFileSync(DISCUSSION_PATH, 'utf8').replace(/(- id: m1\n\s+at: )T-72h/, '$1T-70h');
  const r = compileScenario({ path: 'late.yaml', text });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.scenario;
}

/** The lines between `subgraph …<id>…` and its closing line, as Mermaid or DOT writes them. */
function block(text: string, id: string, close: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('subgraph') && l.includes(id));
  expect(start, `no subgraph ${id}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l === close);
  return lines.slice(start + 1, end);
}

describe('the graph of a module-paced exercise', () => {
  it('puts each module’s times, injects, decisions and options in a group with its title', () => {
    const g = scenarioGraph(discussionFixture(), 'en');
    expect(g.groups).toEqual([
      { id: 'm_m1', title: 'Module 1 — Forecast' },
      { id: 'm_m2', title: 'Module 2 — Rising water' },
    ]);
    const groupOf = (id: string): string | undefined => g.nodes.find((n) => n.id === id)?.group;
    expect(groupOf('i_forecast')).toBe('m_m1');
    expect(groupOf('d_q_concerns')).toBe('m_m1');
    expect(groupOf('t_Tm72h')).toBe('m_m1');
    expect(groupOf('i_rising')).toBe('m_m2');
    expect(groupOf('d_q_warn')).toBe('m_m2');
    expect(groupOf('o_q_warn_warn')).toBe('m_m2');
    // The end of the clock and the endings are after every module's business.
    expect(groupOf('e_done')).toBeUndefined();
  });

  it('writes one Mermaid subgraph and one DOT cluster per module, in the reader’s language', () => {
    const zh = scenarioGraph(discussionFixture(), 'zh-CN');
    const m = graphMermaid(zh);
    expect(m).toContain('  subgraph m_m1 ["模块一 预报"]');
    expect(m).toContain('  subgraph m_m2 ["模块二 涨水"]');
    expect(block(m, 'm_m2', '  end')).toContain('    i_rising["rising: 河水快速上涨。"]');
    expect(block(m, 'm_m1', '  end').some((l) => l.includes('i_rising'))).toBe(false);
    const d = graphDot(scenarioGraph(discussionFixture(), 'en'), 'x');
    expect(d).toContain('  subgraph "cluster_m_m1" {');
    expect(block(d, 'cluster_m_m1', '  }')).toContain('    label="Module 1 — Forecast";');
    expect(block(d, 'cluster_m_m2', '  }').some((l) => l.startsWith('    d_q_shelter '))).toBe(true);
    // Every node is written once, inside or outside the clusters.
    for (const n of zh.nodes)
      expect(
        m
          .split('\n')
          .filter(
            (l) =>
              l.trim().startsWith(`${n.id}[`) ||
              l.trim().startsWith(`${n.id}(`) ||
              l.trim().startsWith(`${n.id}{`),
          ),
      ).toHaveLength(1);
  });

  it('keeps injects and decisions before the first module outside every subgraph', () => {
    const g = scenarioGraph(lateFirstModule(), 'en');
    expect(g.nodes.find((n) => n.id === 'i_forecast')?.group).toBeUndefined();
    expect(g.nodes.find((n) => n.id === 'd_q_table')?.group).toBeUndefined();
    expect(g.nodes.find((n) => n.id === 't_Tm70h')?.group).toBe('m_m1');
    const m = graphMermaid(g);
    const firstSubgraph = m.split('\n').findIndex((l) => l.startsWith('  subgraph'));
    const forecast = m.split('\n').findIndex((l) => l.startsWith('  i_forecast['));
    expect(forecast).toBeGreaterThan(0);
    expect(forecast).toBeLessThan(firstSubgraph);
  });

  it('has no subgraphs without modules', () => {
    const s = discussionFixture();
    const g = scenarioGraph(
      {
        ...s,
        modules: [],
        injects: s.injects.map(({ module: _m, ...i }) => i),
        decisions: s.decisions.map(({ module: _m, ...d }) => d),
      },
      'en',
    );
    expect(g.groups).toEqual([]);
    expect(graphMermaid(g)).not.toContain('subgraph');
    expect(graphDot(g)).not.toContain('subgraph');
  });
});
