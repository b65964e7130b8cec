import type { Deck } from '../core/deck/types';
import { parseJsonDeck } from '../core/import/parseJson';

// The generated decks ship as separate chunks, loaded after the first paint.
const files = import.meta.glob<string>('../../decks/builtin/*.json', { query: '?raw', import: 'default' });

// The order decks are listed in: from the principle to the service categories to controls.
const ORDER = ['srm-fundamentals', 'srm-services', 'srm-controls'];

function rank(path: string): number {
  const at = ORDER.findIndex((id) => path.endsWith(`/${id}.json`));
  return at < 0 ? ORDER.length : at;
}

/**
 * Loads the built-in decks through the same parser users' JSON decks go through, so the
 * shipped files are held to the documented format. A deck that fails to parse is reported,
 * not silently dropped.
 */
export async function loadBuiltinDecks(): Promise<{ decks: Deck[]; errors: string[] }> {
  const entries = Object.entries(files).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  const texts = await Promise.all(entries.map(([, load]) => load()));
  const decks: Deck[] = [];
  const errors: string[] = [];
  texts.forEach((text, i) => {
    const result = parseJsonDeck(text);
    const errorsFound = result.problems.filter((p) => p.severity === 'error');
    if (result.deck && errorsFound.length === 0) decks.push({ ...result.deck, builtIn: true });
    else errors.push(`${entries[i]?.[0] ?? 'deck'}: ${errorsFound.map((p) => p.message).join('; ')}`);
  });
  return { decks, errors };
}
