import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Table } from '@drill/engine';
import { Console } from './Console.tsx';
import { LangContext } from '../i18n.ts';
import { readStored } from '../drill/storage.ts';
import { compileSource, loadLibrary } from '../scenarios.ts';

function mount(lang: 'en' | 'zh-CN' = 'en') {
  return render(
    <LangContext.Provider value={lang}>
      <Console onReview={() => {}} />
    </LangContext.Provider>,
  );
}

async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(el);
    await Promise.resolve();
  });
}

beforeAll(loadLibrary);
beforeEach(() => {
  localStorage.clear();
  // `End drill` asks through window.confirm; closing has its own confirm step on the page.
  vi.spyOn(window, 'confirm').mockReturnValue(true);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('closing the drill from the debrief', () => {
  it('asks first, then closes for good: the record refuses later commands and the page says so', async () => {
    mount();
    await click(screen.getByRole('button', { name: 'Start drill' }));
    await click(screen.getByRole('button', { name: 'End drill' }));
    await screen.findByRole('heading', { name: /Debrief/ });
    expect(screen.getByRole('form', { name: 'Adjudicate' })).toBeTruthy();

    // The first press only asks; cancelling leaves the drill open.
    await click(screen.getByRole('button', { name: 'Close the drill' }));
    expect(screen.getByText('Close this drill for good? This cannot be undone.')).toBeTruthy();
    await click(screen.getByRole('button', { name: 'Cancel' }));
    expect(readStored()!.saved.transcripts[0]!.entries.some((e) => e.input.type === 'close')).toBe(false);
    expect(screen.queryByTestId('drill-closed')).toBeNull();

    await click(screen.getByRole('button', { name: 'Close the drill' }));
    await click(screen.getByRole('button', { name: 'Close for good' }));
    expect(screen.getByTestId('drill-closed').textContent).toBe('This drill is closed: its record is final.');
    // The controls a closed drill would refuse are gone.
    expect(screen.queryByRole('form', { name: 'Adjudicate' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Close the drill' })).toBeNull();

    // The saved record is closed: resumed anywhere, it refuses a later command.
    const stored = readStored()!;
    const c = compileSource(stored.source);
    if (!c.ok) throw new Error('scenario did not compile');
    const table = Table.resume(c.scenario, stored.saved);
    if ('error' in table) throw new Error(table.error);
    const r = table.submit(
      { kind: 'trainer' },
      { type: 'override', capability: c.scenario.capabilities[0]!.id, rating: 'S', note: 'late' },
    );
    expect(r).toMatchObject({ ok: false, code: 'closed' });

    // A reload opens the closed drill as closed.
    cleanup();
    mount();
    expect(screen.getByTestId('drill-closed')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Adjudicate' })).toBeNull();
  });

  it('speaks Chinese: the control, its confirm step and the closed notice', async () => {
    mount('zh-CN');
    await click(screen.getByRole('button', { name: '开始演练' }));
    await click(screen.getByRole('button', { name: '结束演练' }));
    await click(screen.getByRole('button', { name: '关闭演练' }));
    const ask = screen.getByRole('group', { name: '关闭演练' });
    expect(ask.textContent).not.toMatch(/[A-Za-z]/);
    await click(screen.getByRole('button', { name: '确认关闭' }));
    expect(screen.getByTestId('drill-closed').textContent).toBe('本次演练已关闭，记录已定稿。');
  });
});
