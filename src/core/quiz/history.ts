/**
 * Finished quizzes as kept in the attempt history: compact (no card texts, only keys and
 * counts), JSON-serialisable, and enough to show progress over time and to feed the
 * "focus on weak areas" selection with past wrong answers.
 */
import type { CardKey } from '../deck/types';
import { breakdown, missed, scoreQuiz, type BreakdownRow, type CardsByKey } from './score';
import type { QuizMode, QuizSession } from './session';

export interface QuizAttempt {
  /** The quiz session's id. */
  id: string;
  mode: QuizMode;
  /** Epoch ms of submission. */
  finishedAt: number;
  total: number;
  correct: number;
  /** Whole percent, rounded. */
  percent: number;
  breakdown: { category: BreakdownRow[]; owner: BreakdownRow[] };
  /** Wrong or unanswered questions, in quiz order. */
  missedKeys: CardKey[];
}

/** Summarises a submitted quiz; null while the quiz is still running. */
export function toAttempt(quiz: QuizSession, cardsByKey: CardsByKey): QuizAttempt | null {
  if (quiz.submittedAt === null) return null;
  const score = scoreQuiz(quiz, cardsByKey);
  const rows = breakdown(quiz, cardsByKey);
  return {
    id: quiz.id,
    mode: quiz.mode,
    finishedAt: quiz.submittedAt,
    total: score.total,
    correct: score.correct,
    percent: score.percent,
    breakdown: { category: rows.category, owner: rows.owner },
    missedKeys: missed(quiz, cardsByKey).map((m) => m.key),
  };
}

export interface Trend {
  /** Percents of the last `limit` attempts, oldest first. */
  percents: number[];
  /** Percent of the most recent attempt, or null with no attempts. */
  latest: number | null;
  /** Percent of the attempt before it, or null with fewer than two attempts. */
  previous: number | null;
  /** latest − previous in percentage points, or null with fewer than two attempts. */
  change: number | null;
  /** Best percent over all attempts, or null with no attempts. */
  best: number | null;
  /** Number of attempts considered (all of them, not only the last `limit`). */
  count: number;
}

export const TREND_LENGTH = 10;

function chronological(attempts: readonly QuizAttempt[]): QuizAttempt[] {
  return [...attempts].sort((a, b) => a.finishedAt - b.finishedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Progress over time; attempts may come in any order (sorted by finishedAt, then id). */
export function trend(attempts: readonly QuizAttempt[], limit: number = TREND_LENGTH): Trend {
  const sorted = chronological(attempts);
  const all = sorted.map((a) => a.percent);
  const latest = all.at(-1) ?? null;
  const previous = all.length >= 2 ? (all.at(-2) ?? null) : null;
  const keep = Math.max(0, Math.floor(limit));
  return {
    percents: keep > 0 ? all.slice(-keep) : [],
    latest,
    previous,
    change: latest !== null && previous !== null ? latest - previous : null,
    best: all.length > 0 ? Math.max(...all) : null,
    count: all.length,
  };
}

/** For each card, in how many attempts it was missed; feeds WeaknessInput.quizWrong. */
export function quizWrongCounts(attempts: readonly QuizAttempt[]): Map<CardKey, number> {
  const counts = new Map<CardKey, number>();
  for (const attempt of attempts) {
    for (const key of new Set(attempt.missedKeys)) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}
