/**
 * Counts shown before a restore: what is in the backup file next to what is stored now.
 */
import { parseBackup, type Backup } from '../../store/persist/backup';
import { USER_DECK_PREFIX, parseStoredDeck } from '../../store/decks';
import { QUIZ_DOCS, parseQuizAttempts } from '../../store/quizSlice';
import { locateJsonError } from './jsonError';

export interface BackupCounts {
  decks: number;
  cards: number;
  /** Cards with a stored review state. */
  progress: number;
  reviews: number;
  quizAttempts: number;
}

export function countBackup(backup: Backup): BackupCounts {
  let decks = 0;
  let cards = 0;
  for (const [name, value] of Object.entries(backup.docs)) {
    if (!name.startsWith(USER_DECK_PREFIX)) continue;
    const deck = parseStoredDeck(value);
    if (!deck) continue;
    decks += 1;
    cards += deck.cards.length;
  }
  return {
    decks,
    cards,
    progress: Object.keys(backup.states).length,
    reviews: Object.values(backup.logs).reduce((sum, rows) => sum + rows.length, 0),
    quizAttempts: parseQuizAttempts(backup.docs[QUIZ_DOCS.attempts])?.length ?? 0,
  };
}

export type ReadBackup = { ok: true; backup: Backup } | { ok: false; error: string };

/** Parses a backup file's text; errors are sentences for the learner. */
export function readBackupText(text: string): ReadBackup {
  if (text.trim() === '') return { ok: false, error: 'The file is empty.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `This file is not valid JSON${locateJsonError(text, error)}, so it is not a backup made by this app.` };
  }
  const parsed = parseBackup(json);
  if (!parsed.ok) {
    const details = parsed.problems
      .slice(0, 3)
      .map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`))
      .join('; ');
    return { ok: false, error: `This file cannot be restored: ${details}. Nothing was changed.` };
  }
  return { ok: true, backup: parsed.backup };
}
