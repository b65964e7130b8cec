/**
 * The learner's collection as stored in localStorage: card states, review log and small JSON
 * documents, over an injected StorageLike (see layout.ts for the stored layout).
 *
 * Rules this file keeps:
 * - Every write is a read-modify-write of ONE key in one synchronous task: the shard, log chunk
 *   or key-table chunk is re-read from storage, the change applied, the value written back. So
 *   another tab's progress in the same key is kept, and logs of both tabs survive. (Chromium
 *   syncs localStorage between processes asynchronously, so two writes to the same key within
 *   a few milliseconds can still race; at human answering speed this is rare.)
 * - An answer writes at most one shard, the last log chunk and, for a card never seen before,
 *   the last key-table chunk: bounded by the chunk sizes, not by the history length.
 * - Memory is the truth for this tab. A change is applied in memory first and queued; the queue
 *   is written at once (`flush`). If a write fails (quota), nothing stored is touched, the
 *   change stays queued, `status` becomes 'quota', and the next write or `flush()` retries.
 * - Nothing unreadable is overwritten before it has been copied to `srm:quarantine:<key>`; if
 *   even that copy does not fit, the value is left where it is, kept in memory for download
 *   (`quarantine()`), and writes to that key wait like any quota failure.
 * - Values are normalised to stored precision (state-codec.ts, log-codec.ts) before they are
 *   kept in memory, so a session and a reload see identical numbers.
 */
import * as v from 'valibot';
import type { CardKey } from '../../core/deck/types';
import type { CardState, ReviewEntry } from '../../core/schedule/types';
import { applyLayout } from './apply-layout';
import { backupEntries, buildBackup, type Backup } from './backup';
import { encodeLayout } from './encode-layout';
import { decodeKeyChunk, encodeKeyChunk } from './keys-codec';
import {
  CURRENT_VERSION,
  KEY_CHUNK,
  LOG_CHUNK,
  META_KEY,
  PREFIX,
  SHARD_COUNT,
  decodeMeta,
  docKey,
  encodeMeta,
  keyChunkKey,
  logChunkKey,
  parseStorageKey,
  quarantineKey,
  shardKey,
  shardOf,
  type Meta,
} from './layout';
import {
  decodeLogChunk,
  encodeLogChunk,
  isWellFormedLogChunk,
  invalidEntryReason,
  normalizeEntry,
  sameRecord,
  toRecord,
  type LogRecord,
} from './log-codec';
import { migrateLayout, type LayoutStep } from './migrations';
import { decodeShard, encodeShard, invalidStateReason, normalizeState, sameState } from './state-codec';
import { isQuotaError, type StorageLike } from './storage';

/**
 * - ok: everything is stored.
 * - quota: some changes are only in memory (storage full); show a banner and offer a backup.
 * - unavailable: no usable storage (or writes fail for another reason); memory only.
 * - newer-version: the stored data was written by a newer app version; this tab never writes it.
 */
export type PersistStatus = 'ok' | 'quota' | 'unavailable' | 'newer-version';

export interface StorageProblem {
  /** The storage key concerned, e.g. `srm:cs:12`; '' for the storage as a whole. */
  key: string;
  kind: 'unavailable' | 'newer-version' | 'corrupt' | 'damaged' | 'invalid-doc' | 'repaired' | 'migrated' | 'migration-failed' | 'write-failed';
  message: string;
  /** The unreadable raw value, for the UI to offer as a download. */
  raw?: string;
  /** Where a copy of `raw` is stored; undefined while it could not be copied (no space). */
  quarantinedAs?: string;
}

export interface OpenReport {
  status: PersistStatus;
  problems: StorageProblem[];
  /** The stored version migrated from, or null. */
  migratedFrom: number | null;
  /** True when no collection existed and a new one was started. */
  created: boolean;
}

/** A validator function (returns undefined when invalid) or a valibot schema. */
export type DocParser<T> = ((value: unknown) => T | undefined) | v.GenericSchema<unknown, T>;

export interface ExternalChange {
  /** Card keys whose state changed (set, updated or removed). */
  states: CardKey[];
  /** Documents that changed or were removed. */
  docs: string[];
  logAdded: number;
  logRemoved: number;
  /** Everything was re-read (another tab restored a backup or cleared storage): refresh all. */
  reloaded: boolean;
}

export interface Usage {
  meta: number;
  keys: number;
  states: number;
  logs: number;
  docs: number;
  quarantine: number;
  /** All `srm:` keys (key names + values), in characters. */
  total: number;
}

export interface QuarantinedValue {
  /** The key the value was read from. */
  key: string;
  raw: string;
  /** Where it is stored aside, or null when it is only in memory (no space). */
  storedAs: string | null;
}

export type RestoreResult = { ok: true } | { ok: false; error: string };

export interface Collection {
  readonly status: PersistStatus;
  /** Card states (normalised to stored precision). Updated in place; do not mutate. */
  readonly states: ReadonlyMap<CardKey, CardState>;
  /** Problems found at open and since (invalid documents, write failures). */
  readonly problems: readonly StorageProblem[];
  /** Number of changes not yet written. */
  readonly pendingWrites: number;
  /** All review entries in stored (chronological) order. Cached; do not mutate. */
  entries(): readonly ReviewEntry[];
  /** Entries with review ≥ since (epoch ms), reading only the chunks that can hold them. */
  entriesSince(since: number): ReviewEntry[];
  /** Stores an answer: the card's new state and its log entry (entry.key must equal key). */
  recordReview(key: CardKey, state: CardState, entry: ReviewEntry): PersistStatus;
  /** Undoes an answer: restores the prior state (undefined: the card was new) and removes that log entry. */
  undoReview(key: CardKey, priorState: CardState | undefined, entry: ReviewEntry): PersistStatus;
  /** Sets (or with null, forgets) several states at once, e.g. "study these now". */
  setStates(changes: Iterable<readonly [CardKey, CardState | null]>): PersistStatus;
  getDoc<T>(name: string, parser: DocParser<T>): T | undefined;
  /** Stores a JSON-serialisable document. */
  setDoc(name: string, value: unknown): PersistStatus;
  removeDoc(name: string): PersistStatus;
  docNames(): string[];
  /** Feed `storage` events from other tabs here: `applyExternalChange(event.key, event.newValue)`. */
  applyExternalChange(key: string | null, newValue: string | null): ExternalChange;
  /** Retries queued writes (after the learner freed space). */
  flush(): PersistStatus;
  usage(): Usage;
  exportBackup(now: number): Backup;
  /** Replaces the whole collection with a parsed backup (see parseBackup); all or nothing. */
  restoreBackup(backup: Backup): RestoreResult;
  /** Everything kept aside as unreadable, for download. */
  quarantine(): QuarantinedValue[];
  /** Forgets the kept-aside values (after the learner downloaded them). */
  clearQuarantine(): void;
}

export interface OpenOptions {
  now: number;
  /** Layout migrations; defaults to LAYOUT_MIGRATIONS (tests inject their own). */
  migrations?: readonly LayoutStep[];
}

export function openCollection(storage: StorageLike | null, opts: OpenOptions): { collection: Collection; report: OpenReport } {
  const collection = new StoredCollection(storage);
  const report = collection.open(opts);
  return { collection, report };
}

const EMPTY_CHANGE: ExternalChange = { states: [], docs: [], logAdded: 0, logRemoved: 0, reloaded: false };
const recordId = (r: LogRecord): string => `${r.i},${r.t},${r.g},${r.s},${r.d}`;
const entryId = (e: ReviewEntry): string => `${e.key}\n${e.review},${e.rating},${e.state},${e.duration}`;
const newEpoch = (now: number): string => `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function runParser<T>(parser: DocParser<T>, value: unknown): T | undefined {
  if (typeof parser === 'function') return parser(value);
  const result = v.safeParse(parser, value);
  return result.success ? result.output : undefined;
}

class StoredCollection implements Collection {
  status: PersistStatus = 'ok';
  problems: StorageProblem[] = [];
  private storage: StorageLike | null;
  private writable = false;
  private meta: Meta = { v: CURRENT_VERSION, created: 0, epoch: '' };
  private metaDirty = false;

  // Key table.
  private keyOf: (CardKey | undefined)[] = [];
  private indexOf = new Map<CardKey, number>();
  private keyChunkLength = new Map<number, number>();
  private deadKeyChunks = new Set<number>();
  private lastKeyChunk = -1;

  // Mirrors of what this tab has read or written, by storage key number.
  private shards = new Map<number, Map<number, CardState>>();
  /** Decoded log chunks; `logRaw` holds chunks validated at load but not decoded yet. */
  private logChunks = new Map<number, LogRecord[]>();
  private logRaw = new Map<number, string>();
  private lastLogChunk = -1;
  private docs = new Map<string, { raw: string; value: unknown }>();

  private readonly statesMap = new Map<CardKey, CardState>();
  get states(): ReadonlyMap<CardKey, CardState> {
    return this.statesMap;
  }
  private entriesCache: ReviewEntry[] | null = null;

  // Changes not yet written.
  private pendingStates = new Map<CardKey, CardState | null>();
  private pendingAdds: ReviewEntry[] = [];
  private pendingRemoves: ReviewEntry[] = [];
  private pendingDocs = new Map<string, string | null>();

  /** Unreadable raw values not yet copied to a quarantine key, by their storage key. */
  private aside = new Map<string, string>();
  private invalidDocsSeen = new Set<string>();

  constructor(storage: StorageLike | null) {
    this.storage = storage;
  }

  get pendingWrites(): number {
    return this.pendingStates.size + this.pendingAdds.length + this.pendingRemoves.length + this.pendingDocs.size + (this.metaDirty ? 1 : 0);
  }

  // ---------------------------------------------------------------- open / load

  open(opts: OpenOptions): OpenReport {
    let migratedFrom: number | null = null;
    let created = false;
    const layout = this.readLayout();
    if (layout === null) {
      this.storage = null;
      this.status = 'unavailable';
      this.problems.push({ key: '', kind: 'unavailable', message: 'Browser storage is not available: progress is kept only until this tab closes.' });
      return this.report(migratedFrom, created);
    }
    const storage = this.storage;
    if (storage === null) return this.report(migratedFrom, created);

    let version = CURRENT_VERSION;
    const metaRaw = layout.get(META_KEY);
    const meta = metaRaw === undefined ? null : decodeMeta(metaRaw);
    if (metaRaw === undefined) {
      this.meta = { v: CURRENT_VERSION, created: opts.now, epoch: newEpoch(opts.now) };
      this.metaDirty = true;
      created = layout.size === 0;
      if (!created) this.problems.push({ key: META_KEY, kind: 'repaired', message: 'The format record was missing; the data was read as version 1.' });
    } else if (meta === null) {
      this.meta = { v: CURRENT_VERSION, created: opts.now, epoch: newEpoch(opts.now) };
      this.metaDirty = true;
      this.noteUnreadable(META_KEY, metaRaw, 'corrupt', 'The format record was unreadable; the data was read as version 1.');
    } else {
      this.meta = meta;
      version = meta.v;
    }
    layout.delete(META_KEY);

    if (version > CURRENT_VERSION) {
      this.status = 'newer-version';
      this.problems.push({
        key: META_KEY,
        kind: 'newer-version',
        message: `Progress was saved by a newer version of the app (format ${version}); this tab will not change it. Reload to update the app.`,
      });
      return this.report(migratedFrom, created);
    }

    this.writable = true;
    let data: ReadonlyMap<string, string> = layout;
    if (version < CURRENT_VERSION) {
      const migrated = this.migrate(storage, layout, metaRaw, version, opts.migrations);
      if (migrated === null) this.writable = false;
      else {
        data = migrated;
        migratedFrom = version;
      }
    }
    this.load(data);
    for (const [key, raw] of [...this.aside]) this.tryKeepAside(key, raw);
    if (this.writable) this.flush();
    else if (this.status === 'ok') this.status = 'unavailable';
    return this.report(migratedFrom, created);
  }

  private report(migratedFrom: number | null, created: boolean): OpenReport {
    return { status: this.status, problems: [...this.problems], migratedFrom, created };
  }

  /** Every `srm:` key except quarantine, or null when storage cannot be read. */
  private readLayout(): Map<string, string> | null {
    const storage = this.storage;
    if (storage === null) return null;
    try {
      const layout = new Map<string, string>();
      const names: string[] = [];
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i);
        if (key !== null && key.startsWith(PREFIX)) names.push(key);
      }
      for (const key of names) {
        const part = parseStorageKey(key);
        if (part === null || part.part === 'quarantine') continue;
        const value = storage.getItem(key);
        if (value !== null) layout.set(key, value);
      }
      return layout;
    } catch {
      return null;
    }
  }

  private migrate(
    storage: StorageLike,
    layout: ReadonlyMap<string, string>,
    metaRaw: string | undefined,
    version: number,
    steps: readonly LayoutStep[] | undefined,
  ): Map<string, string> | null {
    const before: Record<string, string> = Object.fromEntries(layout);
    if (metaRaw !== undefined) before[META_KEY] = metaRaw;
    const result = migrateLayout(before, version, steps);
    const fail = (message: string): null => {
      this.problems.push({ key: META_KEY, kind: 'migration-failed', message });
      return null;
    };
    if (!result.ok) return fail(`Stored data (format ${version}) could not be upgraded: ${result.error}. Nothing was changed; this session is not saved.`);
    const written = applyLayout(storage, result.value, Object.keys(before));
    if (!written.ok) return fail(`The upgraded data did not fit in storage (${String(written.error)}). Nothing was changed; this session is not saved.`);
    this.problems.push({ key: META_KEY, kind: 'migrated', message: `Stored data was upgraded from format ${version} to ${CURRENT_VERSION}.` });
    const next = new Map(Object.entries(result.value));
    const meta = decodeMeta(next.get(META_KEY) ?? '');
    if (meta !== null) this.meta = meta;
    this.metaDirty = false;
    next.delete(META_KEY);
    return next;
  }

  /** Builds memory from a layout (meta excluded). */
  private load(layout: ReadonlyMap<string, string>): void {
    this.keyOf = [];
    this.indexOf = new Map();
    this.keyChunkLength = new Map();
    this.deadKeyChunks = new Set();
    this.lastKeyChunk = -1;
    this.shards = new Map();
    this.logChunks = new Map();
    this.logRaw = new Map();
    this.lastLogChunk = -1;
    this.docs = new Map();
    this.entriesCache = null;

    const keyChunks: [number, string][] = [];
    const shards: [number, string][] = [];
    const logs: [number, string][] = [];
    for (const [key, raw] of layout) {
      const part = parseStorageKey(key);
      if (part === null) continue;
      if (part.part === 'keys') keyChunks.push([part.n, raw]);
      else if (part.part === 'cs') shards.push([part.n, raw]);
      else if (part.part === 'log') logs.push([part.n, raw]);
      else if (part.part === 'doc') {
        try {
          this.docs.set(part.name, { raw, value: JSON.parse(raw) as unknown });
        } catch {
          this.noteUnreadable(key, raw, 'corrupt', `Document "${part.name}" was unreadable and was set aside.`);
        }
      }
    }
    const byNumber = (a: [number, string], b: [number, string]): number => a[0] - b[0];

    for (const [n, raw] of keyChunks.sort(byNumber)) {
      this.lastKeyChunk = Math.max(this.lastKeyChunk, n);
      const decoded = decodeKeyChunk(raw, KEY_CHUNK);
      if (decoded === null) {
        this.deadKeyChunks.add(n);
        this.noteUnreadable(keyChunkKey(n), raw, 'corrupt', `Card-key table part ${n} was unreadable: progress of up to ${KEY_CHUNK} cards could not be matched to its cards.`);
        continue;
      }
      if (decoded.bad > 0) this.noteUnreadable(keyChunkKey(n), raw, 'damaged', `Card-key table part ${n} had ${decoded.bad} unreadable entries.`);
      this.mergeKeys(n, decoded.keys);
    }

    for (const [s, raw] of shards.sort(byNumber)) {
      const decoded = decodeShard(raw, s, SHARD_COUNT);
      if (decoded.bad > 0) {
        const none = decoded.records.size === 0;
        this.noteUnreadable(shardKey(s), raw, none ? 'corrupt' : 'damaged', none
          ? `Card states part ${s} was unreadable; those cards start again as new.`
          : `Card states part ${s}: ${decoded.bad} unreadable records were dropped, ${decoded.records.size} kept.`);
      }
      this.shards.set(s, decoded.records);
    }
    this.rebuildStates();

    for (const [n, raw] of logs.sort(byNumber)) {
      this.lastLogChunk = Math.max(this.lastLogChunk, n);
      if (isWellFormedLogChunk(raw)) {
        this.logRaw.set(n, raw);
        continue;
      }
      const decoded = decodeLogChunk(raw);
      if (decoded.damaged) {
        this.noteUnreadable(logChunkKey(n), raw, decoded.records.length === 0 ? 'corrupt' : 'damaged',
          `Review log part ${n} was damaged; ${decoded.records.length} entries were kept.`);
      }
      this.logChunks.set(n, decoded.records);
    }
  }

  private mergeKeys(n: number, keys: readonly (CardKey | undefined)[]): { added: number[]; conflict: boolean } {
    const added: number[] = [];
    let conflict = false;
    keys.forEach((key, p) => {
      const index = n * KEY_CHUNK + p;
      const known = this.keyOf[index];
      if (key === undefined) return;
      if (known !== undefined) {
        if (known !== key) conflict = true;
        return;
      }
      this.keyOf[index] = key;
      if (!this.indexOf.has(key)) this.indexOf.set(key, index);
      added.push(index);
    });
    this.keyChunkLength.set(n, Math.max(this.keyChunkLength.get(n) ?? 0, keys.length));
    this.lastKeyChunk = Math.max(this.lastKeyChunk, n);
    return { added, conflict };
  }

  /** The key whose state a shard record at `index` supplies, or undefined (unknown key, or a duplicate index). */
  private ownerOf(index: number): CardKey | undefined {
    const key = this.keyOf[index];
    if (key === undefined) return undefined;
    const canonical = this.indexOf.get(key);
    if (canonical === index) return key;
    // Two tabs raced to add the same key: the record at the first index wins when it exists.
    return canonical !== undefined && this.shards.get(shardOf(canonical))?.has(canonical) === true ? undefined : key;
  }

  private rebuildStates(): void {
    this.statesMap.clear();
    for (const records of this.shards.values()) {
      for (const [index, state] of records) {
        const key = this.ownerOf(index);
        if (key !== undefined) this.statesMap.set(key, state);
      }
    }
    for (const [key, state] of this.pendingStates) {
      if (state === null) this.statesMap.delete(key);
      else this.statesMap.set(key, state);
    }
  }

  // ---------------------------------------------------------------- quarantine

  private noteUnreadable(key: string, raw: string, kind: StorageProblem['kind'], message: string): void {
    this.problems.push({ key, kind, message, raw });
    this.aside.set(key, raw);
  }

  /** Copies a raw value to a quarantine key; throws QuotaExceededError when it does not fit. */
  private keepAside(key: string, raw: string): void {
    const storage = this.storage;
    if (storage === null) return;
    let name = quarantineKey(key);
    for (let k = 2; k < 1000; k += 1) {
      const existing = storage.getItem(name);
      if (existing === null || existing === raw) break;
      name = `${quarantineKey(key)}~${k}`;
    }
    if (storage.getItem(name) !== raw) storage.setItem(name, raw);
    if (this.aside.get(key) === raw) this.aside.delete(key);
    for (const problem of this.problems) {
      if (problem.key === key && problem.raw === raw) problem.quarantinedAs = name;
    }
  }

  /** Best effort: on failure the value stays in memory (`quarantine()`) and its key stays guarded. */
  private tryKeepAside(key: string, raw: string): void {
    try {
      this.keepAside(key, raw);
    } catch {
      // Kept in `aside`; writes to `key` retry the copy first.
    }
  }

  /** Before overwriting `key`: an unreadable value read from it must be kept aside first. */
  private guard(key: string, currentRaw: string | null, damaged: boolean): void {
    const pending = this.aside.get(key);
    if (pending !== undefined) this.keepAside(key, pending);
    if (currentRaw !== null && damaged) this.keepAside(key, currentRaw);
  }

  quarantine(): QuarantinedValue[] {
    const out: QuarantinedValue[] = [...this.aside].map(([key, raw]) => ({ key, raw, storedAs: null }));
    const storage = this.storage;
    if (storage === null) return out;
    try {
      for (let i = 0; i < storage.length; i += 1) {
        const name = storage.key(i);
        if (name === null || parseStorageKey(name)?.part !== 'quarantine') continue;
        const raw = storage.getItem(name);
        const key = name.slice(quarantineKey('').length).replace(/~[0-9]+$/, '');
        if (raw !== null) out.push({ key, raw, storedAs: name });
      }
    } catch {
      // Storage became unreadable: the in-memory part is all there is.
    }
    return out;
  }

  clearQuarantine(): void {
    this.aside.clear();
    const storage = this.storage;
    if (storage === null || !this.writable) return;
    const names: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const name = storage.key(i);
      if (name !== null && parseStorageKey(name)?.part === 'quarantine') names.push(name);
    }
    for (const name of names) storage.removeItem(name);
  }

  // ---------------------------------------------------------------- reading

  private toEntry(r: LogRecord): ReviewEntry | undefined {
    const key = this.keyOf[r.i];
    return key === undefined ? undefined : { key, review: r.t * 1000, rating: r.g, state: r.s, duration: r.d * 100 };
  }

  private chunkNumbers(): number[] {
    return [...new Set([...this.logChunks.keys(), ...this.logRaw.keys()])].sort((a, b) => a - b);
  }

  /** The records of chunk n as this tab knows them, decoding it on first use. */
  private chunk(n: number): LogRecord[] {
    let records = this.logChunks.get(n);
    if (records === undefined) {
      const raw = this.logRaw.get(n);
      records = raw === undefined ? [] : decodeLogChunk(raw).records;
      this.logRaw.delete(n);
      this.logChunks.set(n, records);
    }
    return records;
  }

  /** Converts chunks to entries, skipping pending removals (each removes one matching entry). */
  private collect(chunks: readonly number[], since: number): ReviewEntry[] {
    const removals = new Map<string, number>();
    for (const e of this.pendingRemoves) removals.set(entryId(e), (removals.get(entryId(e)) ?? 0) + 1);
    const out: ReviewEntry[] = [];
    for (const n of chunks) {
      for (const r of this.chunk(n)) {
        if (r.t * 1000 < since) continue;
        const entry = this.toEntry(r);
        if (entry === undefined) continue;
        if (removals.size > 0) {
          const id = entryId(entry);
          const left = removals.get(id) ?? 0;
          if (left > 0) {
            removals.set(id, left - 1);
            continue;
          }
        }
        out.push(entry);
      }
    }
    for (const e of this.pendingAdds) if (e.review >= since) out.push(e);
    return out;
  }

  entries(): readonly ReviewEntry[] {
    this.entriesCache ??= this.collect(this.chunkNumbers(), Number.NEGATIVE_INFINITY);
    return this.entriesCache;
  }

  entriesSince(since: number): ReviewEntry[] {
    const numbers = this.chunkNumbers();
    let first = numbers.length;
    while (first > 0) {
      const chunk = this.chunk(numbers[first - 1] as number);
      if (chunk.length > 0 && chunk.every((r) => r.t * 1000 < since)) break;
      first -= 1;
    }
    return this.collect(numbers.slice(first), since);
  }

  getDoc<T>(name: string, parser: DocParser<T>): T | undefined {
    const doc = this.docs.get(name);
    if (doc === undefined) return undefined;
    const value = runParser(parser, doc.value);
    if (value === undefined && !this.invalidDocsSeen.has(doc.raw)) {
      this.invalidDocsSeen.add(doc.raw);
      const key = docKey(name);
      this.noteUnreadable(key, doc.raw, 'invalid-doc', `Document "${name}" did not have the expected shape and was set aside.`);
      if (this.writable) this.tryKeepAside(key, doc.raw);
    }
    return value;
  }

  docNames(): string[] {
    return [...this.docs.keys()];
  }

  // ---------------------------------------------------------------- changing

  recordReview(key: CardKey, state: CardState, entry: ReviewEntry): PersistStatus {
    if (entry.key !== key) throw new Error(`recordReview: entry.key ${entry.key} is not ${key}`);
    this.checkState(key, state);
    const problem = invalidEntryReason(entry);
    if (problem !== null) throw new RangeError(`recordReview ${key}: ${problem}`);
    const normal = normalizeState(state);
    this.statesMap.set(key, normal);
    this.pendingStates.set(key, normal);
    const e = normalizeEntry(entry);
    this.pendingAdds.push(e);
    this.entriesCache?.push(e);
    return this.flush();
  }

  undoReview(key: CardKey, priorState: CardState | undefined, entry: ReviewEntry): PersistStatus {
    if (priorState !== undefined) this.checkState(key, priorState);
    const prior = priorState === undefined ? null : normalizeState(priorState);
    if (prior === null) this.statesMap.delete(key);
    else this.statesMap.set(key, prior);
    this.pendingStates.set(key, prior);
    const e = normalizeEntry({ ...entry, key });
    const id = entryId(e);
    const at = this.pendingAdds.map(entryId).lastIndexOf(id);
    if (at >= 0) this.pendingAdds.splice(at, 1);
    else this.pendingRemoves.push(e);
    this.entriesCache = null;
    return this.flush();
  }

  setStates(changes: Iterable<readonly [CardKey, CardState | null]>): PersistStatus {
    const list = [...changes];
    for (const [key, state] of list) if (state !== null) this.checkState(key, state);
    for (const [key, state] of list) {
      const normal = state === null ? null : normalizeState(state);
      if (normal === null) this.statesMap.delete(key);
      else this.statesMap.set(key, normal);
      this.pendingStates.set(key, normal);
    }
    return this.flush();
  }

  setDoc(name: string, value: unknown): PersistStatus {
    const raw = JSON.stringify(value) as string | undefined;
    if (raw === undefined) throw new TypeError(`setDoc ${name}: value is not JSON-serialisable`);
    if (name === '') throw new TypeError('setDoc: empty document name');
    this.docs.set(name, { raw, value: JSON.parse(raw) as unknown });
    this.pendingDocs.set(name, raw);
    return this.flush();
  }

  removeDoc(name: string): PersistStatus {
    this.docs.delete(name);
    this.pendingDocs.set(name, null);
    return this.flush();
  }

  private checkState(key: CardKey, state: CardState): void {
    if (key === '') throw new TypeError('empty card key');
    const problem = invalidStateReason(state);
    if (problem !== null) throw new RangeError(`state of ${key}: ${problem}`);
  }

  // ---------------------------------------------------------------- writing

  flush(): PersistStatus {
    if (!this.writable || this.storage === null) return this.status;
    const storage = this.storage;
    try {
      if (this.metaDirty) {
        this.guard(META_KEY, null, false);
        storage.setItem(META_KEY, encodeMeta(this.meta));
        this.metaDirty = false;
      }
      this.flushKeys(storage);
      this.flushStates(storage);
      this.flushLogs(storage);
      this.flushDocs(storage);
      this.status = 'ok';
    } catch (error) {
      if (isQuotaError(error)) this.status = 'quota';
      else {
        this.status = 'unavailable';
        this.problems.push({ key: '', kind: 'write-failed', message: `Saving failed: ${String(error)}` });
      }
    }
    return this.status;
  }

  /** Reads the last key-table chunk again, and any chunks other tabs added after it. */
  private refreshKeyTable(storage: StorageLike): void {
    for (let n = Math.max(this.lastKeyChunk, 0); ; n += 1) {
      if (this.deadKeyChunks.has(n)) continue;
      const raw = storage.getItem(keyChunkKey(n));
      if (raw === null) {
        if (n > this.lastKeyChunk) return;
        continue;
      }
      const decoded = decodeKeyChunk(raw, KEY_CHUNK);
      if (decoded === null) {
        this.deadKeyChunks.add(n);
        this.lastKeyChunk = Math.max(this.lastKeyChunk, n);
        this.noteUnreadable(keyChunkKey(n), raw, 'corrupt', `Card-key table part ${n} became unreadable.`);
        this.tryKeepAside(keyChunkKey(n), raw);
        continue;
      }
      this.mergeKeys(n, decoded.keys);
    }
  }

  private flushKeys(storage: StorageLike): void {
    const missing = new Set<CardKey>();
    for (const [key, state] of this.pendingStates) if (state !== null && !this.indexOf.has(key)) missing.add(key);
    for (const e of this.pendingAdds) if (!this.indexOf.has(e.key)) missing.add(e.key);
    if (missing.size === 0) return;
    this.refreshKeyTable(storage);
    for (const key of missing) if (this.indexOf.has(key)) missing.delete(key);
    while (missing.size > 0) {
      let n = Math.max(this.lastKeyChunk, 0);
      const storageKey = keyChunkKey(n);
      let raw = this.deadKeyChunks.has(n) ? null : storage.getItem(storageKey);
      let current = raw === null ? null : decodeKeyChunk(raw, KEY_CHUNK);
      if (raw !== null && current === null) this.deadKeyChunks.add(n);
      if (this.deadKeyChunks.has(n) || (current?.keys.length ?? 0) >= KEY_CHUNK) {
        n = this.lastKeyChunk + 1;
        raw = null;
        current = null;
      }
      const keys = [...(current?.keys ?? [])];
      for (const key of missing) {
        if (keys.length >= KEY_CHUNK) break;
        keys.push(key);
      }
      this.guard(keyChunkKey(n), raw, (current?.bad ?? 0) > 0);
      storage.setItem(keyChunkKey(n), encodeKeyChunk(keys));
      this.mergeKeys(n, keys);
      for (const key of missing) if (this.indexOf.has(key)) missing.delete(key);
    }
  }

  private flushStates(storage: StorageLike): void {
    const byShard = new Map<number, [number, CardKey, CardState | null][]>();
    for (const [key, state] of this.pendingStates) {
      const index = this.indexOf.get(key);
      if (index === undefined) {
        // Never stored, so nothing to forget; a non-null state always has an index by now.
        if (state === null) this.pendingStates.delete(key);
        continue;
      }
      const s = shardOf(index);
      const list = byShard.get(s) ?? [];
      list.push([index, key, state]);
      byShard.set(s, list);
    }
    for (const [s, changes] of byShard) {
      const storageKey = shardKey(s);
      const raw = storage.getItem(storageKey);
      const decoded = raw === null ? { records: new Map<number, CardState>(), bad: 0 } : decodeShard(raw, s, SHARD_COUNT);
      this.guard(storageKey, raw, decoded.bad > 0);
      const mirror = this.shards.get(s) ?? new Map<number, CardState>();
      for (const [index, , state] of changes) {
        if (state === null) decoded.records.delete(index);
        else decoded.records.set(index, state);
      }
      storage.setItem(storageKey, encodeShard(decoded.records));
      for (const [index, key, state] of changes) {
        if (state === null) mirror.delete(index);
        else mirror.set(index, state);
        if (this.pendingStates.get(key) === state) this.pendingStates.delete(key);
      }
      this.shards.set(s, mirror);
    }
  }

  private flushLogs(storage: StorageLike): void {
    while (this.pendingRemoves.length > 0) {
      const e = this.pendingRemoves[0] as ReviewEntry;
      this.removeStoredEntry(storage, e);
      this.pendingRemoves.shift();
    }
    if (this.pendingAdds.length === 0) return;
    // Find the last chunk, including ones other tabs started.
    let n = Math.max(this.lastLogChunk, 0);
    while (storage.getItem(logChunkKey(n + 1)) !== null) n += 1;
    while (this.pendingAdds.length > 0) {
      const storageKey = logChunkKey(n);
      const raw = storage.getItem(storageKey);
      const decoded = raw === null ? { records: [] as LogRecord[], damaged: false } : decodeLogChunk(raw);
      if (decoded.records.length >= LOG_CHUNK || (decoded.damaged && decoded.records.length === 0 && raw !== '')) {
        n += 1;
        continue;
      }
      this.guard(storageKey, raw, decoded.damaged);
      const take = this.pendingAdds.slice(0, LOG_CHUNK - decoded.records.length);
      const added: LogRecord[] = [];
      for (const e of take) {
        const index = this.indexOf.get(e.key);
        if (index === undefined) throw new Error(`no index for ${e.key}`);
        added.push(toRecord(index, e));
      }
      storage.setItem(storageKey, encodeLogChunk([...decoded.records, ...added]));
      this.pendingAdds.splice(0, take.length);
      this.chunk(n).push(...added);
      this.lastLogChunk = Math.max(this.lastLogChunk, n);
    }
  }

  /** Removes the last stored record equal to `e`, searching from the newest chunk. */
  private removeStoredEntry(storage: StorageLike, e: ReviewEntry): void {
    const index = this.indexOf.get(e.key);
    if (index === undefined) return;
    const target = toRecord(index, e);
    const numbers = this.chunkNumbers().reverse();
    for (const n of numbers) {
      const mirror = this.chunk(n);
      const inMirror = mirror.findLastIndex((r) => sameRecord(r, target));
      if (inMirror < 0) continue;
      const storageKey = logChunkKey(n);
      const raw = storage.getItem(storageKey);
      if (raw === null) continue;
      const decoded = decodeLogChunk(raw);
      const at = decoded.records.findLastIndex((r) => sameRecord(r, target));
      if (at < 0) continue;
      this.guard(storageKey, raw, decoded.damaged);
      decoded.records.splice(at, 1);
      storage.setItem(storageKey, encodeLogChunk(decoded.records));
      mirror.splice(inMirror, 1);
      return;
    }
  }

  private flushDocs(storage: StorageLike): void {
    for (const [name, raw] of [...this.pendingDocs]) {
      const key = docKey(name);
      this.guard(key, null, false);
      if (raw === null) storage.removeItem(key);
      else storage.setItem(key, raw);
      this.pendingDocs.delete(name);
    }
  }

  // ---------------------------------------------------------------- other tabs

  applyExternalChange(key: string | null, eventValue: string | null): ExternalChange {
    const storage = this.storage;
    if (storage === null) return EMPTY_CHANGE;
    if (key === null) return this.reload();
    const part = parseStorageKey(key);
    if (part === null) return EMPTY_CHANGE;
    // Events arrive late: by now this tab may have written the same key again on top of the
    // event's value. Storage holds the latest value, so diff against that, not the event's.
    let newValue = eventValue;
    try {
      newValue = storage.getItem(key);
    } catch {
      // Storage went away: the event's value is the best there is.
    }
    switch (part.part) {
      case 'meta': {
        const meta = newValue === null ? null : decodeMeta(newValue);
        if (meta === null) return EMPTY_CHANGE;
        if (meta.v > CURRENT_VERSION) {
          this.writable = false;
          this.status = 'newer-version';
          this.problems.push({ key: META_KEY, kind: 'newer-version', message: 'Another tab upgraded the stored data to a newer format; this tab no longer saves. Reload to update the app.' });
          return EMPTY_CHANGE;
        }
        if (meta.epoch !== this.meta.epoch && this.status !== 'newer-version') {
          this.meta = meta;
          return this.reload();
        }
        return EMPTY_CHANGE;
      }
      case 'keys': {
        const decoded = newValue === null ? null : decodeKeyChunk(newValue, KEY_CHUNK);
        if (decoded === null) return EMPTY_CHANGE;
        const { added, conflict } = this.mergeKeys(part.n, decoded.keys);
        if (conflict) return this.reload();
        const states: CardKey[] = [];
        for (const index of added) {
          const state = this.shards.get(shardOf(index))?.get(index);
          const owner = this.ownerOf(index);
          if (state !== undefined && owner !== undefined && !this.pendingStates.has(owner)) {
            this.statesMap.set(owner, state);
            states.push(owner);
          }
        }
        if (added.length > 0) this.entriesCache = null;
        return { ...EMPTY_CHANGE, states };
      }
      case 'cs': {
        const next = newValue === null ? new Map<number, CardState>() : decodeShard(newValue, part.n, SHARD_COUNT).records;
        const mirror = this.shards.get(part.n) ?? new Map<number, CardState>();
        const states: CardKey[] = [];
        for (const index of new Set([...mirror.keys(), ...next.keys()])) {
          const before = mirror.get(index);
          const after = next.get(index);
          if (before !== undefined && after !== undefined && sameState(before, after)) continue;
          const owner = this.ownerOf(index);
          if (owner === undefined || this.pendingStates.has(owner)) continue;
          if (after === undefined) this.statesMap.delete(owner);
          else this.statesMap.set(owner, after);
          states.push(owner);
        }
        this.shards.set(part.n, next);
        return { ...EMPTY_CHANGE, states };
      }
      case 'log': {
        const next = newValue === null ? [] : decodeLogChunk(newValue).records;
        const counts = new Map<string, number>();
        for (const r of this.chunk(part.n)) counts.set(recordId(r), (counts.get(recordId(r)) ?? 0) + 1);
        let logAdded = 0;
        for (const r of next) {
          const left = counts.get(recordId(r)) ?? 0;
          if (left > 0) counts.set(recordId(r), left - 1);
          else logAdded += 1;
        }
        let logRemoved = 0;
        for (const left of counts.values()) logRemoved += left;
        this.logChunks.set(part.n, next);
        this.lastLogChunk = Math.max(this.lastLogChunk, part.n);
        if (logAdded + logRemoved > 0) this.entriesCache = null;
        return { ...EMPTY_CHANGE, logAdded, logRemoved };
      }
      case 'doc': {
        if (this.pendingDocs.has(part.name)) return EMPTY_CHANGE;
        if (newValue === null) this.docs.delete(part.name);
        else {
          try {
            this.docs.set(part.name, { raw: newValue, value: JSON.parse(newValue) as unknown });
          } catch {
            return EMPTY_CHANGE;
          }
        }
        return { ...EMPTY_CHANGE, docs: [part.name] };
      }
      default:
        return EMPTY_CHANGE;
    }
  }

  /** Re-reads everything from storage, keeping this tab's queued changes on top. */
  private reload(): ExternalChange {
    const layout = this.readLayout();
    if (layout === null) return EMPTY_CHANGE;
    const beforeStates = new Map(this.statesMap);
    const beforeDocs = new Map([...this.docs].map(([name, doc]) => [name, doc.raw]));
    const beforeCount = this.entries().length;
    const meta = decodeMeta(layout.get(META_KEY) ?? '');
    if (meta !== null) {
      if (meta.v > CURRENT_VERSION) return this.applyExternalChange(META_KEY, layout.get(META_KEY) ?? null);
      this.meta = meta;
    }
    layout.delete(META_KEY);
    const problemCount = this.problems.length;
    this.load(layout);
    // Problems in what another tab wrote are reported at the next open (their values stay guarded in `aside`).
    this.problems.length = problemCount;
    this.rebuildStates();
    for (const [name, raw] of this.pendingDocs) {
      if (raw === null) this.docs.delete(name);
      else this.docs.set(name, { raw, value: JSON.parse(raw) as unknown });
    }
    const states = new Set<CardKey>();
    for (const [key, state] of beforeStates) {
      const now = this.statesMap.get(key);
      if (now === undefined || !sameState(now, state)) states.add(key);
    }
    for (const key of this.statesMap.keys()) if (!beforeStates.has(key)) states.add(key);
    const docs = new Set<string>();
    for (const [name, raw] of beforeDocs) if (this.docs.get(name)?.raw !== raw) docs.add(name);
    for (const name of this.docs.keys()) if (!beforeDocs.has(name)) docs.add(name);
    const count = this.entries().length;
    return {
      states: [...states],
      docs: [...docs],
      logAdded: Math.max(0, count - beforeCount),
      logRemoved: Math.max(0, beforeCount - count),
      reloaded: true,
    };
  }

  // ---------------------------------------------------------------- usage, backup

  usage(): Usage {
    const usage: Usage = { meta: 0, keys: 0, states: 0, logs: 0, docs: 0, quarantine: 0, total: 0 };
    const storage = this.storage;
    if (storage === null) return usage;
    try {
      for (let i = 0; i < storage.length; i += 1) {
        const key = storage.key(i);
        const part = key === null ? null : parseStorageKey(key);
        if (key === null || part === null) continue;
        const size = key.length + (storage.getItem(key)?.length ?? 0);
        usage.total += size;
        if (part.part === 'meta') usage.meta += size;
        else if (part.part === 'keys') usage.keys += size;
        else if (part.part === 'cs') usage.states += size;
        else if (part.part === 'log') usage.logs += size;
        else if (part.part === 'doc') usage.docs += size;
        else if (part.part === 'quarantine') usage.quarantine += size;
      }
    } catch {
      return { meta: 0, keys: 0, states: 0, logs: 0, docs: 0, quarantine: 0, total: 0 };
    }
    return usage;
  }

  exportBackup(now: number): Backup {
    return buildBackup(now, this.statesMap, this.entries(), new Map([...this.docs].map(([name, doc]) => [name, doc.value])));
  }

  restoreBackup(backup: Backup): RestoreResult {
    if (this.status === 'newer-version') {
      return { ok: false, error: 'Stored progress belongs to a newer version of the app; update the app before restoring.' };
    }
    const states = new Map<CardKey, CardState>();
    for (const [key, state] of Object.entries(backup.states)) {
      const problem = invalidStateReason(state);
      if (problem !== null) return { ok: false, error: `state of ${key}: ${problem}` };
      states.set(key, normalizeState(state));
    }
    const entries = backupEntries(backup).map(normalizeEntry);
    const docs = new Map<string, string>();
    for (const [name, value] of Object.entries(backup.docs)) {
      const raw = JSON.stringify(value) as string | undefined;
      if (raw !== undefined && name !== '') docs.set(name, raw);
    }
    const meta = { created: this.meta.created, epoch: newEpoch(backup.exportedAt) };
    const layout = encodeLayout({ states, entries, docs }, meta);
    const storage = this.storage;
    if (storage !== null && this.writable) {
      const current = this.readLayout();
      if (current === null) return { ok: false, error: 'Browser storage could not be read.' };
      const written = applyLayout(storage, layout, [...current.keys()]);
      if (!written.ok) {
        const full = isQuotaError(written.error);
        return { ok: false, error: full ? 'The backup does not fit in browser storage; nothing was changed.' : `Restoring failed (${String(written.error)}); nothing was changed.` };
      }
    }
    this.pendingStates.clear();
    this.pendingAdds = [];
    this.pendingRemoves = [];
    this.pendingDocs.clear();
    this.metaDirty = false;
    this.meta = { ...meta, v: CURRENT_VERSION };
    const map = new Map(Object.entries(layout));
    map.delete(META_KEY);
    this.load(map);
    if (this.writable) this.status = 'ok';
    return { ok: true };
  }
}
