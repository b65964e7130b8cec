import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import v1State from '../../fixtures/storage/v1-state.json';
import type { CardState, ReviewEntry } from '../../../src/core/schedule/types';
import { getCollection } from '../../../src/store/collection';
import { MemoryStorage } from '../../../src/store/persist/storage';
import { useAppStore } from '../../../src/store/store';
import { answerAndMoveOn, queryBanner, renderApp, reopen, startApp } from './app';

const T = 1_768_032_000_000; // when the fixture was made

/** Every card state and review entry the v1 fixture holds, written out by hand. */
const STATES: [string, CardState][] = [
  ['srm-fundamentals/security-of-the-cloud.direct', { due: T + 86_430_000, stability: 2.306, difficulty: 6.1, scheduledDays: 1, learningSteps: 0, reps: 2, lapses: 0, state: 2, lastReview: T + 30_000 }],
  ['srm-services/ec2-guest-os-patching.scenario', { due: T + 259_200_000, stability: 3.173, difficulty: 5.282, scheduledDays: 3, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: T + 12_000 }],
  ['my-deck/card "1", ünïcode', { due: T + 105_000, stability: 0.1, difficulty: 9.2, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 1, state: 3, lastReview: T + 45_000 }],
  ['srm-controls/inherited-controls.direct', { due: T + 50_000, stability: 123.4, difficulty: 1.5, scheduledDays: 100, learningSteps: 0, reps: 12, lapses: 2, state: 2, lastReview: null }],
];
const ENTRIES: ReviewEntry[] = [
  { key: 'srm-fundamentals/security-of-the-cloud.direct', review: T, rating: 3, state: 0, duration: 5_200 },
  { key: 'srm-services/ec2-guest-os-patching.scenario', review: T + 12_000, rating: 4, state: 0, duration: 3_100 },
  { key: 'srm-fundamentals/security-of-the-cloud.direct', review: T + 30_000, rating: 3, state: 1, duration: 4_000 },
  { key: 'my-deck/card "1", ünïcode', review: T + 45_000, rating: 1, state: 2, duration: 12_300 },
];

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
