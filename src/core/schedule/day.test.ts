import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { nextStudyDayStart, previousStudyDayStart, studyDayBounds, studyDayKey, studyDayStart } from './day';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);

describe('studyDayStart / studyDayKey', () => {
  test.each([
    // zone, instant, expected start, expected key
    ['UTC', '2024-05-01T12:00:00Z', '2024-05-01T04:00:00Z', '2024-05-01'],
    ['UTC', '2024-05-01T04:00:00Z', '2024-05-01T04:00:00Z', '2024-05-01'],
    ['UTC', '2024-05-01T03:59:59.999Z', '2024-04-30T04:00:00Z', '2024-04-30'],
    // A 01:30 answer counts for the previous day.
    ['America/New_York', '2024-05-02T05:30:00Z', '2024-05-01T08:00:00Z', '2024-05-01'],
    ['Europe/Berlin', '2024-05-01T23:30:00Z', '2024-05-01T02:00:00Z', '2024-05-01'],
    // Year boundary.
    ['Europe/Berlin', '2024-01-01T00:30:00Z', '2023-12-31T03:00:00Z', '2023-12-31'],
  ])('%s at %s starts at %s (%s)', (timeZone, now, start, key) => {
    expect(studyDayStart(at(now), { timeZone })).toBe(at(start));
    expect(studyDayKey(at(now), { timeZone })).toBe(key);
  });

  test('walking back day by day across both DST changes of a year', () => {
    const ny = { timeZone: 'America/New_York' };
    let start = studyDayStart(at('2025-01-01T12:00:00Z'), ny);
    const lengths = new Set<number>();
    for (let i = 0; i < 366; i += 1) {
      const previous = previousStudyDayStart(start, ny);
      lengths.add((start - previous) / HOUR);
      start = previous;
    }
    expect([...lengths].sort((a, b) => a - b)).toEqual([23, 24, 25]);
    expect(studyDayKey(start, ny)).toBe('2024-01-01'); // 2024 has 366 days
  });

  test('01:30 local counts for the previous study day', () => {
    // 2024-05-02 01:30 EDT.
    const now = at('2024-05-02T05:30:00Z');
    const ny = { timeZone: 'America/New_York' };
    expect(studyDayKey(now, ny)).toBe('2024-05-01');
    expect(studyDayStart(now, ny)).toBe(at('2024-05-01T08:00:00Z'));
    expect(nextStudyDayStart(now, ny)).toBe(at('2024-05-02T08:00:00Z'));
  });

  test.each([
    ['UTC', 0, '2024-05-01T00:30:00Z', '2024-05-01T00:00:00Z'],
    ['UTC', 23, '2024-05-01T22:30:00Z', '2024-04-30T23:00:00Z'],
    ['Asia/Kolkata', 4, '2024-05-01T00:00:00Z', '2024-04-30T22:30:00Z'],
  ])('configurable hour: %s hour %i at %s starts at %s', (timeZone, hour, now, start) => {
    expect(studyDayStart(at(now), { timeZone, hour })).toBe(at(start));
  });

  test.each([-1, 24, 3.5])('rejects start hour %d', (hour) => {
    expect(() => studyDayStart(0, { hour, timeZone: 'UTC' })).toThrow(RangeError);
  });
});

describe('DST', () => {
  test.each([
    // zone, hour, an instant in the DST day, day start, next day start, length in hours
    // New York spring forward 2024-03-10 02:00 EST -> 03:00 EDT: 23-hour day.
    ['America/New_York', 4, '2024-03-10T12:00:00Z', '2024-03-10T08:00:00Z', '2024-03-11T08:00:00Z', 24],
    ['America/New_York', 4, '2024-03-09T12:00:00Z', '2024-03-09T09:00:00Z', '2024-03-10T08:00:00Z', 23],
    // New York fall back 2024-11-03 02:00 EDT -> 01:00 EST: 25-hour day.
    ['America/New_York', 4, '2024-11-02T12:00:00Z', '2024-11-02T08:00:00Z', '2024-11-03T09:00:00Z', 25],
    ['America/New_York', 4, '2024-11-03T12:00:00Z', '2024-11-03T09:00:00Z', '2024-11-04T09:00:00Z', 24],
    // Berlin 2024-03-31 02:00 CET -> 03:00 CEST and 2024-10-27 03:00 CEST -> 02:00 CET.
    ['Europe/Berlin', 4, '2024-03-30T12:00:00Z', '2024-03-30T03:00:00Z', '2024-03-31T02:00:00Z', 23],
    ['Europe/Berlin', 4, '2024-10-26T12:00:00Z', '2024-10-26T02:00:00Z', '2024-10-27T03:00:00Z', 25],
    // Start hour inside the skipped hour: the day starts when the clock jumps (03:00 CEST).
    ['Europe/Berlin', 2, '2024-03-31T12:00:00Z', '2024-03-31T01:00:00Z', '2024-04-01T00:00:00Z', 23],
    // Start hour inside the repeated hour: the first 02:00 (CEST).
    ['Europe/Berlin', 2, '2024-10-27T12:00:00Z', '2024-10-27T00:00:00Z', '2024-10-28T01:00:00Z', 25],
    // Lord Howe shifts by 30 minutes at 02:00: 23.5 and 24.5-hour days.
    ['Australia/Lord_Howe', 4, '2024-10-05T12:00:00Z', '2024-10-04T17:30:00Z', '2024-10-05T17:00:00Z', 23.5],
    ['Australia/Lord_Howe', 4, '2024-04-06T12:00:00Z', '2024-04-05T17:00:00Z', '2024-04-06T17:30:00Z', 24.5],
    // Lord Howe 2024-10-06 02:00 does not exist; the day starts at 02:30 LHDT.
    ['Australia/Lord_Howe', 2, '2024-10-06T12:00:00Z', '2024-10-05T15:30:00Z', '2024-10-06T15:00:00Z', 23.5],
  ])('%s hour %i: %s is in [%s, %s) of %d h', (timeZone, hour, now, start, end, hours) => {
    const opts = { timeZone, hour };
    expect(studyDayStart(at(now), opts)).toBe(at(start));
    expect(nextStudyDayStart(at(now), opts)).toBe(at(end));
    expect((at(end) - at(start)) / HOUR).toBe(hours);
  });

  test('the 04:00 boundary on the spring-forward day (New York)', () => {
    const ny = { timeZone: 'America/New_York' };
    // 2024-03-10 01:30 EST and 03:30 EDT are both before 04:00 and belong to 03-09.
    expect(studyDayKey(at('2024-03-10T06:30:00Z'), ny)).toBe('2024-03-09');
    expect(studyDayKey(at('2024-03-10T07:30:00Z'), ny)).toBe('2024-03-09');
    expect(studyDayKey(at('2024-03-10T07:59:59Z'), ny)).toBe('2024-03-09');
    expect(studyDayKey(at('2024-03-10T08:00:00Z'), ny)).toBe('2024-03-10');
  });

  test('the 04:00 boundary on the fall-back day (New York)', () => {
    const ny = { timeZone: 'America/New_York' };
    // 01:30 happens twice (EDT then EST); both belong to 11-02.
    expect(studyDayKey(at('2024-11-03T05:30:00Z'), ny)).toBe('2024-11-02');
    expect(studyDayKey(at('2024-11-03T06:30:00Z'), ny)).toBe('2024-11-02');
    expect(studyDayKey(at('2024-11-03T08:59:59Z'), ny)).toBe('2024-11-02');
    expect(studyDayKey(at('2024-11-03T09:00:00Z'), ny)).toBe('2024-11-03');
  });
});

describe('properties', () => {
  const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kathmandu'];
  test('start <= now < end, consecutive days chain, and the key names the start date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        (now, timeZone, hour) => {
          const opts = { timeZone, hour };
          const { start, end } = studyDayBounds(now, opts);
          expect(start).toBeLessThanOrEqual(now);
          expect(end).toBeGreaterThan(now);
          expect(end - start).toBeGreaterThanOrEqual(22 * HOUR);
          expect(end - start).toBeLessThanOrEqual(26 * HOUR);
          expect(studyDayStart(now, opts)).toBe(start);
          expect(nextStudyDayStart(now, opts)).toBe(end);
          expect(studyDayStart(end, opts)).toBe(end);
          expect(studyDayStart(end - 1, opts)).toBe(start);
          expect(studyDayKey(now, opts)).toBe(studyDayKey(start, opts));
          expect(studyDayKey(end, opts)).not.toBe(studyDayKey(start, opts));
          expect(previousStudyDayStart(start, opts)).toBe(studyDayStart(start - 1, opts));
          expect(previousStudyDayStart(end, opts)).toBe(start);
        },
      ),
      { numRuns: 300 },
    );
  });
});
