/**
 * Small helpers shared by the line-based formats (CSV/TSV and Anki text).
 */
import { LIMITS } from '../deck/schema';
import type { Problem } from './problem';

/** Tags in a CSV cell or an Anki tags column: separated by whitespace or commas. */
export function splitTags(cell: string): string[] {
  return cell.split(/[\s,]+/u).filter((tag) => tag !== '');
}

/** The delimiter a header line most likely uses: the most frequent of tab, semicolon, comma outside quotes (ties in that order). */
export function detectDelimiter(line: string): '\t' | ';' | ',' {
  const counts = { '\t': 0, ';': 0, ',': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\t' || ch === ';' || ch === ',')) counts[ch] += 1;
  }
  if (counts['\t'] >= counts[';'] && counts['\t'] >= counts[','] && counts['\t'] > 0) return '\t';
  if (counts[';'] >= counts[','] && counts[';'] > 0) return ';';
  return ',';
}

/** The first physical line of a text (without its line ending). */
export function firstLine(text: string): string {
  const match = /^[^\r\n]*/.exec(text);
  return match?.[0] ?? '';
}

/** "My deck" from "/path/My deck.csv"; empty when nothing is left. */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

export function fileExtension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function fallbackDeckName(fileName: string, given: string | undefined): string {
  const name = (given ?? fileStem(fileName)).trim().slice(0, LIMITS.deckName).trim();
  return name === '' ? 'Imported deck' : name;
}

/** The "too many cards" problem, or null when the count is within the limit. */
export function tooManyCards(count: number): Problem | null {
  if (count <= LIMITS.maxCards) return null;
  return {
    line: 0,
    message: `The file has ${count.toLocaleString('en-US')} cards; a deck can have at most ${LIMITS.maxCards.toLocaleString('en-US')}. Split it into smaller decks.`,
    severity: 'error',
  };
}
