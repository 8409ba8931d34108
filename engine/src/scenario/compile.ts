import type { z } from 'zod';
import { didYouMean } from '../expr/check.ts';
import { deepFreeze } from '../freeze.ts';
import { hashJson } from '../hash.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import type { Header, Lists, Located, Path } from './link-context.ts';
import { LinkContext } from './link-context.ts';
import { linkDecisions } from './link-decisions.ts';
import { linkDynamics } from './link-dynamics.ts';
import { linkEndings, linkOutcomes } from './link-endings.ts';
import { linkExpressions } from './link-expressions.ts';
import { linkIds } from './link-ids.ts';
import { linkInjects } from './link-injects.ts';
import { linkModules } from './link-modules.ts';
import { linkObjectives } from './link-objectives.ts';
import { linkTimes } from './link-times.ts';
import { linkVariables } from './link-variables.ts';
import { linkVariations } from './link-variations.ts';
import type { Scenario } from './model.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { NUMBER_BOUND, ScenarioSchema, WEIGHT_BOUND } from './schema.ts';
import {
  HeaderSchema,
  itemSchema,
  knownKeysAt,
  LIST_KEYS,
  PartHeaderSchema,
  type ListKey,
} from './schema-items.ts';
import { SourceFile } from './source.ts';

export interface SourceText {
  path: string;
  text: string;
}

/**
 * Reads a file named by `include`, relative to the file that names it. The shell does the I/O, and
 * refuses what a scenario may not read (outside its folder, not a regular file, too large) with a
 * reason in words; undefined means the file cannot be read at all.
 */
export type ReadInclude = (
  fromPath: string,
  includePath: string,
) => SourceText | { refused: string } | undefined;

/** A part file says so on a line of its own; a file without it is not echoed in any diagnostic. */
const PART_MARK = /^format:[ \t]*["']?drill\/1-part["']?[ \t]*(?:#.*)?$/m;

/** A place in the source, for tools (lint) that report on the compiled model, which keeps no positions. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
  path: string;
}

/** Finds where things stand in the source files: a list item by its id (and a path inside it), or a path from the main file's root. */
export interface SourceMap {
  /** `offset`: a character offset inside the string value at that path (e.g. a sub-expression). */
  locate(
    list: ListKey | undefined,
    id: string | undefined,
    sub?: readonly (string | number)[],
    offset?: number,
  ): SourcePosition;
}

export type CompileResult =
  | { ok: true; scenario: Scenario; warnings: Diagnostic[]; source: SourceMap }
  | { ok: false; diagnostics: Diagnostic[] };

export { ALL_ROLES } from './link-context.ts';

/**
 * Compiles a YAML scenario (and the files it includes) into a frozen, content-hashed Scenario, or
 * returns every problem found, each with file:line:column and a hint where one exists. Never throws
 * for a problem in the files.
 */
export function compileScenario(entry: SourceText, readInclude?: ReadInclude): CompileResult {
  const c = new Compiler();
  const scenario = c.run(entry, readInclude);
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  if (!scenario || errors.length) return { ok: false, diagnostics: sortDiagnostics(c.diagnostics) };
  return { ok: true, scenario, warnings: sortDiagnostics(c.diagnostics), source: c.sourceMap() };
}

class Compiler {
  diagnostics: Diagnostic[] = [];
  private lists = Object.fromEntries(LIST_KEYS.map((k) => [k, []])) as unknown as Lists;
  /** Ids seen in items that failed validation: known, so they cause no second "unknown id" error. */
  private brokenIds = Object.fromEntries(LIST_KEYS.map((k) => [k, new Set<string>()])) as Record<
    ListKey,
    Set<string>
  >;

  private main: SourceFile | undefined;

  /** Positions of items by id, from the validated lists (the first item wins for a duplicated id). */
  sourceMap(): SourceMap {
    return {
      locate: (list, id, sub = [], offset) => {
        const it =
          list && id !== undefined
            ? (this.lists[list] as Located<{ id: string }>[]).find((x) => x.value.id === id)
            : undefined;
        const file = it?.file ?? this.main!;
        const path = [...(it?.path ?? (list ? [list] : [])), ...sub];
        // Descend only as far as the source has nodes, so a defaulted key points at its parent.
        const base = offset === undefined ? undefined : file.valueContentOffset(path);
        const d = file.diagnostic(path, '', '', base === undefined ? {} : { offset: base + offset! });
        return { file: d.file, line: d.line, column: d.column, path: d.path };
      },
    };
  }

  run(entry: SourceText, readInclude?: ReadInclude): Scenario | undefined {
    if (entry.text.length > SCENARIO_LIMITS.fileChars) {
      this.diagnostics.push(tooLarge(entry.path, entry.text.length));
      return undefined;
    }
    const main = new SourceFile(entry.path, entry.text);
    this.main = main;
    const syntax = main.syntaxDiagnostics();
    if (syntax.length) {
      this.diagnostics.push(...syntax);
      return undefined;
    }
    const raw = main.doc.toJS() as unknown;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      this.diagnostics.push(
        main.diagnostic([], 'not-a-scenario', 'a scenario file is a YAML mapping (key: value lines)', {
          hint: 'start from scenarios/FORMAT.md’s annotated example',
        }),
      );
      return undefined;
    }
    const header = this.validate(main, HeaderSchema, raw, [], ScenarioSchema);
    const sources: unknown[] = [raw];
    this.collectLists(main, raw as Record<string, unknown>);

    // With a broken header, keep going on a lenient reading of it so every other problem is reported too.
    const h = header ?? lenientHeader(raw as Record<string, unknown>);
    const includes = h.include;
    includes.slice(0, SCENARIO_LIMITS.includes).forEach((inc, i) => {
      const part = readInclude?.(entry.path, inc);
      if (!part) {
        this.diagnostics.push(
          main.diagnostic(['include', i], 'include-not-found', `cannot read included file \`${inc}\``, {
            hint: 'paths are relative to this file',
          }),
        );
        return;
      }
      if ('refused' in part) {
        this.diagnostics.push(
          main.diagnostic(['include', i], 'include-refused', `cannot include \`${inc}\`: ${part.refused}`, {
            hint: 'include part files (format: drill/1-part) from this file’s folder or below',
          }),
        );
        return;
      }
      if (part.text.length > SCENARIO_LIMITS.fileChars) {
        this.diagnostics.push(tooLarge(part.path, part.text.length));
        return;
      }
      // Whatever is not a part file is refused without a word of its content (it may be a secret).
      if (!PART_MARK.test(part.text)) {
        this.diagnostics.push(
          main.diagnostic(['include', i], 'include-not-a-part', `\`${inc}\` is not a scenario part file`, {
            hint: 'a part file starts with the line `format: drill/1-part`',
          }),
        );
        return;
      }
      const pf = new SourceFile(part.path, part.text);
      const ps = pf.syntaxDiagnostics();
      if (ps.length) {
        this.diagnostics.push(...ps);
        return;
      }
      const praw = pf.doc.toJS() as unknown;
      sources.push(praw);
      if (this.validate(pf, PartHeaderSchema, praw, [], ScenarioSchema) && praw && typeof praw === 'object')
        this.collectLists(pf, praw as Record<string, unknown>);
    });
    const scenario = this.link(main, h, hashJson(sources));
    return header ? scenario : undefined;
  }

  /** Runs a zod schema and turns its issues into positioned diagnostics. */
  private validate<S extends z.ZodType>(
    file: SourceFile,
    schema: S,
    data: unknown,
    base: Path,
    keysFrom: z.ZodType,
  ): z.infer<S> | undefined {
    const r = schema.safeParse(data);
    if (r.success) return r.data;
    for (const issue of r.error.issues) {
      const path = [...base, ...(issue.path as Path)];
      if (issue.code === 'unrecognized_keys') {
        const known = knownKeysAt(keysFrom, path);
        for (const key of issue.keys) {
          const m = didYouMean(key, known);
          this.diagnostics.push(
            file.diagnostic(path, 'unknown-key', `unknown key \`${key}\``, {
              atKey: key,
              hint: m
                ? `did you mean \`${m}\`?`
                : known.length
                  ? `allowed here: ${known.join(', ')}`
                  : undefined,
            }),
          );
        }
        continue;
      }
      const { exact } = file.nodeAt(path);
      const last = path[path.length - 1];
      const got = valueAt(data, issue.path as Path);
      // A missing key whose type is a union (a text, an id or a list…) is reported as missing too, not as a wrong type.
      if (
        !exact &&
        got === undefined &&
        (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value')
      ) {
        const expected =
          issue.code === 'invalid_type'
            ? issue.expected
            : issue.code === 'invalid_value'
              ? `one of: ${issue.values.map(String).join(', ')}`
              : describeUnion(unionExpected(issue));
        this.diagnostics.push(
          file.diagnostic(path.slice(0, -1), 'missing-key', `missing required key \`${String(last)}\``, {
            hint: `expected ${expected}`,
          }),
        );
        continue;
      }
      let message = issue.message.replace(/^Invalid input: /, '');
      let hint: string | undefined;
      if (issue.code === 'invalid_value') {
        const values = issue.values.map(String);
        const m = typeof got === 'string' ? didYouMean(got, values) : undefined;
        message = `\`${String(got)}\` is not allowed here`;
        hint = m ? `did you mean \`${m}\`?` : `one of: ${values.join(', ')}`;
      } else if (issue.code === 'invalid_union') {
        const expected = unionExpected(issue);
        // Only the text union (string | { en, zh-CN }) gets the text wording; others say what they take.
        message =
          expected.includes('string') && expected.includes('object')
            ? 'expected a text, or a mapping of languages like { en: …, zh-CN: … }'
            : `expected ${expected.join(' or ')}, found ${describeValue(got)}`;
      } else if (issue.code === 'invalid_type') {
        message = `expected ${issue.expected}, found ${describeValue(got)}`;
      }
      hint ??= BOUND_HINTS.get(message);
      this.diagnostics.push(file.diagnostic(path, `schema-${issue.code}`, message, hint ? { hint } : {}));
    }
    return undefined;
  }

  /** Items seen per list, over the main file and its parts, against `SCENARIO_LIMITS.items`. */
  private counts = new Map<ListKey, number>();

  private collectLists(file: SourceFile, raw: Record<string, unknown>): void {
    for (const key of LIST_KEYS) {
      const list = raw[key];
      if (!Array.isArray(list)) continue;
      const before = this.counts.get(key) ?? 0;
      this.counts.set(key, before + list.length);
      const room = Math.max(0, SCENARIO_LIMITS.items - before);
      if (list.length > room)
        this.diagnostics.push(
          file.diagnostic(
            [key, room],
            'too-many-items',
            `more than ${SCENARIO_LIMITS.items} ${key} (the limit of one scenario)`,
            { hint: 'a drill of a few hours needs far fewer: merge or drop items' },
          ),
        );
      list.slice(0, room).forEach((item, i) => {
        const path: Path = [key, i];
        const v = this.validate(file, itemSchema(key), item, path, ScenarioSchema);
        if (v) (this.lists[key] as Located<unknown>[]).push({ value: v, file, path });
        else if (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string')
          this.brokenIds[key].add((item as { id: string }).id);
      });
    }
  }

  /**
   * Checks every cross-reference, parses times and expressions, and builds the model: one named step
   * per section (engine/src/scenario/link-*.ts), each reporting its problems at their place.
   */
  private link(main: SourceFile, h: Header, contentHash: string): Scenario | undefined {
    const c = new LinkContext(this.diagnostics, this.lists, this.brokenIds, main, h);
    const ids = linkIds(c);
    const x = linkExpressions(c, ids);
    const t = linkTimes(c);
    linkObjectives(c, ids);
    linkVariables(c);
    const variations = linkVariations(c, x, t);
    const dynamics = linkDynamics(c, x, t);
    const modules = linkModules(c, t);
    const injects = linkInjects(c, ids, x, t, modules);
    const decisions = linkDecisions(c, ids, x, t, modules);
    const endings = linkEndings(c, x);
    const outcomes = linkOutcomes(c, ids, x);
    if (this.diagnostics.some((d) => d.severity === 'error')) return undefined;

    const L = this.lists;
    const scenario: Scenario = {
      id: h.id,
      version: h.version,
      title: h.title,
      hazard: h.hazard,
      ...(h.hazardLabel !== undefined ? { hazardLabel: h.hazardLabel } : {}),
      setting: h.setting,
      difficulty: h.difficulty,
      languages: h.languages,
      clock: { anchor: h.clock.anchor, t0: h.clock.t0, start: t.start, end: t.end },
      references: L.references.map((r) => r.value),
      briefing: h.briefing,
      modules,
      rubric: h.rubric,
      capabilities: ids.capabilityList,
      objectives: L.objectives.map((o) => o.value),
      roles: L.roles.map((r) => r.value),
      variables: L.variables.map((v) => v.value),
      variations,
      dynamics,
      injects,
      decisions,
      endings,
      outcomes,
      contentHash,
    };
    return deepFreeze(scenario);
  }
}

/** Hints for the format's bounds on numbers (messages set in schema.ts). */
const BOUND_HINTS = new Map([
  [NUMBER_BOUND, 'use a smaller unit (thousands of people, millions of yuan)'],
  [WEIGHT_BOUND, 'a weight compares items: 1 is ordinary, 2 counts double'],
]);

function tooLarge(file: string, chars: number): Diagnostic {
  return {
    severity: 'error',
    code: 'file-too-large',
    file,
    line: 1,
    column: 1,
    path: '',
    message: `this file holds ${chars} characters; a scenario file holds at most ${SCENARIO_LIMITS.fileChars}`,
    hint: 'split it into part files named under `include`',
  };
}

/** Just enough of a header that failed validation for the cross-reference checks to run. */
function lenientHeader(raw: Record<string, unknown>): Header {
  const clock = (raw.clock && typeof raw.clock === 'object' ? raw.clock : {}) as Record<string, unknown>;
  const str = (v: unknown, d: string): string => (typeof v === 'string' ? v : d);
  return {
    ...(raw as object),
    clock: { anchor: '', t0: '2000-01-01T00:00', start: str(clock.start, 'T0'), end: str(clock.end, 'T+1h') },
    rubric: raw.rubric === 'hseep' ? 'hseep' : 'default',
    include: Array.isArray(raw.include) ? raw.include.filter((x): x is string => typeof x === 'string') : [],
    languages: ['en', 'zh-CN'],
  } as unknown as Header;
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const p of path)
    v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

/** The types a union accepts, from its branches' own type errors (zod reports one list per branch). */
function unionExpected(issue: z.core.$ZodIssue): string[] {
  const branches = (issue as { errors?: z.core.$ZodIssue[][] }).errors ?? [];
  const out = new Set<string>();
  for (const b of branches)
    for (const e of b) if (e.code === 'invalid_type' && e.path.length === 0) out.add(e.expected);
  return out.size ? [...out] : ['a valid value'];
}

function describeUnion(expected: string[]): string {
  return expected.includes('string') && expected.includes('object')
    ? 'a text, or { en: …, zh-CN: … }'
    : expected.join(' or ');
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} \`${String(v)}\``;
}
