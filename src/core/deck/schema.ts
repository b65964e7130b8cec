/**
 * The native deck file format ("srm-deck", version 1) as valibot schemas. Built-in decks
 * (decks/builtin/*.json), exported decks and hand-written decks all use it;
 * public/deck.schema.json is the same contract as JSON Schema for editors.
 *
 * The schemas also normalise text: CRLF/CR become LF and every text field is trimmed
 * before its length is checked, so a whitespace-only answer counts as empty.
 * Messages are plain language without a location; the importer adds "Card 3, field answer: ".
 */
import * as v from 'valibot';
import { DECK_ID_PATTERN } from './types';
import { LIMITS } from './limits';

export const DECK_FORMAT = 'srm-deck';
export const DECK_FORMAT_VERSION = 1;

export { LIMITS } from './limits';

/** A tag is one run of characters without whitespace or commas (commas separate tags in CSV). */
export const TAG_PATTERN = /^[^\s,]+$/u;

function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** `1,234` style numbers in messages. */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

function requiredText(label: string, max: number) {
  return v.pipe(
    v.string(`the ${label} must be text`),
    v.transform(normaliseText),
    v.minLength(1, `the ${label} is empty`),
    v.maxLength(max, `the ${label} is longer than ${count(max)} characters`),
  );
}

function optionalText(label: string, max: number) {
  return v.optional(
    v.pipe(
      v.string(`the ${label} must be text`),
      v.transform(normaliseText),
      v.maxLength(max, `the ${label} is longer than ${count(max)} characters`),
    ),
  );
}

export const TagSchema = v.pipe(
  v.string('each tag must be text'),
  v.minLength(1, 'a tag is empty'),
  v.regex(TAG_PATTERN, 'a tag contains a space or a comma'),
  v.maxLength(LIMITS.tag, `a tag is longer than ${count(LIMITS.tag)} characters`),
);

/** One card as written in a file. An empty `id` or `fact` counts as missing. */
export const CardEntrySchema = v.object({
  id: optionalText('id', LIMITS.cardId),
  question: requiredText('question', LIMITS.question),
  answer: requiredText('answer', LIMITS.answer),
  explanation: optionalText('explanation', LIMITS.explanation),
  tags: v.optional(v.array(TagSchema, 'tags must be a list of words')),
  source: optionalText('source', LIMITS.source),
  fact: optionalText('fact', LIMITS.fact),
});
export type CardEntry = v.InferOutput<typeof CardEntrySchema>;

/** Field names a card entry may have; anything else is reported and ignored. */
export const CARD_ENTRY_FIELDS = ['id', 'question', 'answer', 'explanation', 'tags', 'source', 'fact'] as const;
export type CardEntryField = (typeof CARD_ENTRY_FIELDS)[number];

/** Everything in a deck file except the cards, which the importer checks one by one. */
export const DeckHeaderSchema = v.object({
  $schema: v.optional(v.string('$schema must be text')),
  format: v.optional(v.literal(DECK_FORMAT, `format must be "${DECK_FORMAT}"`)),
  formatVersion: v.optional(
    v.literal(DECK_FORMAT_VERSION, `formatVersion must be ${DECK_FORMAT_VERSION}; this app reads version ${DECK_FORMAT_VERSION} decks`),
  ),
  id: v.optional(
    v.pipe(
      v.string('the deck id must be text'),
      v.regex(DECK_ID_PATTERN, 'the deck id must be 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit'),
    ),
  ),
  name: requiredText('deck name', LIMITS.deckName),
  description: optionalText('description', LIMITS.deckDescription),
  cards: v.pipe(
    v.array(v.unknown(), 'cards must be a list'),
    v.minLength(1, 'the deck has no cards'),
    v.maxLength(LIMITS.maxCards, `the deck has more than ${count(LIMITS.maxCards)} cards`),
  ),
});
export type DeckHeader = v.InferOutput<typeof DeckHeaderSchema>;

export const DECK_FILE_FIELDS = ['$schema', 'format', 'formatVersion', 'id', 'name', 'description', 'cards'] as const;

/** The whole file in one schema: every card must be valid. The importer is more lenient. */
export const DeckFileSchema = v.object({
  ...DeckHeaderSchema.entries,
  cards: v.pipe(
    v.array(CardEntrySchema, 'cards must be a list'),
    v.minLength(1, 'the deck has no cards'),
    v.maxLength(LIMITS.maxCards, `the deck has more than ${count(LIMITS.maxCards)} cards`),
  ),
});
export type DeckFile = v.InferOutput<typeof DeckFileSchema>;
