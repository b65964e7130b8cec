import { useMemo } from 'react';
import type { Card, CardKey, Deck } from '../core/deck/types';
import { cardKey } from '../core/deck/types';
import { matchesTags } from '../core/deck/tags';
import { studyDayBounds } from '../core/schedule/day';
import { buildQueue, dueTomorrow, todayCounts, type QueueCard, type QueueCounts } from '../core/schedule/queue';
import type { CardState } from '../core/schedule/types';
import { reviewedToday, streak } from '../core/stats/streak';
import { sessionSummary } from '../core/stats/session';
import { formatInterval } from '../core/schedule/interval';
import { getCollection } from './collection';
import type { Settings } from './settings';
import { useAppStore } from './store';

export interface IndexedCard {
  key: CardKey;
  deckId: string;
  card: Card;
}

/** How many cards of the given decks carry each tag. */
export function useTagCounts(decks: readonly Deck[]): ReadonlyMap<string, number> {
  return useMemo(() => {
    const counts = new Map<string, number>();
    for (const deck of decks) for (const card of deck.cards) for (const tag of card.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    return counts;
  }, [decks]);
}

/** Every deck the learner has, built-in first (hidden built-ins left out). */
export function useAllDecks(): Deck[] {
  const builtin = useAppStore((s) => s.builtinDecks);
  const user = useAppStore((s) => s.userDecks);
  const hidden = useAppStore((s) => s.settings.hiddenDecks);
  return useMemo(() => [...builtin.filter((d) => !hidden.includes(d.id)), ...user], [builtin, user, hidden]);
}

/** Decks included in study (not excluded in the library). */
export function useStudyDecks(): Deck[] {
  const decks = useAllDecks();
  const excluded = useAppStore((s) => s.settings.excludedDecks);
  return useMemo(() => decks.filter((d) => !excluded.includes(d.id)), [decks, excluded]);
}

/** Card lookup by key across every deck. */
export function useCardIndex(): ReadonlyMap<CardKey, IndexedCard> {
  const builtin = useAppStore((s) => s.builtinDecks);
  const user = useAppStore((s) => s.userDecks);
  return useMemo(() => {
    const index = new Map<CardKey, IndexedCard>();
    for (const deck of [...builtin, ...user]) {
      for (const card of deck.cards) {
        const key = cardKey(deck.id, card.id);
        index.set(key, { key, deckId: deck.id, card });
      }
    }
    return index;
  }, [builtin, user]);
}

function queueCards(decks: readonly Deck[], tags: readonly string[]): QueueCard[] {
  const keep = matchesTags(tags);
  const out: QueueCard[] = [];
  for (const deck of decks) {
    // Sibling keys are per deck: two decks may use the same fact names.
    for (const card of deck.cards) if (keep(card)) out.push({ key: cardKey(deck.id, card.id), sibling: `${deck.id}/${card.sibling}` });
  }
  return out;
}

/** What every queue built for `now` shares, and today's answers it was derived from. */
function queueInputBase(settings: Settings, now: number, states: ReadonlyMap<CardKey, CardState>) {
  const day = { hour: settings.dayStartHour };
  const { start } = studyDayBounds(now, day);
  const todayEntries = getCollection().entriesSince(start);
  const base = { states, now, day, limits: { newPerDay: settings.newPerDay, reviewsPerDay: settings.reviewsPerDay }, today: todayCounts(todayEntries, start) };
  return { base, todayEntries };
}

const DAY_MS = 86_400_000;

/**
 * The streak from recent answers only: decoding a long review log costs tens of ms, and a
 * streak that ended inside the window is exact. The window grows when the streak fills it.
 */
function recentStreak(now: number, day: { hour: number }): number {
  const c = getCollection();
  for (const days of [62, 400]) {
    const found = streak(c.entriesSince(now - days * DAY_MS), now, day);
    if (found < days - 2) return found;
  }
  return streak(c.entries(), now, day);
}

export interface HomeDeck {
  id: string;
  name: string;
  description: string;
  total: number;
  counts: QueueCounts;
}

/** Home: per-deck counts for today, today's reviews and the streak. */
export function useHomeData(): { decks: HomeDeck[]; total: QueueCounts; reviewedToday: number; streak: number } {
  const decks = useStudyDecks();
  const settings = useAppStore((s) => s.settings);
  const version = useAppStore((s) => s.version);
  const clock = useAppStore((s) => s.clock);
  return useMemo(() => {
    void version;
    const c = getCollection();
    const { base, todayEntries } = queueInputBase(settings, clock, c.states);
    const { day } = base;
    const home = decks.map((deck) => {
      const { counts } = buildQueue({ ...base, cards: queueCards([deck], settings.studyTags) });
      return { id: deck.id, name: deck.name, description: deck.description, total: deck.cards.length, counts };
    });
    // The daily limits are global: "Study all" gets at most this many, whatever each deck shows.
    const { counts: total } = buildQueue({ ...base, cards: queueCards(decks, settings.studyTags) });
    return {
      decks: home,
      total,
      reviewedToday: reviewedToday(todayEntries, clock, day),
      streak: recentStreak(clock, day),
    };
  }, [decks, settings, version, clock]);
}

/**
 * The cards the study session draws from: its chosen decks (or every included deck), through
 * the tag filter. Changes only with decks and filters, not with each answer.
 */
function useSessionCards(): QueueCard[] {
  const decks = useStudyDecks();
  const allDecks = useAllDecks();
  const scope = useAppStore((s) => s.session.scope);
  const studyTags = useAppStore((s) => s.settings.studyTags);
  return useMemo(() => queueCards(scope ? allDecks.filter((d) => scope.includes(d.id)) : decks, studyTags), [decks, allDecks, scope, studyTags]);
}

export interface StudyItem extends IndexedCard {
  isNew: boolean;
  isLearning: boolean;
}

/** The study queue for the session's scope: the card to show and what is left today. */
export function useStudyView(): { current: StudyItem | null; counts: QueueCounts; nextLearningDue: number | null; deckNames: ReadonlyMap<string, string> } {
  const allDecks = useAllDecks();
  const index = useCardIndex();
  const settings = useAppStore((s) => s.settings);
  const extraNew = useAppStore((s) => s.session.extraNew);
  const reviewAhead = useAppStore((s) => s.session.reviewAhead);
  const version = useAppStore((s) => s.version);
  const clock = useAppStore((s) => s.clock);
  const cards = useSessionCards();
  const deckNames = useMemo(() => new Map(allDecks.map((d) => [d.id, d.name])), [allDecks]);
  return useMemo(() => {
    void version;
    const c = getCollection();
    const queue = buildQueue({
      ...queueInputBase(settings, clock, c.states).base,
      cards,
      options: { extraNew, reviewAhead },
    });
    const head = queue.items[0];
    const found = head ? index.get(head.key) : undefined;
    const current = head && found ? { ...found, isNew: head.kind === 'new', isLearning: head.kind === 'learning' } : null;
    return { current, counts: queue.counts, nextLearningDue: queue.nextLearningDue, deckNames };
  }, [cards, deckNames, index, settings, extraNew, reviewAhead, version, clock]);
}

export interface SessionSummaryData {
  studied: number;
  accuracy: number;
  timeMs: number;
  dueTomorrow: number;
  /** New cards not yet studied in scope (for "study more new cards"). */
  newAvailable: number;
  /** Cards due on later days (for "review ahead"). */
  aheadAvailable: number;
  nextLearningIn: string | null;
}

/** The end-of-session summary: answers since the session started. */
export function useSessionSummary(): SessionSummaryData {
  const cards = useSessionCards();
  const settings = useAppStore((s) => s.settings);
  const startedAt = useAppStore((s) => s.session.startedAt);
  const version = useAppStore((s) => s.version);
  const clock = useAppStore((s) => s.clock);
  return useMemo(() => {
    void version;
    const c = getCollection();
    const { base } = queueInputBase(settings, clock, c.states);
    const { day } = base;
    const { counts, nextLearningDue } = buildQueue({ ...base, cards, options: { extraNew: 10_000, reviewAhead: true } });
    const { counts: todayOnly } = buildQueue({ ...base, cards });
    const summary = sessionSummary(c.entriesSince(startedAt), dueTomorrow({ cards, states: c.states, now: clock, day }));
    return {
      studied: summary.answers,
      accuracy: summary.accuracy ?? 0,
      timeMs: summary.timeMs,
      dueTomorrow: summary.dueTomorrow,
      newAvailable: counts.new - todayOnly.new,
      aheadAvailable: counts.review - todayOnly.review,
      nextLearningIn: nextLearningDue === null ? null : formatInterval(Math.max(nextLearningDue - clock, 60_000)),
    };
  }, [cards, settings, startedAt, version, clock]);
}
