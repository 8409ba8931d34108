import type { z } from 'zod';
import { ExprSyntaxError } from '../expr/ast.ts';
import { checkExpr, didYouMean, type ExprScope, type ValueType } from '../expr/check.ts';
import { placeholders } from '../live-text.ts';
import type { LocalizedText } from '../text.ts';
import { parseAssignment, parseExpr } from '../expr/parse.ts';
import { deepFreeze } from '../freeze.ts';
import { hashJson } from '../hash.ts';
import { parseDuration, parseScenarioTime } from '../time.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import type {
  CompiledEffect,
  CompiledExpr,
  DecisionPoint,
  DecisionTime,
  FollowUp,
  Inject,
  Scenario,
} from './model.ts';
import { DEFAULT_CAPABILITIES } from './rubric.ts';
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

type Item<K extends ListKey> = z.infer<ReturnType<typeof itemSchema<K>>>;
type Path = (string | number)[];

/** A validated list item and where it came from, so later problems point at the right file and line. */
interface Located<T> {
  value: T;
  file: SourceFile;
  path: Path;
}

/** The special audience that means every role. */
export const ALL_ROLES = 'all';

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
  private lists = Object.fromEntries(LIST_KEYS.map((k) => [k, []])) as unknown as {
    [K in ListKey]: Located<Item<K>>[];
  };
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

  private err(
    loc: { file: SourceFile; path: Path },
    sub: Path,
    code: string,
    message: string,
    hint?: string,
  ): void {
    this.diagnostics.push(loc.file.diagnostic([...loc.path, ...sub], code, message, hint ? { hint } : {}));
  }

  /** Checks every cross-reference, parses times and expressions, and builds the model. */
  private link(main: SourceFile, h: z.infer<typeof HeaderSchema>, contentHash: string): Scenario | undefined {
    const L = this.lists;
    const root: Located<unknown> = { value: undefined, file: main, path: [] };

    // ids: unique per kind
    const ids = <K extends ListKey>(k: K): Set<string> => {
      const seen = new Map<string, Located<Item<K>>>();
      for (const it of L[k]) {
        const id = (it.value as { id: string }).id;
        const first = seen.get(id);
        if (first)
          this.err(
            it,
            ['id'],
            'duplicate-id',
            `duplicate ${k.replace(/s$/, '')} id \`${id}\``,
            first.file === it.file
              ? `first defined on line ${first.file.diagnostic([...first.path, 'id'], '', '').line}`
              : `first defined in ${first.file.path}:${first.file.diagnostic([...first.path, 'id'], '', '').line}`,
          );
        else seen.set(id, it);
      }
      return new Set([...seen.keys(), ...this.brokenIds[k]]);
    };
    const roleIds = ids('roles');
    if (roleIds.has(ALL_ROLES))
      this.err(root, ['roles'], 'reserved-id', '`all` is reserved: it means every role');
    ids('variables');
    const injectIds = ids('injects');
    const decisionIds = ids('decisions');
    ids('variations');
    const refIds = ids('references');
    const objectiveIds = ids('objectives');
    ids('dynamics');
    ids('endings');
    ids('outcomes');
    const scenarioCaps = ids('capabilities');
    const capIds = new Set([...DEFAULT_CAPABILITIES.map((c) => c.id), ...scenarioCaps]);

    const checkRef = (
      loc: Located<unknown>,
      sub: Path,
      kind: string,
      value: string | undefined,
      known: Set<string>,
    ): void => {
      if (value === undefined || known.has(value)) return;
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
    };

    // expression scope
    const varTypes = new Map<string, ValueType>(L.variables.map((v) => [v.value.id, v.value.type]));
    for (const b of this.brokenIds.variables) if (!varTypes.has(b)) varTypes.set(b, 'number');
    const decisionOptions = new Map<string, Set<string>>(
      L.decisions.map((d) => [d.value.id, new Set(d.value.options.map((o) => o.id))]),
    );
    const variationOutcomes = new Map<string, Set<string>>(
      L.variations.map((v) => [v.value.id, new Set(v.value.outcomes.map((o) => o.id))]),
    );
    const scope: ExprScope = {
      variables: varTypes,
      decisions: decisionOptions,
      injects: injectIds,
      variations: variationOutcomes,
      allowRandom: false,
    };

    const expr = (
      loc: Located<unknown>,
      sub: Path,
      src: string,
      want: ValueType,
      extra: Partial<ExprScope> = {},
    ): CompiledExpr | undefined => {
      const path = [...loc.path, ...sub];
      const base = loc.file.valueContentOffset(path);
      try {
        const ast = parseExpr(src);
        const r = checkExpr(ast, { ...scope, ...extra });
        for (const p of r.problems)
          this.diagnostics.push(
            loc.file.diagnostic(path, 'expression', p.message, {
              offset: base === undefined ? undefined : base + p.offset,
              hint: p.hint,
            }),
          );
        if (r.type && r.type !== want)
          this.diagnostics.push(
            loc.file.diagnostic(
              path,
              'expression-type',
              `this expression gives a ${r.type}; a ${want} is needed here`,
              want === 'boolean' ? { hint: 'compare it, e.g. `x > 0`' } : {},
            ),
          );
        return { src, ast };
      } catch (e) {
        if (!(e instanceof ExprSyntaxError)) throw e;
        this.diagnostics.push(
          loc.file.diagnostic(path, 'expression-syntax', e.message, {
            offset: base === undefined ? undefined : base + e.offset,
            hint: e.hint,
          }),
        );
        return undefined;
      }
    };
    const effects = (
      loc: Located<unknown>,
      sub: Path,
      list: string[],
      locals?: Set<string>,
    ): CompiledEffect[] => {
      const out: CompiledEffect[] = [];
      list.forEach((src, i) => {
        const path = [...loc.path, ...sub, i];
        const base = loc.file.valueContentOffset(path);
        const at = (o: number): number | undefined => (base === undefined ? undefined : base + o);
        try {
          const ast = parseAssignment(src);
          const target = varTypes.get(ast.target);
          if (!target) {
            const m = didYouMean(ast.target, varTypes.keys());
            this.diagnostics.push(
              loc.file.diagnostic(path, 'unknown-variable', `unknown variable \`${ast.target}\``, {
                offset: at(ast.targetPos),
                hint: m ? `did you mean \`${m}\`?` : 'declare it under `variables`',
              }),
            );
          }
          const r = checkExpr(ast.value, { ...scope, allowRandom: true, locals: locals ?? new Set() });
          for (const p of r.problems)
            this.diagnostics.push(
              loc.file.diagnostic(path, 'expression', p.message, { offset: at(p.offset), hint: p.hint }),
            );
          if (target && r.type) {
            if (ast.op !== '=' && target !== 'number')
              this.diagnostics.push(
                loc.file.diagnostic(
                  path,
                  'expression-type',
                  `\`${ast.op}\` needs a number variable; \`${ast.target}\` is a ${target}`,
                  { offset: at(ast.targetPos) },
                ),
              );
            else if (r.type !== target)
              this.diagnostics.push(
                loc.file.diagnostic(
                  path,
                  'expression-type',
                  `\`${ast.target}\` is a ${target} but this gives a ${r.type}`,
                  { offset: at(ast.value.pos) },
                ),
              );
          }
          out.push({ src, ast });
        } catch (e) {
          if (!(e instanceof ExprSyntaxError)) throw e;
          this.diagnostics.push(
            loc.file.diagnostic(path, 'expression-syntax', e.message, { offset: at(e.offset), hint: e.hint }),
          );
        }
      });
      return out;
    };
    const MAX_MIN = SCENARIO_LIMITS.clockMinutes;
    const tooFar = (loc: Located<unknown>, sub: Path, text: string, code: string): void =>
      this.err(
        loc,
        sub,
        code,
        `\`${text}\` is more than 366 days away`,
        'a scenario clock spans at most 366 days',
      );
    const time = (loc: Located<unknown>, sub: Path, text: string | undefined): number | undefined => {
      if (text === undefined) return undefined;
      const t = parseScenarioTime(text);
      if (t === undefined)
        this.err(
          loc,
          sub,
          'bad-time',
          `\`${text}\` is not a scenario time`,
          'write times as T-48h, T+2h30m or T0',
        );
      else if (Math.abs(t) > MAX_MIN) {
        tooFar(loc, sub, text, 'bad-time');
        return undefined;
      }
      return t;
    };
    const dur = (loc: Located<unknown>, sub: Path, v: string | number | undefined, dflt: number): number => {
      if (v === undefined) return dflt;
      if (typeof v === 'number') return v;
      const d = parseDuration(v);
      if (d === undefined)
        this.err(loc, sub, 'bad-duration', `\`${v}\` is not a duration`, 'write durations as 30m, 2h, 1d6h');
      else if (d > MAX_MIN) {
        tooFar(loc, sub, v, 'bad-duration');
        return dflt;
      }
      return d ?? dflt;
    };

    const start = time(root, ['clock', 'start'], h.clock.start) ?? 0;
    const end = time(root, ['clock', 'end'], h.clock.end) ?? 0;
    if (end <= start) this.err(root, ['clock', 'end'], 'bad-clock', 'the clock must end after it starts');
    else if (end - start > MAX_MIN)
      this.err(
        root,
        ['clock', 'end'],
        'bad-clock',
        `the clock spans ${Math.ceil((end - start) / 1440)} days; the limit is 366`,
        'a drill covers hours or days: move `start` or `end` closer to T0',
      );
    const inClock = (loc: Located<unknown>, sub: Path, t: number | undefined): void => {
      if (t !== undefined && (t < start || t > end))
        this.err(
          loc,
          sub,
          'time-out-of-clock',
          `this time is outside the scenario clock (${h.clock.start} … ${h.clock.end})`,
        );
    };

    // references to things
    for (const o of L.objectives) {
      o.value.capabilities.forEach((c, i) => checkRef(o, ['capabilities', i], 'capability', c, capIds));
      o.value.tasks.forEach((t, i) => {
        checkRef(o, ['tasks', i, 'capability'], 'capability', t.capability, capIds);
        t.decisions.forEach((d, j) => checkRef(o, ['tasks', i, 'decisions', j], 'decision', d, decisionIds));
      });
    }
    const roleRefs = (loc: Located<unknown>, roles: string[]): void =>
      roles.forEach((r, i) => checkRef(loc, ['roles', i], 'role', r, new Set([...roleIds, ALL_ROLES])));

    // variables
    for (const v of L.variables) {
      const x = v.value;
      if (x.type === 'boolean') {
        if (typeof x.initial !== 'boolean')
          this.err(v, ['initial'], 'bad-initial', 'a boolean variable starts as true or false');
        if (x.min !== undefined || x.max !== undefined)
          this.err(
            v,
            [x.min !== undefined ? 'min' : 'max'],
            'bad-bounds',
            'a boolean variable has no bounds',
          );
      } else {
        if (typeof x.initial !== 'number')
          this.err(v, ['initial'], 'bad-initial', 'a number variable starts as a number');
        else if ((x.min !== undefined && x.initial < x.min) || (x.max !== undefined && x.initial > x.max))
          this.err(
            v,
            ['initial'],
            'out-of-bounds',
            `initial value ${x.initial} is outside the bounds [${x.min ?? '-∞'}, ${x.max ?? '∞'}]`,
          );
        if (x.min !== undefined && x.max !== undefined && x.min > x.max)
          this.err(v, ['min'], 'bad-bounds', 'min is greater than max');
      }
    }

    const variations = L.variations.map((v) => {
      const sum = v.value.outcomes.reduce((s, o) => s + o.p, 0);
      if (Math.abs(sum - 1) > 1e-6)
        this.err(
          v,
          ['outcomes'],
          'bad-probabilities',
          `the outcomes' probabilities add up to ${+sum.toFixed(6)}, not 1`,
        );
      const seen = new Set<string>();
      v.value.outcomes.forEach((o, i) => {
        if (seen.has(o.id))
          this.err(v, ['outcomes', i, 'id'], 'duplicate-id', `duplicate outcome id \`${o.id}\``);
        seen.add(o.id);
      });
      const at = time(v, ['at'], v.value.at) ?? start;
      inClock(v, ['at'], at);
      return {
        id: v.value.id,
        at,
        ...(v.value.description !== undefined ? { description: v.value.description } : {}),
        outcomes: v.value.outcomes.map((o, i) => ({
          id: o.id,
          p: o.p,
          ...(o.label !== undefined ? { label: o.label } : {}),
          effects: effects(v, ['outcomes', i, 'effects'], o.effects),
        })),
      };
    });

    const dynamics = L.dynamics.map((d) => {
      const every = dur(d, ['every'], d.value.every, 60);
      if (every <= 0) this.err(d, ['every'], 'bad-duration', 'a dynamic must repeat at least every minute');
      const when = d.value.when !== undefined ? expr(d, ['when'], d.value.when, 'boolean') : undefined;
      return {
        id: d.value.id,
        every: Math.max(1, every),
        from: time(d, ['from'], d.value.from) ?? start,
        until: time(d, ['until'], d.value.until) ?? end,
        ...(when ? { when } : {}),
        effects: effects(d, ['effects'], d.value.effects),
        ...(d.value.description !== undefined ? { description: d.value.description } : {}),
      };
    });

    // Every dynamics tick is a step of the engine: bound their number, not only the clock.
    let ticks = 0;
    dynamics.forEach((d, i) => {
      const from = Math.max(d.from, start);
      const until = Math.min(d.until, end);
      if (until >= from) ticks += Math.floor((until - from) / d.every) + 1;
      if (ticks > SCENARIO_LIMITS.dynamicsTicks) {
        this.err(
          L.dynamics[i]!,
          ['every'],
          'too-many-ticks',
          `the dynamics apply ${ticks} times or more over the clock; the limit is ${SCENARIO_LIMITS.dynamicsTicks}`,
          'let them repeat less often (every: 1h rather than every: 1m) or over a shorter span',
        );
        ticks = -Infinity; // reported once
      }
    });

    const varIds = new Set(L.variables.map((v) => v.value.id));
    // `{variable}` in a participant text shows its live value: each must name a variable.
    const liveRefs = (loc: Located<unknown>, sub: Path, text: LocalizedText | undefined): void => {
      for (const name of placeholders(text)) checkRef(loc, sub, 'variable', name, varIds);
    };
    const injects: Inject[] = L.injects.map((it) => {
      const x = it.value;
      roleRefs(it, x.roles);
      liveRefs(it, ['text'], x.text);
      liveRefs(it, ['title'], x.title);
      const live = [...new Set([...placeholders(x.text), ...placeholders(x.title)])].filter((v) =>
        varIds.has(v),
      );
      x.expects.forEach((d, i) => checkRef(it, ['expects', i], 'decision', d, decisionIds));
      checkRef(it, ['objective'], 'objective', x.objective, objectiveIds);
      const at = time(it, ['at'], x.at);
      inClock(it, ['at'], at);
      if (x.unless !== undefined && x.at === undefined)
        this.err(
          it,
          ['unless'],
          'contingency-without-time',
          'a contingency (`unless`) needs the time `at` when it is checked',
        );
      const when = x.when !== undefined ? expr(it, ['when'], x.when, 'boolean') : undefined;
      const unless = x.unless !== undefined ? expr(it, ['unless'], x.unless, 'boolean') : undefined;
      const from = time(it, ['from'], x.from);
      const until = time(it, ['until'], x.until);
      return {
        id: x.id,
        ...(at !== undefined ? { at } : {}),
        ...(when ? { when } : {}),
        ...(unless ? { unless } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(until !== undefined ? { until } : {}),
        roles: x.roles,
        source: x.source,
        channel: x.channel,
        urgency: x.urgency,
        ...(x.title !== undefined ? { title: x.title } : {}),
        text: x.text,
        effects: effects(it, ['effects'], x.effects),
        expects: x.expects,
        ...(x.objective !== undefined ? { objective: x.objective } : {}),
        followUpOnly: at === undefined && x.when === undefined,
        ...(live.length ? { live } : {}),
      };
    });

    const decisionTime = (
      loc: Located<unknown>,
      sub: Path,
      text: string | undefined,
    ): DecisionTime | undefined => {
      if (text === undefined) return undefined;
      if (/^\s*\+/.test(text)) {
        let d = parseDuration(text.trim().slice(1));
        if (d !== undefined && d > MAX_MIN) {
          tooFar(loc, sub, text, 'bad-time');
          d = 0;
        } else if (d === undefined)
          this.err(
            loc,
            sub,
            'bad-time',
            `\`${text}\` is not a time`,
            'write T-40h for a fixed time or +2h for two hours after it opens',
          );
        return { rel: d ?? 0 };
      }
      const t = parseScenarioTime(text);
      if (t !== undefined && Math.abs(t) > MAX_MIN) {
        tooFar(loc, sub, text, 'bad-time');
        return undefined;
      }
      if (t === undefined) {
        this.err(
          loc,
          sub,
          'bad-time',
          `\`${text}\` is not a time`,
          'write T-40h for a fixed time or +2h for two hours after it opens',
        );
        return undefined;
      }
      inClock(loc, sub, t);
      return { abs: t };
    };

    const decisions: DecisionPoint[] = L.decisions.map((dl) => {
      const x = dl.value;
      roleRefs(dl, x.roles);
      liveRefs(dl, ['prompt'], x.prompt);
      checkRef(dl, ['capability'], 'capability', x.capability, capIds);
      checkRef(dl, ['ref'], 'reference', x.ref, refIds);
      checkRef(dl, ['objective'], 'objective', x.objective, objectiveIds);
      const optionIds = new Set<string>();
      x.options.forEach((o, i) => {
        if (optionIds.has(o.id))
          this.err(dl, ['options', i, 'id'], 'duplicate-id', `duplicate option id \`${o.id}\``);
        optionIds.add(o.id);
      });
      const defaults = Array.isArray(x.default) ? x.default : [x.default];
      defaults.forEach((d, i) =>
        checkRef(dl, Array.isArray(x.default) ? ['default', i] : ['default'], 'option', d, optionIds),
      );
      if (x.kind === 'single' && defaults.length !== 1)
        this.err(dl, ['default'], 'bad-default', 'a single-choice decision has exactly one default option');
      if (x.kind === 'multi' && x.max !== undefined && defaults.length > x.max)
        this.err(dl, ['default'], 'bad-default', `the default chooses more than max (${x.max}) options`);
      if (x.kind === 'allocate') {
        if (x.budget === undefined)
          this.err(
            dl,
            [],
            'missing-key',
            'an allocation decision needs a `budget`',
            'e.g. budget: 6 (teams), or an expression',
          );
        if (x.score === undefined)
          this.err(
            dl,
            [],
            'missing-key',
            'an allocation decision needs a `score` expression over its option ids',
            'e.g. score: "min(1, coast / 4)"',
          );
      } else {
        x.options.forEach((o, i) => {
          if (o.score === undefined)
            this.err(
              dl,
              ['options', i],
              'missing-score',
              `option \`${o.id}\` has no \`score\` (0…1)`,
              'every option of a scored decision says how good it is',
            );
          if (o.feedback === undefined)
            this.err(
              dl,
              ['options', i],
              'missing-feedback',
              `option \`${o.id}\` has no \`feedback\``,
              'say why this choice is good or bad, citing the principle',
            );
        });
      }
      const locals = x.kind === 'allocate' ? new Set(optionIds) : undefined;
      const opens = time(dl, ['opens'], x.opens);
      inClock(dl, ['opens'], opens);
      const opensWhen =
        x.opensWhen !== undefined ? expr(dl, ['opensWhen'], x.opensWhen, 'boolean') : undefined;
      const due = decisionTime(dl, ['due'], x.due) ?? { rel: 60 };
      const closes = decisionTime(dl, ['closes'], x.closes) ?? due;
      if ('abs' in due && 'abs' in closes && closes.abs < due.abs)
        this.err(dl, ['closes'], 'bad-deadline', 'it closes before it is due');
      if ('rel' in due && 'rel' in closes && closes.rel < due.rel)
        this.err(dl, ['closes'], 'bad-deadline', 'it closes before it is due');
      if (opens !== undefined && 'abs' in due && due.abs <= opens)
        this.err(dl, ['due'], 'bad-deadline', 'it is due before (or when) it opens');
      const budget = x.budget === undefined ? undefined : expr(dl, ['budget'], String(x.budget), 'number');
      const score =
        x.score !== undefined
          ? expr(dl, ['score'], x.score, 'number', { locals: locals ?? new Set() })
          : undefined;
      const options = x.options.map((o, i) => {
        checkRef(dl, ['options', i, 'capability'], 'capability', o.capability, capIds);
        checkRef(dl, ['options', i, 'ref'], 'reference', o.ref, refIds);
        const then: FollowUp[] = o.then.map((t, j) => {
          if ((t.inject === undefined) === (t.decision === undefined))
            this.err(
              dl,
              ['options', i, 'then', j],
              'bad-follow-up',
              'a follow-up names exactly one `inject` or one `decision`',
            );
          checkRef(dl, ['options', i, 'then', j, 'inject'], 'inject', t.inject, injectIds);
          checkRef(dl, ['options', i, 'then', j, 'decision'], 'decision', t.decision, decisionIds);
          return {
            ...(t.inject ? { inject: t.inject } : {}),
            ...(t.decision ? { decision: t.decision } : {}),
            after: dur(dl, ['options', i, 'then', j, 'after'], t.after, 0),
          };
        });
        const when = o.when !== undefined ? expr(dl, ['options', i, 'when'], o.when, 'boolean') : undefined;
        return {
          id: o.id,
          label: o.label,
          effects: effects(
            dl,
            ['options', i, 'effects'],
            o.effects,
            x.kind === 'allocate' ? new Set(['amount']) : undefined,
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
      const feedback = x.feedback.flatMap((f, i) => {
        const w = expr(dl, ['feedback', i, 'when'], f.when, 'boolean', { locals: locals ?? new Set() });
        return w ? [{ when: w, text: f.text }] : [];
      });
      return {
        id: x.id,
        roles: x.roles,
        prompt: x.prompt,
        kind: x.kind,
        ...(opens !== undefined ? { opens } : {}),
        ...(opensWhen ? { opensWhen } : {}),
        due,
        closes,
        options,
        default: defaults,
        ...(x.max !== undefined ? { max: x.max } : {}),
        ...(budget ? { budget } : {}),
        ...(x.unit !== undefined ? { unit: x.unit } : {}),
        order: x.order,
        capability: x.capability,
        weight: x.weight,
        lateDecay: x.lateDecay,
        ...(score ? { score } : {}),
        feedback,
        ...(x.ref !== undefined ? { ref: x.ref } : {}),
        ...(x.objective !== undefined ? { objective: x.objective } : {}),
        followUpOnly: opens === undefined && x.opensWhen === undefined,
      };
    });

    const endings = L.endings.map((e) => {
      const when = e.value.when !== undefined ? expr(e, ['when'], e.value.when, 'boolean') : undefined;
      return { id: e.value.id, ...(when ? { when } : {}), title: e.value.title, text: e.value.text };
    });
    if (!endings.some((e) => !e.when))
      this.diagnostics.push(
        main.diagnostic(
          ['endings'],
          'no-fallback-ending',
          'no ending without `when`: add a fallback ending so every drill ends somewhere',
          { severity: 'warning' },
        ),
      );

    const outcomes = L.outcomes.map((o) => {
      checkRef(o, ['capability'], 'capability', o.value.capability, capIds);
      o.value.caps.forEach((c, i) =>
        checkRef(o, ['caps', i, 'capability'], 'capability', c.capability, capIds),
      );
      if (o.value.target === o.value.worst)
        this.err(o, ['worst'], 'bad-outcome', '`target` and `worst` must differ');
      const value = expr(o, ['value'], o.value.value, 'number');
      return {
        ...o.value,
        value: value ?? { src: o.value.value, ast: { kind: 'num' as const, value: 0, pos: 0 } },
      };
    });

    if (this.diagnostics.some((d) => d.severity === 'error')) return undefined;

    const scenario: Scenario = {
      id: h.id,
      version: h.version,
      title: h.title,
      hazard: h.hazard,
      setting: h.setting,
      difficulty: h.difficulty,
      languages: h.languages,
      clock: { anchor: h.clock.anchor, t0: h.clock.t0, start, end },
      references: L.references.map((r) => r.value),
      briefing: h.briefing,
      capabilities: [...DEFAULT_CAPABILITIES.map((c) => ({ ...c })), ...L.capabilities.map((c) => c.value)],
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
function lenientHeader(raw: Record<string, unknown>): z.infer<typeof HeaderSchema> {
  const clock = (raw.clock && typeof raw.clock === 'object' ? raw.clock : {}) as Record<string, unknown>;
  const str = (v: unknown, d: string): string => (typeof v === 'string' ? v : d);
  return {
    ...(raw as object),
    clock: { anchor: '', t0: '2000-01-01T00:00', start: str(clock.start, 'T0'), end: str(clock.end, 'T+1h') },
    include: Array.isArray(raw.include) ? raw.include.filter((x): x is string => typeof x === 'string') : [],
    languages: ['en', 'zh-CN'],
  } as unknown as z.infer<typeof HeaderSchema>;
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
