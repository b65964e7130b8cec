import { expect, test } from 'vitest';
import type { ReviewEntry } from '../schedule/types';
import { reviewedToday, streak } from './streak';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const UTC = { timeZone: 'UTC' };
/** 2025-01-10 10:00 UTC; the study day began at 04:00. */
const NOW = Date.UTC(2025, 0, 10, 10);
const TODAY = Date.UTC(2025, 0, 10, 4);

const entry = (review: number): ReviewEntry => ({ key: 'd/c', review, rating: 3, state: 2, duration: 1000 });
/** One answer at 12:00 on each of the given days ago (0 = today). */
const onDaysAgo = (...days: number[]): ReviewEntry[] => days.map((d) => entry(TODAY + 8 * HOUR - d * DAY));

test.each([
  ['no answers', [], 0],
  ['today only', onDaysAgo(0), 1],
  ['today and yesterday', onDaysAgo(0, 1), 2],
  ['yesterday only: today not studied yet does not break it', onDaysAgo(1), 1],
  ['yesterday and the day before', onDaysAgo(1, 2), 2],
  ['two days ago only: broken', onDaysAgo(2), 0],
  ['a gap ends it', onDaysAgo(0, 1, 3, 4, 5), 2],
  ['many answers a day count once', [...onDaysAgo(0, 0, 0, 1, 1), entry(TODAY + 30 * 60_000)], 2],
  ['a week', onDaysAgo(6, 5, 4, 3, 2, 1, 0), 7],
  ['any order', onDaysAgo(2, 0, 1, 3), 4],
  ['03:00 counts for the previous study day', [entry(TODAY - HOUR), entry(TODAY - HOUR - DAY)], 2],
  ['04:00 starts today', [entry(TODAY), entry(TODAY - 1)], 2],
  ['an answer dated tomorrow (clock skew) is ignored', [entry(TODAY + DAY + HOUR)], 0],
  ['a whole year', Array.from({ length: 365 }, (_, d) => entry(TODAY + HOUR - d * DAY)), 365],
])('streak: %s -> %i', (_name, entries, expected) => {
  expect(streak(entries, NOW, UTC)).toBe(expected);
});

test('streak across the New York fall-back day (25 hours)', () => {
  const ny = { timeZone: 'America/New_York' };
  // Answers at 03:30 local on 11-02 (EDT), 11-03 (EST), 11-04 (EST): each belongs to the day before.
  const entries = ['2024-11-02T07:30:00Z', '2024-11-03T08:30:00Z', '2024-11-04T08:30:00Z'].map((iso) => entry(Date.parse(iso)));
  // 2024-11-04 12:00 EST: study day 11-04 has no answer yet; 11-03, 11-02 and 11-01 do.
  expect(streak(entries, Date.parse('2024-11-04T17:00:00Z'), ny)).toBe(3);
});

test.each([
  ['none', [], 0],
  ['two today, one yesterday', onDaysAgo(0, 0, 1), 2],
  ['before 04:00 is yesterday', [entry(TODAY - 1)], 0],
])('reviewedToday: %s -> %i', (_name, entries, expected) => {
  expect(reviewedToday(entries, NOW, UTC)).toBe(expected);
});
