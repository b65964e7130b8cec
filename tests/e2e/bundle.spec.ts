import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test, expect } from './fixtures';

// Sizes are deterministic, so unlike timings they are tested. The e2e runner builds dist/ first.
const DIST = join(process.cwd(), 'dist');
const LIMIT_BYTES = 100 * 1024;

function gzipSize(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** The scripts the browser must fetch before the first screen: the entry and its modulepreloads. */
function initialScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  return [...new Set(srcs)].filter(Boolean);
}

test('the initial JavaScript is at most 100 KB gzipped', () => {
  const scripts = initialScripts();
  expect(scripts.length).toBeGreaterThan(0);
  const sizes = scripts.map((src) => ({ src, bytes: gzipSize(join(DIST, src)) }));
  const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
  console.log(`initial JS: ${(total / 1024).toFixed(1)} KB gzipped (${sizes.map((s) => `${s.src} ${(s.bytes / 1024).toFixed(1)} KB`).join(', ')})`);
  expect(total).toBeLessThanOrEqual(LIMIT_BYTES);
});

test('screens other than Home are not in the initial JavaScript', async ({ page, baseURL }) => {
  const loaded: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') loaded.push(new URL(request.url()).pathname);
  });
  await page.goto(baseURL);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  for (const screen of ['StudyScreen', 'QuizScreen', 'DecksScreen', 'SettingsScreen']) {
    expect(loaded.some((path) => path.includes(screen))).toBe(false);
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(loaded.some((path) => path.includes('QuizScreen'))).toBe(true);
});
