/**
 * The study queue for "now": which card comes next, Anki style.
 *
 * 1. Learning and relearning cards that are due (learning steps are never limited and
 *    continue even when a sibling was studied today).
 * 2. Reviews due before the next study day (by due, then key), capped by the daily review
 *    limit, with new cards (deck order, capped by the daily new limit plus `extraNew`)
 *    spread evenly between them.
 * 3. Only when nothing above is left: learning cards due within the learn-ahead window.
 * 4. With `reviewAhead`: cards due on later days, soonest first.
 *
 * Siblings (same non-empty `sibling`) are kept apart: once one was answered today, or is in
 * its learning steps today, the others wait for another day; of two untouched siblings only
 * the first in queue order is taken.
 *
 * One pass over the cards plus sorts of the candidates; called after every answer.
 */
import { cardKey, type CardKey, type Deck } from '../deck/types';
import type { CardState, ReviewEntry } from './types';
import { nextStudyDayStart, studyDayBounds, type StudyDayOptions } from './day';

export interface QueueCard {
  readonly key: CardKey;
  /** Cards sharing a non-empty sibling key are not shown on the same day. */
  readonly sibling: string;
}

export interface DailyLimits {
  newPerDay: number;
  reviewsPerDay: number;
}

export const DEFAULT_LIMITS: Readonly<DailyLimits> = Object.freeze({ newPerDay: 20, reviewsPerDay: 200 });

/** Answers already given today that count against the limits (see `todayCounts`). */
export interface TodayCounts {
  newStudied: number;
  reviewsStudied: number;
}

export interface QueueOptions {
  /** Extra new cards allowed today on top of the limit ("study more new cards"). */
  extraNew?: number;
  /** Also queue cards due on later days, soonest first, after today's cards. */
  reviewAhead?: boolean;
  /** When nothing else is left, show learning cards due within this window. Default 20 min. */
  learnAheadMs?: number;
}

export const DEFAULT_LEARN_AHEAD_MS = 20 * 60_000;

export type QueueKind = 'new' | 'learning' | 'review';

export interface QueueItem {
  key: CardKey;
  kind: QueueKind;
}

export interface QueueCounts {
  /** New cards in the queue (within today's new limit). */
  new: number;
  /** Learning/relearning cards due before the next study day, including ones not due yet. */
  learning: number;
  /** Reviews in the queue (within today's review limit), plus review-ahead cards if asked. */
  review: number;
}

export interface QueueInput {
  /** The cards in scope, in deck order (new cards are introduced in this order). */
  cards: readonly QueueCard[];
  /** Card states by key; a card without one (or with state 0) is new. */
  states: ReadonlyMap<CardKey, CardState>;
  /** Epoch ms. */
  now: number;
  day?: StudyDayOptions;
  limits?: Partial<DailyLimits>;
  /** Today's answers so far; default none. Derive with `todayCounts`. */
  today?: TodayCounts;
  options?: QueueOptions;
}

export interface StudyQueue {
  /** What to show, in order; the head is the next card. */
  items: QueueItem[];
  counts: QueueCounts;
  /** Earliest due time of a learning card due later today that is not in `items`, or null. */
  nextLearningDue: number | null;
  dayStart: number;
  dayEnd: number;
}

/** The queue's view of a deck's cards. */
export function queueCardsOf(deck: Pick<Deck, 'id' | 'cards'>): QueueCard[] {
  return deck.cards.map((card) => ({ key: cardKey(deck.id, card.id), sibling: card.sibling }));
}

/**
 * Answers since `dayStart` that count against the daily limits: new cards introduced
 * (entries whose prior state was New) and reviews (prior state Review, including lapses).
 * Learning and relearning steps count against nothing. Undone answers must not be in
 * `entries`.
 */
export function todayCounts(entries: readonly ReviewEntry[], dayStart: number): TodayCounts {
  let newStudied = 0;
  let reviewsStudied = 0;
  for (const entry of entries) {
    if (entry.review < dayStart) continue;
    if (entry.state === 0) newStudied += 1;
    else if (entry.state === 2) reviewsStudied += 1;
  }
  return { newStudied, reviewsStudied };
}

function remaining(limit: number, done: number, extra = 0): number {
  return Math.max(0, Math.floor(limit) - done) + Math.max(0, Math.floor(extra));
}

/** Places `fresh` evenly among `reviews`, keeping each list's order. */
function interleave(reviews: readonly number[], fresh: readonly number[], out: number[]): void {
  const total = reviews.length + fresh.length;
  let r = 0;
  let f = 0;
  for (let i = 0; i < total; i += 1) {
    const newSoFar = Math.round(((i + 1) * fresh.length) / total);
    if (r >= reviews.length || f < newSoFar) out.push(fresh[f++]);
    else out.push(reviews[r++]);
  }
}

/** Restores the min-heap property below `j` in `heap[0, size)`. */
function siftDown(heap: number[], j: number, size: number, compare: (a: number, b: number) => number): void {
  const item = heap[j];
  let at = j;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && compare(heap[child + 1], heap[child]) < 0) child += 1;
    if (compare(heap[child], item) >= 0) break;
    heap[at] = heap[child];
    at = child;
  }
  heap[at] = item;
}

const KINDS: readonly QueueKind[] = ['new', 'learning', 'review'];

export function buildQueue(input: QueueInput): StudyQueue {
  const { cards, states, now } = input;
  const { start: dayStart, end: dayEnd } = studyDayBounds(now, input.day);
  const newPerDay = input.limits?.newPerDay ?? DEFAULT_LIMITS.newPerDay;
  const reviewsPerDay = input.limits?.reviewsPerDay ?? DEFAULT_LIMITS.reviewsPerDay;
  const today = input.today ?? { newStudied: 0, reviewsStudied: 0 };
  const options = input.options ?? {};
  const learnAheadUntil = now + (options.learnAheadMs ?? DEFAULT_LEARN_AHEAD_MS);
  const reviewAhead = options.reviewAhead === true;
  const n = cards.length;

  // Gather: classify every card once; remember which sibling groups are taken today.
  const due = new Float64Array(n);
  const kinds = new Uint8Array(n); // index into KINDS
  const taken = new Set<string>();
  const learningNow: number[] = [];
  const learningLater: number[] = [];
  const reviews: number[] = [];
  const fresh: number[] = [];
  const ahead: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const card = cards[i];
    const state = states.get(card.key);
    if (state === undefined || state.state === 0) {
      fresh.push(i);
      continue;
    }
    due[i] = state.due;
    const learning = state.state === 1 || state.state === 3;
    kinds[i] = learning ? 1 : 2;
    const touchedToday = state.lastReview !== null && state.lastReview >= dayStart;
    if ((touchedToday || (learning && state.due < dayEnd)) && card.sibling !== '') taken.add(card.sibling);
    if (learning) {
      if (state.due <= now) learningNow.push(i);
      else if (state.due < dayEnd) learningLater.push(i);
      else if (reviewAhead) ahead.push(i);
    } else if (touchedToday) {
      // Answered today and out of learning: done for the day.
    } else if (state.due < dayEnd) {
      reviews.push(i);
    } else if (reviewAhead) {
      ahead.push(i);
    }
  }

  const byDue = (a: number, b: number): number => {
    const d = due[a] - due[b];
    if (d !== 0) return d;
    const ka = cards[a].key;
    const kb = cards[b].key;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
  /**
   * Takes up to `limit` cards in `byDue` order, skipping cards whose sibling is taken and
   * taking the sibling of each card taken. A heap yields the order lazily: only as many
   * candidates as needed are ordered, so a backlog of thousands costs O(n), not O(n log n).
   */
  const takeByDue = (from: number[], limit: number): number[] => {
    const out: number[] = [];
    if (limit >= from.length) {
      // Everything may be taken: a plain sort is cheaper than draining a heap.
      from.sort(byDue);
      for (const i of from) if (claim(i)) out.push(i);
      return out;
    }
    const heap = from;
    let size = heap.length;
    for (let j = (size >> 1) - 1; j >= 0; j -= 1) siftDown(heap, j, size, byDue);
    while (size > 0 && out.length < limit) {
      const i = heap[0];
      size -= 1;
      heap[0] = heap[size];
      siftDown(heap, 0, size, byDue);
      if (claim(i)) out.push(i);
    }
    return out;
  };
  const claim = (i: number): boolean => {
    const sibling = cards[i].sibling;
    if (sibling === '') return true;
    if (taken.has(sibling)) return false;
    taken.add(sibling);
    return true;
  };

  // Build.
  learningNow.sort(byDue);
  learningLater.sort(byDue);
  const reviewsToday = takeByDue(reviews, remaining(reviewsPerDay, today.reviewsStudied));
  const newLimit = remaining(newPerDay, today.newStudied, options.extraNew);
  const newToday: number[] = [];
  for (let j = 0; j < fresh.length && newToday.length < newLimit; j += 1) {
    if (claim(fresh[j])) newToday.push(fresh[j]);
  }

  const order: number[] = [...learningNow];
  interleave(reviewsToday, newToday, order);
  let learnedAhead = 0;
  if (order.length === 0) {
    while (learnedAhead < learningLater.length && due[learningLater[learnedAhead]] <= learnAheadUntil) {
      order.push(learningLater[learnedAhead]);
      learnedAhead += 1;
    }
  }
  const aheadTaken = reviewAhead ? takeByDue(ahead, Number.POSITIVE_INFINITY) : [];
  for (const i of aheadTaken) order.push(i);

  const items: QueueItem[] = new Array<QueueItem>(order.length);
  for (let j = 0; j < order.length; j += 1) {
    const i = order[j];
    items[j] = { key: cards[i].key, kind: KINDS[kinds[i]] };
  }

  return {
    items,
    counts: {
      new: newToday.length,
      learning: learningNow.length + learningLater.length,
      review: reviewsToday.length + aheadTaken.length,
    },
    nextLearningDue: learnedAhead < learningLater.length ? due[learningLater[learnedAhead]] : null,
    dayStart,
    dayEnd,
  };
}

/** The next card to show, or null when nothing is left for now. */
export function nextCard(input: QueueInput): QueueItem | null {
  return buildQueue(input).items[0] ?? null;
}

/**
 * Cards (already studied, i.e. not new) that fall due during the next study day, for the
 * session summary. Not capped by the limits and not counting cards still due today.
 */
export function dueTomorrow(input: Pick<QueueInput, 'cards' | 'states' | 'now' | 'day'>): number {
  const { end: tomorrowStart } = studyDayBounds(input.now, input.day);
  const tomorrowEnd = nextStudyDayStart(tomorrowStart, input.day);
  let count = 0;
  for (const card of input.cards) {
    const state = input.states.get(card.key);
    if (state !== undefined && state.state !== 0 && state.due >= tomorrowStart && state.due < tomorrowEnd) count += 1;
  }
  return count;
}
