import { defineProject } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Component tests: web/src/**/*.test.tsx in jsdom, with the same React transform as the app.
export default defineProject({
  plugins: [react()],
  test: {
    name: 'web',
    root: './web',
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    testTimeout: 30_000,
  },
});
