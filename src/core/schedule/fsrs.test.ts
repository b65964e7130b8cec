import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { FSRS, type Card as FsrsCard } from 'ts-fsrs';
import type { CardState, GradeValue } from './types';
import { createScheduler, preview, retrievability, review, undoReview, type UndoToken } from './fsrs';

const MIN = 60_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

function reviewCard(overrides: Partial<CardState> = {}): CardState {
  return {
    due: T0,
    stability: 20,
    difficulty: 5,
    scheduledDays: 20,
    learningSteps: 0,
    reps: 5,
    lapses: 0,
    state: 2,
    lastReview: T0 - 20 * DAY,
    ...overrides,
  };
}

/** Answers a card through a list of [minutes after the previous answer, grade]. */
function run(steps: readonly (readonly [number, GradeValue])[], start = T0): { state: CardState; at: number } {
  let state: CardState | undefined;
  let at = start;
  for (const [afterMin, grade] of steps) {
    at += afterMin * MIN;
    state = review('d/c', state, at, grade, 1000).state;
  }
  if (state === undefined) throw new Error('no steps');
  return { state, at };
}

describe('learning steps 1m / 10m, relearning 10m', () => {
  test.each([
    // path of [minutes since previous answer, grade], expected state, learning step, minutes to due (null: graduated)
    ['new, Again', [[0, 1]], 1, 0, 1],
    ['new, Hard', [[0, 2]], 1, 0, 6],
    ['new, Good', [[0, 3]], 1, 1, 10],
    ['new, Again, Good', [[0, 1], [1, 3]], 1, 1, 10],
    ['new, Good, Again', [[0, 3], [10, 1]], 1, 0, 1],
    ['new, Again, Good, Good graduates', [[0, 1], [1, 3], [10, 3]], 2, 0, null],
    ['new, Easy graduates at once', [[0, 4]], 2, 0, null],
  ] as const)('%s', (_name, path, state, step, minutes) => {
    const { state: card, at } = run(path);
    expect(card.state).toBe(state);
    expect(card.learningSteps).toBe(step);
    expect(card.lastReview).toBe(at);
    if (minutes === null) {
      expect(card.scheduledDays).toBeGreaterThanOrEqual(1);
      expect(card.due).toBe(at + card.scheduledDays * DAY);
    } else {
      expect(card.scheduledDays).toBe(0);
      expect(card.due).toBe(at + minutes * MIN);
    }
  });

  test('a lapse goes to relearning for 10m, then Good graduates back to review', () => {
    const before = reviewCard();
    const lapse = review('d/c', before, T0, 1, 500).state;
    expect(lapse).toMatchObject({ state: 3, lapses: 1, learningSteps: 0, scheduledDays: 0, due: T0 + 10 * MIN, reps: 6 });
    expect(lapse.stability).toBeLessThan(before.stability);

    const relearned = review('d/c', lapse, T0 + 10 * MIN, 3, 500).state;
    expect(relearned.state).toBe(2);
    expect(relearned.lapses).toBe(1);
    expect(relearned.scheduledDays).toBeGreaterThanOrEqual(1);
  });

  test('the entry records the prior state, rating, time and duration', () => {
    const first = review('deck/card', undefined, T0, 3, 4200);
    expect(first.entry).toStrictEqual({ key: 'deck/card', review: T0, rating: 3, state: 0, duration: 4200 });
    const second = review('deck/card', first.state, T0 + 10 * MIN, 3, 900);
    expect(second.entry).toStrictEqual({ key: 'deck/card', review: T0 + 10 * MIN, rating: 3, state: 1, duration: 900 });
  });
});

describe('fuzz', () => {
  test('is on: long intervals vary with the review time and the card', () => {
    const byTime = new Set<number>();
    for (let i = 0; i < 40; i += 1) byTime.add(review('d/c', reviewCard({ stability: 120 }), T0 + i * 7919, 3, 0).state.scheduledDays);
    expect(byTime.size).toBeGreaterThan(3);

    const byCard = new Set<number>();
    for (let i = 0; i < 40; i += 1) {
      byCard.add(review('d/c', reviewCard({ stability: 120, difficulty: 5 + i / 1000 }), T0, 3, 0).state.scheduledDays);
    }
    expect(byCard.size).toBeGreaterThan(3);
  });

  test('is deterministic for the same card and time', () => {
    const card = reviewCard({ stability: 120 });
    const a = review('d/c', card, T0, 3, 0);
    const b = review('d/c', card, T0, 3, 0);
    expect(b.state).toStrictEqual(a.state);
  });

  test('stays within ts-fsrs fuzz bounds around the unfuzzed interval', () => {
    const plain = new FSRS({ enable_fuzz: false });
    const card: FsrsCard = {
      due: new Date(T0),
      stability: 120,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 20,
      learning_steps: 0,
      reps: 5,
      lapses: 0,
      state: 2,
      last_review: new Date(T0 - 20 * DAY),
    };
    const unfuzzed = plain.next(card, new Date(T0), 3).card.scheduled_days;
    for (let i = 0; i < 20; i += 1) {
      const days = review('d/c', reviewCard({ stability: 120 }), T0 + i * 1009, 3, 0).state.scheduledDays;
      expect(Math.abs(days - unfuzzed)).toBeLessThanOrEqual(Math.ceil(unfuzzed * 0.1));
    }
  });
});

describe('preview', () => {
  test('labels a new card as Anki does', () => {
    expect(preview(undefined, T0).map((p) => [p.grade, p.label])).toEqual([
      [1, '1m'],
      [2, '6m'],
      [3, '10m'],
      [4, expect.stringMatching(/^\d+d$/)],
    ]);
  });

  test.each([
    ['new', undefined],
    ['learning', run([[0, 3]]).state],
    ['review', reviewCard({ stability: 80 })],
    ['relearning', review('d/c', reviewCard(), T0 - DAY, 1, 0).state],
  ])('shows exactly what review does (%s card)', (_name, state) => {
    const now = T0 + 3 * DAY + 12345;
    for (const item of preview(state, now)) {
      expect(review('d/c', state, now, item.grade, 0).state.due).toBe(item.due);
    }
  });

  test('orders dues Again <= Hard <= Good <= Easy for a review card', () => {
    const dues = preview(reviewCard(), T0).map((p) => p.due);
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
  });
});

describe('clock skew', () => {
  test('an answer before the last review is recorded at the last review instead of throwing', () => {
    const card = reviewCard({ lastReview: T0, due: T0 + 20 * DAY });
    const result = review('d/c', card, T0 - 2 * DAY, 3, 0);
    expect(result.entry.review).toBe(T0);
    expect(result.state.lastReview).toBe(T0);
    expect(result.state.due).toBeGreaterThan(T0);
    expect(undoReview(result.undo)).toStrictEqual(card);
    expect(() => preview(card, T0 - 2 * DAY)).not.toThrow();
  });
});

describe('retrievability', () => {
  const f = new FSRS({});
  test.each([
    ['review, on the day', reviewCard(), T0 - 20 * DAY],
    ['review, at due', reviewCard(), T0],
    ['review, long overdue', reviewCard(), T0 + 400 * DAY],
    ['review, before last review', reviewCard(), T0 - 30 * DAY],
    ['relearning', reviewCard({ state: 3, stability: 2.345678912345 }), T0 + 5 * DAY + 7],
  ])('matches ts-fsrs get_retrievability (%s)', (_name, state, now) => {
    const card = {
      due: new Date(state.due),
      stability: state.stability,
      difficulty: state.difficulty,
      elapsed_days: 0,
      scheduled_days: state.scheduledDays,
      learning_steps: state.learningSteps,
      reps: state.reps,
      lapses: state.lapses,
      state: state.state,
      last_review: state.lastReview === null ? undefined : new Date(state.lastReview),
    };
    const r = retrievability(state, now);
    expect(r).toBe(f.get_retrievability(card, new Date(now), false));
    expect(r).toBeGreaterThan(0);
    expect(r).toBeLessThanOrEqual(1);
  });

  test('is 0 for a new card and falls over time', () => {
    expect(retrievability(undefined, T0)).toBe(0);
    const card = reviewCard();
    expect(retrievability(card, T0 - 19 * DAY)).toBeGreaterThan(retrievability(card, T0));
    expect(retrievability(card, T0)).toBeGreaterThan(retrievability(card, T0 + 100 * DAY));
  });
});

describe('parameters', () => {
  test('higher desired retention gives shorter intervals', () => {
    const card = reviewCard({ stability: 50 });
    const low = createScheduler({ desiredRetention: 0.8 }).review('d/c', card, T0, 3, 0).state.scheduledDays;
    const high = createScheduler({ desiredRetention: 0.97 }).review('d/c', card, T0, 3, 0).state.scheduledDays;
    expect(low).toBeGreaterThan(high);
  });

  test('the maximum interval caps every grade', () => {
    const capped = createScheduler({ maximumIntervalDays: 30 });
    for (const item of capped.preview(reviewCard({ stability: 5000 }), T0)) {
      expect(item.due - T0).toBeLessThanOrEqual(30 * DAY);
    }
  });

  test('defaults are 0.9 and 36500 days', () => {
    expect(createScheduler().params).toStrictEqual({ desiredRetention: 0.9, maximumIntervalDays: 36500 });
  });

  test.each([{ desiredRetention: 1.2 }, { desiredRetention: 0.2 }, { maximumIntervalDays: 0 }, { maximumIntervalDays: 2.5 }])(
    'rejects %o',
    (params) => {
      expect(() => createScheduler(params)).toThrow(RangeError);
    },
  );
});

describe('undo', () => {
  test.each([
    ['new', undefined],
    ['learning', run([[0, 3]]).state],
    ['review', reviewCard()],
    ['relearning', review('d/c', reviewCard(), T0 - DAY, 1, 0).state],
  ])('restores a %s card exactly, for every grade', (_name, prior) => {
    for (const grade of [1, 2, 3, 4] as const) {
      const { undo } = review('d/c', prior, T0 + 2 * DAY, grade, 0);
      expect(undoReview(undo)).toStrictEqual(prior);
      expect(undoReview(JSON.parse(JSON.stringify(undo)) as UndoToken)).toStrictEqual(prior);
    }
  });

  test('restores a card without a last review (imported state)', () => {
    const prior = reviewCard({ lastReview: null });
    expect(undoReview(review('d/c', prior, T0, 3, 0).undo)).toStrictEqual(prior);
  });

  test('ts-fsrs rollback alone does not restore the due date, which is why the token keeps it', () => {
    const f = new FSRS({ enable_fuzz: true });
    const prior: FsrsCard = {
      due: new Date(T0),
      stability: 20,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 20,
      learning_steps: 0,
      reps: 5,
      lapses: 0,
      state: 2,
      last_review: new Date(T0 - 20 * DAY),
    };
    const answeredAt = T0 + 3 * DAY;
    const { card, log } = f.next(prior, new Date(answeredAt), 3);
    const rolled = f.rollback(card, log);
    expect(rolled.due.getTime()).toBe(answeredAt);
    expect(rolled.due.getTime()).not.toBe(prior.due.getTime());
    expect(rolled.last_review?.getTime()).toBe(prior.last_review?.getTime());
    expect([rolled.stability, rolled.difficulty, rolled.reps, rolled.state]).toEqual([20, 5, 5, 2]);
  });

  test('undoing several steps in reverse walks back through every prior state', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -2 * 24 * 60, max: 60 * 24 * 60 }), fc.constantFrom<GradeValue>(1, 2, 3, 4)), {
          minLength: 1,
          maxLength: 12,
        }),
        (steps) => {
          const priors: (CardState | undefined)[] = [];
          const tokens: UndoToken[] = [];
          let state: CardState | undefined;
          let at = T0;
          for (const [gapMin, grade] of steps) {
            at += gapMin * MIN; // negative gaps exercise the clock-skew clamp
            priors.push(state);
            const result = review('d/c', state, at, grade, 0);
            tokens.push(JSON.parse(JSON.stringify(result.undo)) as UndoToken);
            state = result.state;
          }
          for (let i = tokens.length - 1; i >= 0; i -= 1) {
            const token = tokens[i];
            if (token === undefined) throw new Error('missing token');
            expect(undoReview(token)).toStrictEqual(priors[i]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
