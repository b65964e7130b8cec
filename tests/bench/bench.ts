/**
 * In-page micro-benchmarks for `npm run bench` (driven by tests/bench/run.mjs through
 * `window.srmBench`). Everything here runs the app's real modules: the collection on the
 * page's real localStorage (or, when a collection does not fit there, on the app's own
 * MemoryStorage, which run.mjs marks in the table), the queue, the scheduler and ts-fsrs.
 */
import { FSRS, State, type Card as FsrsCard, type Grade, type ReviewLog } from 'ts-fsrs';
import { cardKey, type CardKey, type Deck } from '../../src/core/deck/types';
import { studyDayBounds } from '../../src/core/schedule/day';
import { createScheduler, DEFAULT_SCHEDULER_PARAMS, LEARNING_STEPS, RELEARNING_STEPS } from '../../src/core/schedule/fsrs';
import { buildQueue, todayCounts, type QueueCard } from '../../src/core/schedule/queue';
import type { CardState, GradeValue, ReviewEntry } from '../../src/core/schedule/types';
import { parseStoredDeck, USER_DECK_PREFIX } from '../../src/store/decks';
import { openCollection } from '../../src/store/persist/collection';
import { PREFIX } from '../../src/store/persist/layout';
import { isQuotaError, MemoryStorage, type StorageLike } from '../../src/store/persist/storage';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/store/settings';
import { resetStoreForTests, useAppStore } from '../../src/store/store';
import { DAY, synthetic, syntheticLayout, BENCH_DECK_ID } from './synthetic';
import { mulberry32 } from '../../src/core/quiz/random';

export type Mode = 'local' | 'memory';

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export interface SeedResult {
  fits: boolean;
  chars: number;
  error: string | null;
}

export interface StartupResult {
  open: number;
  decks: number;
  /** counts + cards + build. */
  queue: number;
  /** entriesSince(day start) + todayCounts. */
  counts: number;
  /** The queue's card list from the decks. */
  cardList: number;
  build: number;
  total: number;
  allEntries: number;
  cards: number;
  states: number;
  entries: number;
  queueLength: number;
  problems: number;
}

export interface StorageResult {
  total: number;
  collection: number;
  deckDocs: number;
  parts: Record<string, number>;
  naiveJson: number;
}

export interface WrapperResult {
  calls: number;
  rounds: number;
  /** Per call, median round. */
  bareUs: number;
  wrapperUs: number;
  /** Per call, fastest round. */
  bareMinUs: number;
  wrapperMinUs: number;
  /** Median over rounds of (wrapped ÷ bare) − 1. */
  overhead: number;
}

export interface BenchApi {
  seedLocal(cards: number, now: number, logsPerCard?: number): SeedResult;
  clearLocal(): void;
  layout(cards: number, now: number): Record<string, string>;
  startup(cards: number, now: number, mode: Mode): StartupResult;
  storage(cards: number, now: number, mode: Mode): StorageResult;
  persist(cards: number, now: number, mode: Mode, answers: number): Percentiles;
  storeAnswers(cards: number, now: number, mode: Mode, answers: number): Promise<Percentiles>;
  wrapper(cards: number, now: number, mode: Mode): WrapperResult;
}

declare global {
  interface Window {
    srmBench?: BenchApi;
  }
}

const LOGS_PER_CARD = 10;

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? Number.NaN, mean };
}

const median = (xs: readonly number[]): number => percentiles(xs).p50;

function srmKeys(storage: StorageLike): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (key !== null && key.startsWith(PREFIX)) keys.push(key);
  }
  return keys;
}

function clearLocal(): void {
  for (const key of srmKeys(localStorage)) localStorage.removeItem(key);
}

/** The page's storage for `mode`; in memory mode a fresh MemoryStorage seeded with the synthetic layout (not timed). */
function storageFor(cards: number, now: number, mode: Mode): StorageLike {
  if (mode === 'local') return localStorage;
  return new MemoryStorage({ initial: syntheticLayout(synthetic(cards, LOGS_PER_CARD, now), now) });
}

/** The store's queue input, built the way src/store/selectors.ts builds it (siblings keyed per deck). */
function queueCardsOf(decks: readonly Deck[]): QueueCard[] {
  const out: QueueCard[] = [];
  for (const deck of decks) for (const card of deck.cards) out.push({ key: cardKey(deck.id, card.id), sibling: `${deck.id}/${card.sibling}` });
  return out;
}

function seedLocal(cards: number, now: number, logsPerCard = LOGS_PER_CARD): SeedResult {
  clearLocal();
  const layout = syntheticLayout(synthetic(cards, logsPerCard, now), now);
  let chars = 0;
  for (const [key, value] of Object.entries(layout)) chars += key.length + value.length;
  try {
    for (const [key, value] of Object.entries(layout)) localStorage.setItem(key, value);
    return { fits: true, chars, error: null };
  } catch (error) {
    clearLocal();
    return { fits: false, chars, error: isQuotaError(error) ? 'QuotaExceededError' : String(error) };
  }
}

/**
 * Start-up as the app does it: open the collection (read every key, parse and validate the
 * shards, key tables and documents, check the log chunks), read settings and validate the
 * stored decks, then today's counts and the queue over every card.
 */
function startup(cards: number, now: number, mode: Mode): StartupResult {
  const storage = storageFor(cards, now, mode);
  const t0 = performance.now();
  const { collection, report } = openCollection(storage, { now });
  const t1 = performance.now();
  const settings = collection.getDoc('settings', parseSettings) ?? DEFAULT_SETTINGS;
  const decks: Deck[] = [];
  for (const name of collection.docNames()) {
    if (!name.startsWith(USER_DECK_PREFIX)) continue;
    const deck = collection.getDoc(name, parseStoredDeck);
    if (deck) decks.push(deck);
  }
  const t2 = performance.now();
  const day = { hour: settings.dayStartHour };
  const { start } = studyDayBounds(now, day);
  const today = todayCounts(collection.entriesSince(start), start);
  const tCounts = performance.now();
  const queueCards = queueCardsOf(decks);
  const tCards = performance.now();
  const queue = buildQueue({
    cards: queueCards,
    states: collection.states,
    now,
    day,
    limits: { newPerDay: settings.newPerDay, reviewsPerDay: settings.reviewsPerDay },
    today,
  });
  const t3 = performance.now();
  const entries = collection.entries().length;
  const t4 = performance.now();
  return {
    open: t1 - t0,
    decks: t2 - t1,
    queue: t3 - t2,
    counts: tCounts - t2,
    cardList: tCards - tCounts,
    build: t3 - tCards,
    total: t3 - t0,
    allEntries: t4 - t3,
    cards: decks.reduce((sum, d) => sum + d.cards.length, 0),
    states: collection.states.size,
    entries,
    queueLength: queue.items.length,
    problems: report.problems.length,
  };
}

/** What a naive store would keep: ts-fsrs Card objects by key and every ReviewLog with its key, as JSON. */
function naiveJsonChars(cards: number, now: number): number {
  const data = synthetic(cards, LOGS_PER_CARD, now);
  const cardsOut: Record<string, FsrsCard> = {};
  for (const [key, s] of data.states) {
    cardsOut[key] = {
      due: new Date(s.due),
      stability: s.stability,
      difficulty: s.difficulty,
      elapsed_days: 0,
      scheduled_days: s.scheduledDays,
      learning_steps: s.learningSteps,
      reps: s.reps,
      lapses: s.lapses,
      state: s.state as number as State,
      last_review: s.lastReview === null ? undefined : new Date(s.lastReview),
    };
  }
  const random = mulberry32(99);
  const logs: (ReviewLog & { key: CardKey })[] = data.entries.map((e) => {
    const scheduled = Math.floor(random() * 60);
    return {
      key: e.key,
      rating: e.rating as Grade,
      state: e.state as State,
      due: new Date(e.review - scheduled * DAY),
      stability: 0.1 + random() * 300,
      difficulty: 1 + random() * 9,
      elapsed_days: scheduled,
      last_elapsed_days: Math.floor(random() * 60),
      scheduled_days: scheduled,
      learning_steps: 0,
      review: new Date(e.review),
    };
  });
  return JSON.stringify({ cards: cardsOut, logs }).length;
}

function storage(cards: number, now: number, mode: Mode): StorageResult {
  const store = storageFor(cards, now, mode);
  const { collection } = openCollection(store, { now });
  const usage = collection.usage();
  let deckDocs = 0;
  for (const key of srmKeys(store)) {
    if (key.startsWith(`${PREFIX}doc:${USER_DECK_PREFIX}`)) deckDocs += key.length + (store.getItem(key)?.length ?? 0);
  }
  const { total, ...parts } = usage;
  return { total, collection: total - deckDocs, deckDocs, parts: { ...parts, docsWithoutDecks: parts.docs - deckDocs }, naiveJson: naiveJsonChars(cards, now) };
}

interface PlannedAnswer {
  key: CardKey;
  state: CardState;
  entry: ReviewEntry;
}

/** `answers` answers starting an hour after `now`, 8 s apart: 9 in 10 on known cards, 1 in 10 on a card never stored. */
function planAnswers(states: ReadonlyMap<CardKey, CardState>, now: number, answers: number): PlannedAnswer[] {
  const scheduler = createScheduler();
  const keys = [...states.keys()];
  const random = mulberry32(7);
  const out: PlannedAnswer[] = [];
  for (let k = 0; k < answers; k += 1) {
    const key = k % 10 === 9 || keys.length === 0 ? cardKey(BENCH_DECK_ID, `new-${k}`) : (keys[Math.floor(random() * keys.length)] ?? '');
    const grade = (1 + Math.floor(random() * 4)) as GradeValue;
    const result = scheduler.review(key, states.get(key), now + 3_600_000 + k * 8_000, grade, 6_500);
    out.push({ key, state: result.state, entry: result.entry });
  }
  return out;
}

/** One answer persisted: `recordReview` (state shard, last log chunk, key table for a new card). */
function persist(cards: number, now: number, mode: Mode, answers: number): Percentiles {
  const { collection } = openCollection(storageFor(cards, now, mode), { now });
  const plan = planAnswers(collection.states, now, answers);
  const times: number[] = [];
  for (const a of plan) {
    const t0 = performance.now();
    const status = collection.recordReview(a.key, a.state, a.entry);
    times.push(performance.now() - t0);
    if (status !== 'ok') throw new Error(`recordReview: ${status}`);
  }
  return percentiles(times);
}

/** One answer through the store, as the Study screen gives it: schedule, persist, session document. */
async function storeAnswers(cards: number, now: number, mode: Mode, answers: number): Promise<Percentiles> {
  resetStoreForTests(storageFor(cards, now, mode));
  await useAppStore.getState().init();
  const state = useAppStore.getState();
  if (state.loadError !== null) throw new Error(state.loadError);
  const keys = [...state.userDecks.flatMap((d) => d.cards.map((c) => cardKey(d.id, c.id)))];
  const random = mulberry32(11);
  const start = Date.now();
  const times: number[] = [];
  for (let k = 0; k < answers; k += 1) {
    const key = keys[Math.floor(random() * keys.length)] ?? '';
    const t0 = performance.now();
    useAppStore.getState().answerCard(key, (1 + Math.floor(random() * 4)) as GradeValue, 6_500, start + k * 8_000);
    times.push(performance.now() - t0);
  }
  const status = useAppStore.getState().storage.status;
  if (status !== 'ok') throw new Error(`answerCard: storage ${status}`);
  return percentiles(times);
}

/**
 * The scheduler wrapper (`createScheduler().review`: CardState → ts-fsrs Card, `next`, Card →
 * CardState, undo token) against a bare ts-fsrs `next` with the same parameters on the same
 * cards, times and grades: WRAPPER_CALLS calls a round (cycling through the collection's
 * cards), short rounds of each alternating (a busy machine then disturbs both of a pair alike); overhead = median over rounds of wrapped ÷ bare − 1.
 */
const WRAPPER_CALLS = 1_000;
const WRAPPER_ROUNDS = 80;

function wrapper(cards: number, now: number, mode: Mode): WrapperResult {
  const { collection } = openCollection(storageFor(cards, now, mode), { now });
  const all = [...collection.states.keys()];
  const calls = WRAPPER_CALLS;
  const keys = Array.from({ length: calls }, (_, i) => all[i % all.length] ?? '');
  const states = keys.map((k) => collection.states.get(k));
  const times = keys.map((_, i) => Math.max(now, (states[i]?.lastReview ?? now) + 1) + i * 1_000);
  const grades = keys.map((_, i) => ((i % 4) + 1) as GradeValue);
  const scheduler = createScheduler();
  const f = new FSRS({
    request_retention: DEFAULT_SCHEDULER_PARAMS.desiredRetention,
    maximum_interval: DEFAULT_SCHEDULER_PARAMS.maximumIntervalDays,
    enable_fuzz: true,
    enable_short_term: true,
    learning_steps: LEARNING_STEPS,
    relearning_steps: RELEARNING_STEPS,
  });
  const fsrsCards: FsrsCard[] = states.map((s) => ({
    due: new Date(s?.due ?? now),
    stability: s?.stability ?? 0,
    difficulty: s?.difficulty ?? 0,
    elapsed_days: 0,
    scheduled_days: s?.scheduledDays ?? 0,
    learning_steps: s?.learningSteps ?? 0,
    reps: s?.reps ?? 0,
    lapses: s?.lapses ?? 0,
    state: (s?.state ?? 0) as number as State,
    last_review: s?.lastReview == null ? undefined : new Date(s.lastReview),
  }));
  const dates = times.map((t) => new Date(t));
  let sink = 0;
  const bareRound = (): number => {
    const t0 = performance.now();
    for (let i = 0; i < calls; i += 1) sink += f.next(fsrsCards[i] as FsrsCard, dates[i] as Date, grades[i] as Grade).card.due.getTime();
    return performance.now() - t0;
  };
  const wrappedRound = (): number => {
    const t0 = performance.now();
    for (let i = 0; i < calls; i += 1) sink += scheduler.review(keys[i] ?? '', states[i], times[i] ?? now, grades[i] ?? 3, 6_500).state.due;
    return performance.now() - t0;
  };
  // Warm both paths up, then alternate (and swap the order every round) so that drift, GC
  // and other processes on the machine hit both alike.
  bareRound();
  wrappedRound();
  const bare: number[] = [];
  const wrapped: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < WRAPPER_ROUNDS; r += 1) {
    let b: number;
    let w: number;
    if (r % 2 === 0) {
      b = bareRound();
      w = wrappedRound();
    } else {
      w = wrappedRound();
      b = bareRound();
    }
    bare.push(b);
    wrapped.push(w);
    ratios.push(w / b);
  }
  if (!Number.isFinite(sink)) throw new Error('unexpected scheduler output');
  return {
    calls,
    rounds: WRAPPER_ROUNDS,
    bareUs: (median(bare) * 1000) / calls,
    wrapperUs: (median(wrapped) * 1000) / calls,
    bareMinUs: (Math.min(...bare) * 1000) / calls,
    wrapperMinUs: (Math.min(...wrapped) * 1000) / calls,
    overhead: median(ratios) - 1,
  };
}

window.srmBench = {
  seedLocal,
  clearLocal,
  layout: (cards, now) => syntheticLayout(synthetic(cards, LOGS_PER_CARD, now), now),
  startup,
  storage,
  persist,
  storeAnswers,
  wrapper,
};
