/**
 * Study streak and today's activity from the review log. Gather: the answer times, newest
 * first. Build: walk back one study day at a time while each day has an answer.
 */
import type { ReviewEntry } from '../schedule/types';
import { previousStudyDayStart, studyDayBounds, type StudyDayOptions } from '../schedule/day';

/** Answer times not after `end`, newest first. */
function gatherTimes(entries: readonly ReviewEntry[], end: number): Float64Array {
  const times = new Float64Array(entries.length);
  let n = 0;
  for (const entry of entries) if (entry.review < end) times[n++] = entry.review;
  const kept = times.subarray(0, n).sort();
  return kept.reverse();
}

/**
 * Consecutive study days with at least one answer, ending today, or ending yesterday when
 * today has no answer yet (the streak is not broken until today is over). Answers dated
 * after today (another device's clock) are ignored.
 */
export function streak(entries: readonly ReviewEntry[], now: number, day?: StudyDayOptions): number {
  const { start, end } = studyDayBounds(now, day);
  const times = gatherTimes(entries, end);
  let i = 0;
  let days = 0;
  let dayStart = start;
  if (i < times.length && times[i] >= dayStart) {
    days = 1;
    while (i < times.length && times[i] >= dayStart) i += 1;
  }
  for (;;) {
    if (i >= times.length) return days;
    const previous = previousStudyDayStart(dayStart, day);
    if (times[i] < previous) return days;
    days += 1;
    dayStart = previous;
    while (i < times.length && times[i] >= dayStart) i += 1;
  }
}

/** Answers given today (every answer, learning steps included). */
export function reviewedToday(entries: readonly ReviewEntry[], now: number, day?: StudyDayOptions): number {
  const { start, end } = studyDayBounds(now, day);
  let count = 0;
  for (const entry of entries) if (entry.review >= start && entry.review < end) count += 1;
  return count;
}
