import { defineProject } from 'vitest/config';

// Placeholder until the web app lands: component tests live in web/src/**/*.test.tsx.
export default defineProject({
  test: { name: 'web', root: './web', include: ['src/**/*.test.{ts,tsx}'], passWithNoTests: true, environment: 'node' },
});
