import { expect, test } from 'vitest';
import type { FsrsState, GradeValue, ReviewEntry } from '../schedule/types';
import { sessionSummary } from './session';

const e = (key: string, rating: GradeValue, state: FsrsState, duration: number): ReviewEntry => ({ key, review: 0, rating, state, duration });

test.each([
  ['an empty session', [], 0, { answers: 0, cards: 0, newCards: 0, correct: 0, accuracy: null, timeMs: 0, dueTomorrow: 0 }],
  [
    'owner cards: Again is wrong, anything above is right',
    [e('d/a', 3, 2, 4000), e('d/b', 1, 2, 6000), e('d/c', 3, 0, 2000), e('d/d', 3, 2, 3000)],
    12,
    { answers: 4, cards: 4, newCards: 1, correct: 3, accuracy: 0.75, timeMs: 15000, dueTomorrow: 12 },
  ],
  [
    'learning steps of one card count as answers of one card',
    [e('d/a', 1, 0, 1000), e('d/a', 3, 1, 1000), e('d/a', 3, 1, 1000)],
    0,
    { answers: 3, cards: 1, newCards: 1, correct: 2, accuracy: 2 / 3, timeMs: 3000, dueTomorrow: 0 },
  ],
  [
    'Hard counts as recalled; negative durations count as 0',
    [e('d/a', 2, 2, -50), e('d/b', 4, 2, 800)],
    3,
    { answers: 2, cards: 2, newCards: 0, correct: 2, accuracy: 1, timeMs: 800, dueTomorrow: 3 },
  ],
])('%s', (_name, entries, dueTomorrow, expected) => {
  expect(sessionSummary(entries, dueTomorrow)).toStrictEqual(expected);
});
