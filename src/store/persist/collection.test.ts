import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { CardState, ReviewEntry } from '../../core/schedule/types';
import { openCollection } from './collection';
import { KEY_CHUNK, LOG_CHUNK, META_KEY } from './layout';
import { normalizeEntry } from './log-codec';
import { normalizeState } from './state-codec';
import { MemoryStorage } from './storage';

const NOW = Date.UTC(2026, 1, 2, 9, 30, 0);
const state = (n: number, extra: Partial<CardState> = {}): CardState => ({
  due: NOW + n * 86_400_123,
  stability: 1.23456 * (n + 1),
  difficulty: 4.98765,
  scheduledDays: n,
  learningSteps: 0,
  reps: n + 1,
  lapses: 0,
  state: 2,
  lastReview: NOW + 1_234,
  ...extra,
});
const entry = (key: string, n: number): ReviewEntry => ({ key, review: NOW + n * 9_876, rating: 3, state: 2, duration: 4_321 + n });

describe('openCollection', () => {
  it('starts a new collection and writes the format record', () => {
    const storage = new MemoryStorage();
    const { collection, report } = openCollection(storage, { now: NOW });
    expect(report).toEqual({ status: 'ok', problems: [], migratedFrom: null, created: true });
    expect(collection.status).toBe('ok');
    expect(JSON.parse(storage.getItem(META_KEY) ?? '{}')).toMatchObject({ v: 1, created: NOW });
    expect(openCollection(storage, { now: NOW + 1 }).report.created).toBe(false);
  });

  it('keeps answers across a reload, at stored precision, with no drift between session and reload', () => {
    const storage = new MemoryStorage();
    const { collection } = openCollection(storage, { now: NOW });
    expect(collection.recordReview('d/a', state(1), entry('d/a', 1))).toBe('ok');
    expect(collection.recordReview('d/b', state(2), entry('d/b', 2))).toBe('ok');
    expect(collection.recordReview('d/a', state(3), entry('d/a', 3))).toBe('ok');
    expect(collection.states.get('d/a')).toEqual(normalizeState(state(3)));
    const reopened = openCollection(storage, { now: NOW }).collection;
    expect(reopened.states).toEqual(collection.states);
    expect(reopened.entries()).toEqual([entry('d/a', 1), entry('d/b', 2), entry('d/a', 3)].map(normalizeEntry));
    expect(reopened.entries()).toEqual(collection.entries());
  });

  it('undo restores the prior state and removes exactly that entry, stored or not', () => {
    const storage = new MemoryStorage();
    const { collection } = openCollection(storage, { now: NOW });
    collection.recordReview('d/a', state(1), entry('d/a', 1));
    collection.recordReview('d/a', state(2), entry('d/a', 2));
    collection.recordReview('d/b', state(1), entry('d/b', 3));
    collection.undoReview('d/a', state(1), entry('d/a', 2));
    collection.undoReview('d/b', undefined, entry('d/b', 3));
    const check = (c: typeof collection): void => {
      expect(c.states.get('d/a')).toEqual(normalizeState(state(1)));
      expect(c.states.has('d/b')).toBe(false);
      expect(c.entries()).toEqual([normalizeEntry(entry('d/a', 1))]);
    };
    check(collection);
    check(openCollection(storage, { now: NOW }).collection);

    // An answer that was never written (storage full) is undone in memory only.
    storage.failWrites = true;
    collection.recordReview('d/c', state(1), entry('d/c', 4));
    collection.undoReview('d/c', undefined, entry('d/c', 4));
    storage.failWrites = false;
    expect(collection.flush()).toBe('ok');
    check(collection);
    check(openCollection(storage, { now: NOW }).collection);
  });

  it('sets and forgets several states in one call', () => {
    const storage = new MemoryStorage();
    const { collection } = openCollection(storage, { now: NOW });
    collection.setStates([['d/a', state(1)], ['d/b', state(2)]]);
    collection.setStates([['d/a', null], ['d/c', state(3)]]);
    const reopened = openCollection(storage, { now: NOW }).collection;
    expect([...reopened.states.keys()].sort()).toEqual(['d/b', 'd/c']);
    expect(() => collection.setStates([['d/x', state(1)], ['d/y', state(1, { stability: Number.NaN })]])).toThrow(RangeError);
    expect(collection.states.has('d/x')).toBe(false);
  });

  it('rolls over key-table and log chunks and reads them all back', () => {
    const storage = new MemoryStorage();
    const { collection } = openCollection(storage, { now: NOW });
    const cards = KEY_CHUNK * 2 + 5;
    for (let k = 0; k < LOG_CHUNK + 50; k += 1) {
      const key = `d/card-${k % cards}`;
      collection.recordReview(key, state(k % 7), entry(key, k));
    }
    expect(storage.getItem('srm:keys:2')).not.toBeNull();
    expect(storage.getItem('srm:log:1')).not.toBeNull();
    const reopened = openCollection(storage, { now: NOW }).collection;
    expect(reopened.states.size).toBe(cards);
    expect(reopened.entries()).toHaveLength(LOG_CHUNK + 50);
    expect(reopened.entries()).toEqual(collection.entries());
    const since = reopened.entries()[LOG_CHUNK + 40]?.review ?? 0;
    expect(reopened.entriesSince(since)).toEqual(reopened.entries().filter((e) => e.review >= since));
    expect(reopened.entriesSince(since)).toHaveLength(10);
  });

  it('stores documents and validates them with a valibot schema or a function', () => {
    const storage = new MemoryStorage();
    const { collection } = openCollection(storage, { now: NOW });
    const Settings = v.object({ theme: v.picklist(['light', 'dark']), newPerDay: v.number() });
    collection.setDoc('settings', { theme: 'dark', newPerDay: 20 });
    collection.setDoc('deck:my-deck', { id: 'my-deck', cards: [] });
    const reopened = openCollection(storage, { now: NOW }).collection;
    expect(reopened.getDoc('settings', Settings)).toEqual({ theme: 'dark', newPerDay: 20 });
    const isDeck = (x: unknown): { id: string } | undefined =>
      typeof x === 'object' && x !== null && 'id' in x && typeof x.id === 'string' ? { id: x.id } : undefined;
    expect(reopened.getDoc('deck:my-deck', isDeck)).toEqual({ id: 'my-deck' });
    expect(reopened.docNames().sort()).toEqual(['deck:my-deck', 'settings']);
    reopened.removeDoc('deck:my-deck');
    expect(storage.getItem('srm:doc:deck:my-deck')).toBeNull();
    expect(reopened.getDoc('missing', Settings)).toBeUndefined();
  });

  it('sets a document of the wrong shape aside before it can be replaced', () => {
    const storage = new MemoryStorage({ initial: { 'srm:doc:settings': '{"theme":42}' } });
    const { collection } = openCollection(storage, { now: NOW });
    const Settings = v.object({ theme: v.string() });
    expect(collection.getDoc('settings', Settings)).toBeUndefined();
    expect(storage.getItem('srm:quarantine:srm:doc:settings')).toBe('{"theme":42}');
    expect(collection.problems.at(-1)).toMatchObject({ key: 'srm:doc:settings', kind: 'invalid-doc', raw: '{"theme":42}', quarantinedAs: 'srm:quarantine:srm:doc:settings' });
    collection.setDoc('settings', { theme: 'light' });
    expect(collection.getDoc('settings', Settings)).toEqual({ theme: 'light' });
  });

  it('rejects an entry for another card and invalid states before changing anything', () => {
    const { collection } = openCollection(new MemoryStorage(), { now: NOW });
    expect(() => collection.recordReview('d/a', state(1), entry('d/b', 1))).toThrow(/not d\/a/);
    expect(() => collection.recordReview('d/a', state(1, { due: Number.POSITIVE_INFINITY }), entry('d/a', 1))).toThrow(RangeError);
    expect(collection.states.size).toBe(0);
    expect(collection.entries()).toHaveLength(0);
  });

  it('reports usage by part', () => {
    const storage = new MemoryStorage();
    const { collection } = openCollection(storage, { now: NOW });
    collection.recordReview('d/a', state(1), entry('d/a', 1));
    collection.setDoc('settings', { a: 1 });
    const usage = collection.usage();
    expect(usage.total).toBe(storage.usedChars());
    expect(usage.keys).toBe('srm:keys:0'.length + '["d/a"]'.length);
    expect(usage.states).toBeGreaterThan(0);
    expect(usage.logs).toBeGreaterThan(0);
    expect(usage.docs).toBe('srm:doc:settings'.length + '{"a":1}'.length);
    expect(usage.meta + usage.keys + usage.states + usage.logs + usage.docs).toBe(usage.total);
  });
});

describe('two tabs on one storage', () => {
  it('keep each other\'s answers and logs, and report what the other tab changed', () => {
    const storage = new MemoryStorage();
    const a = openCollection(storage, { now: NOW }).collection;
    const b = openCollection(storage, { now: NOW }).collection;
    // Tab B forwards every write of tab A as a storage event.
    const events: [string, string | null][] = [];
    const original = storage.setItem.bind(storage);
    storage.setItem = (key: string, value: string): void => {
      original(key, value);
      events.push([key, value]);
    };
    a.recordReview('d/a', state(1), entry('d/a', 1));
    const fromA = events.splice(0);
    b.recordReview('d/b', state(2), entry('d/b', 2));
    events.splice(0);
    a.recordReview('d/c', state(3), entry('d/c', 3));
    fromA.push(...events.splice(0));

    const changes = fromA.map(([key, value]) => b.applyExternalChange(key, value));
    expect(changes.flatMap((c) => c.states).sort()).toEqual(['d/a', 'd/c']);
    expect(changes.reduce((n, c) => n + c.logAdded, 0)).toBe(2);
    expect(b.applyExternalChange('other-app:key', 'x')).toEqual({ states: [], docs: [], logAdded: 0, logRemoved: 0, reloaded: false });

    const reopened = openCollection(storage, { now: NOW }).collection;
    expect([...reopened.states.keys()].sort()).toEqual(['d/a', 'd/b', 'd/c']);
    expect(reopened.entries().map((e) => e.key)).toEqual(['d/a', 'd/b', 'd/c']);
    expect(new Set(b.entries())).toEqual(new Set(reopened.entries()));
    expect(b.states).toEqual(reopened.states);
  });

  it('ignore a late event that no longer matches storage instead of undoing their own write', () => {
    const storage = new MemoryStorage();
    const a = openCollection(storage, { now: NOW }).collection;
    a.setStates(Array.from({ length: 65 }, (_, k) => [`d/k${k}`, state(1)] as const));
    const b = openCollection(storage, { now: NOW }).collection;
    a.recordReview('d/k0', state(2), entry('d/k0', 1)); // shard 0
    const late = storage.getItem('srm:cs:0');
    b.recordReview('d/k64', state(3), entry('d/k64', 2)); // shard 0 too: B re-reads A's change
    expect(b.applyExternalChange('srm:cs:0', late).states).toEqual(['d/k0']);
    expect(b.states.get('d/k64')).toEqual(normalizeState(state(3)));
    expect(b.states.get('d/k0')).toEqual(normalizeState(state(2)));
    expect(openCollection(storage, { now: NOW }).collection.states).toEqual(b.states);
  });

  it('re-reads everything when another tab restores a backup or clears storage', () => {
    const storage = new MemoryStorage();
    const a = openCollection(storage, { now: NOW }).collection;
    const b = openCollection(storage, { now: NOW }).collection;
    a.recordReview('d/a', state(1), entry('d/a', 1));
    const backup = a.exportBackup(NOW);
    b.recordReview('d/b', state(1), entry('d/b', 2));
    expect(a.restoreBackup(backup)).toEqual({ ok: true });
    const change = b.applyExternalChange(META_KEY, storage.getItem(META_KEY));
    expect(change.reloaded).toBe(true);
    expect(change.states.sort()).toEqual(['d/a', 'd/b']);
    expect([...b.states.keys()]).toEqual(['d/a']);
    storage.clear();
    expect(b.applyExternalChange(null, null)).toMatchObject({ reloaded: true, states: ['d/a'], logRemoved: 1 });
    expect(b.states.size).toBe(0);
  });
});
