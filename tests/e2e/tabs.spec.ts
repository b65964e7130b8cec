import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { builtinAnswers } from './answers';

const answers = builtinAnswers();

const counts = (page: Page) => page.getByLabel(/^Left today:/);

async function question(page: Page): Promise<string> {
  const heading = page.getByRole('heading', { level: 2 });
  await expect(heading).toBeVisible();
  return (await heading.textContent()) ?? '';
}

/** Review log entries and card keys as stored in localStorage (shared by both tabs). */
async function stored(page: Page): Promise<{ logEntries: number; cardKeys: string[] }> {
  return page.evaluate(() => {
    let logEntries = 0;
    const cardKeys: string[] = [];
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i) ?? '';
      const value = localStorage.getItem(key) ?? '';
      // Log chunk: "<base>|<record>;<record>..." (empty string when empty).
      if (key.startsWith('srm:log:') && value !== '') logEntries += (value.split('|')[1] ?? '').split(';').length;
      if (key.startsWith('srm:keys:')) cardKeys.push(...(JSON.parse(value) as string[]));
    }
    return { logEntries, cardKeys };
  });
}

const reviewedToday = (page: Page) => page.locator('.stat', { hasText: 'reviewed today' }).locator('.stat-value');

test('two tabs answering alternately stay in step, and the stored log holds every answer', async ({ page, context, baseURL }) => {
  const first = page;
  const second = await context.newPage();
  for (const tab of [first, second]) {
    await tab.goto(`${baseURL}/study`);
    await question(tab);
  }
  await expect(counts(second)).toHaveAttribute('aria-label', (await counts(first).getAttribute('aria-label')) ?? '');

  const ROUNDS = 6; // three answers in each tab
  for (let k = 0; k < ROUNDS; k += 1) {
    const me = k % 2 === 0 ? first : second;
    const other = k % 2 === 0 ? second : first;
    const otherBefore = (await counts(other).getAttribute('aria-label')) ?? '';

    const text = await question(me);
    const right = answers.get(text);
    expect(right, `the question on screen is a built-in card: ${text}`).toBeDefined();
    await me.getByRole('button', { name: right ?? 'AWS', exact: true }).click();
    await expect(me.getByText('Correct', { exact: true })).toBeVisible();
    const mine = (await counts(me).getAttribute('aria-label')) ?? '';
    expect(mine).not.toBe(otherBefore);

    // The other tab catches up through the storage event, without a reload.
    await expect(counts(other)).toHaveAttribute('aria-label', mine);
    // It does not offer the card just answered (it is learning now, due in minutes).
    await expect(other.getByRole('heading', { level: 2 })).not.toHaveText(text);

    await me.keyboard.press('Enter');
    await expect(me.getByText(/^(Correct|Not quite)$/)).toHaveCount(0);
  }

  // Both tabs show the same counts.
  await expect(counts(second)).toHaveAttribute('aria-label', (await counts(first).getAttribute('aria-label')) ?? '');

  // Every answer is stored: one log entry each, for six different cards.
  const { logEntries, cardKeys } = await stored(first);
  expect(logEntries).toBe(ROUNDS);
  expect(new Set(cardKeys).size).toBe(ROUNDS);

  // Home, in both tabs: reviewed today is the total answered in both, and all stats agree.
  for (const tab of [first, second]) {
    await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await expect(tab.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await expect(reviewedToday(tab)).toHaveText(String(ROUNDS));
  }
  const glance = (tab: Page) => tab.getByLabel('Today at a glance').innerText();
  expect(await glance(second)).toBe(await glance(first));

  // A fresh load reads the same.
  await second.reload();
  await expect(reviewedToday(second)).toHaveText(String(ROUNDS));
});
