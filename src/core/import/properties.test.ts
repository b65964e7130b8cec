/**
 * Property tests: no input makes an importer fail internally, and export → import
 * round-trips arbitrary decks (JSON: the whole deck; CSV: the cards).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LIMITS } from '../deck/schema';
import { DECK_ID_PATTERN, OWNERS, type Card, type Deck } from '../deck/types';
import { normalizeOwner } from '../grade/normalizeOwner';
import { exportDeckCsv, exportDeckJson } from './export';
import { planImport } from './merge';
import { parseDeckFile, parseDeckText } from './parseDeck';
import type { ImportResult } from './problem';

const UNEXPECTED = 'The file could not be read because of an unexpected error';

/** Pieces that exercise quoting, headers, HTML and line endings. */
const tricky = fc.constantFrom('"', ',', ';', '\t', '\n', '\r\n', '\r', ' ', '|', '#', '{', '}', '[', ']', ':', '<br>', '<div>', '&amp;', '&#x41;', 'é', '😀', '\u00a0', '\ufeff', 'AWS', 'Customer', 'question', 'answer');
const unit = fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), fc.constantFrom(...'abcXYZ019-_'));
const messyText = fc.string({ unit, maxLength: 60 });

/** C0 controls other than tab and LF, and DEL. */
function isControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (code < 0x20 && ch !== '\t' && ch !== '\n') || code === 0x7f;
}

function withoutControls(text: string): string {
  return Array.from(text)
    .filter((ch) => ch === '\r' || !isControl(ch))
    .join('');
}

/** Text as the importer stores it: no control characters or CR, trimmed, within `max`. */
function cleanText(max: number, minLength = 1) {
  return messyText
    .map((s) =>
      withoutControls(s)
        .replace(/\r\n?/g, '\n')
        .trim()
        .slice(0, max)
        .trim(),
    )
    .filter((s) => s.length >= minLength);
}

const tag = fc.string({ unit: fc.oneof(fc.constantFrom(...'abcXYZ019-_:/.é😀'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 20 }).filter((t) => /^[^\s,]+$/u.test(t) && withoutControls(t) === t);

const cardArb: fc.Arbitrary<Card> = fc
  .record({
    id: cleanText(LIMITS.cardId),
    question: cleanText(LIMITS.question),
    answer: fc.oneof(fc.constantFrom(...OWNERS), cleanText(LIMITS.answer).filter((a) => normalizeOwner(a) === null)),
    explanation: cleanText(LIMITS.explanation, 0),
    tags: fc.array(tag, { maxLength: 4 }),
    source: cleanText(LIMITS.source, 0),
    fact: fc.option(cleanText(LIMITS.fact), { nil: undefined }),
  })
  .map(({ id, question, answer, explanation, tags, source, fact }): Card => {
    const base = { id, question, explanation, tags, source, sibling: fact ?? id };
    return answer === 'AWS' || answer === 'Customer' || answer === 'Shared' ? { ...base, kind: 'owner', answer } : { ...base, kind: 'basic', answer };
  });

const deckArb: fc.Arbitrary<Deck> = fc.record({
  id: fc.stringMatching(DECK_ID_PATTERN),
  name: cleanText(LIMITS.deckName),
  description: cleanText(LIMITS.deckDescription, 0),
  builtIn: fc.constant(false),
  cards: fc.uniqueArray(cardArb, { minLength: 1, maxLength: 8, selector: (card) => card.id }),
});

function checkWellFormed(result: ImportResult): void {
  for (const problem of result.problems) {
    expect(problem.message).not.toContain(UNEXPECTED);
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.line).toBeGreaterThanOrEqual(0);
  }
  const cards = result.deck?.cards ?? [];
  expect(result.summary.ownerCards + result.summary.basicCards).toBe(cards.length);
  if (result.deck !== null) {
    expect(cards.length).toBeGreaterThan(0);
    expect(result.deck.id).toMatch(DECK_ID_PATTERN);
    expect(new Set(cards.map((card) => card.id)).size).toBe(cards.length);
  }
}

const names = fc.constantFrom('', 'deck.json', 'deck.csv', 'deck.tsv', 'notes.txt', 'noext');
const prefixes = fc.constantFrom('', '{', '{"name":"x","cards":[', '#separator:tab\n', '#html:true\n#guid column:1\n', 'tags:a b\n', 'question,answer\n', 'id;front;back;tags\n', 'question\tanswer\texplanation\n');

describe('importers never fail internally', () => {
  test('arbitrary text', () => {
    fc.assert(
      fc.property(names, prefixes, fc.array(fc.oneof(messyText, fc.string()), { maxLength: 6 }), (name, prefix, parts) => {
        checkWellFormed(parseDeckText(name, prefix + parts.join('')));
      }),
      { numRuns: 400 },
    );
  });

  test('arbitrary bytes', () => {
    fc.assert(
      fc.property(names, fc.uint8Array({ maxLength: 300 }), (name, bytes) => {
        checkWellFormed(parseDeckFile(name, bytes));
      }),
      { numRuns: 400 },
    );
  });

  test('arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (cards, other) => {
        checkWellFormed(parseDeckText('d.json', JSON.stringify({ name: 'x', cards, other })));
        checkWellFormed(parseDeckText('d.json', JSON.stringify(cards)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('export → import round-trips', () => {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

  test('JSON gives back the same deck', () => {
    fc.assert(
      fc.property(deckArb, (deck) => {
        const result = parseDeckFile('export.json', encode(exportDeckJson(deck)));
        expect(result.problems).toEqual([]);
        expect(result.deck).toEqual(deck);
      }),
      { numRuns: 200 },
    );
  });

  test('CSV gives back the same cards', () => {
    fc.assert(
      fc.property(deckArb, (deck) => {
        const result = parseDeckFile('export.csv', encode(exportDeckCsv(deck)));
        expect(result.problems).toEqual([]);
        expect(result.deck?.cards).toEqual(deck.cards);
      }),
      { numRuns: 200 },
    );
  });
});

describe('planImport', () => {
  test('keeps every existing id, never duplicates ids, and accounts for every card', () => {
    fc.assert(
      fc.property(deckArb, deckArb, (existing, incoming) => {
        const plan = planImport(existing, incoming);
        const ids = plan.deck.cards.map((card) => card.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const card of existing.cards) expect(ids).toContain(card.id);
        expect(plan.deck.cards.length).toBe(incoming.cards.length + plan.notInFile);
        expect(plan.added + plan.changed + plan.unchanged).toBe(incoming.cards.length);
        expect(planImport(plan.deck, incoming).added).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
