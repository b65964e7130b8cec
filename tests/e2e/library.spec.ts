import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const FIXTURES = path.join(process.cwd(), 'tests/fixtures/e2e');
const V1 = path.join(FIXTURES, 'srm-practice.csv');
/** The same deck edited: one explanation changed, the two bad rows gone, one card added. */
const V2 = { name: 'srm-practice.csv', mimeType: 'text/csv', buffer: readFileSync(path.join(FIXTURES, 'srm-practice-v2.csv')) };

function deckItem(page: Page) {
  return page.getByRole('listitem', { name: 'srm-practice' });
}

test('import with bad rows, study, re-import keeping progress, back up, erase and restore', async ({ page, baseURL, expectNoAxeViolations }) => {
  await page.goto(`${baseURL}/decks`);
  await expect(page.getByRole('heading', { level: 1, name: 'Decks' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Fundamentals' })).toBeVisible();
  await expectNoAxeViolations();

  // Import: the preview lists the bad rows with their lines; nothing is stored yet.
  await page.getByLabel('Import deck').setInputFiles(V1);
  const preview = page.getByRole('region', { name: 'Preview: srm-practice.csv' });
  await expect(preview).toBeVisible();
  const problems = preview.getByRole('table', { name: /2 problems found · 2 rows skipped/ });
  await expect(problems.getByRole('row', { name: /Line 5 answer.*The answer is empty.*Row skipped/ })).toBeVisible();
  await expect(problems.getByRole('row', { name: /Line 6 question.*The question is empty.*Row skipped/ })).toBeVisible();
  await expect(preview.getByRole('list', { name: 'Cards by kind' })).toContainText('3Customer cards');
  await expectNoAxeViolations();
  await preview.getByRole('button', { name: 'Import 5 cards' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported “srm-practice”: 5 cards.' })).toBeVisible();
  await expect(deckItem(page)).toContainText('0 / 5 cards studied');

  // Study one of its cards from Home.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'Study srm-practice' }).click();
  await expect(page).toHaveURL(`${baseURL}/study`);
  await page.getByRole('button', { name: 'Customer', exact: true }).click();
  await expect(page.getByText(/^(Correct|Not quite)$/)).toBeVisible();

  // Re-import the edited file: counts of new/changed/unchanged, and progress is kept.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decks' }).click();
  await expect(deckItem(page)).toContainText('1 / 5 cards studied');
  await page.getByLabel('Import deck').setInputFiles(V2);
  const reimport = page.getByRole('note', { name: 'Re-import' });
  await expect(reimport).toContainText('This updates your deck “srm-practice” (same deck id)');
  await expect(reimport).toContainText('1 new');
  await expect(reimport).toContainText('1 changed');
  await expect(reimport).toContainText('4 unchanged');
  await page.getByRole('button', { name: 'Import 6 cards' }).click();
  await expect(deckItem(page)).toContainText('1 / 6 cards studied');

  // Back up, erase everything, restore.
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Download backup/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^srm-backup-.*\.json$/);
  const backupPath = test.info().outputPath('backup.json');
  await download.saveAs(backupPath);
  expect(JSON.parse(readFileSync(backupPath, 'utf8'))).toMatchObject({ format: 'srm-backup', version: 1 });

  await page.getByRole('button', { name: 'Erase all data…' }).click();
  const erase = page.getByRole('dialog', { name: 'Erase all data?' });
  await expect(erase).toContainText('only a backup file can bring the data back');
  await expectNoAxeViolations();
  await erase.getByRole('button', { name: 'Erase everything' }).click();
  await expect(deckItem(page)).toHaveCount(0);

  await page.getByLabel('Restore backup').setInputFiles(backupPath);
  const restore = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(restore.getByRole('row', { name: 'Imported decks 1 0' })).toBeVisible();
  await expect(restore.getByRole('row', { name: 'Cards with progress 1 0' })).toBeVisible();
  await expect(restore.getByRole('row', { name: 'Reviews in the history 1 0' })).toBeVisible();
  await expectNoAxeViolations();
  await restore.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(deckItem(page)).toContainText('1 / 6 cards studied');

  // Everything survives a reload too.
  await page.reload();
  await expect(deckItem(page)).toContainText('1 / 6 cards studied');
  await expect(deckItem(page).getByRole('checkbox', { name: 'Include srm-practice in study' })).toBeChecked();
});

test('the library works by keyboard: I opens the file picker, Escape cancels the preview', async ({ page, baseURL }) => {
  await page.goto(`${baseURL}/decks`);
  await expect(page.getByRole('listitem', { name: 'Fundamentals' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('i');
  await (await chooser).setFiles(V1);
  await expect(page.getByRole('region', { name: 'Preview: srm-practice.csv' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Preview: srm-practice.csv' })).toHaveCount(0);
  await expect(page.getByLabel('Import deck')).toBeFocused();
});
