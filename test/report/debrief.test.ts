import { describe, expect, it } from 'vitest';
import {
  autoplay,
  localize,
  replay,
  Session,
  soloParticipant,
  verify,
  withColleagues,
  type Lang,
  type Scenario,
  type Transcript,
} from '@drill/engine';
import {
  buildAar,
  buildDebrief,
  CLOSING_PUNCTUATION,
  renderDebriefHtml,
  renderDebriefMarkdown,
  renderHtml,
  renderMarkdown,
  stringsFor,
  type Aar,
} from '@drill/report';
import { loadScenario, shippedScenarioIds } from '@drill/scenarios';
import { renderReport } from '@drill/cli';
import { aarOf, autoTranscript, STARTED_AT } from './fixtures.ts';

const LANGS: Lang[] = ['en', 'zh-CN'];
const typhoon = loadScenario('typhoon');

/** How often `needle` occurs in `hay`. */
const count = (hay: string, needle: string): number => hay.split(needle).length - 1;

describe('the participant debrief and the AAR: two documents from one model', () => {
  const aar = aarOf(typhoon, autoTranscript(typhoon, 'golden', 'random'));
  const debrief = buildDebrief(aar);

  it('the debrief holds the score with its breakdown, a rating per rated capability, at most three strengths and improvements', () => {
    expect(debrief.score.overall).toBe(aar.overall.score);
    expect(debrief.score.breakdown).toEqual(aar.overall.breakdown);
    expect(debrief.ratings.map((r) => r.capability)).toEqual(
      aar.capabilities.filter((c) => c.final !== 'not-rated').map((c) => c.id),
    );
    for (const r of debrief.ratings) expect(localize(r.evidence, 'en').length).toBeGreaterThan(0);
    expect(debrief.strengths.length).toBeLessThanOrEqual(3);
    expect(debrief.improvements).toHaveLength(3);
    expect(debrief.timeline.length).toBeGreaterThan(0);
    expect(debrief.timeline.length).toBeLessThanOrEqual(12);
  });

  for (const lang of LANGS) {
    it(`cites each decision's choice at most once in the debrief and its rationale line once in the AAR (${lang})`, () => {
      const md = renderDebriefMarkdown(debrief, lang);
      const full = renderMarkdown(aar, lang);
      const S = stringsFor(lang);
      for (const d of aar.decisions.filter((x) => x.status !== 'not-reached' && x.kind === 'single')) {
        const label = `“${localize(d.chosen[0]!.label, lang)}”`;
        // The same label may stand in the improvement's action ("choose … rather than …") of its own row.
        const inActions = debrief.improvements.filter((p) => localize(p.action, lang).includes(label)).length;
        expect(count(md, label) - inActions, `${d.id} in the debrief`).toBeLessThanOrEqual(1);
      }
      // In the AAR, the full evidence (choice, feedback, reference) sits once, under its capability.
      expect(count(full, `- ${S.rationale}${lang === 'zh-CN' ? '：' : ': '}`)).toBe(
        aar.decisions.filter((d) => d.status !== 'not-reached' && !d.simulated).length,
      );
    });
  }

  it('gives improvement actions specific to each decision, from the scenario’s own best option', () => {
    const rows = aar.improvementPlan.filter((p) => p.decision);
    const actions = new Set(rows.map((p) => localize(p.action, 'en')));
    expect(actions.size).toBe(rows.length);
    const single = rows.find((p) => aar.decisions.find((d) => d.id === p.decision)?.kind === 'single')!;
    const d = aar.decisions.find((x) => x.id === single.decision)!;
    expect(localize(single.action, 'en')).toContain(localize(d.bestChoice[0], 'en'));
  });

  it('is reported by the CLI renderer as either kind in every format', () => {
    expect(renderReport(aar, 'md', 'en', 'debrief')).toContain(`# ${stringsFor('en').debrief.title}`);
    expect(renderReport(aar, 'html', 'zh-CN', 'debrief')).toContain(stringsFor('zh-CN').debrief.title);
    expect(JSON.parse(renderReport(aar, 'json', 'en', 'debrief')).format).toBe('drill-debrief/1');
    expect(JSON.parse(renderReport(aar, 'json', 'en')).format).toBe('drill-aar/1');
  });
});

describe('"to improve" is never empty while something fell short', () => {
  for (const id of shippedScenarioIds()) {
    const scenario = loadScenario(id);
    for (const policy of ['best', 'random', 'worst', 'first'] as const) {
      it(`${id}, ${policy}: a capability below P or a decision below full credit has a row`, () => {
        const aar = aarOf(scenario, autoTranscript(scenario, 'g', policy));
        const short = aar.decisions.filter(
          (d) => !d.simulated && d.status !== 'not-reached' && d.best - d.credit > 1e-6,
        );
        const belowP = aar.capabilities.filter((c) => c.final !== 'P' && c.final !== 'not-rated');
        const debrief = buildDebrief(aar);
        const md = renderDebriefMarkdown(debrief, 'en');
        if (short.length || belowP.length) {
          expect(aar.improvementPlan.length).toBeGreaterThan(0);
          expect(debrief.improvements.length).toBeGreaterThan(0);
          expect(md).not.toContain(stringsFor('en').debrief.noImprovements);
          expect(renderMarkdown(aar, 'en')).not.toContain(stringsFor('en').noImprovements);
        } else {
          expect(md).toContain(stringsFor('en').debrief.noImprovements);
        }
      });
    }
  }
});

describe("simulated colleagues' decisions", () => {
  const role = typhoon.roles[0]!.id;
  const t = autoplay(typhoon, {
    seed: 'solo',
    policy: 'worst',
    startedAt: STARTED_AT,
    participants: withColleagues(typhoon, [{ ...soloParticipant('Li', 'solo'), roles: [role] }], 'weak'),
  }).transcript();
  const aar = aarOf(typhoon, t);
  const simulated = aar.decisions.filter((d) => d.simulated && d.status !== 'not-reached');

  it('are marked, and are never the player’s costliest choices or improvements', () => {
    expect(simulated.length).toBeGreaterThan(0);
    const ids = new Set(simulated.map((d) => d.id));
    expect(aar.score.improvements.filter((x) => ids.has(x))).toEqual([]);
    expect(aar.improvementPlan.filter((p) => p.decision && ids.has(p.decision))).toEqual([]);
    for (const c of aar.capabilities) expect(c.evidence.filter((x) => ids.has(x))).toEqual([]);
    for (const lang of LANGS) {
      const S = stringsFor(lang);
      const md = renderMarkdown(aar, lang);
      expect(md).toContain(`### ${S.simulated}`);
      expect(md).toContain(S.simulatedNote);
      expect(renderHtml(aar, lang)).toContain(S.simulatedNote);
      const debrief = buildDebrief(aar);
      expect(localize(debrief.exercise.colleagues, lang)).toContain(S.simulated);
    }
  });
});

describe('outcome caps as evidence', () => {
  // A copy of the typhoon scenario whose worst outcome in a random run caps the first decision's
  // capability at M and the overall score at 30 once it is worse than its target.
  // The scenario's own caps are taken off first, so only the test's caps apply.
  const bare: Scenario = { ...typhoon, outcomes: typhoon.outcomes.map((o) => ({ ...o, caps: [] })) };
  const plain = aarOf(bare, autoTranscript(bare, 'golden', 'random'));
  const worst = [...plain.outcomes].sort((a, b) => a.credit - b.credit)[0]!;
  expect(worst.credit).toBeLessThan(1);
  expect(plain.overall.score).toBeGreaterThan(30);
  const o0 = typhoon.outcomes.find((o) => o.id === worst.id)!;
  const capability = plain.capabilities.find((c) => c.final !== 'not-rated')!.id;
  const capped: Scenario = {
    ...bare,
    outcomes: bare.outcomes.map((o) =>
      o.id === o0.id
        ? {
            ...o,
            caps: [
              { worseThan: o0.target, capability, rating: 'M' as const },
              { worseThan: o0.target, overall: 30 },
            ],
          }
        : o,
    ),
  };
  const aar = aarOf(capped, autoTranscript(capped, 'golden', 'random'));

  it('name the outcome, its value and its limit beside the capped rating and the capped score', () => {
    const c = aar.capabilities.find((x) => x.id === capability)!;
    expect(c.caps?.[0]?.outcome).toBe(o0.id);
    expect(aar.overall.breakdown.capped).toBeDefined();
    expect(aar.overall.score).toBe(30);
    expect(localize(aar.summary, 'en')).toContain(`${localize(o0.label, 'en')} held the score at 30.0`);
    expect(localize(aar.summary, 'zh-CN')).toContain(
      `由于${localize(o0.label, 'zh-CN')}，总分被限制在30.0分`,
    );
    for (const lang of LANGS) {
      const S = stringsFor(lang);
      const md = renderMarkdown(aar, lang);
      const label = localize(o0.label, lang);
      expect(md).toContain(`**${S.cappedBy}**`);
      expect(md).toContain(label);
      expect(renderHtml(aar, lang)).toContain(S.cappedBy);
      expect(renderDebriefMarkdown(buildDebrief(aar), lang)).toContain(label);
    }
    expect(aar.improvementPlan.some((p) => p.capability === capability && !p.decision)).toBe(true);
  });
});

/** A drill in pressure mode (90 s): every other decision takes 120 s, the rest 30 s. */
function pressureTranscript(scenario: Scenario): Transcript {
  const s = Session.start(scenario, {
    seed: 'pressure',
    participants: [soloParticipant('Wang')],
    startedAt: STARTED_AT,
    meta: { mode: 'interactive', pressure: '90' },
  });
  if ('error' in s) throw new Error(s.error);
  s.apply({ type: 'start' });
  let n = 0;
  for (let i = 0; i < 3000 && s.state.phase === 'running'; i++) {
    const open = scenario.decisions.find((d) => s.state.decisions[d.id]?.status === 'open');
    if (open) {
      const choice =
        open.kind === 'allocate'
          ? { allocation: Object.fromEntries(open.options.map((o) => [o.id, o.min ?? 0])) }
          : { options: [open.options[0]!.id] };
      const r = s.apply({
        type: 'choose',
        participant: s.state.participants[0]!.id,
        decision: open.id,
        ...choice,
        elapsedMs: n++ % 2 ? 120_000 : 30_000,
      });
      if (r.ok) continue;
    }
    s.apply({ type: 'advance', to: 'next' });
  }
  if (s.state.phase === 'running') s.apply({ type: 'end' });
  return s.transcript();
}

describe('pressure mode', () => {
  const aar = aarOf(typhoon, pressureTranscript(typhoon));

  it('labels the run and shows the time per decision and whether 90 s were exceeded', () => {
    expect(aar.exercise.pressure).toBe(90);
    const decided = aar.decisions.filter((d) => d.status === 'decided');
    expect(decided.every((d) => d.elapsedMs === 30_000 || d.elapsedMs === 120_000)).toBe(true);
    expect(decided.filter((d) => d.overTime).map((d) => d.elapsedMs)).toEqual(
      decided.filter((d) => d.elapsedMs === 120_000).map(() => 120_000),
    );
    const en = renderMarkdown(aar, 'en');
    expect(en).toContain('Pressure mode: 90 s per decision');
    expect(en).toContain('took 120 s, over the 90 s limit');
    expect(en).toContain('took 30 s');
    const zh = renderMarkdown(aar, 'zh-CN');
    expect(zh).toContain('限时模式：每项决策限时90秒');
    expect(zh).toContain('用时120秒，超过90秒限时');
    expect(renderDebriefMarkdown(buildDebrief(aar), 'en')).toContain('Pressure mode: 90 s per decision');
  });
});

describe('reports of transcripts that are not verified or not finished', () => {
  const t = autoTranscript(typhoon, '7', 'random');

  function aarFor(tr: Transcript): Aar {
    const v = verify(typhoon, tr);
    let r = replay(typhoon, tr, { keepStates: true });
    if (!r.ok && r.entry !== undefined) r = replay(typhoon, tr, { keepStates: true, upTo: r.entry - 1 });
    if (!r.ok) throw new Error(r.reason);
    return buildAar(typhoon, tr, r, v);
  }

  it('a tampered transcript carries a NOT VERIFIED banner at the top of every format and kind', () => {
    const bad: Transcript = JSON.parse(JSON.stringify(t));
    const i = Math.floor(bad.entries.length / 2);
    bad.entries[i] = { ...bad.entries[i]!, hash: '0'.repeat(64) };
    const aar = aarFor(bad);
    expect(aar.verification.ok).toBe(false);
    expect(aar.verification.finished).toBe(false);
    for (const kind of ['aar', 'debrief'] as const) {
      for (const lang of LANGS) {
        const banner = stringsFor(lang).banner.notVerified(aar.verification.reason ?? '');
        const md = renderReport(aar, 'md', lang, kind);
        expect(md.split('\n')[0]).toBe(`> **${banner.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)}**`);
        const html = renderReport(aar, 'html', lang, kind);
        expect(html.indexOf('class="banner"')).toBeGreaterThan(0);
        expect(html.indexOf('class="banner"')).toBeLessThan(html.indexOf('<h1'));
        const json = renderReport(aar, 'json', lang, kind);
        expect(Object.keys(JSON.parse(json))[0]).toBe('banner');
        expect(JSON.parse(json).banner).toContain(lang === 'en' ? 'NOT VERIFIED' : '未经校验');
      }
    }
  });

  it("an unfinished transcript shows the score so far, never as the drill's result", () => {
    const half: Transcript = JSON.parse(JSON.stringify(t));
    half.entries = half.entries.slice(0, Math.floor(half.entries.length / 2));
    delete half.result;
    const aar = aarFor(half);
    expect(aar.verification.ok).toBe(true);
    expect(aar.verification.finished).toBe(false);
    for (const lang of LANGS) {
      const S = stringsFor(lang);
      const md = renderMarkdown(aar, lang);
      expect(md.split('\n')[0]).toContain(
        S.banner.unfinished(aar.verification.replayed, aar.verification.recorded),
      );
      expect(md).toContain(`**${S.scoreSoFar}`);
      expect(renderDebriefMarkdown(buildDebrief(aar), lang)).toContain(`## ${S.scoreSoFar}`);
      expect(renderDebriefHtml(buildDebrief(aar), lang)).toContain(S.scoreSoFar);
      expect(localize(aar.summary, lang)).not.toMatch(/^Overall score|^总分/);
    }
  });
});

describe('Chinese reports', () => {
  for (const id of shippedScenarioIds()) {
    it(`${id}: no line of the AAR or the debrief starts with closing punctuation`, () => {
      const scenario = loadScenario(id);
      const aar = aarOf(scenario, autoTranscript(scenario, 'golden', 'random'));
      const lines = [
        ...renderMarkdown(aar, 'zh-CN').split('\n'),
        ...renderDebriefMarkdown(buildDebrief(aar), 'zh-CN').split('\n'),
      ];
      const bad = lines.filter((l) => l.length && CLOSING_PUNCTUATION.includes(l.trimStart()[0]!));
      expect(bad).toEqual([]);
    });
  }

  it('durations, scenario times and doctrine titles carry no Latin letters in the debrief and plan', () => {
    const aar = aarOf(typhoon, autoTranscript(typhoon, 'golden', 'random'));
    const zh = renderDebriefMarkdown(buildDebrief(aar), 'zh-CN');
    // Scenario texts (quoted labels) are the authors'; the report's own words are checked.
    const own = zh.replace(/“[^”]*”/g, '“”');
    expect(own).not.toMatch(/\d+h\d*m?\b|\b\d+m\b|T[-+]\d/);
    expect(zh).toMatch(/T0[前后]\d+小时/);
    const full = renderMarkdown(aar, 'zh-CN');
    // Every doctrine title is cited in Chinese: the shipped scenarios give a Chinese title for each
    // reference whose citation carries English words (`title: { en: …, zh-CN: … }`); a standard's code
    // (GB 51143-2015) is the only Latin left.
    const lines = full.split('\n').filter((l) => l.includes('依据文件：'));
    let checked = 0;
    for (const line of lines) {
      const shown = line.split('依据文件：')[1]!;
      checked++;
      expect(shown.replace(/GB \d+-\d+/, '')).not.toMatch(/[A-Za-z]/);
    }
    expect(checked).toBeGreaterThan(0);
  });
});
