/**
 * Writes generated decks in the app's native deck file format (`srm-deck`, version 1),
 * as committed under decks/builtin/<deck-id>.json by `npm run decks`.
 */
import type { SrmModel } from '../model/types';
import type { Owner } from './types';
import { generateDecks, type BuiltinDeck } from './generate';

export interface BuiltinDeckFileCard {
  id: string;
  question: string;
  answer: Owner;
  explanation: string;
  tags: string[];
  source: string;
  /** The sibling key: the id of the fact the card comes from. */
  fact: string;
}

export interface BuiltinDeckFile {
  format: 'srm-deck';
  formatVersion: 1;
  id: string;
  name: string;
  description: string;
  cards: BuiltinDeckFileCard[];
}

/** The file form of a generated deck, with keys in a fixed order. */
export function toDeckFile(deck: BuiltinDeck): BuiltinDeckFile {
  return {
    format: 'srm-deck',
    formatVersion: 1,
    id: deck.id,
    name: deck.name,
    description: deck.description,
    cards: deck.cards.map((card) => ({
      id: card.id,
      question: card.question,
      answer: card.answer,
      explanation: card.explanation,
      tags: [...card.tags],
      source: card.source,
      fact: card.sibling,
    })),
  };
}

/** Deterministic text: 2-space JSON with a trailing newline. */
export function serializeDeckFile(file: BuiltinDeckFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Every built-in deck file as `{ fileName, content }`, e.g. `srm-services.json`, in model order. */
export function builtinDeckFiles(model: SrmModel): { fileName: string; content: string }[] {
  return generateDecks(model).map((deck) => ({
    fileName: `${deck.id}.json`,
    content: serializeDeckFile(toDeckFile(deck)),
  }));
}
