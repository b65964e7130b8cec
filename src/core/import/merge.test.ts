import { describe, expect, test } from 'vitest';
import type { Card, Deck } from '../deck/types';
import { deriveCardId } from './ids';
import { planImport } from './merge';
import { parseDeckText } from './parseDeck';

function card(id: string, question: string, answer = 'AWS', extra: Partial<Card> = {}): Card {
  const owner = answer === 'AWS' || answer === 'Customer' || answer === 'Shared';
  return { id, question, kind: owner ? 'owner' : 'basic', answer, explanation: '', tags: [], source: '', sibling: id, ...extra } as Card;
}

function deck(cards: Card[], extra: Partial<Deck> = {}): Deck {
  return { id: 'd', name: 'D', description: '', builtIn: false, cards, ...extra };
}

const q = deriveCardId;

describe('planImport', () => {
  test('without an existing deck everything is added', () => {
    const incoming = deck([card('a', 'A'), card('b', 'B')]);
    expect(planImport(undefined, incoming)).toEqual({ deck: incoming, added: 2, changed: 0, unchanged: 0, removed: 0, notInFile: 0 });
  });

  test.each([
    [
      'explicit ids match by id, even when the question changed',
      [card('a', 'Old A'), card('b', 'B')],
      [card('a', 'New A'), card('b', 'B')],
      { ids: ['a', 'b'], added: 0, changed: 1, unchanged: 1, notInFile: 0 },
    ],
    [
      'derived ids match by question text, so answer edits keep the card',
      [card('custom-1', 'Who patches?', 'AWS')],
      [card(q('Who patches?'), 'Who patches?', 'Customer')],
      { ids: ['custom-1'], added: 0, changed: 1, unchanged: 0, notInFile: 0 },
    ],
    [
      'new cards are added, missing ones kept after the file\u2019s cards',
      [card('a', 'A'), card('gone', 'Gone')],
      [card('a', 'A'), card(q('New'), 'New')],
      { ids: ['a', q('New'), 'gone'], added: 1, changed: 0, unchanged: 1, notInFile: 1 },
    ],
    [
      'a derived id already used by another existing card gets a suffix',
      [card(q('X'), 'Y'), card('x2', 'X2')],
      [card(q('X'), 'X')],
      { ids: [`${q('X')}-2`, q('X'), 'x2'], added: 1, changed: 0, unchanged: 0, notInFile: 2 },
    ],
    [
      'an explicit id wins over a question match for the same existing card',
      [card('e', 'Same question')],
      [card(q('Same question'), 'Same question'), card('e', 'Reworded')],
      { ids: [`${q('Same question')}`, 'e'], added: 1, changed: 1, unchanged: 0, notInFile: 0 },
    ],
    [
      'two incoming cards with one question match two existing ones in order',
      [card('one', 'Dup', 'AWS'), card('two', 'Dup', 'Customer')],
      [card(q('Dup'), 'Dup', 'AWS'), card(`${q('Dup')}-2`, 'Dup', 'Customer')],
      { ids: ['one', 'two'], added: 0, changed: 0, unchanged: 2, notInFile: 0 },
    ],
  ])('%s', (_name, existingCards, incomingCards, expected) => {
    const plan = planImport(deck(existingCards), deck(incomingCards));
    expect(plan.deck.cards.map((c) => c.id)).toEqual(expected.ids);
    expect({ added: plan.added, changed: plan.changed, unchanged: plan.unchanged, notInFile: plan.notInFile, removed: plan.removed }).toEqual({
      added: expected.added,
      changed: expected.changed,
      unchanged: expected.unchanged,
      notInFile: expected.notInFile,
      removed: 0,
    });
    expect(new Set(plan.deck.cards.map((c) => c.id)).size).toBe(plan.deck.cards.length);
  });

  test('texts are updated, the sibling follows a re-identified card, deck identity is kept', () => {
    const existing = deck([card('keep-me', 'Who patches?', 'AWS')], { id: 'srm', name: 'Old', builtIn: true });
    const incoming = deck([card(q('Who patches?'), 'Who patches?', 'The customer, always', { explanation: 'Because.', tags: ['t'] })], { id: 'other', name: 'New', description: 'Desc' });
    const plan = planImport(existing, incoming);
    expect(plan.deck).toEqual({
      id: 'srm',
      name: 'New',
      description: 'Desc',
      builtIn: true,
      cards: [card('keep-me', 'Who patches?', 'The customer, always', { explanation: 'Because.', tags: ['t'] })],
    });
    expect(plan.changed).toBe(1);
  });

  test('re-importing an edited CSV without ids keeps every card id', () => {
    const first = parseDeckText('d.csv', 'question,answer\nWho patches EC2?,Customer\nWho runs data centers?,AWS\n').deck;
    const second = parseDeckText('d.csv', 'question,answer,explanation\nWho runs data centers?,AWS,Physical security\nWho patches EC2?,The customer.,\nNew one?,Shared,\n').deck;
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    if (first === null || second === null) return;
    const plan = planImport(first, second);
    const idOf = (question: string): string | undefined => plan.deck.cards.find((c) => c.question === question)?.id;
    expect(idOf('Who patches EC2?')).toBe(first.cards[0]?.id);
    expect(idOf('Who runs data centers?')).toBe(first.cards[1]?.id);
    expect({ added: plan.added, changed: plan.changed, unchanged: plan.unchanged }).toEqual({ added: 1, changed: 1, unchanged: 1 });
  });
});
