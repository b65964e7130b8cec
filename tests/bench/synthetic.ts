/**
 * A deterministic synthetic learner for the benchmark: one imported deck of N owner cards
 * (stored as the document `deck:bench`, the shape `parseStoredDeck` validates) and progress
 * for it, relative to a given `now`, so that the study queue has plenty of due work:
 * ~10% new cards, ~5% learning/relearning cards due around now, the rest reviews whose due
 * dates spread from 5 days ago to 90 days ahead. The review log has `logsPerCard × N` entries,
 * one session of 50 answers a day, the last one yesterday (today's counts start at zero).
 *
 * tests/fixtures/storage/fake-collection.ts is not reused: its keys belong to the built-in
 * deck ids (no deck to study them from) and its due dates are fixed in 2025, so nothing
 * would be "due today" in the real app.
 */
import type { CardKey } from '../../src/core/deck/types';
import { cardKey, OWNERS } from '../../src/core/deck/types';
import type { CardState, FsrsState, GradeValue, ReviewEntry } from '../../src/core/schedule/types';
import { encodeLayout } from '../../src/store/persist/encode-layout';
import { DEFAULT_SETTINGS } from '../../src/store/settings';
import { userDeckDocName } from '../../src/store/decks';
import { mulberry32 } from '../../src/core/quiz/random';

export const BENCH_DECK_ID = 'bench';
export const DAY = 86_400_000;


export interface StoredDeckDoc {
  id: string;
  name: string;
  description: string;
  builtIn: false;
  cards: {
    id: string;
    kind: 'owner';
    question: string;
    answer: (typeof OWNERS)[number];
    explanation: string;
    tags: string[];
    source: string;
    sibling: string;
  }[];
}

export interface Synthetic {
  deck: StoredDeckDoc;
  /** Card states at full (unrounded) precision, as ts-fsrs would produce them. */
  states: Map<CardKey, CardState>;
  entries: ReviewEntry[];
}

export function syntheticDeck(cards: number): StoredDeckDoc {
  const out: StoredDeckDoc['cards'] = [];
  for (let n = 0; n < cards; n += 1) {
    out.push({
      id: `c${n}`,
      kind: 'owner',
      question: `Bench card ${n}: who is responsible for control ${n % 997}?`,
      answer: OWNERS[n % 3] ?? 'AWS',
      explanation: '',
      tags: [],
      source: '',
      sibling: `f${Math.floor(n / 3)}`,
    });
  }
  return { id: BENCH_DECK_ID, name: 'Benchmark deck', description: `${cards} synthetic cards`, builtIn: false, cards: out };
}

export function synthetic(cards: number, logsPerCard: number, now: number, seed = 1): Synthetic {
  const random = mulberry32(seed);
  const deck = syntheticDeck(cards);
  const states = new Map<CardKey, CardState>();
  const studied: CardKey[] = [];
  for (const card of deck.cards) {
    const key = cardKey(BENCH_DECK_ID, card.id);
    const r = random();
    if (r < 0.1) continue; // new
    const learning = r < 0.15;
    const scheduledDays = learning ? 0 : 1 + Math.floor(random() * 120);
    const due = learning ? now + Math.floor((random() - 0.5) * 3_600_000) : now + Math.floor((random() * 95 - 5) * DAY);
    const lastReview = Math.min(due - Math.max(scheduledDays * DAY, 600_000), now - 60_000);
    const state: FsrsState = learning ? (random() < 0.5 ? 1 : 3) : 2;
    states.set(key, {
      due,
      stability: 0.1 + random() * 300,
      difficulty: 1 + random() * 9,
      scheduledDays,
      learningSteps: learning ? Math.floor(random() * 2) : 0,
      reps: 1 + Math.floor(random() * 40),
      lapses: Math.floor(random() * 5),
      state,
      lastReview,
    });
    studied.push(key);
  }
  const total = cards * logsPerCard;
  const sessions = Math.ceil(total / 50);
  const entries: ReviewEntry[] = [];
  for (let k = 0; k < total; k += 1) {
    const session = Math.floor(k / 50);
    // Session s starts (sessions − s) days ago at 09:00-ish; answers ~10 s apart.
    const time = now - (sessions - session) * DAY + (k % 50) * 10_000 + Math.floor(random() * 8_000);
    entries.push({
      key: studied[Math.floor(random() * studied.length)] ?? cardKey(BENCH_DECK_ID, 'c0'),
      review: time,
      rating: (1 + Math.floor(random() * 4)) as GradeValue,
      state: Math.floor(random() * 4) as FsrsState,
      duration: 1_000 + Math.floor(random() * 20_000),
    });
  }
  return { deck, states, entries };
}

/** The complete stored layout (storage key → value): progress, settings and the deck document. */
export function syntheticLayout(data: Synthetic, now: number): Record<string, string> {
  const docs = new Map<string, string>([
    ['settings', JSON.stringify(DEFAULT_SETTINGS)],
    [userDeckDocName(BENCH_DECK_ID), JSON.stringify(data.deck)],
  ]);
  return encodeLayout({ states: data.states, entries: data.entries, docs }, { created: now - 3 * 365 * DAY, epoch: 'bench' });
}
