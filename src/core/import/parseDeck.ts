/**
 * The single entry point for importing a deck from a file or from pasted text. Never throws:
 * everything that goes wrong is a Problem, and `deck` is null when nothing can be imported.
 */
import { LIMITS } from '../deck/schema';
import { decodeDeckBytes, stripBom } from './bytes';
import { detectFormat } from './detect';
import { parseAnkiDeck } from './parseAnki';
import { parseCsvDeck } from './parseCsv';
import { parseJsonDeck } from './parseJson';
import { fileProblem, finishResult, type ImportResult, type ParseOptions } from './problem';

export function parseDeckFile(fileName: string, bytes: Uint8Array, options: ParseOptions = {}): ImportResult {
  try {
    const decoded = decodeDeckBytes(bytes);
    if (!decoded.ok) return finishResult(null, null, [decoded.problem]);
    return parseDeckText(fileName, decoded.text, options);
  } catch (error) {
    return unexpected(error);
  }
}

/** For the paste box (and files already decoded). `fileName` may be empty; it only helps detection and naming. */
export function parseDeckText(fileName: string, text: string, options: ParseOptions = {}): ImportResult {
  try {
    const clean = stripBom(text);
    if (clean.trim() === '') return finishResult(null, null, [fileProblem('The file is empty.')]);
    if (clean.length > LIMITS.maxFileBytes) return finishResult(null, null, [fileProblem('The text is larger than 10 MB; split it into smaller decks.')]);
    if (clean.includes('\u0000')) return finishResult(null, null, [fileProblem('This looks like binary data, not a text deck (it contains NUL characters).')]);
    switch (detectFormat(fileName, clean)) {
      case 'json':
        return parseJsonDeck(clean, options);
      case 'anki':
        return parseAnkiDeck(fileName, clean, options);
      case 'csv':
        return parseCsvDeck(fileName, clean, options);
    }
  } catch (error) {
    return unexpected(error);
  }
}

function unexpected(error: unknown): ImportResult {
  const detail = error instanceof Error ? `: ${error.message}` : '';
  return finishResult(null, null, [fileProblem(`The file could not be read because of an unexpected error${detail}. Please report it.`)]);
}
