import { create } from 'zustand';
import type { CardKey, Deck } from '../core/deck/types';
import type { PreviewItem } from '../core/schedule/fsrs';
import { loadScheduler, schedulerFor, undoReview } from './scheduler';
import { storageInfo, type StorageInfo } from './storageInfo';
import { studyDayKey } from '../core/schedule/day';
import type { GradeValue } from '../core/schedule/types';
import { getCollection, openAppCollection, subscribeToOtherTabs } from './collection';
import { parseSession, newSession, type StudySession } from './session';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';
import { parseStoredDeck, USER_DECK_PREFIX } from './decks';
import { createQuizSlice, type QuizSlice } from './quizSlice';
import { createLibrarySlice, type LibrarySlice } from './librarySlice';
import type { StorageLike } from './persist/storage';

export interface CoreSlice {
  ready: boolean;
  /** Set when start-up failed entirely (it never should; the shell shows it). */
  loadError: string | null;
  builtinDecks: Deck[];
  userDecks: Deck[];
  settings: Settings;
  /** Bumped whenever card states or review logs change (here or in another tab). */
  version: number;
  /** The clock the views use; ticks every 30 s and on every action. */
  clock: number;
  storage: StorageInfo;
  session: StudySession;

  init: () => Promise<void>;
  updateSettings: (patch: Partial<Settings>) => void;
  /** Records an answer at once (state + log) and remembers how to undo it. */
  answerCard: (key: CardKey, grade: GradeValue, durationMs: number, now?: number) => void;
  /** Changes the rating of the last answer (Hard/Easy after a right answer), at the same time. */
  regradeLast: (grade: GradeValue) => void;
  /** Takes back the last answer: prior card state restored, its log entry removed. */
  undoLast: () => void;
  /** Where each grade would send the card if answered at `now` (same `now` as the answer: fuzz depends on it). */
  previewCard: (key: CardKey, now?: number) => PreviewItem[];
  /** Chooses the decks the session draws from (null: every included deck). */
  selectStudyDecks: (deckIds: string[] | null) => void;
  studyMoreNew: (count: number) => void;
  setReviewAhead: (on: boolean) => void;
  /** Retries writes that failed for lack of space. */
  retryWrites: () => void;
  /** Re-reads state after a change made outside the store's actions (restore, other tab). */
  refreshFromCollection: () => void;
  /** Hides the "recovered data" banner once the learner has read it. */
  dismissRecovered: () => void;
  recoveredDismissed: boolean;
}

export type AppState = CoreSlice & QuizSlice & LibrarySlice;

const UNDO_DEPTH = 30;

/** Background work started by init (other-tab listener, clock); stopped before a re-init. */
let stopBackground: (() => void) | null = null;

function readUserDecks(): Deck[] {
  const c = getCollection();
  const decks: Deck[] = [];
  for (const name of c.docNames()) {
    if (!name.startsWith(USER_DECK_PREFIX)) continue;
    const deck = c.getDoc(name, parseStoredDeck);
    if (deck) decks.push(deck);
  }
  return decks.sort((a, b) => a.name.localeCompare(b.name));
}

export const useAppStore = create<AppState>()((set, get, api) => {
  /** Persists the session document and returns the storage status. */
  function saveSession(session: StudySession): void {
    getCollection().setDoc('session', session);
  }

  /** The session for today: a session from an earlier study day is closed, not resumed. */
  function currentSession(now: number): StudySession {
    const { session, settings } = get();
    const today = studyDayKey(now, { hour: settings.dayStartHour });
    if (session.dayKey === today) return session;
    const fresh = newSession(now, today);
    saveSession(fresh);
    return fresh;
  }

  return {
    ready: false,
    loadError: null,
    builtinDecks: [],
    userDecks: [],
    settings: DEFAULT_SETTINGS,
    version: 0,
    clock: Date.now(),
    storage: { status: 'ok', problems: [], quarantined: 0 },
    session: newSession(Date.now(), ''),
    recoveredDismissed: false,

    init: async () => {
      if (get().ready) return;
      try {
        const now = Date.now();
        openAppCollection(now, storageOverride ?? undefined);
        const c = getCollection();
        const settings = c.getDoc('settings', parseSettings) ?? DEFAULT_SETTINGS;
        const today = studyDayKey(now, { hour: settings.dayStartHour });
        const stored = c.getDoc('session', parseSession);
        const session = stored && stored.dayKey === today ? stored : newSession(now, today);
        const [builtin] = await Promise.all([import('./builtin'), loadScheduler()]);
        const { decks: builtinDecks, errors } = await builtin.loadBuiltinDecks();
        if (errors.length > 0) console.error('Built-in decks failed validation', errors);
        set({
          ready: true,
          settings,
          session,
          builtinDecks,
          userDecks: readUserDecks(),
          storage: storageInfo(),
          clock: Date.now(),
          version: get().version + 1,
        });
        get().loadQuizState();
        stopBackground?.();
        const unsubscribe = subscribeToOtherTabs((change) => {
          if (change.reloaded || change.docs.length > 0) get().refreshFromCollection();
          else set((s) => ({ version: s.version + 1, clock: Date.now(), storage: storageInfo(s.storage) }));
        });
        const timer = window.setInterval(() => {
          if (getCollection().status === 'quota') get().retryWrites();
          set({ clock: Date.now() });
        }, 30_000);
        stopBackground = () => {
          unsubscribe();
          window.clearInterval(timer);
        };
      } catch (error) {
        set({ loadError: error instanceof Error ? error.message : String(error), ready: true });
      }
    },

    refreshFromCollection: () => {
      const c = getCollection();
      const settings = c.getDoc('settings', parseSettings) ?? get().settings;
      const session = c.getDoc('session', parseSession) ?? get().session;
      set((s) => ({
        settings,
        session,
        userDecks: readUserDecks(),
        storage: storageInfo(),
        version: s.version + 1,
        clock: Date.now(),
      }));
      get().loadQuizState();
    },

    updateSettings: (patch) => {
      const settings = parseSettings({ ...get().settings, ...patch });
      getCollection().setDoc('settings', settings);
      set({ settings, storage: storageInfo() });
    },

    answerCard: (key, grade, durationMs, now = Date.now()) => {
      const c = getCollection();
      const session = currentSession(now);
      const result = schedulerFor(get().settings.desiredRetention).review(key, c.states.get(key), now, grade, durationMs);
      c.recordReview(key, result.state, result.entry);
      const next: StudySession = {
        ...session,
        undo: [...session.undo, { token: result.undo, entry: result.entry }].slice(-UNDO_DEPTH),
      };
      saveSession(next);
      set((s) => ({ session: next, version: s.version + 1, clock: now, storage: storageInfo(s.storage) }));
    },

    regradeLast: (grade) => {
      const { session, settings } = get();
      const last = session.undo[session.undo.length - 1];
      if (!last || last.entry.rating === grade) return;
      const c = getCollection();
      const prior = undoReview(last.token);
      c.undoReview(last.entry.key, prior, last.entry);
      const result = schedulerFor(settings.desiredRetention).review(last.entry.key, prior, last.entry.review, grade, last.entry.duration);
      c.recordReview(last.entry.key, result.state, result.entry);
      const next: StudySession = { ...session, undo: [...session.undo.slice(0, -1), { token: result.undo, entry: result.entry }] };
      saveSession(next);
      set((s) => ({ session: next, version: s.version + 1, clock: Date.now(), storage: storageInfo(s.storage) }));
    },

    undoLast: () => {
      const { session } = get();
      const last = session.undo[session.undo.length - 1];
      if (!last) return;
      const prior = undoReview(last.token);
      getCollection().undoReview(last.entry.key, prior, last.entry);
      const next: StudySession = { ...session, undo: session.undo.slice(0, -1) };
      saveSession(next);
      set((s) => ({ session: next, version: s.version + 1, clock: Date.now(), storage: storageInfo(s.storage) }));
    },

    previewCard: (key, now = Date.now()) => schedulerFor(get().settings.desiredRetention).preview(getCollection().states.get(key), now),

    selectStudyDecks: (deckIds) => {
      const now = Date.now();
      const next: StudySession = { ...currentSession(now), scope: deckIds };
      saveSession(next);
      set({ session: next, clock: now });
    },

    studyMoreNew: (count) => {
      const now = Date.now();
      const session = currentSession(now);
      const next: StudySession = { ...session, extraNew: session.extraNew + Math.max(0, count) };
      saveSession(next);
      set({ session: next, clock: now });
    },

    setReviewAhead: (on) => {
      const now = Date.now();
      const next: StudySession = { ...currentSession(now), reviewAhead: on };
      saveSession(next);
      set({ session: next, clock: now });
    },

    dismissRecovered: () => set({ recoveredDismissed: true }),

    retryWrites: () => {
      getCollection().flush();
      set({ storage: storageInfo() });
    },

    ...createQuizSlice(set, get, api),
    ...createLibrarySlice(set, get, api),
  };
});


const initialState = useAppStore.getState();
let storageOverride: StorageLike | null = null;

/**
 * For tests: forget everything in memory and start again as a page load would, on the given
 * storage (default: the browser's localStorage). Call `init()` afterwards.
 */
export function resetStoreForTests(storage?: StorageLike): void {
  stopBackground?.();
  stopBackground = null;
  storageOverride = storage ?? null;
  useAppStore.setState(initialState, true);
}
