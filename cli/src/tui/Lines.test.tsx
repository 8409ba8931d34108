import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Lines } from './Lines.tsx';

describe('Lines', () => {
  it('never lets a scenario text drive the terminal: OSC 52 (clipboard), window titles and CSI are stripped', () => {
    const hostile = 'Briefing\u001b]52;c;ZWNobyBwd25lZA==\u0007 text\u001b]0;owned\u0007 and \u001b[2Jclear';
    const { lastFrame, unmount } = render(<Lines lines={[[{ t: hostile }]]} />);
    const frame = lastFrame() ?? '';
    expect(frame).toContain('Briefing text and clear');
    expect(frame).not.toContain(']52;');
    expect(frame).not.toContain(']0;');
    expect(frame).not.toContain('[2J');
    unmount();
  });
});
