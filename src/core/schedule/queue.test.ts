import { describe, expect, test } from 'vitest';
import type { CardState, GradeValue, ReviewEntry } from './types';
import { buildQueue, dueTomorrow, nextCard, queueCardsOf, todayCounts, type QueueCard, type QueueInput } from './queue';
import { review } from './fsrs';
import { studyDayStart } from './day';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const UTC = { timeZone: 'UTC' };
/** 10:00 UTC: the study day runs from 04:00 today to 04:00 tomorrow. */
const NOW = Date.UTC(2025, 0, 6, 10, 0, 0);
const DAY_START = Date.UTC(2025, 0, 6, 4, 0, 0);
const DAY_END = DAY_START + DAY;

function reviewState(due: number, lastReview = due - 10 * DAY): CardState {
  return { due, stability: 10, difficulty: 5, scheduledDays: 10, learningSteps: 0, reps: 3, lapses: 0, state: 2, lastReview };
}
function learningState(due: number, lastReview = due - 10 * MIN, state: 1 | 3 = 1): CardState {
  return { due, stability: 1, difficulty: 5, scheduledDays: 0, learningSteps: 1, reps: 1, lapses: 0, state, lastReview };
}

/** Cards 'k0'..'k{n-1}', each its own sibling unless given. */
function cards(n: number, prefix = 'k', sibling?: (i: number) => string): QueueCard[] {
  return Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, sibling: sibling ? sibling(i) : `${prefix}${i}` }));
}

function queue(input: Partial<QueueInput> & Pick<QueueInput, 'cards' | 'states'>) {
  return buildQueue({ now: NOW, day: UTC, ...input });
}
const keys = (q: ReturnType<typeof queue>): string[] => q.items.map((item) => item.key);

describe('limits', () => {
  test.each([
    // new cards, due reviews, limits, today's counts, extraNew, expected new, expected review
    [30, 300, {}, { newStudied: 0, reviewsStudied: 0 }, 0, 20, 200],
    [30, 300, { newPerDay: 5, reviewsPerDay: 50 }, { newStudied: 0, reviewsStudied: 0 }, 0, 5, 50],
    [30, 300, {}, { newStudied: 15, reviewsStudied: 190 }, 0, 5, 10],
    [30, 300, {}, { newStudied: 25, reviewsStudied: 250 }, 0, 0, 0],
    [30, 300, {}, { newStudied: 20, reviewsStudied: 0 }, 7, 7, 200],
    [30, 300, {}, { newStudied: 25, reviewsStudied: 0 }, 7, 7, 200],
    [3, 4, {}, { newStudied: 0, reviewsStudied: 0 }, 0, 3, 4],
    [30, 10, { newPerDay: 0, reviewsPerDay: 0 }, { newStudied: 0, reviewsStudied: 0 }, 0, 0, 0],
  ])('%i new, %i due, limits %o, today %o, extra %i -> %i new, %i reviews', (nNew, nDue, limits, today, extraNew, expNew, expReview) => {
    const scope = [...cards(nDue, 'r'), ...cards(nNew, 'n')];
    const states = new Map(cards(nDue, 'r').map((c, i) => [c.key, reviewState(NOW - i * MIN)]));
    const q = queue({ cards: scope, states, limits, today, options: { extraNew } });
    expect(q.counts).toEqual({ new: expNew, learning: 0, review: expReview });
    expect(q.items.filter((i) => i.kind === 'new')).toHaveLength(expNew);
    expect(q.items.filter((i) => i.kind === 'review')).toHaveLength(expReview);
  });

  test('learning steps are not limited', () => {
    const scope = cards(5, 'l');
    const states = new Map(scope.map((c, i) => [c.key, learningState(NOW - i * MIN)]));
    const q = queue({ cards: scope, states, limits: { newPerDay: 0, reviewsPerDay: 0 } });
    expect(q.items).toHaveLength(5);
    expect(q.counts.learning).toBe(5);
  });
});

describe('todayCounts', () => {
  const entry = (review: number, state: 0 | 1 | 2 | 3, rating: GradeValue = 3): ReviewEntry => ({ key: 'd/c', review, rating, state, duration: 1000 });
  test.each([
    ['nothing', [], 0, 0],
    ['a new card introduced today', [entry(NOW, 0)], 1, 0],
    ['its learning steps count for nothing', [entry(NOW, 0), entry(NOW + MIN, 1), entry(NOW + 11 * MIN, 1)], 1, 0],
    ['reviews, including a lapse, but not relearning', [entry(NOW, 2), entry(NOW, 2, 1), entry(NOW + 10 * MIN, 3)], 0, 2],
    ['yesterday does not count', [entry(DAY_START - 1, 0), entry(DAY_START - 1, 2)], 0, 0],
    ['the day start counts', [entry(DAY_START, 0), entry(DAY_START, 2)], 1, 1],
  ])('%s', (_name, entries, newStudied, reviewsStudied) => {
    expect(todayCounts(entries, DAY_START)).toEqual({ newStudied, reviewsStudied });
  });
});

describe('order', () => {
  test('due learning first (by due), then reviews by due then key; learning not yet due stays out', () => {
    const scope: QueueCard[] = [
      { key: 'rB', sibling: 'rB' },
      { key: 'rA', sibling: 'rA' },
      { key: 'rOld', sibling: 'rOld' },
      { key: 'rLate', sibling: 'rLate' },
      { key: 'l2', sibling: 'l2' },
      { key: 'l1', sibling: 'l1' },
      { key: 'lSoon', sibling: 'lSoon' },
    ];
    const states = new Map<string, CardState>([
      ['rB', reviewState(NOW - HOUR)],
      ['rA', reviewState(NOW - HOUR)],
      ['rOld', reviewState(NOW - 5 * DAY)],
      ['rLate', reviewState(DAY_END - 1)],
      ['l2', learningState(NOW - MIN)],
      ['l1', learningState(NOW - 5 * MIN, undefined, 3)],
      ['lSoon', learningState(NOW + 5 * MIN)],
    ]);
    const q = queue({ cards: scope, states });
    expect(keys(q)).toEqual(['l1', 'l2', 'rOld', 'rA', 'rB', 'rLate']);
    expect(q.items.map((i) => i.kind)).toEqual(['learning', 'learning', 'review', 'review', 'review', 'review']);
    expect(q.counts).toEqual({ new: 0, learning: 3, review: 4 });
    expect(q.nextLearningDue).toBe(NOW + 5 * MIN);
  });

  test('reviews due at the next day start are not today', () => {
    const scope = cards(2);
    const states = new Map([
      ['k0', reviewState(DAY_END - 1)],
      ['k1', reviewState(DAY_END)],
    ]);
    expect(keys(queue({ cards: scope, states }))).toEqual(['k0']);
  });

  test('new cards come in deck order', () => {
    const scope = [{ key: 'z', sibling: 'z' }, { key: 'a', sibling: 'a' }, { key: 'm', sibling: 'm' }];
    expect(keys(queue({ cards: scope, states: new Map() }))).toEqual(['z', 'a', 'm']);
  });

  test('is deterministic: same result whatever the map order', () => {
    const scope = cards(200, 'k', (i) => `s${i % 150}`);
    const entries = scope.map((c, i): [string, CardState] => [
      c.key,
      i % 3 === 0 ? reviewState(NOW - (i % 7) * HOUR) : i % 3 === 1 ? learningState(NOW - (i % 5) * MIN) : reviewState(NOW + 2 * DAY),
    ]);
    const a = queue({ cards: scope, states: new Map(entries), options: { reviewAhead: true } });
    const b = queue({ cards: scope, states: new Map([...entries].reverse()), options: { reviewAhead: true } });
    expect(b).toEqual(a);
  });
});

describe('interleaving new cards with reviews', () => {
  test.each([
    [3, 1, 'RNRR'],
    [4, 2, 'RNRRNR'],
    [2, 2, 'NRNR'],
    [1, 1, 'NR'],
    [6, 3, 'RNRRNRRNR'],
    [0, 3, 'NNN'],
    [2, 0, 'RR'],
  ])('%i reviews and %i new -> %s', (nReviews, nNew, pattern) => {
    const scope = [...cards(nReviews, 'r'), ...cards(nNew, 'n')];
    const states = new Map(cards(nReviews, 'r').map((c, i) => [c.key, reviewState(NOW - (nReviews - i) * MIN)]));
    const q = queue({ cards: scope, states });
    expect(q.items.map((i) => (i.kind === 'new' ? 'N' : 'R')).join('')).toBe(pattern);
  });

  test('200 reviews and 20 new: every run of reviews between new cards is about 10 long', () => {
    const scope = [...cards(200, 'r'), ...cards(20, 'n')];
    const states = new Map(cards(200, 'r').map((c, i) => [c.key, reviewState(NOW - i * MIN)]));
    const pattern = queue({ cards: scope, states }).items.map((i) => (i.kind === 'new' ? 'N' : 'R')).join('');
    const runs = pattern.split('N').map((run) => run.length);
    expect(runs).toHaveLength(21);
    for (const run of runs.slice(1, -1)) expect(run).toBeGreaterThanOrEqual(9);
    for (const run of runs) expect(run).toBeLessThanOrEqual(11);
    // New cards keep deck order.
    expect(keys(queue({ cards: scope, states })).filter((k) => k.startsWith('n'))).toEqual(cards(20, 'n').map((c) => c.key));
  });
});

describe('learn-ahead', () => {
  const scope = [{ key: 'l', sibling: 'l' }, { key: 'r', sibling: 'r' }];
  test.each([
    ['due in 5m, nothing else left: shown', learningState(NOW + 5 * MIN), undefined, ['l'], null],
    ['due in 5m, a review left: the review first', learningState(NOW + 5 * MIN), reviewState(NOW - HOUR), ['r'], NOW + 5 * MIN],
    ['due in 30m, nothing else left: outside the window', learningState(NOW + 30 * MIN), undefined, [], NOW + 30 * MIN],
    ['due now: shown before the review', learningState(NOW), reviewState(NOW - HOUR), ['l', 'r'], null],
  ])('%s', (_name, learning, rev, expected, nextLearningDue) => {
    const states = new Map<string, CardState>([['l', learning]]);
    if (rev) states.set('r', rev);
    const q = queue({ cards: rev ? scope : scope.slice(0, 1), states });
    expect(keys(q)).toEqual(expected);
    expect(q.nextLearningDue).toBe(nextLearningDue);
    expect(q.counts.learning).toBe(1);
  });

  test('the window is configurable', () => {
    const states = new Map([['l', learningState(NOW + 30 * MIN)]]);
    const only = scope.slice(0, 1);
    expect(keys(queue({ cards: only, states, options: { learnAheadMs: 45 * MIN } }))).toEqual(['l']);
    expect(keys(queue({ cards: only, states, options: { learnAheadMs: 0 } }))).toEqual([]);
  });
});

describe('siblings', () => {
  test.each([
    // name, cards as [key, sibling], states, expected queue
    [
      'a sibling reviewed today holds back its due and new siblings',
      [['a', 's'], ['b', 's'], ['c', 's'], ['x', 'x']],
      { a: reviewState(NOW + 3 * DAY, NOW - HOUR), b: reviewState(NOW - DAY) },
      ['x'],
    ],
    [
      'a sibling reviewed just after the day start counts as today',
      [['a', 's'], ['b', 's']],
      { a: reviewState(NOW + 3 * DAY, DAY_START), b: reviewState(NOW - DAY) },
      [],
    ],
    [
      'a sibling reviewed before the day start does not',
      [['a', 's'], ['b', 's']],
      { a: reviewState(NOW + 3 * DAY, DAY_START - 1), b: reviewState(NOW - DAY) },
      ['b'],
    ],
    [
      "a card's own learning steps continue; its siblings wait",
      [['a', 's'], ['b', 's'], ['c', 's']],
      { a: learningState(NOW - MIN, NOW - 11 * MIN), b: reviewState(NOW - DAY) },
      ['a'],
    ],
    [
      'a learning card left over from yesterday also holds back its siblings',
      [['a', 's'], ['b', 's']],
      { a: learningState(NOW - 8 * HOUR, DAY_START - HOUR, 3) },
      ['a'],
    ],
    [
      'two untouched due siblings: only the first by due',
      [['a', 's'], ['b', 's'], ['c', 't']],
      { a: reviewState(NOW - HOUR), b: reviewState(NOW - DAY), c: reviewState(NOW - 2 * HOUR) },
      ['b', 'c'],
    ],
    [
      'two new siblings: only the first in deck order',
      [['a', 's'], ['b', 's'], ['c', 't']],
      {},
      ['a', 'c'],
    ],
    [
      'a due review beats its new sibling',
      [['n', 's'], ['r', 's']],
      { r: reviewState(NOW - HOUR) },
      ['r'],
    ],
    [
      'an empty sibling key groups nothing',
      [['a', ''], ['b', '']],
      {},
      ['a', 'b'],
    ],
  ] as const)('%s', (_name, pairs, stateRecord, expected) => {
    const scope = pairs.map(([key, sibling]) => ({ key, sibling }));
    const states = new Map<string, CardState>(Object.entries(stateRecord));
    expect(keys(queue({ cards: scope, states }))).toEqual(expected);
  });

  test('a held-back sibling does not use up the review limit', () => {
    const scope = [{ key: 'a', sibling: 's' }, { key: 'b', sibling: 's' }, { key: 'c', sibling: 'c' }];
    const states = new Map([
      ['a', reviewState(NOW - DAY)],
      ['b', reviewState(NOW - 2 * DAY)],
      ['c', reviewState(NOW - HOUR)],
    ]);
    expect(keys(queue({ cards: scope, states, limits: { reviewsPerDay: 2 } }))).toEqual(['b', 'c']);
  });

  test('a review over the limit does not hold back its new sibling', () => {
    const scope = [{ key: 'r', sibling: 's' }, { key: 'n', sibling: 's' }];
    const states = new Map([['r', reviewState(NOW - DAY)]]);
    expect(keys(queue({ cards: scope, states, limits: { reviewsPerDay: 0 } }))).toEqual(['n']);
  });

  test('review-ahead cards respect siblings too', () => {
    const scope = [{ key: 'a', sibling: 's' }, { key: 'b', sibling: 's' }];
    const states = new Map([
      ['a', reviewState(NOW + 3 * DAY, NOW - HOUR)],
      ['b', reviewState(NOW + 2 * DAY)],
    ]);
    expect(keys(queue({ cards: scope, states, options: { reviewAhead: true } }))).toEqual([]);
  });
});

describe('review ahead', () => {
  test('cards due on later days follow today’s cards, soonest first, only when asked', () => {
    const scope = [...cards(3, 'r'), ...cards(1, 'n')];
    const states = new Map([
      ['r0', reviewState(NOW + 5 * DAY)],
      ['r1', reviewState(NOW + 2 * DAY)],
      ['r2', reviewState(NOW - HOUR)],
    ]);
    expect(keys(queue({ cards: scope, states }))).toEqual(['n0', 'r2']);
    const ahead = queue({ cards: scope, states, options: { reviewAhead: true } });
    expect(keys(ahead)).toEqual(['n0', 'r2', 'r1', 'r0']);
    expect(ahead.counts).toEqual({ new: 1, learning: 0, review: 3 });
  });

  test('cards answered today are not reviewed ahead again', () => {
    const scope = cards(1);
    const states = new Map([['k0', reviewState(NOW + 5 * DAY, NOW - HOUR)]]);
    expect(keys(queue({ cards: scope, states, options: { reviewAhead: true } }))).toEqual([]);
  });
});

describe('study day across DST', () => {
  test('at 03:30 on the New York spring-forward day, reviews due before 04:00 EDT are still "today"', () => {
    const ny = { timeZone: 'America/New_York' };
    const now = Date.parse('2024-03-10T07:30:00Z'); // 03:30 EDT, study day 2024-03-09 (23 hours)
    const scope = cards(2);
    const states = new Map([
      ['k0', reviewState(Date.parse('2024-03-10T07:59:00Z'))],
      ['k1', reviewState(Date.parse('2024-03-10T08:00:00Z'))],
    ]);
    const q = buildQueue({ cards: scope, states, now, day: ny });
    expect(q.dayStart).toBe(Date.parse('2024-03-09T09:00:00Z'));
    expect(q.dayEnd).toBe(Date.parse('2024-03-10T08:00:00Z'));
    expect(keys(q)).toEqual(['k0']);
  });
});

describe('nextCard and dueTomorrow', () => {
  test('nextCard is the head of the queue, or null', () => {
    const scope = cards(2);
    const states = new Map([['k1', learningState(NOW - MIN)]]);
    expect(nextCard({ cards: scope, states, now: NOW, day: UTC })).toEqual({ key: 'k1', kind: 'learning' });
    expect(nextCard({ cards: [], states, now: NOW, day: UTC })).toBeNull();
  });

  test.each([
    ['due today', reviewState(NOW + HOUR), 0],
    ['due at the next day start', reviewState(DAY_END), 1],
    ['due at the end of tomorrow', reviewState(DAY_END + DAY - 1), 1],
    ['due the day after', reviewState(DAY_END + DAY), 0],
    ['learning, due tomorrow', learningState(DAY_END + MIN), 1],
  ])('dueTomorrow, a card %s', (_name, state, expected) => {
    expect(dueTomorrow({ cards: cards(2), states: new Map([['k0', state]]), now: NOW, day: UTC })).toBe(expected);
  });
});

describe('a study day, end to end with the scheduler', () => {
  test('introduces newPerDay cards, one per sibling group, and graduates them all', () => {
    // 10 cards in 5 sibling pairs, then 15 singles: 20 groups, 25 cards.
    const scope = cards(25, 'c', (i) => (i < 10 ? `pair${Math.floor(i / 2)}` : `c${i}`));
    const states = new Map<string, CardState>();
    const entries: ReviewEntry[] = [];
    let now = NOW;
    for (let guard = 0; guard < 500; guard += 1) {
      const today = todayCounts(entries, studyDayStart(now, UTC));
      const q = buildQueue({ cards: scope, states, now, day: UTC, today });
      const head = q.items[0];
      if (head === undefined) {
        if (q.nextLearningDue === null) break;
        now = q.nextLearningDue;
        continue;
      }
      const result = review(head.key, states.get(head.key), now, 3, 5000);
      states.set(head.key, result.state);
      entries.push(result.entry);
      now += 10_000;
    }
    expect(now).toBeLessThan(DAY_END);
    expect(todayCounts(entries, DAY_START)).toEqual({ newStudied: 20, reviewsStudied: 0 });
    expect(entries).toHaveLength(40); // each new card: Good (-> 10m step), Good (graduates)
    const studied = [...states.keys()];
    expect(studied).toHaveLength(20);
    for (const state of states.values()) expect(state.state).toBe(2);
    const groups = new Set(studied.map((key) => scope.find((c) => c.key === key)?.sibling));
    expect(groups.size).toBe(20);
    expect(dueTomorrow({ cards: scope, states, now, day: UTC })).toBeGreaterThanOrEqual(0);
  });
});

describe('performance sanity', () => {
  test('a queue over 10,000 cards builds, with the limits applied', () => {
    const scope = cards(10_000, 'k', (i) => `s${i % 7000}`);
    const states = new Map<string, CardState>();
    for (let i = 0; i < 10_000; i += 1) {
      const key = `k${i}`;
      if (i % 4 === 0) continue; // new
      if (i % 4 === 1) states.set(key, learningState(NOW - (i % 50) * MIN));
      else states.set(key, reviewState(NOW + ((i % 9) - 4) * DAY + i));
    }
    let q = buildQueue({ cards: scope, states, now: NOW, day: UTC });
    for (let i = 0; i < 20; i += 1) q = buildQueue({ cards: scope, states, now: NOW, day: UTC });
    expect(q.counts.new).toBe(20);
    expect(q.counts.review).toBe(200);
    expect(q.counts.learning).toBe(2500);
    expect(q.items).toHaveLength(2500 + 200 + 20);
  });
});

test('queueCardsOf keys cards by deck', () => {
  const deck = {
    id: 'srm',
    cards: [
      { kind: 'owner' as const, id: 'c1', question: 'q', explanation: '', tags: [], source: 's', sibling: 'f1', answer: 'AWS' as const },
    ],
  };
  expect(queueCardsOf(deck)).toEqual([{ key: 'srm/c1', sibling: 'f1' }]);
});
