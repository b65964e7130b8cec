/**
 * The backup file: one JSON object the learner can download and restore, independent of the
 * storage layout (card keys, not indexes; epoch ms; field names for states).
 *
 *   {
 *     "format": "srm-backup", "version": 1, "exportedAt": <epoch ms>,
 *     "states": { "<cardKey>": { "due": ..., "stability": ..., ... CardState } },
 *     "logFields": ["review", "rating", "state", "duration"],
 *     "logs": { "<cardKey>": [[<review ms>, <rating>, <state>, <duration ms>], ...] },
 *     "docs": { "<name>": <JSON value> }
 *   }
 *
 * Logs are grouped by card so each key is written once (about 25 characters an entry instead
 * of 60); restoring orders all entries by review time again.
 */
import * as v from 'valibot';
import type { CardKey } from '../../core/deck/types';
import type { CardState, FsrsState, GradeValue, ReviewEntry } from '../../core/schedule/types';
import { BACKUP_MIGRATIONS, migrateBackup, type BackupStep } from './migrations';

export const BACKUP_FORMAT = 'srm-backup';
export const BACKUP_VERSION = 1;
export const LOG_FIELDS = ['review', 'rating', 'state', 'duration'] as const;

export type BackupLogRow = [review: number, rating: GradeValue, state: FsrsState, duration: number];

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  states: Record<CardKey, CardState>;
  logFields: typeof LOG_FIELDS;
  logs: Record<CardKey, BackupLogRow[]>;
  docs: Record<string, unknown>;
}

const time = v.pipe(v.number(), v.finite(), v.minValue(-8.64e15), v.maxValue(8.64e15));
const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const fsrsState = v.picklist([0, 1, 2, 3] as const);
const grade = v.picklist([1, 2, 3, 4] as const);
const cardKeySchema = v.pipe(v.string(), v.minLength(1));

const StateSchema = v.strictObject({
  due: time,
  stability: v.pipe(v.number(), v.finite(), v.minValue(0)),
  difficulty: v.pipe(v.number(), v.finite()),
  scheduledDays: count,
  learningSteps: count,
  reps: count,
  lapses: count,
  state: fsrsState,
  lastReview: v.nullable(time),
});

const BackupV1Schema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
  exportedAt: time,
  states: v.record(cardKeySchema, StateSchema),
  logFields: v.tuple([v.literal('review'), v.literal('rating'), v.literal('state'), v.literal('duration')]),
  logs: v.record(cardKeySchema, v.array(v.tuple([time, grade, fsrsState, v.pipe(v.number(), v.finite(), v.minValue(0))]))),
  docs: v.record(v.string(), v.unknown()),
});

export interface BackupProblem {
  /** Dot path into the file, e.g. `states.aws/ec2-1.stability`; '' for the whole file. */
  path: string;
  message: string;
}

export type ParsedBackup =
  | { ok: true; backup: Backup; migratedFrom: number | null }
  | { ok: false; problems: BackupProblem[] };

/** Validates a parsed backup file (any version this build knows) and brings it to the current version. */
export function parseBackup(input: unknown, steps: readonly BackupStep[] = BACKUP_MIGRATIONS): ParsedBackup {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ path: '', message: 'not a backup file (expected a JSON object)' }] };
  }
  const record = input as Record<string, unknown>;
  if (record.format !== BACKUP_FORMAT) {
    return { ok: false, problems: [{ path: 'format', message: `not a backup file (format is not "${BACKUP_FORMAT}")` }] };
  }
  const version = record.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return { ok: false, problems: [{ path: 'version', message: 'missing or invalid version' }] };
  }
  if (version > BACKUP_VERSION) {
    return { ok: false, problems: [{ path: 'version', message: `made by a newer version of the app (backup version ${version}, this app reads up to ${BACKUP_VERSION}); update the app first` }] };
  }
  const migrated = migrateBackup(record, version, steps, BACKUP_VERSION);
  if (!migrated.ok) return { ok: false, problems: [{ path: 'version', message: migrated.error }] };
  const result = v.safeParse(BackupV1Schema, migrated.value);
  if (!result.success) {
    return {
      ok: false,
      problems: result.issues.slice(0, 20).map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message })),
    };
  }
  const output = result.output;
  return {
    ok: true,
    backup: { ...output, logFields: LOG_FIELDS },
    migratedFrom: version === BACKUP_VERSION ? null : version,
  };
}

/** Builds a backup; entries keep their order within each card. */
export function buildBackup(
  exportedAt: number,
  states: ReadonlyMap<CardKey, CardState>,
  entries: readonly ReviewEntry[],
  docs: ReadonlyMap<string, unknown>,
): Backup {
  const logs = new Map<CardKey, BackupLogRow[]>();
  for (const e of entries) {
    let rows = logs.get(e.key);
    if (rows === undefined) {
      rows = [];
      logs.set(e.key, rows);
    }
    rows.push([e.review, e.rating, e.state, e.duration]);
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    states: Object.fromEntries([...states].map(([key, s]) => [key, { ...s }])),
    logFields: LOG_FIELDS,
    logs: Object.fromEntries(logs),
    docs: Object.fromEntries(docs),
  };
}

/** All entries of a backup in chronological order (stable: equal times keep file order). */
export function backupEntries(backup: Backup): ReviewEntry[] {
  const entries: ReviewEntry[] = [];
  for (const [key, rows] of Object.entries(backup.logs)) {
    for (const [review, rating, state, duration] of rows) entries.push({ key, review, rating, state, duration });
  }
  return entries.sort((a, b) => a.review - b.review);
}
