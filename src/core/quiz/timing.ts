/**
 * Time limits for timed quizzes. All times are epoch milliseconds passed in by the caller.
 *
 * The CLF-C02 exam gives 90 minutes for 65 questions. A timed quiz with another number of
 * questions gets the same time per question, rounded UP to whole minutes, so the learner is
 * never short-changed: 65 → 90 min, 10 → 14 min (13.8), 20 → 28 min (27.7), 1 → 2 min.
 */

export const EXAM_QUESTIONS = 65;
export const EXAM_MINUTES = 90;
export const MINUTE_MS = 60_000;

/** Whole minutes allowed for `count` questions: ceil(90 × count / 65); 0 for no questions. */
export function durationMinutes(count: number): number {
  const questions = Math.floor(count);
  if (!(questions > 0)) return 0;
  // Integer arithmetic: ceil(a / b) = floor((a + b − 1) / b) for positive integers.
  return Math.floor((EXAM_MINUTES * questions + EXAM_QUESTIONS - 1) / EXAM_QUESTIONS);
}

export function durationMs(count: number): number {
  return durationMinutes(count) * MINUTE_MS;
}

/** The epoch-ms deadline of a quiz started at `startedAt`, or null when it is not timed. */
export function deadline(startedAt: number, count: number, timed: boolean): number | null {
  return timed ? startedAt + durationMs(count) : null;
}

/** Anything with a deadline, e.g. a QuizSession. */
export interface HasDeadline {
  deadline: number | null;
}

/** Milliseconds left at `now` (never negative), or null for an untimed quiz. */
export function remainingMs(quiz: HasDeadline, now: number): number | null {
  return quiz.deadline === null ? null : Math.max(0, quiz.deadline - now);
}

/** True from the deadline itself onwards: at exactly `deadline` no time is left. */
export function isExpired(quiz: HasDeadline, now: number): boolean {
  return quiz.deadline !== null && now >= quiz.deadline;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * A countdown clock: "mm:ss" below an hour, "h:mm:ss" from an hour on.
 * Rounds UP to whole seconds, so the clock shows 00:00 only when the time is really up;
 * negative or non-finite input shows 00:00.
 */
export function formatClock(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad2(minutes)}:${pad2(seconds)}` : `${pad2(minutes)}:${pad2(seconds)}`;
}
