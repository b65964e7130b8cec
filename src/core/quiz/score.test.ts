import { describe, expect, test } from 'vitest';
import type { Card, Owner, OwnerCard } from '../deck/types';
import { breakdown, compareRows, isPassing, missed, scoreQuiz, type BreakdownRow } from './score';
import { answer, startQuiz, submit, type QuizSession } from './session';

const T0 = Date.UTC(2025, 3, 1, 8, 0, 0);

function ownerCard(id: string, owner: Owner, tags: string[]): OwnerCard {
  return {
    id,
    kind: 'owner',
    answer: owner,
    question: `Who is responsible for ${id}?`,
    explanation: `Because ${id}.`,
    tags,
    source: 'test',
    sibling: id,
  };
}

const CARDS: Card[] = [
  ownerCard('hw', 'AWS', ['category:infrastructure', 'service:ec2']),
  ownerCard('os', 'Customer', ['category:infrastructure', 'service:ec2']),
  ownerCard('patch', 'Shared', ['category:infrastructure', 'control:shared']),
  ownerCard('rdsos', 'AWS', ['category:container', 'service:rds']),
  ownerCard('rdsdata', 'Customer', ['category:container', 'service:rds']),
  ownerCard('s3enc', 'Customer', ['category:abstracted', 'service:s3']),
  ownerCard('iam', 'Customer', ['category:global', 'service:iam']),
  ownerCard('untagged', 'AWS', []),
];
const CARDS_BY_KEY = new Map(CARDS.map((c) => [`d/${c.id}`, c]));

/** Answers by card id; a missing id stays unanswered. */
function finishedQuiz(answers: Record<string, Owner>, keys = CARDS.map((c) => `d/${c.id}`)): QuizSession {
  let q = startQuiz({ id: 'q', mode: 'exam', keys, now: T0, timed: true });
  q.questions.forEach((question, index) => {
    const given = answers[question.key.slice(2)];
    if (given !== undefined) q = answer(q, index, given, T0 + 1000);
  });
  return submit(q, T0 + 60_000);
}

describe('isPassing (PASS_MARK 0.7)', () => {
  test.each([
    { correct: 46, total: 65, passed: true },
    { correct: 45, total: 65, passed: false },
    { correct: 7, total: 10, passed: true },
    { correct: 6, total: 10, passed: false },
    { correct: 14, total: 20, passed: true },
    { correct: 0, total: 0, passed: false },
  ])('$correct / $total → passed $passed', ({ correct, total, passed }) => {
    expect(isPassing(correct, total)).toBe(passed);
  });
});

describe('scoreQuiz', () => {
  test('counts right answers; unanswered counts as wrong', () => {
    const q = finishedQuiz({ hw: 'AWS', os: 'Customer', patch: 'AWS', rdsos: 'AWS', s3enc: 'Customer' });
    expect(scoreQuiz(q, CARDS_BY_KEY)).toEqual({ correct: 4, total: 8, percent: 50, passed: false });
  });

  test('all unanswered scores zero', () => {
    expect(scoreQuiz(finishedQuiz({}), CARDS_BY_KEY)).toEqual({ correct: 0, total: 8, percent: 0, passed: false });
  });

  test('a perfect quiz passes', () => {
    const all = Object.fromEntries(CARDS.map((c) => [c.id, c.answer as Owner]));
    expect(scoreQuiz(finishedQuiz(all), CARDS_BY_KEY)).toEqual({ correct: 8, total: 8, percent: 100, passed: true });
  });

  test('questions whose card is gone or not an owner card are left out', () => {
    const basic: Card = { ...ownerCard('b', 'AWS', []), kind: 'basic', answer: 'text' };
    const cards = new Map<string, Card>([...CARDS_BY_KEY, ['d/basic', basic]]);
    const q = finishedQuiz({ hw: 'AWS' }, ['d/hw', 'd/deleted', 'd/basic']);
    expect(scoreQuiz(q, cards)).toEqual({ correct: 1, total: 1, percent: 100, passed: true });
  });
});

describe('breakdown', () => {
  // Right: hw, os (infrastructure 2/3), rdsos (container 1/2), iam (global 1/1); wrong elsewhere.
  const q = finishedQuiz({ hw: 'AWS', os: 'Customer', patch: 'Customer', rdsos: 'AWS', s3enc: 'AWS', iam: 'Customer' });
  const result = breakdown(q, CARDS_BY_KEY);
  const rows = (list: BreakdownRow[]) => list.map((r) => [r.label, r.correct, r.total, r.percent]);

  test('by category, worst first, cards without category as "uncategorised"', () => {
    expect(rows(result.category)).toEqual([
      ['abstracted', 0, 1, 0],
      ['uncategorised', 0, 1, 0],
      ['container', 1, 2, 50],
      ['infrastructure', 2, 3, 67],
      ['global', 1, 1, 100],
    ]);
  });

  test('by owner (the correct answer), worst first', () => {
    // AWS: hw ✓ rdsos ✓ untagged ✗ = 2/3; Customer: os ✓ rdsdata ✗ s3enc ✗ iam ✓ = 2/4; Shared: 0/1.
    expect(rows(result.owner)).toEqual([
      ['Shared', 0, 1, 0],
      ['Customer', 2, 4, 50],
      ['AWS', 2, 3, 67],
    ]);
  });

  test('by tag, worst first (a card without tags adds no row)', () => {
    expect(rows(result.tag)).toEqual([
      ['category:abstracted', 0, 1, 0],
      ['control:shared', 0, 1, 0],
      ['service:s3', 0, 1, 0],
      ['category:container', 1, 2, 50],
      ['service:rds', 1, 2, 50],
      ['category:infrastructure', 2, 3, 67],
      ['service:ec2', 2, 2, 100],
      ['category:global', 1, 1, 100],
      ['service:iam', 1, 1, 100],
    ]);
  });
});

describe('compareRows', () => {
  const row = (label: string, correct: number, total: number): BreakdownRow => ({
    label,
    correct,
    total,
    percent: Math.round((100 * correct) / total),
  });

  test.each([
    { label: 'lower percent first', a: row('x', 1, 4), b: row('a', 1, 2), sign: -1 },
    { label: 'exact ratio, not rounded percent', a: row('a', 2, 3), b: row('b', 667, 1000), sign: -1 },
    { label: 'same percent: larger total first', a: row('z', 2, 4), b: row('a', 1, 2), sign: -1 },
    { label: 'same percent and total: label order', a: row('b', 1, 2), b: row('a', 1, 2), sign: 1 },
    { label: 'identical', a: row('a', 1, 2), b: row('a', 1, 2), sign: 0 },
  ])('$label', ({ a, b, sign }) => {
    expect(Math.sign(compareRows(a, b))).toBe(sign);
  });
});

describe('missed', () => {
  test('lists wrong and unanswered questions in quiz order with both answers and the explanation', () => {
    const q = finishedQuiz({ hw: 'AWS', os: 'AWS', patch: 'Shared', rdsos: 'AWS', rdsdata: 'Customer', iam: 'Customer' });
    expect(missed(q, CARDS_BY_KEY).map((m) => [m.index, m.key, m.given, m.correct])).toEqual([
      [1, 'd/os', 'AWS', 'Customer'],
      [5, 'd/s3enc', null, 'Customer'],
      [7, 'd/untagged', null, 'AWS'],
    ]);
    expect(missed(q, CARDS_BY_KEY)[0]).toMatchObject({
      question: 'Who is responsible for os?',
      explanation: 'Because os.',
      tags: ['category:infrastructure', 'service:ec2'],
    });
  });

  test('nothing missed in a perfect quiz', () => {
    const all = Object.fromEntries(CARDS.map((c) => [c.id, c.answer as Owner]));
    expect(missed(finishedQuiz(all), CARDS_BY_KEY)).toEqual([]);
  });
});
