import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  firstDivergence,
  formatScenarioTime,
  localize,
  type DrillState,
  type Lang,
  type Participant,
  type Scenario,
  type Transcript,
} from '@drill/engine';
import { capabilityName, stringsFor, type Aar, type AarDecision } from '@drill/report';
import { UserError } from '../io.ts';
import { say } from '../say.ts';
import { clean, colourWanted, makeStyle, type Style } from '../render/style.ts';
import { textTable } from '../render/text-table.ts';
import { gist } from '../tui/summary.ts';
import { langOption, replayedAar } from './report.ts';
import { readTranscript, scenarioForTranscript } from './verify.ts';

export interface CompareRun {
  file: string;
  /** A, B, C… */
  key: string;
  /** The teams that played it. */
  label: string;
  transcript: Transcript;
  aar: Aar;
  /** The replayed final state. */
  state: DrillState;
  scenario: Scenario;
}

/**
 * The first decision on which the runs differ — the engine's one definition (`firstDivergence`) — with
 * each run's record of it from the report model.
 */
export function firstDecisionDifference(
  runs: readonly CompareRun[],
): { decision: string; at: number; per: (AarDecision | undefined)[] } | undefined {
  const d = firstDivergence(
    runs[0]!.scenario,
    runs.map((r) => r.state),
  );
  if (!d) return undefined;
  return { ...d, per: runs.map((r) => r.aar.decisions.find((x) => x.id === d.decision)) };
}

/** Refuses runs that are not the same drill: same scenario (id and content) and seed. */
export function checkComparable(runs: readonly { file: string; transcript: Transcript }[]): void {
  const [first, ...rest] = runs;
  const h0 = first!.transcript.header;
  for (const r of rest) {
    const h = r.transcript.header;
    if (
      h.scenario.id !== h0.scenario.id ||
      h.scenario.contentHash !== h0.scenario.contentHash ||
      h.seed !== h0.seed
    )
      throw new UserError(
        say(
          `cannot compare: ${first!.file} is scenario \`${h0.scenario.id}\` ${h0.scenario.version} with seed ${h0.seed}, but ${r.file} is \`${h.scenario.id}\` ${h.scenario.version} with seed ${h.seed}` +
            `${h.scenario.id === h0.scenario.id && h.scenario.contentHash !== h0.scenario.contentHash ? ' (another version of the scenario)' : ''}.\n` +
            'compare only runs of the same scenario and seed: each team then faced the same drill.',
          `无法对比：${first!.file} 是想定“${h0.scenario.id}”${h0.scenario.version}、种子 ${h0.seed}，而 ${r.file} 是“${h.scenario.id}”${h.scenario.version}、种子 ${h.seed}` +
            `${h.scenario.id === h0.scenario.id && h.scenario.contentHash !== h0.scenario.contentHash ? '（同一想定的另一个版本）' : ''}。\n` +
            '只能对比同一想定、同一种子的推演：这样各队面对的才是同一场推演。',
        ),
      );
  }
}

type AarParticipant = Participant;
const isColleague = (p: Participant): boolean => p.colleague !== undefined;

function choiceCell(d: AarDecision | undefined, lang: Lang): string {
  if (!d || d.status === 'not-reached') return '—';
  const what = d.chosen
    .map((c) => {
      const l = clean(localize(c.label, lang)) || c.id;
      return c.amount !== undefined ? `${l}×${c.amount}` : l;
    })
    .join(', ');
  const S = stringsFor(lang);
  const when = d.status === 'missed' ? S.timeliness.missed : d.timeliness === 'late' ? S.timeliness.late : '';
  return `${what} ${Math.round(d.share * 100)}%${when ? ` (${when})` : ''}`;
}

/** The side-by-side comparison as text. */
export function renderCompare(runs: CompareRun[], lang: Lang, style: Style, width = 100): string {
  const S = stringsFor(lang);
  const zh = lang === 'zh-CN';
  const a0 = runs[0]!.aar;
  const out: string[] = [];
  const section = (t: string): void => void out.push('', style.bold(style.blue(t.toUpperCase())), '');
  out.push(
    style.bold(
      `${zh ? '对比' : 'Comparing'} ${runs.length} ${zh ? '份记录' : 'runs'}: ${clean(localize(a0.exercise.title, lang))}`,
    ),
  );
  out.push(
    style.dim(
      `${a0.exercise.scenario.id} ${a0.exercise.scenario.version} · ${S.field.seed} ${clean(a0.exercise.seed)}`,
    ),
  );
  for (const r of runs)
    out.push(
      `  ${style.bold(r.key)} = ${clean(r.file)} — ${S.col.team} ${clean(r.label)} (${r.aar.exercise.participants.map((p) => clean(p.name)).join(', ')})${r.aar.verification.ok ? '' : style.red(` ✗ ${S.notVerified(clean(r.aar.verification.reason ?? ''))}`)}`,
    );

  section(zh ? '首次分歧' : 'Where they first diverged');
  const dd = firstDecisionDifference(runs);
  if (!dd) out.push(zh ? '各队的决策完全相同。' : 'The runs took every decision the same way.');
  else {
    const d0 = dd.per.find(Boolean)!;
    out.push(`${style.bold(clean(localize(d0.prompt, lang)))} (${formatScenarioTime(dd.at)})`);
    runs.forEach((r, i) =>
      out.push(
        `  ${style.bold(r.key)} ${choiceCell(dd.per[i], lang)}${dd.per[i]?.at !== undefined ? ` @ ${formatScenarioTime(dd.per[i]!.at!)}` : ''}`,
      ),
    );
  }

  const keys = runs.map((r) => r.key);
  section(S.sections.score);
  out.push(
    textTable(
      ['', ...keys],
      [
        [S.overall, ...runs.map((r) => r.aar.overall.score.toFixed(1))],
        [S.decisionsPart, ...runs.map((r) => r.aar.overall.breakdown.decisions.toFixed(1))],
        [
          S.outcomesPart,
          ...runs.map((r) =>
            r.aar.overall.breakdown.outcomes === null ? '—' : r.aar.overall.breakdown.outcomes.toFixed(1),
          ),
        ],
        [
          S.field.ending,
          ...runs.map((r) =>
            r.aar.exercise.ending ? clean(localize(r.aar.exercise.ending.title, lang)) : '—',
          ),
        ],
      ],
      width,
      { head: style.bold },
    ),
  );

  section(S.sections.capabilities);
  out.push(
    textTable(
      [S.col.capability, ...keys],
      a0.capabilities.map((c) => [
        capabilityName(a0, c.id, lang),
        ...runs.map((r) => {
          const x = r.aar.capabilities.find((y) => y.id === c.id);
          if (!x) return '—';
          const f = x.final === 'not-rated' ? '—' : style.rating(x.final);
          return `${f}${x.override ? ` (${x.proposed === 'not-rated' ? '—' : x.proposed})` : ''}${x.credit !== null ? ` ${Math.round(x.credit * 100)}%` : ''}`;
        }),
      ]),
      width,
      { head: style.bold },
    ),
  );

  section(zh ? '决策' : 'Decisions');
  out.push(
    textTable(
      [S.col.decision, ...keys],
      a0.decisions.map((d) => [
        gist(clean(localize(d.prompt, lang)), 40),
        ...runs.map((r) =>
          choiceCell(
            r.aar.decisions.find((x) => x.id === d.id),
            lang,
          ),
        ),
      ]),
      width,
      { head: style.bold },
    ),
  );

  section(S.sections.outcomes);
  out.push(
    textTable(
      [S.col.measure, S.col.target, ...keys],
      a0.outcomes.map((o) => [
        clean(localize(o.label, lang)),
        String(o.target),
        ...runs.map((r) => {
          const x = r.aar.outcomes.find((y) => y.id === o.id);
          return x ? `${x.value}${o.unit ? ` ${clean(localize(o.unit, lang))}` : ''}` : '—';
        }),
      ]),
      width,
      { head: style.bold },
    ),
  );

  // A player who sat in several teams is listed per team, each with that team's result — never merged.
  section(S.field.participants);
  // Two solo players with the same default name ("Player") are different people: told apart by file.
  const humans = runs.map((r) => r.aar.exercise.participants.filter((p) => !isColleague(p)));
  const soloRuns = humans.every((h) => h.length === 1) && new Set(humans.map((h) => h[0]!.team)).size === 1;
  const rows: { label: string; match: (r: CompareRun) => AarParticipant | undefined }[] = soloRuns
    ? runs.map((r) => {
        const p = r.aar.exercise.participants.find((x) => !isColleague(x))!;
        return {
          label: `${clean(p.name)} (${basename(r.file)})`,
          match: (x: CompareRun) => (x === r ? p : undefined),
        };
      })
    : [...new Set(runs.flatMap((r) => r.aar.exercise.participants.map((p) => p.name.trim())))].map((n) => ({
        label:
          clean(n) +
          (runs.filter((r) => r.aar.exercise.participants.some((p) => p.name.trim() === n)).length > 1
            ? zh
              ? '（多队）'
              : ' (several teams)'
            : ''),
        match: (r: CompareRun) => r.aar.exercise.participants.find((x) => x.name.trim() === n),
      }));
  out.push(
    textTable(
      [S.col.name, ...keys],
      rows.map((row) => [
        row.label,
        ...runs.map((r) => {
          const p = row.match(r);
          if (!p) return '—';
          const s = r.aar.subjects.find((x) => x.subject.kind === 'participant' && x.subject.id === p.id);
          return `${S.col.team} ${clean(p.team)}: ${s?.score === null || s === undefined ? '—' : s.score.toFixed(1)}`;
        }),
      ]),
      width,
      { head: style.bold },
    ),
  );
  return `${out.join('\n')}\n`;
}

/** Loads, checks and labels the runs to compare. */
export function loadRuns(files: string[], o: { scenario?: string; unverified?: boolean } = {}): CompareRun[] {
  if (files.length < 2)
    throw new UserError(say('compare needs at least two transcripts', 'compare 至少需要两份演练记录'));
  const ts = files.map((file) => ({ file, transcript: readTranscript(file) }));
  checkComparable(ts);
  const scenario = scenarioForTranscript(ts[0]!.transcript, o.scenario);
  const runs = ts.map((x, i) => {
    const { aar, state } = replayedAar(x.file, x.transcript, scenario, { unverified: o.unverified === true });
    const label = [...new Set(aar.exercise.participants.map((p) => p.team))].join('+');
    return {
      ...x,
      key: String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : ''),
      label,
      aar,
      state,
      scenario,
    };
  });
  for (const r of runs)
    if (runs.filter((x) => x.label === r.label).length > 1) r.label = `${r.label} (${basename(r.file)})`;
  return runs;
}

export function register(program: Command): void {
  program
    .command('compare')
    .description(
      'several teams on the same scenario and seed: where their decisions first diverged, ratings and outcomes side by side',
    )
    .argument('<transcripts...>', 'two or more transcripts of the same scenario and seed')
    .option('--lang <lang>', 'en | zh-CN (default from the environment)')
    .option('--scenario <file>', 'the scenario file, when it is not a shipped one')
    .option('--unverified', 'include transcripts that fail verification (marked)')
    .option('--json', 'print the comparison as JSON')
    .option('--color', 'colour even when not writing to a terminal')
    .option('--no-color', 'no colour (so does NO_COLOR)')
    .action(
      (
        files: string[],
        o: { lang?: string; scenario?: string; unverified?: boolean; json?: boolean; color?: boolean },
      ) => {
        const lang = langOption(o.lang);
        const runs = loadRuns(files, o);
        if (o.json) {
          const dd = firstDecisionDifference(runs);
          const json = {
            scenario: runs[0]!.aar.exercise.scenario,
            seed: runs[0]!.aar.exercise.seed,
            runs: runs.map((r) => ({
              key: r.key,
              file: r.file,
              teams: r.label,
              verified: r.aar.verification.ok,
              overall: r.aar.overall,
              ending: r.aar.exercise.ending?.id ?? null,
              capabilities: r.aar.capabilities.map((c) => ({
                id: c.id,
                proposed: c.proposed,
                final: c.final,
                credit: c.credit,
              })),
              outcomes: r.aar.outcomes.map((x) => ({ id: x.id, value: x.value, credit: x.credit })),
              participants: r.aar.subjects
                .filter((s) => s.subject.kind === 'participant')
                .map((s) => ({
                  id: s.subject.id,
                  name: localize(s.name, 'en'),
                  team: s.detail,
                  score: s.score,
                })),
            })),
            firstDivergence: dd
              ? {
                  decision: dd.decision,
                  at: dd.at,
                  per: dd.per.map((d) =>
                    d
                      ? {
                          chosen: d.chosen,
                          timeliness: d.timeliness ?? null,
                          status: d.status,
                          credit: d.credit,
                        }
                      : null,
                  ),
                }
              : null,
          };
          process.stdout.write(`${JSON.stringify(json, null, 1)}\n`);
        } else
          process.stdout.write(
            renderCompare(
              runs,
              lang,
              makeStyle(colourWanted(o.color)),
              Math.min(120, process.stdout.columns ?? 100),
            ),
          );
        process.exitCode = 0;
      },
    );
}
