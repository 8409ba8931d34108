import { didYouMean } from '../expr/check.ts';
import { localize } from '../text.ts';
import type { LinkContext } from './link-context.ts';
import type { Capability } from './model.ts';
import { RUBRICS } from './rubric.ts';

export interface LinkedCapabilities {
  /** Ids a decision, option, objective or outcome may score. */
  known: Set<string>;
  /** The rubric's capabilities the scenario hides: naming one is an error of its own. */
  hidden: Set<string>;
  /** The scenario's capabilities: the rubric's (renamed, hidden ones left out), then its own. */
  list: Capability[];
}

/**
 * The chosen rubric, adjusted by the scenario's `capabilities` entries: an entry with `name` adds a
 * capability of the scenario's own (its id must not be the rubric's); `rename` renames and
 * `hidden: true` hides one of the rubric's.
 */
export function linkCapabilities(c: LinkContext): LinkedCapabilities {
  const rubricId = c.header.rubric;
  const rubric = RUBRICS[rubricId];
  const byId = new Map(rubric.map((x) => [x.id, x]));
  const changes = new Map<string, { rename?: Capability['name']; description?: Capability['name'] }>();
  const hidden = new Set<string>();
  const own: Capability[] = [];
  const ownIds = c.uniqueIds('capabilities');
  const seen = new Set<string>();
  for (const it of c.lists.capabilities) {
    const x = it.value;
    if (seen.has(x.id)) continue; // a duplicate, reported by uniqueIds
    seen.add(x.id);
    const base = byId.get(x.id);
    const adjusts = x.rename !== undefined || x.hidden !== undefined;
    if (x.name !== undefined && adjusts) {
      c.err(
        it,
        [x.rename !== undefined ? 'rename' : 'hidden'],
        'bad-capability',
        'a capability has either a `name` (one of the scenario’s own) or `rename`/`hidden` (one of the rubric’s), not both',
        byId.has(x.id)
          ? 'drop `name`: this id is the rubric’s'
          : 'drop `' +
              (x.rename !== undefined ? 'rename' : 'hidden') +
              '`: the rubric has no capability with this id',
      );
      continue;
    }
    if (x.rename !== undefined && x.hidden === true) {
      c.err(it, ['rename'], 'bad-capability', 'a hidden capability is not shown: drop `rename` or `hidden`');
      continue;
    }
    if (base) {
      if (x.name !== undefined) {
        c.err(
          it,
          ['id'],
          'duplicate-id',
          `capability \`${x.id}\` is already in the ${rubricId} rubric (“${localize(base.name, 'en')}”)`,
          'to call it something else, write `rename:` instead of `name:`; to add a capability of your own, choose another id',
        );
        continue;
      }
      if (x.hidden === true) hidden.add(x.id);
      else
        changes.set(x.id, {
          ...(x.rename !== undefined ? { rename: x.rename } : {}),
          ...(x.description !== undefined ? { description: x.description } : {}),
        });
      continue;
    }
    if (adjusts) {
      const m = didYouMean(x.id, byId.keys());
      c.err(
        it,
        ['id'],
        'unknown-capability',
        `the ${rubricId} rubric has no capability \`${x.id}\` to ${x.rename !== undefined ? 'rename' : 'hide'}`,
        m ? `did you mean \`${m}\`?` : 'to add a capability of your own, give it a `name` instead',
      );
      continue;
    }
    if (x.name === undefined) {
      c.err(
        it,
        [],
        'missing-key',
        'missing required key `name`',
        'a capability of the scenario’s own needs a name, e.g. name: { en: Dam safety, zh-CN: 水库安全 }',
      );
      continue;
    }
    own.push({
      id: x.id,
      name: x.name,
      ...(x.description !== undefined ? { description: x.description } : {}),
    });
  }
  const list = [
    ...rubric
      .filter((x) => !hidden.has(x.id))
      .map((x) => {
        const ch = changes.get(x.id);
        return {
          ...x,
          ...(ch?.rename !== undefined ? { name: ch.rename } : {}),
          ...(ch?.description !== undefined ? { description: ch.description } : {}),
          ...(x.missionAreas ? { missionAreas: [...x.missionAreas] } : {}),
        };
      }),
    ...own,
  ];
  // Ids of entries in error count as known too, so they cause no second error where they are named.
  const known = new Set([...list.map((x) => x.id), ...ownIds]);
  for (const id of hidden) known.delete(id);
  c.hiddenCapabilities = hidden;
  return { known, hidden, list };
}
