/**
 * The FSRS scheduler behind the app: the only module that talks to ts-fsrs. It converts
 * between the stored `CardState` (epoch ms, plain numbers) and ts-fsrs `Card` objects and
 * keeps one FSRS instance per parameter set.
 *
 * FSRS-6 (ts-fsrs 5.4) with fuzz on, learning steps 1m/10m and relearning step 10m. Fuzz is
 * seeded by ts-fsrs from the review time and the card's reps and memory state, so the same
 * card answered at the same instant always gets the same interval (and `preview` shows
 * exactly what `review` will do), while different cards or times spread out.
 */
import { FSRS, State, type Card as FsrsCard, type Grade, type ReviewLog } from 'ts-fsrs';
import type { CardKey } from '../deck/types';
import type { CardState, FsrsState, GradeValue, ReviewEntry } from './types';
import { formatInterval } from './interval';

export interface SchedulerParams {
  /** Target probability of recall when a review falls due; 0.7–0.99. Default 0.9. */
  desiredRetention: number;
  /** Longest interval in days. Default 36500. */
  maximumIntervalDays: number;
}

export const DEFAULT_SCHEDULER_PARAMS: Readonly<SchedulerParams> = Object.freeze({
  desiredRetention: 0.9,
  maximumIntervalDays: 36500,
});

export const LEARNING_STEPS = ['1m', '10m'] as const;
export const RELEARNING_STEPS = ['10m'] as const;

/**
 * What `undoReview` needs to put a card back exactly as it was before one answer. Plain
 * numbers only, so it survives JSON (store it with the session or in persisted state).
 */
export interface UndoToken {
  key: CardKey;
  /** The answer's time, as in its ReviewEntry: remove that entry when undoing. */
  review: number;
  /** The card had no CardState before this answer (a new card never reviewed). */
  wasNew: boolean;
  /** The state the answer produced. */
  after: CardState;
  /** The ts-fsrs review log of the answer, in epoch ms: what `rollback` works from. */
  log: UndoLog;
  /**
   * Fields `rollback` cannot reproduce, so they are kept here: it sets `due` to the review
   * time (the old due date is not in the log), and it derives `last_review` from the log's
   * `due` (= old last_review, or old due when there was none), which loses a null.
   */
  priorDue: number;
  priorLastReview: number | null;
}

export interface UndoLog {
  rating: GradeValue;
  state: FsrsState;
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  review: number;
}

export interface ReviewResult {
  state: CardState;
  entry: ReviewEntry;
  undo: UndoToken;
}

export interface PreviewItem {
  grade: GradeValue;
  /** Epoch ms the card would be due after this answer. */
  due: number;
  /** Short label of the interval from now, e.g. "10m", "3d", "1.2mo". */
  label: string;
}

export interface Scheduler {
  readonly params: Readonly<SchedulerParams>;
  /**
   * Applies one answer. `state` undefined means a new card. If `now` is before the card's
   * last review (clock skew, another tab), the answer is recorded at the last review time.
   */
  review(key: CardKey, state: CardState | undefined, now: number, grade: GradeValue, durationMs: number): ReviewResult;
  /** For each grade 1–4 (in that order), where the card would go. */
  preview(state: CardState | undefined, now: number): PreviewItem[];
  /** Probability of recall now, 0–1 (0 for a new card). */
  retrievability(state: CardState | undefined, now: number): number;
}

const GRADES: readonly GradeValue[] = [1, 2, 3, 4];

// `rollback` only reads the card and the log, so one shared instance serves every scheduler.
const rollbackFsrs = new FSRS({});

function checkParams(params: SchedulerParams): void {
  const { desiredRetention, maximumIntervalDays } = params;
  if (!(desiredRetention >= 0.7 && desiredRetention <= 0.99)) {
    throw new RangeError(`desiredRetention must be within 0.7–0.99, got ${desiredRetention}`);
  }
  if (!(Number.isInteger(maximumIntervalDays) && maximumIntervalDays >= 1 && maximumIntervalDays <= 36500)) {
    throw new RangeError(`maximumIntervalDays must be an integer 1–36500, got ${maximumIntervalDays}`);
  }
}

/** `now`, or the card's last review if `now` is earlier (ts-fsrs throws on negative time). */
function reviewTime(state: CardState | undefined, now: number): number {
  const last = state?.lastReview;
  return last != null && now < last ? last : now;
}

function toFsrsCard(state: CardState | undefined, time: number): FsrsCard {
  if (state === undefined) {
    return {
      due: new Date(time),
      stability: 0,
      difficulty: 0,
      elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
      reps: 0,
      lapses: 0,
      state: State.New,
      last_review: undefined,
    };
  }
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: 0, // deprecated in ts-fsrs and unused by the scheduler
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: state.state,
    last_review: state.lastReview === null ? undefined : new Date(state.lastReview),
  };
}

function fromFsrsCard(card: FsrsCard): CardState {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as FsrsState,
    lastReview: card.last_review === undefined ? null : card.last_review.getTime(),
  };
}

function toUndoLog(log: ReviewLog, rating: GradeValue, state: FsrsState): UndoLog {
  return {
    rating,
    state,
    due: log.due.getTime(),
    stability: log.stability,
    difficulty: log.difficulty,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    review: log.review.getTime(),
  };
}

function fromUndoLog(log: UndoLog): ReviewLog {
  return {
    rating: log.rating as Grade,
    state: log.state as State,
    due: new Date(log.due),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: 0,
    last_elapsed_days: 0,
    scheduled_days: log.scheduledDays,
    learning_steps: log.learningSteps,
    review: new Date(log.review),
  };
}

export function createScheduler(params: Partial<SchedulerParams> = {}): Scheduler {
  const resolved: Readonly<SchedulerParams> = Object.freeze({ ...DEFAULT_SCHEDULER_PARAMS, ...params });
  checkParams(resolved);
  const f = new FSRS({
    request_retention: resolved.desiredRetention,
    maximum_interval: resolved.maximumIntervalDays,
    enable_fuzz: true,
    enable_short_term: true,
    learning_steps: LEARNING_STEPS,
    relearning_steps: RELEARNING_STEPS,
  });

  return {
    params: resolved,

    review(key, state, now, grade, durationMs) {
      const time = reviewTime(state, now);
      const { card, log } = f.next(toFsrsCard(state, time), new Date(time), grade as Grade);
      const after = fromFsrsCard(card);
      const priorState: FsrsState = state === undefined ? 0 : state.state;
      return {
        state: after,
        entry: { key, review: time, rating: grade, state: priorState, duration: durationMs },
        undo: {
          key,
          review: time,
          wasNew: state === undefined,
          after,
          log: toUndoLog(log, grade, priorState),
          priorDue: state === undefined ? time : state.due,
          priorLastReview: state === undefined ? null : state.lastReview,
        },
      };
    },

    preview(state, now) {
      const time = reviewTime(state, now);
      const record = f.repeat(toFsrsCard(state, time), new Date(time));
      return GRADES.map((grade) => {
        const due = record[grade as Grade].card.due.getTime();
        return { grade, due, label: formatInterval(due - time) };
      });
    },

    retrievability(state, now) {
      return retrievabilityWith(f, state, now);
    },
  };
}

const DAY_MS = 86_400_000;

/**
 * ts-fsrs `get_retrievability(card, now, false)` without building a Card: whole days since
 * the last review (floored, never negative) on the FSRS-6 forgetting curve.
 */
function retrievabilityWith(f: FSRS, state: CardState | undefined, now: number): number {
  if (state === undefined || state.state === 0 || state.lastReview === null) return 0;
  const days = Math.max(Math.floor((now - state.lastReview) / DAY_MS), 0);
  return f.forgetting_curve(days, +state.stability.toFixed(8));
}

/**
 * The state before the answer that produced `token`: undefined for a card that was new,
 * otherwise deep-equal to the CardState passed to `review`. Uses ts-fsrs `rollback` on the
 * stored result and log, then restores the two fields rollback cannot know (see UndoToken).
 * Does not depend on the scheduler's parameters.
 */
export function undoReview(token: UndoToken): CardState | undefined {
  if (token.wasNew) return undefined;
  const rolledBack = fromFsrsCard(rollbackFsrs.rollback(toFsrsCard(token.after, token.review), fromUndoLog(token.log)));
  rolledBack.due = token.priorDue;
  rolledBack.lastReview = token.priorLastReview;
  return rolledBack;
}

/** The app's default scheduler (desired retention 0.9, maximum interval 36500 days). */
export const defaultScheduler: Scheduler = createScheduler();

export function review(
  key: CardKey,
  state: CardState | undefined,
  now: number,
  grade: GradeValue,
  durationMs: number,
): ReviewResult {
  return defaultScheduler.review(key, state, now, grade, durationMs);
}

export function preview(state: CardState | undefined, now: number): PreviewItem[] {
  return defaultScheduler.preview(state, now);
}

export function retrievability(state: CardState | undefined, now: number): number {
  return defaultScheduler.retrievability(state, now);
}
