import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseTranscript, verify, type Transcript } from '@drill/engine';
import { FIXTURE, newDrill } from '../tui/test-kit.ts';
import { resumeCommand } from './resume.ts';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  vi.restoreAllMocks();
});

describe('drill resume', () => {
  it('replays the journal to the same state hash and finishes it headless, keeping every earlier entry', async () => {
    const k = newDrill();
    cleanup = k.cleanup;
    const d = k.drill;
    d.apply({ type: 'start' });
    d.apply({
      type: 'choose',
      participant: 'p1',
      decision: 'evacuate',
      options: ['wait'],
      rationale: 'kept',
    });
    d.apply({ type: 'advance', to: 'next' });
    d.journal.close(); // the process stops here, without a result
    const before = parseTranscript(readFileSync(d.paths.journal, 'utf8'));
    if (!before.ok) throw new Error(before.reason);
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    const code = await resumeCommand(d.paths.journal, { auto: 'best' });
    expect(code).toBe(0);
    expect(out.join('')).toContain(
      `state ${before.transcript.entries.at(-1)!.stateHash} (matches the journal)`,
    );
    const t = JSON.parse(readFileSync(d.paths.transcript, 'utf8')) as Transcript;
    expect(t.entries.slice(0, before.transcript.entries.length)).toEqual(before.transcript.entries);
    expect(verify(d.scenario, t).ok).toBe(true);
    expect(t.result).toBeDefined();
    // The journal names the fixture file, so no --scenario was needed.
    expect(t.header.meta?.scenarioFile).toBe(FIXTURE);
  });
});
