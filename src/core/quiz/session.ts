/**
 * The state of one quiz in progress, and its transitions.
 *
 * A QuizSession is a plain, JSON-serialisable object (epoch-ms numbers, no Dates, no Maps)
 * so the store can keep it in localStorage and resume it after a reload. Every transition
 * is pure and returns a new object, or the SAME object when nothing changes (so React and
 * Zustand can skip re-rendering).
 *
 * Modes:
 * - 'exam': answers can be changed freely until the quiz is submitted (like the real exam).
 * - 'practice': an answer is final once given (the UI shows feedback straight away).
 * Either mode may be timed (`deadline` set) or untimed (`deadline` null).
 *
 * Answers no longer change after submission or once the deadline has passed; flags no longer
 * change after submission. Navigation (goTo/next/prev) always works, for reviewing.
 */
import type { CardKey, Owner } from '../deck/types';
import { deadline as deadlineFor, isExpired } from './timing';

export type QuizMode = 'practice' | 'exam';

export interface QuizQuestion {
  key: CardKey;
  /** The learner's answer, or null while unanswered. */
  answer: Owner | null;
  /** Marked "for review" by the learner. */
  flagged: boolean;
  /** Epoch ms of the latest answer, or null while unanswered. */
  answeredAt: number | null;
}

export interface QuizSession {
  /** Chosen by the caller (the core never generates random ids). */
  id: string;
  mode: QuizMode;
  /** Epoch ms the quiz started. */
  createdAt: number;
  /** Epoch ms when time runs out, or null for an untimed quiz. */
  deadline: number | null;
  questions: QuizQuestion[];
  /** Index of the question on screen; 0 for an empty quiz. */
  current: number;
  /** Epoch ms of submission (capped at the deadline when time ran out), or null while running. */
  submittedAt: number | null;
  /** How the quiz ended: submitted by the learner, or by the clock; null while running. */
  endedBy: 'learner' | 'time' | null;
}

export interface StartQuizOptions {
  id: string;
  mode: QuizMode;
  /** The questions in order, e.g. from selectQuestions; duplicates are dropped. */
  keys: readonly CardKey[];
  now: number;
  /** Whether the quiz has a time limit (see timing.ts for the duration). */
  timed: boolean;
}

export function startQuiz({ id, mode, keys, now, timed }: StartQuizOptions): QuizSession {
  const unique = [...new Set(keys)];
  return {
    id,
    mode,
    createdAt: now,
    deadline: deadlineFor(now, unique.length, timed),
    questions: unique.map((key) => ({ key, answer: null, flagged: false, answeredAt: null })),
    current: 0,
    submittedAt: null,
    endedBy: null,
  };
}

export function isSubmitted(quiz: QuizSession): boolean {
  return quiz.submittedAt !== null;
}

/** Answers and flags can change: not submitted and, if timed, before the deadline. */
export function isOpen(quiz: QuizSession, now: number): boolean {
  return !isSubmitted(quiz) && !isExpired(quiz, now);
}

function inRange(quiz: QuizSession, index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < quiz.questions.length;
}

function replaceQuestion(quiz: QuizSession, index: number, question: QuizQuestion): QuizSession {
  const questions = quiz.questions.slice();
  questions[index] = question;
  return { ...quiz, questions };
}

/** Whether `answer(quiz, index, …, now)` would have an effect for some owner. */
export function canAnswer(quiz: QuizSession, index: number, now: number): boolean {
  const question = quiz.questions[index];
  if (question === undefined || !inRange(quiz, index) || !isOpen(quiz, now)) return false;
  return quiz.mode === 'exam' || question.answer === null;
}

/**
 * Records `owner` as the answer to question `index`. Ignored (same object returned) when the
 * quiz is submitted or expired, the index is out of range, or in practice mode when the
 * question already has an answer. In exam mode a later answer replaces the earlier one.
 */
export function answer(quiz: QuizSession, index: number, owner: Owner, now: number): QuizSession {
  const question = quiz.questions[index];
  if (question === undefined || !canAnswer(quiz, index, now)) return quiz;
  if (question.answer === owner) return quiz;
  return replaceQuestion(quiz, index, { ...question, answer: owner, answeredAt: now });
}

/** Flags or unflags question `index` for review; ignored once the quiz is submitted. */
export function toggleFlag(quiz: QuizSession, index: number): QuizSession {
  const question = quiz.questions[index];
  if (question === undefined || !inRange(quiz, index) || isSubmitted(quiz)) return quiz;
  return replaceQuestion(quiz, index, { ...question, flagged: !question.flagged });
}

/** Shows question `index`; out-of-range indexes are ignored. Works after submission too. */
export function goTo(quiz: QuizSession, index: number): QuizSession {
  if (!inRange(quiz, index) || index === quiz.current) return quiz;
  return { ...quiz, current: index };
}

/** The next question; stays on the last one. */
export function next(quiz: QuizSession): QuizSession {
  return goTo(quiz, quiz.current + 1);
}

/** The previous question; stays on the first one. */
export function prev(quiz: QuizSession): QuizSession {
  return goTo(quiz, quiz.current - 1);
}

export function unansweredCount(quiz: QuizSession): number {
  return quiz.questions.filter((q) => q.answer === null).length;
}

export function flaggedCount(quiz: QuizSession): number {
  return quiz.questions.filter((q) => q.flagged).length;
}

/**
 * Ends the quiz. Unanswered questions stay null (and score as wrong). Submitting at or after
 * the deadline counts as running out of time: `endedBy` is 'time' and `submittedAt` is the
 * deadline itself. A quiz already submitted is returned unchanged.
 */
export function submit(quiz: QuizSession, now: number): QuizSession {
  if (isSubmitted(quiz)) return quiz;
  if (quiz.deadline !== null && isExpired(quiz, now)) {
    return { ...quiz, submittedAt: quiz.deadline, endedBy: 'time' };
  }
  return { ...quiz, submittedAt: now, endedBy: 'learner' };
}

/** Submits the quiz if its time is up (call on every clock tick and on resume); else unchanged. */
export function submitIfExpired(quiz: QuizSession, now: number): QuizSession {
  return isExpired(quiz, now) ? submit(quiz, now) : quiz;
}

/** One cell of the question navigator. */
export interface NavigatorItem {
  index: number;
  /** 1-based question number for display. */
  number: number;
  key: CardKey;
  status: 'answered' | 'unanswered';
  flagged: boolean;
  current: boolean;
}

export interface NavigatorSummary {
  items: NavigatorItem[];
  answered: number;
  unanswered: number;
  flagged: number;
  total: number;
}

export function navigatorItems(quiz: QuizSession): NavigatorItem[] {
  return quiz.questions.map((q, index) => ({
    index,
    number: index + 1,
    key: q.key,
    status: q.answer === null ? 'unanswered' : 'answered',
    flagged: q.flagged,
    current: index === quiz.current,
  }));
}

export function navigatorSummary(quiz: QuizSession): NavigatorSummary {
  const items = navigatorItems(quiz);
  const unanswered = unansweredCount(quiz);
  return {
    items,
    answered: items.length - unanswered,
    unanswered,
    flagged: flaggedCount(quiz),
    total: items.length,
  };
}
