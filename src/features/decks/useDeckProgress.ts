import { useMemo } from 'react';
import { cardKey, type Deck } from '../../core/deck/types';
import { studyDayBounds } from '../../core/schedule/day';
import { getCollection } from '../../store/collection';
import { useAppStore } from '../../store/store';

export interface DeckProgress {
  total: number;
  /** Cards answered at least once (they have a stored state). */
  studied: number;
  /** Studied cards due before the current study day ends. */
  dueToday: number;
}

/** Progress per deck id, recomputed when answers, restores or the clock change. */
export function useDeckProgress(decks: readonly Deck[]): ReadonlyMap<string, DeckProgress> {
  const version = useAppStore((s) => s.version);
  const clock = useAppStore((s) => s.clock);
  const dayStartHour = useAppStore((s) => s.settings.dayStartHour);
  return useMemo(() => {
    void version;
    const states = getCollection().states;
    const { end } = studyDayBounds(clock, { hour: dayStartHour });
    const out = new Map<string, DeckProgress>();
    for (const deck of decks) {
      let studied = 0;
      let dueToday = 0;
      for (const card of deck.cards) {
        const state = states.get(cardKey(deck.id, card.id));
        if (state === undefined) continue;
        studied += 1;
        if (state.due < end) dueToday += 1;
      }
      out.set(deck.id, { total: deck.cards.length, studied, dueToday });
    }
    return out;
  }, [decks, version, clock, dayStartHour]);
}
