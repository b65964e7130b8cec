import { test, expect } from './fixtures';

test('loads the built app with its title and navigation', async ({ page, baseURL }) => {
  await page.goto(baseURL);
  await expect(page).toHaveTitle('Shared Responsibility Study');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const label of ['Home', 'Study', 'Quiz', 'Decks', 'Settings']) {
    await expect(nav.getByRole('link', { name: label })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
});

test('each screen has its own URL; back works and a reload stays on the screen', async ({ page, baseURL }) => {
  await page.goto(baseURL);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Decks' }).click();
  await expect(page).toHaveURL(`${baseURL}/decks`);
  await expect(page.getByRole('heading', { level: 1, name: 'Decks' })).toBeVisible();
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page).toHaveURL(`${baseURL}/settings`);
  await page.goBack();
  await expect(page).toHaveURL(`${baseURL}/decks`);
  await expect(page.getByRole('heading', { level: 1, name: 'Decks' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Decks' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Decks' })).toHaveAttribute('aria-current', 'page');
});

test('the shell works by keyboard alone', async ({ page, baseURL }) => {
  await page.goto(baseURL);
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('g');
  await page.keyboard.press('t');
  await expect(page).toHaveURL(`${baseURL}/settings`);
  await page.keyboard.press('g');
  await page.keyboard.press('q');
  await expect(page).toHaveURL(`${baseURL}/quiz`);
});

test('a setting written to the store survives a reload', async ({ page, baseURL }) => {
  await page.goto(`${baseURL}/settings`);
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('an unknown address shows a readable page, not a blank one', async ({ page, baseURL }) => {
  await page.goto(`${baseURL}/nowhere`);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('the shell has no axe violations at phone and desktop widths', async ({ page, baseURL, expectNoAxeViolations }) => {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ['/', '/settings']) {
      await page.goto(`${baseURL}${path}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoAxeViolations();
    }
  }
});
