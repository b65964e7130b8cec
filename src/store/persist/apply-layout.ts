/**
 * All-or-nothing replacement of the stored layout (restore, migration).
 *
 * Order: write every new value first (the meta key last, so other tabs re-read everything only
 * once it is all there), remove stale keys only after every write succeeded. If a write fails,
 * every touched key is put back as it was — created keys removed first to free space, then
 * overwritten keys restored, shrinking ones before growing ones — so the total never exceeds
 * what was stored before, and the original state fits again.
 */
import { META_KEY } from './layout';
import type { RawLayout } from './migrations';
import type { StorageLike } from './storage';

export type ApplyResult = { ok: true } | { ok: false; error: unknown };

export function applyLayout(storage: StorageLike, next: RawLayout, previousKeys: readonly string[]): ApplyResult {
  const order = Object.keys(next).sort((a, b) => Number(a === META_KEY) - Number(b === META_KEY));
  const before = new Map<string, string | null>();
  try {
    for (const key of order) {
      const value = next[key] as string;
      const old = storage.getItem(key);
      if (old === value) continue;
      before.set(key, old);
      storage.setItem(key, value);
    }
  } catch (error) {
    rollback(storage, before, next);
    return { ok: false, error };
  }
  for (const key of previousKeys) {
    if (!(key in next)) storage.removeItem(key);
  }
  return { ok: true };
}

function rollback(storage: StorageLike, before: ReadonlyMap<string, string | null>, next: RawLayout): void {
  const created = [...before].filter(([, old]) => old === null).map(([key]) => key);
  const overwritten = [...before].filter((entry): entry is [string, string] => entry[1] !== null);
  const grows = ([key, old]: [string, string]): number => old.length - (next[key]?.length ?? 0);
  for (const key of created) storage.removeItem(key);
  for (const [key, old] of overwritten.sort((a, b) => grows(a) - grows(b))) {
    try {
      storage.setItem(key, old);
    } catch (error) {
      console.error(`srm: could not restore ${key} while rolling back`, error);
    }
  }
}
