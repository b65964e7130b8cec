/**
 * Reads delimiter-separated text (CSV, TSV, Anki notes) with papaparse, row by row, keeping the
 * PHYSICAL line where each row starts, even after quoted fields that span several lines.
 */
import Papa from 'papaparse';
import { lineLocator } from './jsonScan';
import type { Problem } from './problem';

export interface TextRow {
  /** 1-based physical line of the row's first character, counted in the whole file. */
  line: number;
  fields: string[];
  /** Set when papaparse could not make sense of the quoting; the row should be skipped. */
  broken?: string;
}

/**
 * @param firstLine the file line on which `text` starts (header lines already consumed).
 * Blank rows are dropped. Malformed quoting is reported in `problems` (as warnings) or marks
 * the row `broken` (a quote that is never closed swallows the rest of the file).
 */
export function readDelimited(text: string, delimiter: string, firstLine: number, problems: Problem[]): TextRow[] {
  const lineOf = lineLocator(text);
  const rows: TextRow[] = [];
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step: (result) => {
      const cursor = typeof result.meta.cursor === 'number' ? result.meta.cursor : start;
      const line = lineOf(start) + firstLine - 1;
      start = cursor;
      const fields = result.data;
      if (fields.every((field) => field.trim() === '')) return;
      const row: TextRow = { line, fields };
      for (const error of result.errors) {
        if (error.code === 'MissingQuotes') {
          row.broken = 'a quoted field is never closed (a closing " is missing), so the rest of the file ran into this row';
        } else {
          problems.push({ line, message: `Line ${line}: ${error.message.toLowerCase()}; check this row's quotes`, severity: 'warning' });
        }
      }
      rows.push(row);
    },
  });
  return rows;
}
