import type { StateCreator } from 'zustand';
import { LIMITS } from '../core/deck/limits';
import type { Deck } from '../core/deck/types';
import { studyDayKey } from '../core/schedule/day';
import { getCollection } from './collection';
import { parseStoredDeck, userDeckDocName } from './decks';
import { BACKUP_FORMAT, BACKUP_VERSION, LOG_FIELDS, type Backup } from './persist/backup';
import type { Collection, PersistStatus } from './persist/collection';
import { docKey } from './persist/layout';
import { newSession, parseSession } from './session';
import { DEFAULT_SETTINGS, parseSettings } from './settings';
import type { AppState } from './store';
import { storageInfo } from './storageInfo';

/** Browsers give an origin about 5 million characters of localStorage. */
export const STORAGE_BUDGET_CHARS = 5_000_000;

export type LibraryOutcome = { ok: true; message: string } | { ok: false; error: string };

/** The deck deleted last, kept in memory so that Undo can write it back. */
export interface DeletedDeck {
  deck: Deck;
  /** Epoch ms of the deletion. */
  at: number;
}

/** The deck library: import, rename, delete, include/exclude, export, backup and restore. */
export interface LibrarySlice {
  lastDeleted: DeletedDeck | null;
  /**
   * Stores an imported (or re-imported, already merged) user deck in one step: the size is
   * checked first, and if the write fails the previous document is put back (or the new one
   * removed), so nothing changes.
   */
  saveUserDeck: (deck: Deck) => LibraryOutcome;
  renameDeck: (deckId: string, name: string) => LibraryOutcome;
  /** Removes a user deck; its card states and review log stay stored, so Undo restores progress. */
  deleteDeck: (deckId: string) => LibraryOutcome;
  undoDelete: () => LibraryOutcome;
  dismissUndo: () => void;
  setDeckIncluded: (deckId: string, included: boolean) => void;
  /** Built-in decks only: hidden decks leave the library list's main part and study. */
  setDeckHidden: (deckId: string, hidden: boolean) => void;
  /** Replaces everything with a parsed backup (all or nothing), then re-reads the store. */
  restoreFromBackup: (backup: Backup) => LibraryOutcome;
  /** Removes imported decks, progress, quiz attempts and settings; undoable only through a backup. */
  eraseAllData: () => LibraryOutcome;
}

/** Characters a deck document takes in storage (key + JSON value). */
export function storedDeckSize(deck: Deck): number {
  return docKey(userDeckDocName(deck.id)).length + JSON.stringify(deck).length;
}

/** Free characters left for the app, by the usual 5 million character browser budget. */
export function freeStorageChars(c: Collection = getCollection()): number {
  return Math.max(0, STORAGE_BUDGET_CHARS - c.usage().total);
}

function megabytes(chars: number): string {
  const mb = chars / 1_000_000;
  return mb < 0.1 ? `${Math.max(1, Math.round(chars / 1000))} KB` : `${mb.toFixed(1)} MB`;
}

function sortDecks(decks: Deck[]): Deck[] {
  return decks.sort((a, b) => a.name.localeCompare(b.name));
}

function failure(status: PersistStatus): string {
  switch (status) {
    case 'quota':
      return 'Browser storage is full, so the change could not be saved. Nothing was changed. Free space by deleting or exporting a large deck, then try again.';
    case 'newer-version':
      return 'Stored data belongs to a newer version of the app, so this tab does not save anything. Reload to get the newest version.';
    default:
      return 'Saving failed because browser storage is not available. Nothing was changed.';
  }
}

/**
 * Writes (or with `next` null removes) a deck document; on failure writes `previous` back or
 * removes the new document. `wasMemoryOnly`: storage was already unavailable, so memory is
 * all there is and a change kept in memory counts as done.
 */
function writeDeckDoc(c: Collection, deckId: string, next: Deck | null, previous: Deck | undefined): PersistStatus | 'ok' {
  const name = userDeckDocName(deckId);
  const before = c.status;
  if (before === 'newer-version') return 'newer-version';
  const status = next === null ? c.removeDoc(name) : c.setDoc(name, next);
  if (status === 'ok' || (before === 'unavailable' && status === 'unavailable')) return 'ok';
  if (previous === undefined) c.removeDoc(name);
  else c.setDoc(name, previous);
  return status;
}

function readBackDeck(c: Collection, deckId: string): Deck | undefined {
  return c.getDoc(userDeckDocName(deckId), parseStoredDeck);
}

export const createLibrarySlice: StateCreator<AppState, [], [], LibrarySlice> = (set, get) => {
  function putDeck(deck: Deck): void {
    set((s) => ({
      userDecks: sortDecks([...s.userDecks.filter((d) => d.id !== deck.id), deck]),
      storage: storageInfo(),
      version: s.version + 1,
      clock: Date.now(),
    }));
  }

  function fits(c: Collection, deck: Deck, previous: Deck | undefined): string | null {
    if (c.status === 'unavailable') return null;
    const needed = storedDeckSize(deck) - (previous === undefined ? 0 : storedDeckSize(previous));
    const free = freeStorageChars(c);
    if (needed <= free) return null;
    return `This deck needs about ${megabytes(needed)} of browser storage, but only about ${megabytes(free)} is free. Nothing was changed. Delete or export a large deck (or download a backup and erase old data), then try again.`;
  }

  function restore(backup: Backup): LibraryOutcome {
    const now = Date.now();
    const docs: Record<string, unknown> = { ...backup.docs };
    // The store falls back to what is in memory for missing documents; make the restored data complete.
    const settings = parseSettings(docs.settings ?? DEFAULT_SETTINGS);
    docs.settings = settings;
    if (docs.session === undefined || parseSession(docs.session) === undefined) {
      docs.session = newSession(now, studyDayKey(now, { hour: settings.dayStartHour }));
    }
    const result = getCollection().restoreBackup({ ...backup, docs });
    if (!result.ok) return { ok: false, error: result.error };
    set({ lastDeleted: null });
    get().refreshFromCollection();
    return { ok: true, message: '' };
  }

  return {
    lastDeleted: null,

    saveUserDeck: (deck) => {
      if (deck.builtIn) return { ok: false, error: 'Built-in decks ship with the app and cannot be replaced by an import.' };
      if (get().builtinDecks.some((d) => d.id === deck.id)) {
        return { ok: false, error: `The id “${deck.id}” belongs to a built-in deck; import it under another id.` };
      }
      const c = getCollection();
      const previous = readBackDeck(c, deck.id);
      const tooBig = fits(c, deck, previous);
      if (tooBig !== null) return { ok: false, error: tooBig };
      const status = writeDeckDoc(c, deck.id, deck, previous);
      if (status !== 'ok') {
        set({ storage: storageInfo() });
        return { ok: false, error: failure(status) };
      }
      putDeck(deck);
      const count = deck.cards.length;
      return { ok: true, message: `${previous ? 'Updated' : 'Imported'} “${deck.name}”: ${count.toLocaleString('en-US')} ${count === 1 ? 'card' : 'cards'}.` };
    },

    renameDeck: (deckId, name) => {
      const trimmed = name.trim();
      if (trimmed === '') return { ok: false, error: 'A deck needs a name.' };
      if (trimmed.length > LIMITS.deckName) return { ok: false, error: `A deck name can have at most ${LIMITS.deckName} characters.` };
      const deck = get().userDecks.find((d) => d.id === deckId);
      if (!deck) return { ok: false, error: 'Only imported decks can be renamed.' };
      if (deck.name === trimmed) return { ok: true, message: '' };
      const next = { ...deck, name: trimmed };
      const status = writeDeckDoc(getCollection(), deckId, next, deck);
      if (status !== 'ok') {
        set({ storage: storageInfo() });
        return { ok: false, error: failure(status) };
      }
      putDeck(next);
      return { ok: true, message: `Renamed to “${trimmed}”.` };
    },

    deleteDeck: (deckId) => {
      const deck = get().userDecks.find((d) => d.id === deckId);
      if (!deck) return { ok: false, error: 'Only imported decks can be deleted; built-in decks can be hidden.' };
      const status = writeDeckDoc(getCollection(), deckId, null, deck);
      if (status !== 'ok') {
        set({ storage: storageInfo() });
        return { ok: false, error: failure(status) };
      }
      set((s) => ({
        userDecks: s.userDecks.filter((d) => d.id !== deckId),
        lastDeleted: { deck, at: Date.now() },
        storage: storageInfo(),
        version: s.version + 1,
        clock: Date.now(),
      }));
      return { ok: true, message: `Deleted “${deck.name}”.` };
    },

    undoDelete: () => {
      const deleted = get().lastDeleted;
      if (!deleted) return { ok: false, error: 'There is no deleted deck to bring back.' };
      if (get().userDecks.some((d) => d.id === deleted.deck.id)) {
        set({ lastDeleted: null });
        return { ok: false, error: `A deck with the same id was imported since, so “${deleted.deck.name}” was not brought back.` };
      }
      const outcome = get().saveUserDeck(deleted.deck);
      if (!outcome.ok) return outcome;
      set({ lastDeleted: null });
      return { ok: true, message: `Restored “${deleted.deck.name}” with its progress.` };
    },

    dismissUndo: () => set({ lastDeleted: null }),

    setDeckIncluded: (deckId, included) => {
      const excluded = get().settings.excludedDecks.filter((id) => id !== deckId);
      get().updateSettings({ excludedDecks: included ? excluded : [...excluded, deckId] });
    },

    setDeckHidden: (deckId, hidden) => {
      if (!get().builtinDecks.some((d) => d.id === deckId)) return;
      const rest = get().settings.hiddenDecks.filter((id) => id !== deckId);
      get().updateSettings({ hiddenDecks: hidden ? [...rest, deckId] : rest });
    },

    restoreFromBackup: (backup) => {
      const outcome = restore(backup);
      return outcome.ok ? { ok: true, message: 'The backup was restored.' } : outcome;
    },

    eraseAllData: () => {
      const empty: Backup = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: Date.now(),
        states: {},
        logFields: LOG_FIELDS,
        logs: {},
        docs: {},
      };
      const outcome = restore(empty);
      return outcome.ok ? { ok: true, message: 'All data was erased. Only a backup file can bring it back.' } : outcome;
    },
  };
};
