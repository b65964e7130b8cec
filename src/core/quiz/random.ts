/**
 * A seeded source of random numbers for the quiz core, which never calls `Math.random()`.
 * The caller picks the seed (e.g. from the clock once, at the edge) and passes the source in.
 */

/** A source of uniformly distributed numbers in [0, 1), like `Math.random`. */
export type RandomSource = () => number;

/**
 * mulberry32: a small, fast 32-bit generator. The same seed always yields the same sequence,
 * which makes quizzes reproducible and tests deterministic. Not for cryptographic use.
 */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
