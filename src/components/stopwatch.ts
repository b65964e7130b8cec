/** Milliseconds on a monotonic clock, for timing how long an answer took (event handlers only). */
export function monotonicNow(): number {
  return performance.now();
}

/** Wall-clock epoch ms, read once per learner action and passed down (event handlers only). */
export function wallNow(): number {
  return Date.now();
}
