/**
 * Scores a submitted (or running) quiz against the cards it was built from.
 *
 * - Every question scores 1 if the learner's answer equals the card's owner, else 0;
 *   an unanswered question counts as wrong.
 * - Questions whose card no longer exists (deleted deck) or is not an owner card are left
 *   out of every count, so `total` can be lower than the number of questions.
 * - Pass mark: 70 % correct. The real CLF-C02 exam reports a scaled score from 100 to 1000
 *   and passes at 700; AWS does not publish the raw-to-scaled mapping, so 70 % of raw
 *   questions is only an approximation.
 */
import type { Card, CardKey, OwnerCard, Owner } from '../deck/types';
import type { QuizSession } from './session';

export const PASS_MARK = 0.7;
export const CATEGORY_PREFIX = 'category:';
/** Category label for a card with no `category:` tag. */
export const NO_CATEGORY = 'uncategorised';

export type CardsByKey = ReadonlyMap<CardKey, Card>;

export interface QuizScore {
  correct: number;
  total: number;
  /** Whole percent, rounded; 0 for an empty quiz. */
  percent: number;
  passed: boolean;
}

export interface BreakdownRow {
  label: string;
  correct: number;
  total: number;
  /** Whole percent, rounded. */
  percent: number;
}

export interface Breakdown {
  /** By service category (the value of the `category:` tag, e.g. "infrastructure"). */
  category: BreakdownRow[];
  /** By correct answer: "AWS", "Customer", "Shared". */
  owner: BreakdownRow[];
  /** By every tag on the card, full tag text, e.g. "service:ec2". */
  tag: BreakdownRow[];
}

export interface MissedQuestion {
  index: number;
  key: CardKey;
  question: string;
  explanation: string;
  /** The learner's answer, or null if unanswered. */
  given: Owner | null;
  correct: Owner;
  tags: string[];
}

interface Scored {
  index: number;
  key: CardKey;
  card: OwnerCard;
  given: Owner | null;
  right: boolean;
}

function scoredQuestions(quiz: QuizSession, cardsByKey: CardsByKey): Scored[] {
  const out: Scored[] = [];
  quiz.questions.forEach((q, index) => {
    const card = cardsByKey.get(q.key);
    if (card === undefined || card.kind !== 'owner') return;
    out.push({ index, key: q.key, card, given: q.answer, right: q.answer === card.answer });
  });
  return out;
}

export function percentOf(correct: number, total: number): number {
  return total > 0 ? Math.round((100 * correct) / total) : 0;
}

/** Whether `correct` of `total` reaches the pass mark (exact ratio, not the rounded percent). */
export function isPassing(correct: number, total: number): boolean {
  return total > 0 && correct / total >= PASS_MARK;
}

export function scoreQuiz(quiz: QuizSession, cardsByKey: CardsByKey): QuizScore {
  const scored = scoredQuestions(quiz, cardsByKey);
  const correct = scored.filter((s) => s.right).length;
  const total = scored.length;
  return { correct, total, percent: percentOf(correct, total), passed: isPassing(correct, total) };
}

export function categoriesOf(card: Card): string[] {
  const categories = card.tags
    .filter((tag) => tag.startsWith(CATEGORY_PREFIX))
    .map((tag) => tag.slice(CATEGORY_PREFIX.length));
  return categories.length > 0 ? [...new Set(categories)] : [NO_CATEGORY];
}

/** Worst first: lowest exact ratio, then the larger total, then label. */
export function compareRows(a: BreakdownRow, b: BreakdownRow): number {
  // a.correct / a.total vs b.correct / b.total without rounding; totals are positive.
  const byRatio = a.correct * b.total - b.correct * a.total;
  if (byRatio !== 0) return byRatio;
  if (a.total !== b.total) return b.total - a.total;
  return a.label < b.label ? -1 : a.label > b.label ? 1 : 0;
}

function tally(items: readonly Scored[], labelsOf: (s: Scored) => readonly string[]): BreakdownRow[] {
  const counts = new Map<string, { correct: number; total: number }>();
  for (const item of items) {
    for (const label of new Set(labelsOf(item))) {
      const count = counts.get(label) ?? { correct: 0, total: 0 };
      count.total += 1;
      if (item.right) count.correct += 1;
      counts.set(label, count);
    }
  }
  return [...counts]
    .map(([label, { correct, total }]) => ({ label, correct, total, percent: percentOf(correct, total) }))
    .sort(compareRows);
}

export function breakdown(quiz: QuizSession, cardsByKey: CardsByKey): Breakdown {
  const scored = scoredQuestions(quiz, cardsByKey);
  return {
    category: tally(scored, (s) => categoriesOf(s.card)),
    owner: tally(scored, (s) => [s.card.answer]),
    tag: tally(scored, (s) => s.card.tags),
  };
}

/** The questions answered wrongly or not at all, in quiz order. */
export function missed(quiz: QuizSession, cardsByKey: CardsByKey): MissedQuestion[] {
  return scoredQuestions(quiz, cardsByKey)
    .filter((s) => !s.right)
    .map((s) => ({
      index: s.index,
      key: s.key,
      question: s.card.question,
      explanation: s.card.explanation,
      given: s.given,
      correct: s.card.answer,
      tags: s.card.tags,
    }));
}
