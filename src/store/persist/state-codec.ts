/**
 * Compact text encoding of card states (one `srm:cs:<s>` shard) and the precision rules.
 *
 * Shard text: records joined by ';', fields joined by ','. Integers are base 36, reals decimal:
 *   index , due , stability , difficulty , scheduledDays , learningSteps , reps , lapses , state , lastReview
 *   - index          the card's index in the key table
 *   - due            epoch SECONDS
 *   - stability      4 significant digits (relative error ≤ 5e-5: a 100-day interval moves < 8 min)
 *   - difficulty     4 significant digits (1..10 → 3 decimals)
 *   - lastReview     due − lastReview in seconds (usually the interval); empty for null
 * e.g. `2s,sz7vwg,12.35,5.123,c,0,5,1,2,f2y0`. About 40 characters a card.
 *
 * No drift: `normalizeState` applies exactly this rounding, the collection keeps the
 * normalised value in memory, and encode(decode(encode(s))) === encode(s), so what the app
 * sees during a session is exactly what it sees after a reload, and rounding never compounds.
 */
import type { CardState, FsrsState } from '../../core/schedule/types';

export const roundSignificant = (x: number, digits = 4): number => (x === 0 ? 0 : Number(x.toPrecision(digits)));
export const toSeconds = (ms: number): number => Math.round(ms / 1000);

/** The state as it will read back from storage. */
export function normalizeState(state: CardState): CardState {
  return {
    due: toSeconds(state.due) * 1000,
    stability: roundSignificant(state.stability),
    difficulty: roundSignificant(state.difficulty),
    scheduledDays: Math.round(state.scheduledDays),
    learningSteps: Math.round(state.learningSteps),
    reps: Math.round(state.reps),
    lapses: Math.round(state.lapses),
    state: state.state,
    lastReview: state.lastReview === null ? null : toSeconds(state.lastReview) * 1000,
  };
}

const isNonNegInt = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
export const isFsrsState = (n: unknown): n is FsrsState => n === 0 || n === 1 || n === 2 || n === 3;

/** Why a state cannot be stored, or null when it can. Callers reject such states before writing. */
export function invalidStateReason(state: CardState): string | null {
  if (!Number.isFinite(state.due) || Math.abs(state.due) > 8.64e15) return 'due is not a time';
  if (!Number.isFinite(state.stability) || state.stability < 0) return 'stability is not a non-negative number';
  if (!Number.isFinite(state.difficulty)) return 'difficulty is not a number';
  for (const field of ['scheduledDays', 'learningSteps', 'reps', 'lapses'] as const) {
    if (!isNonNegInt(Math.round(state[field]))) return `${field} is not a non-negative integer`;
  }
  if (!isFsrsState(state.state)) return 'state is not 0..3';
  if (state.lastReview !== null && (!Number.isFinite(state.lastReview) || Math.abs(state.lastReview) > 8.64e15)) {
    return 'lastReview is not a time';
  }
  return null;
}

const INT = /^-?[0-9a-z]{1,11}$/;
const REAL = /^-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]{1,3})?$/;

/** Base-36 integer or NaN; strict (no partial parses like parseInt). */
export function parseInt36(text: string): number {
  if (!INT.test(text)) return Number.NaN;
  const n = parseInt(text, 36);
  return Number.isSafeInteger(n) ? n : Number.NaN;
}

function parseReal(text: string): number {
  return REAL.test(text) ? Number(text) : Number.NaN;
}

const b36 = (n: number): string => n.toString(36);

/** One record; the state must be valid (see invalidStateReason). */
export function encodeStateRecord(index: number, state: CardState): string {
  const s = normalizeState(state);
  const due = s.due / 1000;
  const last = s.lastReview === null ? '' : b36(due - s.lastReview / 1000);
  return `${b36(index)},${b36(due)},${s.stability},${s.difficulty},${b36(s.scheduledDays)},${b36(s.learningSteps)},${b36(s.reps)},${b36(s.lapses)},${s.state},${last}`;
}

export function decodeStateRecord(text: string): { index: number; state: CardState } | null {
  const f = text.split(',');
  if (f.length !== 10) return null;
  const [fi, fdue, fst, fdi, fsch, fsteps, freps, flapses, fstate, flast] = f as [string, string, string, string, string, string, string, string, string, string];
  const index = parseInt36(fi);
  const due = parseInt36(fdue);
  const stability = parseReal(fst);
  const difficulty = parseReal(fdi);
  const scheduledDays = parseInt36(fsch);
  const learningSteps = parseInt36(fsteps);
  const reps = parseInt36(freps);
  const lapses = parseInt36(flapses);
  const state = Number(fstate);
  const lastDelta = flast === '' ? null : parseInt36(flast);
  if (!isNonNegInt(index) || !Number.isFinite(due) || !Number.isFinite(stability) || stability < 0 || !Number.isFinite(difficulty)) return null;
  if (!isNonNegInt(scheduledDays) || !isNonNegInt(learningSteps) || !isNonNegInt(reps) || !isNonNegInt(lapses)) return null;
  if (fstate.length !== 1 || !isFsrsState(state) || (lastDelta !== null && !Number.isFinite(lastDelta))) return null;
  return {
    index,
    state: {
      due: due * 1000,
      stability,
      difficulty,
      scheduledDays,
      learningSteps,
      reps,
      lapses,
      state,
      lastReview: lastDelta === null ? null : (due - lastDelta) * 1000,
    },
  };
}

/** Encodes a shard; records in index order so equal contents give equal text. */
export function encodeShard(records: ReadonlyMap<number, CardState>): string {
  return [...records.keys()]
    .sort((a, b) => a - b)
    .map((index) => {
      const state = records.get(index);
      return state === undefined ? '' : encodeStateRecord(index, state);
    })
    .join(';');
}

export interface DecodedShard {
  records: Map<number, CardState>;
  /** Records that could not be read (dropped), or that belong to another shard. */
  bad: number;
}

/** Reads a shard record by record: a damaged record loses only itself. */
export function decodeShard(raw: string, shard: number, shardCount: number): DecodedShard {
  const records = new Map<number, CardState>();
  let bad = 0;
  if (raw === '') return { records, bad };
  for (const part of raw.split(';')) {
    const record = decodeStateRecord(part);
    if (record === null || record.index % shardCount !== shard || records.has(record.index)) {
      bad += 1;
      continue;
    }
    records.set(record.index, record.state);
  }
  return { records, bad };
}

export function sameState(a: CardState, b: CardState): boolean {
  return (
    a.due === b.due &&
    a.stability === b.stability &&
    a.difficulty === b.difficulty &&
    a.scheduledDays === b.scheduledDays &&
    a.learningSteps === b.learningSteps &&
    a.reps === b.reps &&
    a.lapses === b.lapses &&
    a.state === b.state &&
    a.lastReview === b.lastReview
  );
}
