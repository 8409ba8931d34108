import { join } from 'node:path';
import { loadScenario, SCENARIO_DIR } from '@drill/scenarios';
import { describe, expect, it } from 'vitest';
import { graphDot, graphMermaid, scenarioGraph, csvField, mselCsv, mselMarkdown, mselRows } from '@drill/cli';

const annotated = loadScenario(join(SCENARIO_DIR, 'examples/annotated.yaml'));
const typhoon = loadScenario('typhoon');

/** A small RFC 4180 reader, to check the CSV round-trips (quotes, commas, line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        f += '"';
        i++;
      } else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
      i++;
    } else f += c;
  }
  return rows;
}

describe('MSEL', () => {
  it('lists injects and decision points in time order, follow-ups after their trigger', () => {
    const rows = mselRows(annotated, 'en');
    expect(rows.map((r) => r.id)).toEqual([
      'forecast',
      'warn',
      'volunteers',
      'unanswered',
      'evacuate',
      'supplies',
      'street_floods',
      'measures',
      'peak',
    ]);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const forecast = rows.find((r) => r.id === 'forecast')!;
    expect(forecast).toMatchObject({
      time: 'T-12h',
      clock: '2025-07-20 08:00',
      source: 'County meteorological bureau',
      channel: 'warning system',
      audience: 'All roles',
    });
    expect(forecast.expected).toContain('Decide `warn`');
    expect(forecast.objective).toBe('obj_warn: Turn the warning into action');
    expect(rows.find((r) => r.id === 'volunteers')!.time).toBe('follow-up of warn.call_answer +1h');
    // Conditions read in words: the variable by its name, not its id.
    expect(rows.find((r) => r.id === 'unanswered')!.time).toBe('T-9h (unless Warning answered)');
    expect(rows.find((r) => r.id === 'supplies')!.time).toBe(
      'follow-up of evacuate.move_all / evacuate.move_elderly',
    );
  });

  it('quotes CSV fields by RFC 4180, and the CSV round-trips', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' edge')).toBe('" edge"');
    const csv = mselCsv(typhoon, 'zh-CN');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const table = parseCsv(csv.slice(1));
    expect(table[0]).toEqual([
      '序号',
      '想定时间',
      '当地时间',
      '类型',
      '编号',
      '标题',
      '情况/决策',
      '来源',
      '渠道',
      '对象',
      '预期行动',
      '目标',
      '模块',
      '导调备注',
    ]);
    const rows = mselRows(typhoon, 'zh-CN');
    expect(table).toHaveLength(rows.length + 1);
    expect(table.every((r) => r.length === 14)).toBe(true);
    expect(table[1]![5]).toBe(rows[0]!.title);
    expect(table[1]![6]).toBe(rows[0]!.text);
  });

  it('renders Markdown with escaped cells', () => {
    const md = mselMarkdown(annotated, 'en');
    const lines = md
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('|'));
    expect(lines).toHaveLength(mselRows(annotated, 'en').length + 2);
    // options are joined with an escaped pipe so the table keeps its 14 columns
    expect(md).toContain('Move all 600 residents to the school now \\| ');
  });
});

describe('graph', () => {
  const g = scenarioGraph(annotated, 'en');
  it('has the timeline, the branches and the endings', () => {
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const e of g.edges) {
      expect(ids.has(e.from), e.from).toBe(true);
      expect(ids.has(e.to), e.to).toBe(true);
    }
    expect(g.edges).toContainEqual({
      from: 'o_warn_call_answer',
      to: 'i_volunteers',
      label: '+1h',
      style: 'branch',
    });
    expect(g.edges).toContainEqual({
      from: 'o_evacuate_move_all',
      to: 'd_supplies',
      label: 'then',
      style: 'branch',
    });
    expect(g.edges).toContainEqual({ from: 't_Tm12h', to: 't_Tm9h', style: 'timeline' });
    expect(g.edges).toContainEqual({
      from: 't_Tp6h',
      to: 'e_losses',
      label: 'otherwise',
      style: 'condition',
    });
    expect(g.edges).toContainEqual({
      from: 'i_street_floods',
      to: 'o_evacuate_boats',
      label: 'offers',
      style: 'condition',
    });
    expect(g.edges).toContainEqual({
      from: 't_Tm4h',
      to: 'i_street_floods',
      label: 'when river_m > 5',
      style: 'condition',
    });
  });
  it('renders Mermaid and DOT', () => {
    const m = graphMermaid(g);
    expect(m.startsWith('flowchart TD\n')).toBe(true);
    expect(m).toContain('d_warn{"warn: ');
    expect(m).toContain('o_warn_call_answer -->|"+1h"| i_volunteers');
    const d = graphDot(g, 'annotated');
    expect(d.startsWith('digraph "annotated" {')).toBe(true);
    expect(d.trim().endsWith('}')).toBe(true);
    expect(d).toContain('o_warn_call_answer -> i_volunteers [label="+1h", style=solid];');
  });
  it('escapes quotes in labels', () => {
    const t = scenarioGraph(typhoon, 'zh-CN');
    expect(graphDot(t)).not.toMatch(/label="[^"\\]*"[^,\]]/);
  });
});
