/**
 * CSV / TSV decks: a header row naming the columns, then one card per row.
 * Columns (case-insensitive, trimmed): question (or front), answer (or back) — required —
 * and optional id, explanation, tags, source, fact. Delimiter: comma, semicolon or tab,
 * detected from the header row. RFC 4180 quoting, multi-line fields, CRLF or LF.
 */
import type { CardEntryField } from '../deck/schema';
import type { Deck } from '../deck/types';
import { buildCards, type RawRow } from './cards';
import { readDelimited } from './delimited';
import { detectDelimiter, fallbackDeckName, firstLine, splitTags, tooManyCards } from './fields';
import { slugifyDeckId } from './ids';
import { finishResult, type ImportResult, type ParseOptions, type Problem } from './problem';

const COLUMN_NAMES: Readonly<Record<string, CardEntryField>> = {
  id: 'id',
  question: 'question',
  front: 'question',
  answer: 'answer',
  back: 'answer',
  explanation: 'explanation',
  tags: 'tags',
  source: 'source',
  fact: 'fact',
};

/** The card field a header cell names, if any. */
export function columnField(header: string): CardEntryField | undefined {
  return COLUMN_NAMES[header.trim().toLowerCase()];
}

/** True when the first line is a header row naming a question and an answer column. */
export function looksLikeCsvHeader(text: string): boolean {
  const line = firstLine(text);
  const cells = line.split(detectDelimiter(line)).map((cell) => columnField(cell.replace(/"/g, '')));
  return cells.includes('question') && cells.includes('answer');
}

export function parseCsvDeck(fileName: string, text: string, options: ParseOptions = {}): ImportResult {
  const problems: Problem[] = [];
  const delimiter = detectDelimiter(firstLine(text.replace(/^\s*[\r\n]/, '')));
  const rows = readDelimited(text, delimiter, 1, problems);
  const header = rows.shift();
  if (header === undefined) return finishResult('csv', null, [{ line: 0, message: 'The file has no rows.', severity: 'error' }]);

  const columns = new Map<CardEntryField, number>();
  header.fields.forEach((cell, index) => {
    const name = cell.trim();
    const field = columnField(name);
    if (field === undefined) {
      if (name !== '') problems.push({ line: header.line, field: name, message: `Line ${header.line}: unknown column '${name}' (ignored)`, severity: 'warning' });
      return;
    }
    if (columns.has(field)) {
      problems.push({ line: header.line, field, message: `Line ${header.line}: column '${name}' appears twice; the first one is used`, severity: 'warning' });
      return;
    }
    columns.set(field, index);
  });
  const missing = (['question', 'answer'] as const).filter((field) => !columns.has(field));
  if (missing.length > 0) {
    const found = header.fields.map((cell) => `'${cell.trim()}'`).join(', ');
    problems.push({
      line: header.line,
      field: missing[0],
      message: `Line ${header.line}: the header row must name the columns question and answer (or front and back); missing: ${missing.join(' and ')}. Found: ${found}.`,
      severity: 'error',
    });
    return finishResult('csv', null, problems);
  }
  const tooMany = tooManyCards(rows.length);
  if (tooMany !== null) return finishResult('csv', null, [...problems, tooMany]);

  const rawRows: RawRow[] = [];
  let skippedRows = 0;
  for (const row of rows) {
    if (row.broken !== undefined) {
      skippedRows += 1;
      problems.push({ line: row.line, message: `Line ${row.line}: ${row.broken}`, severity: 'error', skipped: true });
      continue;
    }
    if (row.fields.length > header.fields.length && row.fields.slice(header.fields.length).some((cell) => cell.trim() !== '')) {
      problems.push({
        line: row.line,
        message: `Line ${row.line}: this row has ${row.fields.length} fields but the header has ${header.fields.length}; the extra fields are ignored (is a field with a "${delimiter === '\t' ? 'tab' : delimiter}" missing its quotes?)`,
        severity: 'warning',
      });
    }
    const cell = (field: CardEntryField): string | undefined => {
      const index = columns.get(field);
      return index === undefined ? undefined : row.fields[index];
    };
    const tags = cell('tags');
    rawRows.push({
      line: row.line,
      value: {
        id: cell('id'),
        question: cell('question'),
        answer: cell('answer'),
        explanation: cell('explanation'),
        tags: tags === undefined ? undefined : splitTags(tags),
        source: cell('source'),
        fact: cell('fact'),
      },
    });
  }
  const built = buildCards(rawRows, problems);
  skippedRows += built.skippedRows;
  const name = fallbackDeckName(fileName, options.deckName);
  const deck: Deck = { id: slugifyDeckId(name), name, description: '', builtIn: options.builtIn ?? false, cards: built.cards };
  return finishResult('csv', deck, problems, skippedRows);
}
