import type { Command } from 'commander';
import type { DrillState, Lang, Scenario, Transcript } from '@drill/engine';
import {
  aarFromTranscript,
  bannerLines,
  buildDebrief,
  renderDebriefHtml,
  renderDebriefMarkdown,
  renderHtml,
  renderMarkdown,
  type Aar,
} from '@drill/report';
import { userPath, UserError, writeFileAtomic, terminalSafe } from '../io.ts';
import { reasonSaid, say } from '../say.ts';
import { parseLang } from '../tui/i18n.ts';
import { readTranscript, scenarioForTranscript } from './verify.ts';

export const FORMATS = ['md', 'html', 'json'] as const;
export type ReportFormat = (typeof FORMATS)[number];
export const KINDS = ['aar', 'debrief'] as const;
export type ReportKind = (typeof KINDS)[number];

/** `--lang`, or the language of the environment; a UserError for anything else. */
export function langOption(v: string | undefined): Lang {
  try {
    return parseLang(v);
  } catch (e) {
    throw new UserError((e as Error).message);
  }
}

/**
 * The After-Action Report of a transcript. Refuses one that fails verification (with verify's reason)
 * unless `unverified`; then it reports on what replays — up to the first broken entry — and says so.
 */
export function aarFor(
  file: string,
  t: Transcript,
  scenario: Scenario,
  o: { unverified?: boolean } = {},
): Aar {
  return replayedAar(file, t, scenario, o).aar;
}

/** The report model and the replayed final state it was built from (one replay: the report's recipe). */
export function replayedAar(
  file: string,
  t: Transcript,
  scenario: Scenario,
  o: { unverified?: boolean } = {},
): { aar: Aar; state: DrillState } {
  const r = aarFromTranscript(scenario, t, o);
  if (r.ok) return { aar: r.aar, state: r.state };
  const why = reasonSaid(r.reason, r.verification.ok ? undefined : r.verification.refused);
  if (!r.verification.ok && !o.unverified)
    throw new UserError(
      say(
        `${file} fails verification: ${r.reason}\n(add --unverified to report on it anyway, marked as not verified)`,
        `${file} 校验未通过：${why}\n（如仍要生成报告，请加 --unverified，报告将标明未经校验）`,
      ),
    );
  throw new UserError(say(`${file} cannot be replayed: ${r.reason}`, `${file} 无法重放：${why}`));
}

/**
 * One of the two documents of the same model — the evaluator's After-Action Report or the participant's
 * debrief — in one format. JSON leads with the banner when the transcript is not verified or unfinished.
 */
export function renderReport(aar: Aar, format: ReportFormat, lang: Lang, kind: ReportKind = 'aar'): string {
  switch (format) {
    case 'md':
      return kind === 'debrief' ? renderDebriefMarkdown(buildDebrief(aar), lang) : renderMarkdown(aar, lang);
    case 'html':
      return kind === 'debrief' ? renderDebriefHtml(buildDebrief(aar), lang) : renderHtml(aar, lang);
    case 'json': {
      const banners = bannerLines(aar, lang);
      const doc = kind === 'debrief' ? buildDebrief(aar) : aar;
      return `${JSON.stringify(banners.length ? { banner: banners.join(' '), ...doc } : doc, null, 1)}\n`;
    }
    default: {
      const never: never = format;
      throw new UserError(say(`unknown format \`${String(never)}\``, `未知的格式“${String(never)}”`));
    }
  }
}

interface ReportOptions {
  format?: string;
  out?: string;
  lang?: string;
  scenario?: string;
  unverified?: boolean;
  kind?: string;
}

export function register(program: Command): void {
  program
    .command('report')
    .description(
      'write the After-Action Report and Improvement Plan of a transcript, or the participant debrief (Markdown, self-contained HTML or JSON)',
    )
    .argument('<transcript>', 'transcript (.json) or journal (.jsonl)')
    .option('--kind <kind>', "aar (the evaluator's full report) | debrief (the participant's handout)", 'aar')
    .option('--format <format>', `${FORMATS.join(' | ')}`, 'md')
    .option('-o, --out <file>', 'write to this file (default: print)')
    .option('--lang <lang>', 'en | zh-CN (default from the environment)')
    .option('--scenario <file>', 'the scenario file, when it is not a shipped one')
    .option('--unverified', 'report on a transcript that fails verification (marked as not verified)')
    .action((file: string, o: ReportOptions) => {
      const format = (o.format ?? 'md').toLowerCase().replace(/^markdown$/, 'md') as ReportFormat;
      if (!FORMATS.includes(format))
        throw new UserError(
          say(
            `unknown format \`${o.format}\`: use ${FORMATS.join(', ')}`,
            `未知的格式“${o.format}”：可选 ${FORMATS.join('、')}`,
          ),
        );
      const kind = (o.kind ?? 'aar').toLowerCase() as ReportKind;
      if (!KINDS.includes(kind))
        throw new UserError(
          say(
            `unknown kind \`${o.kind}\`: use ${KINDS.join(', ')}`,
            `未知的报告种类“${o.kind}”：可选 aar（评估报告）、debrief（讲评）`,
          ),
        );
      const lang = langOption(o.lang);
      const t = readTranscript(file);
      const scenario = scenarioForTranscript(t, o.scenario);
      const aar = aarFor(file, t, scenario, { unverified: o.unverified === true });
      const text = renderReport(aar, format, lang, kind);
      if (o.out) {
        const path = userPath(o.out);
        writeFileAtomic(path, text);
        process.stderr.write(
          say(
            `${kind} (${format}, ${lang}${aar.verification.ok ? '' : ', NOT VERIFIED'}${aar.verification.finished ? '' : ', unfinished'}): ${path}\n`,
            `${kind === 'aar' ? '评估报告' : '讲评'}（${format}，${lang}${aar.verification.ok ? '' : '，未经校验'}${aar.verification.finished ? '' : '，未完成'}）：${path}\n`,
          ),
        );
      } else process.stdout.write(terminalSafe(text)); // no escapes from scenario texts reach the terminal
      process.exitCode = 0;
    });
}
