/**
 * What an import reports back: the deck (or null when nothing usable was found), the
 * problems in file order, and a short summary for the preview screen.
 */
import type { Deck } from '../deck/types';

export type ImportFormat = 'json' | 'csv' | 'anki';

export interface Problem {
  /** 1-based physical line in the file where the row or card starts; 0 = the file as a whole. */
  line: number;
  /** 1-based column (character) for JSON syntax errors. */
  column?: number;
  /** The card field concerned: question, answer, explanation, tags, id, source, fact, or a deck field. */
  field?: string;
  /** A complete sentence for the learner, location included, e.g. "Line 7, column answer: the answer is empty". */
  message: string;
  severity: 'error' | 'warning';
  /** True when the row or card was left out of the deck because of this problem. */
  skipped?: boolean;
}

export interface ImportSummary {
  /** The format that was read, or null when the file was rejected before that (empty, binary, …). */
  format: ImportFormat | null;
  ownerCards: number;
  basicCards: number;
  /** Rows or cards left out because of errors (each counted once). */
  skippedRows: number;
  errors: number;
  warnings: number;
}

export interface ImportResult {
  deck: Deck | null;
  problems: Problem[];
  summary: ImportSummary;
}

export interface ParseOptions {
  /** Deck name for formats that carry none (CSV, Anki without `#deck:`); default: the file name without extension. */
  deckName?: string;
  /** Marks the deck as built in (used by the built-in deck loader); default false. */
  builtIn?: boolean;
}

export function fileProblem(message: string, severity: Problem['severity'] = 'error'): Problem {
  return { line: 0, message, severity };
}

/**
 * Builds the result and its summary. Problems are ordered by line (file-level ones first);
 * a deck without cards becomes null, with a closing "No card could be imported" problem.
 */
export function finishResult(format: ImportFormat | null, deck: Deck | null, found: Problem[], skippedRows = 0): ImportResult {
  const usable = deck !== null && deck.cards.length > 0 ? deck : null;
  const problems = [...found].sort((a, b) => a.line - b.line);
  if (deck !== null && usable === null) {
    problems.push({ line: 0, message: 'No card could be imported; fix the errors listed and try again.', severity: 'error' });
  }
  let ownerCards = 0;
  let basicCards = 0;
  for (const card of usable?.cards ?? []) {
    if (card.kind === 'owner') ownerCards += 1;
    else basicCards += 1;
  }
  return {
    deck: usable,
    problems,
    summary: {
      format,
      ownerCards,
      basicCards,
      skippedRows,
      errors: problems.filter((p) => p.severity === 'error').length,
      warnings: problems.filter((p) => p.severity === 'warning').length,
    },
  };
}
