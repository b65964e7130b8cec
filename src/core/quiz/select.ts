/**
 * Picks the questions of a practice quiz or mock exam from a pool of owner cards.
 *
 * Rules:
 * - No card appears twice, even if the pool lists it twice (the first entry wins).
 * - Siblings (cards made from one fact) are kept apart: a second card of a sibling group is
 *   only taken when the pool has fewer distinct sibling groups than `count`, a third only
 *   when every group already gave two, and so on.
 * - A pool smaller than `count` yields the whole pool; the caller shows the real count.
 * - Without `focusWeak` every card is equally likely (a uniform shuffle).
 * - With `focusWeak` cards are drawn by weighted sampling without replacement
 *   (Efraimidis–Spirakis: each card gets the key u^(1/w) and the highest keys win), with
 *   the weight from {@link weaknessWeight}: lapses, wrong answers in past quizzes and low
 *   retrievability make a card more likely, but every card keeps a chance.
 *
 * The result is in draw order: first one card per sibling group, then any second siblings,
 * so siblings that must share a quiz are as far apart as possible.
 */
import type { CardKey } from '../deck/types';
import type { RandomSource } from './random';

/** What the caller knows about how weak the learner is on one card. */
export interface WeaknessInput {
  /** FSRS lapses: how often the card was forgotten after being learnt. */
  lapses: number;
  /** How many past quiz attempts got this card wrong (see `quizWrongCounts`). */
  quizWrong: number;
  /** Current probability of recall in [0, 1], or null for a card never reviewed. */
  retrievability: number | null;
}

export interface PoolEntry {
  key: CardKey;
  /** The card's sibling key; cards sharing it come from one fact. */
  sibling: string;
  weakness?: WeaknessInput;
}

export interface SelectOptions {
  pool: readonly PoolEntry[];
  count: number;
  focusWeak: boolean;
  random: RandomSource;
}

/** Weight of a card with no sign of weakness. */
export const BASE_WEIGHT = 1;
/** Added per lapse, for at most {@link MAX_COUNTED_LAPSES} lapses. */
export const LAPSE_WEIGHT = 1;
export const MAX_COUNTED_LAPSES = 4;
/** Added per past quiz attempt that got the card wrong, for at most {@link MAX_COUNTED_QUIZ_WRONG}. */
export const QUIZ_WRONG_WEIGHT = 2;
export const MAX_COUNTED_QUIZ_WRONG = 3;
/** Multiplied by (1 − retrievability): a card at R = 0.5 adds 2, at R = 0.9 adds 0.4. */
export const FORGETTING_WEIGHT = 4;

function clampCount(value: number, max: number): number {
  return Number.isFinite(value) && value > 0 ? Math.min(value, max) : 0;
}

/**
 * The sampling weight of a card under `focusWeak`:
 * 1 + min(lapses, 4) × 1 + min(quizWrong, 3) × 2 + (1 − retrievability) × 4,
 * so between 1 (no sign of weakness) and 15. Unknown retrievability adds nothing.
 */
export function weaknessWeight(weakness: WeaknessInput | undefined): number {
  if (weakness === undefined) return BASE_WEIGHT;
  const r = weakness.retrievability;
  const forgetting = r === null || !Number.isFinite(r) ? 0 : 1 - Math.min(1, Math.max(0, r));
  return (
    BASE_WEIGHT +
    LAPSE_WEIGHT * clampCount(weakness.lapses, MAX_COUNTED_LAPSES) +
    QUIZ_WRONG_WEIGHT * clampCount(weakness.quizWrong, MAX_COUNTED_QUIZ_WRONG) +
    FORGETTING_WEIGHT * forgetting
  );
}

interface Drawn {
  key: CardKey;
  sibling: string;
  /** log(u) / w: ordering by it equals ordering by u^(1/w), without underflow. */
  priority: number;
  index: number;
}

function byPriority(a: Drawn, b: Drawn): number {
  return b.priority - a.priority || a.index - b.index;
}

export function selectQuestions({ pool, count, focusWeak, random }: SelectOptions): CardKey[] {
  const wanted = Math.floor(count);
  if (!(wanted > 0)) return [];

  const seen = new Set<CardKey>();
  const drawn: Drawn[] = [];
  for (const entry of pool) {
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    const weight = focusWeak ? weaknessWeight(entry.weakness) : BASE_WEIGHT;
    // 1 - random() lies in (0, 1], so the log is finite.
    const priority = Math.log(1 - random()) / weight;
    drawn.push({ key: entry.key, sibling: entry.sibling, priority, index: drawn.length });
  }
  drawn.sort(byPriority);

  // Rank each card within its sibling group in draw order; rank 0 is the group's representative.
  const taken = new Map<string, number>();
  const ranked = drawn.map((item) => {
    const rank = taken.get(item.sibling) ?? 0;
    taken.set(item.sibling, rank + 1);
    return { item, rank };
  });
  ranked.sort((a, b) => a.rank - b.rank || byPriority(a.item, b.item));

  return ranked.slice(0, wanted).map(({ item }) => item.key);
}
