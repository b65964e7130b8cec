import { describe, expect, it } from 'vitest';
import type { CardState, ReviewEntry } from '../../core/schedule/types';
import { openCollection } from './collection';
import { META_KEY } from './layout';
import { normalizeState } from './state-codec';
import { MemoryStorage } from './storage';

const NOW = Date.UTC(2026, 1, 2, 9, 30, 0);
const state = (n: number): CardState => ({ due: NOW + n * 86_400_000, stability: 2.5 + n, difficulty: 5, scheduledDays: n, learningSteps: 0, reps: n + 1, lapses: 0, state: 2, lastReview: NOW });
const entry = (key: string, n: number): ReviewEntry => ({ key, review: NOW + n * 10_000, rating: 3, state: 2, duration: 5_000 });

/** A storage holding `count` cards d/c0.. (one answer each), as a snapshot. */
function stored(count: number): Record<string, string> {
  const storage = new MemoryStorage();
  const { collection } = openCollection(storage, { now: NOW });
  for (let k = 0; k < count; k += 1) collection.recordReview(`d/c${k}`, state(k), entry(`d/c${k}`, k));
  return storage.snapshot();
}

describe('quota exceeded on write', () => {
  it('loses nothing stored, keeps the change in memory, and writes it once space is freed', () => {
    const storage = new MemoryStorage({ initial: stored(3) });
    const { collection } = openCollection(storage, { now: NOW });
    const before = storage.snapshot();
    storage.quotaChars = storage.usedChars() + 3;
    expect(collection.recordReview('d/new', state(9), entry('d/new', 9))).toBe('quota');
    expect(collection.status).toBe('quota');
    expect(collection.pendingWrites).toBeGreaterThan(0);
    expect(storage.snapshot()).toEqual(before);
    expect(collection.states.get('d/new')).toEqual(normalizeState(state(9)));
    expect(collection.entries()).toHaveLength(4);
    expect(collection.exportBackup(NOW).states['d/new']).toEqual(normalizeState(state(9)));

    // Still full: flush keeps everything queued and stored data intact.
    expect(collection.flush()).toBe('quota');
    expect(storage.snapshot()).toEqual(before);

    storage.quotaChars = Number.POSITIVE_INFINITY;
    expect(collection.flush()).toBe('ok');
    expect(collection.pendingWrites).toBe(0);
    const reopened = openCollection(storage, { now: NOW }).collection;
    expect(reopened.states.get('d/new')).toEqual(normalizeState(state(9)));
    expect(reopened.entries()).toHaveLength(4);
  });

  it('writes the queue with the next answer when space came back', () => {
    const storage = new MemoryStorage({ initial: stored(2) });
    const { collection } = openCollection(storage, { now: NOW });
    storage.failWrites = true;
    collection.recordReview('d/c0', state(5), entry('d/c0', 5));
    collection.setDoc('settings', { theme: 'dark' });
    expect(collection.status).toBe('quota');
    storage.failWrites = false;
    expect(collection.recordReview('d/c1', state(6), entry('d/c1', 6))).toBe('ok');
    const reopened = openCollection(storage, { now: NOW }).collection;
    expect(reopened.states.get('d/c0')).toEqual(normalizeState(state(5)));
    expect(reopened.states.get('d/c1')).toEqual(normalizeState(state(6)));
    expect(reopened.entries()).toHaveLength(4);
    expect(reopened.getDoc('settings', (x) => x)).toEqual({ theme: 'dark' });
  });
});

describe('corrupt data at startup', () => {
  const corruptions: [string, (raw: Record<string, string>) => void, string][] = [
    ['a truncated shard', (raw) => { raw['srm:cs:1'] = (raw['srm:cs:1'] ?? '').slice(0, 12); }, 'srm:cs:1'],
    ['a shard with NaNs and wrong types', (raw) => { raw['srm:cs:1'] = '1,NaN,abc,5,1,0,1,0,2,'; }, 'srm:cs:1'],
    ['a shard that is not text of records', (raw) => { raw['srm:cs:1'] = '{"1":[1,2,3]}'; }, 'srm:cs:1'],
  ];
  for (const [name, corrupt, key] of corruptions) {
    it(`survives ${name}: only that shard's cards are lost, and the raw value is set aside`, () => {
      const raw = stored(3);
      corrupt(raw);
      const broken = raw[key] ?? '';
      const storage = new MemoryStorage({ initial: raw });
      const { collection, report } = openCollection(storage, { now: NOW });
      expect(report.status).toBe('ok');
      expect(report.problems).toEqual([expect.objectContaining({ key, kind: 'corrupt', raw: broken, quarantinedAs: `srm:quarantine:${key}` })]);
      expect(storage.getItem(`srm:quarantine:${key}`)).toBe(broken);
      expect([...collection.states.keys()].sort()).toEqual(['d/c0', 'd/c2']);
      expect(collection.entries()).toHaveLength(3);
      // The card starts again; its shard is rewritten only now that the raw value is safe.
      expect(collection.recordReview('d/c1', state(4), entry('d/c1', 4))).toBe('ok');
      expect(openCollection(storage, { now: NOW }).collection.states.size).toBe(3);
      expect(collection.quarantine()).toEqual([{ key, raw: broken, storedAs: `srm:quarantine:${key}` }]);
    });
  }

  it('keeps the readable records of a partly damaged shard', () => {
    const raw = stored(130);
    const values = JSON.parse(raw['srm:cs:1'] ?? '[]') as unknown[];
    values[12] = 'NaN'; // the second card of the shard (d/c65): stability is not a number
    raw['srm:cs:1'] = JSON.stringify(values);
    const { collection, report } = openCollection(new MemoryStorage({ initial: raw }), { now: NOW });
    expect(report.problems).toEqual([expect.objectContaining({ key: 'srm:cs:1', kind: 'damaged' })]);
    expect(collection.states.size).toBe(129);
    expect(collection.states.has('d/c65')).toBe(false);
    expect(collection.states.has('d/c1')).toBe(true);

    // Truncated: the complete cards before the cut survive.
    raw['srm:cs:2'] = (raw['srm:cs:2'] ?? '').slice(0, -5);
    const truncated = openCollection(new MemoryStorage({ initial: raw }), { now: NOW }).collection;
    expect(truncated.states.size).toBe(128);
    expect(truncated.states.has('d/c2')).toBe(true);
  });

  it('loses only the damaged part of a log chunk, and a corrupt chunk only itself', () => {
    const source = new MemoryStorage();
    const { collection: writer } = openCollection(source, { now: NOW });
    for (let k = 0; k < 1_010; k += 1) writer.recordReview('d/a', state(1), entry('d/a', k));
    const raw = source.snapshot();
    raw['srm:log:0'] = (raw['srm:log:0'] ?? '').slice(0, -40);
    const storage = new MemoryStorage({ initial: raw });
    const { collection, report } = openCollection(storage, { now: NOW });
    expect(report.problems).toEqual([expect.objectContaining({ key: 'srm:log:0', kind: 'damaged', quarantinedAs: 'srm:quarantine:srm:log:0' })]);
    const count = collection.entries().length;
    expect(count).toBeGreaterThan(1_000);
    expect(count).toBeLessThan(1_010);

    raw['srm:log:1'] = 'not a log';
    const second = openCollection(new MemoryStorage({ initial: raw }), { now: NOW });
    expect(second.collection.entries()).toHaveLength(count - 10);
    expect(second.report.problems.map((p) => [p.key, p.kind])).toEqual([['srm:log:0', 'damaged'], ['srm:log:1', 'corrupt']]);
    // New answers go to a fresh chunk; the unreadable one is left as it is.
    second.collection.recordReview('d/a', state(1), entry('d/a', 2_000));
    expect(openCollection(new MemoryStorage({ initial: raw }), { now: NOW }).collection.entries()).toHaveLength(count - 10);
  });

  it('sets aside an unreadable key-table part and never reuses its indexes', () => {
    const raw = stored(3);
    raw['srm:keys:0'] = '["d/c0","d/c1';
    const storage = new MemoryStorage({ initial: raw });
    const { collection, report } = openCollection(storage, { now: NOW });
    expect(report.problems).toEqual([expect.objectContaining({ key: 'srm:keys:0', kind: 'corrupt' })]);
    expect(collection.states.size).toBe(0);
    collection.recordReview('d/c0', state(7), entry('d/c0', 7));
    expect(storage.getItem('srm:keys:0')).toBe('["d/c0","d/c1');
    expect(storage.getItem('srm:keys:1')).toBe('["d/c0"]');
    const reopened = openCollection(storage, { now: NOW }).collection;
    expect(reopened.states.get('d/c0')).toEqual(normalizeState(state(7)));
    expect(reopened.entries()).toHaveLength(1);
  });

  it('sets aside an unreadable document and starts without it', () => {
    const raw = { ...stored(1), 'srm:doc:settings': '{"theme":"da' };
    const storage = new MemoryStorage({ initial: raw });
    const { collection, report } = openCollection(storage, { now: NOW });
    expect(report.problems).toEqual([expect.objectContaining({ key: 'srm:doc:settings', kind: 'corrupt', quarantinedAs: 'srm:quarantine:srm:doc:settings' })]);
    expect(collection.getDoc('settings', (x) => x)).toBeUndefined();
    expect(collection.states.size).toBe(1);
  });

  it('keeps an unreadable value in place while there is no room to copy it, and in the report', () => {
    const raw = stored(3);
    raw['srm:cs:1'] = 'garbage';
    const storage = new MemoryStorage({ initial: raw });
    storage.quotaChars = storage.usedChars() + 3;
    const { collection, report } = openCollection(storage, { now: NOW });
    expect(report.problems).toEqual([{ key: 'srm:cs:1', kind: 'corrupt', message: expect.any(String) as string, raw: 'garbage' }]);
    expect(collection.recordReview('d/c1', state(4), entry('d/c1', 4))).toBe('quota');
    expect(storage.getItem('srm:cs:1')).toBe('garbage');
    expect(collection.quarantine()).toEqual([{ key: 'srm:cs:1', raw: 'garbage', storedAs: null }]);
    storage.quotaChars = Number.POSITIVE_INFINITY;
    expect(collection.flush()).toBe('ok');
    expect(storage.getItem('srm:quarantine:srm:cs:1')).toBe('garbage');
    expect(openCollection(storage, { now: NOW }).collection.states.size).toBe(3);
    collection.clearQuarantine();
    expect(collection.quarantine()).toEqual([]);
  });

  it('repairs a missing or unreadable format record without losing data', () => {
    for (const meta of [undefined, '{"v":"one"']) {
      const raw = Object.fromEntries(Object.entries(stored(2)).filter(([key]) => key !== META_KEY));
      if (meta !== undefined) raw[META_KEY] = meta;
      const storage = new MemoryStorage({ initial: raw });
      const { collection, report } = openCollection(storage, { now: NOW });
      expect(report.problems).toHaveLength(1);
      expect(collection.states.size).toBe(2);
      expect(JSON.parse(storage.getItem(META_KEY) ?? '{}')).toMatchObject({ v: 1 });
    }
  });
});

describe('a newer stored format', () => {
  it('is opened read-only and never written', () => {
    const raw = { ...stored(2), [META_KEY]: '{"v":2,"created":1,"epoch":"x"}', 'srm:cs:9': 'v2 data' };
    const storage = new MemoryStorage({ initial: raw });
    const { collection, report } = openCollection(storage, { now: NOW });
    expect(report.status).toBe('newer-version');
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'newer-version' })]);
    expect(collection.recordReview('d/c0', state(5), entry('d/c0', 5))).toBe('newer-version');
    collection.setDoc('settings', { a: 1 });
    expect(collection.flush()).toBe('newer-version');
    expect(collection.restoreBackup(collection.exportBackup(NOW)).ok).toBe(false);
    expect(storage.snapshot()).toEqual(raw);
    expect(collection.states.get('d/c0')).toEqual(normalizeState(state(5)));
  });

  it('stops another tab from writing once it appears', () => {
    const storage = new MemoryStorage({ initial: stored(1) });
    const { collection } = openCollection(storage, { now: NOW });
    storage.setItem(META_KEY, '{"v":2}');
    collection.applyExternalChange(META_KEY, '{"v":2}');
    const before = storage.snapshot();
    expect(collection.recordReview('d/c0', state(5), entry('d/c0', 5))).toBe('newer-version');
    expect(storage.snapshot()).toEqual(before);
  });
});

describe('storage unavailable', () => {
  const cases: [string, () => MemoryStorage | null][] = [
    ['null', () => null],
    ['throwing SecurityError', () => Object.assign(new MemoryStorage(), { failAccess: true })],
  ];
  for (const [name, make] of cases) {
    it(`works in memory when storage is ${name}`, () => {
      const { collection, report } = openCollection(make(), { now: NOW });
      expect(report.status).toBe('unavailable');
      expect(report.problems).toEqual([expect.objectContaining({ kind: 'unavailable' })]);
      expect(collection.recordReview('d/a', state(1), entry('d/a', 1))).toBe('unavailable');
      collection.setDoc('settings', { theme: 'dark' });
      expect(collection.states.get('d/a')).toEqual(normalizeState(state(1)));
      expect(collection.entries()).toHaveLength(1);
      expect(collection.getDoc('settings', (x) => x)).toEqual({ theme: 'dark' });
      expect(collection.usage().total).toBe(0);
      expect(collection.exportBackup(NOW).logs['d/a']).toHaveLength(1);
    });
  }
});
