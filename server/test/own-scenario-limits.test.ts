import { describe, expect, it } from 'vitest';
import { CreateRoomSchema, MAX_PATH } from '../src/protocol.ts';

/** The refusal's reason as the server words it (app.ts: "path: message" per issue). */
function reason(scenario: unknown): string {
  const p = CreateRoomSchema.safeParse({
    seed: 's',
    lang: 'en',
    mode: 'parallel',
    teams: [{ name: 'A', roles: [] }],
    scenario,
  });
  if (p.success) return '';
  return p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

describe("an own-scenario room request's file limits are named", () => {
  it('a file path over the limit says so, not "Invalid input"', () => {
    const long = `${'d/'.repeat(MAX_PATH / 2)}x.yaml`;
    const r = reason({ entry: 'a.yaml', files: { 'a.yaml': 'x', [long]: 'y' } });
    expect(r).toBe(`scenario: files: a file path of at most ${MAX_PATH} characters`);
    expect(reason({ entry: long, files: { 'a.yaml': 'x' } })).toContain(
      `scenario.entry: a file path of at most ${MAX_PATH} characters`,
    );
  });

  it('keeps the other refusals as they were, and a shipped id still passes', () => {
    expect(reason({ entry: 'b.yaml', files: { 'a.yaml': 'x' } })).toBe(
      'scenario.entry: entry b.yaml is not among the files',
    );
    expect(reason('typhoon')).toBe('');
    expect(reason({ entry: 'a.yaml', files: { 'a.yaml': 'x' } })).toBe('');
  });
});
