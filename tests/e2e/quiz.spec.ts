import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Presses Tab until `target` has focus (keyboard only, no clicks); fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('a 10-question exam by keyboard alone: flag, revisit via the navigator, submit, results, history after reload', async ({
  page,
  baseURL,
  expectNoAxeViolations,
}) => {
  await page.goto(`${baseURL}/quiz`);
  await expect(page.getByRole('heading', { level: 1, name: 'Exam practice' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start quiz' })).toBeVisible();
  await expectNoAxeViolations();

  // Setup: 10 questions (arrow keys move within the radio group), exam mode, Enter starts.
  await tabTo(page, page.getByRole('radio', { name: '20' }));
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: '10' })).toBeChecked();
  await tabTo(page, page.getByRole('radio', { name: 'Practice' }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: 'Exam' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Time limit' })).toBeChecked();
  await page.keyboard.press('Enter');

  await expect(page.getByText('Question 1 of 10')).toBeVisible();
  await expect(page.getByRole('timer')).toHaveText(/^1[34]:\d\d$/);
  const navigator = page.getByRole('navigation', { name: 'Question navigator' });
  await expect(navigator.getByRole('button')).toHaveCount(10);
  await expectNoAxeViolations();

  // Answer every question with "AWS" (1), except question 3: flag it and move on.
  for (let n = 1; n <= 10; n += 1) {
    await expect(page.getByText(`Question ${n} of 10`)).toBeVisible();
    if (n === 3) {
      await page.keyboard.press('f');
      await expect(navigator.getByRole('button', { name: 'Question 3, unanswered, flagged' })).toBeVisible();
    } else {
      await page.keyboard.press('1');
      await expect(page.getByRole('button', { name: 'AWS' })).toHaveAttribute('aria-pressed', 'true');
    }
    if (n < 10) await page.keyboard.press('ArrowRight');
  }
  await expect(page.getByText('9 answered · 1 unanswered · 1 flagged')).toBeVisible();

  // Revisit the flagged question through the navigator, answer it and unflag it.
  await tabTo(page, navigator.getByRole('button', { name: 'Question 3, unanswered, flagged' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Question 3 of 10')).toBeVisible();
  await expect(page.getByText('Flagged for review')).toBeVisible();
  await page.keyboard.press('c');
  await page.keyboard.press('f');
  await expect(navigator.getByRole('button', { name: 'Question 3, answered' })).toBeVisible();
  await expect(page.getByText('10 answered · 0 unanswered · 0 flagged')).toBeVisible();

  // Submit: a confirmation dialog, focused on "Submit exam" since everything is answered.
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Submit the exam?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Submit exam' })).toBeFocused();
  await page.keyboard.press('Enter');

  // Results: score, breakdown, missed questions.
  await expect(page.getByRole('heading', { level: 1, name: 'Exam results' })).toBeVisible();
  const score = page.getByText(/^\d+ \/ 10 correct$/);
  await expect(score).toBeVisible();
  const correct = Number(/^(\d+)/.exec((await score.textContent()) ?? '')?.[1]);
  await expect(page.getByText("70% ≈ pass mark (the exam's 700/1000 scaled score; approximate)")).toBeVisible();
  await expect(page.getByRole('table', { name: 'By service category' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'By owner' }).getByRole('rowheader', { name: 'AWS' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: `Missed questions (${10 - correct})` })).toBeVisible();
  await expect(page.locator('.missed-item')).toHaveCount(10 - correct);
  if (correct < 10) await expect(page.getByText('Your answer:').first()).toBeVisible();
  await expectNoAxeViolations();

  // After a reload the results and the attempt in the history are still there.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Exam results' })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { level: 1, name: 'Exam practice' })).toBeVisible();
  const history = page.getByRole('table', { name: 'Past quizzes, newest first' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history.getByRole('cell', { name: 'Exam' })).toBeVisible();
  await expect(history.getByRole('cell', { name: `${correct} / 10 (${correct * 10}%)` })).toBeVisible();
});

test('a quiz in progress survives a reload and can be resumed', async ({ page, baseURL, expectNoAxeViolations }) => {
  await page.setViewportSize({ width: 360, height: 760 });
  await page.goto(`${baseURL}/quiz`);
  await page.getByRole('radio', { name: 'Exam' }).check();
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await expect(page.getByText('Question 1 of 20')).toBeVisible();
  await page.getByRole('button', { name: 'Shared' }).click();
  await page.getByRole('button', { name: 'Flag for review' }).click();
  await expectNoAxeViolations();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'You have a quiz in progress' })).toBeVisible();
  await expectNoAxeViolations();
  await page.getByRole('button', { name: 'Resume quiz' }).click();
  await expect(page.getByRole('navigation', { name: 'Question navigator' }).getByRole('button', { name: 'Question 1, answered, flagged' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Shared' })).toHaveAttribute('aria-pressed', 'true');
});
