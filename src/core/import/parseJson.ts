/**
 * The native JSON format ("srm-deck", see src/core/deck/schema.ts). The deck fields must be
 * valid or nothing is imported; each card is checked on its own and bad cards are skipped.
 */
import * as v from 'valibot';
import { CARD_ENTRY_FIELDS, DECK_FILE_FIELDS, DeckHeaderSchema } from '../deck/schema';
import type { Deck } from '../deck/types';
import { buildCards, locate, type RawRow } from './cards';
import { slugifyDeckId } from './ids';
import { lineColumn, lineLocator, scanJson } from './jsonScan';
import { finishResult, type ImportResult, type ParseOptions, type Problem } from './problem';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string' ? 'text' : `a ${typeof value}`;
}

/** Position named in a JSON.parse error message (V8 "position N", "(line L column C)", Firefox "line L column C"). */
export function positionFromMessage(text: string, message: string): { line: number; column: number } | null {
  const lc = /line (\d+) column (\d+)/i.exec(message);
  if (lc !== null) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/i.exec(message);
  if (pos !== null) return lineColumn(text, Number(pos[1]));
  return null;
}

function syntaxProblem(text: string, error: unknown): Problem {
  const message = error instanceof Error ? error.message : '';
  const scan = scanJson(text);
  const scanned = scan.ok ? null : { ...lineColumn(text, scan.offset), reason: scan.reason };
  const fromMessage = positionFromMessage(text, message);
  const at = fromMessage ?? scanned ?? { line: 1, column: 1 };
  const reason =
    scanned !== null && scanned.line === at.line && scanned.column === at.column ? scanned.reason : 'the JSON is not valid here';
  return {
    line: at.line,
    column: at.column,
    message: `Line ${at.line}, column ${at.column}: the file is not valid JSON: ${reason}.`,
    severity: 'error',
  };
}

export function parseJsonDeck(text: string, options: ParseOptions = {}): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return finishResult('json', null, [syntaxProblem(text, error)]);
  }
  const problems: Problem[] = [];
  if (!isRecord(data)) {
    problems.push({ line: 1, message: `The file must be one JSON object with "name" and "cards"; it is ${kindOf(data)}.`, severity: 'error' });
    return finishResult('json', null, problems);
  }
  for (const key of Object.keys(data)) {
    if (!(DECK_FILE_FIELDS as readonly string[]).includes(key)) {
      problems.push({ line: 0, field: key, message: `Unknown deck field '${key}' (ignored).`, severity: 'warning' });
    }
  }
  const header = v.safeParse(DeckHeaderSchema, data);
  if (!header.success) {
    for (const issue of header.issues) {
      const key = issue.path?.[0]?.key;
      const field = typeof key === 'string' ? key : undefined;
      const text =
        issue.input === undefined && issue.path?.length === 1 && field !== undefined ? `the ${field === 'name' ? 'deck name' : field} is missing` : issue.message;
      const p: Problem = { line: 0, message: `${field === undefined ? 'The deck' : `Deck field ${field}`}: ${text}.`, severity: 'error' };
      if (field !== undefined) p.field = field;
      problems.push(p);
    }
    return finishResult('json', null, problems);
  }
  const deckHeader = header.output;
  const scan = scanJson(text);
  const offsets = scan.ok && scan.cardOffsets.length === deckHeader.cards.length ? scan.cardOffsets : null;
  const lineOf = offsets === null ? null : lineLocator(text);

  const rows: RawRow[] = [];
  const unknownFields = new Map<string, { row: RawRow; count: number }>();
  let skippedRows = 0;
  deckHeader.cards.forEach((value, index) => {
    const offset = offsets?.[index];
    const row: RawRow = { line: offset !== undefined && lineOf !== null ? lineOf(offset) : 0, cardNumber: index + 1, value };
    if (!isRecord(value)) {
      skippedRows += 1;
      problems.push({ line: row.line, message: `${locate(row)}a card must be an object with "question" and "answer"; it is ${kindOf(value)}`, severity: 'error', skipped: true });
      return;
    }
    for (const key of Object.keys(value)) {
      if ((CARD_ENTRY_FIELDS as readonly string[]).includes(key)) continue;
      const seen = unknownFields.get(key);
      if (seen === undefined) unknownFields.set(key, { row, count: 1 });
      else seen.count += 1;
    }
    rows.push(row);
  });
  for (const [key, { row, count }] of unknownFields) {
    const others = count > 1 ? `; ${count.toLocaleString('en-US')} cards have it` : '';
    problems.push({ line: row.line, field: key, message: `${locate(row)}unknown field '${key}' (ignored${others})`, severity: 'warning' });
  }
  const built = buildCards(rows, problems);
  skippedRows += built.skippedRows;
  const deck: Deck = {
    id: deckHeader.id ?? slugifyDeckId(deckHeader.name),
    name: deckHeader.name,
    description: deckHeader.description ?? '',
    builtIn: options.builtIn ?? false,
    cards: built.cards,
  };
  return finishResult('json', deck, problems, skippedRows);
}
