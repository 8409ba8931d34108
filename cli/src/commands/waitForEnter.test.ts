import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { waitForEnter } from './waitForEnter.ts';

describe('waitForEnter: a notice read before the full-screen drill', () => {
  it('shows the notice and returns only once Enter is pressed', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (b: Buffer) => (shown += b.toString()));
    let done = false;
    const waiting = waitForEnter('drill: 2 line(s) of run.jsonl were left out', input, output).then(
      () => (done = true),
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(shown).toContain('2 line(s) of run.jsonl were left out');
    expect(shown).toContain('press Enter to continue the drill');
    expect(done).toBe(false);
    input.write('\n');
    await waiting;
    expect(done).toBe(true);
  });
});
