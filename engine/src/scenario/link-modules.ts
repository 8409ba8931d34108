import type { KnownIds } from './link-ids.ts';
import type { LinkContext, Located } from './link-context.ts';
import type { Times } from './link-times.ts';
import type { Module } from './model.ts';

/** Modules: each starts within the clock, before its end, and after the module before it. */
export function linkModules(c: LinkContext, t: Times): Module[] {
  let last: number | undefined;
  return c.lists.modules.map((ml) => {
    const m = ml.value;
    const at = t.time(ml, ['at'], m.at) ?? t.start;
    t.inClock(ml, ['at'], at);
    if (at >= t.end) c.err(ml, ['at'], 'bad-module', 'a module starts before the clock ends');
    if (last !== undefined && at <= last)
      c.err(ml, ['at'], 'bad-module', 'modules are listed in time order, each starting after the one before');
    last = at;
    return {
      id: m.id,
      at,
      title: m.title,
      ...(m.summary !== undefined ? { summary: m.summary } : {}),
      keyIssues: m.keyIssues,
      ...(m.note !== undefined ? { note: m.note } : {}),
    };
  });
}

/**
 * The module an inject or decision belongs to: the one it names, else the last module starting at or
 * before its time (none for an item without a time that names none).
 */
export function moduleFor(
  c: LinkContext,
  ids: KnownIds,
  modules: readonly Module[],
  loc: Located<unknown>,
  named: string | undefined,
  at: number | undefined,
): { module?: string } {
  c.checkRef(loc, ['module'], 'module', named, ids.modules);
  if (named !== undefined) return { module: named };
  const m = at === undefined ? undefined : modules.filter((x) => x.at <= at).at(-1);
  return m ? { module: m.id } : {};
}
