import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLogChunk, encodeLogChunk, isWellFormedLogChunk, normalizeEntry, type LogRecord } from './log-codec';

const arbRecord: fc.Arbitrary<LogRecord> = fc.record({
  i: fc.nat(1e6),
  t: fc.integer({ min: 1.5e9, max: 4.1e9 }),
  g: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
  s: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
  d: fc.nat(6000),
});

describe('log codec', () => {
  it('round-trips any records, including times going backwards', () => {
    fc.assert(
      fc.property(fc.array(arbRecord, { maxLength: 50 }), (records) => {
        const raw = encodeLogChunk(records);
        expect(isWellFormedLogChunk(raw)).toBe(true);
        expect(decodeLogChunk(raw)).toEqual({ records, damaged: false });
      }),
    );
  });

  it('is compact: about 12 characters an entry in a study session', () => {
    const records: LogRecord[] = Array.from({ length: 1000 }, (_, k) => ({ i: 5000 + (k % 300), t: 1.75e9 + k * 9, g: 3, s: 2, d: 45 }));
    expect(encodeLogChunk(records).length).toBeLessThan(13_000);
  });

  it('keeps the valid prefix of a truncated or damaged chunk', () => {
    const records: LogRecord[] = [1, 2, 3].map((k) => ({ i: k, t: 1.75e9 + k, g: 3, s: 2, d: 10 }));
    const raw = encodeLogChunk(records);
    expect(decodeLogChunk(raw.slice(0, raw.length - 3))).toEqual({ records: records.slice(0, 2), damaged: true });
    expect(decodeLogChunk(raw.replace(/;([^;]*)$/, ';zz'))).toEqual({ records: records.slice(0, 2), damaged: true });
    expect(decodeLogChunk('garbage')).toEqual({ records: [], damaged: true });
    for (const bad of [raw.slice(0, raw.length - 3), raw.replace(/;([^;]*)$/, ';zz'), 'garbage', `${raw};`, raw.replace(',a,', ',g,')]) {
      expect(isWellFormedLogChunk(bad)).toBe(false);
    }
  });

  it('normalises entries to the second and 100 ms', () => {
    expect(normalizeEntry({ key: 'd/c', review: 1_750_000_000_600, rating: 3, state: 2, duration: 4_449 })).toEqual({ key: 'd/c', review: 1_750_000_001_000, rating: 3, state: 2, duration: 4_400 });
  });
});
