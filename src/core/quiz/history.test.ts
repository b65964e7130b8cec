import { describe, expect, test } from 'vitest';
import type { Card, Owner, OwnerCard } from '../deck/types';
import { quizWrongCounts, toAttempt, trend, type QuizAttempt } from './history';
import { answer, startQuiz, submit } from './session';

const T0 = Date.UTC(2025, 4, 1, 12, 0, 0);
const DAY = 86_400_000;

function ownerCard(id: string, owner: Owner, tags: string[]): OwnerCard {
  return { id, kind: 'owner', answer: owner, question: `Q ${id}`, explanation: `E ${id}`, tags, source: 't', sibling: id };
}

const CARDS: Card[] = [
  ownerCard('a', 'AWS', ['category:infrastructure']),
  ownerCard('b', 'Customer', ['category:infrastructure']),
  ownerCard('c', 'Shared', ['category:abstracted']),
];
const CARDS_BY_KEY = new Map(CARDS.map((c) => [`d/${c.id}`, c]));
const KEYS = ['d/a', 'd/b', 'd/c'];

function attempt(id: string, finishedAt: number, percent: number, missedKeys: string[] = []): QuizAttempt {
  return {
    id,
    mode: 'exam',
    finishedAt,
    total: 10,
    correct: percent / 10,
    percent,
    breakdown: { category: [], owner: [] },
    missedKeys,
  };
}

describe('toAttempt', () => {
  test('summarises a submitted quiz without card texts', () => {
    let q = startQuiz({ id: 'quiz-1', mode: 'practice', keys: KEYS, now: T0, timed: false });
    q = answer(q, 0, 'AWS', T0 + 1000);
    q = answer(q, 1, 'AWS', T0 + 2000);
    q = submit(q, T0 + 5000);
    const result = toAttempt(q, CARDS_BY_KEY);
    expect(result).toEqual({
      id: 'quiz-1',
      mode: 'practice',
      finishedAt: T0 + 5000,
      total: 3,
      correct: 1,
      percent: 33,
      breakdown: {
        category: [
          { label: 'abstracted', correct: 0, total: 1, percent: 0 },
          { label: 'infrastructure', correct: 1, total: 2, percent: 50 },
        ],
        owner: [
          { label: 'Customer', correct: 0, total: 1, percent: 0 },
          { label: 'Shared', correct: 0, total: 1, percent: 0 },
          { label: 'AWS', correct: 1, total: 1, percent: 100 },
        ],
      },
      missedKeys: ['d/b', 'd/c'],
    });
    expect(JSON.stringify(result)).not.toContain('Q a');
  });

  test('a running quiz has no attempt yet', () => {
    const q = startQuiz({ id: 'quiz-2', mode: 'exam', keys: KEYS, now: T0, timed: true });
    expect(toAttempt(q, CARDS_BY_KEY)).toBeNull();
  });
});

describe('trend', () => {
  test.each([
    { label: 'no attempts', percents: [], expected: { percents: [], latest: null, previous: null, change: null, best: null, count: 0 } },
    { label: 'one attempt', percents: [55], expected: { percents: [55], latest: 55, previous: null, change: null, best: 55, count: 1 } },
    {
      label: 'improving',
      percents: [40, 60, 70],
      expected: { percents: [40, 60, 70], latest: 70, previous: 60, change: 10, best: 70, count: 3 },
    },
    {
      label: 'worse than last time',
      percents: [80, 90, 60],
      expected: { percents: [80, 90, 60], latest: 60, previous: 90, change: -30, best: 90, count: 3 },
    },
  ])('$label', ({ percents, expected }) => {
    const attempts = percents.map((p, i) => attempt(`a${i}`, T0 + i * DAY, p));
    expect(trend(attempts)).toEqual(expected);
  });

  test('sorts by finish time and keeps only the last N percents', () => {
    const attempts = [attempt('x', T0 + 3 * DAY, 90), attempt('y', T0, 10), attempt('z', T0 + DAY, 50), attempt('w', T0 + 2 * DAY, 70)];
    expect(trend(attempts, 3)).toMatchObject({ percents: [50, 70, 90], latest: 90, previous: 70, change: 20, best: 90, count: 4 });
  });
});

describe('quizWrongCounts', () => {
  test('counts the attempts that missed each card', () => {
    const counts = quizWrongCounts([
      attempt('1', T0, 50, ['d/a', 'd/b']),
      attempt('2', T0 + DAY, 70, ['d/a']),
      attempt('3', T0 + 2 * DAY, 100, []),
      attempt('4', T0 + 3 * DAY, 60, ['d/a', 'd/a', 'd/c']),
    ]);
    expect(Object.fromEntries(counts)).toEqual({ 'd/a': 3, 'd/b': 1, 'd/c': 1 });
  });

  test('no attempts, no counts', () => {
    expect(quizWrongCounts([]).size).toBe(0);
  });
});
