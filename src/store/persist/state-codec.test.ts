import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CardState } from '../../core/schedule/types';
import { decodeShard, decodeStateRecord, encodeShard, encodeStateRecord, normalizeState } from './state-codec';

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
      fc.property(fc.nat(1e7), arbState, (index, state) => {
        const text = encodeStateRecord(index, state);
        const back = decodeStateRecord(text);
        expect(back).toEqual({ index, state: normalizeState(state) });
        expect(back === null ? '' : encodeStateRecord(index, back.state)).toBe(text);
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
    expect(encodeStateRecord(100, state).length).toBeLessThan(45);
  });

  it('drops only the damaged records of a shard', () => {
    const a: CardState = { due: 1.75e12, stability: 3, difficulty: 5, scheduledDays: 3, learningSteps: 0, reps: 2, lapses: 0, state: 2, lastReview: null };
    const raw = encodeShard(new Map([[1, a], [65, a], [129, a]]));
    const parts = raw.split(';');
    const damaged = [parts[0], 'NaN,x', parts[1]?.replace(/,2,$/, ',9,'), parts[2]].join(';');
    const decoded = decodeShard(damaged, 1, 64);
    expect([...decoded.records.keys()]).toEqual([1, 129]);
    expect(decoded.bad).toBe(2);
    expect(decodeShard(raw, 2, 64).bad).toBe(3);
    expect(decodeShard(raw.slice(0, raw.length - 7), 1, 64).records.size).toBe(2);
  });
});
