import {
  formatDuration,
  formatScenarioTime,
  HAZARD_NAMES,
  HAZARDS,
  type Hazard,
  type Lang,
} from '@drill/engine';
import { Document, isMap, isScalar, isSeq } from 'yaml';
import type { ImportedDecision } from './decisions.ts';
import type { ImportedInject, ImportedModule } from './import-msel.ts';
import type { RoleBook } from './roles.ts';
import { parseTimeCell } from './times.ts';

const ID = /^[a-z][a-z0-9_-]*$/;

/**
 * The capability a scored decision is evidence for cannot be read from an MSEL, and the format requires
 * one: the skeleton declares this placeholder (named TODO) for the author to replace.
 */
export const TODO_CAPABILITY = 'todo_capability';

export interface SkeletonInput {
  id: string;
  lang: Lang;
  about: Map<string, string>;
  t0: string | undefined;
  roles: RoleBook;
  modules: ImportedModule[];
  injects: ImportedInject[];
  comments: Map<string, string[]>;
  decisions: ImportedDecision[];
  decisionComments: Map<string, string[]>;
  /** Decision rows the skeleton cannot write as decisions (an allocation, a question without options…). */
  decisionNotes: string[];
  file: string;
}

/** A hazard as a sheet names it: its code (`typhoon`) or its name in either language (`Typhoon`, `台风`). */
function hazardOf(text: string | undefined): Hazard | undefined {
  const t = text?.trim().toLowerCase();
  if (!t) return undefined;
  return HAZARDS.find(
    (h) => h === t || HAZARD_NAMES[h].en.toLowerCase() === t || HAZARD_NAMES[h]['zh-CN'] === t,
  );
}

/** The scenario skeleton as YAML, built with the `yaml` Document API so quoting is always right. */
export function skeleton(x: SkeletonInput): string {
  const L = x.lang;
  const todo = (en: string, zh: string): Record<string, string> => ({
    [L]: L === 'zh-CN' ? `TODO：${zh}` : `TODO: ${en}`,
  });
  const ats = [
    ...x.modules.map((m) => m.at),
    ...x.injects.flatMap((i) => (i.at === undefined ? [] : [i.at])),
    // A decision opens and falls due inside the clock.
    ...x.decisions.flatMap((d) => [
      ...(d.at === undefined ? [] : [d.at]),
      ...(d.due && 'abs' in d.due ? [d.due.abs] : []),
      ...(d.due && 'rel' in d.due && d.at !== undefined ? [d.at + d.due.rel] : []),
    ]),
  ];
  const parsedStart = x.about.get('start');
  const parsedEnd = x.about.get('end');
  const fromAbout = (v: string | undefined): number | undefined => {
    const c = v === undefined ? undefined : parseTimeCell(v);
    return c?.kind === 'at' ? c.minutes : undefined;
  };
  const start = Math.min(fromAbout(parsedStart) ?? Infinity, ...ats, ats.length ? Infinity : -60);
  const endRaw = Math.max(fromAbout(parsedEnd) ?? -Infinity, ...ats, ats.length ? -Infinity : 0);
  // A module starts before the clock ends (the drill pauses there, then plays it).
  const lastModule = Math.max(-Infinity, ...x.modules.map((m) => m.at));
  const end = Math.max(endRaw > start ? endRaw : start + 60, lastModule + 60);
  const title = x.about.get('title');
  const hazard = hazardOf(x.about.get('hazard'));
  const hazardOk = hazard !== undefined;
  const id = x.about.get('id') && ID.test(x.about.get('id')!) ? x.about.get('id')! : x.id;
  // The workbook writes T0 as `2025-08-14 14:00`; the format wants `2025-08-14T14:00`.
  const t0 = x.t0?.trim().replace(/^(\d{4}-\d{2}-\d{2})\s+/, '$1T');
  const t0Ok = t0 !== undefined && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(t0);

  const text = (s: string): Record<string, string> => ({ [L]: s });
  // `{res_level}` in a text shows a live value (FORMAT.md §7): the variable must exist for the file to load.
  const liveNames = [
    ...new Set(
      [
        ...x.injects.flatMap((i) => [i.title ?? '', i.text]),
        ...x.decisions.flatMap((d) => [d.prompt, ...d.options]),
      ].flatMap((s) => [...s.matchAll(/\{([a-z][a-z0-9_]*)\}/g)].map((m) => m[1]!)),
    ),
  ];
  const value = {
    format: 'drill/1',
    id,
    version: x.about.get('version') ?? '0.1.0',
    title: title ? text(title) : todo('the drill’s title', '推演标题'),
    hazard: hazardOk ? hazard : 'other',
    setting: { place: todo('the (fictional) place', '（虚构）地点') },
    languages: ['en', 'zh-CN'],
    clock: {
      anchor: x.about.get('anchor')
        ? text(x.about.get('anchor')!)
        : todo('what T0 is (landfall, the main shock…)', 'T0 是什么时刻（登陆、主震……）'),
      t0: t0Ok ? t0 : '2025-01-01T00:00',
      start: formatScenarioTime(start),
      end: formatScenarioTime(end),
    },
    briefing: todo('what participants read before the drill starts', '推演开始前参演人员阅读的背景介绍'),
    // Every inject went to "all": the drill still needs a seat at the table.
    roles: x.roles.roles.length
      ? x.roles.roles.map((r) => ({ id: r.id, name: r.name }))
      : [
          {
            id: 'participant',
            name: todo('the seats at the table (one role per agency)', '参演席位（每个单位一个角色）'),
          },
        ],
    ...(liveNames.length
      ? {
          variables: liveNames.map((v) => ({
            id: v,
            name: todo(`what \`${v}\` is`, `\`${v}\` 是什么`),
            initial: 0,
          })),
        }
      : {}),
    ...(x.modules.length
      ? {
          modules: x.modules.map((m) => ({
            id: m.id,
            at: formatScenarioTime(m.at),
            title: text(m.title),
            ...(m.summary !== undefined ? { summary: text(m.summary) } : {}),
            ...(m.keyIssues.length ? { keyIssues: m.keyIssues.map(text) } : {}),
            ...(m.note !== undefined ? { note: text(m.note) } : {}),
          })),
        }
      : {}),
    injects: x.injects.map((i) => ({
      id: i.id,
      ...(i.at !== undefined ? { at: formatScenarioTime(i.at) } : {}),
      ...(i.module !== undefined ? { module: i.module } : {}),
      roles: i.roles,
      source: i.source !== undefined ? text(i.source) : todo('who sends it', '谁发出'),
      channel: i.channel,
      ...(i.title !== undefined ? { title: text(i.title) } : {}),
      text: text(i.text),
      ...(i.note !== undefined ? { note: text(i.note) } : {}),
      ...(i.expects?.length ? { expects: i.expects } : {}),
    })),
    ...(x.decisions.some((d) => d.kind !== 'discuss')
      ? {
          capabilities: [
            {
              id: TODO_CAPABILITY,
              name: todo('the capability these decisions show', '这些决策体现的能力'),
            },
          ],
        }
      : {}),
    decisions: x.decisions.map((d) => {
      const scored = d.kind !== 'discuss';
      const due = d.due ?? (scored ? { rel: 60 } : undefined);
      return {
        id: d.id,
        ...(d.kind !== 'single' ? { kind: d.kind } : {}),
        ...(d.each ? { each: 'role' } : {}),
        roles: d.roles,
        ...(d.module !== undefined ? { module: d.module } : {}),
        ...(d.at !== undefined ? { opens: formatScenarioTime(d.at) } : {}),
        ...(due ? { due: 'abs' in due ? formatScenarioTime(due.abs) : `+${formatDuration(due.rel)}` } : {}),
        prompt: text(d.prompt),
        ...(d.note !== undefined ? { note: text(d.note) } : {}),
        ...(scored
          ? {
              capability: TODO_CAPABILITY,
              default: d.kind === 'multi' ? ['o1'] : 'o1',
              options: d.options.map((label, n) => ({
                id: `o${n + 1}`,
                label: text(label),
                score: 0,
                feedback: todo('why this option is good or bad', '此选项好在哪里或差在哪里'),
              })),
            }
          : {}),
      };
    }),
    endings: [
      {
        id: 'end',
        title: todo('the ending’s title', '结局标题'),
        text: todo('how the drill ends', '推演如何结束'),
      },
    ],
  };
  const doc = new Document(value);
  doc.commentBefore = [
    ` Imported from ${x.file} by \`drill import msel\`.`,
    ' Everything marked TODO is what a spreadsheet cannot say: fill it in, then run',
    ' `drill validate` and `drill lint` on this file. Texts are in one language',
    ` (${L}); \`drill texts export\` makes a sheet for the translator.`,
  ].join('\n');
  const comment = (path: (string | number)[], lines: string[]): void => {
    const text = lines.map((l) => ` ${l}`).join('\n');
    const last = path[path.length - 1];
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    // On a map entry the comment goes above its key (`# …` then `hazard: other`), not inside the value.
    if (typeof last === 'string' && isMap(parent)) {
      const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === last);
      if (!pair) return;
      const key = isScalar(pair.key) ? pair.key : doc.createNode(pair.key);
      key.commentBefore = text;
      pair.key = key;
      return;
    }
    const n = doc.getIn(path, true) as { commentBefore?: string | null } | undefined;
    if (n) n.commentBefore = text;
  };
  // Texts on one line read best as `{ en: … }`; longer ones stay as blocks.
  const flowTexts = (n: unknown): void => {
    if (isMap(n)) {
      const vals = n.items.map((p) => (p.value as { value?: unknown } | null)?.value);
      const isText = n.items.every((p) =>
        ['en', 'zh-CN'].includes(String((p.key as { value?: unknown }).value)),
      );
      if (isText && vals.every((v) => typeof v === 'string' && !v.includes('\n'))) n.flow = true;
      else for (const p of n.items) flowTexts(p.value);
    } else if (isSeq(n)) {
      if (n.items.every((v) => !isMap(v) && !isSeq(v))) n.flow = true;
      for (const v of n.items) flowTexts(v);
    }
  };
  flowTexts(doc.contents);
  if (!hazardOk) comment(['hazard'], [`TODO: one of ${HAZARDS.join(', ')}`]);
  if (!t0Ok)
    comment(['clock', 't0'], ['TODO: the local date and time of T0 (the MSEL gives no local times)']);
  comment(
    ['clock', 'start'],
    ['start and end: the first and last inject; widen them to play before and after'],
  );
  comment(
    ['roles'],
    [
      'TODO objectives: what the drill trains, each with its capabilities (scenarios/FORMAT.md §3).',
      'A spreadsheet cannot say which capabilities a decision shows, so none are written here.',
    ],
  );
  x.injects.forEach((i, n) => {
    const lines = x.comments.get(i.id) ?? [];
    if (lines.length) comment(['injects', n], lines);
  });
  x.decisions.forEach((d, n) => {
    const lines = x.decisionComments.get(d.id) ?? [];
    if (lines.length) comment(['decisions', n], lines);
  });
  comment(
    ['decisions'],
    [
      x.decisions.length
        ? 'Decisions: read from the MSEL (question, options, who decides, when, deadline). TODO: the scores,'
        : 'TODO decisions: the MSEL has no decision rows drill could read.',
      ...(x.decisions.length
        ? [
            'feedback, default and capability of each scored one: an MSEL does not hold them (all 0 until then).',
          ]
        : []),
      ...(x.decisionNotes.length
        ? [
            'TODO: these decision rows could not be written as decisions:',
            ...x.decisionNotes.map((d) => `  - ${d}`),
          ]
        : []),
    ],
  );
  if (liveNames.length)
    comment(
      ['variables'],
      [
        'TODO variables: the texts show these live values (`{name}`); give each its name, unit, bounds',
        'and real initial value (0 is a placeholder), and the effects that change it.',
      ],
    );
  comment(['endings'], ['TODO: the endings, the last one without `when` (the fallback)']);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
