import { expect, test } from 'vitest';
import type { Card } from '../deck/types';
import type { CardState, ReviewEntry } from '../schedule/types';
import { deckCounts } from './deckCounts';

const MIN = 60_000;
const DAY = 86_400_000;
const UTC = { timeZone: 'UTC' };
const NOW = Date.UTC(2025, 0, 6, 10);

const card = (id: string, sibling = id): Card => ({ kind: 'basic', id, question: 'q', explanation: '', tags: [], source: 's', sibling, answer: 'a' });
const due = (at: number): CardState => ({ due: at, stability: 10, difficulty: 5, scheduledDays: 10, learningSteps: 0, reps: 3, lapses: 0, state: 2, lastReview: at - 10 * DAY });
const learning = (at: number): CardState => ({ ...due(at), state: 1, scheduledDays: 0, lastReview: at - 10 * MIN });
const entry = (key: string, state: 0 | 2, review = NOW - MIN): ReviewEntry => ({ key, review, rating: 3, state, duration: 1000 });

const decks = [
  { id: 'a', cards: Array.from({ length: 30 }, (_, i) => card(`n${i}`)) },
  { id: 'b', cards: [card('r1'), card('r2'), card('r3', 'x'), card('r4', 'x'), card('l1'), card('future'), card('new')] },
  { id: 'empty', cards: [] },
];
const states = new Map<string, CardState>([
  ['b/r1', due(NOW - DAY)],
  ['b/r2', due(NOW - MIN)],
  ['b/r3', due(NOW - DAY)],
  ['b/r4', due(NOW - DAY)],
  ['b/l1', learning(NOW + 30 * MIN)],
  ['b/future', due(NOW + 3 * DAY)],
]);

test.each([
  ['no answers today', [], {}, { a: [20, 0, 0], b: [1, 1, 3], empty: [0, 0, 0] }],
  ['new cards studied today in deck a use up its limit only', [entry('a/n0', 0), entry('a/n1', 0)], {}, { a: [18, 0, 0], b: [1, 1, 3], empty: [0, 0, 0] }],
  ['reviews done today in deck b', [entry('b/z', 2), entry('b/y', 2)], { reviewsPerDay: 3 }, { a: [20, 0, 0], b: [1, 1, 1], empty: [0, 0, 0] }],
  ['yesterday’s answers do not count', [entry('a/n0', 0, NOW - DAY)], { newPerDay: 5 }, { a: [5, 0, 0], b: [1, 1, 3], empty: [0, 0, 0] }],
  ['custom limits', [], { newPerDay: 0, reviewsPerDay: 1 }, { a: [0, 0, 0], b: [0, 1, 1], empty: [0, 0, 0] }],
])('%s', (_name, entries, limits, expected) => {
  const counts = deckCounts({ decks, states, entries, now: NOW, day: UTC, limits });
  expect([...counts.keys()]).toEqual(['a', 'b', 'empty']);
  const flat = Object.fromEntries([...counts].map(([id, c]) => [id, [c.new, c.learning, c.review]]));
  expect(flat).toEqual(expected);
});
