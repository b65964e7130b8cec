import { openCollection, type Collection, type ExternalChange, type OpenReport } from './persist/collection';
import { MemoryStorage, type StorageLike } from './persist/storage';

let current: Collection | null = null;
let openReport: OpenReport | null = null;

/** localStorage, or null where it is unavailable (disabled, some private modes). */
export function browserStorage(): StorageLike | null {
  try {
    const storage = window.localStorage;
    storage.getItem('srm:meta');
    return storage;
  } catch {
    return null;
  }
}

/** Opens the learner's collection from localStorage (memory only when there is none). */
export function openAppCollection(now: number, storage: StorageLike | null = browserStorage()): OpenReport {
  const opened = openCollection(storage, { now });
  current = opened.collection;
  openReport = opened.report;
  return opened.report;
}

/** The open collection; opened on first use if start-up has not done it yet. */
export function getCollection(): Collection {
  if (!current) openAppCollection(Date.now());
  if (!current) throw new Error('The collection could not be opened.');
  return current;
}

export function getOpenReport(): OpenReport | null {
  return openReport;
}

/** For tests: start again from the given storage. */
export function resetCollectionForTests(storage: StorageLike = new MemoryStorage()): void {
  openAppCollection(Date.now(), storage);
}

/**
 * Another tab wrote to localStorage: fold the change into this tab's collection and tell
 * the store what changed. Returns the unsubscribe function.
 */
export function subscribeToOtherTabs(onChange: (change: ExternalChange) => void): () => void {
  function onStorage(event: StorageEvent) {
    if (event.storageArea !== null && event.storageArea !== browserStorage()) return;
    const change = getCollection().applyExternalChange(event.key, event.newValue);
    if (change.reloaded || change.states.length + change.docs.length + change.logAdded + change.logRemoved > 0) onChange(change);
  }
  window.addEventListener('storage', onStorage);
  return () => window.removeEventListener('storage', onStorage);
}
