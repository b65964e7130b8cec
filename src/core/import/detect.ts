/**
 * Which parser a file goes to, from its extension and its first characters:
 * JSON when the text starts with "{" (after whitespace) or the file is .json;
 * Anki text when it starts with an Anki header (`#separator:`, `#html:`, … or `tags:`),
 * or when the file is .txt or has no extension (the paste box) and its first line is not a
 * header row naming question and answer (so pasted "question<TAB>answer" lines just work);
 * CSV/TSV otherwise.
 */
import { fileExtension } from './fields';
import { hasAnkiHeader } from './parseAnki';
import { looksLikeCsvHeader } from './parseCsv';
import type { ImportFormat } from './problem';

export function detectFormat(fileName: string, text: string): ImportFormat {
  const start = text.trimStart();
  const ext = fileExtension(fileName);
  if (start.startsWith('{') || ext === 'json') return 'json';
  if (hasAnkiHeader(text)) return 'anki';
  if ((ext === 'txt' || ext === '') && !looksLikeCsvHeader(text)) return 'anki';
  return 'csv';
}
