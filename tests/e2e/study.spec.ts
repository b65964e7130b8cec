import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { builtinAnswers, KEY_FOR, LETTER_FOR, WRONG_FOR } from './answers';

const answers = builtinAnswers();

async function question(page: Page): Promise<string> {
  const heading = page.getByRole('heading', { level: 2 });
  await expect(heading).toBeVisible();
  return (await heading.textContent()) ?? '';
}

/** Card states and review logs as stored: everything the app keeps in localStorage. */
async function storedProgress(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i) ?? '';
      if (key.startsWith('srm:cs:') || key.startsWith('srm:log:') || key.startsWith('srm:keys:')) out[key] = localStorage.getItem(key) ?? '';
    }
    return out;
  });
}

test('ten cards studied by keyboard alone survive a reload in the middle', async ({ page, baseURL, expectNoAxeViolations }) => {
  await page.goto(baseURL);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page).toHaveURL(`${baseURL}/study`);

  const counts = page.getByLabel(/^Left today:/);
  let answered = 0;
  for (let i = 0; i < 10; i += 1) {
    const text = await question(page);
    const right = answers.get(text);
    expect(right, `the question on screen is a built-in card: ${text}`).toBeDefined();
    if (!right) return;
    // Mix right and wrong answers, digits and letters.
    const choice = i % 3 === 2 ? WRONG_FOR[right] ?? 'AWS' : right;
    await page.keyboard.press(i % 2 === 0 ? KEY_FOR[choice] ?? '1' : LETTER_FOR[choice] ?? 'a');
    answered += 1;
    const verdict = page.getByText(choice === right ? 'Correct' : 'Not quite', { exact: true });
    await expect(verdict).toBeVisible();
    if (i === 0) await expectNoAxeViolations();

    if (i === 4) {
      // Reload with the feedback on screen: the answer is already saved.
      const before = await storedProgress(page);
      const countsBefore = await counts.getAttribute('aria-label');
      await page.reload();
      const next = await question(page);
      expect(next).not.toBe(text);
      expect(await storedProgress(page)).toEqual(before);
      await expect(counts).toHaveAttribute('aria-label', countsBefore ?? '');
      continue;
    }
    await page.keyboard.press('Enter');
    await expect(page.getByText(/^(Correct|Not quite)$/)).toHaveCount(0);
  }

  const progress = await storedProgress(page);
  expect(Object.keys(progress).some((k) => k.startsWith('srm:log:'))).toBe(true);
  await page.keyboard.press('g');
  await page.keyboard.press('h');
  await expect(page.getByText('reviewed today')).toBeVisible();
  await expect(page.locator('.stat', { hasText: 'reviewed today' }).locator('.stat-value')).toHaveText(String(answered));
});

test('the question and feedback views have no axe violations at phone width', async ({ page, baseURL, expectNoAxeViolations }) => {
  await page.setViewportSize({ width: 360, height: 760 });
  await page.goto(`${baseURL}/study`);
  const text = await question(page);
  await expectNoAxeViolations();
  await page.getByRole('button', { name: answers.get(text) ?? 'AWS', exact: true }).click();
  await expect(page.getByText('Correct', { exact: true })).toBeVisible();
  await expectNoAxeViolations();
  // Undo by key brings the same question back.
  await page.keyboard.press('z');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(text);
});
