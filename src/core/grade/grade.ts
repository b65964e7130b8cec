/**
 * Turns an answer into an FSRS rating. Owner cards are graded automatically; basic cards
 * (imported front/back cards) carry the learner's own judgement.
 */
import type { Owner, OwnerCard } from '../deck/types';
import { Rating, type Grade } from '../schedule/rating';

/** How a learner may adjust a correct answer: "I guessed" (hard), default (good), "too easy" (easy). */
export type CorrectAdjustment = 'hard' | 'good' | 'easy';

/** The learner's self-grade on a basic card. */
export type SelfGrade = 'again' | 'hard' | 'good' | 'easy';

export interface GradeResult {
  correct: boolean;
  rating: Grade;
}

const ADJUSTED_RATING: Record<CorrectAdjustment, Grade> = {
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

const SELF_GRADE_RATING: Record<SelfGrade, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

/**
 * Grades the owner the learner picked. A wrong choice is always Again, whatever the
 * adjustment; a right one is Good unless the learner adjusts it to Hard or Easy.
 */
export function gradeOwnerAnswer(card: OwnerCard, choice: Owner, adjust: CorrectAdjustment = 'good'): GradeResult {
  if (choice !== card.answer) return { correct: false, rating: Rating.Again };
  return { correct: true, rating: ADJUSTED_RATING[adjust] };
}

/** Grades a basic card from the learner's self-grade; only Again counts as incorrect. */
export function gradeBasicAnswer(selfGrade: SelfGrade): GradeResult {
  return { correct: selfGrade !== 'again', rating: SELF_GRADE_RATING[selfGrade] };
}
