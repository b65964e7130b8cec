/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    // Unit and component tests only: the browser specs in tests/e2e are run by Playwright.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    restoreMocks: true,
    projects: [
      {
        // Pure code needs no DOM: plain Node is several times faster than jsdom.
        extends: true,
        test: {
          name: 'core',
          include: ['src/core/**/*.test.ts', 'src/store/persist/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
          exclude: ['src/core/**', 'src/store/persist/**'],
          environment: 'jsdom',
          setupFiles: ['tests/unit/setup.ts'],
        },
      },
    ],
  },
});
