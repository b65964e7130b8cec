import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { cardKey, type Card, type CardKey } from '../../core/deck/types';
import type { CardState } from '../../core/schedule/types';
import { getCollection } from '../../store/collection';
import { QUIZ_DOCS } from '../../store/quizSlice';
import { useAppStore } from '../../store/store';
import QuizScreen from './QuizScreen';

/** Starts the store as the app does (built-in decks, collection on localStorage); also used to simulate a reload. */
async function boot(): Promise<void> {
  useAppStore.setState(useAppStore.getInitialState(), true);
  await act(async () => {
    await useAppStore.getState().init();
  });
}

function cardFor(key: CardKey): Card {
  for (const deck of useAppStore.getState().builtinDecks) {
    for (const card of deck.cards) if (cardKey(deck.id, card.id) === key) return card;
  }
  throw new Error(`no card ${key}`);
}

function currentQuiz() {
  const quiz = useAppStore.getState().quiz;
  if (!quiz) throw new Error('no quiz');
  return quiz;
}

function currentCard(): Card {
  const quiz = currentQuiz();
  const question = quiz.questions[quiz.current];
  if (!question) throw new Error('no question');
  return cardFor(question.key);
}

async function startQuiz(user: ReturnType<typeof userEvent.setup>, mode: 'Practice' | 'Exam', count: '10' | '20' | '65' = '10') {
  await user.click(screen.getByRole('radio', { name: count }));
  await user.click(screen.getByRole('radio', { name: mode }));
  await user.click(screen.getByRole('button', { name: 'Start quiz' }));
  expect(await screen.findByText(`Question 1 of ${count}`)).toBeInTheDocument();
}

// Each test boots the whole store and walks through several screens; leave room on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

beforeEach(async () => {
  await boot();
});

describe('setup', () => {
  test('offers the study decks, tag groups, counts and modes, with the pool size', async () => {
    const user = userEvent.setup();
    render(<QuizScreen />);
    expect(screen.getByRole('heading', { level: 1, name: 'Exam practice' })).toBeInTheDocument();
    for (const name of ['Fundamentals', 'Service categories', 'Control types']) {
      expect(screen.getByRole('checkbox', { name })).toBeChecked();
    }
    const total = useAppStore.getState().builtinDecks.reduce((n, d) => n + d.cards.filter((c) => c.kind === 'owner').length, 0);
    expect(screen.getByRole('status')).toHaveTextContent(`${total} questions match`);

    // Tags narrow the pool: any within a group, all across groups.
    await user.click(screen.getByRole('checkbox', { name: 'EC2' }));
    expect(screen.getByRole('status')).toHaveTextContent('27 questions match');
    await user.click(screen.getByRole('checkbox', { name: 'S3' }));
    expect(screen.getByRole('status')).toHaveTextContent('48 questions match');
    await user.click(screen.getByRole('radio', { name: '65' }));
    expect(screen.getByRole('status')).toHaveTextContent('fewer than 65, so the quiz will have 48 questions');
    const ownerGroup = screen.getByRole('list', { name: 'Owner' });
    await user.click(within(ownerGroup).getByRole('checkbox', { name: 'Customer' }));
    const narrowed = Number(/(\d+) questions? match/.exec(screen.getByRole('status').textContent ?? '')?.[1]);
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(48);

    // The exam timer follows the number of questions (90 min per 65).
    await user.click(screen.getByRole('button', { name: 'Clear tags' }));
    await user.click(screen.getByRole('radio', { name: 'Exam' }));
    expect(screen.getByRole('checkbox', { name: 'Time limit' })).toHaveAccessibleDescription(/1 h 30 min for 65 questions/);
    await user.click(screen.getByRole('radio', { name: '10' }));
    expect(screen.getByRole('checkbox', { name: 'Time limit' })).toHaveAccessibleDescription(/14 min for 10 questions/);
  });

  test('a custom number of questions is used, and the options are remembered', async () => {
    const user = userEvent.setup();
    render(<QuizScreen />);
    await user.click(screen.getByRole('radio', { name: 'Custom' }));
    const input = screen.getByRole('spinbutton', { name: 'Custom number' });
    await user.clear(input);
    await user.type(input, '7');
    await user.click(screen.getByRole('checkbox', { name: 'Focus on weak areas' }));
    await user.click(screen.getByRole('button', { name: 'Start quiz' }));
    expect(await screen.findByText('Question 1 of 7')).toBeInTheDocument();
    expect(getCollection().getDoc(QUIZ_DOCS.setup, (v) => v)).toMatchObject({ count: 7, focusWeak: true, mode: 'practice' });
  });

  test('with no deck ticked the quiz cannot start', async () => {
    const user = userEvent.setup();
    render(<QuizScreen />);
    for (const name of ['Fundamentals', 'Service categories', 'Control types']) await user.click(screen.getByRole('checkbox', { name }));
    expect(screen.getByRole('status')).toHaveTextContent('0 questions match');
    await user.click(screen.getByRole('button', { name: 'Start quiz' }));
    expect(screen.getByRole('alert')).toHaveTextContent('No questions match');
    expect(useAppStore.getState().quiz).toBeNull();
  });
});

describe('practice mode', () => {
  test('answers by click and by key, each followed by the verdict, the owner and the explanation', async () => {
    const user = userEvent.setup();
    render(<QuizScreen />);
    await startQuiz(user, 'Practice');
    expect(screen.getByRole('progressbar', { name: 'Questions answered' })).toHaveAttribute('aria-valuenow', '0');

    // By click.
    const first = currentCard();
    expect(screen.getByRole('heading', { level: 2, name: first.question })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'AWS' }));
    const verdict1 = screen.getByText(first.answer === 'AWS' ? 'Correct' : 'Not quite').closest('.verdict');
    expect(verdict1).not.toBeNull();
    expect(verdict1?.parentElement).toHaveAttribute('aria-live', 'polite');
    expect(verdict1).toHaveTextContent(new RegExp(`the answer is ${first.answer}\\.`, 'i'));
    if (first.explanation) expect(verdict1).toHaveTextContent(first.explanation);
    // The answer is final in practice mode.
    expect(screen.getByRole('button', { name: 'Customer' })).toBeDisabled();
    expect(screen.getByRole('progressbar', { name: 'Questions answered' })).toHaveAttribute('aria-valuenow', '1');

    // Enter goes on; then answer by key.
    await user.keyboard('{Enter}');
    expect(screen.getByText('Question 2 of 10')).toBeInTheDocument();
    const second = currentCard();
    await user.keyboard('c');
    expect(screen.getByText(second.answer === 'Customer' ? 'Correct' : 'Not quite')).toBeInTheDocument();
    expect(currentQuiz().questions[1]?.answer).toBe('Customer');
    if (second.answer !== 'Customer') expect(screen.getByText(/You answered/)).toHaveTextContent(`You answered Customer; the answer is ${second.answer}.`);

    // Space also goes on; the keys 1/2/3 answer too.
    await user.keyboard(' ');
    expect(screen.getByText('Question 3 of 10')).toBeInTheDocument();
    await user.keyboard('3');
    expect(currentQuiz().questions[2]?.answer).toBe('Shared');
    expect(screen.getByRole('button', { name: 'Next question' })).toBeInTheDocument();
  });

  test('the last answer leads to the results', async () => {
    const user = userEvent.setup();
    render(<QuizScreen />);
    await startQuiz(user, 'Practice');
    for (let i = 0; i < 10; i += 1) {
      await user.keyboard(currentCard().answer === 'AWS' ? '1' : currentCard().answer === 'Customer' ? '2' : '3');
      await user.keyboard('{Enter}');
    }
    expect(await screen.findByRole('heading', { level: 1, name: 'Practice results' })).toBeInTheDocument();
    expect(screen.getByText('10 / 10 correct')).toBeInTheDocument();
    expect(screen.getByText('Pass', { selector: '.result-badge' })).toBeInTheDocument();
    expect(screen.getByText('Nothing missed. Well done!')).toBeInTheDocument();
  });
});

describe('exam mode', () => {
  test('flag, navigator, unanswered warning, submit → results with breakdown and missed questions', async () => {
    const user = userEvent.setup();
    render(<QuizScreen />);
    await startQuiz(user, 'Exam');
    expect(screen.getByRole('timer')).toHaveTextContent('14:00');
    const navigator = screen.getByRole('navigation', { name: 'Question navigator' });
    expect(within(navigator).getAllByRole('button')).toHaveLength(10);

    // No feedback in exam mode; answers can be changed.
    await user.keyboard('1');
    expect(screen.queryByText('Correct')).toBeNull();
    expect(screen.queryByText('Not quite')).toBeNull();
    expect(screen.getByRole('button', { name: 'AWS' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Shared' }));
    expect(screen.getByRole('button', { name: 'Shared' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'AWS' })).toHaveAttribute('aria-pressed', 'false');

    // Flag question 1 by key, move on, flag question 2 by button.
    await user.keyboard('f');
    expect(within(navigator).getByRole('button', { name: 'Question 1, answered, flagged' })).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('Question 2 of 10')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Flag for review' }));
    expect(screen.getByRole('button', { name: 'Flag for review' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(navigator).getByRole('button', { name: 'Question 2, unanswered, flagged' })).toHaveAttribute('aria-current', 'step');
    await user.keyboard('n');
    await user.keyboard('c');
    expect(within(navigator).getByRole('button', { name: 'Question 3, answered' })).toBeInTheDocument();

    // Revisit the flagged question through the navigator and answer it.
    await user.click(within(navigator).getByRole('button', { name: 'Question 2, unanswered, flagged' }));
    expect(screen.getByText('Question 2 of 10')).toBeInTheDocument();
    expect(screen.getByText('Flagged for review')).toBeInTheDocument();
    await user.keyboard('a');
    await user.keyboard('f');
    expect(within(navigator).getByRole('button', { name: 'Question 2, answered' })).toBeInTheDocument();
    await user.keyboard('p');
    expect(screen.getByText('Question 1 of 10')).toBeInTheDocument();

    // Submitting with questions left: a warning dialog first; cancel keeps the quiz.
    await user.keyboard('e');
    const dialog = screen.getByRole('dialog', { name: 'Submit the exam?' });
    expect(dialog).toHaveTextContent('7 questions unanswered');
    expect(dialog).toHaveTextContent('1 question flagged for review');
    expect(within(dialog).getByRole('button', { name: 'Keep working' })).toHaveFocus();
    await user.keyboard('1'); // Shortcuts are off while the dialog is open.
    expect(currentQuiz().questions[0]?.answer).toBe('Shared');
    await user.click(within(dialog).getByRole('button', { name: 'Keep working' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(currentQuiz().submittedAt).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Submit exam' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Submit exam' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Exam results' })).toBeInTheDocument();
    const quiz = currentQuiz();
    const right = quiz.questions.filter((q) => q.answer !== null && q.answer === cardFor(q.key).answer).length;
    expect(screen.getByText(`${right} / 10 correct`)).toBeInTheDocument();
    expect(screen.getByText(`${right * 10}%`, { selector: '.score-percent' })).toBeInTheDocument();
    expect(screen.getByText('Below the pass mark')).toBeInTheDocument();
    expect(screen.getByText("70% ≈ pass mark (the exam's 700/1000 scaled score; approximate)")).toBeInTheDocument();

    const byCategory = screen.getByRole('table', { name: 'By service category' });
    const byOwner = screen.getByRole('table', { name: 'By owner' });
    expect(within(byOwner).getAllByRole('row').length).toBeGreaterThan(1);
    const categoryRows = within(byCategory).getAllByRole('row').slice(1);
    expect(categoryRows.length).toBeGreaterThan(0);
    const percents = categoryRows.map((row) => Number(/(\d+)%/.exec(row.textContent ?? '')?.[1]));
    expect(percents).toEqual([...percents].sort((a, b) => a - b)); // worst first

    const missedCount = 10 - right;
    expect(screen.getByRole('heading', { level: 2, name: `Missed questions (${missedCount})` })).toBeInTheDocument();
    expect(screen.getAllByText('not answered')).toHaveLength(7);
    const firstUnanswered = quiz.questions.find((q) => q.answer === null);
    if (firstUnanswered) expect(screen.getByRole('heading', { level: 3, name: cardFor(firstUnanswered.key).question })).toBeInTheDocument();

    // The attempt is in the history.
    const history = screen.getByRole('table', { name: 'Past quizzes, newest first' });
    expect(within(history).getAllByRole('row')).toHaveLength(2);
    expect(within(history).getByText('Exam')).toBeInTheDocument();
    expect(useAppStore.getState().quizAttempts).toHaveLength(1);
  });

  test('time running out submits the exam', async () => {
    render(<QuizScreen />);
    const user = userEvent.setup();
    await startQuiz(user, 'Exam');
    await user.keyboard('1');
    act(() => {
      useAppStore.setState({ quiz: { ...currentQuiz(), deadline: Date.now() + 1200 } });
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Exam results' }, { timeout: 4000 })).toBeInTheDocument();
    expect(screen.getByText(/Time ran out, so the exam was submitted automatically\. 9 unanswered questions count as wrong\./)).toBeInTheDocument();
    expect(currentQuiz().endedBy).toBe('time');
  });
});

describe('persistence', () => {
  test('a quiz in progress survives a reload: answers, flags, position and deadline', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<QuizScreen />);
    await startQuiz(user, 'Exam');
    await user.keyboard('2');
    await user.keyboard('f');
    await user.keyboard('n');
    await user.keyboard('3');
    await user.keyboard('n');
    const before = currentQuiz();
    unmount();

    await boot();
    expect(useAppStore.getState().quiz).toEqual(before);
    render(<QuizScreen />);
    expect(screen.getByRole('heading', { name: 'You have a quiz in progress' })).toBeInTheDocument();
    expect(screen.getByText(/Exam · 2 of 10 questions answered · 1 flagged · 1[34]:\d\d left/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Resume quiz' }));
    expect(screen.getByText('Question 3 of 10')).toBeInTheDocument();
    const navigator = screen.getByRole('navigation', { name: 'Question navigator' });
    expect(within(navigator).getByRole('button', { name: 'Question 1, answered, flagged' })).toBeInTheDocument();
    expect(within(navigator).getByRole('button', { name: 'Question 2, answered' })).toBeInTheDocument();
    expect(within(navigator).getByRole('button', { name: 'Question 3, unanswered' })).toHaveAttribute('aria-current', 'step');
  });

  test('a quiz whose time ran out while the app was closed is submitted on load', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<QuizScreen />);
    await startQuiz(user, 'Exam');
    await user.keyboard('1');
    unmount();
    const quiz = currentQuiz();
    getCollection().setDoc(QUIZ_DOCS.current, { ...quiz, deadline: Date.now() - 1000 });

    await boot();
    expect(useAppStore.getState().quiz?.endedBy).toBe('time');
    expect(useAppStore.getState().quizAttempts).toHaveLength(1);
    render(<QuizScreen />);
    expect(screen.getByRole('heading', { level: 1, name: 'Exam results' })).toBeInTheDocument();
  });

  test('the history survives a reload; "New quiz" goes back to the setup', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<QuizScreen />);
    await startQuiz(user, 'Practice');
    await user.keyboard('e');
    await user.click(within(screen.getByRole('dialog', { name: 'End the quiz?' })).getByRole('button', { name: 'End quiz' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Practice results' })).toBeInTheDocument();
    unmount();

    await boot();
    render(<QuizScreen />);
    await user.keyboard('n');
    expect(screen.getByRole('heading', { level: 1, name: 'Exam practice' })).toBeInTheDocument();
    const history = screen.getByRole('table', { name: 'Past quizzes, newest first' });
    expect(within(history).getByText('Practice')).toBeInTheDocument();
    expect(within(history).getByText('Fail')).toBeInTheDocument();
    expect(within(history).getByText(/0 \/ 10/)).toBeInTheDocument();
  });

  test('malformed documents are ignored, not fatal', async () => {
    const c = getCollection();
    c.setDoc(QUIZ_DOCS.current, { id: 'x', questions: 'nope' });
    c.setDoc(QUIZ_DOCS.attempts, [{ id: 'bad' }, 42]);
    c.setDoc(QUIZ_DOCS.setup, { count: 'many', mode: 'exam' });
    await boot();
    expect(useAppStore.getState().quiz).toBeNull();
    expect(useAppStore.getState().quizAttempts).toEqual([]);
    expect(useAppStore.getState().quizSetup).toMatchObject({ count: 20, mode: 'exam' });
    render(<QuizScreen />);
    expect(screen.getByRole('button', { name: 'Start quiz' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Exam' })).toBeChecked();
  });
});

describe('Study these', () => {
  test('makes studied missed cards due now, leaves new ones in the new queue, and says so', async () => {
    const user = userEvent.setup();
    render(<QuizScreen />);
    await startQuiz(user, 'Exam');
    const keys = currentQuiz().questions.map((q) => q.key);
    const [studiedKey, otherKey] = keys;
    if (!studiedKey || !otherKey) throw new Error('too few questions');
    const later = Date.now() + 30 * 86_400_000;
    const state: CardState = { due: later, stability: 10, difficulty: 5, scheduledDays: 30, learningSteps: 0, reps: 3, lapses: 0, state: 2, lastReview: Date.now() - 86_400_000 };
    getCollection().setStates([[studiedKey, state]]);

    await user.keyboard('e');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Submit exam' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Exam results' })).toBeInTheDocument();
    expect(getCollection().states.get(studiedKey)?.due).toBeGreaterThan(Date.now() + 86_400_000); // submitting alone changes nothing
    expect(screen.getByText(/This is the only way a quiz changes your study schedule/)).toBeInTheDocument();

    const version = useAppStore.getState().version;
    await user.click(screen.getByRole('button', { name: 'Study these' }));
    expect(getCollection().states.get(studiedKey)?.due).toBeLessThanOrEqual(useAppStore.getState().clock);
    expect(getCollection().states.has(otherKey)).toBe(false);
    expect(useAppStore.getState().version).toBe(version + 1);
    expect(screen.getByRole('status')).toHaveTextContent('1 card due now in Study. 9 missed cards are still new: already in your new-card queue.');
    expect(screen.getByRole('button', { name: 'Done' })).toBeDisabled();
  });
});
