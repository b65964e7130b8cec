import * as v from 'valibot';
import type { StateCreator } from 'zustand';
import { cardKey, OWNERS, type Card, type CardKey, type Deck, type Owner, type OwnerCard } from '../core/deck/types';
import { quizWrongCounts, toAttempt, type QuizAttempt } from '../core/quiz/history';
import { mulberry32 } from '../core/quiz/random';
import type { CardsByKey } from '../core/quiz/score';
import { selectQuestions, type PoolEntry } from '../core/quiz/select';
import {
  answer as answerSession,
  goTo,
  next as nextSession,
  prev as prevSession,
  startQuiz as startSession,
  submit as submitSession,
  submitIfExpired,
  toggleFlag as toggleFlagSession,
  type QuizMode,
  type QuizSession,
} from '../core/quiz/session';
import { matchesTags } from '../core/deck/tags';
import { retrievabilityOf } from './scheduler';
import { storageInfo } from './storageInfo';
import type { CardState } from '../core/schedule/types';
import { getCollection } from './collection';
import type { Settings } from './settings';
import type { AppState } from './store';

/** Documents the quiz keeps in the collection. */
export const QUIZ_DOCS = {
  /** The quiz in progress (or just submitted, until the learner starts a new one): a QuizSession. */
  current: 'quiz:current',
  /** Finished quizzes, oldest first: QuizAttempt[]. */
  attempts: 'quiz:attempts',
  /** The options used last: QuizSetup. */
  setup: 'quiz:setup',
} as const;

export const MAX_ATTEMPTS = 200;
export const QUESTION_COUNTS = [10, 20, 65] as const;
/** Upper bound for a custom number of questions (the pool usually limits it first). */
export const MAX_QUESTIONS = 500;

/** What the learner chose on the setup screen. */
export interface QuizSetup {
  /** Decks to draw from; null: the decks included in study. */
  deckIds: string[] | null;
  /** Tags to draw from; empty: every card. See {@link matchesTags}. */
  tags: string[];
  count: number;
  mode: QuizMode;
  /** Exam mode only: whether the countdown runs. */
  timed: boolean;
  focusWeak: boolean;
}

export const DEFAULT_QUIZ_SETUP: QuizSetup = { deckIds: null, tags: [], count: 20, mode: 'practice', timed: true, focusWeak: false };

/** What "Study these" did. */
export interface StudyMissedResult {
  /** Missed cards with a schedule, now due. */
  due: number;
  /** Missed cards never studied: they wait in the new-card queue already. */
  stillNew: number;
}

export interface QuizSlice {
  /** The quiz in progress, or the submitted one whose results are on screen; null for none. */
  quiz: QuizSession | null;
  /** Finished quizzes, oldest first (at most {@link MAX_ATTEMPTS}). */
  quizAttempts: QuizAttempt[];
  /** The options used last, to prefill the setup screen. */
  quizSetup: QuizSetup;

  /** Reads the quiz in progress and the attempt history from storage. */
  loadQuizState: () => void;
  /** Starts a quiz from the options (also remembered for next time); false when no card matches. */
  startQuiz: (setup: QuizSetup) => boolean;
  /** Answers the question on screen. */
  answerQuizQuestion: (owner: Owner) => void;
  /** Flags or unflags the question on screen. */
  toggleQuizFlag: () => void;
  goToQuizQuestion: (index: number) => void;
  nextQuizQuestion: () => void;
  prevQuizQuestion: () => void;
  /** Ends the quiz and records the attempt (also used when the time runs out). */
  submitQuiz: () => void;
  /** Submits the quiz if its time is up; call on every clock tick. */
  checkQuizTime: () => void;
  /** Forgets the current quiz (running or submitted); submitted attempts stay in the history. */
  discardQuiz: () => void;
  /**
   * The only way a quiz changes the schedule: every missed card of the submitted quiz that has a
   * card state becomes due now. Cards never studied are left alone (they are in the new queue).
   */
  studyMissedCards: () => StudyMissedResult;
}

// ------------------------------------------------------------------ validation

const finite = v.pipe(v.number(), v.finite());
const owner = v.picklist(OWNERS);
const mode = v.picklist(['practice', 'exam'] as const);

const QuestionSchema = v.object({
  key: v.pipe(v.string(), v.minLength(1)),
  answer: v.nullable(owner),
  flagged: v.boolean(),
  answeredAt: v.nullable(finite),
});

const SessionSchema = v.pipe(
  v.object({
    id: v.pipe(v.string(), v.minLength(1)),
    mode,
    createdAt: finite,
    deadline: v.nullable(finite),
    questions: v.array(QuestionSchema),
    current: v.pipe(v.number(), v.integer(), v.minValue(0)),
    submittedAt: v.nullable(finite),
    endedBy: v.nullable(v.picklist(['learner', 'time'] as const)),
  }),
  v.check((q) => q.current < Math.max(1, q.questions.length), 'current question out of range'),
  v.check((q) => (q.submittedAt === null) === (q.endedBy === null), 'submittedAt and endedBy disagree'),
);

const RowSchema = v.object({ label: v.string(), correct: finite, total: finite, percent: finite });

const AttemptSchema = v.object({
  id: v.string(),
  mode,
  finishedAt: finite,
  total: finite,
  correct: finite,
  percent: finite,
  breakdown: v.object({ category: v.array(RowSchema), owner: v.array(RowSchema) }),
  missedKeys: v.array(v.string()),
});

const SetupSchema = v.object({
  deckIds: v.fallback(v.nullable(v.array(v.string())), null),
  tags: v.fallback(v.array(v.string()), []),
  count: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_QUESTIONS)), DEFAULT_QUIZ_SETUP.count),
  mode: v.fallback(mode, DEFAULT_QUIZ_SETUP.mode),
  timed: v.fallback(v.boolean(), DEFAULT_QUIZ_SETUP.timed),
  focusWeak: v.fallback(v.boolean(), DEFAULT_QUIZ_SETUP.focusWeak),
});

/** A stored quiz, or undefined when it does not have the expected shape. */
export function parseQuizSession(raw: unknown): QuizSession | undefined {
  const result = v.safeParse(SessionSchema, raw);
  return result.success ? result.output : undefined;
}

/**
 * Stored attempts: undefined when the document is not a list; malformed entries are dropped
 * so one bad entry does not cost the whole history.
 */
export function parseQuizAttempts(raw: unknown): QuizAttempt[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const attempts: QuizAttempt[] = [];
  for (const item of raw) {
    const result = v.safeParse(AttemptSchema, item);
    if (result.success) attempts.push(result.output);
  }
  return attempts;
}

/** Stored setup, leniently: each bad field falls back to its default. */
export function parseQuizSetup(raw: unknown): QuizSetup | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const result = v.safeParse(SetupSchema, raw);
  return result.success ? result.output : undefined;
}

// ------------------------------------------------------------------ pool

/** The decks the learner can see: built-in ones not hidden, then their own. */
export function visibleDecks(builtin: readonly Deck[], user: readonly Deck[], settings: Settings): Deck[] {
  return [...builtin.filter((d) => !settings.hiddenDecks.includes(d.id)), ...user];
}

/** The decks a quiz draws from: the chosen ones (still present), or those included in study. */
export function quizDecks(visible: readonly Deck[], settings: Settings, deckIds: readonly string[] | null): Deck[] {
  if (deckIds === null) return visible.filter((d) => !settings.excludedDecks.includes(d.id));
  return visible.filter((d) => deckIds.includes(d.id));
}

/** The group of a tag: the part before ':' (`category`, `service`, …), or '' for a plain tag. */
export interface PoolCard {
  key: CardKey;
  deckId: string;
  card: OwnerCard;
}

/** Owner cards only (basic cards cannot be graded automatically) of the decks, filtered by tags. */
export function quizPool(decks: readonly Deck[], tags: readonly string[]): PoolCard[] {
  const keep = matchesTags(tags);
  const pool: PoolCard[] = [];
  for (const deck of decks) {
    for (const card of deck.cards) {
      if (card.kind === 'owner' && keep(card)) pool.push({ key: cardKey(deck.id, card.id), deckId: deck.id, card });
    }
  }
  return pool;
}

/** Every card by key, hidden built-in decks included (a quiz may outlive a deck being hidden). */
export function cardsByKeyOf(builtin: readonly Deck[], user: readonly Deck[]): Map<CardKey, Card> {
  const map = new Map<CardKey, Card>();
  for (const deck of [...builtin, ...user]) for (const card of deck.cards) map.set(cardKey(deck.id, card.id), card);
  return map;
}

function isStudied(state: CardState | undefined): state is CardState {
  return state !== undefined && state.state !== 0 && state.lastReview !== null;
}

/** Pool entries with the weak-area inputs: FSRS lapses and recall, and past quiz misses. */
function weightedPool(pool: readonly PoolCard[], attempts: readonly QuizAttempt[], now: number): PoolEntry[] {
  const states = getCollection().states;
  const wrong = quizWrongCounts(attempts);
  return pool.map(({ key, card }) => {
    const state = states.get(key);
    return {
      key,
      sibling: `${key.slice(0, key.indexOf('/'))}/${card.sibling}`,
      weakness: {
        lapses: state?.lapses ?? 0,
        quizWrong: wrong.get(key) ?? 0,
        retrievability: isStudied(state) ? retrievabilityOf(state, now) : null,
      },
    };
  });
}

// ------------------------------------------------------------------ slice

function withAttempt(attempts: readonly QuizAttempt[], attempt: QuizAttempt): QuizAttempt[] {
  return [...attempts.filter((a) => a.id !== attempt.id), attempt].slice(-MAX_ATTEMPTS);
}

export const createQuizSlice: StateCreator<AppState, [], [], QuizSlice> = (set, get) => {
  function allCards(): CardsByKey {
    const { builtinDecks, userDecks } = get();
    return cardsByKeyOf(builtinDecks, userDecks);
  }

  /** Stores a changed quiz; a newly submitted one also adds its attempt to the history. */
  function save(quiz: QuizSession, attempts: QuizAttempt[] = get().quizAttempts): void {
    const c = getCollection();
    let nextAttempts = attempts;
    if (quiz.submittedAt !== null && !attempts.some((a) => a.id === quiz.id)) {
      const attempt = toAttempt(quiz, allCards());
      if (attempt) {
        nextAttempts = withAttempt(attempts, attempt);
        c.setDoc(QUIZ_DOCS.attempts, nextAttempts);
      }
    }
    c.setDoc(QUIZ_DOCS.current, quiz);
    set({ quiz, quizAttempts: nextAttempts, storage: storageInfo(get().storage) });
  }

  /** Applies a pure transition to the current quiz, storing the result if anything changed. */
  function update(transition: (quiz: QuizSession, now: number) => QuizSession): void {
    const quiz = get().quiz;
    if (!quiz) return;
    const now = Date.now();
    const next = transition(submitIfExpired(quiz, now), now);
    if (next !== quiz) save(next);
  }

  return {
    quiz: null,
    quizAttempts: [],
    quizSetup: DEFAULT_QUIZ_SETUP,

    loadQuizState: () => {
      const c = getCollection();
      const attempts = c.getDoc(QUIZ_DOCS.attempts, parseQuizAttempts) ?? [];
      const setup = c.getDoc(QUIZ_DOCS.setup, parseQuizSetup) ?? DEFAULT_QUIZ_SETUP;
      const stored = c.getDoc(QUIZ_DOCS.current, parseQuizSession) ?? null;
      set({ quizAttempts: attempts, quizSetup: setup, quiz: stored, storage: storageInfo() });
      // A timed quiz whose time ran out while the app was closed is submitted now.
      if (stored) {
        const checked = submitIfExpired(stored, Date.now());
        if (checked !== stored || (checked.submittedAt !== null && !attempts.some((a) => a.id === checked.id))) save(checked, attempts);
      }
    },

    startQuiz: (setup) => {
      const { builtinDecks, userDecks, settings, quizAttempts } = get();
      const now = Date.now();
      const decks = quizDecks(visibleDecks(builtinDecks, userDecks, settings), settings, setup.deckIds);
      const pool = quizPool(decks, setup.tags);
      const keys = selectQuestions({
        pool: weightedPool(pool, quizAttempts, now),
        count: setup.count,
        focusWeak: setup.focusWeak,
        random: mulberry32(now),
      });
      const c = getCollection();
      c.setDoc(QUIZ_DOCS.setup, setup);
      set({ quizSetup: setup });
      if (keys.length === 0) return false;
      const quiz = startSession({
        id: `quiz-${now.toString(36)}`,
        mode: setup.mode,
        keys,
        now,
        timed: setup.mode === 'exam' && setup.timed,
      });
      save(quiz);
      return true;
    },

    answerQuizQuestion: (choice) => update((q, now) => answerSession(q, q.current, choice, now)),
    toggleQuizFlag: () => update((q) => toggleFlagSession(q, q.current)),
    goToQuizQuestion: (index) => update((q) => goTo(q, index)),
    nextQuizQuestion: () => update((q) => nextSession(q)),
    prevQuizQuestion: () => update((q) => prevSession(q)),
    submitQuiz: () => update((q, now) => submitSession(q, now)),
    checkQuizTime: () => update((q) => q),

    discardQuiz: () => {
      getCollection().removeDoc(QUIZ_DOCS.current);
      set({ quiz: null, storage: storageInfo() });
    },

    studyMissedCards: () => {
      const quiz = get().quiz;
      const attempt = quiz ? get().quizAttempts.find((a) => a.id === quiz.id) : undefined;
      if (!attempt) return { due: 0, stillNew: 0 };
      const c = getCollection();
      const now = Date.now();
      // States are stored to the second; round down so the cards are due at `now`, not just after.
      const due = Math.floor(now / 1000) * 1000;
      const changes: [CardKey, CardState][] = [];
      let stillNew = 0;
      for (const key of new Set(attempt.missedKeys)) {
        const state = c.states.get(key);
        if (state) changes.push([key, { ...state, due: Math.min(state.due, due) }]);
        else stillNew += 1;
      }
      if (changes.length > 0) {
        c.setStates(changes);
        set((s) => ({ version: s.version + 1, clock: now, storage: storageInfo() }));
      }
      return { due: changes.length, stillNew };
    },
  };
};

