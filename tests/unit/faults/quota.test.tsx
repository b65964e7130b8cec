import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { getCollection } from '../../../src/store/collection';
import { MemoryStorage } from '../../../src/store/persist/storage';
import { useAppStore } from '../../../src/store/store';
import { answerAndMoveOn, banner, captureDownloads, queryBanner, renderApp, reopen, startApp } from './app';

const NOT_SAVED = /Progress is not being saved/;

/** Every value stored before must still be there, unchanged. */
function expectKept(storage: MemoryStorage, before: Record<string, string>) {
  const now = storage.snapshot();
  for (const [key, value] of Object.entries(before)) expect(now[key], key).toBe(value);
}

describe('quota exceeded on write', () => {
  test('the learner keeps studying from memory, is told and offered a backup, loses nothing stored, and saving resumes after "Try saving again"', async () => {
    const user = userEvent.setup();
    const storage = new MemoryStorage();
    await startApp(storage);
    await renderApp('/study');

    await answerAndMoveOn(user);
    await answerAndMoveOn(user);
    expect(useAppStore.getState().storage.status).toBe('ok');
    expect(reopen(storage).collection.entries()).toHaveLength(2);
    expect(queryBanner(NOT_SAVED)).toBeNull();

    // The storage is now full: a few characters left, less than any write needs.
    const before = storage.snapshot();
    storage.quotaChars = storage.usedChars() + 5;

    const third = await answerAndMoveOn(user);
    const alert = banner(NOT_SAVED);
    expect(alert).toHaveAttribute('role', 'alert');
    // Studying goes on: another card, another answer, all in memory.
    expect(screen.getByRole('heading', { level: 2 })).not.toHaveTextContent(third);
    await answerAndMoveOn(user);
    expect(getCollection().entries()).toHaveLength(4);
    expect(getCollection().states.size).toBe(4);
    expect(useAppStore.getState().storage.status).toBe('quota');

    // Nothing already stored was lost or changed; the new answers are not stored yet.
    expectKept(storage, before);
    expect(reopen(storage).collection.entries()).toHaveLength(2);

    // The backup offered holds the answers that are only in memory.
    const downloads = captureDownloads();
    await user.click(within(alert).getByRole('button', { name: 'Download backup' }));
    expect(downloads.files).toHaveLength(1);
    const file = downloads.files[0];
    if (!file) throw new Error('no download');
    expect(file.name).toMatch(/^srm-backup-.*\.json$/);
    const backup = JSON.parse(await file.blob.text()) as { states: Record<string, unknown>; logs: Record<string, unknown[]> };
    expect(Object.keys(backup.states)).toHaveLength(4);
    expect(Object.values(backup.logs).flat()).toHaveLength(4);

    // Still full: trying again keeps the banner and the stored data as it was.
    await user.click(within(alert).getByRole('button', { name: 'Try saving again' }));
    expect(banner(NOT_SAVED)).toBeVisible();
    expectKept(storage, before);

    // Space freed: "Try saving again" writes everything that waited.
    storage.quotaChars = Number.POSITIVE_INFINITY;
    await user.click(within(banner(NOT_SAVED)).getByRole('button', { name: 'Try saving again' }));
    expect(queryBanner(NOT_SAVED)).toBeNull();
    expect(useAppStore.getState().storage.status).toBe('ok');
    const stored = reopen(storage).collection;
    expect(stored.entries()).toEqual(getCollection().entries());
    expect(new Map(stored.states)).toEqual(new Map(getCollection().states));
    expect(stored.entries()).toHaveLength(4);
  });

  test('with every write failing, the next answer after space comes back stores the waiting answers too', async () => {
    const user = userEvent.setup();
    const storage = new MemoryStorage();
    await startApp(storage);
    await renderApp('/study');
    await answerAndMoveOn(user);
    const before = storage.snapshot();

    storage.failWrites = true;
    await answerAndMoveOn(user);
    await answerAndMoveOn(user);
    expect(banner(NOT_SAVED)).toBeVisible();
    expect(within(banner(NOT_SAVED)).getByRole('button', { name: 'Download backup' })).toBeEnabled();
    expect(storage.snapshot()).toEqual(before);
    expect(getCollection().entries()).toHaveLength(3);

    storage.failWrites = false;
    await answerAndMoveOn(user);
    expect(queryBanner(NOT_SAVED)).toBeNull();
    const stored = reopen(storage).collection;
    expect(stored.entries()).toHaveLength(4);
    expect(stored.entries()).toEqual(getCollection().entries());
    expect(new Map(stored.states)).toEqual(new Map(getCollection().states));
  });
});
