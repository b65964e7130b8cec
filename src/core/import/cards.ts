/**
 * Turns raw rows from any format into cards: validates each row with the deck schema,
 * skips and reports bad ones, assigns ids (explicit first, then derived from the question)
 * and decides the card kind from the answer.
 */
import * as v from 'valibot';
import { CardEntrySchema, type CardEntry } from '../deck/schema';
import type { Card } from '../deck/types';
import { normalizeOwner } from '../grade/normalizeOwner';
import { deriveCardId, uniqueId } from './ids';
import type { Problem } from './problem';

export interface RawRow {
  /** 1-based physical line where the row or card starts; 0 when unknown. */
  line: number;
  /** 1-based card number for JSON files; undefined for line-based formats (CSV, Anki). */
  cardNumber?: number;
  /** A candidate card entry: { id?, question, answer, explanation?, tags?, source?, fact? }. */
  value: unknown;
}

/** "Line 7, column answer: " or "Card 3 (line 12), field answer: ". */
export function locate(row: Pick<RawRow, 'line' | 'cardNumber'>, field?: string): string {
  if (row.cardNumber !== undefined) {
    const where = `Card ${row.cardNumber}${row.line > 0 ? ` (line ${row.line})` : ''}`;
    return `${where}${field === undefined ? '' : `, field ${field}`}: `;
  }
  return `Line ${row.line}${field === undefined ? '' : `, column ${field}`}: `;
}

/** How an earlier row is referred to: "on line 3" or "in card 2, line 12". */
function refer(row: RawRow): string {
  if (row.cardNumber === undefined) return `on line ${row.line}`;
  return row.line > 0 ? `in card ${row.cardNumber}, line ${row.line}` : `in card ${row.cardNumber}`;
}

function problem(row: RawRow, field: string | undefined, text: string, severity: Problem['severity'], skipped: boolean): Problem {
  const p: Problem = { line: row.line, message: `${locate(row, field)}${text}`, severity };
  if (field !== undefined) p.field = field;
  if (skipped) p.skipped = true;
  return p;
}

function issueField(issue: v.BaseIssue<unknown>): string | undefined {
  const key = issue.path?.[0]?.key;
  return typeof key === 'string' ? key : undefined;
}

interface ValidRow {
  row: RawRow;
  entry: CardEntry;
}

export function buildCards(rows: readonly RawRow[], problems: Problem[]): { cards: Card[]; skippedRows: number } {
  let skippedRows = 0;
  const valid: ValidRow[] = [];
  for (const row of rows) {
    const parsed = v.safeParse(CardEntrySchema, row.value);
    if (parsed.success) {
      valid.push({ row, entry: parsed.output });
      continue;
    }
    skippedRows += 1;
    const seen = new Set<string>();
    for (const issue of parsed.issues) {
      const field = issueField(issue);
      const text = issue.input === undefined && issue.path?.length === 1 && field !== undefined ? `the ${field} is missing` : issue.message;
      const key = `${field ?? ''}\u0000${text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(problem(row, field, text, 'error', true));
    }
  }

  // Explicit ids first, so a derived id never takes an id the file gives to another card.
  const ids = new Map<ValidRow, string>();
  const firstWithId = new Map<string, RawRow>();
  const kept: ValidRow[] = [];
  for (const item of valid) {
    const id = item.entry.id;
    if (id === undefined || id === '') {
      kept.push(item);
      continue;
    }
    const first = firstWithId.get(id);
    if (first !== undefined) {
      skippedRows += 1;
      problems.push(problem(item.row, 'id', `duplicate id '${id}' (first ${refer(first)})`, 'error', true));
      continue;
    }
    firstWithId.set(id, item.row);
    ids.set(item, id);
    kept.push(item);
  }
  const taken = new Set<string>(firstWithId.keys());
  const firstWithQuestion = new Map<string, RawRow>();
  for (const item of kept) {
    if (ids.has(item)) continue;
    const id = uniqueId(deriveCardId(item.entry.question), taken);
    taken.add(id);
    ids.set(item, id);
    const first = firstWithQuestion.get(item.entry.question);
    if (first === undefined) firstWithQuestion.set(item.entry.question, item.row);
    else {
      problems.push(problem(item.row, 'question', `the same question appears ${refer(first)}; kept as a separate card with id '${id}'`, 'warning', false));
    }
  }

  const cards: Card[] = [];
  for (const item of kept) {
    const id = ids.get(item);
    if (id === undefined) continue;
    cards.push(toCard(item.entry, id));
  }
  return { cards, skippedRows };
}

function toCard(entry: CardEntry, id: string): Card {
  const base = {
    id,
    question: entry.question,
    explanation: entry.explanation ?? '',
    tags: entry.tags ?? [],
    source: entry.source ?? '',
    sibling: entry.fact !== undefined && entry.fact !== '' ? entry.fact : id,
  };
  const owner = normalizeOwner(entry.answer);
  return owner === null ? { ...base, kind: 'basic', answer: entry.answer } : { ...base, kind: 'owner', answer: owner };
}
