import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const fsrsOnlyInSchedule = { name: 'ts-fsrs', message: 'Only src/core/schedule imports ts-fsrs.' };
const corePatterns = [
  { group: ['react', 'react-dom', 'zustand', 'zustand/*'], message: 'core/ is pure TypeScript.' },
  { group: ['**/store/**', '**/features/**', '**/app/**', '**/components/**'], message: 'core/ imports nothing from the UI layers.' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // ts-fsrs stays behind core/schedule.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: [fsrsOnlyInSchedule] }],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [fsrsOnlyInSchedule],
        patterns: [{ group: ['**/app/**'], message: 'Features do not import the shell.' }],
      }],
    },
  },
  {
    // The domain is pure: no React, no store, no features, no browser storage.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [fsrsOnlyInSchedule], patterns: corePatterns }],
      'no-restricted-globals': ['error', 'localStorage', 'sessionStorage', 'document', 'window'],
    },
  },
  {
    files: ['src/core/schedule/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: corePatterns }],
    },
  },
  {
    files: ['tests/e2e/**', 'tests/bench/**', '.ci/**', '*.config.{js,ts}'],
    rules: {
      'no-console': 'off',
      // Playwright fixtures take `({}, use)`: neither a React hook nor a mistake.
      'no-empty-pattern': 'off',
      'react-hooks/rules-of-hooks': 'off',
    },
  },
);
