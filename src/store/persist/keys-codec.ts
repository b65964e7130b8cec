/**
 * The card-key table chunk (`srm:keys:<n>`): a JSON array of CardKeys (JSON so that any
 * character a card id may contain round-trips). Position p of chunk n is card index
 * n × KEY_CHUNK + p. A chunk is only ever appended to, and only while it is the last one.
 */
import type { CardKey } from '../../core/deck/types';

export function encodeKeyChunk(keys: readonly (CardKey | undefined)[]): string {
  // Holes (unreadable entries) stay holes: JSON writes them as null, so positions never shift.
  return JSON.stringify(keys);
}

/**
 * The keys of a chunk, or null when the value is not a JSON array. Entries that are not
 * non-empty strings read as `undefined` (holes: that index is never reused).
 */
export function decodeKeyChunk(raw: string, capacity: number): { keys: (CardKey | undefined)[]; bad: number } | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length > capacity) return null;
  let bad = 0;
  const keys = value.map((item: unknown) => {
    if (typeof item === 'string' && item !== '') return item;
    bad += 1;
    return undefined;
  });
  return { keys, bad };
}
