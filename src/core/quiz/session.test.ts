import { describe, expect, test } from 'vitest';
import {
  answer,
  canAnswer,
  goTo,
  isOpen,
  navigatorItems,
  navigatorSummary,
  next,
  prev,
  startQuiz,
  submit,
  submitIfExpired,
  toggleFlag,
  unansweredCount,
  type QuizMode,
  type QuizSession,
} from './session';

const T0 = Date.UTC(2025, 2, 1, 10, 0, 0);
const MIN = 60_000;
const KEYS = ['d/a', 'd/b', 'd/c', 'd/d'];

function quiz(mode: QuizMode, timed = false): QuizSession {
  return startQuiz({ id: 'q1', mode, keys: KEYS, now: T0, timed });
}

describe('startQuiz', () => {
  test('creates a serialisable session with every question unanswered', () => {
    const q = startQuiz({ id: 'q1', mode: 'exam', keys: KEYS, now: T0, timed: true });
    expect(q).toEqual({
      id: 'q1',
      mode: 'exam',
      createdAt: T0,
      deadline: T0 + 6 * MIN,
      questions: KEYS.map((key) => ({ key, answer: null, flagged: false, answeredAt: null })),
      current: 0,
      submittedAt: null,
      endedBy: null,
    });
    expect(JSON.parse(JSON.stringify(q))).toEqual(q);
  });

  test.each([
    { timed: false, deadline: null },
    { timed: true, deadline: T0 + 6 * MIN },
  ])('timed $timed → deadline $deadline', ({ timed, deadline }) => {
    expect(quiz('practice', timed).deadline).toBe(deadline);
  });

  test('drops duplicate keys', () => {
    const q = startQuiz({ id: 'q', mode: 'exam', keys: ['d/a', 'd/b', 'd/a'], now: T0, timed: false });
    expect(q.questions.map((x) => x.key)).toEqual(['d/a', 'd/b']);
  });
});

describe('answer', () => {
  test.each<{ mode: QuizMode; final: 'AWS' | 'Customer' }>([
    { mode: 'exam', final: 'Customer' },
    { mode: 'practice', final: 'AWS' },
  ])('in $mode mode a second answer leaves $final', ({ mode, final }) => {
    const first = answer(quiz(mode), 1, 'AWS', T0 + 1000);
    const second = answer(first, 1, 'Customer', T0 + 2000);
    expect(first.questions[1]).toMatchObject({ answer: 'AWS', answeredAt: T0 + 1000 });
    expect(second.questions[1]?.answer).toBe(final);
    expect(canAnswer(first, 1, T0 + 2000)).toBe(mode === 'exam');
  });

  test('returns a new object and leaves the original untouched', () => {
    const before = quiz('exam');
    const after = answer(before, 0, 'Shared', T0);
    expect(after).not.toBe(before);
    expect(before.questions[0]?.answer).toBeNull();
    expect(after.questions[0]?.answer).toBe('Shared');
  });

  test.each([
    { label: 'index below range', index: -1 },
    { label: 'index above range', index: 4 },
    { label: 'fractional index', index: 1.5 },
  ])('ignores $label', ({ index }) => {
    const q = quiz('exam');
    expect(answer(q, index, 'AWS', T0)).toBe(q);
  });

  test('the same answer again changes nothing', () => {
    const q = answer(quiz('exam'), 0, 'AWS', T0);
    expect(answer(q, 0, 'AWS', T0 + 5000)).toBe(q);
  });

  test('no answers after submission, in either mode', () => {
    for (const mode of ['exam', 'practice'] as const) {
      const submitted = submit(answer(quiz(mode), 0, 'AWS', T0), T0 + MIN);
      expect(answer(submitted, 0, 'Customer', T0 + 2 * MIN)).toBe(submitted);
      expect(answer(submitted, 1, 'Customer', T0 + 2 * MIN)).toBe(submitted);
      expect(isOpen(submitted, T0 + 2 * MIN)).toBe(false);
    }
  });

  test.each([
    { offset: 6 * MIN - 1, accepted: true },
    { offset: 6 * MIN, accepted: false },
    { offset: 60 * MIN, accepted: false },
  ])('timed quiz: an answer at start + $offset ms accepted: $accepted', ({ offset, accepted }) => {
    const q = quiz('exam', true);
    const after = answer(q, 0, 'AWS', T0 + offset);
    expect(after.questions[0]?.answer ?? null).toBe(accepted ? 'AWS' : null);
  });
});

describe('flags and navigation', () => {
  test('toggleFlag flips the flag and is ignored after submission', () => {
    const flagged = toggleFlag(quiz('exam'), 2);
    expect(flagged.questions[2]?.flagged).toBe(true);
    expect(toggleFlag(flagged, 2).questions[2]?.flagged).toBe(false);
    const submitted = submit(flagged, T0);
    expect(toggleFlag(submitted, 2)).toBe(submitted);
    expect(toggleFlag(flagged, 9)).toBe(flagged);
  });

  test.each([
    { label: 'goTo 2', run: (q: QuizSession) => goTo(q, 2), current: 2 },
    { label: 'goTo out of range', run: (q: QuizSession) => goTo(q, 7), current: 0 },
    { label: 'next', run: (q: QuizSession) => next(q), current: 1 },
    { label: 'prev at the first question', run: (q: QuizSession) => prev(q), current: 0 },
    { label: 'next past the last question', run: (q: QuizSession) => next(next(next(next(next(q))))), current: 3 },
    { label: 'next then prev', run: (q: QuizSession) => prev(next(next(q))), current: 1 },
  ])('$label → question $current', ({ run, current }) => {
    expect(run(quiz('exam')).current).toBe(current);
  });

  test('navigation still works after submission, for review', () => {
    const submitted = submit(quiz('exam'), T0);
    expect(goTo(submitted, 3).current).toBe(3);
  });

  test('navigator shows answered, unanswered, flagged and current per question', () => {
    let q = quiz('exam');
    q = answer(q, 0, 'AWS', T0);
    q = answer(q, 2, 'Shared', T0);
    q = toggleFlag(q, 2);
    q = toggleFlag(q, 3);
    q = goTo(q, 1);
    expect(navigatorItems(q).map(({ number, status, flagged, current }) => [number, status, flagged, current])).toEqual([
      [1, 'answered', false, false],
      [2, 'unanswered', false, true],
      [3, 'answered', true, false],
      [4, 'unanswered', true, false],
    ]);
    expect(navigatorSummary(q)).toMatchObject({ answered: 2, unanswered: 2, flagged: 2, total: 4 });
    expect(unansweredCount(q)).toBe(2);
  });
});

describe('submit', () => {
  test('submitting with unanswered questions keeps them null', () => {
    const q = answer(quiz('exam'), 1, 'Customer', T0 + 1000);
    const submitted = submit(q, T0 + 3 * MIN);
    expect(submitted).toMatchObject({ submittedAt: T0 + 3 * MIN, endedBy: 'learner' });
    expect(unansweredCount(submitted)).toBe(3);
    expect(submitted.questions.map((x) => x.answer)).toEqual([null, 'Customer', null, null]);
  });

  test('submitting twice keeps the first submission', () => {
    const once = submit(quiz('practice'), T0 + MIN);
    expect(submit(once, T0 + 2 * MIN)).toBe(once);
  });

  test.each([
    { offset: 6 * MIN - 1, submittedAt: null, endedBy: null },
    { offset: 6 * MIN, submittedAt: T0 + 6 * MIN, endedBy: 'time' },
    { offset: 45 * MIN, submittedAt: T0 + 6 * MIN, endedBy: 'time' },
  ])('submitIfExpired at start + $offset ms → endedBy $endedBy', ({ offset, submittedAt, endedBy }) => {
    const q = quiz('exam', true);
    const after = submitIfExpired(q, T0 + offset);
    expect(after.submittedAt).toBe(submittedAt);
    expect(after.endedBy).toBe(endedBy);
    if (submittedAt === null) expect(after).toBe(q);
  });

  test('submitting after the deadline counts as time out, at the deadline', () => {
    const submitted = submit(quiz('exam', true), T0 + 10 * MIN);
    expect(submitted).toMatchObject({ submittedAt: T0 + 6 * MIN, endedBy: 'time' });
  });

  test('an untimed quiz never submits itself', () => {
    const q = quiz('practice');
    expect(submitIfExpired(q, T0 + 10_000 * MIN)).toBe(q);
  });
});
