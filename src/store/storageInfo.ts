import { getCollection } from './collection';
import type { PersistStatus, StorageProblem } from './persist/collection';

export interface StorageInfo {
  status: PersistStatus;
  problems: StorageProblem[];
  /** Number of unreadable stored values kept aside for download. */
  quarantined: number;
}

/**
 * The collection's health, as the banners show it; read after every write. Pass the previous
 * value: when nothing changed it is returned as is (no re-render, and no scan of storage for
 * quarantined values, which would cost milliseconds on every answer).
 */
export function storageInfo(previous?: StorageInfo): StorageInfo {
  const c = getCollection();
  if (previous && previous.status === c.status && previous.problems.length === c.problems.length) return previous;
  return { status: c.status, problems: [...c.problems], quarantined: c.quarantine().length };
}
