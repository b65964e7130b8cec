import { describe, expect, test } from 'vitest';
import { parseStoredDeck } from './decks';

const owner = { kind: 'owner', id: 'a', question: 'Q?', answer: 'AWS', explanation: 'why', tags: ['service:ec2'], source: 's', sibling: 'a' };
const basic = { kind: 'basic', id: 'b', question: 'Front', answer: 'Back', explanation: '', tags: [], source: '', sibling: 'b' };
const deck = { id: 'my-deck', name: 'My deck', description: '', builtIn: false, cards: [owner, basic] };

describe('parseStoredDeck', () => {
  test('reads a valid deck, keeping only known fields', () => {
    const parsed = parseStoredDeck({ ...deck, extra: 1, cards: [{ ...owner, extra: true }, basic] });
    expect(parsed).toEqual(deck);
  });

  test.each([
    ['not an object', 'deck'],
    ['a bad deck id', { ...deck, id: 'has/slash' }],
    ['a missing name', { ...deck, name: undefined }],
    ['a built-in flag', { ...deck, builtIn: true }],
    ['cards that are not a list', { ...deck, cards: {} }],
    ['an owner card whose answer is not an owner', { ...deck, cards: [{ ...owner, answer: 'Amazon' }] }],
    ['an unknown card kind', { ...deck, cards: [{ ...owner, kind: 'cloze' }] }],
    ['tags that are not strings', { ...deck, cards: [{ ...basic, tags: [1] }] }],
    ['a card without a sibling key', { ...deck, cards: [{ ...basic, sibling: null }] }],
  ])('rejects %s', (_label, raw) => {
    expect(parseStoredDeck(raw)).toBeUndefined();
  });
});
