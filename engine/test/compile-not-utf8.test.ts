import { describe, expect, it } from 'vitest';
import { compileScenario } from '../src/index.ts';

// `简报` saved as GBK (Notepad's "ANSI" on a Chinese Windows) and read as UTF-8: each byte pair that is
// not UTF-8 becomes U+FFFD, and the YAML around it still parses.
const GBK_BRIEFING = new TextDecoder('utf-8').decode(
  new Uint8Array([...new TextEncoder().encode('briefing:\n  zh-CN: "'), 0xbc, 0xf2, 0xb1, 0xa8, 0x22, 0x0a]),
);

describe('a scenario file that is not UTF-8', () => {
  it('is refused at the first unreadable character, saying to save it as UTF-8', () => {
    expect(GBK_BRIEFING).toContain('\ufffd');
    const r = compileScenario({ path: 'gbk.yaml', text: `id: gbk\n${GBK_BRIEFING}` });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'not-utf8',
        file: 'gbk.yaml',
        line: 3,
        column: 11,
        message: 'this file is not UTF-8: here a character could not be read (�)',
      }),
    ]);
    expect(r.diagnostics[0]!.hint).toMatch(/^save the file as UTF-8/);
  });

  it('is refused in an included part too, at its own file and line', () => {
    const main = 'format: drill/1\nid: x\ninclude: [part.yaml]\n';
    const r = compileScenario({ path: 'main.yaml', text: main }, () => ({
      path: 'part.yaml',
      text: `format: drill/1-part\n${GBK_BRIEFING}`,
    }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.find((d) => d.code === 'not-utf8')).toMatchObject({ file: 'part.yaml', line: 3 });
  });
});
