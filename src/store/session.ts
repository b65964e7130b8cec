import * as v from 'valibot';
import type { UndoToken } from '../core/schedule/fsrs';
import type { ReviewEntry } from '../core/schedule/types';

/** One answer that can be taken back: what ts-fsrs rollback needs, and the log entry to remove. */
export interface UndoRecord {
  token: UndoToken;
  entry: ReviewEntry;
}

/** Today's study session, stored so that a reload resumes it (and its undo stack). */
export interface StudySession {
  startedAt: number;
  /** The study day (04:00 to 04:00) it belongs to, 'YYYY-MM-DD'. */
  dayKey: string;
  /** Deck ids the session draws from; null: every included deck. */
  scope: string[] | null;
  /** New cards allowed on top of the daily limit ("study more new cards"). */
  extraNew: number;
  reviewAhead: boolean;
  undo: UndoRecord[];
}

export function newSession(now: number, dayKey: string): StudySession {
  return { startedAt: now, dayKey, scope: null, extraNew: 0, reviewAhead: false, undo: [] };
}

const finite = v.pipe(v.number(), v.finite());
const grade = v.picklist([1, 2, 3, 4] as const);
const fsrsState = v.picklist([0, 1, 2, 3] as const);

const CardStateSchema = v.object({
  due: finite,
  stability: finite,
  difficulty: finite,
  scheduledDays: finite,
  learningSteps: finite,
  reps: finite,
  lapses: finite,
  state: fsrsState,
  lastReview: v.nullable(finite),
});

const EntrySchema = v.object({ key: v.string(), review: finite, rating: grade, state: fsrsState, duration: finite });

const TokenSchema = v.object({
  key: v.string(),
  review: finite,
  wasNew: v.boolean(),
  after: CardStateSchema,
  log: v.object({
    rating: grade,
    state: fsrsState,
    due: finite,
    stability: finite,
    difficulty: finite,
    scheduledDays: finite,
    learningSteps: finite,
    review: finite,
  }),
  priorDue: finite,
  priorLastReview: v.nullable(finite),
});

const SessionSchema = v.object({
  startedAt: finite,
  dayKey: v.string(),
  scope: v.nullable(v.array(v.string())),
  extraNew: v.pipe(finite, v.minValue(0)),
  reviewAhead: v.boolean(),
  undo: v.array(v.object({ token: TokenSchema, entry: EntrySchema })),
});

/** Reads the stored session; anything malformed yields undefined (a fresh session starts). */
export function parseSession(raw: unknown): StudySession | undefined {
  const result = v.safeParse(SessionSchema, raw);
  return result.success ? result.output : undefined;
}
