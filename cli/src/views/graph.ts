import {
  formatDuration,
  formatScenarioTime,
  localize,
  type Expr,
  type Lang,
  type Scenario,
} from '@drill/engine';

export interface GraphNode {
  id: string;
  label: string;
  shape: 'time' | 'inject' | 'contingency' | 'decision' | 'option' | 'ending';
}
export interface GraphEdge {
  from: string;
  to: string;
  label?: string;
  style: 'timeline' | 'branch' | 'condition';
}
export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const nid = (kind: string, id: string): string => `${kind}_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
const short = (s: string, n = 48): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Names a condition refers to through chose/fired/opened/decided, to draw "enables" edges from them. */
function refs(e: Expr, out: { decisions: Set<string>; options: Set<string>; injects: Set<string> }): void {
  if (e.kind === 'call') {
    const a = e.args[0]?.kind === 'str' ? e.args[0].value : undefined;
    const b = e.args[1]?.kind === 'str' ? e.args[1].value : undefined;
    if (a !== undefined && e.fn === 'chose' && b !== undefined) out.options.add(`${a}.${b}`);
    else if (a !== undefined && (e.fn === 'decided' || e.fn === 'opened')) out.decisions.add(a);
    else if (a !== undefined && e.fn === 'fired') out.injects.add(a);
    e.args.forEach((x) => refs(x, out));
  } else if (e.kind === 'unary') refs(e.arg, out);
  else if (e.kind === 'binary') {
    refs(e.left, out);
    refs(e.right, out);
  } else if (e.kind === 'cond') {
    refs(e.test, out);
    refs(e.then, out);
    refs(e.else, out);
  }
}

/**
 * The drill as a graph: a timeline of fixed times; injects and decision points hanging from it;
 * options branching from decisions to the injects and decisions they bring (`then`); contingencies and
 * condition-only items linked from what enables them; endings from the end of the clock.
 */
export function scenarioGraph(s: Scenario, lang: Lang): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const L = (t: Parameters<typeof localize>[0]): string => localize(t, lang);
  const times = new Set<number>([s.clock.start, s.clock.end]);
  for (const i of s.injects) {
    if (i.at !== undefined) times.add(i.at);
    else if (i.when && i.from !== undefined) times.add(i.from);
  }
  for (const d of s.decisions) if (d.opens !== undefined) times.add(d.opens);
  const sorted = [...times].sort((a, b) => a - b);
  const tid = (t: number): string => nid('t', formatScenarioTime(t).replace('+', 'p').replace('-', 'm'));
  for (const t of sorted) nodes.push({ id: tid(t), label: formatScenarioTime(t), shape: 'time' });
  for (let k = 1; k < sorted.length; k++)
    edges.push({ from: tid(sorted[k - 1]!), to: tid(sorted[k]!), style: 'timeline' });

  const enable = (target: string, cond: Expr, label: string): boolean => {
    const r = { decisions: new Set<string>(), options: new Set<string>(), injects: new Set<string>() };
    refs(cond, r);
    for (const o of r.options) edges.push({ from: nid('o', o), to: target, label, style: 'condition' });
    for (const d of r.decisions) edges.push({ from: nid('d', d), to: target, label, style: 'condition' });
    for (const i of r.injects) edges.push({ from: nid('i', i), to: target, label, style: 'condition' });
    return r.options.size + r.decisions.size + r.injects.size > 0;
  };

  for (const i of s.injects) {
    const id = nid('i', i.id);
    const title = short(L(i.title) || L(i.text));
    nodes.push({ id, label: `${i.id}: ${title}`, shape: i.unless ? 'contingency' : 'inject' });
    if (i.at !== undefined) {
      const cond = i.unless ? `unless ${i.unless.src}` : i.when ? `when ${i.when.src}` : undefined;
      edges.push({
        from: tid(i.at),
        to: id,
        ...(cond ? { label: short(cond, 40) } : {}),
        style: cond ? 'condition' : 'timeline',
      });
      if (i.unless) enable(id, i.unless.ast, 'prevents');
    } else if (i.when) {
      if (!enable(id, i.when.ast, short(`when ${i.when.src}`, 40)))
        edges.push({
          from: tid(i.from ?? s.clock.start),
          to: id,
          label: short(`when ${i.when.src}`, 40),
          style: 'condition',
        });
    }
  }
  for (const d of s.decisions) {
    const id = nid('d', d.id);
    nodes.push({ id, label: `${d.id}: ${short(L(d.prompt))}`, shape: 'decision' });
    if (d.opens !== undefined) edges.push({ from: tid(d.opens), to: id, style: 'timeline' });
    else if (d.opensWhen && !enable(id, d.opensWhen.ast, short(`when ${d.opensWhen.src}`, 40)))
      edges.push({
        from: tid(s.clock.start),
        to: id,
        label: short(`when ${d.opensWhen.src}`, 40),
        style: 'condition',
      });
    for (const o of d.options) {
      const oid = nid('o', `${d.id}.${o.id}`);
      const score = o.score !== undefined ? ` (${o.score})` : '';
      nodes.push({
        id: oid,
        label: `${o.id}${score}${d.default.includes(o.id) ? ' [default]' : ''}`,
        shape: 'option',
      });
      edges.push({
        from: id,
        to: oid,
        ...(o.when ? { label: short(`if ${o.when.src}`, 40) } : {}),
        style: 'branch',
      });
      if (o.when) enable(oid, o.when.ast, 'offers');
      for (const f of o.then) {
        const target = f.inject ? nid('i', f.inject) : nid('d', f.decision!);
        edges.push({
          from: oid,
          to: target,
          label: f.after ? `+${formatDuration(f.after)}` : 'then',
          style: 'branch',
        });
      }
    }
  }
  for (const e of s.endings) {
    const id = nid('e', e.id);
    nodes.push({ id, label: `${e.id}: ${short(L(e.title))}`, shape: 'ending' });
    edges.push({
      from: tid(s.clock.end),
      to: id,
      label: e.when ? short(e.when.src, 40) : 'otherwise',
      style: 'condition',
    });
  }
  return { nodes, edges };
}

function mermaidLabel(s: string): string {
  return `"${s.replace(/"/g, '#quot;').replace(/[\r\n]+/g, ' ')}"`;
}

/** Mermaid flowchart text (GitHub and many editors render it). */
export function graphMermaid(g: Graph): string {
  const shape: Record<GraphNode['shape'], [string, string]> = {
    time: ['((', '))'],
    inject: ['[', ']'],
    contingency: ['[/', '/]'],
    decision: ['{', '}'],
    option: ['(', ')'],
    ending: ['([', '])'],
  };
  const lines = ['flowchart TD'];
  for (const n of g.nodes)
    lines.push(`  ${n.id}${shape[n.shape][0]}${mermaidLabel(n.label)}${shape[n.shape][1]}`);
  for (const e of g.edges) {
    const arrow = e.style === 'timeline' ? '==>' : e.style === 'condition' ? '-.->' : '-->';
    lines.push(`  ${e.from} ${arrow}${e.label ? `|${mermaidLabel(e.label)}|` : ''} ${e.to}`);
  }
  lines.push(
    '  classDef time fill:#eee,stroke:#666;',
    '  classDef decision fill:#fff3cd,stroke:#b58900;',
    '  classDef ending fill:#d4edda,stroke:#2e7d32;',
  );
  for (const k of ['time', 'decision', 'ending'] as const) {
    const ids = g.nodes.filter((n) => n.shape === k).map((n) => n.id);
    if (ids.length) lines.push(`  class ${ids.join(',')} ${k};`);
  }
  return `${lines.join('\n')}\n`;
}

function dotString(s: string): string {
  return `"${s
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

/** Graphviz DOT text (`dot -Tsvg`). */
export function graphDot(g: Graph, name = 'drill'): string {
  const shape: Record<GraphNode['shape'], string> = {
    time: 'shape=circle, style=filled, fillcolor="#eeeeee"',
    inject: 'shape=box',
    contingency: 'shape=parallelogram',
    decision: 'shape=diamond, style=filled, fillcolor="#fff3cd"',
    option: 'shape=box, style=rounded',
    ending: 'shape=box, style="rounded,filled", fillcolor="#d4edda"',
  };
  const lines = [
    `digraph ${dotString(name)} {`,
    '  rankdir=TB;',
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const n of g.nodes) lines.push(`  ${n.id} [label=${dotString(n.label)}, ${shape[n.shape]}];`);
  for (const e of g.edges) {
    const style =
      e.style === 'timeline' ? 'penwidth=2' : e.style === 'condition' ? 'style=dashed' : 'style=solid';
    lines.push(`  ${e.from} -> ${e.to} [${e.label ? `label=${dotString(e.label)}, ` : ''}${style}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
