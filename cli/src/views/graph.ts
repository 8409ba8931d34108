import {
  formatDuration,
  formatScenarioTime,
  localize,
  moduleAt,
  type Expr,
  type Lang,
  type Scenario,
} from '@drill/engine';

export interface GraphNode {
  id: string;
  label: string;
  shape: 'time' | 'inject' | 'contingency' | 'decision' | 'option' | 'ending';
  /** The module (a subgraph) it is drawn in; none for what belongs to no module. */
  group?: string;
}
/** A module of a discussion-based exercise, drawn as a subgraph with its title. */
export interface GraphGroup {
  id: string;
  title: string;
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
  /** The modules, in time order (empty without modules). */
  groups: GraphGroup[];
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
 * condition-only items linked from what enables them; endings from the end of the clock. With modules,
 * each module is a group: the times from its start to the next module's, and the injects and decisions
 * (with their options) that belong to it; what belongs to no module stays outside every group.
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
  // A module's start is on the timeline even with nothing else at that minute: the drill pauses there.
  for (const m of s.modules) times.add(m.at);
  const sorted = [...times].sort((a, b) => a - b);
  const tid = (t: number): string => nid('t', formatScenarioTime(t).replace('+', 'p').replace('-', 'm'));
  const gid = (m: string | undefined): { group?: string } => (m === undefined ? {} : { group: nid('m', m) });
  const groups = s.modules.map((m) => ({ id: nid('m', m.id), title: L(m.title) }));
  for (const t of sorted)
    nodes.push({ id: tid(t), label: formatScenarioTime(t), shape: 'time', ...gid(moduleAt(s, t)?.id) });
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
    nodes.push({
      id,
      label: `${i.id}: ${title}`,
      shape: i.unless ? 'contingency' : 'inject',
      ...gid(i.module),
    });
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
    nodes.push({ id, label: `${d.id}: ${short(L(d.prompt))}`, shape: 'decision', ...gid(d.module) });
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
        ...gid(d.module),
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
  return { nodes, edges, groups };
}

/** The nodes outside every group, then each group with its nodes (a group without nodes is left out). */
function grouped(g: Graph): { outside: GraphNode[]; groups: { group: GraphGroup; nodes: GraphNode[] }[] } {
  return {
    outside: g.nodes.filter((n) => n.group === undefined || !g.groups.some((x) => x.id === n.group)),
    groups: g.groups
      .map((group) => ({ group, nodes: g.nodes.filter((n) => n.group === group.id) }))
      .filter((x) => x.nodes.length > 0),
  };
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
  const node = (n: GraphNode, indent: string): string =>
    `${indent}${n.id}${shape[n.shape][0]}${mermaidLabel(n.label)}${shape[n.shape][1]}`;
  const parts = grouped(g);
  for (const n of parts.outside) lines.push(node(n, '  '));
  for (const x of parts.groups)
    lines.push(
      `  subgraph ${x.group.id} [${mermaidLabel(x.group.title)}]`,
      ...x.nodes.map((n) => node(n, '    ')),
      '  end',
    );
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
  const node = (n: GraphNode, indent: string): string =>
    `${indent}${n.id} [label=${dotString(n.label)}, ${shape[n.shape]}];`;
  const parts = grouped(g);
  for (const n of parts.outside) lines.push(node(n, '  '));
  // Graphviz draws a subgraph as a box only when its name starts with `cluster`.
  for (const x of parts.groups)
    lines.push(
      `  subgraph ${dotString(`cluster_${x.group.id}`)} {`,
      `    label=${dotString(x.group.title)};`,
      '    style=rounded;',
      ...x.nodes.map((n) => node(n, '    ')),
      '  }',
    );
  for (const e of g.edges) {
    const style =
      e.style === 'timeline' ? 'penwidth=2' : e.style === 'condition' ? 'style=dashed' : 'style=solid';
    lines.push(`  ${e.from} -> ${e.to} [${e.label ? `label=${dotString(e.label)}, ` : ''}${style}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
