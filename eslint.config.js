import tseslint from 'typescript-eslint';

// The determinism contract: nothing inside engine/ may read a clock, draw unseeded randomness,
// schedule timers or touch I/O. Time is the scenario clock; randomness is the seeded alea state.
const banned = [
  { object: 'Math', property: 'random', message: 'Use the seeded generator held in the engine state.' },
  { object: 'Date', property: 'now', message: 'Time is the scenario clock, moved only by inputs.' },
  { object: 'performance', property: 'now', message: 'Time is the scenario clock, moved only by inputs.' },
];
const bannedGlobals = [
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'fetch',
  'XMLHttpRequest',
  'localStorage',
  'process',
].map((name) => ({ name, message: `${name} is not allowed inside engine/: the engine is pure.` }));

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'test/artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    // Type-aware rules for the mistakes that matter here: a promise nobody awaits (a lost write), and a
    // switch over a union that misses a member (an input type or an event nobody handles).
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        // Probe files the lint tests write (see test/determinism/lint-bans.test.ts) use the default project.
        projectService: { allowDefaultProject: ['*/src/probe.ts', '*/src/probe-*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The report and cohort packages are pure too: the web app runs them in the browser, and their
    // figures must not depend on a clock.
    files: ['engine/src/**/*.ts', 'report/src/**/*.ts', 'cohort/src/**/*.ts'],
    ignores: ['engine/src/**/*.test.ts', 'report/src/**/*.test.ts', 'cohort/src/**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', ...banned],
      'no-restricted-globals': ['error', ...bannedGlobals],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'new Date() is banned inside engine/: use the scenario clock.',
        },
        {
          selector: "CallExpression[callee.name='eval']",
          message: 'Conditions and effects are data, never eval.',
        },
        {
          selector: "NewExpression[callee.name='Function']",
          message: 'Conditions and effects are data, never new Function.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'fs',
                'fs/*',
                'node:*',
                'path',
                'os',
                'child_process',
                'net',
                'http',
                'https',
                'worker_threads',
              ],
              message: 'No I/O inside engine/: shells read files and pass text in.',
            },
          ],
        },
      ],
    },
  },
);
