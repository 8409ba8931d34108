import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autoplay } from '@drill/engine';
import { fixture } from '../../../engine/test/fixture.ts';
import { UserError } from '../io.ts';
import { readTranscript } from './verify.ts';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function refusal(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'drill-verify-'));
  dirs.push(dir);
  const file = join(dir, 'run.json');
  writeFileSync(file, text);
  try {
    readTranscript(file);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message.replace(file, 'run.json');
  }
  throw new Error('the file was read');
}

describe('drill verify / drill report: a transcript that is not valid JSON', () => {
  const t = autoplay(fixture(), {
    seed: 1,
    policy: 'best',
    startedAt: '2026-01-01T00:00:00.000Z',
  }).transcript();
  const text = JSON.stringify(t, null, 2);

  it('names the file, line and column where a file cut short breaks off, not a character offset', () => {
    // Cut mid-way through a line, after a property name's opening quote.
    const cut = text.slice(0, text.indexOf('"', Math.floor(text.length / 2)) + 1);
    const lines = cut.split('\n');
    const msg = refusal(cut);
    expect(msg).toMatch(new RegExp(`^run\\.json:${lines.length}:\\d+: not valid JSON: `));
    expect(msg).not.toMatch(/position/);
  });

  it('a file cut right after a comma or a bracket says where it ends', () => {
    // Cut after a comma: the JSON ends just past it (the column after the comma).
    const comma = text.slice(0, text.indexOf(',', Math.floor(text.length / 3)) + 1);
    const last = comma.split('\n');
    expect(refusal(comma)).toMatch(
      new RegExp(`^run\\.json:${last.length}:${last.at(-1)!.length + 1}: not valid JSON: `),
    );
    const bracket = text.slice(0, text.indexOf('[') + 1);
    expect(refusal(bracket)).toMatch(
      new RegExp(`^run\\.json:${bracket.split('\n').length}:\\d+: not valid JSON: `),
    );
    expect(refusal(bracket)).not.toMatch(/position/);
  });
});
