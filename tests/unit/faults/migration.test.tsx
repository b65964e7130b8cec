import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import v1State from '../../fixtures/storage/v1-state.json';
import { T, V1_ENTRIES, V1_STATES } from '../../fixtures/storage/v1-expected';
import { getCollection } from '../../../src/store/collection';
import { MemoryStorage } from '../../../src/store/persist/storage';
import { useAppStore } from '../../../src/store/store';
import { answerAndMoveOn, queryBanner, renderApp, reopen, startApp } from './app';

const STATES = V1_STATES;
const ENTRIES = V1_ENTRIES;

describe('schema migrations', () => {
  test('the app started on the v1 stored state keeps every card state and review log, and studies on top of them', async () => {
    const user = userEvent.setup();
    const storage = new MemoryStorage({ initial: v1State });
    await startApp(storage);

    const { storage: info } = useAppStore.getState();
    expect(info.status).toBe('ok');
    expect(info.problems.filter((p) => p.kind !== 'migrated')).toEqual([]);
    // The imported deck stored by v1 is read back as it was.
    expect(useAppStore.getState().userDecks.map((d) => [d.id, d.name, d.cards.length])).toEqual([['my-deck', 'My deck', 1]]);
    expect(new Map(getCollection().states)).toEqual(new Map(STATES));
    expect(getCollection().entries()).toEqual(ENTRIES);
    // Start-up changed nothing stored (at most it copied a value aside).
    for (const [key, value] of Object.entries(v1State)) expect(storage.getItem(key), key).toBe(value);
    expect(Object.keys(storage.snapshot()).filter((key) => !(key in v1State) && !key.startsWith('srm:quarantine:'))).toEqual([]);

    await renderApp('/study');
    expect(queryBanner(/not being saved|will not be kept|newer version/)).toBeNull();
    const question = await answerAndMoveOn(user);
    expect(question).not.toBe('');

    // After a reload everything from the fixture is still there, plus the new answer.
    const stored = reopen(storage).collection;
    expect(stored.entries().slice(0, ENTRIES.length)).toEqual(ENTRIES);
    expect(stored.entries()).toHaveLength(ENTRIES.length + 1);
    for (const [key, state] of STATES) {
      const now = stored.states.get(key);
      // A fixture card answered just now has moved on; every other one is as it was.
      if (now !== undefined && now.lastReview !== null && now.lastReview > T + 86_400_000) continue;
      expect(now, key).toEqual(state);
    }
    expect(stored.states.size).toBeGreaterThanOrEqual(STATES.length);
  });
});
