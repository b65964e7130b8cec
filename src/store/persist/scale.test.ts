/**
 * (The 60 s limits only keep slow CI machines from failing; nothing here measures time.)
 *
 * Size targets for a heavy learner: 10,000 cards and 100,000 review logs must fit in
 * 3,000,000 characters (of the origin's ~5M), and one answer must write a bounded number of
 * characters however long the history is. Times are measured by the browser benchmark, not here.
 */
import { describe, expect, it } from 'vitest';
import { fakeCollection, fakeKey, fakeState, START } from '../../../tests/fixtures/storage/fake-collection';
import { buildBackup } from './backup';
import { openCollection } from './collection';
import { MemoryStorage } from './storage';

const CARDS = 10_000;

function build(logs: number): MemoryStorage {
  const data = fakeCollection(CARDS, logs, 7);
  const storage = new MemoryStorage();
  const { collection } = openCollection(storage, { now: START });
  collection.setDoc('settings', { theme: 'dark', newPerDay: 20, retention: 0.9 });
  const result = collection.restoreBackup(buildBackup(START, data.states, data.entries, new Map([['settings', { theme: 'dark' }]])));
  expect(result).toEqual({ ok: true });
  return storage;
}

/** Characters written by each of `answers` answers: 9 of every 10 on known cards, 1 on a new card. */
function answerWrites(storage: MemoryStorage, answers: number): number[] {
  const { collection } = openCollection(storage, { now: START });
  let random = 1;
  const next = (): number => {
    random = (random * 16807) % 2147483647;
    return random / 2147483647;
  };
  const writes: number[] = [];
  for (let k = 0; k < answers; k += 1) {
    const key = k % 10 === 9 ? `new-deck/new-card-${k}.scenario` : fakeKey(Math.floor(next() * CARDS));
    const time = START + 500 * 86_400_000 + k * 8_000;
    const before = storage.writtenChars;
    expect(collection.recordReview(key, fakeState(next, time), { key, review: time, rating: 3, state: 2, duration: 6_500 })).toBe('ok');
    writes.push(storage.writtenChars - before);
  }
  return writes;
}

describe('scale: 10,000 cards, 100,000 review logs', () => {
  it('stores everything in at most 3,000,000 characters and reads it all back', () => {
    const storage = build(100_000);
    const usage = openCollection(storage, { now: START }).collection.usage();
    console.warn(`[scale] characters: ${JSON.stringify(usage)}`);
    expect(usage.total).toBe(storage.usedChars());
    expect(usage.total).toBeLessThanOrEqual(3_000_000);

    const { collection, report } = openCollection(storage, { now: START });
    expect(report.problems).toEqual([]);
    expect(collection.states.size).toBe(CARDS);
    expect(collection.entries()).toHaveLength(100_000);
  }, 60_000);

  it('writes a bounded number of characters per answer, the same for a short and a long history', () => {
    const long = answerWrites(build(100_000), 1_100);
    const short = answerWrites(build(1_000), 1_100);
    const maxLong = Math.max(...long);
    const maxShort = Math.max(...short);
    const mean = (xs: number[]): number => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    console.warn(`[scale] characters written per answer: long history max ${maxLong} mean ${mean(long)}; short history max ${maxShort} mean ${mean(short)}`);
    expect(maxLong).toBeLessThan(40_000);
    expect(maxShort).toBeLessThan(40_000);
    // Bounded by the chunk sizes, not by the 100× longer history.
    expect(maxLong).toBeLessThan(maxShort * 1.2);
  }, 60_000);
});
