import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { getCollection } from '../../../src/store/collection';
import { MemoryStorage } from '../../../src/store/persist/storage';
import { useAppStore } from '../../../src/store/store';
import { answerAndMoveOn, banner, captureDownloads, queryBanner, renderApp, reopen, startApp, studiedProgress } from './app';

const UNREADABLE = /Some stored data could not be read/;
const NEWER = /Stored progress comes from a newer version of the app/;

/** The key whose card has index `index` (the order cards were first answered). */
function keyAt(raw: Record<string, string>, index: number): string {
  const keys = JSON.parse(raw['srm:keys:0'] ?? '[]') as string[];
  const key = keys[index];
  if (key === undefined) throw new Error(`no card index ${index}`);
  return key;
}

/** Clicks "Download unreadable data" and returns the file's items. */
async function downloadUnreadable(user: ReturnType<typeof userEvent.setup>): Promise<{ key: string; raw: string; storedAs: string | null }[]> {
  const downloads = captureDownloads();
  await user.click(within(banner(UNREADABLE)).getByRole('button', { name: 'Download unreadable data' }));
  const file = downloads.files[0];
  if (!file) throw new Error('nothing was downloaded');
  expect(file.name).toMatch(/^srm-unreadable-data-.*\.json$/);
  return JSON.parse(await file.blob.text()) as { key: string; raw: string; storedAs: string | null }[];
}

describe('corrupt or unparseable stored data at startup', () => {
  test('a truncated card-state shard: its raw value is kept aside and downloadable, the learner is told, every other card keeps its state', async () => {
    const user = userEvent.setup();
    const studied = await studiedProgress(user, 4);
    const raw = { ...studied.raw };
    const whole = raw['srm:cs:1'] ?? '';
    expect(whole).not.toBe('');
    const broken = whole.slice(0, Math.floor(whole.length / 2)); // cut mid-record: invalid JSON
    raw['srm:cs:1'] = broken;
    const lost = keyAt(raw, 1);

    const storage = new MemoryStorage({ initial: raw });
    await startApp(storage);
    await renderApp('/study');

    const alert = banner(UNREADABLE);
    expect(alert).toHaveTextContent('(1 part)');
    expect(alert).toHaveTextContent(/kept aside, not overwritten/);
    // The raw value is copied aside before anything could overwrite it.
    expect(storage.getItem('srm:quarantine:srm:cs:1')).toBe(broken);
    expect(await downloadUnreadable(user)).toEqual([{ key: 'srm:cs:1', raw: broken, storedAs: 'srm:quarantine:srm:cs:1' }]);

    // Everything else was recovered: the three other cards keep their states, the log is whole.
    const states = getCollection().states;
    expect(states.has(lost)).toBe(false);
    expect(states.size).toBe(3);
    for (const [key, state] of studied.states) if (key !== lost) expect(states.get(key), key).toEqual(state);
    expect(getCollection().entries()).toEqual(studied.entries);

    // Studying on (the lost card is new again) keeps the unreadable copy.
    await answerAndMoveOn(user);
    await answerAndMoveOn(user);
    expect(storage.getItem('srm:quarantine:srm:cs:1')).toBe(broken);
    expect(reopen(storage).collection.entries()).toHaveLength(6);

    // Dismissed once read.
    await user.click(within(banner(UNREADABLE)).getByRole('button', { name: 'Dismiss' }));
    expect(queryBanner(UNREADABLE)).toBeNull();
  });

  test('wrong types in a review-log chunk: the readable entries are kept, the raw chunk is kept aside, the learner is told', async () => {
    const user = userEvent.setup();
    const studied = await studiedProgress(user, 4);
    const raw = { ...studied.raw };
    const chunk = raw['srm:log:0'] ?? '';
    const [base = '', body = ''] = chunk.split('|');
    const records = body.split(';');
    expect(records).toHaveLength(4);
    // The third entry: a boolean for the rating code and null for the duration.
    const [index = '', dt = ''] = (records[2] ?? '').split(',');
    records[2] = `${index},${dt},true,null`;
    const broken = `${base}|${records.join(';')}`;
    raw['srm:log:0'] = broken;

    const storage = new MemoryStorage({ initial: raw });
    await startApp(storage);
    await renderApp('/study');

    expect(banner(UNREADABLE)).toHaveTextContent('(1 part)');
    expect(storage.getItem('srm:quarantine:srm:log:0')).toBe(broken);
    expect(await downloadUnreadable(user)).toEqual([{ key: 'srm:log:0', raw: broken, storedAs: 'srm:quarantine:srm:log:0' }]);
    // The entries before the damaged one are kept; every card state is intact.
    expect(getCollection().entries()).toEqual(studied.entries.slice(0, 2));
    expect(new Map(getCollection().states)).toEqual(studied.states);

    // New answers are stored next to the kept entries; the raw chunk stays kept aside.
    await answerAndMoveOn(user);
    expect(storage.getItem('srm:quarantine:srm:log:0')).toBe(broken);
    expect(reopen(storage).collection.entries()).toHaveLength(3);
  });

  test('a newer unknown version in meta: the learner is told, can study this session, and nothing is ever written', async () => {
    const user = userEvent.setup();
    const studied = await studiedProgress(user, 2);
    const raw = { ...studied.raw, 'srm:meta': '{"v":2,"created":1,"epoch":"future"}', 'srm:cs:9': 'format-2 data' };
    const storage = new MemoryStorage({ initial: raw });
    const setItem = vi.spyOn(storage, 'setItem');
    const removeItem = vi.spyOn(storage, 'removeItem');

    await startApp(storage);
    await renderApp('/study');
    expect(banner(NEWER)).toHaveTextContent(/this tab does not save anything/);
    expect(useAppStore.getState().storage.status).toBe('newer-version');

    // The session works from memory (the newer format is not read, so it starts from nothing).
    await answerAndMoveOn(user);
    await answerAndMoveOn(user);
    expect(getCollection().entries()).toHaveLength(2);
    await user.click(screen.getByRole('link', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });

    expect(setItem).not.toHaveBeenCalled();
    expect(removeItem).not.toHaveBeenCalled();
    expect(storage.snapshot()).toEqual(raw);
  });
});
