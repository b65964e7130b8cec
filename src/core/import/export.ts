/**
 * Export to the native JSON format and to CSV. Both re-import without loss through
 * parseDeckFile: every card keeps its id (so progress stays attached), `fact` is written
 * only when the sibling key differs from the id. CSV carries cards only; the deck name
 * comes from the file name on re-import.
 */
import Papa from 'papaparse';
import { DECK_FORMAT, DECK_FORMAT_VERSION } from '../deck/schema';
import type { Card, Deck } from '../deck/types';

export const CSV_COLUMNS = ['id', 'question', 'answer', 'explanation', 'tags', 'source', 'fact'] as const;

interface CardOut {
  id: string;
  question: string;
  answer: string;
  explanation?: string;
  tags?: string[];
  source?: string;
  fact?: string;
}

function cardOut(card: Card): CardOut {
  const out: CardOut = { id: card.id, question: card.question, answer: card.answer };
  if (card.explanation !== '') out.explanation = card.explanation;
  if (card.tags.length > 0) out.tags = [...card.tags];
  if (card.source !== '') out.source = card.source;
  if (card.sibling !== card.id) out.fact = card.sibling;
  return out;
}

export function exportDeckJson(deck: Deck): string {
  const file = {
    format: DECK_FORMAT,
    formatVersion: DECK_FORMAT_VERSION,
    id: deck.id,
    name: deck.name,
    ...(deck.description === '' ? {} : { description: deck.description }),
    cards: deck.cards.map(cardOut),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** RFC 4180 (CRLF, quotes where needed); tags joined with spaces. */
export function exportDeckCsv(deck: Deck): string {
  const rows = deck.cards.map((card) => [
    card.id,
    card.question,
    card.answer,
    card.explanation,
    card.tags.join(' '),
    card.source,
    card.sibling === card.id ? '' : card.sibling,
  ]);
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false })}\r\n`;
}
