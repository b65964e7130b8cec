import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test } from 'vitest';
import { getCollection } from '../../../src/store/collection';
import { MemoryStorage } from '../../../src/store/persist/storage';
import { useAppStore } from '../../../src/store/store';
import { answerAndMoveOn, banner, captureDownloads, queryBanner, renderApp, startApp } from './app';

const NOT_KEPT = /Progress will not be kept/;

/** Studies a few cards and checks the session works from memory with the banner shown. */
async function studyWithoutStorage() {
  const user = userEvent.setup();
  await renderApp('/study');
  const notice = banner(NOT_KEPT);
  expect(notice).toHaveTextContent(/You can study, but closing the tab loses this session/);
  expect(useAppStore.getState().storage.status).toBe('unavailable');

  const first = await answerAndMoveOn(user);
  expect(screen.getByRole('heading', { level: 2 })).not.toHaveTextContent(first);
  await answerAndMoveOn(user);
  await answerAndMoveOn(user);
  expect(getCollection().entries()).toHaveLength(3);
  expect(getCollection().states.size).toBe(3);
  expect(queryBanner(/Progress is not being saved/)).toBeNull();

  // The session can be taken away as a backup.
  const downloads = captureDownloads();
  await user.click(within(banner(NOT_KEPT)).getByRole('button', { name: 'Download backup' }));
  const file = downloads.files[0];
  if (!file) throw new Error('nothing was downloaded');
  const backup = JSON.parse(await file.blob.text()) as { logs: Record<string, unknown[]> };
  expect(Object.values(backup.logs).flat()).toHaveLength(3);
}

describe('localStorage unavailable', () => {
  const original = Object.getOwnPropertyDescriptor(window, 'localStorage');
  afterEach(() => {
    // Put the real localStorage back (tests/unit/setup.ts clears it after this).
    if (original) Object.defineProperty(window, 'localStorage', original);
    else Reflect.deleteProperty(window, 'localStorage');
  });

  test('window.localStorage throwing SecurityError: the app runs for the session and says progress will not be kept', async () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    await startApp(null);
    await studyWithoutStorage();
  });

  test('a storage whose every call throws SecurityError (failAccess): same', async () => {
    const storage = new MemoryStorage();
    storage.failAccess = true;
    await startApp(storage);
    await studyWithoutStorage();
    storage.failAccess = false;
    expect(storage.snapshot()).toEqual({});
  });
});
