import { describe, expect, test } from 'vitest';
import { deadline, durationMinutes, formatClock, isExpired, remainingMs } from './timing';

const START = Date.UTC(2025, 0, 15, 9, 0, 0);
const MIN = 60_000;

describe('durationMinutes', () => {
  test.each([
    { count: 65, minutes: 90 },
    { count: 10, minutes: 14 },
    { count: 20, minutes: 28 },
    { count: 13, minutes: 18 },
    { count: 30, minutes: 42 },
    { count: 1, minutes: 2 },
    { count: 130, minutes: 180 },
    { count: 0, minutes: 0 },
    { count: -5, minutes: 0 },
  ])('$count questions → $minutes minutes', ({ count, minutes }) => {
    expect(durationMinutes(count)).toBe(minutes);
  });
});

describe('deadline', () => {
  test.each([
    { count: 65, timed: true, expected: START + 90 * MIN },
    { count: 10, timed: true, expected: START + 14 * MIN },
    { count: 65, timed: false, expected: null },
  ])('$count questions, timed $timed', ({ count, timed, expected }) => {
    expect(deadline(START, count, timed)).toBe(expected);
  });
});

describe('remainingMs and isExpired', () => {
  const quiz = { deadline: START + 90 * MIN };

  test.each([
    { offset: 0, remaining: 90 * MIN, expired: false },
    { offset: 90 * MIN - 1, remaining: 1, expired: false },
    { offset: 90 * MIN, remaining: 0, expired: true },
    { offset: 200 * MIN, remaining: 0, expired: true },
  ])('at start + $offset ms: $remaining ms left, expired $expired', ({ offset, remaining, expired }) => {
    const now = START + offset;
    expect(remainingMs(quiz, now)).toBe(remaining);
    expect(isExpired(quiz, now)).toBe(expired);
  });

  test('an untimed quiz has no remaining time and never expires', () => {
    const untimed = { deadline: null };
    expect(remainingMs(untimed, START)).toBeNull();
    expect(isExpired(untimed, START + 10_000 * MIN)).toBe(false);
  });
});

describe('formatClock', () => {
  test.each([
    { ms: 0, text: '00:00' },
    { ms: -5000, text: '00:00' },
    { ms: Number.NaN, text: '00:00' },
    { ms: 1, text: '00:01' },
    { ms: 999, text: '00:01' },
    { ms: 1000, text: '00:01' },
    { ms: 1001, text: '00:02' },
    { ms: 59_000, text: '00:59' },
    { ms: 14 * MIN, text: '14:00' },
    { ms: 59 * MIN + 59_000, text: '59:59' },
    { ms: 60 * MIN, text: '1:00:00' },
    { ms: 90 * MIN, text: '1:30:00' },
    { ms: 90 * MIN - 500, text: '1:30:00' },
    { ms: 125 * MIN + 7000, text: '2:05:07' },
  ])('$ms ms → $text', ({ ms, text }) => {
    expect(formatClock(ms)).toBe(text);
  });
});
