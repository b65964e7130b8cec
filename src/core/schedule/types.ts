/**
 * Scheduling data as the app holds and stores it: epoch milliseconds and small integers,
 * never `Date` objects. Conversion to and from ts-fsrs objects happens in core/schedule only.
 */
import type { CardKey } from '../deck/types';

/** ts-fsrs `State`: 0 New, 1 Learning, 2 Review, 3 Relearning. */
export type FsrsState = 0 | 1 | 2 | 3;
/** ts-fsrs `Grade`: 1 Again, 2 Hard, 3 Good, 4 Easy. */
export type GradeValue = 1 | 2 | 3 | 4;

/** The FSRS memory state of one card that has been reviewed at least once. */
export interface CardState {
  /** Epoch ms when the card is next due. */
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: FsrsState;
  /** Epoch ms of the last review, or null if never reviewed. */
  lastReview: number | null;
}

/** One answer, as logged for statistics, undo and later parameter optimisation. */
export interface ReviewEntry {
  key: CardKey;
  /** Epoch ms of the answer. */
  review: number;
  rating: GradeValue;
  /** The card's state before this review (New cards: 0). */
  state: FsrsState;
  /** Milliseconds the learner took to answer (capped by the caller). */
  duration: number;
}
