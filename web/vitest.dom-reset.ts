// A setup file of the web project, whose jsdom test files share one worker and one jsdom (isolate: false):
// what a file leaves in the page is cleared when it ends, so the next file starts on the blank page it
// would get alone. React trees still mounted are unmounted (as RTL's own cleanup does), the document is
// emptied, storage cleared, and spies, fake timers and stubbed globals put back.
import { cleanup } from '@testing-library/react';
import { afterAll, vi } from 'vitest';

afterAll(() => {
  cleanup();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('lang');
  localStorage.clear();
  sessionStorage.clear();
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});
