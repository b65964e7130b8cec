import * as v from 'valibot';
import { DECK_ID_PATTERN, OWNERS, type Deck } from '../core/deck/types';

/** Imported decks are stored one document each, named `deck:<id>`. */
export const USER_DECK_PREFIX = 'deck:';

export function userDeckDocName(deckId: string): string {
  return `${USER_DECK_PREFIX}${deckId}`;
}

const base = {
  id: v.string(),
  question: v.string(),
  explanation: v.string(),
  tags: v.array(v.string()),
  source: v.string(),
  sibling: v.string(),
};

const StoredDeckSchema = v.object({
  id: v.pipe(v.string(), v.regex(DECK_ID_PATTERN)),
  name: v.string(),
  description: v.string(),
  builtIn: v.literal(false),
  cards: v.array(
    v.variant('kind', [
      v.object({ ...base, kind: v.literal('owner'), answer: v.picklist(OWNERS) }),
      v.object({ ...base, kind: v.literal('basic'), answer: v.string() }),
    ]),
  ),
});

/** Validates a stored user deck; a malformed one is reported by the collection and skipped. */
export function parseStoredDeck(raw: unknown): Deck | undefined {
  const result = v.safeParse(StoredDeckSchema, raw);
  return result.success ? result.output : undefined;
}
