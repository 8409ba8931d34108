import { placeholders } from '../live-text.ts';
import type { Expressions } from './link-expressions.ts';
import type { KnownIds } from './link-ids.ts';
import { ALL_ROLES, type LinkContext, type Located } from './link-context.ts';
import type { Times } from './link-times.ts';
import { moduleFor } from './link-modules.ts';
import type { Inject, Module } from './model.ts';

/** An error for each audience role that is neither declared nor `all`. */
export function checkRoles(c: LinkContext, ids: KnownIds, loc: Located<unknown>, roles: string[]): void {
  const known = new Set([...ids.roles, ALL_ROLES]);
  roles.forEach((r, i) => c.checkRef(loc, ['roles', i], 'role', r, known));
}

/** Injects: audience, live values, expected actions, time or condition, contingency. */
export function linkInjects(
  c: LinkContext,
  ids: KnownIds,
  x: Expressions,
  t: Times,
  modules: readonly Module[] = [],
): Inject[] {
  const varIds = new Set(c.lists.variables.map((v) => v.value.id));
  return c.lists.injects.map((it) => {
    const v = it.value;
    checkRoles(c, ids, it, v.roles);
    c.liveRefs(it, ['text'], v.text, varIds);
    c.liveRefs(it, ['title'], v.title, varIds);
    const live = [...new Set([...placeholders(v.text), ...placeholders(v.title)])].filter((n) =>
      varIds.has(n),
    );
    v.expects.forEach((d, i) => c.checkRef(it, ['expects', i], 'decision', d, ids.decisions));
    c.checkRef(it, ['objective'], 'objective', v.objective, ids.objectives);
    const at = t.time(it, ['at'], v.at);
    t.inClock(it, ['at'], at);
    if (v.unless !== undefined && v.at === undefined)
      c.err(
        it,
        ['unless'],
        'contingency-without-time',
        'a contingency (`unless`) needs the time `at` when it is checked',
      );
    const when = v.when !== undefined ? x.expr(it, ['when'], v.when, 'boolean') : undefined;
    const unless = v.unless !== undefined ? x.expr(it, ['unless'], v.unless, 'boolean') : undefined;
    const from = t.time(it, ['from'], v.from);
    const until = t.time(it, ['until'], v.until);
    return {
      id: v.id,
      ...(at !== undefined ? { at } : {}),
      ...(when ? { when } : {}),
      ...(unless ? { unless } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(until !== undefined ? { until } : {}),
      roles: v.roles,
      source: v.source,
      channel: v.channel,
      urgency: v.urgency,
      ...(v.title !== undefined ? { title: v.title } : {}),
      text: v.text,
      effects: x.effects(it, ['effects'], v.effects),
      expects: v.expects,
      ...(v.objective !== undefined ? { objective: v.objective } : {}),
      followUpOnly: at === undefined && v.when === undefined,
      ...(live.length ? { live } : {}),
      ...(v.note !== undefined ? { note: v.note } : {}),
      ...moduleFor(c, ids, modules, it, v.module, at),
    };
  });
}
