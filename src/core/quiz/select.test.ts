import { describe, expect, test } from 'vitest';
import { mulberry32 } from './random';
import { selectQuestions, weaknessWeight, type PoolEntry, type WeaknessInput } from './select';

/** n cards, each its own sibling group unless `siblingOf` says otherwise. */
function pool(n: number, siblingOf: (i: number) => string = (i) => `s${i}`): PoolEntry[] {
  return Array.from({ length: n }, (_, i) => ({ key: `deck/c${i}`, sibling: siblingOf(i) }));
}

function siblingCounts(keys: readonly string[], entries: readonly PoolEntry[]): number[] {
  const siblingByKey = new Map(entries.map((e) => [e.key, e.sibling]));
  const counts = new Map<string, number>();
  for (const key of keys) {
    const sibling = siblingByKey.get(key) ?? '?';
    counts.set(sibling, (counts.get(sibling) ?? 0) + 1);
  }
  return [...counts.values()];
}

describe('selectQuestions', () => {
  test.each([
    { size: 100, count: 65, focusWeak: false },
    { size: 100, count: 65, focusWeak: true },
    { size: 30, count: 10, focusWeak: false },
    { size: 65, count: 65, focusWeak: true },
  ])('never repeats a card ($size cards, $count questions, focusWeak $focusWeak)', ({ size, count, focusWeak }) => {
    const entries = pool(size).map((e, i) => ({
      ...e,
      weakness: { lapses: i % 3, quizWrong: i % 2, retrievability: i % 5 === 0 ? null : 0.5 },
    }));
    for (let seed = 1; seed <= 50; seed += 1) {
      const keys = selectQuestions({ pool: entries, count, focusWeak, random: mulberry32(seed) });
      expect(keys).toHaveLength(count);
      expect(new Set(keys).size).toBe(count);
    }
  });

  test('a key listed twice in the pool is asked once', () => {
    const entries = [...pool(3), { key: 'deck/c0', sibling: 's0' }];
    const keys = selectQuestions({ pool: entries, count: 10, focusWeak: false, random: mulberry32(3) });
    expect([...keys].sort()).toEqual(['deck/c0', 'deck/c1', 'deck/c2']);
  });

  test.each([
    { size: 5, count: 10, expected: 5 },
    { size: 0, count: 10, expected: 0 },
    { size: 10, count: 0, expected: 0 },
    { size: 10, count: -3, expected: 0 },
    { size: 10, count: 4.7, expected: 4 },
  ])('pool of $size, count $count → $expected questions', ({ size, count, expected }) => {
    const keys = selectQuestions({ pool: pool(size), count, focusWeak: false, random: mulberry32(1) });
    expect(keys).toHaveLength(expected);
  });

  test('a pool smaller than count yields every card', () => {
    const entries = pool(7, (i) => `s${i % 3}`);
    const keys = selectQuestions({ pool: entries, count: 65, focusWeak: true, random: mulberry32(9) });
    expect([...keys].sort()).toEqual(entries.map((e) => e.key).sort());
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 8])('siblings are avoided when there are enough groups (seed %i)', (seed) => {
    // 40 cards in 20 pairs: 20 questions can all come from different facts.
    const entries = pool(40, (i) => `fact${Math.floor(i / 2)}`);
    for (const focusWeak of [false, true]) {
      const keys = selectQuestions({ pool: entries, count: 20, focusWeak, random: mulberry32(seed) });
      expect(Math.max(...siblingCounts(keys, entries))).toBe(1);
    }
  });

  test('with fewer groups than questions, siblings are spread evenly and come last', () => {
    // 30 cards in 10 groups of 3; 15 questions: every group once, then 5 second siblings.
    const entries = pool(30, (i) => `fact${i % 10}`);
    for (let seed = 1; seed <= 20; seed += 1) {
      const keys = selectQuestions({ pool: entries, count: 15, focusWeak: false, random: mulberry32(seed) });
      const counts = siblingCounts(keys, entries);
      expect(counts).toHaveLength(10);
      expect(Math.max(...counts)).toBe(2);
      expect(siblingCounts(keys.slice(0, 10), entries)).toEqual(new Array<number>(10).fill(1));
    }
  });

  test('the same seed gives the same quiz; another seed a different one', () => {
    const entries = pool(100);
    const a = selectQuestions({ pool: entries, count: 20, focusWeak: false, random: mulberry32(5) });
    const b = selectQuestions({ pool: entries, count: 20, focusWeak: false, random: mulberry32(5) });
    const c = selectQuestions({ pool: entries, count: 20, focusWeak: false, random: mulberry32(6) });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  test('without focusWeak every card is picked about equally often, weakness or not', () => {
    const entries = pool(20).map((e, i) => ({
      ...e,
      weakness: i < 5 ? { lapses: 4, quizWrong: 3, retrievability: 0.1 } : undefined,
    }));
    const hits = new Map<string, number>();
    const runs = 4000;
    for (let seed = 1; seed <= runs; seed += 1) {
      for (const key of selectQuestions({ pool: entries, count: 5, focusWeak: false, random: mulberry32(seed) })) {
        hits.set(key, (hits.get(key) ?? 0) + 1);
      }
    }
    // Expected 5/20 × 4000 = 1000 each.
    for (const entry of entries) {
      expect(hits.get(entry.key) ?? 0).toBeGreaterThan(880);
      expect(hits.get(entry.key) ?? 0).toBeLessThan(1120);
    }
  });

  test('focusWeak measurably prefers weak cards over many seeded runs', () => {
    const weak = new Set(['deck/c0', 'deck/c1', 'deck/c2', 'deck/c3', 'deck/c4']);
    const entries = pool(50).map((e) => ({
      ...e,
      weakness: weak.has(e.key)
        ? { lapses: 2, quizWrong: 1, retrievability: 0.6 }
        : { lapses: 0, quizWrong: 0, retrievability: 0.95 },
    }));
    const runs = 2000;
    const count = 10;
    let weakWith = 0;
    let weakWithout = 0;
    for (let seed = 1; seed <= runs; seed += 1) {
      const withFocus = selectQuestions({ pool: entries, count, focusWeak: true, random: mulberry32(seed) });
      const withoutFocus = selectQuestions({ pool: entries, count, focusWeak: false, random: mulberry32(seed) });
      weakWith += withFocus.filter((k) => weak.has(k)).length;
      weakWithout += withoutFocus.filter((k) => weak.has(k)).length;
    }
    // Uniform: 5 weak of 50 cards, 10 drawn → 1 weak card per quiz on average.
    expect(weakWithout / runs).toBeGreaterThan(0.9);
    expect(weakWithout / runs).toBeLessThan(1.1);
    // Weighted (weight 6.6 vs 1.2 for the 45 others): about three weak cards per quiz.
    expect(weakWith / runs).toBeGreaterThan(2.5);
    expect(weakWith / runs).toBeGreaterThan(2.5 * (weakWithout / runs));
  });

  test('focusWeak still gives strong cards a chance', () => {
    const entries = pool(10).map((e, i) => ({
      ...e,
      weakness: { lapses: i === 0 ? 4 : 0, quizWrong: i === 0 ? 3 : 0, retrievability: i === 0 ? 0 : 1 },
    }));
    const seenKeys = new Set<string>();
    for (let seed = 1; seed <= 200; seed += 1) {
      const [first] = selectQuestions({ pool: entries, count: 1, focusWeak: true, random: mulberry32(seed) });
      if (first !== undefined) seenKeys.add(first);
    }
    expect(seenKeys.size).toBe(10);
  });
});

describe('weaknessWeight', () => {
  test.each<{ label: string; weakness: WeaknessInput | undefined; expected: number }>([
    { label: 'no data', weakness: undefined, expected: 1 },
    { label: 'never reviewed', weakness: { lapses: 0, quizWrong: 0, retrievability: null }, expected: 1 },
    { label: 'fully recalled', weakness: { lapses: 0, quizWrong: 0, retrievability: 1 }, expected: 1 },
    { label: 'half forgotten', weakness: { lapses: 0, quizWrong: 0, retrievability: 0.5 }, expected: 3 },
    { label: 'two lapses', weakness: { lapses: 2, quizWrong: 0, retrievability: null }, expected: 3 },
    { label: 'lapses capped at 4', weakness: { lapses: 12, quizWrong: 0, retrievability: null }, expected: 5 },
    { label: 'one quiz miss', weakness: { lapses: 0, quizWrong: 1, retrievability: null }, expected: 3 },
    { label: 'quiz misses capped at 3', weakness: { lapses: 0, quizWrong: 9, retrievability: null }, expected: 7 },
    { label: 'everything at the cap', weakness: { lapses: 4, quizWrong: 3, retrievability: 0 }, expected: 15 },
    {
      label: 'nonsense values ignored',
      weakness: { lapses: -1, quizWrong: Number.NaN, retrievability: Number.NaN },
      expected: 1,
    },
    { label: 'retrievability above 1 clamped', weakness: { lapses: 0, quizWrong: 0, retrievability: 1.4 }, expected: 1 },
  ])('$label → $expected', ({ weakness, expected }) => {
    expect(weaknessWeight(weakness)).toBeCloseTo(expected, 10);
  });
});
