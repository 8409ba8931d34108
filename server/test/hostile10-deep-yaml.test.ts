import { describe, expect, it } from 'vitest';
import type { ApiError, CreatedRoom, ScenarioSource } from '../src/protocol.ts';
import { oneTeam, ownExample } from './fixtures/own-sources.ts';
import { serverForFile } from './fixtures/server-for-file.ts';
import { api } from './kit.ts';

// A trainer's own scenario nested 5,000 levels deep (a broken file: brackets never closed), sent twice
// (docs/reliability/hostile-room.md, tenth session). The YAML parser runs out of stack on it, and on the
// second such compile in one V8 isolate V8 failed fatally ("FATAL ERROR: RegExpCompiler Allocation
// failed - process out of memory"): on the compiler's worker thread that ended the whole server process,
// every room with it. The compiler now runs in a process of its own: that process may die, the server
// answers and goes on. Size is the point here (2,000 levels never failed).
const server = serverForFile();
const deep = (n: number): ScenarioSource => ({
  entry: 'd.yaml',
  files: { 'd.yaml': `a: ${'['.repeat(n)}${']'.repeat(n)}\n` },
});

describe('an own scenario nested thousands of levels deep', () => {
  it('is refused each time it is sent, and the server goes on creating rooms', async () => {
    const s = server();
    for (const lang of ['en', 'zh-CN'] as const) {
      const r = await api<ApiError>(s.url, '/api/rooms', {
        token: s.hostToken,
        body: oneTeam(deep(5000), 'deep', lang),
      });
      // Refused with the depth at its place, or (when the compiler process died on it) as not compiled.
      expect([422, 503]).toContain(r.status);
      expect(r.body.reason.length).toBeGreaterThan(10);
      if (r.status === 422)
        expect(r.body.diagnostics?.[0]).toMatchObject({ code: 'yaml-depth', file: 'd.yaml' });
    }
    const ok = await api<CreatedRoom>(s.url, '/api/rooms', {
      token: s.hostToken,
      body: oneTeam(ownExample(), 'after'),
    });
    expect(ok.status).toBe(201);
    expect(s.rooms.size).toBe(1);
  }, 180_000);
});
