import { act } from '@testing-library/react';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { cardKey, type Card, type OwnerCard } from '../../core/deck/types';
import type { QuizAttempt } from '../../core/quiz/history';
import { getCollection } from '../../store/collection';
import { MAX_ATTEMPTS, parseQuizAttempts, quizPool, QUIZ_DOCS, type QuizSetup } from '../../store/quizSlice';
import { useAppStore } from '../../store/store';

vi.setConfig({ testTimeout: 30_000 });

async function boot(): Promise<void> {
  useAppStore.setState(useAppStore.getInitialState(), true);
  await act(async () => {
    await useAppStore.getState().init();
  });
}

beforeEach(async () => {
  await boot();
});

function card(id: string, tags: string[], kind: 'owner' | 'basic' = 'owner'): Card {
  const base = { id, question: id, explanation: '', tags, source: '', sibling: id };
  return kind === 'owner' ? ({ ...base, kind, answer: 'AWS' } satisfies OwnerCard) : { ...base, kind, answer: 'text' };
}

function attempt(id: string, finishedAt: number, missedKeys: string[] = []): QuizAttempt {
  return { id, mode: 'exam', finishedAt, total: 10, correct: 5, percent: 50, breakdown: { category: [], owner: [] }, missedKeys };
}

const SETUP: QuizSetup = { deckIds: null, tags: [], count: 10, mode: 'exam', timed: false, focusWeak: false };

describe('pool', () => {
  test('only owner cards can be asked', () => {
    const deck = { id: 'd', name: 'D', description: '', builtIn: false, cards: [card('o', []), card('b', [], 'basic')] };
    expect(quizPool([deck], []).map((p) => p.key)).toEqual([cardKey('d', 'o')]);
  });

  test('a quiz draws from the decks included in study by default', () => {
    const [first] = useAppStore.getState().builtinDecks;
    if (!first) throw new Error('no decks');
    useAppStore.getState().updateSettings({ excludedDecks: [first.id] });
    expect(useAppStore.getState().startQuiz({ ...SETUP, count: 65 })).toBe(true);
    const keys = useAppStore.getState().quiz?.questions.map((q) => q.key) ?? [];
    expect(keys).toHaveLength(65);
    expect(keys.some((k) => k.startsWith(`${first.id}/`))).toBe(false);
  });
});

describe('history', () => {
  test('malformed attempts are dropped one by one; a non-list is ignored', () => {
    expect(parseQuizAttempts([attempt('ok', 1), { id: 'bad' }, null])?.map((a) => a.id)).toEqual(['ok']);
    expect(parseQuizAttempts({ attempts: [] })).toBeUndefined();
  });

  test(`keeps the newest ${MAX_ATTEMPTS} attempts, newest last`, async () => {
    const old = Array.from({ length: MAX_ATTEMPTS }, (_, i) => attempt(`old-${i}`, 1_000 + i));
    getCollection().setDoc(QUIZ_DOCS.attempts, old);
    await boot();
    expect(useAppStore.getState().quizAttempts).toHaveLength(MAX_ATTEMPTS);
    useAppStore.getState().startQuiz(SETUP);
    useAppStore.getState().submitQuiz();
    const stored = getCollection().getDoc(QUIZ_DOCS.attempts, parseQuizAttempts) ?? [];
    expect(stored).toHaveLength(MAX_ATTEMPTS);
    expect(stored[0]?.id).toBe('old-1');
    expect(stored.at(-1)?.id).toBe(useAppStore.getState().quiz?.id);
    // Submitting again (or loading the submitted quiz again) does not add it twice.
    useAppStore.getState().submitQuiz();
    await boot();
    expect(useAppStore.getState().quizAttempts.filter((a) => a.id === stored.at(-1)?.id)).toHaveLength(1);
  });
});

describe('focus on weak areas', () => {
  test('cards missed in past quizzes and forgotten in study come up far more often', () => {
    const pool = quizPool(useAppStore.getState().builtinDecks, []);
    // Ten cards from ten different facts (the selection keeps siblings apart).
    const bySibling = new Map(pool.map((p) => [`${p.deckId}/${p.card.sibling}`, p.key]));
    const weak = [...bySibling.values()].slice(0, 10);
    const now = Date.now();
    // Five past misses each (counted up to 3), plus lapses and a long-overdue review for half of them.
    getCollection().setDoc(QUIZ_DOCS.attempts, Array.from({ length: 5 }, (_, i) => attempt(`a${i}`, now - 1000 * (i + 1), weak)));
    getCollection().setStates(
      weak.slice(0, 5).map((key) => [key, { due: now - 90 * 86_400_000, stability: 2, difficulty: 8, scheduledDays: 2, learningSteps: 0, reps: 6, lapses: 4, state: 2, lastReview: now - 92 * 86_400_000 }] as const),
    );
    useAppStore.getState().loadQuizState();

    let clock = now;
    vi.spyOn(Date, 'now').mockImplementation(() => (clock += 7919));
    const weakPicked = (focusWeak: boolean) => {
      let picked = 0;
      for (let run = 0; run < 30; run += 1) {
        useAppStore.getState().startQuiz({ ...SETUP, focusWeak });
        picked += useAppStore.getState().quiz?.questions.filter((q) => weak.includes(q.key)).length ?? 0;
      }
      return picked;
    };
    // Uniform: 10 of 234 cards, 10 drawn, 30 quizzes → about 13 weak questions in all.
    const without = weakPicked(false);
    const withFocus = weakPicked(true);
    expect(without).toBeLessThan(35);
    expect(withFocus).toBeGreaterThan(60);
  });
});
