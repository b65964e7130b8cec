import type { Scheduler } from '../core/schedule/fsrs';
import type { CardState } from '../core/schedule/types';
import type { UndoRecord } from './session';

// ts-fsrs is loaded during start-up, outside the initial bundle: Home renders from stored
// states before it arrives, and nothing answers a card before the store is ready.
type FsrsModule = typeof import('../core/schedule/fsrs');
let fsrs: FsrsModule | null = null;
let scheduler: Scheduler | null = null;

export async function loadScheduler(): Promise<void> {
  fsrs ??= await import('../core/schedule/fsrs');
}

function fsrsModule(): FsrsModule {
  if (!fsrs) throw new Error('The scheduler is not loaded yet.');
  return fsrs;
}

/** The scheduler for the learner's desired retention (recreated when it changes). */
export function schedulerFor(desiredRetention: number): Scheduler {
  if (!scheduler || scheduler.params.desiredRetention !== desiredRetention) {
    scheduler = fsrsModule().createScheduler({ desiredRetention });
  }
  return scheduler;
}

export function undoReview(token: UndoRecord['token']): CardState | undefined {
  return fsrsModule().undoReview(token);
}

/** Probability of recall now (0 to 1); 0 for a new card. */
export function retrievabilityOf(state: CardState | undefined, now: number): number {
  return fsrsModule().retrievability(state, now);
}
