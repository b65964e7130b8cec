/**
 * Re-import planning: merges a freshly parsed deck into the stored one so that progress,
 * keyed by cardKey(deck.id, card.id), stays attached to the same cards.
 *
 * Rules, in order:
 * 1. An incoming card with an explicit id (anything but a derived "q-…" id, see ids.ts)
 *    matches the existing card with that id.
 * 2. An incoming card with a derived id (the file gave none) matches the first not yet
 *    matched existing card with exactly the same question text and takes that card's id;
 *    editing the answer, explanation, tags or source therefore keeps the card.
 * 3. Anything else is added as a new card; if its id is already used by an existing card
 *    it gets a "-2", "-3", … suffix.
 * Matched cards take the incoming texts. Cards that are not in the file are KEPT (with their
 * progress) after the file's cards: `removed` is always 0 and `notInFile` counts them.
 * The merged deck keeps the existing deck's id and builtIn flag and takes the incoming
 * name and description.
 */
import type { Card, Deck } from '../deck/types';
import { isDerivedCardId, uniqueId } from './ids';

export interface ImportPlan {
  deck: Deck;
  added: number;
  changed: number;
  unchanged: number;
  /** Always 0: cards missing from the file are kept, see `notInFile`. */
  removed: number;
  /** Existing cards that the file no longer contains; they stay in the deck. */
  notInFile: number;
}

function sameContent(a: Card, b: Card): boolean {
  return (
    a.kind === b.kind &&
    a.question === b.question &&
    a.answer === b.answer &&
    a.explanation === b.explanation &&
    a.source === b.source &&
    a.sibling === b.sibling &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i])
  );
}

/** The incoming card under a new id; a sibling that was just the old id follows the id. */
function withId(card: Card, id: string): Card {
  if (card.id === id) return card;
  return { ...card, id, sibling: card.sibling === card.id ? id : card.sibling };
}

export function planImport(existing: Deck | undefined, incoming: Deck): ImportPlan {
  if (existing === undefined) {
    return { deck: incoming, added: incoming.cards.length, changed: 0, unchanged: 0, removed: 0, notInFile: 0 };
  }
  const byId = new Map(existing.cards.map((card) => [card.id, card]));
  const claimed = new Set<string>();
  /** Existing id each incoming card (by index) maps to. */
  const target = new Map<number, string>();
  const derived = incoming.cards.map((card) => isDerivedCardId(card.id, card.question));

  incoming.cards.forEach((card, index) => {
    if (derived[index] === true) return;
    if (byId.has(card.id) && !claimed.has(card.id)) {
      claimed.add(card.id);
      target.set(index, card.id);
    }
  });
  const byQuestion = new Map<string, Card[]>();
  for (const card of existing.cards) {
    const list = byQuestion.get(card.question);
    if (list === undefined) byQuestion.set(card.question, [card]);
    else list.push(card);
  }
  incoming.cards.forEach((card, index) => {
    if (derived[index] !== true) return;
    const match = byQuestion.get(card.question)?.find((candidate) => !claimed.has(candidate.id));
    if (match === undefined) return;
    claimed.add(match.id);
    target.set(index, match.id);
  });

  const taken = new Set<string>(byId.keys());
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  const cards: Card[] = incoming.cards.map((card, index) => {
    const id = target.get(index);
    if (id !== undefined) {
      const merged = withId(card, id);
      const old = byId.get(id);
      if (old !== undefined && sameContent(old, merged)) unchanged += 1;
      else changed += 1;
      return merged;
    }
    added += 1;
    const fresh = uniqueId(card.id, taken);
    taken.add(fresh);
    return withId(card, fresh);
  });
  const leftovers = existing.cards.filter((card) => !claimed.has(card.id));
  return {
    deck: {
      id: existing.id,
      name: incoming.name,
      description: incoming.description,
      builtIn: existing.builtIn,
      cards: [...cards, ...leftovers],
    },
    added,
    changed,
    unchanged,
    removed: 0,
    notInFile: leftovers.length,
  };
}
