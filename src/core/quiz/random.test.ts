import { describe, expect, test } from 'vitest';
import { mulberry32 } from './random';

describe('mulberry32', () => {
  test('the same seed gives the same sequence', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const seqA = Array.from({ length: 5 }, () => a());
    const seqB = Array.from({ length: 5 }, () => b());
    expect(seqA).toEqual(seqB);
  });

  test('different seeds give different sequences', () => {
    const a = mulberry32(1);
    const b = mulberry32(2);
    expect(a()).not.toBe(b());
  });

  test('values lie in [0, 1) and spread over the interval', () => {
    const random = mulberry32(7);
    const buckets = new Array<number>(10).fill(0);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 10_000; i += 1) {
      const value = random();
      min = Math.min(min, value);
      max = Math.max(max, value);
      const bucket = Math.floor(value * 10);
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const hits of buckets) {
      expect(hits).toBeGreaterThan(850);
      expect(hits).toBeLessThan(1150);
    }
  });
});
