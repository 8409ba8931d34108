import type { z } from 'zod';
import { didYouMean } from '../expr/check.ts';
import { placeholders } from '../live-text.ts';
import type { LocalizedText } from '../text.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { HeaderSchema, itemSchema, ListKey } from './schema-items.ts';
import type { SourceFile } from './source.ts';

/** A path inside a YAML document: keys and list indexes. */
export type Path = (string | number)[];

/** A validated list item of section `K`. */
export type Item<K extends ListKey> = z.infer<ReturnType<typeof itemSchema<K>>>;

/** The scenario's header (everything but the lists), as validated. */
export type Header = z.infer<typeof HeaderSchema>;

/** A validated list item and where it came from, so later problems point at the right file and line. */
export interface Located<T> {
  value: T;
  file: SourceFile;
  path: Path;
}

/** Every list section's validated items, over the main file and its parts. */
export type Lists = { [K in ListKey]: Located<Item<K>>[] };

/** The special audience that means every role. */
export const ALL_ROLES = 'all';

/**
 * What every linking step shares: the validated items, where to report problems, and the checks
 * that point at a place in the source (an error, a reference to an id).
 */
export class LinkContext {
  /** A place for problems of the main file's header (clock, roles list…). */
  readonly root: Located<unknown>;
  /** The rubric's capabilities this scenario hides (set by linkCapabilities). */
  hiddenCapabilities: ReadonlySet<string> = new Set();

  constructor(
    readonly diagnostics: Diagnostic[],
    readonly lists: Lists,
    /** Ids seen in items that failed validation: known, so they cause no second "unknown id" error. */
    readonly brokenIds: Record<ListKey, Set<string>>,
    readonly main: SourceFile,
    readonly header: Header,
  ) {
    this.root = { value: undefined, file: main, path: [] };
  }

  err(loc: { file: SourceFile; path: Path }, sub: Path, code: string, message: string, hint?: string): void {
    this.diagnostics.push(loc.file.diagnostic([...loc.path, ...sub], code, message, hint ? { hint } : {}));
  }

  /** An error when `value` names no known id of its kind, with the nearest known one as a hint. */
  checkRef(
    loc: Located<unknown>,
    sub: Path,
    kind: string,
    value: string | undefined,
    known: Set<string>,
  ): void {
    if (value === undefined || known.has(value)) return;
    if (kind === 'capability' && this.hiddenCapabilities.has(value))
      return this.err(
        loc,
        sub,
        'hidden-capability',
        `capability \`${value}\` is hidden in this scenario (\`hidden: true\` under \`capabilities\`)`,
        'score another capability, or stop hiding this one',
      );
    const m = didYouMean(value, known);
    this.err(
      loc,
      sub,
      `unknown-${kind}`,
      `unknown ${kind} \`${value}\``,
      m
        ? `did you mean \`${m}\`?`
        : known.size
          ? `known: ${[...known].slice(0, 12).join(', ')}`
          : `no ${kind}s are declared`,
    );
  }

  /** `{variable}` in a participant text shows its live value: each must name a variable. */
  liveRefs(loc: Located<unknown>, sub: Path, text: LocalizedText | undefined, varIds: Set<string>): void {
    for (const name of placeholders(text)) this.checkRef(loc, sub, 'variable', name, varIds);
  }

  /**
   * The ids of one list, each reported once if declared twice; ids of items that failed validation
   * count as known.
   */
  uniqueIds<K extends ListKey>(k: K): Set<string> {
    const seen = new Map<string, Located<Item<K>>>();
    for (const it of this.lists[k]) {
      const id = (it.value as { id: string }).id;
      const first = seen.get(id);
      if (first)
        this.err(
          it,
          ['id'],
          'duplicate-id',
          `duplicate ${k.replace(/s$/, '')} id \`${id}\``,
          firstDefined(first, it),
        );
      else seen.set(id, it);
    }
    return new Set([...seen.keys(), ...this.brokenIds[k]]);
  }
}

/** "first defined on line 12", or in another file when the two are in different files. */
export function firstDefined(first: Located<unknown>, again: { file: SourceFile }): string {
  const line = first.file.diagnostic([...first.path, 'id'], '', '').line;
  return first.file === again.file
    ? `first defined on line ${line}`
    : `first defined in ${first.file.path}:${line}`;
}
