/**
 * Helpers for the fault tests: start the real app (store + collection) on a given storage,
 * render the shell on a route, answer the card on screen, and read back what is stored.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, expect, vi } from 'vitest';
import { App } from '../../../src/app/App';
import { getCollection } from '../../../src/store/collection';
import { openCollection } from '../../../src/store/persist/collection';
import { MemoryStorage, type StorageLike } from '../../../src/store/persist/storage';
import { resetStoreForTests, useAppStore } from '../../../src/store/store';

/** Starts the app as a page load would, on `storage` (null: the browser's localStorage). */
export async function startApp(storage: StorageLike | null): Promise<void> {
  resetStoreForTests(storage ?? undefined);
  await useAppStore.getState().init();
  expect(useAppStore.getState().loadError).toBeNull();
}

/** Renders the whole shell (header, banners, routed screen) at `path`. */
export async function renderApp(path: string): Promise<void> {
  window.history.replaceState(null, '', path);
  render(<App />);
  // The study screen is ready when a question is on screen (owner or basic card).
  if (path === '/study') await within(await screen.findByRole('main')).findByRole('heading', { level: 2 });
  else await screen.findByRole('heading', { level: 1 });
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

/** The question on screen (study view). */
export function questionOnScreen(): string {
  return within(screen.getByRole('main')).getByRole('heading', { level: 2 }).textContent ?? '';
}

/**
 * Answers the owner card on screen with "AWS" (right or wrong, both are stored) and moves on
 * to the next card. Returns the question answered.
 */
export async function answerAndMoveOn(user: UserEvent): Promise<string> {
  const main = within(screen.getByRole('main'));
  const question = questionOnScreen();
  const showAnswer = main.queryByRole('button', { name: /^Show answer/ });
  if (showAnswer) {
    // A basic (front/back) card: reveal, then grade it yourself.
    await user.click(showAnswer);
    await user.click(main.getByRole('button', { name: /^Good, next in/ }));
    await vi.waitFor(() => expect(main.queryByRole('heading', { level: 2, name: question })).toBeNull());
    return question;
  }
  await user.click(main.getByRole('button', { name: 'AWS' }));
  const next = main.queryByRole('button', { name: /^Good, next in/ }) ?? main.getByRole('button', { name: /^Continue/ });
  await user.click(next);
  await vi.waitFor(() => expect(main.queryByText(/^(Correct|Not quite)$/)).toBeNull());
  return question;
}

/** The banner (role alert or status) whose text matches. */
export function banner(text: RegExp): HTMLElement {
  const found = [...screen.queryAllByRole('alert'), ...screen.queryAllByRole('status')].find((el) => text.test(el.textContent ?? ''));
  if (!found) throw new Error(`no banner matches ${String(text)}`);
  return found;
}

export function queryBanner(text: RegExp): HTMLElement | null {
  return [...screen.queryAllByRole('alert'), ...screen.queryAllByRole('status')].find((el) => text.test(el.textContent ?? '')) ?? null;
}

/** What a fresh page load would read from this storage: states and log, opened on a copy. */
export function reopen(storage: MemoryStorage | Record<string, string>) {
  const initial = storage instanceof MemoryStorage ? storage.snapshot() : storage;
  return openCollection(new MemoryStorage({ initial }), { now: Date.now() });
}

/**
 * Captures what the app offers as a download (downloadText: object URL + <a download>).
 * jsdom has no object URLs, so they are stubbed for the test.
 */
export function captureDownloads(): { files: { name: string; blob: Blob }[] } {
  const captured: { files: { name: string; blob: Blob }[] } = { files: [] };
  const blobs = new Map<string, Blob>();
  let n = 0;
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    value: (blob: Blob) => {
      n += 1;
      const url = `blob:test/${n}`;
      blobs.set(url, blob);
      return url;
    },
  });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) captured.files.push({ name: this.download, blob });
  });
  return captured;
}

/**
 * Progress made the real way: the app started on an empty storage and `count` cards answered
 * on the study screen. Returns what was stored and what the app held in memory, then unmounts.
 */
export async function studiedProgress(user: UserEvent, count: number) {
  const storage = new MemoryStorage();
  await startApp(storage);
  await renderApp('/study');
  for (let k = 0; k < count; k += 1) await answerAndMoveOn(user);
  const collection = getCollection();
  const result = { raw: storage.snapshot(), states: new Map(collection.states), entries: [...collection.entries()] };
  cleanup();
  return result;
}
