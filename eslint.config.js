import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
    // The domain is pure: no React, no store, no features, no browser storage.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'zustand', 'zustand/*'], message: 'core/ is pure TypeScript.' },
          { group: ['**/store/**', '**/features/**', '**/app/**', '**/components/**'], message: 'core/ imports nothing from the UI layers.' },
        ],
      }],
      'no-restricted-globals': ['error', 'localStorage', 'sessionStorage', 'document', 'window'],
    },
  },
  {
    // ts-fsrs stays behind core/schedule.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/core/schedule/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'ts-fsrs', message: 'Only src/core/schedule imports ts-fsrs.' }] }],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'ts-fsrs', message: 'Only src/core/schedule imports ts-fsrs.' }],
        patterns: [{ group: ['**/app/**'], message: 'Features do not import the shell.' }],
      }],
    },
  },
  {
    files: ['tests/e2e/**', 'tests/bench/**', '*.config.{js,ts}'],
    rules: { 'no-console': 'off' },
  },
);
