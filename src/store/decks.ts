import { DECK_ID_PATTERN, isOwner, type Card, type Deck } from '../core/deck/types';

/** Imported decks are stored one document each, named `deck:<id>`. */
export const USER_DECK_PREFIX = 'deck:';

export function userDeckDocName(deckId: string): string {
  return `${USER_DECK_PREFIX}${deckId}`;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One stored card, checked field by field; returns a fresh object with only known fields. */
function storedCard(raw: unknown): Card | undefined {
  if (!isRecord(raw)) return undefined;
  const { kind, id, question, answer, explanation, tags, source, sibling } = raw;
  if (typeof id !== 'string' || typeof question !== 'string' || typeof explanation !== 'string') return undefined;
  if (typeof source !== 'string' || typeof sibling !== 'string' || !isStringArray(tags)) return undefined;
  const base = { id, question, explanation, tags, source, sibling };
  if (kind === 'owner' && isOwner(answer)) return { ...base, kind, answer };
  if (kind === 'basic' && typeof answer === 'string') return { ...base, kind, answer };
  return undefined;
}

/**
 * Validates a stored user deck (stored state is untrusted: another tab, an extension or an old
 * version may have written it). A malformed deck is reported by the collection and skipped.
 * Hand-written rather than a valibot schema because it runs over every card at start-up: for
 * 10,000 cards it takes about 1 ms where the equivalent schema took 13–15 ms. Decks coming
 * from files go through the valibot schema in core/deck/schema.ts.
 */
export function parseStoredDeck(raw: unknown): Deck | undefined {
  if (!isRecord(raw)) return undefined;
  const { id, name, description, builtIn, cards } = raw;
  if (typeof id !== 'string' || !DECK_ID_PATTERN.test(id) || typeof name !== 'string' || typeof description !== 'string') return undefined;
  if (builtIn !== false || !Array.isArray(cards)) return undefined;
  const checked: Card[] = new Array<Card>(cards.length);
  for (let i = 0; i < cards.length; i += 1) {
    const card = storedCard(cards[i]);
    if (!card) return undefined;
    checked[i] = card;
  }
  return { id, name, description, builtIn: false, cards: checked };
}
