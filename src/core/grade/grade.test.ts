import { describe, expect, test } from 'vitest';
import type { Owner, OwnerCard } from '../deck/types';
import { Rating } from '../schedule/rating';
import { gradeBasicAnswer, gradeOwnerAnswer, type CorrectAdjustment, type SelfGrade } from './grade';

function ownerCard(answer: Owner): OwnerCard {
  return {
    kind: 'owner',
    id: 'fact.direct',
    question: 'Who is responsible for it?',
    answer,
    explanation: '',
    tags: [],
    source: '',
    sibling: 'fact',
  };
}

describe('gradeOwnerAnswer', () => {
  test.each<[Owner, Owner, CorrectAdjustment | undefined, boolean, Rating]>([
    ['Customer', 'Customer', undefined, true, Rating.Good],
    ['Customer', 'Customer', 'good', true, Rating.Good],
    ['Customer', 'Customer', 'hard', true, Rating.Hard],
    ['Customer', 'Customer', 'easy', true, Rating.Easy],
    ['AWS', 'AWS', undefined, true, Rating.Good],
    ['Shared', 'Shared', 'easy', true, Rating.Easy],
    ['Customer', 'AWS', undefined, false, Rating.Again],
    ['Customer', 'Shared', 'easy', false, Rating.Again],
    ['AWS', 'Customer', 'hard', false, Rating.Again],
    ['Shared', 'AWS', 'good', false, Rating.Again],
  ])('answer %s, choice %s, adjust %s', (answer, choice, adjust, correct, rating) => {
    expect(gradeOwnerAnswer(ownerCard(answer), choice, adjust)).toEqual({ correct, rating });
  });
});

describe('gradeBasicAnswer', () => {
  test.each<[SelfGrade, boolean, Rating]>([
    ['again', false, Rating.Again],
    ['hard', true, Rating.Hard],
    ['good', true, Rating.Good],
    ['easy', true, Rating.Easy],
  ])('%s', (selfGrade, correct, rating) => {
    expect(gradeBasicAnswer(selfGrade)).toEqual({ correct, rating });
  });
});
