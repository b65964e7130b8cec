import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { CARD_ENTRY_FIELDS, CardEntrySchema, DECK_FILE_FIELDS, DeckFileSchema, LIMITS, TAG_PATTERN } from './schema';
import { DECK_ID_PATTERN } from './types';

function messages(schema: v.GenericSchema, input: unknown): string[] {
  const result = v.safeParse(schema, input);
  return result.success ? [] : result.issues.map((issue) => issue.message);
}

describe('CardEntrySchema', () => {
  test('normalises line endings and trims every text field', () => {
    const result = v.safeParse(CardEntrySchema, { id: ' a ', question: ' Who?\r\nReally?\r', answer: '\tAWS ', explanation: ' x\ry ', tags: ['t'] });
    expect(result.success && result.output).toEqual({ id: 'a', question: 'Who?\nReally?', answer: 'AWS', explanation: 'x\ny', tags: ['t'] });
  });

  test.each([
    [{ question: 'Q', answer: '   ' }, ['the answer is empty']],
    [{ question: 'Q', answer: 7 }, ['the answer must be text']],
    [{ question: 'Q'.repeat(2001), answer: 'A' }, ['the question is longer than 2,000 characters']],
    [{ question: 'Q', answer: 'A'.repeat(2001) }, ['the answer is longer than 2,000 characters']],
    [{ question: 'Q', answer: 'A', explanation: 'e'.repeat(4001) }, ['the explanation is longer than 4,000 characters']],
    [{ question: 'Q', answer: 'A', id: 'i'.repeat(201) }, ['the id is longer than 200 characters']],
    [{ question: 'Q', answer: 'A', source: 's'.repeat(501) }, ['the source is longer than 500 characters']],
    [{ question: 'Q', answer: 'A', fact: 'f'.repeat(201) }, ['the fact is longer than 200 characters']],
    [{ question: 'Q', answer: 'A', tags: ['a b'] }, ['a tag contains a space or a comma']],
    [{ question: 'Q', answer: 'A', tags: ['a,b'] }, ['a tag contains a space or a comma']],
    [{ question: 'Q', answer: 'A', tags: [''] }, ['a tag is empty', 'a tag contains a space or a comma']],
    [{ question: 'Q', answer: 'A', tags: ['t'.repeat(101)] }, ['a tag is longer than 100 characters']],
    [{ question: 'Q', answer: 'A', tags: 'a b' }, ['tags must be a list of words']],
  ])('%j is rejected', (input, expected) => {
    expect(messages(CardEntrySchema, input)).toEqual(expected);
  });

  test.each([
    [{ question: 'Q'.repeat(2000), answer: 'A'.repeat(2000), explanation: 'e'.repeat(4000), tags: ['t'.repeat(100)], source: 's'.repeat(500), fact: 'f'.repeat(200), id: 'i'.repeat(200) }],
    [{ question: 'Q', answer: 'A', id: '', fact: '', explanation: '' }],
  ])('limits are inclusive: %#', (input) => {
    expect(messages(CardEntrySchema, input)).toEqual([]);
  });
});

describe('DeckFileSchema', () => {
  test('accepts the valid fixture', () => {
    const text = readFileSync(resolve(process.cwd(), 'tests/fixtures/import/valid-deck.json'), 'utf8');
    expect(v.safeParse(DeckFileSchema, JSON.parse(text)).success).toBe(true);
  });

  test.each([
    [{ name: 'x', cards: [{ question: 'Q' }] }, false],
    [{ name: 'x', cards: [{ question: 'Q', answer: 'AWS' }] }, true],
    [{ name: 'x', format: 'srm-deck', formatVersion: 1, id: 'a.b_c-1', cards: [{ question: 'Q', answer: 'AWS' }] }, true],
    [{ name: 'x', id: '-a', cards: [{ question: 'Q', answer: 'AWS' }] }, false],
  ])('%j valid: %s', (input, valid) => {
    expect(v.safeParse(DeckFileSchema, input).success).toBe(valid);
  });
});

describe('public/deck.schema.json matches the valibot schema', () => {
  const json = JSON.parse(readFileSync(resolve(process.cwd(), 'public/deck.schema.json'), 'utf8')) as {
    properties: Record<string, { maxLength?: number; maxItems?: number; pattern?: string }>;
    $defs: { card: { properties: Record<string, { maxLength?: number; items?: { maxLength?: number; pattern?: string } }>; required: string[] } };
    required: string[];
  };
  const card = json.$defs.card;

  test('same field names and required fields', () => {
    expect(Object.keys(json.properties)).toEqual([...DECK_FILE_FIELDS]);
    expect(Object.keys(card.properties)).toEqual([...CARD_ENTRY_FIELDS]);
    expect(json.required).toEqual(['name', 'cards']);
    expect(card.required).toEqual(['question', 'answer']);
  });

  test.each([
    ['id', LIMITS.cardId],
    ['question', LIMITS.question],
    ['answer', LIMITS.answer],
    ['explanation', LIMITS.explanation],
    ['source', LIMITS.source],
    ['fact', LIMITS.fact],
  ] as const)('card %s maxLength is %i', (field, max) => {
    expect(card.properties[field]?.maxLength).toBe(max);
  });

  test('deck limits and patterns', () => {
    expect(json.properties.name?.maxLength).toBe(LIMITS.deckName);
    expect(json.properties.description?.maxLength).toBe(LIMITS.deckDescription);
    expect(json.properties.cards?.maxItems).toBe(LIMITS.maxCards);
    expect(json.properties.id?.pattern).toBe(DECK_ID_PATTERN.source);
    expect(card.properties.tags?.items?.maxLength).toBe(LIMITS.tag);
    expect(card.properties.tags?.items?.pattern).toBe(TAG_PATTERN.source);
  });
});
