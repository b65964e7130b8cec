/**
 * Deterministic ids for cards and decks that come without one.
 *
 * Card: "q-" + the 53-bit cyrb53 hash of the (trimmed, LF-normalised) question in base 36,
 * e.g. "q-3k9d0x1f2ab". The same question always gets the same id, so re-importing an
 * edited file keeps progress as long as the question text is unchanged. When two cards
 * of one file would get the same id, later ones get "-2", "-3", … appended.
 *
 * Deck: a slug of the name (lower case, ASCII letters and digits, "-" between words,
 * at most 64 characters), matching DECK_ID_PATTERN; "deck" when nothing is left.
 */
import { DECK_ID_PATTERN } from '../deck/types';

/** cyrb53 (public domain, bryc): a fast 53-bit string hash over UTF-16 code units. */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export function deriveCardId(question: string): string {
  return `q-${cyrb53(question).toString(36)}`;
}

/** True when `id` is the derived id of `question`, with or without a "-N" suffix. */
export function isDerivedCardId(id: string, question: string): boolean {
  const base = deriveCardId(question);
  return id === base || (id.startsWith(`${base}-`) && /^[1-9][0-9]*$/.test(id.slice(base.length + 1)));
}

/** `base`, or `base-2`, `base-3`, … whichever is not in `taken` yet. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function slugifyDeckId(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return DECK_ID_PATTERN.test(slug) ? slug : 'deck';
}
