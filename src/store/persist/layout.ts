/**
 * Storage key names of the stored layout and the `meta` record.
 *
 * Layout, format version 1 (all keys under `srm:`):
 *   srm:meta            JSON {"v":1,"created":<epoch ms>,"epoch":<string>} — format version; `epoch`
 *                       changes when the whole layout is replaced (restore, migration) so other
 *                       tabs know to re-read everything.
 *   srm:keys:<n>        card-key table chunk n: JSON array of up to KEY_CHUNK CardKeys. The card
 *                       with index i lives at chunk floor(i / KEY_CHUNK), position i % KEY_CHUNK.
 *                       Append-only: an index, once written, names the same card forever.
 *   srm:cs:<s>          card states of the cards with index % SHARD_COUNT === s (state-codec.ts).
 *   srm:log:<n>         review log chunk n, up to LOG_CHUNK entries (log-codec.ts).
 *   srm:doc:<name>      one JSON document (settings, user decks as doc:deck:<id>, quiz...).
 *   srm:quarantine:<k>  a raw value of key <k> that could not be read, kept aside for download.
 *
 * The version lives in `meta`, not in the prefix: an older build of the app must *see* data
 * written by a newer one (and refuse to touch it) rather than start an empty collection next to it.
 *
 * Shards use the card index, not a hash of the key: indexes are permanent and dense, so
 * `index % 64` is stable and spreads cards perfectly evenly.
 */

export const PREFIX = 'srm:';
export const META_KEY = 'srm:meta';
export const QUARANTINE_PREFIX = 'srm:quarantine:';

/** The stored format this build reads and writes. */
export const CURRENT_VERSION = 1;

export const SHARD_COUNT = 64;
export const KEY_CHUNK = 128;
export const LOG_CHUNK = 1000;

export const keyChunkKey = (n: number): string => `srm:keys:${n}`;
export const shardKey = (s: number): string => `srm:cs:${s}`;
export const logChunkKey = (n: number): string => `srm:log:${n}`;
export const docKey = (name: string): string => `srm:doc:${name}`;
export const quarantineKey = (key: string): string => `${QUARANTINE_PREFIX}${key}`;

export const shardOf = (index: number): number => index % SHARD_COUNT;

export type StorageKeyPart =
  | { part: 'meta' }
  | { part: 'keys'; n: number }
  | { part: 'cs'; n: number }
  | { part: 'log'; n: number }
  | { part: 'doc'; name: string }
  | { part: 'quarantine' }
  | { part: 'unknown' };

const NUMBERED = /^srm:(keys|cs|log):(0|[1-9][0-9]{0,8})$/;

/** What a storage key is in this layout, or null when it does not belong to the app. */
export function parseStorageKey(key: string): StorageKeyPart | null {
  if (!key.startsWith(PREFIX)) return null;
  if (key === META_KEY) return { part: 'meta' };
  if (key.startsWith(QUARANTINE_PREFIX)) return { part: 'quarantine' };
  if (key.startsWith('srm:doc:') && key.length > 'srm:doc:'.length) return { part: 'doc', name: key.slice('srm:doc:'.length) };
  const match = NUMBERED.exec(key);
  if (match === null) return { part: 'unknown' };
  const n = Number(match[2]);
  const kind = match[1];
  if (kind === 'cs') return n < SHARD_COUNT ? { part: 'cs', n } : { part: 'unknown' };
  return kind === 'keys' ? { part: 'keys', n } : { part: 'log', n };
}

export interface Meta {
  v: number;
  created: number;
  epoch: string;
}

export function encodeMeta(meta: Meta): string {
  return JSON.stringify({ v: meta.v, created: meta.created, epoch: meta.epoch });
}

/** Reads `srm:meta`; null when it is not a valid meta record. Only `v` is required. */
export function decodeMeta(raw: string): Meta | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = 'v' in value ? value.v : undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) return null;
  const created = 'created' in value && typeof value.created === 'number' && Number.isFinite(value.created) ? value.created : 0;
  const epoch = 'epoch' in value && typeof value.epoch === 'string' ? value.epoch : '';
  return { v, created, epoch };
}
