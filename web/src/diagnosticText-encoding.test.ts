import { describe, expect, it } from 'vitest';
import { compileScenario, type Diagnostic } from '@drill/engine';
import { diagnosticView } from './diagnosticText.ts';

describe('diagnostics of a file in the wrong encoding, or sent twice, on a Chinese page', () => {
  it('a GBK file read as UTF-8: says it is not UTF-8 and how to save it, in Chinese', () => {
    const r = compileScenario({ path: 'gbk.yaml', text: 'id: gbk\nbriefing:\n  zh-CN: "\ufffd\ufffd"\n' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const v = diagnosticView(r.diagnostics[0]!, 'zh-CN');
    expect(v).toMatchObject({
      where: 'gbk.yaml:3:11',
      severity: '错误',
      message: '此文件不是 UTF-8 编码：此处有无法读取的字符（�）',
      hint: '请把文件另存为 UTF-8 编码（记事本：另存为 → 编码 → UTF-8）；GBK 或 ANSI 编码会把中文变成 �',
    });
  });

  it("the room server's refusal of two names of one file names both, in Chinese", () => {
    const d: Diagnostic = {
      severity: 'error',
      code: 'duplicate-file',
      file: './d.yaml',
      line: 1,
      column: 1,
      path: '',
      message: '`./d.yaml` and `d.yaml` name the same file `d.yaml`: send it once',
    };
    expect(diagnosticView(d, 'zh-CN').message).toBe(
      '「./d.yaml」 与 「d.yaml」 是同一个文件 「d.yaml」：只需发送一次',
    );
  });
});
