/**
 * Anki "Notes in Plain Text" (.txt) exports and Anki-style text files.
 *
 * Leading header lines `#key:value` (Anki 2.1.54+): separator (comma, semicolon, tab, space,
 * pipe, colon or a literal character), html (true/false), tags (added to every card),
 * columns (names, split by the separator), notetype, deck (the deck name), and
 * `notetype column`, `deck column`, `tags column`, `guid column` (1-based). An old-style
 * first line `tags:a b` also adds tags. Other leading `#` lines are comments.
 * There is no header row: the first regular column (not guid/notetype/deck/tags) is the
 * question, the second the answer. With `#columns:` a regular column named explanation,
 * extra, back extra, notes or source fills that field. The GUID becomes the card id, so
 * re-importing an edited export keeps every card. HTML (with `#html:true`, or when a field
 * plainly contains tags and `#html:false` is absent) becomes plain text.
 */
import type { Deck } from '../deck/types';
import { buildCards, type RawRow } from './cards';
import { readDelimited } from './delimited';
import { detectDelimiter, fallbackDeckName, splitTags, tooManyCards } from './fields';
import { htmlToText, looksLikeHtml } from './html';
import { slugifyDeckId } from './ids';
import { finishResult, type ImportResult, type ParseOptions, type Problem } from './problem';

const SEPARATORS: Readonly<Record<string, string>> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
  space: ' ',
  pipe: '|',
  colon: ':',
};

type SpecialColumn = 'guid' | 'notetype' | 'deck' | 'tags';

/** Named regular columns (`#columns:`) that fill an optional card field. */
const NAMED_FIELDS: Readonly<Record<string, 'explanation' | 'source'>> = {
  explanation: 'explanation',
  extra: 'explanation',
  'back extra': 'explanation',
  notes: 'explanation',
  source: 'source',
};

export const ANKI_HEADER = /^#(separator|html|tags|columns|notetype|deck|(notetype|deck|tags|guid) column):/i;

/** True when the text starts with an Anki file header or an old-style `tags:` line. */
export function hasAnkiHeader(text: string): boolean {
  return ANKI_HEADER.test(text) || /^tags:/i.test(text);
}

interface Headers {
  separator?: string;
  html?: boolean;
  tags: string[];
  columnsRaw?: string;
  deck?: string;
  special: Map<SpecialColumn, number>;
  /** How many physical lines the header block takes. */
  lineCount: number;
  /** Character offset where the body starts. */
  bodyStart: number;
}

function readHeaders(text: string, problems: Problem[]): Headers {
  const headers: Headers = { tags: [], special: new Map(), lineCount: 0, bodyStart: 0 };
  let offset = 0;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline + 1;
    const line = text.slice(offset, end).replace(/\r?\n$/, '');
    const number = headers.lineCount + 1;
    const oldTags = number === 1 ? /^tags:(.*)$/i.exec(line) : null;
    if (!line.startsWith('#') && oldTags === null) break;
    headers.lineCount = number;
    offset = end;
    if (oldTags !== null) {
      headers.tags.push(...splitTags(oldTags[1] ?? ''));
      continue;
    }
    const pair = /^#([a-z ]+):(.*)$/i.exec(line);
    if (pair === null) continue; // a comment
    const key = (pair[1] ?? '').trim().toLowerCase();
    const value = pair[2] ?? '';
    const warn = (message: string): void => {
      problems.push({ line: number, message: `Line ${number}: ${message}`, severity: 'warning' });
    };
    const column = /^(guid|notetype|deck|tags) column$/.exec(key);
    if (column !== null) {
      const n = Number(value.trim());
      if (Number.isInteger(n) && n >= 1) headers.special.set(column[1] as SpecialColumn, n - 1);
      else warn(`'${value.trim()}' is not a column number (header ignored)`);
      continue;
    }
    switch (key) {
      case 'separator': {
        const name = value.trim().toLowerCase();
        const sep = SEPARATORS[name] ?? (value.length === 1 ? value : undefined);
        if (sep === undefined) warn(`unknown separator '${value}' (the separator is guessed instead)`);
        else headers.separator = sep;
        break;
      }
      case 'html': {
        const flag = value.trim().toLowerCase();
        if (flag === 'true' || flag === 'false') headers.html = flag === 'true';
        else warn(`#html must be true or false, not '${value.trim()}' (ignored)`);
        break;
      }
      case 'tags':
        headers.tags.push(...splitTags(value));
        break;
      case 'columns':
        headers.columnsRaw = value;
        break;
      case 'deck':
        if (value.trim() !== '') headers.deck = value.trim();
        break;
      case 'notetype':
        break;
      default:
        warn(`unknown header '#${pair[1] ?? ''}' (ignored)`);
    }
  }
  headers.bodyStart = offset;
  return headers;
}

export function parseAnkiDeck(fileName: string, text: string, options: ParseOptions = {}): ImportResult {
  const problems: Problem[] = [];
  const headers = readHeaders(text, problems);
  const body = text.slice(headers.bodyStart);
  const separator = headers.separator ?? (headers.columnsRaw !== undefined ? detectDelimiter(headers.columnsRaw) : undefined) ?? ankiGuess(body);
  const rows = readDelimited(body, separator, headers.lineCount + 1, problems);
  if (rows.length === 0) return finishResult('anki', null, [...problems, { line: 0, message: 'The file has no notes.', severity: 'error' }]);
  const tooMany = tooManyCards(rows.length);
  if (tooMany !== null) return finishResult('anki', null, [...problems, tooMany]);

  const specialIndexes = new Set(headers.special.values());
  const width = rows.reduce((max, row) => Math.max(max, row.fields.length), 0);
  const regular: number[] = [];
  for (let i = 0; i < width; i += 1) if (!specialIndexes.has(i)) regular.push(i);
  const questionIndex = regular[0];
  const answerIndex = regular[1];
  const named = new Map<'explanation' | 'source', number>();
  if (headers.columnsRaw !== undefined) {
    headers.columnsRaw.split(separator).forEach((name, index) => {
      const field = NAMED_FIELDS[name.trim().toLowerCase()];
      if (field !== undefined && !specialIndexes.has(index) && index !== questionIndex && index !== answerIndex && !named.has(field)) {
        named.set(field, index);
      }
    });
  }
  const used = new Set<number>([...specialIndexes, ...named.values()]);
  if (questionIndex !== undefined) used.add(questionIndex);
  if (answerIndex !== undefined) used.add(answerIndex);

  const html = headers.html;
  const asText = (cell: string | undefined): string | undefined => {
    if (cell === undefined) return undefined;
    return html === true || (html === undefined && looksLikeHtml(cell)) ? htmlToText(cell) : cell;
  };
  const at = (fields: string[], index: number | undefined): string | undefined => (index === undefined ? undefined : fields[index]);

  const rawRows: RawRow[] = [];
  let skippedRows = 0;
  let warnedUnused = false;
  for (const row of rows) {
    if (row.broken !== undefined) {
      skippedRows += 1;
      problems.push({ line: row.line, message: `Line ${row.line}: ${row.broken}`, severity: 'error', skipped: true });
      continue;
    }
    if (!warnedUnused) {
      const unused = row.fields.map((cell, index) => (used.has(index) || cell.trim() === '' ? 0 : index + 1)).filter((n) => n > 0);
      if (unused.length > 0) {
        warnedUnused = true;
        problems.push({
          line: row.line,
          message: `Line ${row.line}: column${unused.length > 1 ? 's' : ''} ${unused.join(', ')} ${unused.length > 1 ? 'are' : 'is'} not imported (only the question, the answer, tags and the GUID are read); this applies to every row`,
          severity: 'warning',
        });
      }
    }
    const tagCell = at(row.fields, headers.special.get('tags'));
    rawRows.push({
      line: row.line,
      value: {
        id: at(row.fields, headers.special.get('guid')),
        question: asText(at(row.fields, questionIndex)),
        answer: asText(at(row.fields, answerIndex)),
        explanation: asText(at(row.fields, named.get('explanation'))),
        tags: [...headers.tags, ...splitTags(tagCell ?? '')],
        source: asText(at(row.fields, named.get('source'))),
      },
    });
  }
  const built = buildCards(rawRows, problems);
  skippedRows += built.skippedRows;
  const deckColumnName = rows[0] === undefined ? undefined : at(rows[0].fields, headers.special.get('deck'))?.trim();
  const name = headers.deck !== undefined ? fallbackDeckName('', headers.deck) : (deckColumnName !== undefined && deckColumnName !== '' ? fallbackDeckName('', deckColumnName) : fallbackDeckName(fileName, options.deckName));
  const deck: Deck = { id: slugifyDeckId(name), name, description: '', builtIn: options.builtIn ?? false, cards: built.cards };
  return finishResult('anki', deck, problems, skippedRows);
}

/** Anki's own guess when there is no `#separator:`: tab, then semicolon, then comma, from the first line. */
function ankiGuess(body: string): string {
  const line = /^[^\r\n]*/.exec(body)?.[0] ?? '';
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  if (line.includes(',')) return ',';
  return '\t';
}
