/**
 * The end-of-session summary. Gather: one pass over the session's answers. Build: the
 * figures the summary screen shows.
 */
import type { ReviewEntry } from '../schedule/types';

export interface SessionSummary {
  /** Answers given, learning steps included. */
  answers: number;
  /** Distinct cards answered. */
  cards: number;
  /** Cards seen for the first time. */
  newCards: number;
  /** Answers rated above Again. */
  correct: number;
  /** correct / answers, or null without answers. */
  accuracy: number | null;
  /** Sum of answer durations, ms. */
  timeMs: number;
  /** Passed through from `dueTomorrow` in core/schedule/queue. */
  dueTomorrow: number;
}

interface Gathered {
  answers: number;
  keys: Set<string>;
  newCards: number;
  correct: number;
  timeMs: number;
}

function gather(entries: readonly ReviewEntry[]): Gathered {
  const gathered: Gathered = { answers: 0, keys: new Set(), newCards: 0, correct: 0, timeMs: 0 };
  for (const entry of entries) {
    gathered.answers += 1;
    gathered.keys.add(entry.key);
    if (entry.state === 0) gathered.newCards += 1;
    // Owner cards are graded Again when wrong; self-graded cards count Hard and up as recalled.
    if (entry.rating > 1) gathered.correct += 1;
    gathered.timeMs += Math.max(0, entry.duration);
  }
  return gathered;
}

/**
 * Summary of `entries`, the answers since the session started (undone answers removed).
 * `dueTomorrow` comes from the queue module, which knows the cards in scope.
 */
export function sessionSummary(entries: readonly ReviewEntry[], dueTomorrow: number): SessionSummary {
  const g = gather(entries);
  return {
    answers: g.answers,
    cards: g.keys.size,
    newCards: g.newCards,
    correct: g.correct,
    accuracy: g.answers === 0 ? null : g.correct / g.answers,
    timeMs: g.timeMs,
    dueTomorrow,
  };
}
