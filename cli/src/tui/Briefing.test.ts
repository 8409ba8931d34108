import { afterEach, describe, expect, it } from 'vitest';
import { briefingLines } from './Briefing.tsx';
import { plain } from './layout.ts';
import { newDrill } from './test-kit.ts';

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

describe('briefing', () => {
  it('addresses the seat played and says who holds the others', () => {
    const k = newDrill({ role: 'press', colleagues: 'average' });
    cleanups.push(k.cleanup);
    const text = briefingLines(k.drill, 100, 30).map(plain).join('\n');
    expect(text).toContain('Your seat: Press officer');
    expect(text).toContain('The other seats are played by average simulated colleagues.');
  });

  it('in Chinese, with the duration in words', () => {
    const k = newDrill({ role: 'chief', lang: 'zh-CN' });
    cleanups.push(k.cleanup);
    const text = briefingLines(k.drill, 100, 30).map(plain).join('\n');
    expect(text).toContain('你的席位：镇长');
    expect(text).toContain('4小时');
    expect(text).not.toMatch(/\b4h\b/);
  });
});
