import { describe, expect, it } from 'vitest';
import { inDateRange, isoSpan, parseDateRange } from '../src/index.ts';

const range = (text: string) => {
  const r = parseDateRange(text);
  if (!r.ok) throw new Error(r.reason);
  return r.range;
};

describe('date ranges on startedAt (UTC, no platform time zone)', () => {
  it('takes each bound at its own precision: a day, a month, a year, a minute', () => {
    const oct = range('2026-10-01..2026-10-31');
    expect(inDateRange('2026-10-01T00:00:00.000Z', oct)).toBe(true);
    expect(inDateRange('2026-10-31T23:59:59.999Z', oct)).toBe(true);
    expect(inDateRange('2026-09-30T23:59:59.999Z', oct)).toBe(false);
    expect(inDateRange('2026-11-01T00:00:00.000Z', oct)).toBe(false);
    expect(inDateRange('2026-12-31T23:59:59.999Z', range('2026-12..2026-12'))).toBe(true);
    expect(inDateRange('2027-01-01T00:00:00.000Z', range('..2026'))).toBe(false);
    expect(inDateRange('2026-10-01T08:30:00.000Z', range('2026-10-01T08:31..'))).toBe(false);
  });

  it('reads an explicit offset as stated: 08:00 in Beijing is midnight UTC', () => {
    expect(isoSpan('2026-10-01T08:00:00+08:00')!.start).toBe(isoSpan('2026-10-01T00:00:00Z')!.start);
    expect(inDateRange('2026-10-01T07:59:00+08:00', range('2026-10-01..'))).toBe(false);
    expect(inDateRange('2026-10-01T08:00:00+08:00', range('2026-10-01..'))).toBe(true);
  });

  it('refuses what is not a range, with a message', () => {
    expect(parseDateRange('2026-10-01')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/FROM\.\.TO/),
    });
    expect(parseDateRange('..')).toMatchObject({ ok: false, reason: expect.stringMatching(/neither/) });
    expect(parseDateRange('2026-13-01..')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a date/),
    });
    expect(parseDateRange('01/10/2026..')).toMatchObject({ ok: false });
    expect(parseDateRange('2026-10-31..2026-10-01')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/ends before it starts/),
    });
  });

  it('leaves a run whose start is not a date out of every dated cohort', () => {
    expect(inDateRange('yesterday', range('2000..'))).toBe(false);
  });
});
