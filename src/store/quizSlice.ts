import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** Exam practice: the quiz in progress and past attempts (filled in by the quiz feature). */
export interface QuizSlice {
  /** Reads the quiz in progress and the attempt history from storage. */
  loadQuizState: () => void;
}

export const createQuizSlice: StateCreator<AppState, [], [], QuizSlice> = () => ({
  loadQuizState: () => undefined,
});
