import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardState } from '../../core/schedule/types';
import { decodeShard, encodeShard, normalizeState } from './state-codec';

const arbState: fc.Arbitrary<CardState> = fc.record({
  due: fc.integer({ min: 1.5e12, max: 4.1e12 }),
  stability: fc.double({ min: 0.001, max: 40000, noNaN: true }),
  difficulty: fc.double({ min: 1, max: 10, noNaN: true }),
  scheduledDays: fc.integer({ min: 0, max: 36500 }),
  learningSteps: fc.integer({ min: 0, max: 5 }),
  reps: fc.integer({ min: 0, max: 5000 }),
  lapses: fc.integer({ min: 0, max: 500 }),
  state: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
  lastReview: fc.option(fc.integer({ min: 1.5e12, max: 4.1e12 }), { nil: null }),
});

describe('state codec', () => {
  it('round-trips to the normalised state, and normalising is idempotent (no drift)', () => {
    fc.assert(
      fc.property(fc.nat(1e7), arbState, (n, state) => {
        const index = n * 64 + 5;
        const text = encodeShard(new Map([[index, state]]));
        const back = decodeShard(text, 5, 64);
        expect(back).toEqual({ records: new Map([[index, normalizeState(state)]]), bad: 0 });
        expect(encodeShard(back.records)).toBe(text);
      }),
    );
  });

  it('keeps times to the second and stability/difficulty to 4 significant digits', () => {
    const state: CardState = { due: 1_750_000_000_499, stability: 12.34567, difficulty: 5.123456, scheduledDays: 12, learningSteps: 0, reps: 5, lapses: 1, state: 2, lastReview: 1_748_963_200_501 };
    const n = normalizeState(state);
    expect(n.due).toBe(1_750_000_000_000);
    expect(n.lastReview).toBe(1_748_963_201_000);
    expect(n.stability).toBe(12.35);
    expect(n.difficulty).toBe(5.123);
    expect(encodeShard(new Map([[100, state]])).length).toBeLessThan(50);
  });

  it('drops only the damaged records of a shard, and only the tail of a truncated one', () => {
    const a: CardState = { due: 1.75e12, stability: 3, difficulty: 5, scheduledDays: 3, learningSteps: 0, reps: 2, lapses: 0, state: 2, lastReview: null };
    const raw = encodeShard(new Map([[1, a], [65, a], [129, a]]));
    const values = JSON.parse(raw) as unknown[];
    values[11] = null; // record 65: due is not a time
    values[29] = 'x'; // record 129: lastReview delta is not a number
    expect(decodeShard(JSON.stringify(values), 1, 64)).toEqual({ records: new Map([[1, normalizeState(a)]]), bad: 2 });
    expect(decodeShard(raw, 2, 64).bad).toBe(3);
    const truncated = decodeShard(raw.slice(0, raw.length - 7), 1, 64);
    expect([...truncated.records.keys()]).toEqual([1, 65]);
    expect(truncated.bad).toBe(1);
    expect(decodeShard('[1,2,3]', 1, 64)).toEqual({ records: new Map(), bad: 1 });
    expect(decodeShard('{"1":[1]}', 1, 64)).toEqual({ records: new Map(), bad: 1 });
    expect(decodeShard('[1,NaN]', 1, 64)).toEqual({ records: new Map(), bad: 1 });
  });
});
