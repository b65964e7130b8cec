/**
 * The FSRS rating scale, re-exported so that layers outside core/schedule (grading, UI)
 * can name ratings without importing ts-fsrs themselves.
 */
export { Rating } from 'ts-fsrs';
export type { Grade } from 'ts-fsrs';
