/**
 * The domain's card and deck types. Everything inside the app works on these validated
 * shapes; files and stored state are parsed into them at the edge (core/import, store/persist).
 */

export const OWNERS = ['AWS', 'Customer', 'Shared'] as const;
export type Owner = (typeof OWNERS)[number];

export function isOwner(value: unknown): value is Owner {
  return value === 'AWS' || value === 'Customer' || value === 'Shared';
}

interface CardBase {
  /** Unique within its deck and stable across rewording: progress is keyed on it. */
  id: string;
  question: string;
  /** Why the answer is right; may be empty for imported basic cards. */
  explanation: string;
  /** Filterable tags, e.g. `category:infrastructure`, `service:ec2`, `control:shared`, `owner:customer`. */
  tags: string[];
  /** Where the card comes from: seed file names for built-in cards, free text for imported ones. */
  source: string;
  /** Cards with the same sibling key come from one fact (or one Anki note); the queue keeps them apart. */
  sibling: string;
}

/** A card answered with one of the three owners and graded automatically. */
export interface OwnerCard extends CardBase {
  kind: 'owner';
  answer: Owner;
}

/** An imported front/back card with a free-text back, self-graded Again/Hard/Good/Easy. */
export interface BasicCard extends CardBase {
  kind: 'basic';
  answer: string;
}

export type Card = OwnerCard | BasicCard;

export interface Deck {
  /** Matches DECK_ID_PATTERN; never contains '/'. */
  id: string;
  name: string;
  description: string;
  /** Built-in decks are generated from decks/model.json and ship with the app. */
  builtIn: boolean;
  cards: Card[];
}

export const DECK_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The key that identifies a card across decks: progress, logs and queues use it. */
export type CardKey = string;

export function cardKey(deckId: string, cardId: string): CardKey {
  return `${deckId}/${cardId}`;
}

/** Splits a key at the first '/', which deck ids never contain. */
export function splitCardKey(key: CardKey): { deckId: string; cardId: string } {
  const at = key.indexOf('/');
  return at < 0 ? { deckId: '', cardId: key } : { deckId: key.slice(0, at), cardId: key.slice(at + 1) };
}
