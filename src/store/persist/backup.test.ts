import { describe, expect, it } from 'vitest';
import type { CardState, ReviewEntry } from '../../core/schedule/types';
import { BACKUP_VERSION, parseBackup } from './backup';
import { openCollection } from './collection';
import { MemoryStorage } from './storage';

const NOW = Date.UTC(2026, 2, 1, 12, 0, 0);
const state = (n: number): CardState => ({ due: NOW + n * 3_600_000, stability: 1 + n / 3, difficulty: 5 + n / 7, scheduledDays: n, learningSteps: 0, reps: n, lapses: 0, state: 2, lastReview: n % 2 === 0 ? null : NOW });
const entry = (key: string, n: number): ReviewEntry => ({ key, review: NOW + n * 7_000, rating: ((n % 4) + 1) as 1 | 2 | 3 | 4, state: (n % 4) as 0 | 1 | 2 | 3, duration: 1_000 + n * 100 });

function filled(cards: number, answers: number): { storage: MemoryStorage; collection: ReturnType<typeof openCollection>['collection'] } {
  const storage = new MemoryStorage();
  const { collection } = openCollection(storage, { now: NOW });
  for (let k = 0; k < answers; k += 1) {
    const key = `deck/card-${k % cards}`;
    collection.recordReview(key, state(k), entry(key, k));
  }
  collection.setDoc('settings', { theme: 'dark' });
  return { storage, collection };
}

describe('backup', () => {
  it('round-trips through JSON into an empty storage', () => {
    const { collection } = filled(20, 60);
    const file = JSON.stringify(collection.exportBackup(NOW));
    const parsed = parseBackup(JSON.parse(file));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.backup).toMatchObject({ format: 'srm-backup', version: BACKUP_VERSION, exportedAt: NOW });
    expect(Object.keys(parsed.backup.states)).toHaveLength(20);

    const target = new MemoryStorage();
    const restored = openCollection(target, { now: NOW }).collection;
    expect(restored.restoreBackup(parsed.backup)).toEqual({ ok: true });
    const reopened = openCollection(target, { now: NOW }).collection;
    for (const c of [restored, reopened]) {
      expect(c.states).toEqual(collection.states);
      expect(c.entries()).toEqual(collection.entries());
      expect(c.getDoc('settings', (x) => x)).toEqual({ theme: 'dark' });
    }
  });

  it('replaces what was stored, removing keys the backup does not have', () => {
    const { storage, collection } = filled(300, 1_100);
    const small = filled(2, 3).collection.exportBackup(NOW);
    expect(collection.restoreBackup(small)).toEqual({ ok: true });
    expect(storage.getItem('srm:log:1')).toBeNull();
    expect(storage.getItem('srm:keys:1')).toBeNull();
    const reopened = openCollection(storage, { now: NOW }).collection;
    expect(reopened.states.size).toBe(2);
    expect(reopened.entries()).toHaveLength(3);
  });

  it('is all or nothing: a restore that does not fit leaves storage and memory as they were', () => {
    const { storage, collection } = filled(5, 10);
    const big = filled(400, 1_500).collection.exportBackup(NOW);
    const before = storage.snapshot();
    const states = new Map(collection.states);
    storage.quotaChars = storage.usedChars() + 5_000;
    const result = collection.restoreBackup(big);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('does not fit') as string });
    expect(storage.snapshot()).toEqual(before);
    expect(collection.states).toEqual(states);
    expect(collection.entries()).toHaveLength(10);
    expect(collection.status).toBe('ok');
  });

  it('reports invalid files with paths', () => {
    const good = filled(2, 2).collection.exportBackup(NOW);
    const bad = JSON.parse(JSON.stringify(good)) as { states: Record<string, Record<string, unknown>>; logs: Record<string, unknown[][]> };
    const first = bad.states['deck/card-0'];
    if (first !== undefined) first.stability = 'high';
    const row = bad.logs['deck/card-1']?.[0];
    if (row !== undefined) row[1] = 7;
    const parsed = parseBackup(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.path)).toEqual(['states.deck/card-0.stability', 'logs.deck/card-1.0.1']);

    expect(parseBackup('hello')).toMatchObject({ ok: false, problems: [{ path: '' }] });
    expect(parseBackup({ format: 'other' })).toMatchObject({ ok: false, problems: [{ path: 'format' }] });
    expect(parseBackup({ ...good, version: BACKUP_VERSION + 1 })).toMatchObject({ ok: false, problems: [{ path: 'version', message: expect.stringContaining('newer') as string }] });
    expect(parseBackup({ ...good, extra: 1 }).ok).toBe(false);
  });
});
