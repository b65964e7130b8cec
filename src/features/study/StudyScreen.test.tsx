import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, test } from 'vitest';
import type { OwnerCard } from '../../core/deck/types';
import { getCollection } from '../../store/collection';
import { resetStoreForTests, useAppStore } from '../../store/store';
import StudyScreen from './StudyScreen';

async function startApp() {
  resetStoreForTests();
  await useAppStore.getState().init();
}

/** The owner card whose question is on screen, looked up in the built-in decks. */
function cardOnScreen(): OwnerCard {
  const text = screen.getByRole('heading', { level: 2 }).textContent;
  for (const deck of useAppStore.getState().builtinDecks) {
    const card = deck.cards.find((c) => c.question === text);
    if (card && card.kind === 'owner') return card;
  }
  throw new Error(`No built-in owner card has the question ${String(text)}`);
}

function wrongOwner(card: OwnerCard) {
  return card.answer === 'AWS' ? 'Customer' : 'AWS';
}

describe('study session', () => {
  beforeEach(startApp);

  test('a right answer by click shows the verdict, explanation and rating choices with intervals', async () => {
    const user = userEvent.setup();
    render(<StudyScreen />);
    const card = cardOnScreen();
    await user.click(screen.getByRole('button', { name: card.answer }));

    const verdict = screen.getByText('Correct');
    expect(verdict).toBeVisible();
    expect(screen.getByText(card.explanation)).toBeVisible();
    expect(screen.getByText(/^Source: seed documents? \d{3}/)).toHaveAttribute('title', card.source);
    const ratings = screen.getByRole('group', { name: 'How did it go?' });
    expect(within(ratings).getByRole('button', { name: /^Hard, next in \S+/ })).toBeVisible();
    expect(within(ratings).getByRole('button', { name: /^Good, next in \S+/ })).toBeVisible();
    expect(within(ratings).getByRole('button', { name: /^Easy, next in \S+/ })).toBeVisible();
    // Persisted at once, with Good as the default rating.
    expect(getCollection().entries()).toHaveLength(1);
    expect(getCollection().entries()[0]?.rating).toBe(3);
  });

  test('a wrong answer by key names the correct owner and is rated Again', async () => {
    const user = userEvent.setup();
    render(<StudyScreen />);
    const card = cardOnScreen();
    const wrong = wrongOwner(card);
    await user.keyboard(wrong === 'AWS' ? '1' : '2');

    expect(screen.getByText('Not quite')).toBeVisible();
    expect(screen.getByText(/You answered/)).toHaveTextContent(`You answered ${wrong}; the answer is ${card.answer}.`);
    expect(screen.queryByRole('group', { name: 'How did it go?' })).toBeNull();
    expect(getCollection().entries()[0]?.rating).toBe(1);
  });

  test('letter keys answer, H regrades to Hard, and Enter moves on to another card', async () => {
    const user = userEvent.setup();
    render(<StudyScreen />);
    const first = cardOnScreen();
    await user.keyboard(first.answer[0]?.toLowerCase() ?? '');
    expect(screen.getByText('Correct')).toBeVisible();
    await user.keyboard('h');
    expect(getCollection().entries()).toHaveLength(1);
    expect(getCollection().entries()[0]?.rating).toBe(2);
    expect(screen.queryByText('Correct')).toBeNull();
    expect(cardOnScreen().question).not.toBe(first.question);
  });

  test('undo takes back several answers, restoring card states and removing their logs', async () => {
    const user = userEvent.setup();
    render(<StudyScreen />);
    const states = getCollection().states;
    const first = cardOnScreen();
    await user.click(screen.getByRole('button', { name: first.answer }));
    await user.keyboard('{Enter}');
    const second = cardOnScreen();
    await user.click(screen.getByRole('button', { name: wrongOwner(second) }));
    await user.keyboard('{Enter}');
    expect(getCollection().entries()).toHaveLength(2);
    expect(states.size).toBe(2);

    await user.keyboard('z');
    expect(getCollection().entries()).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(second.question);
    await user.click(screen.getByRole('button', { name: /^Undo/ }));
    expect(getCollection().entries()).toHaveLength(0);
    expect(getCollection().states.size).toBe(0);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(first.question);
    expect(screen.getByRole('button', { name: /^Undo/ })).toBeDisabled();
  });

  test('the answer buttons are named exactly AWS, Customer and Shared', () => {
    render(<StudyScreen />);
    const group = screen.getByRole('group', { name: 'Who is responsible?' });
    expect(within(group).getAllByRole('button').map((b) => b.getAttribute('aria-keyshortcuts'))).toEqual(['1 A', '2 C', '3 S']);
    for (const name of ['AWS', 'Customer', 'Shared']) expect(within(group).getByRole('button', { name })).toBeEnabled();
  });
});
