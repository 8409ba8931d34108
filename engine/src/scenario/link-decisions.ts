import type { Expressions } from './link-expressions.ts';
import type { KnownIds } from './link-ids.ts';
import { checkRoles } from './link-injects.ts';
import { ALL_ROLES, type Item, type LinkContext, type Located } from './link-context.ts';
import type { Times } from './link-times.ts';
import { moduleFor } from './link-modules.ts';
import type { DecisionOption, DecisionPoint, FollowUp, Module } from './model.ts';

type DecisionItem = Located<Item<'decisions'>>;

/** Decision points: references, options and defaults, what each kind needs, deadlines, follow-ups. */
export function linkDecisions(
  c: LinkContext,
  ids: KnownIds,
  x: Expressions,
  t: Times,
  modules: readonly Module[] = [],
): DecisionPoint[] {
  const varIds = new Set(c.lists.variables.map((v) => v.value.id));
  return c.lists.decisions.map((dl) => {
    const d = dl.value;
    checkRoles(c, ids, dl, d.roles);
    c.liveRefs(dl, ['prompt'], d.prompt, varIds);
    c.checkRef(dl, ['capability'], 'capability', d.capability, ids.capabilities);
    (d.capabilities ?? []).forEach((cap, i) =>
      c.checkRef(dl, ['capabilities', i], 'capability', cap, ids.capabilities),
    );
    c.checkRef(dl, ['ref'], 'reference', d.ref, ids.references);
    c.checkRef(dl, ['objective'], 'objective', d.objective, ids.objectives);
    const optionIds = checkOptionIds(c, dl);
    const defaults = checkDefaults(c, dl, optionIds);
    if (d.kind === 'discuss') checkDiscussion(c, dl);
    else checkScored(c, dl);
    checkKindNeeds(c, dl);
    const locals = d.kind === 'allocate' ? new Set(optionIds) : undefined;
    const opens = t.time(dl, ['opens'], d.opens);
    t.inClock(dl, ['opens'], opens);
    const opensWhen =
      d.opensWhen !== undefined ? x.expr(dl, ['opensWhen'], d.opensWhen, 'boolean') : undefined;
    // A discussion without a deadline stays open until the next module starts, or the end.
    const until = modules.find((m) => m.at > (opens ?? t.start))?.at ?? t.end;
    const due =
      t.decisionTime(dl, ['due'], d.due) ??
      (d.kind === 'discuss' && d.due === undefined ? { abs: until } : { rel: 60 });
    const closes = t.decisionTime(dl, ['closes'], d.closes) ?? due;
    if ('abs' in due && 'abs' in closes && closes.abs < due.abs)
      c.err(dl, ['closes'], 'bad-deadline', 'it closes before it is due');
    if ('rel' in due && 'rel' in closes && closes.rel < due.rel)
      c.err(dl, ['closes'], 'bad-deadline', 'it closes before it is due');
    if (opens !== undefined && 'abs' in due && due.abs <= opens)
      c.err(dl, ['due'], 'bad-deadline', 'it is due before (or when) it opens');
    const budget = d.budget === undefined ? undefined : x.expr(dl, ['budget'], String(d.budget), 'number');
    const score =
      d.score !== undefined
        ? x.expr(dl, ['score'], d.score, 'number', { locals: locals ?? new Set() })
        : undefined;
    const options = linkOptions(c, ids, x, t, dl);
    const feedback = d.feedback.flatMap((f, i) => {
      const w = x.expr(dl, ['feedback', i, 'when'], f.when, 'boolean', { locals: locals ?? new Set() });
      return w ? [{ when: w, text: f.text }] : [];
    });
    return {
      id: d.id,
      roles: d.roles,
      prompt: d.prompt,
      kind: d.kind,
      ...(d.each !== undefined ? { each: d.each } : {}),
      ...(opens !== undefined ? { opens } : {}),
      ...(opensWhen ? { opensWhen } : {}),
      due,
      closes,
      options,
      default: defaults,
      ...(d.max !== undefined ? { max: d.max } : {}),
      ...(budget ? { budget } : {}),
      ...(d.unit !== undefined ? { unit: d.unit } : {}),
      order: d.order,
      capability: d.capability ?? '',
      ...(d.capabilities !== undefined ? { capabilities: d.capabilities } : {}),
      weight: d.weight,
      lateDecay: d.lateDecay,
      ...(score ? { score } : {}),
      feedback,
      ...(d.ref !== undefined ? { ref: d.ref } : {}),
      ...(d.objective !== undefined ? { objective: d.objective } : {}),
      followUpOnly: opens === undefined && d.opensWhen === undefined,
      ...(d.note !== undefined ? { note: d.note } : {}),
      ...moduleFor(c, ids, modules, dl, d.module, opens),
    };
  });
}

/** Option ids are unique within their decision. */
function checkOptionIds(c: LinkContext, dl: DecisionItem): Set<string> {
  const optionIds = new Set<string>();
  (dl.value.options ?? []).forEach((o, i) => {
    if (optionIds.has(o.id))
      c.err(dl, ['options', i, 'id'], 'duplicate-id', `duplicate option id \`${o.id}\``);
    optionIds.add(o.id);
  });
  return optionIds;
}

/** The default names options of this decision, as many as its kind allows. */
function checkDefaults(c: LinkContext, dl: DecisionItem, optionIds: Set<string>): string[] {
  const d = dl.value;
  const defaults = d.default === undefined ? [] : Array.isArray(d.default) ? d.default : [d.default];
  defaults.forEach((o, i) =>
    c.checkRef(dl, Array.isArray(d.default) ? ['default', i] : ['default'], 'option', o, optionIds),
  );
  if (d.kind === 'single' && d.default !== undefined && defaults.length !== 1)
    c.err(dl, ['default'], 'bad-default', 'a single-choice decision has exactly one default option');
  if (d.kind === 'multi' && d.max !== undefined && defaults.length > d.max)
    c.err(dl, ['default'], 'bad-default', `the default chooses more than max (${d.max}) options`);
  return defaults;
}

/**
 * A discussion question has no options, default, score or scored capability: it has no right answer
 * (it may carry capability tags). `each: role` needs the roles named.
 */
function checkDiscussion(c: LinkContext, dl: DecisionItem): void {
  const d = dl.value;
  for (const k of ['options', 'default', 'capability', 'score', 'budget', 'max'] as const)
    if (d[k] !== undefined)
      c.err(
        dl,
        [k],
        'discussion-scored',
        `a discussion question has no \`${k}\`: it has no right answer and is never scored`,
        k === 'capability'
          ? 'tag it with `capabilities: [..]` instead'
          : 'remove it, or make it kind: single',
      );
  if (d.each === 'role' && d.roles.includes(ALL_ROLES))
    c.err(dl, ['each'], 'bad-each', '`each: role` needs the roles named, not `all`');
}

/** A scored decision needs a deadline, two options or more, a default and the capability it scores. */
function checkScored(c: LinkContext, dl: DecisionItem): void {
  const d = dl.value;
  if (d.each !== undefined)
    c.err(dl, ['each'], 'bad-each', '`each: role` is for discussion questions (kind: discuss)');
  if (d.capabilities !== undefined)
    c.err(
      dl,
      ['capabilities'],
      'bad-capabilities',
      '`capabilities` tags a discussion; a scored decision names one `capability`',
    );
  if (d.due === undefined)
    c.err(dl, [], 'missing-key', 'a decision needs `due`', 'e.g. due: +1h, or due: T-40h');
  if ((d.options ?? []).length < 2)
    c.err(dl, d.options ? ['options'] : [], 'missing-key', 'a decision needs at least two `options`');
  if (d.default === undefined)
    c.err(dl, [], 'missing-key', 'a decision needs a `default` (what happens when nobody decides)');
  if (d.capability === undefined) c.err(dl, [], 'missing-key', 'a decision needs the `capability` it scores');
}

/** An allocation needs a budget and a score expression; any other decision scores and explains each option. */
function checkKindNeeds(c: LinkContext, dl: DecisionItem): void {
  const d = dl.value;
  if (d.kind === 'discuss') return;
  if (d.kind === 'allocate') {
    if (d.budget === undefined)
      c.err(
        dl,
        [],
        'missing-budget',
        'an allocation decision needs a `budget`',
        'e.g. budget: 6 (teams), or an expression',
      );
    if (d.score === undefined)
      c.err(
        dl,
        [],
        'missing-score',
        'an allocation decision needs a `score` expression over its option ids',
        'e.g. score: "min(1, coast / 4)"',
      );
    return;
  }
  (d.options ?? []).forEach((o, i) => {
    if (o.score === undefined)
      c.err(
        dl,
        ['options', i],
        'missing-score',
        `option \`${o.id}\` has no \`score\` (0…1)`,
        'every option of a scored decision says how good it is',
      );
    if (o.feedback === undefined)
      c.err(
        dl,
        ['options', i],
        'missing-feedback',
        `option \`${o.id}\` has no \`feedback\``,
        'say why this choice is good or bad, citing the principle',
      );
  });
}

/** Each option: its references, follow-ups (`then`), condition and effects. */
function linkOptions(
  c: LinkContext,
  ids: KnownIds,
  x: Expressions,
  t: Times,
  dl: DecisionItem,
): DecisionOption[] {
  const d = dl.value;
  return (d.options ?? []).map((o, i) => {
    c.checkRef(dl, ['options', i, 'capability'], 'capability', o.capability, ids.capabilities);
    c.checkRef(dl, ['options', i, 'ref'], 'reference', o.ref, ids.references);
    const then: FollowUp[] = o.then.map((f, j) => {
      if ((f.inject === undefined) === (f.decision === undefined))
        c.err(
          dl,
          ['options', i, 'then', j],
          'bad-follow-up',
          'a follow-up names exactly one `inject` or one `decision`',
        );
      c.checkRef(dl, ['options', i, 'then', j, 'inject'], 'inject', f.inject, ids.injects);
      c.checkRef(dl, ['options', i, 'then', j, 'decision'], 'decision', f.decision, ids.decisions);
      return {
        ...(f.inject ? { inject: f.inject } : {}),
        ...(f.decision ? { decision: f.decision } : {}),
        after: t.dur(dl, ['options', i, 'then', j, 'after'], f.after, 0),
      };
    });
    const when = o.when !== undefined ? x.expr(dl, ['options', i, 'when'], o.when, 'boolean') : undefined;
    return {
      id: o.id,
      label: o.label,
      effects: x.effects(
        dl,
        ['options', i, 'effects'],
        o.effects,
        d.kind === 'allocate' ? new Set(['amount']) : undefined,
      ),
      then,
      ...(o.score !== undefined ? { score: o.score } : {}),
      ...(o.capability !== undefined ? { capability: o.capability } : {}),
      ...(o.feedback !== undefined ? { feedback: o.feedback } : {}),
      ...(o.ref !== undefined ? { ref: o.ref } : {}),
      ...(o.min !== undefined ? { min: o.min } : {}),
      ...(o.max !== undefined ? { max: o.max } : {}),
      ...(when ? { when } : {}),
    };
  });
}
