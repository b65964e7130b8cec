/**
 * Per-deck counts for Home: how many new, learning and review cards each deck has left
 * today, limited exactly as the study queue would limit a session on that deck alone.
 * Gather: today's answers per deck (for the per-deck limits). Build: the queue counts.
 */
import { splitCardKey, type CardKey, type Deck } from '../deck/types';
import type { CardState, ReviewEntry } from '../schedule/types';
import { studyDayBounds, type StudyDayOptions } from '../schedule/day';
import { buildQueue, queueCardsOf, todayCounts, type DailyLimits, type QueueCounts, type TodayCounts } from '../schedule/queue';

export interface DeckCountsInput {
  decks: readonly Pick<Deck, 'id' | 'cards'>[];
  states: ReadonlyMap<CardKey, CardState>;
  /** The review log; only today's answers matter, so passing just those is enough. */
  entries: readonly ReviewEntry[];
  now: number;
  day?: StudyDayOptions;
  /** Limits apply to each deck separately, as in Anki. */
  limits?: Partial<DailyLimits>;
}

function gatherToday(entries: readonly ReviewEntry[], dayStart: number): Map<string, ReviewEntry[]> {
  const byDeck = new Map<string, ReviewEntry[]>();
  for (const entry of entries) {
    if (entry.review < dayStart) continue;
    const { deckId } = splitCardKey(entry.key);
    const list = byDeck.get(deckId);
    if (list === undefined) byDeck.set(deckId, [entry]);
    else list.push(entry);
  }
  return byDeck;
}

/** Counts by deck id, in the order of `decks`. */
export function deckCounts(input: DeckCountsInput): Map<string, QueueCounts> {
  const { start } = studyDayBounds(input.now, input.day);
  const todayByDeck = gatherToday(input.entries, start);
  const none: TodayCounts = { newStudied: 0, reviewsStudied: 0 };
  const result = new Map<string, QueueCounts>();
  for (const deck of input.decks) {
    const entries = todayByDeck.get(deck.id);
    const { counts } = buildQueue({
      cards: queueCardsOf(deck),
      states: input.states,
      now: input.now,
      day: input.day,
      limits: input.limits,
      today: entries === undefined ? none : todayCounts(entries, start),
    });
    result.set(deck.id, counts);
  }
  return result;
}
