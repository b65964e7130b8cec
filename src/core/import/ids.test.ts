import { expect, test } from 'vitest';
import { DECK_ID_PATTERN } from '../deck/types';
import { cyrb53, deriveCardId, isDerivedCardId, slugifyDeckId, uniqueId } from './ids';

test('derived card ids are stable, short and question-specific', () => {
  const id = deriveCardId('Who patches the guest OS?');
  expect(id).toBe(deriveCardId('Who patches the guest OS?'));
  expect(id).toMatch(/^q-[0-9a-z]{1,11}$/);
  expect(deriveCardId('Who patches the guest OS!')).not.toBe(id);
  expect(cyrb53('')).toBe(cyrb53(''));
  expect(cyrb53('a')).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
});

test.each([
  [deriveCardId('Q'), 'Q', true],
  [`${deriveCardId('Q')}-2`, 'Q', true],
  [`${deriveCardId('Q')}-10`, 'Q', true],
  [`${deriveCardId('Q')}-0`, 'Q', false],
  [`${deriveCardId('Q')}-x`, 'Q', false],
  [deriveCardId('Q'), 'Other', false],
  ['my-id', 'Q', false],
])('isDerivedCardId(%j, %j) = %s', (id, question, expected) => {
  expect(isDerivedCardId(id, question)).toBe(expected);
});

test.each([
  ['a', [], 'a'],
  ['a', ['a'], 'a-2'],
  ['a', ['a', 'a-2', 'a-3'], 'a-4'],
])('uniqueId(%j, %j) = %j', (base, taken, expected) => {
  expect(uniqueId(base, new Set(taken))).toBe(expected);
});

test.each([
  ['My Deck', 'my-deck'],
  ['  SRM: Compute & Storage!! ', 'srm-compute-storage'],
  ['Ünïcødé', 'unic-de'],
  ['日本語', 'deck'],
  ['---', 'deck'],
  ['x'.repeat(100), 'x'.repeat(64)],
  [`${'a'.repeat(63)} b`, 'a'.repeat(63)],
])('slugifyDeckId(%j) = %j', (name, slug) => {
  expect(slugifyDeckId(name)).toBe(slug);
  expect(slugifyDeckId(name)).toMatch(DECK_ID_PATTERN);
});
