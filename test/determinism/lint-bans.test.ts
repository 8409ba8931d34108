import { ESLint } from 'eslint';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: root });

async function messages(code: string, file: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return r!.messages.map((m) => m.message);
}

describe('the determinism contract is enforced by lint inside engine/', () => {
  const banned = [
    ['Math.random()', /seeded generator/],
    ['Date.now()', /scenario clock/],
    ['new Date()', /new Date\(\) is banned/],
    ['performance.now()', /scenario clock/],
    ['setTimeout(() => 0, 10)', /not allowed inside engine/],
    ['setInterval(() => 0, 10)', /not allowed inside engine/],
    ["eval('1')", /never eval/],
    ["new Function('return 1')", /never new Function/],
  ] as const;
  for (const [code, msg] of banned)
    it(`rejects ${code} in engine/src`, async () => {
      expect((await messages(`export const x = ${code};\n`, 'engine/src/probe.ts')).join('\n')).toMatch(msg);
    });
  it('rejects file-system and network imports in engine/src', async () => {
    expect(
      (
        await messages(
          "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
          'engine/src/probe.ts',
        )
      ).join('\n'),
    ).toMatch(/No I\/O inside engine/);
  });
  it('allows the same code outside the engine (the shells own clocks and I/O)', async () => {
    expect(await messages('export const x = Date.now() + Math.random();\n', 'cli/src/probe.ts')).toEqual([]);
  });
});

describe('the house style is enforced by the tools pnpm test runs', () => {
  it('rejects a floating promise (a write nobody awaits)', async () => {
    const code = 'async function save(): Promise<void> {}\nexport function go(): void {\n  save();\n}\n';
    expect((await messages(code, 'cli/src/probe.ts')).join('\n')).toMatch(/Promises must be awaited/);
  });
  it('rejects a switch over a union that misses a member', async () => {
    const code =
      "type Kind = 'a' | 'b';\nexport function f(k: Kind): number {\n  switch (k) {\n    case 'a':\n      return 1;\n  }\n  return 0;\n}\n";
    expect((await messages(code, 'engine/src/probe.ts')).join('\n')).toMatch(/Switch is not exhaustive/);
  });
  it('prettier finds an unformatted file', async () => {
    const prettier = await import('prettier');
    const options = {
      ...(await prettier.resolveConfig(resolve(root, 'engine/src/step.ts'))),
      filepath: 'x.ts',
    };
    expect(await prettier.check('export const x = {a:1}\n', options)).toBe(false);
    expect(await prettier.check('export const x = { a: 1 };\n', options)).toBe(true);
  });
});
