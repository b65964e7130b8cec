import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { builtinAnswers } from './answers';

const answers = builtinAnswers();
const JUNK = 'other-app-junk';

async function answerAndMoveOn(page: Page): Promise<void> {
  const heading = page.getByRole('heading', { level: 2 });
  await expect(heading).toBeVisible();
  const text = (await heading.textContent()) ?? '';
  await page.getByRole('button', { name: answers.get(text) ?? 'AWS', exact: true }).click();
  await expect(page.getByText(/^(Correct|Not quite)$/)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^(Correct|Not quite)$/)).toHaveCount(0);
  await expect(heading).not.toHaveText(text);
}

/** Review log entries stored in localStorage. */
async function storedLogEntries(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i) ?? '';
      const value = localStorage.getItem(key) ?? '';
      if (key.startsWith('srm:log:') && value !== '') count += (value.split('|')[1] ?? '').split(';').length;
    }
    return count;
  });
}

test('storage full: the banner says progress is not saved, studying goes on, and "Try saving again" stores it all once space is freed', async ({ page, baseURL, expectNoAxeViolations }) => {
  await page.goto(`${baseURL}/study`);
  await answerAndMoveOn(page);
  expect(await storedLogEntries(page)).toBe(1);
  const before = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

  // Another key fills the origin's storage up to the last few characters.
  const free = await page.evaluate((junk) => {
    let lo = 0;
    let hi = 16 * 1024 * 1024;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      try {
        localStorage.setItem(junk, 'x'.repeat(mid));
        lo = mid;
      } catch {
        hi = mid - 1;
      }
    }
    localStorage.setItem(junk, 'x'.repeat(lo));
    return lo;
  }, JUNK);
  expect(free).toBeGreaterThan(1_000_000);

  await answerAndMoveOn(page);
  const alert = page.getByRole('alert').filter({ hasText: 'Progress is not being saved' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Download backup' })).toBeVisible();
  await expectNoAxeViolations();
  await answerAndMoveOn(page);
  // Nothing stored before was lost or changed.
  const during = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  for (const [key, value] of Object.entries(before)) expect(during[key], key).toBe(value);
  expect(await storedLogEntries(page)).toBe(1);

  // The backup download holds the answers kept only in memory.
  const [download] = await Promise.all([page.waitForEvent('download'), alert.getByRole('button', { name: 'Download backup' }).click()]);
  const path = await download.path();
  const backup = JSON.parse(readFileSync(path, 'utf8')) as { logs: Record<string, unknown[]> };
  expect(Object.values(backup.logs).flat()).toHaveLength(3);

  await page.evaluate((junk) => localStorage.removeItem(junk), JUNK);
  await alert.getByRole('button', { name: 'Try saving again' }).click();
  await expect(page.getByText('Progress is not being saved')).toHaveCount(0);
  expect(await storedLogEntries(page)).toBe(3);
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.locator('.stat', { hasText: 'reviewed today' }).locator('.stat-value')).toHaveText('3');
});

test('localStorage unavailable: the app runs for the session and says progress will not be kept', async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseURL}/study`);
  await expect(page.getByRole('status').filter({ hasText: 'Progress will not be kept' })).toBeVisible();
  await answerAndMoveOn(page);
  await answerAndMoveOn(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await expect(page.locator('.stat', { hasText: 'reviewed today' }).locator('.stat-value')).toHaveText('2');
  expect(errors).toEqual([]);
});
