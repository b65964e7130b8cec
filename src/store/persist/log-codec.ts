/**
 * Compact text encoding of one review log chunk (`srm:log:<n>`).
 *
 *   chunk  := base "|" record (";" record)*        (just "" for an empty chunk)
 *   record := index "," dt "," code "," duration   (integers in base 36)
 *   - base      epoch seconds of the first record
 *   - dt        seconds since the previous record (the first: since base, so 0); may be negative
 *               (two tabs, clock changes)
 *   - code      (rating − 1) × 4 + state before the review: one digit 0..f
 *   - duration  answer time in 100 ms units
 * e.g. `sz7vwg|2s,0,a,1e;2t,8,b,q`. About 12 characters an entry.
 *
 * Precision: review time to the second, duration to 100 ms (`normalizeEntry`).
 * Because times are deltas, a damaged record ends the readable part of its chunk: the valid
 * prefix is kept (which is exactly what a truncated value leaves).
 */
import type { FsrsState, GradeValue, ReviewEntry } from '../../core/schedule/types';
import { Scanner } from './scan';
import { isFsrsState, toSeconds } from './state-codec';

/** One stored log entry, by card index; times in seconds, duration in 100 ms units. */
export interface LogRecord {
  i: number;
  t: number;
  g: GradeValue;
  s: FsrsState;
  d: number;
}

export const isGrade = (n: unknown): n is GradeValue => n === 1 || n === 2 || n === 3 || n === 4;

export function normalizeEntry(entry: ReviewEntry): ReviewEntry {
  return {
    key: entry.key,
    review: toSeconds(entry.review) * 1000,
    rating: entry.rating,
    state: entry.state,
    duration: Math.max(0, Math.round(entry.duration / 100)) * 100,
  };
}

export function invalidEntryReason(entry: ReviewEntry): string | null {
  if (!Number.isFinite(entry.review) || Math.abs(entry.review) > 8.64e15) return 'review is not a time';
  if (!isGrade(entry.rating)) return 'rating is not 1..4';
  if (!isFsrsState(entry.state)) return 'state is not 0..3';
  if (!Number.isFinite(entry.duration) || entry.duration > 8.64e7 * 365) return 'duration is not a number';
  return null;
}

export function toRecord(index: number, entry: ReviewEntry): LogRecord {
  return {
    i: index,
    t: toSeconds(entry.review),
    g: entry.rating,
    s: entry.state,
    d: Math.max(0, Math.round(entry.duration / 100)),
  };
}

export const sameRecord = (a: LogRecord, b: LogRecord): boolean =>
  a.i === b.i && a.t === b.t && a.g === b.g && a.s === b.s && a.d === b.d;

const b36 = (n: number): string => n.toString(36);

export function encodeLogChunk(records: readonly LogRecord[]): string {
  const first = records[0];
  if (first === undefined) return '';
  let previous = first.t;
  let text = `${b36(first.t)}|`;
  for (let k = 0; k < records.length; k += 1) {
    const r = records[k] as LogRecord;
    text += `${k === 0 ? '' : ';'}${b36(r.i)},${b36(r.t - previous)},${((r.g - 1) * 4 + r.s).toString(16)},${b36(r.d)}`;
    previous = r.t;
  }
  return text;
}

export interface DecodedLogChunk {
  records: LogRecord[];
  /** True when something could not be read; `records` is then the valid prefix. */
  damaged: boolean;
}

const scanner = new Scanner();

const FIELD = '[0-9a-z]{1,10}';
const RECORD = `${FIELD},-?${FIELD},[0-9a-f],${FIELD}`;
const WELL_FORMED = new RegExp(`^(?:${FIELD}\\|${RECORD}(?:;${RECORD})*)?$`);

/**
 * True when `decodeLogChunk` will read every record without damage. A regular expression checks
 * 100,000 entries in a few milliseconds without allocating them, so startup validates every
 * chunk this way and decodes a chunk only when its entries are needed.
 */
export function isWellFormedLogChunk(raw: string): boolean {
  return WELL_FORMED.test(raw);
}

export function decodeLogChunk(raw: string): DecodedLogChunk {
  const records: LogRecord[] = [];
  if (raw === '') return { records, damaged: false };
  const bar = raw.indexOf('|');
  if (bar < 0) return { records, damaged: true };
  scanner.reset(raw);
  const base = scanner.int36(bar, true);
  if (!Number.isFinite(base)) return { records, damaged: true };
  let previous = base;
  let start = bar + 1;
  while (start < raw.length) {
    let limit = raw.indexOf(';', start);
    if (limit < 0) limit = raw.length;
    scanner.reset(raw, start);
    const i = scanner.int36(limit, false);
    const dt = scanner.int36(limit, false);
    const code = scanner.hex(limit, false);
    const d = scanner.int36(limit, true);
    if (!(i >= 0) || !Number.isFinite(dt) || !(code >= 0) || !(d >= 0)) return { records, damaged: true };
    const g = (code >> 2) + 1;
    const s = code & 3;
    if (!isGrade(g) || !isFsrsState(s)) return { records, damaged: true };
    previous += dt;
    records.push({ i, t: previous, g, s, d });
    start = limit + 1;
  }
  return { records, damaged: false };
}
