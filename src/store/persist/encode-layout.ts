/**
 * Builds the complete stored layout (storage key → raw value) for a whole collection at once:
 * used by restore and by tests/fixtures. Day-to-day writes touch single keys instead.
 */
import type { CardKey } from '../../core/deck/types';
import type { CardState, ReviewEntry } from '../../core/schedule/types';
import { encodeKeyChunk } from './keys-codec';
import {
  CURRENT_VERSION,
  KEY_CHUNK,
  LOG_CHUNK,
  META_KEY,
  SHARD_COUNT,
  docKey,
  encodeMeta,
  keyChunkKey,
  logChunkKey,
  shardKey,
  shardOf,
  type Meta,
} from './layout';
import { encodeLogChunk, toRecord, type LogRecord } from './log-codec';
import { encodeShard } from './state-codec';

export interface CollectionData {
  states: ReadonlyMap<CardKey, CardState>;
  /** In stored order (normally chronological). */
  entries: readonly ReviewEntry[];
  /** Document name → JSON text. */
  docs: ReadonlyMap<string, string>;
}

export function encodeLayout(data: CollectionData, meta: Omit<Meta, 'v'>): Record<string, string> {
  const out: Record<string, string> = {};
  out[META_KEY] = encodeMeta({ ...meta, v: CURRENT_VERSION });

  const indexOf = new Map<CardKey, number>();
  const keys: CardKey[] = [];
  const indexFor = (key: CardKey): number => {
    let index = indexOf.get(key);
    if (index === undefined) {
      index = keys.length;
      keys.push(key);
      indexOf.set(key, index);
    }
    return index;
  };

  const shards = Array.from({ length: SHARD_COUNT }, () => new Map<number, CardState>());
  for (const [key, state] of data.states) {
    const index = indexFor(key);
    shards[shardOf(index)]?.set(index, state);
  }
  const records: LogRecord[] = data.entries.map((entry) => toRecord(indexFor(entry.key), entry));

  for (let n = 0; n * KEY_CHUNK < keys.length; n += 1) {
    out[keyChunkKey(n)] = encodeKeyChunk(keys.slice(n * KEY_CHUNK, (n + 1) * KEY_CHUNK));
  }
  shards.forEach((shard, s) => {
    if (shard.size > 0) out[shardKey(s)] = encodeShard(shard);
  });
  for (let n = 0; n * LOG_CHUNK < records.length; n += 1) {
    out[logChunkKey(n)] = encodeLogChunk(records.slice(n * LOG_CHUNK, (n + 1) * LOG_CHUNK));
  }
  for (const [name, json] of data.docs) out[docKey(name)] = json;
  return out;
}
