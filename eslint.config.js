// ESLint flat config for the whole workspace (each project's `lint` target runs `eslint .`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'e2e/report/**', 'e2e/test-results/**', 'perf/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Isolation rule 2: a test never reaches production database configuration or the entry point.
    files: ['**/*.test.ts', '**/test/**/*.ts', 'e2e/**/*.ts', 'perf/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/config.ts', '**/config', '**/main.ts', '**/main'], message: 'Tests never import production configuration or entry points: get databases and apps from @ledgerline/test-kit.' },
        ],
      }],
    },
  },
  {
    // Playwright fixtures that use no other fixture must destructure an empty object: that is its API.
    files: ['e2e/**/fixtures.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
