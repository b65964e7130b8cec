import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Question text → correct owner, read from the committed built-in decks. */
export function builtinAnswers(): Map<string, string> {
  const dir = join(process.cwd(), 'decks', 'builtin');
  const answers = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const deck = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cards: { question: string; answer: string }[] };
    for (const card of deck.cards) answers.set(card.question, card.answer);
  }
  return answers;
}

export const KEY_FOR: Record<string, string> = { AWS: '1', Customer: '2', Shared: '3' };
export const LETTER_FOR: Record<string, string> = { AWS: 'a', Customer: 'c', Shared: 's' };
export const WRONG_FOR: Record<string, string> = { AWS: 'Customer', Customer: 'Shared', Shared: 'AWS' };
