import { describe, expect, it } from 'vitest';
import { verify, type Lang } from '@drill/engine';
import { renderHtml, renderMarkdown, stringsFor, summarize } from '@drill/report';
import { loadScenario } from '@drill/scenarios';
import { aarOf, autoTranscript, HOSTILE, hostileTranscript } from './fixtures.ts';

const typhoon = loadScenario('typhoon');
const LANGS: Lang[] = ['en', 'zh-CN'];

describe('the After-Action Report', () => {
  const t = autoTranscript(typhoon, '7', 'random');
  const aar = aarOf(typhoon, t);

  it('recomputes its numbers from the replay and equals the recorded result', () => {
    expect(aar.overall.score).toBe(t.result!.score.overall);
    expect(aar.verification).toMatchObject({
      ok: true,
      complete: true,
      finalStateHash: t.result!.finalStateHash,
    });
  });

  it('holds the exercise overview: name, date, hazard, participants, teams, objectives, capabilities', () => {
    expect(aar.exercise.title).toEqual(typhoon.title);
    expect(aar.exercise.date).toBe(t.header.startedAt);
    expect(aar.exercise.hazard).toBe('typhoon');
    expect(aar.exercise.participants.map((p) => p.id)).toEqual(['p1']);
    expect(aar.exercise.teams).toEqual([{ id: 'solo', members: ['p1'] }]);
    expect(aar.objectives.map((o) => o.id)).toEqual(typhoon.objectives.map((o) => o.id));
    for (const d of typhoon.decisions) expect(aar.capabilities.map((c) => c.id)).toContain(d.capability);
  });

  it('cites every decision as evidence with when, what, timeliness, feedback and reference', () => {
    for (const d of aar.decisions.filter((x) => x.status !== 'not-reached')) {
      expect(d.at).toBeTypeOf('number');
      expect(d.chosen.length).toBeGreaterThan(0);
      expect(['on-time', 'late', 'missed']).toContain(d.timeliness);
      expect(aar.capabilities.find((c) => c.id === d.capability)!.evidence).toContain(d.id);
    }
    expect(aar.decisions.some((d) => d.feedback.length > 0)).toBe(true);
    expect(aar.decisions.every((d) => d.refs.length > 0)).toBe(true);
  });

  it('lists every strength or area for improvement of a capability among its evidence, each decision in one of them', () => {
    for (const c of aar.capabilities) {
      expect([...c.strengths, ...c.improvements].sort()).toEqual([...c.evidence].sort());
    }
  });

  it('has a timeline in time order with the injects and decisions', () => {
    const ats = aar.timeline.map((x) => x.at);
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    expect(aar.timeline.filter((x) => x.kind === 'decision').length).toBe(
      aar.decisions.filter((d) => d.status !== 'not-reached').length,
    );
    expect(aar.timeline.some((x) => x.kind === 'inject')).toBe(true);
  });

  it('has an improvement plan row for each decision below full credit, most credit lost first, with capability, roles and a due date', () => {
    const short = aar.decisions.filter(
      (d) => !d.simulated && d.status !== 'not-reached' && d.best - d.credit > 1e-6,
    );
    const rows = aar.improvementPlan.flatMap((p) => (p.decision ? [p.decision] : []));
    expect([...rows].sort()).toEqual(short.map((d) => d.id).sort());
    // Every decision scoring picks as a costliest choice is in the plan.
    for (const id of aar.score.improvements) expect(rows).toContain(id);
    const lost = rows.map((id) => {
      const d = aar.decisions.find((x) => x.id === id)!;
      return (d.best - d.credit) * d.weight;
    });
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
    for (const p of aar.improvementPlan) {
      expect(p.roles.length).toBeGreaterThan(0);
      expect(Object.keys(p.due).sort()).toEqual(['en', 'zh-CN']);
    }
    expect(aar.hotWash.length).toBeGreaterThanOrEqual(2);
  });

  it('plots the score over scenario time within bounds, ending at the final score', () => {
    expect(aar.series.length).toBeGreaterThan(1);
    for (const p of aar.series) {
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(100);
      expect(p.credit).toBeGreaterThanOrEqual(0);
      expect(p.credit).toBeLessThanOrEqual(100);
    }
    expect(aar.series.at(-1)!.score).toBe(aar.overall.score);
    const credits = aar.series.map((p) => p.credit);
    expect(credits).toEqual([...credits].sort((a, b) => a - b));
  });

  it('is JSON: it survives a round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(aar))).toEqual(aar);
  });

  for (const lang of LANGS) {
    it(`renders every section in ${lang}, in Markdown and HTML`, () => {
      const S = stringsFor(lang);
      const md = renderMarkdown(aar, lang);
      const html = renderHtml(aar, lang);
      for (const title of Object.values(S.sections)) {
        expect(md).toContain(`. ${title}`);
        expect(html).toContain(`. ${title}`);
      }
      expect(html).toContain('<svg');
      expect(html).toMatch(/@page\s*{\s*size:\s*A4/);
      expect(html).not.toMatch(/<script|<link|src="http|href="http|@import/i);
      expect(md).toContain(aar.verification.finalStateHash);
    });
  }

  it('writes the plain-language summary in both languages', () => {
    const en = summarize(typhoon, aar.score, 'en');
    const zh = summarize(typhoon, aar.score, 'zh-CN');
    expect(en).toMatch(/^Overall score \d/);
    expect(zh).toMatch(/^总分/);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en.split(/(?<=\.) /).length).toBeGreaterThanOrEqual(2);
  });
});

describe('escaping', () => {
  const t = hostileTranscript(typhoon);
  const aar = aarOf(typhoon, t);

  it('the hostile transcript verifies and carries the text everywhere', () => {
    expect(verify(typhoon, t).ok).toBe(true);
    expect(aar.decisions.some((d) => d.rationale?.includes('<script>'))).toBe(true);
    expect(aar.capabilities.some((c) => c.override?.note.includes('<script>'))).toBe(true);
  });

  for (const lang of LANGS) {
    it(`HTML (${lang}): no markup from the transcript survives, only its text`, () => {
      const html = renderHtml(aar, lang);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<img/i);
      expect(html).not.toContain('onerror="');
      expect(html).toContain('&#60;script&#62;window.__pwned = 1&#60;/script&#62;');
    });

    it(`Markdown (${lang}): hostile text cannot open a tag, a link, emphasis or a table cell`, () => {
      const md = renderMarkdown(aar, lang);
      expect(md).not.toMatch(/(?<!\\)<script/);
      expect(md).toContain('\\<script\\>');
      expect(md).toContain('\\[link\\]');
      expect(md).toContain('\\*\\*bold\\*\\*');
      expect(md).toContain(' \\| ');
      expect(HOSTILE).toContain('\u001b');
      expect(md).not.toContain('\u001b');
    });
  }
});
